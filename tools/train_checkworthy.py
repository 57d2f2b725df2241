#!/usr/bin/env python3
"""Fit Claimdesk's check-worthiness models: L2-regularised logistic regressions over the features
that `claimdesk features` prints (the exact features the app computes).

Two models go into one file:

- the named-feature model (numbers, dates, attribution, cues from the lexicon, ...), which
  serves every language through its lexicon;
- the lexical model for English: the same named features plus the words and pairs of adjacent
  words of the sentence (`w:percent`, `w:thank you`), fitted jointly, then pruned to the
  --keep-terms terms of largest weight and refitted on those.

Usage (from the repository root, after `cargo build --release --bin claimdesk`):

    python3 tools/train_checkworthy.py \\
        --train ../shared/bench/data/claims/claims-en-train.jsonl \\
        --dev ../shared/bench/data/claims/claims-en.jsonl --dev-split dev \\
        --out assets/models/checkworthy.json

Input files hold one JSON object per line with "text" and "label" (1 = check-worthy).

Everything is chosen on the training file by 5-fold cross-validation: the L2 strengths and the
operating threshold (the one that maximises F1 on the out-of-fold scores; pruning is redone in
each fold). The bias is then shifted so that this threshold becomes 0.5, the app's default. The
--dev rows are only scored, for the note in the file: they choose nothing. Features that never
occur in the training data (page furniture such as share buttons) keep a fixed prior weight,
listed in FIXED. Only weights are written: feature names, and the terms that kept a weight (words
and word pairs, no sentence of the data). Needs numpy; the app itself never runs this.
"""
import argparse, datetime, json, math, os, subprocess, sys

import numpy as np

# Features the training sentences cannot teach (they never occur in debate transcripts):
# fixed log-odds, kept out of the fit.
FIXED = {"boilerplate": -4.0}
TERM = "w:"
FOLDS = 5


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


class Sparse:
    """Rows of (column, value) pairs: what X @ w and X.T @ g need, in numpy alone."""

    def __init__(self, rows, cols, d):
        self.n, self.d = len(rows), d
        self.row = np.repeat(np.arange(len(rows)), rows)
        self.col = np.asarray(cols, dtype=np.int64)
        self.val = np.ones(len(self.col))

    @classmethod
    def of(cls, feats, index):
        lens, cols = [], []
        for f in feats:
            c = [index[k] for k in f if k in index]
            lens.append(len(c))
            cols.extend(c)
        return cls(lens, cols, len(index))

    def take(self, idx):
        """The rows idx, in that order."""
        starts = np.concatenate([[0], np.cumsum(np.bincount(self.row, minlength=self.n))])
        parts = [np.arange(starts[i], starts[i + 1]) for i in idx]
        sel = np.concatenate(parts) if parts else np.zeros(0, dtype=np.int64)
        out = Sparse([len(p) for p in parts], self.col[sel], self.d)
        return out

    def keep_columns(self, keep):
        """Only the columns keep, renumbered in that order."""
        new = -np.ones(self.d, dtype=np.int64)
        new[keep] = np.arange(len(keep))
        sel = new[self.col] >= 0
        out = Sparse(np.bincount(self.row[sel], minlength=self.n), new[self.col[sel]], len(keep))
        return out

    def dot(self, w):
        return np.bincount(self.row, weights=self.val * w[self.col], minlength=self.n)

    def tdot(self, g):
        return np.bincount(self.col, weights=self.val * g[self.row], minlength=self.d)


def offsets(feats):
    return np.array([sum(FIXED[k] * v for k, v in f.items() if k in FIXED) for f in feats])


def lbfgs(fun, x, iters=500, m=10):
    fx, g = fun(x)
    S, Y = [], []
    for _ in range(iters):
        q, alphas = g.copy(), []
        for s, y in reversed(list(zip(S, Y))):
            a = (s @ q) / (y @ s)
            alphas.append(a)
            q -= a * y
        if S:
            q *= (S[-1] @ Y[-1]) / (Y[-1] @ Y[-1])
        for (s, y), a in zip(zip(S, Y), reversed(alphas)):
            q += s * (a - (y @ q) / (y @ s))
        d, t = -q, 1.0
        while True:
            xn = x + t * d
            fn, gn = fun(xn)
            if fn <= fx + 1e-4 * t * (g @ d) or t < 1e-10:
                break
            t *= 0.5
        s, y = xn - x, gn - g
        if s @ y > 1e-10:
            S.append(s)
            Y.append(y)
            if len(S) > m:
                S.pop(0)
                Y.pop(0)
        done = abs(fx - fn) < 1e-10 * max(1.0, abs(fx))
        x, fx, g = xn, fn, gn
        if done:
            break
    return x


