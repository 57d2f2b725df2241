//! The checklist of claims and the detail of the selected one (verdict buttons, reasons, note,
//! evidence, split / merge / dismiss).
//! It draws from the review and returns what the user asked for; the app applies it.
//!
//! The checklist is virtualised: rows have one height (the text is cut to two lines; the detail
//! shows it whole), and only the rows in view are drawn, so 5,000 claims cost what 20 do.

use super::command::Command;
use super::i18n::{self, language, tr, trf};
use super::library::{self as lib, Earlier};
use super::theme::Palette;
use crate::library::Match;
use crate::report::why;
use crate::review::{self, Action, Claim, Evidence, Review, Stance, Verdict};
use eframe::egui::{self, FontId, RichText, Sense, TextFormat, text::LayoutJob};

/// What the user asked for in this panel.
#[derive(Debug, Clone, PartialEq)]
pub enum ListRequest {
    Select(u32),
    Apply(Action),
    /// Move the checklist to this threshold (the app builds the change from the review).
    SetThreshold(f32),
    /// Something could not be done; say why.
    Error(String),
    /// A command of the window (the buttons of "Checked before").
    Run(Command),
}

/// Which list the panel shows.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub enum Tab {
    #[default]
    Claims,
    /// The article's other sentences, to promote by hand.
    Below,
    /// Claims set aside as "not a claim", to restore.
    Dismissed,
    /// Claims re-anchoring could not find in the new version of the article.
    Orphans,
}

/// The checklist's order.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Hash)]
pub enum Sort {
    #[default]
    Position,
    /// Highest score first.
    Score,
    /// Unreviewed first, then Disputed, Unsourced, Verified.
    Status,
}

impl Sort {
    const ALL: [Sort; 3] = [Sort::Position, Sort::Score, Sort::Status];

    fn label(self) -> &'static str {
        tr(match self {
            Sort::Position => "position-article",
            Sort::Score => "score",
            Sort::Status => "status-2",
        })
    }
}

/// What the checklist shows, and in which order.
#[derive(Debug, Clone, Default, PartialEq, Eq, Hash)]
pub struct Filter {
    pub status: Option<Verdict>,
    /// Only claims of this type ("quantity", …).
    pub kind: Option<String>,
    /// Only claims whose text, note or claimant contains this (case-insensitive).
    pub text: String,
    pub sort: Sort,
}

impl Filter {
    fn keeps(&self, c: &Claim, needle: &str) -> bool {
        self.status.is_none_or(|s| s == c.verdict)
            && self.kind.as_ref().is_none_or(|k| *k == c.kind)
            && (needle.is_empty()
                || c.text().to_lowercase().contains(needle)
                || c.note.to_lowercase().contains(needle)
                || c.claimant
                    .as_deref()
                    .is_some_and(|w| w.to_lowercase().contains(needle)))
    }

    fn is_active(&self) -> bool {
        self.status.is_some() || self.kind.is_some() || !self.text.trim().is_empty()
    }
}

/// Splitting a claim: where the second claim will begin (a byte of the claim's text).
#[derive(Debug, Clone, Copy)]
struct SplitDraft {
    claim: u32,
    at: usize,
    placed: bool,
}

#[derive(Default)]
pub struct ClaimList {
    /// Scroll the selected row into view on the next frame.
    pub scroll_to_selected: bool,
    /// Give the note editor the keyboard on the next frame.
    pub focus_note: bool,
    /// Give the evidence form's URL field the keyboard on the next frame.
    pub focus_evidence: bool,
    /// Give the filter field the keyboard on the next frame.
    pub focus_filter: bool,
    pub tab: Tab,
    pub filter: Filter,
    note_draft: String,
    note_for: Option<u32>,
    evidence: EvidenceDraft,
    /// The threshold slider while it is being dragged.
    threshold_draft: Option<f32>,
    /// All scored sentences of the article, computed when first listed; the app clears them
    /// when the article changes (`forget_article`).
    sentences: Option<Vec<crate::extract::Candidate>>,
    /// The claims shown, in order, for the revision and filter they were computed for.
    visible: Vec<u32>,
    visible_for: Option<(u64, usize, Filter)>,
    split: Option<SplitDraft>,
    /// The checklist's scroll offset and height last frame, to scroll only when needed.
    view: (f32, f32),
}

/// The "Add evidence" form, for the claim `for_claim`.
#[derive(Default)]
struct EvidenceDraft {
    for_claim: Option<u32>,
    url: String,
    title: String,
    quote: String,
    archive: String,
    stance: Stance,
    error: Option<String>,
    /// The evidence item being edited (its index), if the form edits one.
    editing: Option<usize>,
}

impl EvidenceDraft {
    /// The evidence the form describes, or why it cannot be added.
    fn build(&self) -> Result<Evidence, String> {
        if self.url.trim().is_empty() {
            return Err(tr("paste-sources-address-first").to_string());
        }
        let today = chrono::Local::now().date_naive();
        let mut e = Evidence::new(&self.url, today).map_err(|e| i18n::url_error(&e))?;
        e.title = self.title.trim().to_string();
        e.quote = self.quote.trim().to_string();
        e.stance = self.stance;
        if !self.archive.trim().is_empty() {
            e.archive_url = Some(
                review::check_url(&self.archive)
                    .map_err(|e| trf("archive-url-error", &[("e", &i18n::url_error(&e))]))?,
            );
        }
        Ok(e)
    }
}

