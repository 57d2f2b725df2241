//! File > Export: the format, its options, and the pre-flight check's warnings. The dialog returns
//! the user's choice; the app then asks where to write the file.

use super::i18n::{self, tr, trf};
use crate::report::{self, Format, Options, ReportSettings};
use crate::review::Review;
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
        self.warnings = report::lint(review, settings, super::i18n::language())
            .iter()
            .map(ToString::to_string)
            .collect();
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
