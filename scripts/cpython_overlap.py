#!/usr/bin/env python3
"""How many lines of each bundled module (src/builtins/lib) are identical to a line of
python3's own module of that name: a provenance check, run when a module is written
or reviewed.

A line counts when, stripped of its indentation, it is at least MIN_CHARS long and
occurs in python3's file. Some such lines are forced and fine: a public signature, an
error message python3 prints, a constant, an import of a native module. A run of
identical statements is not: it means the code follows CPython's text, and it should
be rewritten in glasspy's own structure and words (docs/architecture.md, the
library's provenance).

    python3 scripts/cpython_overlap.py            # a table, highest count first
    python3 scripts/cpython_overlap.py enum -v    # the identical lines of matching modules
"""
import importlib
import os
import sys

MIN_CHARS = 40
ROOT = os.path.dirname(os.path.dirname(os.path.realpath(__file__)))
LIB = os.path.join(ROOT, "src", "builtins", "lib")


def bundled_modules():
    for folder, _, files in os.walk(LIB):
        for name in sorted(files):
            if not name.endswith(".py"):
                continue
            path = os.path.join(folder, name)
            parts = os.path.relpath(path, LIB)[:-3].split(os.sep)
            if parts[-1] == "__init__":
                parts.pop()
            yield ".".join(parts), path


def their_lines(module):
    try:
        source = importlib.import_module(module).__file__
    except Exception:
        return None
    if not source or not source.endswith(".py"):
        return None
    with open(source, encoding="utf-8") as f:
        return {line.strip() for line in f}


def overlap(path, theirs):
    with open(path, encoding="utf-8") as f:
        return [(n, line.strip()) for n, line in enumerate(f, 1)
                if len(line.strip()) >= MIN_CHARS and line.strip() in theirs]


def main():
    args = [a for a in sys.argv[1:] if a != "-v"]
    verbose = "-v" in sys.argv[1:]
    rows = []
    for module, path in bundled_modules():
        if args and not any(a in module for a in args):
            continue
        theirs = their_lines(module)
        if theirs is None:
            continue
        rows.append((overlap(path, theirs), module))
    rows.sort(key=lambda r: (-len(r[0]), r[1]))
    for hits, module in rows:
        print(f"{len(hits):4d}  {module}")
        if verbose:
            for n, text in hits:
                print(f"        {n}: {text}")


if __name__ == "__main__":
    main()
