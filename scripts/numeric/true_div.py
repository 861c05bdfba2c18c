# Regenerates src/objects/numeric/testdata/true_div.in: (a, b, bits of a / b) as
# computed by python3 3.11's correctly rounded int true division.
import random, struct

random.seed(2)
cases = [(1, 3), (2, 3), (-7, 2), (10**30, 7), (2**53 + 1, 1), (2**54 + 3, 2),
         (1, 10**400), (10**400, 10**399), (-(10**300), 3), (3, 2**1074),
         (1, 2**1075), (3, 2**1076), (10**308 * 17, 10), (1, -3 * 2**1070)]
for _ in range(120):
    a = random.randrange(-2**random.randrange(1, 1200), 2**random.randrange(1, 1200))
    b = random.randrange(1, 2**random.randrange(1, 1200)) * random.choice((1, -1))
    try:
        a / b
    except OverflowError:
        continue
    cases.append((a, b))
print("[")
for a, b in cases:
    bits = struct.unpack('<Q', struct.pack('<d', a / b))[0]
    print(f'    ("{a}", "{b}", {bits}),')
print("]")
