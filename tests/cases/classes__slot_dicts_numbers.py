# Which special methods int, float and bool define in their own __dict__, grouped by
# the kind of object the dict holds (slot wrappers, method descriptors, ...).
def show(T):
    groups = {}
    for name in sorted(vars(T)):
        if name.startswith("__"):
            groups.setdefault(type(vars(T)[name]).__name__, []).append(name)
    print(T.__name__, len(groups), "kinds")
    for kind in sorted(groups):
        print("  ", kind, groups[kind])


for T in (int, float, bool):
    show(T)

for name in ("__abs__", "__index__", "__sizeof__", "__hash__", "__bool__", "__int__",
             "__float__", "__round__", "__len__", "__iter__", "__getitem__"):
    print(name, [name in T.__dict__ for T in (int, float, bool)])
# bool inherits almost everything from int
print(bool.__abs__ is int.__abs__, bool.__dict__.get("__add__"), bool.__add__ is int.__add__)
print(int.__dict__["__add__"] is int.__add__, type(int.__add__).__name__)
print(float.__hash__ is float.__dict__["__hash__"], int.__hash__ is object.__hash__)
