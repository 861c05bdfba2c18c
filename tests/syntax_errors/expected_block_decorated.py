@d
def f():
x
