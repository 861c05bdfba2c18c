"""JSON decoding: JSONDecoder and JSONDecodeError. The scanning is done by the
built-in module `_json` (src/builtins/json). Written for glasspy from the
documentation of the `json` module."""

import _json

__all__ = ["JSONDecoder", "JSONDecodeError"]

NaN = float("nan")
PosInf = float("inf")
NegInf = float("-inf")
WHITESPACE_STR = " \t\n\r"


class JSONDecodeError(ValueError):
    """A document that is not valid JSON.

    msg: the message without its position; doc: the document being parsed;
    pos: the index in doc where parsing failed; lineno, colno: that index as a
    line and a column (both from 1).
    """

    def __init__(self, msg, doc, pos):
        lineno = doc.count("\n", 0, pos) + 1
        colno = pos - doc.rfind("\n", 0, pos)
        ValueError.__init__(
            self, "%s: line %d column %d (char %d)" % (msg, lineno, colno, pos))
        self.msg = msg
        self.doc = doc
        self.pos = pos
        self.lineno = lineno
        self.colno = colno

    def __reduce__(self):
        return self.__class__, (self.msg, self.doc, self.pos)


def scanstring(s, end, strict=True):
    """The JSON string of s whose opening quote is at end - 1: its value and the
    index after its closing quote."""
    return _json.scanstring(s, end, strict, JSONDecodeError)


py_scanstring = scanstring


_WHITESPACE = WHITESPACE_STR


def _skip(s, i):
    n = len(s)
    while i < n and s[i] in _WHITESPACE:
        i += 1
    return i


class JSONDecoder(object):
    """Decodes JSON text into Python objects: objects become dicts, arrays lists,
    strings str, numbers int or float, true / false / null True / False / None,
    and NaN, Infinity and -Infinity floats.

    object_hook is called with each decoded dict and its result used instead;
    object_pairs_hook (which wins over object_hook) with each object's list of
    (key, value) pairs. parse_float, parse_int and parse_constant are called with
    the text of each float, int and constant. With strict false, control
    characters are allowed inside strings.
    """

    def __init__(self, *, object_hook=None, parse_float=None, parse_int=None,
                 parse_constant=None, strict=True, object_pairs_hook=None):
        self.object_hook = object_hook
        self.parse_float = parse_float or float
        self.parse_int = parse_int or int
        self.parse_constant = parse_constant
        self.strict = strict
        self.object_pairs_hook = object_pairs_hook

    def scan_once(self, s, idx):
        pf = self.parse_float
        pi = self.parse_int
        return _json.scan(
            s, idx, self.strict, self.object_hook, self.object_pairs_hook,
            None if pf is float else pf, None if pi is int else pi,
            self.parse_constant, JSONDecodeError)

    def decode(self, s, _w=None):
        """The Python value of the JSON document s (a str)."""
        obj, end = self.raw_decode(s, idx=_skip(s, 0))
        end = _skip(s, end)
        if end != len(s):
            raise JSONDecodeError("Extra data", s, end)
        return obj

    def raw_decode(self, s, idx=0):
        """Decode the JSON value that starts at s[idx]: the value and the index
        where it ends (text may follow it)."""
        return self.scan_once(s, idx)
