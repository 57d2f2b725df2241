//! Throughput of sentence segmentation, check-worthiness scoring, and `claimdesk extract` end to
//! end (reading the article, cleaning, segmentation, scores, types, claimants, duplicate groups
//! and the JSON lines), on generated text.
//!
//! `cargo bench --bench extract`. The text is made here from a few sentence templates (French and
//! English, with abbreviations, numbers, quotes, ellipses and lists) repeated with varying numbers
//! until it reaches 1 MB, so the measure does not depend on any file. English sentences are scored
//! with the model that reads words, French ones with the named-feature model; `score/model_load`
//! parses the bundled model file.

use claimdesk::cli::{self, ExtractFormat};
use claimdesk::extract::{self, score, segment};
use claimdesk::lexicon;
use criterion::{Criterion, Throughput, criterion_group, criterion_main};
use std::hint::black_box;

const EN: &[&str] = &[
    "Mr. Smith said the budget grew by {n}.5% in 2019, the largest rise in a decade.",
    "\"We will cut taxes for {n} million families,\" the senator told reporters on Monday.",
    "I live in the U.S. How about you?",
    "At 5 a.m. Dr. Lee left the lab, according to the report (see p. {n}).",
    "Well... maybe not. The plan . . . was dropped.",
    "1) Buy milk 2) Call Anna",
    "Thank you very much.",
    "Unemployment fell to {n} percent because of the new law, officials said.",
];

const FR: &[&str] = &[
    "Selon Youri Ouchakov, conseiller de Poutine, l’accord a été signé le {n} juin.",
    "M. Dupont a vu Mme Durand à 10 h. Le coût atteint 1,{n} million d’euros.",
    "« C’est fini. Nous partons », a-t-il déclaré devant {n} personnes.",
    "Né en 52 av. J.-C. il mourut jeune ; Depuis, rien n’a changé…",
    "Les deux pays ont signé un traité en 1961, il y a {n} ans.",
    "Partagez cet article sur Facebook.",
];

fn text(templates: &[&str], bytes: usize) -> String {
    let mut out = String::with_capacity(bytes + 256);
    let mut n = 0usize;
    while out.len() < bytes {
        let t = templates[n % templates.len()];
        out.push_str(&t.replace("{n}", &(n % 97 + 2).to_string()));
        out.push(if n % 7 == 6 { '\n' } else { ' ' });
        n += 1;
    }
    out
}

fn segmentation(c: &mut Criterion) {
    let mut g = c.benchmark_group("segment");
    for (lang, templates) in [("en", EN), ("fr", FR)] {
        let lex = lexicon::for_language(lang);
        let t = text(templates, 1 << 20);
        g.throughput(Throughput::Bytes(t.len() as u64));
        g.bench_function(format!("{lang}_1MB"), |b| {
            b.iter(|| segment::sentences(black_box(&t), lex))
        });
    }
    g.finish();
}

fn scoring(c: &mut Criterion) {
    let mut g = c.benchmark_group("score");
    for (lang, templates) in [("en", EN), ("fr", FR)] {
        let lex = lexicon::for_language(lang);
        let t = text(templates, 200_000);
        let sentences: Vec<&str> = segment::sentences(&t, lex)
            .into_iter()
            .map(|r| &t[r])
            .take(1000)
            .collect();
        g.throughput(Throughput::Elements(sentences.len() as u64));
        g.bench_function(format!("{lang}_1000_sentences"), |b| {
            b.iter(|| {
                sentences
                    .iter()
                    .map(|s| score::score(black_box(s), lex).score)
                    .sum::<f32>()
            })
        });
    }
    g.finish();
}

/// About `bytes` of article: a title, then paragraphs of seven template sentences.
fn article(templates: &[&str], bytes: usize) -> String {
    let mut out = String::from("A long article\n\n");
    let mut n = 0usize;
    while out.len() < bytes {
        let t = templates[n % templates.len()];
        out.push_str(&t.replace("{n}", &(n % 97 + 2).to_string()));
        out.push_str(if n % 7 == 6 { "\n\n" } else { " " });
        n += 1;
    }
    out
}

/// What `claimdesk extract FILE` does after reading the file (and hashing it for the session):
/// the article read from its bytes, its sentences scored and grouped, the claims printed.
fn end_to_end(c: &mut Criterion) {
    let mut g = c.benchmark_group("extract");
    g.sample_size(20);
    for (lang, templates) in [("en", EN), ("fr", FR)] {
        let t = article(templates, 1 << 20);
        g.throughput(Throughput::Bytes(t.len() as u64));
        g.bench_function(format!("{lang}_1MB_article_to_jsonl"), |b| {
            b.iter(|| {
                let a =
                    claimdesk::article::from_bytes(black_box(t.as_bytes()), "article.txt").unwrap();
                let sentences = extract::sentences_for_claims(&a, extract::DEFAULT_THRESHOLD);
                cli::extract_output(
                    &a,
                    &sentences,
                    ExtractFormat::Jsonl,
                    false,
                    extract::DEFAULT_THRESHOLD,
                )
            })
        });
    }
    g.finish();
}

/// Parsing the bundled check-worthiness model (named weights and the English term weights), as
/// the first score in a process does.
fn model_load(c: &mut Criterion) {
    c.bench_function("score/model_load", |b| {
        b.iter(|| score::Model::parse(black_box(score::MODEL_JSON)).unwrap())
    });
}

criterion_group!(benches, segmentation, scoring, model_load, end_to_end);
criterion_main!(benches);
