# dataclasses: edge cases (errors, inheritance, hashing rules, slots, recursion)
import sys
import dataclasses
from dataclasses import dataclass, field, fields, asdict, astuple, replace, InitVar, KW_ONLY

def err(f):
    try:
        r = f()
    except Exception as e:
        print(type(e).__name__ + ":", e)
    else:
        print("ok", r)

err(lambda: field(default=1, default_factory=list))
@dataclass(frozen=True)
class F:
    x: int = 0
def sub_nonfrozen():
    @dataclass
    class G(F):
        y: int = 1
err(sub_nonfrozen)
@dataclass
class NF:
    x: int = 0
def sub_frozen():
    @dataclass(frozen=True)
    class G(NF):
        y: int = 1
err(sub_frozen)
def twice():
    @dataclass
    class T:
        a: int
        _: KW_ONLY
        b: int
        c: KW_ONLY
err(twice)
def no_annotation():
    @dataclass
    class T:
        a: int
        b = field(default=1)
err(no_annotation)
err(lambda: dataclass(order=True, eq=False)(type("Z", (), {})))
def overwrite_lt():
    @dataclass(order=True)
    class T:
        a: int
        def __lt__(self, other):
            return True
err(overwrite_lt)
def overwrite_hash():
    @dataclass(unsafe_hash=True)
    class T:
        a: int
        def __hash__(self):
            return 1
err(overwrite_hash)
def frozen_setattr():
    @dataclass(frozen=True)
    class T:
        a: int
        def __setattr__(self, n, v):
            pass
err(frozen_setattr)
err(lambda: dataclass(weakref_slot=True)(type("W", (), {})))
def factory_initvar():
    @dataclass
    class T:
        a: InitVar[int] = field(default_factory=int)
err(factory_initvar)

# Hash rules.
@dataclass
class E:
    a: int
@dataclass(eq=False)
class NoEq:
    a: int
@dataclass
class Explicit:
    a: int
    def __hash__(self):
        return 42
@dataclass(frozen=True)
class Fz:
    a: int
    b: int = field(hash=False)
    c: int = field(compare=False, default=9)
print(E.__hash__, NoEq.__hash__ is object.__hash__, hash(Explicit(1)), hash(Fz(1, 2)) == hash((1,)))
print(NoEq(1) == NoEq(1), E(1) == E(1), E(1) == NoEq(1), E(1).__eq__(3))

# Inheritance: base fields first, overrides keep their place.
@dataclass
class A:
    x: int
    y: int = 2
@dataclass
class B(A):
    z: int = 3
    x: int = 10
print(B(), B(1, 2, 3), [(f.name, f.default) for f in fields(B)])
class Plain(A):
    pass
print(Plain(5), dataclasses.is_dataclass(Plain))

# kw_only at class level and per field.
@dataclass(kw_only=True)
class KO:
    a: int
    b: int = 0
@dataclass
class KF:
    a: int = 1
    b: int = field(kw_only=True)
print(KO(a=1), KF(b=2), KF.__match_args__, KO.__match_args__)
err(lambda: KO(1))
err(lambda: KF(1, 2))

# init=False, repr=False, metadata.
@dataclass
class Misc:
    a: int
    b: int = field(init=False, default=7)
    c: str = field(repr=False, default="hidden", metadata={"unit": "cm"})
m = Misc(1)
print(m, m.b, m.c, fields(Misc)[2].metadata, fields(Misc)[2].metadata["unit"])
err(lambda: replace(m, b=3))
print(replace(m, a=5, c="x"), replace(m))

# ClassVar by string in a module without typing: a plain field.
@dataclass
class CV:
    a: int
    count: "ClassVar[int]" = 0
print([f.name for f in fields(CV)])

# __post_init__ with InitVars; replace needs the InitVar.
@dataclass
class PI:
    a: int
    k: InitVar[int]
    def __post_init__(self, k):
        self.a += k
print(PI(1, 2))
err(lambda: replace(PI(1, 2)))
print(replace(PI(1, 2), k=10))

# A field named self.
@dataclass
class Selfish:
    self: int
    other: int = 1
print(Selfish(3))

# Slots classes and sizes.
@dataclass(slots=True)
class S3:
    a: int
    b: int = 2
    c: int = 3
@dataclass(slots=True, frozen=True)
class SF:
    a: int
print(S3(1), S3.__slots__, sys.getsizeof(S3(1)), sys.getsizeof(SF(1)), SF(1) == SF(1))
err(lambda: setattr(SF(1), "a", 2))
s3 = S3(1)
err(lambda: setattr(s3, "d", 2))

# Recursion guard in repr; deep structures in asdict.
@dataclass
class Node:
    value: int
    nxt: object = None
a = Node(1)
a.nxt = Node(2, a)
print(a)
head = None
for i in range(5000):
    head = Node(i, head)
try:
    asdict(head)
except RecursionError:
    print("RecursionError")
print(astuple(Node(1, Node(2))), asdict(Node(1, [Node(2), (Node(3),), {"k": Node(4)}])))
def my_factory(items):
    return {k.upper(): v for k, v in items}
print(asdict(Node(1), dict_factory=my_factory), astuple(Node(1), tuple_factory=list))

# make_dataclass errors and options.
err(lambda: dataclasses.make_dataclass("X", ["a", "a"]))
err(lambda: dataclasses.make_dataclass("X", ["class"]))
err(lambda: dataclasses.make_dataclass("X", ["1a"]))
err(lambda: dataclasses.make_dataclass("X", [("a", int, 3, 4)]))
X = dataclasses.make_dataclass("X", [("a", int)], namespace={"double": lambda self: self.a * 2}, frozen=True)
print(X(4).double(), X.__dataclass_params__)
err(lambda: dataclasses.replace(3))
err(lambda: astuple(X))
print(dataclasses.FrozenInstanceError.__mro__[1], repr(dataclasses.InitVar[list[int]]))
