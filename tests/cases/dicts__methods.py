# dict methods.
d = {"a": 1, "b": 2}
print(d.get("a"), d.get("z"), d.get("z", 0))
print(list(d.keys()), list(d.values()), list(d.items()))
print(d.setdefault("c", 3), d.setdefault("a", 99), d)
d.update({"d": 4}, e=5)
print(d, d.pop("e"), d.pop("zz", None), d.popitem(), d)
c = d.copy()
c.clear()
print(c, d, dict.fromkeys("ab", 0))
counts = {}
for w in "the cat and the hat and the bat".split():
    counts[w] = counts.get(w, 0) + 1
print(counts)
print(sorted(counts.items(), key=lambda kv: (-kv[1], kv[0])))
