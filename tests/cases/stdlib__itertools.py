# itertools: every 3.11 function, with count / repeat reprs and argument errors.
import itertools as it
from itertools import *
import operator
c = count()
print(next(c), next(c), c, count(5, 2), count(1.5), count(0, 0.5), count(-3), count(2, 1.0))
print(list(islice(count(10, -2), 4)), repr(count(3)), type(c).__name__, type(c))
print(list(islice(cycle("ab"), 5)), list(cycle([])))
r = repeat("x", 3)
print(r, list(r), r, repeat(1), list(repeat(2, -1)), list(zip(range(3), repeat(7))))
print(list(accumulate([1, 2, 3, 4])), list(accumulate([1, 2, 3], operator.mul)), list(accumulate([1, 2], initial=10)), list(accumulate([], initial=5)), list(accumulate([])))
print(list(accumulate([3, 1, 4, 1, 5], max)))
print(list(chain("ab", [1], ())), list(chain.from_iterable(["xy", "z"])), list(chain()))
print(list(compress("ABCDEF", [1, 0, 1, 0, 1, 1])), list(compress("AB", [1])))
print(list(dropwhile(lambda x: x < 5, [1, 4, 6, 4, 1])), list(takewhile(lambda x: x < 5, [1, 4, 6, 4, 1])))
print(list(filterfalse(lambda x: x % 2, range(10))), list(filterfalse(None, [0, 1, "", "a"])))
print([(k, list(g)) for k, g in groupby("AAAABBBCCDAABBB")])
print([k for k, g in groupby("AAAABBBCCD")], [(k, len(list(g))) for k, g in groupby([1, 1, 2, 3, 3], key=lambda x: x % 2)])
groups = groupby("aabbc")
k1, g1 = next(groups)
k2, g2 = next(groups)
print(k1, list(g1), k2, list(g2), [k for k, g in groups])
print(list(islice("ABCDEFG", 2)), list(islice("ABCDEFG", 2, 4)), list(islice("ABCDEFG", 2, None)), list(islice("ABCDEFG", 0, None, 2)))
print(list(islice(range(10), 1, 8, 3)), list(islice(range(3), 5)), list(islice(range(10), None)))
for bad in [("a",), (-1,), (1, -2), (1, 2, 0), (-1, 3)]:
    try:
        islice(range(5), *bad)
    except ValueError as e:
        print("ValueError:", e)
try:
    islice(range(3))
except TypeError as e:
    print("TypeError:", e)
src = iter(range(10))
print(list(islice(src, 3)), next(src))
print(list(pairwise("ABCD")), list(pairwise("A")), list(pairwise([])))
print(list(starmap(pow, [(2, 5), (3, 2)])), list(zip_longest("ABCD", "xy", fillvalue="-")), list(zip_longest()))
print(list(zip_longest([1], [2, 3], [4, 5, 6])))
a, b = tee(iter([1, 2, 3]))
print(next(a), list(b), list(a), len(tee("ab", 3)), tee("x", 0))
try:
    tee("x", -1)
except ValueError as e:
    print("ValueError:", e)
print(list(product("AB", "xy")), list(product(range(2), repeat=3))[:3], list(product()), list(product("ab", [])))
print(list(permutations("ABC", 2)), list(permutations(range(3))), list(permutations("ab", 3)))
print(list(combinations("ABCD", 2)), list(combinations(range(4), 3)), list(combinations("ab", 0)), list(combinations("ab", 3)))
print(list(combinations_with_replacement("ABC", 2)), list(combinations_with_replacement("", 0)), list(combinations_with_replacement("", 1)))
try:
    combinations("abc", -1)
except ValueError as e:
    print("ValueError:", e)
print(len(list(permutations(range(5)))), len(list(combinations(range(10), 4))), len(list(product(range(3), repeat=4))))
print(sorted(n for n in dir(it) if not n.startswith("_")))
print(type(chain()).__name__, type(islice("", 1)).__name__, type(tee("a")[0]).__name__, type(groupby("")).__name__)
print(iter(c) is c, next(iter(repeat(None))))
