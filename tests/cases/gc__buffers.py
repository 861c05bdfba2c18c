# The collector and the new types: memoryview (with its managed buffer) and
# array.array are containers; bytes, bytearray and complex are not. Cycles through a
# view of a subclass instance are found, with CPython's counts.
import gc
from array import array

gc.collect()
print(gc.is_tracked(memoryview(b'x')), gc.is_tracked(array('b')), gc.is_tracked(bytearray()), gc.is_tracked(b'x'), gc.is_tracked(1j), gc.is_tracked(iter(b'x')))
class B(bytearray):
    pass
b = B(b'xyz')
b.m = memoryview(b)
del b
print(gc.collect())

class A(array):
    pass
a = A('b', [1])
a.v = memoryview(a)
a.w = a.v[1:]
del a
print(gc.collect())

data = bytearray(b'kept')
view = memoryview(data)
holder = [view, view[1:]]
holder.append(holder)
del holder, view
print(gc.collect())
data.append(33)
print(data)
