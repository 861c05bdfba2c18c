# strip / lstrip / rstrip of ASCII receivers (byte scans): every ASCII whitespace
# character, character sets with non-ASCII members, results that are the receiver
# itself, '' or a one-character singleton, and a str subclass; join of a few items.
import sys

ws = "".join(chr(c) for c in range(128) if chr(c).isspace())
for s in ["  a b  ", ws + "x" + ws, ws, "", "abc", "\x1c\x1fkeep\x1d", "xxaxx", "ab\u00e9"[:2]]:
    for chars in [None, "", "x", "xa", "\u00e9x", "\U0001f600 ", ws]:
        r = (s.strip(chars), s.lstrip(chars), s.rstrip(chars))
        print(repr(s), repr(chars), r, [x is s for x in r])
t, q, xyz = "  q  ".strip(), "q", "xyz"
print(t is q, sys.getsizeof(t), xyz.strip("") is xyz)


class S(str):
    pass


u = S("  v w  ")
print(type(u.strip()).__name__, repr(u.strip()), type(S("abc").strip()).__name__)
for bad in [5, b"x"]:
    try:
        "a".strip(bad)
    except TypeError as e:
        print(type(e).__name__, e)
print(",".join(["a", "bc", "", "d"]), "".join(["x"]), "-".join(["\u00e9", "b", "c"]), "::".join([]))
z = "z"
print(",".join(["a"] * 8), ",".join(["a"] * 9), repr("".join(["", ""])), "".join(["", z, ""]) is z)
try:
    ",".join(["a", 1])
except TypeError as e:
    print(e)
x, e, y = "z", "", "\u0100"
print(f"{x}{e}" is x, "".join([e, x]) is x, "".join([x]) is x, f"{e}{e}" is e)
print("".join([y, e]) is y, f"{y}{e}" is y, "".join([e, e]) is e, f"{x}{e}" == x)
