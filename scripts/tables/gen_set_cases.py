#!/usr/bin/env python3
"""Generates src/objects/settable_testdata.rs from CPython 3.11: set operation scripts on
int keys with the resulting iteration order, sys.getsizeof, pop() results, comparison
results and frozenset hashes.

Run from the repository root:  python3 scripts/tables/gen_set_cases.py > src/objects/settable_testdata.rs
"""
import random
import sys

assert sys.version_info[:2] == (3, 11), "the reference is CPython 3.11"

rng = random.Random(20240611)

INTERESTING = [0, 1, -1, -2, 2, 7, 8, 9, 16, 31, 32, 33, 64, 96, 128, -8, -9, -32,
               1000, 4096, 2**32, 2**32 + 1, -2**32, 2**40, -2**40, 2**61 - 2, 2**61 - 1,
               2**61, 2**62, -2**62, 2**63 - 1, -2**63 + 1, 12345678901]


def rand_vals(k, spread):
    out = []
    for _ in range(k):
        r = rng.random()
        if r < 0.2:
            out.append(rng.choice(INTERESTING))
        elif r < 0.35:
            out.append(rng.randrange(-spread, spread) * 32)
        else:
            out.append(rng.randrange(-spread, spread))
    return out


def mkset(vals):
    o = set()
    for v in vals:
        o.add(v)
    return o


def run(ops):
    s = set()
    popped, bools, hashes = [], [], []
    for op in ops:
        kind = op[0]
        if kind == "Add":
            s.add(op[1])
        elif kind == "Discard":
            s.discard(op[1])
        elif kind == "Pop":
            if s:
                popped.append(s.pop())
        elif kind == "Clear":
            s.clear()
        elif kind == "Copy":
            s = s.copy()
        elif kind == "Hash":
            hashes.append(hash(frozenset(s)))
        else:
            o = mkset(op[1])
            if kind == "Update":
                s.update(o)
            elif kind == "UpdateDict":
                s.update(dict.fromkeys(op[1]))
            elif kind == "IAnd":
                s &= o
            elif kind == "And":
                s = s & o
            elif kind == "ISub":
                s -= o
            elif kind == "Sub":
                s = s - o
            elif kind == "IXor":
                s ^= o
            elif kind == "Xor":
                s = s ^ o
            elif kind == "Or":
                s = s | o
            elif kind == "Compare":
                bools += [s <= o, s >= o, s.isdisjoint(o), s == o]
            else:
                raise ValueError(kind)
    return list(s), sys.getsizeof(s), popped, bools, hashes


def cases():
    out = []
    # Hand-picked: collisions, dummies reused, shrinking back to the smalltable.
    out.append([("Add", v) for v in [-1, -2, 1, 2, 9, 17, 25]])
    out.append([("Add", v) for v in range(5)] + [("Discard", 1), ("Add", 33)])
    out.append([("Add", v) for v in range(5)] + [("Discard", v) for v in range(5)]
               + [("Add", v) for v in range(100, 130)])
    out.append([("Add", v) for v in range(40)] + [("Discard", v) for v in range(39)]
               + [("Add", v * 7) for v in range(50, 80)])
    out.append([("Add", v) for v in INTERESTING] + [("Pop",)] * 5 + [("Hash",)])
    out.append([("Add", v) for v in range(5)] + [("Copy",)])
    out.append([("Update", list(range(5)))])
    out.append([("UpdateDict", list(range(5)))])
    out.append([("Add", 1), ("Update", list(range(20)))])
    out.append([("Add", v) for v in range(100)] + [("ISub", [1])])
    out.append([("Add", v) for v in range(100)] + [("Sub", [1])])
    out.append([("Add", v) for v in range(100)] + [("ISub", list(range(90)))])
    out.append([("Add", v) for v in range(3)] + [("ISub", list(range(100)))])
    out.append([("Add", v) for v in range(10)] + [("Clear",), ("Add", 5), ("Pop",), ("Pop",)])
    out.append([("Add", v) for v in range(20)] + [("Pop",)] * 20 + [("Add", 3), ("Hash",)])
    for v in [[], [0], [1, 2, 3], list(range(5)), list(range(-10, 10)), INTERESTING]:
        out.append([("Add", x) for x in v] + [("Hash",)])
    # Random scripts.
    binops = ["Update", "UpdateDict", "IAnd", "And", "ISub", "Sub", "IXor", "Xor", "Or",
              "Compare"]
    for n in range(60):
        ops = []
        spread = rng.choice([8, 50, 1000, 10**6])
        for _ in range(rng.randrange(1, 12)):
            r = rng.random()
            if r < 0.35:
                ops += [("Add", v) for v in rand_vals(rng.randrange(1, 40), spread)]
            elif r < 0.5:
                ops += [("Discard", v) for v in rand_vals(rng.randrange(1, 20), spread)]
            elif r < 0.55:
                ops += [("Pop",)] * rng.randrange(1, 4)
            elif r < 0.58:
                ops.append(("Clear",))
            elif r < 0.62:
                ops.append(("Copy",))
            elif r < 0.66:
                ops.append(("Hash",))
            else:
                ops.append((rng.choice(binops), rand_vals(rng.randrange(0, 60), spread)))
        out.append(ops)
    return out


def fmt_list(xs):
    return "&[" + ", ".join(str(x) for x in xs) + "]"


def fmt_op(op):
    if len(op) == 1:
        return op[0]
    if isinstance(op[1], int):
        return f"{op[0]}({op[1]})"
    return f"{op[0]}({fmt_list(op[1])})"


def fmt_bool(b):
    return "true" if b else "false"


def main():
    print("//! Expected CPython 3.11 results for the set table tests.")
    print("//! GENERATED by scripts/tables/gen_set_cases.py (python3 " + sys.version.split()[0]
          + "); do not edit by hand.")
    print()
    print("use super::Op::{self, *};")
    print()
    print("pub struct Case {")
    print("    pub ops: &'static [Op],")
    print("    pub order: &'static [i64],")
    print("    pub getsizeof: usize,")
    print("    pub popped: &'static [i64],")
    print("    pub bools: &'static [bool],")
    print("    pub hashes: &'static [i64],")
    print("}")
    print()
    print("pub const CASES: &[Case] = &[")
    for ops in cases():
        order, size, popped, bools, hashes = run(ops)
        print("    Case {")
        print("        ops: &[" + ", ".join(fmt_op(o) for o in ops) + "],")
        print("        order: " + fmt_list(order) + ",")
        print(f"        getsizeof: {size},")
        print("        popped: " + fmt_list(popped) + ",")
        print("        bools: &[" + ", ".join(fmt_bool(b) for b in bools) + "],")
        print("        hashes: " + fmt_list(hashes) + ",")
        print("    },")
    print("];")
    print()
    # getsizeof(set(range(n))) for n = 0..200, built by adds.
    sizes = []
    s = set()
    for n in range(201):
        sizes.append(sys.getsizeof(s))
        s.add(n)
    print("/// getsizeof of a set after n adds of 0..n, n = 0..=200.")
    print("pub const ADD_SIZES: &[usize] = " + fmt_list(sizes) + ";")
    print()
    steps = []
    s = set()
    last = sys.getsizeof(s)
    steps.append((0, last))
    for n in range(1, 300001):
        s.add(n - 1)
        g = sys.getsizeof(s)
        if g != last:
            steps.append((n, g))
            last = g
    print("/// (n, getsizeof) where getsizeof changes while adding 0..300000.")
    print("pub const ADD_STEPS: &[(usize, usize)] = &["
          + ", ".join(f"({a}, {b})" for a, b in steps) + "];")


main()
