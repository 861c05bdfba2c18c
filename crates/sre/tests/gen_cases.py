#!/usr/bin/env python3
"""Generates tests/cases.txt: CPython 3.11's answers for a list of
pattern/subject/flags cases, which tests/cases.rs replays against the engine.

Run from the crate directory:   python3 tests/gen_cases.py
(needs CPython 3.11; the output is committed, CI does not run Python).

Format: one case per line, tab-separated fields
    kind  type  flags  pattern  subject  a  b  expected
kind: compile | match | search | fullmatch | finditer | sub | split
type: s (str pattern and subject) or b (bytes; byte values as code points)
Strings are written with every character outside printable ASCII, and the
characters \\ | ~ ; and tab, as \\u{HEX}.
expected:
  compile:   C:<groups>:<flags>:<name>=<index>,...   or an error
  match...:  N (no match) or <lastindex or ->|s,e|s,e|-|...  (group 0 first)
  finditer:  the matches as above joined by ;
  sub:       R:<count>:<result>  (a = template, b = count)
  split:     pieces joined by | with ~ for None  (a = maxsplit)
  errors:    E:<exception>:<pos or ->:<message>
"""
import os
import re
import sys
import warnings

assert sys.version_info[:2] == (3, 11), "generate with CPython 3.11"
warnings.simplefilter("ignore")

SPECIAL = set("\\|~;\t")


def enc(s):
    if isinstance(s, bytes):
        s = s.decode("latin-1")
    out = []
    for ch in s:
        o = ord(ch)
        if 0x20 <= o <= 0x7E and ch not in SPECIAL:
            out.append(ch)
        else:
            out.append("\\u{%x}" % o)
    return "".join(out)


def err(e):
    pos = getattr(e, "pos", None)
    msg = getattr(e, "msg", None) or str(e)
    if isinstance(e, IndexError) or isinstance(e, OverflowError) or isinstance(e, ValueError) and not isinstance(e, re.error):
        msg = str(e)
        if msg.startswith("'") and isinstance(e, KeyError):
            msg = msg[1:-1]
    name = "error" if isinstance(e, re.error) else type(e).__name__
    return "E:%s:%s:%s" % (name, "-" if pos is None else pos, enc(msg))


def spans(m):
    if m is None:
        return "N"
    parts = ["-" if m.lastindex is None else str(m.lastindex)]
    for g in range(len(m.groups()) + 1):
        s, e = m.span(g)
        parts.append("-" if s < 0 else "%d,%d" % (s, e))
    return "|".join(parts)


rows = []
# `gen_cases.py --fuzz SEED COUNT OUT`: only random cases, written to OUT
# (for a longer local differential run: SRE_CASES=OUT cargo test ...)
FUZZ = sys.argv[1:2] == ["--fuzz"]


def row(kind, typ, flags, pattern, subject, a, b, expected):
    rows.append("\t".join([kind, typ, str(int(flags)), enc(pattern), enc(subject), enc(a if isinstance(a, (str, bytes)) else str(a)), enc(str(b)), expected]))


def typ_of(p):
    return "b" if isinstance(p, bytes) else "s"


def compile_case(p, flags=0):
    try:
        r = re.compile(p, flags)
    except Exception as e:  # noqa
        row("compile", typ_of(p), flags, p, "", "", "", err(e))
        return None
    names = ",".join("%s=%d" % (enc(k), v) for k, v in r.groupindex.items())
    row("compile", typ_of(p), flags, p, "", "", "", "C:%d:%d:%s" % (r.groups, r.flags, names))
    return r


def M(p, *subjects, flags=0):
    """match/search/fullmatch of each subject, plus finditer."""
    r = compile_case(p, flags)
    if r is None:
        return
    for s in subjects:
        try:
            for kind in ("match", "search", "fullmatch"):
                getattr(r, kind)(s)
            list(r.finditer(s))
        except SystemError:
            # CPython 3.11 reports an internal error for a few patterns
            # ("span of capturing group is wrong"); nothing to compare
            continue
        for kind in ("match", "search", "fullmatch"):
            m = getattr(r, kind)(s)
            row(kind, typ_of(p), flags, p, s, 0, len(s), spans(m))
        row("finditer", typ_of(p), flags, p, s, 0, len(s), ";".join(spans(m) for m in r.finditer(s)))


def P(p, s, pos, endpos, flags=0):
    """match/search/fullmatch/finditer with pos and endpos."""
    r = re.compile(p, flags)
    for kind in ("match", "search", "fullmatch"):
        m = getattr(r, kind)(s, pos, endpos)
        row(kind, typ_of(p), flags, p, s, pos, endpos, spans(m))
    row("finditer", typ_of(p), flags, p, s, pos, endpos, ";".join(spans(m) for m in r.finditer(s, pos, endpos)))


