# ZeroDivisionError from floor division, deep in a call chain.
def a(x):
    return b(x)
def b(x):
    return c(x)
def c(x):
    return x // 0
a(1)
