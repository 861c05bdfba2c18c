# Attribute lookups stay right when classes change after they were looked up
# (glasspy caches where names are found along MROs).
class A:
    def f(self):
        return "A.f"

    x = 1


class B(A):
    pass


b = B()
for _ in range(3):
    print(b.f(), b.x, B.x)
A.f = lambda self: "new A.f"
print(b.f())
B.f = lambda self: "B.f"
print(b.f(), A().f())
del B.f
print(b.f())
A.x = 2
print(b.x, B.x)
B.x = 3
print(b.x, A.x)
del B.x
print(b.x)
b.x = 4
print(b.x, B.x)
del b.x
print(b.x)

# Hooks added after instances were used.
class C:
    pass


c = C()
c.a = 1
print(c.a, getattr(c, "b", "missing"))
C.__getattr__ = lambda self, name: "hook " + name
print(c.a, c.b)
del C.__getattr__
print(getattr(c, "b", "missing"))
C.__setattr__ = lambda self, name, v: print("set", name, v)
c.z = 5
del C.__setattr__
c.z = 6
print(c.z)


class D(C):
    pass


d = D()
print(getattr(d, "q", "missing"))
C.__getattribute__ = lambda self, name: "ga " + name
print(d.q, d.__class__)
del C.__getattribute__
print(getattr(d, "q", "missing"))

# Special methods added and removed on a base.
class N:
    def __init__(self, v):
        self.v = v


class M(N):
    pass


try:
    print(M(1) + M(2))
except TypeError as e:
    print(e)
N.__add__ = lambda self, o: self.v + o.v
print(M(1) + M(2))
M.__add__ = lambda self, o: self.v * o.v * 10
print(M(3) + M(4), N(3) + N(4))
del N.__add__
print(M(3) + M(4))
try:
    print(N(3) + N(4))
except TypeError as e:
    print(e)
print(len([M(i) for i in range(5)]))
N.__len__ = lambda self: 7
print(len(M(0)))
N.__len__ = lambda self: 8
print(len(M(0)))

# Classes made and freed in a loop, each with its own methods.
out = []
for i in range(50):
    class K:
        def get(self, i=i):
            return i

    out.append(K().get())
print(sum(out))

# A data descriptor added to a class after its instances have dict entries.
class P:
    pass


p = P()
p.v = "instance"
print(p.v)
P.v = property(lambda self: "property")
print(p.v)
del P.v
print(p.v)
