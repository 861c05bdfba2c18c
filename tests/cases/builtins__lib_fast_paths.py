# int(str), round(x, n), zip, [x] * n and l[a:b]: the short paths give what the
# general ones give (values, errors, identities, reference counts).
import sys

# int() of short decimal text, signs, and the texts the general parser takes.
for s in ["0", "7", "-7", "+7", "0012", "-0", "123456789012345678",
          "999999999999999999", "-999999999999999999", "1234567890123456789",
          " 42", "42 ", "4_2", "\u0664\u0662", "+", "-", "", "1.5", "--1", "+-1",
          "12a", "0x10", "١٢"]:
    try:
        print(repr(s), int(s))
    except ValueError as e:
        print(repr(s), "ValueError", e)
print(int("42", 10), int("42", base=8), int(x="5") if False else int("5"))
x = 12345
print(int(x) is x, int(2.7), int(-2.7), int(True), type(int(True)))
class S(str):
    def __int__(self):
        return 99
print(int(S("5")))
class I(int):
    pass
print(type(int(I(3))), int(I(3)))
try:
    int(1.5e308 * 10)
except OverflowError as e:
    print("OverflowError", e)
try:
    int(float("nan"))
except ValueError as e:
    print("ValueError", e)

# round(x, n): halves, negatives, zeros, large and small values, big ndigits.
vals = [2.675, 1.005, 0.125, 0.375, -2.5, -0.0, 0.0, 1e-320, 5e-324, 123456.789,
        1e15 + 0.3, 9007199254740993.0, 1e22, 1.7976931348623157e308, 0.1 + 0.2,
        -1234.5678, 2.5e-5, 12.3456, 1e16 / 3]
for v in vals:
    print(repr(v), [round(v, n) for n in (0, 1, 2, 3, 5, 10, 15, 17, 22, 23, 30, -1, -3)])
print(repr(round(-0.004, 2)), repr(round(0.004, 2)), repr(round(-1.5, 0)))

# zip: pairs, unequal lengths, strict, iterators that stop, and a zip of one.
a, b = [1, 2, 3], "xyz"
print(list(zip(a, b)), list(zip(a, b, (7, 8))), list(zip(a)), list(zip()))
print(list(zip(range(3), iter([4, 5, 6, 7]))))
try:
    list(zip([1, 2], [3], strict=True))
except ValueError as e:
    print("ValueError", e)
try:
    list(zip([1], [3, 4], strict=True))
except ValueError as e:
    print("ValueError", e)
def gen():
    yield 1
    raise KeyError("boom")
try:
    list(zip(gen(), gen()))
except KeyError as e:
    print("KeyError", e)
z = zip([1, 2], [3, 4])
t = next(z)
print(t, next(z), next(z, "end"))

# [x] * n and slices of lists: values, lengths, refcounts of the item.
o = object()
before = sys.getrefcount(o)
l = [o] * 50
print(len(l), sys.getrefcount(o) - before, all(v is o for v in l))
del l
print(sys.getrefcount(o) - before)
print([1, 2] * 3, [] * 5, [0] * 0, [0] * -2, [[]] * 2)
m = [1, 2, 3]
m *= 2
print(m)
src = list(range(10))
print(src[:], src[2:5], src[5:2], src[-3:], src[::2], src[::-1], src[8:100], src[100:])
c = src[:]
print(c == src, c is src, len(c))
try:
    [0] * (sys.maxsize)
except MemoryError:
    print("MemoryError")

# str.partition / rpartition: ASCII and not, found and not, identities of the parts.
for s, sep in [("2024-03-01T13:05", "T"), ("a,b,c", ","), ("abc", "x"), ("", "x"),
               ("x", "x"), ("aXXbXXc", "XX"), ("é-è", "-"), ("a-b", "é"), ("abc", "abc")]:
    print(repr(s), repr(sep), s.partition(sep), s.rpartition(sep))
s = "no separator here"
p = s.partition(";")
print(p[0] is s, p[1] is p[2], s.rpartition(";")[2] is s)
sep = "".join(["-", "-"])
print("a--b".partition(sep)[1] is sep, "a--b".rpartition(sep)[1] is sep)
class T(str):
    pass
print(type(T("a-b").partition("-")[0]), type(T("ab").partition("-")[0]))
for bad in ["", None, 3]:
    try:
        "abc".partition(bad)
    except (ValueError, TypeError) as e:
        print(type(e).__name__, e)
try:
    "abc".rpartition()
except TypeError as e:
    print("TypeError", e)

# str.rsplit with a separator: ASCII and not, maxsplit, separators of several bytes.
for s, sep, n in [("2024-03-01", "-", 1), ("2024-03-01", "-", -1), ("a--b--c", "--", 1),
                  ("--a--", "--", -1), ("abc", "x", -1), ("", "x", -1), ("abc", "abc", 0),
                  ("a-b-c", "-", 0), ("é-è-a", "-", 1), ("a-b", "é", -1), ("aaa", "aa", -1),
                  ("x", "xyz", -1)]:
    print(repr(s), repr(sep), n, s.rsplit(sep, n), s.rsplit(sep, maxsplit=n))
s = "whole"
print(s.rsplit("-")[0] is s, T("a-b").rsplit("-"), type(T("ab").rsplit("-")[0]))
try:
    "abc".rsplit("")
except ValueError as e:
    print("ValueError", e)