/// Height of a checklist row: a small line, then two lines of the claim.
const ROW_HEIGHT: f32 = 76.0;

impl ClaimList {
    /// The ids of the claims the checklist shows, in its order.
    pub fn visible(&mut self, review: &Review) -> &[u32] {
        let key = (review.revision, review.claims.len(), self.filter.clone());
        if self.visible_for.as_ref() != Some(&key) {
            let needle = self.filter.text.trim().to_lowercase();
            let mut shown: Vec<&Claim> = review
                .claims
                .iter()
                .filter(|c| self.filter.keeps(c, &needle))
                .collect();
            let rank = |v: Verdict| match v {
                Verdict::Unreviewed => 0,
                Verdict::Disputed => 1,
                Verdict::Unsourced => 2,
                Verdict::Verified => 3,
            };
            match self.filter.sort {
                Sort::Position => {}
                Sort::Score => shown.sort_by(|a, b| b.score.total_cmp(&a.score)),
                Sort::Status => shown.sort_by_key(|c| rank(c.verdict)),
            }
            self.visible = shown.iter().map(|c| c.id).collect();
            self.visible_for = Some(key);
        }
        &self.visible
    }

    /// Puts `url` in the evidence form of claim `id` and gives the form the keyboard.
    pub fn paste_evidence_url(&mut self, id: u32, url: &str) {
        if self.evidence.for_claim != Some(id) {
            self.evidence = EvidenceDraft {
                for_claim: Some(id),
                ..EvidenceDraft::default()
            };
        }
        self.evidence.url = url.trim().to_string();
        self.focus_evidence = true;
    }

    pub fn ui(
        &mut self,
        ui: &mut egui::Ui,
        review: &Review,
        selected: Option<u32>,
        palette: &Palette,
        earlier: &Earlier,
    ) -> Vec<ListRequest> {
        let mut out = Vec::new();
        egui::Panel::bottom("claim-detail")
            .resizable(true)
            .default_size(360.0)
            .min_size(160.0)
            .show(ui, |ui| {
                ui.add_space(6.0);
                match selected.and_then(|id| review.claim(id)) {
                    Some(claim) => {
                        egui::ScrollArea::vertical()
                            .id_salt("claim-detail-scroll")
                            .auto_shrink([false, false])
                            .show(ui, |ui| {
                                let before = earlier.of(claim.id);
                                self.detail(ui, claim, review, palette, before, &mut out);
                                ui.add_space(6.0);
                                self.evidence(ui, claim, palette, &mut out);
                            });
                    }
                    None => {
                        ui.weak(if review.claims.is_empty() {
                            tr("article-has-no-check-worthy")
                        } else {
                            tr("select-claim-click-press-j")
                        });
                    }
                }
            });
        self.tabs(ui, review);
        match self.tab {
            Tab::Claims => {
                self.controls(ui, review, palette, &mut out);
                self.rows(ui, review, selected, palette, earlier, &mut out);
            }
            Tab::Below => {
                self.threshold(ui, review, &mut out);
                self.below_threshold(ui, review, &mut out);
            }
            Tab::Dismissed => dismissed(ui, review, palette, &mut out),
            Tab::Orphans => orphans(ui, review, palette),
        }
        out
    }

    /// The article was replaced: its sentences are scored again when listed.
    pub fn forget_article(&mut self) {
        self.sentences = None;
        self.visible_for = None;
        self.split = None;
    }

    fn tabs(&mut self, ui: &mut egui::Ui, review: &Review) {
        let show_orphans = !review.orphans.is_empty() || self.tab == Tab::Orphans;
        ui.horizontal_wrapped(|ui| {
            let mut tab = |ui: &mut egui::Ui, t: Tab, label: String| {
                if ui.selectable_label(self.tab == t, label).clicked() {
                    self.tab = t;
                }
            };
            tab(
                ui,
                Tab::Claims,
                trf("claims-n", &[("n", &review.claims.len())]),
            );
            tab(ui, Tab::Below, tr("below-threshold").to_string());
            tab(
                ui,
                Tab::Dismissed,
                trf("dismissed-n", &[("n", &review.dismissed.len())]),
            );
            if show_orphans {
                tab(
                    ui,
                    Tab::Orphans,
                    trf("orphaned-claims-n", &[("n", &review.orphans.len())]),
                );
            }
        });
        ui.separator();
    }

    /// The threshold slider.
    fn threshold(&mut self, ui: &mut egui::Ui, review: &Review, out: &mut Vec<ListRequest>) {
        let mut t = self.threshold_draft.unwrap_or(review.threshold);
        let resp = ui
            .add(
                egui::Slider::new(&mut t, 0.0..=1.0)
                    .step_by(0.05)
                    .text(tr("threshold")),
            )
            .on_hover_text(tr("sentences-scoring-least-are-claims"));
        if resp.changed() {
            self.threshold_draft = Some(t);
        }
        if (resp.drag_stopped() || (resp.changed() && !resp.dragged()))
            && (t - review.threshold).abs() > f32::EPSILON
        {
            out.push(ListRequest::SetThreshold(t));
        }
        if !resp.dragged() && !resp.changed() {
            self.threshold_draft = None;
        }
    }

