#!/usr/bin/env python3
"""Instructions per operation, glasspy against python3, counted by callgrind.

Each case is a loop body run N times inside a function (so its names are fast locals,
except the cases marked global, whose setup runs at module level). Every case runs
twice per interpreter, with 0 and with N iterations, under
`valgrind --tool=callgrind`; the difference divided by N is what one iteration costs,
start-up and setup cancelled out. `empty` is the bare `for i in range(n): pass` loop:
subtract it from a case to get the cost of its body alone.

Instruction counts are steady where wall time on a shared machine is not, which makes
them the figure to compare before and after a change to one path. They are not time:
a change can cut instructions and lose time to code layout (docs/performance.md).

Run from the repository root after `cargo build --release`:
    python3 benches/micro.py                     # every case
    python3 benches/micro.py append len          # cases whose name contains these
    python3 benches/micro.py --glasspy path/to/other/glasspy --no-python3
"""
import argparse
import concurrent.futures
import os
import re
import subprocess
import sys
import tempfile

ROOT = os.path.dirname(os.path.dirname(os.path.realpath(__file__)))
DEFAULT_GLASSPY = os.path.join(ROOT, "target", "release", "glasspy")
PYTHON = [sys.executable, "-I", "-S"]

# name: (setup, loop body, where). Where: "local" runs setup and loop inside a function,
# "global" the setup at module level and the loop in a function, "module" both at module
# level (names are then LOAD_NAME / STORE_NAME on the module's dict).
CASES = {
    "empty": ("", "pass", "local"),
    "local": ("y=1", "x = y; x = y; x = y; x = y", "local"),
    "gread": ("G=1", "x = G; x = G; x = G; x = G", "global"),
    "bread": ("", "x = len; x = len; x = len; x = len", "global"),
    "call0": ("def f(): return 1", "f()", "local"),
    "call2": ("def f(a, b): return a", "f(1, 2)", "local"),
    "kwcall": ("def f(a, b=2): return a", "f(1, b=3)", "local"),
    "kwonly": ("def f(a, *, b): return a", "f(1, b=3)", "local"),
    "closure": ("def mk():\n    v=1\n    def f(): return v\n    return f\nf=mk()", "f()", "local"),
    "global": ("G=1\ndef f():\n    return G", "f()", "global"),
    "meth": ("class C:\n    def m(self): return 1\no=C()", "o.m()", "local"),
    "super": (
        "class A:\n    def m(self): return 1\n"
        "class B(A):\n    def m(self): return super().m()\no=B()",
        "o.m()",
        "local",
    ),
    "newinst": (
        "class C:\n    def __init__(self, a, b):\n        self.a=a; self.b=b",
        "C(1, 2)",
        "local",
    ),
    "init2": (
        "class C:\n    __slots__=('a','b')\n    def __init__(self, a, b):\n        self.a=a; self.b=b",
        "C(1, 2)",
        "local",
    ),
    "attr": ("class C:\n    def __init__(self): self.x=1\no=C()", "o.x; o.x; o.x; o.x", "local"),
    "setattr": ("class C:\n    def __init__(self): self.x=1\no=C()", "o.x = i", "local"),
    "intadd": ("x=5", "y = x + 1000; y = x + 1000", "local"),
    "floatmul": ("x=1.5", "y = x * x; y = x * x", "local"),
    "floatadd": ("x=1.5;y=2.5", "z = x + y; z = x - y", "local"),
    "cmp": ("x=1", "if x < 2: pass", "local"),
    "tuple": ("a=1;b=2", "t = (a, b)", "local"),
    "unpack": ("t=(1,2)", "a, b = t", "local"),
    "listidx": ("l=[1,2,3]", "l[1]", "local"),
    "dictget": ("d={1:2}", "d[1]", "local"),
    "dictset": ("d={}", "d[i] = 1", "local"),
    "append": ("l=[]", "l.append(1)", "local"),
    "listins": ("l=[0]*10", "l.insert(0, 1); l.pop(0)", "local"),
    "setadd": ("s=set()", "s.add(i)", "local"),
    "len": ("l=[1,2,3]", "len(l)", "local"),
    "isinst": ("x=1", "isinstance(x, int)", "local"),
    "strcat": ("s='ab'", "t = s + s", "local"),
    "strinplace": ("s=''", "s += 'ab'", "local"),
    "listcomp": ("r=range(10)", "[x for x in r]", "local"),
    "genexpr": ("r=range(10)", "sum(x for x in r)", "local"),
    "gen": ("def g(n):\n    for i in range(n): yield i\nit=g(10**9)", "next(it)", "local"),
    "genfor": ("def g(n):\n    for i in range(n): yield i", "for x in g(4): pass", "local"),
    "modloop": ("y=1", "x = y; x = y; x = y; x = y", "module"),
    "intbig": (
        "x=12345678901234567",
        "x = (x * 6364136223846793005 + 1442695040888963407) % 18446744073709551616; y = x >> 33",
        "local",
    ),
    "fmt": ("x=7", "s = f'{x:02d}'", "local"),
    "fmtf": ("x=2.5", "s = f'{x:.2f}'", "local"),
    "strint": ("x=12345", "s = str(x)", "local"),
    "split": ("s='2024-03-01,north,tea,3,sale'", "s.split(',')", "local"),
    "splitws": ("s='the quick brown fox'", "s.split()", "local"),
    "smallset": ("a=1;b=2", "s = {a, b}", "local"),
    "frozen": ("t=(1, 2)", "s = frozenset(t)", "local"),
    "slicecopy": ("l=[0]*42", "m = l[:]", "local"),
    "listmul": ("", "m = [0] * 42", "local"),
    "pushpop": ("l=[]", "l.append(3); l.pop()", "local"),
    "xorshift": (
        "x=2463534242",
        "x ^= (x << 13) & 0xFFFFFFFF; x ^= x >> 17; x ^= (x << 5) & 0xFFFFFFFF; y = x % 7",
        "local",
    ),
    "chaincmp": ("c=3;r=2", "if 0 <= c < 7 and 0 <= r < 6: pass", "local"),
    "attrinc": ("class C:\n    def __init__(self): self.n=0\no=C()", "o.n += 1", "local"),
    "randrange": ("import random\nr=random.Random(5)", "r.randrange(4)", "local"),
    "choice": ("import random\nr=random.Random(5)\nl=[1,2,3]", "r.choice(l)", "local"),
    "dequeapp": ("from collections import deque\nd=deque(maxlen=8)", "d.append(i)", "local"),
    "dequein": (
        "from collections import deque\nd=deque([(k, k) for k in range(8)], maxlen=8)\nt=(3, 9)",
        "t in d",
        "local",
    ),
    "counter": ("from collections import Counter\nc=Counter()\nt=(3, 4)", "c[t] += 1", "local"),
    "tuplekey": ("d={(1, 2): 0}\nx=1;y=2", "(x, y) in d", "local"),
    "grid": ("g=[[0]*5 for _ in range(5)]\nx=2;y=3", "g[y][x]", "local"),
    "join": ("l=['2024', 'north', 'tea']", "','.join(l)", "local"),
    "strip": ("s='  padded text '", "s.strip()", "local"),
    "startswith": ("s='2024-03-01,north'", "s.startswith('2024')", "local"),
    "strin": ("s='the quick brown fox'", "'own' in s", "local"),
    "streq": ("a='north'\nb=''.join(['nor', 'th'])", "a == b", "local"),
    "sdictget": ("d={'north': 1, 'south': 2}\nk=''.join(['nor', 'th'])", "d[k]", "local"),
    "striter": ("s='abcdefgh'", "for c in s: pass", "local"),
    "strslice": ("s='2024-03-01,north'", "s[5:7]", "local"),
    "replace": ("s='a-b-c-d'", "s.replace('-', '+')", "local"),
    # Operations bm_scheduler, bm_solver, bm_nbody, bm_raytrace and bm_spectral lean on.
    "sqrt": ("import math", "math.sqrt(2.0)", "global"),
    "floor": ("import math", "math.floor(2.5)", "global"),
    "abs": ("x=-3", "abs(x)", "local"),
    "floatdiv": ("x=1.5;y=2.5", "z = x / y", "local"),
    "floatneg": ("x=1.5", "y = -x", "local"),
    "floatcmp": ("x=1.5", "if x > 0.0: pass", "local"),
    "floatint": ("x=2.7", "int(x)", "local"),
    "floataug": ("x=1.5;y=0.0", "y += x * x", "local"),
    "intmod": ("x=12345", "y = x % 7; y = x & 255", "local"),
    "intshift": ("x=12345", "y = x >> 8; y = x // 256", "local"),
    "isnone": ("x=None", "if x is None: pass", "local"),
    "dictin": ("d={1:2}", "if 1 in d: pass", "local"),
    "dictpop": ("d={}", "d[i] = 1; d.pop(i)", "local"),
    "floatintdiv": ("x=7", "y = 1.0 / x", "local"),
    "intfloordiv": ("s=9", "y = s * (s + 1) // 2", "local"),
    "dictpopd": ("d={}", "d.pop(i, False)", "local"),
    "nextiter": ("d={1:2,3:4}", "next(iter(d))", "local"),
    "listin": ("class C: pass\no=C();l=[C(),C(),o]", "o in l", "local"),
    "listsubaug": ("l=[0.0]*3;x=1.5", "l[1] += x", "local"),
    "zip": ("u=[1.0]*10", "for a, b in zip(u, u): pass", "local"),
    "attraug": ("class C:\n    def __init__(self): self.x=1\no=C()", "o.x += 1", "local"),
    "attrfloat": ("class C:\n    def __init__(self): self.x=1.5\no=C()", "o.x += 0.5", "local"),
    "meth1": ("class C:\n    def m(self, a): return a\no=C()", "o.m(i)", "local"),
    "dunderadd": (
        "class V:\n    def __init__(self, x): self.x=x\n"
        "    def __add__(self, o): return V(self.x + o.x)\nv=V(1.0)",
        "v + v",
        "local",
    ),
    "methpoly": (
        "class A:\n    def m(self): return 1\nclass B:\n    def m(self): return 2\nxs=[A(),B()]",
        "xs[i & 1].m()",
        "local",
    ),
    "nextdel": ("d={k: k for k in range(64)}\nfor k in range(40): del d[k]", "next(iter(d))", "local"),
    # Library calls bm_pipeline and bm_maze lean on (session 13).
    "intstr": ("s='1234'", "int(s)", "local"),
    "dictgetd": ("d={1: 2}", "d.get(3, 0)", "local"),
    "partition": ("s='2024-03-01T13:05'", "s.partition('T')", "local"),
    "rsplit": ("s='2024-03-01'", "s.rsplit('-', 1)", "local"),
    "round2": ("x=12.3456", "round(x, 2)", "local"),
    "methdict": (
        "class R(list):\n    def m(self): return 1\no=R()\no.x=1",
        "o.m()",
        "local",
    ),
    # Generators (session 14): a `yield from` chain, a two-level loop, consumers.
    "yfrom3": (
        "def g0(n):\n    for i in range(n): yield i\n"
        "def g1(n):\n    yield from g0(n)\n"
        "def g2(n):\n    yield from g1(n)",
        "for x in g2(4): pass",
        "local",
    ),
    "gen2": (
        "def g0(n):\n    for i in range(n): yield i\n"
        "def g1(n):\n    for x in g0(n): yield x",
        "for x in g1(4): pass",
        "local",
    ),
    "sumgen": ("def g(n):\n    for i in range(n): yield i", "sum(g(4))", "local"),
    "mintup": ("t=[(1, 2), (0, 3), (2, 1)]", "min(x for x in t)", "local"),
    "listgen": ("r=range(4)", "list(x for x in r)", "local"),
    # Making and freeing containers (session 14).
    "listbuild": ("a=1;b=2", "l = [a, b]", "local"),
    "tupleadd": ("t=(1, 2);u=(3,)", "s = t + u", "local"),
    "frozenor": ("f=frozenset((1, 2));g=frozenset((3,))", "s = f | g", "local"),
    "dictlit": ("a=1;b=2", "d = {'x': a, 'y': b}", "local"),
    "iterlist": ("l=[1, 2, 3]", "it = iter(l)", "local"),
    "iterrange": ("r=range(5)", "it = iter(r)", "local"),
    "boundcall": ("class C:\n    def m(self): return 1\no=C()", "f = o.m; f()", "local"),
    # Calls of a bound method object and of a function with a default (session 14).
    "boundobj": ("class C:\n    def m(self): return 1\nb=C().m", "b()", "local"),
    "calldef": ("def f(a, b=2): return a", "f(1)", "local"),
    "enumloop": ("u=[1.0]*10", "for i, a in enumerate(u): pass", "local"),
    "itemsloop": ("d=dict.fromkeys(range(10), 1.0)", "for k, v in d.items(): pass", "local"),
    # Containers freed inside another's free (session 15).
    "listtup": ("a=1;b=2", "l = [(a, b), (b, a)]", "local"),
    "dictlist": ("a=1;b=2", "d = {'x': [a], 'y': [b]}", "local"),
    "nest3": ("a=1;b=2", "t = ([(a, b)],)", "local"),
    # Library paths of a search program (session 16): slicing around an index, set and
    # frozenset membership and union with a one-element set, a list's iteration.
    "slicecut": ("l=list(range(8));k=3", "m = l[:k] + l[k + 1:]", "local"),
    "frozenin": ("f=frozenset((1, 2, 3));x=2", "if x in f: pass", "local"),
    "frozenone": ("f=frozenset((1, 2, 3));x=5", "s = f | {x}", "local"),
    "setin": ("s={1, 2, 3};x=7", "if x in s: pass", "local"),
    "forlist": ("l=[1.0]*10", "for a in l: pass", "local"),
    "tupleapp": ("t=(1, 2, 3);x=4", "u = t + (x,)", "local"),
    # An instance with three float attributes made and dropped (session 16).
    "vec3": (
        "class V:\n    def __init__(self, x, y, z):\n        self.x=x; self.y=y; self.z=z\na=1.5",
        "v = V(a, a, a)",
        "local",
    ),
    # Attribute sites that see two classes (session 16; methpoly is the method form).
    "attrpoly": (
        "class A:\n    def __init__(self): self.x=1\n"
        "class B:\n    def __init__(self): self.y=0; self.x=2\nxs=[A(),B()]",
        "xs[i & 1].x",
        "local",
    ),
    "setpoly": (
        "class A:\n    def __init__(self): self.x=1\n"
        "class B:\n    def __init__(self): self.y=0; self.x=2\nxs=[A(),B()]",
        "xs[i & 1].x = i",
        "local",
    ),
}


