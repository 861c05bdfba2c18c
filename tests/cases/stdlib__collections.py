# collections: defaultdict, OrderedDict, Counter, namedtuple, ChainMap, UserDict,
# UserList, UserString (deque has its own case).
import sys
from collections import (ChainMap, Counter, OrderedDict, UserDict, UserList,
                         UserString, defaultdict, namedtuple)


def t(f):
    try:
        print(repr(f()))
    except Exception as e:
        print(type(e).__name__, e)


# defaultdict
d = defaultdict(list)
for w in "apple avocado banana cherry blueberry".split():
    d[w[0]].append(w)
print(d, d.default_factory, len(d), "z" in d)
print(d["z"], d)
c = d.copy()
print(type(c).__name__, c == d, c is d, c.default_factory)
n = defaultdict(int, {"a": 1}, b=2)
n["c"] += 5
print(n, n | {"x": 1}, {"y": 2} | n, isinstance(n, dict), type(n).__mro__)
print(defaultdict(), defaultdict(None, {1: 2}), sys.getsizeof(defaultdict()))
t(lambda: defaultdict(1))
t(lambda: defaultdict()[1])


class Tree(defaultdict):
    def __init__(self):
        super().__init__(Tree)


tr = Tree()
tr["a"]["b"]["c"] = 1
print(tr["a"]["b"], type(tr["a"]).__name__)

# OrderedDict
o = OrderedDict(a=1, b=2, c=3)
o.move_to_end("a")
print(o, list(o))
o.move_to_end("c", last=False)
print(o, list(o.keys()), list(o.values()), list(o.items()))
print(o.popitem(), o.popitem(last=False), o)
o.update([("x", 1), ("y", 2)], z=3)
print(o, o.keys(), o.values(), o.items(), list(reversed(o)), list(reversed(o.items())))
p = OrderedDict([("y", 2), ("x", 1), ("z", 3)])
print(o == p, dict(o) == dict(p), o == dict(p), dict(p) == o, o != p)
print(OrderedDict(), OrderedDict.fromkeys("ab", 0), o.copy(), o | {"w": 0})
print(o.setdefault("x", 9), o.setdefault("q", 9), o.pop("q"), o.pop("nope", None))
t(lambda: OrderedDict().popitem())
t(lambda: o.move_to_end("nope"))
t(lambda: o.pop("nope"))
r = OrderedDict(a=1)
r["self"] = r
print(r)


class LRU(OrderedDict):
    def __init__(self, size):
        super().__init__()
        self.size = size

    def get(self, key):
        self.move_to_end(key)
        return self[key]

    def __setitem__(self, key, value):
        super().__setitem__(key, value)
        self.move_to_end(key)
        if len(self) > self.size:
            self.popitem(last=False)


cache = LRU(3)
for k in "abcadeb":
    cache[k] = ord(k)
    if k == "a":
        cache.get("b") if "b" in cache else None
print(cache, list(cache))

# Counter
c = Counter("abracadabra")
print(c, c.most_common(), c.most_common(2), c.total())
print(sorted(c.elements()), c["z"], "z" in c)
c.update("aaz")
c.update({"b": 10})
print(c)
c.subtract("aaa")
c.subtract({"b": 20}, r=1)
print(c)
a, b = Counter(a=3, b=1, c=-2), Counter(a=1, b=2, d=4)
print(a + b, a - b, a | b, a & b, +a, -a)
a2 = a.copy()
a2 += b
print(a2)
a2 -= Counter(a=10)
print(a2)
a2 |= Counter(x=5)
a2 &= Counter(x=2, b=1)
print(a2)
print(Counter(a=1) == Counter(a=1, b=0), Counter(a=1) <= Counter(a=2), Counter(a=2) < Counter(a=2))
print(Counter(a=1) == {"a": 1}, Counter(), Counter(["x", "y", "x"]), Counter(x=1, y=2))
del c["nope"]
del c["a"]
print(c, type(c.copy()).__name__)
t(lambda: Counter.fromkeys("ab"))
words = "the quick brown fox jumps over the lazy dog the end".split()
print(Counter(words).most_common(3), Counter(len(w) for w in words))


class MyCounter(Counter):
    def __setitem__(self, k, v):
        super().__setitem__(k, v * 10)


print(MyCounter("aab"))

