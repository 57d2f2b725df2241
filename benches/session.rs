//! Saving and loading a session of 5,000 claims, and opening + extracting a 1 MB article.
//! Run with `cargo bench --bench session`.

use claimdesk::review::Review;
use claimdesk::{article, extract, store};
use criterion::{Criterion, criterion_group, criterion_main};
use std::hint::black_box;

const SAMPLE: &str = include_str!("../assets/samples/poutine-kim-limousine.fr.txt");

/// About 1 MB of article text: the sample's body paragraphs, numbered so they differ.
fn big_article_text() -> String {
    let body: Vec<&str> = SAMPLE.split("\n\n").skip(2).take(16).collect();
    let mut out = String::from("Un long article\n\n");
    let mut i = 0;
    while out.len() < 1_000_000 {
        for p in &body {
            out.push_str(&format!("{p} (Partie {i}.)\n\n"));
        }
        i += 1;
    }
    out
}

fn bench_session(c: &mut Criterion) {
    let text = big_article_text();
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

criterion_group!(benches, bench_session);
criterion_main!(benches);
