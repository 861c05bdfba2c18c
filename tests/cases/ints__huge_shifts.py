# Left shifts too large to compute: MemoryError when the result would fit CPython's
# longest int, OverflowError ("too many digits in integer") when it would not;
# zero shifted by anything is zero, a negative count is a ValueError.
cases = [
    "1 << 2**40",
    "1 << 2**62",
    "1 << 2**63",
    "1 << 2**64",
    "1 << 2**66",
    "5 << 2**66",
    "1 << 2**70",
    "(-1) << 2**63",
    "(-7) << 2**80",
    "(10**100) << 2**64",
    "0 << 2**70",
    "0 << 2**200",
    "1 << -1",
    "1 << -(2**70)",
    "True << 2**70",
]
for src in cases:
    try:
        r = eval(src)
    except (MemoryError, OverflowError, ValueError) as e:
        print(src, "->", type(e).__name__, e)
    else:
        print(src, "->", r)
x = 3
try:
    x <<= 2**90
except OverflowError as e:
    print("<<=", type(e).__name__, e)
print(x, (1 << 100) >> 2**70, (-1) >> 2**70)
