# Specialized forms of calls and operators meeting their guard failing mid-run: a
# class's Python __add__ / __mul__ / __sub__ run as a frame of the eval loop
# (replaced, deleted, returning NotImplemented, a reflected operand, an in-place
# method added later), calls filling defaults (defaults replaced through
# __defaults__, too few arguments), and classes whose __init__ has defaults.
# Each loop runs long enough for its instructions to specialize first.


class V:
    def __init__(self, x):
        self.x = x

    def __add__(self, other):
        if isinstance(other, V):
            return V(self.x + other.x)
        if isinstance(other, (int, float)):
            return V(self.x + other)
        return NotImplemented

    def __mul__(self, k):
        return V(self.x * k)

    def __sub__(self, other):
        return NotImplemented

    def __repr__(self):
        return f"V({self.x})"


class W:
    def __radd__(self, other):
        return "W.__radd__"

    def __add__(self, other):
        return "W.__add__"


class SubV(V):
    def __radd__(self, other):
        return "SubV.__radd__"


def add(a, b):
    return a + b


def add_all(pairs):
    return [add(a, b) for a, b in pairs]


# Same class, a float, a class with __radd__, a subclass with __radd__ (it goes
# first), an int, a str (NotImplemented, then TypeError).
print(add_all([(V(i), V(1)) for i in range(20)])[-3:])
print(add_all([(V(i), 0.5) for i in range(20)])[-3:])
print(add_all([(V(i), W()) for i in range(20)])[-3:])
print(add_all([(V(i), SubV(1)) for i in range(20)])[-3:])
print(add_all([(V(1), 2)] * 20)[-1])
try:
    add(V(1), "s")
except TypeError as e:
    print("TypeError:", e)


def sub_all(xs, y):
    out = []
    for x in xs:
        try:
            out.append(x - y)
        except TypeError as e:
            out.append(str(e))
    return out


print(sub_all([V(i) for i in range(20)], V(0))[-1])
print(sub_all([V(i) for i in range(20)], 3)[-1])


# __add__ replaced, then deleted, while the loop runs.
def replaced():
    out = []
    for i in range(40):
        if i == 15:
            V.__add__ = lambda self, other: "replaced"
        if i == 30:
            del V.__add__
        try:
            out.append(V(1) + V(2))
        except TypeError as e:
            out.append(str(e))
    return out


r = replaced()
print(r[14], r[15], r[29], r[30])


# An in-place method added to the class while `+=` runs.
class Acc:
    def __init__(self):
        self.n = 0

    def __add__(self, other):
        return "Acc.__add__"


def accumulate():
    out = []
    for i in range(30):
        a = Acc()
        a += 1
        out.append(a)
        if i == 15:
            Acc.__iadd__ = lambda self, other: "Acc.__iadd__"
    return out


r = accumulate()
print(r[15], r[16])


# A reflected method set to None is called, as python3 calls it.
class Left:
    def __add__(self, other):
        return NotImplemented


class NoRight:
    __radd__ = None


for i in range(20):
    try:
        Left() + NoRight()
    except TypeError as e:
        err = e
print(err)


# `seq * obj` after both number slots declined, and an error inside __mul__.
class Bad:
    def __mul__(self, other):
        if isinstance(other, list):
            return NotImplemented
        if other == 99:
            raise ValueError("bad operand")
        return other


for i in range(20):
    try:
        Bad() * [1]
    except TypeError as e:
        err = e
print(err)
try:
    for i in range(20):
        Bad() * (98 + i)
except ValueError as e:
    print("ValueError:", e)


# Defaults filled at the call; replaced through __defaults__ mid-run.
def scaled(x, k=2, off=0):
    return x * k + off


def run_scaled():
    out = []
    for i in range(30):
        if i == 15:
            scaled.__defaults__ = (10, 1)
        if i == 20:
            scaled.__defaults__ = (4, 2)
        out.append(scaled(i))
        out.append(scaled(i, 3))
    return out


print(run_scaled()[26:34])
scaled.__defaults__ = (5,)
try:
    scaled(1)
except TypeError as e:
    print("TypeError:", e)
print(scaled(1, 2))
scaled.__defaults__ = None
try:
    scaled(1)
except TypeError as e:
    print("TypeError:", e)


# A class whose __init__ has defaults, called with fewer arguments; its defaults
# replaced, then a __new__ added.
class Var:
    def __init__(self, name, value=0.0, tags=()):
        self.name = name
        self.value = value
        self.tags = tags


def make(n):
    return [Var(f"v{i}") for i in range(n)]


vs = make(20)
print(vs[-1].name, vs[-1].value, vs[-1].tags)
Var.__init__.__defaults__ = (1.5, ("t",))
vs = make(20)
print(vs[-1].name, vs[-1].value, vs[-1].tags)
Var.__new__ = lambda cls, *args: object.__new__(cls)
vs = make(20)
print(vs[-1].name, vs[-1].value, type(vs[-1]).__name__)
try:
    Var()
except TypeError as e:
    print("TypeError:", e)
