# Errors when subclassing built-in types and when calling their methods wrongly.


def attempt(name, bases, ns=None):
    try:
        type(name, bases, ns or {})
        print("ok:", name, [b.__name__ for b in bases])
    except TypeError as e:
        print("TypeError:", e)


attempt("B", (bool,))
attempt("C", (list, dict))
attempt("C", (int, str))
attempt("C", (tuple, list))
attempt("C", (int,), {"__slots__": ("a",)})
attempt("C", (tuple,), {"__slots__": ("a", "b")})
attempt("C", (int,), {"__slots__": ("__dict__",)})
attempt("C", (list,), {"__slots__": ("a",)})
attempt("C", (dict,), {"__slots__": ("__weakref__",)})
attempt("C", (set,), {"__slots__": ("__weakref__",)})
attempt("C", (ValueError, TypeError))
attempt("C", (list, object))
attempt("C", (float, int))


def call(f):
    try:
        print("ok:", f())
    except TypeError as e:
        print("TypeError:", e)


call(lambda: int.__new__(list))
call(lambda: list.__new__(dict))
call(lambda: object.__new__(type("Lst", (list,), {})))


class NewL(list):
    def __new__(cls):
        return object.__new__(cls)


call(NewL)


class L(list):
    pass


for f in [lambda: L(1, 2), lambda: L(x=1), lambda: L(5)]:
    try:
        f()
    except TypeError as e:
        print("TypeError:", e)


class N(int):
    pass


for f in [lambda: N("x"), lambda: N(1, 2, 3), lambda: N([])]:
    try:
        f()
    except (TypeError, ValueError) as e:
        print(type(e).__name__ + ":", e)


class Frozen(tuple):
    pass


try:
    Frozen((1,))[0] = 2
except TypeError as e:
    print("TypeError:", e)
try:
    hash(L())
except TypeError as e:
    print("TypeError:", e)
try:
    L([1]) + (2,)
except TypeError as e:
    print("TypeError:", e)
try:
    N(1) + "a"
except TypeError as e:
    print("TypeError:", e)
try:
    L().nope
except AttributeError as e:
    print("AttributeError:", e)


class Sl(list):
    __slots__ = ()


try:
    Sl().x = 1
except AttributeError as e:
    print("AttributeError:", e)
print(list.__hash__, dict.__hash__, set.__hash__)


class InitArgs(int):
    def __init__(self, v):
        super().__init__(v)


class PlainInit:
    def __init__(self, v):
        super().__init__(v)


class NoInit:
    pass


for f in [lambda: InitArgs(5), lambda: PlainInit(5), lambda: NoInit(5), lambda: object.__init__(NoInit(), 5)]:
    try:
        f()
    except TypeError as e:
        print("TypeError:", e)
