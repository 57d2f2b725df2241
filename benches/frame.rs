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
use egui_kittest::kittest::Queryable;
use std::path::PathBuf;

/// 1 MB of news paragraphs: the French sample's shorter sentences, four to a paragraph, over and
/// over.
fn big_article(dir: &std::path::Path) -> PathBuf {
    let sample = claimdesk::article::sample();
    let sentences: Vec<String> = claimdesk::extract::sentences(&sample)
        .into_iter()
        .map(|c| c.text)
        .filter(|t| t.len() < 200 && t.ends_with(['.', '!', '?']))
        .collect();
    let mut text = String::from("Un million d'octets\n\n");
    for (i, s) in sentences.iter().cycle().enumerate() {
        if text.len() >= 1_000_000 {
            break;
        }
        text.push_str(s);
        text.push_str(if i % 4 == 3 { "\n\n" } else { " " });
    }
    let path = dir.join("big.txt");
    std::fs::write(&path, text).unwrap();
    path
}

fn frames(c: &mut Criterion) {
    let dir = tempfile::tempdir().unwrap();
    let path = big_article(dir.path());
    // A long article is measured over a few dozen frames after it opens.
    let mut h = Harness::builder()
        .with_size(egui::vec2(1400.0, 900.0))
        .with_max_steps(200)
        .build_eframe(move |cc| {
            let mut app = ClaimdeskApp::new(&cc.egui_ctx, Box::new(ScriptedPicker::new()));
            app.open_path(&path);
            app.wait_for_job()
                .expect("the open runs")
                .expect("the article opens");
            app
        });
    h.run();
    // The sample gives ~3,900 claims per MB at the default threshold: the slider at 0 makes
    // every sentence a claim, past 5,000.
    h.get_by_role_and_label(egui::accesskit::Role::Slider, "Threshold")
        .set_value_accesskit(0.0);
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
