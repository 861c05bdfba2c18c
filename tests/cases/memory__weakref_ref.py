# weakref.ref and proxy: lifetimes, callbacks, hash and equality, sizes, errors.
import sys, gc, weakref, _weakref


class C:
    def __init__(self, n):
        self.n = n

    def __repr__(self):
        return "C(%d)" % self.n


events = []

o = C(1)
r = weakref.ref(o)
print("alive", r() is o, weakref.ref(o) is r, o.__weakref__ is r)
print("count", weakref.getweakrefcount(o), sys.getrefcount(o))
r_cb1 = weakref.ref(o, lambda w: events.append(("cb1", w() is None)))
r_cb2 = weakref.ref(o, lambda w: events.append(("cb2", w is r_cb2)))
print("refs", weakref.getweakrefcount(o), weakref.getweakrefs(o) == [r, r_cb2, r_cb1])
print("refs order", [x is y for x, y in zip(weakref.getweakrefs(o), [r, r_cb2, r_cb1])])
p = weakref.proxy(o)
print("proxy shared", weakref.proxy(o) is p, weakref.getweakrefs(o)[1] is p)
print("callback", r.__callback__, r_cb1.__callback__ is not None)
h = hash(o)
print("hash", hash(r) == h, hash(r_cb1) == h, r == r_cb1, r != r_cb1, r == 5)
print("sizes", sys.getsizeof(r), sys.getsizeof(p), sys.getsizeof(weakref.proxy(len)))
print("types", type(r).__name__, type(p).__name__, type(weakref.proxy(len)).__name__)
print("isinstance", isinstance(r, weakref.ReferenceType), weakref.ref is weakref.ReferenceType)
print("proxy attr", p.n, str(p), bool(p))
p.n = 7
print("proxy set", o.n)
del o
print("events", events)
print("dead", r(), r_cb1(), r == r_cb1, r == r, hash(r) == h)
try:
    p.n
except ReferenceError as e:
    print("ReferenceError:", e)
try:
    hash(p)
except TypeError as e:
    print("TypeError:", e)
o2 = C(2)
r2 = weakref.ref(o2)
del o2
try:
    hash(r2)
except TypeError as e:
    print("TypeError:", e)

for v in [1, "s", (), [], {}, None, 1.5, b"", object(), range(3), weakref.ref(C)]:
    try:
        weakref.ref(v)
        print(type(v).__name__, "ok")
    except TypeError as e:
        print(e)
    try:
        weakref.proxy(v)
    except TypeError as e:
        print("proxy:", e)


def f():
    pass


def g():
    yield 1


for v in [f, len, C, set(), frozenset(), g(), f.__code__, sys, C(3).__init__]:
    w = weakref.ref(v)
    print(type(v).__name__, w() is v or w() is None)


class S:
    __slots__ = ("a",)


class SW:
    __slots__ = ("a", "__weakref__")


try:
    weakref.ref(S())
except TypeError as e:
    print(e)
sw = SW()
print("slots weakref", weakref.ref(sw)() is sw, sw.__weakref__ is not None)

# callable proxies and operators through a proxy
cp = weakref.proxy(f)
print("callable proxy", type(cp).__name__, cp() is None, callable(cp))


class N:
    def __init__(self, v):
        self.v = v

    def __add__(self, o):
        return self.v + (o.v if isinstance(o, N) else o)

    def __len__(self):
        return 3

    def __getitem__(self, i):
        return i * 2

    def __iter__(self):
        return iter([1, 2])

    def __eq__(self, o):
        return isinstance(o, N) and self.v == o.v

    __hash__ = object.__hash__


n = N(10)
pn = weakref.proxy(n)
print("ops", pn + 1, len(pn), pn[4], list(pn), pn == N(10), 2 in pn)

# equality of live refs compares the referents
a1, a2 = N(1), N(1)
print("eq referents", weakref.ref(a1) == weakref.ref(a2), weakref.ref(a1) in {weakref.ref(a2)})

# subclass of ref
class MyRef(weakref.ref):
    __slots__ = ("tag",)

    def __new__(cls, ob, callback=None, tag=None):
        self = super().__new__(cls, ob, callback)
        self.tag = tag
        return self

    def __init__(self, ob, callback=None, tag=None):
        super().__init__(ob, callback)


y = C(5)
mr = MyRef(y, None, "t")
print("subclass", mr() is y, mr.tag, mr is not weakref.ref(y), weakref.getweakrefcount(y))
del y
print("subclass dead", mr())

# collection: weakrefs to garbage are cleared before finalizers run
class D:
    def __del__(self):
        print("__del__ sees", self.wr() is None)


c1, c2 = D(), D()
c1.other, c2.other = c2, c1
c1.wr = weakref.ref(c2, lambda w: print("callback of reachable ref"))
c2.wr = weakref.ref(c1)
outside = weakref.ref(c1, lambda w: print("outside callback"))
del c1, c2
print("collected", gc.collect())
print("outside", outside())
