# str.split on ASCII receivers scans bytes: every ASCII whitespace character Python
# knows (\x1c-\x1f included), separators that overlap themselves, a non-ASCII
# separator that cannot match, and the empty separator with maxsplit 0.
ws = "".join(chr(c) for c in range(128) if chr(c).isspace())
print(repr(ws))
t = "a\x1cb\x1dc\x1ed\x1fe\x0bf\x0cg\rh\ni\tj k"
print(t.split(), t.split(None, 3), t.rsplit(None, 3))
print(("x" + ws + "y" + ws).split(), (ws + "z").split(None, 0), ws.split(), ws.split(None, 1))
for s in ["aaaa", "aaaaa", "abababa", "aXbXXc"]:
    for sep in ["aa", "aba", "XX", "X", "\u00e9", "\U0001f600", "aaaaaa"]:
        print(repr(s), repr(sep), s.split(sep), s.split(sep, 1), s.split(sep, 0))
for n in [0, -1, 2]:
    try:
        "abc".split("", n)
    except ValueError as e:
        print(n, type(e).__name__, e)
parts = "alpha beta alpha".split()
print(parts[0] == parts[2], parts[0] is parts[2], hash(parts[0]) == hash("alpha"))
