# gc.set_debug(gc.DEBUG_STATS) prints python3's lines on stderr for every collection:
#   gc: collecting generation N...
#   gc: objects in each generation: A B C
#   gc: objects in permanent generation: P
#   gc: done, U unreachable, 0 uncollectable, T.TTTTs elapsed
# and DEBUG_COLLECTABLE one "gc: collectable <type 0xADDR>" line per unreachable object.
# The sizes of the oldest and the permanent generation count every object the
# interpreter tracks, the times are clocks and the addresses are ids, so tests/cases.rs
# compares those fields as placeholders (docs/testing.md); the rest is compared exactly. The collector is
# disabled so no automatic collection (whose moment depends on the interpreter's own
# allocations) adds lines, and the flags are cleared before exit, since python3's
# collections at shutdown would print too.
import gc


class Node:
    pass


gc.disable()
gc.collect()
gc.set_debug(gc.DEBUG_STATS)
flags = gc.get_debug()
nothing = gc.collect()
lst = []
lst.append(lst)
del lst
one_list = gc.collect(0)
a, b = Node(), Node()
a.b, b.a = b, a
del a, b
two_nodes = gc.collect(1)
d = {}
d["self"] = d
del d
gc.set_debug(gc.DEBUG_STATS | gc.DEBUG_COLLECTABLE)
flags2 = gc.get_debug()
one_dict = gc.collect()
gc.freeze()
frozen = gc.get_freeze_count() > 0
t = []
t.append(t)
del t
frozen_list = gc.collect()
gc.unfreeze()
gc.set_debug(0)
quiet = gc.collect()
gc.enable()
# (printing allocates, so it waits until the collections are done)
print("debug", flags, flags2)
print("nothing to find:", nothing)
print("one list:", one_list)
print("two nodes:", two_nodes)
print("one dict:", one_dict)
print("frozen, one list:", frozen_list, frozen)
print("quiet:", quiet)
