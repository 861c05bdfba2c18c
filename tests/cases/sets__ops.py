# Set literals and operators (ints only: their order does not depend on hashing).
a = {1, 2, 3, 4}
b = {3, 4, 5}
print(a | b, a & b, a - b, a ^ b, b - a)
print(3 in a, 7 in a, len(a), {1, 1, 1}, set(), {2, 1} == {1, 2})
print({1, 2} <= a, {1, 2} < a, a >= {1}, a > a, {9} <= a)
print(frozenset([1, 2]), frozenset() == set())
