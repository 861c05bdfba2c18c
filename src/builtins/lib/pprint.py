"""Pretty printing of Python data structures (glasspy's pprint, written for glasspy
after the Python 3.11 documentation).

A PrettyPrinter lays a value out on one line when its repr fits in the width left,
and otherwise breaks dicts, lists, tuples, sets, strings and bytes over several lines,
one item (or one piece of string) a line, indented under its opening bracket.
"""

import sys as _sys
from io import StringIO as _StringIO

__all__ = ["pprint", "pformat", "isreadable", "isrecursive", "saferepr",
           "PrettyPrinter", "pp"]


def pprint(object, stream=None, indent=1, width=80, depth=None, *,
           compact=False, sort_dicts=True, underscore_numbers=False):
    """Pretty-print object to stream (sys.stdout by default), with a newline."""
    printer = PrettyPrinter(stream=stream, indent=indent, width=width, depth=depth,
                            compact=compact, sort_dicts=sort_dicts,
                            underscore_numbers=underscore_numbers)
    printer.pprint(object)


def pformat(object, indent=1, width=80, depth=None, *,
            compact=False, sort_dicts=True, underscore_numbers=False):
    """The pretty-printed text of object, as a string."""
    return PrettyPrinter(indent=indent, width=width, depth=depth, compact=compact,
                         sort_dicts=sort_dicts,
                         underscore_numbers=underscore_numbers).pformat(object)


def pp(object, *args, sort_dicts=False, **kwargs):
    """pprint with dicts in their insertion order by default."""
    pprint(object, *args, sort_dicts=sort_dicts, **kwargs)


def _flat(object):
    # (repr, readable, recursive) with the default settings
    return PrettyPrinter()._flat_repr(object, {}, None, 0)


def saferepr(object):
    """A repr of object that survives recursive data structures."""
    return _flat(object)[0]


def isreadable(object):
    """Whether eval() of object's repr could rebuild it."""
    return _flat(object)[1]


def isrecursive(object):
    """Whether object holds itself, directly or not."""
    return _flat(object)[2]


class _SortKey:
    """Orders values of any type: by < when the values allow it, otherwise by the
    name of their type and their id (so sets and dicts of mixed types sort)."""

    __slots__ = ['obj']

    def __init__(self, obj):
        self.obj = obj

    def __lt__(self, other):
        try:
            return self.obj < other.obj
        except TypeError:
            mine = (str(type(self.obj)), id(self.obj))
            theirs = (str(type(other.obj)), id(other.obj))
            return mine < theirs


def _item_key(pair):
    return _SortKey(pair[0]), _SortKey(pair[1])


def _recursion(object):
    return "<Recursion on %s with id=%s>" % (type(object).__name__, id(object))


def _text_pieces(line):
    """line as consecutive pieces, each a run of non-space then a run of space."""
    pieces = []
    i = 0
    n = len(line)
    while i < n:
        j = i
        while j < n and not line[j].isspace():
            j += 1
        while j < n and line[j].isspace():
            j += 1
        pieces.append(line[i:j])
        i = j
    return pieces


def _bytes_pieces(data, width, allowance):
    """The reprs of consecutive slices of data, each as long as fits in width (the
    last in width - allowance), cut at multiples of four bytes."""
    out = []
    current = b''
    last = len(data) // 4 * 4
    for start in range(0, len(data), 4):
        part = data[start:start + 4]
        joined = current + part
        if start == last:
            width -= allowance
        if len(repr(joined)) > width:
            if current:
                out.append(repr(current))
            current = part
        else:
            current = joined
    if current:
        out.append(repr(current))
    return out


_SCALARS = frozenset({str, bytes, bytearray, float, complex, bool, type(None)})


