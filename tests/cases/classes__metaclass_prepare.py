# __prepare__: the namespace a class body runs in.
class LoggingDict(dict):
    def __setitem__(self, key, value):
        print("  body sets", key)
        super().__setitem__(key, value)


class Meta(type):
    @classmethod
    def __prepare__(mcls, name, bases, **kwargs):
        print("__prepare__", mcls.__name__, name, [b.__name__ for b in bases], kwargs)
        return LoggingDict()

    def __new__(mcls, name, bases, ns, **kwargs):
        print("__new__ gets", type(ns).__name__, list(ns))
        return super().__new__(mcls, name, bases, dict(ns))

    def __init__(cls, name, bases, ns, **kwargs):
        super().__init__(name, bases, ns)


class C(metaclass=Meta, flavour="sweet"):
    """doc"""
    b = 1
    a = 2

    def method(self):
        pass

    b = 3


print(list(k for k in C.__dict__ if not k.startswith("__")), C.b, C.__doc__, type(C.__dict__).__name__)


# The namespace keeps the body's order; the class __dict__ keeps it too
class Ordered:
    z = 1
    y = 2
    x = 3

    def w(self):
        pass


print([k for k in Ordered.__dict__ if not k.startswith("__")])


# A mapping that records every key ever set, even rebinds
class Recorder(dict):
    def __init__(self):
        super().__init__()
        self.history = []

    def __setitem__(self, key, value):
        self.history.append(key)
        super().__setitem__(key, value)


class RecMeta(type):
    @classmethod
    def __prepare__(mcls, name, bases):
        return Recorder()

    def __new__(mcls, name, bases, ns):
        cls = super().__new__(mcls, name, bases, dict(ns))
        cls.history = ns.history
        return cls


class R(metaclass=RecMeta):
    a = 1
    a = 2
    for i in range(2):
        pass
    del i


print(R.history, R.a, hasattr(R, "i"))


# __getitem__ on the namespace is used for name lookups in the body
class Defaults(dict):
    def __missing__(self, key):
        if key.startswith("auto_"):
            return key[5:].upper()
        raise KeyError(key)


class DefMeta(type):
    @classmethod
    def __prepare__(mcls, name, bases):
        return Defaults()


class Auto(metaclass=DefMeta):
    value = auto_hello
    total = len(auto_xy)


print(Auto.value, Auto.total)
print(type(type.__prepare__("X", ())).__name__, type.__prepare__("X", (), extra=1))


# __prepare__ returning a non-mapping
class BadMeta(type):
    @classmethod
    def __prepare__(mcls, name, bases):
        return 42


try:
    class Bad(metaclass=BadMeta):
        pass
except TypeError as e:
    print(type(e).__name__, e)
