# complex: literals, repr and str, the constructor from numbers and strings, real /
# imag / conjugate, equality with ints and floats, hashing, format(), sizes.
import sys

def t(f):
    try:
        print(repr(f()))
    except Exception as e:
        print(type(e).__name__ + ':', e)

print(1j, 2.5j, 1e3j, 0j, -1j, 1+2j, 1.5-0.5j, 3 - 4j, 10J, 1_000j, .5j, 1.j, type(1j).__name__)
nan, inf = float('nan'), float('inf')
for z in [complex(1, -nan), complex(-nan, 1), complex(0.0, 1), complex(-0.0, 1), complex(0, -0.0), -0j, complex(-0.0, -0.0),
          complex(1e16, 2), complex(1, 1e-5), complex(inf, -inf), complex(2.5, 0), complex(1e300, 1e-300), complex(123456789.25, -0.1)]:
    print(repr(z), str(z))
print([1j, 1+1j], (2j,), {'k': -3j})

# the constructor
print(complex(), complex(2), complex(2.5), complex(True), complex(1, 2), complex(1.5, -2.5), complex(real=3), complex(imag=4), complex(1j), complex(1j, 1j), complex(1, -0.0), complex(-0.0))
for s in ['1+2j', ' (1+2j) ', 'j', '-j', '+j', '1e3j', 'infj', '-nanj', '1_0+2_0j', '+1.5-2.5J', '( 1+2j )', '3', ' 4.5 ', '-inf', 'nan+nanj', '1e-3-1e+3j', '\t7j\n']:
    t(lambda: complex(s))
for s in ['', ' ', '1+ 2j', '(1', '1+2', '2j+1', '1e', '0x10', '1+-2j', 'j1', '1__0j', '_1j', 'abc', '1j)', '((1j))']:
    t(lambda: complex(s))
class HasComplex:
    def __complex__(self):
        return 1 + 1j
class HasFloat:
    def __float__(self):
        return 2.5
class HasIndex:
    def __index__(self):
        return 7
print(complex(HasComplex()), complex(HasFloat()), complex(HasIndex()), complex(HasFloat(), HasIndex()))
for args in [('1', 2), (1, '2'), (None,), (1, None), (b'1',), ([],)]:
    t(lambda: complex(*args))
t(lambda: complex(1, 2, 3))
t(lambda: complex(x=1))
t(lambda: complex(10**400))

# attributes and methods
z = 3 + 4j
print(z.real, z.imag, z.conjugate(), type(z.real).__name__, z.__getnewargs__(), abs(z), z.__complex__() is z, (1j).real)
t(lambda: z.missing)

# equality and hashing
print(1j == 1j, (1+0j) == 1, (1+0j) == 1.0, 1 == (1+0j), (1+1j) == 1, 1j != 1j, (1+0j) == True, 0j == 0, complex(nan, 0) == complex(nan, 0))
print(hash(1j), hash(1+2j), hash(complex(1.5, -2)), hash(1.5+0j) == hash(1.5), hash(2+0j) == hash(2), hash(0j), hash(complex(inf, 0)))
print({1j: 'a', 1+0j: 'b'}[1], {2.0: 'x'}[2+0j], len({1, 1.0, 1+0j}), 1j in [1j], bool(0j), bool(-0j), bool(1e-300j))
t(lambda: 1j < 2j)
t(lambda: 1j > 1)
t(lambda: 1j <= 1.0)

# format()
for spec in ['', '.2f', '>20', 'g', '.3', '+', '^30,.2f', '.1e', '<15', '*^12', 'E', '.0f', ' ', '-', '#g', '10.3g', 'n']:
    print(repr(spec), repr(format(1234.5+2j, spec)), repr(format(1j, spec)), repr(format(-1.5-0j, spec)))
for spec in ['010', '=10', 'd', '%', 'x', 's']:
    t(lambda: format(1+2j, spec))
print(f'{1+2j}', f'{1+2j!r}', f'{3-1j:.1f}', '%s %r' % (1j, 2j), str(-1j))

# sizes: two doubles after the header
print(sys.getsizeof(1j), sys.getsizeof(complex(1e300, -1e300)), sys.getsizeof(0j))
