//! The real app driven headless with egui_kittest: widgets found by their accessible labels,
//! clicked and typed into; assertions on the app's state and on the files it writes.

use claimdesk::review::Verdict;
use claimdesk::ui::{ClaimdeskApp, Purpose, ScriptedPicker};
use eframe::egui::{self, Key, Modifiers};
use egui::accesskit::Role;
use egui_kittest::Harness;
use egui_kittest::kittest::{NodeT, Queryable};
use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

fn harness(picker: &ScriptedPicker) -> Harness<'static, ClaimdeskApp> {
    let picker = picker.clone();
    let mut h = Harness::builder()
        .with_size(egui::vec2(1280.0, 820.0))
        .build_eframe(move |cc| ClaimdeskApp::new(&cc.egui_ctx, Box::new(picker)));
    h.run();
    h
}

/// Runs frames until the window is idle, with no job (opening, re-anchoring, exporting) left
/// running: frames keep coming while a worker runs, as in the real window, and the outcome is
/// applied by a frame.
fn settle(h: &mut Harness<'_, ClaimdeskApp>) {
    // Up to the job's start (a file dialog's answer comes a frame later); the progress
    // window's spinner asks for frames only every 50 ms, so this stops while the job runs.
    h.run_ok();
    let start = Instant::now();
    while h.state().is_busy() {
        assert!(
            start.elapsed() < Duration::from_secs(300),
            "still busy: {:?}",
            h.state().job_label()
        );
        std::thread::sleep(Duration::from_millis(5));
        h.step();
    }
    h.run();
}

/// Opens `path` as the command line does (on a worker thread) and waits for the outcome.
fn open_now(h: &mut Harness<'_, ClaimdeskApp>, path: &Path) -> Result<(), String> {
    h.state_mut().open_path(path);
    assert!(h.state().is_busy(), "the open runs on a worker");
    h.state_mut().wait_for_job().expect("the open was running")
}

fn claim_id_containing(h: &Harness<'_, ClaimdeskApp>, needle: &str) -> u32 {
    h.state()
        .review()
        .claims
        .iter()
        .find(|c| c.text().contains(needle))
        .map(|c| c.id)
        .unwrap_or_else(|| panic!("no claim contains {needle}"))
}

/// The checklist row (a list item) whose text contains `needle`, if it is drawn.
fn query_row<'t>(h: &'t Harness<'_, ClaimdeskApp>, needle: &str) -> Option<egui_kittest::Node<'t>> {
    let needle = needle.to_string();
    h.query_by(move |n| {
        n.role() == Role::ListItem && n.label().is_some_and(|l| l.contains(needle.as_str()))
    })
}

/// Finds a claim as a reviewer does in a long checklist: types words of it in the Filter
/// field, clicks its row, then clears the filter.
fn click_row(h: &mut Harness<'_, ClaimdeskApp>, needle: &str) {
    h.get_by_label("Filter").click();
    h.run();
    h.get_by_label("Filter").type_text(needle);
    h.run();
    query_row(h, needle)
        .unwrap_or_else(|| panic!("no row contains {needle}"))
        .click();
    h.run();
    h.get_by_label("Clear filters").click();
    h.run();
}

/// Clicks the tab of the claims panel whose label starts with `prefix` ("Claims (", …).
fn open_tab(h: &mut Harness<'_, ClaimdeskApp>, prefix: &str) {
    let prefix = prefix.to_string();
    h.get_by(move |n| n.label().is_some_and(|l| l.starts_with(prefix.as_str())))
        .click();
    h.run();
}

/// Ctrl+E opens the export dialog; the modal takes a second run to settle its size.
fn open_export_dialog(h: &mut Harness<'_, ClaimdeskApp>) {
    h.key_press_modifiers(Modifiers::COMMAND, Key::E);
    h.run();
    h.run();
}

fn verdict(h: &Harness<'_, ClaimdeskApp>, id: u32) -> Verdict {
    h.state().review().claim(id).unwrap().verdict
}

#[test]
fn sample_loads_with_its_checklist_and_progress() {
    let picker = ScriptedPicker::new();
    let h = harness(&picker);
    let n = h.state().review().claims.len();
    assert!(n >= 10, "{n} claims");
    h.get_by_label(&format!("0 / {n} reviewed"));
    h.get_by_label("Article text");
    // The checklist draws only the rows in view; the first claims are there.
    let first = h.state().review().claims[0].text().to_string();
    assert!(query_row(&h, &first).is_some());
    let last = h.state().review().claims[n - 1].text().to_string();
    assert!(
        query_row(&h, &last).is_none(),
        "rows out of view are not drawn"
    );
    assert_eq!(h.state().selected(), Some(h.state().review().claims[0].id));
    assert!(
        h.query_by_label_contains("Akismet").is_none(),
        "the comment trailer is not a claim"
    );
}

#[test]
fn select_a_claim_press_d_and_the_export_says_disputed() {
    let dir = tempfile::tempdir().unwrap();
    let picker = ScriptedPicker::new();
    let mut h = harness(&picker);
    let id = claim_id_containing(&h, "Pungsan");
    click_row(&mut h, "chiens de chasse indigènes Pungsan");
    assert_eq!(h.state().selected(), Some(id));

    h.key_press(Key::D);
    h.run();
    assert_eq!(verdict(&h, id), Verdict::Disputed);
    let n = h.state().review().claims.len();
    h.get_by_label(&format!("1 / {n} reviewed"));

    let out = dir.path().join("report.md");
    picker.answer(Some(out.clone()));
    open_export_dialog(&mut h);
    // The export dialog: Markdown is chosen; the pre-flight check lists the unreviewed claims.
    h.get_by_label_contains("Pre-flight check:");
    h.get_by_label_contains(&format!("{} of {n} claims are unreviewed", n - 1));
    h.get_by_label("Export…").click();
    settle(&mut h);
    let req = picker.requests().pop().unwrap();
    assert_eq!(req.purpose, Purpose::Export);
    let md = std::fs::read_to_string(&out).expect("the report was written");
    let claim_text = h.state().review().claim(id).unwrap().text().to_string();
    // The report is in the article's language (French), for readers: only the checked claim.
    let section = md
        .split(&format!("### Affirmation {id} — "))
        .nth(1)
        .expect("the claim is in the report");
    assert!(section.starts_with("Contestée"), "{section}");
    assert!(section.contains(&claim_text[..40]), "{section}");
    assert!(md.contains("| Contestée | 1 |"), "{md}");
    assert!(!md.contains("À vérifier"), "{md}");

    // The same through a JSON file name.
    let json_out = dir.path().join("report.json");
    picker.answer(Some(json_out.clone()));
    open_export_dialog(&mut h);
    h.get_by_label("Export…").click();
    settle(&mut h);
    let v: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(json_out).unwrap()).unwrap();
    assert_eq!(v["counts"]["disputed"], 1);
}

#[test]
fn keyboard_triage_moves_and_marks() {
    let picker = ScriptedPicker::new();
    let mut h = harness(&picker);
    let ids: Vec<u32> = h.state().review().claims.iter().map(|c| c.id).collect();
    let n = ids.len();
    // A verdict moves on to the next unreviewed claim.
    h.key_press(Key::V);
    h.run();
    assert_eq!(verdict(&h, ids[0]), Verdict::Verified);
    assert_eq!(h.state().selected(), Some(ids[1]));
    h.key_press(Key::J);
    h.run();
    h.key_press(Key::U);
    h.run();
    assert_eq!(verdict(&h, ids[2]), Verdict::Unsourced);
    assert_eq!(h.state().selected(), Some(ids[3]));
    h.key_press(Key::K);
    h.run();
    h.key_press(Key::ArrowUp);
    h.run();
    h.key_press(Key::ArrowDown);
    h.run();
    assert_eq!(h.state().selected(), Some(ids[2]));
    // 0 sets it back to Unreviewed and stays; undo brings back Unsourced.
    h.key_press(Key::Num0);
    h.run();
    assert_eq!(verdict(&h, ids[2]), Verdict::Unreviewed);
    assert_eq!(h.state().selected(), Some(ids[2]));
    h.key_press_modifiers(Modifiers::COMMAND, Key::Z);
    h.run();
    assert_eq!(verdict(&h, ids[2]), Verdict::Unsourced);
    // Buttons do the same as keys.
    h.get_by_role_and_label(Role::Button, "Disputed").click();
    h.run();
    assert_eq!(verdict(&h, ids[2]), Verdict::Disputed);
    assert_eq!(
        h.state().selected(),
        Some(ids[2]),
        "a click does not move on"
    );
    h.key_press(Key::J);
    h.run();

    // The whole article, one key per claim: D on each of the claims still unreviewed, starting
    // from the first one (the selection wraps around to it).
    let left = h.state().review().counts().unreviewed;
    for _ in 0..left {
        h.key_press(Key::D);
        h.run();
    }
    assert_eq!(h.state().review().counts().unreviewed, 0);
    h.get_by_label(&format!("{n} / {n} reviewed"));
    assert_eq!(verdict(&h, ids[0]), Verdict::Verified);
    assert_eq!(verdict(&h, ids[1]), Verdict::Disputed);
    assert!(h.state().is_dirty());
}

#[test]
fn clicking_a_span_in_the_article_selects_its_claim() {
    let picker = ScriptedPicker::new();
    let mut h = harness(&picker);
    let first = h.state().review().claims[0].id;
    h.key_press(Key::J);
    h.key_press(Key::J);
    h.run();
    assert_ne!(h.state().selected(), Some(first));
    let rect = h.get_by_label("Article text").rect();
    // Walk down the left edge of the text: past the title, the first paragraph is claim 1.
    let mut y = rect.min.y + 5.0;
    while h.state().selected() != Some(first) && y < rect.min.y + 250.0 {
        h.get_by_label("Article text").hover();
        h.hover_at(egui::pos2(rect.min.x + 30.0, y));
        h.run();
        h.drag_at(egui::pos2(rect.min.x + 30.0, y));
        h.drop_at(egui::pos2(rect.min.x + 30.0, y));
        h.run();
        y += 8.0;
    }
    assert_eq!(h.state().selected(), Some(first));
}

/// A window that opens `article`, a long one: measuring it takes more frames than the default
/// harness allows (the frames after the opening are not run yet).
fn harness_opening_a_long_article(article: &Path) -> Harness<'static, ClaimdeskApp> {
    harness_opening_a_long_article_with(article, &ScriptedPicker::new())
}

fn harness_opening_a_long_article_with(
    article: &Path,
    picker: &ScriptedPicker,
) -> Harness<'static, ClaimdeskApp> {
    let picker = picker.clone();
    let mut h = Harness::builder()
        .with_size(egui::vec2(1280.0, 820.0))
        .with_max_steps(64)
        .build_eframe(move |cc| ClaimdeskApp::new(&cc.egui_ctx, Box::new(picker.clone())));
    h.run();
    open_now(&mut h, article).unwrap();
    h
}

#[test]
fn a_long_article_is_measured_over_frames_and_scrolls_to_its_last_claim() {
    // About 200 KB of text: more than the window lays out in one frame, so the heights of the
    // paragraphs below are estimated until measured, a slice per frame.
    let dir = tempfile::tempdir().unwrap();
    let article = dir.path().join("long.txt");
    let mut text = String::from("Le budget des routes, ville par ville\n\n");
    for i in 0..1800 {
        text += &format!(
            "En {}, la commune numéro {i} a consacré {} millions d'euros à ses routes, \
             selon le rapport annuel de la préfecture.\n\n",
            2000 + i % 24,
            i * 3 + 7
        );
    }
    text += "Le ministère affirme que 97 % des routes nationales ont été refaites en 2024.\n";
    std::fs::write(&article, &text).unwrap();
    let mut h = harness_opening_a_long_article(&article);
    let frames = h.run();
    assert!(frames > 2, "measured in {frames} frames");
    let last = claim_id_containing(&h, "97 %");
    assert!(
        h.state()
            .article_point(h.state().review().claim(last).unwrap().position.start)
            .is_none(),
        "the end of the article is not drawn at first"
    );
    click_row(&mut h, "97 %");
    h.run();
    assert_eq!(h.state().selected(), Some(last));
    let start = h.state().review().claim(last).unwrap().position.start;
    let at = h
        .state()
        .article_point(start)
        .expect("the last claim is scrolled into view");
    assert!((0.0..820.0).contains(&at.y), "drawn at {at:?}");
    // The text is where it is drawn: clicking it selects its claim again.
    h.key_press(Key::K);
    h.run();
    assert_ne!(h.state().selected(), Some(last));
    let at = h.state().article_point(start + 3).unwrap();
    h.hover_at(at);
    h.run();
    h.drag_at(at);
    h.drop_at(at);
    h.run();
    assert_eq!(h.state().selected(), Some(last));
}

#[test]
fn a_claim_of_a_hundred_kilobytes_is_shown_in_part_and_whole_in_the_article() {
    // A scraped text with no punctuation or line breaks: one "sentence" of 100 KB.
    let dir = tempfile::tempdir().unwrap();
    let article = dir.path().join("one-line.txt");
    let mut text = String::new();
    for i in 0..6000 {
        text += &format!("le budget {} de la ville ", 2000 + i % 24);
    }
    std::fs::write(&article, &text).unwrap();
    let mut h = harness_opening_a_long_article(&article);
    h.run();
    let claim = h.state().review().claims[0].clone();
    assert!(claim.text().len() > 100_000, "{}", claim.text().len());
    let all = claim.text().chars().count();
    h.get_by_label_contains(&format!(
        " of {all} characters; the whole claim is highlighted"
    ));
    // The article shows the block in pieces: its first words and, scrolled to the end with
    // the search, its last ones are drawn where the text is.
    let start = claim.position.start;
    assert!(h.state().article_point(start + 3).is_some());
    search(&mut h, "2023 de la ville");
    let (matches, _) = h.state().search_matches();
    let last = matches.last().unwrap().start;
    // Shift+Enter from the first match goes round to the last one.
    h.key_press_modifiers(Modifiers::SHIFT, Key::Enter);
    h.run();
    h.run();
    assert_eq!(h.state().search_matches().1, Some(matches.len() - 1));
    let at = h
        .state()
        .article_point(last)
        .expect("the end of the claim is drawn");
    assert!((0.0..820.0).contains(&at.y), "{at:?}");
}

