# Corners of classes and the data model: slots inheritance, layout conflicts, __missing__, overriding built-in subclasses, property errors falling back to __getattr__.
import gc, sys
# weird but legal things; every line must behave, no internal errors
class A:
    __slots__ = 'x'
a = A(); a.x = 1; print(a.x)
class B(A): pass
b = B(); b.y = 2; b.x = 3; print(b.y, b.x, sys.getsizeof(b))
try:
    class C(A, str): pass
except TypeError as e: print(e)
class D(dict):
    def __missing__(self, k): return k * 2
print(D()[4])
class L(list):
    def __len__(self): return 99
print(len(L([1])), L([1,2]) + [3], bool(L()))
class E(Exception):
    def __str__(self): return "custom"
try:
    raise E
except E as e: print(e, repr(e))
def g():
    x = yield
    yield x * 2
it = g(); next(it); print(it.send(21))
class W:
    def __enter__(self): return 1
    def __exit__(self, *a): return False
try:
    with W() as v:
        raise KeyError(v)
except KeyError as e: print("KE", e)
class Cyc:
    def __init__(self): self.me = self
    def __del__(self): print("del cyc")
Cyc()
print(gc.collect())
class H:
    def __hash__(self): return -1
print(hash(H()))
class R:
    def __getitem__(self, i):
        if i > 3: raise IndexError
        return i
print(list(R()), 2 in R(), list(reversed([1,2])))
print(type('X', (object,), {'__slots__': ('a',)})().__class__.__name__)
class Meta: pass
try:
    type('Y', (Meta(),), {})
except TypeError as e: print(e)
try:
    type('Z', (), [])
except TypeError as e: print(e)
class P:
    @property
    def v(self): raise AttributeError("inner")
    def __getattr__(self, n): return "fallback " + n
print(P().v)
class Q:
    def __eq__(self, o): return NotImplemented
print(Q() == Q(), Q() != Q())
class S(str): pass
print(S("ab") + "c", type(S("ab") + "c").__name__, S("x") == "x", {S("k"): 1}["k"])
class I(int):
    def __add__(self, o): return "added"
print(I(1) + 2, 2 + I(1), I(5) * 2)
