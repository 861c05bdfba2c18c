# Resuming generators from Rust (next(), sum(), list(), zip) and from FOR_ITER / SEND:
# generator states, the handled exception seen inside and outside, refcounts.
import sys


def count(n):
    i = 0
    while i < n:
        yield i
        i += 1
    return "done"


# next() on a created, suspended and finished generator; the return value is dropped.
g = count(2)
print(next(g), next(g), next(g, "end"), next(g, "end"))
print(sum(count(5)), list(count(3)), list(zip(count(3), count(5))))
print(sum(count(0)), list(count(0)))


# next() on a running generator from inside it, from Rust and from a for loop.
def selfish():
    try:
        next(me)
    except ValueError as e:
        print("next:", e)
    try:
        for _ in me:
            pass
    except ValueError as e:
        print("for:", e)
    yield 1


me = selfish()
print(list(me))


# The handled exception inside a generator, resumed with and without one outside.
def watcher():
    print("start", sys.exc_info()[0])
    yield 1
    print("resumed", sys.exc_info()[0])
    try:
        raise KeyError("k")
    except KeyError:
        yield 2
        print("in handler", sys.exc_info()[0])
    yield 3
    print("after", sys.exc_info()[0])


w = watcher()
print(next(w))
try:
    raise IndexError
except IndexError:
    print(next(w))
    print("outside", sys.exc_info()[0])
print("outside", sys.exc_info()[0])
try:
    raise TypeError
except TypeError:
    print(next(w))
    print("outside", sys.exc_info()[0])
print(next(w, "end"))

w = watcher()
for v in w:
    try:
        raise OSError
    except OSError:
        print("loop", v, sys.exc_info()[0])


# yield from, driven by next() and by a for loop.
def outer():
    r = yield from count(2)
    print("inner returned", r)
    yield "last"


print(list(outer()))
for v in outer():
    print("for", v)

# Reference counts: a suspended generator, one being iterated.
g = count(3)
print(sys.getrefcount(g))
for v in g:
    print(v, sys.getrefcount(g))
print(sys.getrefcount(g))


# A generator suspended in an except block, resumed by callers handling other
# exceptions: what it restores, chains and re-raises.
def chained():
    try:
        raise KeyError("a")
    except KeyError:
        yield 1
    try:
        raise ValueError("b")
    except ValueError as e:
        yield repr(e.__context__)
    yield sys.exc_info()[0]
    try:
        raise
    except RuntimeError as e:
        yield str(e)


c = chained()
print(next(c))
try:
    raise IndexError("x")
except IndexError:
    print(next(c))
print(next(c))
print(next(c))

# The same exception object handled inside and outside.
err = LookupError("same")


def same():
    try:
        raise err
    except LookupError:
        yield sys.exc_info()[1] is err
    yield sys.exc_info()[0]


s = same()
try:
    raise err
except LookupError:
    print(next(s))
    print(next(s))
print(next(s, "end"))
