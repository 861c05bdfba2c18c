# The ways a call pushes a Python frame, each run often enough for its call site to
# be specialized (CALL_PY_EXACT_ARGS, CALL_PY_WITH_DEFAULTS,
# CALL_ALLOC_AND_ENTER_INIT), then changed under the specialized site.
import sys


def plain(a, b):
    x = a + b
    return x


def defaults(a, b=10, c=20):
    return a + b + c


def outer(v):
    def inner(a):
        return a + v
    return inner


def cells(a):
    def get():
        return a
    return get()


def gen(n):
    for i in range(n):
        yield i


def kwonly(a, *, k=5):
    return a * k


total = 0
closure = outer(7)
for i in range(300):
    total += plain(i, 1)
    total += defaults(i)
    total += defaults(i, 1)
    total += closure(i)
    total += cells(i)
    total += sum(gen(3))
    total += kwonly(i)
print("total", total)


class Plain:
    def __init__(self, a, b):
        self.a = a
        self.b = b


class WithDefaults:
    def __init__(self, a, b=2):
        self.s = a + b


class WithCell:
    def __init__(self, a):
        def f():
            return a * 2
        self.v = f()


class GenInit:
    def __init__(self, a):
        yield a


acc = 0
for i in range(300):
    acc += Plain(i, 1).b
    acc += WithDefaults(i).s
    acc += WithCell(i).v
print("acc", acc)
try:
    GenInit(1)
except TypeError as e:
    print("TypeError", e)


# A site specialized for a function whose code then changes under it.
def target(a):
    return a + 1


def other(a, b):
    return a * b


def call_target(x):
    return target(x)


for i in range(300):
    call_target(i)
target.__code__ = other.__code__
try:
    call_target(3)
except TypeError as e:
    print("TypeError", e)
target.__code__ = defaults.__code__
target.__defaults__ = (100, 1000)
print("after code change", call_target(3))


# RecursionError through plain frames; the depth count is right afterwards.
def down(n):
    return down(n + 1)


for _ in range(2):
    try:
        down(0)
    except RecursionError as e:
        print("RecursionError", e)
print("still", plain(1, 2))
print("refcount of code while running", (lambda: sys.getrefcount(plain.__code__))() - sys.getrefcount(plain.__code__))
