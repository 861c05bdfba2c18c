# Arithmetic on ints between 64 and 127 bits (what 64-bit hashes and random number
# generators compute), at the edges where results stop fitting 127 bits.
M64 = 1 << 64
A = 6364136223846793005
C = 1442695040888963407

state = 12345
out = []
for _ in range(5):
    state = (state * A + C) % M64
    out.append(state >> 33)
print(out, state)

big = (1 << 119) + 12345
vals = [0, 1, -1, 7, -7, 2**63, -(2**63), 2**63 - 1, 2**64 + 3, -(2**64) - 3, 2**100 + 1,
        -(2**100) - 1, big, -big, 2**120 - 1, -(2**120) + 1]
for x in vals:
    for y in vals:
        row = [x + y, x - y, x * y, x & y, x | y, x ^ y]
        if y:
            row += [x // y, x % y, divmod(x, y)]
        print(row)
for x in vals:
    print([x >> s for s in (0, 1, 33, 63, 64, 100, 126, 127, 128, 500)])
    print([x << s for s in (0, 1, 3, 7, 8, 60, 63, 64, 65)])
print((2**126) * 2, (2**126) * -2, -(2**126) * 2, (2**127) // -1, -(2**119) * (2**7))
print(2**119 + 2**119, -(2**119) - 2**119, (2**120 - 1) * (2**7 - 1))
print(hash(2**64 + 1), hash(-(2**100)), type((2**64) * 1), (2**64) * 0, True + 2**64)
try:
    2**70 >> -1
except ValueError as e:
    print("ValueError", e)
try:
    2**70 % 0
except ZeroDivisionError as e:
    print("ZeroDivisionError", e)
top = 2**127 - 1
for x in (top, -top, top - 2**64, 2**126 + 5, -(2**126) - 5):
    print(x + 1, x - 1, -x - 1, x * 1, x * -1, x // 3, x % (1 << 64), x >> 64, x & -x, x | 1, x ^ top)
print((top * 1 + 1) % (1 << 64), (2**100 * 2**26 + 2**126) % 7, -top - 1, (-top - 1) // -1)
