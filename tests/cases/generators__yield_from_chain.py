# `yield from` chains several levels deep: resumed from a for loop, next(), send(),
# sum() and another chain's SEND; what each level sees while the innermost runs
# (gi_running, gi_suspended, gi_yieldfrom, the handled exception), values sent
# through, errors and tracebacks through the levels, the recursion limit inside a
# chain, and the reference counts of a suspended chain's locals.
import sys

seen = []


def leaf(tag):
    seen.append(("leaf start", tag))
    x = yield tag + ":a"
    seen.append(("leaf got", x))
    yield tag + ":b"
    return tag + ":done"


def mid(tag):
    r = yield from leaf(tag)
    seen.append(("mid got", r))
    yield from leaf(tag + "2")
    return "mid:" + r


def top(tag):
    r = yield from mid(tag)
    return r


for v in top("f"):
    print("for", v)
print(seen)
seen.clear()

g = top("n")
print(next(g), next(g), next(g))
print(g.send("S"))
try:
    g.send("T")
except StopIteration as e:
    print("stop", repr(e.value))
print(seen)
seen.clear()

print(sum(len(v) for v in top("s")))
print(list(top("l")))


def outermost():
    yield "first"
    r = yield from top("o")
    yield "after " + r


print(list(outermost()))


# States of every level while the innermost runs.
def probe():
    yield levels()
    yield levels()


def level1():
    yield from probe()


def level2():
    yield from level1()


def levels():
    return [(gen.gi_running, gen.gi_suspended, type(gen.gi_yieldfrom).__name__)
            for gen in chain_gens]


g2 = level2()
chain_gens = []
print(next(g2))
chain_gens = [g2, g2.gi_yieldfrom, g2.gi_yieldfrom.gi_yieldfrom]
print([(c.gi_running, c.gi_suspended) for c in chain_gens])
print(next(g2))
print([(c.gi_running, c.gi_suspended) for c in chain_gens])
print([type(c.gi_yieldfrom).__name__ for c in chain_gens])
print(list(g2), [(c.gi_running, c.gi_suspended) for c in chain_gens])


# The handled exception seen inside the chain, resumed from inside an except block.
def exc_leaf():
    yield repr(sys.exc_info()[1])
    yield repr(sys.exc_info()[1])
    try:
        raise KeyError("inner")
    except KeyError:
        yield repr(sys.exc_info()[1])
    yield repr(sys.exc_info()[1])


def exc_mid():
    yield from exc_leaf()


em = exc_mid()
print(next(em))
try:
    raise ValueError("outside")
except ValueError:
    print(next(em))
    print(next(em))
print(next(em))
print(repr(sys.exc_info()[1]))


# An error deep in the chain: the traceback names every level.
def bad_leaf():
    yield 1
    yield 1 // 0


def bad_mid():
    yield from bad_leaf()


def bad_top():
    yield from bad_mid()


bt = bad_top()
next(bt)
try:
    next(bt)
except ZeroDivisionError as e:
    print("again", e, bt.gi_suspended, bt.gi_running, bt.gi_yieldfrom)


# throw() and close() reach the innermost level of a chain resumed by the loop.
def guarded(tag):
    try:
        yield tag + "1"
        yield tag + "2"
    except ValueError as e:
        yield "caught " + str(e)
    finally:
        print("finally", tag)


def g_mid():
    yield from guarded("m")
    yield "mid tail"


def g_top():
    yield from g_mid()


t = g_top()
print(next(t))
print(t.throw(ValueError("boom")))
print(next(t))
t.close()
t = g_top()
print(next(t), next(t))
t.close()
print(t.gi_suspended, t.gi_running)


# A delegate that is not a generator in the middle of the chain.
class Box:
    def __init__(self, inner):
        self.inner = inner

    def __iter__(self):
        return self

    def __next__(self):
        return next(self.inner)


def through_box():
    yield from Box(top("b"))


print(list(through_box()))


# The recursion limit reached inside a chain resumed by the loop.
def nest(n):
    if n == 0:
        yield 0
        yield 1
        return
    yield from nest(n - 1)


def resume_at(calls, g):
    if calls == 0:
        for v in g:
            return v
    return resume_at(calls - 1, g)


old = sys.getrecursionlimit()
sys.setrecursionlimit(60)
try:
    fails = []
    for depth in range(50, 62):
        try:
            for v in nest(depth):
                pass
        except RecursionError:
            fails.append(depth)
    print("nest fails from", fails[:2])
    for depth in (10, 30):
        fails = []
        for calls in range(0, 40):
            g = nest(depth)
            next(g)
            try:
                resume_at(calls, g)
            except RecursionError:
                fails.append(calls)
        print("resume of", depth, "fails from", fails[:2])
finally:
    sys.setrecursionlimit(old)


# Reference counts of a suspended chain's locals and of the generators themselves.
class Token:
    pass


def holder(tok):
    local = tok
    yield 1
    yield 2


def holder_mid(tok):
    yield from holder(tok)


tok = Token()
hm = holder_mid(tok)
print(sys.getrefcount(tok))
next(hm)
print(sys.getrefcount(tok))
inner_gen = hm.gi_yieldfrom
print(sys.getrefcount(inner_gen))
next(hm)
print(sys.getrefcount(tok), sys.getrefcount(inner_gen))
del inner_gen
print(list(hm), sys.getrefcount(tok))
del hm
print(sys.getrefcount(tok))


# Last, uncaught: the traceback names every level of the chain.
for v in bad_top():
    print("got", v)