def E(p, flags=0):
    compile_case(p, flags)


def S(p, repl, s, count=0, flags=0):
    try:
        res, n = re.subn(p, repl, s, count=count, flags=flags)
        exp = "R:%d:%s" % (n, enc(res))
    except Exception as e:  # noqa
        exp = err(e)
    row("sub", typ_of(p), flags, p, s, repl, count, exp)


def SP(p, s, maxsplit=0, flags=0):
    pieces = re.split(p, s, maxsplit=maxsplit, flags=flags)
    exp = "|".join("~" if x is None else enc(x) for x in pieces)
    row("split", typ_of(p), flags, p, s, maxsplit, "", exp)


I, M_, S_, X, A, L = re.I, re.M, re.S, re.X, re.A, re.L

# ---- literals and escapes
M("abc", "abc", "xabcx", "ab", "")
M(r"a\.c", "a.c", "abc")
M(r"\a\f\n\r\t\v\\", "\a\f\n\r\t\v\\")
M(r"\x41\x7a\u00e9\U0001F600", "Az\u00e9\U0001F600")
M(r"\101\0\01\012\1234", "A\0\1\n\x534")
M(r"\-\#\ \&\é", "-# &\u00e9")
M("\u00e9t\u00e9", "\u00e9t\u00e9", "ete")
M("a\\\n", "a\n")
# ---- classes
M(r"[abc]+", "xxbcaay", "")
M(r"[a-z0-9_]+", "Hello_42 world")
M(r"[^a-z]+", "abcDEF12ghi")
M(r"[]a]+", "]a]b")
M(r"[^]a]+", "]a]bcd")
M(r"[a-]+", "a-a-b")
M(r"[-a]+", "-a-b")
M(r"[\d\s]+", "12 3\t4x")
M(r"[\D]+", "ab12")
M(r"[\w.-]+@[\w.-]+", "mail me: joe.bloggs@ex-ample.com now")
M(r"[\x00-\x1f]+", "\x01\x02ab")
M(r"[\b]", "\b", "b")
M(r"[\]\\]+", "]\\]x")
M(r"[\u0100-\u017f]+", "x\u0101\u0150y")
M(r"[^\W\d]+", "ab12cd")
M(r"[.]", ".", "a")
M(r"[\101-\132]+", "HELLO world")
M(r"[a-c-e]+", "a-b-ce-x")
# ---- categories
M(r"\d+", "abc 123 \u0663\u0664 x")
M(r"\d+", "abc 123 \u0663\u0664 x", flags=A)
M(r"\w+", "h\u00e9llo w\u00f6rld_1 \u4e2d\u6587 \u00b2")
M(r"\w+", "h\u00e9llo w\u00f6rld_1", flags=A)
M(r"\s+", "a \t\n\r\f\v\x1c\x85\xa0\u2003b")
M(r"\s+", "a \t\n\xa0b", flags=A)
M(r"\W+", "ab, cd!")
M(r"\S+", "  ab cd ")
M(r"\bfoo\b", "foo", "afoo", "a foo b", "foo_bar")
M(r"\Boo\B", "foo", "foob", "oo")
M(r"\b", "", "a", " ")
M(r"\B", "", "a", " ")
M(r"\b\w+\b", "\u00e9t\u00e9 d'\u00e9t\u00e9")
M(r"\b\w+\b", "\u00e9t\u00e9 d'\u00e9t\u00e9", flags=A)
M(r"\Aab", "ab", "xab")
M(r"ab\Z", "ab", "ab\n", "abx")
# ---- dot and anchors
M(r"a.c", "abc", "a\nc")
M(r"a.c", "abc", "a\nc", flags=S_)
M(r".+", "ab\ncd")
M(r".+", "ab\ncd", flags=S_)
M(r"^ab", "ab", "xab", "x\nab")
M(r"^ab", "x\nab", "ab\nab", flags=M_)
M(r"ab$", "ab", "ab\n", "ab\n\n", "abx")
M(r"ab$", "ab\ncd", "ab\n\n", flags=M_)
M(r"^$", "", "\n", "a\n\nb")
M(r"^$", "", "\n", "a\n\nb", flags=M_)
M(r"$", "a\n", "a\nb\n")
M(r"^", "a\nb\n", flags=M_)
M(r"(?m)^\w+$", "one\ntwo\nthree")
M(r"x*$", "xx\n", "ab")
# ---- groups
M(r"(a)(b)(c)", "abc", "xabcx")
M(r"(a(b(c)))", "abc")
M(r"((a)|b)+", "abab", "ba")
M(r"(a)|(b)", "a", "b", "c")
M(r"(?:a|b)+(c)", "ababc")
M(r"(?P<first>\w+) (?P<last>\w+)", "Jane Doe", "x")
M(r"(?P<a>.)(?P=a)", "xx", "xy", "abccd")
M(r"(a)?b", "b", "ab")
M(r"(a)*", "aaa", "")
M(r"(a|b)*c", "ababc", "abab")
M(r"(a*)*", "aaa", "b")
M(r"(a*)+", "aaa", "b")
M(r"(a|)*", "aa", "b")
M(r"(a?)*?b", "aab", "b")
M(r"(?:(a)|b)*", "ab", "ba", "abba")
M(r"(?:(a)|(b))*", "ab", "ba")
M(r"(a)|b", "b", "a")
M(r"((a)|(b))*", "ab", "aab", "bba")
M(r"(a(b)?)+", "aba", "abab")
M(r"(?:(\d+)\.)?(\d+)", "12.34", "56")
M(r"(x)?(?(1)a|b)", "xa", "b", "xb", "a")
M(r"(?P<q>')?\w+(?(q)')", "'abc'", "abc", "'abc")
M(r"(a)(?(1)b)", "ab", "a")
M(r"(?(1)a|b)(c)?", "b", "bc")
M(r"(a)?(?(1)|x)", "a", "x", "")
# ---- backreferences
M(r"(a+)b\1", "aabaa", "aaba", "abaa")
M(r"(\w+) \1", "hello hello", "hello world")
M(r"(a)|\1", "x")
M(r"(?:(a)|b)\1", "aa", "ba", "b")
M(r"(?i)(a)\1", "aA", "Aa")
M(r"(?i)(\w+) \1", "Hello HELLO", "stra\u00dfe STRASSE")
M(r"(?i)(s)\1", "s\u017f", "sS", "\u017fS")
M(r"(.)\1{2,}", "abbbbc", "abbc")
M(r"(?P<x>a)(?P=x)+", "aaaa")
M(r"(a)\1?", "a", "aa")
M(r"(a)(?<=\1)", "a")
M(r"(\w)(\w)?\2", "ab", "abb", "aa")
# ---- repetition
M(r"a*", "", "aaa", "baaa")
M(r"a+", "", "aaa", "baaa")
M(r"a?", "", "a", "aa")
M(r"a{2}", "a", "aa", "aaa")
M(r"a{2,}", "a", "aa", "aaaa")
M(r"a{,2}", "", "aaa")
M(r"a{2,3}", "a", "aa", "aaaa")
M(r"a{0}", "aa")
M(r"a{1,1}b", "ab")
M(r"a{", "a{", "a")
M(r"a{}", "a{}")
M(r"a{,}", "aaa")
M(r"a{1,x}", "a{1,x}")
M(r"x{2,3}?", "xxxx")
M(r"a*?", "aaa")
M(r"a+?", "aaa")
M(r"a??", "aa")
M(r"a*?b", "aaab")
M(r"<.*>", "<a><b>")
M(r"<.*?>", "<a><b>")
M(r"a{2,4}?b", "aaaab", "ab")
M(r"(ab)*?c", "ababc")
M(r"(ab){2}", "ababab")
M(r"(ab){2,}?", "ababab")
M(r"(?:ab){1,2}?c", "ababc", "abc")
M(r"(a|ab)(c|bcd)(d*)", "abcd")
M(r"(a+|b+)*c", "aabbc", "aabb")
M(r"((a)|b)*?c", "abac")
M(r"(a*)*b", "aaab", "aaa")
M(r"(a*?)*?b", "aaab")
M(r"(?:a*)*", "aa")
M(r"(?:x?)+y", "xxy", "y")
M(r"(?:()|a)*", "aa")
M(r"(?:a|())*", "aa")
M(r"(\w+?)(\d*)", "abc123")
M(r"(\d{1,3})(\d{3})*", "1234567")
M(r"\d{4}-\d{2}-\d{2}", "on 2023-01-15 and 2024-12-31")
# ---- possessive and atomic
M(r"a*+a", "aaa")
M(r"a++", "aaa", "")
M(r"a?+a", "a", "aa")
M(r"a{1,2}+a", "aa", "aaa")
M(r"(?:ab)*+ab", "ababab")
M(r"(?:ab)*+c", "ababc")
M(r"(ab|a)*+c", "aababc")
M(r"(?>ab|a)c", "abc", "ac")
M(r"(?>a+)b", "aaab")
M(r"(?>a+)a", "aaa")
M(r"(?>(a)|b)*c", "abac")
M(r"(?>x*)+y", "xxy")
M(r"(?:a|b)++c", "ababc")
M(r"((a)|b)++", "ab")
M(r"(?:(a)|b)*+", "ba")
M(r"(?:a?)*+b", "aab", "b")
M(r"(?>)", "a")
M(r"\d++\.", "123.")
M(r"[ab]{2,}+b", "aabb")
# ---- capture bookkeeping on backtracking (CPython keeps some captures
# ---- from failed paths outside general repeats)
M(r"((a)|b)++", "ab")
M(r"(?:(a)b|ac)", "ac")
M(r"x*(a)?(?(1)b|c)", "xac", "xc")
M(r"a*(b)c|a*d", "aabd")
M(r"(?:x(a)c|x(a)d)*", "xadxad")
M(r"(?:(?:(a)|b)c)*", "acbc")
M(r"(?:(a)?b)*", "abb")
M(r"(?:(a)|b)*?c", "abc")
M(r"(?!(a)b)a", "ac")
M(r"(?:(?!(a)b)a.)*", "acab")
M(r"(?:(?!(a)b).)*", "xay")
M(r"(a)(?:(?!(a)c).)*", "aab")
M(r"(a)x|(?:(a)b|ac)", "ac")
M(r"(?>(a)b|ac)", "ac")
M(r"(?:(a)b|ac)+?", "acab")
M(r"(?:(a)|x)(?:(a)b|ac)*", "aabac")
M(r"(?:(a)|b)(?:(a)|b)", "ab")
M(r"(a)?(?:(a)x|a)", "aa")
M(r"(?:(a)x|(b)y|a)+", "axbya")
M(r"(?:(a)|(b))+?c", "abc")
M(r"(?:(a)|b)*+c", "abc")
M(r"(?:(a)c|(a)b)*+", "acab")
M(r"(?=(a)b|(a)c)", "ac")
M(r"(?!(a)c|(a)b)", "ad")
M(r"(?:(?=(a))a|b)+", "ab")
M(r"(a)*?(b)|(a)c", "aac")
M(r"(?:a(b)?)*c", "ababac")
M(r"((a)|(b))*?c", "abc")
M(r"(?:(x)|(y))*(?(1)a|b)", "xya", "yxa", "xyb")
M(r"(\w)(?:(?!\1)(\w))+", "abcb")
M(r"(a)+?b|(a)+c", "aac")
M(r"(?:(a)|(b)|c)*(?:d|(e))", "abcd", "cbae")
M(r".*(\d+)", "ab123")
M(r".*?(\d+)", "ab123")
M(r"(.*)(\d+)(.*)", "ab123cd")
M(r"^(\w+)\s*=\s*(.*?)\s*$", "key = some value  ")

