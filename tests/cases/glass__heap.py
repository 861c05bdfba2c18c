# glass.heap(), glass.snapshot() and glass.growth() count live objects by type.
# python3 has no glass: its shim counts the tracked objects gc.get_objects() sees,
# so the checks use types whose objects are always tracked (lists, instances).
import gc
import sys

try:
    import glass
except ImportError:
    glass = None


class Node:
    def __init__(self, v):
        self.v = v


def label(t):
    return t.__name__ if t.__module__ == "builtins" else f"{t.__module__}.{t.__qualname__}"


def shim_snapshot():
    out = {}
    for o in gc.get_objects():
        c, b = out.get(label(type(o)), (0, 0))
        out[label(type(o))] = (c + 1, b + sys.getsizeof(o))
    return out


def shim_growth(before):
    now = shim_snapshot()
    rows = []
    for t, (c, b) in now.items():
        oc, ob = before.get(t, (0, 0))
        if c > oc:
            rows.append((t, c, c - oc, b, b - ob))
    return rows


snap = glass.snapshot() if glass else shim_snapshot()
nodes = [Node(i) for i in range(30)]
pairs = [[i] for i in range(20)]
rows = glass.growth(snap) if glass else shim_growth(snap)
for t, c, dc, b, db in sorted(rows):
    if t in ("__main__.Node", "list"):
        print(t, "+count", dc, "+bytes", db)

if glass:
    h = glass.heap()
    node_rows = [r for r in h if r[0] == "__main__.Node"]
    print(node_rows[0][1], node_rows[0][2])
    print(h == sorted(h, key=lambda r: (-r[2], r[0])))
    print(abs(h[-1][4] - 100.0) < 0.01)
else:
    print(30, 30 * sys.getsizeof(nodes[0]))
    print(True)
    print(True)

# arenas(): the blocks in use of every pool add up to what the allocator counts.
if glass:
    before = sys.getallocatedblocks()
    used = sum(p[3] for a in glass.arenas() for p in a)
    print(abs(used - before) < 200, all(t.title.startswith("arena") for t in glass.arenas()))
    states = {p[5] for a in glass.arenas() for p in a}
    print(states <= {"used", "full", "empty"}, "used" in states or "full" in states)
else:
    print(True, True)
    print(True, True)
del nodes, pairs, rows, snap
