# Where does the memory go? tracemalloc's top lines for one job done two ways: a list
# of every record (all alive at once) and a generator (one record at a time).
#
# Run: glasspy examples/tracemalloc_top.py   (python3 prints the same lines)
#
# The strings are requested with the same sizes by both interpreters, so the top
# line is the same; other figures differ by a few bytes (python3 takes list and
# float objects from free lists, which tracemalloc does not see; glasspy's frame
# stack is a traced buffer), so only what both agree on is printed. What
# `print(stats[0])` and `measure()` give, with the folder left out of the file name:
#
#   python3: tracemalloc_top.py:21: size=835 KiB, count=10000, average=86 B
#   glasspy: tracemalloc_top.py:21: size=835 KiB, count=10000, average=86 B
#
#   python3: peak of the list version 940586 B, of the generator version 808 B
#   glasspy: peak of the list version 940608 B, of the generator version 755 B
import tracemalloc


def record(i):
    return "item-%06d:%s" % (i, "x" * (i % 50))


def as_list(n):
    rows = [record(i) for i in range(n)]
    return sum(len(r) for r in rows)


def as_generator(n):
    return sum(len(record(i)) for i in range(n))


def measure(job, n):
    tracemalloc.start()
    tracemalloc.reset_peak()
    total = job(n)
    _, peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    return total, peak


def top_lines(n):
    tracemalloc.start()
    rows = [record(i) for i in range(n)]
    snap = tracemalloc.take_snapshot()
    tracemalloc.stop()
    mine = snap.filter_traces([tracemalloc.Filter(True, __file__)])
    stats = mine.statistics('lineno')
    del rows
    return stats


N = 10000
stats = top_lines(N)
print("top line:", stats[0].traceback[0].lineno, "count >=", N, stats[0].count >= N)
print("its size is over 800 KiB:", stats[0].size > 800 * 1024)

list_total, list_peak = measure(as_list, N)
gen_total, gen_peak = measure(as_generator, N)
print("same answer:", list_total == gen_total, list_total)
print("the list version peaks at least 100 times higher:", list_peak > 100 * gen_peak)

# A weak reference watches an object without keeping it alive: its callback runs the
# moment the object's count reaches zero (python3 and glasspy print the same lines).
import weakref


class Record:
    pass


rec = Record()
watch = weakref.ref(rec, lambda ref: print("callback: the Record was freed"))
print("alive:", watch() is rec)
del rec
print("after del:", watch())
