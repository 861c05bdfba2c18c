# random: every method's numbers for fixed seeds (the same draws in the same order as
# python3), the integer paths of subclasses, state round trips and the errors. (Calls
# that make python3 issue a warning are left out: glasspy has no warnings module yet.)
import random
from collections import deque

r = random.Random(12345)
print([r.random() for _ in range(3)])
print([r.randrange(10) for _ in range(5)], [r.randrange(3, 50, 7) for _ in range(5)],
      [r.randrange(50, 3, -4) for _ in range(5)], r.randint(-5, 5), r.randrange(10**30))
print(r.choice("abcdef"), r.choices(range(10), k=5), r.choices("abc", [1, 0, 5], k=6),
      r.choices("abc", cum_weights=[1, 2, 10], k=4))
lst = list(range(12))
r.shuffle(lst)
print(lst, r.sample(range(100), 7), r.sample(range(10**6), 6), r.sample(["a", "b"], 2),
      r.sample("xyz", 3, counts=[1, 2, 3]), r.sample(deque("hello"), 2))
print(r.uniform(1, 5), r.triangular(), r.triangular(0, 10, 8), r.triangular(1, 1, 1))
print(r.normalvariate(), r.gauss(), r.gauss(), r.lognormvariate(0, 1), r.expovariate(2))
print(r.vonmisesvariate(1, 0), r.vonmisesvariate(1, 4), r.gammavariate(0.5, 2),
      r.gammavariate(1, 2), r.gammavariate(3, 2), r.betavariate(2, 3),
      r.paretovariate(3), r.weibullvariate(1, 2), r.randbytes(5), r.getrandbits(70))
for s in (0, 1.5, "text", b"bytes", bytearray(b"ba"), -7, 2**100):
    r.seed(s)
    print(repr(s), r.random())
r.seed("text", version=1)
print(r.random())
r.seed(b"text", version=1)
print(r.random())
st = r.getstate()
a = [r.random() for _ in range(3)]
r.setstate(st)
print(a == [r.random() for _ in range(3)], st[0], len(st[1]), st[2])
r.gauss()
st2 = r.getstate()
print(st2[2] is not None)
r.setstate((2,) + st[1:])
print(r.random() == a[0])


class FromFloats(random.Random):
    def random(self):
        return 0.3


class FromBits(random.Random):
    def getrandbits(self, k):
        return 1


f = FromFloats(1)
print(f.randrange(10), f.choice("abcd"), FromBits(1).randrange(10))
errs = [
    lambda: r.randrange(0), lambda: r.randrange(5, 5), lambda: r.randrange(1, 10, 0),
    lambda: r.randrange(10, 1, 2),
    lambda: r.randrange(5, step=2), lambda: r.choice([]),
    lambda: r.sample({1, 2}, 1), lambda: r.sample(range(3), 4), lambda: r.sample("ab", 1, counts=[1]),
    lambda: r.sample("ab", 1, counts=[0, 0]), lambda: r.sample("ab", 1, counts=[1.0, 1.0]),
    lambda: r.choices("ab", 3), lambda: r.choices("ab", [1], k=1),
    lambda: r.choices("ab", [1, 1], cum_weights=[1, 2]), lambda: r.choices("ab", [0, 0]),
    lambda: r.choices("ab", [1, float("inf")]), lambda: r.gammavariate(0, 1),
    lambda: r.seed([1]), lambda: r.setstate((9, (), None)), lambda: r.choices("ab", k=2.5),
    lambda: random.SystemRandom().getstate(), lambda: r.randrange(True, True),
]
for e in errs:
    try:
        print(e())
    except Exception as x:
        print(type(x).__name__, x)
print(r.choices("ab", k=-1))
sr = random.SystemRandom()
print(0 <= sr.random() < 1, sr.getrandbits(0), len(sr.randbytes(4)), sr.seed(5))
random.seed(99)
print(random.random(), random.randint(1, 6), random.choice([1, 2, 3]))
print(random.NV_MAGICCONST, random.TWOPI, random.LOG4, random.SG_MAGICCONST, random.BPF, random.RECIP_BPF)
