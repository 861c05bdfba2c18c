"""Text to dates for glasspy's datetime: the ISO 8601 forms fromisoformat accepts
(Python 3.11's) and strptime's directives (C locale names), matched with
backtracking as a regular expression would."""

import time as _time

_DAY_NAMES = ["monday", "tuesday", "wednesday", "thursday", "friday", "saturday",
              "sunday"]
_MONTH_NAMES = ["january", "february", "march", "april", "may", "june", "july",
                "august", "september", "october", "november", "december"]


class _Bad(Exception):
    pass


def _digits(s, i, n):
    """The int of the n digits of s at i, or _Bad."""
    part = s[i:i + n]
    if len(part) != n or not all('0' <= c <= '9' for c in part):
        raise _Bad
    return int(part)


# ----- fromisoformat --------------------------------------------------------------------

def _iso_date(s):
    """(year, month, day) of a whole ISO date: YYYY-MM-DD, YYYYMMDD, YYYY-Www,
    YYYY-Www-D, YYYYWww, YYYYWwwD."""
    from datetime import _from_iso_calendar
    n = len(s)
    year = _digits(s, 0, 4)
    if n in (7, 8) and s[4] == 'W' or n in (8, 10) and s[4:6] == '-W':
        i = 5 if s[4] == 'W' else 6
        week = _digits(s, i, 2)
        i += 2
        day = 1
        if i < n:
            if s[4] == '-':
                if s[i] != '-':
                    raise _Bad
                i += 1
            day = _digits(s, i, 1)
            i += 1
        if i != n:
            raise _Bad
        try:
            return _from_iso_calendar(year, week, day)
        except ValueError:
            raise _Bad from None
    if n == 10 and s[4] == '-' and s[7] == '-':
        return year, _digits(s, 5, 2), _digits(s, 8, 2)
    if n == 8:
        return year, _digits(s, 4, 2), _digits(s, 6, 2)
    raise _Bad


def parse_iso_date(text):
    if not text.isascii():
        raise ValueError('Invalid isoformat string: %r' % (text,))
    try:
        return _iso_date(text)
    except _Bad:
        raise ValueError('Invalid isoformat string: %r' % (text,)) from None


def _clock(s):
    """(hour, minute, second, microsecond) of HH[[:]MM[[:]SS[{.,}f...]]]."""
    n = len(s)
    values = [_digits(s, 0, 2)]
    i = 2
    colon = None
    while len(values) < 3 and i < n and s[i] not in '.,':
        has = s[i] == ':'
        if colon is None:
            colon = has
        elif has != colon:
            raise _Bad
        if has:
            i += 1
        values.append(_digits(s, i, 2))
        i += 2
    us = 0
    if i < n:
        if s[i] not in '.,':
            raise _Bad
        frac = s[i + 1:]
        if not frac or not all('0' <= c <= '9' for c in frac):
            raise _Bad
        us = int(frac[:6].ljust(6, '0'))
    while len(values) < 3:
        values.append(0)
    return values[0], values[1], values[2], us


def _iso_time(s):
    """(h, m, s, us, offset in microseconds or None)."""
    if s[:1] == 'T':
        s = s[1:]
    cut = -1
    for k, c in enumerate(s):
        if c in '+-Z':
            cut = k
            break
    if cut < 0:
        return _clock(s) + (None,)
    clock = _clock(s[:cut])
    sign = s[cut]
    rest = s[cut + 1:]
    if sign == 'Z':
        if rest:
            raise _Bad
        return clock + (0,)
    hh, mm, ss, us = _clock(rest)
    off = ((hh * 60 + mm) * 60 + ss) * 1000000 + us
    return clock + (-off if sign == '-' else off,)


def parse_iso_time(text, whole):
    if not text.isascii() or not text:
        raise ValueError('Invalid isoformat string: %r' % (whole,))
    try:
        return _iso_time(text)
    except _Bad:
        raise ValueError('Invalid isoformat string: %r' % (whole,)) from None


