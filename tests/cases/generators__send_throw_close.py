# send / throw / close, and the errors they raise
def counter():
    total = 0
    while True:
        v = yield total
        if v is None:
            break
        total += v


c = counter()
print(next(c), c.send(5), c.send(7))
try:
    c.send(None)
except StopIteration as e:
    print("stopped", repr(e.value), e.args)

# a just-started generator takes only None
g = counter()
try:
    g.send(1)
except TypeError as e:
    print("TypeError:", e)
print(g.send(None))


def catcher():
    log = []
    while True:
        try:
            x = yield len(log)
            log.append(x)
        except ValueError as e:
            log.append("caught " + str(e))
            print(log)


c = catcher()
next(c)
print(c.throw(ValueError("boom")))
print(c.throw(ValueError, "two"))
print(c.throw(ValueError, ("three",)))
print(c.throw(ValueError("four"), None))
try:
    c.throw(ValueError("x"), "y")
except TypeError as e:
    print("TypeError:", e)
try:
    c.throw(3)
except TypeError as e:
    print("TypeError:", e)
try:
    c.throw(KeyError("k"))
except KeyError as e:
    print("KeyError propagated", e)
print(next(c, "exhausted"))


def fin():
    try:
        yield 1
        yield 2
    finally:
        print("finally ran")


f = fin()
print(next(f))
print(f.close())
print(f.close())
print(list(f))

# close on a new generator runs nothing
f = fin()
f.close()
print("closed new")


def stubborn():
    try:
        yield 1
    except GeneratorExit:
        yield "no"


s = stubborn()
next(s)
try:
    s.close()
except RuntimeError as e:
    print("RuntimeError:", e)


def returns_on_exit():
    try:
        yield 1
    except GeneratorExit:
        print("got GeneratorExit")
        return 5


r = returns_on_exit()
next(r)
print(r.close())


def throw_other_on_close():
    try:
        yield 1
    except GeneratorExit:
        raise KeyError("from close")


t = throw_other_on_close()
next(t)
try:
    t.close()
except KeyError as e:
    print("KeyError:", e)


def running():
    yield g2.send(None)


g2 = running()
try:
    next(g2)
except ValueError as e:
    print("ValueError:", e)
print(g2.gi_running)


def state():
    print("inside running:", me.gi_running)
    yield 1


me = state()
print(me.gi_running, next(me), me.gi_running)

# throw into a finished generator re-raises
try:
    me.throw(IndexError("late"))
except StopIteration:
    print("not this")
except IndexError as e:
    print("IndexError:", e)

# the exception being handled inside a generator survives a yield
import sys


def handler():
    try:
        raise KeyError("inner")
    except KeyError:
        yield sys.exc_info()[0].__name__
        yield sys.exc_info()[0].__name__
    yield sys.exc_info()[0]


h = handler()
print(next(h))
print(sys.exc_info()[0])
print(next(h), next(h))
