"""The numeric tower of PEP 3141 (Number > Complex > Real > Rational > Integral),
written for glasspy.

The classes are ABCs: a class that derives from one gets its mixin methods and must
implement its abstract operations before it can be instantiated; int, float and
complex are registered (isinstance(1, Integral) is True).
"""

from abc import ABCMeta, abstractmethod

__all__ = ["Number", "Complex", "Real", "Rational", "Integral"]


def _abstract(name):
    def method(self, *args):
        raise NotImplementedError
    method.__name__ = method.__qualname__ = name
    return abstractmethod(method)


class Number(metaclass=ABCMeta):
    """The root of the numeric hierarchy."""

    __slots__ = ()
    __hash__ = None


class Complex(Number):
    """Complex numbers: the arithmetic operators, abs, real and imag, conjugate."""

    __slots__ = ()

    def __bool__(self):
        return self != 0

    for _name in ("__complex__", "__add__", "__radd__", "__neg__", "__pos__",
                  "__mul__", "__rmul__", "__truediv__", "__rtruediv__",
                  "__pow__", "__rpow__", "__abs__", "conjugate", "__eq__"):
        locals()[_name] = _abstract(_name)
    del _name

    @property
    @abstractmethod
    def real(self):
        raise NotImplementedError("real")

    @property
    @abstractmethod
    def imag(self):
        raise NotImplementedError("imag")

    def __sub__(self, other):
        return self + -other

    def __rsub__(self, other):
        return -self + other


class Real(Complex):
    """Real numbers: ordering, float(), rounding, floor division and modulo."""

    __slots__ = ()

    for _name in ("__float__", "__trunc__", "__floor__", "__ceil__", "__round__",
                  "__floordiv__", "__rfloordiv__", "__mod__", "__rmod__",
                  "__lt__", "__le__"):
        locals()[_name] = _abstract(_name)
    del _name

    def __divmod__(self, other):
        return (self // other, self % other)

    def __rdivmod__(self, other):
        return (other // self, other % self)

    def __complex__(self):
        return complex(float(self))

    @property
    def real(self):
        return +self

    @property
    def imag(self):
        return 0

    def conjugate(self):
        return +self


class Rational(Real):
    """Rationals: numerator and denominator."""

    __slots__ = ()

    @property
    @abstractmethod
    def numerator(self):
        raise NotImplementedError("numerator")

    @property
    @abstractmethod
    def denominator(self):
        raise NotImplementedError("denominator")

    def __float__(self):
        return int(self.numerator) / int(self.denominator)


class Integral(Rational):
    """Integers: int(), index, the bit operators."""

    __slots__ = ()

    for _name in ("__int__", "__pow__", "__lshift__", "__rlshift__", "__rshift__",
                  "__rrshift__", "__and__", "__rand__", "__xor__", "__rxor__",
                  "__or__", "__ror__", "__invert__"):
        locals()[_name] = _abstract(_name)
    del _name

    def __index__(self):
        return int(self)

    def __float__(self):
        return float(int(self))

    @property
    def numerator(self):
        return +self

    @property
    def denominator(self):
        return 1


Complex.register(complex)
Real.register(float)
Integral.register(int)
