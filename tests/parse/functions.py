def f(a, b=1, *args, c, d=2, **kw) -> int:
    return a
def g(a, /, b, *, c):
    return
def h(x: int, *a: str, y: float = 1.0, **k: dict) -> None:
    pass
@dec
@dec.attr(1)
def k():
    v = 0
    def inner():
        nonlocal v
        yield 1
        yield
        yield from it
        x = yield y
    return inner
class A:
    pass
class B(A, metaclass=M, **kw):
    x = 1
    def m(self):
        return self.x
@decorator
class C(object):
    pass
def gen():
    v = yield
    w = (yield 1, 2)
    return *a, b
lam = lambda: 0
lam2 = lambda x, y=1, *a, z, **k: x + y
lam3 = lambda a, /, b: a
