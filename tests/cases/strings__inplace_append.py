# `s += t` and `s = s + t` on a local str: CPython 3.11 appends in place
# (BINARY_OP_INPLACE_ADD_UNICODE) when the local holds the string's only other
# reference. Values, sizes and reference counts are the same either way; id() is
# not tested (it depends on the allocator's size classes).
import sys

KINDS = {
    "ascii": "ab",
    "latin1": "\xe9\xff",
    "ucs2": "\u0101\u20ac",
    "ucs4": "\U0001f600\U00010348",
}


def grow(start, piece, n):
    s = start
    sizes = []
    for i in range(n):
        s += piece
        sizes.append(sys.getsizeof(s))
    return s, sizes, sys.getrefcount(s)


def grow_plus(start, piece, n):
    s = start
    for i in range(n):
        s = s + piece
    return s


for lk, left in KINDS.items():
    for rk, right in KINDS.items():
        for rep in range(3):
            s, sizes, rc = grow(left * 3, right, 40)
            t = grow_plus(left * 3, right, 40)
        assert s == t == left * 3 + right * 40, (lk, rk)
        print(lk, rk, len(s), ascii(s[:8]), ascii(s[-4:]), sizes[0], sizes[-1], rc,
              hash(s) == hash(left * 3 + right * 40))


def second_name():
    out = []
    s = "base-"
    for i in range(30):
        t = s
        s += "x"
        out.append((t, s, sys.getrefcount(t), sys.getrefcount(s)))
    return out[-1], len(out)


for i in range(3):
    print(second_name())


def hashed():
    s = "hash-" * 4
    hs = []
    for i in range(30):
        hs.append(hash(s))
        s += "y"
    return s, hash(s) == hash("hash-" * 4 + "y" * 30), len(set(hs))


for i in range(3):
    print(hashed())


def interned():
    # A constant (interned) and the one-character singletons are never changed.
    out = []
    for i in range(30):
        s = "name"
        s += "_x"
        c = "q"
        c += "r"
        out.append((s, c))
    return out[-1], "name", "q", sys.getrefcount(s), sys.getrefcount(c)


for i in range(3):
    print(interned())


def empty_sides(t):
    res = []
    for i in range(30):
        s = ""
        s += t
        u = t
        u += ""
        res.append((s is t, u is t))
    return res[-1]


for i in range(3):
    print(empty_sides("xyz" * 3))


def cell():
    s = "c"

    def get():
        return s

    for i in range(30):
        s += "d"
    return get(), sys.getrefcount(s)


for i in range(3):
    print(cell())


def other_order():
    s = "s"
    t = "t"
    for i in range(30):
        s = t + s
    return s, t


for i in range(3):
    print(other_order())


class S(str):
    pass


def subclass():
    s = S("sub")
    for i in range(30):
        s += "!"
    return type(s).__name__, s


for i in range(3):
    print(subclass())


def mixed(pieces):
    s = "start"
    for p in pieces:
        s += p
    return s


for i in range(3):
    print(ascii(mixed(["a", "\xe9", "b", "\u20ac", "c", "\U0001f600", "d"] * 6)))


def bad():
    s = "x"
    for i in range(30):
        s += "y"
    try:
        s += 5
    except TypeError as e:
        print("TypeError:", e)
    return s


for i in range(3):
    print(bad())


def refs():
    s = "r" * 20
    counts = []
    for i in range(30):
        s += "."
        counts.append(sys.getrefcount(s))
    held = [s]
    s += "!"
    return set(counts), held[0][-2:], s[-2:], sys.getrefcount(held[0])


for i in range(3):
    print(refs())


def interned_local():
    # sys.intern's string held by the local only: its hash is cached, so it is not
    # appended to in place (the intern table still finds it by its characters).
    out = []
    for i in range(30):
        s = sys.intern("".join(["int", "ern", str(i)]))
        s += "!"
        out.append(s)
    return out[-1], sys.intern("intern29") == "intern29", sys.intern("intern29!") is out[-1]


for i in range(3):
    print(interned_local())


# tracemalloc sees a resize, as CPython's realloc: the peak stays near the final
# size instead of old + new at every step (the function is warmed up first).
import tracemalloc


def build(n, piece):
    s = "t" * 100
    for i in range(n):
        s += piece
    return s


build(50, "x")
build(50, "x")
tracemalloc.start()
s = build(200, "x" * 10)
cur, peak = tracemalloc.get_traced_memory()
tracemalloc.stop()
print(len(s), cur, peak)
