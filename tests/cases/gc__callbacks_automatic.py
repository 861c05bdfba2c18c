# gc.callbacks run around automatic collections too (not only gc.collect()): a small
# threshold and a loop making container cycles trigger them. How many automatic
# collections run depends on how many containers the interpreter itself allocates, so
# the case prints what does not: the phases alternate, the info dicts' keys and
# values, and that the garbage they report plus a final gc.collect() is all of it.
import gc


class Node:
    pass


log = []


def cb(phase, info):
    # allocating here must not start a nested collection
    log.append((phase, info["generation"], info["collected"], info["uncollectable"], sorted(info)))
    junk = [[] for _ in range(40)]


gc.collect()
saved = gc.get_threshold()
gc.callbacks.append(cb)
gc.set_threshold(25)
for i in range(40):
    a = Node()
    b = Node()
    a.other, b.other = b, a
del a, b
gc.set_threshold(*saved)
gc.callbacks.remove(cb)
final = gc.collect()

print("automatic collections happened:", len(log) >= 2)
print("phases alternate:", all(p == ("start" if i % 2 == 0 else "stop") for i, (p, *_) in enumerate(log)))
print("info keys:", {tuple(e[4]) for e in log})
print("start collected 0:", all(e[2] == 0 for e in log if e[0] == "start"))
print("generations valid:", all(e[1] in (0, 1, 2) for e in log))
print("start/stop pairs share a generation:", all(log[i][1] == log[i + 1][1] for i in range(0, len(log), 2)))
print("uncollectable:", {e[3] for e in log})
print("all garbage accounted:", sum(e[2] for e in log if e[0] == "stop") + final)

# with the collector disabled, allocations start no collection and no callback
log.clear()
gc.callbacks.append(cb)
gc.disable()
gc.set_threshold(5)
for i in range(50):
    a = Node()
    a.me = a
del a
print("disabled:", log)
gc.set_threshold(*saved)
gc.enable()
gc.callbacks.remove(cb)
print("collect after enabling:", gc.collect())

# an exception in a callback is printed and ignored, and the collection still happens
class Bad:
    def __call__(self, phase, info):
        if phase == "stop":
            raise ValueError("callback failed")

    def __repr__(self):
        return "<the bad callback>"


bad = Bad()
gc.callbacks.append(bad)
x = Node()
x.me = x
del x
print("collected despite the error:", gc.collect())
gc.callbacks.remove(bad)
