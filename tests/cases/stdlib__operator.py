# operator: every function, the in-place forms, itemgetter / attrgetter / methodcaller.
import operator as op
from operator import itemgetter, attrgetter, methodcaller
print(op.add(1, 2), op.sub(5, 3), op.mul("ab", 2), op.truediv(7, 2), op.floordiv(7, 2), op.mod(7, 3))
print(op.pow(2, 10), op.neg(5), op.pos(-5), op.abs(-3), op.inv(5), op.invert(0), op.lshift(1, 4), op.rshift(32, 2))
print(op.and_(12, 10), op.or_(12, 10), op.xor(12, 10), op.not_(0), op.truth([]), op.truth([0]))
print(op.lt(1, 2), op.le(2, 2), op.eq(1, 1.0), op.ne(1, 2), op.ge(1, 2), op.gt(3, 2))
print(op.is_(None, None), op.is_not(1, None), op.contains([1, 2], 2), op.countOf([1, 2, 1, 1], 1), op.indexOf("abc", "c"))
print(op.concat([1], [2]), op.index(7), op.index(True), op.length_hint([1, 2]), op.length_hint(5, 9))
d = {}
op.setitem(d, "k", 1); print(d, op.getitem(d, "k")); op.delitem(d, "k"); print(d)
l = [1]
print(op.iadd(l, [2]) is l, l, op.iconcat(l, [3]), op.isub(5, 2), op.imul(3, 3), op.ipow(2, 3))
print(op.ior(1, 2), op.iand(3, 1), op.ixor(3, 1), op.ilshift(1, 2), op.irshift(8, 1), op.imod(7, 4), op.ifloordiv(7, 2), op.itruediv(1, 4))
print(op.call(max, 1, 5, 3), op.__add__(1, 1), op.__getitem__("xy", 1), op.__not__(1))
try:
    op.indexOf([1], 5)
except ValueError as e:
    print("ValueError:", e)
try:
    op.concat(1, 2)
except TypeError as e:
    print("TypeError:", e)
try:
    op.index(1.5)
except TypeError as e:
    print("TypeError:", e)
g = itemgetter(1)
g2 = itemgetter(0, -1)
print(g("abc"), g2("abc"), g, g2, itemgetter("k")({"k": 2}))
class P:
    def __init__(self): self.x = 1; self.inner = self
    def hello(self, name, punct="!"): return "hi " + name + punct
a = attrgetter("x")
a2 = attrgetter("inner.inner.x", "x")
print(a(P()), a2(P()), a, a2)
m = methodcaller("hello", "bob", punct="?")
print(m(P()), m, methodcaller("upper")("abc"), methodcaller("upper"))
for bad in (lambda: itemgetter(), lambda: attrgetter(), lambda: attrgetter(1), lambda: methodcaller(), lambda: methodcaller(1)):
    try:
        bad()
    except TypeError as e:
        print("TypeError:", e)
print(sorted([("b", 2), ("a", 3), ("c", 1)], key=itemgetter(1)))
print(list(map(op.mul, [1, 2, 3], [4, 5, 6])))
print(len(op.__all__), sorted(n for n in dir(op) if n.startswith("__") and n.endswith("__") and n not in ("__all__", "__builtins__", "__cached__", "__doc__", "__file__", "__loader__", "__name__", "__package__", "__spec__")) == sorted("__" + n.rstrip("_") + "__" for n in op.__all__ if n not in ("attrgetter", "itemgetter", "methodcaller", "countOf", "indexOf", "length_hint", "is_", "is_not", "truth")))
