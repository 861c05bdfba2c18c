# typing's class factories, markers and annotation readers, and the error messages
# of its subscripting rules (each line prints what it checks).
import sys
import typing
from typing import (Annotated, Any, Callable, ClassVar, Concatenate, Dict, Final,
                    ForwardRef, Generic, List, Literal, NamedTuple, NewType,
                    NotRequired, Optional, ParamSpec, Protocol, Required, Tuple,
                    TypedDict, TypeVar, Union, get_args, get_origin, get_type_hints)


def attempt(label, f):
    try:
        print(label, f())
    except Exception as e:
        print(label, type(e).__name__, e)


# Every public name reports typing as its module.
for name in ["NamedTuple", "TypedDict", "NewType", "cast", "get_type_hints", "get_origin",
             "get_args", "overload", "final", "no_type_check", "is_typeddict",
             "assert_never", "reveal_type", "dataclass_transform", "NamedTupleMeta"]:
    print(name, getattr(typing, name).__module__)
print(repr(typing._TypedDict), repr(typing._NamedTuple))

# NamedTuple: fields, defaults, methods, the errors.
class Point(NamedTuple):
    x: int
    y: int = 0

    def norm1(self):
        return abs(self.x) + abs(self.y)

print(Point(3), Point(3, -4).norm1(), Point._fields, Point._field_defaults)
print(Point.__annotations__, Point.__module__)
P2 = NamedTuple("P2", [("a", int), ("b", str)])
print(P2(1, "z"), P2.__annotations__)
P3 = NamedTuple("P3", a=int)
print(P3(5))
attempt("both", lambda: NamedTuple("P4", [("a", int)], b=str))
try:
    class Order(NamedTuple):
        a: int = 1
        b: int = 2
        c: int
except TypeError as e:
    print("order", e)
attempt("dup", lambda: NamedTuple("D", [("a", int), ("a", int)]))
attempt("badtype", lambda: NamedTuple("E", [("a", 3)]))
try:
    class Over(NamedTuple):
        a: int
        def _asdict(self):
            return {}
except AttributeError as e:
    print("overwrite", e)
try:
    class Mixed(NamedTuple, dict):
        a: int
except TypeError as e:
    print("mixed", e)

# TypedDict: required and optional keys through inheritance.
class Movie(TypedDict):
    title: str
    year: NotRequired[int]

class Film(Movie, total=False):
    director: str
    rating: Required[float]

print(sorted(Movie.__required_keys__), sorted(Movie.__optional_keys__), Movie.__total__)
print(sorted(Film.__required_keys__), sorted(Film.__optional_keys__), Film.__total__)
print(list(Film.__annotations__))
print(Film(title="x", rating=1.0), type(Film(title="x")))
Alt = TypedDict("Alt", {"a": int, "b": str}, total=False)
print(Alt.__annotations__, sorted(Alt.__optional_keys__), Alt.__module__)
print(typing.is_typeddict(Alt), typing.is_typeddict(dict))
attempt("td both", lambda: TypedDict("X", {"a": int}, b=str))
attempt("td check", lambda: isinstance({}, Movie))
try:
    class Wrong(Movie, int):
        pass
except TypeError as e:
    print("td base", e)

# NewType.
UserId = NewType("UserId", int)
print(UserId, UserId(5), UserId.__supertype__, UserId.__name__, UserId.__qualname__)
Deep = NewType("a.b.Deep", str)
print(Deep.__name__, Deep.__qualname__, Deep | None)
try:
    class Sub(UserId):
        pass
except TypeError as e:
    print("newtype", e)

# Markers.
print(typing.cast(int, "s"), typing.assert_type(3, int))
attempt("never", lambda: typing.assert_never("x" * 150))
print(typing.reveal_type([1]) if False else "reveal skipped")


@typing.dataclass_transform(kw_only_default=True)
def maker(cls):
    return cls

print(sorted(maker.__dataclass_transform__.items()))


@typing.no_type_check
class Unchecked:
    a: "does not exist"

    def m(self) -> "nope":
        pass

print(Unchecked.__no_type_check__, Unchecked.m.__no_type_check__, get_type_hints(Unchecked))


@typing.overload
def over(x: int) -> int: ...
@typing.overload
def over(x: str) -> str: ...
def over(x):
    return x

print(len(typing.get_overloads(over)), over(2))
typing.clear_overloads()
print(typing.get_overloads(over))

# get_type_hints: strings, None, inheritance, Annotated kept or stripped.
class Node:
    value: "int"
    parent: "Optional[Node]"
    nothing: None

class Leaf(Node):
    tags: "List[str]"
    note: Annotated[str, "doc"]
    marks: Required[Annotated[int, "m"]]

print(get_type_hints(Node))
print(get_type_hints(Leaf))
print(get_type_hints(Leaf, include_extras=True)["note"])


def fn(a: "int", b: List["str"] = None, *rest: "Tuple[int, ...]") -> "Dict[str, int]":
    pass

print(get_type_hints(fn))
print(get_type_hints(fn, globalns={"int": float, "Tuple": Tuple, "Dict": Dict}))
print(get_type_hints(sys.modules[__name__]) == {})
attempt("hints of 3", lambda: get_type_hints(3))
print(get_type_hints(len))

