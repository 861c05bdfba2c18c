"""Trace the memory blocks Python allocates (glasspy's tracemalloc).

The tracing itself is native (_tracemalloc, over the heap's allocation hook): each
traced block is kept with its size and the Python stack that allocated it. This
module turns those traces into snapshots, statistics, differences and filters, with
the API and the text formats of CPython 3.11's tracemalloc.

Snapshot.dump() and Snapshot.load() are not provided: glasspy has no pickle.
"""

from collections.abc import Sequence
from fnmatch import fnmatch as _fnmatch

from _tracemalloc import *
from _tracemalloc import _get_traces, _get_object_traceback

__all__ = [
    'BaseFilter', 'DomainFilter', 'Filter', 'Frame', 'Snapshot', 'Statistic',
    'StatisticDiff', 'Trace', 'Traceback', 'clear_traces', 'get_object_traceback',
    'get_traceback_limit', 'get_traced_memory', 'get_tracemalloc_memory',
    'is_tracing', 'reset_peak', 'start', 'stop', 'take_snapshot',
]

_UNITS = ('B', 'KiB', 'MiB', 'GiB', 'TiB')


def _format_size(size, sign):
    # Three significant digits: "12.3 KiB" below 100 of a unit, else a whole number
    # of the largest unit that keeps it under 10240 ("4855 KiB"); bytes are whole.
    signfmt = '+' if sign else ''
    value = size
    for unit in _UNITS:
        if unit != 'B' and abs(value) < 100:
            return ('%' + signfmt + '.1f %s') % (value, unit)
        if abs(value) < 10 * 1024 or unit == _UNITS[-1]:
            return ('%' + signfmt + '.0f %s') % (value, unit)
        value = value / 1024


class _Record:
    # Statistic and StatisticDiff: plain records, equal and hashed by their fields
    # (their __slots__, in order).
    __slots__ = ()

    def _fields(self):
        return tuple(getattr(self, name) for name in self.__slots__)

    def __hash__(self):
        return hash(self._fields())

    def __eq__(self, other):
        if not isinstance(other, type(self)):
            return NotImplemented
        return self._fields() == other._fields()

    def _average(self):
        # ", average=..." when there are blocks to average over
        if not self.count:
            return ''
        return ', average=' + _format_size(self.size / self.count, False)


class Statistic(_Record):
    """Memory allocated by one traceback (or line, or file): size and count."""

    __slots__ = ('traceback', 'size', 'count')

    def __init__(self, traceback, size, count):
        self.traceback, self.size, self.count = traceback, size, count

    def __str__(self):
        return (f'{self.traceback}: size={_format_size(self.size, False)}, '
                f'count={self.count:d}{self._average()}')

    def __repr__(self):
        return (f'<Statistic traceback={self.traceback!r} size={self.size:d} '
                f'count={self.count:d}>')

    def _rank(self):
        # statistics() lists the biggest first
        return (self.size, self.count, self.traceback)


class StatisticDiff(_Record):
    """A Statistic of a new snapshot with its change since an old one."""

    __slots__ = ('traceback', 'size', 'size_diff', 'count', 'count_diff')

    def __init__(self, traceback, size, size_diff, count, count_diff):
        self.traceback = traceback
        self.size, self.size_diff = size, size_diff
        self.count, self.count_diff = count, count_diff

    def __str__(self):
        return (f'{self.traceback}: size={_format_size(self.size, False)} '
                f'({_format_size(self.size_diff, True)}), '
                f'count={self.count:d} ({self.count_diff:+d}){self._average()}')

    def __repr__(self):
        return (f'<StatisticDiff traceback={self.traceback!r} size={self.size:d} '
                f'({self.size_diff:+d}) count={self.count:d} ({self.count_diff:+d})>')

    def _rank(self):
        # compare_to() lists the biggest change first
        return (abs(self.size_diff), self.size, abs(self.count_diff), self.count,
                self.traceback)


class Frame:
    """One frame of a traceback: a file name and a line number."""

    __slots__ = ('_key',)

    def __init__(self, frame):
        # frame is a (filename, lineno) pair.
        self._key = frame

    @property
    def filename(self):
        return self._key[0]

    @property
    def lineno(self):
        return self._key[1]

    def __eq__(self, other):
        if not isinstance(other, Frame):
            return NotImplemented
        return self._key == other._key

    def __lt__(self, other):
        if not isinstance(other, Frame):
            return NotImplemented
        return self._key < other._key

    def __gt__(self, other):
        if not isinstance(other, Frame):
            return NotImplemented
        return self._key > other._key

    def __le__(self, other):
        if not isinstance(other, Frame):
            return NotImplemented
        return self._key <= other._key

    def __ge__(self, other):
        if not isinstance(other, Frame):
            return NotImplemented
        return self._key >= other._key

    def __hash__(self):
        return hash(self._key)

    def __str__(self):
        return '%s:%s' % (self._key[0], self._key[1])

    def __repr__(self):
        return '<Frame filename=%r lineno=%r>' % (self._key[0], self._key[1])


_source_lines = {}


