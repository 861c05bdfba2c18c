# The special methods of object, type and NoneType (type(None)), grouped by the kind of
# object each type's __dict__ holds for it.
def show(T):
    groups = {}
    for name in sorted(vars(T)):
        if name.startswith("__"):
            groups.setdefault(type(vars(T)[name]).__name__, []).append(name)
    print(T.__name__, sum(len(v) for v in groups.values()), "dunder entries")
    for kind in sorted(groups):
        print("  ", kind, groups[kind])


NoneType = type(None)
for T in (object, type, NoneType):
    show(T)

print(NoneType.__name__, repr(NoneType.__doc__), NoneType.__bool__(None), NoneType.__repr__(None))
print(type(None)() is None)
try:
    NoneType(1)
except TypeError as e:
    print(type(e).__name__, e)
# Plain classes get only what they define, plus the attributes type.__new__ adds.
class A:
    def __len__(self):
        return 3


print(sorted(A.__dict__))
print([name in A.__dict__ for name in ("__len__", "__init__", "__repr__", "__hash__")])
class B:
    def __eq__(self, other):
        return True


print(sorted(B.__dict__), B.__dict__["__hash__"])
