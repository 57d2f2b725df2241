#!/usr/bin/env python3
"""Writes the two 1 MB texts that docs/PERFORMANCE.md's extract timings use, made from project
files only.

    python3 tools/make_articles.py OUT_DIR

- `OUT_DIR/en_1mb.txt`: the English sentence templates of `benches/extract.rs` repeated with
  varying numbers (a new paragraph every seven sentences) up to 1 MiB, as the `extract/` bench
  makes its text: claim-heavy (about 15,000 claims).
- `OUT_DIR/fr_1mb.txt`: the bundled French sample article repeated, each paragraph tagged
  "(Partie N.)", up to 1 MB: news prose, its title, credits and share trailer over and over.
"""

import os
import re
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(HERE)


def english(size: int) -> str:
    src = open(os.path.join(ROOT, "benches", "extract.rs"), encoding="utf-8").read()
    block = src[src.index("const EN: &[&str] = &[") : src.index("];", src.index("const EN"))]
    templates = [bytes(t, "utf-8").decode("unicode_escape") for t in re.findall(r'^\s*"(.*)",$', block, re.M)]
    out, n = [], 0
    length = 0
    while length < size:
        t = templates[n % len(templates)].replace("{n}", str(n % 97 + 2))
        piece = t + ("\n" if n % 7 == 6 else " ")
        out.append(piece)
        length += len(piece.encode("utf-8"))
        n += 1
    return "".join(out)


def french(size: int) -> str:
    sample = open(os.path.join(ROOT, "assets", "samples", "poutine-kim-limousine.fr.txt"), encoding="utf-8").read()
    paragraphs = [p.strip() for p in sample.split("\n\n") if p.strip()]
    out, length, part = [], 0, 0
    while length < size:
        for p in paragraphs:
            piece = f"{p} (Partie {part}.)\n\n"
            out.append(piece)
            length += len(piece.encode("utf-8"))
        part += 1
    return "".join(out)


def main() -> int:
    if len(sys.argv) != 2:
        print(__doc__, file=sys.stderr)
        return 2
    os.makedirs(sys.argv[1], exist_ok=True)
    for name, text in [("en_1mb.txt", english(1 << 20)), ("fr_1mb.txt", french(1_000_000))]:
        with open(os.path.join(sys.argv[1], name), "w", encoding="utf-8") as f:
            f.write(text)
    return 0


if __name__ == "__main__":
    sys.exit(main())
