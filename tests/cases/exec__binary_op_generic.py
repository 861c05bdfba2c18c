# BINARY_OP's own path in the eval loop (the operators CPython 3.11 does not
# specialize, and the int/float mixes): small exact ints under every operator, a
# float with an int either side, int true division; the edges where it must hand
# over to the general path (a result past 64 bits, a zero divisor, a negative shift,
# bool and int subclasses, ints too wide for a double) give python3's values and
# errors. Each site runs often enough to be quickened and to back off.

M = 2 ** 63


class I(int):
    def __rfloordiv__(self, other):
        return "I.__rfloordiv__"


def ints(x, y):
    out = [x // y, x % y, x & y, x | y, x ^ y]
    if 0 <= y < 128:
        out += [x >> y, x << y]
    return out


def mixed(x, y):
    return [x + y, x - y, x * y, x / y]


def attempt(f, *args):
    try:
        return f(*args)
    except Exception as e:
        return f"{type(e).__name__}: {e}"


pairs = [(7, 2), (-7, 2), (7, -2), (-7, -2), (0, 5), (6, 3), (-6, 3), (12345, 7),
         (2 ** 40 + 3, 2 ** 20), (-(M - 1), 3), (M - 1, -1), (-M, 1), (1, 62), (1, 63),
         (3, 61), (-1, 63), (-1, 100), (5, 0)]
for _ in range(30):
    rows = [attempt(ints, x, y) for x, y in pairs]
for (x, y), r in zip(pairs, rows):
    print("ints", x, y, r)

for x, y in [(-M, -1), (-M, 1), (M - 1, 2)]:
    print("wide", x // y, x % y, -x // y)

fpairs = [(1.0, 7), (7, 2.0), (1, 7), (7, 2), (-7, 2), (0.5, -3), (-3, 0.5), (0.0, -1),
          (-0.0, 0), (1e308, 10), (2 ** 53, 1.0), (2 ** 53 + 1, 1.0), (2 ** 53 + 1, 3),
          (10 ** 30, 3), (1, 3 * 10 ** 20), (float("inf"), 2), (float("nan"), 1),
          (True, 1.5), (2.5, False), (I(7), 2.0), (1.5, 0), (3, 0), (0, 0.0)]
for _ in range(30):
    rows = [attempt(mixed, x, y) for x, y in fpairs]
for (x, y), r in zip(fpairs, rows):
    print("mixed", repr(x), repr(y), r)

for _ in range(20):
    r = [7 // I(2), I(7) // 2, I(7) % 2, True // True, True % 2, True << 3, 1 // 1.5,
         7.5 % 2, 7.5 // 2, -7.5 % 2, 2 ** 10, 2 ** -1, 2.0 ** 3]
print("subclasses and floats", r, [type(v).__name__ for v in r])

for _ in range(20):
    errs = [attempt(lambda: 1 // 0), attempt(lambda: 1 % 0), attempt(lambda: 1.0 // 0),
            attempt(lambda: 1.0 % 0), attempt(lambda: 1 / 0), attempt(lambda: 1.0 / 0),
            attempt(lambda: 1 >> -1), attempt(lambda: 1 << -1), attempt(lambda: 1 + "a"),
            attempt(lambda: 1.5 % "a"), attempt(lambda: "a" - 1.5), attempt(lambda: [] & 1)]
for e in errs:
    print("error", e)
