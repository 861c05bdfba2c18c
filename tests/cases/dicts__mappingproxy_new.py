# types.MappingProxyType(mapping): a read-only view of a mapping.
import types
d = {"a": 1}
m = types.MappingProxyType(d)
print(m, repr(m), m["a"], len(m), "a" in m, types.MappingProxyType(m))
d["b"] = 2
print(list(m), m.get("b"), m.copy() == d)
class M:
    def __getitem__(self, k):
        return k * 2
print(types.MappingProxyType(M())["x"])
for args in [(1,), ([],), ((),), (), ({}, {})]:
    try:
        types.MappingProxyType(*args)
    except TypeError as e:
        print("TypeError:", e)
try:
    m["c"] = 3
except TypeError as e:
    print("TypeError:", e)
