# Containers made and freed by the short paths (tuples of two from BUILD_TUPLE,
# pairs from dict items and divmod, lists, dicts, sets, iterators, bound methods):
# free-list reuse by item count, gen 0's count, tracking, refcounts of the items.
import gc
import sys


def pair_ids():
    a, b = 1.5, "x"
    t = (a, b)
    first = id(t)
    del t
    u = (b, a)  # a 2-tuple takes back the block just parked
    same = id(u) == first
    v = (a,)  # a 1-tuple takes nothing of the 2-tuples' list
    return same, id(v) != first, len(u), u[0] is b


print("pair", pair_ids())


def counts():
    gc.collect()
    base = gc.get_count()[0]
    a = object()
    made = [(a, a) for _ in range(5)]  # the list, then five 2-tuples
    mid = gc.get_count()[0] - base
    del made
    after = gc.get_count()[0] - base
    again = [(a, a) for _ in range(5)]  # taken back: not counted
    back = gc.get_count()[0] - base
    return mid, after, back, sys.getrefcount(a) - 10


print("counts", counts())


def refs():
    a = object()
    before = sys.getrefcount(a)
    t = (a, a)
    inside = sys.getrefcount(a) - before
    del t
    d = {1: a, 2: a}
    items = list(d.items())
    with_items = sys.getrefcount(a) - before
    del items, d
    return inside, with_items, sys.getrefcount(a) - before


print("refs", refs())
print("divmod", divmod(17, 5), divmod(-7.5, 2), divmod(2**70, 3))
d = {"a": 1, "b": 2}
print("items", [kv for kv in d.items()], sorted(d.items(), key=lambda kv: -kv[1]))
print("tracked", gc.is_tracked((object(), 1)), gc.is_tracked([]), gc.is_tracked({}),
      gc.is_tracked({1}), gc.is_tracked(iter([])), gc.is_tracked(d.items().__iter__()))


class C:
    def m(self):
        return 7


o = C()
f = o.m
print("bound", f(), gc.is_tracked(f), sys.getrefcount(o), f.__self__ is o)
del f
print("bound freed", sys.getrefcount(o))
ids = set()
for k in range(50):
    t = (k, k)
    ids.add(id(t))
    del t
print("one block for fifty pairs", len(ids))
