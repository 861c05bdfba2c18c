# CPython parks exact floats, tuples, lists and dicts only: an instance of a subclass
# goes back to pymalloc when freed, even when it is laid out exactly as its base
# (__slots__ = () adds nothing). Each check first parks one object of the base type,
# so that the next object of that type comes from the free list; then it frees a
# subclass instance and makes an object of the base type: it lands on the subclass
# instance's block only if that block had been parked.
one = int("1")


class F(float):
    __slots__ = ()


class T(tuple):
    __slots__ = ()


class L(list):
    __slots__ = ()


class D(dict):
    __slots__ = ()


def check(label, make_base, make_sub):
    p = make_base()
    del p                      # parked: the next make_base() takes it
    s = make_sub()
    i = id(s)
    del s
    q = make_base()
    print(f"{label}: the base object took the subclass instance's block: {id(q) == i}")


check("float", lambda: one + 0.5, lambda: F(2.5))
check("tuple", lambda: (one, 2), lambda: T((one, 3)))
check("list", lambda: [], lambda: L())
check("dict", lambda: {}, lambda: D())
# and the free lists keep exact objects across subclass frees: two exact lists freed,
# a subclass instance made and freed between, then two lists come back LIFO
a, b = [], []
ia, ib = id(a), id(b)
del a
del b
s = L()
del s
c, d = [], []
print("exact lists came back LIFO:", (id(c), id(d)) == (ib, ia))
