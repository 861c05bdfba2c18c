# isinstance and issubclass consult __instancecheck__ / __subclasscheck__ on the
# class's metaclass.
class Duck(type):
    def __instancecheck__(cls, obj):
        print("  __instancecheck__", cls.__name__, type(obj).__name__)
        return hasattr(obj, "quack")

    def __subclasscheck__(cls, sub):
        print("  __subclasscheck__", cls.__name__, sub.__name__)
        return hasattr(sub, "quack")


class Quacker(metaclass=Duck):
    pass


class Mallard:
    def quack(self):
        return "quack"


class Dog:
    pass


print(isinstance(Mallard(), Quacker))
print(isinstance(Dog(), Quacker))
print(issubclass(Mallard, Quacker), issubclass(Dog, Quacker))
# exact type match short-circuits: no __instancecheck__ call
q = Quacker()
print(isinstance(q, Quacker))
# tuples are checked one by one
print(isinstance(Dog(), (int, Quacker)), isinstance(3, (int, Quacker)))
# The hooks on the class itself (not the metaclass) are not used
class Self:
    def __instancecheck__(self, obj):
        return True

    @classmethod
    def __subclasscheck__(cls, sub):
        return True


print(isinstance(1, Self), issubclass(int, Self))


# Truthiness of the result is used
class Weird(type):
    def __instancecheck__(cls, obj):
        return [1]

    def __subclasscheck__(cls, sub):
        return 0


class W(metaclass=Weird):
    pass


print(isinstance(1, W), issubclass(int, W), issubclass(W, W))


# Errors propagate
class Raising(type):
    def __instancecheck__(cls, obj):
        raise ValueError("no checks today")


class Rz(metaclass=Raising):
    pass


try:
    isinstance(1, Rz)
except ValueError as e:
    print(type(e).__name__, e)
try:
    isinstance(1, 2)
except TypeError as e:
    print(type(e).__name__, e)
try:
    issubclass(1, int)
except TypeError as e:
    print(type(e).__name__, e)
try:
    issubclass(int, 1)
except TypeError as e:
    print(type(e).__name__, e)
print(type.__instancecheck__(int, 3), type.__subclasscheck__(int, bool))
