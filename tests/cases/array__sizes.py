# sys.getsizeof of arrays: 80 bytes (with the GC header) plus allocated * itemsize,
# with CPython's growth (about 1/16 over-allocation) and exact sizes for copies.
import sys
import gc
from array import array

def size(a):
    return sys.getsizeof(a)

for code in 'bid':
    a = array(code)
    sizes = [size(a)]
    for i in range(70):
        a.append(1)
        sizes.append(size(a))
    print(code, sizes)
    while len(a) > 40:
        a.pop()
    print(code, size(a), end=' ')
    del a[10:]
    print(size(a), end=' ')
    del a[:]
    print(size(a))

print(size(array('b', [1, 2, 3])), size(array('b', range(100))), size(array('b', b'abc')), size(array('u', 'abc')), size(array('d', [1.0, 2.0])), size(array('i', array('i', [1, 2, 3]))), size(array('i', array('b', [1, 2, 3]))))
a = array('b', range(100))
a.extend(range(3)); print(size(a))
a.extend(array('b', [1])); print(size(a))
a.frombytes(b'12345'); print(size(a))
a.fromlist([1, 2]); print(size(a))
a.insert(0, 1); print(size(a))
print(size(a[:]), size(a[::2]), size(a + a), size(a * 2), size(a.__copy__()))
b = array('i', [1, 2, 3])
b *= 4; print(size(b))
b += array('i', [1]); print(size(b))
b[1:3] = array('i', [0] * 20); print(size(b))
b[0:30] = array('i'); print(size(b))
print(gc.is_tracked(array('b')), sys.getsizeof(iter(array('b'))), array('d').buffer_info()[1])
