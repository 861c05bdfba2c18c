# tracemalloc and the type free lists: an object taken back from a free list is not
# a new traced block, and a parked object's block stays traced (it is not freed).
import tracemalloc


def fill(lst, add):
    # Every float made in the traced part comes from this line.
    for i in range(len(lst)):
        lst[i] = one + i + add


one = int("1")
# The loops run in a function that has run before tracing starts: the interpreter
# gives a code object its inline caches when it warms up (CPython 3.11 makes them with
# the code object), and that block is not what this case is about.
fill([None] * 20, 0.0)
keep = [one + i + 0.5 for i in range(300)]    # empties the float free list
parked = [one + i + 0.25 for i in range(100)]
del parked                                     # 100 floats parked, made untraced
keep[0:1]                                      # a slice made and freed: the slice
                                               # cache holds one (del x[:] below uses it)
tracemalloc.start()
floats = [None] * 100                          # the list object and its items: traced
base = tracemalloc.get_traced_memory()[0]
fill(floats, 0.75)                             # all from the free list: nothing traced
# (the loop itself may leave a block of a few bytes: not a float's 24 per float)
print("100 floats from the free list add under 100 bytes:",
      tracemalloc.get_traced_memory()[0] - base < 100)
more = [None] * 50
base = tracemalloc.get_traced_memory()[0]
fill(more, 0.125)                              # free list empty: 50 new traced blocks
print("50 new floats add:", tracemalloc.get_traced_memory()[0] - base)
base = tracemalloc.get_traced_memory()[0]
del more[:]                                    # the 50 traced floats are parked
print("freeing them (parked) removes:", base - tracemalloc.get_traced_memory()[0])
again = [None] * 50
base = tracemalloc.get_traced_memory()[0]
fill(again, 0.375)                             # taken back: still traced, not new
print("taking them back adds:", tracemalloc.get_traced_memory()[0] - base)
tb = tracemalloc.get_object_traceback(again[0])
# CPython 3.11 gives a traced block taken back from a free list the traceback of
# the line that takes it (_PyTraceMalloc_NewReference), keeping its size
print("a float taken back is traced to the line that took it:",
      tb[0].lineno == 9)
print("a float parked before tracing has none:", tracemalloc.get_object_traceback(floats[0]))
tracemalloc.stop()
