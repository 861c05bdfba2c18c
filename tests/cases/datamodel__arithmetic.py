# Binary operators: forward, reflected, NotImplemented, subclass priority, errors.
class Vec:
    def __init__(self, x, y):
        self.x, self.y = x, y

    def __repr__(self):
        return f"Vec({self.x}, {self.y})"

    def __add__(self, other):
        print("Vec.__add__", other)
        if isinstance(other, Vec):
            return Vec(self.x + other.x, self.y + other.y)
        return NotImplemented

    def __radd__(self, other):
        print("Vec.__radd__", other)
        if other == 0:
            return self
        return NotImplemented

    def __mul__(self, k):
        if isinstance(k, (int, float)):
            return Vec(self.x * k, self.y * k)
        return NotImplemented

    __rmul__ = __mul__

    def __sub__(self, o):
        return Vec(self.x - o.x, self.y - o.y)

    def __truediv__(self, k):
        return Vec(self.x / k, self.y / k)

    def __floordiv__(self, k):
        return Vec(self.x // k, self.y // k)

    def __mod__(self, k):
        return Vec(self.x % k, self.y % k)

    def __pow__(self, k):
        return Vec(self.x ** k, self.y ** k)

    def __matmul__(self, o):
        return self.x * o.x + self.y * o.y

    def __and__(self, o):
        return "and"

    def __or__(self, o):
        return "or"

    def __xor__(self, o):
        return "xor"

    def __lshift__(self, n):
        return "lshift " + str(n)

    def __rshift__(self, n):
        return "rshift " + str(n)

    def __rpow__(self, base):
        return "rpow " + str(base)


a, b = Vec(1, 2), Vec(3, 4)
print(a + b)
print(a * 3, 2 * a, a - b, b / 2, b // 2, b % 2, a ** 2, a @ b)
print(a & b, a | b, a ^ b, a << 1, a >> 2, 2 ** a)
print(sum([a, b]))              # 0 + a uses Vec.__radd__
for expr in ("a + 1", "1 + a", "a * a", "'s' * a", "a - 1", "-a", "a < b"):
    try:
        if expr == "a + 1":
            a + 1
        elif expr == "1 + a":
            1 + a
        elif expr == "a * a":
            a * a
        elif expr == "'s' * a":
            "s" * a
        elif expr == "a - 1":
            a - 1
        elif expr == "-a":
            -a
        else:
            a < b
    except (TypeError, AttributeError) as e:
        print(expr, "->", type(e).__name__ + ":", e)


class Base:
    def __add__(self, other):
        print("Base.__add__")
        return "base"

    def __radd__(self, other):
        print("Base.__radd__")
        return "base r"


class Derived(Base):
    def __radd__(self, other):
        print("Derived.__radd__")
        return "derived r"


print(Base() + Derived())       # the subclass's reflected method is tried first
print(Derived() + Base(), 5 + Base())
try:
    Base() - Derived()
except TypeError as e:
    print("TypeError:", e)
try:
    None + Base() - 1
except TypeError as e:
    print("TypeError:", e)
