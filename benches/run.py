#!/usr/bin/env python3
"""Run benches/bm_*.py under the glasspy release binary and python3 in the same run.

For each benchmark, several repetitions, alternating glasspy and python3 run by run;
both outputs must be byte-identical on every run. Per benchmark it prints the median
wall time of each, the ratio glasspy/python3, the peak RSS of each and their ratio.
A benchmark that fails (non-zero exit, a signal, a timeout) or whose outputs differ is
reported as such, with both outputs at the end, and gets no time. Then the geometric
mean and the maximum of the time ratios, the start-up time and size of both (an
empty script), and the cost of two import lines in each (a script doing only that,
start-up subtracted; see IMPORT_LINES), with --callgrind their instruction counts.

Times and sizes come from separate runs. A timed run spawns the interpreter itself
and times it from the spawn to its exit status (wait4), with nothing in between. Peak
RSS needs a run of its own under /usr/bin/time: a child forked from this Python
process keeps this process's high-water mark through exec, so wait4's ru_maxrss
would be at least the runner's own size, while time(1) is small and the interpreter
is its fresh child. But time(1)'s own exec and fork would then be in the time (about
0.7 ms here, a third of glasspy's start-up), so each benchmark (and the start-up and
import lines) first runs once per interpreter under time(1) for the size, which also
warms the file cache, then the timed runs. Both interpreters are measured the same
way. Without /usr/bin/time the timed runs' wait4 figure is used (an upper bound).

Run from the repository root after `cargo build --release`:
    python3 benches/run.py [--reps N] [NAME_SUBSTRING ...]
    python3 benches/run.py --only scheduler,nbody        # exact names (no bm_, no .py)
    python3 benches/run.py --callgrind                   # + glasspy instruction counts
    python3 benches/run.py --callgrind-only --only calls # instruction counts, no timing
    python3 benches/run.py --callgrind-only --callgrind-python3  # + python3's, and the ratio
    python3 benches/run.py --save before.json            # keep the figures ...
    python3 benches/run.py --compare before.json         # ... and show them next time
    python3 benches/run.py --glasspy path/to/other/glasspy
"""
import argparse
import json
import math
import os
import statistics
import subprocess
import sys
import signal
import tempfile
import time

ROOT = os.path.dirname(os.path.dirname(os.path.realpath(__file__)))
BENCH_DIR = os.path.join(ROOT, "benches")
DEFAULT_GLASSPY = os.path.join(ROOT, "target", "release", "glasspy")
# -I: isolated (no user site, environment ignored); -S: no site module.
PYTHON = [sys.executable, "-I", "-S"]
TIME = "/usr/bin/time"
VALGRIND = "valgrind"


class Run:
    """One child run: wall seconds, peak RSS in KiB, exit code, output bytes."""

    def __init__(self, seconds, rss_kib, code, output, timed_out=False):
        self.seconds = seconds
        self.rss_kib = rss_kib
        self.code = code
        self.output = output
        self.timed_out = timed_out

    def ok(self):
        return self.code == 0 and not self.timed_out

    def status(self):
        if self.timed_out:
            return "timeout"
        if self.code < 0:
            return f"signal {-self.code}"
        return f"exit {self.code}"


def run_once(argv, timeout, rss_run=False):
    """Run argv to its end. A timed run (the default) spawns argv itself; an RSS run
    (rss_run, when /usr/bin/time exists) runs it under time(1) for its own peak RSS,
    and its time includes time(1)'s."""
    with tempfile.TemporaryFile() as out, tempfile.NamedTemporaryFile("r") as rss:
        wrap = rss_run and os.path.exists(TIME)
        prefix = [TIME, "-f", "%M", "-o", rss.name] if wrap else []
        start = time.perf_counter()
        p = subprocess.Popen(prefix + argv, stdout=out, stderr=subprocess.STDOUT,
                             stdin=subprocess.DEVNULL, start_new_session=True)
        timed_out = []

        def kill(signum, frame):
            timed_out.append(True)
            os.killpg(p.pid, signal.SIGKILL)  # our child's own group (a new session)

        # A timer signal, not a thread: wait4 is retried after the handler (PEP 475).
        previous = signal.signal(signal.SIGALRM, kill)
        signal.setitimer(signal.ITIMER_REAL, timeout)
        try:
            _, status, usage = os.wait4(p.pid, 0)
        finally:
            signal.setitimer(signal.ITIMER_REAL, 0)
            signal.signal(signal.SIGALRM, previous)
        elapsed = time.perf_counter() - start
        p.returncode = code = os.waitstatus_to_exitcode(status)  # Popen must not wait again
        peak = usage.ru_maxrss
        if prefix:
            # time(1) writes there "Command exited with non-zero status N" or
            # "Command terminated by signal N" before the figure, and exits 128 + N
            # for a signal.
            report = rss.read().split()
            if report and report[-1].isdigit():
                peak = int(report[-1])
            if report[:4] == ["Command", "terminated", "by", "signal"]:
                code = -int(report[4])
        out.seek(0)
        output = out.read()
        return Run(elapsed, peak, code, output, bool(timed_out))


