# Slot updates on a base class reach subclasses created before the assignment unless
# they define the method themselves; deleting an override restores the inherited one.
class Base:
    pass


class Mid(Base):
    pass


class Leaf(Mid):
    pass


class Own(Base):
    def __add__(self, other):
        return "Own.__add__"


Base.__add__ = lambda self, other: "Base.__add__"
print(Base() + 1, Mid() + 1, Leaf() + 1, Own() + 1)
Mid.__add__ = lambda self, other: "Mid.__add__"
print(Base() + 1, Mid() + 1, Leaf() + 1)
del Mid.__add__
print(Base() + 1, Mid() + 1, Leaf() + 1)
del Base.__add__
for cls in (Base, Mid, Leaf):
    try:
        cls() + 1
    except TypeError as e:
        print(type(e).__name__, e)
print(Own() + 1)
try:
    del Leaf.__add__
except AttributeError as e:
    print(type(e).__name__, e)
# len / repr / getitem added on the base later
Base.__len__ = lambda self: 7
Base.__repr__ = lambda self: type(self).__name__ + "!"
print(len(Leaf()), repr(Leaf()), [Mid(), Own()])
Leaf.__len__ = lambda self: 8
print(len(Leaf()), len(Mid()))
del Leaf.__len__
print(len(Leaf()))
Base.__getitem__ = lambda self, i: i * 2
print(Leaf()[21])
# Deleting an override that shadowed a built-in base's slot goes back to the built-in
class MyList(list):
    def __len__(self):
        return 100


m = MyList([1, 2, 3])
print(len(m))
del MyList.__len__
print(len(m))
MyList.__len__ = lambda self: -1 + 2
print(len(m))
MyList.__getitem__ = lambda self, i: "custom"
print(m[0], list.__getitem__(m, 0))
del MyList.__getitem__
print(m[0])


class MyInt(int):
    pass


MyInt.__add__ = lambda self, other: "MyInt add"
print(MyInt(1) + 2, 2 + MyInt(1), int(MyInt(5)) + 1)
MyInt.__radd__ = lambda self, other: "MyInt radd"
print(2 + MyInt(1))
del MyInt.__add__, MyInt.__radd__
print(MyInt(1) + 2, type(MyInt(1) + 2).__name__)
# An __eq__ set later on a base keeps subclasses hashable (only a class body's __eq__
# sets __hash__ to None)
class H:
    pass


class HSub(H):
    pass


H.__eq__ = lambda self, other: True
print(H.__dict__.get("__hash__", "no __hash__ entry"), type(hash(HSub())).__name__, H() == 3)
# The multiple-inheritance case: the MRO decides after an update
class X:
    def __repr__(self):
        return "X"


class Y:
    pass


class Z(Y, X):
    pass


print(repr(Z()))
Y.__repr__ = lambda self: "Y"
print(repr(Z()))
del Y.__repr__
print(repr(Z()))
