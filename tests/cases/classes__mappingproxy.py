# A class's __dict__ is a read-only mappingproxy over the class namespace.
class C:
    """doc"""
    x = 1

    def f(self):
        return 2


d = C.__dict__
print(type(d).__name__, type(d) is type(int.__dict__), repr(d).startswith("mappingproxy({"))
print(list(d.keys()))
print(d["x"], d.get("missing", "default"), "f" in d, "g" in d, len(d))
print(sorted(d)[:3], type(d.copy()).__name__, sorted(d.copy()) == sorted(d))
def setitem():
    d["x"] = 1


def delitem():
    del d["x"]


for label, op in (("d['x'] = 1", setitem), ("del d['x']", delitem),
                  ("d.pop('x')", lambda: d.pop("x")), ("d.clear()", lambda: d.clear()),
                  ("d.update(y=1)", lambda: d.update(y=1)),
                  ("d.setdefault('y', 1)", lambda: d.setdefault("y", 1)),
                  ("d.popitem()", lambda: d.popitem())):
    try:
        op()
    except (TypeError, AttributeError) as e:
        print(label, "->", type(e).__name__, e)
print(d["x"], len(d))
# The proxy is live
C.y = 5
print("y" in d, d["y"], list(d)[-1])
del C.y
print("y" in d)
try:
    d["y"]
except KeyError as e:
    print(type(e).__name__, e)
# Views and iteration
print(list(d.values())[list(d).index("x")], ("x", 1) in d.items(), type(d.keys()).__name__)
print(d == dict(d), d != {}, dict(d) == d.copy())
print(d | {"extra": 1} == {**d, "extra": 1}, type(d | {}).__name__)
try:
    d |= {"z": 1}
except TypeError as e:
    print(type(e).__name__, e)
print(type(d).__name__, "z" in d)
print(reversed(d).__class__.__name__, list(reversed(d))[0])
# int.__dict__ too
print(type(int.__dict__).__name__, "__add__" in int.__dict__, len(int.__dict__) > 50)
try:
    int.__dict__["foo"] = 1
except TypeError as e:
    print(type(e).__name__, e)
try:
    hash(C.__dict__)
except TypeError as e:
    print(type(e).__name__, e)
# mappingproxy is also a type you can call
mp = type(C.__dict__)({"a": 1})
print(repr(mp), mp["a"], len(mp))
try:
    type(C.__dict__)([1, 2])
except TypeError as e:
    print(type(e).__name__, e)
try:
    type(C.__dict__)()
except TypeError as e:
    print(type(e).__name__, e)


class Empty:
    pass


print(list(Empty.__dict__))


class WithSlots:
    __slots__ = ("a", "b")


print(list(WithSlots.__dict__), type(WithSlots.__dict__["a"]).__name__)


class Sub(C):
    z = 3


print(list(Sub.__dict__), "x" in Sub.__dict__)
print(str(mp), mp.__class__.__name__)
# uncaught
C.__dict__["x"] = 10
