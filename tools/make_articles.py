#!/usr/bin/env python3
"""Writes the texts that docs/PERFORMANCE.md's extract and reanchor timings use, made from
project files only.

    python3 tools/make_articles.py OUT_DIR

- `OUT_DIR/en_1mb.txt`: the English sentence templates of `benches/extract.rs` repeated with
  varying numbers (a new paragraph every seven sentences) up to 1 MiB, as the `extract/` bench
  makes its text: claim-heavy (about 15,000 claims).
- `OUT_DIR/fr_1mb.txt`: the bundled French sample article repeated, each paragraph tagged
  "(Partie N.)", up to 1 MB: news prose, its title, credits and share trailer over and over.
- `OUT_DIR/fr_8mb.txt`: the same up to 8 MB, and `OUT_DIR/fr_8mb_edited.txt`, an edited
  version of it for `claimdesk reanchor`: about one paragraph in ten moved, dropped, doubled or
  reworded, a new paragraph here and there, the last third moved to the top.
- `OUT_DIR/one_sentence_1mb.txt`: the sample without its full stops, repeated: one sentence of
  1 MB.
"""

import os
import random
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


def edited(text: str) -> str:
    """An editor's pass over `text`, the same every run."""
    rng = random.Random(8)
    paras = text.split("\n\n")
    for _ in range(len(paras) // 10):
        i = rng.randrange(len(paras))
        op = rng.randrange(5)
        if op == 0:
            paras.insert(rng.randrange(len(paras)), paras.pop(i))
        elif op == 1:
            paras.pop(i)
        elif op == 2:
            paras.insert(i, paras[i])
        elif op == 3:
            words = paras[i].split(" ")
            words.insert(rng.randrange(len(words) + 1), rng.choice(["vraiment", "environ", "en 2024"]))
            paras[i] = " ".join(words)
        else:
            paras.insert(i, "Mise à jour : cet article a été corrigé le 21 juin.")
    third = len(paras) // 3
    return "\n\n".join(paras[-third:] + paras[:-third])


def one_sentence(size: int) -> str:
    sample = open(os.path.join(ROOT, "assets", "samples", "poutine-kim-limousine.fr.txt"), encoding="utf-8").read()
    flat = re.sub(r"\s+", " ", re.sub(r"[.!?…]", ",", sample))
    return " ".join([flat] * (size // len(flat.encode("utf-8")) + 1))


def main() -> int:
    if len(sys.argv) != 2:
        print(__doc__, file=sys.stderr)
        return 2
    os.makedirs(sys.argv[1], exist_ok=True)
    fr_8mb = french(8_000_000)
    outputs = [
        ("en_1mb.txt", english(1 << 20)),
        ("fr_1mb.txt", french(1_000_000)),
        ("fr_8mb.txt", fr_8mb),
        ("fr_8mb_edited.txt", edited(fr_8mb)),
        ("one_sentence_1mb.txt", one_sentence(1_000_000)),
    ]
    for name, text in outputs:
        with open(os.path.join(sys.argv[1], name), "w", encoding="utf-8") as f:
            f.write(text)
    return 0


if __name__ == "__main__":
    sys.exit(main())