    /// The threshold, the filters (status, type, text) and the order.
    fn controls(
        &mut self,
        ui: &mut egui::Ui,
        review: &Review,
        palette: &Palette,
        out: &mut Vec<ListRequest>,
    ) {
        ui.horizontal_wrapped(|ui| {
            self.threshold(ui, review, out);
            let label = ui.label(tr("filter"));
            let resp = ui
                .add(
                    egui::TextEdit::singleline(&mut self.filter.text)
                        .hint_text(tr("words-claim-note-claimant"))
                        .desired_width(170.0),
                )
                .labelled_by(label.id);
            if self.focus_filter {
                self.focus_filter = false;
                resp.request_focus();
            }
        });
        ui.horizontal_wrapped(|ui| {
            let status = self
                .filter
                .status
                .map_or(tr("all"), |v| palette.name(v))
                .to_string();
            egui::ComboBox::from_label(tr("status"))
                .selected_text(status)
                .show_ui(ui, |ui| {
                    ui.selectable_value(&mut self.filter.status, None, tr("all"));
                    for v in Verdict::ALL {
                        let n = review.claims.iter().filter(|c| c.verdict == v).count();
                        ui.selectable_value(
                            &mut self.filter.status,
                            Some(v),
                            format!("{} ({n})", palette.name(v)),
                        );
                    }
                });
            let shown = self
                .filter
                .kind
                .as_deref()
                .map_or_else(|| tr("all-types").to_string(), i18n::kind_name);
            egui::ComboBox::from_label(tr("type"))
                .selected_text(shown)
                .show_ui(ui, |ui| {
                    ui.selectable_value(&mut self.filter.kind, None, tr("all-types"));
                    for k in crate::extract::KINDS {
                        let n = review.claims.iter().filter(|c| c.kind == *k).count();
                        ui.selectable_value(
                            &mut self.filter.kind,
                            Some(k.to_string()),
                            format!("{} ({n})", i18n::kind_name(k)),
                        );
                    }
                });
            egui::ComboBox::from_label(tr("sort"))
                .selected_text(self.filter.sort.label())
                .show_ui(ui, |ui| {
                    for s in Sort::ALL {
                        ui.selectable_value(&mut self.filter.sort, s, s.label());
                    }
                });
            if self.filter.is_active() && ui.small_button(tr("clear-filters")).clicked() {
                self.filter = Filter {
                    sort: self.filter.sort,
                    ..Filter::default()
                };
            }
        });
    }

    fn rows(
        &mut self,
        ui: &mut egui::Ui,
        review: &Review,
        selected: Option<u32>,
        palette: &Palette,
        earlier: &Earlier,
        out: &mut Vec<ListRequest>,
    ) {
        let ids = self.visible(review).to_vec();
        if ids.is_empty() {
            ui.weak(if review.claims.is_empty() {
                tr("no-claims-threshold")
            } else {
                tr("no-claim-matches-these-filters")
            });
            return;
        }
        let step = ROW_HEIGHT + ui.spacing().item_spacing.y;
        let mut area = egui::ScrollArea::vertical()
            .id_salt("claim-list")
            .auto_shrink([false, false]);
        // Until the list has been drawn once its height is unknown: the scroll waits a frame,
        // or the first claim would be scrolled half out of view.
        if self.scroll_to_selected && self.view.1 > 0.0 {
            self.scroll_to_selected = false;
            if let Some(i) = selected.and_then(|s| ids.iter().position(|id| *id == s)) {
                let (offset, height) = self.view;
                let y = i as f32 * step;
                if y < offset || y + ROW_HEIGHT > offset + height {
                    area =
                        area.vertical_scroll_offset((y - height / 2.0 + ROW_HEIGHT / 2.0).max(0.0));
                }
            }
        }
        let output = area.show_rows(ui, ROW_HEIGHT, ids.len(), |ui, range| {
            for id in &ids[range] {
                if let Some(claim) = review.claim(*id) {
                    let is_sel = selected == Some(claim.id);
                    if row(ui, claim, is_sel, palette, earlier.of(claim.id)).clicked() {
                        out.push(ListRequest::Select(claim.id));
                    }
                }
            }
        });
        self.view = (output.state.clamped_offset().y, output.inner_rect.height());
    }

    /// The article's other sentences with their scores, each one click from being a claim.
    fn below_threshold(&mut self, ui: &mut egui::Ui, review: &Review, out: &mut Vec<ListRequest>) {
        let sentences = self
            .sentences
            .get_or_insert_with(|| crate::extract::sentences(&review.article));
        let spans = review.claim_spans();
        let below: Vec<&crate::extract::Candidate> = sentences
            .iter()
            .filter(|c| !spans.contains(&(c.range.start, c.range.end)))
            .collect();
        ui.strong(trf("below-threshold-n", &[("n", &below.len())]));
        egui::ScrollArea::vertical()
            .id_salt("below-list")
            .auto_shrink([false, false])
            .show(ui, |ui| {
                for c in below {
                    egui::Frame::new().inner_margin(4.0).show(ui, |ui| {
                        ui.set_width(ui.available_width());
                        ui.label(
                            RichText::new(trf(
                                "score-block",
                                &[
                                    ("s", &language().decimal(f64::from(c.score), 2)),
                                    ("block", &i18n::block_name(c.block)),
                                ],
                            ))
                            .size(12.5)
                            .weak(),
                        );
                        ui.label(RichText::new(&c.text).weak());
                        if ui
                            .button(trf("promote-claim-s", &[("s", &short(&c.text))]))
                            .clicked()
                        {
                            let claim = crate::review::Claim::from_candidate(
                                &review.article.text,
                                review.next_claim_id(),
                                c,
                            );
                            out.push(ListRequest::Apply(Action::AddClaim {
                                claim: Box::new(claim),
                            }));
                        }
                    });
                }
            });
    }

