# Calls of built-in classes, specialized after warm-up (PRECALL_BUILTIN_CLASS),
# and what happens when the guard fails mid-run.
import builtins


def make(n):
    return range(n), list((1, n)), ValueError("x", n), int("17", base=8), dict(a=n)


for i in range(20):
    make(i)
print(make(5))


def g(n):
    return range(n)


for i in range(20):
    g(i)
orig = range


def myrange(n):
    return ["mine", n]


builtins.range = myrange
print(g(3))
builtins.range = orig
print(g(3))
range = lambda n: ("global", n)
print(g(4))
del range
print(g(5))


# The same site called with another class, a subclass, a class whose
# __new__ is Python's, and something not a class at all.
class MyList(list):
    def __new__(cls, *a):
        print("MyList.__new__", a)
        return super().__new__(cls)


def call(c, x):
    return c(x)


for i in range(20):
    call(tuple if i % 2 else list, (i,))
for c in (list, tuple, set, frozenset, MyList, len, lambda x: x * 2, str, bool, float):
    print(c.__name__, call(c, (1, 2)) if c not in (bool, float, str) else call(c, 1))

# Errors raised by the constructor keep their traceback.
def bad(*a):
    return range(*a)


for i in range(20):
    bad(i)
for args in [(1, 2, 0), ("a",), (1.5,), (), (1, 2, 3, 4)]:
    try:
        bad(*args)
    except (TypeError, ValueError) as e:
        print(type(e).__name__, e)

# range of small ints in every form, the fast path's edges.
for a in [(0,), (7,), (-3,), (2, 9), (9, 2), (-5, 5, 3), (10, -10, -7), (5, 5, -1),
          (2**61, 2**61 + 4), (-(2**60), 2**60, 2**59), (True,), (False, True)]:
    r = range(*a)
    print(r, len(r), list(r)[:4], r.start, r.stop, r.step)
x = 10**6
print(range(x).stop is x, range(1, x).start, type(range(True).stop))
print(len(range(-(2**61), 2**61)), range(2**64, 2**64 + 10, 3))
