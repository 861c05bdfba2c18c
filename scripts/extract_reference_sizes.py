#!/usr/bin/env python3
"""Copy the CPython 3.11 getsizeof numbers glasspy's heap tests need out of
shared/reference/ into tests/data/, so CI does not need python3 or shared/.

Run from the repository root:  python3 scripts/extract_reference_sizes.py
Each output file names its source. Values are evaluated with python3 only to turn the
reference snippets into data (digits of ints, characters of strings); the sizes are
the reference's own numbers.
"""
import json, os, sys

REF = os.path.join(os.path.dirname(__file__), "..", "..", "shared", "reference")
OUT = os.path.join(os.path.dirname(__file__), "..", "tests", "data")


def rows():
    with open(os.path.join(REF, "sizes.tsv"), encoding="utf-8") as f:
        for line in f:
            if line.startswith("#") or not line.strip():
                continue
            parts = line.rstrip("\n").split("\t")
            if len(parts) < 4:
                continue
            group, size, code, expr = parts[:4]
            try:
                size = int(size)
            except ValueError:
                continue
            yield group, size, code, expr


def value(code, expr):
    ns = {}
    exec(code.replace(" ; ", "\n"), ns)
    return eval(expr, ns)


def digits30(v):
    m, ds = abs(v), []
    while True:
        ds.append(m & ((1 << 30) - 1))
        m >>= 30
        if m == 0:
            return ds


def main():
    header = "# from shared/reference/sizes.tsv (CPython 3.11.7 sys.getsizeof), via scripts/extract_reference_sizes.py\n"
    ints, strs, floats, tuples = [], [], [], []
    for group, size, code, expr in rows():
        if group in ("int", "int-digits"):
            v = value(code, expr)
            ints.append(f"{size} {'-' if v < 0 else '+'} {' '.join(map(str, digits30(v)))}  # {code}")
        elif group.startswith("str") and group != "str-after":
            v = value(code, expr)
            strs.append(f"{size} {' '.join(str(ord(c)) for c in v) or '-'}  # {code[:60]}")
        elif group == "float/complex" and isinstance(value(code, expr), float):
            floats.append(f"{size} {value(code, expr)!r}")
        elif group == "tuple":
            v = value(code, expr)
            if isinstance(v, tuple):
                tuples.append(f"{size} {len(v)}  # {code[:60]}")
    for name, data in (("sizes_int.txt", ints), ("sizes_str.txt", strs),
                       ("sizes_float.txt", floats), ("sizes_tuple.txt", tuples)):
        with open(os.path.join(OUT, name), "w", encoding="utf-8") as f:
            f.write(header + "\n".join(data) + "\n")
    # list capacity and set/dict step tables come from the text files
    with open(os.path.join(REF, "sizes.json"), encoding="utf-8") as f:
        series = json.load(f).get("series", {})
    with open(os.path.join(OUT, "sizes_series.txt"), "w", encoding="utf-8") as f:
        f.write("# from shared/reference/sizes.json 'series' (CPython 3.11.7), via scripts/extract_reference_sizes.py\n")
        for name, sizes in series.items():
            f.write(f"{name}\t{' '.join(map(str, sizes))}\n")
    # list capacities per way of building a list (list_growth.txt, OTHER CONSTRUCTORS)
    with open(os.path.join(REF, "list_growth.txt"), encoding="utf-8") as f:
        lines = f.read().splitlines()
    out = ["# from shared/reference/list_growth.txt (CPython 3.11.7), via scripts/extract_reference_sizes.py",
           "# constructor<TAB>n values<TAB>capacities"]
    for i, line in enumerate(lines):
        if line.strip().startswith("n:") and i + 1 < len(lines) and lines[i + 1].strip().startswith("capacity:"):
            name = lines[i - 1].strip()
            ns = line.split(":", 1)[1].split()
            caps = lines[i + 1].split(":", 1)[1].split()
            out.append(f"{name}\t{' '.join(ns)}\t{' '.join(caps)}")
    with open(os.path.join(OUT, "list_constructors.txt"), "w", encoding="utf-8") as f:
        f.write("\n".join(out) + "\n")


if __name__ == "__main__":
    sys.exit(main())
