# Special methods assigned to a class after it was created take effect at once
# (CPython's update_slot): operators, len, iter, getattr, call, repr, bool, getitem.
class A:
    def __init__(self, v):
        self.v = v


a, b = A(1), A(2)
try:
    a + b
except TypeError as e:
    print(type(e).__name__, e)
A.__add__ = lambda self, other: A(self.v + other.v)
print((a + b).v)
A.__radd__ = lambda self, other: ("radd", other)
print(5 + a)
A.__iadd__ = lambda self, other: "iadd"
c = a
c += b
print(c)
print(a == A(1), a != a)
A.__eq__ = lambda self, other: isinstance(other, A) and self.v == other.v
print(a == A(1), a != A(1), a != a, a == 1)
A.__lt__ = lambda self, other: self.v < other.v
print(a < b, b > a, sorted([b, a, A(0)], key=None)[0].v)
try:
    len(a)
except TypeError as e:
    print(type(e).__name__, e)
A.__len__ = lambda self: 40 + self.v
print(len(a), len(b), bool(A(-40)))
A.__bool__ = lambda self: self.v > 1
print(bool(a), bool(b), "yes" if b else "no", not a)
try:
    iter(a)
except TypeError as e:
    print(type(e).__name__, e)
A.__iter__ = lambda self: iter(range(self.v + 1))
print(list(a), list(b), [x for x in b], 2 in b, 5 in b)
A.__contains__ = lambda self, item: item == "magic"
print(2 in b, "magic" in b)
try:
    a[0]
except TypeError as e:
    print(type(e).__name__, e)
A.__getitem__ = lambda self, key: ("item", key)
print(a[0], a["k"], a[1:2])
A.__setitem__ = lambda self, key, value: print("set", key, value)
a[3] = 4
try:
    a.missing
except AttributeError as e:
    print(type(e).__name__, e)
A.__getattr__ = lambda self, name: "computed " + name
print(a.missing, a.v, getattr(b, "other"))
try:
    a(1)
except TypeError as e:
    print(type(e).__name__, e)
A.__call__ = lambda self, *args: ("called", self.v, args)
print(a(1), b())
print(repr(a).startswith("<__main__.A object at 0x"))
A.__repr__ = lambda self: f"A({self.v})"
print(repr(a), str(b), [a, b], f"{a}")
A.__str__ = lambda self: "str-" + str(self.v)
print(str(a), f"{a}", repr(a))
A.__neg__ = lambda self: A(-self.v)
print(-a)
A.__index__ = lambda self: self.v
print([10, 20, 30][b], hex(b), range(5)[a])
A.__int__ = lambda self: 99
print(int(a))
A.__hash__ = lambda self: 12345
print(hash(a), hash(b), {a: 1}[A(1)])
# A callable that is not a descriptor is found on the class and called without the
# instance
class Counter:
    def __init__(self):
        self.n = 0

    def __call__(self):
        self.n += 1
        return self.n


A.__len__ = Counter()
print(len(a), len(b), len(a))
