# A metaclass's __call__ controls what C() does: singletons, skipping __init__,
# counting instances.
class Singleton(type):
    def __call__(cls, *args, **kwargs):
        if "_instance" not in cls.__dict__:
            print("creating the", cls.__name__, "instance with", args, kwargs)
            cls._instance = super().__call__(*args, **kwargs)
        return cls._instance


class Config(metaclass=Singleton):
    def __init__(self, value=0):
        print("Config.__init__", value)
        self.value = value


a = Config(1)
b = Config(2)
print(a is b, a.value, b.value)


class Other(Config):
    pass


o = Other(5)
print(o is a, o.value, Other() is o, type(o).__name__)


class NoInit(type):
    def __call__(cls, *args):
        obj = cls.__new__(cls)
        obj.args = args
        return obj


class P(metaclass=NoInit):
    def __init__(self):
        print("not called")


p = P(1, 2)
print(type(p).__name__, p.args)


class Counting(type):
    def __init__(cls, *a):
        super().__init__(*a)
        cls.made = 0

    def __call__(cls, *args, **kwargs):
        cls.made += 1
        return super().__call__(*args, **kwargs)


class Item(metaclass=Counting):
    def __init__(self, n):
        self.n = n


items = [Item(i) for i in range(4)]
print(Item.made, [i.n for i in items])


class Returns(type):
    def __call__(cls, *args):
        return "not even an instance"


class R(metaclass=Returns):
    pass


print(R(), type(R()).__name__)
try:
    Item()
except TypeError as e:
    print(type(e).__name__, e)
print(Item.made)