def _date_length(s):
    """Where the date part of an ISO datetime string ends."""
    n = len(s)
    if n <= 7:
        return n
    if s[4] == '-':
        if s[5] == 'W':
            if n > 8 and s[8] == '-':
                return 10
            return 8
        return 10
    if s[4] == 'W':
        if n > 7 and '0' <= s[7] <= '9':
            return 8
        return 7
    return 8


def parse_iso_datetime(text):
    bad = ValueError('Invalid isoformat string: %r' % (text,))
    if not text.isascii():
        raise bad
    cut = _date_length(text)
    try:
        y, m, d = _iso_date(text[:cut])
    except _Bad:
        raise bad from None
    rest = text[cut + 1:]
    if cut == len(text):
        return y, m, d, 0, 0, 0, 0, None
    if not rest:
        raise bad
    try:
        hh, mm, ss, us, off = _iso_time(rest)
    except _Bad:
        raise bad from None
    return y, m, d, hh, mm, ss, us, off


# ----- strptime -------------------------------------------------------------------------

def _alternatives(*options):
    """A matcher trying fixed digit patterns in order (like a regex alternation):
    each option is a string of '0'-'9' ranges written as 'ab' pairs or 'd'."""
    def match(s, i):
        for opt in options:
            j = i
            ok = True
            for lo, hi in opt:
                if j < len(s) and lo <= s[j] <= hi:
                    j += 1
                else:
                    ok = False
                    break
            if ok:
                yield s[i:j], j
    return match


def _pattern(text):
    """'3[01]|[12]d|...' -> a list of options, each a list of (lo, hi) ranges."""
    out = []
    for alt in text.split('|'):
        ranges = []
        k = 0
        while k < len(alt):
            c = alt[k]
            if c == 'd':
                ranges.append(('0', '9'))
            elif c == '[':
                end = alt.index(']', k)
                body = alt[k + 1:end]
                k = end
                if len(body) == 3 and body[1] == '-':
                    ranges.append((body[0], body[2]))
                else:
                    ranges.append((body[0], body[-1]))
            else:
                ranges.append((c, c))
            k += 1
        out.append(ranges)
    return _alternatives(*out)


def _names(words):
    ordered = sorted(words, key=len, reverse=True)

    def match(s, i):
        low = s[i:].lower()
        for w in ordered:
            if w and low.startswith(w):
                yield s[i:i + len(w)], i + len(w)
    return match


def _fraction(s, i):
    j = i
    while j < len(s) and j - i < 6 and '0' <= s[j] <= '9':
        j += 1
    while j > i:
        yield s[i:j], j
        j -= 1


def _offset(s, i):
    if s[i:i + 1] == 'Z':
        yield 'Z', i + 1
        return
    if s[i:i + 1] not in ('+', '-'):
        return
    j = i + 1
    two = _pattern('dd')
    for _, j in two(s, j):
        break
    else:
        return
    for end in _offset_rest(s, j):
        yield s[i:end], end


def _offset_rest(s, j):
    """Ends of ':?[0-5]d(:?[0-5]d(.d{1,6})?)?' after the hours, longest first."""
    mins = j + 1 if s[j:j + 1] == ':' else j
    if not (mins + 1 < len(s) + 0 and '0' <= s[mins:mins + 1] <= '5'
            and '0' <= s[mins + 1:mins + 2] <= '9' and s[mins + 1:mins + 2]):
        return
    j = mins + 2
    secs = j + 1 if s[j:j + 1] == ':' else j
    if ('0' <= s[secs:secs + 1] <= '5' and s[secs:secs + 1]
            and '0' <= s[secs + 1:secs + 2] <= '9' and s[secs + 1:secs + 2]):
        k = secs + 2
        if s[k:k + 1] == '.':
            for _, end in _fraction(s, k + 1):
                yield end
        yield k
    yield j


def _zone_names():
    names = {'utc', 'gmt'}
    for n in getattr(_time, 'tzname', ()):
        names.add(n.lower())
    return names


