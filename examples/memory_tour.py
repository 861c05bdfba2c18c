# A tour of what glasspy makes visible: sizes, identities and shared objects.
import sys

# Every object has a size in bytes, as CPython 3.11 lays it out on a 64-bit machine.
print("int 0:", sys.getsizeof(0))           # header + one 30-bit digit slot
print("int 2**30:", sys.getsizeof(2 ** 30))  # a second digit: 4 more bytes
print("float:", sys.getsizeof(1.5))
print("empty str:", sys.getsizeof(""))
print("'abc':", sys.getsizeof("abc"))       # one byte per ASCII character, plus a NUL
print("empty list:", sys.getsizeof([]))
print("(1, 2, 3):", sys.getsizeof((1, 2, 3)))  # one pointer per item

# Small ints (-5 to 256) are created once and shared.
a = 256
b = 200 + 56
print("256 is 256:", a is b, id(a) == id(b))
# Larger ints are made fresh each time they are computed.
c = int("1000")
d = int("1000")
print("1000 == 1000:", c == d, "and is:", c is d)

# Identifier-like string constants are interned: one object per text.
s = "hello"
t = "hello"
print("'hello' is 'hello':", s is t)
# A string built at run time is a new object with the same characters.
u = "".join(["hel", "lo"])
print("built 'hello' ==:", s == u, "is:", s is u)
# sys.intern hands back the shared copy.
print("after sys.intern:", sys.intern(u) is s)

# Two names, one list: `is` compares identity, == compares contents.
xs = [1, 2, 3]
ys = xs
zs = [1, 2, 3]
print("xs is ys:", xs is ys, "xs is zs:", xs is zs, "xs == zs:", xs == zs)

# Memory over a run (try `glasspy --memory-report report.html examples/memory_tour.py`):
# a table of records is built and dropped, then cycles are made for the collector.
class Record:
    def __init__(self, i):
        self.id = i
        self.name = "item-" + str(i)
        self.tags = [i % 7, i % 11]


table = [Record(i) for i in range(5000)]
print("records:", len(table), "first:", table[0].name)
del table

import gc

for round_no in range(3):
    pairs = []
    for i in range(1000):
        a = []
        b = [a]
        a.append(b)
        pairs.append(a)
    del pairs, a, b
    print("round", round_no, "cycles found:", gc.collect() >= 2000)