    fn detail(
        &mut self,
        ui: &mut egui::Ui,
        claim: &Claim,
        review: &Review,
        palette: &Palette,
        before: Option<&Match>,
        out: &mut Vec<ListRequest>,
    ) {
        let total = review.claims.len();
        let pos = review
            .claims
            .iter()
            .position(|c| c.id == claim.id)
            .unwrap_or(0)
            + 1;
        ui.horizontal_wrapped(|ui| {
            ui.strong(trf(
                "claim-pos-total-id",
                &[("pos", &pos), ("total", &total), ("id", &claim.id)],
            ));
            ui.weak(trf(
                "score-s",
                &[("s", &language().decimal(f64::from(claim.score), 2))],
            ));
            let kind = if claim.kind_reason.is_empty() {
                i18n::kind_name(&claim.kind)
            } else {
                format!(
                    "{} ({})",
                    i18n::kind_name(&claim.kind),
                    why::in_words(language(), &claim.kind_reason)
                )
            };
            ui.weak(trf("type-k", &[("k", &kind)]));
            if let Some(who) = &claim.claimant {
                ui.weak(trf("claimant-w", &[("w", who)]));
            }
        });
        if self.split.is_some_and(|s| s.claim == claim.id) {
            self.split_editor(ui, claim, review, out);
        } else {
            self.split = None;
            let text = claim.text();
            let shown = head_of(text, DETAIL_BYTES);
            ui.add(
                egui::Label::new(RichText::new(shown).size(15.0))
                    .wrap()
                    .selectable(true),
            );
            if shown.len() < text.len() {
                ui.weak(trf(
                    "first-n-all-characters-whole",
                    &[
                        ("n", &shown.chars().count()),
                        ("all", &text.chars().count()),
                    ],
                ));
            }
        }
        ui.horizontal_wrapped(|ui| {
            for v in Verdict::ALL {
                let on = claim.verdict == v;
                let mut text = RichText::new(palette.name(v));
                if on {
                    text = text.color(egui::Color32::WHITE).strong();
                }
                let mut button = egui::Button::selectable(on, text);
                if on {
                    button = button.fill(palette.accent(v));
                }
                let key = match v {
                    Verdict::Verified => "V",
                    Verdict::Disputed => "D",
                    Verdict::Unsourced => "U",
                    Verdict::Unreviewed => "0",
                };
                if ui
                    .add(button)
                    .on_hover_text(trf(
                        "mark-verdict-key",
                        &[("v", &palette.name(v)), ("key", &key)],
                    ))
                    .clicked()
                    && !on
                {
                    out.push(ListRequest::Apply(Action::SetVerdict {
                        claim: claim.id,
                        verdict: v,
                    }));
                }
            }
            ui.separator();
            if ui
                .button(tr("split"))
                .on_hover_text(tr("cut-claim-two-s"))
                .clicked()
            {
                self.start_split(claim.id, review);
            }
            if ui
                .button(tr("merge-next"))
                .on_hover_text(tr("join-claim-next-one-article"))
                .clicked()
            {
                out.push(merge_request(review, claim.id));
            }
            if ui
                .button(tr("not-claim"))
                .on_hover_text(tr("dismiss-kept-under-dismissed-where"))
                .clicked()
            {
                out.push(ListRequest::Apply(Action::Dismiss { claim: claim.id }));
            }
        });
        // Right under the verdicts: what was found before is what the reviewer reads first.
        if let Some(m) = before {
            checked_before(ui, m, palette, out);
        }
        if !claim.reasons.is_empty() {
            why_reasons(ui, &claim.reasons);
        }
        if let Some(old) = &claim.previous {
            ui.label(
                RichText::new(trf("reworded-was-old", &[("old", old)]))
                    .size(12.5)
                    .color(palette.accent(Verdict::Unsourced)),
            );
        }
        if let Some(g) = claim.group.filter(|g| *g != claim.id) {
            ui.label(
                RichText::new(trf("repeats-claim-g", &[("g", &g)]))
                    .size(12.5)
                    .weak(),
            );
        }
        if let Some(g) = claim.group {
            let members: Vec<&Claim> = review
                .claims
                .iter()
                .filter(|c| c.group == Some(g))
                .collect();
            let differ: Vec<&&Claim> = members
                .iter()
                .filter(|c| c.verdict != claim.verdict)
                .collect();
            if members.len() > 1 && !differ.is_empty() {
                let label = trf(
                    "apply-group",
                    &[("v", &palette.name(claim.verdict)), ("n", &members.len())],
                );
                if ui.button(&label).clicked() {
                    out.push(ListRequest::Apply(Action::Batch {
                        label: format!("group of claim {g} marked {}", claim.verdict.label()),
                        actions: differ
                            .iter()
                            .map(|c| Action::SetVerdict {
                                claim: c.id,
                                verdict: claim.verdict,
                            })
                            .collect(),
                    }));
                }
            }
        }
        ui.add_space(4.0);
        if self.note_for != Some(claim.id) {
            self.note_for = Some(claim.id);
            self.note_draft = claim.note.clone();
        }
        let label = ui.label(tr("note"));
        let note_id = egui::Id::unique(("note", claim.id));
        let focused = ui.memory(|m| m.has_focus(note_id));
        if !focused && self.note_draft != claim.note {
            self.note_draft = claim.note.clone(); // changed elsewhere (undo)
        }
        let edit = egui::TextEdit::multiline(&mut self.note_draft)
            .id(note_id)
            .hint_text(tr("what-you-checked-whom-you"))
            .desired_rows(4)
            .desired_width(f32::INFINITY);
        let resp = ui.add(edit).labelled_by(label.id);
        if self.focus_note {
            self.focus_note = false;
            resp.request_focus();
        }
        if resp.changed() {
            out.push(ListRequest::Apply(Action::SetNote {
                claim: claim.id,
                note: self.note_draft.clone(),
            }));
        }
    }

