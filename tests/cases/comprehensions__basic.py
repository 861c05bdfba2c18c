# List, set and dict comprehensions and generator-free nesting.
print([x * x for x in [0, 1, 2, 3, 4, 5]])
print([x for x in [0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 17, 18, 19] if x % 3 == 0 if x % 2 == 0])
print([(x, y) for x in [0, 1, 2] for y in [0, 1, 2][:x]])
print({x % 4 for x in [0, 1, 2, 3, 4, 5, 6, 7, 8, 9]})
print({x: x * x for x in [0, 1, 2, 3, 4]})
print([[c for c in w] for w in ["ab", "cd"]])
m = [[1, 2, 3], [4, 5, 6]]
print([[row[i] for row in m] for i in [0, 1, 2]])
print([x for row in m for x in row if x != 4])
