"""Dates and times (glasspy's datetime, written for glasspy after the Python 3.11
documentation): timedelta, date, time, datetime, tzinfo and timezone, on the
proleptic Gregorian calendar. Text parsing (fromisoformat, strptime) lives in
_datetime_parse."""

import time as _time
import math as _math
from operator import index as _index

__all__ = ("date", "datetime", "time", "timedelta", "timezone", "tzinfo",
           "MINYEAR", "MAXYEAR", "UTC")

MINYEAR = 1
MAXYEAR = 9999
_MAXORDINAL = 3652059          # date(9999, 12, 31).toordinal()

# Days in each month of a common year, and the days of the year before each month.
_MONTH_DAYS = (0, 31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31)
_DAYS_BEFORE = [0, 0]
for _m in range(2, 13):
    _DAYS_BEFORE.append(_DAYS_BEFORE[-1] + _MONTH_DAYS[_m - 1])
del _m

_DAY_NAMES = ("Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun")
_MONTH_NAMES = (None, "Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug",
                "Sep", "Oct", "Nov", "Dec")

_US_PER_SECOND = 1000000
_US_PER_DAY = 86400 * _US_PER_SECOND
_MAX_DELTA_DAYS = 999999999


# ----- the calendar ---------------------------------------------------------------------

def _is_leap(year):
    # Gregorian: every 4th year, but of the century years only every 4th.
    if year % 100 == 0:
        return year % 400 == 0
    return year % 4 == 0


def _days_in_month(year, month):
    if month == 2 and _is_leap(year):
        return 29
    return _MONTH_DAYS[month]


def _days_before_year(year):
    y = year - 1
    return y * 365 + y // 4 - y // 100 + y // 400


def _ymd_to_ordinal(year, month, day):
    leap_day = 1 if month > 2 and _is_leap(year) else 0
    return _days_before_year(year) + _DAYS_BEFORE[month] + leap_day + day


# Days in 400, 100 and 4 years.
_D400 = _days_before_year(401)
_D100 = _days_before_year(101)
_D4 = _days_before_year(5)


def _ordinal_to_ymd(n):
    """(year, month, day) of day number n (day 1 is 0001-01-01)."""
    n -= 1
    cycles400, n = divmod(n, _D400)
    year = cycles400 * 400 + 1
    cycles100, n = divmod(n, _D100)
    cycles4, n = divmod(n, _D4)
    years, n = divmod(n, 365)
    year += cycles100 * 100 + cycles4 * 4 + years
    if years == 4 or cycles100 == 4:
        # The last day of a leap cycle: December 31 of the year before.
        return year - 1, 12, 31
    leap = years == 3 and (cycles4 != 24 or cycles100 == 3)
    month = (n + 50) >> 5          # an estimate, never too small
    before = _DAYS_BEFORE[month] + (1 if month > 2 and leap else 0)
    if before > n:
        month -= 1
        before -= _MONTH_DAYS[month] + (1 if month == 2 and leap else 0)
    return year, month, n - before + 1


def _iso_week1_monday(year):
    """The ordinal of the Monday starting ISO week 1 of year."""
    first = _ymd_to_ordinal(year, 1, 1)
    weekday = (first + 6) % 7
    monday = first - weekday
    if weekday > 3:
        monday += 7
    return monday


def _check_date(year, month, day):
    year = _index(year)
    month = _index(month)
    day = _index(day)
    if not MINYEAR <= year <= MAXYEAR:
        raise ValueError('year %d is out of range' % year)
    if not 1 <= month <= 12:
        raise ValueError('month must be in 1..12')
    if not 1 <= day <= _days_in_month(year, month):
        raise ValueError('day is out of range for month')
    return year, month, day


_TIME_FIELDS = (('hour', 23), ('minute', 59), ('second', 59), ('microsecond', 999999))


def _check_time(*parts):
    """(hour, minute, second, microsecond, fold) as ints, each checked (all four
    converted before any is range-checked, as python3 does)."""
    values = [_index(v) for v in parts[:4]]
    for value, (name, top) in zip(values, _TIME_FIELDS):
        if not 0 <= value <= top:
            raise ValueError(f'{name} must be in 0..{top}')
    if parts[4] not in (0, 1):
        raise ValueError('fold must be either 0 or 1')
    return (*values, parts[4])


def _check_tzinfo(tz):
    if tz is None or isinstance(tz, tzinfo):
        return
    raise TypeError("tzinfo argument must be None or of a tzinfo subclass, "
                    "not type '%s'" % type(tz).__name__)


def _qualname(obj):
    """The class name reprs show: 'datetime.date' for the module's own classes,
    the bare name for a subclass (as CPython's C types do)."""
    cls = type(obj)
    if cls in _OWN_CLASSES:
        return "datetime." + cls.__name__
    return cls.__name__


def _round_div(a, b):
    """a / b rounded to the nearest int, ties to even."""
    q, r = divmod(a, b)
    twice = 2 * r
    if b > 0:
        above = twice > b
    else:
        above = twice < b
    if above or (twice == b and q % 2 == 1):
        q += 1
    return q


def _cmp(a, b):
    return 0 if a == b else (1 if a > b else -1)


def _format_offset(off, sep=':'):
    """'+HH:MM[:SS[.ffffff]]' for a UTC offset, '' for None."""
    if off is None:
        return ''
    sign = '+'
    if off.days < 0:
        sign = '-'
        off = -off
    total = off._us
    hours, total = divmod(total, 3600 * _US_PER_SECOND)
    minutes, total = divmod(total, 60 * _US_PER_SECOND)
    seconds, micros = divmod(total, _US_PER_SECOND)
    s = '%s%02d%s%02d' % (sign, hours, sep, minutes)
    if seconds or micros:
        s += '%s%02d' % (sep, seconds)
        if micros:
            s += '.%06d' % micros
    return s


