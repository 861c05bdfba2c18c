# Edges of the library fast paths: list slices with plain and unusual bounds,
# enumerate over list/tuple iterators and others, set lookups of ints.
import sys

l = list(range(10))
k = 3
print(l[:k] + l[k + 1:])
print(l[-3:], l[:-3], l[-100:100], l[100:], l[:-100], l[5:2])
print(l[::2], l[::-1], l[8:2:-2], l[-1:-11:-3], l[2:8:3])
print(l[True:], l[:False], l[None:None:None])
print(l[2**70:], l[-2**70:3], l[:2**63 - 1], l[-2**63:2], l[::2**62])


class I(int):
    def __index__(self):
        return 2


print(l[I(7):], l[:I(7)], l[::I(3)])


class J:
    def __index__(self):
        return 4


print(l[J():], l[:J()])
for bad in (slice(0, 5, 0), slice("a", None), slice(None, 2.0), slice(None, None, "x")):
    try:
        l[bad]
    except (TypeError, ValueError) as e:
        print(type(e).__name__, e)
e = []
print(e[:], e[1:], e[::-1], sys.getsizeof(l[:5]), sys.getsizeof(l[:0]), sys.getsizeof(l[::3]))
print((1, 2, 3, 4)[1:3], "abcdef"[1:5:2], range(10)[2:8:3])

# enumerate over a list that grows and shrinks while it runs
xs = [1, 2, 3]
for i, x in enumerate(xs):
    if i == 0:
        xs.append(4)
    if i == 2:
        del xs[-1]
    print(i, x, len(xs))
print(list(enumerate((5, 6), start=-1)), list(enumerate([], 10)))
print(list(enumerate([7, 8], sys.maxsize)))
it = enumerate([1, 2])
print(next(it), next(it), next(it, "done"), next(it, "done"))


def g(n):
    for i in range(n):
        yield i * i


print(list(enumerate(g(4))))
print(list(enumerate("ab")), list(enumerate({3: 4})))
en = None


def reenter():
    yield 1
    try:
        next(en)
    except ValueError as e:
        print("ValueError", e)
    yield 2


en = enumerate(reenter())
print(list(en))
r = []
e2 = enumerate([10, 20, 30])
for pair in e2:
    r.append(pair)
print(r, r[0] is r[1])

# set and frozenset membership of ints: -1 and -2 share a hash, bools equal ints
s = {-1, 1, 2**40, -(2**40), 2**64}
for x in (-1, -2, 1, True, False, 1.0, 2**40, -(2**40), 2**64, 2**64 + 1, 0):
    print(x, x in s, x in frozenset(s))
fs = frozenset((1, 2, 3))
used = frozenset()
for col in range(6):
    used = used | {col}
    print(sorted(used), sys.getsizeof(used), col in used, col + 1 in used)
print(l[I(7)], (1, 2, 3, 4, 5, 6, 7, 8)[I(7)], "abcdefgh"[I(7)], l[J()])
print("abcdef"[-2:], (1, 2, 3)[:-5], "abc"[2:1], (1, 2, 3)[-2:5], "abcdef"[-100:2], b"abcd"[1:-1])
print(list(enumerate(iterable="ab")), list(enumerate("ab", start=5)), list(enumerate("ab", 2)))
for args, kw in (((), {}), ((1, 2, 3), {}), ((5,), {}), (([1],), {"iterable": [2]}), (([1], 1), {"start": 2}), (([1],), {"x": 1})):
    try:
        enumerate(*args, **kw)
    except TypeError as e:
        print("TypeError", e)
for a, k in [((), {'iterable': [1], 'start': 1}), ((), {'start': 1, 'iterable': [1]}), ((), {'start': 1}), (([1], 2), {'start': 3}), ((), {'start': 1, 'x': 1}), ((), {'iterable': [1], 'iterable2': 1})]:
    try:
        print(list(enumerate(*a, **k)))
    except TypeError as e:
        print("TypeError", e)
