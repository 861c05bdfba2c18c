# bytes as a sequence and a value: indexing, slicing, + and *, comparison, hashing,
# iteration, `in`, the constructor, % formatting, int() and float() of bytes.
import sys

def t(f):
    try:
        print(repr(f()))
    except Exception as e:
        print(type(e).__name__ + ':', e)

b = b'abcdefgh'
print(b[0], b[-1], b[2:5], b[::2], b[::-1], b[5:2:-1], b[100:], b[-100:2], len(b), b[:0])
t(lambda: b[8])
t(lambda: b[-9])
t(lambda: b['x'])
t(lambda: b[1.0])
t(lambda: b[2**100])
print(b + b'ij', b + bytearray(b'!'), b + memoryview(b'?'), b * 2, 2 * b, b * 0, b * -1, b'' * 5)
t(lambda: b + 'str')
t(lambda: b + 1)
t(lambda: 'str' + b)
t(lambda: b * 1.5)
t(lambda: b * 'x')
t(lambda: [1] * b)

# comparisons: bytes with bytes (lexicographic), equality with bytearray / memoryview
print(b'abc' == b'abc', b'abc' != b'abd', b'abc' < b'abd', b'ab' < b'abc', b'b' > b'abc', b'abc' <= b'abc', b'' < b'\x00')
print(b'abc' == bytearray(b'abc'), b'abc' == memoryview(b'abc'), b'abc' == 'abc', b'1' == 1, b'abc' < bytearray(b'abd'))
t(lambda: b'a' < 'b')
t(lambda: b'a' < 1)
t(lambda: b'a' < memoryview(b'b'))
print(sorted([b'pear', b'apple', b'Zoo', b'apple pie']), max(b'hello'), min([b'b', b'a']))

# hashing: as the str of the same Latin-1 characters
print(hash(b'abc') == hash('abc'), hash(b'\xe9\xff') == hash('\xe9\xff'), hash(b''), hash(b'abc') == hash(b'ab' + b'c'))
d = {b'key': 1, b'other': 2}
print(d[b'key'], b'other' in d, {b'a', b'a', b'b'} == {b'a', b'b'}, d.get(bytearray(b'key')) if False else 0)
t(lambda: hash(bytearray(b'x')))
t(lambda: {bytearray(b'x'): 1})

# iteration gives ints; `in` takes ints and bytes-like objects
print(list(b'AZaz'), [x for x in b'\x00\xff'], tuple(b'hi'), sum(b'\x01\x02\x03'), set(b'aab') == {97, 98})
it = iter(b'xy')
print(type(it).__name__, next(it), list(it), list(it))
print(98 in b'abc', b'bc' in b'abc', 300 in b'' if False else True)
t(lambda: 300 in b'abc')
t(lambda: 'a' in b'abc')
t(lambda: 1.0 in b'abc')
a, c = b'AC'
print(a, c, [*b'xy'], dict.fromkeys(b'ab'))

# the constructor
print(bytes(), bytes(3), bytes([1, 2, 255]), bytes((65, 66)), bytes(range(3)), bytes(b'copy'), bytes(bytearray(b'ba')), bytes(memoryview(b'mv')))
print(bytes('text', 'ascii'), bytes('é', 'utf-8'), bytes('é', encoding='latin-1'), bytes('x' + chr(0xdcff), 'utf-8', 'surrogateescape'), bytes(x for x in [104, 105]))
print(bytes(source=b'kw'), bytes(True), bytes(b'a') is b'a')
class WithBytes:
    def __bytes__(self):
        return b'from __bytes__'
class Index:
    def __index__(self):
        return 2
print(bytes(WithBytes()), bytes(Index()), bytes([Index()]))
for arg in [-1, 'abc', 1.5, None, [300], [-1], ['a'], object()]:
    t(lambda: bytes(arg))
t(lambda: bytes('abc', 5))
t(lambda: bytes(5, 'ascii'))
t(lambda: bytes(b'a', 'ascii'))
t(lambda: bytes(b'a', errors='x'))
t(lambda: bytes(x=1))
t(lambda: bytes('é', 'ascii'))

# % formatting
print(b'%s and %s' % (b'this', bytearray(b'that')), b'%d%%' % 50, b'%5d|%-5d|%05d' % (1, 2, 3), b'%x %X %o %#x %#o' % (255, 255, 8, 255, 8))
print(b'%r %a' % ('é', 'é'), b'%c%c' % (65, b'B'), b'%.2f %e %g' % (3.14159, 1e10, 0.5), b'%(name)s=%(v)d' % {b'name': b'n', b'v': 1})
print(b'%s' % memoryview(b'mv'), b'%b' % b'b', b'%5s|%-5s|' % (b'r', b'l'), b'%.1s' % b'xyz', b'%i %u' % (1.9, -2), b'no args' % ())
print(bytearray(b'%s') % b'ba', b'%s' % WithBytes(), b'%*d' % (4, 7))
for fmt, args in [(b'%s', 'str'), (b'%b', 1), (b'%d %d', (1,)), (b'%d', (1, 2)), (b'%c', 300), (b'%c', 'a'), (b'%d', 'x'), (b'%q', 1), (b'%', ()), (b'%(k)s', 1)]:
    t(lambda: fmt % args)

# int() and float() read bytes
print(int(b'42'), int(b' -7 '), int(b'ff', 16), int(bytearray(b'10'), 2), float(b'2.5'), float(bytearray(b'-1e3')))
t(lambda: int(b'4x'))

# sizes: new objects from operations
for v in [b'ab' * 10, b'x' + b'y', bytes(range(50)), b'abc'[1:], bytes(5), 'é'.encode()]:
    print(v[:5], sys.getsizeof(v))
