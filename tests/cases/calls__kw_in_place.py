# Calls with keywords bind the values into the new frame's slots (no dict); every
# error and odd case must read as python3's.
import sys


def f(a, b=2, c=3):
    return (a, b, c)


def g(a, *, b, c=30):
    return (a, b, c)


def posonly(a, b, /, c=5):
    return (a, b, c)


def withkw(a, **kw):
    return (a, sorted(kw.items()))


def withvar(a, *args, b=1):
    return (a, args, b)


def gen(a, b=2):
    yield a
    yield b


def outer(x):
    def inner(a, b=x):
        return (a, b, x)
    return inner


def cells(a, b=1, *, c=2):
    # a and c live in cells (the closure reads them).
    def g():
        return (a, b, c)
    return g()


class C:
    def m(self, a, b=7):
        return (a, b)


for i in range(30):  # the sites quicken
    r = [f(1, b=5), f(1, c=9), f(a=4), f(1, 2, c=6), f(c=1, b=2, a=3),
         g(1, b=2), g(1, c=3, b=4), posonly(1, 2, c=9), withkw(1, z=2, a2=3),
         withvar(1, b=2), list(gen(1, b=8)), outer(3)(1, b=4), outer(5)(a=2),
         C().m(1, b=2), C().m(a=3), cells(5, c=6), cells(b=3, a=4)]
print(r)


def tryit(fn, *a, **k):
    try:
        fn(*a, **k)
    except TypeError as e:
        print("TypeError:", e)


def errors():
    for i in range(3):
        try:
            f(1, a=2)
        except TypeError as e:
            print("TypeError:", e)
        try:
            f(1, d=2)
        except TypeError as e:
            print("TypeError:", e)
        try:
            g(1, c=2)
        except TypeError as e:
            print("TypeError:", e)
        try:
            posonly(1, b=2)
        except TypeError as e:
            print("TypeError:", e)
        try:
            f(1, 2, 3, 4, b=1)
        except TypeError as e:
            print("TypeError:", e)
        try:
            f(b=1)
        except TypeError as e:
            print("TypeError:", e)


errors()

# Defaults are read at each call.
f.__defaults__ = (20, 30)
g.__kwdefaults__ = {"c": 99}
print(f(1, c=0), g(0, b=0))
g.__kwdefaults__ = None
tryit(g, 1, b=2)
f.__defaults__ = None
tryit(f, 1, b=2)

# The function's reference while its frame runs, and after.
def count(a, b=0):
    return sys.getrefcount(count)
print(count(1, b=2) - sys.getrefcount(count))

# Recursion with keywords stops at the limit as python3's does.
def deep(n, step=1):
    return deep(n + step, step=step)
try:
    deep(0, step=1)
except RecursionError as e:
    print("RecursionError:", e)


# super(): methods, a classmethod, a property and a staticmethod through it; its own
# attributes; a missing name.
class A:
    def m(self, x=1):
        return ("A.m", x)

    @classmethod
    def cm(cls):
        return ("A.cm", cls.__name__)

    @staticmethod
    def sm(v):
        return ("A.sm", v)

    @property
    def p(self):
        return "A.p"

    v = 10


class B(A):
    def m(self, x=1):
        return ("B", super().m(x), super().cm(), super().sm(3), super().p, super().v)

    def cls_(self):
        return super().__class__.__name__

    def missing(self):
        return super().nothere()

    @classmethod
    def cm(cls):
        return ("B.cm", super().cm())


for i in range(30):
    r = (B().m(), B().m(x=4), B.cm(), B().cls_(), super(B, B()).m(), super(B, B).cm())
print(r)
try:
    B().missing()
except AttributeError as e:
    print("AttributeError:", e)
meth = super(B, B()).m
print(type(meth).__name__, meth())
