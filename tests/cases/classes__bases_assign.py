# Assigning a class's __bases__ computes the MRO of the class and of every class below
# it again, moves it between its bases' __subclasses__(), and updates its slots; a
# failed assignment leaves everything as it was.
def names(classes):
    return [c.__name__ for c in classes]


class A:
    def f(self):
        return "A"


class B:
    def f(self):
        return "B"


class C(A):
    pass


class D(C):
    pass


class E(D):
    pass


print(names(E.__mro__), E().f())
C.__bases__ = (B,)
print(names(C.__mro__), names(D.__mro__), names(E.__mro__), E().f())
print(names(A.__subclasses__()), names(B.__subclasses__()), C.__base__.__name__)
C.__bases__ = (A, B)
print(names(E.__mro__), E().f(), names(A.__subclasses__()), names(B.__subclasses__()))


# An assignment whose new MRO does not fit a subclass is refused whole.
class M1:
    pass


class M2:
    pass


class K(M1):
    pass


class L(M2, K):
    pass


print(names(K.__mro__), names(L.__mro__))
try:
    K.__bases__ = (M2,)
except TypeError as e:
    print(type(e).__name__, e)
print(names(K.__bases__), names(K.__mro__), names(L.__mro__))
print(names(M1.__subclasses__()), names(M2.__subclasses__()))


# Slots follow the new bases.
class Adds:
    def __add__(self, other):
        return "added"

    def __len__(self):
        return 7


class Plain:
    pass


class Kid(Plain):
    pass


class GrandKid(Kid):
    pass


try:
    Kid() + 1
except TypeError as e:
    print(type(e).__name__, e)
Kid.__bases__ = (Adds,)
print(Kid() + 1, GrandKid() + 1, len(GrandKid()))
Kid.__bases__ = (Plain,)
try:
    len(GrandKid())
except TypeError as e:
    print(type(e).__name__, e)
# Errors
for value in ((), [A], (1,), (E,)):
    try:
        C.__bases__ = value
    except TypeError as e:
        print(type(e).__name__, e)
print(names(C.__bases__))
