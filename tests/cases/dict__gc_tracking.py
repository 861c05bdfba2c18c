# When the collector tracks a dict: only once it may hold a container (a tuple counts
# only while the tuple itself is tracked). Untracked dicts of atomic values stay
# untracked through copies; deleting the container does not untrack the dict, a
# collection does.
import gc

gc.collect()      # untracks the constant tuples of this module (compiled before it ran)
one = int("1")


class K:
    pass


cases = [
    ("{}", {}),
    ("{'a': 1}", {"a": 1}),
    ("{'a': 'x', 1: 2.5, None: True}", {"a": "x", 1: 2.5, None: True}),
    ("{'a': []}", {"a": []}),
    ("{'a': ()}", {"a": ()}),
    ("{'a': (1, 2)}", {"a": (1, 2)}),
    ("{'a': (one, 2)} runtime tuple", {"a": (one, 2)}),
    ("{(one, 2): 1} runtime tuple key", {(one, 2): 1}),
    ("{'a': {}}", {"a": {}}),
    ("{'a': frozenset()}", {"a": frozenset()}),
    ("{'a': len} builtin function", {"a": len}),
    ("{'a': int} a static type", {"a": int}),
    ("{'a': K} a class", {"a": K}),
    ("{'a': K()} an instance", {"a": K()}),
    ("{'a': object()}", {"a": object()}),
    ("dict(a=1)", dict(a=1)),
    ("dict.fromkeys('ab')", dict.fromkeys("ab")),
    ("dict.fromkeys('ab', [])", dict.fromkeys("ab", [])),
    ("{i: i for i in range(3)}", {i: i for i in range(3)}),
    ("{i: [i] for i in range(3)}", {i: [i] for i in range(3)}),
]
for label, d in cases:
    print(label, gc.is_tracked(d))
d = {"x": 1}
print("start", gc.is_tracked(d))
d["y"] = "s"
print("after str value", gc.is_tracked(d))
d["z"] = [1]
print("after list value", gc.is_tracked(d))
del d["z"]
print("after deleting it", gc.is_tracked(d))
gc.collect()
print("after a collection", gc.is_tracked(d))
e = {"x": 1}
print("copy of untracked", gc.is_tracked(e.copy()), "dict()", gc.is_tracked(dict(e)), "{**}", gc.is_tracked({**e}))
f = {"x": []}
print("copy of tracked", gc.is_tracked(f.copy()), gc.is_tracked(dict(f)))
g = {}
g.update({"k": 1})
print("update with atomics", gc.is_tracked(g))
g.update(k2=[])
print("update with a list", gc.is_tracked(g))
h = {}
h.setdefault("k", [])
print("setdefault with a list", gc.is_tracked(h))
t = (one, 2)
print("runtime tuple before collect", gc.is_tracked(t))
holder = {"t": t}
print("dict holding it", gc.is_tracked(holder))
gc.collect()
print("tuple after collect", gc.is_tracked(t), "dict after collect", gc.is_tracked(holder))
print("dict created holding the untracked tuple", gc.is_tracked({"t": t}))
cleared = {"a": []}
cleared.clear()
print("cleared tracked dict", gc.is_tracked(cleared))
print("popitem to empty", gc.is_tracked(({"a": []}.popitem(), {})[1]))
print(gc.is_tracked({}.keys()), gc.is_tracked(iter({})), gc.is_tracked({1: 2}.items()))
