# __call__: instances as callables, arguments, callable(), and call errors.
class Counter:
    def __init__(self):
        self.calls = 0

    def __call__(self, *args, **kw):
        self.calls += 1
        print("called with", args, kw)
        return self.calls


c = Counter()
print(c(), c(1, 2), c(x=3), c.calls)
print(callable(c), callable(Counter), callable(Counter.__call__), callable(5))
print(list(map(c, [10, 20])))


class Adder:
    def __init__(self, n):
        self.n = n

    def __call__(self, x, y=0):
        return x + y + self.n


add5 = Adder(5)
print(add5(1), add5(1, y=2), sorted([3, 1, 2], key=Adder(-10)), add5(*[1, 2]), add5(**{"x": 7}))
try:
    add5()
except TypeError as e:
    print("TypeError:", e)
try:
    add5(1, 2, 3)
except TypeError as e:
    print("TypeError:", e)


class NotCallable:
    pass


try:
    NotCallable()()
except TypeError as e:
    print("TypeError:", e)


def compose(f, g):
    return lambda x: f(g(x))


print(compose(Adder(1), Adder(100))(0))


class Memo:
    def __init__(self, fn):
        self.fn = fn
        self.cache = {}

    def __call__(self, n):
        if n not in self.cache:
            self.cache[n] = self.fn(n)
        return self.cache[n]


@Memo
def fib(n):
    return n if n < 2 else fib(n - 1) + fib(n - 2)


print(fib(40), len(fib.cache), type(fib).__name__)


class ClassAttrCall:
    pass


inst = ClassAttrCall()
inst.__call__ = lambda: "from instance dict"
try:
    inst()                      # special methods are looked up on the type
except TypeError as e:
    print("TypeError:", e)
ClassAttrCall.__call__ = lambda self: "from class"
print(inst())
