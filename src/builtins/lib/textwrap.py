"""Wrapping and filling text: wrap, fill, shorten, dedent, indent and TextWrapper,
with the API and output of CPython 3.11's `textwrap`. Written for glasspy from the
module's documentation."""

import re

__all__ = ["TextWrapper", "wrap", "fill", "dedent", "indent", "shorten"]

# The characters textwrap treats as whitespace (ASCII only, as CPython's does).
_SPACE = "\t\n\x0b\x0c\r "


class TextWrapper:
    """Wraps text to lines of at most `width` characters. The options are
    attributes and can be changed between calls:

    width, initial_indent (before the first line), subsequent_indent (before the
    others), expand_tabs and tabsize, replace_whitespace (each whitespace
    character becomes a space), fix_sentence_endings (two spaces after a
    sentence), break_long_words, drop_whitespace (spaces at the start and end of
    lines), break_on_hyphens, max_lines and placeholder (what marks text that was
    cut off).
    """

    # Chunks: runs of whitespace, em-dashes between words, and words, which end at
    # whitespace, before an em-dash, or just after the hyphen of a compound word
    # (two letters, or letter-hyphen-letter, before it; two letters, maybe with a
    # hyphen between them, after it).
    wordsep_re = re.compile(r"""
        [\t\n\x0b\x0c\r ]+
      | (?<=[\w!"'&.,?])-{2,}(?=\w)
      | [^\t\n\x0b\x0c\r ]+?
        (?: (?=[\t\n\x0b\x0c\r ]|\Z)
          | (?<=[\w!"'&.,?])(?=-{2,}\w)
          | -(?:(?<=[^\W\d]{2}-)|(?<=[^\W\d]-[^\W\d]-))(?=[^\W\d]-?[^\W\d])
        )
        """, re.VERBOSE)

    # Without break_on_hyphens: whitespace runs and the words between them.
    wordsep_simple_re = re.compile(r"[\t\n\x0b\x0c\r ]+|[^\t\n\x0b\x0c\r ]+")

    # A chunk that ends a sentence: a lowercase letter, then . ! or ?, maybe a quote.
    sentence_end_re = re.compile(r"[a-z][.!?][\"']?\Z")

    def __init__(self, width=70, initial_indent="", subsequent_indent="",
                 expand_tabs=True, replace_whitespace=True,
                 fix_sentence_endings=False, break_long_words=True,
                 drop_whitespace=True, break_on_hyphens=True, tabsize=8, *,
                 max_lines=None, placeholder=" [...]"):
        self.width = width
        self.initial_indent = initial_indent
        self.subsequent_indent = subsequent_indent
        self.expand_tabs = expand_tabs
        self.replace_whitespace = replace_whitespace
        self.fix_sentence_endings = fix_sentence_endings
        self.break_long_words = break_long_words
        self.drop_whitespace = drop_whitespace
        self.break_on_hyphens = break_on_hyphens
        self.tabsize = tabsize
        self.max_lines = max_lines
        self.placeholder = placeholder

    # ----- the text as chunks

    def _munge_whitespace(self, text):
        if self.expand_tabs:
            text = text.expandtabs(self.tabsize)
        if self.replace_whitespace:
            for c in "\t\n\x0b\x0c\r":
                if c in text:
                    text = text.replace(c, " ")
        return text

    def _split(self, text):
        if self.break_on_hyphens:
            return self.wordsep_re.findall(text)
        return self.wordsep_simple_re.findall(text)

    def _fix_sentence_endings(self, chunks):
        i = 0
        end = self.sentence_end_re.search
        while i < len(chunks) - 1:
            if chunks[i + 1] == " " and end(chunks[i]):
                chunks[i + 1] = "  "
                i += 2
            else:
                i += 1

    def _split_chunks(self, text):
        return self._split(self._munge_whitespace(text))

    # ----- chunks to lines

    def _handle_long_word(self, reversed_chunks, cur_line, cur_len, width):
        """Put (part of) a chunk longer than a line on the current line."""
        room = width - cur_len if width >= 1 else 1
        if self.break_long_words:
            word = reversed_chunks[-1]
            cut = room
            if self.break_on_hyphens and len(word) > room:
                h = word.rfind("-", 0, room)
                if h > 0 and word[:h].strip("-"):
                    cut = h + 1
            cur_line.append(word[:cut])
            reversed_chunks[-1] = word[cut:]
        elif not cur_line:
            cur_line.append(reversed_chunks.pop())

    def _wrap_chunks(self, chunks):
        if self.width <= 0:
            raise ValueError("invalid width %r (must be > 0)" % self.width)
        if self.max_lines is not None:
            first = self.subsequent_indent if self.max_lines > 1 else self.initial_indent
            if len(first) + len(self.placeholder.lstrip()) > self.width:
                raise ValueError("placeholder too large for max width")
        lines = []
        todo = chunks[::-1]
        drop = self.drop_whitespace
        while todo:
            prefix = self.subsequent_indent if lines else self.initial_indent
            room = self.width - len(prefix)
            if drop and lines and not todo[-1].strip():
                todo.pop()
            line = []
            used = 0
            while todo and used + len(todo[-1]) <= room:
                used += len(todo[-1])
                line.append(todo.pop())
            if todo and len(todo[-1]) > room:
                self._handle_long_word(todo, line, used, room)
                used = sum(len(c) for c in line)
            if drop and line and not line[-1].strip():
                used -= len(line[-1])
                line.pop()
            if not line:
                continue
            rest_is_blank = not todo or (drop and len(todo) == 1 and not todo[0].strip())
            if (self.max_lines is None or len(lines) + 1 < self.max_lines
                    or rest_is_blank and used <= room):
                lines.append(prefix + "".join(line))
                continue
            # The last line allowed: end it with the placeholder.
            while line:
                if line[-1].strip() and used + len(self.placeholder) <= room:
                    lines.append(prefix + "".join(line) + self.placeholder)
                    return lines
                used -= len(line[-1])
                line.pop()
            if lines:
                last = lines[-1].rstrip()
                if len(last) + len(self.placeholder) <= self.width:
                    lines[-1] = last + self.placeholder
                    return lines
            lines.append(prefix + self.placeholder.lstrip())
            return lines
        return lines

    # ----- the public methods

    def wrap(self, text):
        """text as a list of lines of at most width characters (no newlines)."""
        chunks = self._split_chunks(text)
        if self.fix_sentence_endings:
            self._fix_sentence_endings(chunks)
        return self._wrap_chunks(chunks)

    def fill(self, text):
        """text wrapped, as one str with a newline between lines."""
        return "\n".join(self.wrap(text))


