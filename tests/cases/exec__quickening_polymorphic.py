# One attribute site meeting instances of several classes (glasspy turns such a site
# polymorphic): the answers must stay python3's through class changes, instance
# dicts made or diverging, deleted attributes, __getattr__, properties and slots.
import sys


class A:
    kind = "a"

    def __init__(self, x):
        self.x = x
        self.y = x * 2

    def f(self):
        return "A.f", self.x


class B:
    kind = "b"

    def __init__(self, x):
        self.y = -x
        self.x = x + 100

    def f(self):
        return "B.f", self.y


class C(A):
    pass


class S:
    __slots__ = ("x", "y")

    def __init__(self, x):
        self.x = x
        self.y = 0

    def f(self):
        return "S.f", self.x


class G:
    def __init__(self, x):
        self.z = x

    def __getattr__(self, name):
        return "G.getattr:" + name

    def f(self):
        return "G.f"


class P:
    def __init__(self, x):
        self._x = x
        self.y = 1

    @property
    def x(self):
        return self._x * 10

    @x.setter
    def x(self, v):
        self._x = v

    def f(self):
        return "P.f", self._x


def load(o):
    return o.x


def store(o, v):
    o.x = v


def call(o):
    return o.f()


def run(objs, rounds=30):
    out = []
    for i in range(rounds):
        for o in objs:
            out.append((load(o), call(o)))
            store(o, i)
    return out[-len(objs):]


objs = [A(1), B(2), C(3)]
print(run(objs))
objs.append(S(4))
print(run(objs))

# A class attribute replaced mid-run: the method, then a data descriptor over x.
A.f = lambda self: ("A.new_f", self.x)
print(run(objs, 5))
B.x = property(lambda self: "B.prop")
try:
    print(run(objs, 3))
except AttributeError:
    print("AttributeError")
del B.x
print(run(objs, 3))

# An instance whose dict is made, one whose keys diverge, one that lost x.
a2 = A(5)
d = a2.__dict__
d["w"] = 1
b2 = B(6)
b2.extra = "e"
b2.__dict__.pop("y")
b2.y = "late"
c2 = C(7)
del c2.x
mixed = [a2, b2, c2, A(8), B(9)]
for i in range(20):
    for o in mixed:
        try:
            v = load(o)
        except AttributeError as e:
            v = "AttributeError: " + str(e)
        try:
            r = call(o)
        except AttributeError as e:
            r = "AttributeError: " + str(e)
    store(c2, i) if i == 10 else None
print(v, r, [load(o) for o in mixed], [call(o) for o in mixed])

# __getattr__ fallback and a property at the same site.
more = [A(1), G(2), P(3), B(4)]
for i in range(20):
    res = [(load(o), call(o)) for o in more]
print(res)
for o in more:
    store(o, 42)
print([load(o) for o in more], sys.getrefcount(more[2]))

# Many classes through one site (more than the site remembers).
classes = [type("K%d" % i, (), {"f": (lambda i: lambda self: i)(i)}) for i in range(9)]
many = []
for k in classes:
    o = k()
    o.x = k.__name__
    many.append(o)
total = []
for i in range(200):
    for o in many:
        total.append((load(o), call(o)))
        store(o, o.x)
print(len(total), total[-9:])

# A class that dies: its address may be reused by a new class.
def churn():
    out = []
    for n in range(30):
        K = type("T", (), {"f": lambda self, n=n: n})
        o = K()
        o.x = n
        out.append((load(o), call(o)))
        del K, o
    return out[-3:]


print(churn())

# Methods found on the class of a subclass and the base at the same site.
class Base:
    def m(self):
        return "Base.m"


class Sub1(Base):
    pass


class Sub2(Base):
    def m(self):
        return "Sub2.m"


def callm(o):
    return o.m()


seq = [Base(), Sub1(), Sub2()]
for i in range(30):
    r = [callm(o) for o in seq]
print(r)
Sub1.m = lambda self: "Sub1.m"
print([callm(o) for o in seq])
del Sub1.m
print([callm(o) for o in seq])
print(sys.getrefcount(Base), sys.getrefcount(Sub1), sys.getrefcount(Sub2))
