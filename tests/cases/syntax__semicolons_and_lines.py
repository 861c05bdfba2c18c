# Line continuation, semicolons, and implicit joining.
x = 1 + \
    2
print(x); print(x * 2)
total = (1 +
         2 +
         3)
print(total)
items = [
    1,
    2,
]
print(items)
if x: print("one-line if")
for i in range(2): print("loop", i)
