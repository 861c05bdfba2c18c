# enum beyond the basics: Flag boundaries (STRICT, CONFORM, EJECT, KEEP), pseudo-members,
# IntFlag operators, unhashable values, _missing_ errors, mixins and data types, the
# functional API's forms, _ignore_ and _generate_next_value_ rules.
import enum
from enum import Enum, Flag, IntFlag, IntEnum, StrEnum, auto, STRICT, CONFORM, EJECT, KEEP

class P(Flag, boundary=STRICT):
    A = 1
    B = 2
    C = 8
for bad in (4, 16, -1, "x"):
    try:
        print(P(bad))
    except Exception as e:
        print(type(e).__name__, e)
class Q(Flag, boundary=CONFORM):
    A = 1
    B = 4
print(Q(7), Q(3), repr(Q(0)), Q(-1))
class R(Flag, boundary=EJECT):
    A = 1
    B = 2
print(R(7), type(R(7)), R(3), repr(R(3)))
class S(IntFlag):
    A = 1
    B = 2
print(S(7), repr(S(7)), S(-1), repr(S(-2)), repr(~S.A), S.A | 8, 8 | S.A, S.A & S.B, S.A ^ 3)
print(list(S(3)), len(S(3)), S.A in S(3), bool(S(0)))
try:
    print(1 in S(3))
except TypeError as e:
    print(e)
class T(Flag):
    X = auto()
    Y = auto()
    Z = auto()
    XY = X | Y
print(list(T), T.XY, repr(T(5)), T(7), repr(~T.X), T.X | T.Z, T.X & T.Y, T.X ^ T.XY)
print(T(0), repr(T(0)), str(T(5)))
class M(Enum):
    A = [1]
    B = [2]
print(M([1]), M([2]) is M.B)
try:
    M([3])
except ValueError as e:
    print(e)
class Bad(Enum):
    A = 1
    @classmethod
    def _missing_(cls, value):
        return 5
try:
    Bad(3)
except TypeError as e:
    print(e, repr(e.__context__))
class Bad2(Enum):
    A = 1
    @classmethod
    def _missing_(cls, value):
        raise KeyError("x")
try:
    Bad2(3)
except KeyError as e:
    print(repr(e), repr(e.__context__))
try:
    class X(Enum):
        A = 1
    class Y(X):
        B = 2
except TypeError as e:
    print(e)
try:
    class Z(int, str, Enum):
        A = 1
except TypeError as e:
    print(str(e).split(":")[0])  # (the set of types prints in id order)
try:
    class Z2(Enum, int):
        A = 1
except TypeError as e:
    print(e)
class Mixin:
    def hello(self):
        return "hi " + self.name
class W(Mixin, IntEnum):
    A = 1
print(W.A.hello(), W.A + 1, W._member_type_)
class Planet(Enum):
    EARTH = (5.97e24, 6.37e6)
    def __init__(self, mass, radius):
        self.mass = mass
print(Planet.EARTH.mass, Planet.EARTH.value)
F = Enum("F", "a, b , c", start=10)
print(list(F), F.__module__, repr(F))
G = IntFlag("G", ["R", "W", "X"])
print(list(G), G.W | G.X)
H = Enum("H", (("a", 1), ("b", 2)), qualname="Some.H")
print(H.__qualname__, H.a)
print(list(reversed(T)), Enum.__members__ if False else len(T), T.__members__.keys())
class Str(StrEnum):
    A = auto()
    B = "bee"
print(Str.A, repr(Str.B), f"{Str.B}")
try:
    del T.X
except AttributeError as e:
    print(e)
print(repr(T), repr(Str), type(iter(T)).__name__, type(iter(T.XY)).__name__)
class Ign(Enum):
    _ignore_ = ["tmp", "j"]
    tmp = 1
    A = 2
print(list(Ign))
try:
    class Ign2(Enum):
        A = 1
        _ignore_ = "A"
except ValueError as e:
    print(e)
try:
    class Late(Enum):
        A = 1
        def _generate_next_value_(name, start, count, last):
            return 1
except TypeError as e:
    print(e)
print(enum.property, Planet.EARTH.name, Planet.name if hasattr(Planet, "name") else "-")
try:
    class Late2(Enum):
        A = auto()
        def _generate_next_value_(name, start, count, last):
            return 1
except TypeError as e:
    print(e)
