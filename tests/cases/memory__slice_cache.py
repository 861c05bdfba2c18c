# CPython 3.11 keeps one freed slice for the next slice (its slice cache); a full
# collection leaves it there (unlike the type free lists). So of two slices freed, the
# next slice takes the first one freed (the cached one), not the last one freed, which
# pymalloc would hand out next. A class with 3 slots has a slice's size, and its
# instances come from pymalloc, which shows where a freed slice went.
import gc
import sys


class S3:
    __slots__ = ("p", "q", "r")


one = int("1")
print("a slice and a 3-slot instance are the same size:",
      sys.getsizeof(slice(one, 2)) == sys.getsizeof(S3()))
a = slice(one, 2)
b = slice(one, 3)
ia, ib = id(a), id(b)
del a                    # cached
del b                    # to pymalloc
c = slice(one, 4)
print("the next slice takes the cached one:", (id(c) == ia, id(c) == ib))
del c                    # cached again
gc.collect()
d = slice(one, 5)
print("after gc.collect() the next slice still takes the cached one:", id(d) == ia)
del d                    # cached
# gc.get_count(): a slice taken from the cache or put back is not counted
gc.disable()
gc.get_count()           # (a 3-tuple made and freed, for the next get_count)
c0 = gc.get_count()[0]
e = slice(one, 6)        # from the cache
c1 = gc.get_count()[0]
f = slice(one, 7)        # the cache is empty: a new container
c2 = gc.get_count()[0]
del e                    # into the cache
c3 = gc.get_count()[0]
del f                    # to pymalloc
c4 = gc.get_count()[0]
print("count changes:", c1 - c0, c2 - c1, c3 - c2, c4 - c3)
gc.enable()
