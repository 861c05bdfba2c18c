# The weak containers while they are being iterated: an entry whose referent dies
# during a walk stays in .data until the last walk ends; len() and the operations
# that settle first behave as python3's; then collection of cycles held only weakly.
import gc, weakref


class C:
    def __init__(self, n):
        self.n = n

    def __repr__(self):
        return "C(%d)" % self.n


def show(tag, *values):
    print(tag, *values)


# WeakKeyDictionary: a key dies in the middle of a walk
keys = [C(i) for i in range(5)]
wkd = weakref.WeakKeyDictionary((k, k.n) for k in keys)
it = iter(wkd.items())
show("wkd first", next(it)[1])
del keys[2]
show("wkd during", len(wkd.data), len(wkd))
# deleting another entry during the walk: len stays right (the walk then fails)
victim = keys[3]
del wkd[victim]
show("wkd after del", len(wkd.data), len(wkd))
try:
    next(it)
except RuntimeError as e:
    show("RuntimeError:", e)
show("wkd after walk", len(wkd.data), len(wkd), sorted(wkd.values()))
wkd[victim] = victim.n
del victim

# two walks open at once: entries go only when both have ended
it1, it2 = iter(wkd), iter(wkd.values())
next(it1), next(it2)
keys.pop()
show("two walks", len(wkd.data), len(wkd))
list(it1)
show("one ended", len(wkd.data), len(wkd))
it2.close()
show("both ended", len(wkd.data), len(wkd))

# an abandoned iterator ends its walk when it is freed
it3 = iter(wkd.keys())
next(it3)
keys.pop(0)
show("abandoned before", len(wkd.data))
del it3
show("abandoned after", len(wkd.data), len(wkd))

# WeakSet: the same, and pop/discard settle before they change the set
items = [C(i) for i in range(4)]
ws = weakref.WeakSet(items)
it = iter(ws)
first = next(it)
# (a set's order follows the ids; the walk holds the item it yielded last)
dead = [x for x in items if x is not first][0]
items.remove(dead)
del dead, first
show("ws during", len(ws.data), len(ws))
rest = list(it)
show("ws after", len(ws.data), len(ws), len(rest))
rest = None

# WeakValueDictionary: len() settles during a walk, so the walk then fails as python3's
objs = [C(i) for i in range(4)]
wvd = weakref.WeakValueDictionary((o.n, o) for o in objs)
it = iter(wvd)
next(it)
objs.pop()
show("wvd data during", len(wvd.data))
show("wvd len during", len(wvd), len(wvd.data))
try:
    list(it)
except RuntimeError as e:
    show("RuntimeError:", e)
show("wvd after", sorted(wvd), [r.key for r in sorted(wvd.valuerefs(), key=lambda r: r.key)])

# get/contains during a walk also settle
it = wvd.items()
next(it)
objs.pop()
show("wvd get", wvd.get(2), 2 in wvd, len(wvd.data))
it.close()

# setting an entry during a walk of a WeakKeyDictionary is a dict change too
it = iter(wkd)
next(it)
newkey = C(50)
wkd[newkey] = 50
try:
    next(it)
except RuntimeError as e:
    show("RuntimeError:", e)
show("wkd now", sorted(wkd.values()))

# collection: cycles held only weakly go with gc.collect, also during a walk
gc.collect()
a, b = C(100), C(101)
a.other, b.other = b, a
anchor = C(7)
wkd2 = weakref.WeakKeyDictionary({anchor: "anchor", a: "a", b: "b"})
wvd2 = weakref.WeakValueDictionary({"a": a, "b": b})
ws2 = weakref.WeakSet([a, b])
walk = iter(wkd2)
next(walk)
del a, b
show("before collect", len(wkd2), len(wvd2), len(ws2))
show("collect", gc.collect())
show("collected, walk open", len(wkd2.data), len(wkd2), len(wvd2), len(ws2))
del walk
show("walk freed", len(wkd2.data), len(wkd2), list(wkd2.values()))

# copies, deep copies and | of the mappings
import copy
k1, k2 = C(1), C(2)
src = weakref.WeakKeyDictionary({k1: [1], k2: [2]})
deep = copy.deepcopy(src)
show("deepcopy", type(deep).__name__, deep[k1] == [1], deep[k1] is src[k1])
both = src | {k1: "x"}
show("or", type(both).__name__, both[k1], both[k2])
vals = weakref.WeakValueDictionary({"one": k1})
show("ror", type({"two": k2} | vals).__name__, sorted(({"two": k2} | vals).keys()))
vals |= {"two": k2}
show("ior", sorted(vals), vals.pop("zz", "default"), vals.setdefault("one", k2) is k1)
try:
    vals.pop("zz")
except KeyError as e:
    show("KeyError", e)
dv = copy.deepcopy(vals)
show("deepcopy values", sorted(dv), dv["one"] is k1)
show("popitem", sorted(k for k, v in [vals.popitem(), vals.popitem()]))
try:
    vals.popitem()
except KeyError as e:
    show("KeyError", e)
show(repr(vals).startswith("<WeakValueDictionary at 0x"), weakref.WeakSet[int].__args__)
