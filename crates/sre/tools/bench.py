#!/usr/bin/env python3
"""CPython's timings for the cases of examples/bench.rs (same text, same
patterns).  Run:  python3 tools/bench.py"""
import re
import time

WORDS = ["lorem", "ipsum", "dolor", "sit", "amet", "Consectetur", "adipiscing", "elit", "sed", "do",
         "eiusmod", "tempor", "incididunt", "ut", "labore", "et", "dolore", "magna", "aliqua", "caf\u00e9"]


def text():
    out = []
    x = 12345
    n = 0
    while n < 300_000:
        x = (x * 1103515245 + 12345) % 2**31
        w = WORDS[x % len(WORDS)]
        if x % 7 == 0:
            w = "2024-%02d-%02d" % (x % 12 + 1, x % 28 + 1)
        elif x % 11 == 0:
            w = w + ","
        out.append(w)
        n += len(w) + 1
    return " ".join(out) + " quux7"


CASES = [
    ("findall", r"\w+", 0),
    ("findall", r"\d{4}-\d{2}-\d{2}", 0),
    ("search", r"(?:foo|bar|quux)\d", 0),
    ("search", r"(?i)QUUX\d", 0),
    ("findall", r"[A-Z][a-z]+", 0),
    ("findall", r"(\w+) (\w+),", 0),
    ("search", r"(a|b|c)*z", 0),
    ("sub", r"\s+", 0),
    ("findall", r"(?m)^\w+|\w+$", 0),
    ("findall", r"\b\w+or\b", 0),
    ("findall", r"(?i)lorem|dolor(e)?", 0),
    ("findall", r"\s*,\s*", 0),
    ("findall", r"[^ ]+a[^ ]*", 0),
]


def main():
    t = text()
    print("text length:", len(t))
    for kind, p, fl in CASES:
        r = re.compile(p, fl)
        best = None
        for _ in range(5):
            t0 = time.perf_counter()
            if kind == "findall":
                res = len(r.findall(t))
            elif kind == "search":
                m = r.search(t)
                res = m.span() if m else None
            else:
                res = len(r.sub(" ", t))
            dt = time.perf_counter() - t0
            best = dt if best is None else min(best, dt)
        print("%-8s %-24s %8.2f ms  %s" % (kind, p, best * 1000, res))


main()
