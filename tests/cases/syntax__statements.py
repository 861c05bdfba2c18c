# pass, del, assert, augmented assignment, walrus, multiple targets.
a = b = c = 3
print(a, b, c)
a += 2; b -= 1; c *= 4
print(a, b, c)
x = 10
x //= 3; print(x)
x **= 3; print(x)
x %= 7; print(x)
x <<= 2; print(x)
x >>= 1; print(x)
x |= 8; print(x)
x &= 12; print(x)
x ^= 5; print(x)
x /= 2; print(x)
lst = [1, 2, 3]
lst += [4]
print(lst)
del lst[0]
print(lst)
if (n := len(lst)) > 2:
    print("walrus", n)
assert n == 3
assert True, "never shown"
y = 1
del y
pass
print([z := 5, z + 1])
