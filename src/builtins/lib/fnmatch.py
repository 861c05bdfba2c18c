"""Shell-style wildcards for file names (glasspy's fnmatch).

'*' matches anything, '?' one character, '[seq]' one character of seq and '[!seq]'
one character not in it. On POSIX names are compared as they are (normcase is the
identity), so fnmatch and fnmatchcase agree.
"""

import re

__all__ = ["filter", "fnmatch", "fnmatchcase", "translate"]

_compiled = {}


def translate(pat):
    """The regular expression (a str) that matches what the pattern `pat` matches."""
    out = []
    i, n = 0, len(pat)
    while i < n:
        c = pat[i]
        i += 1
        if c == '*':
            # A run of stars is one star.
            if not out or out[-1] != '.*':
                out.append('.*')
        elif c == '?':
            out.append('.')
        elif c == '[':
            j = i
            if j < n and pat[j] == '!':
                j += 1
            if j < n and pat[j] == ']':
                j += 1
            while j < n and pat[j] != ']':
                j += 1
            if j >= n:
                out.append('\\[')
                continue
            body = pat[i:j]
            i = j + 1
            negate = body.startswith('!')
            if negate:
                body = body[1:]
            body = body.replace('\\', '\\\\')
            if not body:
                out.append('.' if negate else '(?!)')
                continue
            if body[0] in '^[':
                body = '\\' + body
            out.append('[' + ('^' if negate else '') + body + ']')
        else:
            out.append(re.escape(c))
    return '(?s:' + ''.join(out) + ')\\Z'


def _matcher(pat):
    m = _compiled.get(pat)
    if m is None:
        if len(_compiled) >= 32768:
            _compiled.clear()
        m = _compiled[pat] = re.compile(translate(pat)).match
    return m


def fnmatchcase(name, pat):
    """Does `name` match the pattern `pat` (case-sensitively)?"""
    return _matcher(pat)(name) is not None


def fnmatch(name, pat):
    """Does `name` match the pattern `pat`? (POSIX: case-sensitive.)"""
    return fnmatchcase(name, pat)


def filter(names, pat):
    """The names of `names` that match `pat`."""
    match = _matcher(pat)
    return [name for name in names if match(name) is not None]
