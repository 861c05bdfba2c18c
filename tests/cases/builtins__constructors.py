# The built-in types called as constructors: int, float, str, bool, list, tuple, dict,
# set, frozenset, object, slice, range, type.
def show(text, call):
    try:
        print(text, "->", repr(call()))
    except Exception as exc:
        print(text, "!!", type(exc).__name__, exc)

print(int(), int(7), int(-3.9), int(True), int(" -12 "), int("1_000"), int("ff", 16),
      int("0x1f", 0), int("0b101", 0), int("z", 36), int("१२३"), int(1e100), int(base=2, x="11") if False else 0)
big = 10**20
print(int(big) is big, int("  +42\n"), int("-0"), int(2.5e20), int("12", base=0))
print(float(), float(3), float(True), float(" 1e5 "), float("1_000.5"), float("-inf"),
      float("nan"), float("  -1.5E3"), float(2**70), float(".5"), float("1."))
x = 1.25
print(float(x) is x, str(), str(12), str(1.0), str([1, "a"]), str(object="o"), str(None))
print(bool(), bool(0), bool(2), bool(""), bool("a"), bool([]), bool([0]), bool(0.0), bool(None))
print(list(), list("abc"), list((1, 2)), list(range(3)), list({1: 2}), list({"k": 1, "j": 2}))
print(tuple(), tuple([1, 2]), tuple("ab"), tuple(range(2)))
t = (1, 2)
empty = ()
print(tuple(t) is t, tuple() is empty, list(t) is t)
print(dict(), dict(a=1, b=2), dict({1: 2}, a=1), dict([("x", 1), ["y", 2]]), dict(["ab", "cd"]))
print(dict(zip("ab", [1, 2])), dict([(1, 2)]), dict([(1, 2)], x=3))
src = {"a": [1]}
cp = dict(src)
print(cp == src, cp is src, cp["a"] is src["a"])
print(sorted(set("abca")), set(), set([1, 1, 2]), set({1: 2}), set(range(3)), set((1,)))
s = {1, 2}
print(set(s) == s, set(s) is s, frozenset(), frozenset([1, 2]), frozenset("aa"))
f = frozenset([3])
print(frozenset(f) is f, frozenset(s) == s)
o = object()
print(type(o).__name__, o is object(), o == o, o != object())
print(slice(5), slice(1, 2), slice(1, 2, 3), slice(None), slice("a", [], None))
print(range(5), range(1, 5), range(0, 10, 3), range(10, 0, -2), len(range(10, 0, -3)))
print(list(range(-3)), list(range(5, 1, -1)), list(range(0, -10, -4)), range(True, 3))
print(len(range(0, 2**64, 2**62)), range(2**70), range(-2**65, 2**65, 2**64))
print(len(range(-2**61, 2**61)), len(range(0, 10**18, 3)))
print(type(1), type(True), type("a"), type(None), type([]), type(len), type(type), type(int))
print(type(range(2)), type(iter([])), type(object()), type(1.5), type({}), type(set()))
calls = [
    ("int(1, 2, 3)", lambda: int(1, 2, 3)),
    ("int(x=5)", lambda: int(x=5)),
    ("int(base=10)", lambda: int(base=10)),
    ("int(5, 10)", lambda: int(5, 10)),
    ("int('5', 1)", lambda: int("5", 1)),
    ("int('5', 37)", lambda: int("5", 37)),
    ("int('5', 1.0)", lambda: int("5", 1.0)),
    ("int(None)", lambda: int(None)),
    ("int([])", lambda: int([])),
    ("int('1__0')", lambda: int("1__0")),
    ("int('')", lambda: int("")),
    ("int('012', 0)", lambda: int("012", 0)),
    ("int('9', 8)", lambda: int("9", 8)),
    ("int(float('inf'))", lambda: int(float("inf"))),
    ("int(float('nan'))", lambda: int(float("nan"))),
    ("float(x=1)", lambda: float(x=1)),
    ("float(1, 2)", lambda: float(1, 2)),
    ("float('x')", lambda: float("x")),
    ("float('')", lambda: float("")),
    ("float(10**400)", lambda: float(10**400)),
    ("float([])", lambda: float([])),
    ("str(1, 2, 3, 4)", lambda: str(1, 2, 3, 4)),
    ("str(x=1)", lambda: str(x=1)),
    ("str(1, 'utf-8')", lambda: str(1, "utf-8")),
    ("bool(1, 2)", lambda: bool(1, 2)),
    ("bool(x=1)", lambda: bool(x=1)),
    ("list(1, 2)", lambda: list(1, 2)),
    ("list(x=1)", lambda: list(x=1)),
    ("list(1)", lambda: list(1)),
    ("tuple(1)", lambda: tuple(1)),
    ("tuple(x=1)", lambda: tuple(x=1)),
    ("dict(1)", lambda: dict(1)),
    ("dict([1])", lambda: dict([1])),
    ("dict([(1, 2, 3)])", lambda: dict([(1, 2, 3)])),
    ("dict(['abc'])", lambda: dict(["abc"])),
    ("dict({1: 2}, {3: 4})", lambda: dict({1: 2}, {3: 4})),
    ("dict([([], 1)])", lambda: dict([([], 1)])),
    ("set(1, 2)", lambda: set(1, 2)),
    ("set(x=1)", lambda: set(x=1)),
    ("set(1)", lambda: set(1)),
    ("set([[]])", lambda: set([[]])),
    ("frozenset(1)", lambda: frozenset(1)),
    ("frozenset(x=1)", lambda: frozenset(x=1)),
    ("object(1)", lambda: object(1)),
    ("object(x=1)", lambda: object(x=1)),
    ("slice()", lambda: slice()),
    ("slice(1, 2, 3, 4)", lambda: slice(1, 2, 3, 4)),
    ("slice(x=1)", lambda: slice(x=1)),
    ("range()", lambda: range()),
    ("range(1.5)", lambda: range(1.5)),
    ("range(1, 2, 0)", lambda: range(1, 2, 0)),
    ("range(x=1)", lambda: range(x=1)),
    ("range(1, 2, 3, 4)", lambda: range(1, 2, 3, 4)),
    ("range('a')", lambda: range("a")),
    ("len(range(2**70))", lambda: len(range(2**70))),
    ("type()", lambda: type()),
    ("type(1, 2)", lambda: type(1, 2)),
    ("type(1, 2, 3)", lambda: type(1, 2, 3)),
    ("type(1, 2, 3, 4)", lambda: type(1, 2, 3, 4)),
    ("type(1, x=1)", lambda: type(1, x=1)),
    ("type(len)()", lambda: type(len)()),
    ("type(iter([]))()", lambda: type(iter([]))()),
]
for text, call in calls:
    show(text, call)
