# sys.getsizeof of generators (CPython: the frame is allocated inline)
import sys


def g():
    yield 1


x = g()
print(sys.getsizeof(x))
next(x)
print(sys.getsizeof(x))
list(x)
print(sys.getsizeof(x))


def g4():
    a = b = c = d = 0
    yield 1


print(sys.getsizeof(g4()))
print(sys.getsizeof(i for i in range(3)))


def args(a, b, *args, **kw):
    for i in range(a):
        yield i


print(sys.getsizeof(args(1, 2)))


def cells():
    x = 1

    def inner():
        return x

    yield inner


print(sys.getsizeof(cells()))


def delegating():
    yield from range(3)


print(sys.getsizeof(delegating()))
print(sys.getsizeof((x + y for x in range(3) for y in range(4) if x)))


def calls():
    d = {"a": 1, "b": [1, 2, 3]}
    print(len(d), sum(d["b"]))
    yield d


print(sys.getsizeof(calls()))

# more shapes: try/except/finally (CPython's handlers count lasti), comprehensions,
# f-strings, calls with *args/**kwargs
def a():
    try:
        yield 1
    finally:
        print("x", end="")
def b(x):
    for i in x:
        for j in i:
            yield i, j
def c():
    try:
        yield 1
    except (ValueError, KeyError) as e:
        yield e
    except Exception:
        pass
    else:
        yield 3
def d(n):
    while n:
        n -= 1
        yield {n: [n, n + 1, (n, n)]}
def e(f, *a, **k):
    yield f(*a, **k)
def g():
    x = yield
    y = yield x
    return x + y
def h():
    yield from (yield)
def i(l):
    yield [v for v in l if v]
def j():
    try:
        try:
            yield 1
        finally:
            yield 2
    except Exception as e:
        yield e
def k():
    yield f"{1}{2!r}{3:>4}"
def m(a, b):
    yield a if b else [a, b, {a: b}]
for f in [a(), b([]), c(), d(3), e(print), g(), h(), i([]), j(), k(), m(1,2), (x for x in []), ([y for y in x] for x in []), ((a, b) for a in [] if a for b in [] if b)]:
    print(sys.getsizeof(f))

