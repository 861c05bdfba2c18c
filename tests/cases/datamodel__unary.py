# Unary operators: __neg__, __pos__, __abs__, __invert__, and their errors.
class Num:
    def __init__(self, v):
        self.v = v

    def __repr__(self):
        return f"Num({self.v})"

    def __neg__(self):
        print("__neg__")
        return Num(-self.v)

    def __pos__(self):
        print("__pos__")
        return self

    def __abs__(self):
        print("__abs__")
        return Num(abs(self.v))

    def __invert__(self):
        print("__invert__")
        return Num(~self.v)


n = Num(5)
print(-n, +n is n, abs(Num(-3)), ~n)
print(-(-n), --n)
print([abs(x) for x in (Num(-1), Num(2))])


class Odd:
    def __neg__(self):
        return "negated"

    def __abs__(self):
        return None


print(-Odd(), abs(Odd()))


class Nothing:
    pass


for sym in ("-", "+", "~", "abs"):
    try:
        if sym == "-":
            -Nothing()
        elif sym == "+":
            +Nothing()
        elif sym == "~":
            ~Nothing()
        else:
            abs(Nothing())
    except TypeError as e:
        print("TypeError:", e)


class Flags:
    def __init__(self, bits):
        self.bits = bits

    def __invert__(self):
        return Flags(~self.bits & 0b1111)

    def __bool__(self):
        return self.bits != 0


f = Flags(0b1010)
print(bin((~f).bits), not f, not ~Flags(0b1111))
