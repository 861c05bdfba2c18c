#!/usr/bin/env python3
"""Regenerate the expected output of the built-in module tests with python3 (3.11).

Run from anywhere:  python3 tests/modules/regen.py
For every tests/modules/<name>.py it writes <name>.out and <name>.err (python3's stdout
and stderr, run from this folder as `python3 <name>.py A b`), and for cases.txt it
writes cases.expected: per expression, python3's exit status, stdout and last stderr
line when run as `python3 -c 'import sys, gc, math, time' + print(repr(EXPR))`.
tests/builtins_modules.rs runs glasspy the same way and compares.
"""
import os
import subprocess
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
ARGS = ["A", "b"]
PRELUDE = "import sys, gc, math, time\n"


def case_program(expr):
    return PRELUDE + "print(repr(" + expr + "))\n"


def escape(s):
    return s.replace("\\", "\\\\").replace("\n", "\\n")


def describe(status, out, err):
    lines = err.strip().splitlines()
    last = lines[-1] if lines else ""
    return "status=%d out=|%s| err=|%s|" % (status, escape(out), escape(last))


def main():
    assert sys.version_info[:2] == (3, 11), "expected output comes from CPython 3.11"
    env = dict(os.environ, PYTHONHASHSEED="0")
    for name in sorted(os.listdir(HERE)):
        if not name.endswith(".py") or name == "regen.py":
            continue
        r = subprocess.run(
            [sys.executable, name] + ARGS, cwd=HERE, capture_output=True, text=True, env=env
        )
        assert r.returncode == 0, (name, r.stderr)
        base = os.path.join(HERE, name[:-3])
        with open(base + ".out", "w") as f:
            f.write(r.stdout)
        with open(base + ".err", "w") as f:
            f.write(r.stderr)
    with open(os.path.join(HERE, "cases.txt")) as f:
        exprs = [l.rstrip("\n") for l in f if l.strip() and not l.startswith("#")]
    with open(os.path.join(HERE, "cases.expected"), "w") as f:
        for e in exprs:
            r = subprocess.run(
                [sys.executable, "-c", case_program(e)], capture_output=True, text=True, env=env
            )
            f.write(e + " => " + describe(r.returncode, r.stdout, r.stderr) + "\n")


if __name__ == "__main__":
    main()
