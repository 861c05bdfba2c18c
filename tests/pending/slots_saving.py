# How much memory __slots__ saves: per object, and for 100000 objects.
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
print("instance with __dict__:", sys.getsizeof(d))
print("instance with __slots__:", sys.getsizeof(s))
print("has __dict__:", hasattr(d, "__dict__"), hasattr(s, "__dict__"))

# In CPython 3.11 the attribute values of a fresh instance sit in an inline array that
# getsizeof does not count; asking for d.__dict__ builds a real dict object, and
# from then on the instance costs its own size plus that dict.
dict_size = sys.getsizeof(d.__dict__)
print("its __dict__ once materialised:", dict_size)
per_dict = sys.getsizeof(d) + dict_size
per_slots = sys.getsizeof(s)
print("per object:", per_dict, "vs", per_slots, "saving", per_dict - per_slots)

n = 100000
print("100000 objects:", n * per_dict, "vs", n * per_slots, "bytes")
print("saving: %d bytes (%.1f%%)" % (n * (per_dict - per_slots), 100 * (per_dict - per_slots) / per_dict))

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

# python3 prints:
#   instance with __dict__: 56
#   instance with __slots__: 56
#   has __dict__: True False
#   its __dict__ once materialised: 296
#   per object: 352 vs 56 saving 296
#   100000 objects: 35200000 vs 5600000 bytes
#   saving: 29600000 bytes (84.1%)
#   AttributeError: 'PointSlots' object has no attribute 'x'
#   AttributeError: 'PointSlots' object has no attribute 'w'
# glasspy prints: (filled in when glasspy runs this)
