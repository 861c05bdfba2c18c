from dataclasses import *
import dataclasses, sys
@dataclass
class Point:
    x: int
    y: int = 0
p = Point(1, 2)
print(p, p == Point(1, 2), p != Point(1, 3), Point.__doc__)
print(Point.__init__.__qualname__, Point.__init__.__annotations__, Point.__match_args__)
print(Point.__hash__, fields(Point)[0].name, is_dataclass(p), is_dataclass(Point), is_dataclass(3))
try: Point()
except TypeError as e: print(e)
@dataclass(order=True, frozen=True)
class V:
    a: int
    b: str = "x"
    c: list = field(default_factory=list, compare=False, repr=False)
v = V(1)
print(v, v < V(2), v >= V(1, "a"), hash(v) == hash((1, "x")), sorted([V(3), V(1), V(2, 'b')]))
try: v.a = 3
except FrozenInstanceError as e: print(type(e).__name__, e)
try: del v.a
except AttributeError as e: print(type(e).__name__, e)
@dataclass
class N:
    name: str
    kids: list = field(default_factory=list)
    tags: dict = field(default_factory=dict)
n = N("root", [N("a"), N("b", tags={"k": (1, 2)})])
print(asdict(n))
print(astuple(n))
print(replace(n, name="r2").name)
n.kids.append(n)
print(n)
@dataclass
class K:
    a: int
    _: KW_ONLY
    b: int = 1
    c: int
print(K(1, c=3), K.__match_args__)
try: K(1, 2, 3)
except TypeError as e: print(e)
@dataclass
class I:
    x: int
    scale: InitVar[int] = 2
    y: int = field(init=False)
    def __post_init__(self, scale):
        self.y = self.x * scale
import re
print(I(3), I(3, 5), re.sub(' at 0x[0-9a-f]+', '', repr(fields(I))), repr(I.__dataclass_fields__['scale'].type))
@dataclass(slots=True)
class S:
    x: int
    y: int
s = S(1, 2)
print(s, S.__slots__, hasattr(s, '__dict__'), sys.getsizeof(s))
@dataclass(unsafe_hash=True)
class H:
    x: int
print(hash(H(1)) == hash((1,)))
try:
    @dataclass
    class Bad:
        x: int = 0
        y: int
except TypeError as e: print(e)
try:
    @dataclass
    class Bad2:
        x: list = []
except ValueError as e: print(e)
M = make_dataclass("M", ["a", ("b", int), ("c", int, field(default=5))], order=True)
print(M(1, 2), M.__module__, M(1, 2) < M(1, 3), M.__doc__)
@dataclass
class Base:
    x: int = 1
@dataclass
class Derived(Base):
    y: int = 2
    x: int = 5
print(Derived(), [f.name for f in fields(Derived)])
print(dataclasses.MISSING.__class__.__name__, Point.__dataclass_params__)
try: fields(3)
except TypeError as e: print(e)
try: asdict(Point)
except TypeError as e: print(e)
