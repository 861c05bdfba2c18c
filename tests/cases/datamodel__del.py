# __del__: when finalizers run (refcount zero, del, rebinding, scope exit, cycles).
import gc


class Noisy:
    def __init__(self, name):
        self.name = name

    def __del__(self):
        print("__del__", self.name)


gc.collect()
a = Noisy("a")
b = a
del a
print("after del a (b still refers)")
del b
print("after del b")
x = Noisy("x1")
x = Noisy("x2")                 # rebinding drops x1 after x2 is built
print("rebound")
x = None


def scope():
    local = Noisy("local")
    print("leaving scope")


scope()
print("scope left")
items = [Noisy("first"), Noisy("second"), Noisy("third")]
items = None                    # a list frees its items from the end
print("list dropped")
d = {"k1": Noisy("v1"), "k2": Noisy("v2")}
del d["k1"]
d.clear()
print("dict cleared")
t = (Noisy("t0"), Noisy("t1"))
del t
Noisy("temporary")
print("temporary gone")


class Holder:
    def __init__(self, name, child):
        self.name = name
        self.child = child

    def __del__(self):
        print("__del__ holder", self.name, "child", self.child.name)


h = Holder("outer", Noisy("inner"))
del h                           # the holder first, then what it held
print("holder gone")
gc.disable()
p = Noisy("p")
q = Noisy("q")
p.other = q
q.other = p
del p, q
print("cycle unreachable, nothing printed yet")
print("collected", gc.collect())
r = Noisy("self-loop")
r.me = r
del r
print("collected", gc.collect())
gc.enable()


def two_locals():
    one = Noisy("one")
    two = Noisy("two")
    return "returned"


print(two_locals())               # locals are cleared in order when the frame dies


def give():
    return Noisy("given")


kept = give()
print("kept alive by the caller:", kept.name)
kept = None
print("end")
