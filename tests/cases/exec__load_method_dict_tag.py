# LOAD_METHOD_WITH_DICT remembers the last instance dict it found lacking the name
# (by the dict's version tag). Every way of giving that dict, or another dict, the
# name must still be seen at the next call of the same site.
import dis


class L(list):
    def m(self):
        return "class"


def call(o):
    return o.m()


def specialized(f):
    return [i.opname for i in dis.get_instructions(f, adaptive=True)
            if i.opname.startswith("LOAD_METHOD")]


a = L()
a.x = 1
b = L()
b.x = 2
print([call(a) for i in range(20)][-1], specialized(call))

# Two instances at one site: one gets the name, the other does not.
b.m = lambda: "b own"
print("alternating", [call(o) for o in (a, b, a, b, a)])
del b.m
print("deleted", [call(o) for o in (a, b, a, b)])

# The same dict changed in place by each dict method.
d = a.__dict__
for how in ("setitem", "update", "setdefault", "ior"):
    print(how, call(a), end=" ")
    if how == "setitem":
        d["m"] = lambda: "setitem"
    elif how == "update":
        d.update(m=lambda: "update")
    elif how == "setdefault":
        d.setdefault("m", lambda: "setdefault")
    else:
        d |= {"m": lambda: "ior"}
    print(call(a), end=" ")
    del d["m"]
    print(call(a))
d["m"] = lambda: "popped"
print(call(a), d.pop("m")(), call(a))
d["m"] = lambda: "popitem"
print(call(a), d.popitem()[0], call(a))
d.clear()
print("cleared", call(a))
d["m"] = lambda: "after clear"
print(call(a))
del d["m"]
print(call(a))

# A new dict in place of the old one, equal to it, then one holding the name.
a.__dict__ = dict(a.__dict__)
print("replaced", call(a))
a.__dict__ = {"m": lambda: "replaced with m"}
print(call(a))
a.__dict__ = {}
print(call(a))
# The old dict, changed meanwhile, put back.
d["m"] = lambda: "old dict back"
a.__dict__ = d
print(call(a))
del d["m"]
print(call(a))
# A value changed but no key: still the class's method.
d["x"] = 5
print("value changed", call(a), [call(a) for i in range(3)])
