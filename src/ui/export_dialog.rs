//! File > Export: the format, its options, and the pre-flight check's warnings. The dialog returns
//! the user's choice; the app then asks where to write the file.

use super::i18n::{self, tr, trf, verdict_name};
use crate::report::{self, Format, Options, ReportSettings, Warning, WarningKind};
use crate::review::{Review, Verdict};
use eframe::egui::{self, RichText};

/// What the user chose to export.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct ExportChoice {
    pub format: Format,
    pub options: Options,
}

impl Default for ExportChoice {
    fn default() -> Self {
        Self {
            format: Format::Markdown,
            options: Options::default(),
        }
    }
}

#[derive(Default)]
pub struct ExportDialog {
    open: bool,
    choice: ExportChoice,
    /// The pre-flight check's warnings, in the window's language.
    warnings: Vec<String>,
}

impl ExportDialog {
    /// Opens the dialog, running the pre-flight check on the review as it is now (the review
    /// cannot change while the dialog is open).
    pub fn open(&mut self, review: &Review, settings: &ReportSettings) {
        self.warnings = warning_texts(&report::lint(review, settings), review, settings);
        self.open = true;
    }

    pub fn is_open(&self) -> bool {
        self.open
    }

    /// Draws the dialog's content; returns the choice when the user presses Export.
    pub fn ui(&mut self, ui: &mut egui::Ui) -> Option<ExportChoice> {
        let mut chosen = None;
        ui.set_width(600.0);
        ui.heading(tr("export-fact-check-report"));
        ui.add_space(6.0);
        ui.strong(tr("format"));
        for f in Format::ALL {
            ui.horizontal(|ui| {
                ui.radio_value(&mut self.choice.format, f, i18n::format_name(f));
                ui.weak(i18n::format_help(f));
            });
        }
        ui.add_enabled_ui(self.choice.format == Format::Html, |ui| {
            ui.checkbox(
                &mut self.choice.options.with_article,
                tr("include-article-claims-highlighted"),
            );
        });
        ui.add_space(8.0);
        let n = self.warnings.len();
        if n == 0 {
            ui.strong(tr("pre-flight-check-nothing-flag"));
        } else {
            ui.strong(trf("preflight-n-warnings", &[("n", &n)]));
            egui::ScrollArea::vertical()
                .id_salt("export-warnings")
                .max_height(220.0)
                .show(ui, |ui| {
                    for w in &self.warnings {
                        ui.label(RichText::new(format!("• {w}")).color(ui.visuals().warn_fg_color));
                    }
                });
        }
        ui.add_space(8.0);
        ui.horizontal(|ui| {
            if ui
                .button(tr("export"))
                .on_hover_text(tr("choose-where-save-report"))
                .clicked()
            {
                chosen = Some(self.choice);
                self.open = false;
            }
            if ui.button(tr("cancel")).clicked() || ui.input(|i| i.key_pressed(egui::Key::Escape)) {
                self.open = false;
            }
        });
        chosen
    }
}

/// Claim numbers listed in a warning; more are counted.
const LIST_MAX: usize = 12;

/// "3, 5, 8" or "1, 2, …, 12, and 4 more" ("…, 12 et 4 de plus").
fn id_list(ids: &[u32]) -> String {
    let shown: Vec<String> = ids.iter().take(LIST_MAX).map(u32::to_string).collect();
    let shown = shown.join(", ");
    if ids.len() > LIST_MAX {
        trf(
            "lint-ids-more",
            &[("ids", &shown), ("n", &(ids.len() - LIST_MAX))],
        )
    } else {
        shown
    }
}

/// The pre-flight check's warnings in the window's language, said again from the review and
/// the settings they are about (the check writes them in English, for the command line). A
/// warning this window cannot say is shown as the check wrote it.
pub fn warning_texts(
    warnings: &[Warning],
    review: &Review,
    settings: &ReportSettings,
) -> Vec<String> {
    // The web addresses the check found missing or wrong, in the order it checks them.
    let mut urls = [
        (
            &settings.organisation_url,
            "lint-organisation-url-unset",
            "lint-organisation-url-bad",
        ),
        (
            &settings.report_url,
            "lint-report-url-unset",
            "lint-report-url-bad",
        ),
    ]
    .into_iter()
    .filter(|(value, _, _)| crate::review::check_url(value).is_err())
    .map(|(value, unset, bad)| if value.trim().is_empty() { unset } else { bad });
    warnings
        .iter()
        .map(|w| {
            let claim = w.claim.and_then(|id| review.claim(id));
            let said = match (w.kind, claim) {
                (WarningKind::Unreviewed, _) => {
                    let ids: Vec<u32> = review
                        .claims
                        .iter()
                        .filter(|c| c.verdict == Verdict::Unreviewed)
                        .map(|c| c.id)
                        .collect();
                    Some(trf(
                        "lint-unreviewed",
                        &[
                            ("n", &ids.len()),
                            ("total", &review.claims.len()),
                            ("ids", &id_list(&ids)),
                        ],
                    ))
                }
                (WarningKind::Orphans, _) => {
                    let ids: Vec<u32> = review.orphans.iter().map(|c| c.id).collect();
                    Some(trf(
                        "lint-orphans",
                        &[("n", &ids.len()), ("ids", &id_list(&ids))],
                    ))
                }
                (WarningKind::NoEvidence, Some(c)) => Some(trf(
                    "lint-no-evidence",
                    &[("id", &c.id), ("verdict", &verdict_name(c.verdict))],
                )),
                (WarningKind::FewSources, Some(c)) => {
                    // Fewer than two sites: one if any source has a web address, else none.
                    let sites = usize::from(
                        c.evidence
                            .iter()
                            .any(|e| crate::review::host_of(&e.url).is_some()),
                    );
                    Some(trf(
                        "lint-few-sources",
                        &[
                            ("id", &c.id),
                            ("verdict", &verdict_name(c.verdict)),
                            ("n", &sites),
                        ],
                    ))
                }
                (WarningKind::NoClaimant, Some(c)) => {
                    Some(trf("lint-no-claimant", &[("id", &c.id)]))
                }
                (WarningKind::ClaimReviewedShortened, Some(c)) => {
                    let (short, _) = report::claim_reviewed(c.text());
                    Some(trf(
                        "lint-shortened",
                        &[
                            ("id", &c.id),
                            ("max", &report::CLAIM_REVIEWED_MAX_CHARS),
                            ("short", &short),
                        ],
                    ))
                }
                (WarningKind::NoOrganisation, _) => Some(tr("lint-no-organisation").to_string()),
                (WarningKind::NoUrl, _) => urls.next().map(|id| tr(id).to_string()),
                (WarningKind::NoMethodology, _) => Some(tr("lint-no-methodology").to_string()),
                _ => None,
            };
            said.unwrap_or_else(|| w.message.clone())
        })
        .collect()
}
