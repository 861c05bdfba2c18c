# memoryview item formats: views of arrays, cast between byte and other formats,
# packing and unpacking each native format, value comparison across formats.
from array import array

def t(f):
    try:
        print(repr(f()))
    except Exception as e:
        print(type(e).__name__ + ':', e)

a = array('i', [1, -2, 3, 4])
m = memoryview(a)
print(m.format, m.itemsize, m.nbytes, len(m), m.shape, m.strides, m[1], m[-1], m.tolist(), m[1:3].tolist(), m[::-2].tolist())
print(m.tobytes(), m.hex(), m.cast('B').tolist(), m.cast('B').cast('i').tolist(), m.cast('b', shape=[16]).tolist()[:4], m.cast('B').cast('h').tolist())
for code, values in [('b', [-128, 127]), ('B', [0, 255]), ('h', [-32768, 32767]), ('H', [65535]), ('i', [-2**31]), ('I', [2**32 - 1]), ('l', [-2**63]), ('L', [2**64 - 1]), ('q', [2**63 - 1]), ('Q', [2**64 - 1]), ('f', [1.5, 0.1]), ('d', [0.1, -2.5e300])]:
    v = memoryview(array(code, values))
    print(code, v.format, v.itemsize, v.tolist(), v.tobytes().hex())
print(memoryview(b'\x01\x00\x02').cast('?').tolist(), memoryview(b'ab').cast('c').tolist(), memoryview(b'\x00\x00\x80?').cast('f').tolist())
print(memoryview(b'abcdefgh').cast('q').tolist(), memoryview(b'abcdefgh').cast('Q')[0], memoryview(bytes(16)).cast('d').tolist(), memoryview(b'1234').cast('@I').format)
t(lambda: memoryview(array('u', 'ab')).format)
t(lambda: memoryview(array('u', 'ab')).tolist())
t(lambda: memoryview(array('u', 'ab'))[0])

# writing items packs them in the view's format
w = memoryview(array('h', [0, 0, 0]))
w[0] = 1000; w[1] = -1; w[2] = True
print(w.tolist(), w.obj)
f = memoryview(array('d', [0.0, 0.0]))
f[0] = 2; f[1] = 1.5
print(f.tolist())
c = memoryview(bytearray(b'xy')).cast('c')
c[0] = b'Z'
print(c.tolist(), c.obj)
q = memoryview(bytearray(2)).cast('?')
q[0] = 5; q[1] = []
print(q.tolist())
for view, value in [(w, 40000), (w, 1.5), (w, 'x'), (f, 'x'), (f, None), (c, b'ab'), (c, 1), (memoryview(array('u', 'a')), 'b')]:
    def put():
        view[0] = value
    t(put)
t(lambda: memoryview(b'ab').cast('i'))
t(lambda: memoryview(b'abcd').cast('i', shape=[2]))
t(lambda: memoryview(array('i', [1])).cast('h'))
t(lambda: memoryview(b'ab').cast('x'))
t(lambda: memoryview(b'ab').cast('BB'))
t(lambda: memoryview(b'abcd')[::2].cast('B'))
t(lambda: memoryview(b'ab').cast(5))
sl = memoryview(bytearray(b'abcd'))
def slice_put():
    sl[0:2] = memoryview(array('h', [1]))
t(slice_put)

# equality compares items by value, whatever the formats
print(m == a, m == array('i', [1, -2, 3, 4]), m == array('l', [1, -2, 3, 4]), m == memoryview(array('d', [1.0, -2.0, 3.0, 4.0])), m == [1, -2, 3, 4])
print(memoryview(array('d', [float('nan')])) == memoryview(array('d', [float('nan')])), memoryview(b'\x01') == memoryview(array('b', [1])), memoryview(b'\xff') == memoryview(array('b', [-1])))
print(bytearray(b'\x01\x00\x00\x00') == a[:1], bytearray(b'\x01\x00\x00\x00') == memoryview(a[:1]), b'\x01\x00\x00\x00' == a[:1])

# an array under a view cannot change size
t(lambda: a.append(5))
t(lambda: a.pop())
def same():
    a[0] = 10
    return a
t(same)
m.release()
a.append(5)
print(a)
