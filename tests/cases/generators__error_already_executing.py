def g():
    x.send(None)
    yield
x = g()
next(x)
