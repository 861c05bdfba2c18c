# Lists: append, sort (with and without a key), comprehensions, slicing.
data = []
x = 12345
for i in range(500000):
    x = (x * 1103515245 + 12345) % 2147483648
    data.append(x % 100000)
squares = [v * v for v in data if v % 3]
data.sort()
squares.sort(key=lambda v: -v)
evens = [v for v in data[::2]]
print(len(data), data[0], data[-1], len(squares), squares[0], sum(evens[:1000]))
