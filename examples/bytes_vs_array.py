# Four ways to hold a million small numbers, and what each costs.
#
# A list holds pointers to int objects; bytes and bytearray hold the numbers themselves,
# one byte each; array.array holds them as raw machine values of a chosen size. A
# memoryview looks at any of the last three without copying.
import sys
from array import array

N = 1_000_000
values = [i % 256 for i in range(N)]

as_list = list(values)
as_bytes = bytes(values)
as_bytearray = bytearray(values)
as_array_b = array('B', values)
as_array_i = array('i', values)

# The list's own block and pointer array only: the ints it points to are the small-int
# singletons here (0..255 are cached), so they cost nothing more.
print("list of ints      ", sys.getsizeof(as_list))
# bytes: 33 bytes of header (with the cached hash and a trailing NUL) + 1 per item.
print("bytes             ", sys.getsizeof(as_bytes))
# bytearray: 56 bytes + its buffer, with one spare byte for the NUL.
print("bytearray         ", sys.getsizeof(as_bytearray))
# array('B'): 80 bytes (with the GC header) + 1 per item; array('i'): 4 per item.
print("array('B')        ", sys.getsizeof(as_array_b))
print("array('i')        ", sys.getsizeof(as_array_i))

# A memoryview is a fixed 184 bytes, whatever it views: slicing it copies nothing.
view = memoryview(as_bytearray)
half = view[N // 2:]
print("memoryview        ", sys.getsizeof(view), sys.getsizeof(half), half.nbytes)
half[0] = 255
print("the view writes through:", as_bytearray[N // 2])

# The same 100 numbers, small enough to see the per-object overheads.
small = list(range(100))
print("100 items:", sys.getsizeof(small), sys.getsizeof(bytes(small)),
      sys.getsizeof(bytearray(small)), sys.getsizeof(array('B', small)),
      sys.getsizeof(array('q', small)))

# Growing by appends over-allocates differently: list by about 1/8, bytearray by
# about 1/8 plus a few bytes, array by about 1/16.
grow_list, grow_ba, grow_arr = [], bytearray(), array('B')
steps = []
for i in range(12):
    grow_list.append(i)
    grow_ba.append(i)
    grow_arr.append(i)
    steps.append((sys.getsizeof(grow_list), sys.getsizeof(grow_ba), sys.getsizeof(grow_arr)))
print(steps)

# While a view exists, the bytearray cannot change size (its buffer must not move).
try:
    as_bytearray.append(0)
except BufferError as e:
    print("BufferError:", e)
view.release()
half.release()
as_bytearray.append(0)
print("after release:", len(as_bytearray))

# python3 and glasspy both print:
#   list of ints       8000056
#   bytes              1000033
#   bytearray          1000057
#   array('B')         1000080
#   array('i')         4000080
#   memoryview         184 184 500000
#   the view writes through: 255
#   100 items: 856 133 157 180 880
#   [(88, 58, 84), (88, 61, 84), (88, 61, 84), (88, 61, 84), (120, 64, 88), (120, 64, 88), (120, 64, 88), (120, 68, 88), (184, 68, 96), (184, 68, 96), (184, 68, 96), (184, 75, 96)]
#   BufferError: Existing exports of data: object cannot be re-sized
#   after release: 1000001
