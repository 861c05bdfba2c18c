# collections.deque: the native type, its block layout (sizes), methods and errors.
import sys
from collections import deque


def t(f):
    try:
        print(repr(f()))
    except Exception as e:
        print(type(e).__name__, e)


# sizes: 64-slot blocks of 528 bytes, as CPython's
d = deque()
prev = None
for i in range(300):
    s = sys.getsizeof(d)
    if s != prev:
        print("append", i, s)
        prev = s
    d.append(i)
while d:
    d.pop()
print("emptied", sys.getsizeof(d))
d = deque()
for i in range(140):
    d.appendleft(i)
print("appendleft 140", sys.getsizeof(d))
print("from range 100", sys.getsizeof(deque(range(100))), sys.getsizeof(deque(range(63))), sys.getsizeof(deque(range(64))))
d = deque()
d.extendleft(range(70))
print("extendleft 70", sys.getsizeof(d), list(d)[:3])
d = deque(range(200))
for k in (1, 5, 63, 64, -70, 100, -3):
    d.rotate(k)
    print("rotate", k, sys.getsizeof(d), d[0], d[-1])
for _ in range(150):
    d.popleft()
print("popleft 150", sys.getsizeof(d), len(d), d[0])
d.clear()
print("cleared", sys.getsizeof(d), d)
print(sys.getsizeof(deque([1]) * 100), sys.getsizeof(deque([1, 2]) * 100))

# basic operations
d = deque([1, 2, 3])
d.append(4)
d.appendleft(0)
print(d, len(d), d[0], d[-1], d[2], 3 in d, 9 in d)
print(d.pop(), d.popleft(), d)
d.extend("ab")
d.extendleft([10, 20])
print(d)
d.rotate()
print(d)
d.rotate(-2)
print(d)
d.remove("a")
print(d, d.count(1), d.index(2), d.index(3, 1), d.index(3, -5, -1))
d.insert(1, "x")
d.insert(-1, "y")
d.insert(100, "z")
d.insert(-100, "w")
print(d)
d.reverse()
print(d, list(reversed(d)))
d[0] = "first"
del d[1]
del d[-1]
print(d)
c = d.copy()
print(c == d, c is d, c)
print(deque([1, 2]) + deque([3]), deque([1, 2]) * 3, 2 * deque([7]), deque([1]) * 0)
e = deque([1])
e += [2, 3]
e *= 2
print(e)
print(deque([1, 2]) < deque([1, 3]), deque([1, 2]) == deque([1, 2]), deque([1]) != deque([1, 2]))
print(deque([2]) > deque([1, 5]), deque() <= deque(), deque([1, 2]) == [1, 2])
print(bool(deque()), bool(deque([0])), list(deque("abc")), tuple(iter(deque((1, 2)))))

# maxlen
m = deque(range(10), maxlen=3)
print(m, m.maxlen, deque().maxlen)
m.append(10)
m.appendleft(-1)
print(m)
m.extend(range(20, 25))
print(m)
m.extendleft("xy")
print(m, deque(range(5), 0), deque("ab", maxlen=5) * 4)
t(lambda: m.insert(0, 1))

# repr
r = deque()
r.append(r)
print(r, deque([[1], (2,)]), deque(maxlen=2))


class Sub(deque):
    pass


s = Sub([1, 2], 5)
print(s, type(s.copy()).__name__, type(s + s).__name__, isinstance(s, deque), s.maxlen)


class Init(deque):
    def __init__(self, n):
        super().__init__(range(n), maxlen=n + 1)


print(Init(3), len(Init(3)))

# mutation during iteration
d = deque(range(5))
def mut():
    for x in d:
        d.append(x)
t(mut)
d = deque(range(5))
for x in d:
    d[0] = 9
print(d)


class E:
    def __init__(self, q):
        self.q = q

    def __eq__(self, o):
        self.q.append(1)
        return False


q = deque()
q.append(E(q))
q.append(2)
t(lambda: q.remove(5))
q = deque()
q.append(E(q))
t(lambda: 5 in q)
t(lambda: q.count(5))

# errors
d = deque([1, 2, 3])
t(lambda: d.remove(9))
t(lambda: d.index(9))
t(lambda: d[5])
t(lambda: deque()[0])
t(lambda: deque().pop())
t(lambda: deque().popleft())
t(lambda: d["a"])
t(lambda: d[1:2])
t(lambda: d + [1])
t(lambda: d * "a")
t(lambda: deque(maxlen=-1))
t(lambda: deque(maxlen="a"))
t(lambda: deque([1], 2, 3))
t(lambda: deque(1))
t(lambda: deque(x=1))
t(lambda: hash(d))
t(lambda: d < [1])
t(lambda: d.rotate("a"))
t(lambda: d.rotate(1, 2))
t(lambda: d.insert(1))
t(lambda: d.index())
t(lambda: d.pop(1))
t(lambda: d.append())
t(lambda: d.count())
t(lambda: d[2**70])
t(lambda: deque([], 2**70))
print(deque.__module__, deque.__name__, type(iter(d)), type(reversed(d)))