# ---- lookarounds
M(r"foo(?=bar)", "foobar", "foobaz")
M(r"foo(?!bar)", "foobar", "foobaz")
M(r"(?<=a)b", "ab", "cb", "b")
M(r"(?<!a)b", "ab", "cb", "b")
M(r"(?<=ab|cd)x", "abx", "cdx", "ex")
M(r"(?<=(a))b", "ab")
M(r"(?=(a))a", "a")
M(r"(?!(a)b)a(c)", "ac")
M(r"(?<=\d{3})x", "123x", "12x")
M(r"(?<!^)x", "xx")
M(r"\w+(?=,)", "ab,cd,ef")
M(r"(?<=\bfoo)bar", "foobar xfoobar")
M(r"(?=a)*b", "b")
M(r"(?<=a)", "aaa")
M(r"(?=(\w+))\w", "abc")
M(r"(?!)", "a")
M(r"(?<=)x", "x")
M(r"(a)(?<=(a))", "a")
M(r"(?<=(?i)A)b", "ab")
M(r"(?<=[ab]c)d", "acd bcd ccd")
M(r"(?<![ab]c)d", "acd bcd ccd")
# ---- alternation
M(r"a|b|c", "xbc")
M(r"cat|category", "category")
M(r"category|cat", "category")
M(r"|a", "a")
M(r"a|", "b")
M(r"(foo|bar|baz)+", "foobazbarx")
M(r"x(?:ab|a)c", "xac", "xabc")
M(r"(?:a|b)|c", "c")
M(r"(a|b)c|a(b|c)", "ac", "ab")
# ---- case-insensitive
M(r"abc", "ABC", "aBc", flags=I)
M(r"[a-z]+", "HeLLo", flags=I)
M(r"[^a-z]+", "HeLLo 12", flags=I)
M(r"\u00e9", "\u00c9", flags=I)
M(r"\u00e9", "\u00c9", flags=I | A)
M(r"k", "K", "\u212a", "k", flags=I)
M(r"k", "K", "\u212a", flags=I | A)
M(r"s", "S", "\u017f", flags=I)
M(r"\u017f", "s", "S", flags=I)
M(r"[s]", "\u017f", "S", flags=I)
M(r"[\u017f]", "s", "S", flags=I)
M(r"i", "I", "\u0130", "\u0131", flags=I)
M(r"\u0130", "i", "I", "\u0131", flags=I)
M(r"\u0131", "i", "I", flags=I)
M(r"[i]", "\u0130", "\u0131", flags=I)
M(r"\u03c3", "\u03a3", "\u03c2", flags=I)
M(r"[\u03c2]", "\u03a3", "\u03c3", flags=I)
M(r"\u00b5", "\u039c", "\u03bc", flags=I)
M(r"\u1e9e", "\u00df", "ss", flags=I)
M(r"\u00df", "\u1e9e", flags=I)
M(r"\u0345", "\u03b9", "\u0399", "\u1fbe", flags=I)
M(r"[\u0100-\u0110]+", "\u0101\u0103\u0100", flags=I)
M(r"[A-Z]+", "abc\u212a", flags=I)
M(r"[A-Z]+", "abc\u212a", flags=I | A)
M(r"[\U00010400]", "\U00010428", flags=I)
M(r"[\U00010400a]", "\U00010428", "\U00010400", flags=I)
M(r"[\U00010428a]", "\U00010400", flags=I)
M(r"[\U00010400-\U00010401]", "\U00010428", flags=I)
M(r"[\U00010428-\U00010429]", "\U00010400", flags=I)
M(r"\U00010400", "\U00010428", flags=I)
M(r"[^k]", "K", "\u212a", "x", flags=I)
M(r"[^\u212a]", "k", "x", flags=I)
M(r"[\w]+", "Ab\u212a", flags=I)
M(r"[0-9]+", "0123", flags=I)
M(r"(?i:a)b", "Ab", "AB")
M(r"(?i)a(?-i:b)", "Ab", "AB")
M(r"a(?i)", "a")
M(r"(?i)[^\W]+", "ab")
M(r"\W", "\u212a", flags=I)
M(r"[\W]", "\u212a", flags=I)
M(r"(?i)\U00010400|a", "\U00010428", "A")
M(r"(?i)(?:\U00010400|ab)", "\U00010428")
M(r"(?i)(a|\u017f|[xy])+", "AsSxY\u017f")
M(r"(?i:a)|b", "A", "B")
# ---- flags, verbose, comments
M(r"(?x) a b  c # comment", "abc", "a b c")
M(r"(?x) a\ b [ ]c", "a b c")
M(r"(?x) a # x\n b", "ab")
M(r"a b", "ab", flags=X)
M(r"(?x:a b) c", "ab c", "abc")
M(r"(?x)a(?-x: b)", "a b")
M(r"a(?#comment)b", "ab")
M(r"a(?#x)*", "aaa")
M(r"(?s).+", "a\nb")
M(r"(?s:.)(.)", "\n\n", "\na")
M(r"(?m:^a)", "b\na")
M(r"(?a)\w+", "\u00e9a")
M(r"(?a:\w)(\w)", "a\u00e9")
M(r"(?u:\w)(\w)", "\u00e9\u00e9", flags=A)
M(r"(?i)(?m)^A", "b\na")
M(r"(?x)  (?i) a", "A")
M(r"(?x)a  {2}", "aa")
M(r"(?x)a{1, 2}", "a{1,2}")
M(r"(?x)[ a]", " ")
M(r"(?x)\ ", " ")
M(r"(?x)a#b\nc", "ac")
# ---- bytes patterns
M(b"abc", b"xabc")
M(rb"\w+", b"caf\xe9 ok_1")
M(rb"\d+\s+", b"12 \xa0x")
M(rb"[\x80-\xff]+", b"ab\x80\xffcd")
M(rb"(?i)caf\xc9", b"CAF\xe9", b"caf\xc9")
M(rb"(?i)[a-z]+", b"AbC")
M(rb"\bfoo\b", b"foo bar")
M(rb".", b"\n", flags=S_)
M(rb"(a)(?P<n>b)\1", b"aba")
M(rb"\x00\xff", b"\x00\xff")
M(rb"(?L)\w+", b"ab")
M(rb"[A-Z]+", b"abcXYZ", flags=L | I)
M(rb"[a-z]+", b"ABCxyz\xc9\xe9", flags=L | I)
M(rb"caf\xe9", b"CAF\xc9", flags=L | I)
M(rb"\w+\b", b"a\xe9b c", flags=L)
M(rb"(?i)\xe9", b"\xc9\xe9")
M(rb"(?i)[\xe0-\xff]+", b"\xc9\xe9")
M(rb"(?i)(a)\1", b"aA")
# ---- empty matches in finditer / findall
M(r"", "abc")
M(r"x*", "axxb")
M(r"a*?", "aa")
M(r"\b", "ab cd")
M(r"(?=a)|a", "aa")
M(r"a|(?=a)", "aa")
M(r"^|a", "aa")
M(r"|a|b", "ab")
M(r"\w*", "ab, cd")
M(r"(?:)", "")

