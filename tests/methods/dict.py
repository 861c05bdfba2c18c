# dict methods and views (expected output: dict.expected, made by regen.py with python3)
d = {"a": 1}
print(d.get("a"), d.get("b"), d.get("b", 0), d.setdefault("c", 3), d.setdefault("a", 9), d.setdefault("n"), d)
d.update({"d": 4}, e=5)
d.update([("f", 6), ["g", 7], "hi"])
d.update(a=10)
d.update()
print(d)
print(d.pop("a"), d.pop("zz", None), d.popitem(), d.popitem(), d)
k = d.keys()
v = d.values()
i = d.items()
print(k, v, i, len(k), len(v), len(i))
print("c" in k, "zz" in k, ("c", 3) in i, ("c", 4) in i, "c" in i, 3 in v, 99 in v)
d["new"] = 1
print(k, list(v), list(i))
for key in d.keys():
    print(key, end=" ")
print()
for key, val in d.items():
    print(key, val, end="; ")
print()
for val in d.values():
    print(val, end=" ")
print()
print(not {}.keys(), not k, {}.items())
print(dict.fromkeys("ab", 0), dict.fromkeys([1, 2]), {}.fromkeys("xy", []))
c = d.copy()
c["x"] = 0
print(c, d, c is d)
c.clear()
print(c, len(c))
n = {1: {2: 3}}
print(n.items(), {(1, 2): "t"}.keys())
dd = {}
dd.update({1: 1}.items())
print(dd)
