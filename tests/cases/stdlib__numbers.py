# numbers: the numeric tower's classes, their mixin methods, subclasses.
import numbers
from numbers import Complex, Integral, Number, Rational, Real

print([c.__name__ for c in Integral.__mro__])
print(Number.__module__, Real.__qualname__, numbers.__all__)
print(Number.__hash__, issubclass(Integral, Number), issubclass(Real, Rational))


REST = ["__pow__", "__lshift__", "__rlshift__", "__rshift__", "__rrshift__",
        "__and__", "__rand__", "__xor__", "__rxor__", "__or__", "__ror__", "__invert__",
        "__trunc__", "__floor__", "__ceil__", "__round__", "__rfloordiv__", "__rmod__",
        "__lt__", "__le__", "__mul__", "__rmul__", "__truediv__", "__rtruediv__",
        "__rpow__", "__abs__"]


def unsupported(self, *args):
    return NotImplemented


class Cents(Integral):
    for name in REST:
        locals()[name] = unsupported
    del name

    def __init__(self, v):
        self.v = int(v)

    def __int__(self):
        return self.v

    def __pos__(self):
        return Cents(self.v)

    def __neg__(self):
        return Cents(-self.v)

    def __add__(self, other):
        return Cents(self.v + int(other))

    def __radd__(self, other):
        return Cents(int(other) + self.v)

    def __floordiv__(self, other):
        return Cents(self.v // int(other))

    def __mod__(self, other):
        return Cents(self.v % int(other))

    def __eq__(self, other):
        return self.v == int(other)

    def __repr__(self):
        return "Cents(%d)" % self.v


c = Cents(250)
print(isinstance(c, Number), isinstance(c, Real), isinstance(c, Integral), isinstance(3, Cents))
print(c.numerator, c.denominator, c.real, c.imag, c.conjugate(), float(c), complex(c))
print(divmod(c, 100), c - 50, 7 - c, bool(c), bool(Cents(0)), [10, 20, 30][Cents(1)])
print(Integral.register(Cents) is Cents)


class Half(Rational):
    for name in REST + ["__add__", "__radd__", "__neg__", "__pos__", "__floordiv__",
                        "__mod__", "__eq__"]:
        locals()[name] = unsupported
    del name
    @property
    def numerator(self):
        return 1

    @property
    def denominator(self):
        return 2


print(float(Half()), isinstance(Half(), Real), isinstance(Half(), Integral))
try:
    Integral.__lshift__(c, 2)
except NotImplementedError as e:
    print("NotImplementedError", e)

# ABCMeta: the built-in numbers are registered, abstract classes refuse instances.
for x in (1, True, 2.5, 1j, "1", None):
    print(type(x).__name__, [isinstance(x, c) for c in (Number, Complex, Real, Rational, Integral)])
print(issubclass(bool, Integral), issubclass(float, Rational), issubclass(int, Complex))
for c in (Number, Complex, Real, Rational, Integral):
    print(c.__name__, type(c).__name__, len(c.__abstractmethods__), sorted(c.__abstractmethods__)[:4])
try:
    Real()
except TypeError as e:
    print("TypeError", str(e)[:60])


class Partial(Integral):
    pass


try:
    Partial()
except TypeError as e:
    print("TypeError", str(e)[:70])