# isoformat's timespec -> how many of hh, mm, ss, fraction it shows, and the fraction's
# digits (the fraction is milliseconds for 3 digits).
_TIMESPECS = {'hours': (1, 0), 'minutes': (2, 0), 'seconds': (3, 0),
              'milliseconds': (4, 3), 'microseconds': (4, 6)}


def _time_text(hh, mm, ss, us, timespec):
    if timespec == 'auto':
        timespec = 'seconds' if not us else 'microseconds'
    if timespec not in _TIMESPECS:
        raise ValueError('Unknown timespec value')
    count, digits = _TIMESPECS[timespec]
    text = ':'.join('%02d' % v for v in (hh, mm, ss)[:min(count, 3)])
    if digits == 3:
        text += '.%03d' % (us // 1000)
    elif digits == 6:
        text += '.%06d' % us
    return text


def _checked_offset(value, what):
    """The result of a tzinfo's utcoffset() or dst(), checked."""
    if value is None:
        return None
    if not isinstance(value, timedelta):
        raise TypeError("tzinfo.%s() must return None or timedelta, not '%s'"
                        % (what, type(value).__name__))
    if not -timedelta(1) < value < timedelta(1):
        raise ValueError("offset must be a timedelta strictly between "
                         "-timedelta(hours=24) and timedelta(hours=24), not %r."
                         % (value,))
    return value


def _checked_tzname(value):
    if value is not None and not isinstance(value, str):
        raise TypeError("tzinfo.tzname() must return None or a string, not '%s'"
                        % type(value).__name__)
    return value


def _strftime(obj, fmt, timetuple):
    """strftime with %f, %z and %Z filled in from obj, the rest by time.strftime."""
    if not isinstance(fmt, str):
        raise TypeError("strftime() argument 1 must be str, not %s"
                        % type(fmt).__name__)
    out = []
    i = 0
    n = len(fmt)
    while i < n:
        ch = fmt[i]
        i += 1
        if ch != '%' or i == n:
            out.append(ch)
            continue
        code = fmt[i]
        i += 1
        if code == 'f':
            out.append('%06d' % getattr(obj, 'microsecond', 0))
        elif code == 'z':
            off = obj.utcoffset() if hasattr(obj, 'utcoffset') else None
            out.append(_format_offset(off, ''))
        elif code == 'Z':
            name = obj.tzname() if hasattr(obj, 'tzname') else None
            if name is not None:
                out.append(name.replace('%', '%%'))
        else:
            out.append('%' + code)
    return _time.strftime(''.join(out), timetuple)


def _struct_time(y, m, d, hh, mm, ss, dst):
    wday = (_ymd_to_ordinal(y, m, d) + 6) % 7
    yday = _DAYS_BEFORE[m] + (1 if m > 2 and _is_leap(y) else 0) + d
    return _time.struct_time((y, m, d, hh, mm, ss, wday, yday, dst))


# ----- timedelta ------------------------------------------------------------------------

def _accumulate(name, total, value, factor, leftover):
    """Add value * factor microseconds to total: the whole part exactly, the
    fraction of a float into leftover[0]."""
    if isinstance(value, int):
        return total + value * factor
    if isinstance(value, float):
        frac, whole = _math.modf(value)
        total += int(whole) * factor
        if frac == 0.0:
            return total
        frac, whole = _math.modf(frac * factor)
        leftover[0] += frac
        return total + int(whole)
    raise TypeError("unsupported type for timedelta %s component: %s"
                    % (name, type(value).__name__))


class timedelta:
    """A duration: days, seconds (0..86399) and microseconds (0..999999)."""

    __slots__ = ('_us', '_days', '_seconds', '_micros', '_hash')

    def __new__(cls, days=0, seconds=0, microseconds=0, milliseconds=0,
                minutes=0, hours=0, weeks=0):
        leftover = [0.0]
        total = 0
        for name, value, factor in (('microseconds', microseconds, 1),
                                    ('milliseconds', milliseconds, 1000),
                                    ('seconds', seconds, _US_PER_SECOND),
                                    ('minutes', minutes, 60 * _US_PER_SECOND),
                                    ('hours', hours, 3600 * _US_PER_SECOND),
                                    ('days', days, _US_PER_DAY),
                                    ('weeks', weeks, 7 * _US_PER_DAY)):
            if value:
                total = _accumulate(name, total, value, factor, leftover)
        rest = leftover[0]
        if rest:
            whole = round(rest)
            if abs(whole - rest) == 0.5:
                odd = total % 2
                whole = 2.0 * round((rest + odd) * 0.5) - odd
            total += int(whole)
        return cls._from_us(total)

    @classmethod
    def _from_us(cls, total):
        days, rest = divmod(total, _US_PER_DAY)
        if abs(days) > _MAX_DELTA_DAYS:
            raise OverflowError("days=%d; must have magnitude <= %d"
                                % (days, _MAX_DELTA_DAYS))
        self = object.__new__(cls)
        self._us = total
        self._days = days
        self._seconds, self._micros = divmod(rest, _US_PER_SECOND)
        self._hash = -1
        return self

    @property
    def days(self):
        return self._days

    @property
    def seconds(self):
        return self._seconds

    @property
    def microseconds(self):
        return self._micros

    def total_seconds(self):
        return self._us / _US_PER_SECOND

    def __repr__(self):
        parts = []
        if self._days:
            parts.append("days=%d" % self._days)
        if self._seconds:
            parts.append("seconds=%d" % self._seconds)
        if self._micros:
            parts.append("microseconds=%d" % self._micros)
        if not parts:
            parts.append('0')
        return "%s(%s)" % (_qualname(self), ', '.join(parts))

    def __str__(self):
        minutes, secs = divmod(self._seconds, 60)
        hours, minutes = divmod(minutes, 60)
        s = "%d:%02d:%02d" % (hours, minutes, secs)
        if self._days:
            plural = "" if abs(self._days) == 1 else "s"
            s = "%d day%s, " % (self._days, plural) + s
        if self._micros:
            s += ".%06d" % self._micros
        return s

    def __add__(self, other):
        if isinstance(other, timedelta):
            return timedelta._from_us(self._us + other._us)
        return NotImplemented

    __radd__ = __add__

    def __sub__(self, other):
        if isinstance(other, timedelta):
            return timedelta._from_us(self._us - other._us)
        return NotImplemented

    def __rsub__(self, other):
        if isinstance(other, timedelta):
            return timedelta._from_us(other._us - self._us)
        return NotImplemented

    def __neg__(self):
        return timedelta._from_us(-self._us)

    def __pos__(self):
        return timedelta._from_us(self._us)

    def __abs__(self):
        return timedelta._from_us(abs(self._us))

    def __mul__(self, other):
        if isinstance(other, int):
            return timedelta._from_us(self._us * other)
        if isinstance(other, float):
            num, den = other.as_integer_ratio()
            return timedelta._from_us(_round_div(self._us * num, den))
        return NotImplemented

    __rmul__ = __mul__

    def __floordiv__(self, other):
        if isinstance(other, timedelta):
            return self._us // other._us
        if isinstance(other, int):
            return timedelta._from_us(self._us // other)
        return NotImplemented

    def __truediv__(self, other):
        if isinstance(other, timedelta):
            return self._us / other._us
        if isinstance(other, int):
            if other == 0:
                raise ZeroDivisionError("integer division or modulo by zero")
            return timedelta._from_us(_round_div(self._us, other))
        if isinstance(other, float):
            num, den = other.as_integer_ratio()
            if num == 0:
                raise ZeroDivisionError("integer division or modulo by zero")
            return timedelta._from_us(_round_div(self._us * den, num))
        return NotImplemented

    def __mod__(self, other):
        if isinstance(other, timedelta):
            return timedelta._from_us(self._us % other._us)
        return NotImplemented

    def __divmod__(self, other):
        if isinstance(other, timedelta):
            q, r = divmod(self._us, other._us)
            return q, timedelta._from_us(r)
        return NotImplemented

    def __eq__(self, other):
        if isinstance(other, timedelta):
            return self._us == other._us
        return NotImplemented

    def __ne__(self, other):
        if isinstance(other, timedelta):
            return self._us != other._us
        return NotImplemented

    def __lt__(self, other):
        if isinstance(other, timedelta):
            return self._us < other._us
        return NotImplemented

    def __le__(self, other):
        if isinstance(other, timedelta):
            return self._us <= other._us
        return NotImplemented

    def __gt__(self, other):
        if isinstance(other, timedelta):
            return self._us > other._us
        return NotImplemented

    def __ge__(self, other):
        if isinstance(other, timedelta):
            return self._us >= other._us
        return NotImplemented

    def __hash__(self):
        if self._hash == -1:
            self._hash = hash((self._days, self._seconds, self._micros))
        return self._hash

    def __bool__(self):
        return self._us != 0

    def __reduce__(self):
        return (type(self), (self._days, self._seconds, self._micros))


timedelta.min = timedelta(-_MAX_DELTA_DAYS)
timedelta.max = timedelta(days=_MAX_DELTA_DAYS, hours=23, minutes=59, seconds=59,
                          microseconds=999999)
timedelta.resolution = timedelta(microseconds=1)


# ----- date -----------------------------------------------------------------------------

class IsoCalendarDate(tuple):
    """(year, week, weekday) of the ISO calendar, with those names."""

    def __new__(cls, year, week, weekday):
        return tuple.__new__(cls, (year, week, weekday))

    @property
    def year(self):
        return self[0]

    @property
    def week(self):
        return self[1]

    @property
    def weekday(self):
        return self[2]

    def __reduce__(self):
        return (tuple, (tuple(self),))

    def __repr__(self):
        return ('%s(year=%d, week=%d, weekday=%d)'
                % (_qualname(self), self[0], self[1], self[2]))


IsoCalendarDate.__name__ = IsoCalendarDate.__qualname__ = 'IsoCalendarDate'


class date:
    """A day of the proleptic Gregorian calendar."""

    __slots__ = ('_year', '_month', '_day', '_hash')

    def __new__(cls, year, month=None, day=None):
        if month is None:
            raise TypeError("function missing required argument 'month' (pos 2)")
        if day is None:
            raise TypeError("function missing required argument 'day' (pos 3)")
        year, month, day = _check_date(year, month, day)
        self = object.__new__(cls)
        self._year = year
        self._month = month
        self._day = day
        self._hash = -1
        return self

    # constructors

    @classmethod
    def fromtimestamp(cls, t):
        y, m, d = _time.localtime(_whole_seconds(t))[:3]
        return cls(y, m, d)

    @classmethod
    def today(cls):
        return cls.fromtimestamp(_time.time())

    @classmethod
    def fromordinal(cls, n):
        n = _index(n)
        if n < 1:
            raise ValueError("ordinal must be >= 1")
        if n > _MAXORDINAL:
            raise ValueError("year %d is out of range" % (_ordinal_to_ymd(n)[0],))
        return cls(*_ordinal_to_ymd(n))

    @classmethod
    def fromisoformat(cls, text):
        if not isinstance(text, str):
            raise TypeError('fromisoformat: argument must be str')
        from _datetime_parse import parse_iso_date
        return cls(*parse_iso_date(text))

    @classmethod
    def fromisocalendar(cls, year, week, day):
        return cls(*_from_iso_calendar(year, week, day))

    # text

    def __repr__(self):
        return "%s(%d, %d, %d)" % (_qualname(self), self._year, self._month,
                                   self._day)

    def isoformat(self):
        return "%04d-%02d-%02d" % (self._year, self._month, self._day)

    __str__ = isoformat

    def ctime(self):
        return "%s %s %2d 00:00:00 %04d" % (
            _DAY_NAMES[self.weekday()], _MONTH_NAMES[self._month], self._day,
            self._year)

    def strftime(self, format):
        return _strftime(self, format, self.timetuple())

    def __format__(self, fmt):
        if not isinstance(fmt, str):
            raise TypeError("must be str, not %s" % type(fmt).__name__)
        if fmt:
            return self.strftime(fmt)
        return str(self)

    # fields

    @property
    def year(self):
        return self._year

    @property
    def month(self):
        return self._month

    @property
    def day(self):
        return self._day

    def timetuple(self):
        return _struct_time(self._year, self._month, self._day, 0, 0, 0, -1)

    def toordinal(self):
        return _ymd_to_ordinal(self._year, self._month, self._day)

    def weekday(self):
        return (self.toordinal() + 6) % 7

    def isoweekday(self):
        return self.toordinal() % 7 or 7

    def isocalendar(self):
        year = self._year
        today = self.toordinal()
        monday = _iso_week1_monday(year)
        week, day = divmod(today - monday, 7)
        if week < 0:
            year -= 1
            monday = _iso_week1_monday(year)
            week, day = divmod(today - monday, 7)
        elif week >= 52 and today >= _iso_week1_monday(year + 1):
            year += 1
            week = 0
        return IsoCalendarDate(year, week + 1, day + 1)

    def replace(self, year=None, month=None, day=None):
        if year is None:
            year = self._year
        if month is None:
            month = self._month
        if day is None:
            day = self._day
        return type(self)(year, month, day)

    # comparisons and arithmetic

    def _compare(self, other):
        return _cmp((self._year, self._month, self._day),
                    (other._year, other._month, other._day))

    def __eq__(self, other):
        if isinstance(other, date) and not isinstance(other, datetime):
            return self._compare(other) == 0
        return NotImplemented

    def __ne__(self, other):
        if isinstance(other, date) and not isinstance(other, datetime):
            return self._compare(other) != 0
        return NotImplemented

    def __lt__(self, other):
        if isinstance(other, date) and not isinstance(other, datetime):
            return self._compare(other) < 0
        return NotImplemented

    def __le__(self, other):
        if isinstance(other, date) and not isinstance(other, datetime):
            return self._compare(other) <= 0
        return NotImplemented

    def __gt__(self, other):
        if isinstance(other, date) and not isinstance(other, datetime):
            return self._compare(other) > 0
        return NotImplemented

    def __ge__(self, other):
        if isinstance(other, date) and not isinstance(other, datetime):
            return self._compare(other) >= 0
        return NotImplemented

    def __hash__(self):
        if self._hash == -1:
            self._hash = hash((self._year, self._month, self._day))
        return self._hash

    def __add__(self, other):
        if isinstance(other, timedelta):
            n = self.toordinal() + other.days
            if 0 < n <= _MAXORDINAL:
                return type(self).fromordinal(n)
            raise OverflowError("date value out of range")
        return NotImplemented

    __radd__ = __add__

    def __sub__(self, other):
        if isinstance(other, timedelta):
            return self + timedelta(-other.days)
        if isinstance(other, date) and not isinstance(other, datetime):
            return timedelta(self.toordinal() - other.toordinal())
        return NotImplemented

    def __reduce__(self):
        return (type(self), (self._year, self._month, self._day))


date.min = date(1, 1, 1)
date.max = date(9999, 12, 31)
date.resolution = timedelta(days=1)


def _from_iso_calendar(year, week, day):
    year = _index(year)
    week = _index(week)
    day = _index(day)
    if not MINYEAR <= year <= MAXYEAR:
        raise ValueError("Year is out of range: %d" % year)
    if not 0 < week < 53:
        ok = False
        if week == 53:
            # A year has 53 ISO weeks when it starts on a Thursday, or on a
            # Wednesday in a leap year.
            first = (_ymd_to_ordinal(year, 1, 1) + 6) % 7
            ok = first == 3 or (first == 2 and _is_leap(year))
        if not ok:
            raise ValueError("Invalid week: %d" % week)
    if not 0 < day < 8:
        raise ValueError("Invalid day: %d (range is [1, 7])" % day)
    n = _iso_week1_monday(year) + (week - 1) * 7 + day - 1
    return _ordinal_to_ymd(n)


def _whole_seconds(t):
    if isinstance(t, float):
        if t != t or t in (float('inf'), float('-inf')):
            raise ValueError("Invalid value %s" % t)
        return _math.floor(t)
    return _index(t)


# ----- tzinfo and timezone --------------------------------------------------------------

class tzinfo:
    """The base of time zone classes: utcoffset, dst and tzname for a datetime."""

    __slots__ = ()

    def tzname(self, dt):
        raise NotImplementedError("a tzinfo subclass must implement tzname()")

    def utcoffset(self, dt):
        raise NotImplementedError("a tzinfo subclass must implement utcoffset()")

    def dst(self, dt):
        raise NotImplementedError("a tzinfo subclass must implement dst()")

    def fromutc(self, dt):
        if not isinstance(dt, datetime):
            raise TypeError("fromutc() requires a datetime argument")
        if dt.tzinfo is not self:
            raise ValueError("fromutc: dt.tzinfo is not self")
        off = dt.utcoffset()
        if off is None:
            raise ValueError("fromutc: non-None utcoffset() result required")
        dst = dt.dst()
        if dst is None:
            raise ValueError("fromutc: non-None dst() result required")
        standard = off - dst
        if standard:
            dt += standard
            dst = dt.dst()
            if dst is None:
                raise ValueError("fromutc: tz.dst() gave inconsistent results; "
                                 "cannot convert")
        return dt + dst

    def __reduce__(self):
        args = getattr(self, "__getinitargs__", None)
        args = args() if args else ()
        return (type(self), args, getattr(self, '__dict__', None) or None)


_OMITTED = object()


class timezone(tzinfo):
    """A fixed offset from UTC, with an optional name."""

    __slots__ = ('_offset', '_name')

    def __new__(cls, offset, name=_OMITTED):
        if not isinstance(offset, timedelta):
            raise TypeError("timezone() argument 1 must be datetime.timedelta, "
                            "not %s" % type(offset).__name__)
        if name is _OMITTED:
            if not offset:
                return cls.utc
            name = None
        elif not isinstance(name, str):
            raise TypeError("timezone() argument 2 must be str, not %s"
                            % type(name).__name__)
        if abs(offset) >= timedelta(days=1):
            raise ValueError("offset must be a timedelta strictly between "
                             "-timedelta(hours=24) and timedelta(hours=24), not %r."
                             % (offset,))
        return cls._make(offset, name)

    @classmethod
    def _make(cls, offset, name=None):
        self = tzinfo.__new__(cls)
        self._offset = offset
        self._name = name
        return self

    def __getinitargs__(self):
        if self._name is None:
            return (self._offset,)
        return (self._offset, self._name)

    def __reduce__(self):
        return (type(self), self.__getinitargs__())

    def __eq__(self, other):
        if isinstance(other, timezone):
            return self._offset == other._offset
        return NotImplemented

    def __hash__(self):
        return hash(self._offset)

    def __repr__(self):
        if self is self.utc:
            return 'datetime.timezone.utc'
        if self._name is None:
            return "%s(%r)" % (_qualname(self), self._offset)
        return "%s(%r, %r)" % (_qualname(self), self._offset, self._name)

    def __str__(self):
        return self.tzname(None)

    @staticmethod
    def _takes(dt, method):
        # The three methods accept a datetime or None, and ignore it.
        if dt is not None and not isinstance(dt, datetime):
            raise TypeError(f"{method}(dt) argument must be a datetime instance or "
                            f"None, not {type(dt).__name__}")

    def utcoffset(self, dt):
        self._takes(dt, "utcoffset")
        return self._offset

    def tzname(self, dt):
        self._takes(dt, "tzname")
        return self._name_of(self._offset) if self._name is None else self._name

    def dst(self, dt):
        self._takes(dt, "dst")
        return None

    def fromutc(self, dt):
        if isinstance(dt, datetime):
            if dt.tzinfo is not self:
                raise ValueError("fromutc: dt.tzinfo is not self")
            return dt + self._offset
        raise TypeError("fromutc() argument must be a datetime instance or None")

    @staticmethod
    def _name_of(delta):
        if not delta:
            return 'UTC'
        return 'UTC' + _format_offset(delta)


timezone.utc = timezone._make(timedelta(0))
timezone.min = timezone._make(-timedelta(hours=23, minutes=59))
timezone.max = timezone._make(timedelta(hours=23, minutes=59))
UTC = timezone.utc


# ----- time -----------------------------------------------------------------------------

class time:
    """A time of day, with an optional tzinfo."""

    __slots__ = ('_hour', '_minute', '_second', '_microsecond', '_tzinfo', '_hash',
                 '_fold')

    def __new__(cls, hour=0, minute=0, second=0, microsecond=0, tzinfo=None, *,
                fold=0):
        checked = _check_time(hour, minute, second, microsecond, fold)
        hour, minute, second, microsecond, fold = checked
        _check_tzinfo(tzinfo)
        self = object.__new__(cls)
        self._hour = hour
        self._minute = minute
        self._second = second
        self._microsecond = microsecond
        self._tzinfo = tzinfo
        self._hash = -1
        self._fold = fold
        return self

    @classmethod
    def fromisoformat(cls, text):
        if not isinstance(text, str):
            raise TypeError('fromisoformat: argument must be str')
        from _datetime_parse import parse_iso_time
        hh, mm, ss, us, off = parse_iso_time(text, text)
        return cls(hh, mm, ss, us, _tz_of_offset(off))

    @property
    def hour(self):
        return self._hour

    @property
    def minute(self):
        return self._minute

    @property
    def second(self):
        return self._second

    @property
    def microsecond(self):
        return self._microsecond

    @property
    def tzinfo(self):
        return self._tzinfo

    @property
    def fold(self):
        return self._fold

    def utcoffset(self):
        if self._tzinfo is None:
            return None
        return _checked_offset(self._tzinfo.utcoffset(None), "utcoffset")

    def dst(self):
        if self._tzinfo is None:
            return None
        return _checked_offset(self._tzinfo.dst(None), "dst")

    def tzname(self):
        if self._tzinfo is None:
            return None
        return _checked_tzname(self._tzinfo.tzname(None))

    def _micros(self):
        return (((self._hour * 60 + self._minute) * 60 + self._second)
                * _US_PER_SECOND + self._microsecond)

    def _compare(self, other, ordering):
        mytz = self._tzinfo
        ottz = other._tzinfo
        myoff = otoff = None
        if mytz is ottz:
            same = True
        else:
            myoff = self.utcoffset()
            otoff = other.utcoffset()
            same = myoff == otoff
        if same:
            return _cmp(self._micros(), other._micros())
        if myoff is None or otoff is None:
            if not ordering:
                return 2
            raise TypeError("can't compare offset-naive and offset-aware times")
        mine = self._micros() - myoff._us
        theirs = other._micros() - otoff._us
        return _cmp(mine, theirs)

    def __eq__(self, other):
        if isinstance(other, time):
            return self._compare(other, False) == 0
        return NotImplemented

    def __ne__(self, other):
        if isinstance(other, time):
            return self._compare(other, False) != 0
        return NotImplemented

    def __lt__(self, other):
        if isinstance(other, time):
            return self._compare(other, True) < 0
        return NotImplemented

    def __le__(self, other):
        if isinstance(other, time):
            return self._compare(other, True) <= 0
        return NotImplemented

    def __gt__(self, other):
        if isinstance(other, time):
            return self._compare(other, True) > 0
        return NotImplemented

    def __ge__(self, other):
        if isinstance(other, time):
            return self._compare(other, True) >= 0
        return NotImplemented

    def __hash__(self):
        if self._hash == -1:
            t = self.replace(fold=0) if self._fold else self
            off = t.utcoffset()
            if not off:
                self._hash = hash(t._micros())
            else:
                self._hash = hash(t._micros() - off._us)
        return self._hash

    def __repr__(self):
        # seconds and microseconds are shown only as far as they are not zero
        tail = ((self._second, self._microsecond) if self._microsecond
                else (self._second,) if self._second else ())
        s = "".join(", %d" % v for v in tail)
        s = "%s(%d, %d%s)" % (_qualname(self), self._hour, self._minute, s)
        if self._tzinfo is not None:
            s = s[:-1] + ", tzinfo=%r)" % (self._tzinfo,)
        if self._fold:
            s = s[:-1] + ", fold=1)"
        return s

    def isoformat(self, timespec='auto'):
        s = _time_text(self._hour, self._minute, self._second, self._microsecond,
                       timespec)
        return s + _format_offset(self.utcoffset())

    __str__ = isoformat

    def strftime(self, format):
        tt = (1900, 1, 1, self._hour, self._minute, self._second, 0, 1, -1)
        return _strftime(self, format, tt)

    def __format__(self, fmt):
        if not isinstance(fmt, str):
            raise TypeError("must be str, not %s" % type(fmt).__name__)
        if fmt:
            return self.strftime(fmt)
        return str(self)

    def replace(self, hour=None, minute=None, second=None, microsecond=None,
                tzinfo=True, *, fold=None):
        if hour is None:
            hour = self._hour
        if minute is None:
            minute = self._minute
        if second is None:
            second = self._second
        if microsecond is None:
            microsecond = self._microsecond
        if tzinfo is True:
            tzinfo = self._tzinfo
        if fold is None:
            fold = self._fold
        return type(self)(hour, minute, second, microsecond, tzinfo, fold=fold)

    def __reduce__(self):
        args = (self._hour, self._minute, self._second, self._microsecond)
        if self._tzinfo is not None:
            args += (self._tzinfo,)
        return (type(self), args)


time.min = time(0, 0, 0)
time.max = time(23, 59, 59, 999999)
time.resolution = timedelta(microseconds=1)


def _tz_of_offset(off):
    """A timezone for an offset in microseconds parsed from text (None: naive)."""
    if off is None:
        return None
    if off == 0:
        return timezone.utc
    return timezone(timedelta(microseconds=off))


# ----- datetime -------------------------------------------------------------------------

class datetime(date):
    """A date and a time of day, with an optional tzinfo."""

    __slots__ = ('_hour', '_minute', '_second', '_microsecond', '_tzinfo', '_fold')

    def __new__(cls, year, month=None, day=None, hour=0, minute=0, second=0,
                microsecond=0, tzinfo=None, *, fold=0):
        if month is None:
            raise TypeError("function missing required argument 'month' (pos 2)")
        if day is None:
            raise TypeError("function missing required argument 'day' (pos 3)")
        year, month, day = _check_date(year, month, day)
        checked = _check_time(hour, minute, second, microsecond, fold)
        hour, minute, second, microsecond, fold = checked
        _check_tzinfo(tzinfo)
        self = object.__new__(cls)
        self._year = year
        self._month = month
        self._day = day
        self._hour = hour
        self._minute = minute
        self._second = second
        self._microsecond = microsecond
        self._tzinfo = tzinfo
        self._hash = -1
        self._fold = fold
        return self

    hour = time.hour
    minute = time.minute
    second = time.second
    microsecond = time.microsecond
    tzinfo = time.tzinfo
    fold = time.fold

    # constructors

    @classmethod
    def _from_timestamp(cls, t, utc, tz):
        if isinstance(t, float):
            if t != t or t in (float('inf'), float('-inf')):
                raise ValueError("Invalid value %s" % t)
            frac, whole = _math.modf(t)
            us = round(frac * 1e6)
            whole = int(whole)
            if us >= 1000000:
                whole += 1
                us -= 1000000
            elif us < 0:
                whole -= 1
                us += 1000000
        else:
            whole = _index(t)
            us = 0
        convert = _time.gmtime if utc else _time.localtime
        y, m, d, hh, mm, ss = convert(whole)[:6]
        ss = min(ss, 59)
        made = cls(y, m, d, hh, mm, ss, us, tz)
        if tz is None and not utc:
            # A wall time shown twice (a repeated hour): the second showing has
            # fold=1. Look a day back for the offset before any transition.
            day = 24 * 3600
            try:
                y, m, d, hh, mm, ss = convert(whole - day)[:6]
            except (OverflowError, ValueError):
                return made
            before = cls(y, m, d, hh, mm, ss, us)
            shift = (made._micros() - before._micros()) // _US_PER_SECOND - day
            if shift < 0:
                y, m, d, hh, mm, ss = convert(whole + shift)[:6]
                if cls(y, m, d, hh, mm, ss, us)._micros() == made._micros():
                    made._fold = 1
        elif tz is not None:
            made = tz.fromutc(made)
        return made

    @classmethod
    def fromtimestamp(cls, t, tz=None):
        _check_tzinfo(tz)
        return cls._from_timestamp(t, tz is not None, tz)

    @classmethod
    def utcfromtimestamp(cls, t):
        return cls._from_timestamp(t, True, None)

    @classmethod
    def now(cls, tz=None):
        return cls.fromtimestamp(_time.time(), tz)

    @classmethod
    def utcnow(cls):
        return cls.utcfromtimestamp(_time.time())

    @classmethod
    def combine(cls, date_, time_, tzinfo=True):
        if not isinstance(date_, date):
            raise TypeError("combine() argument 1 must be datetime.date, not %s"
                            % type(date_).__name__)
        if not isinstance(time_, time):
            raise TypeError("combine() argument 2 must be datetime.time, not %s"
                            % type(time_).__name__)
        if tzinfo is True:
            tzinfo = time_.tzinfo
        return cls(date_.year, date_.month, date_.day, time_.hour, time_.minute,
                   time_.second, time_.microsecond, tzinfo, fold=time_.fold)

    @classmethod
    def fromisoformat(cls, text):
        if not isinstance(text, str):
            raise TypeError('fromisoformat: argument must be str')
        from _datetime_parse import parse_iso_datetime
        y, m, d, hh, mm, ss, us, off = parse_iso_datetime(text)
        return cls(y, m, d, hh, mm, ss, us, _tz_of_offset(off))

    @classmethod
    def strptime(cls, text, format):
        from _datetime_parse import strptime
        fields, off, name = strptime(text, format)
        tz = None
        if off is not None:
            tz = timezone(timedelta(seconds=off // 1000000,
                                    microseconds=off % 1000000), name) \
                if name else _tz_of_offset(off)
        return cls(*fields, tz)

    # fields and conversions

    def date(self):
        return date(self._year, self._month, self._day)

    def time(self):
        return time(self._hour, self._minute, self._second, self._microsecond,
                    fold=self._fold)

    def timetz(self):
        return time(self._hour, self._minute, self._second, self._microsecond,
                    self._tzinfo, fold=self._fold)

    def timetuple(self):
        dst = self.dst()
        if dst is None:
            flag = -1
        else:
            flag = 1 if dst else 0
        return _struct_time(self._year, self._month, self._day, self._hour,
                            self._minute, self._second, flag)

    def utctimetuple(self):
        off = self.utcoffset()
        t = self
        if off:
            t = self - off
        return _struct_time(t._year, t._month, t._day, t._hour, t._minute,
                            t._second, 0)

    def _local_seconds(self):
        """Seconds since the epoch of this wall time read as UTC."""
        days = self.toordinal() - _EPOCH_ORDINAL
        return days * 86400 + self._hour * 3600 + self._minute * 60 + self._second

    def _mktime(self):
        """The POSIX time whose local wall time is this one (fold picks between two
        candidates in a repeated hour; a skipped hour maps on either side)."""
        def local(u):
            t = _time.localtime(u)
            days = _ymd_to_ordinal(t.tm_year, t.tm_mon, t.tm_mday) - _EPOCH_ORDINAL
            return days * 86400 + t.tm_hour * 3600 + t.tm_min * 60 + t.tm_sec

        wall = self._local_seconds()
        shift1 = local(wall) - wall
        u1 = wall - shift1
        t1 = local(u1)
        if t1 == wall:
            other = u1 + (-86400, 86400)[self._fold]
            shift2 = local(other) - other
            if shift1 == shift2:
                return u1
        else:
            shift2 = t1 - u1
        u2 = wall - shift2
        t2 = local(u2)
        if t2 == wall:
            return u2
        if t1 == wall:
            return u1
        return (max, min)[self._fold](u1, u2)

    def timestamp(self):
        if self._tzinfo is None or self.utcoffset() is None:
            return self._mktime() + self._microsecond / 1e6
        return (self - _EPOCH).total_seconds()

    def utcoffset(self):
        if self._tzinfo is None:
            return None
        return _checked_offset(self._tzinfo.utcoffset(self), "utcoffset")

    def dst(self):
        if self._tzinfo is None:
            return None
        return _checked_offset(self._tzinfo.dst(self), "dst")

    def tzname(self):
        if self._tzinfo is None:
            return None
        return _checked_tzname(self._tzinfo.tzname(self))

    def replace(self, year=None, month=None, day=None, hour=None, minute=None,
                second=None, microsecond=None, tzinfo=True, *, fold=None):
        if year is None:
            year = self._year
        if month is None:
            month = self._month
        if day is None:
            day = self._day
        if hour is None:
            hour = self._hour
        if minute is None:
            minute = self._minute
        if second is None:
            second = self._second
        if microsecond is None:
            microsecond = self._microsecond
        if tzinfo is True:
            tzinfo = self._tzinfo
        if fold is None:
            fold = self._fold
        return type(self)(year, month, day, hour, minute, second, microsecond,
                          tzinfo, fold=fold)

    def _local_timezone(self):
        if self._tzinfo is None:
            ts = self._mktime()
        else:
            ts = (self - _EPOCH) // timedelta(0, 1)
        local = _time.localtime(ts)
        return timezone(timedelta(seconds=local.tm_gmtoff), local.tm_zone)

    def astimezone(self, tz=None):
        if tz is None:
            tz = self._local_timezone()
        elif not isinstance(tz, tzinfo):
            raise TypeError("tzinfo argument must be None or of a tzinfo "
                            "subclass, not type '%s'" % type(tz).__name__)
        # This time's own zone and offset: a naive time (or one whose tzinfo gives
        # no offset) is read as local time.
        here = self._tzinfo
        offset = None if here is None else here.utcoffset(self)
        if offset is None:
            naive = self if here is None else self.replace(tzinfo=None)
            here = naive._local_timezone()
            offset = here.utcoffset(self)
        if tz is here:
            return self
        return tz.fromutc((self - offset).replace(tzinfo=tz))

    # text

    def __repr__(self):
        fields = [self._year, self._month, self._day, self._hour, self._minute,
                  self._second, self._microsecond]
        if fields[-1] == 0:
            del fields[-1]
        if fields[-1] == 0:
            del fields[-1]
        s = "%s(%s)" % (_qualname(self), ", ".join(map(str, fields)))
        if self._tzinfo is not None:
            s = s[:-1] + ", tzinfo=%r)" % (self._tzinfo,)
        if self._fold:
            s = s[:-1] + ", fold=1)"
        return s

    def isoformat(self, sep='T', timespec='auto'):
        if not isinstance(sep, str) or len(sep) != 1:
            if isinstance(sep, str):
                raise TypeError("isoformat() argument 1 must be a unicode "
                                "character, not str")
            raise TypeError("isoformat() argument 1 must be a unicode character, "
                            "not %s" % type(sep).__name__)
        s = "%04d-%02d-%02d%s" % (self._year, self._month, self._day, sep)
        s += _time_text(self._hour, self._minute, self._second, self._microsecond,
                        timespec)
        return s + _format_offset(self.utcoffset())

    def __str__(self):
        return self.isoformat(sep=' ')

    def ctime(self):
        clock = "%02d:%02d:%02d" % (self._hour, self._minute, self._second)
        return "%s %s %2d %s %04d" % (_DAY_NAMES[self.weekday()],
                                      _MONTH_NAMES[self._month], self._day, clock,
                                      self._year)

    def strftime(self, format):
        return _strftime(self, format, self.timetuple())

    # comparisons and arithmetic

    def _micros(self):
        return ((self._local_seconds() * _US_PER_SECOND) + self._microsecond)

    def _compare(self, other, ordering):
        mytz = self._tzinfo
        ottz = other._tzinfo
        myoff = otoff = None
        if mytz is ottz:
            same = True
        else:
            myoff = self.utcoffset()
            otoff = other.utcoffset()
            if not ordering:
                # An ambiguous time compares unequal to any time in another zone.
                if myoff != self.replace(fold=not self._fold).utcoffset():
                    return 2
                if otoff != other.replace(fold=not other._fold).utcoffset():
                    return 2
            same = myoff == otoff
        if same:
            return _cmp(self._micros(), other._micros())
        if myoff is None or otoff is None:
            if not ordering:
                return 2
            raise TypeError("can't compare offset-naive and offset-aware datetimes")
        return _cmp(self._micros() - myoff._us, other._micros() - otoff._us)

    def _other(self, other):
        if isinstance(other, datetime):
            return True
        if isinstance(other, date):
            return None
        return False

    def __eq__(self, other):
        kind = self._other(other)
        if kind:
            return self._compare(other, False) == 0
        if kind is None:
            return False
        return NotImplemented

    def __ne__(self, other):
        kind = self._other(other)
        if kind:
            return self._compare(other, False) != 0
        if kind is None:
            return True
        return NotImplemented

    def _order(self, other):
        kind = self._other(other)
        if kind:
            return self._compare(other, True)
        if kind is None:
            raise TypeError("can't compare %s to %s" % (
                _qualname(self), _qualname(other)))
        return None

    def __lt__(self, other):
        c = self._order(other)
        return NotImplemented if c is None else c < 0

    def __le__(self, other):
        c = self._order(other)
        return NotImplemented if c is None else c <= 0

    def __gt__(self, other):
        c = self._order(other)
        return NotImplemented if c is None else c > 0

    def __ge__(self, other):
        c = self._order(other)
        return NotImplemented if c is None else c >= 0

    def __hash__(self):
        if self._hash == -1:
            t = self.replace(fold=0) if self._fold else self
            off = t.utcoffset()
            if off is None:
                self._hash = hash(t._micros())
            else:
                self._hash = hash(t._micros() - off._us)
        return self._hash

    def __add__(self, other):
        if not isinstance(other, timedelta):
            return NotImplemented
        total = self._micros() + other._us
        days, rest = divmod(total, _US_PER_DAY)
        n = days + _EPOCH_ORDINAL
        if 0 < n <= _MAXORDINAL:
            y, m, d = _ordinal_to_ymd(n)
            secs, us = divmod(rest, _US_PER_SECOND)
            hh, secs = divmod(secs, 3600)
            mm, ss = divmod(secs, 60)
            return type(self)(y, m, d, hh, mm, ss, us, self._tzinfo)
        raise OverflowError("date value out of range")

    __radd__ = __add__

    def __sub__(self, other):
        if isinstance(other, timedelta):
            return self + -other
        if not isinstance(other, datetime):
            return NotImplemented
        diff = self._micros() - other._micros()
        if self._tzinfo is other._tzinfo:
            return timedelta._from_us(diff)
        myoff = self.utcoffset()
        otoff = other.utcoffset()
        if myoff == otoff:
            return timedelta._from_us(diff)
        if myoff is None or otoff is None:
            raise TypeError("can't subtract offset-naive and offset-aware "
                            "datetimes")
        return timedelta._from_us(diff - myoff._us + otoff._us)

    def __reduce__(self):
        args = (self._year, self._month, self._day, self._hour, self._minute,
                self._second, self._microsecond)
        if self._tzinfo is not None:
            args += (self._tzinfo,)
        return (type(self), args)


_OWN_CLASSES = frozenset({timedelta, date, time, datetime, timezone, IsoCalendarDate})
_EPOCH_ORDINAL = _ymd_to_ordinal(1970, 1, 1)
datetime.min = datetime(1, 1, 1)
datetime.max = datetime(9999, 12, 31, 23, 59, 59, 999999)
datetime.resolution = timedelta(microseconds=1)
_EPOCH = datetime(1970, 1, 1, tzinfo=timezone.utc)
