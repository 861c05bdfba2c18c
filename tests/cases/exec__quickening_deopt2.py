# Specialized forms of the second round meeting their guard failing mid-run: slots,
# instance dicts, class attributes, properties, __getitem__, calls of built-ins,
# bound methods and classes with a Python __init__, tuple and generator loops.
# Each loop runs long enough for its instructions to specialize first.
import sys


class Slotted:
    __slots__ = ("a", "b")

    def __init__(self, a):
        self.a = a


class Plain:
    def __init__(self, a):
        self.a = a


def read_a(objs):
    return [o.a for o in objs]


def write_a(objs, v):
    for o in objs:
        o.a = v


slots = [Slotted(i) for i in range(20)]
print(sum(read_a(slots)))
write_a(slots, 2)
print(sum(read_a(slots)))
# A slot class meets a dict class at the same sites, and an empty slot.
mixed = slots[:10] + [Plain(i) for i in range(10)]
print(sum(read_a(mixed)))
write_a(mixed, 3)
print(sum(read_a(mixed)))
del slots[0].a
try:
    read_a(slots)
except AttributeError as e:
    print("AttributeError:", e)
try:
    print(slots[1].b)
except AttributeError as e:
    print("AttributeError:", e)


# Instances whose attributes live in a dict of their own (the dict made first).
def with_dict(n):
    objs = [Plain(i) for i in range(n)]
    for o in objs:
        o.__dict__["extra"] = 1
        o.a = o.a + 1
    return objs


def read_extra(objs):
    t = 0
    for o in objs:
        t += o.extra + o.a
    return t


def write_extra(objs, v):
    for o in objs:
        o.extra = v


objs = with_dict(20)
print(read_extra(objs))
write_extra(objs, 5)
print(read_extra(objs))
# Keys change order: the hint misses; a key deleted; a class attribute shadowed.
for o in objs[:5]:
    del o.extra
    o.extra = 7
del objs[6].__dict__["a"]
Plain.a = 100
print(read_extra(objs))
write_extra(objs, 1)
print(read_extra(objs))
del Plain.a


# Class attributes and functions read from the class.
class Config:
    scale = 3

    def helper(x):
        return x * 2


def use_config(n):
    t = 0
    for i in range(n):
        t += Config.scale + Config.helper(i)
    return t


print(use_config(20))
Config.scale = 4
print(use_config(20))
Config.helper = staticmethod(lambda x: -x)
print(use_config(20))
Config.scale = property(lambda self: 1)
print(type(use_config.__code__).__name__, Config.scale.__class__.__name__)
del Config.scale
try:
    use_config(1)
except AttributeError as e:
    print("AttributeError:", e)


class Meta(type):
    scale = 9


class WithMeta(metaclass=Meta):
    pass


def meta_scale(c):
    return c.scale


for _ in range(20):
    meta_scale(Config if hasattr(Config, "scale") else WithMeta)
print(meta_scale(WithMeta))
WithMeta.scale = 1
print(meta_scale(WithMeta))


# A property with a Python getter, then replaced by a plain value, then a getter
# that raises (the traceback shows the getter's frame).
class Box:
    def __init__(self, w):
        self.w = w

    @property
    def area(self):
        return self.w * self.w


def areas(boxes):
    return [b.area for b in boxes]


boxes = [Box(i) for i in range(20)]
print(sum(areas(boxes)))
Box.area = property(lambda self: 1)
print(sum(areas(boxes)))
Box.area = 2
print(sum(areas(boxes)))


def bad(self):
    raise ValueError("no area")


Box.area = property(bad)
try:
    areas(boxes)
except ValueError as e:
    print("ValueError:", e)


# __getitem__ of a class, then replaced, then a list at the same site.
class Grid:
    def __init__(self, n):
        self.n = n

    def __getitem__(self, i):
        return i * self.n


def fetch(g, i):
    return g[i]


for i in range(20):
    fetch(Grid(2), i)
print(fetch(Grid(3), 4))
Grid.__getitem__ = lambda self, i: -i
print(fetch(Grid(3), 4), fetch([1, 2, 3], 1), fetch({"k": 5}, "k"))


