# type's own __dict__ entries grouped by kind (object's and NoneType's are in
# tests/cases/classes__slot_dicts_object.py). Pending: type's layout members
# (__basicsize__, __itemsize__, __flags__, __dictoffset__, __weakrefoffset__), its
# getset descriptors and __init__ as a wrapper_descriptor.
def show(T):
    groups = {}
    for name in sorted(vars(T)):
        if name.startswith("__"):
            groups.setdefault(type(vars(T)[name]).__name__, []).append(name)
    print(T.__name__, sum(len(v) for v in groups.values()), "dunder entries")
    for kind in sorted(groups):
        print("  ", kind, groups[kind])


show(type)
