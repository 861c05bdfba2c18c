# A chained comparison used as a condition (if, while, and/or/not, a conditional
# expression): each operand evaluated once, left to right, stopping at the first
# false link; the same outcome as the comparison's value.
log = []


def v(x):
    log.append(x)
    return x


def check(a, b, c):
    out = []
    if v(a) < v(b) <= v(c):
        out.append("if")
    if not v(a) < v(b) <= v(c):
        out.append("not")
    if v(a) < v(b) < v(c) and v(c) > v(a):
        out.append("and")
    if v(a) > v(b) > v(c) or v(a) == v(b) == v(c):
        out.append("or")
    out.append("yes" if v(a) <= v(b) != v(c) else "no")
    out.append(v(a) < v(b) < v(c))
    return out


for args in [(1, 2, 3), (1, 2, 2), (2, 1, 3), (1, 3, 2), (3, 2, 1), (2, 2, 2)]:
    log.clear()
    print(args, check(*args), log)

n = 0
while 0 <= n < 5 != n:
    n += 1
print("while", n)
cells = [0, 1, 1, 1, 0]
c = 1
while 0 <= c < len(cells) and cells[c] == 1:
    c += 1
print("run", c)


class Loud:
    def __init__(self, x):
        self.x = x

    def __lt__(self, other):
        log.append(("lt", self.x, other.x))
        return self.x < other.x

    def __bool__(self):
        raise AssertionError("a comparison's result is tested, not the operands")


log.clear()
if Loud(1) < Loud(2) < Loud(3):
    print("objects", log)
try:
    if 1 < "a" < 3:
        pass
except TypeError as e:
    print("TypeError", e)


class Truthy:
    def __init__(self, t):
        self.t = t

    def __bool__(self):
        log.append(("bool", self.t))
        return self.t


class Odd:
    def __lt__(self, other):
        return Truthy(other == 2)


log.clear()
o = Odd()
print("odd", "yes" if o < 2 < 3 else "no", "yes" if o < 5 < 9 else "no", log)
