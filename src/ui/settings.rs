//! The newsroom's settings (organisation, its web address, where reports are published, the
//! reviewer's name, methodology and corrections texts), kept in a JSON file in the user's
//! configuration folder and applied to every report.

use crate::report::ReportSettings;
use crate::review::Review;
use eframe::egui;
use serde::{Deserialize, Serialize};
use std::path::{Path, PathBuf};

/// What the reviewer sets once; empty texts keep the defaults in the article's language.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct Newsroom {
    pub organisation: String,
    pub organisation_url: String,
    pub report_url: String,
    pub reviewer: String,
    pub methodology: String,
    pub corrections_policy: String,
}

impl Newsroom {
    /// `claimdesk/settings.json` under `$XDG_CONFIG_HOME`, else `~/.config`.
    pub fn default_file() -> Option<PathBuf> {
        let base = std::env::var_os("XDG_CONFIG_HOME")
            .map(PathBuf::from)
            .filter(|p| p.is_absolute())
            .or_else(|| std::env::var_os("HOME").map(|h| PathBuf::from(h).join(".config")))?;
        Some(base.join("claimdesk").join("settings.json"))
    }

    /// Reads the settings file; a missing or unreadable file gives the defaults and the reason.
    pub fn load(path: &Path) -> (Self, Option<String>) {
        match std::fs::read(path) {
            Ok(bytes) => match serde_json::from_slice(&bytes) {
                Ok(n) => (n, None),
                Err(e) => (
                    Self::default(),
                    Some(format!(
                        "The settings file {} is not valid ({e}); defaults are used until you save the settings.",
                        path.display()
                    )),
                ),
            },
            Err(_) => (Self::default(), None),
        }
    }

    /// Writes the settings file atomically, creating its folder.
    pub fn save(&self, path: &Path) -> Result<(), String> {
        if let Some(dir) = path.parent() {
            std::fs::create_dir_all(dir)
                .map_err(|e| format!("could not create {}: {e}", dir.display()))?;
        }
        let json = serde_json::to_string_pretty(self).unwrap_or_default();
        crate::store::write_atomic(path, json.as_bytes()).map_err(|e| e.to_string())
    }

    /// The report settings for `review`: these values over the defaults in its language.
    pub fn report_settings(&self, review: &Review) -> ReportSettings {
        let mut s = ReportSettings::for_review(review);
        let set = |target: &mut String, value: &str| {
            if !value.trim().is_empty() {
                *target = value.trim().to_string();
            }
        };
        set(&mut s.organisation, &self.organisation);
        set(&mut s.organisation_url, &self.organisation_url);
        set(&mut s.report_url, &self.report_url);
        set(&mut s.reviewer, &self.reviewer);
        set(&mut s.methodology, &self.methodology);
        set(&mut s.corrections_policy, &self.corrections_policy);
        s
    }
}

/// The Settings window: edits a draft; "Save settings" hands it back.
#[derive(Default)]
pub struct SettingsWindow {
    pub open: bool,
    draft: Newsroom,
}

impl SettingsWindow {
    pub fn show_for(&mut self, current: &Newsroom) {
        self.draft = current.clone();
        self.open = true;
    }

    /// Draws the window; returns the settings to save when the user saves them.
    pub fn ui(&mut self, ctx: &egui::Context) -> Option<Newsroom> {
        let mut saved = None;
        let mut open = self.open;
        egui::Window::new("Settings")
            .open(&mut open)
            .resizable(true)
            .default_width(520.0)
            .show(ctx, |ui| {
                ui.label(
                    "Used in every report: ClaimReview needs the organisation and its address.",
                );
                let field = |ui: &mut egui::Ui, label: &str, value: &mut String, hint: &str| {
                    let l = ui.label(label);
                    ui.add(
                        egui::TextEdit::singleline(value)
                            .hint_text(hint)
                            .desired_width(f32::INFINITY),
                    )
                    .labelled_by(l.id);
                };
                field(
                    ui,
                    "Organisation",
                    &mut self.draft.organisation,
                    "Le Quotidien — cellule de vérification",
                );
                field(
                    ui,
                    "Organisation URL",
                    &mut self.draft.organisation_url,
                    "https://www.example.org",
                );
                field(
                    ui,
                    "Report URL",
                    &mut self.draft.report_url,
                    "https://www.example.org/verifications/…",
                );
                field(
                    ui,
                    "Reviewer name",
                    &mut self.draft.reviewer,
                    "Your name, as it appears in the history",
                );
                let area = |ui: &mut egui::Ui, label: &str, value: &mut String| {
                    let l = ui.label(label);
                    ui.add(
                        egui::TextEdit::multiline(value)
                            .hint_text("Empty: the default text in the article's language")
                            .desired_rows(3)
                            .desired_width(f32::INFINITY),
                    )
                    .labelled_by(l.id);
                };
                area(ui, "Methodology", &mut self.draft.methodology);
                area(ui, "Corrections policy", &mut self.draft.corrections_policy);
                ui.horizontal(|ui| {
                    if ui.button("Save settings").clicked() {
                        saved = Some(self.draft.clone());
                    }
                });
            });
        self.open = open && saved.is_none();
        saved
    }
}