# ---- pos / endpos
P(r"\w+", "hello world", 3, 8)
P(r"^\w", "hello", 1, 5)
P(r"^\w", "a\nbc", 2, 4, flags=M_)
P(r"\w$", "hello", 0, 3)
P(r"\b\w", "hello", 2, 5)
P(r"(?<=l)l", "hello", 3, 5)
P(r"\Ah", "hh", 1, 2)
P(r"o\Z", "foo!", 0, 3)
P(r"", "abc", 3, 3)
P(r"", "abc", 2, 1)
P(r"x*", "axxb", 1, 3)
P(r"a$", "a\n", 0, 1)

# ---- sub, subn
S(r"a", "b", "banana")
S(r"a", "b", "banana", count=2)
S(r"(\w+) (\w+)", r"\2 \1", "hello world, good day")
S(r"(?P<w>\w+)", r"<\g<w>>", "ab cd")
S(r"(\w)", r"\g<1>\g<0>", "ab")
S(r"x*", "-", "abxd")
S(r"", "-", "abc")
S(r"a|(b)", r"[\1]", "abc")
S(r"a", r"\n\t\\", "a")
S(r"a", r"\&\-", "a")
S(r"(a)", r"\10", "a")
S(r"(a)", r"\1\060", "a")
S(r"(a)", r"\01\0\101", "a")
S(r"(a)", r"\2", "a")
S(r"(a)", r"\g<2>", "a")
S(r"(a)", r"\g<x>", "a")
S(r"(a)", r"\g<1", "a")
S(r"(a)", r"\g", "a")
S(r"(a)", r"\g<>", "a")
S(r"(a)", r"\g<1a>", "a")
S(r"(a)", r"\g<-1>", "a")
S(r"(a)", r"\q", "a")
S(r"(a)", "x\\", "a")
S(r"(a)", r"\400", "a")
S(r"(a)", r"\777", "a")
S(r"a", r"\b", "a")
S(rb"(a)", rb"[\1]", b"xax")
S(r"\s+", " ", "a  b \t c")
S(r"(?m)^", "> ", "a\nb\n")
S(r"(?m)$", "!", "a\nb\n")
S(r"\b", "|", "ab cd")
S(r"(?i)b+", "X", "aBbBa")