#[test]
fn save_then_reopen_restores_verdicts_and_notes() {
    let dir = tempfile::tempdir().unwrap();
    let session = dir.path().join("limousine.claimdesk.json");
    let picker = ScriptedPicker::new();
    let mut h = harness(&picker);
    let id = claim_id_containing(&h, "1961");
    click_row(&mut h, "guerre froide de 1961");
    h.key_press(Key::U);
    h.run();
    // U moved on to the next unreviewed claim; back to this one for the note.
    assert_ne!(h.state().selected(), Some(id));
    click_row(&mut h, "guerre froide de 1961");
    h.get_by_label("Note").click();
    h.run();
    h.get_by_label("Note")
        .type_text("Traité de 1961 : vérifier la date exacte");
    h.run();
    // Keys typed into the note are text, not commands.
    assert_eq!(verdict(&h, id), Verdict::Unsourced);
    assert_eq!(
        h.state().review().claim(id).unwrap().note,
        "Traité de 1961 : vérifier la date exacte"
    );

    // The bundled sample has no folder of its own: Save asks where.
    picker.answer(Some(session.clone()));
    h.key_press_modifiers(Modifiers::COMMAND, Key::S);
    h.run();
    assert!(session.exists(), "{:?}", h.state().error());
    assert!(!h.state().is_dirty());

    let picker2 = ScriptedPicker::new();
    let mut h2 = harness(&picker2);
    assert_eq!(verdict(&h2, id), Verdict::Unreviewed);
    picker2.answer(Some(session.clone()));
    h2.key_press_modifiers(Modifiers::COMMAND, Key::O);
    settle(&mut h2);
    assert_eq!(verdict(&h2, id), Verdict::Unsourced);
    assert_eq!(
        h2.state().review().claim(id).unwrap().note,
        "Traité de 1961 : vérifier la date exacte"
    );
    assert_eq!(h2.state().session_path(), Some(session.as_path()));
}

#[test]
fn a_file_that_cannot_be_read_shows_an_error_and_keeps_the_review() {
    let dir = tempfile::tempdir().unwrap();
    let picker = ScriptedPicker::new();
    let mut h = harness(&picker);
    h.key_press(Key::V);
    h.run();
    let before = h.state().review().clone();
    let cases: Vec<(PathBuf, &str)> = {
        let bin = dir.path().join("photo.txt");
        std::fs::write(&bin, [0u8, 159, 146, 150, 0, 0, 1, 2]).unwrap();
        let empty = dir.path().join("empty.txt");
        std::fs::write(&empty, "").unwrap();
        let bad_session = dir.path().join("broken.claimdesk.json");
        std::fs::write(&bad_session, "{\"format_version\": 1, \"review\": {").unwrap();
        vec![
            (dir.path().join("missing.txt"), "no such file"),
            (dir.path().to_path_buf(), "folder"),
            (bin, "not an article"),
            (empty, "empty"),
            (bad_session, "line 1"),
        ]
    };
    for (path, expected) in cases {
        // The review has unsaved changes: Open asks first. Even after Discard, a failed open
        // keeps the review and its unsaved changes.
        picker.answer(Some(path.clone()));
        h.key_press_modifiers(Modifiers::COMMAND, Key::O);
        h.run();
        h.get_by_label("Discard").click();
        settle(&mut h);
        assert!(h.state().is_dirty());
        let err = h
            .state()
            .error()
            .unwrap_or_else(|| panic!("no error for {}", path.display()))
            .to_string();
        assert!(err.contains(expected), "{}: {err}", path.display());
        h.get_by_label_contains(&err[..20.min(err.len())]);
        assert_eq!(
            h.state().review(),
            &before,
            "the review changed after {}",
            path.display()
        );
        h.get_by_label("Dismiss").click();
        h.run();
        assert!(h.state().error().is_none());
    }
}

#[test]
fn a_session_with_duplicate_ids_opens_renumbered_and_says_so() {
    let dir = tempfile::tempdir().unwrap();
    let session = dir.path().join("dup.claimdesk.json");
    let r = claimdesk::review::Review::from_article(claimdesk::article::sample());
    let mut v: serde_json::Value = serde_json::from_str(&claimdesk::store::to_json(&r)).unwrap();
    v["review"]["claims"][1]["id"] = 1.into();
    std::fs::write(&session, v.to_string()).unwrap();
    let picker = ScriptedPicker::new();
    let mut h = harness(&picker);
    open_now(&mut h, &session).unwrap();
    h.run();
    let last = r.claims.iter().map(|c| c.id).max().unwrap();
    let said = format!(
        "claim id 1 appeared twice; the second is now claim {}",
        last + 1
    );
    let info = h.state().info().unwrap_or_default().to_string();
    assert!(info.starts_with("Opened with repairs: "), "{info}");
    assert!(info.contains(&said), "{info}");
    // On screen, not only in the state.
    h.get_by_label_contains(&said);
    assert_eq!(h.state().review().claims.len(), r.claims.len());
    assert!(h.state().review().claim(last + 1).is_some());
}

#[test]
fn unsaved_changes_ask_before_closing_or_opening() {
    let dir = tempfile::tempdir().unwrap();
    let other = dir.path().join("other.txt");
    std::fs::write(
        &other,
        "Budget\n\nThe city spent 12 million dollars on roads in 2023, twice the 2019 amount.\n",
    )
    .unwrap();
    let picker = ScriptedPicker::new();
    let mut h = harness(&picker);
    h.key_press(Key::D);
    h.run();
    h.input_mut()
        .viewports
        .entry(egui::ViewportId::ROOT)
        .or_default()
        .events
        .push(egui::ViewportEvent::Close);
    h.run();
    h.get_by_label("Unsaved changes");
    h.get_by_label("Cancel").click();
    h.run();
    assert!(h.query_by_label("Unsaved changes").is_none());

    // Dropping a file with unsaved changes asks too; Discard opens it.
    h.input_mut()
        .dropped_files
        .push(std::sync::Arc::new(TestDrop(other.clone())));
    h.run();
    h.get_by_label("Discard").click();
    settle(&mut h);
    assert_eq!(h.state().review().article.metadata.source_name, "other.txt");
    assert!(!h.state().is_dirty());
    assert!(
        h.state()
            .review()
            .claims
            .iter()
            .any(|c| c.text().contains("12 million"))
    );
}

#[derive(Debug)]
struct TestDrop(PathBuf);

impl egui::DroppedFile for TestDrop {
    fn path(&self) -> &Path {
        &self.0
    }

    fn bytes(&self) -> Result<Vec<u8>, String> {
        std::fs::read(&self.0).map_err(|e| e.to_string())
    }
}

#[test]
fn pasting_text_outside_a_field_reviews_it_as_an_article() {
    let picker = ScriptedPicker::new();
    let mut h = harness(&picker);
    let pasted = "Budget\n\nThe city spent 12 million dollars on roads in 2023, twice the 2019 amount, the mayor said.\n";
    // Into the note: the paste is text for the note, not a new article.
    h.get_by_label("Note").click();
    h.run();
    h.event(egui::Event::Paste("see p. 4".into()));
    h.run();
    let first = h.state().review().claims[0].id;
    assert_eq!(h.state().review().claim(first).unwrap().note, "see p. 4");
    h.key_press(Key::Escape);
    h.run();
    // Outside any field, with the note unsaved: asks first, then reviews the pasted text.
    h.get_by_label("Article text").click();
    h.run();
    h.event(egui::Event::Paste(pasted.into()));
    h.run();
    h.get_by_label("Discard").click();
    settle(&mut h);
    let review = h.state().review();
    assert!(
        review
            .article
            .metadata
            .source_name
            .starts_with("Pasted text")
    );
    assert!(
        review
            .claims
            .iter()
            .any(|c| c.text().contains("12 million dollars"))
    );
    assert!(review.article.metadata.source_path.is_none());
}

#[test]
fn removed_page_furniture_is_one_click_away() {
    let picker = ScriptedPicker::new();
    let mut h = harness(&picker);
    assert!(h.query_by_label_contains("Akismet").is_none());
    let fold = h.get_by_label_contains("Removed page furniture");
    fold.scroll_to_me();
    h.run();
    h.get_by_label_contains("Removed page furniture").click();
    h.run();
    h.get_by_label_contains("Akismet");
}

/// Fills the claim detail's "New source" form and presses Add evidence.
fn add_evidence(h: &mut Harness<'_, ClaimdeskApp>, url: &str, title: &str, quote: &str) {
    for (label, text) in [
        ("Source URL", url),
        ("Source title", title),
        ("Quoted passage", quote),
    ] {
        h.get_by_label(label).scroll_to_me();
        h.run();
        h.get_by_label(label).click();
        h.run();
        h.get_by_label(label).type_text(text);
        h.run();
    }
    h.get_by_label("Refutes the claim").click();
    h.run();
    h.get_by_role_and_label(egui::accesskit::Role::Button, "Add evidence")
        .click();
    h.run();
}

#[test]
fn evidence_added_in_the_detail_panel_is_in_the_markdown_and_html_reports() {
    let dir = tempfile::tempdir().unwrap();
    let picker = ScriptedPicker::new();
    let mut h = harness(&picker);
    let id = claim_id_containing(&h, "Pungsan");
    click_row(&mut h, "chiens de chasse indigènes Pungsan");
    h.key_press(Key::D);
    h.run();
    click_row(&mut h, "chiens de chasse indigènes Pungsan");

    // A bad address is refused with a message, and nothing is added.
    add_evidence(&mut h, "javascript:alert(1)", "x", "y");
    h.get_by_label_contains("not an http or https address");
    assert!(h.state().review().claim(id).unwrap().evidence.is_empty());
    for label in ["Source URL", "Source title", "Quoted passage"] {
        h.get_by_label(label).click();
        h.run();
        h.key_press_modifiers(Modifiers::COMMAND, Key::A);
        h.key_press(Key::Backspace);
        h.run();
    }

    add_evidence(
        &mut h,
        "https://www.kcna.kp/fr/article/pungsan",
        "KCNA: les chiens Pungsan",
        "Deux chiens de chasse Pungsan ont été offerts",
    );
    let ev = h.state().review().claim(id).unwrap().evidence.clone();
    assert_eq!(ev.len(), 1, "{:?}", h.state().error());
    assert_eq!(ev[0].url, "https://www.kcna.kp/fr/article/pungsan");
    assert_eq!(ev[0].stance, claimdesk::review::Stance::Refutes);
    h.get_by_label("Evidence (1)");
    h.get_by_label("KCNA: les chiens Pungsan");
    // The form is empty again, ready for the next source.
    assert!(
        h.state()
            .review()
            .history
            .iter()
            .any(|e| e.action.describe() == format!("claim {id}: evidence added (kcna.kp)"))
    );

    for (format, file) in [("Markdown", "r.md"), ("HTML", "r.html")] {
        let out = dir.path().join(file);
        picker.answer(Some(out.clone()));
        open_export_dialog(&mut h);
        h.get_by_label(format).click();
        h.run();
        h.get_by_label("Export…").click();
        settle(&mut h);
        let req = picker.requests().pop().unwrap();
        assert!(
            req.file_name
                .as_deref()
                .unwrap()
                .ends_with(file.trim_start_matches('r')),
            "{req:?}"
        );
        let text = std::fs::read_to_string(&out)
            .unwrap_or_else(|e| panic!("{file} not written: {e} {:?}", h.state().error()));
        assert!(text.contains("KCNA: les chiens Pungsan"), "{text}");
        assert!(text.contains("https://www.kcna.kp/fr/article/pungsan"));
        assert!(text.contains("Deux chiens de chasse Pungsan ont été offerts"));
        assert!(text.contains("contredit"), "{text}");
    }

    // Remove takes it out again; undo brings it back.
    h.get_by_label("Remove").click();
    h.run();
    assert!(h.state().review().claim(id).unwrap().evidence.is_empty());
    h.key_press_modifiers(Modifiers::COMMAND, Key::Z);
    h.run();
    assert_eq!(h.state().review().claim(id).unwrap().evidence, ev);
}

#[test]
fn choosing_csv_in_the_export_dialog_writes_a_csv() {
    let dir = tempfile::tempdir().unwrap();
    let picker = ScriptedPicker::new();
    let mut h = harness(&picker);
    h.key_press(Key::V);
    h.run();
    open_export_dialog(&mut h);
    // Keys pressed while the dialog is open do not mark claims.
    h.key_press(Key::D);
    h.run();
    let first = h.state().review().claims[0].id;
    assert_eq!(verdict(&h, first), Verdict::Verified);
    h.get_by_label("CSV").click();
    h.run();
    // The article is French; the report is asked for in English, for the desk (the usual
    // audience of CSV, chosen again here: a choice made stays).
    h.get_by_label("Report language").click();
    h.run();
    h.get_by_label("English").click();
    h.run();
    h.get_by_label("For the desk").click();
    h.run();
    // The user names the file without an extension: the chosen format's is added.
    let out = dir.path().join("claims");
    picker.answer(Some(out.clone()));
    h.get_by_label("Export…").click();
    settle(&mut h);
    let req = picker.requests().pop().unwrap();
    assert_eq!(req.purpose, Purpose::Export);
    assert_eq!(req.filters[0].1, vec!["csv".to_string()]);
    assert!(req.file_name.unwrap().ends_with(".claims.csv"));
    let csv = std::fs::read_to_string(dir.path().join("claims.csv")).expect("the CSV was written");
    assert!(csv.starts_with(
        "\u{feff}id,start,end,text,verdict,type,claimant,score,note,evidence_urls\r\n"
    ));
    let rows: Vec<csv::StringRecord> = csv::Reader::from_reader(&csv.as_bytes()[3..])
        .records()
        .map(|r| r.unwrap())
        .collect();
    assert_eq!(rows.len(), h.state().review().claims.len());
    assert_eq!(&rows[0][0], first.to_string());
    assert_eq!(&rows[0][4], "Verified");
    assert_eq!(&rows[1][4], "Unreviewed");
    assert!(h.state().info().unwrap().contains("CSV report written"));

    // For readers, in the automatic language (the article's, French): only the checked claim.
    open_export_dialog(&mut h);
    h.get_by_label("Report language").click();
    h.run();
    h.get_by_label("Automatic: Français").click();
    h.run();
    h.get_by_label("For readers").click();
    h.run();
    let out = dir.path().join("readers.csv");
    picker.answer(Some(out.clone()));
    h.get_by_label("Export…").click();
    settle(&mut h);
    let csv = std::fs::read_to_string(&out).expect("the readers' CSV was written");
    assert!(csv.starts_with("\u{feff}n°,texte,verdict"), "{csv}");
    let rows: Vec<csv::StringRecord> = csv::Reader::from_reader(&csv.as_bytes()[3..])
        .records()
        .map(|r| r.unwrap())
        .collect();
    assert_eq!(rows.len(), 1, "{csv}");
    assert_eq!(&rows[0][0], first.to_string());
    assert_eq!(&rows[0][2], "Vérifiée");

    // Cancel closes the dialog without asking for a file.
    let asked = picker.requests().len();
    open_export_dialog(&mut h);
    h.get_by_label("Cancel").click();
    h.run();
    assert!(h.query_by_label("Export…").is_none());
    assert_eq!(picker.requests().len(), asked);
}

