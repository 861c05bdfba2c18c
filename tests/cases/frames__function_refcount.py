# A running Python function's frame holds the function (python3's f_func): its
# count seen from inside, through each way of calling it, plain and specialized.
# (Left out: `__init__`, `__add__` and property getters, which python3 calls from C
# with a temporary reference of its own.)
import sys


def plain(a, b):
    return sys.getrefcount(plain)


def with_default(a, b=2):
    return sys.getrefcount(with_default)


def star(*args, **kwargs):
    return sys.getrefcount(star)


def kwonly(a, *, k):
    return sys.getrefcount(kwonly)


def closure_maker():
    y = 1

    def inner(x):
        return sys.getrefcount(inner) + y - 1

    return inner


class C:
    def m(self, x):
        return sys.getrefcount(C.m)

    def __init__(self, v=0):
        self.v = v
        self.seen = sys.getrefcount(C.__init__)

    def __getitem__(self, k):
        return sys.getrefcount(C.__getitem__)

    def __add__(self, other):
        return sys.getrefcount(C.__add__)

    @property
    def p(self):
        return sys.getrefcount(C.p.fget)


def run(label, f):
    # Enough calls for the call sites to be specialized.
    print(label, sorted({f() for _ in range(40)}))


o = C()
bound = o.m
inner = closure_maker()
run("plain", lambda: plain(1, 2))
run("default", lambda: with_default(1))
run("star", lambda: star(1, x=2))
run("star empty", lambda: star())
run("keyword", lambda: plain(1, b=2))
run("kwonly", lambda: kwonly(1, k=2))
run("closure", lambda: inner(1))
run("method", lambda: o.m(1))
run("bound", lambda: bound(1))
run("getitem", lambda: o[1])
run("unbound", lambda: C.m(o, 1))

# A function gone from everywhere else lives until its frame returns.
class Noisy:
    def __del__(self):
        print("freed")


def make():
    def once(n):
        print("running", n)
        return n
    once.tag = Noisy()
    return once


print(make()(5))
print("after")


# Frames unwound by an exception let go of their functions.
def boom(x):
    raise ValueError(x)


before = sys.getrefcount(boom)
for i in range(30):
    try:
        boom(i)
    except ValueError:
        pass
print(sys.getrefcount(boom) - before)


def deep(n):
    return deep(n - 1) if n else sys.getrefcount(deep)


print(deep(50) - sys.getrefcount(deep))
