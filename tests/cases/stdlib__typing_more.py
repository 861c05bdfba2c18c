# typing: introspection, protocols, errors, helpers
import typing
from typing import (Any, Callable, ClassVar, Dict, Final, Generic, List, Literal,
                    Optional, Protocol, Tuple, TypeVar, Union, cast, get_args,
                    get_origin, get_type_hints, overload, runtime_checkable)

def err(f):
    try:
        r = f()
    except Exception as e:
        print(type(e).__name__ + ":", e)
    else:
        print("ok", r)

T = TypeVar("T")
K = TypeVar("K")

class Pair(Generic[K, T]):
    def __init__(self, k, v):
        self.k, self.v = k, v

p = Pair[str, int]("a", 1)
print(p.k, p.v, p.__orig_class__, Pair[str, int] == Pair[str, int], Pair.__parameters__)
err(lambda: Pair[int])
err(lambda: Generic[int])
err(lambda: List[int, str])
err(lambda: isinstance([], List[int]))
print(isinstance([], List), isinstance({}, Dict), issubclass(list, List))
print(isinstance(3, Union[int, str]), isinstance(3.5, Optional[int]))
err(lambda: isinstance(3, Any))
err(lambda: Any[int])
err(lambda: Union[()])
err(lambda: Optional[int, str])
err(lambda: List())
print(typing.Deque[int], typing.DefaultDict[str, int], typing.Counter[str], typing.Type[int])

class Node:
    name: str
    parent: "Optional[Node]"
    size: int = 0
    tags: ClassVar[List[str]] = []

print(get_type_hints(Node))
def f(a: int, b: "List[str]" = None) -> None:
    pass
print(get_type_hints(f))
print(get_type_hints(len) if False else "builtins skipped")
print(get_origin(Literal[1]), get_args(Literal[1, 2]), get_origin(int), get_args(int))
print(get_args(Dict[str, int]), get_args(Callable[..., int]), get_origin(Callable[[int], str]))
print(get_origin(typing.Annotated[int, "x"]) is typing.Annotated, get_args(typing.Annotated[int, "x", 2]))
print(get_args(list[int]), get_origin(list[int]), get_args(int | str))

@runtime_checkable
class Closable(Protocol):
    def close(self): ...

class File:
    def close(self):
        pass

class Rock:
    pass

print(isinstance(File(), Closable), isinstance(Rock(), Closable), issubclass(File, Closable))
class NotRuntime(Protocol):
    def run(self): ...
err(lambda: isinstance(File(), NotRuntime))
err(lambda: Closable())
err(lambda: runtime_checkable(Rock))
print(isinstance(3, typing.SupportsInt), isinstance("x", typing.SupportsInt), isinstance(2.5, typing.SupportsFloat))

@overload
def g(x: int) -> int: ...
@overload
def g(x: str) -> str: ...
def g(x):
    return x
print(g(3), len(typing.get_overloads(g)))
print(cast(int, "not an int"), cast("List[int]", 3))
err(lambda: typing.assert_never(5))
print(Literal[1, 2, 1], Literal[1] == Literal[1], Union[int, str] == Union[str, int])
print(Union[int, str] == (int | str), Optional[int] | str, List[int] | None)
print(Final[int], ClassVar[int], typing.Tuple[int, str], Tuple[int, ...].__args__)
print(typing.Text is str, typing.TYPE_CHECKING, typing.AnyStr, typing.AnyStr.__constraints__)
err(lambda: TypeVar("X", int))
err(lambda: TypeVar("X", covariant=True, contravariant=True))

class Movie(typing.TypedDict):
    title: str
    year: int
m = Movie(title="Blade Runner", year=1982)
print(m, type(m).__name__, Movie.__required_keys__ == {"title", "year"}, typing.is_typeddict(Movie))
err(lambda: isinstance(m, Movie))
Point2 = typing.TypedDict("Point2", {"x": int, "y": int})
print(Point2(x=1, y=2), Point2.__annotations__)

Emp = typing.NamedTuple("Emp", name=str, id=int)
e = Emp("Guido", 1)
print(e, e._asdict(), e._replace(id=2), Emp.__annotations__)
def bad_nt():
    class B(typing.NamedTuple):
        a: int = 1
        b: int
err(bad_nt)

UserId = typing.NewType("UserId", int)
print(UserId(5) + 1, UserId.__name__, UserId | None)
def sub_newtype():
    class X(UserId):
        pass
err(sub_newtype)

@typing.no_type_check
def h(x: int) -> str:
    return x
print(h.__no_type_check__, get_type_hints(h))
@typing.final
class Leaf:
    pass
print(Leaf.__final__)
print(List[T][int], Dict[K, T][str, int], Callable[[T], K][int, str], Pair[str, T][int])
print(typing.Hashable, typing.Sized, typing.ByteString, typing.AbstractSet[int], typing.ContextManager[int])
