# Unpacking into names, nested targets and starred targets.
a, b = 1, 2
a, b = b, a
print(a, b)
(c, d), e = (3, 4), 5
print(c, d, e)
first, *rest = [1, 2, 3, 4]
print(first, rest)
*init, last = "abc"
print(init, last)
h, *mid, t = range(5)
print(h, mid, t)
x, *y = [1]
print(x, y)
for i, (p, q) in [(0, (1, 2)), (1, (3, 4))]:
    print(i, p + q)
print([*range(3), *"ab"], (*[1], 2), {*(1, 2), 3})
lst = [0, 0, 0]
lst[0], lst[2] = "a", "b"
print(lst)
