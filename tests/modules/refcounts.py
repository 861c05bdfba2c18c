import sys
rc = sys.getrefcount
print(rc([]))
x = [1]
print(rc(x))
y = x
print(rc(x))
l = [x]
print(rc(x))
l2 = [x, x, x]
print(rc(x))
t = (x,)
print(rc(x))
d = {'k': x}
print(rc(x))
del y, l, l2, t, d
print(rc(x))
z = []
def f1(a):
    return rc(a)
print(f1(z))
def f2(a):
    b = a
    return rc(a)
print(f2(z))
print(f1([]))
def g(*args):
    return rc(args[0])
print(g(z))
def h(**kw):
    return rc(kw['k'])
print(h(k=z))
def outer():
    v = []
    def inner():
        return v
    return rc(v)
print(outer())
for item in [[]]:
    print(rc(item))
big = int('123456789')
print(rc(big))
n0 = rc(None)
lst = [None] * 100
print(rc(None) - n0)
n1 = rc(0)
lst0 = [0] * 100
print(rc(0) - n1)
s = sys.intern('hello' + str(7))
print(rc(s))
t = sys.intern('hello' + str(7))
print(rc(s), t is s)
u = 'x' + str(8)
print(rc(u), rc(sys.intern(u)) - rc(u))
