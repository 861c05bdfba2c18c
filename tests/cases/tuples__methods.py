# tuple.index and tuple.count; hashing tuples as dict keys.
t = (1, 2, 2, 3)
print(t.index(2), t.count(2))
d = {(1, 2): "a", (3,): "b"}
print(d[(1, 2)], d[3,])
