# set methods.
s = {1, 2}
s.add(3)
s.discard(10)
s.remove(1)
print(s, s.union({7}), s.intersection({2, 9}), s.difference({2}), s.symmetric_difference({3, 4}))
print(s.issubset({2, 3, 4}), s.issuperset({2}), s.isdisjoint({8}))
s.update([5, 6])
print(s, s.pop(), len(s))
s.clear()
print(s, {"a"} | {"a"}, sorted({"b", "a", "c"}))
