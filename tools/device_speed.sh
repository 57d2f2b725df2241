#!/usr/bin/env bash
# The speed check of `claimdesk extract` for a lent many-core machine, in one run:
#
#     bash tools/device_speed.sh [BUILD ...]        (default: target/release/claimdesk)
#
# Prints the machine (cores, processor, transparent huge pages), then times each BUILD on the two
# generated 1 MB texts (`tools/make_articles.py`) and, where $CLAIMS_DIR,
# ../shared/bench/data/claims or shared/bench/data/claims holds the claims set (not in the
# repository: carry a copy), on the English debate text made from it (CheckThat! sentences, five a
# paragraph): with the default settings, with 2 MB pages off, with the grouping index built in
# one part, and on one thread, and prints how much CPU time the hypervisor took meanwhile; then
# where the first build's time goes on each text, step by step (`tools/phase_times.py`). Paths are read from the repository's root. Build here, then carry the
# binary: the machine has no network and may have no Rust. About two minutes.
set -euo pipefail
cd "$(dirname "$0")/.."
builds=("$@")
[ ${#builds[@]} -gt 0 ] || builds=(target/release/claimdesk)
rounds=${ROUNDS:-25}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

echo "cores: $(nproc); $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | sed 's/^ //')"
echo "transparent huge pages: $(cat /sys/kernel/mm/transparent_hugepage/enabled 2>/dev/null || echo unknown)"
python3 tools/make_articles.py "$work"
texts=("$work/fr_1mb.txt" "$work/en_1mb.txt")
for claims in "${CLAIMS_DIR:-}" ../shared/bench/data/claims shared/bench/data/claims; do
    if [ -n "$claims" ] && [ -f "$claims/claims-en.jsonl" ]; then
        python3 - "$claims" "$work/debate.txt" <<'PY'
import json, pathlib, sys
folder, out = pathlib.Path(sys.argv[1]), sys.argv[2]
sentences = [json.loads(l)["text"].strip() for f in sorted(folder.glob("claims-en*.jsonl")) for l in open(f)]
paragraphs, size, i = [], 0, 0
while size < 1_000_000:
    p = " ".join(sentences[(i + k) % len(sentences)] for k in range(5)) + "\n\n"
    paragraphs.append(p)
    size += len(p.encode())
    i += 5
open(out, "w").write("".join(paragraphs))
PY
        texts+=("$work/debate.txt")
        break
    fi
done

specs=()
for b in "${builds[@]}"; do
    specs+=("$b" "$b+CLAIMDESK_HUGE_PAGES=0" "$b+CLAIMDESK_INDEX_PARTS=1" "$b@1")
done
# Time the hypervisor takes from this machine ("steal") while the builds are timed: a lent
# machine shared with others took up to a third longer to read a megabyte while it was high.
cpu_before=$(grep '^cpu ' /proc/stat 2>/dev/null || true)
for t in "${texts[@]}"; do
    echo "== $(basename "$t") ($(wc -c <"$t") bytes, $rounds alternating rounds)"
    python3 tools/time_extract.py "$t" "${specs[@]}" --rounds "$rounds"
done
cpu_after=$(grep '^cpu ' /proc/stat 2>/dev/null || true)
if [ -n "$cpu_before" ] && [ -n "$cpu_after" ]; then
    python3 - "$cpu_before" "$cpu_after" <<'PY'
import sys
before, after = (list(map(int, line.split()[1:])) for line in sys.argv[1:3])
spent = [b - a for a, b in zip(before, after)]
busy = sum(spent) - spent[3] - spent[4]  # less idle and waiting for I/O
steal = spent[7] if len(spent) > 7 else 0
print(f"steal while timing: {100 * steal / max(sum(spent), 1):.1f}% of all CPU time, "
      f"{100 * steal / max(busy, 1):.1f}% of the busy time")
PY
fi
for t in "${texts[@]}"; do
    echo "== steps, $(basename "$t")"
    python3 tools/phase_times.py "$t" "${builds[0]}" --runs "$rounds"
done
