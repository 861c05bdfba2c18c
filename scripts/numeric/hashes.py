# Regenerates the hash test data in src/objects/numeric/testdata/ from python3 3.11:
# hash_int.in, hash_float.in, hash_tuple.in, hash_nested.in.
import os, random, sys
sys.path.insert(0, os.path.dirname(__file__))
from rustfloat import rf

out = os.path.join(os.path.dirname(__file__), '..', '..', 'src', 'objects', 'numeric', 'testdata')
random.seed(11)
P = 2**61 - 1
ints = [0, 1, -1, -2, 2, P - 1, P, P + 1, -P, -P - 1, 2**61, 2**62, 2**63 - 1, -2**63, 2**63, 2**64,
        -2**64 - 1, 10**30, -10**30, 2**200 - 1, -(2**200)]
ints += [random.randrange(-2**random.randrange(1, 400), 2**random.randrange(1, 400)) for _ in range(60)]
with open(os.path.join(out, 'hash_int.in'), 'w') as f:
    f.write("[\n" + "".join(f'    ("{v}", {hash(v)}),\n' for v in ints) + "]\n")
floats = [0.0, -0.0, 1.0, -1.0, 0.5, 1.5, -2.5, 0.1, 1e20, 1e300, -1e300, 5e-324, 2.2250738585072014e-308,
          3.25, 1e-10, 2.0**61, 2.0**62, -2.0**61, float('inf'), float('-inf'), 123456.789]
floats += [random.uniform(-1, 1) * 10 ** random.randint(-300, 300) for _ in range(60)]
with open(os.path.join(out, 'hash_float.in'), 'w') as f:
    f.write("[\n" + "".join(f'    ({rf(x)}, {hash(x)}),\n' for x in floats) + "]\n")
tuples = [(), (0,), (1,), (-1,), (1, 2), (2, 1), (1, 2, 3), (-2, -1), tuple(range(20)), (2**62, -5, 7)]
with open(os.path.join(out, 'hash_tuple.in'), 'w') as f:
    f.write("[\n" + "".join(f'    (&{list(t)}, {hash(t)}),\n' for t in tuples) + "]\n")
with open(os.path.join(out, 'hash_nested.in'), 'w') as f:
    f.write(f"{hash(((1, 2), 3.5))}\n")
