# A function's frame borrows its globals and builtins from its function (python3's
# f_globals and f_builtins hold no count): their counts seen from running and
# recursing functions, through each way of calling one, match python3's (each
# function defined adds one to the globals' count: hence the figures grow).
import sys

BUILTINS = __builtins__ if isinstance(__builtins__, dict) else __builtins__.__dict__


def counts():
    return sys.getrefcount(globals()), sys.getrefcount(BUILTINS)


def at_module():
    # The counts from module level, less this function's own call (which the
    # other measurements take too).
    return counts()


BASE = at_module()


def rel(c):
    return (c[0] - BASE[0], c[1] - BASE[1])


def recurse(n, out):
    out.append(rel(counts()))
    if n:
        recurse(n - 1, out)


out = []
recurse(4, out)
print("recursing", out)


def with_default(n, out, step=1):
    out.append(rel(counts()))
    if n:
        with_default(n - step, out)


out = []
with_default(3, out)
print("defaults", out)


def keywords(n, out, *, k=0):
    out.append(rel(counts()))
    if n:
        keywords(n - 1, out, k=k + 1)


out = []
keywords(3, out, k=0)
print("keywords", out)


def star(*args, **kw):
    out, n = args
    out.append(rel(counts()))
    if n:
        star(out, n - 1, x=1)


out = []
star(out, 3)
print("star", out)


def outer():
    v = []

    def inner(n):
        v.append(rel(counts()))
        if n:
            inner(n - 1)

    inner(3)
    return v


print("closure", outer())


class C:
    def __init__(self, n, out):
        out.append(rel(counts()))
        if n:
            C(n - 1, out)

    def m(self, n, out):
        out.append(rel(counts()))
        if n:
            self.m(n - 1, out)

    def __getitem__(self, n):
        return rel(counts())

    def __add__(self, other):
        return rel(counts())

    @property
    def p(self):
        return rel(counts())


out = []
C(3, out)
print("__init__", out)
o = C(0, [])
out = []
o.m(3, out)
print("method", out)
# Enough calls for the call sites to be specialized.
print("getitem", sorted({o[1] for _ in range(40)}))
print("add", sorted({o + o for _ in range(40)}))
print("property", sorted({o.p for _ in range(40)}))
print("specialized", sorted({rel(counts()) for _ in range(40)}))

# A class body has a namespace of its own.
class D:
    seen = rel(counts())


print("class body", D.seen)

# Global reads and writes from functions still see the module's namespace.
G = 1


def bump():
    global G
    G = G + 1
    return G


for _ in range(40):
    bump()
print(G, globals() is bump.__globals__, bump.__builtins__ is BUILTINS)


def delete():
    global G
    del G


delete()
print("G" in globals())
