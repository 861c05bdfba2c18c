# Subclasses of type as metaclasses: class C(metaclass=M), type(C), C.__class__,
# inheritance of the metaclass, and calling the metaclass directly.
class Meta(type):
    pass


class C(metaclass=Meta):
    x = 1


print(type(C) is Meta, C.__class__ is Meta, type(C).__name__, type(Meta) is type)
print(isinstance(C, Meta), isinstance(C, type), isinstance(int, Meta), issubclass(Meta, type))
print([k.__name__ for k in Meta.__mro__], Meta.__bases__, Meta.__base__)
print(repr(C), repr(Meta), C.__name__, C.__qualname__, C.__module__)
c = C()
print(type(c) is C, c.__class__ is C, type(type(c)) is Meta, c.x)


class D(C):              # the metaclass is inherited from the base
    pass


print(type(D) is Meta, D.__mro__ == (D, C, object))
E = Meta("E", (C,), {"y": 2, "__module__": "built"})
print(type(E).__name__, E.__name__, E.__bases__ == (C,), E.y, E.x, E.__module__, repr(E))
F = type("F", (C,), {})   # type() picks the most derived metaclass: Meta
print(type(F) is Meta)
print(type(type) is type, type(object) is type, isinstance(type, type), isinstance(object, type))
print(type.__class__ is type, Meta.__class__ is type, object.__class__ is type)
print(type(int) is type, type(type(None)) is type, type(Meta("G", (), {})) is Meta)


class Meta2(Meta):
    pass


class H(C, metaclass=Meta2):
    pass


print(type(H).__name__, isinstance(H, Meta), isinstance(C, Meta2))
# type(name, bases, dict) errors
for args in [("N",), ("N", ()), ("N", (), {}, 1), (1, (), {}), ("N", [], {}), ("N", (), [])]:
    try:
        type(*args)
    except TypeError as e:
        print(len(args), type(e).__name__, e)
try:
    Meta()
except TypeError as e:
    print(type(e).__name__, e)
print(type(5) is int, type(Meta("M", (), {})()).__name__)
class Vars(metaclass=Meta):
    a = 1

    def f(self):
        return 2


print(sorted(k for k in vars(Vars) if not k.startswith("__")), Vars().f())
