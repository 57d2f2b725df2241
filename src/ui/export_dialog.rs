//! File > Export: the format, its options, and the pre-flight check's warnings. The dialog returns
//! the user's choice; the app then asks where to write the file.

use super::i18n::{self, Lang, tr, trf};
use crate::report::{self, Audience, Format, ReportSettings};
use crate::review::Review;
use eframe::egui::{self, RichText};

/// What the user chose to export. `None` leaves a choice to the report: its language is the
/// article's (when Claimdesk has texts for it) else the window's; its audience the format's
/// usual one (readers for Markdown, HTML and the ClaimReview page; the desk for the others).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct ExportChoice {
    pub format: Format,
    /// HTML: include the article with the claims highlighted.
    pub with_article: bool,
    pub lang: Option<Lang>,
    pub audience: Option<Audience>,
}

impl Default for ExportChoice {
    fn default() -> Self {
        Self {
            format: Format::Markdown,
            with_article: false,
            lang: None,
            audience: None,
        }
    }
}

impl ExportChoice {
    /// The report options for `review` in `format` (the format a file name may have changed).
    pub fn options(&self, review: &Review, format: Format) -> report::Options {
        let mut options = report::Options::new(review, format, i18n::language());
        options.with_article = self.with_article;
        if let Some(lang) = self.lang {
            options.lang = lang;
        }
        if let Some(audience) = self.audience {
            options.audience = audience;
        }
        options
    }
}

#[derive(Default)]
pub struct ExportDialog {
    open: bool,
    choice: ExportChoice,
    /// The pre-flight check's warnings, in the window's language.
    warnings: Vec<String>,
    /// The language a report on the open review is written in unless another is chosen.
    automatic: Lang,
}

impl ExportDialog {
    /// Opens the dialog, running the pre-flight check on the review as it is now (the review
    /// cannot change while the dialog is open).
    pub fn open(&mut self, review: &Review, settings: &ReportSettings) {
        self.warnings = report::lint(review, settings, super::i18n::language())
            .iter()
            .map(ToString::to_string)
            .collect();
        self.automatic = report::default_language(review, i18n::language());
        // Each export starts from the usual language and audience: a report for the desk
        // chosen once must never become the next article's published one.
        self.choice.lang = None;
        self.choice.audience = None;
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
                &mut self.choice.with_article,
                tr("include-article-claims-highlighted"),
            );
        });
        ui.add_space(6.0);
        ui.horizontal(|ui| {
            let automatic = trf(
                "export-language-automatic",
                &[("l", &self.automatic.name())],
            );
            let shown = self.choice.lang.map_or(automatic.clone(), Lang::name);
            egui::ComboBox::from_label(tr("export-language"))
                .selected_text(shown)
                .show_ui(ui, |ui| {
                    ui.selectable_value(&mut self.choice.lang, None, automatic);
                    for l in Lang::all() {
                        ui.selectable_value(&mut self.choice.lang, Some(l), l.name());
                    }
                });
        });
        ui.strong(tr("export-audience"));
        let usual = Audience::default_for(self.choice.format);
        let mut audience = self.choice.audience.unwrap_or(usual);
        for (a, label, help) in [
            (
                Audience::Readers,
                "export-audience-readers",
                "export-audience-readers-help",
            ),
            (
                Audience::Desk,
                "export-audience-desk",
                "export-audience-desk-help",
            ),
        ] {
            ui.horizontal(|ui| {
                if ui.radio_value(&mut audience, a, tr(label)).changed() {
                    // A choice the user makes stays while the dialog is open, whatever the
                    // format; until then the audience follows the format.
                    self.choice.audience = Some(audience);
                }
                ui.weak(tr(help));
            });
        }
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
