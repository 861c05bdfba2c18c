"""JSON encoding: JSONEncoder. The encoding itself is done by the built-in module
`_json` (src/builtins/json). Written for glasspy from the documentation of the
`json` module."""

import _json

__all__ = ["JSONEncoder"]

encode_basestring = _json.encode_basestring
encode_basestring_ascii = _json.encode_basestring_ascii
py_encode_basestring = encode_basestring
py_encode_basestring_ascii = encode_basestring_ascii
INFINITY = float("inf")


class JSONEncoder(object):
    """Encodes Python values as JSON: dict as objects, list and tuple as arrays,
    str as strings, int and float as numbers, True / False / None as true /
    false / null. Subclasses override default() to encode other types.

    skipkeys: leave out dict keys that are not str, int, float, bool or None
    (else TypeError). ensure_ascii: escape every non-ASCII character.
    check_circular: detect containers that contain themselves (ValueError).
    allow_nan: write NaN and infinities (else ValueError). sort_keys: dicts in
    key order. indent: a number of spaces or a string per level (None: one line).
    separators: (item_separator, key_separator). default: called with each
    object that cannot be encoded; returns something that can be, or raises.
    """

    item_separator = ", "
    key_separator = ": "

    def __init__(self, *, skipkeys=False, ensure_ascii=True, check_circular=True,
                 allow_nan=True, sort_keys=False, indent=None, separators=None,
                 default=None):
        self.skipkeys = skipkeys
        self.ensure_ascii = ensure_ascii
        self.check_circular = check_circular
        self.allow_nan = allow_nan
        self.sort_keys = sort_keys
        self.indent = indent
        if separators is not None:
            self.item_separator, self.key_separator = separators
        elif indent is not None:
            self.item_separator = ","
        if default is not None:
            self.default = default

    def default(self, o):
        """Called with an object the encoder does not know: return a value it
        can encode, or raise TypeError (what this one does)."""
        raise TypeError("Object of type %s is not JSON serializable"
                        % o.__class__.__name__)

    def encode(self, o):
        """The JSON text of o, as a str."""
        if isinstance(o, str):
            if self.ensure_ascii:
                return encode_basestring_ascii(o)
            return encode_basestring(o)
        return self._encode(o)

    def _encode(self, o):
        indent = self.indent
        if indent is not None and not isinstance(indent, str):
            indent = " " * indent
        return _json.encode(
            o, self.default, indent, self.key_separator, self.item_separator,
            self.sort_keys, self.skipkeys, self.allow_nan, self.ensure_ascii,
            self.check_circular)

    def iterencode(self, o, _one_shot=False):
        """The JSON text of o in pieces (here one piece)."""
        return iter([self._encode(o)])
