# sys.getsizeof of the built-in types, as CPython 3.11 reports them (64-bit).
import sys
for v in [0, 1, 2 ** 30, 2 ** 60, 2 ** 100, -1, True, 1.5, "", "a", "abc", "é", "😀",
          (), (1,), (1, 2, 3), [], [1, 2, 3], set(), {1}, frozenset(), None]:
    print(repr(v), sys.getsizeof(v))
lst = []
sizes = []
for i in range(20):
    lst.append(i)
    sizes.append(sys.getsizeof(lst))
print(sizes)
print(sys.getsizeof(list(range(10))), sys.getsizeof([0] * 10), sys.getsizeof([i for i in range(10)]))