#[test]
fn a_changed_article_is_re_anchored_and_orphans_are_listed() {
    let dir = tempfile::tempdir().unwrap();
    let article_path = dir.path().join("limousine.txt");
    let original = std::fs::read_to_string("assets/samples/poutine-kim-limousine.fr.txt").unwrap();
    std::fs::write(&article_path, &original).unwrap();
    let picker = ScriptedPicker::new();
    let mut h = harness(&picker);
    open_now(&mut h, &article_path).unwrap();
    h.run();
    let pungsan = claim_id_containing(&h, "Pungsan");
    click_row(&mut h, "chiens de chasse indigènes Pungsan");
    h.key_press(Key::D);
    h.run();
    h.key_press_modifiers(Modifiers::COMMAND, Key::S);
    h.run();
    let session = dir.path().join("limousine.claimdesk.json");
    assert!(session.exists(), "{:?}", h.state().error());

    // The newsroom edits the article: the Pungsan paragraph goes.
    let edited: Vec<&str> = original
        .split("\n\n")
        .filter(|p| !p.contains("Pungsan"))
        .collect();
    std::fs::write(&article_path, edited.join("\n\n")).unwrap();

    let picker2 = ScriptedPicker::new();
    let mut h2 = harness(&picker2);
    open_now(&mut h2, &session).unwrap();
    h2.run();
    h2.get_by_label_contains("has changed since this review was saved");
    h2.get_by_label("Re-anchor on the new version").click();
    settle(&mut h2);
    let review = h2.state().review();
    assert!(review.claim(pungsan).is_none());
    let orphan = review
        .orphans
        .iter()
        .find(|c| c.id == pungsan)
        .expect("kept as an orphan");
    assert_eq!(orphan.verdict, Verdict::Disputed);
    h2.get_by_label("Orphaned claims (1)").click();
    h2.run();
    h2.get_by_label_contains("Orphan: Des images de KCNA montraient Poutine");
    assert!(h2.state().is_dirty());

    // File > Compare with new version… does the same through the file dialog.
    let picker3 = ScriptedPicker::new();
    let mut h3 = harness(&picker3);
    open_now(&mut h3, &session).unwrap();
    h3.run();
    picker3.answer(Some(article_path.clone()));
    h3.get_by_label("File").click();
    h3.run();
    h3.get_by_label_contains("Compare with new version").click();
    settle(&mut h3);
    assert_eq!(
        picker3.requests().last().unwrap().purpose,
        Purpose::NewVersion
    );
    assert_eq!(h3.state().review().orphans.len(), 1);
    h3.get_by_label_contains("Re-anchored on");
}

#[test]
fn threshold_slider_promotion_and_type_filter() {
    let picker = ScriptedPicker::new();
    let mut h = harness(&picker);
    let before = h.state().review().claims.len();
    // Sentences below the threshold can be listed and promoted by hand.
    open_tab(&mut h, "Below the threshold");
    let label = {
        let promote = h
            .get_all_by_label_contains("Promote to claim:")
            .next()
            .unwrap();
        let label = promote
            .accesskit_node()
            .label()
            .unwrap_or_default()
            .to_string();
        promote.scroll_to_me();
        label
    };
    h.run();
    h.get_by_label(&label).click();
    h.run();
    assert_eq!(h.state().review().claims.len(), before + 1);
    h.key_press_modifiers(Modifiers::COMMAND, Key::Z);
    h.run();
    assert_eq!(h.state().review().claims.len(), before);
    open_tab(&mut h, "Claims (");

    // Raising the threshold drops the untouched claims below it but keeps reviewed ones; undo
    // puts the checklist back.
    let (reviewed, text) = {
        let c = h
            .state()
            .review()
            .claims
            .iter()
            .find(|c| c.score < 0.95)
            .unwrap();
        (c.id, c.text().chars().take(40).collect::<String>())
    };
    click_row(&mut h, &text);
    h.key_press(Key::V);
    h.run();
    h.get_by_role_and_label(egui::accesskit::Role::Slider, "Threshold")
        .set_value_accesskit(0.95);
    h.run();
    let raised = h.state().review().claims.len();
    assert!(raised < before, "{raised} claims at threshold 0.95");
    assert!(
        h.state().review().claim(reviewed).is_some(),
        "a reviewed claim stays"
    );
    assert_eq!(h.state().review().threshold, 0.95);
    h.key_press_modifiers(Modifiers::COMMAND, Key::Z);
    h.run();
    assert_eq!(h.state().review().claims.len(), before);
    assert_eq!(h.state().review().threshold, 0.5);
    assert_eq!(verdict(&h, reviewed), Verdict::Verified);

    // The type filter keeps the rows of one claim type.
    let quantity = h
        .state()
        .review()
        .claims
        .iter()
        .filter(|c| c.kind == "quantity")
        .count();
    assert!(quantity > 0 && quantity < before);
    h.get_by_label("Type").click();
    h.run();
    h.get_by_label(&format!("quantity ({quantity})")).click();
    h.run();
    let shown = h.state_mut().visible_claims();
    assert_eq!(shown.len(), quantity);
    assert!(
        shown
            .iter()
            .all(|id| h.state().review().claim(*id).unwrap().kind == "quantity")
    );
}

#[test]
fn settings_are_kept_and_reach_claimreview_and_the_history() {
    let dir = tempfile::tempdir().unwrap();
    let settings_file = dir.path().join("claimdesk").join("settings.json");
    let picker = ScriptedPicker::new();
    let mut h = harness(&picker);
    h.state_mut().use_settings_file(settings_file.clone());
    h.key_press_modifiers(Modifiers::COMMAND, Key::Comma);
    h.run();
    h.get_by_label("Organisation").click();
    h.run();
    h.get_by_label("Organisation").type_text("Le Quotidien");
    h.get_by_label("Organisation URL").click();
    h.run();
    h.get_by_label("Organisation URL")
        .type_text("https://quotidien.example");
    h.get_by_label("Reviewer name").click();
    h.run();
    h.get_by_label("Reviewer name").type_text("Camille");
    h.run();
    h.get_by_label("Save settings").click();
    h.run();
    let kept: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(&settings_file).unwrap()).unwrap();
    assert_eq!(kept["organisation"], "Le Quotidien");
    assert_eq!(h.state().newsroom().reviewer, "Camille");

    // A verdict is recorded under the reviewer's name, and ClaimReview names the organisation.
    h.key_press(Key::D);
    h.run();
    assert_eq!(
        h.state()
            .review()
            .history
            .last()
            .unwrap()
            .reviewer
            .as_deref(),
        Some("Camille")
    );
    let settings = h.state().newsroom().report_settings(h.state().review());
    let jsonld = claimdesk::report::render_with(
        h.state().review(),
        claimdesk::report::Format::ClaimReview,
        &settings,
        Default::default(),
    );
    assert!(
        jsonld.contains("Le Quotidien") && jsonld.contains("https://quotidien.example"),
        "{jsonld}"
    );

    // A new window reads the kept settings.
    let picker2 = ScriptedPicker::new();
    let mut h2 = harness(&picker2);
    h2.state_mut().use_settings_file(settings_file);
    assert_eq!(h2.state().newsroom().organisation, "Le Quotidien");
}

#[test]
fn the_history_window_lists_every_change() {
    let picker = ScriptedPicker::new();
    let mut h = harness(&picker);
    let first = h.state().review().claims[0].id;
    h.key_press(Key::D);
    h.run();
    h.key_press(Key::J);
    h.key_press(Key::V);
    h.run();
    h.key_press_modifiers(Modifiers::COMMAND, Key::H);
    h.run();
    h.get_by_label("History");
    h.get_by_label_contains(&format!("claim {first} marked Disputed"));
    h.get_by_label_contains("marked Verified");
}

/// Drags the pointer over the article from byte `from` to byte `to` (both in view).
fn drag_over_article(h: &mut Harness<'_, ClaimdeskApp>, from: usize, to: usize) {
    let a = h.state().article_point(from).expect("start laid out");
    let b = h.state().article_point(to).expect("end laid out");
    h.hover_at(a);
    h.run();
    h.drag_at(a);
    h.run();
    h.hover_at(egui::pos2((a.x + b.x) / 2.0, (a.y + b.y) / 2.0));
    h.run();
    h.hover_at(b);
    h.run();
    h.drop_at(b);
    h.run();
}

/// Ctrl+F, then the words: the article scrolls to the first match.
fn search(h: &mut Harness<'_, ClaimdeskApp>, words: &str) {
    h.key_press_modifiers(Modifiers::COMMAND, Key::F);
    h.run();
    h.get_by_label("Search the article").type_text(words);
    h.run();
    h.run();
}

#[test]
fn ctrl_f_finds_every_match_and_enter_moves_to_the_next() {
    let picker = ScriptedPicker::new();
    let mut h = harness(&picker);
    search(&mut h, "kim");
    let text = h.state().review().article.text.clone();
    let expected = text.to_lowercase().matches("kim").count();
    let (matches, current) = h.state().search_matches();
    assert!(expected > 3);
    assert_eq!(matches.len(), expected, "case-insensitive");
    assert_eq!(current, Some(0));
    assert!(
        matches
            .iter()
            .all(|m| text[m.clone()].eq_ignore_ascii_case("kim"))
    );
    h.get_by_label(&format!("1 of {expected}"));
    h.key_press(Key::Enter);
    h.run();
    assert_eq!(h.state().search_matches().1, Some(1));
    h.get_by_label(&format!("2 of {expected}"));
    // Keys typed in the search field are text, not verdicts.
    assert_eq!(h.state().review().counts().reviewed(), 0);
    h.get_by_label("Close search").click();
    h.run();
    assert!(h.query_by_label("Search the article").is_none());
}

#[test]
fn words_selected_in_the_article_become_a_claim_with_a_and_undo_redo() {
    let picker = ScriptedPicker::new();
    let mut h = harness(&picker);
    // A sentence the extractor left out: the reviewer disagrees.
    let (start, words) = {
        let review = h.state().review();
        let spans = review.claim_spans();
        let s = claimdesk::extract::sentences(&review.article)
            .into_iter()
            .find(|c| {
                !spans.contains(&(c.range.start, c.range.end))
                    && c.text.split_whitespace().count() > 4
            })
            .expect("a sentence below the threshold");
        let words: Vec<&str> = s.text.split_whitespace().take(5).collect();
        (s.range.start, words.join(" "))
    };
    search(&mut h, &words);
    h.get_by_label("Close search").click();
    h.run();
    let before = h.state().review().claims.len();
    drag_over_article(&mut h, start, start + words.len());
    let sel = h.state().article_selection().expect("words selected");
    let selected_text = h.state().review().article.text[sel].to_string();
    assert!(
        words.starts_with(selected_text.trim()) && selected_text.len() + 2 >= words.len(),
        "selected {selected_text:?}, wanted {words:?}"
    );
    h.key_press(Key::A);
    h.run();
    assert_eq!(h.state().review().claims.len(), before + 1);
    let id = h.state().selected().unwrap();
    let claim = h.state().review().claim(id).unwrap().clone();
    assert_eq!(claim.text(), selected_text.trim());
    assert_eq!(claim.reasons[0], "added by the reviewer");
    h.key_press_modifiers(Modifiers::COMMAND, Key::Z);
    h.run();
    assert_eq!(h.state().review().claims.len(), before);
    h.key_press_modifiers(Modifiers::COMMAND | Modifiers::SHIFT, Key::Z);
    h.run();
    assert_eq!(h.state().review().claim(id), Some(&claim));
    // A with nothing selected says what to do.
    h.key_press(Key::A);
    h.run();
    assert!(h.state().error().unwrap().contains("Select words"));
}