_DIRECTIVES = {
    'd': _pattern('3[01]|[12]d|0[1-9]|[1-9]| [1-9]'),
    'f': _fraction,
    'H': _pattern('2[0-3]|[0-1]d|d'),
    'I': _pattern('1[0-2]|0[1-9]|[1-9]'),
    'G': _pattern('dddd'),
    'j': _pattern('36[0-6]|3[0-5]d|[12]dd|0[1-9]d|00[1-9]|[1-9]d|0[1-9]|[1-9]'),
    'm': _pattern('1[0-2]|0[1-9]|[1-9]'),
    'M': _pattern('[0-5]d|d'),
    'S': _pattern('6[0-1]|[0-5]d|d'),
    'U': _pattern('5[0-3]|[0-4]d|d'),
    'W': _pattern('5[0-3]|[0-4]d|d'),
    'V': _pattern('5[0-3]|0[1-9]|[1-4]d|d'),
    'w': _pattern('[0-6]'),
    'u': _pattern('[1-7]'),
    'y': _pattern('dd'),
    'Y': _pattern('dddd'),
    'z': _offset,
    'a': _names([d[:3] for d in _DAY_NAMES]),
    'A': _names(_DAY_NAMES),
    'b': _names([m[:3] for m in _MONTH_NAMES]),
    'B': _names(_MONTH_NAMES),
    'p': _names(['am', 'pm']),
}

_COMPOSITE = {'c': '%a %b %d %H:%M:%S %Y', 'x': '%m/%d/%y', 'X': '%H:%M:%S'}


def _compile(fmt):
    """The format as a list of ('lit', text), ('space',) and ('dir', code)."""
    items = []
    i = 0
    n = len(fmt)
    while i < n:
        c = fmt[i]
        if c == '%':
            if i + 1 >= n:
                raise ValueError("stray %% in format '%s'" % fmt)
            code = fmt[i + 1]
            i += 2
            if code in _COMPOSITE:
                items.extend(_compile(_COMPOSITE[code]))
            elif code == '%':
                items.append(('lit', '%'))
            elif code == 'Z' or code in _DIRECTIVES:
                items.append(('dir', code))
            else:
                raise ValueError("'%s' is a bad directive in format '%s'"
                                 % (code, fmt))
        elif c.isspace():
            while i < n and fmt[i].isspace():
                i += 1
            items.append(('space',))
        else:
            items.append(('lit', c))
            i += 1
    return items


def _match(items, k, s, i, found):
    """Match items[k:] at s[i:]; the end of the match (found filled) or -1."""
    if k == len(items):
        return i
    item = items[k]
    if item[0] == 'lit':
        if s[i:i + 1].lower() == item[1].lower():
            return _match(items, k + 1, s, i + 1, found)
        return -1
    if item[0] == 'space':
        j = i
        while j < len(s) and s[j].isspace():
            j += 1
        while j > i:
            end = _match(items, k + 1, s, j, found)
            if end >= 0:
                return end
            j -= 1
        return -1
    code = item[1]
    if code == 'Z':
        matcher = _names(_zone_names())
    else:
        matcher = _DIRECTIVES[code]
    for text, j in matcher(s, i):
        found[code] = text
        end = _match(items, k + 1, s, j, found)
        if end >= 0:
            return end
        del found[code]
    return -1


def strptime(text, fmt):
    """((year, month, day, hour, minute, second, microsecond), offset in
    microseconds or None, zone name or None) of text read by fmt."""
    if not isinstance(text, str):
        raise TypeError("strptime() argument 1 must be str, not %s"
                        % type(text).__name__)
    if not isinstance(fmt, str):
        raise TypeError("strptime() argument 2 must be str, not %s"
                        % type(fmt).__name__)
    items = _compile(fmt)
    found = {}
    end = _match(items, 0, text, 0, found)
    if end < 0:
        raise ValueError("time data %r does not match format %r" % (text, fmt))
    if end != len(text):
        raise ValueError("unconverted data remains: %s" % text[end:])
    return _fields(found)