def callgrind_instructions(argv, timeout):
    """(instructions, Run) of argv under callgrind; instructions None on failure."""
    with tempfile.NamedTemporaryFile("r", suffix=".callgrind") as cg:
        run = run_once([VALGRIND, "--tool=callgrind", "--callgrind-out-file=" + cg.name,
                        "--log-file=/dev/null"] + argv, timeout)
        total = None
        for line in cg.read().splitlines():
            if line.startswith("summary:") or line.startswith("totals:"):
                total = int(line.split()[1])
                if line.startswith("summary:"):
                    break
        return total, run


class Result:
    def __init__(self, name):
        self.name = name
        self.verdict = "same"
        self.g_times = []
        self.p_times = []
        self.g_rss = 0
        self.p_rss = 0
        self.instructions = None
        self.p_instructions = None
        self.g_out = b""
        self.p_out = b""

    def good(self):
        return self.verdict == "same"

    def g_median(self):
        return statistics.median(self.g_times)

    def p_median(self):
        return statistics.median(self.p_times)

    def ratio(self):
        return self.g_median() / self.p_median()

    def mem_ratio(self):
        return self.g_rss / self.p_rss

    def instr_ratio(self):
        if self.instructions and self.p_instructions:
            return self.instructions / self.p_instructions
        return None

    def as_json(self):
        d = {"verdict": self.verdict}
        if self.good() and self.g_times:
            d.update(glasspy_s=self.g_median(), python3_s=self.p_median(), ratio=self.ratio(),
                     glasspy_kib=self.g_rss, python3_kib=self.p_rss)
        if self.instructions is not None:
            d["instructions"] = self.instructions
        if self.p_instructions is not None:
            d["python3_instructions"] = self.p_instructions
        return d


def check(result, g, p):
    """Record a failure or mismatch of one glasspy/python3 pair; False if any."""
    if not g.ok() or not p.ok():
        parts = []
        if not g.ok():
            parts.append(f"glasspy {g.status()}")
        if not p.ok():
            parts.append(f"python3 {p.status()}")
        result.verdict = "FAILED (" + ", ".join(parts) + ")"
    elif g.output != p.output:
        result.verdict = "MISMATCH"
    else:
        return True
    result.g_out, result.p_out = g.output, p.output
    return False


def rss_of(argv, timeout):
    """The peak RSS (KiB) of argv from a run under time(1), and that Run; (0, Run)
    without /usr/bin/time (the timed runs' wait4 figure is used then)."""
    run = run_once(argv, timeout, rss_run=True)
    return (run.rss_kib if os.path.exists(TIME) else 0), run


def bench(name, path, glasspy, opts):
    result = Result(name)
    if not opts.callgrind_only:
        # The size runs first (they warm the file cache too), then the timed runs.
        result.g_rss, g = rss_of(glasspy + [path], opts.timeout)
        result.p_rss, p = rss_of(PYTHON + [path], opts.timeout)
        if not check(result, g, p):
            return result
        for _ in range(opts.reps):
            g = run_once(glasspy + [path], opts.timeout)
            p = run_once(PYTHON + [path], opts.timeout)
            if not check(result, g, p):
                return result
            result.g_times.append(g.seconds)
            result.p_times.append(p.seconds)
            if not os.path.exists(TIME):
                result.g_rss = max(result.g_rss, g.rss_kib)
                result.p_rss = max(result.p_rss, p.rss_kib)
            result.g_out, result.p_out = g.output, p.output
    if opts.callgrind or opts.callgrind_only:
        count, g = callgrind_instructions(glasspy + [path], opts.timeout * 50)
        p_count = None
        if opts.callgrind_python3:
            p_count, p = callgrind_instructions(PYTHON + [path], opts.timeout * 50)
        elif opts.callgrind_only:
            p = run_once(PYTHON + [path], opts.timeout)
        else:
            p = Run(0.0, 0, 0, result.p_out)
        if not check(result, g, p):
            return result
        result.instructions = count
        result.p_instructions = p_count
    return result


