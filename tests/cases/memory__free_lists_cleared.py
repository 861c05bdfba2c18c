# A collection of the oldest generation (gc.collect(), or gc.collect(2)) empties the
# type free lists, giving their blocks back to pymalloc, as CPython 3.11's
# clear_freelists does; younger collections keep them. Parked objects are still
# allocated blocks for sys.getallocatedblocks(), so emptying the lists shows there.
import gc
import sys

one = int("1")


def park(make):
    # 100 new objects of a type, then all freed: they fill that type's free list
    # (floats 100, lists 80, dicts 80, 2-tuples 2000); the rest go to pymalloc
    x = [None] * 100
    for i in range(100):
        x[i] = make(i)
    del x


for label, make, kept in (("floats", lambda i: one + i + 0.5, 100),
                          ("lists", lambda i: [], 80),
                          ("dicts", lambda i: {}, 80),
                          ("2-tuples", lambda i: (one, i), 100)):
    gc.collect()
    park(make)
    b0 = sys.getallocatedblocks()
    gc.collect(0)
    gc.collect(1)
    b1 = sys.getallocatedblocks()
    gc.collect()
    b2 = sys.getallocatedblocks()
    print(f"{label:8}: young collections free fewer than 20 blocks: {b0 - b1 < 20}; "
          f"the full one frees at least {kept}: {b1 - b2 >= kept}")

# After the lists are emptied, the blocks are pymalloc's: emptying a list frees its
# blocks from the most recently parked on, so the block parked last is not the next
# float's any more (pymalloc hands out the one freed last: the one parked first, unless
# something else of its size class takes it first).
a = one + 0.25
b = one + 0.5
c = one + 0.75
ia, ib, ic = id(a), id(b), id(c)
del a, b, c
x = one + 1.25
print("a float takes the last one parked:", id(x) == ic)
del x
gc.collect(1)
x = one + 1.25
print("after gc.collect(1), still:", id(x) == ic)
del x
gc.collect()
y = one + 1.5
print("after gc.collect(), the next float is not on the last one parked:", id(y) != ic)
