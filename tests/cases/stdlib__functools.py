# functools: reduce, partial, wraps, lru_cache, cache, cached_property, total_ordering,
# cmp_to_key, singledispatch, singledispatchmethod, partialmethod.
import functools
from functools import reduce, partial, wraps, update_wrapper, lru_cache, cache
from functools import cached_property, total_ordering, cmp_to_key, singledispatch

print(reduce(lambda a, b: a + b, [1, 2, 3, 4]), reduce(lambda a, b: a * b, [], 1))
print(reduce(lambda a, b: a + b, ["x"], "y"))
try:
    reduce(lambda a, b: a, [])
except TypeError as e:
    print("TypeError:", e)

def power(base, exp, *, mod=None):
    return pow(base, exp, mod)

square = partial(power, exp=2)
print(square(5), square(5, mod=7), square.func is power, square.args, square.keywords)
p2 = partial(partial(power, 3), mod=5)
print(p2(4), p2.func is power, p2.args, p2.keywords)
print(repr(partial(len, [1, 2]))[:36], repr(partial(max, 1, key=abs)).replace(repr(max), "MAX"))
class P(partial):
    pass
print(repr(P(min, 2)).replace(repr(min), "MIN"))
try:
    partial(3)
except TypeError as e:
    print("TypeError:", e)

def deco(f):
    @wraps(f)
    def inner(*a, **k):
        "inner doc"
        return f(*a, **k)
    return inner

@deco
def documented(x: int) -> int:
    "The documented function."
    return x + 1

print(documented(1), documented.__name__, documented.__doc__, documented.__qualname__)
print(documented.__wrapped__.__name__, documented.__annotations__ == {"x": int, "return": int})
print(functools.WRAPPER_ASSIGNMENTS, functools.WRAPPER_UPDATES)
def target():
    pass
target.attr = "copied"
def wrapper():
    pass
update_wrapper(wrapper, target)
print(wrapper.__name__, wrapper.attr, wrapper.__wrapped__ is target)

calls = []
@lru_cache(maxsize=2)
def slow(n):
    calls.append(n)
    return n * n
print(slow(1), slow(2), slow(1), slow(3), slow(2), slow(1))
print(calls, slow.cache_info())
print(slow.cache_info().hits, slow.cache_info()._fields if hasattr(slow.cache_info(), "_fields") else "")
print(slow.cache_parameters())
slow.cache_clear()
print(slow.cache_info())

@lru_cache
def fib(n):
    return n if n < 2 else fib(n - 1) + fib(n - 2)
print(fib(60), fib.cache_info())

@lru_cache(maxsize=None, typed=True)
def typed(x):
    return type(x).__name__
print(typed(1), typed(1.0), typed(True), typed.cache_info())
@lru_cache(maxsize=None)
def untyped(x):
    return type(x).__name__
print(untyped(1), untyped(1.0), untyped(True), untyped.cache_info())
@lru_cache(maxsize=0)
def nocache(x):
    return x
print(nocache(1), nocache(1), nocache.cache_info())
@lru_cache(None)
def kw(a, b=0):
    return a + b
print(kw(1, b=2), kw(a=1, b=2), kw(b=2, a=1), kw(1, b=2), kw.cache_info())
try:
    lru_cache("x")
except TypeError as e:
    print("TypeError:", e)

@cache
def counted(n):
    calls.append(("counted", n))
    return n
counted(1); counted(1)
print(counted.cache_info(), calls[-1])

class Circle:
    def __init__(self, r):
        self.r = r
    @cached_property
    def area(self):
        print("computing area")
        return 3 * self.r * self.r
c = Circle(2)
print(c.area, c.area, c.__dict__)
del c.area
print(c.area)
print(type(Circle.area).__name__, Circle.area.attrname)
class NoDict:
    __slots__ = ()
    @cached_property
    def value(self):
        return 1
try:
    NoDict().value
except TypeError as e:
    print("TypeError:", e)
loose = cached_property(lambda self: 1)
class Holder:
    pass
try:
    loose.__get__(Holder(), Holder)
except TypeError as e:
    print("TypeError:", e)

@total_ordering
class Version:
    def __init__(self, n):
        self.n = n
    def __eq__(self, other):
        return self.n == other.n
    def __lt__(self, other):
        return self.n < other.n
a, b = Version(1), Version(2)
print(a < b, a <= b, a > b, a >= b, b >= a, a <= Version(1), a >= Version(1))
@total_ordering
class Rev:
    def __init__(self, n):
        self.n = n
    def __eq__(self, other):
        return self.n == other.n
    def __ge__(self, other):
        return self.n >= other.n
print(Rev(1) < Rev(2), Rev(3) > Rev(2), Rev(2) <= Rev(2))
try:
    @total_ordering
    class NoOrder:
        pass
except ValueError as e:
    print("ValueError:", e)

def compare(a, b):
    return (a > b) - (a < b)
print(sorted([3, 1, 2], key=cmp_to_key(compare)), sorted("bca", key=cmp_to_key(lambda x, y: compare(y, x))))
K = cmp_to_key(compare)
print(K(1) < K(2), K(2) == K(2), K(3) >= K(4))

@singledispatch
def describe(x):
    return "object " + repr(x)
@describe.register(int)
def _(x):
    return "int " + str(x)
@describe.register
def _(x: list):
    return "list of " + str(len(x))
describe.register(float, lambda x: "float %.1f" % x)
print(describe("s"), describe(3), describe(True), describe([1, 2]), describe(2.5))
print(describe.dispatch(bool) is describe.dispatch(int), describe.dispatch(str) is describe.registry[object])
print(sorted(t.__name__ for t in describe.registry))
try:
    describe()
except TypeError as e:
    print("TypeError:", e)

class Formatter:
    @functools.singledispatchmethod
    def fmt(self, arg):
        return "default"
    @fmt.register(int)
    def _(self, arg):
        return "int %d" % arg
print(Formatter().fmt(1), Formatter().fmt("x"))

class Cell:
    def __init__(self):
        self.value = None
    def set(self, value):
        self.value = value
    set_one = functools.partialmethod(set, 1)
cell = Cell()
cell.set_one()
print(cell.value)
print(sorted(functools.__all__))
