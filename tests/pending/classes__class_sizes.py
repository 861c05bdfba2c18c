# sys.getsizeof of class objects and their layout attributes (__basicsize__,
# __itemsize__, __dictoffset__, __weakrefoffset__). A heap type is 920 bytes; classes
# whose instances have a managed __dict__ also count the shared-keys table they
# cache for instance dicts.
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
    def m2(self): pass
    def m3(self): pass
    def m4(self): pass
    def m5(self): pass
    def m6(self): pass
    def m7(self): pass
    def m8(self): pass
    def m9(self): pass
    def __add__(self, other): pass
    def __len__(self): return 0
    def __repr__(self): return ""
    def __eq__(self, other): return True


class Sub(Plain):
    pass


class SubSlots(Slots0):
    __slots__ = ()


class L(list): pass
class D(dict): pass
class I(int): pass
class S(str): pass
class T(tuple): pass
class F(float): pass
class E(Exception): pass
class Meta(type): pass
class WithMeta(metaclass=Meta): pass


for c in (Plain, WithDoc, Slots0, Slots3, SlotsDict, SlotsWeak, ManyMethods, Sub, SubSlots,
          L, D, I, S, T, F, E, Meta, WithMeta, type("Dyn", (), {}), Meta("DynMeta", (), {}),
          object, int, type, type(None)):
    print(f"{c.__name__:10}", sys.getsizeof(c), c.__basicsize__, c.__itemsize__,
          c.__dictoffset__, c.__weakrefoffset__)
# The size does not change as the class or its instances grow
before = sys.getsizeof(Plain)
p = Plain()
for i in range(40):
    setattr(p, f"x{i}", i)
for i in range(100):
    setattr(Plain, f"m{i}", i)
Plain.__add__ = lambda self, other: 0
print("after 40 instance attributes and 100 class attributes:", before, sys.getsizeof(Plain))
print("class __dict__ proxy:", sys.getsizeof(Plain.__dict__), "__mro__:", sys.getsizeof(Sub.__mro__),
      "__bases__:", sys.getsizeof(Sub.__bases__))
print("type.__sizeof__:", type.__sizeof__(Plain), type.__sizeof__(Slots0), type.__sizeof__(int))
