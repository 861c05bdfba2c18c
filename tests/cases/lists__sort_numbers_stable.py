# Sorting all-int or all-float lists keeps equal items (distinct objects) in their
# order, with and without a key, forwards and reversed, for small and wide ranges.
import random

r = random.Random(12)


def positions(xs, ys):
    where = {id(v): i for i, v in enumerate(xs)}
    return [where[id(v)] for v in ys]


def check(name, xs):
    out = []
    for rev in (False, True):
        a = xs[:]
        a.sort(reverse=rev)
        out.append(sum(i * p for i, p in enumerate(positions(xs, a))))
        b = sorted(xs, key=lambda v: -v, reverse=rev)
        out.append(sum(i * p for i, p in enumerate(positions(xs, b))))
        out.append(a[:3] + a[-3:])
    print(name, len(xs), out)


big = 10**12
check("narrow", [big + r.randrange(50) for _ in range(3000)])
check("wide", [r.randrange(-2**63, 2**63) // 7 * 7 + big for _ in range(2000)] * 2)
check("span 2**40", [r.choice([big, big + 2**40, -big]) + 0 for _ in range(4000)])
check("floats", [r.choice([0.0, -0.0, 2.5, -1e300, 1e-300]) * 1.0 for _ in range(3000)])
check("mixed sign", [r.randrange(-10**15, 10**15, 10**14) for _ in range(2500)])
print(sorted([3, True, 2, False, 1, 0, -1]), sorted([1.0, -0.0, 0.0, -1.0], key=abs))
