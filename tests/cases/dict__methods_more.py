# get, pop, copy, clear, | and |=, equality and comparisons.
def attempt(label, fn):
    try:
        result = fn()
    except Exception as e:
        print(label, "->", type(e).__name__, e)
    else:
        print(label, "=>", result)


d = {"a": 1, "b": 2}
attempt("get('a')", lambda: d.get("a"))
attempt("get('z')", lambda: d.get("z"))
attempt("get('z', 0)", lambda: d.get("z", 0))
attempt("get([])", lambda: d.get([]))
attempt("get()", lambda: d.get())
attempt("get(1, 2, 3)", lambda: d.get(1, 2, 3))
attempt("pop('a')", lambda: d.pop("a"))
attempt("pop('a')", lambda: d.pop("a"))
attempt("pop('a', None)", lambda: d.pop("a", None))
attempt("pop('a', default=1)", lambda: d.pop("a", default=1))
attempt("pop(('t', 1))", lambda: d.pop(("t", 1)))
attempt("pop()", lambda: d.pop())
attempt("d['missing']", lambda: d["missing"])
attempt("d[(1, 2)]", lambda: d[(1, 2)])
attempt("d[[1]]", lambda: d[[1]])
attempt("d[{}] = 1", lambda: d.__setitem__({}, 1))
print(d)
c = d.copy()
c["new"] = [1]
print(d, c, type(c).__name__)
c2 = c.copy()
c2["new"].append(2)
print(c, c is not c2, c["new"] is c2["new"])
c.clear()
print(c, len(c), c2)
x, y = {"a": 1, "b": 2}, {"b": 20, "c": 3}
print(x | y, y | x, x, y)
x |= y
print(x)
x |= [("d", 4)]
print(x)
attempt("x | [('e', 5)]", lambda: x | [("e", 5)])
attempt("x | None", lambda: x | None)


def ior_bad():
    z = {}
    z |= 5
    return z


attempt("z |= 5", ior_bad)
attempt("[] | {}", lambda: [] | {})
print({1: 1} == {1: 1.0}, {1: 1} == {1.0: 1}, {"a": 1} == {"a": 1, "b": 2}, {} == dict())
print({"a": [1]} == {"a": [1]}, {"a": 1} != {"a": 2}, {} == [], {1: 2} == {1: 2}.items())
attempt("{} < {}", lambda: {} < {})
attempt("{1: 1} >= {}", lambda: {1: 1} >= {})
attempt("hash({})", lambda: hash({}))
nan = float("nan")
e = {nan: 1}
print(nan in e, float("nan") in e, e == {nan: 1}, e[nan])
print(len({i: i for i in range(1000)}), {i % 3: i for i in range(10)})
print(dict.__dict__["get"].__name__, type({}.get).__name__)
print(repr({"q": {}}), str({1: "x"}), {(): ()}, {None: None}, {1.5: -0.0})
r = {}
r[1] = r
print(r)
