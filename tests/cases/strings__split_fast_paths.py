# str.split / rsplit on ASCII receivers (pieces made from the bytes), one-byte and
# longer separators, maxsplit, whitespace, non-ASCII receivers, and a str subclass.
import sys

TEXTS = ["", "a", ",", "a,b", ",a,", "a,,b,", "2024-03-01,north,tea,3,sale", "  a  b\tc\n",
         "x" * 40, "a, b, c", "caf\u00e9,th\u00e9", "\u20ac1,\u20ac2,,", "\U0001f600,x",
         "one::two::::three", "abc"]
for t in TEXTS:
    for sep in [None, ",", ", ", "::", "x", "\u00e9", "abcd"]:
        for n in [-1, 0, 1, 2]:
            print(repr(t), repr(sep), n, t.split(sep, n), t.rsplit(sep, n))


class S(str):
    pass


s = S("a,b")
print(type(s.split(",")[0]).__name__, type(s.split(";")[0]).__name__, s.split(";"))
plain = "ab,cd"
print(plain.split(";")[0] is plain, plain.split(",")[1], sys.getsizeof(plain.split(",")[0]))
print(sys.getsizeof("abc,defgh".split(",")), sys.getsizeof("a,b,c,d,e,f,g,h,i,j,k,l,m".split(",")))
print(sys.getsizeof("caf\u00e9,th\u00e9".split(",")[0]), sys.getsizeof("\u20ac1,x".split(",")[0]))
for bad in ["", 5]:
    try:
        "a,b".split(bad)
    except (ValueError, TypeError) as e:
        print(type(e).__name__, e)
