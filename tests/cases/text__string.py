# string: the constants, capwords, Template (substitute, safe_substitute, errors,
# subclasses with another delimiter or pattern), and Formatter.
import string

for name in ["ascii_letters", "ascii_lowercase", "ascii_uppercase", "digits",
             "hexdigits", "octdigits", "punctuation", "printable", "whitespace"]:
    print(name, repr(getattr(string, name)))
print(string.capwords("  hello   wide world\tof python "), string.capwords("a-b c-d", "-"))
print(string.capwords("ÉCOLE été"), string.capwords(""))

T = string.Template
t = T("$who likes ${what}; $$5 for $who")
print(t.template, t.substitute(who="tim", what="kung pao"))
print(t.substitute({"who": "ann", "what": "tea"}), t.substitute({"who": "a", "what": "b"}, who="kw"))
print(t.safe_substitute(who="x"), t.safe_substitute())
print(T("$a$b ${c}d $ e $").safe_substitute(a=1, c=2.5))
print(t.get_identifiers(), t.is_valid(), T("bad $").is_valid(), T("${x}${y}$x").get_identifiers())
for tmpl, kw in [("$missing", {}), ("${oops", {}), ("line1\nab $ 1", {}), ("$", {}), ("x $1", {})]:
    try:
        print(T(tmpl).substitute(**kw))
    except KeyError as e:
        print("KeyError", e)
    except ValueError as e:
        print("ValueError", e)


class Percent(string.Template):
    delimiter = "%"


class Dotted(string.Template):
    idpattern = r"[a-z]+(?:\.[a-z]+)*"


class Braced(string.Template):
    braceidpattern = r"[^}]+"


class Custom(string.Template):
    pattern = r"""
    \#(?:
      (?P<escaped>\#) |
      (?P<named>[a-z]+) |
      <(?P<braced>[a-z]+)> |
      (?P<invalid>)
    )"""


print(Percent("%x and %%").substitute(x=9), Dotted("$a.b!").substitute({"a.b": "ok"}))
print(Braced("${any thing} $plain").substitute({"any thing": 1, "plain": 2}))
print(Custom("#a #<b> ## #").safe_substitute(a="A", b="B"), Custom.pattern.pattern.count("#"))
print(Percent.delimiter, T.delimiter, T.flags == string.re.IGNORECASE if hasattr(string, "re") else True)

f = string.Formatter()
print(f.format("{0}-{1}-{0}", "a", "b"), f.format("{} {}", 1, 2), f.format("{x:>5}|{y!r}", x=3, y="q"))
print(f.format("{0[1]} {p.real} {d[k]}", [7, 8], p=3 + 4j, d={"k": "v"}))
print(f.format("{:{w}.{p}f}", 3.14159, w=10, p=2), f.format("{{literal}} {0!s:^7}", "mid"))
print(list(f.parse("a{0}b{x!r:>3}c{{d}}")), list(f.parse("")), list(f.parse("plain")))


class Upper(string.Formatter):
    def format_field(self, value, spec):
        return format(value, spec).upper()

    def get_value(self, key, args, kwargs):
        if isinstance(key, str) and key not in kwargs:
            return "<%s>" % key
        return super().get_value(key, args, kwargs)


print(Upper().format("{a} and {b} and {0}", "zero", a="x"))
for fmt, args in [("{0} {}", (1, 2)), ("{} {0}", (1, 2)), ("{", ()), ("}", ()), ("{0!x}", (1,)),
                  ("{0", (1,)), ("{1}", (1,))]:
    try:
        print(f.format(fmt, *args))
    except (ValueError, IndexError) as e:
        print(type(e).__name__, e)
