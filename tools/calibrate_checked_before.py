#!/usr/bin/env python3
"""How "Checked before" is calibrated (src/ui/library.rs, CHECKED_BEFORE_MIN_SCORE and
CHECKED_BEFORE_MIN_SHARED): the best match of each query, its score and the share of words it
shares, on queries whose fact-check is in the library (train split) and on queries whose
fact-checks were left out of it (dev and dev-test splits: there, any mark is a false one).

Data: CheckThat! 2022 Task 2A, ../shared/bench/data/matching (research use: measured here, never
copied into the project). The word split approximates library::rank::terms.

Usage: python3 tools/calibrate_checked_before.py [target/release/claimdesk]
"""
import json, os, subprocess, sys, tempfile, unicodedata, re
HERE = os.path.dirname(os.path.abspath(__file__))
D = os.path.join(HERE, "..", "..", "shared", "bench", "data", "matching")
BIN = sys.argv[1] if len(sys.argv) > 1 else "target/release/claimdesk"
TMP = tempfile.mkdtemp()
V = [json.loads(l) for l in open(os.path.join(D, "vclaims.jsonl"), encoding="utf-8")]
Q = [json.loads(l) for l in open(os.path.join(D, "queries-dev.jsonl"), encoding="utf-8")]
neg = [q for q in Q if q["split"] != "train"]
pos = [q for q in Q if q["split"] == "train"]
left_out = {g for q in neg for g in q["gold"]}
pos = [q for q in pos if not (set(q["gold"]) & left_out)]
url = lambda vid: "https://www.snopes.com/fact-check/" + vid.split("vclaim-sno-", 1)[-1] + "/"
arch = os.path.join(TMP, "snopes.jsonl")
with open(arch, "w", encoding="utf-8") as f:
    for v in V:
        if v["id"] in left_out: continue
        f.write(json.dumps({"@context": "https://schema.org", "@type": "ClaimReview", "url": url(v["id"]),
            "claimReviewed": v["claim"], "name": v["title"], "datePublished": v["date"],
            "reviewRating": {"@type": "Rating", "alternateName": "False"}}) + "\n")
lib = os.path.join(TMP, "snopes.sqlite")
for x in [lib, lib + "-wal", lib + "-shm"]:
    if os.path.exists(x): os.remove(x)
subprocess.run([BIN, "library", "import", "--library", lib, arch], check=True, capture_output=True)
STOP = set("a about after all also an and any are as at be been but by can could did do does for from had has have he her his how i if in into is it its just me more my of on or our out she so than that the their them then there these they this those to up us was we were what when which who will with would you your".split())
def terms(s):
    s = re.sub(r"https?://\S+|www\.\S+|pic\.twitter\.com/\S+|@\w+", " ", s)
    s = "".join(c for c in unicodedata.normalize("NFD", s.lower()) if unicodedata.category(c) != "Mn")
    return {w for w in re.findall(r"[a-z0-9]+", s) if w not in STOP and len(w) > 1}
def shared(a, b):
    a, b = terms(a), terms(b); n = min(len(a), len(b))
    return len(a & b) / n if n else 0
allq = pos + neg
inp = "".join(" ".join(q["text"].split()) + "\n" for q in allq)
r = subprocess.run([BIN, "match", "--library", lib, "--top", "1", "-"], input=inp, capture_output=True, text=True, check=True)
rows = []
for q, line in zip(allq, r.stdout.splitlines()):
    m = json.loads(line)["matches"]
    if not m: rows.append((q in pos, False, 0.0, 0.0)); continue
    m = m[0]
    ok = any(url(g) == m["url"] for g in q["gold"])
    rows.append((q in pos, ok, m["score"], shared(" ".join(q["text"].split()), m["claim"])))
P = [r for r in rows if r[0]]; N = [r for r in rows if not r[0]]
print(f"positives {len(P)} (top-1 right {sum(r[1] for r in P)}), negatives {len(N)}")
for smin in [0, 4, 6, 8, 10, 12]:
    for sh in [0, 0.3, 0.4, 0.5, 0.6]:
        tp = sum(1 for r in P if r[1] and r[2] >= smin and r[3] >= sh)
        fp_pos = sum(1 for r in P if not r[1] and r[2] >= smin and r[3] >= sh)
        fp = sum(1 for r in N if r[2] >= smin and r[3] >= sh)
        print(f"score>={smin:>2} shared>={sh:.1f}: recall {tp/len(P):.2f}  wrong-on-pos {fp_pos/len(P):.2f}  false-on-neg {fp/len(N):.2f}")
def q(xs):
    xs=sorted(xs); return [round(xs[int(len(xs)*p)],2) for p in (0.05,0.25,0.5,0.75,0.95)]
print("score right-pos", q([r[2] for r in P if r[1]]))
print("score neg      ", q([r[2] for r in N]))
print("shared right-pos", q([r[3] for r in P if r[1]]))
print("shared neg      ", q([r[3] for r in N]))
for smin in [15,20,25,30,35,40]:
    for sh in [0.3,0.4,0.5]:
        tp = sum(1 for r in P if r[1] and r[2] >= smin and r[3] >= sh)
        fp = sum(1 for r in N if r[2] >= smin and r[3] >= sh)
        print(f"score>={smin:>2} shared>={sh:.1f}: recall {tp/len(P):.2f}  false-on-neg {fp/len(N):.2f}")
