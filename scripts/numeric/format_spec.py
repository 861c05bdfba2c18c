# Regenerates src/objects/numeric/testdata/format_int.in and format_float.in from
# python3 3.11: (value, spec, format(value, spec) or "Kind: message").
import itertools, os, random, sys
sys.path.insert(0, os.path.dirname(__file__))
from rustfloat import rf, rs

out = os.path.join(os.path.dirname(__file__), '..', '..', 'src', 'objects', 'numeric', 'testdata')
random.seed(7)

def run(v, spec):
    try:
        return format(v, spec)
    except Exception as e:
        return f"{type(e).__name__}: {e}"

fixed_specs = ['', '.', '.2', 'c', '+c', '#c', ',_', '_,', ',,', '__', ',b', '_b', ',x', '_n', ',n', 's', 'd',
               'zd', 'zf', 'z', 'z.1f', 'abc', '10.2.3', '==', '9' * 30, '.' + '9' * 30, '010', '+010', '=10',
               '010,', '09,', '08,', '07,', '011,', '#010_x', '012,.2f', ',', '_', '_g', ',.0f', '\x00>5',
               '\x01', ',\x01', '#o', '=5', '*^9', ' ', 'c<3', 'n', '.3', '.0', '#.0f', 'g', '#g', '%', 'e',
               '_o', '.0%', '<0', '0<5', '<05', '-^#012_b', '#X', '#x', 'X', '#b', '+#_b', ' #o', '★^11,',
               '0=+12_', '>+10.3e', '^#15.4g', 'E', 'F', 'G', '.10g', '.20f', '.17g', '.1e', '#.3e',
               '020.3%', ',.2%', '_.3f', '+.0f', ' .0e', '-', '+', '#', '0', '5', 'r', 'z,.3f', '=+#08x',
               '٣', '.٢f', 'x>', '<', '^', '\n^5', '0>7,d', '100']
ints = [0, 1, -1, 5, -5, 7, 42, 255, -255, 1234, -1234, 65, 0x10ffff, 0x110000, 1234567, -9876543210,
        2**63, -2**64, 10**20 + 123, 2**100, -(3**50), 10**400]
floats = [0.0, -0.0, 1.0, -1.0, 0.5, 1.5, 2.5, -2.5, 0.125, 0.375, 1234.5, -1234.5678, 1e6, 1e16,
          1.2345678901234567e16, 12345678.5, 100.0, 123.456, 0.0001, 0.00001, 1e-7, 1e20, 1e22,
          1e300, -1e-300, 5e-324, 1.7976931348623157e308, float('inf'), float('-inf'), float('nan'),
          0.1, 2.675, 9.9999, 0.99999999, 999999.5, 0.3333333333333333]
floats += [random.uniform(-1, 1) * 10 ** random.randint(-12, 25) for _ in range(25)]
random_specs = []
for _ in range(300):
    spec = ''
    if random.random() < 0.3: spec += random.choice(['', '*', '0', 'x']) + random.choice('<>=^')
    if random.random() < 0.3: spec += random.choice('+- ')
    if random.random() < 0.2: spec += '#'
    if random.random() < 0.3: spec += '0'
    if random.random() < 0.5: spec += str(random.randint(0, 25))
    if random.random() < 0.3: spec += random.choice(',_')
    if random.random() < 0.4: spec += '.' + str(random.randint(0, 20))
    spec += random.choice(['', 'd', 'b', 'o', 'x', 'X', 'n', 'e', 'E', 'f', 'F', 'g', 'G', '%', 'c'])
    random_specs.append(spec)
with open(os.path.join(out, 'format_int.in'), 'w') as f:
    f.write("[\n")
    for v, spec in itertools.product(ints, fixed_specs):
        f.write(f"    (\"{v}\", {rs(spec)}, {rs(run(v, spec))}),\n")
    for spec in random_specs:
        v = random.choice(ints[:-1])
        f.write(f"    (\"{v}\", {rs(spec)}, {rs(run(v, spec))}),\n")
    f.write("]\n")
with open(os.path.join(out, 'format_float.in'), 'w') as f:
    f.write("[\n")
    for v, spec in itertools.product(floats, fixed_specs):
        f.write(f"    ({rf(v)}, {rs(spec)}, {rs(run(v, spec))}),\n")
    for spec in random_specs:
        v = random.choice(floats)
        f.write(f"    ({rf(v)}, {rs(spec)}, {rs(run(v, spec))}),\n")
    f.write("]\n")
