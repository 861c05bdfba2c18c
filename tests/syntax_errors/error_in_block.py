def f():
    if x:
        y = (
    return 1
