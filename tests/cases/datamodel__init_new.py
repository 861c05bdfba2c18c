# __new__ and __init__: order, arguments, return values, singletons.
class Traced:
    def __new__(cls, *args, **kw):
        print("__new__", cls.__name__, args, kw)
        self = super().__new__(cls)
        self.made_by_new = True
        return self

    def __init__(self, x, y=0):
        print("__init__", x, y)
        self.x = x + y


t = Traced(1, y=2)
print(t.x, t.made_by_new, type(t).__name__)


class Other:
    pass


class Factory:
    def __new__(cls):
        print("Factory.__new__ returns an Other")
        return Other()

    def __init__(self):
        print("never printed: __init__ skipped when __new__ returns another type")


print(type(Factory()).__name__)


class Single:
    _instance = None

    def __new__(cls):
        if cls._instance is None:
            cls._instance = super().__new__(cls)
        return cls._instance

    def __init__(self):
        print("Single.__init__ runs every time")


a = Single()
b = Single()
print(a is b)


class BadInit:
    def __init__(self):
        return 5


class NoInit:
    pass


for action in ("bad-return", "args-to-object", "missing-arg", "object-new"):
    try:
        if action == "bad-return":
            BadInit()
        elif action == "args-to-object":
            NoInit(1)
        elif action == "missing-arg":
            Traced()
        else:
            object.__new__(5)
    except TypeError as e:
        print("TypeError:", e)


class Sub(Traced):
    def __init__(self, x):
        super().__init__(x, 10)


s = Sub(5)
print(s.x, type(s).__name__, s.made_by_new)
print(type(object()).__name__, repr(object()).split(" at ")[0])
