#!/usr/bin/env python3
"""For each module glasspy bundles (src/builtins/lib) and for sys, list the public
names python3's module has and glasspy's lacks.

Each interpreter runs a small probe printing the module's own public names (those of
dir(module) not starting with '_', leaving out other modules and the classes and
functions it imports from elsewhere); the script prints, per module, the names only
python3 has. docs/differences.md carries the result.

Run from anywhere after `cargo build --release`:
    python3 scripts/missing_names.py              # one line per module
    python3 scripts/missing_names.py --markdown   # the list for docs/differences.md
GLASSPY=/path/to/glasspy overrides the binary.
"""
import json
import os
import subprocess
import sys

ROOT = os.path.dirname(os.path.dirname(os.path.realpath(__file__)))
LIB = os.path.join(ROOT, "src", "builtins", "lib")
GLASSPY = os.environ.get("GLASSPY", os.path.join(ROOT, "target", "release", "glasspy"))

# A module's own public names: dir() without '_' names, other modules, and classes or
# functions another module defines (the helpers CPython's module imports, such as
# contextlib's `deque` or functools' `namedtuple`); a C accelerator's `_name` module
# counts as the module itself (operator.add's __module__ is '_operator').
PROBE = """
import sys
names = {}
modtype = type(sys)
for m in sys.argv[1:]:
    try:
        mod = __import__(m, fromlist=["_"])
    except Exception as e:
        names[m] = None
        continue
    own = []
    for n in dir(mod):
        if n.startswith("_"):
            continue
        v = getattr(mod, n)
        if isinstance(v, modtype):
            continue
        home = getattr(v, "__module__", None)
        if (isinstance(v, type) or callable(v)) and isinstance(home, str) \\
                and home not in (m, "_" + m, "builtins"):
            continue
        own.append(n)
    names[m] = sorted(own)
print(repr(names))
"""


def bundled_modules():
    """The bundled modules' names (packages' submodules too), private ones left out."""
    names = []
    for dirpath, _, files in os.walk(LIB):
        rel = os.path.relpath(dirpath, LIB)
        package = [] if rel == "." else rel.split(os.sep)
        for f in files:
            if not f.endswith(".py"):
                continue
            parts = package + ([] if f == "__init__.py" else [f[:-3]])
            if parts and not any(p.startswith("_") and p != "__future__" for p in parts):
                names.append(".".join(parts))
    return sorted(names) + ["sys"]


def probe(argv, modules):
    out = subprocess.run(argv + ["-c", PROBE] + modules, capture_output=True, text=True,
                         cwd="/")
    if out.returncode != 0:
        sys.exit("probe failed under %s:\n%s" % (argv[0], out.stderr))
    # Both print a dict repr of str keys and lists of str (or None): literal_eval-able.
    import ast
    return ast.literal_eval(out.stdout.strip())


def main():
    if not os.path.exists(GLASSPY):
        sys.exit("build first: cargo build --release")
    modules = bundled_modules()
    theirs = probe([sys.executable, "-S"], modules)
    ours = probe([GLASSPY], modules)
    markdown = "--markdown" in sys.argv[1:]
    for m in modules:
        if theirs.get(m) is None:
            continue
        if ours.get(m) is None:
            line = "does not import"
        else:
            missing = sorted(set(theirs[m]) - set(ours[m]))
            line = ", ".join("`%s`" % n if markdown else n for n in missing) or "-"
        print(("- `%s`: %s" if markdown else "%s: %s") % (m, line))


if __name__ == "__main__":
    main()
