# More slots filled or cleared after class creation: attribute access hooks,
# __init__ / __new__, descriptor slots, and special methods set to None.
class A:
    pass


a = A()
A.__setattr__ = lambda self, name, value: object.__setattr__(self, name, value * 2)
a.x = 5
print(a.x)
A.__delattr__ = lambda self, name: print("refusing to delete", name)
del a.x
print(a.x)
A.__getattribute__ = lambda self, name: "intercepted " + name
print(a.x, a.anything)
del A.__getattribute__, A.__setattr__, A.__delattr__
a.y = 1
del a.x
print(a.y, hasattr(a, "x"))
A.__init__ = lambda self, v=0: setattr(self, "v", v)
print(A(7).v)


def new(cls, *args):
    print("new called for", cls.__name__, args)
    return object.__new__(cls)


A.__new__ = new            # a plain function works: the class is passed explicitly
print(A(1).v)
A.__new__ = staticmethod(new)
print(A(2).v)
del A.__new__
# CPython keeps the slot that calls __new__ through the MRO, so object.__new__ now
# sees the extra argument (it would not in a class that never had __new__)
try:
    print(A(3).v)
except TypeError as e:
    print(type(e).__name__, e)
print(A().v)


# A class becomes a descriptor when __get__ is added later
class Desc:
    pass


class Owner:
    d = Desc()


print(type(Owner.d).__name__)
Desc.__get__ = lambda self, obj, objtype=None: ("got", obj is None)
print(Owner.d, Owner().d)
Desc.__set__ = lambda self, obj, value: print("set via descriptor", value)
o = Owner()
o.d = 10
print(o.d, "d" in vars(o))
del Desc.__set__
o.d = 11
print(o.d, vars(o))
# Special methods set to None
class B:
    def __len__(self):
        return 1

    def __iter__(self):
        return iter([1])


b = B()
B.__iter__ = None
try:
    iter(b)
except TypeError as e:
    print(type(e).__name__, e)
B.__len__ = None
try:
    len(b)
except TypeError as e:
    print(type(e).__name__, e)
B.__contains__ = None
try:
    1 in b
except TypeError as e:
    print(type(e).__name__, e)
B.__eq__ = None
try:
    print(b == b)
except TypeError as e:
    print(type(e).__name__, e)
B.__add__ = None
try:
    b + 1
except TypeError as e:
    print(type(e).__name__, e)
B.__bool__ = None
try:
    bool(b)
except TypeError as e:
    print(type(e).__name__, e)
# __init_subclass__ added to a base later applies to later subclasses only
class Root:
    pass


class Early(Root):
    pass


Root.__init_subclass__ = classmethod(lambda cls: print("hook for", cls.__name__))


class Later(Root):
    pass


# __format__ and __index__ late
class C:
    pass


C.__format__ = lambda self, spec: "formatted:" + spec
C.__index__ = lambda self: 2
print(f"{C():abc}", format(C(), "x"), "abc"[C()], bin(C()))
