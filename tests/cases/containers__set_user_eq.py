# Sets whose keys compare with a class's __eq__: algebra, methods, constructors and
# comparisons must ask __eq__ (equal hashes, different objects), as CPython does; the
# augmented operators change the set in place (its table size shows it).
import sys


class K:
    def __init__(self, v):
        self.v = v

    def __hash__(self):
        return hash(self.v)

    def __eq__(self, other):
        return isinstance(other, K) and other.v == self.v

    def __repr__(self):
        return f"K({self.v})"


def vals(s):
    return sorted(k.v if isinstance(k, K) else k for k in s)


s = set()
s.add(K(1))
s.add(K(1))
print("add twice:", len(s))
print("constructors:", len(set([K(1), K(1), K(2)])), len({K(1), K(1)}),
      len(frozenset([K(1), K(1)])), len(set({K(3): 0, K(4): 1})))
x = {K(1), K(2)}
y = {K(2), K(3)}
print("operators:", vals(x | y), vals(x & y), vals(x - y), vals(x ^ y))
print("methods:", vals(x.union(y)), vals(x.intersection(y)), vals(x.difference(y)),
      vals(x.symmetric_difference(y)))
print("with lists:", vals(x.union([K(2), K(9)])), vals(x.intersection([K(2)])),
      vals(x.difference([K(1)])), vals(x.symmetric_difference([K(2), K(4)])))
print("tests:", x.issubset({K(1), K(2), K(5)}), x.issuperset([K(1)]), x.isdisjoint(y),
      x.isdisjoint([K(7)]), x == {K(1), K(2)}, x != {K(1), K(2)}, x <= {K(1), K(2)},
      x < {K(1), K(2), K(0)}, K(2) in x, K(5) in x)
x.discard(K(1))
print("discard:", x)
x.remove(K(2))
print("remove:", x)
try:
    x.remove(K(2))
except KeyError as e:
    print("KeyError", e)
x = {K(1), K(2)}
x.update([K(2), K(7)])
print("update:", vals(x))
x = {K(1), K(2)}
x.difference_update([K(2)])
print("difference_update:", x)
x = {K(1), K(2)}
x.intersection_update([K(2)])
print("intersection_update:", x)
x = {K(1), K(2)}
x.symmetric_difference_update([K(2), K(4)])
print("symmetric_difference_update:", vals(x))
for op in ("|=", "&=", "-=", "^="):
    x = {K(1), K(2)}
    z = x
    exec(f"x {op} {{K(1), K(5)}}")
    print(op, vals(x), x is z)
fz = frozenset([K(1), K(2)])
print("frozenset:", vals(fz | {K(2)}), type(fz & {K(2)}).__name__, fz == frozenset([K(2), K(1)]))
print("tuples:", len({(K(1), 2), (K(1), 2)}), {(K(1), 2)} & {(K(1), 2)})
d = {K(1): 1}
print("keys views:", d.keys() & {K(1)}, d.keys() - {K(1)}, d.keys() | {K(1)})

# Mixed numbers still compare by value.
print(1 in {1.0}, 1.0 in {1}, True in {1}, {1} | {1.0}, {1.0} | {True}, {1, 2} - {2.0})

# In place: the table keeps its size after -= and ^= (CPython's set_isub / set_ixor),
# and &= swaps in the intersection's table.
a = set(range(100))
a -= set(range(2, 100))
print(sys.getsizeof(a), a)
a = set(range(100))
a ^= set(range(2, 100))
print(sys.getsizeof(a), a)
a = set(range(100))
a &= {1, 2}
print(sys.getsizeof(a), a)
a = set(range(10))
a |= a
a ^= a
print(a)
b = set(range(10))
b -= b
print(b)

# Sets of frozensets (and tuples) holding such keys.
print({frozenset([K(1)])} == {frozenset([K(1)])}, frozenset([K(1)]) in {frozenset([K(1)])},
      len({frozenset([K(1)]), frozenset([K(1)])}), len({((K(2),),), ((K(2),),)}))
