def g():
    r = yield 1
    print(r)
x = g()
next(x)
x.throw(TypeError, "msg")