# ---- split
SP(r",", "a,b,,c")
SP(r"(,)", "a,b,,c")
SP(r",", "a,b,c", maxsplit=1)
SP(r"x*", "axbc")
SP(r"\b", "ab cd")
SP(r"(a)|b", "xaybz")
SP(r"", "abc")
SP(r"\W+", "Words, words, words.")
SP(r"(\W+)", "Words, words, words.")
SP(r"(?m)^$", "a\n\nb")
SP(rb"\s", b"a b\tc")

# ---- errors
for p in [
    "(", "(a", "(?:a", "a)", "a))", ")", "*", "+a", "?", "{1}", "a**", "a*{2}", "a+++", "a{2}{3}", "a??+",
    "^*", "\\b*", "$+", "(?<x", "(?<x)", "(?<", "(?", "(?P", "(?Px", "(?P<", "(?P<a", "(?P<a>", "(?P<1>a)",
    "(?P<a-b>x)", "(?P<a>x)(?P<a>y)", "(?P=a)", "(?P=1)", "(?P<a>(?P=a))", "(?P=", "(?P=a", "(?(", "(?(a",
    "(?(1", "(?(1)", "(?(1)a", "(?(1)a|b|c)", "(?(0)a)", "(?(x)a)", "(?(1a)x)", "(?(2)a)(b)", "(?(-1)a)",
    "[", "[a", "[a-", "[^", "[]", "[^]", "[z-a]", "[a-\\d]", "[\\w-z]", "[\\A]", "[\\9]", "\\q", "\\",
    "a\\", "\\x", "\\x1", "\\xg", "\\u12", "\\U1234", "\\U00110000", "\\N", "\\N{", "\\N{}", "\\N{NOPE}",
    "\\1", "(a)\\2", "(a\\1)", "\\400", "\\777", "[\\400]", "[\\777]", "\\8", "\\08", "\\9", "(?<=a+)b",
    "(?<=a|bc)", "(?<!a*)", "(?<=a{1,2})", "(?<=(?(1)a|bc))(b)", "(?<=(a)\\1)", "(?<=(a))\\1", "(a)(?<=\\1)",
    "(?#abc", "(?i", "(?i-", "(?-", "(?-i", "(?i-i:a)", "(?z)", "(?iz)", "(?i-z:a)", "(?-1:a)", "(?a-:a)",
    "(?iL)", "(?L)a", "(?au)a", "(?-u:a)", "(?ia)", "a(?i)b", "(a(?i))", "(?:(?i))", "x|(?i)a", "(?x)(?i)",
    "a{2,1}", "a{4294967295}", "a{1,4294967295}", "a{99999999999}", "(?", "(?<=a)(?<=b*)", "(?P<a>a)(?P=b)",
    "(?P<é>a)", "(?P<a>a)(?P<b>b)(?P<a>c)", "x{1,2}{3}", "(?>a)*+", "(?>", "(?>a", "a|*", "(|*)", "[[]", "\\A*",
    "\\Z?", "(?=a)*", "(?i:)", "(?u)x", "(?a)\\w",
]:
    E(p)
