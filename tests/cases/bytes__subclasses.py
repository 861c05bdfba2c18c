# Subclasses of bytes, bytearray, complex and array.array keep the built-in behaviour
# they do not override; memoryview cannot be subclassed.
import sys
from array import array

class Tag(bytes):
    def shout(self):
        return self.upper() + b'!'

class Buf(bytearray):
    def size(self):
        return len(self)

class Z(complex):
    def __repr__(self):
        return 'Z' + complex.__repr__(self)

class Arr(array):
    pass

class Upper(bytes):
    def __add__(self, other):
        return Upper(bytes.upper(self) + other)

t = Tag(b'hi')
print(t, type(t).__name__, t.shout(), t + b'!', t * 2, t[0], t[:1], len(t), t == b'hi', hash(t) == hash(b'hi'), isinstance(t, bytes), type(t.upper()).__name__)
print(Tag.fromhex('4142'), type(Tag.fromhex('41')).__name__, Tag(3), Tag([65]), Tag('é', 'utf-8'), bytes(t), type(bytes(t)).__name__)
b = Buf(b'xy')
b.append(33)
b += b'?'
b[0] = 88
print(b, b.size(), type(b).__name__, Buf.fromhex('41'), memoryview(b).tobytes(), list(b))
z = Z(1, 2)
print(z, repr(z), z + 1, abs(Z(3, 4)), z.real, type(z).__name__, -z, z == 1 + 2j, Z('3+4j'))
a = Arr('i', [1, 2])
a.append(3)
print(a, type(a).__name__, len(a), a[1], a + array('i', [4]), list(a), sys.getsizeof(Arr('b')) > sys.getsizeof(array('b')))
u = Upper(b'ab')
print(u + b'c', b'c' + u, type(u + b'c').__name__)
try:
    class MV(memoryview):
        pass
except TypeError as e:
    print('TypeError:', e)
