//! What a newsroom says about itself in every report: who publishes it, how it checks, how it
//! corrects, and its names for the verdicts (which are its ClaimReview ratings too). Plain serde
//! data, so it can be kept in a settings file; the window's own settings file is read as well.
//!
//! The defaults (methodology, corrections policy, verdict names) are messages of the report's
//! language (`report-methodology-text`, `report-corrections-text`, `verdict-*` in
//! `assets/i18n/*.ftl`). A text left at the default of any language is written in the report's
//! language (`in_language`), so that settings made for one language never put its texts into a
//! report in another.

use crate::i18n::Lang;
use crate::review::{Review, Verdict};
use serde::{Deserialize, Serialize};
use std::path::Path;

/// Settings files larger than this are refused before they are read (a newsroom's settings are a
/// few KB).
pub const MAX_SETTINGS_BYTES: u64 = 1024 * 1024;
/// How one verdict appears in ClaimReview: `alternateName` and, when given, `ratingValue`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Rating {
    pub label: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub value: Option<u8>,
}

/// Verdict → ClaimReview rating. The numeric scale runs from `worst` to `best`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct Ratings {
    pub verified: Rating,
    pub disputed: Rating,
    pub unsourced: Rating,
    pub best: u8,
    pub worst: u8,
}

/// The default name of a verdict in `lang`: the same the window shows (`verdict-*`), so a
/// newsroom that never renamed its verdicts reads one set of names everywhere.
fn default_name(lang: Lang, v: Verdict) -> String {
    lang.text(v.message_id())
}

/// The verdicts that have a rating (Unreviewed is never published as one).
const RATED: [Verdict; 3] = [Verdict::Verified, Verdict::Disputed, Verdict::Unsourced];

impl Ratings {
    /// The rating of a reviewed verdict (None for Unreviewed: it is not published).
    pub fn of(&self, v: Verdict) -> Option<&Rating> {
        match v {
            Verdict::Verified => Some(&self.verified),
            Verdict::Disputed => Some(&self.disputed),
            Verdict::Unsourced => Some(&self.unsourced),
            Verdict::Unreviewed => None,
        }
    }

    fn of_mut(&mut self, v: Verdict) -> Option<&mut Rating> {
        match v {
            Verdict::Verified => Some(&mut self.verified),
            Verdict::Disputed => Some(&mut self.disputed),
            Verdict::Unsourced => Some(&mut self.unsourced),
            Verdict::Unreviewed => None,
        }
    }

    /// The default scale with the default verdict names of `lang` (`verdict-*`).
    pub fn for_lang(lang: Lang) -> Self {
        let r = |v: Verdict, value| Rating {
            label: default_name(lang, v),
            value: Some(value),
        };
        Self {
            verified: r(Verdict::Verified, 3),
            unsourced: r(Verdict::Unsourced, 2),
            disputed: r(Verdict::Disputed, 1),
            best: 3,
            worst: 1,
        }
    }
}

impl Default for Ratings {
    /// The English names.
    fn default() -> Self {
        Self::for_lang(Lang::EN)
    }
}

/// The newsroom's settings for reports.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct ReportSettings {
    /// The organisation that publishes the fact-check (ClaimReview `author`).
    pub organisation: String,
    pub organisation_url: String,
    /// Where this report is published; each ClaimReview's `url` is this address + `#claim-N`.
    pub report_url: String,
    /// Who reviewed the claims.
    pub reviewer: String,
    pub methodology: String,
    pub corrections_policy: String,
    pub ratings: Ratings,
}

impl Default for ReportSettings {
    /// The English defaults.
    fn default() -> Self {
        Self::for_lang(Lang::EN)
    }
}

/// The fields a report-settings file may have, for error messages.
const FIELDS: &str = "organisation, organisation_url, report_url, reviewer, methodology, corrections_policy, ratings; and, in the settings file the window writes, theme, language, verdicts, library";

/// Why a settings file could not be used.
#[derive(Debug, thiserror::Error)]
pub enum SettingsError {
    #[error("could not read the report settings {path}: {source}")]
    Read {
        path: String,
        #[source]
        source: std::io::Error,
    },
    #[error("the report settings {path} are not valid: {detail}. Fields: {FIELDS}.")]
    Invalid { path: String, detail: String },
}