def fit(X, y, offset, penalty):
    """L-BFGS on the L2-penalised log-loss; `penalty` holds each weight's L2 strength (the bias
    is not penalised). Returns (weights, bias)."""

    def fun(wb):
        w, b = wb[:-1], wb[-1]
        z = X.dot(w) + b + offset
        loss = np.sum(np.logaddexp(0, z) - y * z) + 0.5 * np.sum(penalty * w * w)
        r = 1 / (1 + np.exp(-np.clip(z, -40, 40))) - y
        return loss, np.append(X.tdot(r) + penalty * w, r.sum())

    wb = lbfgs(fun, np.zeros(X.d + 1))
    return wb[:-1], wb[-1]


def fit_pruned(X, y, offset, penalty, is_term, keep_terms):
    """Fit, keep the named features and the keep_terms terms of largest weight, refit on those.
    Returns (kept columns, weights, bias)."""
    w, b = fit(X, y, offset, penalty)
    cols = np.arange(X.d)
    if keep_terms is not None and is_term.sum() > keep_terms:
        terms = cols[is_term][np.argsort(-np.abs(w[is_term]), kind="stable")[:keep_terms]]
        cols = np.sort(np.concatenate([cols[~is_term], terms]))
        w, b = fit(X.keep_columns(cols), y, offset, penalty[cols])
    return cols, w, b


def sigmoid(z):
    return 1 / (1 + np.exp(-np.clip(z, -40, 40)))


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


def cross_validate(X, y, offset, penalty, is_term, keep_terms):
    """Out-of-fold scores of the whole fitting procedure (pruning included)."""
    fold = np.random.default_rng(0).integers(0, FOLDS, len(y))
    oof = np.zeros(len(y))
    for k in range(FOLDS):
        tr, te = np.where(fold != k)[0], np.where(fold == k)[0]
        Xtr = X.take(tr)
        cols, w, b = fit_pruned(Xtr, y[tr], offset[tr], penalty, is_term, keep_terms)
        oof[te] = sigmoid(X.take(te).keep_columns(cols).dot(w) + b + offset[te])
    return oof


def train(name, ftrain, yt, fdev, yd, use_terms, grid, min_count, keep_terms):
    """Chooses the L2 strengths and threshold by cross-validation on train, fits on all of
    train. Returns the model's fields and a note of how it was made."""
    counts = {}
    for f in ftrain:
        for k in f:
            counts[k] = counts.get(k, 0) + 1
    named = sorted(k for k, c in counts.items() if c >= 5 and k not in FIXED and not k.startswith(TERM))
    terms = sorted(k for k, c in counts.items() if c >= min_count and k.startswith(TERM)) if use_terms else []
    names = named + terms
    index = {n: i for i, n in enumerate(names)}
    is_term = np.array([n.startswith(TERM) for n in names])
    Xt, ot = Sparse.of(ftrain, index), offsets(ftrain)
    Xd, od = Sparse.of(fdev, index), offsets(fdev)
    keep = keep_terms if use_terms else None

    best = None
    for l2_named, l2_terms in grid:
        penalty = np.where(is_term, l2_terms, l2_named)
        oof = cross_validate(Xt, yt, ot, penalty, is_term, keep)
        f, t = best_threshold(oof, yt)
        print(f"{name}: l2 named={l2_named:g} terms={l2_terms:g}: cross-validated F1 {f:.3f} at {t:.3f}",
              file=sys.stderr, flush=True)
        if best is None or f > best[0]:
            best = (f, t, l2_named, l2_terms)
    f_cv, t, l2_named, l2_terms = best
    penalty = np.where(is_term, l2_terms, l2_named)
    cols, w, b = fit_pruned(Xt, yt, ot, penalty, is_term, keep)
    t = min(max(t, 1e-3), 1 - 1e-3)
    shift = math.log(t / (1 - t))
    dev_f1, dev_p, dev_r = f1_at(sigmoid(Xd.keep_columns(cols).dot(w) + b + od), yd, t)
    weights, term_weights = {}, {}
    for c, v in zip(cols, w):
        if abs(v) < 1e-4:
            continue
        n = names[c]
        if n.startswith(TERM):
            term_weights[n[len(TERM):]] = round(float(v), 4)
        else:
            weights[n] = round(float(v), 4)
    weights.update(FIXED)
    note = {
        "l2_named": l2_named,
        "cv_f1": round(float(f_cv), 4),
        "threshold_before_shift": round(t, 4),
        "dev_f1": round(float(dev_f1), 4),
        "dev_precision": round(float(dev_p), 4),
        "dev_recall": round(float(dev_r), 4),
    }
    if use_terms:
        note.update({"l2_terms": l2_terms, "min_count": min_count, "terms_kept": len(term_weights)})
    print(f"{name}: chose {note}", file=sys.stderr)
    model = {
        "bias": round(float(b - shift), 4),
        "weights": dict(sorted(weights.items(), key=lambda kv: -abs(kv[1]))),
    }
    if use_terms:
        model["terms"] = dict(sorted(term_weights.items(), key=lambda kv: (-abs(kv[1]), kv[0])))
    return model, note


