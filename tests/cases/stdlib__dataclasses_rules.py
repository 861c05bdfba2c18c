# dataclasses: the __hash__ rules (every unsafe_hash/eq/frozen/explicit combination),
# asdict/astuple through containers, replace's rules, frozen inheritance, slots,
# KW_ONLY and InitVar, make_dataclass's forms and errors, generated names.
import dataclasses
from dataclasses import dataclass, field, InitVar, KW_ONLY, asdict, astuple, replace
from collections import namedtuple

for unsafe in (False, True):
    for eq in (False, True):
        for frozen in (False, True):
            for explicit in (False, True):
                ns = {"__annotations__": {"x": int}}
                if explicit:
                    ns["__hash__"] = lambda self: 42
                C = type("C", (), ns)
                try:
                    D = dataclass(unsafe_hash=unsafe, eq=eq, frozen=frozen)(C)
                    h = D.__dict__.get("__hash__", "absent")
                    kind = "none" if h is None else "absent" if h == "absent" else (
                        "explicit" if getattr(h, "__name__", "") == "<lambda>" else "generated")
                    extra = hash(D(3)) == hash((3,)) if kind == "generated" else ""
                    print(unsafe, eq, frozen, explicit, kind, extra)
                except TypeError as e:
                    print(unsafe, eq, frozen, explicit, "TypeError:", e)

P = namedtuple("P", "a b")


@dataclass
class Inner:
    v: int
    tags: list = field(default_factory=list)


@dataclass
class Outer:
    name: str
    inner: Inner
    pairs: dict
    pts: P
    seq: tuple


o = Outer("o", Inner(1, ["t"]), {"k": Inner(2)}, P(Inner(3), 4), (Inner(5), [6]))
print(asdict(o))
print(astuple(o))
print(asdict(o, dict_factory=lambda kv: sorted(kv)))
print(astuple(o, tuple_factory=list))
d = asdict(o)
print(d["inner"]["tags"] is o.inner.tags, type(d["pts"]).__name__)


@dataclass
class R:
    a: int
    b: int = field(default=0, init=False)
    c: InitVar[int] = 5
    d: InitVar[int] = None

    def __post_init__(self, c, d):
        self.b = c * 10 + (d or 0)


r = R(1)
print(r, replace(r, a=2), replace(r, c=7, d=1))
for bad in ({"b": 3}, {"zz": 1}):
    try:
        replace(r, **bad)
    except (ValueError, TypeError) as e:
        print(type(e).__name__, e)


@dataclass
class NeedsInit:
    a: int
    c: InitVar[int]

    def __post_init__(self, c):
        pass


try:
    replace(NeedsInit(1, 2), a=3)
except ValueError as e:
    print("ValueError", e)
try:
    replace(5)
except TypeError as e:
    print("TypeError", e)


@dataclass(frozen=True)
class F:
    x: int


try:
    @dataclass
    class G(F):
        y: int
except TypeError as e:
    print("TypeError", e)


@dataclass
class H:
    x: int


try:
    @dataclass(frozen=True)
    class I(H):
        y: int
except TypeError as e:
    print("TypeError", e)
f = F(1)
for act in ("f.x = 2", "del f.x", "f.z = 1"):
    try:
        exec(act)
    except dataclasses.FrozenInstanceError as e:
        print("FrozenInstanceError", e)


@dataclass(slots=True, weakref_slot=True)
class S:
    a: int
    b: int = 2


print(S.__slots__, S(1), hasattr(S(1), "__dict__"))
import weakref
print(weakref.ref(S(1)) is not None)
try:
    dataclass(weakref_slot=True)(type("T", (), {"__annotations__": {"a": int}}))
except TypeError as e:
    print("TypeError", e)


@dataclass(frozen=True, slots=True)
class FS:
    a: int


print(FS(3).__getstate__(), FS.__init__.__qualname__, FS.__repr__.__qualname__)


@dataclass
class K:
    a: int
    _: KW_ONLY
    b: int = 1
    c: int = field(default=2, kw_only=False)


print(K(1, 3, b=4), K.__match_args__, K.__init__.__qualname__, K.__doc__)
try:
    K(1, 2, 3)
except TypeError as e:
    print("TypeError", e)
try:
    @dataclass
    class Bad:
        a: int = 1
        b: int
except TypeError as e:
    print("TypeError", e)
try:
    @dataclass
    class Bad2:
        a: list = []
except ValueError as e:
    print("ValueError", e)
try:
    @dataclass(order=True)
    class Bad3:
        a: int

        def __lt__(self, other):
            return True
except TypeError as e:
    print("TypeError", e)
try:
    @dataclass(order=True, eq=False)
    class Bad4:
        a: int
except ValueError as e:
    print("ValueError", e)
try:
    @dataclass
    class Bad5:
        a = field(default=1)
except TypeError as e:
    print("TypeError", e)

M = dataclasses.make_dataclass("M", ["a", ("b", int), ("c", int, field(default=3))],
                               namespace={"double": lambda self: self.b * 2}, frozen=True)
m = M(1, 2)
print(m, m.double(), M.__annotations__, M.__dataclass_params__)
for spec in (["a", "a"], ["class"], [("a", int, 1, 2)], ["1x"]):
    try:
        dataclasses.make_dataclass("X", spec)
    except TypeError as e:
        print("TypeError", e)


@dataclass
class Node:
    val: int
    nxt: object = None


n = Node(1)
n.nxt = n
print(n, Node(1) == Node(1), Node(1) == Node(2))
print(dataclasses.fields(Node)[0].name, dataclasses.is_dataclass(Node), dataclasses.is_dataclass(n),
      dataclasses.is_dataclass(3))
try:
    dataclasses.fields(3)
except TypeError as e:
    print("TypeError", e)


@dataclass
class SelfField:
    self: int
    other: int = 0


print(SelfField(1, 2), SelfField(self=3))
