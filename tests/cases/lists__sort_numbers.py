# Sorting lists of built-in numbers (glasspy sorts them by value, as CPython's
# pre-sort type check does): stability, -0.0 next to 0.0, bools among ints, big ints.
x = 7
xs = []
for _ in range(300):
    x = (x * 1103515245 + 12345) % 2147483648
    xs.append(x % 101 - 50)
print(sorted(xs) == sorted(xs, key=lambda v: v), sorted(xs)[:10])
fs = [0.0, -0.0, 1.5, -2.5, 0.0, -0.0] * 20
s = sorted(fs)
print([str(x) for x in s[:45]])
print(sorted([True, 1, 0, False, 2, -1]))
pairs = [(i % 7, i) for i in range(100)]
print(sorted(pairs, key=lambda p: p[0])[:12])
print(sorted(range(100), key=lambda v: -(v % 5), reverse=True)[:20])
print(sorted([3, 2**70, 1, -2**70]))
print(sorted([3.5, 2, 1.25]))
l = [5, 3, 1]; l.sort(reverse=True); print(l)
