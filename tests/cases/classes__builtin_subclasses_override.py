# Subclasses of built-in types that override special methods, __new__ and __init__,
# and reach the built-in behaviour through super() or the base's methods.


class Scaled(list):
    def __init__(self, items, factor):
        super().__init__(items)
        self.factor = factor

    def __getitem__(self, i):
        return super().__getitem__(i) * self.factor

    def __len__(self):
        return super().__len__() + 100

    def __repr__(self):
        return "Scaled(" + super().__repr__() + ")"

    def __contains__(self, x):
        return x == "always"

    def append(self, x):
        super().append(-x)


s = Scaled([1, 2, 3], 10)
s.append(4)
print(s, str(s), len(s), s[0], s[3], list(s), "always" in s, 1 in s, list.__len__(s), list.__getitem__(s, 1))
print(list.__repr__(s), [x for x in s], bool(s), f"{s}")


class Counter(dict):
    def __missing__(self, key):
        return 0

    def __setitem__(self, key, value):
        super().__setitem__(key, value * 2)


c = Counter()
c["a"] += 1
c["a"] += 1
print(c, c["zzz"], "zzz" in c, c.get("zzz"), dict.__getitem__(c, "a"))


class Money(int):
    def __new__(cls, value, currency="EUR"):
        obj = super().__new__(cls, value)
        obj.currency = currency
        return obj

    def __add__(self, other):
        return Money(int(self) + int(other), self.currency)

    __radd__ = __add__

    def __repr__(self):
        return f"{int(self)} {self.currency}"


m = Money(5, "USD")
print(m, repr(m), str(m), m + 3, 3 + m, type(m + 3).__name__, m * 2, type(m * 2).__name__, sum([m, m], Money(0)))
print(m == 5, m > 4, int.__add__(m, 1), int.__repr__(m), f"{m}", "%s|%d" % (m, m))


class Upper(str):
    def __new__(cls, text):
        return super().__new__(cls, text.upper())

    def __str__(self):
        return "<" + super().__str__() + ">"

    def __len__(self):
        return 0


u = Upper("abc")
print(u, repr(u), str(u), len(u), u.lower(), u == "ABC", f"{u}", bool(u), str.__len__(u))


class Point(tuple):
    def __new__(cls, x, y):
        return super().__new__(cls, (x, y))

    @property
    def x(self):
        return self[0]

    def __repr__(self):
        return f"Point(x={self[0]}, y={self[1]})"

    def __eq__(self, other):
        return tuple.__eq__(self, other) is True


p = Point(1, 2)
print(p, p.x, p[1], len(p), p == (1, 2), p == Point(1, 2), p != (3, 4), list(p), tuple.__repr__(p))
try:
    hash(p)
except TypeError as e:
    print("TypeError:", e)


class Half(float):
    def __truediv__(self, other):
        return "no division"

    def __neg__(self):
        return "negated"


h = Half(3.0)
print(h / 2, 6 / h, -h, h + 1, abs(Half(-1.0)), float.__truediv__(h, 2), float.__neg__(h))


class Tagged(set):
    def __init__(self, items=(), tag="t"):
        super().__init__(items)
        self.tag = tag

    def __iter__(self):
        return iter(sorted(super().__iter__(), reverse=True))


g = Tagged([1, 3, 2], tag="x")
print(list(g), g.tag, len(g), 2 in g, sorted(g), Tagged())


class Both(list):
    def __eq__(self, other):
        return "eq!"


print(Both() == [], Both() != [], [] == Both(), Both([1]) < [2])
try:
    hash(Both())
except TypeError as e:
    print("TypeError:", e)


class Chain(Scaled):
    def __getitem__(self, i):
        return "chain:" + str(super().__getitem__(i))


ch = Chain([5], 2)
print(ch[0], len(ch), ch, Chain.__mro__)


class R(list):
    def __iter__(self):
        return iter(["overridden"])


r = R([1, 2, 3])
print(list(r), tuple(r), sorted(r), [*r], set(r), r == [1, 2, 3], len(r), 1 in r, min(r))
(only,) = r
print(only, "-".join(R(["x"])), list(map(str, r)), dict.fromkeys(r) if hasattr(dict, "fromkeys") else {"overridden": None})


class Doubling(dict):
    def __setitem__(self, k, v):
        super().__setitem__(k, (v or 0) * 2)


print(dict.fromkeys("ab"), {}.fromkeys("ab", 1), Doubling.fromkeys("ab", 1), type(Doubling.fromkeys("a")).__name__)
print(Doubling().fromkeys("x", 3), Doubling(a=1), Doubling([("b", 2)]))


class M:
    def __repr__(self): return "M"
    def __len__(self): return 7
    def hello(self): return "hi " + str(len(self))
class A(list, M): pass
class B(M, list): pass
print(repr(A([1])), len(A([1])), A([1]).hello(), repr(B([1])), len(B([1])), B([1]).hello())
print(A.__mro__)
try:
    class E(Exception, int): pass
except TypeError as e: print(e)
class Cnt(dict):
    def __init__(self, *a, **k):
        super().__init__(*a, **k)
        self.n = len(self)
c = Cnt({"a": 1}, b=2)
print(c, c.n, vars(c))
