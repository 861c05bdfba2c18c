# random: CPython's Mersenne Twister, seeding and algorithms give python3's numbers.
import random
import sys
from random import Random


def t(f):
    try:
        print(repr(f()))
    except Exception as e:
        print(type(e).__name__, e)


for s in (0, 1, 42, -42, 2**32, 2**32 - 1, 2**100 + 7, 3.5, -2.25, "hello", b"bytes",
          bytearray(b"ba"), "", 10**40):
    random.seed(s)
    print(repr(s)[:20], random.random(), random.getrandbits(70), random.randrange(1000))

random.seed("abc", version=1)
print(random.random())
random.seed(12345)
print([random.randint(1, 6) for _ in range(20)])
print([random.randrange(0, 100, 7) for _ in range(8)], random.randrange(-10, -1), random.randrange(50, 10, -3))
print(random.randrange(2**80), random.randrange(10**30, 10**31), random.getrandbits(0), random.getrandbits(1), random.getrandbits(32), random.getrandbits(33))
print([random.randrange(16) for _ in range(10)], [random.randrange(17) for _ in range(10)])
print(random.choice("abcdefg"), random.choice(range(100)), random.choice([1]))
items = list(range(20))
random.shuffle(items)
print(items)
print(random.sample(range(100), 5), random.sample("abcdefgh", 8), random.sample(range(10**6), 3))
print(random.sample(range(30), 25))
print(random.sample(["red", "blue"], counts=[4, 2], k=5))
print(random.choices("abc", k=6), random.choices([1, 2, 3], weights=[10, 1, 1], k=6))
print(random.choices("xyz", cum_weights=[1, 2, 10], k=5), random.choices(range(5)))
print(random.uniform(1, 10), random.triangular(), random.triangular(0, 10, 8), random.triangular(5, 5))
print(random.normalvariate(), random.normalvariate(100, 15), random.gauss(), random.gauss(5, 2), random.gauss())
print(random.expovariate(1.5), random.lognormvariate(0, 1), random.vonmisesvariate(1, 4), random.vonmisesvariate(1, 0))
print(random.gammavariate(0.5, 1), random.gammavariate(1.0, 2), random.gammavariate(3, 2), random.betavariate(2, 5))
print(random.paretovariate(3), random.weibullvariate(1, 1.5), random.randbytes(5))

# state
st = random.getstate()
a = [random.random() for _ in range(3)]
random.setstate(st)
print(a == [random.random() for _ in range(3)], st[0], len(st[1]), st[2])
r1, r2 = Random(7), Random(7)
print(r1.random() == r2.random(), r1.randint(0, 10**6), Random("seed").random())
r3 = Random()
r3.setstate(r1.getstate())
print(r3.random() == r1.random(), type(r3).__mro__)
for i in range(1000):
    r1.random()
print(r1.random(), r1.getstate()[1][-1])

# subclasses: with random() alone, integers come from random()


class Fixed(Random):
    def random(self):
        return 0.3


class Bits(Random):
    def __init__(self):
        super().__init__(99)
        self.calls = 0

    def getrandbits(self, k):
        self.calls += 1
        return super().getrandbits(k)


f = Fixed(1)
print(f.randrange(10), f.choice("abcde"), f.uniform(0, 10), f._randbelow.__name__)
b = Bits()
print(b.randrange(1000), b.calls, b.random())
sr = random.SystemRandom()
x = sr.random()
print(0 <= x < 1, 0 <= sr.randrange(10) < 10, len(sr.randbytes(4)), sr.getrandbits(8) < 256, sr.seed(1))
t(lambda: sr.getstate())

# errors
t(lambda: random.seed([1]))
t(lambda: random.choice([]))
t(lambda: random.randrange(0))
t(lambda: random.randrange(10, 5))
t(lambda: random.randrange(0, 10, 0))
t(lambda: random.randrange(0, 10, step=-1))
t(lambda: random.randint(5, 1))
t(lambda: random.sample(range(3), 4))
t(lambda: random.sample({1, 2}, 1))
t(lambda: random.sample("ab", 1, counts=[1]))
t(lambda: random.choices("ab", [1, 2], cum_weights=[1, 2]))
t(lambda: random.choices("ab", [0, 0]))
t(lambda: random.choices("ab", [1]))
t(lambda: random.choices("ab", 3))
t(lambda: random.getrandbits(-1))
t(lambda: random.gammavariate(0, 1))
t(lambda: random.setstate((9, (), None)))
t(lambda: Random().setstate((3, (1, 2), None)))
t(lambda: Random(1, 2))
