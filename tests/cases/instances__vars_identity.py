# obj.__dict__ and vars(obj): one object, made on first use; assigning and deleting
# __dict__; sizes of instances and of their dicts.
import sys


class P:
    def __init__(self):
        self.x = 1
        self.y = 2


p = P()
print("instance:", sys.getsizeof(p))
d = p.__dict__
print(vars(p) is d, p.__dict__ is d, type(d).__name__, d)
print("instance after materialising:", sys.getsizeof(p), "dict:", sys.getsizeof(d))
p.z = 3
print(d, "z" in d, sys.getsizeof(d))
d["w"] = 4
print(p.w, vars(p) is d)
del p.x
print(d, hasattr(p, "x"))
d.clear()
print(vars(p), hasattr(p, "y"))
new = {"a": 1}
p.__dict__ = new
print(p.__dict__ is new, p.a, vars(p) is new, sys.getsizeof(p.__dict__))
p.b = 2
print(new, sys.getsizeof(new))
del p.__dict__
print(vars(p), sys.getsizeof(vars(p)), vars(p) is new)
try:
    p.__dict__ = 5
except TypeError as e:
    print(type(e).__name__, e)
try:
    p.__dict__ = None
except TypeError as e:
    print(type(e).__name__, e)


class MyDict(dict):
    pass


p.__dict__ = MyDict(k=1)
print(type(p.__dict__).__name__, p.k)
for bad in (1, "s", [1], object()):
    try:
        vars(bad)
    except TypeError as e:
        print(type(bad).__name__, type(e).__name__, e)


class S:
    __slots__ = ("a",)


try:
    vars(S())
except TypeError as e:
    print(type(e).__name__, e)


class SD:
    __slots__ = ("a", "__dict__")


sd = SD()
sd.a = 1
sd.b = 2
print(vars(sd), sys.getsizeof(sd), sys.getsizeof(sd.__dict__))
# vars() of a class and a module-like object
print(type(vars(P)).__name__, vars(P) is P.__dict__ or "not the same object", vars(P) == P.__dict__)


class Q:
    pass


q1, q2 = Q(), Q()
q1.same = q2.same = 0
print(vars(q1) == vars(q2), vars(q1) is vars(q2), sys.getsizeof(vars(q1)), sys.getsizeof(vars(q2)))
print("sizes of instances:", sys.getsizeof(Q()), sys.getsizeof(S()), sys.getsizeof(SD()),
      sys.getsizeof(object()))
