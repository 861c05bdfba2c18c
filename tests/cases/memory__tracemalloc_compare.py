# Snapshot.compare_to and filter_traces (Filter, DomainFilter) on a deterministic job.
import tracemalloc

tracemalloc.start()
mine = [tracemalloc.Filter(True, __file__)]

keep = []


def grow(n):
    for i in range(n):
        keep.append("row %d" % i * 3)


first = tracemalloc.take_snapshot()
grow(200)
second = tracemalloc.take_snapshot()
del keep[:150]
third = tracemalloc.take_snapshot()

diffs = second.filter_traces(mine).compare_to(first.filter_traces(mine), 'lineno')
top = diffs[0]
print(top.traceback[0].lineno, top.count_diff, top.size_diff > 0, top.size == top.size_diff)
print(str(top).split(":")[1].split(",")[0].startswith(" size="))

diffs = third.filter_traces(mine).compare_to(second.filter_traces(mine), 'lineno')
by_line = {d.traceback[0].lineno: d for d in diffs}
row = by_line[12]
print(row.count_diff, row.count, row.size_diff < 0)

gone = first.filter_traces(mine).compare_to(second.filter_traces(mine), 'filename')
print(gone[0].count_diff < 0, gone[0].traceback[0].lineno)
same = third.compare_to(third, 'traceback')
print(all(d.size_diff == 0 and d.count_diff == 0 for d in same))

print("filters")
f = tracemalloc.Filter(True, "dir/*.pyc", lineno=3, all_frames=True, domain=1)
print(f.inclusive, f.filename_pattern, f.lineno, f.all_frames, f.domain)
df = tracemalloc.DomainFilter(False, 0)
print(df.inclusive, df.domain)
traces = [
    (0, 10, (("a.py", 1), ("b.py", 2)), 2),
    (0, 20, (("b.py", 2), ("a.py", 1)), 2),
    (1, 40, (("c.py", 5),), 1),
    (0, 80, (("lib/d.py", 7),), 1),
]
snap = tracemalloc.Snapshot(traces, 2)


def sizes(filters):
    return sorted(t.size for t in snap.filter_traces(filters).traces)


print(sizes([]))
print(sizes([tracemalloc.Filter(True, "a.py")]))
print(sizes([tracemalloc.Filter(True, "a.py", all_frames=True)]))
print(sizes([tracemalloc.Filter(False, "a.py")]))
print(sizes([tracemalloc.Filter(False, "a.py", all_frames=True)]))
print(sizes([tracemalloc.Filter(True, "*.py", lineno=2)]))
print(sizes([tracemalloc.Filter(True, "lib/*")]))
print(sizes([tracemalloc.Filter(True, "?.py"), tracemalloc.Filter(False, "b.py")]))
print(sizes([tracemalloc.Filter(True, "*", domain=1)]))
print(sizes([tracemalloc.Filter(False, "c.py", domain=1)]))
print(sizes([tracemalloc.DomainFilter(True, 1)]))
print(sizes([tracemalloc.DomainFilter(False, 1)]))
print(sizes([tracemalloc.DomainFilter(False, 1), tracemalloc.Filter(True, "[ab].py")]))
print([str(s) for s in snap.statistics('filename')])
print([str(s) for s in snap.statistics('filename', cumulative=True)])
print([str(s) for s in snap.statistics('lineno', cumulative=True)])
print([str(s) for s in snap.statistics('traceback')])
other = tracemalloc.Snapshot(traces[1:] + [(0, 5, (("e.py", 1),), 1)], 2)
for d in other.compare_to(snap, 'filename'):
    print(d)
tracemalloc.stop()
del first, second, third, keep
