# Sizes (where glasspy's layout gives CPython's numbers) and cycles through
# instances of subclasses of built-in types.
import gc
import sys


class L(list):
    pass


class Ls(list):
    __slots__ = ()


class St(set):
    pass


class Sts(set):
    __slots__ = ()


class F(float):
    pass


class Fs(float):
    __slots__ = ()


class Is(int):
    __slots__ = ()


class Ts(tuple):
    __slots__ = ()


class E(Exception):
    pass


print(sys.getsizeof(L()), sys.getsizeof(L([1, 2, 3])), sys.getsizeof(Ls()), sys.getsizeof(Ls([1, 2, 3])))
print(sys.getsizeof(St()), sys.getsizeof(Sts()), sys.getsizeof(St(range(10))))
print(sys.getsizeof(F(1.5)), sys.getsizeof(Fs(1.5)))
print(sys.getsizeof(Is(5)), sys.getsizeof(Is(0)), sys.getsizeof(Is(2**40)), sys.getsizeof(Ts((1, 2, 3))), sys.getsizeof(Ts()))
print(sys.getsizeof(E()), sys.getsizeof(E("boom")))
l = L()
for k in range(10):
    l.append(k)
print(sys.getsizeof(l))
for obj in (L(), Ls(), St(), F(1.0), Fs(1.0), Is(1), Ts((1,)), E()):
    print(type(obj).__name__, gc.is_tracked(obj))


def collect_cycle(make):
    gc.collect()
    make()
    return gc.collect()


class D(dict):
    pass


class I(int):
    pass


class S(str):
    pass


class T(tuple):
    pass


def self_item(cls):
    def make():
        x = cls()
        x.append(x) if isinstance(x, list) else x.__setitem__("me", x)

    return make


def self_attr(cls, *args):
    def make():
        x = cls(*args)
        x.me = x

    return make


def pair(cls, *args):
    def make():
        x, y = cls(*args), cls(*args)
        x.other, y.other = y, x

    return make


print(collect_cycle(self_item(L)), collect_cycle(self_item(D)))
for cls, args in [(L, ()), (D, ()), (I, (5,)), (S, ("s",)), (T, ((1,),)), (F, (1.0,)), (St, ()), (E, ())]:
    print(cls.__name__, collect_cycle(self_attr(cls, *args)), collect_cycle(pair(cls, *args)))


def tuple_cycle():
    holder = []
    t = T((holder,))
    holder.append(t)


print(collect_cycle(tuple_cycle))


class C(list):
    __slots__ = ("a", "b")


c = C([1])
c.a = 5
print(c, c.a, sys.getsizeof(c), hasattr(c, "__dict__"))
try:
    c.b
except AttributeError as e:
    print("AttributeError:", e)


class Fl(float):
    __slots__ = ("unit",)


f = Fl(2.0)
f.unit = "m"
print(f, f.unit, sys.getsizeof(f), f * 2)


class Dd(dict):
    __slots__ = ("__dict__",)


d = Dd()
d.x = 1
print(d, d.x, d.__dict__)


class Cyc(list):
    def __del__(self):
        print("del Cyc", len(self))


y = Cyc([1])
y.append(y)
del y
print(gc.collect())
z = Cyc([1, 2])
del z
x = L()
x.append(x)
print(repr(x), x == x)
