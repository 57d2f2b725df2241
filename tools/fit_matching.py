#!/usr/bin/env python3
"""Fits the date weights of claim matching (`W_NEAR`, `W_SAME_YEAR` in src/library/rank.rs) on
the CheckThat! 2022 Task 2A training tweets, and reports MAP@5 on train and dev.

    pip install py-rust-stemmers   # the rust-stemmers crate's Snowball stemmers, for Python
    python3 tools/fit_matching.py ../shared/bench/data/matching

The data is research-use and stays where it is (nothing of it is written anywhere). This file
is a Python copy of the ranking in rank.rs: the same words (links out, @handles and #hashtags
read as words, Snowball stems, accents off), BM25 (k1 1.2, b 0.75) over claim + title +
description, and a score multiplied by 1 + W_NEAR (checked from 3 days before to 30 days after
the date that ends the claim) + W_SAME_YEAR (checked the same year). It fits the two weights by
a grid on train (coordinate steps of 0.05), then prints the best and what dev says of them.
dev-test is not looked at. (rank.rs also asks for a claim's names as the other language's
stemmer has them; on English tweets against English checks that changes nothing, and it is left
out here.)
"""

import collections
import datetime
import json
import math
import os
import re
import sys

from py_rust_stemmers import SnowballStemmer

EN_STOP = set(
    "a about after all also an and any are as at be been but by can could did do does for from "
    "had has have he her his how i if in into is it its just me more my of on or our out she so "
    "than that the their them then there these they this those to up us was we were what when "
    "which who will with would you your".split()
)
FR_STOP = set(
    "au aux avec ce ces cet cette dans de des du elle en est et il ils la le les leur mais ne ou "
    "par pas pour qu que qui sa se ses son sont sur un une".split()
)
FOLD = {}
for chars, to in [("àáâãäåā", "a"), ("çćč", "c"), ("èéêëēęě", "e"), ("ìíîïī", "i"), ("ñńň", "n"),
                  ("òóôõöøō", "o"), ("ùúûüūů", "u"), ("ýÿ", "y"), ("śš", "s"), ("źżž", "z"),
                  ("ł", "l"), ("ř", "r"), ("ť", "t"), ("ď", "d")]:
    for c in chars:
        FOLD[c] = to
EN, FR = SnowballStemmer("english"), SnowballStemmer("french")
K1, B = 1.2, 0.75
NEAR_BEFORE, NEAR_AFTER = 3, 30


def fold(w):
    return "".join(FOLD.get(c, c) for c in w)


def split_name(name):
    out = []
    for i, c in enumerate(name):
        if c == "_":
            out.append(" ")
            continue
        if i:
            p, nxt = name[i - 1], name[i + 1] if i + 1 < len(name) else ""
            if ((p.islower() and c.isupper()) or (p.isalpha() and c.isnumeric())
                    or (p.isnumeric() and c.isalpha()) or (p.isupper() and c.isupper() and nxt.islower())):
                out.append(" ")
        out.append(c)
    return "".join(out)


def clean(text):
    text = re.sub(r"(?i)(https?://|pic\.twitter\.com/)\S*", " ", text)
    text = re.sub(r"(?i)(?<![^\W_])www\.\S*", " ", text)
    return re.sub(r"(?<![^\W_])[@#]([^\W]+)", lambda m: " " + split_name(m.group(1)) + " ", text)


def raw_words(text):
    out, cur, i = [], None, 0
    while i < len(text):
        c = text[i]
        if c.isalnum():
            if cur is None:
                cur = [i, i, "", False]
            cur[2] += c.lower()
            cur[3] |= c.isascii() and c.isdigit()
            cur[1] = i + 1
        elif (cur and c in ".," and cur[2][-1:].isdigit() and cur[2][-1:].isascii()
              and text[i + 1:i + 2].isdigit() and text[i + 1:i + 2].isascii()):
            digits = len(re.match(r"[0-9]*", text[i + 1:]).group())
            if not (c == "," and digits == 3):
                cur[2] += "p"
        elif cur:
            out.append(cur)
            cur = None
        i += 1
    if cur:
        out.append(cur)
    return out


def terms(text):
    text = clean(text)
    raw = raw_words(text)
    en = sum(fold(w[2]) in EN_STOP for w in raw if len(w[2]) <= 4)
    fr = sum(fold(w[2]) in FR_STOP for w in raw if len(w[2]) <= 4)
    stem = FR.stem_word if fr > en else EN.stem_word
    out = []
    for _, _, lower, numeric in raw:
        f = fold(lower)
        if not numeric and (len(f) < 2 or f in EN_STOP or f in FR_STOP):
            continue
        out.append(f if numeric else fold(stem(lower)))
    return out


