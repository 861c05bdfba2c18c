# enum: Enum, IntEnum, StrEnum, Flag, IntFlag, auto, unique and the functional API.
import enum
from enum import Enum, Flag, IntEnum, IntFlag, StrEnum, auto, unique


class Color(Enum):
    RED = 1
    GREEN = 2
    BLUE = 3
    CRIMSON = 1

    def describe(self):
        return f"{self.name} is {self.value}"

    @property
    def lower(self):
        return self.name.lower()

    @classmethod
    def default(cls):
        return cls.GREEN


print(Color.RED, repr(Color.RED), Color.CRIMSON is Color.RED, Color(2), Color["BLUE"])
print(list(Color), len(Color), list(reversed(Color)))
print(Color.__members__)
print(Color.RED in Color, Color.RED.name, Color.RED.value, Color.BLUE.describe(),
      Color.GREEN.lower, Color.default())
print(repr(Color), type(Color), type(Color.RED), isinstance(Color.RED, Color))
print(f"{Color.RED}|{Color.RED:>12}|{Color.RED!r}", format(Color.GREEN), str(Color.BLUE))
print(Color.RED == Color.RED, Color.RED == 1, Color.RED != Color.BLUE,
      hash(Color.RED) == hash("RED"), {Color.RED: "r"}[Color.CRIMSON])
print(Color._member_names_, sorted(Color._value2member_map_))
print(enum.EnumMeta is enum.EnumType, type(Color) is enum.EnumType, bool(Color))
for expr in ("Color(7)", "Color['PINK']", "Color.RED < Color.BLUE", "Color.PINK",
             "Color.RED.nothing", "Color.name"):
    try:
        print(eval(expr))
    except Exception as e:
        print(expr, "->", type(e).__name__, e)
try:
    Color.RED = 5
except AttributeError as e:
    print("AttributeError", e)
try:
    del Color.RED
except AttributeError as e:
    print("AttributeError", e)
try:
    class Dup(Enum):
        A = 1
        A = 2
except TypeError as e:
    print("TypeError", e)
try:
    class More(Color):
        PINK = 9
except TypeError as e:
    print("TypeError", e)


class Number(IntEnum):
    ONE = 1
    TWO = 2
    THREE = 3


print(Number.ONE, repr(Number.TWO), str(Number.THREE), f"{Number.TWO}", f"{Number.TWO:03d}")
print(Number.ONE + 1, Number.TWO * 2, Number.ONE < Number.THREE, Number.TWO == 2,
      isinstance(Number.ONE, int), sorted([Number.THREE, Number.ONE]), Number(3), [0, 1, 2][Number.ONE])
print(hash(Number.TWO) == hash(2), int(Number.THREE), Number.__mro__)


class Shape(StrEnum):
    CIRCLE = auto()
    SQUARE = "sq"


print(Shape.CIRCLE, repr(Shape.SQUARE), Shape.CIRCLE.upper(), Shape("sq"), Shape.CIRCLE == "circle",
      f"[{Shape.SQUARE:>4}]", Shape.CIRCLE + "!", isinstance(Shape.SQUARE, str))


class Auto(Enum):
    A = auto()
    B = auto()
    C = 10
    D = auto()


print(list(Auto), repr(auto()))


class Named(Enum):
    def _generate_next_value_(name, start, count, last_values):
        return name.title() + str(count)

    FIRST = auto()
    SECOND = auto()


print([m.value for m in Named])


class Perm(Flag):
    R = 4
    W = 2
    X = 1
    RWX = 7


rw = Perm.R | Perm.W
print(rw, repr(rw), list(rw), len(rw), Perm.R in rw, Perm.X in rw, bool(Perm(0)), repr(Perm(0)), str(Perm(0)))
print(~Perm.R, repr(~rw), Perm.RWX, list(Perm), len(Perm), Perm(7) is Perm.RWX, rw & Perm.W, rw ^ Perm.R)
print(rw.name, rw.value, Perm(6) is rw, Perm.RWX.name, list(Perm.RWX))
try:
    Perm(8)
except ValueError as e:
    print("ValueError", e)
try:
    1 in Perm.R
except TypeError as e:
    print("TypeError", e)


class Op(IntFlag):
    READ = auto()
    WRITE = auto()
    EXEC = auto()


print(list(Op), Op.READ | Op.WRITE, repr(Op.READ | Op.WRITE), repr(Op.READ | 8), repr(Op(16)))
print(repr(~Op.READ), Op.READ | 1, type(Op.EXEC | 1), Op.EXEC + 1, f"{Op.WRITE}", str(Op.READ | Op.EXEC))
print(Op.READ == 1, Op(3) is (Op.READ | Op.WRITE), Op.READ & 3, 4 | Op.READ)


class Planet(Enum):
    MERCURY = (3.303e+23, 2.4397e6)
    EARTH = (5.976e+24, 6.37814e6)

    def __init__(self, mass, radius):
        self.mass = mass
        self.radius = radius

    @property
    def gravity(self):
        return round(6.673e-11 * self.mass / (self.radius * self.radius), 2)


print(Planet.EARTH.value, Planet.EARTH.mass, Planet.MERCURY.gravity, Planet((5.976e+24, 6.37814e6)))


class Coord(bytes, Enum):
    def __new__(cls, value, label):
        obj = bytes.__new__(cls, [value])
        obj._value_ = value
        obj.label = label
        return obj

    PX = (0, "P.X")
    PY = (1, "P.Y")


print(Coord.PY, Coord.PY.label, Coord(0), Coord.PX.value)


class Missing(Enum):
    A = "a"
    B = "b"

    @classmethod
    def _missing_(cls, value):
        if isinstance(value, str):
            for m in cls:
                if m.value == value.lower():
                    return m
        return None


print(Missing("A"), Missing("b"))
try:
    Missing(3)
except ValueError as e:
    print("ValueError", e)


class BadMissing(Enum):
    A = 1

    @classmethod
    def _missing_(cls, value):
        return 5


try:
    BadMissing(2)
except TypeError as e:
    print("TypeError", e, "|", repr(e.__context__))


class Ignore(Enum):
    _ignore_ = "tmp"
    tmp = 5
    A = 1


print(list(Ignore), hasattr(Ignore, "tmp"))


@unique
class Fine(Enum):
    X = 1
    Y = 2


print(list(Fine))
try:
    @unique
    class Mistake(Enum):
        ONE = 1
        TWO = 2
        UNO = 1
except ValueError as e:
    print("ValueError", e)

Animal = Enum("Animal", "ANT BEE CAT")
print(list(Animal), Animal.BEE.value, Animal.__module__, Animal.__name__)
Pair = Enum("Pair", [("X", 10), ("Y", 20)])
print(list(Pair), Enum("M", {"a": "x"}).a, IntEnum("N", "P Q").Q + 1)
Bits = Flag("Bits", "A B C")
print(list(Bits), Bits.A | Bits.C)
print(enum.STRICT, enum.KEEP, repr(enum.FlagBoundary.EJECT), Perm._boundary_, Op._boundary_)


class Ordered(Enum):
    _order_ = "A B"
    A = 1
    B = 2


print(list(Ordered))
try:
    class Misordered(Enum):
        _order_ = "B A"
        A = 1
        B = 2
except TypeError as e:
    print("TypeError", e)


class WithMethods(IntEnum):
    LOW = 1
    HIGH = 10

    def __str__(self):
        return "level " + self.name.lower()


print(WithMethods.LOW, repr(WithMethods.HIGH), f"{WithMethods.HIGH}", WithMethods.HIGH.value)
