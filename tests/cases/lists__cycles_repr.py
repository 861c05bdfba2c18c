# A list that contains itself prints as [...].
a = [1]
a += [a]
print(a)
b = [a, [a]]
print(b)
