# A comprehension has its own scope; its variable does not leak.
x = "outer"
ys = [x for x in range(3)]
print(x, ys)
def f():
    k = 10
    return [k + i for i in range(3)]
print(f())
n = 5
print([n * i for i in range(3)], {i: n for i in range(2)})
print([y := v * 2 for v in range(3)], y)
