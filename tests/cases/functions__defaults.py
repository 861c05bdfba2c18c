# Default values, evaluated once at definition time.
def f(a, b=2, c="three"):
    return (a, b, c)
print(f(1), f(1, 5), f(1, c=None), f(c=0, a=9))
def g(x, acc=[]):
    acc += [x]
    return acc
print(g(1), g(2), g(3, []))
k = 10
def h(v=k):
    return v
k = 20
print(h())
