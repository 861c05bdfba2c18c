# Slicing with steps on lists, tuples, strings and ranges.
xs = list(range(10))
print(xs[::3], xs[1::3], xs[::-2], xs[8:2:-2], xs[-3:], xs[:-7], xs[5:5])
print(xs[100:200], xs[-100:3], xs[::-100], xs[3:1])
print("abcdef"[::-1], "abcdef"[1:5:2], (1, 2, 3, 4)[::2])
ys = xs[:]
ys[1:4] = []
print(ys, xs == list(range(10)))
ys[2:2] = ["in"]
print(ys)
print(xs[slice(2, 5)], xs[slice(None, None, 4)])
