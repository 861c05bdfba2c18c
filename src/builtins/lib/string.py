"""Common string constants, capwords, Template strings ($-substitution) and
Formatter (str.format's machinery, to customise), with the API of CPython 3.11's
`string` module. Written for glasspy from the module's documentation."""

__all__ = [
    "ascii_letters", "ascii_lowercase", "ascii_uppercase", "capwords", "digits",
    "hexdigits", "octdigits", "printable", "punctuation", "whitespace", "Formatter",
    "Template",
]

import re as _re

whitespace = " \t\n\r\x0b\x0c"
ascii_lowercase = "abcdefghijklmnopqrstuvwxyz"
ascii_uppercase = "ABCDEFGHIJKLMNOPQRSTUVWXYZ"
ascii_letters = ascii_lowercase + ascii_uppercase
digits = "0123456789"
hexdigits = digits + "abcdef" + "ABCDEF"
octdigits = "01234567"
punctuation = r"""!"#$%&'()*+,-./:;<=>?@[\]^_`{|}~"""
printable = digits + ascii_letters + punctuation + whitespace


def capwords(s, sep=None):
    """s split into words (at sep, or at runs of whitespace), each word
    capitalized, joined again with sep (or one space)."""
    return (sep or " ").join([w.capitalize() for w in s.split(sep)])


# ----- Template ------------------------------------------------------------------------

_missing = object()


class _Merged:
    """The keyword arguments first, then the mapping."""

    def __init__(self, kws, mapping):
        self.kws = kws
        self.mapping = mapping

    def __getitem__(self, key):
        if key in self.kws:
            return self.kws[key]
        return self.mapping[key]


def _make_pattern(cls):
    delim = _re.escape(cls.delimiter)
    ident = cls.idpattern
    braced = cls.braceidpattern or cls.idpattern
    text = (r"%s(?:(?P<escaped>%s)|(?P<named>%s)|{(?P<braced>%s)}|(?P<invalid>))"
            % (delim, delim, ident, braced))
    return _re.compile(text, cls.flags | _re.VERBOSE)


class Template:
    """A string with $-placeholders: `$name` or `${name}` is replaced by a
    value, `$$` is a dollar sign. Subclasses may change `delimiter`, `idpattern`,
    `braceidpattern` and `flags`, or give a whole `pattern` (a regex with the
    groups escaped, named, braced and invalid)."""

    delimiter = "$"
    idpattern = r"(?a:[_a-z][_a-z0-9]*)"
    braceidpattern = None
    flags = _re.IGNORECASE

    def __init_subclass__(cls):
        super().__init_subclass__()
        if "pattern" not in cls.__dict__:
            cls.pattern = _make_pattern(cls)
        elif isinstance(cls.pattern, str):
            cls.pattern = _re.compile(cls.pattern, cls.flags | _re.VERBOSE)

    def __init__(self, template):
        self.template = template

    def _invalid(self, mo):
        # Where the stray delimiter is: line and column counted as python3 counts
        # them (str.splitlines of the text before it, the column 1-based).
        at = mo.start("invalid")
        pieces = self.template[:at].splitlines(True)
        if pieces:
            line, col = len(pieces), at - sum(map(len, pieces[:-1]))
        else:
            line = col = 1
        raise ValueError(f"Invalid placeholder in string: line {line}, col {col}")

    def _uses(self):
        # (placeholder name or None, match) for each use of the delimiter.
        for mo in self.pattern.finditer(self.template):
            name = mo.group("named") or mo.group("braced")
            if name is None and mo.group("escaped") is None \
                    and mo.group("invalid") is None:
                raise ValueError("Unrecognized named group in pattern", self.pattern)
            yield name, mo

    def _mapping(self, mapping, kws):
        if mapping is _missing:
            return kws
        if kws:
            return _Merged(kws, mapping)
        return mapping

    def substitute(self, mapping=_missing, /, **kws):
        """The template with each placeholder replaced by its value from mapping
        and the keyword arguments (KeyError for a missing one, ValueError for a
        delimiter that starts no placeholder)."""
        mapping = self._mapping(mapping, kws)

        def replace(mo):
            name = mo.group("named") or mo.group("braced")
            if name is not None:
                return str(mapping[name])
            if mo.group("escaped") is not None:
                return self.delimiter
            if mo.group("invalid") is not None:
                self._invalid(mo)
            raise ValueError("Unrecognized named group in pattern", self.pattern)
        return self.pattern.sub(replace, self.template)

    def safe_substitute(self, mapping=_missing, /, **kws):
        """Like substitute(), but a placeholder without a value, or a stray
        delimiter, is left as it is."""
        mapping = self._mapping(mapping, kws)

        def replace(mo):
            name = mo.group("named") or mo.group("braced")
            if name is not None:
                try:
                    return str(mapping[name])
                except KeyError:
                    return mo.group()
            if mo.group("escaped") is not None:
                return self.delimiter
            if mo.group("invalid") is not None:
                return mo.group()
            raise ValueError("Unrecognized named group in pattern", self.pattern)
        return self.pattern.sub(replace, self.template)

    def is_valid(self):
        """Whether every delimiter starts a placeholder or an escape."""
        return all(mo.group("invalid") is None for _, mo in self._uses())

    def get_identifiers(self):
        """The placeholders' names, each once, in order of appearance."""
        names = {}
        for name, _ in self._uses():
            if name is not None:
                names.setdefault(name)
        return list(names)


Template.pattern = _make_pattern(Template)


# ----- Formatter -------------------------------------------------------------------------

