# bisect: bisect_left / bisect_right / bisect, insort_left / insort_right / insort,
# with lo / hi and key=.
import bisect

a = [1, 2, 4, 4, 4, 8]
for x in [0, 1, 3, 4, 5, 8, 9]:
    print(x, bisect.bisect_left(a, x), bisect.bisect_right(a, x), bisect.bisect(a, x))
print(bisect.bisect_left(a, 4, 3), bisect.bisect_right(a, 4, 0, 3), bisect.bisect_left(a, 4, hi=2))
b = []
for x in [5, 1, 4, 1, 5, 9, 2, 6]:
    bisect.insort(b, x)
print(b)
c = [1, 3]
bisect.insort_left(c, 3)
bisect.insort_right(c, 2)
print(c)


def grade(score, breakpoints=[60, 70, 80, 90], grades="FDCBA"):
    return grades[bisect.bisect(breakpoints, score)]


print([grade(s) for s in [33, 99, 77, 70, 89, 90, 100]])
records = [("alice", 3), ("bob", 7), ("carol", 9)]
print(bisect.bisect_left(records, 7, key=lambda r: r[1]), bisect.bisect_right(records, 7, key=lambda r: r[1]))
bisect.insort(records, ("dave", 8), key=lambda r: r[1])
print(records)
try:
    bisect.bisect_left(a, 1, -1)
except ValueError as e:
    print("ValueError:", e)
print(sorted(bisect.__all__) if hasattr(bisect, "__all__") else None)
