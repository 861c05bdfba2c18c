# datetime: time's repr and isoformat timespecs, field range errors, timezone limits and
# its methods' argument checks, leap years, ctime, astimezone between fixed zones.
import datetime as D
t = D.time(1, 2, 3, 4000)
print(repr(t), repr(D.time(1, 2)), repr(D.time(1, 2, 3)), repr(D.time(1, 2, 0, 5)))
for ts in ("auto", "hours", "minutes", "seconds", "milliseconds", "microseconds"):
    print(ts, t.isoformat(ts), D.time(4, 5).isoformat(ts), D.datetime(2020, 1, 2, 3, 4, 5, 123456).isoformat(" ", ts))
try:
    t.isoformat("bad")
except ValueError as e:
    print(e)
for args in ((24, 0), (0, 60), (0, 0, 60), (0, 0, 0, 10**6), (25, "x")):
    try:
        D.time(*args)
    except (ValueError, TypeError) as e:
        print(type(e).__name__, e)
try:
    D.time(fold=2)
except ValueError as e:
    print(e)
try:
    D.time(tzinfo=5)
except TypeError as e:
    print(e)
tz = D.timezone(D.timedelta(hours=3), "X")
for off in (D.timedelta(hours=24), D.timedelta(hours=-24), D.timedelta(hours=23, minutes=59)):
    try:
        print(D.timezone(off))
    except ValueError as e:
        print(e)
for m in ("utcoffset", "tzname", "dst"):
    print(getattr(tz, m)(None), getattr(D.timezone(D.timedelta(minutes=-90)), m)(D.datetime(2000, 1, 1)))
    try:
        getattr(tz, m)(5)
    except TypeError as e:
        print(e)
print([y for y in (1900, 2000, 2004, 2100, 2023) if D.date(y, 3, 1) - D.date(y, 2, 1) == D.timedelta(29)])
d = D.datetime(2021, 3, 4, 5, 6, 7, tzinfo=tz)
print(d.ctime(), D.date(2021, 3, 4).ctime(), d.astimezone(D.timezone.utc), d.astimezone(tz) is d,
      D.datetime(2021, 1, 1, tzinfo=D.timezone.utc).timestamp())
class NoOff(D.tzinfo):
    def utcoffset(self, dt):
        return None
print(D.datetime.fromtimestamp(86400 * 365, D.timezone.utc), D.datetime.utcfromtimestamp(1.5))
