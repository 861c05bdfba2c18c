# Closures, cells, nonlocal and global.
def counter():
    n = 0
    def inc():
        nonlocal n
        n += 1
        return n
    return inc
c = counter()
print(c(), c(), c())
c2 = counter()
print(c2(), c())
total = 0
def add(x):
    global total
    total += x
add(5)
add(7)
print(total)
def outer():
    x = "outer"
    def mid():
        def inner():
            return x
        return inner
    return mid()()
print(outer())
adders = []
for i in range(3):
    adders += [lambda y, i=i: y + i]
print([a(10) for a in adders])
late = [lambda: j for j in range(3)]
print([f() for f in late])
def make(n):
    def fact(k):
        return 1 if k <= 1 else k * fact(k - 1)
    return fact(n)
print(make(10))
