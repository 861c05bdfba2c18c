import abc
from abc import ABC, ABCMeta, abstractmethod


class Shape(ABC):
    @abstractmethod
    def area(self):
        ...

    @abstractmethod
    def perimeter(self):
        ...

    def describe(self):
        return f"{type(self).__name__} area={self.area()}"


class Square(Shape):
    def __init__(self, s):
        self.s = s

    def area(self):
        return self.s * self.s


class RealSquare(Square):
    def perimeter(self):
        return 4 * self.s


print(sorted(Shape.__abstractmethods__), type(Shape.__abstractmethods__).__name__)
print(sorted(Square.__abstractmethods__), RealSquare.__abstractmethods__)
for cls in (Shape, Square):
    try:
        cls(2)
    except TypeError as e:
        print("TypeError:", e)
sq = RealSquare(3)
print(sq.describe(), sq.perimeter(), isinstance(sq, Shape), type(Shape) is ABCMeta)
print(type(ABC), ABC.__abstractmethods__, ABC.__slots__)
print(ABC() is not None)

# __abstractmethods__ on plain classes and on type
for obj in (type, int, Square.__mro__[-1]):
    try:
        obj.__abstractmethods__
    except AttributeError as e:
        print("AttributeError", e)


class Plain:
    pass


Plain.__abstractmethods__ = {"x"}
try:
    Plain()
except TypeError as e:
    print("TypeError:", e)
Plain.__abstractmethods__ = ()
print(type(Plain()).__name__)


# register and virtual subclasses
class Stack(ABC):
    pass


@Stack.register
class MyList(list):
    pass


print(issubclass(MyList, Stack), isinstance(MyList(), Stack), Stack.register(int) is int)
print(isinstance(3, Stack), issubclass(bool, Stack), issubclass(str, Stack))
print(Stack in MyList.__mro__)
t0 = abc.get_cache_token()
Stack.register(float)
print(abc.get_cache_token() - t0, isinstance(1.5, Stack))
Stack.register(float)
print(abc.get_cache_token() - t0)
try:
    Stack.register(3)
except TypeError as e:
    print("TypeError:", e)


class Sub(Stack):
    pass


try:
    Sub.register(Stack)
except RuntimeError as e:
    print("RuntimeError:", e)
try:
    issubclass(3, Stack)
except TypeError as e:
    print("TypeError:", e)


# registering with a subclass is seen by the parent
class Child(Stack):
    pass


class Other:
    pass


print(issubclass(Other, Stack))
Child.register(Other)
print(issubclass(Other, Stack), issubclass(Other, Child), issubclass(Other, Sub))


# __subclasshook__
class Quacks(ABC):
    @classmethod
    def __subclasshook__(cls, C):
        if cls is Quacks:
            return hasattr(C, "quack") or NotImplemented
        return NotImplemented


class Duck:
    def quack(self):
        return "quack"


class Robot:
    pass


print(isinstance(Duck(), Quacks), issubclass(Robot, Quacks), isinstance(Robot(), Quacks))
Quacks.register(Robot)
print(issubclass(Robot, Quacks))


class Bad(ABC):
    @classmethod
    def __subclasshook__(cls, C):
        return 1


try:
    issubclass(int, Bad)
except AssertionError as e:
    print("AssertionError:", e)


# metaclass=ABCMeta directly, abstract properties, class and static methods
class Base(metaclass=ABCMeta):
    @property
    @abstractmethod
    def name(self):
        ...

    @classmethod
    @abstractmethod
    def make(cls):
        ...

    @staticmethod
    @abstractmethod
    def helper():
        ...

    @abc.abstractproperty
    def old(self):
        ...


print(sorted(Base.__abstractmethods__))


class Impl(Base):
    name = "impl"
    old = 1

    @classmethod
    def make(cls):
        return cls()

    @staticmethod
    def helper():
        return 42


print(Impl.make().name, Impl.helper(), Impl.__abstractmethods__)
print(abc.abstractclassmethod(lambda c: 1).__isabstractmethod__,
      abc.abstractstaticmethod(lambda: 1).__isabstractmethod__)


# update_abstractmethods
class Late(ABC):
    @abstractmethod
    def go(self):
        ...


def go(self):
    return "went"


Late.go = go
try:
    Late()
except TypeError as e:
    print("TypeError:", e)
print(abc.update_abstractmethods(Late) is Late, Late.__abstractmethods__, Late().go())
print(abc.update_abstractmethods(Plain) is Plain, abc.update_abstractmethods(Duck) is Duck)


# __init_subclass__ keywords pass through ABCMeta.__new__
class Tagged(ABC):
    def __init_subclass__(cls, tag=None, **kw):
        super().__init_subclass__(**kw)
        cls.tag = tag


class T1(Tagged, tag="one"):
    pass


print(T1.tag, isinstance(T1(), Tagged))
print(sorted(n for n in ABCMeta.__dict__ if not n.startswith("__")))
