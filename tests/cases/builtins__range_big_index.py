# range: items, index, count and `in` by arithmetic, also beyond machine integers.
r = range(1, 2**70, 3)
print(r[0], r[5], r[-1], r[2**60], r[-2**60])
print(range(2**64, 2**64 + 10, 3)[2], range(-2**65, 0, 2**60)[-1])
for rr, i in ((r, len(range(1, 2**70, 3)) if False else 2**69), (range(10), 2**70),
              (range(10), -11), (range(0), 0)):
    try:
        rr[i]
    except IndexError as e:
        print("IndexError", e)
try:
    len(r)
except OverflowError as e:
    print("OverflowError", e)
print(2**69 in r, 2**69 + 1 in r, 7 in r, 0 in r, -2 in r, 2**70 in r)
print(r.index(7), r.index(2**69 + 2), r.count(4), r.count(5), r.count(2**70 + 1))
for rr in (range(10, 0, -3), range(-5, 5), range(0), range(2**65, -2**65, -2**63)):
    print(rr, [x in rr for x in (10, 7, 4, 1, 0, -5, 2**64)], rr.count(1), rr.count(True))
print(range(10).index(True), range(10).count(3.0), range(10).index(3.0))
try:
    range(10).index(10)
except ValueError as e:
    print("ValueError", e)
try:
    range(10).index(2.5)
except ValueError as e:
    print("ValueError", e)
try:
    range(3).index("a")
except ValueError as e:
    print("ValueError", e)


class Weird(int):
    def __eq__(self, other):
        return other == 4


print(Weird(2) in range(10), range(10).count(Weird(2)), range(10).index(Weird(2)))
print([m for m in dir(range) if not m.startswith("__")])
print(range(2**70)[3:6], list(range(2**64, 2**64 + 10, 3)))
big = range(-2**66, 2**66, 2**60)
for sl in (slice(None), slice(3, None), slice(None, -3), slice(None, None, -1),
           slice(-5, None, -2), slice(2**80, None, -1), slice(-2**80, 2**80, 2**61),
           slice(5, 2), slice(None, None, 3)):
    x = big[sl]
    print(x, len(x), list(x)[:3] == list(big)[sl][:3])
try:
    big[::0]
except ValueError as e:
    print("ValueError", e)
try:
    big["a"]
except TypeError as e:
    print("TypeError", e)
try:
    big[1.5:]
except TypeError as e:
    print("TypeError", e)
