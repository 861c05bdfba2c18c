# In-place operators: __iadd__ and friends, and the fallback to __add__ / __radd__.
class Acc:
    def __init__(self, items):
        self.items = list(items)

    def __iadd__(self, other):
        print("__iadd__")
        self.items.extend(other)
        return self

    def __add__(self, other):
        print("__add__")
        return Acc(self.items + list(other))

    def __isub__(self, other):
        print("__isub__ returns NotImplemented")
        return NotImplemented

    def __sub__(self, other):
        print("__sub__")
        return Acc([x for x in self.items if x not in other])

    def __imul__(self, n):
        print("__imul__ returns None")


a = Acc([1])
alias = a
a += [2, 3]
print(a is alias, a.items)
a = a + [4]
print(a is alias, a.items, alias.items)
b = alias
b -= [1]
print(b is alias, b.items)
c = Acc([0])
c *= 2
print(c)


class OnlyAdd:
    def __init__(self, n):
        self.n = n

    def __add__(self, other):
        print("OnlyAdd.__add__")
        return OnlyAdd(self.n + other)


x = OnlyAdd(1)
y = x
x += 5
print(x is y, x.n, y.n)


class Right:
    def __radd__(self, other):
        print("Right.__radd__", other)
        return "right"


n = 10
n += Right()
print(n)
lst = [1]
keep = lst
lst += (2,)                     # list.__iadd__ mutates in place
print(lst is keep, keep)
t = (1,)
keep = t
t += (2,)                       # tuple has no __iadd__: a new tuple
print(t is keep, t, keep)


class Ops:
    def __init__(self):
        self.log = []

    def _op(name):
        def method(self, other):
            self.log.append(name)
            return self
        return method

    __isub__ = _op("isub")
    __imul__ = _op("imul")
    __itruediv__ = _op("itruediv")
    __ifloordiv__ = _op("ifloordiv")
    __imod__ = _op("imod")
    __ipow__ = _op("ipow")
    __ilshift__ = _op("ilshift")
    __irshift__ = _op("irshift")
    __iand__ = _op("iand")
    __ior__ = _op("ior")
    __ixor__ = _op("ixor")
    __imatmul__ = _op("imatmul")


o = Ops()
o -= 1; o *= 1; o /= 1; o //= 1; o %= 1; o **= 1
o <<= 1; o >>= 1; o &= 1; o |= 1; o ^= 1; o @= 1
print(o.log)
try:
    z = OnlyAdd(0)
    z -= 1
except TypeError as e:
    print("TypeError:", e)
d = {"k": Acc([])}
d["k"] += [7]
print(d["k"].items)