E("(?u)", A)
E("a", A | re.U)
E("a", L)
E(b"a", re.U)
E(b"(?u)a")
E(b"\\u0041")
E(b"\\N{LATIN SMALL LETTER A}")
E(b"(?L)a", A)
E(b"(?La)")
E("a#b(", X)
E("(?x)\n(\n", 0)
E("abc\n(?P<x\n", 0)

# ---- more corners
M(r"a|ab", "ab")
M(r"(a|ab)(c|bcd)", "abcd")
M(r"(?:a|ab)$", "ab")
M("(a)(b)(c)(d)(e)(f)(g)(h)(i)(j)\\10", "abcdefghijj", "abcdefghija0")
M("(a)(b)(c)(d)(e)(f)(g)(h)(i)(j)\\11", "abcdefghij\t")
M("(a)\\101", "aA")
M("(a)\\18", "aa8")
M(r"(?i)(a)\1", "aA", flags=A)
M(r"(?i)(\u00e9)\1", "\u00e9\u00c9")
M(r"(?i)(\u00e9)\1", "\u00e9\u00c9", flags=A)
M(r"(?i)\u00e9+", "\u00c9\u00e9", flags=A)
M(r"(?P<a>x)|(?P<b>y)", "y", "x")
M(r"(?P<outer>(?P<inner>a)b)", "ab")
M(r"(a)(?:b|(c))", "ab", "ac")
M(r"[\s\S]+", "a\nb")
M(r"[^\s\S]", "a")
M(r"\W+", "\u00e9 !", flags=A)
M(r"[\w]+", "\u00e9a_1", flags=A)
M(r"(?u)\w+", "\u00e9a")
M(r"(?i)[\u0400-\u04ff]+", "\u0416\u0436")
M(r"(?i)\u1f80", "\u1f88", "\u1f80")
M(r"(?i)[\u1f80-\u1f87]+", "\u1f88\u1f8f")
M(r"(?x)[#]a", "#a")
M(r"(?x)a\#b", "a#b")
M(r"(?x) a | b ", "b")
M(r"(?x)(?# c ) a", "a")
M(r"\0", "\0")
M(r"[\0-\x08]+", "\x01\x08")
M(r"a(?=b)?", "ab")
M(r"(?<=a)?b", "b")
M(r"(?:)+a", "a")
M(r"(?:a*)+b", "aab")
M(r"(?:a*?)+?b", "aab")
M(r"(?:(a)|b)*?(?(1)x|y)", "bay", "bax")
M(r"(a)*?\1", "aa", "")
M(r"(?>a*?)b", "aab")
M(r"(?:a|b)*+b", "aab")
M(r"(?=a+?)a", "aa")
M(r"(?<=^a)b", "ab")
M(r"(?<!^)\b", "ab cd")
P(r"(?<=a)b", "ab", 1, 2)
P(r"\bb", "ab", 1, 2)
P(r"$", "ab\n", 0, 2)
P(r"a$", "ab", 0, 1, flags=M_)
P(r"(?m)^b", "ab", 1, 2)
S(rb"(a)", rb"\g<2>", b"a")
S(rb"(?P<n>a)", rb"<\g<n>>", b"xa")
S(rb"a", rb"\q", b"a")
S(r"(?P<n>a)", r"\g<n>\g<n>", "a")
S(r"(a)|(b)", r"[\1\2]", "ab")
S(r"a", "\\", "a")
S(r"a", r"\g<0>\g<00>", "a")
S(r"(a)", r"\g< 1>", "a")
S(r"(a)", r"\g<+1>", "a")
S(r"(a)", r"\g<1_0>", "a")
S(r"a", r"\0a", "a")
S(r"(?<=a)", "-", "aaa")
SP(r"(?<=a)", "aaa")
SP(r"(a)(x)?", "bab")
SP(r"a", "aaa", maxsplit=2)
M(r"(a)(?(+1)b|c)", "ab")
M(r"(a)(?( 1 )b|c)", "ab")
M(r"(a)(?(1_0)b|c)", "ab")
E("(?(-0)a)")
E("(?(1__0)a)")
E("(?x)a\n(\n")
E("(?P<a>\n")
E("a\n\n)")
E("[a-\n")