    /// Opens the split editor on claim `id`, with the caret at the proposed cut.
    pub fn start_split(&mut self, id: u32, review: &Review) {
        let Some(c) = review.claim(id) else { return };
        let at = review
            .split_point(id)
            .map_or(c.text().len() / 2, |a| a - c.position.start);
        self.split = Some(SplitDraft {
            claim: id,
            at,
            placed: false,
        });
    }

    /// The claim's text with a caret: the second claim starts at the caret.
    fn split_editor(
        &mut self,
        ui: &mut egui::Ui,
        claim: &Claim,
        review: &Review,
        out: &mut Vec<ListRequest>,
    ) {
        let Some(mut draft) = self.split else { return };
        let text = claim.text();
        let id = egui::Id::unique(("split", claim.id));
        if !draft.placed {
            draft.placed = true;
            let mut state = egui::text_edit::TextEditState::load(ui.ctx(), id).unwrap_or_default();
            let ci = text[..draft.at.min(text.len())].chars().count();
            state
                .cursor
                .set_char_range(Some(egui::text::CCursorRange::one(
                    egui::text::CCursor::new(ci),
                )));
            state.store(ui.ctx(), id);
            ui.memory_mut(|m| m.request_focus(id));
        }
        ui.label(RichText::new(tr("put-caret-where-second-claim")).size(12.5));
        let mut shown = text;
        let label = ui.label(tr("split-point"));
        let output = egui::TextEdit::multiline(&mut shown)
            .id(id)
            .desired_rows(2)
            .desired_width(f32::INFINITY)
            .show(ui);
        output.response.response.clone().labelled_by(label.id);
        if let Some(range) = output.cursor_range {
            let ci = range.primary.index.0;
            draft.at = text.char_indices().nth(ci).map_or(text.len(), |(b, _)| b);
        }
        let enter = output.response.has_focus() && ui.input(|i| i.key_pressed(egui::Key::Enter));
        let mut done = false;
        ui.horizontal(|ui| {
            if ui.button(tr("split-here")).clicked() || enter {
                done = true;
                out.push(
                    match review.split(claim.id, claim.position.start + draft.at) {
                        Ok(a) => ListRequest::Apply(a),
                        Err(e) => ListRequest::Error(i18n::review_error(&e)),
                    },
                );
            }
            if ui.button(tr("cancel-split")).clicked() {
                done = true;
            }
        });
        self.split = (!done).then_some(draft);
    }
}

/// The request that merges claim `id` with the next claim in the article.
pub fn merge_request(review: &Review, id: u32) -> ListRequest {
    match review.next_in_text(id) {
        Some(next) => match review.merge(id, next) {
            Ok(a) => ListRequest::Apply(a),
            Err(e) => ListRequest::Error(i18n::review_error(&e)),
        },
        None => ListRequest::Error(trf("merge-last", &[("id", &id)])),
    }
}

