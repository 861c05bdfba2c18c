# Insertion order: after deletes, re-inserts, updates of existing keys, popitem (LIFO),
# and copies.
d = {}
for k in "abcdef":
    d[k] = ord(k)
print(list(d))
del d["b"], d["d"]
print(list(d))
d["b"] = 0             # a re-inserted key goes to the end
print(list(d))
d["a"] = 100           # updating an existing key keeps its place
print(list(d.items())[:2])
d.update({"c": 1, "z": 2})
print(list(d))
d.setdefault("a", 5)
d.setdefault("y", 5)
print(list(d))
print(d.popitem(), d.popitem(), list(d))
d.pop("a")
d["a"] = 1
print(list(d), list(reversed(d)))
c = d.copy()
print(list(c) == list(d), list(dict(d)) == list(d), list({**d}) == list(d))
# Many deletes then inserts: order is still insertion order
big = {i: i for i in range(50)}
for i in range(0, 50, 2):
    del big[i]
for i in range(100, 90, -1):
    big[i] = i
print(list(big)[:5], list(big)[-5:], len(big))
# keys equal across types keep the first key object
m = {1: "int"}
m[1.0] = "float"
m[True] = "bool"
print(m, type(list(m)[0]).__name__)
del m[1.0]
m[True] = "bool again"
print(m)
# popitem until empty, then the error
p = {"x": 1, "y": 2, "z": 3}
out = []
while p:
    out.append(p.popitem())
print(out, p)
try:
    p.popitem()
except KeyError as e:
    print(type(e).__name__, e)
try:
    {}.pop("missing")
except KeyError as e:
    print(type(e).__name__, e)
# order survives clear and reuse
p.update(b=1, a=2)
p.clear()
p["q"] = 1
p["p"] = 2
print(p)
# equality ignores order, but list() shows it
print({"a": 1, "b": 2} == {"b": 2, "a": 1}, list({"a": 1, "b": 2}) == list({"b": 2, "a": 1}))