/// The default methodology of `lang`, naming the verdicts as `ratings` does.
fn methodology(lang: Lang, ratings: &Ratings) -> String {
    lang.format(
        "report-methodology-text",
        &[
            ("verified", &ratings.verified.label),
            ("disputed", &ratings.disputed.label),
            ("unsourced", &ratings.unsourced.label),
        ],
    )
}

impl ReportSettings {
    /// The defaults in `lang`: its methodology and corrections texts and its verdict names.
    pub fn for_lang(lang: Lang) -> Self {
        let ratings = Ratings::for_lang(lang);
        Self {
            organisation: String::new(),
            organisation_url: String::new(),
            report_url: String::new(),
            reviewer: String::new(),
            methodology: methodology(lang, &ratings),
            corrections_policy: lang.text("report-corrections-text"),
            ratings,
        }
    }

    /// The defaults in the language a code names ("fr", "fr-CA"), English when Claimdesk has no
    /// texts for it.
    pub fn for_language(language: Option<&str>) -> Self {
        Self::for_lang(language.map_or(Lang::EN, Lang::from_code))
    }

    /// The defaults in the review's report language (`super::default_language`, else English).
    pub fn for_review(review: &Review) -> Self {
        Self::for_lang(super::default_language(review, Lang::EN))
    }

    /// Reads settings JSON (a report-settings file or the window's; see `SettingsFile`); fields
    /// it leaves out keep the defaults in `lang`.
    pub fn from_json(bytes: &[u8], lang: Lang, shown: &str) -> Result<Self, SettingsError> {
        Ok(SettingsFile::from_json(bytes, shown)?.settings(lang))
    }

    /// Reads a settings file (see `from_json`).
    pub fn load(path: &Path, lang: Lang) -> Result<Self, SettingsError> {
        Ok(SettingsFile::load(path)?.settings(lang))
    }

    /// The label of a rated verdict as the settings hold it (Unreviewed: its English name).
    pub fn verdict_label(&self, v: Verdict) -> &str {
        self.ratings.of(v).map_or(v.label(), |r| r.label.as_str())
    }

    /// The name of a verdict in a report in `lang`: the rating's label (the newsroom's, or the
    /// default of `lang`), else, when it is empty, the language's own name for the verdict
    /// (`Verdict::message_id`). Unreviewed, which has no rating, always has the language's.
    pub fn verdict_name(&self, v: Verdict, lang: Lang) -> String {
        match self.ratings.of(v).map(|r| r.label.trim()) {
            Some(label) if !label.is_empty() => label.to_string(),
            _ => lang.text(v.message_id()),
        }
    }

    /// These settings for a report in `lang`: every text still at the default of some language
    /// (methodology, corrections policy, rating labels) becomes the default of `lang`; what the
    /// newsroom wrote itself is kept. The default methodology names the verdicts as the
    /// newsroom does.
    pub fn in_language(&self, lang: Lang) -> Self {
        let mut s = self.clone();
        let is_default = |text: &str, of: &dyn Fn(Lang) -> String| {
            let text = text.trim();
            Lang::all().any(|l| of(l).trim() == text)
        };
        for v in RATED {
            if let Some(r) = s.ratings.of_mut(v)
                && is_default(&r.label, &|l| default_name(l, v))
            {
                r.label = default_name(lang, v);
            }
        }
        if is_default(&s.methodology, &|l| methodology(l, &Ratings::for_lang(l))) {
            s.methodology = methodology(lang, &s.ratings);
        }
        if is_default(&s.corrections_policy, &|l| {
            l.text("report-corrections-text")
        }) {
            s.corrections_policy = lang.text("report-corrections-text");
        }
        s
    }
}

/// The fields only the window's settings file has (`ui::settings::Newsroom`): a file with any
/// of them is read as the window wrote it.
const WINDOW_FIELDS: [&str; 4] = ["theme", "language", "verdicts", "library"];

/// The texts both kinds of file have.
const TEXT_FIELDS: [&str; 6] = [
    "organisation",
    "organisation_url",
    "report_url",
    "reviewer",
    "methodology",
    "corrections_policy",
];

/// One verdict's name and colour in the window's file (the colour is the window's business).
#[derive(Deserialize)]
struct WindowVerdict {
    #[serde(default)]
    name: String,
}

