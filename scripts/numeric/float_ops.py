# Regenerates src/objects/numeric/testdata/float_ops.in from python3 3.11:
# (x, y, bits of x // y, bits of x % y, bits of x ** y), each an error message instead
# when python3 raises, and 'complex' when x ** y is complex.
import math, struct, sys, os
sys.path.insert(0, os.path.dirname(__file__))
from rustfloat import rf

def bits(f):
    return str(struct.unpack('<Q', struct.pack('<d', f))[0])

def run(f, complex_case=False):
    if complex_case:  # a complex result (or a complex overflow): the caller decides
        return 'complex'
    try:
        r = f()
    except Exception as e:
        return str(e)
    if isinstance(r, complex):  # python3 answers negative ** fractional with a complex
        return 'complex'
    return bits(r)

inf, nan = float('inf'), float('nan')
vals = [0.0, -0.0, 1.0, -1.0, 0.5, -0.5, 2.0, -2.0, 3.0, -3.0, 7.5, -7.5, 1e300, -1e300,
        1e-300, 0.1, -0.1, 1.5, 10.0, 1e16, -1e16, 5e-324, inf, -inf, nan, 0.3333333333333333]
print("[")
for x in vals:
    for y in vals:
        print(f'    ({rf(x)}, {rf(y)}, "{run(lambda: x // y)}", "{run(lambda: x % y)}", "{run(lambda: x ** y, x < 0 and math.isfinite(x) and math.isfinite(y) and y != int(y))}"),')
print("]")
