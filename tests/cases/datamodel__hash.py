# User __hash__ with __eq__: objects as dict keys and set members.
class Key:
    def __init__(self, name):
        self.name = name

    def __hash__(self):
        print("__hash__", self.name)
        return len(self.name)

    def __eq__(self, other):
        print("__eq__", self.name, other.name)
        return isinstance(other, Key) and self.name == other.name


d = {}
d[Key("ab")] = 1
d[Key("cd")] = 2                # same hash: __eq__ decides
print(len(d))
print(d[Key("cd")])
k = Key("xyz")
d[k] = 3
print(d[k], k in d)             # same object: no __eq__ call needed
s = {Key("a"), Key("a"), Key("b")}
print(len(s), sorted(x.name for x in s))
print(hash(Key("hello")), hash(Key("")))


class Big:
    def __hash__(self):
        return 2 ** 64 + 5

    def __eq__(self, other):
        return self is other


class MinusOne:
    def __hash__(self):
        return -1


class Truthy:
    def __hash__(self):
        return True


print(hash(Big()), hash(MinusOne()), hash(Truthy()))


class BadHash:
    def __hash__(self):
        return "nope"


for obj in (BadHash(),):
    try:
        hash(obj)
    except TypeError as e:
        print("TypeError:", e)
    try:
        {obj: 1}
    except TypeError as e:
        print("TypeError:", e)


class EqOnly:
    def __eq__(self, other):
        return True


class EqAndHash(EqOnly):
    __hash__ = object.__hash__


class Inherits(Key):
    pass


print(EqOnly.__hash__, EqAndHash.__hash__ is object.__hash__, Inherits.__hash__ is Key.__hash__)
e = EqAndHash()
print(hash(e) == hash(e), {e: 1}[e])
try:
    set([EqOnly()])
except TypeError as e2:
    print("TypeError:", e2)
plain = object()
print(hash(plain) == hash(plain), {plain: "v"}[plain])
