import typing as t
class M(t.TypedDict, total=False):
    a: int
print(type(M(a=1)), M(a=1), M.__total__, M.__required_keys__, M.__optional_keys__, M.__annotations__, M.__mro__)
T=t.TypeVar('T')
class Box(t.Generic[T]): pass
print(Box[int], Box.__parameters__, Box.__orig_bases__, Box.__mro__, t.Generic[T])
print(t.List, t.List[int], t.Dict[str,int], t.Tuple[int,...], t.Tuple[()], t.Callable[[int],str], t.Callable[...,int], t.Callable)
print(t.Optional[int], t.Union[int,None,str], t.Union[int], t.Literal[1,'a'], t.Annotated[int,'m'], t.ClassVar[int], t.Final)
print(t.List[T][int], t.Dict[str,T], t.Dict[str,T].__parameters__, t.Iterable[int], t.Type[int], t.Any, t.NoReturn, t.Never, t.Self)
P=t.ParamSpec('P'); print(P, P.args, t.Concatenate[int,P], t.Callable[P,int])
print(t.get_origin(t.List[int]), t.get_args(t.Callable[[int],str]), t.get_origin(t.Union[int,str]), t.get_origin(int|str), t.get_args(t.Optional[int]))
U=t.NewType('U', int); print(U, U(3), U.__supertype__)
NT=t.NamedTuple('NT',[('a',int)]); print(NT(1), NT.__annotations__)
class N2(t.NamedTuple):
    x: int
    y: str = 'd'
    def m(self): return self.x
print(N2(1), N2(1).m(), N2._fields, N2._field_defaults, N2.__mro__, isinstance(N2(1), tuple))
print(t.Sequence[int], t.Mapping[str,int], t.Generator[int,None,None], t.Iterator[int], t.FrozenSet[int], t.Set[int], t.MutableMapping[str,int])
print(t.Union[int, t.List[int]] | None, t.Optional[t.List[int]] , t.Union[int, str].__args__)
print(repr(t.TypeVar('X', bound=int)), t.TypeVar('Y', int, str).__constraints__, t.TypeVar('Z', covariant=True))
