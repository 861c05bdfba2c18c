# copy: copy, deepcopy with memo, __copy__ / __deepcopy__ / __reduce__ / __reduce_ex__,
# __getstate__ / __setstate__, slots, subclasses of list and dict, recursion.
import copy

a = [1, [2, 3], {"k": [4]}]
b = copy.copy(a)
c = copy.deepcopy(a)
print(b == a, b is a, b[1] is a[1], c[1] is a[1], c[2]["k"] is a[2]["k"], c == a)
t = (1, 2, (3,))
print(copy.copy(t) is t, copy.deepcopy(t) is t)
t2 = (1, [2])
print(copy.deepcopy(t2) is t2, copy.deepcopy(t2) == t2)
d = {"a": {1, 2}, "b": frozenset([3])}
dc = copy.deepcopy(d)
print(dc == d, dc["a"] is d["a"], dc["b"] is d["b"])
for x in (None, 1, 2.5, "s", True, len, copy.copy, int, range(3)):
    print(copy.copy(x) is x, copy.deepcopy(x) is x)

rec = [1]
rec.append(rec)
r2 = copy.deepcopy(rec)
print(r2[1] is r2, r2[1] is not rec)

shared = [0]
pair = [shared, shared]
p2 = copy.deepcopy(pair)
print(p2[0] is p2[1], p2[0] is not shared)

class Point:
    def __init__(self, x, y):
        self.x, self.y = x, y
    def __repr__(self):
        return "Point(%r, %r)" % (self.x, self.y)
p = Point([1], 2)
p_shallow = copy.copy(p)
p_deep = copy.deepcopy(p)
print(p_shallow, p_deep, p_shallow.x is p.x, p_deep.x is p.x, type(p_deep) is Point)

class Slotted:
    __slots__ = ("a", "b")
s = Slotted()
s.a = [1]
s2 = copy.deepcopy(s)
print(s2.a, s2.a is s.a, hasattr(s2, "b"))

class Custom:
    def __init__(self):
        self.log = []
    def __copy__(self):
        print("__copy__ called")
        return "copied"
    def __deepcopy__(self, memo):
        print("__deepcopy__ called", type(memo).__name__)
        return "deep-copied"
print(copy.copy(Custom()), copy.deepcopy(Custom()))

class Reduced:
    def __init__(self, v):
        self.v = v
    def __reduce__(self):
        print("__reduce__ called")
        return (Reduced, (self.v * 10,))
print(copy.copy(Reduced(1)).v, copy.deepcopy(Reduced(2)).v)

class ReducedEx:
    def __init__(self, v):
        self.v = v
    def __reduce_ex__(self, protocol):
        print("__reduce_ex__", protocol)
        return (ReducedEx, (self.v + 1,), {"extra": True})
r = copy.deepcopy(ReducedEx(1))
print(r.v, r.extra)

class Stateful:
    def __init__(self):
        self.data = [1, 2]
    def __getstate__(self):
        print("__getstate__")
        return {"data": self.data, "restored": True}
    def __setstate__(self, state):
        print("__setstate__", sorted(state))
        self.__dict__.update(state)
st = copy.deepcopy(Stateful())
print(st.data, st.restored)

class MyList(list):
    pass
ml = MyList([1, [2]])
ml.attr = "a"
ml2 = copy.deepcopy(ml)
print(type(ml2).__name__, ml2, ml2.attr, ml2[1] is ml[1])
class MyDict(dict):
    pass
md = copy.copy(MyDict(a=1))
print(type(md).__name__, md)

memo = {}
x = [1]
y = copy.deepcopy([x, x], memo)
print(y[0] is memo[id(x)], id(x) in memo)

def gen():
    yield 1
try:
    copy.deepcopy(gen())
except Exception as e:
    print(type(e).__name__, e)
print(copy.Error is copy.error, issubclass(copy.Error, Exception))
print(sorted(copy.__all__))

class Method:
    def m(self):
        return self
bound = Method().m
bm = copy.deepcopy(bound)
print(bm.__self__ is not bound.__self__, type(bm.__self__).__name__)
