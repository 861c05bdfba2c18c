def g():
    yield 1
    yield 2
    return 3
for x in g():
    print(x)
print(list(g()))
it = g()
print(next(it), next(it))
try:
    next(it)
except StopIteration as e:
    print("stop", e.value)
print(sum(x * x for x in range(10)))
def counter():
    total = 0
    while True:
        v = yield total
        if v is None:
            break
        total += v
c = counter()
print(next(c), c.send(5), c.send(7))
def inner():
    x = yield 1
    print("inner got", x)
    yield 2
    return "done"
def outer():
    r = yield from inner()
    print("r", r)
    yield from [10, 20]
print(list(outer()))
o = outer()
print(next(o), o.send("hi"), next(o))
print(repr(g())[:26])
print(type(g()).__name__, g().__name__, g().__qualname__)
def fin():
    try:
        yield 1
        yield 2
    finally:
        print("finally")
f = fin()
next(f)
f.close()
def catcher():
    while True:
        try:
            yield
        except ValueError as e:
            print("caught", e)
c = catcher(); next(c)
c.throw(ValueError("boom"))
c.throw(ValueError, "b2")
print(sorted(x for x in [3,1,2]), dict((i, i*i) for i in range(3)), ",".join(str(i) for i in range(4)))
print(2 in (i for i in range(5)))
a, b = (i for i in "ab")
print(a, b)
