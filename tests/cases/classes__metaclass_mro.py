# A metaclass overriding mro(): the class's __mro__ is whatever it returns.
class Reversed(type):
    def mro(cls):
        default = super().mro()
        print("mro() for", cls.__name__, [k.__name__ for k in default])
        return [default[0]] + list(reversed(default[1:-1])) + [object]


class A:
    def who(self):
        return "A"


class B:
    def who(self):
        return "B"


class C(A, B, metaclass=Reversed):
    pass


print([k.__name__ for k in C.__mro__], C().who(), [k.__name__ for k in C.mro()])
print([k.__name__ for k in type.mro(C)])


class Inject(type):
    def mro(cls):
        return [cls, Mixin, *super().mro()[1:]]


class Mixin:
    def extra(self):
        return "from Mixin"


class X(metaclass=Inject):
    pass


print([k.__name__ for k in X.__mro__], X().extra(), issubclass(X, Mixin), isinstance(X(), Mixin))


class Bad(type):
    def mro(cls):
        return [cls, 42]


try:
    class Y(metaclass=Bad):
        pass
except TypeError as e:
    print(type(e).__name__, e)
print([k.__name__ for k in int.mro()], [k.__name__ for k in bool.__mro__])
try:
    class Z(A, B, A):
        pass
except TypeError as e:
    print(type(e).__name__, e)


class P(A, B):
    pass


class Q(B, A):
    pass


try:
    class PQ(P, Q):
        pass
except TypeError as e:
    print(type(e).__name__, e)