# namedtuple
Point = namedtuple("Point", "x y")
p = Point(1, y=2)
print(p, p.x, p.y, p[0], p._fields, Point.__doc__, Point.__module__, Point.__name__)
print(p._asdict(), p._replace(x=5), Point._make([3, 4]), tuple(p), p == (1, 2), hash(p) == hash((1, 2)))
print(sys.getsizeof(p), sys.getsizeof((1, 2)), type(p).__mro__, isinstance(p, tuple))
x, y = p
print(x, y, Point.x.__doc__, Point.__new__.__qualname__, Point._make.__qualname__)
P3 = namedtuple("P3", ["a", "b", "c"], defaults=[0, 1])
print(P3(9), P3(1, 2, 3), P3._field_defaults, P3.__new__.__defaults__)
R = namedtuple("R", "abc def _x abc", rename=True)
print(R._fields, R(1, 2, 3, 4))
M = namedtuple("M", "a, b", module="somewhere")
print(M.__module__, M(1, 2))
One = namedtuple("One", "v")
print(One(1), sys.getsizeof(One(1)), namedtuple("E", "")())
t(lambda: Point(1))
t(lambda: Point(1, 2, 3))
t(lambda: Point._make([1]))
t(lambda: p._replace(z=1))
t(lambda: namedtuple("B", "x x"))
t(lambda: namedtuple("B", "_x"))
t(lambda: namedtuple("B", "class"))
t(lambda: namedtuple("1B", "x"))
t(lambda: namedtuple("B", "x", defaults=[1, 2]))
t(lambda: p.__dict__)


class Pt(namedtuple("Pt", "x y")):
    __slots__ = ()

    def norm(self):
        return abs(self.x) + abs(self.y)


print(Pt(3, -4).norm(), Pt(1, 2), sys.getsizeof(Pt(1, 2)))

# ChainMap
base = {"a": 1, "b": 2}
cm = ChainMap({"b": 20}, base)
print(cm, cm["a"], cm["b"], len(cm), list(cm), dict(cm), "a" in cm, cm.get("z", 0))
cm["c"] = 3
del cm["b"]
print(cm, cm.maps, base)
t(lambda: cm.__delitem__("a"))
child = cm.new_child({"a": 100})
print(child, child["a"], child.parents, list(child.keys()), list(child.items()), list(child.values()))
print(cm.keys(), bool(ChainMap()), ChainMap(), cm.copy(), cm | {"q": 1})
print(cm.pop("c"), cm.popitem() if cm.maps[0] else None)
t(lambda: ChainMap().popitem())
t(lambda: ChainMap()["x"])

# UserDict
ud = UserDict({"a": 1}, b=2)
ud["c"] = 3
print(ud, len(ud), ud["a"], "b" in ud, list(ud), ud.get("z"), ud.data, ud.pop("c"), ud)
print(ud.copy(), type(ud.copy()).__name__, ud | {"x": 1}, UserDict.fromkeys("ab", 1))
ud.update(q=9)
print(ud.setdefault("r", 0), ud, dict(ud.items()), ud == {"a": 1, "b": 2, "q": 9, "r": 0})
t(lambda: ud["zz"])


class Lower(UserDict):
    def __setitem__(self, key, value):
        super().__setitem__(key.lower(), value)

    def __missing__(self, key):
        return "?"


lo = Lower(A=1)
lo["B"] = 2
print(lo, lo["b"], lo["nope"])

# UserList
ul = UserList([3, 1, 2])
ul.append(0)
ul.sort()
print(ul, ul[1], ul[1:3], type(ul[1:3]).__name__, len(ul), 2 in ul, ul + [9], [8] + ul, ul * 2)
ul.extend(UserList([7]))
ul.insert(0, -1)
ul.remove(2)
print(ul, ul.pop(), ul.pop(0), ul, ul.index(3), ul.count(1), ul == [0, 1, 3], ul < [5])
ul.reverse()
ul += (4,)
print(ul, list(reversed(ul)), ul.copy(), type(ul.copy()).__name__)
ul[0] = "x"
del ul[1]
print(ul, ul.data)

# UserString
us = UserString("Hello World")
print(us, repr(us), len(us), us[0], us[1:5], type(us[0]).__name__, "World" in us)
print(us.upper(), us.lower(), type(us.upper()).__name__, us.split(), us.find("o"), us.count("l"))
print(us.replace("World", "There"), us + "!", "<" + us, us * 2, us.startswith("He"), us.isalpha())
print(us.strip("Hd"), us.center(15, "*"), us == "Hello World", us < "Z", hash(us) == hash("Hello World"))
print(list(UserString("ab")), UserString(12), int(UserString("42")) + 1)
