# `is` and id() on small ints, interned strings and fresh objects.
a = 256
b = 255 + 1
print(a is b, id(a) == id(b))
n = int("1000")
m = int("1000")
print(n == m, n is m)
s = "hello"
t = "hel" + "lo"
print(s is t, s == t)
u = "".join(["hel", "lo"])
print(s == u, s is u)
x = [1, 2]
y = x
z = [1, 2]
print(x is y, x is z, x == z, id(x) == id(y), id(x) == id(z))
e1 = ()
e2 = tuple([])
empty = ""
print(None is None, e1 is e2, empty is "".join([]))
