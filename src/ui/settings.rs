//! The newsroom's settings (organisation, its web address, where reports are published, the
//! reviewer's name, methodology and corrections texts), kept in a JSON file in the user's
//! configuration folder and applied to every report.

use super::i18n::{Lang, tr, trf, verdict_name};
use super::theme::{Palette, VerdictStyle};
use crate::report::ReportSettings;
use crate::review::Review;
use crate::review::Verdict;
use eframe::egui::{self, RichText};
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
    /// Light, dark or the system's.
    pub theme: Theme,
    /// The window's language: "en", "fr", or empty for the system's.
    pub language: String,
    /// The newsroom's names and colours for Verified, Disputed, Unsourced, Unreviewed.
    pub verdicts: [VerdictStyle; 4],
    /// The claim library: where it is, and whether saves record in it.
    pub library: LibrarySettings,
}

/// Settings ▸ Library. `CLAIMDESK_LIBRARY`, when set, names the library instead (`off` turns
/// it off), as on the command line.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct LibrarySettings {
    /// A file (SQLite) or a `postgres://` URL; empty: `library.sqlite` in the user's data folder.
    pub place: String,
    /// Each saved session's verdicts are recorded in the library.
    pub record: bool,
}

impl Default for LibrarySettings {
    fn default() -> Self {
        Self {
            place: String::new(),
            record: true,
        }
    }
}

#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Theme {
    #[default]
    System,
    Light,
    Dark,
}

impl Theme {
    pub const ALL: [Theme; 3] = [Theme::System, Theme::Light, Theme::Dark];

    pub fn label(self) -> &'static str {
        match self {
            Theme::System => tr("system"),
            Theme::Light => tr("light"),
            Theme::Dark => tr("dark"),
        }
    }

    pub fn preference(self) -> egui::ThemePreference {
        match self {
            Theme::System => egui::ThemePreference::System,
            Theme::Light => egui::ThemePreference::Light,
            Theme::Dark => egui::ThemePreference::Dark,
        }
    }
}

/// What Claimdesk keeps between runs, apart from the window's runtime state and from the review
/// (the persisted `State` of egui's `egui_demo_app/src/wrap_app.rs`). On disk it is what it has
/// always been, so that existing files keep loading: the newsroom's settings (organisation,
/// reviewer's name, theme, language, verdict names and colours) in `settings.json`, and the
/// recent files beside it in `recent.json`. The window's size and the panel widths are egui's
/// own memory, which eframe keeps in its storage (the `persistence` feature).
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Kept {
    pub newsroom: Newsroom,
    pub recent: Recent,
}

/// The files `Kept` is read from and written to.
#[derive(Debug, Clone, PartialEq)]
pub struct KeptFiles {
    /// `settings.json`: the `Newsroom`.
    pub settings: PathBuf,
    /// `recent.json`, beside it: the `Recent` files.
    pub recent: PathBuf,
}

impl KeptFiles {
    /// The settings in `settings`, the recent files beside it.
    pub fn at(settings: PathBuf) -> Self {
        Self {
            recent: settings.with_file_name("recent.json"),
            settings,
        }
    }
}

impl Kept {
    /// Reads what was kept; missing files give the defaults, and a settings file that cannot
    /// be read gives the defaults and the reason (the file is left alone until the settings are
    /// saved again).
    pub fn load(files: &KeptFiles) -> (Self, Option<String>) {
        let (newsroom, problem) = Newsroom::load(&files.settings);
        let recent = Recent::load(&files.recent);
        (Self { newsroom, recent }, problem)
    }

    /// Writes the newsroom's settings.
    pub fn save_newsroom(&self, files: &KeptFiles) -> Result<(), String> {
        self.newsroom.save(&files.settings)
    }

    /// Writes the recent files.
    pub fn save_recent(&self, files: &KeptFiles) -> Result<(), String> {
        self.recent.save(&files.recent)
    }
}

/// The last files opened or saved, newest first; kept beside the settings (`recent.json`).
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct Recent {
    pub files: Vec<PathBuf>,
}

impl Recent {
    pub const MAX: usize = 10;

    pub fn load(path: &Path) -> Self {
        crate::files::read_capped(path, crate::report::MAX_SETTINGS_BYTES)
            .ok()
            .and_then(|b| serde_json::from_slice(&b).ok())
            .unwrap_or_default()
    }

