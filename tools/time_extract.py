#!/usr/bin/env python3
"""Wall-clock time of `claimdesk extract FILE > /dev/null` for several builds, in alternating rounds.

The development machines' speed wanders by a fifth within minutes, so builds are only compared
inside one run of this script: each round runs every build once, one after the other, and the
median and fastest of the rounds are printed.

    python3 tools/time_extract.py FILE BUILD [BUILD ...] [--rounds 30]

A BUILD is the path of a claimdesk binary, optionally followed by `@N` to run it with
CLAIMDESK_THREADS=N (`target/release/claimdesk@1` reads on one thread) and by `+NAME=VALUE` for
other settings (`target/release/claimdesk+CLAIMDESK_HUGE_PAGES=0`). The time includes starting the
child process (about 1-2 ms).
"""

import argparse
import os
import statistics
import subprocess
import sys
import time


def build_of(spec: str) -> tuple[str, dict]:
    """A BUILD spec (`PATH[@N][+NAME=VALUE...]`) as the binary's path and its environment."""
    build, *settings = spec.split("+")
    path, _, threads = build.partition("@")
    env = dict(os.environ)
    if threads:
        env["CLAIMDESK_THREADS"] = threads
    for setting in settings:
        name, _, value = setting.partition("=")
        env[name] = value
    return path, env


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("file", help="the article to extract")
    ap.add_argument("builds", nargs="+", help="claimdesk binaries, each optionally @THREADS")
    ap.add_argument("--rounds", type=int, default=30)
    args = ap.parse_args()

    runs = []
    for spec in args.builds:
        path, env = build_of(spec)
        if not os.access(path, os.X_OK):
            print(f"time_extract: {path} is not an executable claimdesk build", file=sys.stderr)
            return 2
        runs.append((spec, path, env, []))

    for _ in range(args.rounds):
        for _, path, env, times in runs:
            start = time.perf_counter()
            done = subprocess.run([path, "extract", args.file], stdout=subprocess.DEVNULL, env=env)
            times.append((time.perf_counter() - start) * 1000)
            if done.returncode != 0:
                print(f"time_extract: {path} extract {args.file} failed", file=sys.stderr)
                return 1

    size_mb = os.path.getsize(args.file) / 1e6
    for spec, _, _, times in runs:
        median = statistics.median(times)
        print(
            f"{spec:45} median {median:7.1f} ms  fastest {min(times):7.1f} ms"
            f"  ({size_mb / (median / 1000):.1f} MB/s at the median)"
        )
    return 0


if __name__ == "__main__":
    sys.exit(main())
