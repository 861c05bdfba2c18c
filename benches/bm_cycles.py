# Cycles: create lists that refer to each other and leave them to the cycle collector.
made = 0
i = 0
while i < 250000:
    a = [i]
    b = [a]
    a += [b]
    c = [a, b]
    c += [c]
    made += len(c)
    i += 1
print(made)
