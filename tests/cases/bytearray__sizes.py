# sys.getsizeof of bytearrays: 56 bytes plus the allocated buffer, which grows and
# shrinks by CPython's policy (over-allocation on small growth, exact on big growth,
# lazy deletion from the front).
import sys

def size(b):
    return sys.getsizeof(b)

b = bytearray()
sizes = [size(b)]
for i in range(40):
    b.append(i)
    sizes.append(size(b))
print(sizes)
while b:
    b.pop()
    sizes.append(size(b))
print(sizes[41:])

print([size(bytearray(x)) for x in ([1, 2, 3], (1, 2, 3), range(3), iter([1, 2, 3]), b'abc', memoryview(b'abc'), bytearray(b'abc'), [], b'', 0, 10, range(100), iter(range(100)))])
print(size(bytearray('abc', 'ascii')), size(bytearray(b'x' * 1000)), size(bytearray(1000)))

b = bytearray(b'abcdefghij')
print(size(b), b.__alloc__())
del b[:3]; print(size(b), b)
del b[:3]; print(size(b), b)
b.append(1); print(size(b))
del b[0]; print(size(b), b)
b[0:0] = b'xy'; print(size(b), b)

b = bytearray(b'abcdefghij' * 10)
print(size(b)); b.pop(); print(size(b)); del b[50:]; print(size(b)); del b[20:]; print(size(b)); b.clear(); print(size(b)); b.clear(); print(size(b))

b = bytearray(b'ab')
b += b'cd'; print(size(b))
b *= 3; print(size(b))
b.extend([1, 2, 3]); print(size(b))
b.extend(range(100)); print(size(b))
b = bytearray(); b.extend(iter([1, 2, 3])); print(size(b))
b.insert(0, 5); print(size(b))
b.remove(5); print(size(b))
b.reverse(); print(size(b))
print(size(b.copy()), size(b + b'x'), size(b * 2), size(b[1:]), size(bytearray(b'x') * 0), size(b.upper()))
b = bytearray(b'abc'); b[1:2] = b'xyz'; print(size(b))
b[0:0] = b'123456789'; print(size(b))
b[::2] = bytes(len(b[::2])); print(size(b))
del b[::2]; print(size(b))
