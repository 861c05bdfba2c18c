# keys(), values() and items() views: repr, len, membership, reversal, dynamism and
# the mapping attribute.
d = {"a": 1, "b": 2, "c": 3}
k, v, i = d.keys(), d.values(), d.items()
print(k, v, i)
print(type(k).__name__, type(v).__name__, type(i).__name__)
print(len(k), len(v), len(i), "a" in k, 2 in v, ("b", 2) in i, ("b", 3) in i, "b" in i)
print(list(reversed(k)), list(reversed(v)), list(reversed(i)))
print(type(reversed(k)).__name__, type(reversed(v)).__name__, type(reversed(i)).__name__)
print(type(iter(k)).__name__, type(iter(v)).__name__, type(iter(i)).__name__)
d["d"] = 4
del d["a"]
print(k, v, i, len(k))          # views follow the dict
print(k.mapping, type(k.mapping).__name__, k.mapping == d)
try:
    k.mapping["z"] = 1
except TypeError as e:
    print(type(e).__name__, e)
print({}.keys(), {}.values(), {}.items(), list(reversed({}.items())))
nested = {"x": [1, 2], "y": {"z": ()}}
print(nested.items(), nested.values())
r = {}
r["self"] = r.keys()
print(r)
# unhashable members
print([1] in {"a": [1]}.values(), ("a", [1]) in {"a": [1]}.items())
try:
    [1] in {}.keys()
except TypeError as e:
    print(type(e).__name__, e)
# equality
print(d.keys() == {"b", "c", "d"}, d.keys() == ["b", "c", "d"], d.items() == {("b", 2), ("c", 3), ("d", 4)})
print(d.values() == d.values(), v == v, list(v) == list(d.values()))
try:
    hash(d.keys())
except TypeError as e:
    print(type(e).__name__, e)
# views are not subscriptable
try:
    d.keys()[0]
except TypeError as e:
    print(type(e).__name__, e)
# iterators over views: length hint and exhaustion
it = iter(d.items())
print(it.__length_hint__(), next(it), it.__length_hint__(), list(it), list(it))
ks = iter({1: 1, 2: 2}.keys())
print(next(ks), next(ks), next(ks, "done"))
# a view's iterator shares the dict's mutation check
vd = {1: 1}
vi = iter(vd.values())
vd[2] = 2
try:
    next(vi)
except RuntimeError as e:
    print(type(e).__name__, e)
# views of a dict subclass
class D(dict):
    pass


dd = D(a=1)
print(dd.keys(), dd.items(), type(dd.keys()).__name__, dd.keys().mapping)