# ---- long subjects (no stack overflow, sane time); the subject is given as
# ---- piece~count~piece~count... and rebuilt by the test
def BIG(p, pieces, flags=0):
    subj = "".join(piece * n for piece, n in pieces)
    spec = "~".join("%s~%d" % (enc(piece), n) for piece, n in pieces)
    r = re.compile(p, flags)
    ms = list(r.finditer(subj))
    exp = "%s;%d;%s" % (spans(r.search(subj)), len(ms), spans(ms[-1]) if ms else "N")
    rows.append("\t".join(["big", "s", str(int(flags)), enc(p), spec, "", "", exp]))


BIG(r"(a|b)*c", [("ab", 150000), ("c", 1)])
BIG(r"(a|b)*c", [("ab", 2000)])
BIG(r"(?:a|b)*?c", [("ab", 100000), ("c", 1)])
BIG(r"(ab)*", [("ab", 100000)])
BIG(r"((a)|b)+", [("ab", 100000)])
BIG(r"(a+)+b", [("a", 20)])
BIG(r"(?:(a)|b)*+c", [("ab", 100000), ("c", 1)])
BIG(r"(?>(?:ab)*)c", [("ab", 100000), ("c", 1)])
BIG(r"(?:a(?=b)|b)*", [("ab", 100000)])
BIG(r"\w+", [("hello world ", 25000)])
BIG(r"\d{4}-\d{2}-\d{2}", [("x 2024-01-31 y ", 20000)])
BIG(r"foo|bar|baz", [("qux ", 50000), ("baz", 1)])
BIG(r".*x", [("a", 20000)])
BIG(r"(.)*", [("ab", 150000)])
BIG(r"(?s).*?z", [("a\n", 150000), ("z", 1)])
BIG(r"(a*)*b", [("a", 16)])
BIG(r"(?:x|y)*?$", [("xy", 100000)])
BIG(r"(\w+)\s+\1", [("ab ", 50000), ("x x", 1)])

