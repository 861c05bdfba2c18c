# sys.getrefcount and the gc module on cycles.
import sys, gc
x = [1, 2, 3]
print(sys.getrefcount(x))
y = x
print(sys.getrefcount(x))
del y
print(sys.getrefcount(x))
gc.collect()
a = []
a.append(a)
print(gc.is_tracked(a), gc.is_tracked(1), gc.is_tracked("s"))
del a
print(gc.collect() >= 1)
print(gc.isenabled(), gc.get_threshold())
gc.disable()
print(gc.isenabled())
gc.enable()
