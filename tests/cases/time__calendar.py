import time
t0 = time.gmtime(0)
print(t0, t0.tm_year, t0[0], len(t0), t0.tm_zone, t0.tm_gmtoff, type(t0).__name__, type(t0).__module__)
for ts in [0, 86399, 951782400, 1234567890, 1700000000.75, -86400, 4102444800, 253402300799, 1078012800]:
    g = time.gmtime(ts)
    print(tuple(g), time.strftime('%Y-%m-%d %H:%M:%S %a %A %b %B %j %U %W %w %u %y %C %e %I %p %G %V %D %F %T %R %% %Z', g))
    print(time.asctime(g), time.strftime('%c | %x | %X', g))
print(time.strftime('%Y', (2024, 1, 1, 0, 0, 0, 0, 1, 0)), time.strftime('%m/%d', (2024, 0, 0, 0, 0, 0, 0, 0, 0)))
print(time.asctime((2024, 2, 29, 13, 5, 9, 3, 60, 0)))
print(time.struct_time((2020, 5, 17, 1, 2, 3, 6, 138, 0)))
for bad in [lambda: time.strftime('%Y', (2024, 13, 1, 0, 0, 0, 0, 1, 0)), lambda: time.strftime('%Y', (2024, 1, 32, 0, 0, 0, 0, 1, 0)),
            lambda: time.strftime('%Y', (2024, 1, 1, 24, 0, 0, 0, 1, 0)), lambda: time.gmtime('x'), lambda: time.asctime((1, 2)),
            lambda: time.struct_time((1, 2))]:
    try:
        bad()
    except (ValueError, TypeError) as e:
        print(type(e).__name__, e)
print(type(time.time()), type(time.time_ns()), type(time.perf_counter()), type(time.perf_counter_ns()),
      type(time.monotonic()), type(time.monotonic_ns()), type(time.process_time()), type(time.process_time_ns()))
a = time.monotonic(); b = time.monotonic(); print(b >= a)
a = time.perf_counter_ns(); time.sleep(0.01); b = time.perf_counter_ns(); print(b - a >= 10_000_000)
a = time.monotonic_ns(); b = time.monotonic_ns(); print(b >= a)
print(abs(time.time() - time.time_ns() / 1e9) < 1)
print(time.mktime(time.localtime(1234567890)))
print(time.ctime(0) == time.asctime(time.localtime(0)))
print(isinstance(time.timezone, int), isinstance(time.tzname, tuple), time.daylight in (0, 1))
print(time.gmtime(1e9).tm_yday, time.gmtime(-1))
