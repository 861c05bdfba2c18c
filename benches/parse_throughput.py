#!/usr/bin/env python3
"""Benchmark (not a test): lexing+parsing throughput of glasspy's front end next to
python3's compile() (ast only, and full bytecode) on the same generated file, same run.

Run from the repository root:  python3 benches/parse_throughput.py
"""
import ast, os, subprocess, sys, tempfile, time

BLOCK = '''
def func_{i}(a, b=1, *args, c=None, **kw):
    """Docstring {i}."""
    total = 0
    for x in range(a):
        if x % 3 == 0 and not c:
            total += x * b - (x // 2) ** 2
        elif x in kw:
            total -= kw[x]
        else:
            total = [y for y in args if y > x] or total
    data = {{"k{i}": [1, 2.5, 0x1F], "s": f"value {{total!r:>10}}"}}
    try:
        result = obj.method(total, key=lambda v: v[0])[1:-1]
    except (ValueError, KeyError) as e:
        raise RuntimeError("bad") from e
    finally:
        pass
    return total, data

class Class_{i}(Base, metaclass=Meta):
    attr: int = {i}
    def method(self, x):
        while x > 0:
            x -= 1
            if x == 5:
                break
        return self.attr + x
'''


def main():
    n = 4000
    src = "".join(BLOCK.format(i=i) for i in range(n))
    fd, path = tempfile.mkstemp(suffix=".py")
    with os.fdopen(fd, "w") as f:
        f.write(src)
    mb = len(src.encode()) / 1e6
    def best(fn, runs=5):
        t = []
        for _ in range(runs):
            s = time.perf_counter()
            fn()
            t.append(time.perf_counter() - s)
        return min(t)
    t_ast = best(lambda: compile(src, path, "exec", ast.PyCF_ONLY_AST))
    t_full = best(lambda: compile(src, path, "exec"))
    print("file: %.3f MB, %d lines" % (mb, src.count("\n")))
    print("python3 compile(..., PyCF_ONLY_AST): %.1f ms = %.1f MB/s" % (t_ast * 1e3, mb / t_ast))
    print("python3 compile(..., 'exec'):        %.1f ms = %.1f MB/s" % (t_full * 1e3, mb / t_full))
    root = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
    subprocess.run(["cargo", "run", "-q", "--release", "--example", "parse_throughput", path, "5"], cwd=root, check=True)
    os.remove(path)


if __name__ == "__main__":
    sys.exit(main())
