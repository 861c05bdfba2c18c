# List operators, indexing, slice assignment and deletion.
a = [1, 2, 3, 4, 5]
print(a[0], a[-1], a[1:3], a[::-1], a[::2], a[10:], a[-100:2])
print(a + [6], a * 2, [0] * 3, [] * 4, 2 in a, 9 not in a)
a[0] = 10
a[1:3] = ["x", "y", "z"]
print(a)
a[::2] = [0, 0, 0]
print(a)
del a[1]
del a[-2:]
print(a, len(a))
a[len(a):] = [7, 8]
print(a)
del a[::2]
print(a)
b = [[1, 2], [3]]
b[0][1] = 9
print(b, [1, 2] == [1, 2], [1, 2] < [1, 3], [1] < [1, 0], [] == [])
nested = [a, a]
print(nested)
c = [1]
c *= 3
print(c)
