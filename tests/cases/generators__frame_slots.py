# A generator's frame slots (locals and the values on its stack at a yield) are
# saved into the generator and restored at each resume, in order, with their counts
# unchanged; a new generator takes its arguments the same way.
import sys


class Token:
    def __init__(self, name):
        self.name = name

    def __repr__(self):
        return self.name


a, b, c, d = Token("a"), Token("b"), Token("c"), Token("d")


def many(p, q, r, s, t=None, u=None):
    w = [p, q]
    # Values wait on the stack across each yield: the tuple's and list's first items.
    x = (p, q, [r, (yield s), t], (yield u), s)
    y = yield x
    z = (w, x, y, (yield [p, q, r, s, t, u, w]))
    return z


print("counts before", [sys.getrefcount(o) for o in (a, b, c, d)])
g = many(a, b, c, d)
print("size", sys.getsizeof(g))
print("counts made", [sys.getrefcount(o) for o in (a, b, c, d)])
print(next(g))
print("counts suspended", [sys.getrefcount(o) for o in (a, b, c, d)])
print(g.send("one"))
print(g.send("two"))
print("counts later", [sys.getrefcount(o) for o in (a, b, c, d)])
print(g.send("three"))
try:
    g.send("four")
except StopIteration as e:
    print("returned", e.value)
print("counts done", [sys.getrefcount(o) for o in (a, b, c, d)])
del g
print("counts freed", [sys.getrefcount(o) for o in (a, b, c, d)])


# The same frames resumed by for loops and yield from, many at once.
def chain(n, acc):
    if n == 0:
        yield acc
        return
    for i in range(2):
        yield from chain(n - 1, acc + (i,))


print(list(chain(3, ())))
gens = [chain(2, (k,)) for k in range(3)]
print("firsts", [next(x) for x in gens])
print("rest", [list(x) for x in gens])
print(sum(x * x for x in range(10)), [y for y in (x + 1 for x in range(4))])
print("counts end", [sys.getrefcount(o) for o in (a, b, c, d)])
