#!/usr/bin/env python3
"""Run benches/bm_*.py under the glasspy release binary and python3 in the same run.

For each benchmark, several repetitions of each interpreter, alternating; prints the
best wall time of each, the ratio glasspy/python3, the peak RSS of each (from
/usr/bin/time, else the child's rusage), and whether the outputs agree; then the geometric
mean of the time ratios and the start-up time of both (`-c pass`).

Run from the repository root after `cargo build --release`:
    python3 benches/run.py [--reps N] [NAME_SUBSTRING ...]
"""
import math
import os
import subprocess
import sys
import tempfile
import time

ROOT = os.path.dirname(os.path.dirname(os.path.realpath(__file__)))
BENCH_DIR = os.path.join(ROOT, "benches")
GLASSPY = [os.path.join(ROOT, "target", "release", "glasspy")]
# -I: isolated (no user site, environment ignored); -S: no site module.
PYTHON = [sys.executable, "-I", "-S"]


TIME = "/usr/bin/time"


def run_once(argv):
    """(seconds, peak RSS in KiB, exit status, stdout bytes) of one child run.

    The peak RSS comes from /usr/bin/time when present: a child forked from this
    Python process inherits its high-water mark across exec, so wait4's ru_maxrss
    would report at least this process's size; time(1) is small."""
    with tempfile.TemporaryFile() as out, tempfile.NamedTemporaryFile("r") as rss:
        prefix = [TIME, "-f", "%M", "-o", rss.name] if os.path.exists(TIME) else []
        start = time.perf_counter()
        p = subprocess.Popen(prefix + argv, stdout=out, stderr=subprocess.STDOUT,
                             stdin=subprocess.DEVNULL)
        _, status, usage = os.wait4(p.pid, 0)
        elapsed = time.perf_counter() - start
        code = os.waitstatus_to_exitcode(status)
        peak = usage.ru_maxrss
        if prefix:
            lines = rss.read().split()
            peak = int(lines[-1]) if lines else peak
        out.seek(0)
        output = out.read()
        if prefix and code != 0:  # time(1) prints "Command exited with ..." there
            output = output.replace(b"Command exited with non-zero status %d\n" % code, b"")
        return elapsed, peak, code, output


def measure(argv, reps):
    best, rss, code, output = math.inf, 0, 0, b""
    for _ in range(reps):
        t, r, code, output = run_once(argv)
        best, rss = min(best, t), max(rss, r)
    return best, rss, code, output


def main():
    args = sys.argv[1:]
    reps = 3
    if args[:1] == ["--reps"]:
        reps, args = int(args[1]), args[2:]
    if not os.path.exists(GLASSPY[0]):
        sys.exit("build first: cargo build --release")
    names = sorted(n for n in os.listdir(BENCH_DIR)
                   if n.startswith("bm_") and n.endswith(".py")
                   and (not args or any(a in n for a in args)))
    print(f"glasspy: {GLASSPY[0]}")
    print(f"python3: {' '.join(PYTHON)} ({sys.version.split()[0]}); best of {reps} runs")
    print()
    header = f"{'benchmark':<14}{'glasspy s':>10}{'python3 s':>10}{'ratio':>8}" \
             f"{'glasspy MiB':>13}{'python3 MiB':>13}{'mem ratio':>11}  output"
    print(header)
    print("-" * len(header))
    ratios, mem_ratios, problems = [], [], []
    for name in names:
        path = os.path.join(BENCH_DIR, name)
        g_t, g_rss, g_code, g_out = measure(GLASSPY + [path], reps)
        p_t, p_rss, p_code, p_out = measure(PYTHON + [path], reps)
        if g_code != 0 or p_code != 0:
            verdict = f"FAILED (glasspy {g_code}, python3 {p_code})"
            problems.append((name, g_out, p_out))
        elif g_out != p_out:
            verdict = "MISMATCH"
            problems.append((name, g_out, p_out))
        else:
            verdict = "same"
            ratios.append(g_t / p_t)
            mem_ratios.append(g_rss / p_rss)
        print(f"{name[3:-3]:<14}{g_t:>10.3f}{p_t:>10.3f}{g_t / p_t:>8.2f}"
              f"{g_rss / 1024:>13.1f}{p_rss / 1024:>13.1f}{g_rss / p_rss:>11.2f}  {verdict}")
    if ratios:
        gm = math.exp(sum(map(math.log, ratios)) / len(ratios))
        gm_mem = math.exp(sum(map(math.log, mem_ratios)) / len(mem_ratios))
        print(f"\ngeometric mean over {len(ratios)} benchmarks with the same output: "
              f"time ratio {gm:.2f}, peak-RSS ratio {gm_mem:.2f}")
    start_reps = max(10, reps * 5)
    g_t, g_rss, _, _ = measure(GLASSPY + ["-c", "pass"], start_reps)
    p_t, p_rss, _, _ = measure(PYTHON + ["-c", "pass"], start_reps)
    print(f"start-up (-c pass, best of {start_reps}): glasspy {g_t * 1000:.1f} ms "
          f"{g_rss / 1024:.1f} MiB, python3 {p_t * 1000:.1f} ms {p_rss / 1024:.1f} MiB")
    for name, g_out, p_out in problems:
        print(f"\n{name}: glasspy printed:\n{g_out.decode(errors='replace')[-800:]}")
        print(f"python3 printed:\n{p_out.decode(errors='replace')[-800:]}")
    sys.exit(1 if problems else 0)


if __name__ == "__main__":
    main()