def _parse_format(s):
    """(literal_text, field_name, format_spec, conversion) for each part of a
    format string, as str.format reads it."""
    out = []
    n = len(s)
    i = 0
    lit = []
    while i < n:
        c = s[i]
        if c == "}":
            if i + 1 < n and s[i + 1] == "}":
                lit.append("}")
                out.append(("".join(lit), None, None, None))
                lit = []
                i += 2
                continue
            raise ValueError("Single '}' encountered in format string")
        if c != "{":
            lit.append(c)
            i += 1
            continue
        if i + 1 < n and s[i + 1] == "{":
            lit.append("{")
            out.append(("".join(lit), None, None, None))
            lit = []
            i += 2
            continue
        if i + 1 >= n:
            raise ValueError("Single '{' encountered in format string")
        # a field: up to the matching '}'. In its name (up to '!' or ':') a '[' hides
        # everything up to the next ']', and a '{' is an error.
        depth = 1
        j = i + 1
        in_name = True
        while j < n:
            ch = s[j]
            if in_name and ch == "[":
                close = s.find("]", j + 1)
                j = n if close < 0 else close + 1
                continue
            if in_name and ch in "!:":
                in_name = False
            elif ch == "{":
                if in_name:
                    raise ValueError("unexpected '{' in field name")
                depth += 1
            elif ch == "}":
                depth -= 1
                if depth == 0:
                    break
            j += 1
        if j >= n:
            raise ValueError("expected '}' before end of string")
        field = s[i + 1:j]
        # the name ends at '!' or ':' outside brackets
        k = 0
        bracket = False
        while k < len(field):
            ch = field[k]
            if ch == "[":
                bracket = True
            elif ch == "]":
                bracket = False
            elif not bracket and ch in "!:":
                break
            k += 1
        name = field[:k]
        conversion = None
        spec = ""
        rest = field[k:]
        if rest.startswith("!"):
            if len(rest) < 2:
                raise ValueError("end of string while looking for conversion specifier")
            conversion = rest[1]
            rest = rest[2:]
            if rest and not rest.startswith(":"):
                raise ValueError("expected ':' after conversion specifier")
        if rest.startswith(":"):
            spec = rest[1:]
        out.append(("".join(lit), name, spec, conversion))
        lit = []
        i = j + 1
    if lit:
        out.append(("".join(lit), None, None, None))
    return out


def _split_field_name(name):
    """The first part of a field name (an int if it is digits) and the rest as
    (is_attribute, key) pairs."""
    i = 0
    n = len(name)
    while i < n and name[i] not in ".[":
        i += 1
    first = name[:i]
    if first.isdigit():
        first = int(first)
    rest = []
    while i < n:
        if name[i] == ".":
            j = i + 1
            while j < n and name[j] not in ".[":
                j += 1
            attr = name[i + 1:j]
            if not attr:
                raise ValueError("Empty attribute in format string")
            rest.append((True, attr))
            i = j
        elif name[i] == "[":
            j = name.find("]", i)
            if j < 0:
                raise ValueError("Missing ']' in format string")
            key = name[i + 1:j]
            if not key:
                raise ValueError("Empty attribute in format string")
            rest.append((False, int(key) if key.isdigit() else key))
            i = j + 1
            if i < n and name[i] not in ".[":
                raise ValueError("Only '.' or '[' may follow ']' in format field specifier")
        else:
            raise ValueError("Only '.' or '[' may follow ']' in format field specifier")
    return first, rest


_MIXED_NUMBERING = ("cannot switch from manual field specification to automatic "
                    "field numbering")


class Formatter:
    """str.format's machinery as methods a subclass can override: parse,
    get_field, get_value, check_unused_args, format_field, convert_field."""

    def format(self, format_string, /, *args, **kwargs):
        return self.vformat(format_string, args, kwargs)

    def vformat(self, format_string, args, kwargs):
        used = set()
        text, _ = self._expand(format_string, args, kwargs, used, 2, 0)
        self.check_unused_args(used, args, kwargs)
        return text

    def _expand(self, template, args, kwargs, used, depth_left, auto):
        """Replace the fields of template; `auto` is the next automatic field number,
        or False once a field has been numbered by hand (the two cannot mix). A
        format spec may hold fields itself, expanded one level deeper (two levels
        at most, as str.format). Returns the text and the new `auto`."""
        if depth_left < 0:
            raise ValueError("Max string recursion exceeded")
        out = []
        for literal, name, spec, conversion in self.parse(template):
            out.append(literal)
            if name is None:
                continue
            if name == "":
                if auto is False:
                    raise ValueError(_MIXED_NUMBERING)
                name, auto = str(auto), auto + 1
            elif name.isdigit():
                if auto:
                    raise ValueError(_MIXED_NUMBERING)
                auto = False
            value, key = self.get_field(name, args, kwargs)
            used.add(key)
            value = self.convert_field(value, conversion)
            spec, auto = self._expand(spec, args, kwargs, used, depth_left - 1, auto)
            out.append(self.format_field(value, spec))
        return "".join(out), auto

    def get_value(self, key, args, kwargs):
        if isinstance(key, int):
            return args[key]
        return kwargs[key]

    def check_unused_args(self, used_args, args, kwargs):
        pass

    def format_field(self, value, format_spec):
        return format(value, format_spec)

    def convert_field(self, value, conversion):
        if conversion is None:
            return value
        if conversion == "s":
            return str(value)
        if conversion == "r":
            return repr(value)
        if conversion == "a":
            return ascii(value)
        raise ValueError("Unknown conversion specifier %s" % (conversion,))

    def parse(self, format_string):
        return _parse_format(format_string)

    def get_field(self, field_name, args, kwargs):
        head, path = _split_field_name(field_name)
        value = self.get_value(head, args, kwargs)
        for by_attribute, step in path:
            value = getattr(value, step) if by_attribute else value[step]
        return value, head
