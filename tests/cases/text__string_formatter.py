# string: Template's error positions, is_valid/get_identifiers, subclass patterns; the
# Formatter's numbering rules, nested specs, recursion limit, field paths, conversions.
import string
T = string.Template
for text in ("$x and ${y} $$", "line1\nline2 $ bad", "$", "a\r\nb\x0cc $!", "${x"):
    t = T(text)
    print(repr(text), t.is_valid(), t.get_identifiers(), t.safe_substitute(x=1))
    try:
        print(t.substitute(x=1, y=2))
    except (ValueError, KeyError) as e:
        print(type(e).__name__, e)
print(T("$a $b $a ${c}").get_identifiers())


class Pct(string.Template):
    delimiter = "%"
    idpattern = "[a-z]+"


print(Pct("%who likes %%").substitute(who="me"), Pct("%who").substitute({"who": "x"}, who="kw"))


class Odd(string.Template):
    pattern = r"\$(?:(?P<escaped>\$)|(?P<named>[a-z]+)|(?P<braced>\{[a-z]+\})|(?P<invalid>))|(?P<other>@)"


for meth in ("is_valid", "get_identifiers"):
    try:
        print(getattr(Odd("@ $a"), meth)())
    except ValueError as e:
        print("ValueError", e.args[0])
f = string.Formatter()
print(f.format("{} {} {:>{}}", 1, 2, "x", 5), f.format("{0}{1}{0}", "a", "b"),
      f.format("{a.real} {b[1]} {c[k]!r:>6}", a=3, b=[1, 2], c={"k": "v"}))
for bad in ("{} {0}", "{0} {}", "{:{:{:{}}}}", "{!x}", "{0[}", "{a.}", "{0]x}"):
    try:
        print(f.format(bad, 1, 2, 3, 4, a=1))
    except (ValueError, IndexError, KeyError) as e:
        print(type(e).__name__, e)
print(f.format("{0!s} {0!r} {0!a}", "é"), list(f.parse("a{b!r:c}d{{e}}")))


class Tracking(string.Formatter):
    def check_unused_args(self, used, args, kwargs):
        print("used", sorted(map(str, used)), "of", len(args), sorted(kwargs))


Tracking().format("{} {x} {0}".replace("{0}", "{}"), 1, 2, 3, x=4, y=5)
print(string.capwords("  hello   world  "), string.capwords("a-b-c", "-"))
for bad in ("{a{b}", "{a[}]}", "{a[x]y}", "{0[1]}", "{a[{]}"):
    try:
        print(repr(f.format(bad, [5, 6], a={"}": 7, "{": 8, "x": 9})))
    except (ValueError, IndexError, KeyError, TypeError) as e:
        print(type(e).__name__, e)
    try:
        print(repr(bad.format([5, 6], a={"}": 7, "{": 8, "x": 9})))
    except (ValueError, IndexError, KeyError, TypeError) as e:
        print(type(e).__name__, e)
