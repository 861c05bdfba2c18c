# if/elif/else, while/else, for/else, break and continue.
for n in range(-1, 3):
    if n < 0:
        print(n, "negative")
    elif n == 0:
        print(n, "zero")
    else:
        print(n, "positive")
i = 0
while i < 10:
    i += 1
    if i % 2:
        continue
    if i > 6:
        break
    print("even", i)
else:
    print("not reached")
for x in []:
    print("never")
else:
    print("for-else ran")
k = 0
while k < 3:
    k += 1
else:
    print("while-else ran", k)
for a in range(3):
    for b in range(3):
        if b == a:
            break
        print(a, b, end="; ")
print()
for i in range(10, 0, -3):
    print(i, end=" ")
print()
