def g():
    yield 1
x = g()
print(x.throw(ValueError("v")))
