# int arithmetic at the machine-word and 128-bit edges, both signs: + - * // % & | ^
# << >>, comparisons, divmod, hash and sys.getsizeof (digit counts) of the results.
# Operands between 64 and 127 bits take the 128-bit paths, results that outgrow them
# the big integers; everything runs in a loop long enough to quicken.
import sys

CORE = [0, 1, -1, 7, -7, 2**63 - 1, 2**63, -(2**63), -(2**63) - 1, 2**64 - 1, 2**64,
        -(2**64), 2**64 + 1, 2**126 + 5, -(2**126) - 5, 2**127 - 1, -(2**127) + 1]

WIDE = []
for e in [29, 30, 31, 59, 60, 61, 62, 63, 64, 65, 89, 90, 91, 119, 120, 125, 126, 127, 128, 129]:
    for d in [-1, 0, 1]:
        WIDE.append(2**e + d)
        WIDE.append(-(2**e) - d)
WIDE += [3, -3, 1000003, -1000003, 6364136223846793005, 1442695040888963407]

P = 2**61 - 1


def ops(a, b):
    r = [a + b, a - b, a * b, a & b, a | b, a ^ b]
    if b:
        r += [a // b, a % b]
        q, m = divmod(a, b)
        r += [q, m]
    return r


print("-- core pairs, full values")
for a in CORE:
    for b in CORE:
        print(a, b, *ops(a, b))

print("-- wide pairs: residues mod 2**61-1, sizes and signs")
for a in WIDE:
    line = []
    for b in WIDE:
        for v in ops(a, b):
            line.append((v % P, sys.getsizeof(v), (v > 0) - (v < 0)))
    total = 0
    for i, (res, size, sign) in enumerate(line):
        total = (total * 1000003 + res * 7 + size * 3 + sign) % P
    print(a, len(line), total)

print("-- comparisons")
for a in WIDE:
    s = ""
    for b in WIDE:
        s += "<" if a < b else (">" if a > b else "=")
        assert (a <= b) == (not a > b) and (a != b) == (not a == b)
    print(a, s)

print("-- shifts")
for a in CORE + [2**40 + 3, -(2**40) - 3, 2**90 + 1, -(2**90) - 1]:
    print(a, [a << s for s in [0, 1, 2, 31, 33, 62, 63, 64, 65, 100]])
    print(a, [a >> s for s in [0, 1, 2, 31, 33, 62, 63, 64, 65, 100, 127, 128, 200]])

print("-- powers of two as divisors, both signs")
for a in [2**64 - 1, -(2**64) + 1, 2**100 + 12345, -(2**100) - 12345, 2**126 + 1, -(2**126)]:
    for k in [0, 1, 5, 30, 32, 63, 64, 65, 100, 126, 127]:
        b = 2**k
        print(a, k, a // b, a % b, a // -b, a % -b, divmod(a, b))

print("-- hash and getsizeof")
for v in WIDE + CORE:
    print(v, hash(v), sys.getsizeof(v), v.bit_length())

print("-- a 64-bit LCG in a loop (quickened)")
s = 12345
acc = 0
for i in range(3000):
    s = (s * 6364136223846793005 + 1442695040888963407) % (1 << 64)
    acc ^= s >> 33
    acc += (s & 0xFFFFFFFF) * (s >> 32)
print(s, acc, sys.getsizeof(s), sys.getsizeof(acc))
t = -12345
for i in range(3000):
    t = (t * 6364136223846793005 - 1442695040888963407) % -(1 << 64)
print(t, t >> 7, t // 1000, t % 1000)

print("-- errors")
for a in [2**64, -(2**100), 2**126]:
    for f in [lambda: a // 0, lambda: a % 0, lambda: divmod(a, 0), lambda: a >> -1,
              lambda: a << -1]:
        try:
            print(f())
        except (ZeroDivisionError, ValueError) as e:
            print(type(e).__name__, e)