def grid(arg):
    """"10:3,10:10" -> [(10, 3), (10, 10)]; a single value is the named features' strength."""
    return [tuple(float(x) for x in (pair + ":0").split(":")[:2]) for pair in arg.split(",")]


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--bin", default="target/release/claimdesk")
    ap.add_argument("--train", required=True)
    ap.add_argument("--dev", required=True, help="rows only scored for the note in the file")
    ap.add_argument("--dev-split", default="dev")
    ap.add_argument("--out", default="assets/models/checkworthy.json")
    ap.add_argument("--l2-named", default="1,3,10,30", help="named model: grid of L2 strengths")
    ap.add_argument("--l2-lexical", default="10:3,10:10,10:30,30:10",
                    help="lexical model: grid of L2 strengths, named:terms")
    ap.add_argument("--min-count", type=int, default=3, help="terms seen in fewer training sentences are left out")
    ap.add_argument("--keep-terms", type=int, default=3000, help="terms kept after pruning")
    a = ap.parse_args()

    train_rows, dev_rows = read_rows(a.train), read_rows(a.dev, a.dev_split)
    ftrain, fdev = features(a.bin, train_rows), features(a.bin, dev_rows)
    yt = np.array([r["label"] for r in train_rows], dtype=float)
    yd = np.array([r["label"] for r in dev_rows], dtype=float)

    named, named_note = train("named", ftrain, yt, fdev, yd, False, grid(a.l2_named), a.min_count, None)
    lexical, lexical_note = train("lexical", ftrain, yt, fdev, yd, True, grid(a.l2_lexical), a.min_count,
                                  a.keep_terms)
    model = {
        "about": {
            "what": "Check-worthiness: logistic regressions over the features of `claimdesk features`. "
                    "'bias' and 'weights': named features, every language (through its lexicon). "
                    "'lexical': named features and word terms, for its 'languages' only.",
            "trained_on": os.path.basename(a.train)
                          + " (CLEF CheckThat! 2024 Task 1 English train, US presidential debates; not shipped)",
            "chosen_on": f"{FOLDS}-fold cross-validation on the training file: L2 strengths and the threshold "
                         "(best F1 on the out-of-fold scores)",
            "dev": f"{os.path.basename(a.dev)} split {a.dev_split}: scored at the chosen threshold, chose nothing",
            "date": datetime.date.today().isoformat(),
            "command": "python3 tools/train_checkworthy.py " + " ".join(sys.argv[1:]),
            "fixed": FIXED,
            "named": named_note,
            "lexical": lexical_note,
            "note": "each bias includes -logit(threshold), so a score of 0.5 is the chosen operating point",
        },
        "bias": named["bias"],
        "weights": named["weights"],
        "lexical": {"languages": ["en"], **lexical},
    }
    with open(a.out, "w", encoding="utf-8") as fh:
        json.dump(model, fh, indent=1, ensure_ascii=False)
        fh.write("\n")
    print(f"{len(named['weights'])} named weights, lexical: {len(lexical['weights'])} named + "
          f"{len(lexical['terms'])} terms -> {a.out}")


if __name__ == "__main__":
    main()
