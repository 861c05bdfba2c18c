# A function's cached global and builtin reads (LOAD_GLOBAL_MODULE / _BUILTIN) when
# the namespace changes under them: a module's __dict__ updated from outside the
# module, globals that are an instance's (split) __dict__, the globals dict cleared
# and refilled, a builtin shadowed by a global and unshadowed, and the reference
# count of a value read through the cache.
import sys
import types

src = """
def f(n):
    out = []
    for i in range(n):
        out.append((X, len('ab')))
    return out[-1]
"""
m = types.ModuleType("m")
m.X = 1
exec(src, m.__dict__)
print(m.f(20))
m.X = 2
print(m.f(20))
m.__dict__.update({"X": 3, "Y": 4})
print(m.f(20))
setattr(m, "len", lambda s: "shadow")
print(m.f(20))
delattr(m, "len")
print(m.f(20))
del m.X
try:
    m.f(20)
except NameError as e:
    print("NameError:", e)
m.X = "back"
print(m.f(20))

# Globals that are an instance's __dict__ (a split dict while it shares its class's
# keys).
class Box:
    def __init__(self):
        self.X = 10
        self.Z = 0

b = Box()
b2 = Box()
exec(src, b.__dict__)
print(b.f(20))
b.X = 11
print(b.f(20))
b.X = 12
b.W = 1
print(b.f(20), b2.X)

# The globals cleared and refilled while a function keeps reading them.
g = {}
exec(src, g)
g["X"] = "first"
print(g["f"](20))
f = g["f"]
g.clear()
g["X"] = "after clear"
print(f(20))

# Many loads of one value through the cache leave its count as it was.
V = object()
def count_reads(n):
    for i in range(n):
        V
        V
    return sys.getrefcount(V)

before = sys.getrefcount(V)
print(count_reads(50) - before, sys.getrefcount(V) - before)

# A builtin shadowed by a global, then unshadowed, read by a warmed-up function.
def use_abs(n):
    r = None
    for i in range(n):
        r = abs(-3)
    return r

print(use_abs(20))
abs = lambda x: "shadowed"  # noqa: E731
print(use_abs(20))
del abs
print(use_abs(20))