impl ClaimList {
    /// The claim's sources, each removable, and the form to add one.
    fn evidence(
        &mut self,
        ui: &mut egui::Ui,
        claim: &Claim,
        palette: &Palette,
        out: &mut Vec<ListRequest>,
    ) {
        let draft = &mut self.evidence;
        if draft.for_claim != Some(claim.id) {
            *draft = EvidenceDraft {
                for_claim: Some(claim.id),
                ..EvidenceDraft::default()
            };
        }
        ui.strong(trf("evidence-n", &[("n", &claim.evidence.len())]));
        for (i, e) in claim.evidence.iter().enumerate() {
            egui::Frame::new()
                .stroke(ui.visuals().widgets.noninteractive.bg_stroke)
                .corner_radius(4.0)
                .inner_margin(6.0)
                .show(ui, |ui| {
                    ui.set_width(ui.available_width());
                    ui.horizontal_wrapped(|ui| {
                        let color = match e.stance {
                            Stance::Supports => palette.accent(Verdict::Verified),
                            Stance::Refutes => palette.accent(Verdict::Disputed),
                        };
                        ui.label(
                            RichText::new(i18n::stance_name(e.stance))
                                .color(color)
                                .strong(),
                        );
                        match review::check_url(&e.url) {
                            Ok(url) => {
                                ui.hyperlink_to(e.display_title(), url)
                                    .on_hover_text(&e.url);
                            }
                            Err(_) => {
                                ui.label(e.display_title());
                            }
                        }
                        ui.weak(trf("accessed-d", &[("d", &language().date(e.accessed))]));
                        if let Some(a) = e.archive_url.as_deref()
                            && let Ok(a) = review::check_url(a)
                        {
                            ui.hyperlink_to(tr("archived-copy"), a);
                        }
                        if ui
                            .small_button(tr("edit-source"))
                            .on_hover_text(trf("edit-evidence-n", &[("n", &(i + 1))]))
                            .clicked()
                        {
                            *draft = EvidenceDraft {
                                for_claim: Some(claim.id),
                                url: e.url.clone(),
                                title: e.title.clone(),
                                quote: e.quote.clone(),
                                archive: e.archive_url.clone().unwrap_or_default(),
                                stance: e.stance,
                                error: None,
                                editing: Some(i),
                            };
                        }
                        if ui
                            .small_button(tr("remove"))
                            .on_hover_text(trf("remove-evidence-n", &[("n", &(i + 1))]))
                            .clicked()
                        {
                            out.push(ListRequest::Apply(Action::RemoveEvidence {
                                claim: claim.id,
                                index: i,
                            }));
                        }
                    });
                    if !e.quote.is_empty() {
                        ui.label(RichText::new(format!("“{}”", e.quote)).italics().size(12.5));
                    }
                });
        }
        ui.add_space(4.0);
        egui::CollapsingHeader::new(tr("new-source"))
            .id_salt("add-evidence")
            .default_open(true)
            .show(ui, |ui| {
                egui::Grid::new("evidence-form")
                    .num_columns(2)
                    .spacing([8.0, 4.0])
                    .show(ui, |ui| {
                        let fields: [(&str, &mut String, &str, bool); 4] = [
                            (
                                tr("source-url"),
                                &mut draft.url,
                                tr("source-url-hint"),
                                false,
                            ),
                            (
                                tr("source-title"),
                                &mut draft.title,
                                tr("who-says-where"),
                                false,
                            ),
                            (
                                tr("quoted-passage"),
                                &mut draft.quote,
                                tr("sentence-source-that-supports-refutes"),
                                true,
                            ),
                            (
                                tr("archive-url"),
                                &mut draft.archive,
                                tr("wayback-machine-archive-today-copy"),
                                false,
                            ),
                        ];
                        for (i, (label, value, hint, multi)) in fields.into_iter().enumerate() {
                            let l = ui.label(label);
                            let edit = if multi {
                                egui::TextEdit::multiline(value).desired_rows(2)
                            } else {
                                egui::TextEdit::singleline(value)
                            };
                            let resp = ui
                                .add(edit.hint_text(hint).desired_width(f32::INFINITY))
                                .labelled_by(l.id);
                            if i == 0 && self.focus_evidence {
                                self.focus_evidence = false;
                                resp.request_focus();
                                resp.scroll_to_me(None);
                            }
                            ui.end_row();
                        }
                    });
                ui.horizontal(|ui| {
                    ui.radio_value(&mut draft.stance, Stance::Supports, tr("supports-claim"));
                    ui.radio_value(&mut draft.stance, Stance::Refutes, tr("refutes-claim"));
                });
                let editing = draft
                    .editing
                    .and_then(|i| claim.evidence.get(i).map(|e| (i, e.accessed)));
                let label = if editing.is_some() {
                    tr("save-evidence")
                } else {
                    tr("add-evidence")
                };
                let mut done = false;
                ui.horizontal(|ui| {
                    if ui.button(label).clicked() {
                        match (draft.build(), editing) {
                            (Ok(mut evidence), Some((index, accessed))) => {
                                evidence.accessed = accessed;
                                out.push(ListRequest::Apply(Action::EditEvidence {
                                    claim: claim.id,
                                    index,
                                    evidence,
                                }));
                                done = true;
                            }
                            (Ok(evidence), None) => {
                                out.push(ListRequest::Apply(Action::AddEvidence {
                                    claim: claim.id,
                                    index: claim.evidence.len(),
                                    evidence,
                                }));
                                done = true;
                            }
                            (Err(e), _) => draft.error = Some(e),
                        }
                    }
                    if editing.is_some() && ui.button(tr("cancel-edit")).clicked() {
                        done = true;
                    }
                });
                if done {
                    *draft = EvidenceDraft {
                        for_claim: Some(claim.id),
                        ..EvidenceDraft::default()
                    };
                }
                if let Some(err) = &draft.error {
                    ui.label(RichText::new(err).color(ui.visuals().error_fg_color));
                }
            });
    }
}

/// Bytes of a claim's text drawn in its checklist row (two lines at most are shown)…
const ROW_BYTES: usize = 600;
/// …and in the claim detail: a claim is a sentence or a few, but a text with no punctuation or
/// line breaks can make a "sentence" of a megabyte, which laid out whole would take ≈170 MB.
const DETAIL_BYTES: usize = 4000;

/// The start of `text`, `max` bytes at most, cut at a char boundary.
fn head_of(text: &str, max: usize) -> &str {
    &text[..crate::text::floor_boundary(text, max)]
}

