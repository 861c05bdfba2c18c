# pprint: compact layouts, depth limits, recursion, readability, indent > 1, sort_dicts,
# mappingproxy and namespaces, saferepr/isreadable/isrecursive, format() overrides.
import pprint, types
data = {"k%d" % i: list(range(i * 3)) for i in range(8)}
pprint.pprint(data, width=40, compact=True)
pprint.pprint(data, width=40, indent=3)
pprint.pprint([list(range(30)), tuple(range(25)), {1, 2, 3}], compact=True, width=50)
nest = [1, [2, [3, [4, [5]]]], {"a": {"b": {"c": 1}}}, (1, (2, (3,)))]
print(pprint.pformat(nest, depth=2), pprint.pformat(nest, depth=3, width=20))
r = [1, 2]
r.append(r)
d = {"self": None}
d["self"] = d
import re
def no_ids(text):
    return re.sub(r"id=\d+", "id=N", text)
print(no_ids(pprint.saferepr(r)), pprint.isrecursive(r), pprint.isreadable(r), no_ids(pprint.saferepr(d)))
print(no_ids(pprint.pformat([r, d], width=10)))
print(pprint.isreadable([1, "a", (2.5, None)]), pprint.isreadable([object()]), pprint.isreadable({1: int}))
pprint.pprint(types.MappingProxyType({"x" * 30: 1, "y" * 30: [2] * 10}), width=40)
pprint.pprint(types.SimpleNamespace(alpha=list(range(15)), beta="text " * 10), width=40)
pprint.pprint({"b": 1, "a": 2, 3: "mixed"}, sort_dicts=False)
pprint.pp({"b": 1, "a": 2})
pprint.pprint(10**20, underscore_numbers=True)
print(pprint.pformat(("one",)), pprint.pformat(()), pprint.pformat([]), pprint.pformat({}))


class Shout(pprint.PrettyPrinter):
    def format(self, object, context, maxlevels, level):
        if isinstance(object, str):
            return repr(object.upper()), True, False
        return super().format(object, context, maxlevels, level)


Shout(width=30).pprint({"key": ["some", "words", "to", "shout", "loudly", "now"]})
pp = pprint.PrettyPrinter(width=25)
print(pp.isreadable([1, 2]), pp.isrecursive(r), pp.pformat(list("abcdefghijkl")))
for bad in ({"indent": -1}, {"depth": 0}, {"width": 0}):
    try:
        pprint.PrettyPrinter(**bad)
    except ValueError as e:
        print("ValueError", e)
