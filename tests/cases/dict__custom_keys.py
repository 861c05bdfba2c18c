# Keys with their own __hash__ and __eq__: how often each is called, collisions,
# and equal-but-different keys.
class Key:
    log = []

    def __init__(self, name, h):
        self.name, self.h = name, h

    def __hash__(self):
        Key.log.append("hash " + self.name)
        return self.h

    def __eq__(self, other):
        Key.log.append(f"eq {self.name}=={getattr(other, 'name', other)!r}")
        return isinstance(other, Key) and self.name == other.name

    def __repr__(self):
        return f"Key({self.name})"


def logged(label, fn):
    Key.log.clear()
    result = fn()
    print(label, "=>", result, Key.log)


d = {}
a1, a2, b = Key("a", 1), Key("a", 1), Key("b", 1)   # same hash: collisions
logged("d[a1] = 1", lambda: d.__setitem__(a1, 1))
logged("d[b] = 2", lambda: d.__setitem__(b, 2))
logged("d[a2]", lambda: d[a2])
logged("d[a1] (same object: no __eq__)", lambda: d[a1])
logged("a2 in d", lambda: a2 in d)
logged("Key('c', 1) in d", lambda: Key("c", 1) in d)
logged("Key('c', 2) in d", lambda: Key("c", 2) in d)
logged("d[a2] = 3 (replaces the value, keeps a1)", lambda: (d.__setitem__(a2, 3), list(d.keys())[0] is a1))
logged("len(d)", lambda: len(d))
logged("del d[Key('b', 1)]", lambda: d.__delitem__(Key("b", 1)))
logged("d", lambda: d)
Key.log.clear()


# hash equal to an int: matches int keys when __eq__ says so
class IntLike:
    def __init__(self, v):
        self.v = v

    def __hash__(self):
        return hash(self.v)

    def __eq__(self, other):
        return other == self.v


m = {1: "one", 2: "two"}
print(m[IntLike(1)], IntLike(2) in m, IntLike(3) in m, m.get(IntLike(2)))
m[IntLike(1)] = "replaced"
print(m, type(list(m)[0]).__name__)


# __eq__ returning non-bool values, and raising
class Truthy:
    def __hash__(self):
        return 7

    def __eq__(self, other):
        return "yes"


t = {Truthy(): 1}
print(Truthy() in t, t[Truthy()])


class Raises:
    def __hash__(self):
        return 7

    def __eq__(self, other):
        raise ValueError("eq failed")


# the stored key's __eq__ is the one called: Truthy says "yes" to anything
print(t[Raises()])
r = {Raises(): 1}
try:
    Truthy() in r
except ValueError as e:
    print(type(e).__name__, e)
try:
    r[Raises()] = 2
except ValueError as e:
    print(type(e).__name__, e)
print(len(r))


class BadHash:
    def __hash__(self):
        return "no"


try:
    {BadHash(): 1}
except TypeError as e:
    print(type(e).__name__, e)


class Unhashable:
    __hash__ = None


try:
    {}[Unhashable()] = 1
except TypeError as e:
    print(type(e).__name__, e)


# a huge hash is reduced like an int's
class Big:
    def __hash__(self):
        return 2**100


print(hash(Big()) == hash(2**100), {Big(): 1}.popitem()[1])


# -1 hashes as -2
class MinusOne:
    def __hash__(self):
        return -1


print(hash(MinusOne()), hash(-1), {MinusOne(): 1}.get(MinusOne(), "different objects"))
# many colliding keys still work
class Same:
    def __init__(self, i):
        self.i = i

    def __hash__(self):
        return 42

    def __eq__(self, other):
        return self.i == other.i


many = {Same(i): i for i in range(50)}
print(len(many), many[Same(33)], Same(50) in many)