/// One row of the checklist, `ROW_HEIGHT` high: verdict, score, number and type, then the
/// claim's text cut to two lines. One accessible list item whose label is the whole text.
fn row(
    ui: &mut egui::Ui,
    claim: &Claim,
    selected: bool,
    palette: &Palette,
    earlier: Option<&Match>,
) -> egui::Response {
    let visuals = ui.visuals().clone();
    let accent = palette.accent(claim.verdict);
    let width = ui.available_width();
    let (rect, mut response) =
        ui.allocate_exact_size(egui::vec2(width, ROW_HEIGHT), Sense::click());
    let before = earlier.map(|m| lib::checked_before_line(&m.stored.entry, palette));
    response.widget_info(|| {
        let mut label = format!("{} · {}", palette.name(claim.verdict), claim.text());
        if let Some(b) = &before {
            label.push_str(" · ");
            label.push_str(b);
        }
        egui::WidgetInfo::labeled(egui::Role::ListItem, true, label)
    });
    if let Some(b) = &before {
        response = response.on_hover_text(b);
    }
    if !ui.is_rect_visible(rect) {
        return response;
    }
    let painter = ui.painter();
    let fill = if selected {
        visuals.selection.bg_fill.gamma_multiply(0.35)
    } else if response.hovered() {
        visuals.widgets.hovered.weak_bg_fill.gamma_multiply(0.5)
    } else {
        egui::Color32::TRANSPARENT
    };
    painter.rect(
        rect,
        4.0,
        fill,
        egui::Stroke::new(
            if selected { 1.5 } else { 0.5 },
            if selected {
                accent
            } else {
                visuals.widgets.noninteractive.bg_stroke.color
            },
        ),
        egui::StrokeKind::Inside,
    );
    painter.rect_filled(
        egui::Rect::from_min_max(rect.min, egui::pos2(rect.min.x + 4.0, rect.max.y)),
        egui::CornerRadius {
            nw: 4,
            sw: 4,
            ne: 0,
            se: 0,
        },
        accent,
    );
    let small = FontId::proportional(12.5);
    let mut head = LayoutJob::default();
    head.append(
        palette.name(claim.verdict),
        0.0,
        TextFormat {
            font_id: small.clone(),
            color: accent,
            ..Default::default()
        },
    );
    head.append(
        &format!(
            "   {}",
            trf(
                "row-head",
                &[
                    ("s", &language().decimal(f64::from(claim.score), 2)),
                    ("id", &claim.id),
                    ("kind", &i18n::kind_name(&claim.kind)),
                ],
            )
        ),
        0.0,
        TextFormat {
            font_id: small,
            color: visuals.weak_text_color(),
            ..Default::default()
        },
    );
    let inner = rect.shrink2(egui::vec2(8.0, 6.0));
    let x = inner.min.x + 6.0;
    // The "checked before" mark at the end of the line: a dot and the earlier verdict, in its
    // colour. The line before it is cut short if the row is narrow.
    let mut head_width = inner.max.x - x;
    if let Some(m) = earlier {
        let e = &m.stored.entry;
        let color = palette.accent(lib::verdict_of(e).unwrap_or(Verdict::Unreviewed));
        let mut mark = LayoutJob::single_section(
            trf("before-r", &[("r", &lib::rating_of(e, palette))]),
            TextFormat {
                font_id: FontId::proportional(12.5),
                color,
                ..Default::default()
            },
        );
        mark.wrap.max_width = (inner.max.x - x) * 0.45;
        mark.wrap.max_rows = 1;
        let mark = painter.layout_job(mark);
        let at = egui::pos2(inner.max.x - mark.size().x, inner.min.y);
        let dot = egui::pos2(at.x - 7.0, at.y + mark.size().y / 2.0);
        painter.circle_filled(dot, 3.5, color);
        head_width = (dot.x - 8.0 - x).max(0.0);
        painter.galley(at, mark, color);
    }
    head.wrap.max_width = head_width;
    head.wrap.max_rows = 1;
    let head = painter.layout_job(head);
    painter.galley(egui::pos2(x, inner.min.y), head, visuals.text_color());
    let mut body = LayoutJob::single_section(
        head_of(claim.text(), ROW_BYTES).to_string(),
        TextFormat {
            font_id: FontId::proportional(14.5),
            color: visuals.text_color(),
            ..Default::default()
        },
    );
    body.wrap.max_width = inner.max.x - x;
    body.wrap.max_rows = 2;
    body.wrap.break_anywhere = false;
    let body = painter.layout_job(body);
    painter.galley(
        egui::pos2(x, inner.min.y + 20.0),
        body,
        visuals.text_color(),
    );
    response
}

/// "Checked before: Disputed — 12 March 2026, «title»", with the earlier note, sources and why
/// it matches, and the buttons to apply it (B) or open it (Shift+B).
fn checked_before(ui: &mut egui::Ui, m: &Match, palette: &Palette, out: &mut Vec<ListRequest>) {
    let e = &m.stored.entry;
    let accent = palette.accent(lib::verdict_of(e).unwrap_or(Verdict::Unreviewed));
    egui::Frame::new()
        .stroke(egui::Stroke::new(1.0, accent))
        .corner_radius(4.0)
        .inner_margin(6.0)
        .show(ui, |ui| {
            ui.set_width(ui.available_width());
            ui.add(
                egui::Label::new(
                    RichText::new(lib::checked_before_line(e, palette))
                        .strong()
                        .color(accent),
                )
                .wrap(),
            );
            ui.add(
                egui::Label::new(
                    RichText::new(trf("earlier-claim-c", &[("c", &head_of(&e.claim, 600))]))
                        .size(12.5)
                        .italics(),
                )
                .wrap(),
            );
            if !e.note.trim().is_empty() {
                ui.add(
                    egui::Label::new(
                        RichText::new(trf("earlier-note-n", &[("n", &head_of(&e.note, 2000))]))
                            .size(12.5),
                    )
                    .wrap()
                    .selectable(true),
                );
            }
            let mut links: Vec<(&str, String)> =
                e.evidence.iter().map(|u| (u.as_str(), u.clone())).collect();
            if let Some(u) = &e.url {
                let shown = e.title.clone().filter(|t| !t.trim().is_empty());
                links.push((u.as_str(), shown.unwrap_or_else(|| u.clone())));
            }
            if !links.is_empty() {
                ui.horizontal_wrapped(|ui| {
                    ui.label(RichText::new(tr("sources")).size(12.5));
                    for (url, shown) in links {
                        match review::check_url(url) {
                            Ok(url) => {
                                ui.hyperlink_to(RichText::new(shown).size(12.5), url.clone())
                                    .on_hover_text(url);
                            }
                            Err(_) => {
                                ui.label(RichText::new(shown).size(12.5));
                            }
                        }
                    }
                });
            }
            if !m.reasons.is_empty() {
                ui.label(
                    RichText::new(trf(
                        "matches-because-r",
                        &[(
                            "r",
                            &m.reasons
                                .iter()
                                .map(|r| lib::reason_text(r))
                                .collect::<Vec<_>>()
                                .join(" · "),
                        )],
                    ))
                    .size(12.5)
                    .weak(),
                );
            }
            ui.horizontal_wrapped(|ui| {
                for cmd in [Command::ApplyEarlier, Command::OpenEarlier] {
                    let label = format!("{} ({})", cmd.label(), cmd.shortcut_text(ui.ctx()));
                    if ui.button(label).on_hover_text(cmd.help()).clicked() {
                        out.push(ListRequest::Run(cmd));
                    }
                }
            });
        });
}

