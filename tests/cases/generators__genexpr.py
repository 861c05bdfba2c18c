# generator expressions: own scope, first iterable evaluated eagerly
g = (x * x for x in range(5))
print(type(g).__name__, g.__name__, g.__qualname__)
print(list(g), list(g))


def f():
    return (i for i in range(3))


print(f().__qualname__)
try:
    (x for x in 5)
except TypeError as e:
    print("TypeError:", e)
log = []


def src(n):
    log.append("src")
    return range(n)


g = (x for x in src(3) for y in src(2))
print(log)
print(list(g), log)
print([list(x + y for y in "ab") for x in "cd"])
print(sum(x for x in range(101) if x % 2), max(len(w) for w in "a bb ccc".split()))
n = 10
g = (i + n for i in range(3))
n = 20
print(list(g))
print(tuple(i for i in range(3)), set(i % 2 for i in range(5)), "".join(c.upper() for c in "abc"))
print(dict((k, v) for k, v in zip("ab", range(2))))
print(list((x, y) for x in range(3) if x for y in range(x)))
it = (x for x in range(3))
print(next(it), list(it))
x = 99
print(list(x for x in range(2)), x)
