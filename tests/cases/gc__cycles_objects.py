# Cycles through instances, bound methods, closures and classes; gc.collect() counts.
import gc

gc.collect()
gc.disable()                    # only explicit collections below


class Node:
    def __init__(self, name):
        self.name = name

    def method(self):
        return self.name


print("nothing to collect:", gc.collect())
a, b = Node("a"), Node("b")
a.other, b.other = b, a
del a, b
print("two plain instances:", gc.collect())
a, b = Node("a"), Node("b")
a.other, b.other = b, a
print(len(a.__dict__), len(b.__dict__))   # materialises both __dict__s
del a, b
print("two instances with __dict__:", gc.collect())
pairs = []
for i in range(10):
    x, y = Node(i), Node(-i)
    x.peer, y.peer = y, x
    pairs.append(x)
del x, y
print("still reachable from a list:", gc.collect())
pairs = None
print("ten pairs after the list went away:", gc.collect())
n = Node("bound")
n.callback = n.method           # instance -> bound method -> instance
del n
print("instance and its bound method:", gc.collect())


def make_closure():
    node = Node("closure")

    def get():
        return node
    node.getter = get           # instance -> function -> cell -> instance
    return get


g = make_closure()
print(g().name)
del g
print("instance, function, cell, closure tuple:", gc.collect())


def recursive():
    def inner(k):
        return k if k < 1 else inner(k - 1)
    return inner(3)


print(recursive(), "recursive inner function:", gc.collect())


class Selfish:
    pass


Selfish.me = Selfish
del Selfish
# type, its __dict__, __mro__ and __bases__ tuples, __dict__/__weakref__ getsets
print("a class referring to itself:", gc.collect())


def make_local_class():
    class Local:
        pass
    return Local()


obj = make_local_class()
print(type(obj).__name__)
del obj
print("a local class and its instance:", gc.collect())


class Final:
    def __init__(self, name):
        self.name = name

    def __del__(self):
        print("finalizing", self.name)


f1, f2 = Final("f1"), Final("f2")
f1.ref, f2.ref = f2, f1
del f1, f2
print("two instances with __del__:", gc.collect(), gc.garbage)
class Box:
    pass


lst = []
holder = Box()
holder.items = lst
lst.append(holder)
del lst, holder
print("list <-> instance:", gc.collect())
gc.enable()
print("final:", gc.collect())
