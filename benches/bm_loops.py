# Loops: nested while loops over integer arithmetic and comparisons.
total = 0
i = 0
while i < 2500:
    j = 0
    while j < 1000:
        if (i ^ j) & 3 == 0:
            total += i * j % 7
        else:
            total -= 1
        j += 1
    i += 1
print(total)
