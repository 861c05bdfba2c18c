# __slots__: sizes, missing __dict__, AttributeError messages, inheritance.
import sys


class S0:
    __slots__ = ()


class S1:
    __slots__ = ("a",)


class S2:
    __slots__ = ("a", "b")


class S3:
    __slots__ = ("a", "b", "c")


class S4:
    __slots__ = ["a", "b", "c", "d"]


class Plain:
    pass


for cls in (S0, S1, S2, S3, S4):
    print(cls.__name__, sys.getsizeof(cls()), cls.__slots__)
p = Plain()
# The instance block is 56 bytes; its __dict__ is a separate object (whose size is
# glasspy's own dict layout, see docs/differences.md, so only compared here).
print("Plain instance", sys.getsizeof(p), "its __dict__ is bigger than a 4-slot instance:",
      sys.getsizeof(p.__dict__) > sys.getsizeof(S4()))
p.a, p.b = 1, 2
print("Plain with 2 attrs", sys.getsizeof(p), type(p.__dict__).__name__, len(p.__dict__))
s = S2()
s.a = 1
print(s.a, hasattr(s, "__dict__"), hasattr(s, "b"), type(S2.a).__name__)
try:
    s.b
except AttributeError as e:
    print("AttributeError:", e)
try:
    s.zzz = 3
except AttributeError as e:
    print("AttributeError:", e)
try:
    s.__dict__
except AttributeError as e:
    print("AttributeError:", e)
try:
    del s.b
except AttributeError as e:
    print("AttributeError:", e)
del s.a
print(hasattr(s, "a"))


class WithDict:
    __slots__ = ("a", "__dict__")


w = WithDict()
w.a = 1
w.other = 2
print(sys.getsizeof(w), w.__dict__, w.a)


class Child(S2):
    __slots__ = ("c",)


class Loose(S2):
    pass


c = Child()
c.a, c.b, c.c = 1, 2, 3
print(sys.getsizeof(c), c.a + c.b + c.c, hasattr(c, "__dict__"))
lo = Loose()
lo.a = 1
lo.x = 2
print(sys.getsizeof(lo), lo.__dict__, lo.a)
try:
    class Clash:
        __slots__ = ("a",)
        a = 1
except ValueError as e:
    print("ValueError:", e)
