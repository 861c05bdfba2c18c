# *args, **kwargs, keyword-only and positional-only parameters.
def f(*args, **kwargs):
    return args, kwargs
print(f(), f(1, 2), f(a=1), f(1, b=2, c=3))
def g(a, b, /, c, *, d, e=5):
    return a, b, c, d, e
print(g(1, 2, 3, d=4), g(1, 2, c=3, d=4, e=6))
def h(first, *rest, last="!", **opts):
    return first, rest, last, opts
print(h(1), h(1, 2, 3, last="?", x=0))
args = (1, 2)
kw = {"c": 3, "d": 4}
print(g(*args, **kw), f(*[1, 2], *(3,), **{"x": 1}, y=2))
def only_kw(*, a, b=2):
    return a + b
print(only_kw(a=1), only_kw(b=10, a=1))
