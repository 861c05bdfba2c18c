def f(y):
    return [(yield) for x in y]