    /// Puts `file` first; returns whether the list changed.
    pub fn push(&mut self, file: &Path) -> bool {
        let file = std::path::absolute(file).unwrap_or_else(|_| file.to_path_buf());
        if self.files.first() == Some(&file) {
            return false;
        }
        self.files.retain(|f| *f != file);
        self.files.insert(0, file);
        self.files.truncate(Self::MAX);
        true
    }

    pub fn remove(&mut self, file: &Path) {
        self.files.retain(|f| f != file);
    }

    pub fn save(&self, path: &Path) -> Result<(), String> {
        if let Some(dir) = path.parent() {
            std::fs::create_dir_all(dir).map_err(|e| e.to_string())?;
        }
        let json = serde_json::to_string_pretty(self).unwrap_or_default();
        crate::store::write_atomic(path, json.as_bytes())
            .map_err(|e| super::errors::store_error(&e))
    }
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
        match crate::files::read_capped(path, crate::report::MAX_SETTINGS_BYTES) {
            Ok(bytes) => match serde_json::from_slice(&bytes) {
                Ok(n) => (n, None),
                Err(e) => (
                    Self::default(),
                    Some(trf(
                        "settings-invalid",
                        &[("path", &path.display()), ("e", &e)],
                    )),
                ),
            },
            Err(_) => (Self::default(), None),
        }
    }

    /// Writes the settings file atomically, creating its folder.
    pub fn save(&self, path: &Path) -> Result<(), String> {
        if let Some(dir) = path.parent() {
            std::fs::create_dir_all(dir).map_err(|e| {
                trf(
                    "settings-mkdir-failed",
                    &[("dir", &dir.display()), ("e", &e)],
                )
            })?;
        }
        let json = serde_json::to_string_pretty(self).unwrap_or_default();
        crate::store::write_atomic(path, json.as_bytes())
            .map_err(|e| super::errors::store_error(&e))
    }

    /// The verdict names and colours of the window.
    pub fn palette(&self) -> Palette {
        Palette::from_styles(&self.verdicts)
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
        // The newsroom's names for its verdicts are its ClaimReview ratings too.
        for (i, v) in Verdict::ALL.into_iter().enumerate() {
            let name = self.verdicts[i].name.trim();
            let rating = match v {
                Verdict::Verified => &mut s.ratings.verified,
                Verdict::Disputed => &mut s.ratings.disputed,
                Verdict::Unsourced => &mut s.ratings.unsourced,
                Verdict::Unreviewed => continue,
            };
            if !name.is_empty() {
                rating.label = name.to_string();
            }
        }
        s
    }
}

/// The Settings window: edits a draft; "Save settings" hands it back.
#[derive(Default)]
pub struct SettingsWindow {
    pub open: bool,
    draft: Newsroom,
    /// Said under the library field: the default file, or that `CLAIMDESK_LIBRARY` overrides it.
    library_note: String,
}

impl SettingsWindow {
    /// Opens the window on `current`; `library_note` says which library is used when the field
    /// is empty, or that the environment names another.
    pub fn show_for(&mut self, current: &Newsroom, library_note: String) {
        self.draft = current.clone();
        self.library_note = library_note;
        self.open = true;
    }

