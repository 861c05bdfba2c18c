# type.__subclasses__(): the live classes made with a class as a direct base, oldest
# first (CPython keeps weak references to them in tp_subclasses).
import gc
import weakref


def names(classes):
    return [c.__name__ for c in classes]


class A:
    pass


class B(A):
    pass


class C(A):
    pass


class D(B, C):
    pass


print(names(A.__subclasses__()), names(B.__subclasses__()), names(C.__subclasses__()),
      D.__subclasses__())
print(type.__subclasses__(A) == A.__subclasses__(), type(A.__subclasses__()).__name__)
print(bool in int.__subclasses__(), int in object.__subclasses__(), A in object.__subclasses__())
# A class made by type() is recorded too; a dead class leaves the list.
F = type("F", (A,), {})
print(names(A.__subclasses__()))
del F
gc.collect()
print(names(A.__subclasses__()))


class E(A):
    pass


r = weakref.ref(E)
print(names(A.__subclasses__()), weakref.getweakrefcount(E))
del E
gc.collect()
print(names(A.__subclasses__()), r())
# Subclasses of built-in types
class MyList(list):
    pass


class MyInt(int):
    pass


print(MyList in list.__subclasses__(), MyInt in int.__subclasses__(), bool in int.__subclasses__())
print(names(MyList.__subclasses__()))
for bad in ((lambda: A.__subclasses__(1)), (lambda: type.__subclasses__(1))):
    try:
        bad()
    except TypeError as e:
        print(type(e).__name__, e)
