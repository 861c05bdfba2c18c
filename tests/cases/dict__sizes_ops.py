# getsizeof of dicts after operations other than plain inserts: clear, copy of a dict
# with deletions (a clone while it is dense enough, a compact rebuild otherwise),
# dict()/{**d} rebuilds, popitem until empty, fromkeys presizing (CPython's
# calculate_log2_keysize gives a 16-slot table for 1..4 keys but 8 for 0 and 5), update
# and |=.
import sys


def str_dict(n, deleted=0):
    d = {}
    for i in range(n):
        d[f"k{i}"] = i
    for i in range(deleted):
        del d[f"k{i}"]
    return d


print("100 str keys, k deleted: size, copy(), dict(d), {**d}, dict(d.items())")
for deleted in (0, 1, 10, 20, 33, 34, 40, 60, 95, 100):
    d = str_dict(100, deleted)
    print(" ", deleted, sys.getsizeof(d), sys.getsizeof(d.copy()), sys.getsizeof(dict(d)),
          sys.getsizeof({**d}), sys.getsizeof(dict(d.items())))
d = str_dict(100)
d.clear()
print("clear:", sys.getsizeof(d), "then one insert:", (d.__setitem__("a", 1), sys.getsizeof(d))[1])
d = str_dict(10)
sizes = []
while d:
    d.popitem()
    sizes.append(sys.getsizeof(d))
print("popitem until empty:", sizes)
d["x"] = 1
print("then one insert:", sys.getsizeof(d))
d = {"a": 1}
del d["a"]
print("emptied by del:", sys.getsizeof(d), "its copy:", sys.getsizeof(d.copy()), "dict():", sys.getsizeof(dict(d)))
print("fromkeys: n, from dict, from set of str, from list, from range, from set of int")
for n in (0, 1, 2, 3, 4, 5, 6, 9, 10, 11, 20, 22, 100):
    src = str_dict(n)
    print(" ", n, sys.getsizeof(dict.fromkeys(src)), sys.getsizeof(dict.fromkeys(set(src))),
          sys.getsizeof(dict.fromkeys(list(src))), sys.getsizeof(dict.fromkeys(range(n))),
          sys.getsizeof(dict.fromkeys(set(range(n)))))
d = {}
d.update(str_dict(20))
print("{} updated with 20 keys:", sys.getsizeof(d))
d = {"a": 1}
d.update(str_dict(20))
print("1 key updated with 20 keys:", sys.getsizeof(d))
d = {}
d.update((f"k{i}", i) for i in range(20))
print("{} updated with 20 pairs:", sys.getsizeof(d))
d = {}
d.update(**str_dict(20))
print("{} updated with 20 keyword arguments:", sys.getsizeof(d))
print("dict(a=1..f=6):", sys.getsizeof(dict(a=1, b=2, c=3, d=4, e=5, f=6)))
d = {"a": 1}
d[1] = 2
print("str keys then an int key:", sys.getsizeof(d))
d = {1: 1}
d["a"] = 2
print("int keys then a str key:", sys.getsizeof(d))
d = {}
d.setdefault("a", 1)
print("setdefault on {}:", sys.getsizeof(d))
print("{'a': 1} | {'b': 2}:", sys.getsizeof({"a": 1} | {"b": 2}))
x = str_dict(10)
x |= {f"j{i}": i for i in range(10)}
print("10 keys |= 10 keys:", sys.getsizeof(x))
d = str_dict(5)
for r in range(100):
    del d[f"k{r}"]
    d[f"k{r + 5}"] = r
print("5 keys, 100 times delete one and add one:", sys.getsizeof(d), len(d))
print("empties:", sys.getsizeof({}.copy()), sys.getsizeof(dict({})), sys.getsizeof(dict()),
      sys.getsizeof(dict([])), sys.getsizeof({**{}}), sys.getsizeof(dict.fromkeys([])))


class A:
    pass


a = A()
a.x, a.y = 1, 2
print("instance __dict__:", sys.getsizeof(a.__dict__), "copy():", sys.getsizeof(a.__dict__.copy()),
      "dict():", sys.getsizeof(dict(a.__dict__)), "{**}:", sys.getsizeof({**a.__dict__}))
