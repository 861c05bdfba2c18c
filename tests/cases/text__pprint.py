# pprint: layouts of nested containers, strings and bytes, options, recursion.
import pprint
import io
import sys

data = {
    "name": "glasspy",
    "numbers": list(range(30)),
    "nested": {"a": [1, 2, {"deep": ("x", "y", "z") * 5}], "b": None, "c": 3.5},
    "tuple1": (1,),
    "empty": [[], {}, (), set(), frozenset()],
    "set": {5, 3, 1, 4, 2, 10, 20, 30, 40, 50, 60, 70, 80, 90, 100, 110, 120, 130},
    "fs": frozenset(range(25)),
    "text": "lorem ipsum dolor sit amet, consectetur adipiscing elit, sed do eiusmod "
            "tempor incididunt ut labore et dolore magna aliqua",
    "lines": "first line\nsecond line that is a good deal longer than the first one\n",
    "bytes": bytes(range(40)),
    "ba": bytearray(b"abcdefghij" * 8),
    (1, 2): "tuple key",
    10: "int key",
}
pprint.pprint(data)
print(pprint.pformat(data, width=40))
print(pprint.pformat(data, indent=4, width=60, depth=2))
print(pprint.pformat(data["numbers"], compact=True, width=30))
print(pprint.pformat([list(range(12))] * 3, compact=True, width=40))
print(pprint.pformat(data, sort_dicts=False, width=50))
pprint.pp({"z": 1, "a": 2, "m": [3] * 30})
pprint.pp({"z": 1, "a": 2}, width=5)
print(pprint.pformat(10**20, underscore_numbers=True), pprint.pformat([10**6, 3.5],
      underscore_numbers=True))
print(pprint.pformat("x" * 100))
print(pprint.pformat(["x" * 100, "yy " * 40]))
print(pprint.pformat({"k": "word " * 30}))
print(pprint.pformat(b"abc"), pprint.pformat(b"x" * 100, width=30))
print(pprint.pformat(tuple(range(40)), width=20))
print(pprint.pformat([(i, str(i) * i) for i in range(12)], width=30))
print(pprint.pformat({i: {j: j * i for j in range(4)} for i in range(6)}, width=25))
print(pprint.pformat([[1, 2, [3, 4, [5, 6, [7, 8]]]]], depth=3))
print(pprint.pformat({"a": {"b": {"c": {}}}}, depth=1), pprint.pformat([[[]]], depth=1))
print(pprint.pformat({1: "a", "b": 2, None: 3, (1,): 4}, width=10))

# mixed and subclasses
class L(list):
    pass
class R(list):
    def __repr__(self):
        return "R!"
class D(dict):
    pass
print(pprint.pformat(L(range(30)), width=20)[:30])
print(pprint.pformat(R(range(30)), width=20))
print(pprint.pformat(D(a=1, b=list(range(20))), width=30))
import types
print(pprint.pformat(types.MappingProxyType({"a": list(range(12)), "b": 1}), width=30))

# recursion
a = [1, 2]
a.append(a)
d = {"self": None}
d["self"] = d
rec = pprint.pformat(a)
print(rec.replace(str(id(a)), "ID"))
print(pprint.pformat(d).replace(str(id(d)), "ID"))
print(pprint.saferepr(a).replace(str(id(a)), "ID"), pprint.isrecursive(a), pprint.isreadable(a))
print(pprint.isrecursive([1, [2]]), pprint.isreadable([1, (2, "x")]), pprint.isreadable(object()))
print(pprint.isreadable({1: len}), pprint.saferepr({"b": 1, "a": (2,)}))
big = [a] * 3
print(pprint.pformat(big, width=20).replace(str(id(a)), "ID"))
a.clear()
d.clear()

# the PrettyPrinter object
out = io.StringIO()
pp = pprint.PrettyPrinter(indent=2, width=30, stream=out)
pp.pprint({"k": list(range(10)), "j": "v"})
pp.pprint("short")
print(out.getvalue(), end="")
print(pp.pformat((1, 2)), pp.isreadable([1]), pp.isrecursive([1]))
print(pprint.PrettyPrinter(depth=1).pformat([1, [2]]))
print(pprint.PrettyPrinter().isreadable(object()))

class Upper(pprint.PrettyPrinter):
    def format(self, object, context, maxlevels, level):
        if isinstance(object, str):
            return repr(object.upper()), True, False
        return super().format(object, context, maxlevels, level)
print(Upper(width=20).pformat({"a": ["bcd", "efg", "hij", "klm"]}))

for bad in [dict(indent=-1), dict(depth=0), dict(width=0)]:
    try:
        pprint.PrettyPrinter(**bad)
    except ValueError as e:
        print("ValueError:", e)
print(sorted(pprint.__all__))
pprint.pprint(sys.implementation.__class__(a=1, b="x" * 70, c=[1, 2]))
