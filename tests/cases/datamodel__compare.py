# Rich comparisons: reflection, NotImplemented, __ne__ from __eq__, __hash__ = None.
class V:
    trace = True                # the trace is switched off while sorting

    def __init__(self, n):
        self.n = n

    def __eq__(self, other):
        if V.trace:
            print(f"V({self.n}).__eq__")
        if not isinstance(other, V):
            return NotImplemented
        return self.n == other.n

    def __lt__(self, other):
        if V.trace:
            print(f"V({self.n}).__lt__")
        if not isinstance(other, V):
            return NotImplemented
        return self.n < other.n

    def __le__(self, other):
        if V.trace:
            print(f"V({self.n}).__le__")
        return NotImplemented


a, b = V(1), V(2)
print(a == V(1), a != V(1), a != b)
print(a < b, b > a)             # b > a is reflected to a.__lt__(b)
print(a == 1, 1 == a, a != "x")  # NotImplemented both ways: identity fallback
print(a == a, [a] == [a], a in [V(5), V(1)])
try:
    a <= b
except TypeError as e:
    print("TypeError:", e)
try:
    a < 3
except TypeError as e:
    print("TypeError:", e)
print(V.__hash__ is None)
try:
    hash(a)
except TypeError as e:
    print("TypeError:", e)
try:
    {a}
except TypeError as e:
    print("TypeError:", e)
V.trace = False
print(sorted([V(3), V(1), V(2)], key=lambda v: v.n)[0].n)
print([v.n for v in sorted([V(3), V(1), V(2)])])
V.trace = True
print(max(V(4), V(9)).n, min([V(4), V(9)]).n)


class Sub(V):
    def __eq__(self, other):
        print(f"Sub({self.n}).__eq__")
        return True


print(V(1) == Sub(2))           # a subclass's reflected method goes first


class Plain:
    pass


p, q = Plain(), Plain()
print(p == q, p == p, p != q, hash(p) == hash(p))
try:
    p < q
except TypeError as e:
    print("TypeError:", e)


class NeOnly:
    def __ne__(self, other):
        return "ne called"


print(NeOnly() != 1, NeOnly() == 1, type(hash(NeOnly())).__name__)


class Chain:
    def __init__(self, n):
        self.n = n

    def __lt__(self, other):
        print(f"{self.n} < {other.n}")
        return self.n < other.n


print(Chain(1) < Chain(2) < Chain(3), Chain(3) < Chain(2) < Chain(1))
