# LOAD_METHOD on an instance whose __dict__ is a dict of its own (a subclass of a
# built-in type, or an instance whose dict was asked for): python3 3.11 specializes
# it as LOAD_METHOD_WITH_DICT. The method must still give way to a same-named entry
# put into the instance's dict later, to a replaced __dict__, and to a class change.
import dis
import random


def specialized(f):
    return [i.opname for i in dis.get_instructions(f, adaptive=True)
            if i.opname.startswith("LOAD_METHOD")]


def f(o):
    return o.randrange(10)


r = random.Random(3)
print([f(r) for i in range(40)])
print("random", specialized(f))

r.randrange = lambda n: -n
print("shadowed", [f(r) for i in range(3)])
del r.randrange
print("unshadowed", [f(r) for i in range(3)])


class D(dict):
    pass


r.__dict__ = D(x=1)
print("dict subclass", [f(r) for i in range(3)])
r.__dict__[5] = 1
print("int key", [f(r) for i in range(3)])
r.__dict__["randrange"] = lambda n: "d"
print("shadowed again", [f(r) for i in range(3)])


class R(random.Random):
    pass


s = R(4)
s.z = 1
print("two classes", [f(s) for i in range(12)], [f(r) for i in range(3)])
R.randrange = lambda self, n: "R"
print("class changed", [f(s) for i in range(3)])


class L(list):
    def m(self):
        return len(self)


def g(o):
    return o.m()


lst = L([1, 2])
lst.y = 2
print([g(lst) for i in range(40)][-1], "list subclass", specialized(g))
lst.m = lambda: "own"
print("list subclass shadowed", g(lst))


class P:
    def m(self):
        return "class"


def h(o):
    return o.m()


p = P()
p.__dict__
p.q = 1
print([h(p) for i in range(40)][-1], "dict made", specialized(h))
p.__dict__["m"] = lambda: "own"
print("dict made shadowed", h(p))
