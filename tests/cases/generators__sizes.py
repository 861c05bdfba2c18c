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