# Import lines timed after the benchmarks: (summary key, modules). "import" is the
# tools every program reaches for; "import_std" is issue 13's line, the modules a
# typical script starts with (typing and dataclasses pull in much of the library).
IMPORT_LINES = [
    ("import", ["functools", "itertools", "operator", "copy", "contextlib"]),
    ("import_std", ["collections", "itertools", "functools", "random", "dataclasses",
                    "enum", "typing"]),
]


def import_cost(glasspy, opts, reps, g_start, p_start, summary):
    """The cost of each line of IMPORT_LINES (glasspy: bundled Python thawed from the
    code frozen into the binary; python3: its stdlib, from .pyc files), as a script
    doing only that minus the empty script's start-up, medians of `reps` alternating
    runs; with --callgrind also the script's instruction counts (start-up included)."""
    for key, modules in IMPORT_LINES:
        with tempfile.NamedTemporaryFile("w", suffix=".py") as script:
            script.write("import " + ", ".join(modules) + "\n")
            script.flush()
            label = f"import {', '.join(modules)}"
            if not opts.callgrind_only:
                g_runs, p_runs = [], []
                # Untimed first runs (warm caches), as for the benchmarks.
                run_once(glasspy + [script.name], opts.timeout)
                run_once(PYTHON + [script.name], opts.timeout)
                for _ in range(reps):
                    g_runs.append(run_once(glasspy + [script.name], opts.timeout))
                    p_runs.append(run_once(PYTHON + [script.name], opts.timeout))
                if not all(r.ok() for r in g_runs + p_runs):
                    print(f"{label}: a run failed")
                    continue
                g_t = statistics.median(r.seconds for r in g_runs) - g_start
                p_t = statistics.median(r.seconds for r in p_runs) - p_start
                summary.update({f"{key}_glasspy_s": g_t, f"{key}_python3_s": p_t})
                print(f"{label} (median of {reps}, start-up subtracted): "
                      f"glasspy {g_t * 1000:.1f} ms, python3 {p_t * 1000:.1f} ms")
            if opts.callgrind or opts.callgrind_only:
                count, _ = callgrind_instructions(glasspy + [script.name],
                                                  opts.timeout * 50)
                summary[f"{key}_instructions"] = count
                extra = ""
                if opts.callgrind_python3:
                    p_count, _ = callgrind_instructions(PYTHON + [script.name],
                                                        opts.timeout * 50)
                    summary[f"{key}_python3_instructions"] = p_count
                    if p_count:
                        extra = f"; python3 {p_count / 1e6:.2f} M"
                shown = f"{count / 1e6:.2f} M" if count else "-"
                print(f"{label} instructions (start-up included): glasspy {shown}{extra}")