#[test]
fn split_merge_and_dismiss_each_undo_and_redo() {
    let picker = ScriptedPicker::new();
    let mut h = harness(&picker);
    let original = h.state().review().claims.clone();
    let n = original.len();
    let first = original[0].id;
    let undo = |h: &mut Harness<'_, ClaimdeskApp>| {
        h.key_press_modifiers(Modifiers::COMMAND, Key::Z);
        h.run();
    };
    let redo = |h: &mut Harness<'_, ClaimdeskApp>| {
        h.key_press_modifiers(Modifiers::COMMAND | Modifiers::SHIFT, Key::Z);
        h.run();
    };

    // Split: S opens the editor with the caret at a proposed cut; Split here cuts.
    h.key_press(Key::S);
    h.run();
    h.get_by_label("Split here").click();
    h.run();
    assert_eq!(
        h.state().review().claims.len(),
        n + 1,
        "{:?}",
        h.state().error()
    );
    let a = h.state().review().claim(first).unwrap().text().to_string();
    assert!(original[0].text().starts_with(&a) && a.len() < original[0].text().len());
    undo(&mut h);
    assert_eq!(h.state().review().claims, original);
    redo(&mut h);
    assert_eq!(h.state().review().claims.len(), n + 1);
    undo(&mut h);

    // Merge: M joins the selected claim and the next one.
    h.state_mut();
    h.key_press(Key::K); // back to the first claim
    h.run();
    assert_eq!(h.state().selected(), Some(first));
    h.key_press(Key::M);
    h.run();
    assert_eq!(h.state().review().claims.len(), n - 1);
    let merged = h.state().review().claim(first).unwrap().clone();
    assert_eq!(merged.position.end, original[1].position.end);
    undo(&mut h);
    assert_eq!(h.state().review().claims, original);
    redo(&mut h);
    assert_eq!(h.state().review().claim(first), Some(&merged));
    undo(&mut h);

    // Dismiss: X sets the claim aside; it is listed under Dismissed and restored from there.
    h.key_press(Key::K);
    h.run();
    h.key_press(Key::X);
    h.run();
    assert!(h.state().review().claim(first).is_none());
    assert_eq!(h.state().review().dismissed.len(), 1);
    assert_eq!(
        h.state().selected(),
        Some(original[1].id),
        "the next claim is selected"
    );
    open_tab(&mut h, "Dismissed (1)");
    h.get_by_label(&format!("Restore claim {first}")).click();
    h.run();
    assert!(h.state().review().claim(first).is_some());
    assert!(h.state().review().dismissed.is_empty());
    undo(&mut h);
    assert!(
        h.state().review().claim(first).is_none(),
        "undo dismisses again"
    );
    undo(&mut h);
    assert_eq!(h.state().review().claims, original);
    redo(&mut h);
    assert!(h.state().review().claim(first).is_none());
    let history = &h.state().review().history;
    assert!(
        history
            .iter()
            .any(|e| e.action.describe().contains("split into"))
    );
    assert!(
        history
            .iter()
            .any(|e| e.action.describe().contains("merged"))
    );
    assert!(
        history
            .iter()
            .any(|e| e.action.describe().contains("dismissed"))
    );
}

#[test]
fn checklist_filters_by_status_and_text_and_sorts_by_score() {
    let picker = ScriptedPicker::new();
    let mut h = harness(&picker);
    // D, J, V, D: three reviewed claims, two disputed.
    for key in [Key::D, Key::V, Key::D] {
        h.key_press(key);
        h.run();
    }
    let disputed: Vec<u32> = h
        .state()
        .review()
        .claims
        .iter()
        .filter(|c| c.verdict == Verdict::Disputed)
        .map(|c| c.id)
        .collect();
    assert_eq!(disputed.len(), 2);
    h.get_by_label("Status").click();
    h.run();
    h.get_by_label("Disputed (2)").click();
    h.run();
    assert_eq!(h.state_mut().visible_claims(), disputed);
    // J / K walk the filtered list.
    h.key_press(Key::K);
    h.run();
    h.key_press(Key::K);
    h.run();
    assert_eq!(h.state().selected(), Some(disputed[0]));
    h.key_press(Key::J);
    h.run();
    assert_eq!(h.state().selected(), Some(disputed[1]));
    h.get_by_label("Clear filters").click();
    h.run();
    assert_eq!(
        h.state_mut().visible_claims().len(),
        h.state().review().claims.len()
    );

    h.get_by_label("Filter").click();
    h.run();
    h.get_by_label("Filter").type_text("pungsan");
    h.run();
    let shown = h.state_mut().visible_claims();
    assert_eq!(shown.len(), 1, "case-insensitive text filter");
    assert!(query_row(&h, "Pungsan").is_some());
    h.get_by_label("Clear filters").click();
    h.run();

    h.get_by_label("Sort by").click();
    h.run();
    h.get_by_label("score").click();
    h.run();
    let order = h.state_mut().visible_claims();
    let scores: Vec<f32> = order
        .iter()
        .map(|id| h.state().review().claim(*id).unwrap().score)
        .collect();
    assert!(scores.windows(2).all(|w| w[0] >= w[1]), "{scores:?}");
    assert_ne!(
        order,
        h.state()
            .review()
            .claims
            .iter()
            .map(|c| c.id)
            .collect::<Vec<_>>()
    );
}

#[test]
fn a_pasted_link_goes_to_the_evidence_form_and_recent_files_reopen() {
    let dir = tempfile::tempdir().unwrap();
    let picker = ScriptedPicker::new();
    let mut h = harness(&picker);
    let id = h.state().selected().unwrap();
    let source = h.state().review().article.metadata.source_name.clone();
    h.event(egui::Event::Paste(
        "https://www.kcna.kp/fr/article/1".into(),
    ));
    h.run();
    h.run();
    assert_eq!(
        h.state().review().article.metadata.source_name,
        source,
        "not a new article"
    );
    h.get_by_role_and_label(Role::Button, "Add evidence")
        .scroll_to_me();
    h.run();
    h.get_by_role_and_label(Role::Button, "Add evidence")
        .click();
    h.run();
    let ev = &h.state().review().claim(id).unwrap().evidence;
    assert_eq!(ev.len(), 1, "{:?}", h.state().error());
    assert_eq!(ev[0].url, "https://www.kcna.kp/fr/article/1");

    // Files opened are listed under File > Open Recent, across runs.
    let settings = dir.path().join("settings.json");
    let article = dir.path().join("note.txt");
    std::fs::write(
        &article,
        "Le budget a augmenté de 12 % en 2024, selon le ministère.",
    )
    .unwrap();
    let picker2 = ScriptedPicker::new();
    let mut h2 = harness(&picker2);
    h2.state_mut().use_settings_file(settings.clone());
    open_now(&mut h2, &article).unwrap();
    assert_eq!(h2.state().recent_files()[0], article);
    let picker3 = ScriptedPicker::new();
    let mut h3 = harness(&picker3);
    h3.state_mut().use_settings_file(settings);
    h3.get_by_label("File").click();
    h3.run();
    h3.get_by_label("Open Recent").click();
    h3.run();
    h3.get_by_label("note.txt").click();
    settle(&mut h3);
    assert_eq!(h3.state().review().article.metadata.source_name, "note.txt");
}

