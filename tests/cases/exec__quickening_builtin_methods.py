# Methods of built-in types called from warm (specialized) sites: the method found
# through a static type's own dict, kept while objects the type cache names die,
# at polymorphic sites, and next to subclasses that override or shadow it; set.add's
# one-probe path with keys it cannot compare by itself; reference counts unchanged.
import sys


def appends(n):
    l = []
    for i in range(n):
        l.append(i)
    return l


def churn(n):
    # Each round makes a class, finds its method through the type cache and lets
    # both go, while the built-in method sites keep answering.
    out = []
    s = set()
    for i in range(n):
        class K:
            def m(self):
                return i

        out.append(K().m())
        s.add(i % 7)
        del K
    return sum(out), sorted(s)


def copies(objs):
    r = []
    for o in objs:
        c = o.copy()
        r.append(type(c).__name__ + ":" + str(len(c)))
    return r


class L(list):
    def append(self, x):
        super().append(x * 10)


class Shadow:
    __slots__ = ()

    def upper(self):
        return "shadow"


def uppers(objs):
    return [o.upper() for o in objs]


class Same:
    """Hashes as the int it wraps and equals it: set.add cannot tell it alone."""

    calls = 0

    def __init__(self, v):
        self.v = v

    def __hash__(self):
        return hash(self.v)

    def __eq__(self, other):
        Same.calls += 1
        return other == self.v


def set_adds(keys):
    s = set()
    for k in keys:
        s.add(k)
    return s


def inserts(n):
    l = [0] * 3
    for i in range(n):
        l.insert(1, i)
        l.pop(0)
        l.pop()
        l.insert(-1, -i)
    return l


d = list.__dict__["append"]
before = sys.getrefcount(d)
print(len(appends(500)), appends(5))
print(sys.getrefcount(d) == before)
print(churn(200))
print(copies([[1, 2], {1: 2}, {3}, [4], {5: 6, 7: 8}, {9, 10}] * 30)[-6:])
ls = [L(), [], L()]
for _ in range(60):
    for x in ls:
        x.append(1)
print([sum(x) for x in ls])
print(uppers(["ab", Shadow(), "cd"] * 40)[-3:])
print(len(set_adds(list(range(100)) * 3)))
r = set_adds([1, 2, Same(3), 3, 4, Same(2), "a", "a", 2.0, True] * 20)
print(len(r), Same.calls > 0, sorted(repr(x) for x in r if not isinstance(x, Same)))
print(inserts(300)[:5], len(inserts(300)))
print((True).bit_length(), [b.bit_length() for b in [True, False, 7] * 30][-3:])
print(sys.getrefcount(d) == before)
try:
    for _ in range(100):
        [].append()
except TypeError as e:
    print(e)
try:
    s = set()
    for k in [1, 2, [3]]:
        s.add(k)
except TypeError as e:
    print(e)
