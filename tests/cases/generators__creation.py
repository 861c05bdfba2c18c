# A generator function's call: the generator takes the frame's slots (arguments,
# defaults, unbound locals, cells and the closure's cells) without running any of
# the body, and the call's references to the function and arguments are released.
import sys


def plain(a, b=2, *, c=3):
    yield a + b + c


def with_cell(a, b=10):
    def inner():
        return a + b
    yield inner()
    a = 100
    yield inner()


def outer(k):
    def gen(x, y=1):
        total = x + y + k
        yield total
        yield k
    return gen


class Token:
    pass


t = Token()
before = sys.getrefcount(t)
g1 = (lambda x: (yield x))(t)
print(sys.getrefcount(t) - before)
print(next(g1) is t)
del g1
print(sys.getrefcount(t) - before)

print(list(plain(1)), list(plain(1, 5)), list(plain(1, c=7)))
print(list(with_cell(1)), list(with_cell(2, 3)))
gen = outer(5)
print(list(gen(1)), list(gen(2, 3)))
print(sys.getrefcount(gen) - sys.getrefcount(outer))

f_before = sys.getrefcount(plain)
gs = [plain(i) for i in range(10)]
print(sys.getrefcount(plain) - f_before)
print(sum(next(x) for x in gs))
for x in gs:
    list(x)
print(sys.getrefcount(plain) - f_before)  # finished: they let it go
del gs
print(sys.getrefcount(plain) - f_before)
print(sys.getsizeof(plain(1)), sys.getsizeof(gen(1)))
print(plain.__name__, plain(1).__name__, plain(1).__qualname__, gen(1).__qualname__)


def not_started():
    print("body ran")
    yield 1


n = not_started()
print("made")
print(next(n))


def deep(n):
    if n == 0:
        yield 0
        return
    yield from deep(n - 1)


print(list(deep(50)))
try:
    plain()
except TypeError as e:
    print("TypeError:", e)