class PrettyPrinter:
    def __init__(self, indent=1, width=80, depth=None, stream=None, *,
                 compact=False, sort_dicts=True, underscore_numbers=False):
        indent = int(indent)
        width = int(width)
        if indent < 0:
            raise ValueError('indent must be >= 0')
        if depth is not None and depth <= 0:
            raise ValueError('depth must be > 0')
        if not width:
            raise ValueError('width must be != 0')
        self._depth = depth
        self._indent_per_level = indent
        self._width = width
        self._stream = stream if stream is not None else _sys.stdout
        self._compact = bool(compact)
        self._sort_dicts = sort_dicts
        self._underscore_numbers = underscore_numbers

    def pprint(self, object):
        out = self._stream
        if out is not None:
            self._emit(object, out, 0, 0, {}, 0)
            out.write("\n")

    def pformat(self, object):
        buffer = _StringIO()
        self._emit(object, buffer, 0, 0, {}, 0)
        return buffer.getvalue()

    def _pad(self, stream):
        # With indent > 1 the first item starts indent columns after the bracket.
        if self._indent_per_level > 1:
            stream.write(' ' * (self._indent_per_level - 1))

    def isrecursive(self, object):
        return self.format(object, {}, 0, 0)[2]

    def isreadable(self, object):
        _, readable, recursive = self.format(object, {}, 0, 0)
        return readable and not recursive

    def format(self, object, context, maxlevels, level):
        """(repr, readable, recursive) of object; subclasses may override it."""
        return self._flat_repr(object, context, maxlevels, level)  # (the default)

    # ----- layout ----------------------------------------------------------------

    def _emit(self, object, stream, indent, allowance, context, level):
        """Write object: its one-line repr if that fits in the columns left (the
        width less indent and the allowance the closing brackets after it need),
        else the multi-line layout of its type, if it has one."""
        marker = id(object)
        if marker in context:
            stream.write(_recursion(object))
            self._recursive, self._readable = True, False
            return
        text = self._fits_repr(object, context, level)
        layout = None
        if len(text) > self._width - indent - allowance:
            layout = self._layouts.get(type(object).__repr__)
        if layout is None:
            stream.write(text)
            return
        context[marker] = 1
        layout(self, object, stream, indent, allowance, context, level + 1)
        del context[marker]

    def _fits_repr(self, object, context, level):
        # format()'s repr (on a copy of context), noting readable and recursive.
        text, readable, recursive = self.format(object, dict(context), self._depth,
                                                level)
        if recursive:
            self._recursive = True
        if not readable:
            self._readable = False
        return text

    def _layout_dict(self, object, stream, indent, allowance, context, level):
        stream.write('{')
        self._pad(stream)
        if len(object):
            pairs = object.items()
            if self._sort_dicts:
                pairs = sorted(pairs, key=_item_key)
            self._emit_pairs(pairs, stream, indent, allowance + 1, context, level)
        stream.write('}')

    def _layout_list(self, object, stream, indent, allowance, context, level):
        stream.write('[')
        self._emit_items(object, stream, indent, allowance + 1, context, level)
        stream.write(']')

    def _layout_tuple(self, object, stream, indent, allowance, context, level):
        stream.write('(')
        close = ',)' if len(object) == 1 else ')'
        self._emit_items(object, stream, indent, allowance + len(close),
                           context, level)
        stream.write(close)

    def _layout_set(self, object, stream, indent, allowance, context, level):
        if not len(object):
            stream.write(repr(object))
            return
        cls = object.__class__
        if cls is set:
            stream.write('{')
            close = '}'
        else:
            stream.write(cls.__name__ + '({')
            close = '})'
            indent += len(cls.__name__) + 1
        items = sorted(object, key=_SortKey)
        self._emit_items(items, stream, indent, allowance + len(close),
                           context, level)
        stream.write(close)

    def _layout_str(self, object, stream, indent, allowance, context, level):
        if not len(object):
            stream.write(repr(object))
            return
        pieces = []
        lines = object.splitlines(True)
        if level == 1:
            indent += 1
            allowance += 1
        room = room_last = self._width - indent
        rep = ''
        for i, line in enumerate(lines):
            rep = repr(line)
            if i == len(lines) - 1:
                room_last -= allowance
            if len(rep) <= room_last:
                pieces.append(rep)
                continue
            words = _text_pieces(line)
            room_words = room
            current = ''
            for j, word in enumerate(words):
                joined = current + word
                if j == len(words) - 1 and i == len(lines) - 1:
                    room_words -= allowance
                if len(repr(joined)) > room_words:
                    if current:
                        pieces.append(repr(current))
                    current = word
                else:
                    current = joined
            if current:
                pieces.append(repr(current))
        if len(pieces) == 1:
            stream.write(rep)
            return
        if level == 1:
            stream.write('(')
        for i, piece in enumerate(pieces):
            if i > 0:
                stream.write('\n' + ' ' * indent)
            stream.write(piece)
        if level == 1:
            stream.write(')')

    def _layout_bytes(self, object, stream, indent, allowance, context, level):
        if len(object) <= 4:
            stream.write(repr(object))
            return
        parens = level == 1
        if parens:
            indent += 1
            allowance += 1
            stream.write('(')
        sep = ''
        for piece in _bytes_pieces(object, self._width - indent, allowance):
            stream.write(sep)
            stream.write(piece)
            if not sep:
                sep = '\n' + ' ' * indent
        if parens:
            stream.write(')')

    def _layout_bytearray(self, object, stream, indent, allowance, context, level):
        stream.write('bytearray(')
        self._layout_bytes(bytes(object), stream, indent + 10, allowance + 1,
                           context, level + 1)
        stream.write(')')

    def _layout_mappingproxy(self, object, stream, indent, allowance, context,
                             level):
        opening = 'mappingproxy('
        stream.write(opening)
        self._emit(object.copy(), stream, indent + len(opening), allowance + 1, context,
                   level)
        stream.write(')')

    def _layout_namespace(self, object, stream, indent, allowance, context, level):
        if type(object) is _Namespace:
            name = 'namespace'
        else:
            name = object.__class__.__name__
        indent += len(name) + 1
        items = list(object.__dict__.items())
        stream.write(name + '(')
        last_index = len(items) - 1
        for i, (key, value) in enumerate(items):
            last = i == last_index
            stream.write(key)
            stream.write('=')
            if id(value) in context:
                stream.write('...')
            else:
                self._emit(value, stream, indent + len(key) + 1,
                             allowance if last else 1, context, level)
            if not last:
                stream.write(',\n' + ' ' * indent)
        stream.write(')')

    def _emit_pairs(self, items, stream, indent, allowance, context, level):
        indent += self._indent_per_level
        newline = ',\n' + ' ' * indent
        last_index = len(items) - 1
        for i, (key, value) in enumerate(items):
            last = i == last_index
            rep = self._fits_repr(key, context, level)
            stream.write(rep)
            stream.write(': ')
            self._emit(value, stream, indent + len(rep) + 2,
                         allowance if last else 1, context, level)
            if not last:
                stream.write(newline)

    def _emit_items(self, items, stream, indent, allowance, context, level):
        """The items of a list, tuple or set, one a line; with compact=True as many
        one-line reprs a line as fit, and only an item too wide for a line of its
        own is laid out over several."""
        indent += self._indent_per_level
        self._pad(stream)
        next_line = ',\n' + ' ' * indent
        items = list(items)
        full = self._width - indent + 1
        room = full
        before = ''
        for n, item in enumerate(items):
            last = n == len(items) - 1
            if last:
                full -= allowance
                room -= allowance
            if self._compact:
                text = self._fits_repr(item, context, level)
                need = len(text) + 2
                if room < need:
                    # start a new line (unless this is the first item)
                    room = full
                    before = next_line if before else before
                if room >= need:
                    room -= need
                    stream.write(before + text)
                    before = ', '
                    continue
            stream.write(before)
            before = next_line
            self._emit(item, stream, indent, allowance if last else 1, context, level)

    # ----- the one-line repr -------------------------------------------------------

    def _flat_repr(self, object, context, maxlevels, level):
        """(repr, readable, recursive) on one line: dicts (sorted if sort_dicts),
        lists and tuples are written item by item through format(), so the depth
        limit, recursion markers and subclass overrides apply inside them."""
        kind = type(object)
        if kind in _SCALARS:
            return repr(object), True, False
        shown_by = getattr(kind, "__repr__", None)
        if issubclass(kind, int) and shown_by is int.__repr__:
            text = f"{object:_d}" if self._underscore_numbers else repr(object)
            return text, True, False
        if issubclass(kind, dict) and shown_by is dict.__repr__:
            return self._flat_container(object, "{%s}", "{}", context, maxlevels, level)
        if issubclass(kind, list) and shown_by is list.__repr__:
            return self._flat_container(object, "[%s]", "[]", context, maxlevels, level)
        if issubclass(kind, tuple) and shown_by is tuple.__repr__:
            shape = "(%s,)" if len(object) == 1 else "(%s)"
            return self._flat_container(object, shape, "()", context, maxlevels, level)
        text = repr(object)
        # (an empty repr gives '' here, as in python3)
        return text, text and not text.startswith('<'), False

    def _flat_container(self, object, shape, empty, context, maxlevels, level):
        if not object:
            return empty, True, False
        marker = id(object)
        if maxlevels and level >= maxlevels:
            return shape % "...", False, marker in context
        if marker in context:
            return _recursion(object), False, True
        context[marker] = 1
        level += 1
        if isinstance(object, dict):
            pairs = object.items()
            if self._sort_dicts:
                pairs = sorted(pairs, key=_item_key)
            views = [(self.format(k, context, maxlevels, level),
                      self.format(v, context, maxlevels, level)) for k, v in pairs]
            parts = [f"{k[0]}: {v[0]}" for k, v in views]
            results = [r for pair in views for r in pair]
        else:
            results = [self.format(item, context, maxlevels, level) for item in object]
            parts = [r[0] for r in results]
        del context[marker]
        readable = all(r[1] for r in results)
        recursive = any(r[2] for r in results)
        return shape % ", ".join(parts), readable, recursive


_Namespace = type(_sys.implementation)

PrettyPrinter._layouts = {
    dict.__repr__: PrettyPrinter._layout_dict,
    list.__repr__: PrettyPrinter._layout_list,
    tuple.__repr__: PrettyPrinter._layout_tuple,
    set.__repr__: PrettyPrinter._layout_set,
    frozenset.__repr__: PrettyPrinter._layout_set,
    str.__repr__: PrettyPrinter._layout_str,
    bytes.__repr__: PrettyPrinter._layout_bytes,
    bytearray.__repr__: PrettyPrinter._layout_bytearray,
    type(type.__dict__).__repr__: PrettyPrinter._layout_mappingproxy,
    _Namespace.__repr__: PrettyPrinter._layout_namespace,
}
