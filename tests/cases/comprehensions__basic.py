# List, set and dict comprehensions and generator-free nesting.
print([x * x for x in range(6)])
print([x for x in range(20) if x % 3 == 0 if x % 2 == 0])
print([(x, y) for x in range(3) for y in range(x)])
print({x % 4 for x in range(10)})
print({x: x * x for x in range(5)})
print([[c for c in w] for w in ["ab", "cd"]])
m = [[1, 2, 3], [4, 5, 6]]
print([[row[i] for row in m] for i in range(3)])
print([x for row in m for x in row if x != 4])
