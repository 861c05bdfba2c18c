# A comprehension has its own scope; its variable does not leak.
x = "outer"
ys = [x for x in [0, 1, 2]]
print(x, ys)
def f():
    k = 10
    return [k + i for i in [0, 1, 2]]
print(f())
n = 5
print([n * i for i in [0, 1, 2]], {i: n for i in [0, 1]})
print([y := v * 2 for v in [0, 1, 2]], y)
