# Single and multiple inheritance, C3 MRO, super(), isinstance/issubclass.
class A:
    def who(self):
        return "A"

    def chain(self):
        return ["A"]


class B(A):
    def who(self):
        return "B>" + super().who()

    def chain(self):
        return ["B"] + super().chain()


class C(A):
    def who(self):
        return "C>" + super(C, self).who()

    def chain(self):
        return ["C"] + super().chain()


class D(B, C):
    def chain(self):
        return ["D"] + super().chain()


def names(cls):
    return [k.__name__ for k in cls.__mro__]


print(names(D), names(B), names(object))
d = D()
print(d.who(), d.chain())
print(D.__bases__ == (B, C), A.__bases__, object.__bases__)
print(super(B, d).who(), super(C, d).chain())
print(isinstance(d, A), isinstance(d, (int, C)), isinstance(A(), B), isinstance(d, object))
print(issubclass(D, A), issubclass(C, B), issubclass(D, (int, str)), issubclass(A, A))
print(issubclass(bool, int), isinstance(True, D))


class X: pass
class Y: pass
class P(X, Y): pass
class Q(Y, X): pass


for bases in [(P, Q), (X, P)]:
    try:
        type("Bad", bases, {})
    except TypeError as e:
        print("TypeError:", e)
try:
    class Dup(X, X):
        pass
except TypeError as e:
    print("TypeError:", e)


class Base:
    def __init__(self, **kw):
        print("Base.__init__", sorted(kw))


class Left(Base):
    def __init__(self, left=0, **kw):
        print("Left.__init__", left)
        super().__init__(**kw)


class Right(Base):
    def __init__(self, right=0, **kw):
        print("Right.__init__", right)
        super().__init__(**kw)


class Both(Left, Right):
    pass


Both(left=1, right=2, extra=3)
print(names(Both))


class Registry:
    kinds = []

    def __init_subclass__(cls, kind="plain", **kw):
        super().__init_subclass__(**kw)
        Registry.kinds.append((cls.__name__, kind))


class R1(Registry): pass
class R2(Registry, kind="special"): pass
class R3(R2): pass


print(Registry.kinds)
try:
    super().who()
except RuntimeError as e:
    print("RuntimeError:", e)
