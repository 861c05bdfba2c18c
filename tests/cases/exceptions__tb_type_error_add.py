# TypeError for unsupported operand types.
n = 1
s = "a"
print(n + s)
