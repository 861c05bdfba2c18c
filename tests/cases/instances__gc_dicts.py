# The collector and instance dicts: which are tracked, and what gc.collect() counts
# for cycles of instances with and without their __dict__ materialised.
import gc

gc.collect()
gc.disable()


class A:
    def __init__(self, value):
        self.value = value


a = A(1)
a.name = "s"
print("instance", gc.is_tracked(a), "its dict of atomics", gc.is_tracked(a.__dict__),
      "a plain dict of atomics", gc.is_tracked({"value": 1, "name": "s"}))
b = A([])
print("dict holding a list", gc.is_tracked(b.__dict__))
c = A(1)
d = c.__dict__
c.other = A(2)
print("materialised, then an instance added", gc.is_tracked(d))
e = A(1)
e.__dict__ = {"k": 1}
print("assigned dict of atomics", gc.is_tracked(e.__dict__))


def pairs(n, materialise):
    for i in range(n):
        x, y = A(i), A(-i)
        x.peer, y.peer = y, x
        if materialise == "both":
            x.__dict__, y.__dict__
        elif materialise == "one":
            x.__dict__


for how in ("none", "one", "both"):
    print(how, [(pairs(n, how), gc.collect())[1] for n in (1, 10)])
s = A(0)
s.me = s
del s
print("self cycle", gc.collect())
s = A(0)
s.me = s
vars(s)
del s
print("self cycle, dict materialised", gc.collect())
t = A(0)
t.__dict__["me"] = t
del t
print("self cycle through the dict", gc.collect())
u = A(0)
u.__dict__ = {"me": u}
del u
print("self cycle through an assigned dict", gc.collect())
# a cycle reachable from a global is not garbage
keep = A(0)
keep.me = keep
vars(keep)
print("reachable", gc.collect())
del keep
print("after dropping it", gc.collect())
gc.enable()
