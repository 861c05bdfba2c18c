#!/usr/bin/env python3
"""List the lines of a bundled module that also appear, word for word, in CPython's
module of the same name: a check that the bundled library is written in glasspy's
own words (docs/architecture.md). Lines are compared stripped of indentation; only
non-trivial ones count (at least MIN_LEN characters, not a bare import).

    python3 scripts/copied_lines.py typing            # the lines, then their count
    python3 scripts/copied_lines.py --count typing enum

Lines that carry an error message python3 prints (a `raise`, a string literal
continuing one) must match CPython's text; the count shows them apart.
"""
import importlib
import os
import sys

ROOT = os.path.dirname(os.path.dirname(os.path.realpath(__file__)))
LIB = os.path.join(ROOT, "src", "builtins", "lib")
MIN_LEN = 40


def stripped_lines(path):
    with open(path, encoding="utf-8") as f:
        return [line.strip() for line in f]


def ours(name):
    """The bundled files of module `name` (a package: all its files)."""
    base = os.path.join(LIB, *name.split("."))
    if os.path.isdir(base):
        return [os.path.join(base, f) for f in sorted(os.listdir(base)) if f.endswith(".py")]
    # A private helper module carries the name as a prefix: typing -> _typing_*.py.
    helpers = [os.path.join(LIB, f) for f in sorted(os.listdir(LIB))
               if f.startswith(f"_{name}_") and f.endswith(".py")]
    return [base + ".py"] + helpers


def theirs(name):
    mod = importlib.import_module(name)
    path = getattr(mod, "__file__", None)
    if path is None:  # built into CPython: no Python source to compare with
        return []
    if path.endswith("__init__.py"):
        folder = os.path.dirname(path)
        return [os.path.join(folder, f) for f in os.listdir(folder) if f.endswith(".py")]
    return [path]


def is_message(line):
    """A line that raises, or continues a message string: its text is python3's."""
    return line.startswith(("raise ", '"', "'", 'f"', "f'")) or "Error(" in line


def copied(name):
    cpython = set()
    for path in theirs(name):
        cpython.update(stripped_lines(path))
    found = []
    for path in ours(name):
        if not os.path.exists(path):
            continue
        for n, line in enumerate(stripped_lines(path), 1):
            if len(line) >= MIN_LEN and line in cpython and not line.startswith(("import ", "from ")):
                found.append((os.path.relpath(path, ROOT), n, line))
    return found


def main():
    args = sys.argv[1:]
    count_only = "--count" in args
    names = [a for a in args if a != "--count"]
    if not names:
        sys.exit(__doc__)
    for name in names:
        found = copied(name)
        if not count_only:
            for path, n, line in found:
                print(f"{path}:{n}: {line}")
        messages = sum(1 for _, _, line in found if is_message(line))
        print(f"{name}: {len(found)} identical lines of {MIN_LEN}+ characters "
              f"({messages} of them error messages, {len(found) - messages} other)")


if __name__ == "__main__":
    main()
