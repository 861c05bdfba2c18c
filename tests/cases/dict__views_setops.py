# Set operations on keys and items views (they behave like sets; values views do not).
a = {"x": 1, "y": 2, "z": 3}
b = {"y": 20, "z": 3, "w": 4}
ka, kb = a.keys(), b.keys()
print(sorted(ka & kb), sorted(ka | kb), sorted(ka - kb), sorted(ka ^ kb))
print(type(ka & kb).__name__, type(ka | kb).__name__, type(ka - kb).__name__)
print(sorted(ka & {"x", "q"}), sorted(ka | ["q"]), sorted(ka - ("x",)), sorted({"x", "q"} - ka))
print(sorted(["x", "q"] & ka), sorted("xq" ^ ka))
ia, ib = a.items(), b.items()
print(sorted(ia & ib), sorted(ia - ib), sorted(ia ^ ib), len(ia | ib))
print(ka.isdisjoint(kb), ka.isdisjoint({"q"}), ia.isdisjoint(ib), ka.isdisjoint([]))
print(ka <= {"x", "y", "z", "w"}, ka < ka, ka <= ka, ka > {"x"}, ka >= kb, ia >= {("x", 1)})
print(ka == set(a), ka != kb, ia == set(a.items()))
try:
    a.values() & b.values()
except TypeError as e:
    print(type(e).__name__, e)
try:
    ka & 5
except TypeError as e:
    print(type(e).__name__, e)
# items views with unhashable values still compare and intersect (through iteration)
u = {"a": [1], "b": [2]}
try:
    print(u.items() & {("a", 1)})
except TypeError as e:
    print(type(e).__name__, e)
print(u.items() == u.items(), u.items() <= u.items(), ("a", [1]) in u.items())
try:
    u.items() | {("c", 3)}
except TypeError as e:
    print(type(e).__name__, e)
# results are ordinary sets, independent of the dicts
s = ka | kb
a["new"] = 0
print("new" in s, "new" in ka, len(s))
print(sorted({}.keys() | {1}), {}.keys() & {1}, set() == {}.keys())
