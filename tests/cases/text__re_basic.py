# The re module: compile and its cache, the module functions, Pattern and Match
# objects, flags and their reprs, sub templates and callables, bytes, errors.
import re

# flags
print(repr(re.I), str(re.M), repr(re.I | re.M), repr(re.A | re.I | re.M))
print(repr(re.NOFLAG), repr(~re.I), re.I.value, re.I.name, (re.I | re.S).name)
print(re.IGNORECASE is re.I, re.I == 2, re.X | 1, f"{re.S}", "%d" % re.VERBOSE)
print(isinstance(re.I, int), isinstance(re.I | re.M, re.RegexFlag))

# Pattern objects
p = re.compile(r"(?P<word>\w+)\s+(?P<num>\d+)?", re.I | re.M)
print(p, p.pattern, p.flags, p.groups, dict(p.groupindex))
print(re.compile("x" * 250))
print(re.compile(b"a+", re.I), re.compile("a", re.A), re.compile("a\n", re.X))
print(re.compile("abc") is re.compile("abc"), re.compile(p) is p)
print(p == re.compile(r"(?P<word>\w+)\s+(?P<num>\d+)?", re.I | re.M), p != re.compile("x"))
print(hash(re.compile("q")) == hash(re.compile("q")))
re.purge()

# Match objects
m = p.search("  hello 42 world")
print(m)
print(m.group(), m.group(0), m.group(1), m.group("num"), m.group(1, "num", 0))
print(m[0], m[1], m["word"], m.groups(), m.groupdict())
print(m.start(), m.end(), m.span(), m.start(2), m.end("num"), m.span("word"))
print(m.lastindex, m.lastgroup, m.pos, m.endpos, m.re is p, m.string, m.regs)
m2 = p.match("hello  ")
print(m2, m2.groups(), m2.groups("-"), m2.groupdict(0), m2.span(2), m2.lastgroup)
print(m.expand(r"<\2:\g<word>:\g<0>>"), m.expand(r"\n\t\\"))
for bad in (5, "nope", -1, 2.5):
    try:
        m.group(bad)
    except IndexError as e:
        print("IndexError", e)
print(repr(re.match(".*", "y" * 80)))
print(re.match("(a)(b)?", "ac").lastindex, re.match("((a)b)", "ab").lastindex)

# pos and endpos
r = re.compile(r"\d")
print(r.search("a1b2c3", 2), r.search("a1b2c3", 2, 3), r.match("a1b2", 1), r.match("a1b2", 0))
print(r.findall("1a2b3c4", 1, 5), [x.span() for x in r.finditer("123", -5, 99)])
print(r.fullmatch("12", 1), re.compile("").match("abc", 2, 1))
print(r.search("x5", pos=1, endpos=2).pos, r.search("x5", pos=1).endpos)

# module functions
print(re.match("a", "ba"), re.search("a", "ba"), re.fullmatch("a+", "aaa"))
print(re.findall(r"\d+", "a1 b22 c333"), re.findall(r"(\w)(\d)", "a1 b2"), re.findall(r"(\d)", "x1y2"))
print(re.findall(r"(a)|b", "ab"), re.findall("", "ab"))
print([m.group() for m in re.finditer(r"[aeiou]", "education")])
print(re.split(r"\W+", "Words, words, words."), re.split(r"(\W+)", "Words, words."))
print(re.split(r"\W+", "Words, words, words.", 1), re.split("x*", "axbc"), re.split(r"(a)|(b)", "1a2b3"))
print(re.split(r"[,;]", "a,b;c", maxsplit=-1), re.split("", "abc"))
print(re.sub(r"(\w+) (\w+)", r"\2 \1", "hello world foo bar"))
print(re.sub(r"(?P<first>\w)(\w*)", r"\g<first>.\g<2>|\g<0>", "ab cd"))
print(re.sub("a", "b", "aaaa", 2), re.sub("a", "b", "aaaa", count=-1), re.subn("a", "-", "banana"))
print(re.sub("x*", "-", "abxd"), re.sub("", "-", "abc"), re.sub("(a)|b", r"[\1]", "ab"))
print(re.sub(r"\d+", lambda m: str(int(m.group()) * 2), "a1 b22 c333"))
print(re.sub("a", lambda m: None, "banana"), re.subn(r"\s", "", " a b ", flags=0))
print(re.sub(r"(?i)HELLO", "bye", "Hello hello"), re.sub("a", r"\n", "xax") == "x\nx")
s = "unchanged"
print(re.sub("zz", "y", s) is s)
print(re.escape("a.b*c?d[e]f(g)h{i}j^k$l|m\\n+o-p#q r&s~t"), re.escape(b"1.2\x00"))
print(re.escape("caf\u00e9_ok\n\t"))

# flags in use
print(re.findall("^\\w", "ab\ncd", re.M), re.findall("a.b", "a\nb", re.S), re.findall("AB", "ab aB", re.I))
print(re.findall(r"\w+", "na\u00efve caf\u00e9", re.A), re.findall(r"\w+", "na\u00efve caf\u00e9"))
print(re.findall(r"""\d +  # digits
                    [a-z]""", "12a 3b", re.VERBOSE))

# bytes
b = re.compile(rb"(\w+)=(\d+)")
mb = b.search(b"x key=42 y")
print(mb, mb.groups(), mb.group(1), b.findall(b"a=1 b=2"), b.sub(rb"\2=\1", b"a=1 b=2"))
print(b.split(b"a=1,b=2"), re.match(b"a", bytearray(b"abc")).group(), re.sub(b"a", lambda m: b"AA", b"banana"))
print(re.search(b"b", memoryview(b"abc")).span())

# errors
for pat in ["(a", "a)", "[a", "a{2,1}", "*", "(?P<1>x)", "(?P=nope)", "\\", "(?<=a+)b", "a\n(b", "\\q"]:
    try:
        re.compile(pat)
    except re.error as e:
        print(type(e).__name__, "|", e, "|", e.msg, e.pos, e.lineno, e.colno, repr(e.pattern))
try:
    re.sub("(a)", r"\2", "a")
except re.error as e:
    print("re.error", e, e.pattern)
try:
    re.sub("(a)", r"\g<x>", "a")
except IndexError as e:
    print("IndexError", e)
for call in [lambda: re.match("a", b"a"), lambda: re.match(b"a", "a"),
             lambda: re.match("a", 5), lambda: re.compile(5),
             lambda: re.compile(re.compile("a"), re.I), lambda: re.sub("a", 5, "a"),
             lambda: re.sub("a", lambda m: 5, "xa"), lambda: re.sub(b"a", "x", b"a"),
             lambda: re.compile("a").match(), lambda: re.compile("a").match("a", bogus=1),
             lambda: re.compile("a", re.A | re.U)]:
    try:
        call()
    except Exception as e:
        print(type(e).__name__, e)
print(issubclass(re.error, Exception), re.error.__module__, re.error.__name__)
print(type(p).__name__, type(m).__name__, re.Pattern is type(p), re.Match is type(m))
