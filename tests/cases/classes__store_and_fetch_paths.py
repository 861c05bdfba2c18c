# Attribute stores on plain instances (polymorphic sites, the generic path) and class
# attributes re-read by the specializing interpreter's inline caches after warm-up,
# while the classes change under them.
import sys


class A:
    def __init__(self):
        self.v = 0

    def m(self):
        return "A.m"


class B(A):
    pass


class C(A):
    pass


def store_all(xs, val):
    for x in xs:
        x.v = val


xs = [A(), B(), C()]
for i in range(200):
    store_all(xs, i)
print([x.v for x in xs])

# The class gains a data descriptor of that name: stores go through it.
log = []


class Prop:
    def __get__(self, o, t=None):
        return "prop"

    def __set__(self, o, v):
        log.append(("set", type(o).__name__, v))


B.v = Prop()
store_all(xs, 7)
print([x.v for x in xs], log)
print(xs[1].__dict__)
del B.v
print([x.v for x in xs])

# A non-data descriptor becomes a data descriptor later (its class gains __set__).
class Later:
    def __get__(self, o, t=None):
        return "later"


C.v = Later()
store_all(xs, 8)
print([x.v for x in xs])
Later.__set__ = lambda self, o, v: log.append(("later-set", v))
store_all(xs, 9)
print([x.v for x in xs], log[-1:])
del C.v

# __setattr__ added after warm-up, to a base and to the class itself.
for i in range(100):
    store_all(xs, i)


def hook(self, name, value):
    log.append(("hook", type(self).__name__, name, value))
    object.__setattr__(self, name, value * 10)


A.__setattr__ = hook
store_all(xs, 3)
print([x.v for x in xs], log[-3:])
del A.__setattr__
store_all(xs, 4)
print([x.v for x in xs])
C.__setattr__ = hook
store_all(xs, 5)
print([x.v for x in xs])
del C.__setattr__

# __delattr__ on the same sites.
def del_all(xs):
    for x in xs:
        try:
            del x.v
        except AttributeError as e:
            print("AttributeError:", e)


del_all(xs)
del_all(xs)
store_all(xs, 6)
print([x.v for x in xs])


# __slots__: the member descriptor is a data descriptor.
class S:
    __slots__ = ("v",)


class S2(S):
    __slots__ = ()


class D(S):
    pass


ss = [S(), S2(), D()]
for i in range(100):
    store_all(ss, i)
print([s.v for s in ss], hasattr(ss[0], "__dict__"), ss[2].__dict__)
try:
    ss[0].w = 1
except AttributeError as e:
    print("AttributeError:", e)
ss[2].w = 2
print(ss[2].__dict__)

# Odd names: non-str and str subclasses.
class N(str):
    pass


o = A()
setattr(o, N("v"), 11)
print(o.v, o.__dict__)
try:
    setattr(o, 1, 2)
except TypeError as e:
    print("TypeError:", e)


# Methods re-read after warm-up, while the class dict changes.
def call_m(objs):
    return [o.m() for o in objs]


objs = [A()]
for i in range(100):
    call_m(objs)
print(call_m(objs))
A.m = lambda self: "new A.m"
print(call_m(objs))
A.other = 1  # another key of the same dict
print(call_m(objs))


def m2(self):
    return "m2"


A.m = m2
print(call_m(objs), sys.getrefcount(m2))
A.m = lambda self: "third"
print(call_m(objs), sys.getrefcount(m2))
del m2

# A class attribute through the class (LOAD_ATTR_CLASS / LOAD_METHOD_CLASS).
class K:
    x = 1

    @staticmethod
    def s():
        return "s"


def read_k():
    return K.x, K.s()


for i in range(100):
    read_k()
print(read_k())
K.x = 2
print(read_k())
K.s = staticmethod(lambda: "s2")
print(read_k())


# The method found on a base, which is then shadowed in the subclass.
class P:
    def m(self):
        return "P.m"


class Q(P):
    pass


qs = [Q()]
for i in range(100):
    call_m(qs)
print(call_m(qs))
Q.m = lambda self: "Q.m"
print(call_m(qs))
del Q.m
print(call_m(qs))
P.m = lambda self: "P.m2"
print(call_m(qs))


# The value of a cached position dies and is replaced (the cache must not answer
# with it).
class R:
    pass


R.m = lambda self: "first"
rs = [R()]
for i in range(100):
    call_m(rs)
print(call_m(rs))
R.m = lambda self: "second"
for i in range(5):
    print(call_m(rs))
