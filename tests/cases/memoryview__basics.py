# memoryview over bytes, bytearray and array: attributes, items, slices that share
# the memory, assignment, comparison, hashing, release and the context manager, and
# the exports that keep a bytearray or array from changing size.
import sys
import gc
from array import array

def t(f):
    try:
        print(repr(f()))
    except Exception as e:
        print(type(e).__name__ + ':', e)

b = b'abcdef'
m = memoryview(b)
print(m.nbytes, m.itemsize, m.format, m.ndim, m.shape, m.strides, m.readonly, m.obj is b, m.suboffsets, m.c_contiguous, m.f_contiguous, m.contiguous)
print(m[0], m[-1], len(m), list(m), m.tolist(), m.tobytes(), m.hex(), m.hex(':', 2), bytes(m), bytearray(m))
print(m[1:4].tobytes(), m[::2].tobytes(), m[::-1].tolist(), m[::2].strides, m[::2].c_contiguous, m[4:1:-1].tobytes(), m[10:].tobytes())
print(type(m).__name__, repr(m)[:11], str(m)[:11], type(iter(m)).__name__, sys.getsizeof(m), sys.getsizeof(m[1:]), gc.is_tracked(m))
print(memoryview(m).obj is b, memoryview(m)[1:][1:].tobytes(), m.toreadonly().readonly, memoryview(object=b'kw').tobytes())
for key in [6, -7, 'a', 1.5, ...]:
    t(lambda: m[key])
t(lambda: m[()])
def assign_ro():
    m[0] = 1
t(assign_ro)
def del_ro():
    del m[0]
t(del_ro)
t(lambda: memoryview('text'))
t(lambda: memoryview(5))
t(lambda: memoryview())

# comparison and hashing
print(m == b'abcdef', m == bytearray(b'abcdef'), m == memoryview(b'abcdef'), m == b'abc', m == 'abcdef', m != b'x', b'abcdef' == m)
print(hash(m) == hash(b), hash(m[::2]) == hash(b'ace'), {m: 1}[b'abcdef'], memoryview(b'x') in {b'x'})
t(lambda: m < m)
t(lambda: hash(memoryview(bytearray(b'x'))))
t(lambda: hash(memoryview(array('i', [1])).toreadonly()))

# writing through a view of a bytearray changes the bytearray
ba = bytearray(b'hello world')
v = memoryview(ba)
v[0] = ord('H')
v[6:11] = b'WORLD'
v[-1] = 0x21
print(ba, v.readonly, v.obj is ba)
sub = v[6:]
sub[0:2] = bytearray(b'wo')
print(ba, sub.tobytes())
for key, value in [(0, 300), (0, -1), (0, b'a'), (0, 'a'), (slice(0, 2), b'xyz'), (slice(0, 2), 'xy'), (slice(0, 2), 5), (20, 1)]:
    def put():
        v[key] = value
    t(put)
def delete():
    del v[0]
t(delete)

# exports: no resizing while a view exists; released or freed views let go
t(lambda: ba.append(1))
t(lambda: ba.extend(b'!'))
t(lambda: ba.pop())
t(lambda: ba.clear())
def grow():
    ba[0:1] = b'xy'
t(grow)
def same_size():
    ba[0:1] = b'J'
    return ba
t(same_size)
def iadd():
    global ba
    ba += b'x'
t(iadd)
v.release()
t(lambda: ba.append(33))
t(lambda: ba.append(33))
sub.release()
ba.append(33)
print(ba)
w = memoryview(ba)
del w
ba.append(63)
print(ba)

# release and the context manager
r = memoryview(b'xyz')
r.release()
r.release()
print(repr(r)[:17], r == r, r != memoryview(b'xyz'))
for f in [lambda: r[0], lambda: len(r), lambda: r.tobytes(), lambda: r.obj, lambda: r.nbytes, lambda: r.format, lambda: list(r), lambda: r.tolist(), lambda: r.cast('B'), lambda: hash(r), lambda: bytes(r)]:
    t(f)
with memoryview(bytearray(b'ctx')) as cm:
    print(cm.tobytes(), cm.readonly)
t(lambda: cm.tobytes())
data = bytearray(b'under a view')
with memoryview(data) as view:
    t(lambda: data.append(1))
data.append(33)
print(data)

# a view keeps its exporter alive
def make_view():
    return memoryview(bytearray(b'kept alive'))
kept = make_view()
print(kept.obj, kept.tobytes(), sys.getrefcount(kept.obj) > 1)
