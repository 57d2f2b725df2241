#!/usr/bin/env python3
"""Writes a synthetic claim library for the matching timings of docs/PERFORMANCE.md: N
schema.org ClaimReview objects, one a line, for `claimdesk library import`.

    python3 tools/make_library.py OUT.jsonl N [--seed S]

Everything comes from the word lists and templates below (no outside data): each fact-check
has a claim (a template filled with a made-up person, place, topic words, a number and a
year), a title and a description that say it again in other words, a rating, an address and a
publication date. The topic words are drawn from 60,000 made-up words with Zipf-like
frequencies, so that, as in real libraries, a few words are in many entries and most are in few.
The same N and seed give the same file.
"""

import json
import random
import sys

SYLLABLES = (
    "ba be bi bo bu da de di do du fa fe fi fo ga ge go ka ke ki ko ku la le li lo lu ma me mi "
    "mo mu na ne ni no nu pa pe pi po ra re ri ro ru sa se si so su ta te ti to tu va ve vi vo "
    "za ze zo bra bri cro dra fra gri kla plo pra sta stri tra tro vla"
).split()

PEOPLE = "minister senator mayor governor actress singer doctor professor ceo footballer".split()
PLACES_KIND = "city county province state island region village district".split()
VERBS = [
    ("said", "says"),
    ("claimed", "claims"),
    ("posted", "posts"),
    ("announced", "announces"),
    ("tweeted", "tweets"),
    ("wrote", "writes"),
]
FACTS = [
    "{topic} rose by {n} percent in {place} in {year}",
    "{topic} fell by {n} percent in {place} in {year}",
    "{place} spent {n} million on {topic} in {year}",
    "{n} people died of {topic} in {place} in {year}",
    "a photo shows {topic} in {place}",
    "a video shows {n} {topic} near {place}",
    "{topic} will be banned in {place} from {year}",
    "{topic} causes {other} according to a study from {year}",
    "the government of {place} hid {topic} for {n} years",
    "{topic} was found in {other} sold in {place}",
]
TITLES = [
    "Did {who} Say {Topic} Rose in {Place}?",
    "Is It True That {Topic} Is Linked to {Other}?",
    "Does This Photo Show {Topic} in {Place}?",
    "{Who} and the {Topic} Claim",
    "Fact Check: {Topic} in {Place} in {year}",
]
NOTES = [
    "The claim about {topic} spread on social media after {who} repeated it.",
    "Official figures for {place} do not support the claim about {topic} and {other}.",
    "A {kind} report from {year} says otherwise about {topic}.",
    "The picture was taken years earlier and shows {other}, not {topic}.",
]
RATINGS = ["False", "Mostly false", "Mixture", "Mostly true", "True", "Misleading", "Unproven"]


def main():
    if len(sys.argv) < 3:
        sys.exit(__doc__)
    out, n = sys.argv[1], int(sys.argv[2])
    seed = int(sys.argv[sys.argv.index("--seed") + 1]) if "--seed" in sys.argv else 1
    rnd = random.Random(seed)

    def made_up(k_min, k_max):
        return "".join(rnd.choice(SYLLABLES) for _ in range(rnd.randint(k_min, k_max)))

    vocabulary = sorted({made_up(2, 4) for _ in range(70_000)})[:60_000]
    rnd.shuffle(vocabulary)
    weights = [1.0 / (r + 10) for r in range(len(vocabulary))]
    cumulative, total = [], 0.0
    for w in weights:
        total += w
        cumulative.append(total)
    first_names = [made_up(2, 3).capitalize() for _ in range(3_000)]
    last_names = [made_up(2, 4).capitalize() for _ in range(20_000)]
    places = [made_up(2, 4).capitalize() for _ in range(5_000)]

    def topic(k):
        return " ".join(rnd.choices(vocabulary, cum_weights=cumulative, k=k))

    with open(out, "w", encoding="utf-8") as f:
        for i in range(n):
            who = f"{rnd.choice(first_names)} {rnd.choice(last_names)}"
            place = rnd.choice(places)
            t, o = topic(rnd.randint(1, 3)), topic(rnd.randint(1, 2))
            year = rnd.randint(1990, 2025)
            fill = dict(
                topic=t, other=o, place=place, who=who, year=year, n=rnd.randint(2, 900),
                Topic=t.title(), Other=o.title(), Place=place, Who=who,
                kind=rnd.choice(PLACES_KIND),
            )
            past, _ = rnd.choice(VERBS)
            claim = f"{rnd.choice(PEOPLE).capitalize()} {who} {past} that " + rnd.choice(FACTS).format(**fill) + "."
            published = f"{rnd.randint(2010, 2025)}-{rnd.randint(1, 12):02d}-{rnd.randint(1, 28):02d}"
            review = {
                "@type": "ClaimReview",
                "url": f"https://factcheck.example/{i}",
                "claimReviewed": claim,
                "name": rnd.choice(TITLES).format(**fill),
                "description": rnd.choice(NOTES).format(**fill),
                "datePublished": published,
                "reviewRating": {"alternateName": rnd.choice(RATINGS)},
            }
            # Half name the claimant (and the lines stay short: a million of them are under
            # the 512 MiB import limit).
            if i % 2 == 0:
                review["itemReviewed"] = {"@type": "Claim", "author": {"name": who}}
            f.write(json.dumps(review, ensure_ascii=False, separators=(",", ":")) + "\n")


if __name__ == "__main__":
    main()
