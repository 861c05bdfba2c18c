# Dict literals, subscription, membership, deletion, ordering.
d = {"a": 1, "b": 2}
d["c"] = 3
d["a"] = 10
print(d, len(d), d["b"], "a" in d, "z" not in d)
del d["b"]
print(d)
d[1] = "int key"
d[1.0] = "float key same as 1"
d[(1, 2)] = "tuple key"
print(d)
for k in d:
    print(k, d[k])
print({}, {1: {2: {3: {}}}}, dict(x=1, y=2), dict([(1, 2), (3, 4)]))
e = {"k": [1]}
e["k"] += [2]
print(e, {1: 1} == {1: 1.0}, {1: 2} != {1: 3})
print({**{"a": 1}, "b": 2, **{"a": 3}})
