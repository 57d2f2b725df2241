//! The checklist of claims and the detail of the selected one (verdict buttons, reasons, note,
//! evidence).
//! It draws from the review and returns what the user asked for; the app applies it.

use super::theme;
use crate::review::{self, Action, Claim, Evidence, Review, Stance, Verdict};
use eframe::egui::{self, Color32, FontId, RichText, Sense, TextFormat, text::LayoutJob};

/// What the user asked for in this panel.
#[derive(Debug, Clone, PartialEq)]
pub enum ListRequest {
    Select(u32),
    Apply(Action),
    /// Move the checklist to this threshold (the app builds the change from the review).
    SetThreshold(f32),
}

#[derive(Default)]
pub struct ClaimList {
    /// Scroll the selected row into view on the next frame.
    pub scroll_to_selected: bool,
    /// Give the note editor the keyboard on the next frame.
    pub focus_note: bool,
    note_draft: String,
    note_for: Option<u32>,
    evidence: EvidenceDraft,
    /// The threshold slider while it is being dragged.
    threshold_draft: Option<f32>,
    /// List the sentences below the threshold, to promote by hand.
    show_below: bool,
    /// Only claims of this type ("quantity", …); None shows all.
    kind_filter: Option<String>,
    /// All scored sentences of the article, computed when first listed; the app clears them
    /// when the article changes (`forget_article`).
    sentences: Option<Vec<crate::extract::Candidate>>,
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
}

impl EvidenceDraft {
    /// The evidence the form describes, or why it cannot be added.
    fn build(&self) -> Result<Evidence, String> {
        if self.url.trim().is_empty() {
            return Err("Paste the source's address first.".into());
        }
        let today = chrono::Local::now().date_naive();
        let mut e = Evidence::new(&self.url, today).map_err(|e| e.to_string())?;
        e.title = self.title.trim().to_string();
        e.quote = self.quote.trim().to_string();
        e.stance = self.stance;
        if !self.archive.trim().is_empty() {
            e.archive_url =
                Some(review::check_url(&self.archive).map_err(|e| format!("Archive URL: {e}"))?);
        }
        Ok(e)
    }
}

impl ClaimList {
    pub fn ui(
        &mut self,
        ui: &mut egui::Ui,
        review: &Review,
        selected: Option<u32>,
    ) -> Vec<ListRequest> {
        let mut out = Vec::new();
        egui::Panel::bottom("claim-detail")
            .resizable(true)
            .default_size(330.0)
            .min_size(160.0)
            .show(ui, |ui| {
                ui.add_space(6.0);
                match selected.and_then(|id| review.claim(id)) {
                    Some(claim) => {
                        egui::ScrollArea::vertical()
                            .id_salt("claim-detail-scroll")
                            .auto_shrink([false, false])
                            .show(ui, |ui| {
                                self.detail(ui, claim, review, &mut out);
                                ui.add_space(6.0);
                                self.evidence(ui, claim, &mut out);
                            });
                    }
                    None => {
                        ui.weak(if review.claims.is_empty() {
                            "This article has no check-worthy sentences."
                        } else {
                            "Select a claim (click it, or press J / K)."
                        });
                    }
                }
            });
        self.controls(ui, review, &mut out);
        egui::ScrollArea::vertical()
            .id_salt("claim-list")
            .auto_shrink([false, false])
            .show(ui, |ui| {
                ui.add_space(4.0);
                if !review.orphans.is_empty() {
                    orphans(ui, review);
                }
                let kind_filter = self.kind_filter.clone();
                for claim in review
                    .claims
                    .iter()
                    .filter(|c| kind_filter.as_ref().is_none_or(|k| *k == c.kind))
                {
                    let is_sel = selected == Some(claim.id);
                    let (resp, clicked) = row(ui, claim, is_sel);
                    if clicked {
                        out.push(ListRequest::Select(claim.id));
                    }
                    if is_sel && self.scroll_to_selected {
                        resp.scroll_to_me(Some(egui::Align::Center));
                    }
                }
                self.scroll_to_selected = false;
                if self.show_below {
                    self.below_threshold(ui, review, &mut out);
                }
            });
        out
    }

