# The cmath module: every function on ordinary and special values, to the last digit
# of python3's results, and its errors.
import cmath
import math

def t(f):
    try:
        print(repr(f()))
    except Exception as e:
        print(type(e).__name__ + ':', e)

print(cmath.pi, cmath.e, cmath.tau, cmath.inf, cmath.nan, cmath.infj, cmath.nanj, cmath.pi == math.pi)
names = ['sqrt', 'exp', 'log', 'log10', 'sin', 'cos', 'tan', 'asin', 'acos', 'atan',
         'sinh', 'cosh', 'tanh', 'asinh', 'acosh', 'atanh', 'phase', 'polar', 'isfinite', 'isinf', 'isnan']
values = [0j, 1, -1, 2.5, 1j, -1j, 1 + 1j, -2 + 0.5j, 0.5 - 3j, 1e-10 + 1e-10j, 1e10 - 1e10j, 0.71 + 0.7j,
          1.7 - 0.1j, 1e300 + 1e300j, 1e-310 + 0j, complex(-0.0, 0.0), complex(0.0, -0.0), 3 + 0j, 0.999 + 0.001j]
inf, nan = float('inf'), float('nan')
specials = [complex(a, b) for a in [inf, -inf, nan, 0.0, -2.0] for b in [inf, -inf, nan, 0.0, 1.5]]
for name in names:
    f = getattr(cmath, name)
    out = []
    for z in values + specials:
        try:
            out.append(repr(f(z)))
        except (ValueError, OverflowError) as e:
            out.append(type(e).__name__)
    print(name, ' '.join(out))
print(cmath.log(8, 2), cmath.log(1j, 1 + 1j), cmath.log(-1, 10), cmath.log(100, 10), cmath.log10(1000))
print(cmath.rect(2, cmath.pi / 3), cmath.rect(1, 0), cmath.rect(1, -0.0), cmath.rect(-1, 0), cmath.rect(0, inf), cmath.rect(inf, 1), cmath.rect(inf, 0), cmath.rect(nan, 0))
print(cmath.polar(1j), cmath.polar(-1), cmath.phase(-1 + 0j), cmath.phase(complex(-1, -0.0)), cmath.phase(1e-310j))
print(cmath.isclose(1, 1 + 1e-10), cmath.isclose(1j, 1.001j), cmath.isclose(1j, 1.001j, rel_tol=0.01), cmath.isclose(0, 1e-10, abs_tol=1e-9), cmath.isclose(inf, inf), cmath.isclose(inf, -inf))
print(cmath.sqrt(4), cmath.sqrt(-4), cmath.exp(1j * cmath.pi), cmath.exp(0), abs(cmath.exp(1j * 0.5)))
class C:
    def __complex__(self):
        return 2j
class F:
    def __float__(self):
        return 4.0
print(cmath.sqrt(C()), cmath.sqrt(F()), cmath.sqrt(True))
for f in [lambda: cmath.sqrt('a'), lambda: cmath.sqrt(), lambda: cmath.sqrt(1, 2), lambda: cmath.log(0),
          lambda: cmath.log(1, 0), lambda: cmath.log(1, 1), lambda: cmath.log(1j, 'a'), lambda: cmath.exp(1000),
          lambda: cmath.atanh(1), lambda: cmath.cosh(1000), lambda: cmath.sinh(-1000 + 1j), lambda: cmath.log10(0),
          lambda: cmath.rect(1, inf), lambda: cmath.rect('a', 1), lambda: cmath.isclose(1, 2, rel_tol=-1),
          lambda: cmath.isclose(1, 2, 3), lambda: cmath.sqrt(10 ** 400), lambda: cmath.phase(1e300 + 1e-300j),
          lambda: cmath.polar(1e308 * 2 + 1j), lambda: cmath.exp(complex(1, inf))]:
    t(f)
