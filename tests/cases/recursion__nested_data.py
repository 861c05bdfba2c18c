# Deeply nested data: repr and comparison go as deep as the recursion limit allows and
# then raise RecursionError, as CPython does; hashing a deep tuple does not recurse.
a = []
b = []
for i in range(100000):
    a = [a]
    b = [b]
for op in ("==", "<", "repr"):
    try:
        if op == "==":
            a == b
        elif op == "<":
            a < b
        else:
            repr(a)
    except RecursionError as e:
        print(op, "RecursionError:", e)
t = ()
for i in range(100000):
    t = (t,)
print(hash(t) == hash(t))
x = [[1, (2, {3: [4]})]]
y = [[1, (2, {3: [4]})]]
print(x == y, x != y, x < y, x <= y)
