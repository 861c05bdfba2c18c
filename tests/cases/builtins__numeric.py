# abs, round, divmod, pow, sum, min, max, sorted, any, all.
def show(text, call):
    try:
        print(text, "->", repr(call()))
    except Exception as exc:
        print(text, "!!", type(exc).__name__, exc)

print(abs(-3), abs(3.5), abs(-0.0), abs(True), abs(-2**70), abs(-9223372036854775808))
print(round(2.5), round(3.5), round(-0.5), round(2.675, 2), round(1234, -2), round(15, -1),
      round(25, -1), round(True), round(1.2, None), round(1.5, -400), round(number=1.25, ndigits=1))
print(round(123.456, 1), round(-1e300, -299), round(0.5 + 1e-16), round(7, 0), round(1e22))
print(divmod(-7, 2), divmod(7.5, -2), divmod(True, 2.5), divmod(10**30, 7), divmod(5, 2.0))
print(divmod(-5.0, float("inf")), divmod(-2**64, 3))
print(pow(2, 10), pow(2, -2), pow(2, 0.5), pow(2, 100, 7), pow(2, -1, 5), pow(-2, 3),
      pow(base=2, exp=3), pow(3, 4, mod=5), pow(7, 2, None))
print(sum([]), sum([1, 2, 3]), sum([1, 2], 10), sum([1], start=2), sum(range(10**5)))
print(sum([0.1] * 10), sum([1, 2.5, 3, 10**20]), sum([10**20, 0.5]), sum([True, True]))
print(sum([1.5, True]), sum([[1], [2]], []), sum(((1,), (2,)), ()), sum([2**62, 2**62, 1]))
print(sum([0.1, 0.2, 0.3]), sum([1e308, 1e308, -1e308]), sum([3, 0.1], 0.0), sum([], 1.5))
print(any([]), any([0, "", 1]), all([]), all([1, 0]), any([x > 2 for x in range(5)]))
print(min(3, 1, 2), max("abc"), max([1, 2], key=lambda x: -x), min([], default=None))
print(min([(2, "a"), (1, "b")], key=lambda p: p[1]), max([1, 1.0]), max([1.0, 1]))
print(max(2, 1, key=None), min("b", "a", "c"), max(range(5)), min({3: 1, 2: 0}))
print(sorted([3, 1, 2]), sorted("bca", reverse=True), sorted([]), sorted({3: 0, 1: 0}))
print(sorted([(1, "b"), (1, "a"), (0, "z")]), sorted(["b", "A", "c"], key=lambda s: s[0] if s != "A" else "a"))
pairs = [(i % 3, i) for i in range(12)]
print(sorted(pairs, key=lambda p: p[0]))
print(sorted(pairs, key=lambda p: p[0], reverse=True))
print(sorted(range(100, 0, -7)), sorted([3, 1, 2], reverse=2), sorted([1.5, 1, True, 0]))
data = [(v * 7919) % 1000 for v in range(300)]
s = sorted(data)
print(all([s[i] <= s[i + 1] for i in range(len(s) - 1)]), s[:5], s[-5:])
calls = [
    ("abs('a')", lambda: abs("a")),
    ("abs()", lambda: abs()),
    ("round('a')", lambda: round("a")),
    ("round(1.5, 'a')", lambda: round(1.5, "a")),
    ("round()", lambda: round()),
    ("round(x=1)", lambda: round(x=1)),
    ("round(1, 2, 3)", lambda: round(1, 2, 3)),
    ("round(float('inf'))", lambda: round(float("inf"))),
    ("round(float('nan'))", lambda: round(float("nan"))),
    ("divmod(1)", lambda: divmod(1)),
    ("divmod(1, 'a')", lambda: divmod(1, "a")),
    ("divmod(1, 0)", lambda: divmod(1, 0)),
    ("divmod(1.0, 0)", lambda: divmod(1.0, 0)),
    ("pow(2)", lambda: pow(2)),
    ("pow()", lambda: pow()),
    ("pow(1, 2, 3, 4)", lambda: pow(1, 2, 3, 4)),
    ("pow(2, 3, 0)", lambda: pow(2, 3, 0)),
    ("pow(2, 3.0, 5)", lambda: pow(2, 3.0, 5)),
    ("pow(2, -1, 4)", lambda: pow(2, -1, 4)),
    ("pow('a', 2, 3)", lambda: pow("a", 2, 3)),
    ("pow(0, -1)", lambda: pow(0, -1)),
    ("sum()", lambda: sum()),
    ("sum(1)", lambda: sum(1)),
    ("sum([], '')", lambda: sum([], "")),
    ("sum(['a'])", lambda: sum(["a"])),
    ("sum([], x=2)", lambda: sum([], x=2)),
    ("sum([], start=1, x=2)", lambda: sum([], start=1, x=2)),
    ("sum([1, 'a'], 0.5)", lambda: sum([1, "a"], 0.5)),
    ("min()", lambda: min()),
    ("min(1)", lambda: min(1)),
    ("min([])", lambda: min([])),
    ("max(iter([]))", lambda: max(iter([]))),
    ("min(1, 2, default=3)", lambda: min(1, 2, default=3)),
    ("min([1], foo=2)", lambda: min([1], foo=2)),
    ("min(1, 'a')", lambda: min(1, "a")),
    ("max(key=len)", lambda: max(key=len)),
    ("sorted()", lambda: sorted()),
    ("sorted(1)", lambda: sorted(1)),
    ("sorted([], 1)", lambda: sorted([], 1)),
    ("sorted([3, 1], reverse=None)", lambda: sorted([3, 1], reverse=None)),
    ("sorted([3, 1], cmp=1)", lambda: sorted([3, 1], cmp=1)),
    ("sorted([1, 'a'])", lambda: sorted([1, "a"])),
    ("sorted([2, 1], key=len)", lambda: sorted([2, 1], key=len)),
    ("any(1)", lambda: any(1)),
    ("all()", lambda: all()),
]
for text, call in calls:
    show(text, call)
