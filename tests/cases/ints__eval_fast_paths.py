# The eval loop's int and float shortcuts (general BINARY_OP on exact ints, COMPARE_OP
# on exact ints and floats whose result is not jumped on, unary minus), run in loops
# long enough to quicken, at the digit and machine-word edges, with bools, subclasses,
# nan and inf, and the errors the general path raises.
import sys


class I(int):
    def __neg__(self):
        return "I.neg"

    def __lshift__(self, o):
        return "I.lshift"

    def __lt__(self, o):
        return "I.lt"


class F(float):
    def __neg__(self):
        return "F.neg"

    def __le__(self, o):
        return "F.le"


EDGES = [0, 1, -1, 5, -5, 256, 257, -6, 2**30 - 1, 2**30, -(2**30), 2**31, 2**60 - 1,
         2**60, -(2**60), 2**62, 2**63 - 1, -(2**63), 2**63, 2**64, -(2**64) - 1]


def shifts():
    out = []
    for x in EDGES:
        for y in (0, 1, 2, 13, 17, 29, 30, 31, 32, 61, 62, 63, 64, 65, 200):
            out.append((x << y, x >> y))
    return out


def bitops():
    out = []
    for x in EDGES:
        for y in EDGES:
            out.append((x & y, x | y, x ^ y))
            if y:
                out.append((x % y, x // y))
    return out


def negs():
    out = []
    for x in EDGES + [True, False, I(7), 0.0, -0.0, 1.5, float("inf"), float("nan"), F(2.0)]:
        out.append(repr(-x))
    return out


def chained(values):
    out = []
    for x in values:
        for y in values:
            out.append((x < y, x <= y, x == y, x != y, x > y, x >= y, 0 <= x < y))
    return out


def xorshift(n):
    x = 2463534242
    acc = 0
    for _ in range(n):
        x ^= (x << 13) & 0xFFFFFFFF
        x ^= x >> 17
        x ^= (x << 5) & 0xFFFFFFFF
        acc = (acc + x) % 1000003
    return x, acc


for _ in range(3):
    s = shifts()
print(len(s), s[:4], s[-4:])
print(hash(tuple(s)) == hash(tuple(shifts())))
print(sum(a for a, b in s) % 1000007, sum(b for a, b in s) % 1000007)

for _ in range(3):
    b = bitops()
print(len(b), sum(t[0] for t in b) % 1000007, sum(t[-1] for t in b) % 1000007)

print(negs())
n = negs()
print([type(v) for v in (-True, -False, -(2**63), -(-(2**63)))])
print(-(-(2**63)) == 2**63, -(2**63 - 1) - 1 == -(2**63))

ints = [0, 1, -1, 2**30 - 1, 2**30, -(2**30), 2**63 - 1, -(2**63), 2**63, True, False]
for _ in range(3):
    r = chained(ints)
print(len(r), sum(sum(t) for t in r))
floats = [0.0, -0.0, 1.5, -1.5, float("inf"), float("-inf"), float("nan"), 1e308, 5e-324]
for _ in range(3):
    r = chained(floats)
print(len(r), sum(sum(t) for t in r))
nan = float("nan")
print(nan < nan, nan <= nan, nan == nan, nan != nan, nan > nan, nan >= nan)
mixed = [1, 1.0, True, 2**53, float(2**53), 2**53 + 1]
for _ in range(3):
    r = chained(mixed)
print(len(r), sum(sum(t) for t in r))

print(xorshift(2000))

# Subclasses and bools never take the exact-int paths.
vals = []
for i in range(60):
    k = I(i)
    vals.append((-k, k << 2, k < 3, True << 2, True >> 0, -True, F(i) <= 1.0, -F(i)))
print(vals[0], vals[-1])
print(type(True << 2), type(True & 1), type(True & True), type(-True))

# Errors come from the general path, with python3's messages.
for op in ("x << -1", "x >> -1", "x % 0", "x // 0", "x << 2**64 - 1 >> 2**64"):
    for _ in range(20):
        try:
            x = 5
            eval(op)
        except (ValueError, ZeroDivisionError, OverflowError, MemoryError) as e:
            err = f"{type(e).__name__}: {e}"
    print(op, "->", err)


def shift_errors():
    out = []
    for y in (3, 2, 1, 0, -1):
        try:
            out.append(7 << y)
        except ValueError as e:
            out.append(str(e))
        try:
            out.append(-7 >> y)
        except ValueError as e:
            out.append(str(e))
    return out


for _ in range(5):
    e = shift_errors()
print(e)

# Identity: small ints are the cached objects, larger results new ones.
a, k200, k256, k257, k5 = 200, int("200"), int("256"), int("257"), int("5")
for _ in range(100):
    r1 = a + 56 - 56 << 0
    r2 = (a + 57) >> 0
    r3 = 1 << 8
    r4 = -(-k5)
    r5 = -(2**30) >> 30
print(r1 is k200, r2 is k257, r2 == k257, r3 is k256, r4 is k5, r5 is -k5 // 5)
c = 0
for i in range(2000):
    c += 1
print(c, sys.getrefcount(c) > 0)

# Floats meeting ints in the general BINARY_OP and COMPARE_OP (sites that never
# specialize: the operand types differ), and int / int.
BIG = [0, 1, -1, 3, 7, 2**53 - 1, 2**53, 2**53 + 1, -(2**53) - 1, 2**62, 2**64, -(2**70)]
FL = [0.0, -0.0, 0.1, -2.5, 1e16, float("inf"), float("-inf"), float("nan"), 9007199254740993.0]


def mixed_ops(xs, ys):
    out = []
    for x in xs:
        for y in ys:
            row = [x + y, x - y, x * y, y + x, y - x, y * x,
                   x < y, x <= y, x == y, x != y, x > y, x >= y]
            for a, b in ((x, y), (y, x)):
                try:
                    row.append(a / b)
                except ZeroDivisionError as e:
                    row.append(str(e))
            out.append(repr(row))
    return out


for _ in range(3):
    m = mixed_ops(BIG, FL)
print(len(m))
for line in m[::7]:
    print(line)
for _ in range(3):
    d = mixed_ops(BIG, BIG)
print(len(d))
for line in d[::5]:
    print(line)
print([7 / 2, -7 / 2, (2**53 - 1) / 3, 2**53 / 3, (2**53 + 1) / 3, 1 / 3, -1 / 3])
acc = 0.0
for i in range(1, 500):
    acc += 1.0 / (i * (i + 1) // 2 + i + 1)
    acc -= i / 7
    acc = acc * 2 - i
print(acc)