/// A settings file as read, before the report's language is known: either a report-settings
/// file (the fields of `ReportSettings`, any of them left out) or the settings file the window
/// writes (`claimdesk/settings.json` in the user's configuration folder). From the window's
/// file: the organisation, its address, the report address, the reviewer, the methodology and
/// corrections texts (empty: the default, as in the window), the names of Verified, Disputed
/// and Unsourced (`verdicts[0..3].name`; the window's order is `Verdict::ALL`), and `language`,
/// the window's language; its theme, colours and library are not the report's business. Any
/// other field is refused, so that a typo is named rather than ignored.
#[derive(Debug, Clone, PartialEq)]
pub struct SettingsFile {
    /// The report settings given, as a JSON object over the defaults.
    given: serde_json::Value,
    /// The window's language, when the file is the window's and names one.
    window_language: Option<String>,
}

impl SettingsFile {
    /// Reads settings JSON; `shown` names the file in errors.
    pub fn from_json(bytes: &[u8], shown: &str) -> Result<Self, SettingsError> {
        let invalid = |detail: String| SettingsError::Invalid {
            path: shown.to_string(),
            detail,
        };
        let given: serde_json::Value =
            serde_json::from_slice(bytes).map_err(|e| invalid(e.to_string()))?;
        let serde_json::Value::Object(mut given) = given else {
            return Err(invalid("the file must hold one JSON object".into()));
        };
        let mut window_language = None;
        if WINDOW_FIELDS.iter().any(|f| given.contains_key(*f)) {
            let text = |value: Option<serde_json::Value>, field: &str| match value {
                None | Some(serde_json::Value::Null) => Ok(String::new()),
                Some(serde_json::Value::String(s)) => Ok(s),
                Some(other) => Err(invalid(format!("`{field}` is {other}, not text"))),
            };
            text(given.remove("theme"), "theme")?;
            let language = text(given.remove("language"), "language")?;
            if !language.trim().is_empty() {
                window_language = Some(language.trim().to_string());
            }
            match given.remove("library") {
                None | Some(serde_json::Value::Object(_) | serde_json::Value::Null) => {}
                Some(other) => return Err(invalid(format!("`library` is {other}, not an object"))),
            }
            // The window leaves a text empty to keep the default.
            for field in TEXT_FIELDS {
                if given
                    .get(field)
                    .and_then(|v| v.as_str())
                    .is_some_and(|s| s.trim().is_empty())
                {
                    given.remove(field);
                }
            }
            if let Some(verdicts) = given.remove("verdicts") {
                let verdicts: Vec<WindowVerdict> = serde_json::from_value(verdicts)
                    .map_err(|e| invalid(format!("`verdicts`: {e}")))?;
                let ratings = given
                    .entry("ratings")
                    .or_insert_with(|| serde_json::json!({}));
                for (v, style) in Verdict::ALL.into_iter().zip(&verdicts) {
                    let key = match v {
                        Verdict::Verified => "verified",
                        Verdict::Disputed => "disputed",
                        Verdict::Unsourced => "unsourced",
                        Verdict::Unreviewed => continue,
                    };
                    let name = style.name.trim();
                    if !name.is_empty()
                        && let Some(ratings) = ratings.as_object_mut()
                    {
                        let rating = ratings.entry(key).or_insert_with(|| serde_json::json!({}));
                        if let Some(rating) = rating.as_object_mut() {
                            rating.insert("label".into(), name.into());
                        }
                    }
                }
            }
        }
        let file = Self {
            given: serde_json::Value::Object(given),
            window_language,
        };
        // Whatever the language, the same fields: checked once, here.
        file.try_settings(Lang::EN)
            .map_err(|e| invalid(e.to_string()))?;
        Ok(file)
    }

    /// Reads a settings file (see `from_json`).
    pub fn load(path: &Path) -> Result<Self, SettingsError> {
        let shown = path.display().to_string();
        let bytes = crate::files::read_capped(path, MAX_SETTINGS_BYTES).map_err(|e| {
            let source = match e {
                crate::files::ReadError::Io(e) => e,
                crate::files::ReadError::TooLarge { limit, .. } => std::io::Error::other(format!(
                    "more than the {} KB a settings file may be",
                    limit / 1024
                )),
                crate::files::ReadError::IsDirectory => std::io::Error::other("it is a folder"),
                crate::files::ReadError::NoWriter => {
                    std::io::Error::other("it is a named pipe nobody writes to")
                }
            };
            SettingsError::Read {
                path: shown.clone(),
                source,
            }
        })?;
        Self::from_json(&bytes, &shown)
    }

