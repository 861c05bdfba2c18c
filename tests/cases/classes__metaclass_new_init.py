# A metaclass's __new__ and __init__: call order, their arguments, and changing the
# namespace or the class they make.
class Meta(type):
    def __new__(mcls, name, bases, ns, **kwargs):
        print("Meta.__new__", mcls.__name__, name, [b.__name__ for b in bases],
              sorted(k for k in ns if not k.startswith("__")), kwargs)
        ns["added_by_meta"] = name.lower()
        cls = super().__new__(mcls, name, bases, ns)
        print("  created", cls.__name__)
        return cls

    def __init__(cls, name, bases, ns, **kwargs):
        print("Meta.__init__", cls.__name__, "added_by_meta" in ns, kwargs)
        super().__init__(name, bases, ns)
        cls.initialised = True


class Base(metaclass=Meta):
    def hello(self):
        return "hello from " + type(self).__name__


class Child(Base, size=3):
    x = 1

    @classmethod
    def __init_subclass__(cls, **kw):
        pass


print(Base.added_by_meta, Child.added_by_meta, Child.initialised, Child().hello())


# __new__ may return something that is not an instance of the metaclass: then
# __init__ is not called
class Factory(type):
    def __new__(mcls, name, bases, ns):
        return {"name": name, "keys": sorted(k for k in ns if not k.startswith("__"))}

    def __init__(cls, *args):
        print("never printed")


class NotAClass(metaclass=Factory):
    a = 1
    b = 2


print(type(NotAClass).__name__, NotAClass)


# A plain function as the metaclass
def func_meta(name, bases, ns):
    print("func_meta", name, bases)
    return type(name, bases, ns)


class Made(metaclass=func_meta):
    pass


print(type(Made).__name__, Made.__name__)


# __new__ and __init__ signature mismatches
class Strict(type):
    def __init__(cls, name, bases, ns):
        super().__init__(name, bases, ns)


try:
    class S(metaclass=Strict, flag=1):
        pass
except TypeError as e:
    print(type(e).__name__, e)


# type.__new__ with keyword arguments passes them on to __init_subclass__
class Hooked:
    def __init_subclass__(cls, **kw):
        print("__init_subclass__", cls.__name__, kw)


class PassMeta(type):
    def __new__(mcls, name, bases, ns, **kw):
        return super().__new__(mcls, name, bases, ns, **kw)

    def __init__(cls, name, bases, ns, **kw):
        super().__init__(name, bases, ns)


class Hk(Hooked, metaclass=PassMeta, colour="red"):
    pass


try:
    type.__init__(Hk, "a", (), {}, 1)
except TypeError as e:
    print(type(e).__name__, e)
try:
    type.__new__(PassMeta)
except TypeError as e:
    print(type(e).__name__, e)
try:
    type.__new__(int, "X", (), {})
except TypeError as e:
    print(type(e).__name__, e)