#[test]
fn the_window_speaks_french_when_the_settings_say_so() {
    let dir = tempfile::tempdir().unwrap();
    let settings = dir.path().join("settings.json");
    std::fs::write(&settings, r#"{"language": "fr", "reviewer": "Camille"}"#).unwrap();
    let picker = ScriptedPicker::new();
    let mut h = harness(&picker);
    h.state_mut().use_settings_file(settings);
    h.run();
    let n = h.state().review().claims.len();
    h.get_by_label("Fichier");
    h.get_by_label(&format!("0 / {n} traitées"));
    h.get_by_label(&format!("Affirmations ({n})"));
    h.get_by_role_and_label(Role::Button, "Contestée").click();
    h.run();
    let first = h.state().review().claims[0].id;
    assert_eq!(verdict(&h, first), Verdict::Disputed);
    h.get_by_label("Fichier").click();
    h.run();
    h.get_by_label_contains("Ouvrir…");
    // Back to English for the other tests on this thread.
    claimdesk::ui::i18n::set_language(claimdesk::ui::i18n::Lang::EN);
}

#[test]
fn a_file_that_cannot_be_opened_is_explained_in_french() {
    let dir = tempfile::tempdir().unwrap();
    let picker = ScriptedPicker::new();
    let mut h = french_harness(&picker, dir.path());
    let missing = dir.path().join("absent.txt");
    let err = open_now(&mut h, &missing).unwrap_err();
    h.run();
    // All in French, the menu named as the French window names it; the path as the core
    // gives it.
    let said = frf("error-not-found", &[("path", &missing.display())]);
    assert_eq!(
        err,
        frf("open-failed", &[("file", &"absent.txt"), ("why", &said)])
    );
    assert!(err.contains("introuvable"), "{err}");
    assert!(err.contains("Fichier > Ouvrir"), "{err}");
    assert!(!err.contains("no such file"), "{err}");
    assert!(!err.contains("Check the path"), "{err}");
    assert_eq!(h.state().error(), Some(err.as_str()));
    h.get_by_label_contains("est introuvable");
    // A session that is not one: the parser's words stay, the sentence around them is French.
    let broken = dir.path().join("cassée.claimdesk.json");
    std::fs::write(&broken, "{\"format_version\": 1, \"review\": {").unwrap();
    let err = open_now(&mut h, &broken).unwrap_err();
    assert!(err.contains("n'est pas une session lisible"), "{err}");
    assert!(err.contains("(ligne 1, colonne"), "{err}");
    assert!(!err.contains("open the article itself"), "{err}");
    claimdesk::ui::i18n::set_language(claimdesk::ui::i18n::Lang::EN);
}

#[test]
fn names_in_korean_chinese_japanese_cyrillic_and_arabic_are_drawn() {
    // The harness panics on a character no font can draw: this passes only with the bundled
    // fallback fonts.
    let dir = tempfile::tempdir().unwrap();
    let article = dir.path().join("world.txt");
    std::fs::write(
        &article,
        "Sommet à Pyongyang\n\nKim Jong Un (김정은) a reçu Vladimir Poutine (Владимир Путин) le 19 juin 2024, selon l'agence KCNA.\n\n\
         Xi Jinping (习近平) et Fumio Kishida (岸田文雄, きしだ ふみお) ont réagi le lendemain ; Mohammed ben Salmane (محمد بن سلمان) n'a rien dit.",
    )
    .unwrap();
    let picker = ScriptedPicker::new();
    let mut h = harness(&picker);
    open_now(&mut h, &article).unwrap();
    h.run();
    let text = &h.state().review().article.text;
    assert!(text.contains("김정은") && text.contains("习近平") && text.contains("محمد"));
}

#[test]
fn evidence_can_be_edited_in_place_and_the_edit_undone() {
    let picker = ScriptedPicker::new();
    let mut h = harness(&picker);
    let id = h.state().selected().unwrap();
    add_evidence(
        &mut h,
        "https://example.org/a",
        "Premier titre",
        "Une phrase citée",
    );
    assert_eq!(h.state().review().claim(id).unwrap().evidence.len(), 1);
    h.get_by_label("Edit source").click();
    h.run();
    h.get_by_label("Source title").click();
    h.run();
    h.key_press_modifiers(Modifiers::COMMAND, Key::A);
    h.key_press(Key::Backspace);
    h.run();
    h.get_by_label("Source title").type_text("Titre corrigé");
    h.run();
    h.get_by_role_and_label(Role::Button, "Save evidence")
        .scroll_to_me();
    h.run();
    h.get_by_role_and_label(Role::Button, "Save evidence")
        .click();
    h.run();
    let ev = h.state().review().claim(id).unwrap().evidence.clone();
    assert_eq!(ev.len(), 1, "edited, not added");
    assert_eq!(ev[0].title, "Titre corrigé");
    assert_eq!(ev[0].url, "https://example.org/a");
    assert_eq!(ev[0].stance, claimdesk::review::Stance::Refutes);
    h.key_press_modifiers(Modifiers::COMMAND, Key::Z);
    h.run();
    assert_eq!(
        h.state().review().claim(id).unwrap().evidence[0].title,
        "Premier titre"
    );
}

/// `mb` megabytes of news text (the sample's paragraphs over and over), written to `name`: big
/// enough that opening it takes a noticeable time, even in a release build.
fn big_article(dir: &Path, name: &str, mb: usize) -> PathBuf {
    let sample = claimdesk::article::sample().text;
    let mut text = String::from("Un très long article\n\n");
    while text.len() < mb * 1_000_000 {
        text.push_str(&sample);
        text.push_str("\n\n");
    }
    let path = dir.join(name);
    std::fs::write(&path, text).unwrap();
    path
}

/// What a failed or cancelled open must leave exactly as it was.
#[derive(Debug, PartialEq)]
struct Kept {
    review: claimdesk::review::Review,
    selected: Option<u32>,
    history: claimdesk::review::History,
    session: Option<PathBuf>,
    dirty: bool,
}

fn kept(h: &Harness<'_, ClaimdeskApp>) -> Kept {
    let app = h.state();
    Kept {
        review: app.review().clone(),
        selected: app.selected(),
        history: app.history().clone(),
        session: app.session_path().map(Path::to_path_buf),
        dirty: app.is_dirty(),
    }
}

#[test]
fn a_large_file_opens_off_the_ui_thread_and_cancel_keeps_the_review() {
    let dir = tempfile::tempdir().unwrap();
    let big = big_article(dir.path(), "big.txt", BIG_MB);
    let picker = ScriptedPicker::new();
    let mut h = harness(&picker);
    // The review as the reviewer left it: a verdict given (unsaved, undoable), a claim selected.
    h.key_press(Key::V);
    h.run();
    let before = kept(&h);
    assert!(before.dirty && before.history.can_undo());

    // Dropped on the window; the unsaved verdict is discarded once the new file is open.
    h.input_mut()
        .dropped_files
        .push(std::sync::Arc::new(TestDrop(big.clone())));
    h.run();
    h.get_by_label("Discard").click();
    let started = Instant::now();
    h.run();
    assert!(h.state().is_busy(), "opening {BIG_MB} MB runs on a worker");

    // Frames keep coming while it is read, each one quick, with the progress and Cancel shown.
    let mut slowest = Duration::ZERO;
    for _ in 0..8 {
        let t = Instant::now();
        h.step();
        slowest = slowest.max(t.elapsed());
    }
    assert!(
        h.state().is_busy(),
        "the open ended within {:?}: make the file bigger",
        started.elapsed()
    );
    assert!(
        slowest < Duration::from_millis(500),
        "a frame took {slowest:?}"
    );
    h.get_by_label("Opening big.txt…");
    assert_eq!(h.state().job_label(), Some("Opening big.txt…"));
    assert_eq!(kept(&h), before, "nothing changes while the file is read");
    // Keys do nothing to the review meanwhile.
    h.key_press(Key::D);
    h.step();
    assert_eq!(kept(&h), before);

    // Cancel: at once the window is back on the review as it was.
    h.get_by_role_and_label(Role::Button, "Cancel").click();
    h.run();
    assert!(!h.state().is_busy());
    assert!(h.query_by_label("Opening big.txt…").is_none());
    assert_eq!(kept(&h), before);
    assert_eq!(h.state().error(), None);

    // The worker cannot be interrupted: it ends in the background and what it brings is
    // dropped, without a frame waiting for it.
    assert_eq!(h.state().workers_alive(), 1, "the worker is still reading");
    while h.state().workers_alive() > 0 {
        assert!(started.elapsed() < Duration::from_secs(300));
        let t = Instant::now();
        h.step();
        slowest = slowest.max(t.elapsed());
        std::thread::sleep(Duration::from_millis(20));
    }
    let open_time = started.elapsed();
    eprintln!("opening {BIG_MB} MB took {open_time:?}; the slowest frame meanwhile {slowest:?}");
    h.run();
    assert_eq!(kept(&h), before, "the late result was dropped");
    assert!(
        slowest * 4 < open_time,
        "the slowest frame ({slowest:?}) against the open ({open_time:?})"
    );
}

/// Big enough that opening it takes seconds in a debug build, and some in a release one.
const BIG_MB: usize = 4;

#[test]
fn a_failed_open_keeps_the_review_and_says_why() {
    let dir = tempfile::tempdir().unwrap();
    let article = dir.path().join("limousine.txt");
    std::fs::copy("assets/samples/poutine-kim-limousine.fr.txt", &article).unwrap();
    let picker = ScriptedPicker::new();
    let mut h = harness(&picker);
    open_now(&mut h, &article).unwrap();
    h.key_press_modifiers(Modifiers::COMMAND, Key::S);
    h.run();
    h.key_press(Key::J);
    h.run();
    h.key_press(Key::U);
    h.run();
    let before = kept(&h);
    assert!(before.session.is_some() && before.dirty && before.history.can_undo());

    let bad = dir.path().join("scan.pdf");
    std::fs::write(&bad, b"%PDF-1.7 not really").unwrap();
    picker.answer(Some(bad.clone()));
    h.key_press_modifiers(Modifiers::COMMAND, Key::O);
    h.run();
    h.get_by_label("Discard").click();
    settle(&mut h);
    let err = h.state().error().expect("an error is shown").to_string();
    assert!(err.contains("scan.pdf"), "{err}");
    let head: String = err.chars().take(30).collect();
    h.get_by_label_contains(&head);
    assert_eq!(kept(&h), before);
    // The review goes on: undo still undoes the last verdict.
    h.key_press_modifiers(Modifiers::COMMAND, Key::Z);
    h.run();
    assert_eq!(
        h.state().history().undo_len(),
        before.history.undo_len() - 1
    );
}

#[test]
fn an_export_runs_off_the_ui_thread_and_a_cancelled_one_writes_nothing() {
    let dir = tempfile::tempdir().unwrap();
    // A long review, so that its report takes a while to make.
    let big = big_article(dir.path(), "big.txt", 2);
    let picker = ScriptedPicker::new();
    let mut h = harness_opening_a_long_article_with(&big, &picker);
    h.run();
    h.key_press(Key::D);
    h.run();
    let out = dir.path().join("report.md");
    std::fs::write(&out, "the report of yesterday").unwrap();
    picker.answer(Some(out.clone()));
    open_export_dialog(&mut h);
    h.get_by_label("Export…").click();
    let started = Instant::now();
    // The frame that gets the file name starts the export; the progress shows from the next.
    h.step();
    h.step();
    h.step();
    assert!(h.state().is_busy(), "done in {:?}", started.elapsed());
    h.get_by_label("Exporting the report…");
    h.state_mut().cancel_job();
    h.step();
    h.get_by_label_contains("Cancelling…");
    // An export is waited for after Cancel: the window says whether the file was in time.
    let outcome = h
        .state_mut()
        .wait_for_job()
        .expect("the export is waited for");
    eprintln!(
        "export cancelled after {:?}: {outcome:?}",
        started.elapsed()
    );
    h.run();
    let now = std::fs::read_to_string(&out).unwrap();
    match outcome {
        Err(e) => {
            assert!(e.contains("cancelled"), "{e}");
            assert_eq!(now, "the report of yesterday", "nothing written");
            h.get_by_label_contains("Export cancelled: ");
        }
        // The worker was quicker than the cancel: then the whole report is there.
        Ok(()) => {
            assert!(now.contains("| Disputed | 1 |"), "{now}");
            h.get_by_label_contains("report written to");
        }
    }
    let leftovers: Vec<_> = std::fs::read_dir(dir.path())
        .unwrap()
        .map(|e| e.unwrap().file_name())
        .filter(|n| n != "report.md" && n != "big.txt")
        .collect();
    assert!(leftovers.is_empty(), "{leftovers:?}");

    // Not cancelled, the report is written.
    picker.answer(Some(out.clone()));
    open_export_dialog(&mut h);
    h.get_by_label("Export…").click();
    settle(&mut h);
    let md = std::fs::read_to_string(&out).unwrap();
    assert!(md.contains("| Contestée | 1 |"), "{md}");
    assert!(h.state().info().unwrap().contains("report written to"));
}

#[test]
fn closing_while_a_file_opens_gives_up_the_open_and_asks_about_unsaved_changes() {
    let dir = tempfile::tempdir().unwrap();
    let big = big_article(dir.path(), "big.txt", BIG_MB);
    let picker = ScriptedPicker::new();
    let mut h = harness(&picker);
    h.key_press(Key::D);
    h.run();
    let before = kept(&h);
    h.input_mut()
        .dropped_files
        .push(std::sync::Arc::new(TestDrop(big)));
    h.run();
    h.get_by_label("Discard").click();
    h.run();
    assert!(h.state().is_busy());
    // Another file dropped meanwhile waits for nothing: it is refused, and the window says so.
    let other = dir.path().join("other.txt");
    std::fs::write(
        &other,
        "The city spent 12 million dollars on roads in 2023.",
    )
    .unwrap();
    h.input_mut()
        .dropped_files
        .push(std::sync::Arc::new(TestDrop(other)));
    h.step();
    h.get_by_label_contains("Opening other.txt was not done");
    // The window's close button: the open is given up, the unsaved verdict asked about.
    h.input_mut()
        .viewports
        .entry(egui::ViewportId::ROOT)
        .or_default()
        .events
        .push(egui::ViewportEvent::Close);
    h.run();
    assert!(!h.state().is_busy());
    h.get_by_label("Unsaved changes");
    assert_eq!(kept(&h), before);
    h.get_by_label("Cancel").click();
    h.run();
    assert_eq!(kept(&h), before);
}

#[test]
fn a_session_changed_on_disk_is_not_overwritten_without_asking() {
    let dir = tempfile::tempdir().unwrap();
    let session = dir.path().join("limousine.claimdesk.json");
    let picker = ScriptedPicker::new();
    let mut h = harness(&picker);
    let mine = claim_id_containing(&h, "1961");
    picker.answer(Some(session.clone()));
    h.key_press_modifiers(Modifiers::COMMAND, Key::S);
    h.run();
    assert!(session.exists(), "{:?}", h.state().error());
    // Another writer (a second window, `claimdesk mark`) marks another claim in the file.
    let theirs = h
        .state()
        .review()
        .claims
        .iter()
        .find(|c| c.id != mine)
        .unwrap()
        .id;
    claimdesk::store::update(
        &session,
        |r, _| -> Result<bool, claimdesk::store::StoreError> {
            r.claims
                .iter_mut()
                .find(|c| c.id == theirs)
                .unwrap()
                .verdict = Verdict::Verified;
            Ok(true)
        },
    )
    .unwrap();
    let on_disk = std::fs::read(&session).unwrap();
    click_row(&mut h, "guerre froide de 1961");
    h.key_press(Key::D);
    h.run();
    h.key_press_modifiers(Modifiers::COMMAND, Key::S);
    h.run();
    h.run();
    // Asked, with what differs; nothing written yet.
    h.get_by_label("Changed on disk");
    let differs = format!("claim {theirs}: verdict verified there, unreviewed here");
    assert!(
        h.query_by_label_contains(&differs).is_some(),
        "the dialog names the claim changed on disk"
    );
    assert_eq!(std::fs::read(&session).unwrap(), on_disk);
    h.get_by_label("Cancel").click();
    h.run();
    assert_eq!(
        std::fs::read(&session).unwrap(),
        on_disk,
        "Cancel writes nothing"
    );
    assert!(h.state().is_dirty());
    // Asked again at the next save. Before the answer, the file changes once more: "Replace it"
    // agreed to replace what was shown, not this, so it asks again.
    h.key_press_modifiers(Modifiers::COMMAND, Key::S);
    h.run();
    h.run();
    claimdesk::store::update(&session, |r, _| {
        r.claims[0].note = "a late note from desk B".into();
        Ok::<_, claimdesk::store::StoreError>(true)
    })
    .unwrap();
    let late = std::fs::read(&session).unwrap();
    h.get_by_label("Replace it").click();
    h.run();
    h.run();
    assert_eq!(
        std::fs::read(&session).unwrap(),
        late,
        "not replaced unseen"
    );
    assert!(
        h.query_by_label_contains("note differs").is_some(),
        "asked again, with the late change"
    );
    h.get_by_label("Replace it").click();
    h.run();
    assert!(!h.state().is_dirty(), "{:?}", h.state().error());
    let saved = claimdesk::store::load(&session).unwrap();
    assert_eq!(saved.claim(mine).unwrap().verdict, Verdict::Disputed);
    // Once written by this window, the next save goes through without asking.
    h.key_press(Key::V);
    h.run();
    h.key_press_modifiers(Modifiers::COMMAND, Key::S);
    h.run();
    assert!(h.query_by_label("Changed on disk").is_none());
    assert!(!h.state().is_dirty());
}

// ---- The claim library: recording on save, "Checked before", the Library panel ----

use claimdesk::library::{self as library, Entry, Library, Place};

/// A window whose settings (in `dir`) name `lib` as its claim library: each test has its own
/// library file, never the user's.
fn harness_with_library(
    picker: &ScriptedPicker,
    dir: &Path,
    lib: &Path,
) -> Harness<'static, ClaimdeskApp> {
    let settings = dir.join("settings.json");
    let json = serde_json::json!({ "library": { "place": lib } });
    std::fs::write(&settings, json.to_string()).unwrap();
    let mut h = harness(picker);
    h.state_mut().use_settings_file(settings);
    library_settle(&mut h);
    h
}

/// Runs frames until the library worker has answered everything asked of it.
fn library_settle(h: &mut Harness<'_, ClaimdeskApp>) {
    h.run_ok();
    loop {
        h.state_mut().wait_for_library();
        h.run_ok();
        if !h.state().library_busy() {
            break;
        }
    }
    h.run();
}

fn open_library(lib: &Path) -> Library {
    Library::open(&Place::File(lib.to_path_buf())).unwrap()
}

/// An earlier review of the sample's claim about the Aurus given to Kim (reworded), by ana, in
/// the session file `origin`; and two reviews of other things.
fn earlier_reviews(lib: &Path, origin: &Path) {
    let mut l = open_library(lib);
    let entries = vec![
        Entry {
            key: "session:0123456789abcdef#8".into(),
            claim: "Mercredi, Poutine a offert à Kim une voiture Aurus, la deuxième fois que le dirigeant du Kremlin offre ce modèle de voiture".into(),
            language: Some("fr".into()),
            verdict: Some(Verdict::Disputed),
            rating: "Disputed".into(),
            note: "Une seule Aurus offerte à Kim : la première était un autre modèle.".into(),
            evidence: vec![
                "https://kcna.example/2024/06/19/gifts".into(),
                "https://tass.example/politique/aurus".into(),
            ],
            claimant: Some("médias d'État russes".into()),
            title: Some("Poutine offre une Aurus à Kim".into()),
            url: Some("https://quotidien.example/aurus".into()),
            date: Some("2026-03-10".into()),
            reviewer: Some("ana".into()),
            reviewed_at: Some("2026-03-12T10:00:00+00:00".into()),
            origin: origin.display().to_string(),
        },
        Entry {
            key: "https://factuel.example/vaccins#1".into(),
            claim: "Les vaccins contre la grippe provoquent la grippe chez un patient sur dix".into(),
            language: Some("fr".into()),
            verdict: Some(Verdict::Verified),
            rating: "Verified".into(),
            title: Some("Les vaccins et la grippe".into()),
            url: Some("https://factuel.example/vaccins".into()),
            reviewed_at: Some("2025-11-02".into()),
            origin: "import".into(),
            ..Entry::default()
        },
        Entry {
            key: "https://factuel.example/seoul#1".into(),
            claim: "La Corée du Sud a livré des obus à l'Ukraine en 2024".into(),
            language: Some("fr".into()),
            rating: "Trompeur".into(),
            claimant: Some("Dmitri Peskov".into()),
            title: Some("Séoul et les obus".into()),
            url: Some("https://factuel.example/seoul".into()),
            reviewed_at: Some("2025-06-02".into()),
            origin: "import".into(),
            ..Entry::default()
        },
    ];
    let writes = entries
        .into_iter()
        .map(|entry| library::Write { entry, known: None })
        .collect();
    let t = l.write(writes).unwrap();
    assert_eq!(t.added, 3);
}

