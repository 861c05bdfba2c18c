# enumerate, zip, map, filter, reversed, iter(callable, sentinel), next.
print(list(enumerate("abc")))
print(list(enumerate("abc", 10)))
print(list(enumerate("abc", start=-1)))
print(list(enumerate(["x", "y"], 2**63 - 1)))
print(list(enumerate(["x", "y"], 2**70)))
e = enumerate([1, 2])
print(next(e), next(e), next(e, "done"))
print(list(zip("ab", "xyz", [1, 2, 3])))
print(list(zip()))
print(list(zip("abc", range(2))))
print(list(zip([1, 2], (3, 4), strict=True)))
for args in (([1, 2], [1]), ([1], [1, 2], [3]), ([1, 2], [1, 2], [3]), ([1], [1], [1, 2])):
    try:
        print(list(zip(*args, strict=True)))
    except ValueError as exc:
        print("ValueError:", exc)
# zip stops at the first exhausted iterable without advancing later ones.
it = iter([1, 2, 3])
print(list(zip([10], it)), next(it))
print(list(map(abs, [-1, 2, -3])))
print(list(map(pow, [2, 3, 4], [5, 2])))
print(list(map(lambda a, b, c: a + b + c, "ab", "cd", "ef")))
print(list(filter(None, [0, 1, "", "a", [], [0], None, 2.5])))
print(list(filter(bool, [0, 1, 2])))
print(list(filter(lambda v: v % 2, range(10))))
print(list(reversed([1, 2, 3])), list(reversed((4, 5))), list(reversed("héllo")))
print(list(reversed(range(5))), list(reversed(range(10, 0, -3))), list(reversed(range(0))))
print(list(reversed({"a": 1, "b": 2, "c": 3})))
print(list(reversed(range(2**64, 2**64 + 3))))
print(list(range(2**64, 2**64 + 6, 2)), 2**64 + 2 in range(2**64, 2**64 + 6, 2))
r = reversed([1, 2, 3])
print(next(r), list(r), list(r))
for t in (enumerate([]), zip(), map(len, []), filter(None, []), reversed([]), reversed(()),
          reversed(range(3)), reversed({}), iter(list, 1)):
    print(type(t).__name__)
items = iter([5, 6, 2, 7])
print(list(iter(lambda: next(items), 2)), list(items))
count = [0]
def tick():
    count[0] += 1
    return count[0]
print(list(iter(tick, 4)))
calls = [
    ('enumerate(1)', lambda: enumerate(1)),
    ('zip([1], 2)', lambda: zip([1], 2)),
    ('map(len)', lambda: map(len)),
    ('map(len, [1], x=2)', lambda: map(len, [1], x=2)),
    ('filter(None)', lambda: filter(None)),
    ('reversed(1)', lambda: reversed(1)),
    ('reversed({1})', lambda: reversed({1})),
    ('iter(1, 2)', lambda: iter(1, 2)),
    ('next([])', lambda: next([])),
    ('next(iter([]))', lambda: next(iter([]))),
    ('enumerate([], 1.5)', lambda: enumerate([], 1.5)),
    ('zip([1], x=1)', lambda: zip([1], x=1)),
    ('iter()', lambda: iter()),
    ('next(iter([]), 5, 6)', lambda: next(iter([]), 5, 6)),
    ('enumerate()', lambda: enumerate()),
    ('reversed([], 1)', lambda: reversed([], 1)),
    ('filter(None, 1)', lambda: filter(None, 1)),
    ('map(len, 1)', lambda: map(len, 1)),
]
for text, call in calls:
    try:
        call()
    except (TypeError, ValueError, StopIteration) as exc:
        print(text, type(exc).__name__, exc)
