# Equality of ints, floats, strs and tuples of them where containers compare items
# (containment, dict and set keys, index/count/remove, ==): identity first, items in
# order, and a user __eq__ met before an unequal item still runs.
from collections import deque

nan = float("nan")
t = (1, nan, "a")
print(t == t, t == (1, nan, "a"), (nan,) == (nan,), nan in [nan], nan in (nan,))
print(nan in deque([nan]), [nan].count(nan), (1, nan) in {(1, nan): 1})
print((1, 2) == (1, 2), (1, 2) != (1, 2), (1, 2) == (1, 2.0), (1, "a") == (1, "a"))
print((1, 2) == (1, 2, 3), (True, 1) == (1, True), (2**70, "x") == (2**70, "x"))
print((0.5, -0.0) == (0.5, 0.0), ("é", 1) == ("é", 1), (1, 2) < (1, 3))

calls = []


class E:
    def __init__(self, name, eq):
        self.name, self.eq = name, eq

    def __eq__(self, other):
        calls.append(self.name)
        return self.eq

    __hash__ = object.__hash__


# The user __eq__ of the first pair runs even though the second pair differs.
print((E("first", True), 1) == (E("other", True), 2), calls)
calls.clear()
print((1, E("second", True)) == (2, E("x", True)), calls)
calls.clear()
d = deque([(1, 2), (E("in-deque", False), 3), (5, 6)])
print((5, 6) in d, calls)
calls.clear()
print((7, 8) in d, calls)
calls.clear()
print([(1, 2), (3, 4)].index((3, 4)), [(1, 2), (1, 2), 5].count((1, 2)))
lst = [(1, 2), (3, 4)]
lst.remove((3, 4))
print(lst, (3, 4) in ((1, 2), (3, 4)), "b" in ("a", "b"), 3 in (1, 2.0, 3))

# Keys that are tuples of ints and strs.
counts = {}
for x in range(4):
    for y in range(3):
        counts[(x % 2, str(y))] = counts.get((x % 2, str(y)), 0) + 1
print(sorted(counts.items()), (1, "2") in counts, (1, 2) in counts)
s = {(i, i * i) for i in range(5)}
print((2, 4) in s, (2, 5) in s, len(s | {(2, 4), (9, 81)}))


class T(tuple):
    def __eq__(self, other):
        calls.append("T.__eq__")
        return True

    __hash__ = tuple.__hash__


print((1, 2) == T((3, 4)), T((1,)) in [(1,)], calls)


class I(int):
    def __eq__(self, other):
        return "I.__eq__"

    __hash__ = int.__hash__


print((I(1), 2) == (1, 2), I(1) in [1], deque([1]).count(I(1)))
print(hash((1, "a", 2.5, None)) == hash((1, "a", 2.5, None)), hash((1, 2)), hash(()))
try:
    hash((1, [2]))
except TypeError as e:
    print("TypeError", e)