/// Claims set aside as "not a claim", each with Restore.
fn dismissed(ui: &mut egui::Ui, review: &Review, palette: &Palette, out: &mut Vec<ListRequest>) {
    if review.dismissed.is_empty() {
        ui.weak(tr("nothing-dismissed-press-x-not"));
        return;
    }
    egui::ScrollArea::vertical()
        .id_salt("dismissed-list")
        .auto_shrink([false, false])
        .show(ui, |ui| {
            for c in &review.dismissed {
                egui::Frame::new()
                    .stroke(ui.visuals().widgets.noninteractive.bg_stroke)
                    .corner_radius(4.0)
                    .inner_margin(6.0)
                    .show(ui, |ui| {
                        ui.set_width(ui.available_width());
                        ui.label(
                            RichText::new(format!(
                                "{} · #{} · {}",
                                palette.name(c.verdict),
                                c.id,
                                trf(
                                    "score-s",
                                    &[("s", &language().decimal(f64::from(c.score), 2))]
                                )
                            ))
                            .size(12.5)
                            .weak(),
                        );
                        ui.label(trf("dismissed-text", &[("t", &c.text())]));
                        if ui
                            .button(trf("restore-claim-id", &[("id", &c.id)]))
                            .clicked()
                        {
                            out.push(ListRequest::Apply(Action::Restore { claim: c.id }));
                        }
                    });
            }
        });
}

/// Claims that re-anchoring could not find in the new version of the article, with their
/// verdicts and notes: kept, never dropped.
fn orphans(ui: &mut egui::Ui, review: &Review, palette: &Palette) {
    ui.label(
        RichText::new(tr("not-found-current-version-article"))
            .size(12.5)
            .color(palette.accent(Verdict::Unsourced)),
    );
    egui::ScrollArea::vertical()
        .id_salt("orphan-list")
        .auto_shrink([false, false])
        .show(ui, |ui| {
            for c in &review.orphans {
                egui::Frame::new()
                    .stroke(egui::Stroke::new(0.5, palette.accent(c.verdict)))
                    .corner_radius(4.0)
                    .inner_margin(6.0)
                    .show(ui, |ui| {
                        ui.set_width(ui.available_width());
                        ui.label(
                            RichText::new(format!("{} · #{}", palette.name(c.verdict), c.id))
                                .size(12.5)
                                .color(palette.accent(c.verdict)),
                        );
                        ui.label(trf("orphan-text", &[("t", &c.text())]));
                        if !c.note.is_empty() {
                            ui.label(
                                RichText::new(trf("note-text", &[("t", &c.note)]))
                                    .size(12.5)
                                    .weak(),
                            );
                        }
                    });
            }
        });
}

/// Why the sentence is a claim: the reasons that weigh most in words on one line, and every
/// reason under "All reasons", folded.
fn why_reasons(ui: &mut egui::Ui, reasons: &[String]) {
    let lang = language();
    let head = why::headline(lang, reasons.iter().map(String::as_str));
    if !head.is_empty() {
        ui.add(
            egui::Label::new(
                RichText::new(trf("because-r", &[("r", &head.join(" · "))]))
                    .size(12.5)
                    .weak(),
            )
            .wrap(),
        );
    }
    egui::CollapsingHeader::new(
        RichText::new(trf("all-reasons-n", &[("n", &reasons.len())]))
            .size(12.5)
            .weak(),
    )
    .id_salt("why-all-reasons")
    .default_open(false)
    .show(ui, |ui| {
        for r in reasons {
            ui.add(
                egui::Label::new(
                    RichText::new(format!("• {}", why::in_words(lang, r)))
                        .size(12.5)
                        .weak(),
                )
                .wrap(),
            );
        }
    });
}

/// The first words of a sentence, for a button's label.
fn short(text: &str) -> String {
    let words: Vec<&str> = text.split_whitespace().take(6).collect();
    let more = text.split_whitespace().count() > 6;
    format!("{}{}", words.join(" "), if more { "…" } else { "" })
}
