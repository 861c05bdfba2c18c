#!/usr/bin/env python3
"""Regenerate the expected outputs of tests/methods with python3 (CPython 3.11):
<name>.expected is the stdout of `python3 <name>.py`; errors.expected holds, for each
program line of errors.txt, the last line of stderr of `python3 -c <line>`."""
import os
import os
import subprocess

# A fixed str hash seed: set-of-str output is then reproducible (glasspy's tests set it too).
ENV = dict(os.environ, PYTHONHASHSEED="0")
import sys

here = os.path.dirname(os.path.abspath(__file__))
for name in sorted(os.listdir(here)):
    if name.endswith(".py") and name != "regen.py":
        out = subprocess.run([sys.executable, name], cwd=here, capture_output=True, text=True, env=ENV)
        if out.returncode != 0:
            sys.exit(f"{name} failed under python3:\n{out.stderr}")
        with open(os.path.join(here, name[:-3] + ".expected"), "w") as f:
            f.write(out.stdout)
lines = []
with open(os.path.join(here, "errors.txt")) as f:
    for prog in f.read().splitlines():
        out = subprocess.run([sys.executable, "-c", prog], capture_output=True, text=True, env=ENV)
        last = out.stderr.strip().splitlines()[-1] if out.stderr.strip() else "(no error)"
        lines.append(last)
with open(os.path.join(here, "errors.expected"), "w") as f:
    f.write("\n".join(lines) + "\n")
