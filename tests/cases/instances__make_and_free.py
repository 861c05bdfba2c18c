# Instances made by a class call in a hot loop (the specialized call that allocates
# the instance, gives it its values and enters __init__) and freed when dropped:
# ids, sizes, gc counts, tracemalloc, weakref callbacks, late __del__, and __init__
# returning something else than None.
import gc
import sys
import tracemalloc
import weakref


class Vec:
    def __init__(self, x, y, z):
        self.x = x
        self.y = y
        self.z = z


def make(n):
    out = []
    for i in range(n):
        out.append(Vec(i * 0.5, i * 1.5, i * 2.5))
    return out


vs = make(50)
print(vs[7].x, vs[7].y, vs[7].z, vars(vs[49]))
print(sys.getsizeof(vs[0]), sys.getsizeof(vs[0].__dict__))
del vs

# A freed instance's block is the next one's (pymalloc reuse).
ids = set()
for i in range(100):
    ids.add(id(Vec(i, i, i)))
print("distinct ids while made and dropped:", len(ids))
a = Vec(1, 2, 3)
ia = id(a)
del a
print("same block again:", id(Vec(4, 5, 6)) == ia)

# gc generation 0 counts instances made and freed.
keep = []
gc.collect()
before = gc.get_count()[0]
for i in range(20):
    keep.append(Vec(i, i, i))
print("gen0 after 20 kept:", gc.get_count()[0] - before)
keep.clear()
mid = gc.get_count()[0]
for i in range(30):
    Vec(i, i, i)
print("gen0 after 30 made and dropped:", gc.get_count()[0] - mid)

# tracemalloc sees the instance and its values block, and their frees.
tracemalloc.start()
t0 = tracemalloc.get_traced_memory()[0]
held = make(10)
t1 = tracemalloc.get_traced_memory()[0]
del held
t2 = tracemalloc.get_traced_memory()[0]
tracemalloc.stop()
print("traced growth for 10 kept > 0:", t1 - t0 > 0, "all back:", t2 - t0 <= 0)

# A weak reference's callback runs when the instance goes.
dead = []
for i in range(5):
    v = Vec(i, i, i)
    r = weakref.ref(v, lambda r, i=i: dead.append(i))
    del v
print("callbacks:", dead)

# __del__ added to the class after instances were made runs for them.
old = [Vec(i, 0, 0) for i in range(3)]
Vec.__del__ = lambda self: print("__del__", self.x)
del old
for i in range(3, 5):
    Vec(i, 0, 0)
del Vec.__del__
Vec(9, 0, 0)
print("no __del__ any more")

# A resurrecting __del__ keeps the instance; it runs once.
saved = []


class Phoenix:
    def __init__(self, n):
        self.n = n

    def __del__(self):
        print("Phoenix.__del__", self.n)
        saved.append(self)


for i in range(3):
    Phoenix(i)
print("saved:", [p.n for p in saved])
saved.clear()
print("cleared")


# __init__ must return None: after the call site is specialized too.
class Bad:
    def __init__(self, n):
        self.n = n
        if n == 40:
            return n


for i in range(60):
    try:
        Bad(i)
    except TypeError as e:
        print(i, e)


class Raises:
    def __init__(self, n):
        self.n = n
        if n == 45:
            raise ValueError(n)


for i in range(60):
    try:
        Raises(i)
    except ValueError as e:
        print("raised", e)
print(sys.getrefcount(Raises) == sys.getrefcount(Bad))
