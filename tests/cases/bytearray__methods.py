# bytearray: the shared methods return bytearrays; the mutating methods, item and
# slice assignment and deletion, += and *=, and the errors.

def t(f):
    try:
        print(repr(f()))
    except Exception as e:
        print(type(e).__name__ + ':', e)

b = bytearray(b'Hello, World')
print(b, type(b).__name__, len(b), b[0], b[-1], b[7:], b[::-1], b.upper(), b.split(b', '), b.partition(b','))
print(b.find(b'World'), b.count(b'l'), b.hex(':'), b.decode(), b.strip(b'Hd'), b.replace(b'l', b'L'), b.center(16, b'*'))
print(b.startswith(b'Hell'), b.isalpha(), b.title(), b.zfill(15), bytearray(b'a\tb').expandtabs(2), bytearray.fromhex('41 42'))
print(bytearray(b'xyz').translate(bytearray.maketrans(b'xyz', b'abc')), b'-'.join([bytearray(b'a'), b'b']), bytearray(b',').join([b'x', b'y']))
print(repr(bytearray(b"it's")), repr(bytearray()), str(bytearray(b'q')), bytearray(b'a') == b'a', bytearray(b'a') < b'b')

# mutating methods
m = bytearray(b'abc')
m.append(100); m.append(0x65)
m.extend(b'fg'); m.extend([104, 105]); m.extend(bytearray(b'j')); m.extend(memoryview(b'k')); m.extend(iter(b'l'))
m.insert(0, 64); m.insert(-1, 33); m.insert(100, 126); m.insert(-100, 35)
print(m, m.pop(), m.pop(0), m.pop(3), m)
m.remove(33); m.reverse()
print(m, m.copy(), m.copy() is m, m.index(b'j'), m.rindex(106))
m.clear()
print(m, len(m))
t(lambda: m.pop())
t(lambda: bytearray(b'a').pop(5))
t(lambda: bytearray(b'a').remove(98))
t(lambda: bytearray(b'a').append(256))
t(lambda: bytearray(b'a').append(b'b'))
t(lambda: bytearray(b'a').extend(5))
t(lambda: bytearray(b'a').extend('str'))
t(lambda: bytearray(b'a').extend([1, 256]))
t(lambda: bytearray(b'a').insert(0, 'x'))

# items and slices
s = bytearray(b'0123456789')
s[0] = 65; s[-1] = 90
print(s)
s[1:3] = b'bc'; print(s)
s[1:3] = b'BCDE'; print(s)
s[1:5] = b''; print(s)
s[2:2] = [120, 121]; print(s)
s[::2] = b'_____'[:len(s[::2])]; print(s)
s[::-1] = bytes(reversed(s)); print(s)
del s[0]; print(s)
del s[-2:]; print(s)
del s[::3]; print(s)
s[len(s):] = bytearray(b'!'); print(s)
s[:] = memoryview(b'all new'); print(s)
for key, value in [(20, 1), (0, 256), (0, 'x'), (0, b'x'), ('k', 1), (slice(0, 2), 'ab'), (slice(0, 2), 5), (slice(0, 2), [1, 999]), (slice(None, None, 2), b'x')]:
    def assign():
        c = bytearray(b'abcd')
        c[key] = value
        return c
    t(assign)
def delete(key):
    c = bytearray(b'abcd')
    del c[key]
    return c
t(lambda: delete(4))
t(lambda: delete('k'))
t(lambda: delete(slice(1, None, 2)))

# += and *= change the object in place
x = bytearray(b'ab')
y = x
x += b'cd'
x += bytearray(b'e')
x *= 2
print(x, y, x is y)
x *= 0
print(x, y)
t(lambda: bytearray(b'a') + 'b')
print(bytearray(b'ab') + b'c', b'c' + bytearray(b'ab'), bytearray(b'x') * 3, 3 * bytearray(b'y'))

# constructor
print(bytearray(), bytearray(3), bytearray([1, 2]), bytearray(range(3)), bytearray(b'x'), bytearray('é', 'utf-8'), bytearray(memoryview(b'm')), bytearray(iter([65])))
for arg in [-1, 'abc', 1.5, [256], ['a']]:
    t(lambda: bytearray(arg))
t(lambda: bytearray('x', 'no-codec'))