def _source_line(filename, lineno):
    # The stripped text of a line of a source file ('' when it cannot be read).
    lines = _source_lines.get(filename)
    if lines is None:
        try:
            with open(filename, encoding='utf-8') as f:
                lines = f.read().splitlines()
        except (OSError, UnicodeDecodeError, ValueError):
            lines = []
        _source_lines[filename] = lines
    if 1 <= lineno <= len(lines):
        return lines[lineno - 1].strip()
    return ''


class Traceback(Sequence):
    """The frames of a traceback, from the oldest to the most recent."""

    __slots__ = ('_frames', '_total_nframe')

    def __init__(self, frames, total_nframe=None):
        # `frames` comes from _tracemalloc: most recent first.
        self._frames = tuple(frames[::-1])
        self._total_nframe = total_nframe

    @property
    def total_nframe(self):
        return self._total_nframe

    def __len__(self):
        return len(self._frames)

    def __getitem__(self, index):
        if isinstance(index, slice):
            return tuple(Frame(f) for f in self._frames[index])
        return Frame(self._frames[index])

    def __contains__(self, frame):
        return isinstance(frame, Frame) and frame._key in self._frames

    def __hash__(self):
        return hash(self._frames)

    def __eq__(self, other):
        if not isinstance(other, Traceback):
            return NotImplemented
        return self._frames == other._frames

    def __lt__(self, other):
        if not isinstance(other, Traceback):
            return NotImplemented
        return self._frames < other._frames

    def __gt__(self, other):
        if not isinstance(other, Traceback):
            return NotImplemented
        return self._frames > other._frames

    def __le__(self, other):
        if not isinstance(other, Traceback):
            return NotImplemented
        return self._frames <= other._frames

    def __ge__(self, other):
        if not isinstance(other, Traceback):
            return NotImplemented
        return self._frames >= other._frames

    def __str__(self):
        return str(self[0])

    def __repr__(self):
        text = '<Traceback %r' % (tuple(self),)
        if self._total_nframe is not None:
            text += ' total_nframe=%s' % self._total_nframe
        return text + '>'

    def format(self, limit=None, most_recent_first=False):
        """The traceback as lines, like the traceback module's: a '  File' line and
        the stripped source line for each frame. A positive `limit` keeps the most
        recent frames, a negative one the oldest."""
        frames = list(self)
        if limit is not None:
            frames = frames[-limit:] if limit > 0 else frames[:limit]
        if most_recent_first:
            frames.reverse()
        lines = []
        for frame in frames:
            lines.append('  File "%s", line %s' % (frame.filename, frame.lineno))
            source = _source_line(frame.filename, frame.lineno)
            if source:
                lines.append('    %s' % source)
        return lines


def get_object_traceback(obj):
    """The Traceback where `obj` was allocated, or None if it is not traced."""
    frames = _get_object_traceback(obj)
    if frames is None:
        return None
    return Traceback(frames)


class Trace:
    """One traced memory block: domain, size and traceback."""

    __slots__ = ('_trace',)

    def __init__(self, trace):
        # trace is a (domain, size, frames, total_nframe) tuple.
        self._trace = trace

    @property
    def domain(self):
        return self._trace[0]

    @property
    def size(self):
        return self._trace[1]

    @property
    def traceback(self):
        return Traceback(self._trace[2], self._trace[3])

    def __eq__(self, other):
        if not isinstance(other, Trace):
            return NotImplemented
        return self._trace == other._trace

    def __hash__(self):
        return hash(self._trace)

    def __str__(self):
        return '%s: %s' % (self.traceback, _format_size(self.size, False))

    def __repr__(self):
        return '<Trace domain=%s size=%s, traceback=%r>' % (
            self.domain, _format_size(self.size, False), self.traceback)


class _Traces(Sequence):
    def __init__(self, traces):
        Sequence.__init__(self)
        self._traces = traces

    def __len__(self):
        return len(self._traces)

    def __getitem__(self, index):
        if isinstance(index, slice):
            return tuple(Trace(t) for t in self._traces[index])
        return Trace(self._traces[index])

    def __contains__(self, trace):
        return isinstance(trace, Trace) and trace._trace in self._traces

    def __eq__(self, other):
        if not isinstance(other, _Traces):
            return NotImplemented
        return self._traces == other._traces

    def __repr__(self):
        return '<Traces len=%s>' % len(self)


def _normalize_filename(filename):
    if filename.endswith('.pyc'):
        return filename[:-1]
    return filename


class BaseFilter:
    def __init__(self, inclusive):
        self.inclusive = inclusive

    def _match(self, trace):
        raise NotImplementedError


