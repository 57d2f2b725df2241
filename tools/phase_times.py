#!/usr/bin/env python3
"""Where `claimdesk extract FILE` spends its time, step by step, over many runs.

    python3 tools/phase_times.py FILE BUILD [BUILD ...] [--runs 25]

Each BUILD (a claimdesk binary, with `@N` for CLAIMDESK_THREADS=N and `+NAME=VALUE` for other
settings, as in `time_extract.py`) is run with CLAIMDESK_TIMING=1, which prints when each step
ends (`src/timing.rs`). For each step: when it ended and how long it took after the mark printed
before it, fastest and median over the runs, in milliseconds. Steps marked from another thread at
the same time (grouping beside the merge) take their time from whichever mark came before.
"""

import argparse
import statistics
import subprocess
import sys

from time_extract import build_of


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("file")
    ap.add_argument("builds", nargs="+")
    ap.add_argument("--runs", type=int, default=25)
    args = ap.parse_args()
    for spec in args.builds:
        path, env = build_of(spec)
        env["CLAIMDESK_TIMING"] = "1"
        ends, owns, order = {}, {}, []
        for _ in range(args.runs):
            done = subprocess.run([path, "extract", args.file], stdout=subprocess.DEVNULL,
                                  stderr=subprocess.PIPE, env=env, text=True)
            if done.returncode != 0:
                print(f"phase_times: {path} extract {args.file} failed", file=sys.stderr)
                return 1
            before = 0.0
            for line in done.stderr.splitlines():
                if not line.startswith("claimdesk timing: "):
                    continue
                step, _, ms = line[len("claimdesk timing: "):].rpartition(" ")
                at = float(ms)
                if step not in ends:
                    ends[step], owns[step] = [], []
                    order.append(step)
                ends[step].append(at)
                owns[step].append(at - before)
                before = at
        print(f"{spec}: {args.runs} runs, ms (fastest / median)")
        print(f"  {'step':24} {'ends at':>15} {'takes':>15}")
        for step in order:
            e, o = ends[step], owns[step]
            print(f"  {step:24} {min(e):6.2f} / {statistics.median(e):6.2f} {min(o):6.2f} / {statistics.median(o):6.2f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
