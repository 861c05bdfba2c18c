# Which special methods str, list, tuple, dict, set, frozenset, range and slice define
# in their own __dict__, grouped by the kind of object the dict holds.
def show(T):
    groups = {}
    for name in sorted(vars(T)):
        if name.startswith("__"):
            groups.setdefault(type(vars(T)[name]).__name__, []).append(name)
    print(T.__name__, sum(len(v) for v in groups.values()), "dunder entries")
    for kind in sorted(groups):
        print("  ", kind, groups[kind])


for T in (str, list, tuple, dict, set, frozenset, range, slice):
    show(T)

# Unhashable containers store None for __hash__ in their own dict.
for T in (list, dict, set, slice, tuple, frozenset, range):
    print(T.__name__, "__hash__" in T.__dict__, T.__dict__.get("__hash__", "inherited") is None)
print([name in list.__dict__ for name in ("__len__", "__getitem__", "__iter__", "__reversed__",
                                          "__sizeof__", "__contains__", "__iadd__", "__bool__")])
print([name in dict.__dict__ for name in ("__len__", "__getitem__", "__iter__", "__reversed__",
                                          "__or__", "__ior__", "__ror__", "__missing__")])
