# set methods (expected output: set.expected, made by regen.py with python3)
s = {1, 2, 3}
s.add(4)
s.add(1)
s.discard(9)
s.discard(2)
s.remove(1)
print(s, s.pop(), s)
a = {1, 2, 3, 4}
b = {3, 4, 5, 6}
print(a.union(b), a.union([7], (8,), "x"), a.union(), a.intersection(b), a.intersection([3, 9], {3, 4}))
print(a.difference(b), a.difference([1], (2,)), a.symmetric_difference(b), a.symmetric_difference([1, 9]))
print(a.issubset(b), {3}.issubset(a), {3}.issubset([3]), a.issuperset({1}), a.issuperset([1, 7]), a.isdisjoint(b), a.isdisjoint([9]))
print(a.intersection({"a": 1, 3: 2}), a.difference({1: 0}), a.union({9: 0}))
c = a.copy()
c.update([10, 11], {12})
c.difference_update({10}, [11])
print(c, a)
c.intersection_update([1, 2, 3, 12], {2, 3, 12})
print(c)
c.symmetric_difference_update([3, 4])
print(c)
c.symmetric_difference_update(c)
print(c)
c.update("ab")
c.clear()
print(c, len(c))
x = {"k"}
print(x.copy() is x, x.union() is x)
# element order after algebra follows CPython's table
p = {5, 9, 13, 17, 21}
q = {17, 100, 5, 33}
print(p.union(q), q.union(p), p.symmetric_difference(q), q.symmetric_difference(p), p.intersection(q), q.difference(p))
