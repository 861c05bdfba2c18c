# Subclasses of dict, list, set and frozenset inherit the slots behind the methods
# those types keep beside their slots (dict.__getitem__, list.__getitem__, the
# __contains__ of dict, set and frozenset); assigning the method later on the class
# or on a base still takes effect, and slot wrappers called as special methods check
# their receiver.
from collections import Counter, OrderedDict, defaultdict


class D(dict):
    pass


class L(list):
    pass


class S(set):
    pass


class F(frozenset):
    pass


d = D(a=1, b=2)
print(d["a"], "a" in d, "z" in d, len(d), sorted(d))
try:
    d["z"]
except KeyError as e:
    print("KeyError", e)


class M(dict):
    def __missing__(self, key):
        return key * 2


m = M(x=1)
print(m["x"], m["ab"], "ab" in m)

lst = L([10, 20, 30])
print(lst[0], lst[-1], lst[1:], 20 in lst, 5 in lst)
try:
    lst[7]
except IndexError as e:
    print("IndexError", e)
print(3 in S({1, 2, 3}), 4 in F({1, 2}), frozenset({1}) in S([frozenset({1})]))

# Assigning the method afterwards changes what d[k] and `in` do.
D.__getitem__ = lambda self, k: ("patched", k)
D.__contains__ = lambda self, k: k == "only"
print(d["a"], "a" in d, "only" in d)
del D.__getitem__
del D.__contains__
print(d["a"], "a" in d, "only" in d)


# A subclass of a subclass, with the base patched afterwards.
class DD(D):
    pass


dd = DD(k=5)
print(dd["k"], "k" in dd)
D.__getitem__ = lambda self, k: ("from D", k)
print(dd["k"], "k" in dd)
del D.__getitem__
print(dd["k"])

# The bundled mapping classes of collections.
c = Counter("abracadabra")
c["a"] += 1
c["z"] += 1
print(c["a"], c["q"], "z" in c, "q" in c, c.most_common(2))
dfl = defaultdict(list)
dfl["k"].append(1)
dfl["k"].append(2)
print(dfl["k"], "k" in dfl, "j" in dfl, dict(dfl))
od = OrderedDict([(1, "one"), (2, "two")])
od[3] = "three"
od.move_to_end(1)
print(od[1], 2 in od, list(od))


# A slot wrapper of another type stored as a special method: the receiver is checked.
class Odd:
    __eq__ = int.__eq__
    __len__ = list.__len__


try:
    len(Odd())
except TypeError as e:
    print("TypeError", e)
try:
    Odd() == 1
except TypeError as e:
    print("TypeError", e)


# A subclass defining __getitem__ calls its own, and super() reaches dict's.
class Upper(dict):
    def __getitem__(self, key):
        return super().__getitem__(key.upper())

    def __contains__(self, key):
        return super().__contains__(key.upper())


u = Upper(A=1)
print(u["a"], "a" in u, "b" in u)

# Method calls on instances of built-in types and their subclasses.
print([3, 1, 2].__len__(), d.__getitem__("b"), lst.__getitem__(1), dd.__contains__("k"))
print(dict.__getitem__(dd, "k"), list.__getitem__(lst, 2), set.__contains__(S([1]), 1))