# ---- random patterns (seeded, so the file is reproducible)
import random

rng = random.Random(1234)
N_RANDOM = 500
if FUZZ:
    rows.clear()
    rng = random.Random(int(sys.argv[2]))
    N_RANDOM = int(sys.argv[3])


def rand_atom(depth):
    r = rng.random()
    if depth > 2 or r < 0.35:
        return rng.choice(["a", "b", "c", ".", "[ab]", "[^a]", "\\w", "a", "b", "A", "[a-c]", "\\s", "\\n"])
    if r < 0.5:
        return "(" + rand_alt(depth + 1) + ")"
    if r < 0.6:
        return "(?:" + rand_alt(depth + 1) + ")"
    if r < 0.65:
        return "(?=" + rand_alt(depth + 1) + ")"
    if r < 0.7:
        return "(?!" + rand_alt(depth + 1) + ")"
    if r < 0.75:
        return "(?>" + rand_alt(depth + 1) + ")"
    if r < 0.78:
        return rng.choice(["^", "$", "\\b", "(?<=a)", "(?<!b)", "\\B", "(?<=ab)", "(?<!a|b)"])
    if r < 0.8:
        return "(?(1)" + rand_seq(depth + 1) + "|" + rand_seq(depth + 1) + ")"
    return rng.choice(["a", "b", "ab", "ba"])


def rand_piece(depth):
    a = rand_atom(depth)
    if a in ("^", "$", "\\b", "(?<=a)", "(?<!b)", "\\B", "(?<=ab)", "(?<!a|b)"):
        return a
    if rng.random() < 0.4:
        q = rng.choice(["*", "+", "?", "{1,2}", "{2}", "{0,3}"])
        q += rng.choice(["", "", "?", "+"])
        return a + q
    return a


def rand_seq(depth):
    return "".join(rand_piece(depth) for _ in range(rng.randint(1, 3)))


def rand_alt(depth):
    return "|".join(rand_seq(depth) for _ in range(rng.choice([1, 1, 2, 3])))


seen = set()
while len(seen) < N_RANDOM:
    p = rand_alt(0)
    if p in seen:
        continue
    try:
        re.compile(p)
    except re.error:
        continue
    seen.add(p)
    # add a backreference now and then
    if "(" in p and rng.random() < 0.2 and re.compile(p).groups:
        p2 = p + "\\1"
        try:
            re.compile(p2)
            p = p2
        except re.error:
            pass
    subj = "".join(rng.choice("aabbc") for _ in range(rng.randint(0, 8)))
    subj2 = "".join(rng.choice("aAbB\nc") for _ in range(rng.randint(0, 10)))
    M(p, subj, subj2, flags=rng.choice([0, 0, 0, I, M_, S_, I | M_]))

out = os.path.join(os.path.dirname(os.path.abspath(__file__)), "cases.txt")
if FUZZ:
    out = sys.argv[4]
with open(out, "w", encoding="ascii") as f:
    f.write("\n".join(rows) + "\n")
print(len(rows), "rows")
