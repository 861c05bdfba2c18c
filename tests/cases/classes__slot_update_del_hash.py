# __del__ and __hash__ assigned or removed after the class exists.
import gc


class A:
    pass


a1 = A()
A.__del__ = lambda self: print("A.__del__ for", self.name)
a1.name = "a1 (created before the assignment)"
a2 = A()
a2.name = "a2"
del a1
print("after del a1")
del a2
print("after del a2")
del A.__del__
a3 = A()
a3.name = "a3"
del a3
print("after del a3 (no __del__ any more)")


class Base:
    pass


class Sub(Base):
    pass


s = Sub()
Base.__del__ = lambda self: print("Base.__del__ via", type(self).__name__)
del s
print("after del s")
# In a cycle: the collector calls the later-added __del__ once
x, y = Sub(), Sub()
x.peer, y.peer = y, x
del x, y
print("collected", gc.collect())
del Base.__del__


class K:
    def __init__(self, v):
        self.v = v


k = K(1)
print(type(hash(k)).__name__)
K.__hash__ = None
try:
    hash(k)
except TypeError as e:
    print(type(e).__name__, e)
try:
    {k}
except TypeError as e:
    print(type(e).__name__, e)
K.__hash__ = lambda self: self.v * 1000
print(hash(k), hash(K(2)))
K.__eq__ = lambda self, other: self.v == other.v
print({K(1): "one"}[K(1)], K.__hash__(K(3)))
del K.__hash__
print(type(hash(k)).__name__, hash(k) == object.__hash__(k))
# __hash__ returning a non-int
K.__hash__ = lambda self: "nope"
try:
    hash(k)
except TypeError as e:
    print(type(e).__name__, e)
K.__hash__ = lambda self: 2**70
print(hash(k) == hash(2**70))