# Built-in functions and methods of built-in types, then shadowed or on other types.
def builtins_use(xs, s):
    return abs(xs[0]), max(xs), min(xs, key=abs), s.upper(), s.strip(), s.split(" ", 1)


for _ in range(20):
    builtins_use([1, -5, 3], " a b ")
print(builtins_use([-2, 4], "x y"))
abs = lambda x: "shadowed"  # noqa: E731
print(builtins_use([-2, 4], "x y"))
del abs


class MyStr(str):
    def upper(self):
        return "mine"


print(builtins_use([3], MyStr(" p q ")))
try:
    builtins_use([1], 5)
except AttributeError as e:
    print("AttributeError:", e)
try:
    max([])
except ValueError as e:
    print("ValueError:", e)


# type(x), str(x), tuple(x), then the names rebound.
def convert(x):
    return type(x).__name__, str(x), tuple(x)


for _ in range(20):
    convert([1, 2])
print(convert("ab"), convert((1,)), convert(range(2)))
str = repr  # noqa: A001
print(convert("ab"))
del str


# Bound method objects called through a name.
class Counter:
    def __init__(self):
        self.n = 0

    def bump(self, k):
        self.n += k
        return self.n


def call_bound(m, k):
    return m(k)


c = Counter()
for i in range(20):
    call_bound(c.bump, 1)
print(c.n, call_bound(c.bump, 5), call_bound(len, "abc"), call_bound(lambda k: k, 9))
Counter.bump = lambda self, k, extra=0: "defaults"
print(call_bound(c.bump, 1))


# Classes with a Python __init__: replaced, a __new__ added, __init__ returning a
# value, raising, a base class's __init__ changed, recursion.
class Node:
    def __init__(self, v):
        self.v = v


def make(cls, n):
    out = []
    for i in range(n):
        out.append(cls(i))
    return out


print(sum(o.v for o in make(Node, 20)))
Node.__init__ = lambda self, v: setattr(self, "v", -v)
print(sum(o.v for o in make(Node, 20)))


def new(cls, v):
    o = object.__new__(cls)
    o.v = 1000
    return o


class Fresh(Node):
    pass


print(sum(o.v for o in make(Fresh, 20)))
Fresh.__new__ = new
print(sum(o.v for o in make(Fresh, 3)))


class Child(Node):
    pass


print(sum(o.v for o in make(Child, 20)))
Node.__init__ = lambda self, v: setattr(self, "v", 2 * v)
print(sum(o.v for o in make(Child, 20)))


class Returns:
    def __init__(self, v):
        if v > 15:
            return v


try:
    make(Returns, 20)
except TypeError as e:
    print("TypeError:", e)


class Raises:
    def __init__(self, v):
        if v == 18:
            raise KeyError(v)


try:
    make(Raises, 20)
except KeyError as e:
    print("KeyError:", e)


class Deep:
    def __init__(self, n):
        self.child = Deep(n - 1) if n else None


old = sys.getrecursionlimit()
sys.setrecursionlimit(200)
try:
    Deep(1000)
except RecursionError as e:
    print("RecursionError:", e)
sys.setrecursionlimit(old)
d = Deep(50)
depth = 0
while d:
    depth += 1
    d = d.child
print(depth, sys.getrefcount(Node) == sys.getrefcount(Node))


# Tuples and generators walked by a specialized FOR_ITER, then other iterables.
def walk(it):
    t = 0
    for x in it:
        t += x
    return t


def gen(n):
    for i in range(n):
        yield i


for _ in range(20):
    walk((1, 2, 3))
    walk(gen(3))
print(walk((4, 5)), walk(gen(4)), walk([1, 1]), walk({7: 0}), walk(x for x in (2, 2)))
g = gen(5)
next(g)
print(walk(g), walk(g))


def stops():
    yield 1
    raise StopIteration


try:
    walk(stops())
except RuntimeError as e:
    print("RuntimeError:", e)


# Last, uncaught: the traceback of an __init__ that returns a value names the
# caller's line only, and one that raises shows its own frame.
def build(cls, n):
    out = []
    for i in range(n):
        out.append(cls(i))
    return out


def build_raising(n):
    out = []
    for i in range(n):
        out.append(Raises(i))
    return out


try:
    build_raising(20)
except KeyError:
    pass
build(Returns, 20)
