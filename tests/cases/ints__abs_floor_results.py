# abs() of an int that is not negative is that int itself (CPython's long_abs
# returns it through long_long); of a negative one, or of a float, a new object.
# math.floor / math.ceil of floats, at the edges of what fits 64 bits.
import math
import sys

x = 1000
big = 2**70
print(abs(x) is x, abs(-x) is x, abs(-x) == x, abs(big) is big, abs(-big) == big)
z = 0
print(abs(z) is z, abs(-5), abs(-2**63), abs(-2**62 - 7), abs(2**63 - 1))
before = sys.getrefcount(x)
kept = [abs(x) for _ in range(4)]
print(sys.getrefcount(x) - before)
del kept
print(abs(True), type(abs(True)).__name__, abs(False), type(abs(-False)).__name__)


class I(int):
    pass


i = I(5)
print(type(abs(i)).__name__, abs(i) is i, abs(I(-3)))
f = 2.5
print(abs(f) is f, abs(-f), abs(-0.0), abs(float("-inf")), abs(float("nan")))


class F(float):
    pass


print(type(abs(F(-1.5))).__name__, abs(F(-1.5)))
try:
    abs("x")
except TypeError as e:
    print(e)

for v in (2.5, -2.5, 0.0, -0.0, 1e18, -1e18, 9.2e18, -9.2e18, 9.3e18, -9.3e18,
          2.0**63, -2.0**63, 1e300, -0.5, 0.5, 4503599627370495.5):
    print(v, math.floor(v), math.ceil(v), math.trunc(v))
for bad in (float("inf"), float("-inf"), float("nan")):
    for fn in (math.floor, math.ceil):
        try:
            fn(bad)
        except (ValueError, OverflowError) as e:
            print(type(e).__name__, e)
print(math.floor(7), math.floor(True), math.ceil(-3), math.floor(F(2.5)))
print(math.sqrt(2.0), math.sqrt(4), math.sqrt(F(9.0)), math.sqrt(True))
try:
    math.sqrt(-1.0)
except ValueError as e:
    print(e)