def fmt_instr(count):
    return "-" if count is None else f"{count / 1e9:.3f}"


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("names", nargs="*", metavar="NAME_SUBSTRING",
                    help="run the benchmarks whose file name contains one of these")
    ap.add_argument("--reps", type=int, default=3,
                    help="runs of each interpreter per benchmark (default 3)")
    ap.add_argument("--only", default="",
                    help="comma-separated exact benchmark names, e.g. scheduler,nbody")
    ap.add_argument("--callgrind", action="store_true",
                    help="also count glasspy's instructions under valgrind --tool=callgrind")
    ap.add_argument("--callgrind-only", action="store_true",
                    help="only the instruction counts (no timing; output still checked)")
    ap.add_argument("--callgrind-python3", action="store_true",
                    help="with --callgrind(-only): count python3's instructions too")
    ap.add_argument("--glasspy", default=DEFAULT_GLASSPY,
                    help="the glasspy binary (default target/release/glasspy)")
    ap.add_argument("--timeout", type=float, default=120.0,
                    help="seconds before one run counts as failed (x50 under callgrind)")
    ap.add_argument("--save", metavar="FILE", help="write the figures to FILE as JSON")
    ap.add_argument("--compare", metavar="FILE",
                    help="show the glasspy figures of an earlier --save next to these")
    opts = ap.parse_args()
    if opts.callgrind_python3 and not opts.callgrind_only:
        opts.callgrind = True
    if opts.reps < 1:
        ap.error("--reps must be at least 1")
    glasspy = [os.path.abspath(opts.glasspy)]
    if not os.path.exists(glasspy[0]):
        sys.exit(f"no glasspy binary at {opts.glasspy}: build first (cargo build --release)")
    if (opts.callgrind or opts.callgrind_only) and subprocess.call(
            [VALGRIND, "--version"], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL):
        sys.exit("--callgrind needs valgrind on the PATH")
    only = [n.strip() for n in opts.only.split(",") if n.strip()]
    available = sorted(n[3:-3] for n in os.listdir(BENCH_DIR)
                       if n.startswith("bm_") and n.endswith(".py"))
    unknown = [n for n in only if n not in available]
    if unknown:
        sys.exit(f"unknown benchmark(s): {', '.join(unknown)}; have: {', '.join(available)}")
    names = [n for n in available
             if (not only or n in only) and (not opts.names or any(a in n for a in opts.names))]
    if not names:
        sys.exit("no benchmark matches")
    before = {}
    if opts.compare:
        with open(opts.compare) as f:
            before = json.load(f)

    print(f"glasspy: {opts.glasspy}")
    print(f"python3: {' '.join(PYTHON)} ({sys.version.split()[0]})")
    if opts.callgrind_only:
        print("instruction counts only (valgrind --tool=callgrind), G = 10^9")
    else:
        rss_how = ("one more run of each under /usr/bin/time" if os.path.exists(TIME)
                   else "the largest wait4 figure of the runs, an upper bound")
        print(f"median of {opts.reps} runs each, alternating, each interpreter spawned "
              f"directly and timed to its exit; peak RSS: {rss_how}")
    print()

    width = max(14, max(map(len, names)) + 2)
    cols = []
    if not opts.callgrind_only:
        cols += [("glasspy s", 10), ("python3 s", 10), ("ratio", 7),
                 ("glasspy MiB", 12), ("python3 MiB", 12), ("mem ratio", 10)]
    if opts.callgrind or opts.callgrind_only:
        cols += [("G instr", 9)]
    if opts.callgrind_python3:
        cols += [("py G instr", 11), ("instr ratio", 12)]
    if before:
        if not opts.callgrind_only:
            cols += [("was s", 8), ("was ratio", 10)]
        if opts.callgrind or opts.callgrind_only:
            cols += [("was G", 8), ("now/was", 8)]
    header = f"{'benchmark':<{width}}" + "".join(f"{c:>{w}}" for c, w in cols) + "  output"
    print(header)
    print("-" * len(header))

    results = []
    for name in names:
        r = bench(name, os.path.join(BENCH_DIR, f"bm_{name}.py"), glasspy, opts)
        results.append(r)
        cells = []
        if r.good():
            if not opts.callgrind_only:
                cells += [f"{r.g_median():.3f}", f"{r.p_median():.3f}", f"{r.ratio():.2f}",
                          f"{r.g_rss / 1024:.1f}", f"{r.p_rss / 1024:.1f}",
                          f"{r.mem_ratio():.2f}"]
            if opts.callgrind or opts.callgrind_only:
                cells.append(fmt_instr(r.instructions))
            if opts.callgrind_python3:
                cells.append(fmt_instr(r.p_instructions))
                cells.append(f"{r.instr_ratio():.2f}" if r.instr_ratio() else "-")
            if before:
                old = before.get("benchmarks", {}).get(name, {})
                if not opts.callgrind_only:
                    cells.append(f"{old['glasspy_s']:.3f}" if "glasspy_s" in old else "-")
                    cells.append(f"{old['ratio']:.2f}" if "ratio" in old else "-")
                if opts.callgrind or opts.callgrind_only:
                    was = old.get("instructions")
                    cells.append(fmt_instr(was))
                    cells.append(f"{r.instructions / was:.3f}"
                                 if was and r.instructions else "-")
        else:
            cells = ["-"] * len(cols)
        line = f"{name:<{width}}" + "".join(f"{c:>{w}}" for c, (_, w) in zip(cells, cols))
        print(f"{line}  {r.verdict}", flush=True)

    good = [r for r in results if r.good()]
    bad = [r for r in results if not r.good()]
    summary = {}
    print()
    if good and not opts.callgrind_only:
        ratios = [r.ratio() for r in good]
        gm = math.exp(sum(map(math.log, ratios)) / len(ratios))
        gm_mem = math.exp(sum(math.log(r.mem_ratio()) for r in good) / len(good))
        worst = max(good, key=Result.ratio)
        summary.update(geomean_ratio=gm, geomean_mem_ratio=gm_mem,
                       max_ratio=worst.ratio(), max_ratio_benchmark=worst.name)
        print(f"{len(good)} of {len(results)} benchmarks with the same output: "
              f"geometric mean time ratio {gm:.2f}, max {worst.ratio():.2f} ({worst.name}); "
              f"geometric mean peak-RSS ratio {gm_mem:.2f}")
    counted = [r.instr_ratio() for r in good if r.instr_ratio()]
    if counted:
        gm_instr = math.exp(sum(map(math.log, counted)) / len(counted))
        summary["geomean_instr_ratio"] = gm_instr
        print(f"geometric mean instruction ratio (glasspy/python3) over {len(counted)}: "
              f"{gm_instr:.2f}, max {max(counted):.2f}")
    if bad:
        print(f"failed or mismatched: {', '.join(r.name + ' ' + r.verdict for r in bad)}")

    with tempfile.NamedTemporaryFile("w", suffix=".py") as empty:
        start_reps = max(11, opts.reps * 5)
        if not opts.callgrind_only:
            g_rss, _ = rss_of(glasspy + [empty.name], opts.timeout)
            p_rss, _ = rss_of(PYTHON + [empty.name], opts.timeout)
            g_runs, p_runs = [], []
            for _ in range(start_reps):
                g_runs.append(run_once(glasspy + [empty.name], opts.timeout))
                p_runs.append(run_once(PYTHON + [empty.name], opts.timeout))
            g_t = statistics.median(r.seconds for r in g_runs)
            p_t = statistics.median(r.seconds for r in p_runs)
            if not os.path.exists(TIME):
                g_rss = max(r.rss_kib for r in g_runs)
                p_rss = max(r.rss_kib for r in p_runs)
            summary.update(startup_glasspy_s=g_t, startup_python3_s=p_t,
                           startup_glasspy_kib=g_rss, startup_python3_kib=p_rss)
            print(f"start-up (empty script, median of {start_reps}): "
                  f"glasspy {g_t * 1000:.1f} ms {g_rss / 1024:.1f} MiB, "
                  f"python3 {p_t * 1000:.1f} ms {p_rss / 1024:.1f} MiB")
        else:
            g_t = p_t = 0.0
        import_cost(glasspy, opts, start_reps, g_t, p_t, summary)
        if opts.callgrind or opts.callgrind_only:
            count, _ = callgrind_instructions(glasspy + [empty.name], opts.timeout * 50)
            summary["startup_instructions"] = count
            was = before.get("summary", {}).get("startup_instructions")
            extra = f" (was {was / 1e6:.2f} M)" if was else ""
            if opts.callgrind_python3:
                p_count, _ = callgrind_instructions(PYTHON + [empty.name], opts.timeout * 50)
                summary["startup_python3_instructions"] = p_count
                if p_count:
                    extra += f"; python3 {p_count / 1e6:.2f} M"
            print(f"start-up instructions (glasspy, empty script): "
                  f"{count / 1e6:.2f} M{extra}" if count else "start-up instructions: -")

    if opts.save:
        with open(opts.save, "w") as f:
            json.dump({"glasspy": opts.glasspy, "python3": sys.version.split()[0],
                       "reps": opts.reps, "summary": summary,
                       "benchmarks": {r.name: r.as_json() for r in results}}, f, indent=1)
            f.write("\n")
    for r in bad:
        print(f"\n{r.name}: {r.verdict}; glasspy printed (last 800 bytes):")
        print(r.g_out.decode(errors="replace")[-800:])
        print("python3 printed (last 800 bytes):")
        print(r.p_out.decode(errors="replace")[-800:])
    sys.exit(1 if bad else 0)


if __name__ == "__main__":
    main()
