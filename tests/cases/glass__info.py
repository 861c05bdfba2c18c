# glass.info(obj) agrees with id, sys.getsizeof, sys.getrefcount and the gc module
# for the core types, cached and interned objects, untracked containers, frozen
# objects and objects over 512 bytes. python3 has no glass: there a shim computes
# each field from CPython's own APIs, so both print the same lines only if glass's
# fields are right.
import gc
import sys

try:
    import glass
except ImportError:
    glass = None


def generation(x):
    if not gc.is_tracked(x):
        return None
    for g in range(3):
        if any(o is x for o in gc.get_objects(generation=g)):
            return g
    return "permanent"


def cached(x):
    t = type(x)
    return (x is None or x is True or x is False
            or (t is int and -5 <= x <= 256)
            or (t is tuple and len(x) == 0)
            or (t is str and (len(x) == 0 or len(x) == 1 and x is chr(ord(x))))
            or (t is bytes and len(x) <= 1))


def round8(n):
    return (n + 7) // 8 * 8


def show(name, x, interned=False, whole=True):
    """whole: x is one block (no separate buffer), so its block is getsizeof rounded."""
    if glass is not None:
        i = glass.info(x)
        rc = sys.getrefcount(x) - 1
        # A cached object's count moves as the record itself refers to True/False/None.
        fields = (i.address == id(x), i.size == sys.getsizeof(x), i.refcount == rc or i.cached,
                  i.generation, i.tracked, i.interned, i.cached)
        raw = i.block is None
        if whole and not raw:
            block_ok = i.block_size == round8(i.size)
        else:
            block_ok = True
        if raw:
            block_ok = block_ok and i.size_class is None and i.arena is None and i.pool is None
        else:
            block_ok = block_ok and i.arena is not None and i.pool is not None
    else:
        fields = (True, True, True, generation(x), gc.is_tracked(x), interned, cached(x))
        raw = whole and sys.getsizeof(x) > 512
        block_ok = True
    print(name, *fields, "raw" if raw else "pymalloc", block_ok)


show("int", 12345678)
show("small int", 7)
show("big int", 2 ** 4000)
show("float", 2.5)
show("bool", True)
show("None", None)
show("str", "hello world, not an identifier")
show("identifier str", "glass_identifier", interned=True)
# 'q' was interned at start-up as an object of its own; 'g' interns the singleton.
show("one-char str", "q", interned=True)
show("one-char str g", "g", interned=True)
show("empty str", "", interned=True)
n = 1000
show("long str", "x" * n)
show("bytes", b"abc")
show("empty tuple", ())
show("tuple of ints", tuple([1, 2, 3]))
show("tuple of 100", tuple(range(100)))
show("list", [1, 2, 3], whole=False)
show("empty dict", {}, whole=False)
d = {"a": 1, "b": 2}
show("dict of atoms", d, whole=False)
d2 = {"a": []}
show("dict of a list", d2, whole=False)
s = {1, 2, 3}
show("set", s, whole=False)


class Point:
    def __init__(self, x, y):
        self.x = x
        self.y = y


p = Point(1, 2)
show("instance", p, whole=False)
gc.collect()
show("instance after collect", p, whole=False)
show("list after collect", d2["a"], whole=False)
fresh = [p]
show("fresh list", fresh, whole=False)
gc.freeze()
show("frozen list", fresh, whole=False)
gc.unfreeze()
show("unfrozen list", fresh, whole=False)

# Buffers: a list's item array and a dict's keys object are blocks of their own.
big = list(range(10))
if glass is not None:
    b = glass.info(big).buffers
    print(len(b), b[0].what, b[0].bytes == 8 * 10, b[0].block_size >= b[0].bytes)
    kb = glass.info(d).buffers
    print(len(kb), kb[0].what, glass.info(d).size - 64 == kb[0].bytes)
    print(glass.info([]).buffers)
else:
    print(1, "item array", True, True)
    print(1, "keys object", True)
    print([])
