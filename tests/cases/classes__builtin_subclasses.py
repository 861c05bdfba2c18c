# Subclasses of the built-in types: construction and inherited built-in behaviour.


class A(list):
    pass


class D(dict):
    pass


class I(int):
    pass


class F(float):
    pass


class S(str):
    pass


class T(tuple):
    pass


class St(set):
    pass


class Fz(frozenset):
    pass


a = A([3, 1, 2])
print(a, repr(a), str(a), type(a).__name__, len(a), a[0], a[-1], a[1:], type(a[1:]))
a.append(4)
a.extend([5, 6])
a.sort()
print(a, a.pop(), a.index(3), a.count(1), 2 in a, 9 in a, list(a), bool(a), bool(A()))
a[0] = 10
del a[1]
print(a, a == [10, 3, 4, 5], a != [10], a < [11], a + [7], type(a + [7]), a * 2, type(a * 2))
a += [8]
print(a, type(a), sorted(a), max(a), sum(a), [x * 2 for x in a])
a.note = "hi"
print(a.note, a.__dict__, isinstance(a, list), isinstance(a, A), issubclass(A, list))
print(A.__mro__, A.__bases__, A.__base__)

d = D(x=1, y=2)
d["z"] = 3
print(d, len(d), d["x"], d.get("q", 0), list(d), list(d.keys()), list(d.values()), list(d.items()))
print(D([("k", "v")]), D({"a": 1}, b=2), D(), "x" in d, d == {"x": 1, "y": 2, "z": 3}, type(d | {}))
del d["x"]
d.update(w=4)
print(d, d.pop("y"), d.setdefault("n", 5), d, type(d.copy()))

i = I(42)
print(i, repr(i), str(i), type(i).__name__, i + 1, type(i + 1), 1 + i, i - 2, i * 2, i // 5, i % 5, -i, +i, ~i, abs(I(-3)))
print(i == 42, i < 43, hash(i) == hash(42), {i: "v"}[42], int(i), type(int(i)), float(i), bool(I(0)), bool(i))
print(I("17"), I("ff", 16), I(3.9), I(), I(True), f"{i:05d}", "%d" % i, format(i, "x"), i.bit_length())

f = F(2.5)
print(f, repr(f), type(f).__name__, f + 1, type(f + 1), f * 2, -f, f == 2.5, hash(f) == hash(2.5), F("1.25"), F(), F(3))
print(f"{f:.3f}", round(f), int(f), f.is_integer(), f.as_integer_ratio())

s = S("Hello")
print(s, repr(s), str(s), type(str(s)), len(s), s[1], s[1:3], s.upper(), type(s.upper()), s + "!", type(s + "!"))
print(s == "Hello", s < "World", hash(s) == hash("Hello"), {s: 1}["Hello"], "ell" in s, s * 2, s.split("l"), f"[{s}]", "%s" % s)
print(S(), S(12), S([1, 2]), list(S("abc")), "-".join(S("xyz")), s.startswith("He"), s.replace("l", "L"))
print(type(s[:]).__name__, type(s * 1).__name__, type(s + "").__name__, type("" + s).__name__)

t = T([1, 2, 3])
print(t, repr(t), type(t).__name__, len(t), t[0], t[1:], type(t[1:]), t + (4,), type(t + (4,)), t * 2)
print(t == (1, 2, 3), hash(t) == hash((1, 2, 3)), {t: 1}[(1, 2, 3)], 2 in t, t.index(3), t.count(1), T(), T("ab"))
print(type(t[:]).__name__, type(t * 1).__name__, tuple(t), type(tuple(t)))

st = St([3, 1, 3])
st.add(2)
print(st, repr(St()), type(st).__name__, len(st), 1 in st, sorted(st), st == {1, 2, 3}, st | {9}, type(st | {9}), st & {1}, st - {1})
fz = Fz([1, 2])
print(fz, repr(Fz()), hash(fz) == hash(frozenset([1, 2])), fz | {3}, type(fz | {3}))


class Fz2(frozenset):
    pass


print(Fz2([1]).union([2]), type(Fz2([1]).union([2])).__name__, Fz2([1]).copy(), type(Fz2([1]).copy()).__name__)
n = I(5)
print(round(n), type(round(n)).__name__, abs(I(-5)), type(abs(I(-5))).__name__, divmod(I(7), 2), pow(I(2), 3))
print(n.real, type(n.real).__name__, n.numerator, n.denominator, F(1.5).real, F(1.5).imag)
print(max(I(1), I(2)), type(max(I(1), I(2))).__name__, sorted([I(3), I(1)]), sum([I(1), I(2)]), type(sum([I(1), I(2)])).__name__)
print(str(I(7)), type(str(I(7))).__name__, "%s %r %x" % (I(10), I(10), I(10)), [I(1)] * 2, I(2) * [0], "ab" * I(2))
print(list(A(range(3))), tuple(T(x for x in "ab")), D.fromkeys("ab") if hasattr(dict, "fromkeys") else "", isinstance(D(), dict))
