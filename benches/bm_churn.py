# Object churn: many short-lived small tuples and lists.
acc = 0
i = 0
while i < 700000:
    t = (i, i + 1, i + 2)
    l = [t, (i,), [i, i]]
    a, b, c = t
    acc += a + c - b + len(l) + l[2][1] - i
    i += 1
print(acc)
