def f():
    a = 1
    b = a a
