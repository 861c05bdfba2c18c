# WeakValueDictionary, WeakKeyDictionary, WeakSet, WeakMethod and finalize under
# deletion and collection.
import gc, weakref


class C:
    def __init__(self, n):
        self.n = n

    def m(self):
        return self.n * 2

    def __repr__(self):
        return "C(%d)" % self.n


objs = [C(i) for i in range(6)]
wvd = weakref.WeakValueDictionary()
for o in objs:
    wvd[o.n] = o
print("wvd", len(wvd), sorted(wvd.keys()), wvd[3])
del objs[1:3]
print("wvd after del", len(wvd), sorted(wvd), wvd.get(1), wvd.get(1, "gone"), 1 in wvd, 3 in wvd)
try:
    wvd[2]
except KeyError as e:
    print("KeyError", e)
print("wvd items", sorted((k, v.n) for k, v in wvd.items()))
print("wvd setdefault", wvd.setdefault(0, None) is objs[0], wvd.pop(0) is objs[0], len(wvd))
# removal while iterating is deferred
it = iter(wvd.keys())
first = next(it)
objs.pop()
print("during iteration", len(wvd.data), sorted(it))
print("after iteration", len(wvd), sorted(wvd))
# a cycle held only by the dictionary's value goes with a collection
a, b = C(100), C(101)
a.b, b.a = b, a
wvd["cyc"] = a
del a, b
print("before collect", "cyc" in wvd.data)
print("collect", gc.collect())
print("after collect", "cyc" in wvd.data, len(wvd))
copy = wvd.copy()
print("copy", type(copy).__name__, sorted(copy))

keys = [C(i) for i in range(5)]
wkd = weakref.WeakKeyDictionary()
for k in keys:
    wkd[k] = k.n * 10
print("wkd", len(wkd), sorted(wkd.values()), wkd[keys[2]], keys[2] in wkd, 5 in wkd)
del keys[0]
k = None
print("wkd after del", len(wkd), sorted(wkd.values()))
print("wkd keys", sorted(x.n for x in wkd.keys()), wkd.get(keys[0]), wkd.pop(keys[0]), len(wkd))
keys.clear()
print("wkd cleared", len(wkd), list(wkd.items()))

items = [C(i) for i in range(4)]
ws = weakref.WeakSet(items)
print("ws", len(ws), items[1] in ws, C(9) in ws, 3 in ws)
ws.discard(items[0])
print("ws discard", len(ws), sorted(x.n for x in ws))
del items[1]
print("ws after del", len(ws))
ws2 = weakref.WeakSet(items[1:])
print("ws ops", len(ws | ws2), len(ws & ws2), len(ws - ws2), ws == weakref.WeakSet(items[1:]))
items.clear()
print("ws cleared", len(ws), len(ws2), list(ws))

# WeakMethod
obj = C(21)
wm = weakref.WeakMethod(obj.m, lambda w: print("WeakMethod callback", w() is None))
print("WeakMethod", wm()(), wm == weakref.WeakMethod(obj.m), wm() == obj.m)
try:
    weakref.WeakMethod(len)
except TypeError as e:
    print("TypeError:", e)
del obj
print("WeakMethod dead", wm())

# finalize
log = []
t = C(5)
f = weakref.finalize(t, log.append, "finalized")
print("finalize", f.alive, f.atexit, f.peek()[2:], f.peek()[1] is log.append, len(log))
del t
print("finalize ran", log, f.alive, f.peek(), f())
t2 = C(6)
f2 = weakref.finalize(t2, log.append, "detached")
print("detach", f2.detach()[2:], f2.alive, f2.detach())
del t2
print("log", log)
t3 = C(7)
f3 = weakref.finalize(t3, lambda *a, **k: log.append((a, k)), 1, 2, key="v")
print("call now", f3(), f3.alive, f3(), log[-1])
del t3
# a finalizer of an object in a cycle runs when the cycle is collected
c1, c2 = C(8), C(9)
c1.o, c2.o = c2, c1
weakref.finalize(c1, print, "cycle finalized")
del c1, c2
print("collect", gc.collect())

# atexit: finalizers still alive at exit run then (atexit=True), others do not
import atexit
keep = C(30)
weakref.finalize(keep, print, "finalize at exit")
skip = C(31)
weakref.finalize(skip, print, "not at exit").atexit = False
atexit.register(print, "atexit handler")
r = weakref.ref(keep)
try:
    r(1)
except TypeError as e:
    print("TypeError:", e)
