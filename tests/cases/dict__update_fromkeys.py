# dict(), update(), fromkeys() and setdefault(): the accepted argument shapes and the
# errors for the others.
def attempt(label, fn):
    try:
        result = fn()
    except Exception as e:
        print(label, "->", type(e).__name__, e)
    else:
        print(label, "=>", result)


attempt("dict(a=1, b=2)", lambda: dict(a=1, b=2))
attempt("dict([('a', 1)], b=2)", lambda: dict([("a", 1)], b=2))
attempt("dict({'a': 1}, a=2)", lambda: dict({"a": 1}, a=2))
attempt("dict(zip('ab', range(2)))", lambda: dict(zip("ab", range(2))))
attempt("dict(['ab', 'cd'])", lambda: dict(["ab", "cd"]))
attempt("dict([(1, 2, 3)])", lambda: dict([(1, 2, 3)]))
attempt("dict([(1, 2), (3,)])", lambda: dict([(1, 2), (3,)]))
attempt("dict([1])", lambda: dict([1]))
attempt("dict(5)", lambda: dict(5))
attempt("dict({}, {})", lambda: dict({}, {}))
attempt("dict([[1, 2]])", lambda: dict([[1, 2]]))
attempt("dict([([], 1)])", lambda: dict([([], 1)]))
attempt("dict(**{'a': 1})", lambda: dict(**{"a": 1}))
d = {"a": 1}
attempt("update(b=2)", lambda: (d.update(b=2), d)[1])
attempt("update([('c', 3)], d=4)", lambda: (d.update([("c", 3)], d=4), d)[1])
attempt("update({'a': 0})", lambda: (d.update({"a": 0}), d)[1])
attempt("update()", lambda: (d.update(), d)[1])
attempt("update([(1, 2, 3)])", lambda: d.update([(1, 2, 3)]))
attempt("update(['xyz'])", lambda: d.update(["xyz"]))
attempt("update([('ok', 1), 'bad'])", lambda: d.update([("ok", 1), "bad"]))
print("after the failed update:", d)
attempt("update(1)", lambda: d.update(1))
attempt("update({}, {})", lambda: d.update({}, {}))


class KeysOnly:
    # anything with keys() and __getitem__ counts as a mapping
    def keys(self):
        return ["k1", "k2"]

    def __getitem__(self, key):
        return key.upper()


attempt("update(KeysOnly())", lambda: (d.update(KeysOnly()), d)[1])
attempt("dict(KeysOnly())", lambda: dict(KeysOnly()))
attempt("fromkeys('abc')", lambda: dict.fromkeys("abc"))
attempt("fromkeys(range(3), [])", lambda: dict.fromkeys(range(3), []))
shared = dict.fromkeys("xy", [])
shared["x"].append(1)
print("fromkeys shares the value:", shared)
attempt("fromkeys({'q': 1, 'r': 2})", lambda: dict.fromkeys({"q": 1, "r": 2}))
attempt("fromkeys({3, 1, 2})", lambda: dict.fromkeys({3, 1, 2}))
attempt("fromkeys(5)", lambda: dict.fromkeys(5))
attempt("fromkeys([[1]])", lambda: dict.fromkeys([[1]]))
attempt("fromkeys()", lambda: dict.fromkeys())


class MyDict(dict):
    pass


md = MyDict.fromkeys("ab", 0)
print(type(md).__name__, md)
attempt("{}.fromkeys('z')", lambda: {"ignored": 1}.fromkeys("z"))
s = {}
attempt("setdefault('a')", lambda: (s.setdefault("a"), s)[1])
attempt("setdefault('a', 5)", lambda: s.setdefault("a", 5))
attempt("setdefault('b', [])", lambda: s.setdefault("b", []).append(1) or s)
attempt("setdefault([], 1)", lambda: s.setdefault([], 1))
attempt("setdefault()", lambda: s.setdefault())
attempt("update(a=1, **{'a': 2})", lambda: d.update(a=1, **{"a": 2}))