class Filter(BaseFilter):
    """Keep (inclusive) or drop the traces whose frame matches a file name pattern
    (fnmatch), a line and a domain."""

    def __init__(self, inclusive, filename_pattern, lineno=None, all_frames=False,
                 domain=None):
        super().__init__(inclusive)
        self.inclusive = inclusive
        self._pattern = _normalize_filename(filename_pattern)
        self.lineno = lineno
        self.all_frames = all_frames
        self.domain = domain

    @property
    def filename_pattern(self):
        return self._pattern

    def _frame_matches(self, filename, lineno):
        if not _fnmatch(filename, self._pattern):
            return False
        return self.lineno is None or lineno == self.lineno

    def _traceback_matches(self, frames):
        # True when the trace passes this filter, before the domain is considered.
        if self.all_frames:
            hit = False
            for filename, lineno in frames:
                if self._frame_matches(filename, lineno):
                    hit = True
                    break
        else:
            filename, lineno = frames[0]
            hit = self._frame_matches(filename, lineno)
        return hit if self.inclusive else not hit

    def _match(self, trace):
        passes = self._traceback_matches(trace[2])
        if self.domain is None:
            return passes
        if self.inclusive:
            return passes and trace[0] == self.domain
        return passes or trace[0] != self.domain


class DomainFilter(BaseFilter):
    """Keep (inclusive) or drop the traces of one address space (domain)."""

    def __init__(self, inclusive, domain):
        super().__init__(inclusive)
        self._domain = domain

    @property
    def domain(self):
        return self._domain

    def _match(self, trace):
        same = trace[0] == self._domain
        return same if self.inclusive else not same


_KEY_TYPES = ('traceback', 'filename', 'lineno')


class Snapshot:
    """The traces of the memory blocks allocated by Python at one moment."""

    def __init__(self, traces, traceback_limit):
        # traces: (domain, size, frames, total_nframe) tuples.
        self.traces = _Traces(traces)
        self.traceback_limit = traceback_limit

    def dump(self, filename):
        raise NotImplementedError("glasspy's tracemalloc cannot dump a snapshot "
                                  "(no pickle)")

    @staticmethod
    def load(filename):
        raise NotImplementedError("glasspy's tracemalloc cannot load a snapshot "
                                  "(no pickle)")

    def filter_traces(self, filters):
        """A new Snapshot with the traces that pass `filters` (Filter and
        DomainFilter instances): some inclusive filter if there are any, and every
        exclusive filter."""
        try:
            iter(filters)
        except TypeError:
            raise TypeError("filters must be a list of filters, not %s"
                            % type(filters).__name__) from None
        include = []
        exclude = []
        for f in filters:
            if f.inclusive:
                include.append(f)
            else:
                exclude.append(f)
        if not include and not exclude:
            return Snapshot(list(self.traces._traces), self.traceback_limit)
        kept = []
        for trace in self.traces._traces:
            if include and not any(f._match(trace) for f in include):
                continue
            if exclude and not all(f._match(trace) for f in exclude):
                continue
            kept.append(trace)
        return Snapshot(kept, self.traceback_limit)

    def _groups(self, key_type, cumulative):
        # Statistic per key: a whole traceback, a line or a file.
        if key_type not in _KEY_TYPES:
            raise ValueError("unknown key_type: %r" % (key_type,))
        if cumulative and key_type == 'traceback':
            raise ValueError("cumulative mode cannot by used with key type %r"
                             % key_type)
        # frames (as _tracemalloc gives them) -> the keys a trace counts for
        keys_of = {}
        stats = {}
        for domain, size, frames, total_nframe in self.traces._traces:
            keys = keys_of.get(frames)
            if keys is None:
                if key_type == 'traceback':
                    keys = (Traceback(frames),)
                elif key_type == 'lineno':
                    chosen = frames if cumulative else frames[:1]
                    keys = tuple(Traceback((frame,)) for frame in chosen)
                else:
                    # Cumulative: every frame counts, a file once per frame in it.
                    chosen = frames if cumulative else frames[:1]
                    names = [frame[0] for frame in chosen]
                    keys = tuple(Traceback(((name, 0),)) for name in names)
                keys_of[frames] = keys
            for key in keys:
                stat = stats.get(key)
                if stat is None:
                    stats[key] = Statistic(key, size, 1)
                else:
                    stat.size += size
                    stat.count += 1
        return stats

    def statistics(self, key_type, cumulative=False):
        """Statistics grouped by 'traceback', 'lineno' or 'filename', biggest
        first."""
        stats = list(self._groups(key_type, cumulative).values())
        stats.sort(reverse=True, key=Statistic._rank)
        return stats

    def compare_to(self, old_snapshot, key_type, cumulative=False):
        """StatisticDiff of each group between `old_snapshot` and this one, biggest
        change first."""
        new = self._groups(key_type, cumulative)
        old = old_snapshot._groups(key_type, cumulative)
        diffs = []
        for key, stat in new.items():
            before = old.pop(key, None)
            if before is None:
                diffs.append(StatisticDiff(key, stat.size, stat.size,
                                           stat.count, stat.count))
            else:
                diffs.append(StatisticDiff(key, stat.size, stat.size - before.size,
                                           stat.count, stat.count - before.count))
        for key, stat in old.items():
            diffs.append(StatisticDiff(key, 0, -stat.size, 0, -stat.count))
        diffs.sort(reverse=True, key=StatisticDiff._rank)
        return diffs


def take_snapshot():
    """A Snapshot of the traces of the blocks allocated so far and still alive."""
    if not is_tracing():
        raise RuntimeError("the tracemalloc module must be tracing memory "
                           "allocations to take a snapshot")
    traces = _get_traces()
    return Snapshot(traces, get_traceback_limit())
