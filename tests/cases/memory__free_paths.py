# Frees that take each way through the general free path: an ordinary container
# alone, one with weak references, one with weak references dying while another is
# freed, one whose drop lets go of others, and the block reuse that follows.
import gc
import sys
import weakref

log = []


class Node:
    def __init__(self, name):
        self.name = name

    def __repr__(self):
        return f"Node({self.name})"


def note(name):
    return lambda ref: log.append(f"callback {name}")


# An ordinary set alone: its block is reused by the next set of its size.
s = {1, 2}
first = id(s)
del s
t = {3, 4}
print("set block reused", id(t) == first)
del t

# A frozenset and a list the same way.
f = frozenset((1, 2))
first = id(f)
del f
g = frozenset((5, 6))
print("frozenset block reused", id(g) == first)
del g

# An object with a weak reference, freed alone.
a = Node("a")
ra = weakref.ref(a, note("a"))
del a
print("alone:", log, ra())
log.clear()

# Objects with weak references freed as items of a list being freed, in order.
items = [Node(i) for i in range(4)]
refs = [weakref.ref(n, note(n.name)) for n in items]
holder = [items]
del items
del holder
print("in a list:", log)
print("refs dead:", [r() for r in refs])
log.clear()

# A tuple holding a container that holds a weakly referenced object.
inner = Node("inner")
ri = weakref.ref(inner, note("inner"))
tup = ({"k": inner}, [inner], (inner,))
del inner
del tup
print("nested:", log, ri())
log.clear()

# A finalizer on an item dying during a free: it runs, then what was freed after it.
class Fin:
    def __init__(self, name):
        self.name = name

    def __del__(self):
        log.append(f"del {self.name}")


box = [Fin("x"), Node("y"), Fin("z")]
ry = weakref.ref(box[1], note("y"))
del box
print("finalizers:", log, ry())
log.clear()

# Deep nesting is freed without recursion.
deep = None
for _ in range(200000):
    deep = [deep]
del deep
print("deep freed")

# Counts: containers made and freed leave generation 0's count where it was.
gc.collect()
before = gc.get_count()[0]
for _ in range(50):
    x = {1, 2}
    y = [x]
    z = (y, x)
    del x, y, z
print("gen0 delta", gc.get_count()[0] - before)
print("refcount of a fresh set", sys.getrefcount({1}))
