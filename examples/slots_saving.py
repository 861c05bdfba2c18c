# How much memory __slots__ saves.
#
# An ordinary instance keeps its attributes in a per-instance __dict__; a class with
# __slots__ gives each instance fixed slots instead, and no __dict__ at all.
import sys


class PointDict:
    """An ordinary class: attributes live in a per-instance __dict__."""
    def __init__(self, x, y, z):
        self.x = x
        self.y = y
        self.z = z


class PointSlots:
    """Same attributes in three fixed slots: no __dict__ at all."""
    __slots__ = ("x", "y", "z")

    def __init__(self, x, y, z):
        self.x = x
        self.y = y
        self.z = z


d = PointDict(1, 2, 3)
s = PointSlots(1, 2, 3)
# Both instance blocks are 56 bytes: 16 GC header + 16 object header, then for the
# plain class a 16-byte managed-dict pre-header and an 8-byte __weakref__ slot, for
# the slots class three 8-byte slots.
print("instance with __dict__:", sys.getsizeof(d))
print("instance with __slots__:", sys.getsizeof(s))
print("has __dict__:", hasattr(d, "__dict__"), hasattr(s, "__dict__"))
print("empty slots class:", sys.getsizeof(type("E", (), {"__slots__": ()})()))
for n in range(1, 5):
    cls = type("S%d" % n, (), {"__slots__": tuple("abcd"[:n])})
    print(n, "slots:", sys.getsizeof(cls()), "bytes (32 + 8 per slot)")

# The saving is the __dict__ itself, an object of its own:
dict_size = sys.getsizeof(d.__dict__)
print("the __dict__ is a separate object:", type(d.__dict__).__name__, dict_size > 0)
print("per object, dict class costs more:", sys.getsizeof(d) + dict_size > sys.getsizeof(s))
#
# sys.getsizeof(d.__dict__) is where glasspy and CPython differ (glasspy's dicts are
# built differently; see docs/dict-and-set.md):
#                                        python3 3.11     glasspy
#   sys.getsizeof(d.__dict__)                 296           252
#   per object (instance + its __dict__)      352           308   vs 56 with __slots__
#   100000 objects                        35200000      30800000   vs 5600000 bytes
#   saving with __slots__                    84.1%         81.8%

# A slot with no value raises AttributeError; unknown names cannot be added.
empty = PointSlots.__new__(PointSlots)
try:
    empty.x
except AttributeError as e:
    print("AttributeError:", e)
try:
    s.w = 4
except AttributeError as e:
    print("AttributeError:", e)

# python3 and glasspy both print:
#   instance with __dict__: 56
#   instance with __slots__: 56
#   has __dict__: True False
#   empty slots class: 32
#   1 slots: 40 bytes (32 + 8 per slot)
#   2 slots: 48 bytes (32 + 8 per slot)
#   3 slots: 56 bytes (32 + 8 per slot)
#   4 slots: 64 bytes (32 + 8 per slot)
#   the __dict__ is a separate object: dict True
#   per object, dict class costs more: True
#   AttributeError: 'PointSlots' object has no attribute 'x'
#   AttributeError: 'PointSlots' object has no attribute 'w'
