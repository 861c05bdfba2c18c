# tracemalloc's API: start/stop, limits, memory counters, snapshots and their errors.
import tracemalloc

print(tracemalloc.is_tracing(), tracemalloc.get_traceback_limit())
print(tracemalloc.get_traced_memory())
for bad in (0, -1, 65536):
    try:
        tracemalloc.start(bad)
    except ValueError as e:
        print("ValueError:", e)
try:
    tracemalloc.take_snapshot()
except RuntimeError as e:
    print("RuntimeError:", e)
print(tracemalloc.get_object_traceback([1]))

tracemalloc.start(4)
print(tracemalloc.is_tracing(), tracemalloc.get_traceback_limit())
tracemalloc.start(9)  # already tracing: nothing changes
print(tracemalloc.get_traceback_limit())
before, _ = tracemalloc.get_traced_memory()
data = [str(i) * 10 for i in range(1000)]
current, peak = tracemalloc.get_traced_memory()
print(current - before > 50000, peak >= current)
del data
after, peak2 = tracemalloc.get_traced_memory()
print(after < current, peak2 >= peak)
tracemalloc.reset_peak()
print(tracemalloc.get_traced_memory()[1] < peak)
print(tracemalloc.get_tracemalloc_memory() > 0)


def make():
    return bytes(1000)


obj = make()
tb = tracemalloc.get_object_traceback(obj)
print(type(tb).__name__, len(tb) >= 1)
print(tb[-1].lineno if tb[-1].filename == __file__ else tb, tb[0].lineno)
print([f.lineno for f in tb])

snap = tracemalloc.take_snapshot()
print(snap.traceback_limit, len(snap.traces) > 0, repr(snap.traces)[:12])
tracemalloc.clear_traces()
print(tracemalloc.is_tracing(), tracemalloc.get_traced_memory()[0] < 5000)
print(tracemalloc.get_object_traceback(obj))
tracemalloc.stop()
print(tracemalloc.is_tracing(), tracemalloc.get_traced_memory(), tracemalloc.get_tracemalloc_memory() >= 0)
print(tracemalloc.get_traceback_limit())
try:
    snap.statistics('bogus')
except ValueError as e:
    print("ValueError:", e)
try:
    snap.statistics('traceback', cumulative=True)
except ValueError as e:
    print("ValueError:", e)
try:
    snap.filter_traces(3)
except TypeError as e:
    print("TypeError:", e)
