# Iterator protocol: __iter__ / __next__ in for, list, sum, sorted, min/max, zip, unpacking.
class Countdown:
    def __init__(self, start):
        self.start = start

    def __iter__(self):
        print("__iter__")
        return CountdownIter(self.start)


class CountdownIter:
    def __init__(self, n):
        self.n = n

    def __iter__(self):
        return self

    def __next__(self):
        if self.n <= 0:
            raise StopIteration
        self.n -= 1
        return self.n + 1


for x in Countdown(3):
    print("for", x)
print(list(Countdown(4)), sum(Countdown(4)), sorted(Countdown(3)))
print(min(Countdown(5)), max(Countdown(5)), tuple(Countdown(2)), set(Countdown(2)))
print(list(zip(Countdown(3), "abcd")), list(enumerate(Countdown(2))))
a, *rest = Countdown(4)
print(a, rest)
print(dict.fromkeys(Countdown(2)), [y * 10 for y in Countdown(3)], 2 in Countdown(3))
print(" ".join(str(v) for v in [1]), "-".join(map(str, Countdown(3))))
it = CountdownIter(3)
print(iter(it) is it, next(it), next(it), next(it), next(it, "done"))
try:
    next(it)
except StopIteration as e:
    print("StopIteration", e.args)
c = Countdown(2)
i1, i2 = iter(c), iter(c)
print(i1 is i2, next(i1), next(i1), next(i2))
one = CountdownIter(3)
print(list(zip(one, one)))      # the same iterator twice


class Broken:
    def __iter__(self):
        return 5


class NotAnIterator:
    pass


class NoNext:
    def __iter__(self):
        return NotAnIterator()


for obj in (Broken(), NoNext(), NotAnIterator()):
    try:
        for _ in obj:
            pass
    except TypeError as e:
        print("TypeError:", e)
try:
    next(NotAnIterator())
except TypeError as e:
    print("TypeError:", e)
try:
    x, y = Countdown(3)
except ValueError as e:
    print("ValueError:", e)


class Fib:
    def __init__(self, limit):
        self.a, self.b, self.limit = 0, 1, limit

    def __iter__(self):
        return self

    def __next__(self):
        if self.a > self.limit:
            raise StopIteration("exhausted")
        v = self.a
        self.a, self.b = self.b, self.a + self.b
        return v


print(list(Fib(50)), sum(Fib(100)), any(v > 20 for v in Fib(30)))
