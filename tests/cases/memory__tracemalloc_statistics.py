# Statistics of deterministic programs: the same lines, counts and ordering as
# python3; sizes where both interpreters request the same bytes (str data, int
# digits, list item arrays of a known length).
import tracemalloc

tracemalloc.start(3)
this = tracemalloc.Filter(True, __file__)


def strings(n):
    return [("%05d" % i) * 20 for i in range(n)]


def ints(n):
    return [10**20 + i for i in range(n)]


def table(n):
    rows = []
    for i in range(n):
        rows.append([0] * 100)
    return rows


base = tracemalloc.take_snapshot()
a = strings(300)
b = ints(400)
c = table(50)
snap = tracemalloc.take_snapshot().filter_traces([this])

print("by line")
for stat in snap.statistics('lineno')[:3]:
    frame = stat.traceback[0]
    print(frame.lineno, stat.count >= 50, stat.size > 0)

# Blocks whose size is the same in both interpreters.
sizes = {}
for trace in snap.traces:
    line = trace.traceback[-1].lineno
    sizes.setdefault(line, []).append(trace.size)
print("str of 100 chars", sizes[11].count(149))
print("list of 100 items' array", sizes[21].count(800))

print("by file")
stats = snap.statistics('filename')
print(len(stats), stats[0].traceback[0].filename == __file__, stats[0].traceback[0].lineno)

print("by traceback")
tb_stats = snap.statistics('traceback')
for stat in tb_stats[:3]:
    print([f.lineno for f in stat.traceback], stat.count >= 50, stat.traceback.total_nframe)
    for line in stat.traceback.format():
        print(line)
    print(stat.traceback.format(limit=1, most_recent_first=True))

print("cumulative")
cum = snap.statistics('lineno', cumulative=True)
lines = sorted(s.traceback[0].lineno for s in cum if s.count >= 50)
print(lines)
fcum = snap.statistics('filename', cumulative=True)
print(len(fcum), fcum[0].count == sum(s.count for s in snap.statistics('filename')))

print("ordering")
st = snap.statistics('lineno')
print(all(st[i].size >= st[i + 1].size for i in range(len(st) - 1)))
print(sum(s.size for s in st) == sum(t.size for t in snap.traces))
print(sum(s.count for s in st) == len(snap.traces))

print("formats")
s = tracemalloc.Statistic(tracemalloc.Traceback((("x.py", 12),)), 4855 * 1024 + 7, 39328)
print(s)
print(repr(s))
for size in (0, 1, 99, 100, 1023, 10239, 10240, 102400, 5 * 1024 ** 2, 3 * 1024 ** 4, 10 ** 16):
    print(tracemalloc.Statistic(tracemalloc.Traceback((("a.py", 1),)), size, 3))
d = tracemalloc.StatisticDiff(tracemalloc.Traceback((("y.py", 3),)), 2048, -512, 4, -1)
print(d)
print(repr(d))
print(tracemalloc.StatisticDiff(tracemalloc.Traceback((("y.py", 3),)), 0, -512, 0, -1))
fr = tracemalloc.Frame(("f.py", 7))
print(fr, repr(fr), fr.filename, fr.lineno, fr == tracemalloc.Frame(("f.py", 7)))
print(fr < tracemalloc.Frame(("f.py", 8)), hash(fr) == hash(tracemalloc.Frame(("f.py", 7))))
tb = tracemalloc.Traceback((("new.py", 2), ("old.py", 1)), 5)
print(tb, repr(tb), len(tb), tb.total_nframe, tb[0], tb[-1], list(tb))
print(tb.format(), tb.format(most_recent_first=True), tb.format(limit=-1))
print(repr(tracemalloc.Traceback((("a.py", 1),))))
print(tracemalloc.Traceback((("a.py", 1),)) < tracemalloc.Traceback((("b.py", 1),)))
tr = tracemalloc.Trace((0, 4096, (("t.py", 9),), 1))
print(tr, repr(tr), tr.domain, tr.size, tr.traceback)
tracemalloc.stop()
del a, b, c, base, snap