def wrap(text, width=70, **kwargs):
    """text wrapped to lines of at most width characters: a list of lines
    without newlines. kwargs are TextWrapper's options."""
    return TextWrapper(width=width, **kwargs).wrap(text)


def fill(text, width=70, **kwargs):
    """text wrapped to lines of at most width characters, as one str."""
    return TextWrapper(width=width, **kwargs).fill(text)


def shorten(text, width, **kwargs):
    """text with its whitespace collapsed, cut at a word boundary to fit in width
    characters, the placeholder marking the cut."""
    w = TextWrapper(width=width, max_lines=1, **kwargs)
    return w.fill(" ".join(text.strip().split()))


def dedent(text):
    """text without the whitespace (spaces and tabs) that starts all of its
    non-blank lines; lines holding only spaces and tabs become empty."""
    if not isinstance(text, str):
        raise TypeError("expected string or bytes-like object, got '%s'"
                        % type(text).__name__)
    lines = text.split("\n")
    margin = None
    for line in lines:
        body = line.lstrip(" \t")
        if not body:
            continue
        lead = line[:len(line) - len(body)]
        if margin is None:
            margin = lead
        elif not lead.startswith(margin):
            n = 0
            for a, b in zip(margin, lead):
                if a != b:
                    break
                n += 1
            margin = margin[:n]
    cut = len(margin) if margin else 0
    out = []
    for line in lines:
        if not line.strip(" \t"):
            out.append("")
        else:
            out.append(line[cut:])
    return "\n".join(out)


def indent(text, prefix, predicate=None):
    """text with prefix added before each line for which predicate(line) is true
    (by default, the lines that are not only whitespace)."""
    out = []
    for line in text.splitlines(True):
        if (predicate(line) if predicate is not None else line.strip()):
            out.append(prefix + line)
        else:
            out.append(line)
    return "".join(out)