#[test]
fn saving_a_session_records_its_verdicts_in_the_library() {
    let dir = tempfile::tempdir().unwrap();
    let lib = dir.path().join("desk").join("library.sqlite");
    let session = dir.path().join("limousine.claimdesk.json");
    let picker = ScriptedPicker::new();
    let mut h = harness(&picker);
    // The library is named in Settings ▸ Library; recording is on by default.
    h.state_mut()
        .use_settings_file(dir.path().join("settings.json"));
    h.key_press_modifiers(Modifiers::COMMAND, Key::Comma);
    h.run();
    h.get_by_label("Claim library").click();
    h.run();
    h.get_by_label("Claim library")
        .type_text(lib.to_str().unwrap());
    h.get_by_label("Save settings").click();
    library_settle(&mut h);
    let kept: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(dir.path().join("settings.json")).unwrap())
            .unwrap();
    assert_eq!(kept["library"]["place"], lib.to_str().unwrap());
    assert_eq!(kept["library"]["record"], true);
    library_settle(&mut h);

    let id = claim_id_containing(&h, "1961");
    click_row(&mut h, "guerre froide de 1961");
    h.key_press(Key::D);
    h.run();
    picker.answer(Some(session.clone()));
    h.key_press_modifiers(Modifiers::COMMAND, Key::S);
    h.run();
    assert!(session.exists(), "{:?}", h.state().error());
    library_settle(&mut h);
    assert_eq!(h.state().library_notice(), None);

    let key = library::session_key(h.state().review(), id);
    let stored = open_library(&lib).get(&key).unwrap().expect("recorded");
    assert_eq!(stored.entry.verdict, Some(Verdict::Disputed));
    // In the newsroom's words: the sample is French.
    assert_eq!(stored.entry.rating, "Contestée");
    assert!(stored.entry.claim.contains("1961"));
    assert_eq!(Path::new(&stored.entry.origin), session.as_path());
    assert_eq!(stored.version, 1);

    // Someone else (ana) changes that claim in the library; this window then saves a note on
    // it: the library keeps ana's, and the window says so, naming the claim.
    let mut theirs = stored.entry.clone();
    theirs.verdict = Some(Verdict::Verified);
    theirs.rating = "Vérifiée".into();
    theirs.reviewer = Some("ana".into());
    open_library(&lib)
        .write(vec![library::Write {
            entry: theirs,
            known: None,
        }])
        .unwrap();
    click_row(&mut h, "guerre froide de 1961");
    h.get_by_label("Note").click();
    h.run();
    h.get_by_label("Note").type_text("Traité de 1961");
    h.run();
    h.key_press(Key::Escape);
    h.run();
    h.key_press_modifiers(Modifiers::COMMAND, Key::S);
    h.run();
    assert!(!h.state().is_dirty(), "{:?}", h.state().error());
    library_settle(&mut h);
    let said = h.state().library_notice().expect("a notice").to_string();
    assert!(
        said.contains(&format!(
            "claim {id}: changed in the library by ana since you opened this session; the library keeps theirs"
        )),
        "{said}"
    );
    h.get_by_label_contains("the library keeps theirs");
    let kept = open_library(&lib).get(&key).unwrap().unwrap();
    assert_eq!(
        kept.entry.verdict,
        Some(Verdict::Verified),
        "theirs is kept"
    );
    assert_eq!(
        claimdesk::store::load(&session)
            .unwrap()
            .claim(id)
            .unwrap()
            .note,
        "Traité de 1961"
    );

    // Recording off: the next save writes the session only.
    h.key_press_modifiers(Modifiers::COMMAND, Key::Comma);
    h.run();
    h.get_by_label("Record my verdicts in the library").click();
    h.get_by_label("Save settings").click();
    h.run();
    let other = h.state().review().claims[0].id;
    let needle: String = h.state().review().claims[0]
        .text()
        .chars()
        .take(40)
        .collect();
    click_row(&mut h, &needle);
    h.key_press(Key::V);
    h.run();
    h.key_press_modifiers(Modifiers::COMMAND, Key::S);
    h.run();
    library_settle(&mut h);
    assert_eq!(
        claimdesk::store::load(&session)
            .unwrap()
            .claim(other)
            .unwrap()
            .verdict,
        Verdict::Verified
    );
    let other_key = library::session_key(h.state().review(), other);
    assert!(open_library(&lib).get(&other_key).unwrap().is_none());
}

#[test]
fn a_claim_checked_before_shows_the_earlier_verdict_and_b_applies_it_in_one_step() {
    let dir = tempfile::tempdir().unwrap();
    let lib = dir.path().join("library.sqlite");
    // The earlier review's own session: an article of its own, saved.
    let earlier_article = dir.path().join("aurus.txt");
    std::fs::write(
        &earlier_article,
        "Poutine offre une Aurus à Kim\n\nMercredi, Poutine a offert à Kim une voiture Aurus, la deuxième fois que le dirigeant du Kremlin offre ce modèle de voiture.\n",
    )
    .unwrap();
    let earlier_session = dir.path().join("aurus.claimdesk.json");
    let review = claimdesk::review::Review::from_article(
        claimdesk::article::load(&earlier_article).unwrap(),
    );
    claimdesk::store::save(&review, &earlier_session).unwrap();
    earlier_reviews(&lib, &earlier_session);

    let picker = ScriptedPicker::new();
    let mut h = harness_with_library(&picker, dir.path(), &lib);
    let id = claim_id_containing(&h, "Aurus lors d’un échange de cadeaux");
    assert!(h.state().checked_before(id).is_some(), "matched on opening");
    // Only the claim that was checked before, not every claim that names Poutine or Kim.
    let marked: Vec<u32> = h
        .state()
        .review()
        .claims
        .iter()
        .map(|c| c.id)
        .filter(|c| h.state().checked_before(*c).is_some())
        .collect();
    assert_eq!(marked, [id]);

    click_row(&mut h, "Aurus lors d’un échange de cadeaux");
    assert_eq!(h.state().selected(), Some(id));
    // The checklist marks it (its label says so, for screen readers too).
    h.get_by_label("Filter").click();
    h.run();
    h.get_by_label("Filter").type_text("cadeaux");
    h.run();
    assert!(
        h.query_by(|n| n.role() == Role::ListItem
            && n.label().is_some_and(
                |l| l.contains("échange de cadeaux") && l.contains("Checked before: Disputed")
            ))
        .is_some(),
        "the row is marked"
    );
    h.get_by_label("Clear filters").click();
    h.run();
    h.get_by_label_contains(
        "Checked before: Disputed — 12 March 2026, “Poutine offre une Aurus à Kim”",
    );
    h.get_by_label_contains("Earlier note: Une seule Aurus offerte à Kim");
    h.get_by_label_contains("Why it matches:");
    h.get_by_label("https://kcna.example/2024/06/19/gifts");

    // B: verdict, note and sources at once…
    h.key_press(Key::B);
    h.run();
    let c = h.state().review().claim(id).unwrap().clone();
    assert_eq!(c.verdict, Verdict::Disputed);
    assert_eq!(
        c.note,
        "Une seule Aurus offerte à Kim : la première était un autre modèle."
    );
    let urls: Vec<&str> = c.evidence.iter().map(|e| e.url.as_str()).collect();
    assert_eq!(
        urls,
        [
            "https://kcna.example/2024/06/19/gifts",
            "https://tass.example/politique/aurus"
        ]
    );
    assert_eq!(c.evidence[0].accessed.to_string(), "2026-03-12");
    assert!(h.state().is_dirty());
    // …and one Undo takes all of it back.
    h.key_press_modifiers(Modifiers::COMMAND, Key::Z);
    h.run();
    let c = h.state().review().claim(id).unwrap();
    assert_eq!(c.verdict, Verdict::Unreviewed);
    assert_eq!(c.note, "");
    assert!(c.evidence.is_empty());
    assert!(!h.state().history().can_undo());
    // Redo, and the button does what B does: nothing more to add.
    h.key_press_modifiers(Modifiers::COMMAND, Key::Y);
    h.run();
    assert_eq!(
        h.state().review().claim(id).unwrap().verdict,
        Verdict::Disputed
    );

    // Shift+B opens the earlier review's session, asking first about the unsaved changes.
    h.key_press_modifiers(Modifiers::SHIFT, Key::B);
    h.run();
    h.get_by_label("Unsaved changes");
    h.get_by_label("Discard").click();
    settle(&mut h);
    assert_eq!(h.state().session_path(), Some(earlier_session.as_path()));
    assert_eq!(
        h.state().review().article.display_title(),
        "Poutine offre une Aurus à Kim"
    );
}

#[test]
fn the_library_panel_finds_entries_by_words_and_by_verdict() {
    let dir = tempfile::tempdir().unwrap();
    let lib = dir.path().join("library.sqlite");
    earlier_reviews(&lib, &dir.path().join("gone.claimdesk.json"));
    let picker = ScriptedPicker::new();
    let mut h = harness_with_library(&picker, dir.path(), &lib);
    // Ctrl+L opens the panel on the latest entries.
    h.key_press_modifiers(Modifiers::COMMAND, Key::L);
    library_settle(&mut h);
    assert_eq!(h.state().library_results().len(), 3);
    h.get_by_label_contains("3 found");

    h.get_by_label("Words").click();
    h.run();
    h.get_by_label("Words").type_text("grippe");
    h.get_by_label("Search").click();
    library_settle(&mut h);
    let found: Vec<&str> = h
        .state()
        .library_results()
        .iter()
        .map(|s| s.entry.claim.as_str())
        .collect();
    assert_eq!(
        found,
        ["Les vaccins contre la grippe provoquent la grippe chez un patient sur dix"]
    );
    // Selected, the entry is shown whole.
    h.get_by_label_contains("Verified — 2 November 2025, “Les vaccins et la grippe”");
    h.get_by_label("Open in the browser");

    // By verdict: the words cleared, Disputed chosen.
    h.get_by_label("Clear").click();
    library_settle(&mut h);
    assert_eq!(h.state().library_results().len(), 3);
    h.get_by_label("Verdict").click();
    h.run();
    // The choice in the list that opened (the detail panel has a Disputed button too).
    h.get_by_label("Verdict").get_by_label("Disputed").click();
    h.run();
    h.get_by_label("Search").click();
    library_settle(&mut h);
    let found: Vec<&str> = h
        .state()
        .library_results()
        .iter()
        .map(|s| s.entry.title.as_deref().unwrap_or(""))
        .collect();
    assert_eq!(found, ["Poutine offre une Aurus à Kim"]);
    h.get_by_label_contains("Reviewer:");
    h.get_by_label("ana");

    // A date that is not one is said, and nothing is searched.
    h.get_by_label("From").click();
    h.run();
    h.get_by_label("From").type_text("12/03/2026");
    h.get_by_label("Search").click();
    h.run();
    h.get_by_label_contains("write the day as YYYY-MM-DD");
}

#[test]
fn a_broken_library_file_loses_nothing_and_says_what_is_wrong() {
    let dir = tempfile::tempdir().unwrap();
    let lib = dir.path().join("library.sqlite");
    let junk: Vec<u8> = (0..4096u32).map(|i| (i * 7919 % 251) as u8).collect();
    std::fs::write(&lib, &junk).unwrap();
    let session = dir.path().join("limousine.claimdesk.json");
    let picker = ScriptedPicker::new();
    let mut h = harness_with_library(&picker, dir.path(), &lib);
    // Opening says that "Checked before" cannot be had, and the review goes on.
    let said = h.state().library_notice().expect("said").to_string();
    assert!(said.contains("not a Claimdesk library"), "{said}");
    h.key_press(Key::D);
    h.run();
    picker.answer(Some(session.clone()));
    h.key_press_modifiers(Modifiers::COMMAND, Key::S);
    h.run();
    assert!(session.exists(), "{:?}", h.state().error());
    assert!(!h.state().is_dirty());
    library_settle(&mut h);
    let said = h.state().library_notice().expect("said").to_string();
    assert!(
        said.contains(
            "The session is saved, but its verdicts were not recorded in the claim library"
        ) && said.contains(lib.to_str().unwrap())
            && said.contains("not a Claimdesk library"),
        "{said}"
    );
    h.get_by_label_contains("not recorded in the claim library");
    assert_eq!(
        std::fs::read(&lib).unwrap(),
        junk,
        "the junk file is untouched"
    );
    assert_eq!(
        claimdesk::store::load(&session).unwrap().claims[0].verdict,
        Verdict::Disputed
    );
}

#[test]
fn claimdesk_library_off_turns_the_library_off() {
    let dir = tempfile::tempdir().unwrap();
    let lib = dir.path().join("library.sqlite");
    let session = dir.path().join("limousine.claimdesk.json");
    let settings = dir.path().join("settings.json");
    let json = serde_json::json!({ "library": { "place": lib } });
    std::fs::write(&settings, json.to_string()).unwrap();
    let picker = ScriptedPicker::new();
    let mut h = harness(&picker);
    // As if started with CLAIMDESK_LIBRARY=off: the settings' library is not used.
    h.state_mut().use_library(None, Some("off".into()));
    h.state_mut().use_settings_file(settings);
    library_settle(&mut h);
    h.key_press(Key::D);
    h.run();
    picker.answer(Some(session.clone()));
    h.key_press_modifiers(Modifiers::COMMAND, Key::S);
    library_settle(&mut h);
    assert!(session.exists());
    assert!(!lib.exists(), "nothing recorded");
    h.key_press_modifiers(Modifiers::COMMAND, Key::L);
    library_settle(&mut h);
    h.get_by_label_contains("The claim library is off");
    h.key_press_modifiers(Modifiers::COMMAND, Key::L);
    h.run();
    // CLAIMDESK_LIBRARY naming a file is used instead of the settings.
    let other = dir.path().join("other.sqlite");
    h.state_mut()
        .use_library(None, Some(other.display().to_string()));
    h.key_press(Key::V);
    h.run();
    h.key_press_modifiers(Modifiers::COMMAND, Key::S);
    library_settle(&mut h);
    assert!(!lib.exists());
    let mut n = 0;
    open_library(&other).each(&mut |_| n += 1).unwrap();
    assert_eq!(n, 2, "both verdicts recorded");
}

/// Closing the window while a save's record waits for the library (another program holds it)
/// does not drop the record: the window says it is recording, and closes once it is done.
#[test]
fn closing_right_after_a_save_waits_for_the_library_record() {
    let dir = tempfile::tempdir().unwrap();
    let lib = dir.path().join("library.sqlite");
    drop(open_library(&lib));
    let session = dir.path().join("limousine.claimdesk.json");
    let picker = ScriptedPicker::new();
    let mut h = harness(&picker);
    h.state_mut()
        .use_library(Some(Place::File(lib.clone())), None);
    library_settle(&mut h);
    // Another program holds the library's write lock for a moment.
    let holder = rusqlite::Connection::open(&lib).unwrap();
    holder.execute_batch("BEGIN IMMEDIATE").unwrap();
    h.key_press(Key::D);
    h.run();
    picker.answer(Some(session.clone()));
    h.key_press_modifiers(Modifiers::COMMAND, Key::S);
    h.run();
    assert!(session.exists());
    assert!(h.state().library_busy(), "the record waits for the lock");
    h.input_mut()
        .viewports
        .entry(egui::ViewportId::ROOT)
        .or_default()
        .events
        .push(egui::ViewportEvent::Close);
    h.run();
    h.get_by_label_contains("Recording in the claim library");
    let closes = |h: &Harness<'_, ClaimdeskApp>| {
        h.output()
            .viewport_output
            .values()
            .flat_map(|v| v.commands.iter())
            .filter(|c| matches!(c, egui::ViewportCommand::Close))
            .count()
    };
    assert_eq!(closes(&h), 0, "not closed while the record waits");
    holder.execute_batch("ROLLBACK").unwrap();
    let started = Instant::now();
    while h.state().library_busy() && started.elapsed() < Duration::from_secs(20) {
        h.state_mut().wait_for_library();
        h.run_ok();
    }
    h.run_ok();
    h.step();
    let recorded = open_library(&lib)
        .search(&library::Search {
            verdict: Some(Verdict::Disputed),
            limit: 10,
            ..Default::default()
        })
        .unwrap();
    assert_eq!(recorded.len(), 1, "the record landed");
    assert!(closes(&h) > 0, "closed once the record was done");
}

