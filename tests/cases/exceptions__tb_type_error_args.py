# TypeError: a missing positional argument.
def f(a, b):
    return a
f(1)
