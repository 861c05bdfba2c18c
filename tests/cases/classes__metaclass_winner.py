# type.__new__ finds the most derived metaclass of its own and its bases'; when that
# winner has a __new__ other than type.__new__, the winner's __new__ makes the class.
class Meta(type):
    def __new__(mcls, name, bases, ns, **kw):
        print("Meta.__new__", mcls.__name__, name, sorted(ns), kw)
        return super().__new__(mcls, name, bases, ns)

    def __init__(cls, name, bases, ns, **kw):
        print("Meta.__init__", name)
        super().__init__(name, bases, ns)


class Base(metaclass=Meta):
    pass


X = type.__new__(type, "X", (Base,), {"a": 1})
print(type(X).__name__, X.a, X.__bases__)
Y = type("Y", (Base,), {})
print(type(Y).__name__, Y.__mro__[1].__name__)


# A winner that keeps type.__new__: no handing over, the class is of the winner.
class Plain(type):
    pass


class B2(metaclass=Plain):
    pass


Z = type("Z", (B2,), {})
print(type(Z).__name__)
Z2 = type.__new__(type, "Z2", (B2,), {})
print(type(Z2).__name__)


# Conflicting metaclasses
class M3(type):
    pass


class B3(metaclass=M3):
    pass


try:
    type("W", (Base, B3), {})
except TypeError as e:
    print(type(e).__name__, e)
# A metaclass derived from the winner goes straight to its own __new__.
class Sub(Meta):
    pass


S = Sub("S", (Base,), {})
print(type(S).__name__)
