# complex arithmetic with ints, floats and complexes, powers, division, abs, the
# operations complex does not have, and CPython's errors.

def t(f):
    try:
        print(repr(f()))
    except Exception as e:
        print(type(e).__name__ + ':', e)

a, b = 1.5 + 2.5j, 0.5 - 1.25j
print(a + b, a - b, a * b, a / b, a ** 2, a ** b, -a, +a, abs(a))
print(a + 1, 1 + a, a - 2.5, 2.5 - a, a * 2, 2 * a, a / 2, 2 / a, a + True, a * False)
print(1j * 1j, 2 ** (1 + 1j), (3 + 4j) ** 2, (1 + 1j) ** -3, (1 + 2j) ** (3 - 1j), (2 + 0j) ** 0.5, (-1 + 0j) ** 0.5, 1j ** 101, 1j ** -101)
print(0j ** 0, 0j ** 2, (1 + 1j) ** 0, 4 ** 0.5j, (1e200 + 1e200j) ** 2, 1e300j * 1e300j, (-8) ** 0.5, (-8.0) ** (1 / 3), (-2) ** 1.5)
print(sum([1j, 2, 3.5]), sum([0.5j] * 4), pow(2j, 3), pow(1 + 1j, 2.0))
z = 1 + 1j
z += 1
z *= 1j
z -= 0.5
z /= 2
z **= 2
print(z)
print(abs(3 + 4j), abs(-5j), abs(complex(float('inf'), 1)), abs(complex(float('nan'), float('inf'))), abs(1e308 + 1e308j))
print((1.5 + 2.5j) / (0.5 - 1.25j), (1 + 2j) / (3 + 4j), 1 / 1j, 1j / 3, (1e300 + 1e300j) / (1e-300 + 1e-300j), complex(1, 0) / complex(0, 1e-320))

for f in [lambda: 1 / 0j, lambda: 1j / 0, lambda: 1.5 / 0j, lambda: 0j ** -1, lambda: 0j ** 1j, lambda: 0j ** -1.5,
          lambda: (10 + 0j) ** 1000.5, lambda: 1j // 1, lambda: 1j % 1, lambda: divmod(1j, 1), lambda: pow(1j, 2, 3),
          lambda: int(1j), lambda: float(1j), lambda: round(1j), lambda: ~1j, lambda: 1j << 1, lambda: 1j & 1,
          lambda: 1j + 10 ** 400, lambda: 1j + 'a', lambda: 'a' * 1j, lambda: [1] * 1j, lambda: abs(1e308 * 10 + 1e308j)]:
    t(f)

# complex constants are folded by the compiler like CPython's
def folded():
    return 1 + 2j, -3j, 2 * 1j, (1 + 1j) ** 2
print(folded())
