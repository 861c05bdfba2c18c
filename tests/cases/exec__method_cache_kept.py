# LOAD_METHOD keeps the method in its inline cache (no count held) while no type
# dict changed: a class attribute counter stored in the loop, a method replaced or
# deleted mid-loop, a method function that dies and a new one, __getattribute__
# added to the class, and the reference counts of the methods.
import gc
import sys


class C:
    count = 0

    def m(self):
        return 1

    def n(self):
        C.count += 1
        return C.count


o = C()
f = C.__dict__["m"]
before = sys.getrefcount(f)
acc = 0
for i in range(40):
    acc += o.m() + o.n()
print("counter loop", acc, C.count, sys.getrefcount(f) - before)
del f


def run(obj, k):
    out = []
    for i in range(k):
        out.append(obj.m())
    return out


print("plain", run(o, 20)[-3:])


def other(self):
    return 2


def swap_at(obj, k, at):
    out = []
    for i in range(k):
        if i == at:
            C.m = other
        out.append(obj.m())
    return out


print("replaced", swap_at(o, 30, 20)[18:23])


def drop_at(obj, k, at):
    out = []
    for i in range(k):
        if i == at:
            del C.m
        try:
            out.append(obj.m())
        except AttributeError as e:
            out.append(str(e))
            break
    return out


print("deleted", drop_at(o, 30, 25)[-2:])

# A method that dies (its class goes) and a new class made in its place.
for round_ in range(3):

    class D:
        def m(self, r=round_):
            return r * 10

    d = D()
    print("round", round_, run(d, 20)[-1])
    del D, d
    gc.collect()


class E:
    def m(self):
        return "e"


def hook_at(obj, k, at):
    out = []
    for i in range(k):
        if i == at:
            E.__getattribute__ = lambda self, name: (lambda: "hooked")
        out.append(obj.m())
    return out


print("hook", hook_at(E(), 25, 20)[18:22])


class F:
    def m(self):
        return "f"


class G(F):
    pass


def subclass_at(obj, k, at):
    out = []
    for i in range(k):
        if i == at:
            G.m = lambda self: "g"
        out.append(obj.m())
    return out


print("subclass", subclass_at(G(), 25, 20)[18:22])


class H:
    def m(self):
        return "h"


h = H()
meth = H.__dict__["m"]
base = sys.getrefcount(meth)
res = run(h, 30)
print("refcount", sys.getrefcount(meth) - base, res[-1])
h.m = lambda: "instance"
print("instance attr", run(h, 3))
