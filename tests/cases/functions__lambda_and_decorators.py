# lambda expressions and function decorators.
sq = lambda x: x * x
print(sq(7), (lambda: "no args")(), (lambda *a, **k: (a, k))(1, z=2))
def twice(f):
    def wrapper(*args):
        return f(f(*args))
    return wrapper
def tag(name):
    def deco(f):
        def wrapper(x):
            return "<" + name + ">" + f(x) + "</" + name + ">"
        return wrapper
    return deco
@twice
def inc(x):
    return x + 1
@tag("b")
@tag("i")
def text(s):
    return s
print(inc(5), text("hi"))
print(inc.__name__, sq.__name__, text.__name__)
