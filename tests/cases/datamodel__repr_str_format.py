# __repr__, __str__ and __format__ and where each one is used.
class Both:
    def __init__(self, v):
        self.v = v

    def __repr__(self):
        return f"Both({self.v!r})"

    def __str__(self):
        return f"<{self.v}>"


class ReprOnly:
    def __repr__(self):
        return "ReprOnly()"


class StrOnly:
    def __str__(self):
        return "just str"


b = Both("x")
print(b)
print(str(b), repr(b), [b], (b,), {"k": b})
print(f"{b} {b!r} {b!s}", "%s %r" % (b, b), "{} {!r}".format(b, b))
r = ReprOnly()
print(r, str(r), [r], f"{r}")
s = StrOnly()
print(s, repr(s).split(" at ")[0], [repr(x).split(" at ")[0] for x in [s]])


class Money:
    def __init__(self, cents):
        self.cents = cents

    def __format__(self, spec):
        print("__format__ spec", repr(spec))
        if spec == "":
            return str(self)
        if spec == "short":
            return f"{self.cents // 100}$"
        return format(self.cents / 100, spec)

    def __str__(self):
        return f"{self.cents // 100}.{self.cents % 100:02d} EUR"


m = Money(12345)
print(f"{m}")
print(f"{m:short}")
print(f"[{m:>10.1f}]")
print(format(m, ".3f"), "{:short}".format(m))
try:
    format(s, "d")
except TypeError as e:
    print("TypeError:", e)


class BadRepr:
    def __repr__(self):
        return 42


class BadStr:
    def __str__(self):
        return None


for obj, fn in ((BadRepr(), repr), (BadStr(), str)):
    try:
        fn(obj)
    except TypeError as e:
        print("TypeError:", e)
print(format(Both(1), ""), str(Both([1, 2])), repr(Both("a'b")))
