# The specialized forms' short paths and their misses: each loop runs long enough for
# its instruction to specialize, then meets an operand its form does not take (the
# general instruction must see the stack exactly as before). Counts are printed too:
# a short path takes and drops exactly the references the general one does.
import sys


def unpack_tuples(seqs):
    out = []
    for s in seqs:
        a, b = s
        out.append(a - b)
    return out


def unpack_three(seqs):
    out = []
    for s in seqs:
        a, b, c = s
        out.append(a + b + c)
    return out


def unpack_lists(seqs):
    out = []
    for s in seqs:
        a, b = s
        out.append((a, b))
    return out


print(unpack_tuples([(i, 1) for i in range(100)] + [[7, 2], (9, 4)])[-3:])
print(unpack_three([(i, i, i) for i in range(100)] + [[1, 2, 3], range(3)])[-3:])
print(unpack_lists([[i, -i] for i in range(100)] + [(5, 6), iter([7, 8])])[-3:])
for bad in ([(1, 2)] * 60 + [(1, 2, 3)], [[1, 2]] * 60 + [[1]], [(1, 2)] * 60 + [5]):
    try:
        unpack_tuples(bad)
    except (ValueError, TypeError) as e:
        print(type(e).__name__, e)

shared = ("left", "right")
before = sys.getrefcount(shared[0])
kept = []
for i in range(100):
    x, y = shared
    kept.append(x)
print(sys.getrefcount(shared[0]) - before, len(kept))
del kept, x, y


def index_all(seq, keys):
    out = []
    for k in keys:
        try:
            out.append(seq[k])
        except (IndexError, TypeError, KeyError) as e:
            out.append(type(e).__name__)
    return out


lst = list(range(10))
tup = tuple(range(10))
keys = [i % 10 for i in range(100)] + [0, -1, -10, 10, 2**40, True, 1.0]
print(index_all(lst, keys)[-8:])
print(index_all(tup, keys)[-8:])
print(index_all(lst, [1] * 60 + [slice(1, 3)] + [1])[-2:])
d = {i: -i for i in range(10)}
d["k"] = "v"
d[2**40] = "big"
d[(1, 2)] = "pair"
print(index_all(d, keys + ["k", (1, 2), "missing", 10**20, -3])[-14:])


def store_all(seq, keys, v):
    for k in keys:
        try:
            seq[k] = v
        except (IndexError, TypeError) as e:
            print(type(e).__name__, e)
    return seq


print(store_all(list(range(5)), [i % 5 for i in range(100)] + [-1, 0, 7, 1.5], "z"))
print(list(store_all({}, list(range(70)) + ["a", 2**40, True, -5], 0).items())[-5:])

value = object()
before = sys.getrefcount(value)
holder = [None] * 3
for i in range(100):
    holder[i % 3] = value
print(sys.getrefcount(value) - before)
holder = None
print(sys.getrefcount(value) - before)


def compare_all(pairs):
    out = []
    for a, b in pairs:
        r = ""
        if a < b:
            r += "<"
        if a <= b:
            r += "l"
        if a == b:
            r += "="
        if a != b:
            r += "!"
        if a > b:
            r += ">"
        if a >= b:
            r += "g"
        out.append(r)
    return out


ints = [(i % 3, 1) for i in range(80)]
print(compare_all(ints + [(-5, 2**62), (2**70, 1), (True, 1), (1, 1.0)])[-6:])
nan = float("nan")
floats = [(i / 4, 0.5) for i in range(80)]
print(compare_all(floats + [(nan, 1.0), (1.0, nan), (nan, nan), (-0.0, 0.0)])[-6:])
inf = float("inf")
print(compare_all([(inf, -inf), (-inf, inf), (inf, inf), (2, 2.5)]))


def str_eq(pairs):
    n = 0
    for a, b in pairs:
        if a == b:
            n += 1
        if a != b:
            n += 100
    return n


print(str_eq([("ab", "ab"), ("ab", "ac"), ("é", "é"), ("", "")] * 30 + [("a", 1), (1, 1)]))


class P:
    def __init__(self, x):
        self.x = x


class S:
    __slots__ = ("x",)

    def __init__(self, x):
        self.x = x


class Q:
    x = "class attr"


def read_x(objs):
    return [o.x for o in objs]


def write_x(objs, v):
    for o in objs:
        o.x = v
    return objs


ps = [P(i) for i in range(80)]
print(read_x(ps + [S(5), Q(), P("last")])[-4:])
q = P(1)
del q.x
try:
    read_x(ps + [q])
except AttributeError as e:
    print("AttributeError", e)
ss = [S(i) for i in range(80)]
print([o.x for o in write_x(ss + [P(0)], "w")[-3:]])
print(read_x(write_x(ps, "v")[:2]))
marker = object()
before = sys.getrefcount(marker)
write_x(ps, marker)
print(sys.getrefcount(marker) - before)
write_x(ps, None)
print(sys.getrefcount(marker) - before)


class Del:
    def __del__(self):
        print("freed while storing; value seen:", carrier.x)


carrier = P(0)
for v in range(100):
    carrier.x = Del() if v == 90 else v
