# yield from: delegation, return values, send/throw/close pass through
def inner():
    x = yield 1
    print("inner got", x)
    y = yield 2
    print("inner got", y)
    return "inner result"


def outer():
    r = yield from inner()
    print("outer got", r)
    r2 = yield from [10, 20]
    print("list gives", r2)
    return "outer result"


o = outer()
print(next(o))
print(o.send("a"))
print(o.send("b"))
print(next(o))
try:
    next(o)
except StopIteration as e:
    print("StopIteration", e.value)


def chain(*its):
    for it in its:
        yield from it


print(list(chain("ab", range(3), (x * 2 for x in [1, 2]))))


def deep(n):
    if n == 0:
        yield "bottom"
        return 0
    r = yield from deep(n - 1)
    return r + 1


g = deep(50)
print(next(g))
try:
    next(g)
except StopIteration as e:
    print("depth", e.value)


def sub():
    try:
        yield 1
        yield 2
    except ValueError as e:
        print("sub caught", e)
        yield "recovered"
    finally:
        print("sub finally")


def deleg():
    try:
        yield from sub()
    finally:
        print("deleg finally")
    yield "after"


d = deleg()
print(next(d))
print(d.throw(ValueError("v")))
print(next(d))
print(list(d))

d = deleg()
next(d)
d.close()
print("closed")


def sub_returns_on_throw():
    try:
        yield 1
    except KeyError:
        return "sub done"


def deleg2():
    r = yield from sub_returns_on_throw()
    yield r


d = deleg2()
next(d)
print(d.throw(KeyError))


def sub_raises():
    yield 1
    raise IndexError("from sub")


def deleg3():
    try:
        yield from sub_raises()
    except IndexError as e:
        yield "caught " + str(e)


print(list(deleg3()))
d = deleg3()
next(d)
print(d.gi_yieldfrom is not None, d.gi_yieldfrom.__name__)


# yield from a plain iterator that has no send
def plain():
    yield from iter([1, 2])


p = plain()
next(p)
try:
    p.send(5)
except AttributeError as e:
    print("AttributeError:", e)


# the return value of a generator ended by an exhausted iterator
def exhausted():
    r = yield from iter([])
    return r


print(list(exhausted()))
