# Instance __dict__s share their keys with the class (split tables) until something
# forces a combined dict. Sizes depend on how many instances of the class were made
# so far (each one shrinks the shared keys' usable part by one), so each block uses
# a fresh class.
import sys


def size(obj):
    return sys.getsizeof(obj.__dict__)


class Abc:
    def __init__(self, reverse=False):
        if reverse:
            self.c, self.b, self.a = 3, 2, 1
        else:
            self.a, self.b, self.c = 1, 2, 3


x = Abc()
print("first, measured at once:", size(x), list(vars(x)))
y = Abc(reverse=True)
print("reversed order:", size(y), list(vars(y)), "first again:", size(x))


class Del3:
    def __init__(self):
        self.a, self.b, self.c = 1, 2, 3


z = Del3()
del z.b
print("after del:", size(z), list(vars(z)))
z.b = 5
print("re-added:", size(z), list(vars(z)))
w = Del3()
w.__dict__
del w.a
print("materialised then del:", size(w), list(vars(w)))
w.d = 4
print("then a new attribute:", size(w), list(vars(w)))


class Extra:
    def __init__(self):
        self.a = 1


e = Extra()
print("one attribute:", size(e))
e.zz = 2
print("plus one set outside __init__:", size(e), list(vars(e)))
e.__dict__["q"] = 3
print("plus one through __dict__:", size(e), list(vars(e)))
e.__dict__[7] = "int key"
print("plus a non-str key:", size(e), list(vars(e)))
f = Extra()
print("next instance after that:", size(f), list(vars(f)))


class Many:
    pass


m = Many()
for i in range(31):
    setattr(m, f"a{i}", i)
print("31 attributes:", size(m), len(vars(m)))
m2 = Many()
m2.q = 1
print("a later instance with one attribute:", size(m2), list(vars(m2)))


class Distinct:
    pass


keep = []
sizes = []
for n in range(20):
    obj = Distinct()
    setattr(obj, f"x{n}", n)
    keep.append(obj)
    sizes.append(size(obj))
print("each instance a new attribute name, measured at creation:", sizes)
print("the same dicts measured afterwards:", [size(o) for o in keep])


class Thirty:
    def __init__(self, n):
        for i in range(n):
            setattr(self, f"a{i}", i)


for n in (29, 30, 31, 40):
    cls = type("T%d" % n, (Thirty,), {})
    print(n, "attributes:", size(cls(n)), "second instance:", size(cls(n)))


class Late:
    pass


objs = [Late() for _ in range(5)]
for i, o in enumerate(objs):
    o.v = i
print("5 instances made first, then one attribute each:", [size(o) for o in objs])
o6 = Late()
print("a sixth:", size(o6), "the first again:", size(objs[0]))
