# datetime: timedelta, date, time, datetime, timezone; arithmetic, text, errors.
import datetime as dt
from datetime import date, time, datetime, timedelta, timezone, tzinfo

def show(f):
    try:
        print(repr(f()))
    except Exception as e:
        print(type(e).__name__ + ":", e)

print(dt.MINYEAR, dt.MAXYEAR, dt.UTC is timezone.utc, sorted(dt.__all__))
print(date, datetime, time, timedelta, timezone, tzinfo, issubclass(datetime, date))

# timedelta
for td in [timedelta(), timedelta(1), timedelta(days=1, seconds=3600),
           timedelta(hours=-1), timedelta(microseconds=-1), timedelta(weeks=2, minutes=3),
           timedelta(days=-3, hours=5, milliseconds=1500), timedelta(seconds=1.5),
           timedelta(days=0.5, hours=0.25), timedelta(microseconds=0.5),
           timedelta(microseconds=1.5), timedelta(microseconds=2.5), timedelta(seconds=1e-7),
           timedelta(days=1.1), timedelta(minutes=-0.3), timedelta(2, 3, 4, 5, 6, 7, 8)]:
    print(repr(td), str(td), td.days, td.seconds, td.microseconds, td.total_seconds(), bool(td))
print(timedelta.min, timedelta.max, timedelta.resolution, repr(timedelta.max))
a, b = timedelta(hours=5, seconds=7), timedelta(minutes=90)
print(a + b, a - b, b - a, -a, +a, abs(-a), a * 3, 2 * a, a * 1.5, a * -0.1, a / 4, a / 0.3)
print(a / b, a // b, a % b, divmod(a, b), a // 7, divmod(-a, b))
print(a == b, a != b, a < b, a >= b, a == timedelta(seconds=18007), a == 5, a != "x")
print(hash(a) == hash(timedelta(seconds=18007)), {a: 1}[timedelta(0, 18007)])
print(timedelta(microseconds=1) / 2, timedelta(microseconds=3) / 2, timedelta(seconds=1) / 3)
show(lambda: timedelta(days=10**9))
show(lambda: timedelta("1"))
show(lambda: timedelta.max + timedelta(1))
show(lambda: timedelta(1) / 0)
show(lambda: timedelta(1) // 0)
show(lambda: timedelta(1) % timedelta(0))

# date
d = date(2024, 2, 29)
print(d, repr(d), d.year, d.month, d.day, d.weekday(), d.isoweekday(), d.toordinal())
print(d.isocalendar(), d.isocalendar().week, tuple(d.isocalendar()), d.ctime())
print(d.isoformat(), d.strftime("%Y/%m/%d %a %A %b %B %j %U %W %y %%"), format(d, "%d.%m"),
      format(d), f"{d:%Y}")
print(d.timetuple())
print(d.replace(day=1), d.replace(year=2023, day=28), d + timedelta(days=1),
      d - timedelta(days=60), d - date(2000, 1, 1), timedelta(3) + d)
print(date.fromordinal(1), date.fromordinal(738000), date.fromordinal(3652059),
      date.min, date.max, date.resolution)
for o in [1, 365, 366, 730120, 730485, 146097, 146098, 584389, 693596, 3652059]:
    x = date.fromordinal(o)
    assert x.toordinal() == o
    print(o, x, x.isocalendar())
for y in [2004, 2008, 2009, 2010, 2015, 2020, 2021, 1]:
    print(y, date(y, 1, 1).isocalendar(), date(y, 12, 31).isocalendar(),
          date.fromisocalendar(y, 1, 1), date.fromisocalendar(y, 52, 7))
print(date.fromisocalendar(2020, 53, 5), date.fromisoformat("2021-12-31"),
      date.fromisoformat("2020W535"))
print(d == date(2024, 2, 29), d < date(2024, 3, 1), d > date(2024, 3, 1), d != d,
      hash(d) == hash(date(2024, 2, 29)), d == datetime(2024, 2, 29), d == 5)
print(sorted([date(2020, 5, 1), date(2019, 1, 1), date(2020, 1, 30)]))
show(lambda: date(0, 1, 1))
show(lambda: date(2020, 13, 1))
show(lambda: date(2021, 2, 29))
show(lambda: date(2020.0, 1, 1))
show(lambda: date("2020", 1, 1))
show(lambda: date(2020, 1))
show(lambda: date.fromordinal(0))
show(lambda: date.max + timedelta(1))
show(lambda: date.min - timedelta(1))
show(lambda: date.fromisoformat("2020-1-1"))
show(lambda: date.fromisoformat(20200101))
show(lambda: date.fromisocalendar(2020, 54, 1))
show(lambda: date.fromisocalendar(2021, 53, 1))
show(lambda: date.fromisocalendar(2020, 1, 8))
show(lambda: date.fromisocalendar(0, 1, 1))
show(lambda: d < datetime(2024, 2, 29))
show(lambda: d.replace(month=13))

# time
for t in [time(), time(3, 4), time(3, 4, 5), time(3, 4, 5, 6), time(23, 59, 59, 999999),
          time(12, tzinfo=timezone.utc), time(1, 2, 3, 400, timezone(timedelta(hours=-5))),
          time(1, fold=1)]:
    print(repr(t), str(t), t.isoformat("minutes"), t.isoformat(timespec="milliseconds"),
          t.utcoffset(), t.tzname(), t.dst())
t = time(13, 5, 9, 123456)
print(t.hour, t.minute, t.second, t.microsecond, t.tzinfo, t.fold, t.strftime("%H|%I|%p|%M|%S|%f"))
print(t.replace(hour=1), t.replace(tzinfo=timezone.utc), format(t, "%H:%M"), format(t))
print(t.isoformat("hours"), t.isoformat("seconds"), t.isoformat("microseconds"))
print(time.min, time.max, time.resolution)
print(time(1) < time(2), time(1) == time(1, 0), time(5, tzinfo=timezone.utc) ==
      time(6, tzinfo=timezone(timedelta(hours=1))), time(1) == time(1, tzinfo=timezone.utc))
print(hash(time(5, tzinfo=timezone.utc)) == hash(time(6, tzinfo=timezone(timedelta(hours=1)))))
print(time.fromisoformat("12:30:45.5+01:00"), repr(time.fromisoformat("T0102")))
show(lambda: time(24))
show(lambda: time(1, 60))
show(lambda: time(1, 1, 60))
show(lambda: time(1, 1, 1, 10**6))
show(lambda: time(fold=2))
show(lambda: time(tzinfo=1))
show(lambda: time(1) < time(1, tzinfo=timezone.utc))
show(lambda: time(1).isoformat("x"))

# datetime
x = datetime(2024, 1, 2, 3, 4, 5)
print(repr(x), str(x), x.isoformat(), x.isoformat(" "), x.isoformat(timespec="minutes"))
for v in [datetime(2024, 1, 2), datetime(2024, 1, 2, 3), datetime(2024, 1, 2, 0, 0, 1),
          datetime(2024, 1, 2, 0, 0, 0, 1), datetime(2024, 1, 2, tzinfo=timezone.utc),
          datetime(2024, 1, 2, fold=1), datetime.min, datetime.max]:
    print(repr(v), v)
print(x.date(), x.time(), x.timetz(), x.weekday(), x.isocalendar(), x.toordinal(), x.ctime())
print(x.timetuple())
print(x.strftime("%Y-%m-%d %H:%M:%S.%f %z|%Z| %a %b %j"), f"{x:%d/%m/%Y %H.%M}")
print(x + timedelta(hours=23), x - timedelta(days=400), x - datetime(2023, 1, 1),
      datetime(2023, 1, 1) - x, x + timedelta(microseconds=-1))
print(x.replace(microsecond=7), x.replace(year=2020, tzinfo=timezone.utc))
print(datetime.combine(date(2020, 5, 6), time(7, 8)),
      repr(datetime.combine(d, time(1, tzinfo=timezone.utc))),
      datetime.combine(d, time(1, tzinfo=timezone.utc), tzinfo=None))
utc = datetime(2024, 1, 2, 12, tzinfo=timezone.utc)
est = timezone(timedelta(hours=-5), "EST")
print(utc.astimezone(est), repr(utc.astimezone(est)), utc.astimezone(est) == utc,
      utc.astimezone(est) - utc, utc.timestamp(), utc.utcoffset(), utc.tzname(), utc.dst())
print(utc.utctimetuple())
print(datetime.fromtimestamp(0, timezone.utc), datetime.utcfromtimestamp(86400 * 365.25),
      datetime.fromtimestamp(1.5, tz=est), datetime.utcfromtimestamp(-1.25),
      datetime.utcfromtimestamp(1e-7), datetime.utcfromtimestamp(0.9999996))
print(datetime.fromtimestamp(1700000000, timezone.utc).timestamp())
print(datetime(2024, 1, 2, 3, 4, 5, tzinfo=timezone.utc).isoformat(),
      datetime(2024, 1, 2, tzinfo=timezone(timedelta(hours=5, minutes=30))).isoformat(),
      datetime(2024, 1, 2, tzinfo=timezone(timedelta(seconds=-3601, microseconds=5))))
print(datetime.fromisoformat("2024-01-02T03:04:05.678+05:30"),
      repr(datetime.fromisoformat("2024-01-02 03:04")),
      repr(datetime.fromisoformat("20240102T030405Z")))
print(x == datetime(2024, 1, 2, 3, 4, 5), x < datetime(2024, 1, 2, 3, 4, 6), x == x.date(),
      x != x.date(), utc == datetime(2024, 1, 2, 7, tzinfo=est), x == utc)
print(hash(utc) == hash(datetime(2024, 1, 2, 7, tzinfo=est)), hash(x) == hash(x.replace()))
print(sorted([datetime(2020, 1, 1, 5), datetime(2020, 1, 1), datetime(2019, 12, 31, 23)]))
show(lambda: datetime(2020, 1, 1) < datetime(2020, 1, 1, tzinfo=timezone.utc))
show(lambda: datetime(2020, 1, 1) - datetime(2020, 1, 1, tzinfo=timezone.utc))
show(lambda: datetime(2020, 1, 1) < date(2020, 1, 1))
show(lambda: datetime.max + timedelta(1))
show(lambda: datetime(2020, 1, 1).isoformat(sep="ab"))
show(lambda: datetime(2020, 1, 1).isoformat(timespec="days"))
show(lambda: datetime(2020, 1, 1).astimezone(5))
show(lambda: datetime.fromisoformat("2020-01-02T25:00"))
show(lambda: datetime.fromisoformat("2020-01-02T"))
show(lambda: datetime.fromisoformat("x"))
show(lambda: datetime.utcfromtimestamp(1e20))
show(lambda: datetime.combine(1, time()))

# strptime
for text, fmt in [("2024-01-02 03:04:05", "%Y-%m-%d %H:%M:%S"), ("02/01/24", "%d/%m/%y"),
                  ("1 Feb 1970", "%d %b %Y"), ("March 5, 99", "%B %d, %y"),
                  ("07:30 PM", "%I:%M %p"), ("12 am", "%I %p"), ("2024 60", "%Y %j"),
                  ("20240102", "%Y%m%d"), ("2024-01-02T03:04:05.25", "%Y-%m-%dT%H:%M:%S.%f"),
                  ("Tue Jan  2 03:04:05 2024", "%c"), ("01/02/24", "%x"),
                  ("2024 1 0", "%Y %W %w"), ("2024 10 3", "%Y %U %w"),
                  ("2024-W05-3", "%G-W%V-%u"), ("  5", "%d"), ("100%", "%d%%"),
                  ("2024-01-02 +0530", "%Y-%m-%d %z"), ("12:00 Z", "%H:%M %z"),
                  ("12:00 -01:30:15.5", "%H:%M %z"), ("12:00 UTC +0000", "%H:%M %Z %z"),
                  ("monday", "%A"), ("FRI 13", "%a %d")]:
    try:
        r = datetime.strptime(text, fmt)
        print(repr(r))
    except ValueError as e:
        print("ValueError:", e)
for text, fmt in [("2024", "%Y %m"), ("2024 1 1x", "%Y %m %d"), ("13/13/13", "%m/%d/%y"),
                  ("x", "%Q"), ("x", "%"), ("02/29", "%m/%d"), ("24:00", "%H:%M")]:
    show(lambda: datetime.strptime(text, fmt))

# timezone and tzinfo
for tz in [timezone.utc, timezone(timedelta(hours=1)), timezone(timedelta(hours=-5), "EST"),
           timezone(timedelta(minutes=-90)), timezone(timedelta(seconds=61, microseconds=1)),
           timezone.min, timezone.max, timezone(timedelta(0))]:
    print(repr(tz), str(tz), tz.utcoffset(None), tz.tzname(None), tz.dst(None))
print(timezone(timedelta(0)) is timezone.utc, timezone(timedelta(0), "UTC") is timezone.utc,
      timezone(timedelta(hours=1)) == timezone(timedelta(hours=1), "X"),
      hash(timezone(timedelta(hours=1))) == hash(timedelta(hours=1)), timezone.utc == 5)
show(lambda: timezone(timedelta(hours=24)))
show(lambda: timezone(5))
show(lambda: timezone(timedelta(0), 5))
show(lambda: timezone.utc.utcoffset(5))
show(lambda: timezone.utc.fromutc(datetime(2020, 1, 1)))
show(lambda: tzinfo().utcoffset(None))
show(lambda: tzinfo().tzname(None))
show(lambda: tzinfo().dst(None))

class Fixed(tzinfo):
    def __init__(self, hours, name):
        self.off = timedelta(hours=hours)
        self.name = name
    def utcoffset(self, d):
        return self.off
    def dst(self, d):
        return timedelta(0)
    def tzname(self, d):
        return self.name
    def __repr__(self):
        return "Fixed(%r)" % self.name

cet = Fixed(1, "CET")
local = datetime(2024, 6, 1, 12, tzinfo=cet)
print(repr(local), local, local.utcoffset(), local.tzname(), local.dst(), local.timestamp())
print(local.astimezone(timezone.utc), local.astimezone(est), repr(utc.astimezone(cet)))
print(local.strftime("%H:%M %z %Z"), time(1, tzinfo=cet).isoformat(), local - utc)
print(local.utctimetuple().tm_hour, local.timetuple().tm_isdst)

class Bad(tzinfo):
    def utcoffset(self, d):
        return 5
    def tzname(self, d):
        return 7
show(lambda: datetime(2020, 1, 1, tzinfo=Bad()).utcoffset())
show(lambda: datetime(2020, 1, 1, tzinfo=Bad()).tzname())

# subclasses
class MyDate(date):
    pass
class MyDT(datetime):
    def hello(self):
        return "hi"
md = MyDate(2020, 1, 1)
print(repr(md), type(md + timedelta(1)).__name__, type(md.replace(day=2)).__name__)
m = MyDT(2020, 1, 1, 10)
print(repr(m), m.hello(), type(m + timedelta(1)).__name__, type(MyDT.fromisoformat("2020-01-01")).__name__)
class MyTD(timedelta):
    pass
print(repr(MyTD(1)), MyTD(hours=1) + timedelta(1))

# copy and now/today sanity (no clock values printed)
import copy
print(copy.copy(x) == x, copy.deepcopy(utc) == utc, copy.copy(timezone.utc) is timezone.utc)
n = datetime.now()
print(type(n).__name__, n.tzinfo, datetime.now(timezone.utc).tzinfo, type(date.today()).__name__,
      abs(datetime.utcnow() - datetime.now(timezone.utc).replace(tzinfo=None)) < timedelta(seconds=5))
print(datetime.now(timezone.utc) > datetime(2020, 1, 1, tzinfo=timezone.utc),
      date.today() > date(2020, 1, 1), datetime.today().year >= 2024)
show(lambda: date.fromisocalendar(9999, 52, 7))
