//! Saving and loading a session of 5,000 claims, opening + extracting a 1 MB article, and
//! re-anchoring a session on an edited article. Run with `cargo bench --bench session`.

use claimdesk::review::Review;
use claimdesk::review::anchor::reanchor;
use claimdesk::{article, extract, store};
use criterion::{BatchSize, Criterion, criterion_group, criterion_main};
use std::hint::black_box;

const SAMPLE: &str = include_str!("../assets/samples/poutine-kim-limousine.fr.txt");

/// About `size` bytes of article text: the sample's body paragraphs, numbered so they differ.
fn big_article_text(size: usize) -> String {
    let body: Vec<&str> = SAMPLE.split("\n\n").skip(2).take(16).collect();
    let mut out = String::from("Un long article\n\n");
    let mut i = 0;
    while out.len() < size {
        for p in &body {
            out.push_str(&format!("{p} (Partie {i}.)\n\n"));
        }
        i += 1;
    }
    out
}

fn bench_session(c: &mut Criterion) {
    let text = big_article_text(1_000_000);
    let mut group = c.benchmark_group("1 MB article");
    group.sample_size(10);
    group.bench_function("open + extract", |b| {
        b.iter(|| {
            let a = article::from_bytes(black_box(text.as_bytes()), "long.txt").unwrap();
            extract::claims(&a, extract::DEFAULT_THRESHOLD)
        })
    });
    group.finish();

    let a = article::from_bytes(text.as_bytes(), "long.txt").unwrap();
    let sentences = extract::sentences(&a);
    assert!(sentences.len() >= 5000, "{} sentences", sentences.len());
    let review = Review::new(a, &sentences[..5000]);
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("big.claimdesk.json");
    let mut group = c.benchmark_group("5,000-claim session");
    group.sample_size(20);
    group.bench_function("save", |b| {
        b.iter(|| store::save(black_box(&review), &path).unwrap())
    });
    group.bench_function("load", |b| {
        b.iter(|| store::load(black_box(&path)).unwrap())
    });
    group.finish();
}

/// `text` as an editor might leave it: paragraphs moved, dropped, doubled and reworded, the last
/// third moved to the top.
fn edited(text: &str) -> String {
    let paras: Vec<&str> = text.split("\n\n").collect();
    let mut out: Vec<String> = Vec::new();
    for (i, p) in paras.iter().enumerate() {
        match i % 23 {
            0 => {}
            5 => out.insert(out.len() / 2, p.to_string()),
            9 => out.extend([p.to_string(), p.to_string()]),
            13 => out.push(p.replacen(" de ", " du ", 1)),
            _ => out.push(p.to_string()),
        }
    }
    let third = out.len() / 3;
    out.rotate_right(third);
    out.join("\n\n")
}

fn bench_reanchor(c: &mut Criterion) {
    let text = big_article_text(4_000_000);
    // Every sentence a claim: about 30,000.
    let a = article::from_bytes(text.as_bytes(), "long.txt").unwrap();
    let sentences = extract::sentences(&a);
    let review = Review::new(a, &sentences);
    let new = article::from_bytes(edited(&text).as_bytes(), "edited.txt").unwrap();
    // The sample's 17 claims onto one sentence of 1 MB: the sample without its full stops.
    let sample = Review::from_article(article::sample());
    let flat: String = SAMPLE
        .chars()
        .map(|c| match c {
            '.' | '!' | '?' | '…' => ',',
            c if c.is_whitespace() => ' ',
            c => c,
        })
        .collect();
    let giant = vec![flat.as_str(); 1_000_000 / flat.len() + 1].join(" ");
    let giant = article::from_bytes(giant.as_bytes(), "giant.txt").unwrap();

    let mut group = c.benchmark_group("reanchor");
    group.sample_size(10);
    group.bench_function("4 MB article, edited", |b| {
        b.iter_batched(
            || new.clone(),
            |new| reanchor(black_box(&review), new),
            BatchSize::LargeInput,
        )
    });
    group.bench_function("onto a single 1 MB sentence", |b| {
        b.iter_batched(
            || giant.clone(),
            |giant| reanchor(black_box(&sample), giant),
            BatchSize::LargeInput,
        )
    });
    group.finish();
}

criterion_group!(benches, bench_session, bench_reanchor);
criterion_main!(benches);