    /// The article was replaced (re-anchoring): its sentences are scored again when listed.
    pub fn forget_article(&mut self) {
        self.sentences = None;
    }

    /// The threshold slider, the type filter and the below-threshold switch.
    fn controls(&mut self, ui: &mut egui::Ui, review: &Review, out: &mut Vec<ListRequest>) {
        ui.horizontal_wrapped(|ui| {
            let mut t = self.threshold_draft.unwrap_or(review.threshold);
            let resp = ui
                .add(
                    egui::Slider::new(&mut t, 0.0..=1.0)
                        .step_by(0.05)
                        .text("Threshold"),
                )
                .on_hover_text(
                    "Sentences scoring at least this are claims. Reviewed claims always stay.",
                );
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
            let shown = self
                .kind_filter
                .clone()
                .unwrap_or_else(|| "all types".to_string());
            egui::ComboBox::from_label("Type")
                .selected_text(shown)
                .show_ui(ui, |ui| {
                    ui.selectable_value(&mut self.kind_filter, None, "all types");
                    for k in crate::extract::score::KINDS {
                        let n = review.claims.iter().filter(|c| c.kind == *k).count();
                        ui.selectable_value(
                            &mut self.kind_filter,
                            Some(k.to_string()),
                            format!("{k} ({n})"),
                        );
                    }
                });
            ui.checkbox(&mut self.show_below, "Show sentences below the threshold");
        });
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
        ui.add_space(8.0);
        ui.strong(format!("Below the threshold ({})", below.len()));
        for c in below {
            egui::Frame::new().inner_margin(4.0).show(ui, |ui| {
                ui.set_width(ui.available_width());
                ui.label(
                    RichText::new(format!("score {:.2} · {}", c.score, c.block.label()))
                        .size(12.5)
                        .weak(),
                );
                ui.label(RichText::new(&c.text).weak());
                if ui
                    .button(format!("Promote to claim: {}", short(&c.text)))
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
    }

    fn detail(
        &mut self,
        ui: &mut egui::Ui,
        claim: &Claim,
        review: &Review,
        out: &mut Vec<ListRequest>,
    ) {
        let total = review.claims.len();
        ui.horizontal_wrapped(|ui| {
            ui.strong(format!("Claim {} of {}", claim.id, total));
            ui.weak(format!("score {:.2}", claim.score));
            ui.weak(format!("type: {}", claim.kind));
            if let Some(who) = &claim.claimant {
                ui.weak(format!("claimant: {who}"));
            }
        });
        ui.horizontal_wrapped(|ui| {
            for v in Verdict::ALL {
                let on = claim.verdict == v;
                let mut text = RichText::new(v.label());
                if on {
                    text = text.color(Color32::WHITE).strong();
                }
                let mut button = egui::Button::selectable(on, text);
                if on {
                    button = button.fill(theme::verdict_accent(v));
                }
                let key = match v {
                    Verdict::Verified => "V",
                    Verdict::Disputed => "D",
                    Verdict::Unsourced => "U",
                    Verdict::Unreviewed => "0",
                };
                if ui
                    .add(button)
                    .on_hover_text(format!("Mark {} ({key})", v.label()))
                    .clicked()
                    && !on
                {
                    out.push(ListRequest::Apply(Action::SetVerdict {
                        claim: claim.id,
                        verdict: v,
                    }));
                }
            }
        });
        if !claim.reasons.is_empty() {
            ui.label(
                RichText::new(format!("Why: {}", claim.reasons.join(" · ")))
                    .size(12.5)
                    .weak(),
            );
        }
        if let Some(old) = &claim.previous {
            ui.label(
                RichText::new(format!(
                    "Reworded in the new version of the article. Was: « {old} »"
                ))
                .size(12.5)
                .color(theme::verdict_accent(Verdict::Unsourced)),
            );
        }
        if let Some(g) = claim.group.filter(|g| *g != claim.id) {
            ui.label(
                RichText::new(format!("Repeats claim {g}"))
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
                let label = format!(
                    "Apply {} to all {} claims of this group",
                    claim.verdict.label(),
                    members.len()
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
        let label = ui.label("Note");
        let note_id = egui::Id::unique(("note", claim.id));
        let focused = ui.memory(|m| m.has_focus(note_id));
        if !focused && self.note_draft != claim.note {
            self.note_draft = claim.note.clone(); // changed elsewhere (undo)
        }
        let edit = egui::TextEdit::multiline(&mut self.note_draft)
            .id(note_id)
            .hint_text("What you checked, whom you asked, what you found…")
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
}

impl ClaimList {
    /// The claim's sources, each removable, and the form to add one.
    fn evidence(&mut self, ui: &mut egui::Ui, claim: &Claim, out: &mut Vec<ListRequest>) {
        let draft = &mut self.evidence;
        if draft.for_claim != Some(claim.id) {
            *draft = EvidenceDraft {
                for_claim: Some(claim.id),
                ..EvidenceDraft::default()
            };
        }
        ui.strong(format!("Evidence ({})", claim.evidence.len()));
        for (i, e) in claim.evidence.iter().enumerate() {
            egui::Frame::new()
                .stroke(ui.visuals().widgets.noninteractive.bg_stroke)
                .corner_radius(4.0)
                .inner_margin(6.0)
                .show(ui, |ui| {
                    ui.set_width(ui.available_width());
                    ui.horizontal_wrapped(|ui| {
                        let color = match e.stance {
                            Stance::Supports => theme::verdict_accent(Verdict::Verified),
                            Stance::Refutes => theme::verdict_accent(Verdict::Disputed),
                        };
                        ui.label(RichText::new(e.stance.label()).color(color).strong());
                        match review::check_url(&e.url) {
                            Ok(url) => {
                                ui.hyperlink_to(e.display_title(), url)
                                    .on_hover_text(&e.url);
                            }
                            Err(_) => {
                                ui.label(e.display_title());
                            }
                        }
                        ui.weak(format!("accessed {}", e.accessed.format("%Y-%m-%d")));
                        if let Some(a) = e.archive_url.as_deref()
                            && let Ok(a) = review::check_url(a)
                        {
                            ui.hyperlink_to("archived copy", a);
                        }
                        if ui
                            .small_button("Remove")
                            .on_hover_text(format!("Remove evidence {}", i + 1))
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
        egui::CollapsingHeader::new("New source")
            .id_salt("add-evidence")
            .default_open(true)
            .show(ui, |ui| {
                egui::Grid::new("evidence-form")
                    .num_columns(2)
                    .spacing([8.0, 4.0])
                    .show(ui, |ui| {
                        let fields: [(&str, &mut String, &str, bool); 4] = [
                            ("Source URL", &mut draft.url, "https://…", false),
                            (
                                "Source title",
                                &mut draft.title,
                                "Who says it, where",
                                false,
                            ),
                            (
                                "Quoted passage",
                                &mut draft.quote,
                                "The sentence of the source that supports or refutes the claim",
                                true,
                            ),
                            (
                                "Archive URL",
                                &mut draft.archive,
                                "Wayback Machine or archive.today copy (optional)",
                                false,
                            ),
                        ];
                        for (label, value, hint, multi) in fields {
                            let l = ui.label(label);
                            let edit = if multi {
                                egui::TextEdit::multiline(value).desired_rows(2)
                            } else {
                                egui::TextEdit::singleline(value)
                            };
                            ui.add(edit.hint_text(hint).desired_width(f32::INFINITY))
                                .labelled_by(l.id);
                            ui.end_row();
                        }
                    });
                ui.horizontal(|ui| {
                    ui.radio_value(&mut draft.stance, Stance::Supports, "Supports the claim");
                    ui.radio_value(&mut draft.stance, Stance::Refutes, "Refutes the claim");
                });
                if ui.button("Add evidence").clicked() {
                    match draft.build() {
                        Ok(evidence) => {
                            out.push(ListRequest::Apply(Action::AddEvidence {
                                claim: claim.id,
                                index: claim.evidence.len(),
                                evidence,
                            }));
                            *draft = EvidenceDraft {
                                for_claim: Some(claim.id),
                                ..EvidenceDraft::default()
                            };
                        }
                        Err(e) => draft.error = Some(e),
                    }
                }
                if let Some(err) = &draft.error {
                    ui.label(RichText::new(err).color(ui.visuals().error_fg_color));
                }
            });
    }
}

/// One row of the checklist: verdict, score and number, then the claim's text. One accessible
/// widget whose label is that text, so screen readers and tests read the whole row.
fn row(ui: &mut egui::Ui, claim: &Claim, selected: bool) -> (egui::Response, bool) {
    let visuals = ui.visuals().clone();
    let accent = theme::verdict_accent(claim.verdict);
    let fill = if selected {
        visuals.selection.bg_fill.gamma_multiply(0.35)
    } else {
        Color32::TRANSPARENT
    };
    let frame = egui::Frame::new()
        .fill(fill)
        .stroke(egui::Stroke::new(
            if selected { 1.5 } else { 0.5 },
            if selected {
                accent
            } else {
                visuals.widgets.noninteractive.bg_stroke.color
            },
        ))
        .corner_radius(4.0)
        .inner_margin(egui::Margin {
            left: 10,
            right: 8,
            top: 6,
            bottom: 6,
        });
    let mut job = LayoutJob::default();
    let small = FontId::proportional(12.5);
    job.append(
        claim.verdict.label(),
        0.0,
        TextFormat {
            font_id: small.clone(),
            color: accent,
            ..Default::default()
        },
    );
    job.append(
        &format!("   score {:.2}   #{}\n", claim.score, claim.id),
        0.0,
        TextFormat {
            font_id: small,
            color: visuals.weak_text_color(),
            ..Default::default()
        },
    );
    job.append(
        claim.text(),
        0.0,
        TextFormat {
            font_id: FontId::proportional(14.5),
            color: visuals.text_color(),
            ..Default::default()
        },
    );
    let inner = frame.show(ui, |ui| {
        ui.set_width(ui.available_width());
        ui.add(
            egui::Label::new(job)
                .sense(Sense::click())
                .selectable(false),
        )
    });
    // The stripe on the left edge in the verdict colour.
    let r = inner.response.rect;
    ui.painter().rect_filled(
        egui::Rect::from_min_max(r.min, egui::pos2(r.min.x + 4.0, r.max.y)),
        egui::CornerRadius {
            nw: 4,
            sw: 4,
            ne: 0,
            se: 0,
        },
        accent,
    );
    ui.add_space(2.0);
    let clicked = inner.inner.clicked() || inner.response.interact(Sense::click()).clicked();
    (inner.inner, clicked)
}

/// Claims that re-anchoring could not find in the new version of the article, with their
/// verdicts and notes: kept, never dropped.
fn orphans(ui: &mut egui::Ui, review: &Review) {
    egui::CollapsingHeader::new(
        RichText::new(format!("Orphaned claims ({})", review.orphans.len()))
            .color(theme::verdict_accent(Verdict::Unsourced)),
    )
    .id_salt("orphans")
    .default_open(true)
    .show(ui, |ui| {
        ui.label(
            RichText::new("Not found in the current version of the article. Their verdicts and notes are kept.")
                .size(12.5)
                .weak(),
        );
        for c in &review.orphans {
            egui::Frame::new()
                .stroke(egui::Stroke::new(0.5, theme::verdict_accent(c.verdict)))
                .corner_radius(4.0)
                .inner_margin(6.0)
                .show(ui, |ui| {
                    ui.set_width(ui.available_width());
                    ui.label(
                        RichText::new(format!("{} · #{}", c.verdict.label(), c.id))
                            .size(12.5)
                            .color(theme::verdict_accent(c.verdict)),
                    );
                    ui.label(format!("Orphan: {}", c.text()));
                    if !c.note.is_empty() {
                        ui.label(RichText::new(format!("Note: {}", c.note)).size(12.5).weak());
                    }
                });
        }
    });
    ui.add_space(6.0);
}

/// The first words of a sentence, for a button's label.
fn short(text: &str) -> String {
    let words: Vec<&str> = text.split_whitespace().take(6).collect();
    let more = text.split_whitespace().count() > 6;
    format!("{}{}", words.join(" "), if more { "…" } else { "" })
}