    /// Draws the window; returns the settings to save when the user saves them.
    pub fn ui(&mut self, ctx: &egui::Context) -> Option<Newsroom> {
        let mut saved = None;
        let mut open = self.open;
        egui::Window::new(tr("settings-2"))
            .open(&mut open)
            .resizable(true)
            .default_width(520.0)
            .default_height((ctx.content_rect().height() - 60.0).clamp(240.0, 760.0))
            .show(ctx, |ui| {
                // Scrolls in a small window; Save stays in view under it.
                let room = (ctx.content_rect().height() - 140.0).max(160.0);
                egui::ScrollArea::vertical()
                    .max_height(room)
                    .show(ui, |ui| {
                        ui.label(tr("used-every-report-claimreview-needs"));
                        let field =
                            |ui: &mut egui::Ui, label: &str, value: &mut String, hint: &str| {
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
                            tr("organisation"),
                            &mut self.draft.organisation,
                            tr("organisation-hint"),
                        );
                        field(
                            ui,
                            tr("organisation-url"),
                            &mut self.draft.organisation_url,
                            "https://www.example.org",
                        );
                        field(
                            ui,
                            tr("report-url"),
                            &mut self.draft.report_url,
                            "https://www.example.org/verifications/…",
                        );
                        field(
                            ui,
                            tr("reviewer-name"),
                            &mut self.draft.reviewer,
                            tr("name-appears-history"),
                        );
                        let area = |ui: &mut egui::Ui, label: &str, value: &mut String| {
                            let l = ui.label(label);
                            ui.add(
                                egui::TextEdit::multiline(value)
                                    .hint_text(tr("empty-default-text-articles-language"))
                                    .desired_rows(3)
                                    .desired_width(f32::INFINITY),
                            )
                            .labelled_by(l.id);
                        };
                        area(ui, tr("methodology"), &mut self.draft.methodology);
                        area(
                            ui,
                            tr("corrections-policy"),
                            &mut self.draft.corrections_policy,
                        );
                        ui.separator();
                        ui.horizontal(|ui| {
                            egui::ComboBox::from_label(tr("theme"))
                                .selected_text(self.draft.theme.label())
                                .show_ui(ui, |ui| {
                                    for t in Theme::ALL {
                                        ui.selectable_value(&mut self.draft.theme, t, t.label());
                                    }
                                });
                            let lang = match Lang::parse(&self.draft.language) {
                                Some(l) if !self.draft.language.is_empty() => l.name(),
                                _ => tr("system").to_string(),
                            };
                            egui::ComboBox::from_label(tr("language"))
                                .selected_text(lang)
                                .show_ui(ui, |ui| {
                                    ui.selectable_value(
                                        &mut self.draft.language,
                                        String::new(),
                                        tr("system"),
                                    );
                                    for l in Lang::all() {
                                        ui.selectable_value(
                                            &mut self.draft.language,
                                            l.code().to_string(),
                                            l.name(),
                                        );
                                    }
                                });
                        });
                        ui.label(tr("verdict-names-colours-empty-name"));
                        egui::Grid::new("verdict-styles")
                            .num_columns(3)
                            .show(ui, |ui| {
                                let defaults = Palette::default();
                                for (i, v) in Verdict::ALL.into_iter().enumerate() {
                                    let style = &mut self.draft.verdicts[i];
                                    let name = verdict_name(v);
                                    ui.label(name);
                                    ui.add(
                                        egui::TextEdit::singleline(&mut style.name)
                                            .hint_text(name)
                                            .desired_width(180.0)
                                            // A grid's column is as wide as it was last frame:
                                            // without a minimum it never grows past the first.
                                            .min_size(egui::vec2(180.0, 0.0)),
                                    )
                                    .on_hover_text(trf("name-shown-for", &[("v", &name)]));
                                    let mut color = super::theme::parse_hex(&style.color)
                                        .unwrap_or(defaults.accent(v));
                                    let resp = egui::color_picker::color_edit_button_srgba(
                                        ui,
                                        &mut color,
                                        egui::color_picker::Alpha::Opaque,
                                    )
                                    .on_hover_text(trf("colour-of", &[("v", &name)]));
                                    if resp.changed() {
                                        style.color = super::theme::to_hex(color);
                                    }
                                    ui.end_row();
                                }
                            });
                        ui.separator();
                        ui.strong(tr("library"));
                        field(
                            ui,
                            tr("claim-library"),
                            &mut self.draft.library.place,
                            tr("empty-default-file-file-path"),
                        );
                        ui.add(
                            egui::Label::new(RichText::new(&self.library_note).size(12.5).weak())
                                .wrap(),
                        );
                        ui.checkbox(
                            &mut self.draft.library.record,
                            tr("record-my-verdicts-library"),
                        )
                        .on_hover_text(tr("each-time-you-save-session"));
                    });
                ui.horizontal(|ui| {
                    if ui.button(tr("save-settings")).clicked() {
                        saved = Some(self.draft.clone());
                    }
                });
            });
        self.open = open && saved.is_none();
        saved
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn verdict_names_become_the_claimreview_ratings_and_survive_a_round_trip() {
        let mut n = Newsroom::default();
        n.verdicts[1].name = "Faux".into();
        n.theme = Theme::Dark;
        n.language = "fr".into();
        let review = Review::from_article(crate::article::sample());
        let s = n.report_settings(&review);
        assert_eq!(s.verdict_label(Verdict::Disputed), "Faux");
        assert_ne!(s.verdict_label(Verdict::Verified), "Faux");
        let dir = tempfile::tempdir().unwrap();
        let file = dir.path().join("claimdesk").join("settings.json");
        n.save(&file).unwrap();
        assert_eq!(Newsroom::load(&file), (n, None));
    }

    #[test]
    fn files_written_by_earlier_versions_still_load() {
        let dir = tempfile::tempdir().unwrap();
        let files = KeptFiles::at(dir.path().join("settings.json"));
        // A settings file as the first versions wrote it (no theme, language or verdict names
        // yet), and a recent list.
        std::fs::write(
            &files.settings,
            r#"{
  "organisation": "Le Quotidien",
  "organisation_url": "https://www.example.org",
  "report_url": "",
  "reviewer": "Camille",
  "methodology": "",
  "corrections_policy": ""
}"#,
        )
        .unwrap();
        std::fs::write(
            &files.recent,
            r#"{"files": ["/tmp/a.txt", "/tmp/b.claimdesk.json"]}"#,
        )
        .unwrap();
        let (kept, problem) = Kept::load(&files);
        assert_eq!(problem, None);
        assert_eq!(kept.newsroom.organisation, "Le Quotidien");
        assert_eq!(kept.newsroom.reviewer, "Camille");
        assert_eq!(kept.newsroom.theme, Theme::System);
        assert_eq!(kept.newsroom.language, "");
        // No library settings yet: the default library, recording on.
        assert_eq!(kept.newsroom.library.place, "");
        assert!(kept.newsroom.library.record);
        assert_eq!(
            kept.recent.files,
            [Path::new("/tmp/a.txt"), Path::new("/tmp/b.claimdesk.json")]
        );
        // A later file, with a field this version does not know, loads too.
        std::fs::write(
            &files.settings,
            r#"{"reviewer": "Camille", "theme": "dark", "language": "fr", "sidebar": 3,
                "library": {"place": "/srv/desk/library.sqlite", "record": false, "pool": 4}}"#,
        )
        .unwrap();
        let (kept, problem) = Kept::load(&files);
        assert_eq!(problem, None);
        assert_eq!(
            (kept.newsroom.theme, kept.newsroom.language.as_str()),
            (Theme::Dark, "fr")
        );
        assert_eq!(
            kept.newsroom.library,
            LibrarySettings {
                place: "/srv/desk/library.sqlite".into(),
                record: false
            }
        );
        // Only the place given: recording stays on.
        std::fs::write(&files.settings, r#"{"library": {"place": "x.sqlite"}}"#).unwrap();
        assert!(Kept::load(&files).0.newsroom.library.record);
        std::fs::write(
            &files.settings,
            r#"{"reviewer": "Camille", "theme": "dark", "language": "fr", "sidebar": 3,
                "library": {"place": "/srv/desk/library.sqlite", "record": false}}"#,
        )
        .unwrap();
        let (kept, _) = Kept::load(&files);
        // Saved and read back: the same.
        kept.save_newsroom(&files).unwrap();
        kept.save_recent(&files).unwrap();
        assert_eq!(Kept::load(&files), (kept, None));
        // A damaged settings file: the defaults, the reason, and the file left alone.
        std::fs::write(&files.settings, "{\"reviewer\": ").unwrap();
        let (kept, problem) = Kept::load(&files);
        assert_eq!(kept.newsroom, Newsroom::default());
        assert!(problem.unwrap().contains("settings.json"));
        assert_eq!(
            std::fs::read_to_string(&files.settings).unwrap(),
            "{\"reviewer\": "
        );
    }

    #[test]
    fn recent_files_are_newest_first_without_repeats_and_capped() {
        let mut r = Recent::default();
        for i in 0..15 {
            r.push(Path::new(&format!("/tmp/a{i}.txt")));
        }
        assert!(!r.push(Path::new("/tmp/a14.txt")), "already first");
        r.push(Path::new("/tmp/a3.txt"));
        assert_eq!(r.files.len(), Recent::MAX);
        assert_eq!(r.files[0], Path::new("/tmp/a3.txt"));
        assert_eq!(r.files[1], Path::new("/tmp/a14.txt"));
        assert_eq!(r.files.iter().filter(|f| f.ends_with("a3.txt")).count(), 1);
    }
}
