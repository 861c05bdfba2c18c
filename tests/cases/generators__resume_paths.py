# Resuming a generator at a `yield` statement (its value discarded) and at a yield
# expression, by for, next(), send(None), send(value), yield from and builtins; the
# handled exception a generator keeps across yields; module globals seen by a
# resumed generator.
import sys

counter = 0


def stmt_yields():
    global counter
    yield 1
    counter += 1
    yield 2
    counter += 1
    yield 3


def expr_yields():
    got = []
    x = yield "first"
    got.append(x)
    x = yield "second"
    got.append(x)
    yield got


print(list(stmt_yields()), counter)
g = stmt_yields()
print(next(g), g.send(None), next(g), counter)
g = expr_yields()
print(next(g), g.send(None), g.send("v"))
g = expr_yields()
print(g.send(None), next(g), next(g))


def delegate():
    r = yield from expr_yields()
    yield ("done", r)


d = delegate()
print(next(d), d.send(10), d.send(20), next(d, "end"))
print(sum(x for x in stmt_yields()), max(stmt_yields()), tuple(stmt_yields()))
print(sorted(stmt_yields(), reverse=True), " ".join(str(x) for x in stmt_yields()))
print(dict.fromkeys(stmt_yields()), set(stmt_yields()), any(stmt_yields()))


def keeps_handled():
    try:
        raise KeyError("k")
    except KeyError:
        yield sys.exc_info()[0].__name__
        yield sys.exc_info()[0].__name__
    yield sys.exc_info()[0]


for v in keeps_handled():
    print("outside:", sys.exc_info()[0], "inside:", v)

try:
    raise ValueError("outer")
except ValueError:
    for v in keeps_handled():
        print("outer handled:", sys.exc_info()[0].__name__, "gen:", v)


def sees_globals():
    while True:
        yield counter


s = sees_globals()
print(next(s))
counter = 42
print(next(s))
del counter
try:
    next(s)
except NameError as e:
    print("NameError:", e)


def finally_on_close():
    try:
        yield 1
        yield 2
    finally:
        print("finally ran")


f = finally_on_close()
print(next(f))
f.close()
print(f.gi_frame is None if hasattr(f, "gi_frame") else True)


def deep(n):
    if n:
        yield from deep(n - 1)
    else:
        yield "bottom"


print(list(deep(50)))
try:
    list(deep(5000))
except RecursionError as e:
    print("RecursionError", type(e).__name__)
