# Descriptor get/set go through the descriptor's type (tp_descr_get / tp_descr_set):
# built-in descriptors' own slots, their wrappers, and subclasses that override them.
import types


def err(f):
    try:
        r = f()
        print("ok", r)
    except Exception as e:
        print(type(e).__name__ + ":", e)


class A:
    __slots__ = ("x",)

    def m(self):
        return "m"

    @staticmethod
    def s():
        return "s"

    @classmethod
    def c(cls):
        return cls.__name__


# Which descriptor types have __get__ / __set__ / __delete__ in their dicts.
for t in [property, staticmethod, classmethod, types.FunctionType, types.MethodType,
          types.BuiltinFunctionType, type(list.append), type(dict.__dict__["fromkeys"]),
          type(int.__add__), type(A.x), type(int.__dict__["real"])]:
    print(t.__name__, [n for n in ("__get__", "__set__", "__delete__") if n in t.__dict__])

print(repr(property.__get__)[:34], repr(type(A.x).__set__)[:34])

# Calling the wrappers directly.
a = A()
f = A.__dict__["m"]
print(f.__get__(a, A)(), f.__get__(None, A) is f)
print(A.__dict__["s"].__get__(a, A)(), A.__dict__["c"].__get__(None, A)())
print(A.__dict__["c"].__get__(a)())
print(list.__dict__["append"].__get__([1], list).__self__)
type(A.x).__set__(A.x, a, 5)
print(type(A.x).__get__(A.x, a, A), A.x.__get__(a))
A.x.__delete__(a)
err(lambda: a.x)
err(lambda: A.x.__delete__(a))
err(lambda: A.x.__get__(3, int))
err(lambda: A.x.__set__(3, 1))
err(lambda: f.__get__(None, None))
err(lambda: property().__get__())


class P:
    def __init__(self):
        self._v = 1

    @property
    def v(self):
        return self._v

    @v.setter
    def v(self, x):
        self._v = x

    ro = property(lambda self: "ro")
    nothing = property()


p = P()
pv = P.__dict__["v"]
print(pv.__get__(p, P), pv.__get__(None, P) is pv)
pv.__set__(p, 7)
print(p.v)
err(lambda: pv.__delete__(p))
err(lambda: P.__dict__["ro"].__set__(p, 1))
err(lambda: p.nothing)
err(lambda: setattr(p, "ro", 2))
err(lambda: delattr(p, "ro"))


# A descriptor class and a subclass that overrides __get__ / __set__: each is asked
# through its own type's slots.
class Field:
    def __set_name__(self, owner, name):
        self.name = "_" + name

    def __get__(self, obj, owner=None):
        if obj is None:
            return self
        return getattr(obj, self.name, 0)

    def __set__(self, obj, value):
        setattr(obj, self.name, value)


class LoudField(Field):
    def __get__(self, obj, owner=None):
        print("get", obj is None, owner.__name__)
        return super().__get__(obj, owner)

    def __set__(self, obj, value):
        print("set", value)
        super().__set__(obj, value * 2)


class Q:
    w = LoudField()
    f = Field()


q = Q()
q.w = 5
print(q.w)
print(type(Q.w).__name__)
q.f = 3
print(q.f, q.__dict__)


# A descriptor class with only __delete__ is a data descriptor.
class OnlyDelete:
    def __get__(self, obj, owner=None):
        return "from get"

    def __delete__(self, obj):
        print("deleted")


class S:
    d = OnlyDelete()


s = S()
s.__dict__["d"] = "instance"
print(s.d)
del s.d
err(lambda: setattr(s, "d", 1))


# A class whose __get__ is added after creation.
class Late:
    pass


class T:
    l = Late()


print(type(T().l).__name__)
Late.__get__ = lambda self, obj, owner: "late"
print(T().l, T.l)
del Late.__get__
print(type(T().l).__name__)

# staticmethod / classmethod as a class's __call__.
class Callme:
    __call__ = staticmethod(lambda *a: ("static", len(a)))


print(Callme()(1, 2))


class CallCls:
    __call__ = classmethod(lambda cls, *a: (cls.__name__, a))


print(CallCls()(3))

# __dict__ and __weakref__ getset descriptors.
class D:
    pass


d = D()
d.k = 1
gd = D.__dict__["__dict__"]
print(gd.__get__(d, D))
gd.__set__(d, {"j": 2})
print(d.j)
err(lambda: gd.__set__(d, 3))
err(lambda: D.__dict__["__weakref__"].__set__(d, 1))
print(D.__dict__["__weakref__"].__get__(d, D))
err(lambda: int.__dict__["real"].__set__(3, 4))
err(lambda: types.FunctionType.__dict__["__globals__"].__set__(err, {}))


# An unbound super found on a class binds to the instance (super's tp_descr_get).
class SA:
    def f(self):
        return "SA.f"

class SB(SA):
    def f(self):
        return "SB.f"

SB.s = super(SB)
sb = SB()
print(type(sb.s).__name__, sb.s.f())
print(SB.s is SB.__dict__["s"])
print(super(SB).__get__(sb).f())
print(super(SB, sb).__get__(3) .f())
print(repr(super.__get__)[:30])
try:
    super(SB).__get__(3)
except TypeError as e:
    print(e)
