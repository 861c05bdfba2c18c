#!/usr/bin/env python3
"""Which tests/pending cases glasspy already passes.

Runs the glasspy binary (target/release/glasspy, or the path in $GLASSPY) on every
tests/pending/*.py the way tests/cases.rs runs tests/cases (from the case's directory,
relative name, PYTHONHASHSEED=0, GLASSPY_CHECK_LEAKS=1, stdin from <name>.in or empty,
the directory written as <dir>) and compares stdout, stderr and exit status with the
expected files made by python3 (scripts/regen_cases.py). Prints PASS or FAIL (and what
differs) per case; a case that passes can move to tests/cases with its expected files.

Run from anywhere:  python3 scripts/pending_status.py [NAME_SUBSTRING ...]
"""
import os
import subprocess
import sys

ROOT = os.path.dirname(os.path.dirname(os.path.realpath(__file__)))
PENDING = os.path.join(ROOT, "tests", "pending")
TIMEOUT = 60


def read(path):
    try:
        with open(path, "rb") as f:
            return f.read()
    except FileNotFoundError:
        return b""


def check(binary, name):
    base = os.path.join(PENDING, name[:-3])
    env = dict(os.environ, PYTHONHASHSEED="0", GLASSPY_CHECK_LEAKS="1")
    try:
        p = subprocess.run([binary, name], cwd=PENDING, input=read(base + ".in"),
                           capture_output=True, env=env, timeout=TIMEOUT)
    except subprocess.TimeoutExpired:
        return ["timed out after %d s" % TIMEOUT]
    placeholder = PENDING.encode()
    problems = []
    if p.stdout.replace(placeholder, b"<dir>") != read(base + ".out"):
        problems.append("stdout")
    if p.stderr.replace(placeholder, b"<dir>") != read(base + ".err"):
        problems.append("stderr")
    want = int(read(base + ".code").strip() or b"0")
    if p.returncode != want:
        problems.append("exit %d, want %d" % (p.returncode, want))
    return problems


def main():
    binary = os.environ.get("GLASSPY") or os.path.join(ROOT, "target", "release", "glasspy")
    if not os.path.exists(binary):
        sys.exit("no glasspy binary at %s: run cargo build --release" % binary)
    filters = sys.argv[1:]
    passed = failed = 0
    for name in sorted(os.listdir(PENDING)):
        if not name.endswith(".py") or (filters and not any(f in name for f in filters)):
            continue
        problems = check(binary, name)
        if problems:
            failed += 1
            print("FAIL %s (%s)" % (name, ", ".join(problems)))
        else:
            passed += 1
            print("PASS %s" % name)
    print("%d passed, %d failed" % (passed, failed))


if __name__ == "__main__":
    main()
