# generators are iterators everywhere an iterable is taken
def gen(n):
    for i in range(n):
        yield i


print(list(gen(4)), tuple(gen(3)), set(gen(3)), sorted(gen(4), reverse=True))
print(sum(gen(5)), min(gen(5)), max(gen(5)), any(gen(2)), all(gen(2)))
print(list(zip(gen(3), gen(4))), list(map(str, gen(3))), list(filter(None, gen(4))))
print(list(enumerate(gen(3))), list(reversed(list(gen(3)))))
print(3 in gen(5), 9 in gen(5))
a, b, *rest = gen(5)
print(a, b, rest)
print(",".join(str(i) for i in gen(3)))
print(dict(zip(gen(3), "abc")))
g = gen(3)
print(iter(g) is g, next(g), g.__next__(), next(g, "default"), next(g, "default"))
l = [0]
l.extend(gen(3))
print(l)
l += gen(2)
print(l)
print(sorted(gen(3), key=lambda x: -x))
print([x for x in gen(3)], {x: x for x in gen(2)})


def fib():
    a, b = 0, 1
    while True:
        yield a
        a, b = b, a + b


for i, v in zip(range(10), fib()):
    pass
print(i, v)
print(f"{list(gen(2))}")
print(type(gen), type(gen(1)))
print(repr(gen(1)).startswith("<generator object gen at 0x"))
print(repr((x for x in [])).startswith("<generator object <genexpr> at 0x"))


def outer():
    def inner():
        yield 1

    return inner()


print(repr(outer()).startswith("<generator object outer.<locals>.inner at 0x"))
lam = lambda: (yield 5)
print(list(lam()))


def closure_gen():
    total = 0

    def add(n):
        nonlocal total
        total += n

    for i in range(3):
        add(i)
        yield total


print(list(closure_gen()))


def defaults(a, b=2, *args, c=3, **kw):
    yield a, b, args, c, kw


print(next(defaults(1, c=4, d=5)))
