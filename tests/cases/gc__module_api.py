# The gc module beyond collect: get_objects, get_referrers, get_referents, callbacks,
# debug flags and DEBUG_SAVEALL, freeze, is_finalized, get_stats.
import gc

print(sorted(n for n in dir(gc) if not n.startswith("__")))
print(gc.DEBUG_STATS, gc.DEBUG_COLLECTABLE, gc.DEBUG_UNCOLLECTABLE, gc.DEBUG_SAVEALL, gc.DEBUG_LEAK)
print("debug", gc.get_debug())


class Node:
    def __init__(self, name):
        self.name = name

    def __repr__(self):
        return "Node(%s)" % self.name


gc.collect()
a = Node("a")
b = [a]
c = {"k": a}
t = (a, 1)
print("tracked", any(o is b for o in gc.get_objects()), any(o is a for o in gc.get_objects(0)))
gc.collect()
print("after collect", any(o is b for o in gc.get_objects(0)), any(o is b for o in gc.get_objects(2)))
refs = gc.get_referrers(a)
print("referrers", any(r is b for r in refs), any(r is c for r in refs), any(r is t for r in refs))
print("referents", gc.get_referents(b) == [a], gc.get_referents(t)[-1] is a or gc.get_referents(t)[0] is a)
print(len(gc.get_objects(-1)) > 0)
for bad in (3, -2):
    try:
        gc.get_objects(bad)
    except ValueError as e:
        print("ValueError:", e)

# callbacks
log = []


def cb(phase, info):
    log.append((phase, sorted(info.items())))


gc.callbacks.append(cb)
x = Node("x")
x.self = x
del x
n = gc.collect(1)
gc.callbacks.remove(cb)
print("collected", n)
for entry in log:
    print(entry)


def bad_cb(phase, info):
    raise ValueError("in callback")


# DEBUG_SAVEALL keeps the garbage in gc.garbage
gc.set_debug(gc.DEBUG_SAVEALL)
print("debug", gc.get_debug())
y = Node("y")
z = Node("z")
y.z, z.y = z, y
del y, z
print("saveall collected", gc.collect())
print("garbage", sorted(repr(o) for o in gc.garbage))
gc.set_debug(0)
for o in gc.garbage:
    o.__dict__.clear()
gc.garbage.clear()
print("garbage cleared", gc.garbage, gc.collect())

# is_finalized


class Lazarus:
    def __del__(self):
        global saved
        saved = self


l1 = Lazarus()
print("finalized before", gc.is_finalized(l1))
del l1
print("finalized after", gc.is_finalized(saved), gc.is_finalized(3))
del saved

# freeze
gc.collect()
print("freeze count", gc.get_freeze_count())
gc.freeze()
print("frozen", gc.get_freeze_count() > 0, gc.get_count()[0])
w = Node("w")
w.w = w
del w
print("collect while frozen", gc.collect())
gc.unfreeze()
print("unfrozen", gc.get_freeze_count())
print("collect after", gc.collect())

stats = gc.get_stats()
print("stats", len(stats), sorted(stats[0]), all(s["uncollectable"] == 0 for s in stats))