MONTHS = {m: i + 1 for i, m in enumerate(
    "january february march april may june july august september october november december".split())}
MONTHS.update({m: i + 1 for i, m in enumerate(
    "janvier fevrier mars avril mai juin juillet aout septembre octobre novembre decembre".split())})
MONTHS["sept"] = 9


def month(w):
    w = fold(w.rstrip(".").lower())
    if len(w) < 3:
        return None
    for name, m in MONTHS.items():
        if name == w or (len(w) == 3 and name.startswith(w)):
            return m
    return None


def parse_date(s):
    s = s.strip()
    if s[4:5] == "-":
        try:
            return datetime.date.fromisoformat(s[:10])
        except ValueError:
            return None
    parts = [p for p in re.split(r"[\s,]+", s) if p]
    if len(parts) != 3 or not re.fullmatch(r"\d{4}", parts[2]):
        return None
    a, b = month(parts[0]), month(parts[1])
    if (a is None) == (b is None):
        return None
    m, d = (a, parts[1]) if a else (b, parts[0])
    d = re.sub(r"(er|st|nd|rd|th)$", "", d)
    try:
        return datetime.date(int(parts[2]), m, int(d))
    except ValueError:
        return None


def query(text):
    """The claim's words and its date (a signature's date is not a word of it)."""
    t = text.rstrip().rstrip(".)")
    starts = [m.start() for m in re.finditer(r"\S+", t)]
    for back in (3, 1):
        if len(starts) >= back:
            at = starts[-back]
            d = parse_date(t[at:])
            if d:
                return sorted(set(terms(t[:at] if t[:at].rstrip().endswith(")") else text))), d
    return sorted(set(terms(text))), None


def main():
    if len(sys.argv) < 2:
        sys.exit(__doc__)
    data = sys.argv[1]
    V = [json.loads(line) for line in open(os.path.join(data, "vclaims.jsonl"), encoding="utf-8")]
    Q = [json.loads(line) for line in open(os.path.join(data, "queries-dev.jsonl"), encoding="utf-8")]
    docs = [terms(v["claim"] + "\n" + v["title"] + "\n" + " ".join(v["subtitle"].split()[:80])) for v in V]
    dates = [parse_date(v["date"]) for v in V]
    n = len(docs)
    avg = sum(map(len, docs)) / n
    df = collections.Counter(t for d in docs for t in set(d))
    tfs = [collections.Counter(d) for d in docs]
    post = collections.defaultdict(list)
    for i, d in enumerate(docs):
        for t in set(d):
            post[t].append(i)

    def idf(t):
        return math.log((n - df[t] + 0.5) / (df[t] + 0.5) + 1)

    cases = {}
    for split in ("train", "dev"):
        rows = []
        for q in (q for q in Q if q["split"] == split):
            qt, qd = query(" ".join(q["text"].split()))
            cand = set()
            for t in qt:
                cand.update(post.get(t, ()))
            scored = []
            for i in cand:
                tf, norm = tfs[i], K1 * (1 - B + B * len(docs[i]) / avg)
                s = sum(idf(t) * tf[t] * (K1 + 1) / (tf[t] + norm) for t in qt if t in tf)
                near = same_year = 0
                if qd and dates[i]:
                    days = (dates[i] - qd).days
                    near, same_year = -NEAR_BEFORE <= days <= NEAR_AFTER, dates[i].year == qd.year
                scored.append((s, near, same_year, V[i]["id"]))
            scored.sort(reverse=True)
            rows.append((set(q["gold"]), scored[:100]))
        cases[split] = rows

    def map5(w_near, w_year, split):
        total = 0.0
        for gold, cand in cases[split]:
            ranked = sorted(cand, key=lambda c: (-c[0] * (1 + w_near * c[1] + w_year * c[2]), c[3]))[:5]
            hits, ap = 0, 0.0
            for r, c in enumerate(ranked, 1):
                if c[3] in gold:
                    hits += 1
                    ap += hits / r
            total += ap / min(len(gold), 5)
        return total / len(cases[split])

    print(f"BM25 alone: train {map5(0, 0, 'train'):.3f}, dev {map5(0, 0, 'dev'):.3f}")
    best = (map5(0, 0, "train"), 0.0, 0.0)
    for w_near in [x * 0.05 for x in range(0, 21)]:
        for w_year in [x * 0.05 for x in range(0, 7)]:
            m = map5(w_near, w_year, "train")
            if m > best[0] + 1e-9:
                best = (m, w_near, w_year)
    _, w_near, w_year = best
    print(f"W_NEAR {w_near:.2f}, W_SAME_YEAR {w_year:.2f}: train {best[0]:.3f}, dev {map5(w_near, w_year, 'dev'):.3f}")


if __name__ == "__main__":
    main()
