# sys.getsizeof of class objects where glasspy's type objects agree with python3's:
# a class whose instances have a managed __dict__ counts the shared-keys table it
# caches for them (768 bytes above the same class without one); the size does not
# change as the class or its instances grow; static types are all one size. The
# absolute sizes (python3: 920 per heap type, 424 per static type) and the layout
# members are in tests/pending/classes__class_sizes.py (docs/differences.md).
import sys


class Plain:
    pass


class WithDoc:
    """doc"""


class Slots0:
    __slots__ = ()


class Slots3:
    __slots__ = ("a", "b", "c")


class SlotsDict:
    __slots__ = ("a", "__dict__")


class SlotsWeak:
    __slots__ = ("a", "__weakref__")


class ManyMethods:
    def m0(self): pass
    def m1(self): pass
    def __add__(self, other): pass
    def __len__(self): return 0
    def __eq__(self, other): return True


class Sub(Plain):
    pass


class SubSlots(Slots0):
    __slots__ = ()


class L(list): pass
class D(dict): pass
class S(str): pass
class F(float): pass
class E(Exception): pass
class Meta(type): pass
class WithMeta(metaclass=Meta): pass


base = sys.getsizeof(Slots0)
for c in (Plain, WithDoc, Slots3, SlotsDict, SlotsWeak, ManyMethods, Sub, SubSlots,
          L, D, S, F, E, Meta, WithMeta, type("Dyn", (), {}), Meta("DynMeta", (), {})):
    print(f"{c.__name__:12}", sys.getsizeof(c) - base)
print("type.__sizeof__ difference:", type.__sizeof__(Plain) - type.__sizeof__(Slots0))
print("static types one size:", len({sys.getsizeof(t) for t in (object, int, type, type(None), list)}) == 1)
before = sys.getsizeof(Plain)
p = Plain()
for i in range(40):
    setattr(p, f"x{i}", i)
for i in range(100):
    setattr(Plain, f"m{i}", i)
Plain.__add__ = lambda self, other: 0
print("unchanged after 40 instance attributes and 100 class attributes:", before == sys.getsizeof(Plain))
print("class __dict__ proxy:", sys.getsizeof(Plain.__dict__), "__mro__:", sys.getsizeof(Sub.__mro__),
      "__bases__:", sys.getsizeof(Sub.__bases__))