// ---- The window in French: no English text left over ----

use claimdesk::i18n::Lang;
use std::collections::BTreeMap;

/// Message `id` in French, as the window shows it.
fn fr(id: &str) -> String {
    Lang::parse("fr").unwrap().text(id)
}

/// Message `id` in French with its placeholders filled.
fn frf(id: &str, args: &[(&str, &dyn std::fmt::Display)]) -> String {
    Lang::parse("fr").unwrap().format(id, args)
}

/// The messages of a Fluent file: each id with its texts (one per plural form), as written,
/// placeholders included.
fn ftl_texts(source: &str) -> BTreeMap<String, Vec<String>> {
    let mut out = BTreeMap::new();
    let mut lines = source.lines();
    while let Some(line) = lines.next() {
        let Some((id, rest)) = line.split_once(" =") else {
            continue;
        };
        if !id.starts_with(|c: char| c.is_ascii_lowercase())
            || !id.chars().all(|c| c.is_ascii_alphanumeric() || c == '-')
        {
            continue;
        }
        let rest = rest.trim();
        let mut texts = Vec::new();
        if rest.ends_with("->") {
            for l in lines.by_ref() {
                let t = l.trim();
                if t.starts_with('}') {
                    break;
                }
                if let Some((_, text)) = t.trim_start_matches('*').split_once(']') {
                    texts.push(text.trim().to_string());
                }
            }
        } else {
            texts.push(rest.to_string());
        }
        out.insert(id.to_string(), texts);
    }
    out
}

/// The words of a message's text between its placeholders ("Claims (", ")"), and whether it
/// has placeholders.
fn literal_pieces(text: &str) -> (Vec<String>, bool) {
    let (mut pieces, mut current, mut depth, mut holes) = (Vec::new(), String::new(), 0, false);
    for c in text.chars() {
        match c {
            '{' => {
                holes = true;
                depth += 1;
                pieces.push(std::mem::take(&mut current));
            }
            '}' if depth > 0 => depth -= 1,
            _ if depth > 0 => {}
            _ => current.push(c),
        }
    }
    pieces.push(current);
    let pieces = pieces
        .into_iter()
        .map(|p| p.trim().to_string())
        .filter(|p| !p.is_empty())
        .collect();
    (pieces, holes)
}

/// Where `piece` is in `text` from byte `from` on, as whole words: the end of the match.
fn find_words(text: &str, piece: &str, from: usize) -> Option<usize> {
    let alnum = |c: Option<char>| c.is_some_and(char::is_alphanumeric);
    let mut start = from;
    while let Some(i) = text.get(start..)?.find(piece) {
        let at = start + i;
        let end = at + piece.len();
        let starts_word = !alnum(piece.chars().next()) || !alnum(text[..at].chars().next_back());
        let ends_word = !alnum(piece.chars().next_back()) || !alnum(text[end..].chars().next());
        if starts_word && ends_word {
            return Some(end);
        }
        start = at + piece.chars().next()?.len_utf8();
    }
    None
}

/// One English message of the window that French says otherwise: the pieces of one of its
/// texts that the French text does not have.
struct EnglishText {
    id: String,
    pieces: Vec<String>,
    holes: bool,
}

impl EnglishText {
    /// Is this English text (part of) `shown`?
    fn in_text(&self, shown: &str) -> bool {
        if !self.holes {
            let p = &self.pieces[0];
            // A short word must be the whole text ("Edit", "Note"); a longer text may be part of
            // one ("Apply earlier verdict (B)").
            return shown.trim() == p
                || (p.contains(' ')
                    && p.chars().count() >= 8
                    && find_words(shown, p, 0).is_some());
        }
        let mut from = 0;
        for p in &self.pieces {
            match find_words(shown, p, from) {
                Some(end) => from = end,
                None => return false,
            }
        }
        true
    }
}

/// Every English text of en.ftl that fr.ftl says otherwise (the name "English" of the
/// language list apart), cut at its placeholders: only what French does not share is looked for.
fn english_texts() -> Vec<EnglishText> {
    let en = ftl_texts(&std::fs::read_to_string("assets/i18n/en.ftl").unwrap());
    let fr = ftl_texts(&std::fs::read_to_string("assets/i18n/fr.ftl").unwrap());
    let mut out = Vec::new();
    for (id, texts) in &en {
        if id == "language-name" || fr.get(id) == Some(texts) {
            continue;
        }
        let french: Vec<String> = fr
            .get(id)
            .into_iter()
            .flatten()
            .flat_map(|t| literal_pieces(t).0)
            .collect();
        for text in texts {
            let (pieces, holes) = literal_pieces(text);
            let pieces: Vec<String> = pieces
                .into_iter()
                .filter(|p| p.chars().any(char::is_alphanumeric) && !french.contains(p))
                .collect();
            let letters: usize = pieces
                .iter()
                .map(|p| p.chars().filter(|c| c.is_alphabetic()).count())
                .sum();
            if letters >= 3 {
                out.push(EnglishText {
                    id: id.clone(),
                    pieces,
                    holes,
                });
            }
        }
    }
    out
}

/// Every text the window shows now: the accessible labels, values and descriptions, and
/// every text painted (rows, headers drawn by hand, hints of empty fields).
fn shown_texts(h: &Harness<'_, ClaimdeskApp>) -> Vec<String> {
    let mut out = Vec::new();
    for n in h.root().children_recursive() {
        let a = n.accesskit_node();
        out.extend(a.label());
        out.extend(a.value());
        out.extend(a.description());
    }
    fn painted(shape: &egui::Shape, out: &mut Vec<String>) {
        match shape {
            egui::Shape::Text(t) => out.push(t.galley.text().to_string()),
            egui::Shape::Vec(v) => v.iter().for_each(|s| painted(s, out)),
            _ => {}
        }
    }
    for s in &h.output().shapes {
        painted(&s.shape, &mut out);
    }
    out
}

/// The texts seen during a walk through the window, each with where it was first seen.
struct Walk {
    english: Vec<EnglishText>,
    seen: BTreeMap<String, String>,
}

impl Walk {
    fn new() -> Self {
        Self {
            english: english_texts(),
            seen: BTreeMap::new(),
        }
    }

    /// Notes what the window shows now, at step `at` of the walk.
    fn look(&mut self, h: &Harness<'_, ClaimdeskApp>, at: &str) {
        for t in shown_texts(h) {
            self.seen.entry(t).or_insert_with(|| at.to_string());
        }
    }

    /// The English texts seen: "“text” (step), English of id, …".
    fn leftovers(&self) -> Vec<String> {
        let mut out = Vec::new();
        for (text, at) in &self.seen {
            let ids: Vec<&str> = self
                .english
                .iter()
                .filter(|e| e.in_text(text))
                .map(|e| e.id.as_str())
                .collect();
            if !ids.is_empty() {
                out.push(format!("“{text}” ({at}), English of {}", ids.join(", ")));
            }
        }
        out
    }

    /// Whether `needle` was seen in some text.
    fn saw(&self, needle: &str) -> bool {
        self.seen.keys().any(|t| t.contains(needle))
    }
}

/// A French window on settings in `dir` (the window's claim library in `dir` too).
fn french_harness(picker: &ScriptedPicker, dir: &Path) -> Harness<'static, ClaimdeskApp> {
    let settings = dir.join("settings.json");
    let json = serde_json::json!({
        "language": "fr",
        "reviewer": "Camille",
        "library": { "place": dir.join("library.sqlite") },
    });
    std::fs::write(&settings, json.to_string()).unwrap();
    let picker = picker.clone();
    // Tall enough for the Settings window to show all its sections without scrolling.
    let mut h = Harness::builder()
        .with_size(egui::vec2(1280.0, 1500.0))
        .build_eframe(move |cc| ClaimdeskApp::new(&cc.egui_ctx, Box::new(picker)));
    h.state_mut().use_settings_file(settings);
    library_settle(&mut h);
    h
}

/// Presses `key` (with `modifiers`), then lets the window settle.
fn press(h: &mut Harness<'_, ClaimdeskApp>, modifiers: Modifiers, key: Key) {
    h.key_press_modifiers(modifiers, key);
    settle(h);
}

/// Hovers the widget labelled `label` long enough for its tooltip to show.
fn hover_for_tooltip(h: &mut Harness<'_, ClaimdeskApp>, label: &str) {
    h.get_by_label(label).hover();
    h.run_steps(4);
}

#[test]
fn english_texts_are_found_only_where_french_says_otherwise() {
    let english = english_texts();
    let found = |shown: &str| -> Vec<&str> {
        english
            .iter()
            .filter(|e| e.in_text(shown))
            .map(|e| e.id.as_str())
            .collect()
    };
    assert!(found("Open Recent").contains(&"open-recent"));
    assert!(found("Claims (12)").contains(&"claims-n"));
    assert!(found("Why: a number · attributed: “selon”").contains(&"because-r"));
    assert!(found("3 claims").contains(&"n-claims"));
    assert!(found("Apply earlier verdict (B)").contains(&"apply-earlier-verdict"));
    for french in [
        "Ouvrir récent",
        "Affirmations (12)",
        "Pourquoi\u{a0}: un nombre · attribuée\u{a0}: «\u{a0}selon\u{a0}»",
        "3 affirmations",
        "score 0.97   n° 1   quantité",
        "English",
        "Markdown",
        "Le président russe Vladimir Poutine et le dirigeant nord-coréen Kim Jong Un ont été vus.",
    ] {
        assert_eq!(found(french), Vec::<&str>::new(), "{french}");
    }
}

