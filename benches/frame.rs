//! Frame cost of the real window, headless (egui_kittest), on a 1 MB article with 5,000+
//! claims: an idle frame, moving the selection (J), marking a claim (V: the highlights change
//! and the selection moves on) and scrolling the article. Criterion reports the median; the
//! goal is < 8 ms of CPU per frame.
//!
//! `cargo bench --bench frame`

use claimdesk::ui::{ClaimdeskApp, ScriptedPicker};
use criterion::{Criterion, criterion_group, criterion_main};
use eframe::egui::{self, Key};
use egui_kittest::Harness;
use std::path::PathBuf;

/// The French sample's text repeated to 1 MB (each copy's claims are claims again).
fn big_article(dir: &std::path::Path) -> PathBuf {
    let sample = claimdesk::article::sample().text;
    let mut text = String::new();
    while text.len() < 1_000_000 {
        text.push_str(&sample);
        text.push_str("\n\n");
    }
    let path = dir.join("big.txt");
    std::fs::write(&path, text).unwrap();
    path
}

fn frames(c: &mut Criterion) {
    let dir = tempfile::tempdir().unwrap();
    let path = big_article(dir.path());
    let mut h = Harness::builder()
        .with_size(egui::vec2(1400.0, 900.0))
        .build_eframe(move |cc| {
            let mut app = ClaimdeskApp::new(&cc.egui_ctx, Box::new(ScriptedPicker::new()));
            app.open_path(&path).unwrap();
            app
        });
    h.run();
    let n = h.state().review().claims.len();
    let kb = h.state().review().article.text.len() / 1024;
    eprintln!("frame bench: {kb} KiB article, {n} claims");
    assert!(n >= 5000, "{n} claims");

    let mut g = c.benchmark_group(format!("frame ({kb} KiB, {n} claims)"));
    g.bench_function("idle", |b| b.iter(|| h.step()));
    g.bench_function("J: next claim", |b| {
        b.iter(|| {
            h.key_press(Key::J);
            h.step();
        })
    });
    g.bench_function("V: mark and move on", |b| {
        b.iter(|| {
            h.key_press(Key::V);
            h.step();
        })
    });
    h.hover_at(egui::pos2(300.0, 500.0)); // over the article
    h.step();
    g.bench_function("scroll the article", |b| {
        b.iter(|| {
            h.event(egui::Event::MouseWheel {
                unit: egui::MouseWheelUnit::Point,
                delta: egui::vec2(0.0, -120.0),
                phase: egui::TouchPhase::Move,
                source: egui::MouseWheelSource::Wheel,
                modifiers: egui::Modifiers::NONE,
            });
            h.step();
        })
    });
    g.finish();
}

criterion_group! {
    name = benches;
    config = Criterion::default().sample_size(30);
    targets = frames
}
criterion_main!(benches);