def _fields(found):
    from datetime import _ymd_to_ordinal, _ordinal_to_ymd, _from_iso_calendar
    from datetime import _is_leap
    year = None
    month = day = 1
    hour = minute = second = us = 0
    weekday = julian = None
    week = None
    week_starts_monday = True
    off = None
    zone = None
    if 'y' in found:
        year = int(found['y'])
        year += 2000 if year <= 68 else 1900
    if 'Y' in found:
        year = int(found['Y'])
    iso_year = int(found['G']) if 'G' in found else None
    if 'm' in found:
        month = int(found['m'])
    if 'B' in found:
        month = _MONTH_NAMES.index(found['B'].lower()) + 1
    if 'b' in found:
        month = [m[:3] for m in _MONTH_NAMES].index(found['b'].lower()) + 1
    if 'd' in found:
        day = int(found['d'])
    if 'H' in found:
        hour = int(found['H'])
    if 'I' in found:
        hour = int(found['I'])
        pm = found.get('p', '').lower() == 'pm'
        if pm and hour != 12:
            hour += 12
        elif not pm and hour == 12:
            hour = 0
    if 'M' in found:
        minute = int(found['M'])
    if 'S' in found:
        second = int(found['S'])
    if 'f' in found:
        us = int(found['f'].ljust(6, '0'))
    if 'A' in found:
        weekday = _DAY_NAMES.index(found['A'].lower())
    if 'a' in found:
        weekday = [d[:3] for d in _DAY_NAMES].index(found['a'].lower())
    if 'w' in found:
        weekday = (int(found['w']) - 1) % 7
    if 'u' in found:
        weekday = int(found['u']) - 1
    if 'j' in found:
        julian = int(found['j'])
    if 'U' in found:
        week = int(found['U'])
        week_starts_monday = False
    if 'W' in found:
        week = int(found['W'])
    if 'z' in found:
        z = found['z']
        if z == 'Z':
            off = 0
        else:
            body = z[1:].replace(':', '')
            hh, mm = int(body[0:2]), int(body[2:4])
            ss = int(body[4:6]) if len(body) >= 6 else 0
            frac = body[7:] if len(body) > 6 else ''
            off = ((hh * 60 + mm) * 60 + ss) * 1000000 + int(frac.ljust(6, '0') or 0)
            if z[0] == '-':
                off = -off
    if 'Z' in found:
        zone = found['Z']
    if iso_year is not None:
        if julian is not None:
            raise ValueError("Day of the year directive '%j' is not compatible "
                             "with ISO year directive '%G'. Use '%Y' instead.")
        if 'V' not in found or weekday is None:
            raise ValueError("ISO year directive '%G' must be used with the ISO "
                             "week directive '%V' and a weekday directive ('%A', "
                             "'%a', '%w', or '%u').")
    elif 'V' in found and year is None:
        raise ValueError("ISO week directive '%V' must be used with the ISO year "
                         "directive '%G' and a weekday directive ('%A', '%a', "
                         "'%w', or '%u').")
    leap_default = False
    if year is None:
        if month == 2 and day == 29:
            year = 1904
            leap_default = True
        else:
            year = 1900
    if julian is None and weekday is not None:
        if week is not None:
            first = (_ymd_to_ordinal(year, 1, 1) + 6) % 7
            wd = weekday
            if not week_starts_monday:
                first = (first + 1) % 7
                wd = (wd + 1) % 7
            week0 = (7 - first) % 7
            if week == 0:
                julian = 1 + wd - first
            else:
                julian = 1 + week0 + 7 * (week - 1) + wd
        elif iso_year is not None:
            y, m, d = _from_iso_calendar(iso_year, int(found['V']), weekday + 1)
            year = y
            julian = _ymd_to_ordinal(y, m, d) - _ymd_to_ordinal(y, 1, 1) + 1
        if julian is not None and julian <= 0:
            year -= 1
            julian += 366 if _is_leap(year) else 365
    if julian is not None:
        year, month, day = _ordinal_to_ymd(julian - 1 + _ymd_to_ordinal(year, 1, 1))
    if leap_default:
        year = 1900
    return (year, month, day, hour, minute, second, us), off, zone