# ForwardRef.
r = ForwardRef("List[int]")
print(r, r == ForwardRef("List[int]"), r == ForwardRef("int"), hash(r) == hash(ForwardRef("List[int]")))
print(get_type_hints(fn, localns={"List": Tuple}) == get_type_hints(fn))
attempt("fwd", lambda: ForwardRef(3))
attempt("fwd syntax", lambda: ForwardRef("1 +"))
print(ForwardRef("x", module="m"))

# get_origin / get_args.
P = ParamSpec("P")
for t in [List[int], Dict[str, int], Union[int, str], Optional[int], int | str,
          Callable[[int, str], bool], Callable[..., int], Callable[P, int],
          Callable[Concatenate[int, P], int], Literal[1, 2],
          ClassVar[int], Generic, int, list[int], P.args, P.kwargs, Tuple[int, ...]]:
    print(repr(t), get_origin(t), get_args(t))

print(get_origin(Annotated[int, "a"]) is Annotated, get_args(Annotated[int, "a", "b"]))

# Subscripting rules and their messages.
T = TypeVar("T")
U = TypeVar("U")
attempt("plain", lambda: List[ClassVar])
attempt("plain2", lambda: List[Generic])
attempt("tuple arg", lambda: Union[(1, 2), int])
attempt("few", lambda: Dict[int])
attempt("many", lambda: List[int, str])
attempt("not generic", lambda: List[int][str])
attempt("callable", lambda: Callable[int])
attempt("concat", lambda: Concatenate[int, str])
attempt("concat empty", lambda: Concatenate[()])
attempt("union empty", lambda: Union[()])
attempt("generic empty", lambda: Generic[()])
attempt("generic int", lambda: Generic[int])
attempt("generic dup", lambda: Generic[T, T])
attempt("bivariant", lambda: TypeVar("B", covariant=True, contravariant=True))
attempt("one constraint", lambda: TypeVar("C", int))
attempt("constraint and bound", lambda: TypeVar("C", int, str, bound=int))
print(Union[int, str] == Union[str, int], Union[int, None], Union[None, int], Union[int])
print(Union[int, Union[str, float]], Optional[Optional[int]], Union[int, str] == (int | str))
print(Literal[1, 2] == Literal[2, 1], Literal[1, Literal[2, 1]])
print(Annotated[Annotated[int, "a"], "b"], Annotated[int, "a"] == Annotated[int, "a"])
print(Tuple[int, ...], Tuple[()], Callable[[], int], Callable[[int], T][str])
print(Callable[Concatenate[int, P], T][[str], bool], Callable[P, T][[int, str], bool])
print(Callable[Concatenate[int, P], T][Concatenate[str, P], bool])

class Box(Generic[T]):
    pass

class Pair(Box[T], Generic[T, U]):
    pass

print(Box[int], Pair.__parameters__, Pair[int, str], Box.__mro__[1:])
try:
    class Bad(Box[T], Generic[U]):
        pass
except TypeError as e:
    print("unlisted", e)
try:
    class Bad2(Generic[T], Generic[U]):
        pass
except TypeError as e:
    print("twice", e)
try:
    class Bad3(Generic):
        pass
except TypeError as e:
    print("plain generic", e)


class Proto(Protocol):
    def meth(self) -> int: ...

attempt("proto init", lambda: Proto())
print(Proto._is_protocol, List[int] == List[int], hash(List[int]) == hash(List[int]))

# The asynchronous interfaces, for annotations and structural checks.
import collections.abc as cabc
print(typing.EXCLUDED_ATTRIBUTES)


class Waits:
    def __await__(self):
        return iter(())


class Flows:
    def __aiter__(self):
        return self

    def __anext__(self):
        return None


class Coro:
    def __await__(self):
        return iter(())

    def send(self, v):
        return v

    def throw(self, *a):
        raise StopIteration

    def close(self):
        pass


print(isinstance(Waits(), cabc.Awaitable), isinstance(Flows(), cabc.Awaitable))
print(isinstance(Flows(), cabc.AsyncIterable), isinstance(Flows(), cabc.AsyncIterator))
print(issubclass(Coro, cabc.Coroutine), issubclass(Waits, cabc.Coroutine))
for abc_class in [cabc.Awaitable, cabc.Coroutine, cabc.AsyncIterable, cabc.AsyncIterator]:
    print(abc_class.__name__, sorted(abc_class.__abstractmethods__), abc_class[int])
print(typing.Awaitable[int], typing.Coroutine[int, str, bool], typing.AsyncIterator[str])
print(typing.AsyncIterable, get_origin(typing.Awaitable[int]), "Coroutine" in typing.__all__)


class MyCoro(cabc.Coroutine):
    def __await__(self):
        return iter(())

    def send(self, v):
        raise StopIteration(v)

    def throw(self, typ, val=None, tb=None):
        return super().throw(typ, val, tb)


c = MyCoro()
print(c.close(), isinstance(c, cabc.Awaitable))
attempt("throw", lambda: c.throw(KeyError, KeyError("k")))
attempt("throw type", lambda: c.throw(ValueError))
