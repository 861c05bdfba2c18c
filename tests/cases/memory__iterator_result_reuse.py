# enumerate, zip and dict items iterators keep a result tuple and refill it in
# place while nothing else holds it (CPython 3.11's en_result, result, di_result):
# reference counts, identities, gc referents and tracking follow from that.
import gc
import sys


class A:
    def __init__(self, name):
        self.name = name

    def __repr__(self):
        return f"A({self.name})"


class Loud:
    def __init__(self, name, log):
        self.name, self.log = name, log

    def __del__(self):
        self.log.append(self.name)


l = [A("a"), A("b"), A("c")]

print("-- enumerate")
for i, x in enumerate(l):
    print(i, x, sys.getrefcount(x))
ids = set()
for t in enumerate(l):
    ids.add(id(t))
    print(sys.getrefcount(t))
del t
print("distinct tuples", len(ids))
e = enumerate(l)
first = next(e)
second = next(e)
print(first, second, first is second)
third = next(e)
print(third is first, third is second)
del first, second, third, e
e = enumerate(l, 10)
keep = [next(e) for _ in range(2)]
print(keep, sys.getrefcount(l[0]), sys.getrefcount(l[1]))
del keep, e
print("referents", [type(r).__name__ for r in gc.get_referents(enumerate(l))])
print(gc.get_referents(enumerate(l))[1])

print("-- zip")
for x, y in zip(l, reversed(l)):
    print(x, y, sys.getrefcount(x), sys.getrefcount(y))
z = zip(l, l)
t1 = next(z)
print(t1, sys.getrefcount(t1))
t2 = next(z)
print(t2 is t1, sys.getrefcount(t2))
del t1, t2
t3 = next(z)
print(t3, sys.getrefcount(t3))
del t3, z
print(gc.get_referents(zip(l, l))[1], gc.get_referents(zip())[1])
print(list(zip()), list(zip(l)))

print("-- zip that stops part-way: the first item was already refilled")
short = [A("s")]
z = zip(l, short)
t = next(z)
print(t)
del t
print(sys.getrefcount(l[0]), sys.getrefcount(l[1]), sys.getrefcount(short[0]))
print(list(z))
print(sys.getrefcount(l[0]), sys.getrefcount(l[1]), sys.getrefcount(short[0]))
del z
print(sys.getrefcount(l[0]), sys.getrefcount(l[1]), sys.getrefcount(short[0]))

print("-- zip(strict=True)")
try:
    for x, y in zip(l, short, strict=True):
        print(x, y)
except ValueError as exc:
    print("ValueError:", exc)
try:
    for x, y in zip(short, l, strict=True):
        print(x, y)
except ValueError as exc:
    print("ValueError:", exc)


print("-- an iterator that raises mid-step")
def boom():
    yield A("ok")
    raise KeyError("boom")


z = zip(l, boom())
print(next(z))
try:
    next(z)
except KeyError as exc:
    print("KeyError", exc)
print(sys.getrefcount(l[0]), sys.getrefcount(l[1]))
del z

print("-- reentrant next() makes its own tuple")
class Reenter:
    def __init__(self):
        self.n = 0

    def __iter__(self):
        return self

    def __next__(self):
        self.n += 1
        if self.n > 5:
            raise StopIteration
        if self.n == 2:
            inner = next(z2)
            print("inner", inner, sys.getrefcount(inner))
        return self.n


z2 = zip(Reenter(), Reenter())
outer = [next(z2)]
del outer
print(next(z2))
print(next(z2))
print(list(z2))
del z2

print("-- dict items")
d = {A("k1"): A("v1"), A("k2"): A("v2")}
for k, v in d.items():
    print(k, v, sys.getrefcount(k), sys.getrefcount(v))
for kv in d.items():
    print(sys.getrefcount(kv))
del kv
for k, v in reversed(d.items()):
    print(k, v, sys.getrefcount(k), sys.getrefcount(v))
it = iter(d.items())
a = next(it)
b = next(it)
print(a is b)
del a, b, it
print(gc.get_referents(iter({}.items())), gc.get_referents(reversed({}.items())))
print(gc.get_referents(iter({}.keys())), gc.get_referents(iter({}.values())))
print(sys.getsizeof(iter(d.items())) == sys.getsizeof(iter(d.keys())))

print("-- finalizers of refilled items run at the next step")
log = []
def loud_items():
    for n in "xyz":
        yield Loud(n, log)


for i, x in enumerate(loud_items()):
    del x
    print(i, list(log))
print(list(log))

print("-- the collector untracks a tuple of atoms; a refill tracks it again")
it = enumerate([1, 2])
r = gc.get_referents(it)[1]
print(gc.is_tracked(r))
gc.collect()
print(gc.is_tracked(r))
del r
t = next(it)
print(t, gc.is_tracked(t))
del t
t = next(it)
print(t, gc.is_tracked(t))
del t, it

print("-- gc counts: the result tuple is a tracked allocation")
# (zip is left out: python3 also counts the argument tuple of its call.)
gc.collect()
before = gc.get_count()[0]
e = enumerate(l)
print(gc.get_count()[0] - before)
gc.collect()
before = gc.get_count()[0]
it = iter(d.items())
print(gc.get_count()[0] - before)
gc.collect()
before = gc.get_count()[0]
ik = iter(d.keys())
print(gc.get_count()[0] - before)
del e, it, ik

print("-- a cycle through the kept tuple is collected")
class Node:
    pass


n = Node()
n.it = enumerate([n])
next(n.it)
gc.collect()
del n
print(gc.collect() > 0)
