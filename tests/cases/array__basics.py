# The array module: every typecode, construction, the sequence protocol, the methods,
# reprs, comparisons and CPython's messages.
import array
from array import array as A

def t(f):
    try:
        print(repr(f()))
    except Exception as e:
        print(type(e).__name__ + ':', e)

print(array.typecodes, array.ArrayType is A, A.__name__, A.__module__, A, type(iter(A('b'))))
for code in array.typecodes:
    a = A(code)
    print(code, a.typecode, a.itemsize, repr(a), len(a))
print(A('b', [1, -2]), A('B', b'\x01\xff'), A('u', 'hé€'), A('h', (1, 2)), A('i', range(3)), A('l', A('l', [7])), A('q', A('b', [1, 2])), A('f', [0.1, 1.5]), A('d', [1, 2.5]), A('Q', iter([2**64 - 1])))
for code, value in [('b', 128), ('b', -129), ('B', -1), ('B', 256), ('h', 40000), ('h', -40000), ('H', -1), ('H', 65536), ('i', 2**31), ('i', -2**31 - 1),
                    ('I', -1), ('I', 2**32), ('l', 2**63), ('l', -2**63 - 1), ('L', -1), ('L', 2**64), ('q', 2**63), ('Q', 2**64), ('Q', -1),
                    ('b', 1.5), ('b', 'a'), ('d', 'a'), ('f', None), ('u', 1), ('u', 'ab')]:
    t(lambda: A(code, [value]))
for args in [(), ('z',), (5,), ('bb',), ('b', 5), ('b', 'abc'), ('h', b'\x01'), ('b', [1], 3)]:
    t(lambda: A(*args))
t(lambda: A('b', x=1))

a = A('i', [1, 2, 3, 2])
print(a[0], a[-1], a[1:3], a[::-1], a[::2], len(a), 2 in a, 5 in a, 'x' in a, list(a), [x * 2 for x in a], sum(a), max(a), sorted(A('d', [3, 1, 2])))
print(a.index(2), a.index(2, 2), a.count(2), a.tolist(), a.tobytes(), a + A('i', [5]), a * 2, 2 * a, a * 0, A('u', 'ab') + A('u', 'c'))
t(lambda: a[10])
t(lambda: a['x'])
t(lambda: a.index(9))
t(lambda: a.remove(9))
t(lambda: a + A('d', [5]))
t(lambda: a + [5])
t(lambda: a * 'x')
t(lambda: a < [1])
t(lambda: hash(a))
print(a == A('i', [1, 2, 3, 2]), a == A('d', [1, 2, 3, 2]), a != A('i', [1]), a < A('i', [1, 3]), A('b') < A('b', [0]), a >= a, a == [1, 2, 3, 2], A('d', [float('nan')]) == A('d', [float('nan')]))

# methods that change the array
m = A('h', [1, 2, 3])
m.append(4); m.extend([5, 6]); m.extend(A('h', [7])); m.extend(iter([8])); m.insert(0, 0); m.insert(100, 99); m.insert(-100, -1)
print(m, m.pop(), m.pop(0), m.pop(-2))
m.remove(3); m.reverse(); m.frombytes(b'\x08\x00\t\x00'); m.fromlist([10, 11])
print(m, m.buffer_info()[1], len(m.tobytes()))
b = A('h', [1, 256]); b.byteswap(); print(b)
u = A('u', 'ab'); u.fromunicode('cd'); print(u, u.tounicode(), u[0], list(u))
for f in [lambda: A('h').pop(), lambda: A('h', [1]).pop(5), lambda: A('h', [1]).extend(A('i', [1])), lambda: A('h', [1]).extend(5),
          lambda: A('h', [1]).frombytes(b'\x01'), lambda: A('h', [1]).frombytes('ab'), lambda: A('h', [1]).fromlist((1,)),
          lambda: A('h', [1]).fromlist([1, 'a']), lambda: A('h').fromunicode('xy'), lambda: A('i').tounicode(), lambda: A('b', [1]).append(200)]:
    t(f)

# item and slice assignment and deletion
s = A('b', [1, 2, 3, 4, 5])
s[0] = 9; s[1:3] = A('b', [7, 7, 7]); s[::2] = A('b', [0, 0, 0]); del s[0]; del s[::2]; del s[-1:]
print(s)
for key, value in [(0, 'x'), (0, 300), (10, 1), (slice(0, 1), [1]), (slice(0, 1), A('h', [1])), (slice(None, None, 2), A('b', [1]))]:
    def put():
        c = A('b', [1, 2, 3])
        c[key] = value
    t(put)
def delete():
    c = A('b', [1])
    del c[5]
t(delete)

# in-place operators keep the object
x = A('b', [1])
y = x
x += A('b', [2]); x *= 2
print(x, x is y)
def iadd(other):
    global x
    x += other
t(lambda: iadd([2]))
t(lambda: iadd(A('h')))
print(A('b', [1, 2]).__copy__(), str(A('d', [0.5])), A('f', [1e40]), A('d', [1e308 * 10]))
