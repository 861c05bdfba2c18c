# STORE_NAME in module code: after a slow store the name's entry is cached, so the
# next store of a module-level loop variable is made in place. What is checked: the
# values seen, stores that add and remove other globals meanwhile, a __del__ of the
# replaced value at the store, reference counts, and a dict subclass as globals
# (exec), whose __setitem__ runs for every store.
import sys

total = 0
for i in range(30):
    total += i
print("loop", i, total, globals()["i"])

for k in range(20):
    if k == 7:
        globals()["extra_%d" % k] = k
    if k == 12:
        del extra_7
    last = k * 2
print("changing keys", k, last, "extra_7" in globals())


class Noisy:
    def __init__(self, n):
        self.n = n

    def __del__(self):
        print("del", self.n)


for n in range(4):
    holder = Noisy(n)
    print("stored", n)
del holder
print("after")

sentinel = object()
base = sys.getrefcount(sentinel)
for n in range(12):
    alias = sentinel
print("refcount", sys.getrefcount(sentinel) - base)
del alias
print("refcount after del", sys.getrefcount(sentinel) - base)


class Logging(dict):
    def __setitem__(self, key, value):
        if key == "j":
            self.setdefault("log", []).append(value)
        dict.__setitem__(self, key, value * 10 if key == "j" else value)


g = Logging()
exec("for j in range(12):\n    pass\n", g)
print("subclass", g["log"], g["j"])

g2 = {}
exec("for j in range(12):\n    x = j\ny = x + j\n", g2)
print("exact", g2["j"], g2["x"], g2["y"])

for w in range(15):
    pass
del w
try:
    w
except NameError as e:
    print("deleted:", e)
for w in range(15):
    if w == 5:
        del w
        w = "five"
print("rebound", w)
