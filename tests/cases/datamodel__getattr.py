# Attribute hooks: __getattr__, __getattribute__, __setattr__, __delattr__.
class Fallback:
    x = 1

    def __init__(self):
        self.y = 2

    def __getattr__(self, name):
        print("__getattr__", name)
        if name.startswith("auto_"):
            return name[5:]
        raise AttributeError(f"no {name!r} here")


f = Fallback()
print(f.x, f.y, f.auto_color)   # __getattr__ only runs for missing names
print(getattr(f, "auto_z"), getattr(f, "missing", "dflt"), hasattr(f, "nope"))
try:
    f.nope
except AttributeError as e:
    print("AttributeError:", e)


class Logged:
    def __init__(self):
        self.v = 1

    def __getattribute__(self, name):
        if not name.startswith("__"):
            print("__getattribute__", name)
        return object.__getattribute__(self, name)

    def method(self):
        return self.v + 1


lg = Logged()
print(lg.v, lg.method())


class Both:
    def __getattribute__(self, name):
        if name == "boom":
            raise AttributeError("boom is missing")
        return object.__getattribute__(self, name)

    def __getattr__(self, name):
        return "rescued " + name


print(Both().boom, Both().other)


class Guarded:
    def __init__(self):
        self.log = []
        self.a = 1

    def __setattr__(self, name, value):
        if name != "log":
            self.log.append(("set", name, value))
        if name == "const":
            raise AttributeError("const is read-only")
        object.__setattr__(self, name, value)

    def __delattr__(self, name):
        self.log.append(("del", name))
        if name == "log":
            raise AttributeError("log must stay")
        super().__delattr__(name)


g = Guarded()
g.b = [2]
setattr(g, "c", 3)
del g.a
for action in ("const", "dellog", "delmissing"):
    try:
        if action == "const":
            g.const = 0
        elif action == "dellog":
            del g.log
        else:
            del g.zzz
    except AttributeError as e:
        print("AttributeError:", e)
print(g.log)
print(sorted(vars(g)))


class Proxy:
    def __init__(self, target):
        object.__setattr__(self, "_target", target)

    def __getattr__(self, name):
        return getattr(self._target, name)

    def __setattr__(self, name, value):
        setattr(self._target, name, value)


inner = Fallback()
p = Proxy(inner)
p.z = 26
print(p.y, p.z, inner.z, "z" in vars(p), p.auto_q)
