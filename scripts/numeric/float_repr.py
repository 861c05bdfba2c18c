# Regenerates src/objects/numeric/testdata/float_repr.in from python3 3.11:
# (bits of x, repr(x)) for special values, boundaries of the fixed/exponent forms and
# random doubles of every magnitude.
import random, struct
random.seed(3)

def bits(f):
    return struct.unpack('<Q', struct.pack('<d', f))[0]

xs = [0.0, -0.0, 1.0, -1.0, 0.1, 0.5, 1e16, 1e-05, 0.0001, 1e15, 123456789012345.0,
      1.2345678901234568e+16, 9999999999999998.0, 1e17, 1e-4, 9.999e-5, 1e22, 1e23, 5e-324,
      2.2250738585072014e-308, 1.7976931348623157e308, float('inf'), float('-inf'), float('nan'),
      100.0, 1.5, 2.675, 0.3, 1/3, 2/3, 12345.678, 1e100, 1.0000000000000002, 4.35, 0.001]
xs += [struct.unpack('<d', struct.pack('<Q', random.getrandbits(63)))[0] for _ in range(300)]
xs += [random.uniform(-1, 1) * 10 ** random.randint(-8, 20) for _ in range(300)]
xs += [float(random.randint(1, 10**random.randint(1, 18))) for _ in range(100)]
# Exact ties between two shortest candidates (CPython picks the even digit).
xs += [random.choice((1, -1)) * (random.randint(10**13, 10**14) + random.choice((.125, .375, .625, .875)))
       for _ in range(200)]
xs += [float(random.randint(10**17, 10**19) // 2**10 * 2**10) for _ in range(200)]
print("[")
for x in xs:
    print(f'    ({bits(x)}, "{x!r}"),')
print("]")