#[test]
fn a_french_window_shows_no_english_anywhere() {
    let dir = tempfile::tempdir().unwrap();
    let dir = dir.path();
    let article = dir.join("limousine.txt");
    let original = std::fs::read_to_string("assets/samples/poutine-kim-limousine.fr.txt").unwrap();
    std::fs::write(&article, &original).unwrap();
    // A review left by a window that did not close, to be offered at the start.
    let recovery = dir.join("recovery");
    std::fs::create_dir_all(&recovery).unwrap();
    let left = claimdesk::review::Review::from_article(claimdesk::article::sample());
    claimdesk::store::save(&left, &recovery.join("recovery-4000000000.claimdesk.json")).unwrap();
    let meta = serde_json::json!({
        "pid": 4_000_000_000u32,
        "saved_at": "2026-03-12T10:00:00Z",
        "session_path": null,
        "title": left.article.display_title(),
    });
    std::fs::write(recovery.join("recovery-4000000000.json"), meta.to_string()).unwrap();

    let picker = ScriptedPicker::new();
    let mut h = french_harness(&picker, dir);
    let mut walk = Walk::new();
    h.state_mut()
        .use_recovery_dir(recovery, Duration::from_secs(3600));
    h.run();
    walk.look(&h, "restore prompt");
    assert!(walk.saw(&fr("restore-unsaved-work")), "the prompt is shown");
    h.get_by_label(&fr("restore")).click();
    h.run();
    walk.look(&h, "restored");

    // A file that cannot be opened, then the sample.
    let err = open_now(&mut h, &dir.join("absent.txt")).unwrap_err();
    assert!(err.starts_with("Impossible d'ouvrir absent.txt"), "{err}");
    assert!(
        err.contains("introuvable") && !err.contains("no such file"),
        "{err}"
    );
    h.run();
    walk.look(&h, "failed open");
    // A long article opens slowly enough to see the progress window; Escape gives it up.
    let long = big_article(dir, "long.txt", 1);
    h.state_mut().open_path(&long);
    h.step();
    h.step();
    walk.look(&h, "progress window");
    assert!(walk.saw(&frf("opening-f-2", &[("f", &"long.txt")])));
    h.key_press(Key::Escape);
    h.run();
    assert!(!h.state().is_busy());
    open_now(&mut h, &article).unwrap();
    h.run();
    walk.look(&h, "the sample");
    assert!(walk.saw(&frf("claims-n", &[("n", &h.state().review().claims.len())])));

    // The menus, each item's tooltip, Open Recent.
    for menu in ["file", "edit", "review", "help"] {
        h.get_by_label(&fr(menu)).click();
        h.run();
        walk.look(&h, menu);
        if menu == "file" {
            h.get_by_label(&fr("open-recent")).hover();
            h.run();
            walk.look(&h, "open recent");
        }
        h.key_press(Key::Escape);
        h.run();
    }

    // Every command, by its shortcut or, without one, from its menu.
    let session = dir.join("limousine.claimdesk.json");
    for cmd in claimdesk::ui::Command::ALL {
        use claimdesk::ui::Command as C;
        let at = format!("{cmd:?}");
        match cmd {
            C::PasteArticle => {
                h.get_by_label(&fr("edit")).click();
                h.run();
                h.get_by_label_contains(cmd.label()).click();
                h.run();
                // A web address goes to the evidence form of the selected claim.
                h.event(egui::Event::Paste("https://kcna.example/2024/06/19".into()));
                h.run();
            }
            C::CompareVersion => {
                // The Pungsan paragraph is cut from a new version: its claim is orphaned.
                let edited: Vec<&str> = original
                    .split("\n\n")
                    .filter(|p| !p.contains("Pungsan"))
                    .collect();
                let new = dir.join("limousine-v2.txt");
                std::fs::write(&new, edited.join("\n\n")).unwrap();
                picker.answer(Some(new));
                h.get_by_label(&fr("file")).click();
                h.run();
                h.get_by_label_contains(cmd.label()).click();
                settle(&mut h);
                walk.look(&h, &at);
                let orphans = h.state().review().orphans.len();
                assert_eq!(orphans, 1, "{:?}", h.state().info());
                open_tab(&mut h, &frf("orphaned-claims-n", &[("n", &orphans)]));
            }
            C::Quit => {
                // Unsaved changes: asked first.
                press(&mut h, Modifiers::NONE, Key::D);
                press(&mut h, Modifiers::COMMAND, Key::Q);
                h.input_mut()
                    .viewports
                    .entry(egui::ViewportId::ROOT)
                    .or_default()
                    .events
                    .push(egui::ViewportEvent::Close);
                h.run();
                walk.look(&h, &at);
                h.get_by_label(&fr("cancel")).click();
                h.run();
                continue;
            }
            C::Open => {
                // With unsaved changes: asked first.
                press(&mut h, Modifiers::NONE, Key::D);
                picker.answer(Some(dir.join("absent.claimdesk.json")));
                press(&mut h, Modifiers::COMMAND, Key::O);
                walk.look(&h, "unsaved changes");
                h.get_by_label(&fr("discard")).click();
                settle(&mut h);
            }
            C::Save | C::SaveAs => {
                // Save As asks where; Save then writes there without asking.
                if cmd == C::SaveAs {
                    picker.answer(Some(session.clone()));
                }
                let shortcut = cmd.shortcuts()[0];
                press(&mut h, shortcut.modifiers, shortcut.logical_key);
                library_settle(&mut h);
            }
            C::Export => {
                open_export_dialog(&mut h);
                walk.look(&h, &at);
                h.get_by_label(&fr("format-html")).click();
                h.run();
                walk.look(&h, &at);
                picker.answer(Some(dir.join("rapport.html")));
                h.get_by_label(&fr("export")).click();
                settle(&mut h);
            }
            C::EditNote => {
                press(&mut h, Modifiers::NONE, Key::N);
                h.get_by_label(&fr("note"))
                    .type_text("Vérifiée auprès de l'agence.");
                h.run();
                h.key_press(Key::Escape);
                h.run();
            }
            C::AddEvidence => {
                press(&mut h, Modifiers::NONE, Key::E);
                h.get_by_label(&fr("source-url"))
                    .type_text(" pas une adresse");
                h.run();
                let add = fr("add-evidence");
                h.get_by_role_and_label(Role::Button, &add).scroll_to_me();
                h.run();
                h.get_by_role_and_label(Role::Button, &add).click();
                h.run();
                walk.look(&h, "a source refused");
                let url = "https://tass.example/politique/aurus";
                let archive = "https://web.archive.org/web/2024/https://tass.example/";
                for (field, text, replace) in
                    [("source-url", url, true), ("archive-url", archive, false)]
                {
                    let label = fr(field);
                    h.get_by_label(&label).scroll_to_me();
                    h.run();
                    h.get_by_label(&label).click();
                    h.run();
                    if replace {
                        h.key_press_modifiers(Modifiers::COMMAND, Key::A);
                    }
                    h.get_by_label(&label).type_text(text);
                    h.run();
                }
                h.get_by_role_and_label(Role::Button, &add).scroll_to_me();
                h.run();
                h.get_by_role_and_label(Role::Button, &add).click();
                h.run();
                let id = h.state().selected().unwrap();
                let sources = h.state().review().claim(id).unwrap().evidence.len();
                assert_eq!(sources, 1, "{:?}", h.state().error());
                h.get_by_label(&fr("edit-source")).scroll_to_me();
                h.run();
                hover_for_tooltip(&mut h, &fr("edit-source"));
                walk.look(&h, "edit evidence tooltip");
                assert!(walk.saw(&frf("edit-evidence-n", &[("n", &1)])));
            }
            C::AddClaim | C::SetSpan => {
                // Without a selection: said why. With one: a claim added by the reviewer.
                let shortcut = cmd.shortcuts()[0];
                press(&mut h, shortcut.modifiers, shortcut.logical_key);
                walk.look(&h, &at);
                if cmd == C::AddClaim {
                    let text = h.state().review().article.text.clone();
                    let from = text.find("Le moment soigneusement").unwrap();
                    h.state_mut();
                    drag_over_article(&mut h, from, from + 40);
                    let point = h.state().article_point(from + 20).unwrap();
                    h.hover_at(point);
                    h.run();
                    h.input_mut().events.push(egui::Event::PointerButton {
                        pos: point,
                        button: egui::PointerButton::Secondary,
                        pressed: true,
                        modifiers: Modifiers::NONE,
                    });
                    h.input_mut().events.push(egui::Event::PointerButton {
                        pos: point,
                        button: egui::PointerButton::Secondary,
                        pressed: false,
                        modifiers: Modifiers::NONE,
                    });
                    h.run();
                    walk.look(&h, "article context menu");
                    h.key_press(Key::Escape);
                    h.run();
                    press(&mut h, Modifiers::NONE, Key::A);
                }
            }
            C::SplitClaim => {
                press(&mut h, Modifiers::NONE, Key::S);
                walk.look(&h, &at);
                h.get_by_label(&fr("cancel-split")).click();
                h.run();
            }
            C::Find => {
                press(&mut h, Modifiers::COMMAND, Key::F);
                h.get_by_label(&fr("search-article")).type_text("Poutine");
                h.run();
                walk.look(&h, &at);
                h.get_by_label(&fr("search-article")).type_text(" zzz");
                h.run();
                walk.look(&h, &at);
                h.get_by_label(&fr("close-search")).click();
                h.run();
            }
            C::FindNext => {
                press(&mut h, Modifiers::NONE, Key::F3);
                walk.look(&h, &at);
                h.get_by_label(&fr("close-search")).click();
                h.run();
            }
            C::FilterClaims => {
                press(&mut h, Modifiers::NONE, Key::Slash);
                h.get_by_label(&fr("filter")).type_text("zzz");
                h.run();
                walk.look(&h, &at);
                h.get_by_label(&fr("clear-filters")).click();
                h.run();
                for combo in ["status", "type", "sort"] {
                    h.get_by_label(&fr(combo)).click();
                    h.run();
                    walk.look(&h, combo);
                    h.key_press(Key::Escape);
                    h.run();
                }
            }
            C::Settings => {
                press(&mut h, Modifiers::COMMAND, Key::Comma);
                walk.look(&h, &at);
                for combo in ["theme", "language"] {
                    h.get_by_label(&fr(combo)).click();
                    h.run();
                    walk.look(&h, combo);
                    h.key_press(Key::Escape);
                    h.run();
                }
                hover_for_tooltip(&mut h, &fr("record-my-verdicts-library"));
                walk.look(&h, "settings tooltip");
                h.get_by_label(&fr("save-settings")).click();
                h.run();
            }
            C::Library => {
                press(&mut h, Modifiers::COMMAND, Key::L);
                library_settle(&mut h);
                walk.look(&h, &at);
                h.get_by_label(&fr("search")).click();
                library_settle(&mut h);
                walk.look(&h, "library search");
                h.get_by_label(&fr("from")).click();
                h.run();
                h.get_by_label(&fr("from")).type_text("mardi");
                h.get_by_label(&fr("search")).click();
                library_settle(&mut h);
                walk.look(&h, "library date refused");
                press(&mut h, Modifiers::COMMAND, Key::L);
            }
            C::History | C::Shortcuts => {
                let shortcut = cmd.shortcuts()[0];
                press(&mut h, shortcut.modifiers, shortcut.logical_key);
                walk.look(&h, &at);
                press(&mut h, shortcut.modifiers, shortcut.logical_key);
            }
            _ => {
                let shortcut = cmd.shortcuts()[0];
                press(&mut h, shortcut.modifiers, shortcut.logical_key);
            }
        }
        walk.look(&h, &at);
        // Each notice is seen once; the next command starts without it.
        if let Some(d) = h.query_by_label(&fr("dismiss")) {
            d.click();
            h.run();
        }
    }

    // The panels of the checklist and the detail's folded reasons and tooltips.
    let review = h.state().review();
    let tabs = [
        fr("below-threshold"),
        frf("dismissed-n", &[("n", &review.dismissed.len())]),
        frf("claims-n", &[("n", &review.claims.len())]),
    ];
    for tab in tabs {
        open_tab(&mut h, &tab);
        walk.look(&h, &tab);
    }
    let id = h.state().selected().unwrap();
    let reasons = h.state().review().claim(id).unwrap().reasons.len();
    h.get_by_label(&frf("all-reasons-n", &[("n", &reasons)]))
        .click();
    h.run();
    walk.look(&h, "all reasons");
    for id in ["split", "merge-next", "not-claim"] {
        hover_for_tooltip(&mut h, &fr(id));
        walk.look(&h, id);
    }

    // The session changed on disk by someone else: asked before it is replaced.
    assert!(session.exists(), "{:?}", h.state().error());
    claimdesk::store::update(&session, |r, _| {
        r.claims[0].note = "une note d'un autre poste".into();
        Ok::<_, claimdesk::store::StoreError>(true)
    })
    .unwrap();
    press(&mut h, Modifiers::NONE, Key::V);
    press(&mut h, Modifiers::COMMAND, Key::S);
    h.run();
    walk.look(&h, "changed on disk");
    assert!(walk.saw(&fr("changed-disk")), "the dialog is shown");
    h.get_by_label(&fr("cancel")).click();
    h.run();
    walk.look(&h, "not saved");

    // A session whose article changed since it was saved.
    let mut h2 = french_harness(&ScriptedPicker::new(), dir);
    let source = claimdesk::store::load(&session)
        .unwrap()
        .article
        .metadata
        .source_path
        .unwrap();
    let text = std::fs::read_to_string(&source).unwrap();
    std::fs::write(&source, format!("{text}\n\nUn paragraphe ajouté.")).unwrap();
    open_now(&mut h2, &session).unwrap();
    h2.run();
    walk.look(&h2, "article changed");
    h2.get_by_label(&fr("re-anchor-new-version")).click();
    settle(&mut h2);
    walk.look(&h2, "re-anchored");

    // Text pasted as a new article.
    h2.key_press(Key::Escape);
    h2.event(egui::Event::Paste(
        "Le budget\n\nLa ville a dépensé 12 millions d'euros pour les routes en 2023.".into(),
    ));
    h2.run();
    if let Some(b) = h2.query_by_label(&fr("discard")) {
        b.click();
    }
    settle(&mut h2);
    walk.look(&h2, "pasted article");

    claimdesk::ui::i18n::set_language(Lang::EN);
    let leftovers = walk.leftovers();
    assert!(
        leftovers.is_empty(),
        "English texts in the French window:\n{}",
        leftovers.join("\n")
    );
    assert!(walk.seen.len() > 300, "only {} texts seen", walk.seen.len());
}

#[test]
fn the_why_line_of_a_french_window_is_in_words_without_word_lists() {
    let dir = tempfile::tempdir().unwrap();
    // An English article: its reasons start with the term model's word lists.
    let article = dir.path().join("roads.txt");
    std::fs::write(
        &article,
        "Roads budget\n\nThe city spent 12 million dollars on roads in 2023, twice the 2019 amount, the mayor said on Tuesday.\n\n\
         Unemployment fell to 4.2 percent last year, according to the national statistics office.\n",
    )
    .unwrap();
    let picker = ScriptedPicker::new();
    let mut h = french_harness(&picker, dir.path());
    open_now(&mut h, &article).unwrap();
    h.run();
    let english = english_texts();
    let why = frf("because-r", &[("r", &"")]);
    let ids: Vec<u32> = h.state().review().claims.iter().map(|c| c.id).collect();
    assert_eq!(ids.len(), 2);
    let mut first = true;
    for id in ids {
        let reasons = h.state().review().claim(id).unwrap().reasons.clone();
        assert!(reasons[0].starts_with("words: "), "{reasons:?}");
        let line = shown_texts(&h)
            .into_iter()
            .find(|t| t.starts_with(why.as_str()))
            .expect("a Why line");
        assert!(!line.contains("words") && !line.contains("mots"), "{line}");
        assert!(line.contains("économie\u{a0}: «\u{a0}"), "{line}");
        assert_eq!(
            line.matches(" · ").count(),
            2,
            "the three strongest: {line}"
        );
        let found: Vec<&str> = english
            .iter()
            .filter(|e| e.in_text(&line))
            .map(|e| e.id.as_str())
            .collect();
        assert!(found.is_empty(), "English in {line}: {found:?}");
        // Every reason, in words, one click away (it stays open for the next claim).
        if first {
            h.get_by_label(&frf("all-reasons-n", &[("n", &reasons.len())]))
                .click();
            h.run();
            first = false;
        }
        h.get_by_label_contains("• mots qui y poussent\u{a0}: a number");
        h.get_by_label_contains("• attribuée\u{a0}: «\u{a0}");
        h.key_press(Key::J);
        h.run();
    }
    claimdesk::ui::i18n::set_language(Lang::EN);
}

#[test]
fn choosing_a_language_in_settings_applies_at_once() {
    let dir = tempfile::tempdir().unwrap();
    let picker = ScriptedPicker::new();
    let mut h = harness(&picker);
    h.state_mut()
        .use_settings_file(dir.path().join("settings.json"));
    h.run();
    let n = h.state().review().claims.len();
    h.get_by_label(&format!("Claims ({n})"));
    h.key_press_modifiers(Modifiers::COMMAND, Key::Comma);
    h.run();
    h.get_by_label("Language").click();
    h.run();
    // Every language there are texts for, by its own name, and the system's.
    for lang in Lang::all() {
        h.get_by_label(&lang.name());
    }
    h.get_by_label("as the system");
    h.get_by_label("Français").click();
    h.run();
    h.get_by_label("Save settings").click();
    h.run();
    // No restart: the window is in French at the next frame, menus, lists and notices.
    h.get_by_label("Fichier");
    h.get_by_label(&format!("Affirmations ({n})"));
    assert!(
        h.state()
            .info()
            .unwrap()
            .starts_with("Réglages enregistrés")
    );
    assert_eq!(h.state().newsroom().language, "fr");
    // And back.
    h.key_press_modifiers(Modifiers::COMMAND, Key::Comma);
    h.run();
    h.get_by_label("Langue").click();
    h.run();
    h.get_by_label("English").click();
    h.run();
    h.get_by_label("Enregistrer les réglages").click();
    h.run();
    h.get_by_label("File");
    h.get_by_label(&format!("Claims ({n})"));
    claimdesk::ui::i18n::set_language(Lang::EN);
}
