#!/usr/bin/env python3
"""Fit Claimdesk's check-worthiness model: an L2-regularised logistic regression over the named
features that `claimdesk features` prints (the exact features the app computes).

Usage (from the repository root, after `cargo build --release`):

    python3 tools/train_checkworthy.py \
        --train ../shared/bench/data/claims/claims-en-train.jsonl \
        --dev ../shared/bench/data/claims/claims-en.jsonl --dev-split dev \
        --out assets/models/checkworthy.json

Input files hold one JSON object per line with "text" and "label" (1 = check-worthy). The
regularisation strength and the weight of positive examples are chosen on the development rows,
and so is the operating threshold; the bias is then shifted so that this threshold becomes 0.5,
the app's default. Features that never occur in the training data (page furniture such as share
buttons) keep a fixed prior weight, listed in FIXED. Only the weights are written: no text from
the data. Needs numpy; the app itself never runs this.
"""
import argparse, datetime, json, math, os, subprocess, sys

import numpy as np

# Features the training sentences cannot teach (they never occur in debate transcripts):
# fixed log-odds, kept out of the fit.
FIXED = {"boilerplate": -4.0}


def read_rows(path, split=None):
    rows = [json.loads(l) for l in open(path, encoding="utf-8") if l.strip()]
    if split:
        rows = [r for r in rows if r.get("split") == split]
    return rows


def features(binary, rows, lang="en"):
    text = "".join(r["text"].replace("\n", " ").strip() + "\n" for r in rows)
    out = subprocess.run([binary, "features", "--lang", lang, "-"], input=text.encode(),
                         capture_output=True, check=True)
    feats = [json.loads(l) for l in out.stdout.decode().splitlines()]
    assert len(feats) == len(rows), (len(feats), len(rows))
    return feats


def matrix(feats, names):
    index = {n: i for i, n in enumerate(names)}
    X = np.zeros((len(feats), len(names)))
    offset = np.zeros(len(feats))
    for r, f in enumerate(feats):
        for k, v in f.items():
            if k in FIXED:
                offset[r] += FIXED[k] * v
            elif k in index:
                X[r, index[k]] = v
    return X, offset


def fit(X, y, offset, l2, pos_weight, iters=50):
    """Newton's method on the weighted, L2-penalised log-loss (the bias is not penalised)."""
    n, d = X.shape
    Xb = np.hstack([X, np.ones((n, 1))])
    w = np.zeros(d + 1)
    sw = np.where(y == 1, pos_weight, 1.0)
    pen = np.full(d + 1, l2)
    pen[-1] = 0.0
    for _ in range(iters):
        z = Xb @ w + offset
        p = 1 / (1 + np.exp(-z))
        g = Xb.T @ (sw * (p - y)) + pen * w
        h = (Xb * (sw * p * (1 - p))[:, None]).T @ Xb + np.diag(pen + 1e-9)
        step = np.linalg.solve(h, g)
        w -= step
        if np.abs(step).max() < 1e-8:
            break
    return w[:-1], w[-1]


def f1_at(scores, y, t):
    pred = scores >= t
    tp = np.sum(pred & (y == 1)); fp = np.sum(pred & (y == 0)); fn = np.sum(~pred & (y == 1))
    p = tp / (tp + fp) if tp + fp else 0.0
    r = tp / (tp + fn) if tp + fn else 0.0
    return (2 * p * r / (p + r) if p + r else 0.0), p, r


def best_threshold(scores, y):
    best = (0.0, 0.5)
    for t in np.unique(np.round(scores, 3)):
        f = f1_at(scores, y, t)[0]
        if f > best[0]:
            best = (f, float(t))
    return best


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--bin", default="target/release/claimdesk")
    ap.add_argument("--train", required=True)
    ap.add_argument("--dev", required=True)
    ap.add_argument("--dev-split", default="dev")
    ap.add_argument("--out", default="assets/models/checkworthy.json")
    ap.add_argument("--l2", default="0.3,1,3,10,30")
    ap.add_argument("--pos-weight", default="1,1.5,2,3")
    ap.add_argument("--min-count", type=int, default=5, help="drop features seen fewer times in training")
    a = ap.parse_args()

    train, dev = read_rows(a.train), read_rows(a.dev, a.dev_split)
    ftrain, fdev = features(a.bin, train), features(a.bin, dev)
    counts = {}
    for f in ftrain:
        for k in f:
            counts[k] = counts.get(k, 0) + 1
    names = sorted(k for k, c in counts.items() if c >= a.min_count and k not in FIXED)
    Xt, ot = matrix(ftrain, names)
    Xd, od = matrix(fdev, names)
    yt = np.array([r["label"] for r in train], dtype=float)
    yd = np.array([r["label"] for r in dev], dtype=float)

    best = None
    for l2 in [float(x) for x in a.l2.split(",")]:
        for pw in [float(x) for x in a.pos_weight.split(",")]:
            w, b = fit(Xt, yt, ot, l2, pw)
            sd = 1 / (1 + np.exp(-(Xd @ w + b + od)))
            f, t = best_threshold(sd, yd)
            print(f"l2={l2:g} pos_weight={pw:g}: dev F1 {f:.3f} at threshold {t:.3f}", file=sys.stderr)
            if best is None or f > best[0]:
                best = (f, t, l2, pw, w, b)
    f, t, l2, pw, w, b = best
    t = min(max(t, 1e-3), 1 - 1e-3)
    shift = math.log(t / (1 - t))
    weights = {n: round(float(v), 4) for n, v in zip(names, w) if abs(v) >= 1e-4}
    weights.update(FIXED)
    model = {
        "about": {
            "what": "Check-worthiness: logistic regression over the named features of `claimdesk features`.",
            "trained_on": os.path.basename(a.train) + " (CLEF CheckThat! 2024 Task 1 English train, US presidential debates; not shipped)",
            "chosen_on": f"{os.path.basename(a.dev)} split {a.dev_split}: L2 strength, positive-class weight and threshold",
            "date": datetime.date.today().isoformat(),
            "command": "python3 tools/train_checkworthy.py " + " ".join(sys.argv[1:]),
            "hyperparameters": {"l2": l2, "pos_weight": pw, "min_count": a.min_count, "fixed": FIXED},
            "dev_f1": round(f, 4),
            "threshold_before_shift": round(t, 4),
            "note": "the bias includes -logit(threshold), so a score of 0.5 is the chosen operating point",
        },
        "bias": round(float(b - shift), 4),
        "weights": dict(sorted(weights.items(), key=lambda kv: -abs(kv[1]))),
    }
    with open(a.out, "w", encoding="utf-8") as fh:
        json.dump(model, fh, indent=1, ensure_ascii=False)
        fh.write("\n")
    print(f"chose l2={l2:g} pos_weight={pw:g}; dev F1 {f:.3f} at {t:.3f}; {len(weights)} weights -> {a.out}")


if __name__ == "__main__":
    main()
