#!/usr/bin/env python3
"""Regenerate the expected output of the tests/cases harness from python3.

For every tests/cases/*.py, tests/pending/*.py and examples/*.py, run python3 on it the way
tests/cases.rs runs glasspy (same directory, same relative path, PYTHONHASHSEED=0,
stdin from <name>.in or empty) and write next to it (the modules a case imports sit in
a folder beside it and are not cases themselves):
  <name>.out   stdout (always)
  <name>.err   stderr (only when non-empty)
  <name>.code  exit status (only when non-zero)
The absolute directory of the script is replaced by `<dir>` in both streams, as the
runner does, so tracebacks do not depend on where the repository lives.

Run from anywhere:  python3 scripts/regen_cases.py [NAME_SUBSTRING ...]
Needs CPython 3.11 (the reference); CI never runs this.
"""
import os
import subprocess
import sys

ROOT = os.path.dirname(os.path.dirname(os.path.realpath(__file__)))
# tests/pending holds cases written ahead of the glasspy work that will make them pass
# (same conventions; tests/cases.rs does not run them). A case moves to tests/cases
# once glasspy passes it.
DIRS = [os.path.join(ROOT, "tests", "cases"), os.path.join(ROOT, "tests", "pending"),
        os.path.join(ROOT, "examples")]
# -S: no site module (no sitecustomize, no user site, no exit/quit builtins).
# -B: no __pycache__ folders next to the modules a case imports (its support files
# live in a folder beside it, e.g. tests/cases/imports_pkgs/).
# Not -I or -E: those ignore PYTHONHASHSEED, and str hashes must be fixed.
PYTHON = [sys.executable, "-S", "-B"]
TIMEOUT = 120


def env():
    e = {k: v for k, v in os.environ.items() if not k.startswith("PYTHON")}
    e["PYTHONHASHSEED"] = "0"
    e["PYTHONIOENCODING"] = "utf-8"
    return e


def write_or_remove(path, data):
    if data:
        with open(path, "wb") as f:
            f.write(data)
    elif os.path.exists(path):
        os.remove(path)


def regen(directory, name):
    base = os.path.join(directory, name[:-3])
    stdin = b""
    if os.path.exists(base + ".in"):
        with open(base + ".in", "rb") as f:
            stdin = f.read()
    p = subprocess.run(PYTHON + [name], cwd=directory, input=stdin,
                       capture_output=True, env=env(), timeout=TIMEOUT)
    placeholder = directory.encode()
    out = p.stdout.replace(placeholder, b"<dir>")
    err = p.stderr.replace(placeholder, b"<dir>")
    with open(base + ".out", "wb") as f:
        f.write(out)
    write_or_remove(base + ".err", err)
    write_or_remove(base + ".code", b"%d\n" % p.returncode if p.returncode else b"")
    return p.returncode


def main():
    if sys.version_info[:2] != (3, 11):
        sys.exit("the expected output comes from CPython 3.11; this is %s" % sys.version)
    filters = sys.argv[1:]
    count = 0
    for directory in DIRS:
        if not os.path.isdir(directory):
            continue
        for name in sorted(os.listdir(directory)):
            if not name.endswith(".py"):
                continue
            if filters and not any(f in name for f in filters):
                continue
            status = regen(directory, name)
            count += 1
            note = " (exit %d)" % status if status else ""
            print("%s/%s%s" % (os.path.relpath(directory, ROOT), name, note))
    print("regenerated %d cases" % count)


if __name__ == "__main__":
    main()