def source(name, n):
    setup, body, where = CASES[name]
    if where == "module":
        return f"{setup}\nfor i in range({n}):\n    " + body.replace("\n", "\n    ") + "\n"
    loop = f"for i in range({n}):\n        " + body.replace("\n", "\n        ")
    if where == "global":
        return f"{setup}\ndef run():\n    {loop}\nrun()\n"
    setup = setup.replace("\n", "\n    ")
    return f"def run():\n    {setup}\n    {loop}\nrun()\n"


def count(cmd, path):
    r = subprocess.run(
        ["valgrind", "--tool=callgrind", "--callgrind-out-file=/dev/null"] + cmd + [path],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
        text=True,
    )
    m = re.search(r"Collected : (\d+)", r.stderr)
    if r.returncode != 0 or not m:
        raise RuntimeError(f"{' '.join(cmd)} {path} failed:\n{r.stderr[-2000:]}")
    return int(m.group(1))


def per_iteration(cmd, name, n, tmp):
    counts = []
    for k in (0, n):
        path = os.path.join(tmp, f"{name}_{k}.py")
        with open(path, "w") as f:
            f.write(source(name, k))
        counts.append(count(cmd, path))
    return (counts[1] - counts[0]) / n


def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("names", nargs="*", help="substrings of case names")
    ap.add_argument("--glasspy", default=DEFAULT_GLASSPY)
    ap.add_argument("--no-python3", action="store_true", help="count glasspy only")
    ap.add_argument("-n", type=int, default=20000, help="iterations (default 20000)")
    ap.add_argument("-j", type=int, default=os.cpu_count() or 1, help="parallel runs")
    args = ap.parse_args()
    names = [c for c in CASES if not args.names or any(s in c for s in args.names)]
    if not names:
        sys.exit(f"no case matches {args.names}; cases: {', '.join(CASES)}")
    interpreters = [("glasspy", [args.glasspy])]
    if not args.no_python3:
        interpreters.append(("python3", PYTHON))
    with tempfile.TemporaryDirectory() as tmp, concurrent.futures.ThreadPoolExecutor(args.j) as ex:
        jobs = {}
        for name in names:
            for label, cmd in interpreters:
                d = os.path.join(tmp, f"{label}_{name}")
                os.mkdir(d)
                jobs[name, label] = ex.submit(per_iteration, cmd, name, args.n, d)
        head = f"{'case':<12}{'glasspy':>10}"
        if not args.no_python3:
            head += f"{'python3':>10}{'ratio':>8}"
        print(head)
        print("-" * len(head))
        for name in names:
            g = jobs[name, "glasspy"].result()
            row = f"{name:<12}{g:>10.0f}"
            if not args.no_python3:
                p = jobs[name, "python3"].result()
                row += f"{p:>10.0f}{g / p:>8.2f}"
            print(row)
    print(f"instructions per iteration ({args.n} iterations less 0, callgrind)")


if __name__ == "__main__":
    main()
