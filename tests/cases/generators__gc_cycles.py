# cycles through generators are collected; gc.collect() counts as CPython
import gc

gc.collect()


def g():
    me = yield
    yield me


x = g()
next(x)
x.send(x)
print(gc.is_tracked(x))
del x
print(gc.collect())


def h(lst):
    yield lst


l = []
y = h(l)
l.append(y)
del l, y
print(gc.collect())


def k():
    lst = [1]
    lst.append(lst)
    yield 1


z = k()
next(z)
del z
print(gc.collect())
z = k()
del z
print(gc.collect())


def loop():
    def inner():
        return gen

    gen = (i for i in range(3))
    yield inner


q = loop()
f = next(q)
del q, f
print(gc.collect())

l = [1, 2]
it = (v for v in l)
l.append(it)
del l, it
print(gc.collect())


def done():
    yield 1


d = done()
list(d)
print(gc.collect())
print(gc.get_referents is not None)

# generators stopped inside try blocks: closed (finally runs) when collected
print(gc.collect())
def g(lst):
    try:
        yield 1
    finally:
        print("finally in cycle", len(lst))
l = []
x = g(l)
l.append(x)
next(x)
del x, l
print(gc.collect())
print(gc.collect())
def selfref():
    me = yield
    try:
        yield me
    finally:
        print("self finally")
s = selfref(); next(s); s.send(s)
del s
print(gc.collect())
print("end")