    /// The window's language, when this is the window's file and it names a language
    /// Claimdesk has texts for (empty there means the system's: None).
    pub fn window_language(&self) -> Option<Lang> {
        self.window_language.as_deref().and_then(Lang::parse)
    }

    /// The settings for a report in `lang`: the file's fields over the defaults in `lang`.
    pub fn settings(&self, lang: Lang) -> ReportSettings {
        // The fields were checked when the file was read.
        self.try_settings(lang)
            .unwrap_or_else(|_| ReportSettings::for_lang(lang))
    }

    fn try_settings(&self, lang: Lang) -> Result<ReportSettings, serde_json::Error> {
        let mut merged = serde_json::to_value(ReportSettings::for_lang(lang))?;
        merge(&mut merged, self.given.clone());
        serde_json::from_value(merged)
    }
}

/// Overlays `given` on `base`, object by object.
fn merge(base: &mut serde_json::Value, given: serde_json::Value) {
    match (base, given) {
        (serde_json::Value::Object(b), serde_json::Value::Object(g)) => {
            for (k, v) in g {
                match b.get_mut(&k) {
                    Some(slot) if slot.is_object() && v.is_object() => merge(slot, v),
                    _ => {
                        b.insert(k, v);
                    }
                }
            }
        }
        (b, g) => *b = g,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn fr() -> Lang {
        Lang::parse("fr").unwrap()
    }

    #[test]
    fn defaults_come_from_the_language_catalog() {
        let fr = ReportSettings::for_lang(fr());
        let en = ReportSettings::for_language(None);
        assert!(fr.methodology.contains("vérificateur"));
        assert!(
            fr.methodology
                .contains("rendu un verdict\u{a0}: Vérifiée (")
        );
        assert!(en.methodology.contains("reviewer"));
        assert!(en.corrections_policy.starts_with("If you think"));
        assert_eq!(fr.verdict_label(Verdict::Disputed), "Contestée");
        assert_eq!(en.verdict_label(Verdict::Disputed), "Disputed");
        assert_eq!(en.verdict_label(Verdict::Unreviewed), "Unreviewed");
        assert_eq!(
            fr.verdict_name(Verdict::Unreviewed, self::fr()),
            "À vérifier"
        );
        assert_eq!(ReportSettings::default(), en);
        assert_eq!(ReportSettings::for_language(Some("fr-CA")), fr);
        assert_eq!(ReportSettings::for_language(Some("de")), en);
    }

    #[test]
    fn defaults_follow_the_report_language_and_the_newsrooms_words_stay() {
        let mut s = ReportSettings::for_lang(fr());
        s.ratings.disputed.label = "Faux".into();
        s.ratings.unsourced.label = " ".into();
        let en = s.in_language(Lang::EN);
        assert_eq!(en.verdict_name(Verdict::Verified, Lang::EN), "Verified");
        assert_eq!(en.verdict_name(Verdict::Disputed, Lang::EN), "Faux");
        assert_eq!(en.verdict_name(Verdict::Unsourced, Lang::EN), "Unsourced");
        assert!(en.methodology.starts_with("Claimdesk picked out"));
        assert!(en.methodology.contains("verdict: Verified (primary"));
        assert!(en.methodology.contains(", Faux (reliable"));
        assert!(en.corrections_policy.starts_with("If you think"));
        // The newsroom's own texts are kept as written.
        s.methodology = "Notre méthode.".into();
        assert_eq!(s.in_language(Lang::EN).methodology, "Notre méthode.");
        // An empty text stays empty: no section.
        s.corrections_policy = String::new();
        assert_eq!(s.in_language(Lang::EN).corrections_policy, "");
        // Back to French: the same.
        let back = ReportSettings::for_lang(fr())
            .in_language(Lang::EN)
            .in_language(fr());
        assert_eq!(back, ReportSettings::for_lang(fr()));
    }

    #[test]
    fn a_partial_file_keeps_the_other_defaults() {
        let s = ReportSettings::from_json(
            r#"{"organisation": "Les Vérificateurs", "ratings": {"disputed": {"label": "Faux", "value": 1}}}"#
                .as_bytes(),
            fr(),
            "s.json",
        )
        .unwrap();
        assert_eq!(s.organisation, "Les Vérificateurs");
        assert_eq!(s.ratings.disputed.label, "Faux");
        assert_eq!(s.ratings.verified.label, "Vérifiée");
        assert!(s.corrections_policy.starts_with("Si vous pensez"));
        let back: ReportSettings =
            serde_json::from_str(&serde_json::to_string(&s).unwrap()).unwrap();
        assert_eq!(back, s);
        assert_eq!(
            SettingsFile::from_json(b"{}", "s.json")
                .unwrap()
                .window_language(),
            None
        );
    }

    #[test]
    fn the_windows_settings_file_is_read() {
        // As the window writes it (`ui::settings::Newsroom`, pretty-printed).
        let window = r##"{
  "organisation": "Les Vérificateurs",
  "organisation_url": "https://verif.example.org",
  "report_url": "",
  "reviewer": "Camille",
  "methodology": "",
  "corrections_policy": "Écrivez-nous.",
  "theme": "dark",
  "language": "fr",
  "verdicts": [
    {"name": "Vrai", "color": "#248a3d"},
    {"name": "Faux", "color": ""},
    {"name": "", "color": ""},
    {"name": "Pas encore vu", "color": ""}
  ],
  "library": {"place": "", "record": true}
}"##;
        let file = SettingsFile::from_json(window.as_bytes(), "settings.json").unwrap();
        assert_eq!(file.window_language(), Some(fr()));
        let s = file.settings(fr());
        assert_eq!(s.organisation, "Les Vérificateurs");
        assert_eq!(s.reviewer, "Camille");
        assert_eq!(s.report_url, "");
        assert_eq!(s.corrections_policy, "Écrivez-nous.");
        assert_eq!(s.methodology, ReportSettings::for_lang(fr()).methodology);
        assert_eq!(s.verdict_name(Verdict::Verified, fr()), "Vrai");
        assert_eq!(s.verdict_name(Verdict::Disputed, fr()), "Faux");
        assert_eq!(s.verdict_name(Verdict::Unsourced, fr()), "Non sourcée");
        assert_eq!(s.verdict_name(Verdict::Unreviewed, fr()), "À vérifier");
        assert_eq!(s.ratings.verified.value, Some(3));
        // In English, the names the newsroom gave and English defaults for the rest.
        let en = file.settings(Lang::EN);
        assert_eq!(en.verdict_name(Verdict::Unsourced, Lang::EN), "Unsourced");
        assert_eq!(en.verdict_name(Verdict::Disputed, Lang::EN), "Faux");
        // The system's language: no window language.
        let system = window.replace("\"language\": \"fr\"", "\"language\": \"\"");
        let file = SettingsFile::from_json(system.as_bytes(), "settings.json").unwrap();
        assert_eq!(file.window_language(), None);
    }

    #[test]
    fn typos_and_bad_files_are_named() {
        let e =
            ReportSettings::from_json(br#"{"organization": "X"}"#, Lang::EN, "s.json").unwrap_err();
        assert!(
            e.to_string().contains("unknown field `organization`"),
            "{e}"
        );
        assert!(e.to_string().contains("theme, language, verdicts"), "{e}");
        // In the window's file too.
        let e = ReportSettings::from_json(
            br#"{"theme": "dark", "organization": "X"}"#,
            Lang::EN,
            "s.json",
        )
        .unwrap_err();
        assert!(
            e.to_string().contains("unknown field `organization`"),
            "{e}"
        );
        let e = ReportSettings::from_json(br#"{"verdicts": 3}"#, Lang::EN, "s.json").unwrap_err();
        assert!(e.to_string().contains("`verdicts`"), "{e}");
        let e = ReportSettings::from_json(br#"{"language": 3}"#, Lang::EN, "s.json").unwrap_err();
        assert!(e.to_string().contains("`language` is 3, not text"), "{e}");
        let e = ReportSettings::from_json(b"[1]", Lang::EN, "s.json").unwrap_err();
        assert!(e.to_string().contains("one JSON object"), "{e}");
        let e = ReportSettings::load(Path::new("/nonexistent/s.json"), Lang::EN).unwrap_err();
        assert!(e.to_string().contains("/nonexistent/s.json"), "{e}");
    }
}
