# __set_name__: called on every attribute of a new class that defines it, in the order
# of the class body, with the owner and the name.
class Field:
    def __init__(self, default=None):
        self.default = default

    def __set_name__(self, owner, name):
        print("__set_name__", owner.__name__, name)
        self.name = name
        self.private = "_" + name

    def __get__(self, obj, objtype=None):
        if obj is None:
            return self
        return getattr(obj, self.private, self.default)

    def __set__(self, obj, value):
        setattr(obj, self.private, value)


class Point:
    x = Field(0)
    y = Field(0)
    label = Field("?")


p = Point()
p.x = 3
print(p.x, p.y, p.label, Point.x.name, Point.label.private, sorted(vars(p)))

# The same descriptor under two names is told twice
shared = Field()


class Twice:
    a = shared
    b = shared


print(shared.name)
# Assigning a descriptor to an existing class does not call __set_name__
Point.z = Field(5)
print(hasattr(Point.z, "name"), p.z if False else "no call")
# type() calls it too
Q = type("Q", (), {"f": Field(1), "g": 2})
print(Q().f)


# __set_name__ is looked up on the type of the attribute, not the instance
class Odd:
    pass


o = Odd()
o.__set_name__ = lambda owner, name: print("instance attribute, never called")


class Holder:
    thing = o


print("Holder made")


# An error inside __set_name__ is wrapped in a RuntimeError in 3.11
class Broken:
    def __set_name__(self, owner, name):
        raise ValueError("bad name " + name)


try:
    class Fails:
        attr = Broken()
except Exception as e:
    print(type(e).__name__, e)
    print(type(e.__cause__).__name__, e.__cause__)


# __set_name__ with the wrong signature
class WrongSig:
    def __set_name__(self, owner):
        pass


try:
    class AlsoFails:
        w = WrongSig()
except Exception as e:
    print(type(e).__name__, e)
    print(type(e.__cause__).__name__, e.__cause__)


# ordering relative to __init_subclass__: __set_name__ first
class Parent:
    def __init_subclass__(cls):
        print("__init_subclass__", cls.__name__)


class Kid(Parent):
    f = Field()
