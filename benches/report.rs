//! Exporting a review of 5,000 claims in every report format (the target: < 200 ms each).
//! Run with `cargo bench --bench report`.

use chrono::NaiveDate;
use claimdesk::article::{Article, Block, BlockKind, Metadata};
use claimdesk::extract::Candidate;
use claimdesk::report::{self, Format, Options, ReportSettings};
use claimdesk::review::{Action, Evidence, Review, Stance, Verdict};
use criterion::{Criterion, criterion_group, criterion_main};
use std::hint::black_box;

const CLAIMS: usize = 5_000;

/// An article of 1,000 paragraphs of five sentences, every sentence a claim; a third of the
/// claims verified or disputed with two sources, a note on every fifth.
fn big_review() -> Review {
    let mut text = String::from("Le budget de la ville");
    let mut blocks = vec![Block {
        kind: BlockKind::Title,
        start: 0,
        end: text.len(),
    }];
    let mut cands = Vec::with_capacity(CLAIMS);
    for p in 0..CLAIMS / 5 {
        text.push_str("\n\n");
        let start = text.len();
        for s in 0..5 {
            if s > 0 {
                text.push(' ');
            }
            let i = p * 5 + s;
            let from = text.len();
            text.push_str(&format!(
                "Selon le ministre, la ville a dépensé {i} millions d’euros pour « les routes » en 2023, soit {} % de plus qu’en 2019.",
                i % 97
            ));
            cands.push(Candidate {
                range: from..text.len(),
                text: text[from..].to_string(),
                score: 0.8,
                reasons: ["number", "date"].into_iter().collect(),
                kind: "quantity",
                kind_reason: "number".into(),
                claimant: (i % 3 != 0).then(|| "le ministre".to_string()),
                group: None,
                block: BlockKind::Paragraph,
            });
        }
        blocks.push(Block {
            kind: BlockKind::Paragraph,
            start,
            end: text.len(),
        });
    }
    let article = Article {
        text,
        blocks,
        metadata: Metadata {
            title: Some("Le budget de la ville".into()),
            url: Some("https://journal.example.org/budget".into()),
            language: Some("fr".into()),
            source_name: "budget.html".into(),
            format: "html".into(),
            ..Default::default()
        },
        boilerplate: Vec::new(),
    };
    let mut review = Review::new(article, &cands);
    let day = NaiveDate::from_ymd_opt(2024, 6, 20).unwrap();
    let ids: Vec<u32> = review.claims.iter().map(|c| c.id).collect();
    for (n, id) in ids.into_iter().enumerate() {
        let verdict = match n % 6 {
            0 => Verdict::Verified,
            1 => Verdict::Disputed,
            2 => Verdict::Unsourced,
            _ => continue,
        };
        review
            .apply(Action::SetVerdict { claim: id, verdict })
            .unwrap();
        if n % 5 == 0 {
            review
                .apply(Action::SetNote {
                    claim: id,
                    note: "Appelé la mairie : le chiffre vient du rapport annuel, p. 12.".into(),
                })
                .unwrap();
        }
        for (k, url) in [
            "https://www.insee.fr/fr/statistiques/1",
            "https://apnews.com/x",
        ]
        .into_iter()
        .enumerate()
        {
            let mut e = Evidence::new(url, day).unwrap();
            e.title = "Rapport annuel".into();
            e.quote = "Les dépenses de voirie ont augmenté de 12 %.".into();
            e.stance = if k == 0 {
                Stance::Supports
            } else {
                Stance::Refutes
            };
            review
                .apply(Action::AddEvidence {
                    claim: id,
                    index: k,
                    evidence: e,
                })
                .unwrap();
        }
    }
    review
}

fn bench(c: &mut Criterion) {
    let review = big_review();
    assert_eq!(review.claims.len(), CLAIMS);
    let settings = ReportSettings::for_review(&review);
    let mut group = c.benchmark_group("report_5000_claims");
    group.sample_size(10);
    for f in Format::ALL {
        group.bench_function(f.name(), |b| {
            b.iter(|| report::render_with(black_box(&review), f, &settings, Options::default()))
        });
    }
    group.bench_function("HTML with the article", |b| {
        b.iter(|| {
            report::render_with(
                black_box(&review),
                Format::Html,
                &settings,
                Options {
                    with_article: true,
                    ..Default::default()
                },
            )
        })
    });
    group.bench_function("pre-flight lint", |b| {
        b.iter(|| report::lint(black_box(&review), &settings, claimdesk::i18n::Lang::EN))
    });
    group.finish();
}

criterion_group!(benches, bench);
criterion_main!(benches);
