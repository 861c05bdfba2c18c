# Slot wrappers: the wrapper_descriptor objects built-in types keep in their dicts for
# the slots they fill; reprs, attributes and calling them unbound.
def cut(text):
    # drop the address part of a repr
    return text.split(" at 0x")[0]


print(repr(int.__add__))
print(repr(int.__dict__["__add__"]))
print(repr(list.__len__), repr(str.__getitem__))
print(repr(object.__init__), repr(type.__call__), repr(dict.__setitem__))
print(repr(float.__neg__), repr(tuple.__iter__), repr(set.__ior__))
print(type(int.__add__).__name__, type(object.__eq__).__name__, type(type(None).__bool__).__name__)
# A few special methods are ordinary method descriptors instead (METH_COEXIST and friends)
print(repr(list.__getitem__), repr(dict.__contains__), repr(int.__sizeof__))
print(type(list.__getitem__).__name__, type(int.__round__).__name__)
print(cut(repr(int.__new__)), type(int.__new__).__name__)

w = int.__add__
print(w.__name__, w.__qualname__, w.__objclass__, w.__text_signature__)
print(list.__len__.__name__, list.__len__.__qualname__, list.__len__.__objclass__)
print(str.__len__.__doc__)
print(int.__add__.__doc__)

# Calling unbound
print(int.__add__(1, 2), int.__mul__(6, 7), int.__neg__(5), int.__abs__(-9))
print(list.__len__([1, 2]), str.__len__("abcd"), dict.__len__({1: 2}))
print(list.__getitem__([10, 20, 30], 1), str.__getitem__("xyz", -1), tuple.__getitem__((1, 2, 3), slice(1, None)))
print(int.__add__(1, "a"), float.__add__(1.5, 2), int.__lt__(1, 2.5), float.__eq__(1.0, 1))
print(int.__index__(7), float.__int__(7.9), int.__float__(3), int.__bool__(0), float.__bool__(0.5))
print(object.__eq__(1, 1), object.__eq__(1, 2), object.__ne__(1, 2))
print(int.__hash__(-1), float.__hash__(1.5) == hash(1.5), str.__hash__("a") == hash("a"))
# bool's subclass instances go through int's wrappers
print(int.__add__(True, True), int.__repr__(True), bool.__repr__(True), int.__and__(True, 2))
l = [3, 1, 2]
list.__setitem__(l, 0, 9)
list.__delitem__(l, 1)
print(l, list.__contains__(l, 9), list.__iadd__(l, [7]) is l, l)
d = {}
dict.__setitem__(d, "k", 1)
print(d, dict.__getitem__(d, "k"), dict.__iter__(d).__next__())
s = {1}
print(set.__ior__(s, {2}) is s, s, frozenset.__or__(frozenset({1}), {3}))
# __get__ binds a wrapper to an instance: a method-wrapper
bound = int.__dict__["__add__"].__get__(3)
print(cut(repr(bound)), bound(4), bound.__self__, bound.__name__)
print(int.__dict__["__add__"].__get__(None, int) is int.__dict__["__add__"])
print(cut(repr(list.__dict__["__len__"].__get__([1, 2, 3], list))), list.__dict__["__len__"].__get__([1, 2, 3])())
# object.__repr__ on various objects
class P:
    pass


for obj in (1, 1.5, "s", [], (), {}, P(), None, int, object()):
    print(cut(object.__repr__(obj)))
print(cut(object.__str__(P())), object.__format__(7, ""), cut(type.__repr__(P)))
