# Regenerates src/objects/numeric/testdata/float_round.in from python3 3.11:
# (x, n, bits of round(x, n)).
import random, struct, sys, os
sys.path.insert(0, os.path.dirname(__file__))
from rustfloat import rf

random.seed(5)
cases = [(2.675, 2), (0.125, 2), (0.375, 2), (0.5, 0), (-0.5, 0), (1.5, 0), (2.5, 0),
         (-0.4, 0), (1234.5678, -2), (1250.0, -2), (1350.0, -2), (5e-324, 323), (1e-300, 300),
         (0.001, 1), (-0.001, 1), (1e308, -308), (123456789.123456789, 5), (1e22, -21),
         (0.30000000000000004, 16), (1.0000000000000002, 15), (5.0, -1), (15.0, -1), (25.0, -1)]
for _ in range(400):
    x = random.choice([random.uniform(-1000, 1000), random.uniform(-1, 1) * 10 ** random.randint(-30, 30),
                       round(random.uniform(-100, 100), random.randint(0, 4)) + random.choice([0, 0.005, 0.5])])
    n = random.randint(-5, 17)
    cases.append((x, n))
print("[")
for x, n in cases:
    r = round(x, n)
    print(f'    ({rf(x)}, {n}, {struct.unpack("<Q", struct.pack("<d", r))[0]}),')
print("]")
