# CPython 3.11 keeps freed tuples of lengths 1..20 on free lists, one per length
# (2000 each; the empty tuple is a singleton), so a freed tuple's block waits for the
# next tuple of the same length and no other object gets it - except that 3.11 takes
# back tuples of 1..19 items only: a freed 20-tuple stays parked, and the next one
# comes from pymalloc. A tuple of 21 items or more goes back to pymalloc, where the
# next block of its size class - of any type - takes it. To see the difference, a class with one slot more than the tuple's
# items has exactly the tuple's size (both 40 + 8 * items bytes, GC header included):
# it comes from pymalloc, since instances of classes have no free list.
import sys

one = int("1")
items = [one + k for k in range(30)]


def fresh(n):
    # a new tuple of n items, made at run time (tuple() of a list slice)
    return tuple(items[:n])


def slotted(n):
    return type("S%d" % n, (), {"__slots__": tuple("s%d" % k for k in range(n))})


for n in (1, 2, 3, 5, 10, 19, 20, 21, 22, 25):
    S = slotted(n + 1)
    probe = S()
    same_size = sys.getsizeof(probe) == sys.getsizeof(fresh(n))
    del probe
    t = fresh(n)
    i = id(t)
    del t
    s = S()
    went_to_pymalloc = id(s) == i
    del s
    # two tuples of this length freed, two made: last in, first out
    a, b = fresh(n), fresh(n)
    ia, ib = id(a), id(b)
    del a
    del b
    c, d = fresh(n), fresh(n)
    lifo = (id(c), id(d)) == (ib, ia)
    del c, d
    print(f"{n:2} items: same size as {n + 1} slots: {same_size}; "
          f"freed block given to the slotted instance: {went_to_pymalloc}; LIFO: {lifo}")

# the empty tuple is one object, never freed
e1 = tuple(items[:0])
e2 = tuple([])
e3 = fresh(3)[3:]
print("() is a singleton:", e1 is e2 and e2 is e3)
# a tuple of length n waits for a tuple of length n, not n + 1 (same size class
# under CPython's 16-byte classes: 2 and 3 items, 48 + 8 and 48 + 16 bytes)
t = fresh(2)
i = id(t)
del t
u = fresh(3)
print("2-tuple freed, 3-tuple made, same block:", id(u) == i)
v = fresh(2)
print("then a 2-tuple takes it:", id(v) == i)
