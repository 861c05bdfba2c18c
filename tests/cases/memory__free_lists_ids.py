# id() reuse through CPython 3.11's per-type free lists: float (100), list (80),
# dict (80) and tuple (per length). A freed object of such a type is parked on its
# type's free list (last in, first out) while there is room, and the next object of
# that type takes it back; other freed objects go back to the allocator.
# Each experiment first makes and keeps enough objects of the type to empty its free
# list, then frees a batch and allocates a new one, and prints where each new
# object landed: "old index" runs, or "new" for a block that held no old object.


def runs(positions):
    # [41, 42, 43, None, 0, 1] -> "41..43 new 0..1"
    out = []
    for p in positions:
        if out and p is not None and out[-1][1] is not None and p == out[-1][1] + 1:
            out[-1][1] = p
        else:
            out.append([p, p])
    return " ".join("new" if a is None else f"{a}" if a == b else f"{a}..{b}" for a, b in out)


def fill(make, count):
    # a list made at its final size first, so that no reallocation of its item array
    # takes memory in between the objects
    out = [None] * count
    for i in range(count):
        out[i] = make(i)
    return out


def experiment(label, make, count):
    drain = fill(make, 300)                # empties the type's free list
    old = fill(make, count)
    where = {id(x): k for k, x in enumerate(old)}
    new = [None] * count
    del old                                # frees the items last to first, then the list
    for i in range(count):
        new[i] = make(i)
    print(label, runs([where.get(id(x)) for x in new]))
    del drain


experiment("150 floats:", lambda i: i + 0.5, 150)
# (the one-item temporary of `[None] * count` is itself a list: freed, it sits on the
# list free list when `old` is freed, so only 79 of old's lists fit)
experiment("120 lists:", lambda i: [], 120)
experiment("120 dicts:", lambda i: {}, 120)
experiment("30 2-tuples:", lambda i: (i, i), 30)


class Plain:
    pass


experiment("30 instances (no free list):", lambda i: Plain(), 30)
experiment("30 ints (no free list):", lambda i: i + 100000, 30)
# single objects, as in shared/reference/id_reuse.txt
one = int("1")
keep = [float(i) for i in range(200)] + [[] for i in range(200)] + [{} for i in range(200)]


def same_after_del(make_first, make_second):
    a = make_first()
    i = id(a)
    del a
    b = make_second()
    return id(b) == i


print("float then float:", same_after_del(lambda: float("1.5"), lambda: float("2.5")))
print("float then int:", same_after_del(lambda: float("1.5"), lambda: int("300000")))
print("int then float:", same_after_del(lambda: int("300000"), lambda: float("2.5")))
print("int then int:", same_after_del(lambda: int("100000"), lambda: int("300000")))
print("list then list:", same_after_del(lambda: [1, 2, 3], lambda: []))
print("dict then dict:", same_after_del(lambda: {"a": 1}, lambda: {}))
print("list then dict:", same_after_del(lambda: [], lambda: {}))
print("dict then list:", same_after_del(lambda: {}, lambda: []))
print("2-tuple then 2-tuple:", same_after_del(lambda: (one, 2), lambda: (one, 3)))
print("2-tuple then 3-tuple:", same_after_del(lambda: (one, 2), lambda: (one, 2, 3)))
print("3-tuple then 3-tuple:", same_after_del(lambda: (one, 2, 3), lambda: (one, 4, 5)))
print("instance then instance:", same_after_del(Plain, Plain))
a, b = [], []
ia, ib = id(a), id(b)
del a
del b
c, d = [], []
print("two lists freed, two made (LIFO):", (id(c), id(d)) == (ib, ia))
f1, f2 = one + 0.5, one + 1.5
i1, i2 = id(f1), id(f2)
del f1, f2
g1 = one + 2.5
print("two floats freed, one made:", id(g1) == i2, id(g1) == i1)
del keep
