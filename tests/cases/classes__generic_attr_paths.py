# Attribute loads, stores, deletes and method loads at polymorphic sites (instances of
# several classes through one instruction, so the general path runs), on instances
# whose values are kept apart, whose __dict__ was asked for, that lost attributes, that
# met names given as non-interned strs or str subclasses, and on classes with
# __getattr__.
import sys


class A:
    def __init__(self):
        self.x = 1
        self.y = 2

    def m(self):
        return "A.m"


class B:
    def __init__(self):
        self.y = 20
        self.x = 10

    def m(self):
        return "B.m"


class C(A):
    def __init__(self):
        self.z = 300
        self.x = 100

    def m(self):
        return "C.m"


class G:
    def __init__(self):
        self.x = -1

    def __getattr__(self, name):
        return "G.__getattr__(" + name + ")"

    def m(self):
        return "G.m"


def load_x(objs):
    return [o.x for o in objs]


def load_y(objs):
    out = []
    for o in objs:
        try:
            out.append(o.y)
        except AttributeError as e:
            out.append(str(e))
    return out


def store_x(objs, v):
    for o in objs:
        o.x = v


def call_m(objs):
    return [o.m() for o in objs]


objs = [A(), B(), C(), G()]
for i in range(100):
    load_x(objs)
    load_y(objs)
    store_x(objs, i)
    call_m(objs)
print(load_x(objs), load_y(objs), call_m(objs))

# A method shadowed by an instance attribute of the same name.
objs[1].m = lambda: "instance m"
print(call_m(objs))
del objs[1].m
print(call_m(objs))

# Deleted attributes, then a failing delete.
del objs[0].y
print(load_y(objs))
try:
    del objs[0].y
except AttributeError as e:
    print("AttributeError:", e)
objs[0].y = "back"
print(load_y(objs), list(vars(objs[0])))

# Names that are not interned (made at run time) and str subclasses.
name = "".join(["x"])
print(getattr(objs[2], name), sys.intern(name) is name)
setattr(objs[2], "".join(["n", "ew"]), "made")
print(objs[2].new, list(vars(objs[2])))


class S(str):
    pass


setattr(objs[3], S("s"), "sub")
print(getattr(objs[3], S("s")), objs[3].s, getattr(objs[3], "q"))
print(sorted(vars(objs[3]).items()))

# An instance whose __dict__ was asked for keeps working at the same sites.
d = objs[1].__dict__
d["y"] = 21
print(load_y(objs), sys.getsizeof(d) > 0)
store_x(objs, "after dict")
print(load_x(objs), d["x"])

# A key added to the class's shared keys by a later instance: earlier instances'
# values have no room for it.
old = A()
for i in range(8):
    a = A()
    setattr(a, "k%d" % i, i)
setattr(old, "k7", "late")
print(old.k7, sorted(vars(old)))
old2 = A()
later = A()
later.k9 = 9
try:
    del old2.k9
except AttributeError as e:
    print("AttributeError:", e)
print(sorted(vars(old2)), later.k9)

# Many attributes: past the shared keys' room, the dict takes over.
many = A()
for i in range(40):
    setattr(many, "a%d" % i, i)
print(many.a39, many.a0, len(vars(many)))
print(call_m([many, objs[1], objs[2]]))

# Counts are untouched by the generic paths.
o = A()
v = object()
o.v = v
before = sys.getrefcount(v)
for _ in range(50):
    load_x([o, objs[1]])
    o.v
    o.v = v
print(sys.getrefcount(v) - before)
