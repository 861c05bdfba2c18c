# TypeError: subscripting an int.
x = 3
print(x[0])
