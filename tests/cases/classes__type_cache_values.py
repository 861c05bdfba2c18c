# The type cache keeps the values it found along MROs (without a reference):
# polymorphic call sites, class attributes replaced, deleted and freed, descriptors
# swapped, __bases__ assigned, hooks added late; counts unchanged.
import gc
import sys


class Shape:
    kind = "shape"

    def area(self):
        return 0

    def name(self):
        return "shape:" + self.kind


class Sq(Shape):
    kind = "sq"

    def __init__(self, s):
        self.s = s

    def area(self):
        return self.s * self.s


class Circ(Shape):
    kind = "circ"

    def __init__(self, r):
        self.r = r

    def area(self):
        return 3 * self.r * self.r


class Tri(Shape):
    def __init__(self, b):
        self.b = b

    def area(self):
        return self.b // 2


shapes = [Sq(2), Circ(1), Tri(4), Sq(3), Shape()] * 40


def total(xs):
    t = 0
    for x in xs:
        t += x.area()
    return t


def names(xs):
    return {x.name() for x in xs}


def kinds(xs):
    return [x.kind for x in xs[:5]]


# A polymorphic site runs long enough to be specialized, to miss and to back off.
for _ in range(30):
    r = total(shapes)
print(r, sorted(names(shapes)), kinds(shapes))

# Counts of class attributes are those of python3 after many lookups.
marker = object()
Shape.marker = marker
for _ in range(200):
    [x.marker for x in shapes[:5]]
print(sys.getrefcount(marker), sys.getrefcount(Shape.__dict__["area"]))

# A value replaced in a base, then shadowed, then deleted.
Shape.area = lambda self: -1
print(total(shapes))
Tri.area = lambda self: 100
print(total(shapes))
del Tri.area
print(total(shapes))
Shape.kind = "SHAPE"
print(kinds(shapes), sorted(names(shapes)))

# A class attribute whose only reference is the class dict, replaced many times
# (each old value dies; its address may be reused by the next).
for i in range(50):
    Shape.tag = [i]
    assert Tri(1).tag == [i], i
    del Shape.tag
    Shape.tag = str(i) * 2
    assert Sq(1).tag == str(i) * 2
print(Tri(1).tag)
del Shape.tag
try:
    Tri(1).tag
except AttributeError as e:
    print("AttributeError:", e)


# A non-data descriptor becomes a data descriptor (and back).
class Getter:
    def __get__(self, obj, cls):
        return "got"


class Holder:
    attr = Getter()


h = Holder()
print([h.attr for _ in range(3)])
h.__dict__["attr"] = "instance"
print([h.attr for _ in range(3)])
Getter.__set__ = lambda self, obj, v: None
print([h.attr for _ in range(3)])
del Getter.__set__
print([h.attr for _ in range(3)])
Holder.attr = property(lambda self: "prop")
print([h.attr for _ in range(3)])
del Holder.attr
print([h.attr for _ in range(3)])

# __bases__ assignment changes the MRO under cached lookups.
class P1:
    def who(self):
        return "P1"

    v = 1


class P2:
    def who(self):
        return "P2"

    v = 2


class Kid(P1):
    pass


k = Kid()
print([k.who() for _ in range(3)], k.v)
Kid.__bases__ = (P2,)
print([k.who() for _ in range(3)], k.v)
P2.v = 22
print(k.v, Kid.v)


# Hooks added after lookups were cached.
class Late:
    x = 1


lt = Late()
print([lt.x for _ in range(3)])
Late.__getattr__ = lambda self, n: "missing " + n
print(lt.y, lt.x)
Late.__getattribute__ = lambda self, n: "all " + n
print(lt.x, lt.y)
del Late.__getattribute__
del Late.__getattr__
print(lt.x)
try:
    lt.y
except AttributeError as e:
    print("AttributeError:", e)


# Special methods found through the cache follow the class.
class Sized:
    def __len__(self):
        return 1


z = Sized()
print([len(z) for _ in range(3)])
Sized.__len__ = lambda self: 7
print(len(z))


# __slots__ and a slot replaced by a plain class attribute.
class Slotted:
    __slots__ = ("a",)

    def __init__(self):
        self.a = 1


sl = Slotted()
print([sl.a for _ in range(3)])
Slotted.a = 5
print(sl.a)
try:
    sl.a = 3
except AttributeError as e:
    print("AttributeError:", e)


# Classes made and freed in a loop (a new class may sit at a freed one's address).
out = []
for i in range(30):
    C = type("C", (), {"val": i, "get": lambda self: self.val})
    out.append(C().get())
    del C
    gc.collect()
print(out[:5], out[-3:])
