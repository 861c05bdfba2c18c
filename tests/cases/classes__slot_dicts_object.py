# The special methods of object and NoneType (type(None)), grouped by the kind of
# object each type's __dict__ holds for it (type's own entries are in
# tests/pending/classes__slot_dicts_object_type.py until its layout members exist).
def show(T):
    groups = {}
    for name in sorted(vars(T)):
        if name.startswith("__"):
            groups.setdefault(type(vars(T)[name]).__name__, []).append(name)
    print(T.__name__, sum(len(v) for v in groups.values()), "dunder entries")
    for kind in sorted(groups):
        print("  ", kind, groups[kind])


NoneType = type(None)
for T in (object, NoneType):
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
# object's reduction methods and __dir__ as copy and dir use them.
class P:
    def __init__(self):
        self.x = 1


class Q:
    __slots__ = ("a", "b")


p = P()
print(p.__getstate__() is p.__dict__, P().__reduce__()[1], p.__reduce_ex__(2)[1:])
print(object().__reduce_ex__(4)[1:], object().__getstate__())
q = Q()
print(q.__getstate__())
q.a = 5
print(q.__getstate__(), q.__reduce_ex__(4)[1:3])
try:
    q.__reduce__()
except TypeError as e:
    print(type(e).__name__, e)
print(sorted(object.__dir__(p)) == dir(p), "x" in object.__dir__(p))
class WithDir:
    def __dir__(self):
        return ["zeta", "alpha"]


print(dir(WithDir()))
