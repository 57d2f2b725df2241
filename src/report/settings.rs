//! What a newsroom says about itself in every report: who publishes it, how it checks, how it
//! corrects, and how its verdicts map to ClaimReview ratings. Plain serde data, so it can be kept
//! in a settings file.

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

    fn with_labels(verified: &str, disputed: &str, unsourced: &str) -> Self {
        let r = |label: &str, value| Rating {
            label: label.to_string(),
            value: Some(value),
        };
        Self {
            verified: r(verified, 3),
            unsourced: r(unsourced, 2),
            disputed: r(disputed, 1),
            best: 3,
            worst: 1,
        }
    }
}

impl Default for Ratings {
    fn default() -> Self {
        Self::with_labels("Verified", "Disputed", "Unsourced")
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

const METHODOLOGY_EN: &str = "Claimdesk picked out the check-worthy sentences of the article (figures, \
dates, quotes, causes, predictions). A reviewer read each one in context, looked for the original \
source of every figure, quote and event, and gave a verdict: Verified (primary or independent sources \
confirm it), Disputed (reliable sources contradict it) or Unsourced (no source could be found to \
confirm or refute it). Each verdict lists the sources consulted, with the date they were read and \
an archived copy where one was made, so that anyone can repeat the check.";

const CORRECTIONS_EN: &str = "If you think this fact-check contains an error, write to us with the \
claim number and your source. We correct mistakes promptly, say at the top of the report what was \
changed and when, and never remove a published verdict without explanation.";

const METHODOLOGY_FR: &str = "Claimdesk a relevé les phrases vérifiables de l’article (chiffres, dates, \
citations, causes, prévisions). Un vérificateur a lu chacune dans son contexte, cherché la source \
d’origine de chaque chiffre, citation et événement, puis rendu un verdict : Vérifié (des sources \
primaires ou indépendantes le confirment), Contesté (des sources fiables le contredisent) ou Non \
sourcé (aucune source ne permet de le confirmer ni de l’infirmer). Chaque verdict cite les sources \
consultées, avec leur date de consultation et une copie archivée quand elle existe, pour que chacun \
puisse refaire la vérification.";

const CORRECTIONS_FR: &str = "Si vous pensez que cette vérification contient une erreur, écrivez-nous \
en indiquant le numéro de l’affirmation et votre source. Nous corrigeons rapidement nos erreurs, \
indiquons en tête du rapport ce qui a changé et quand, et ne retirons jamais un verdict publié sans \
explication.";

impl Default for ReportSettings {
    fn default() -> Self {
        Self::for_language(None)
    }
}

/// Why a settings file could not be used.
#[derive(Debug, thiserror::Error)]
pub enum SettingsError {
    #[error("could not read the report settings {path}: {source}")]
    Read {
        path: String,
        #[source]
        source: std::io::Error,
    },
    #[error(
        "the report settings {path} are not valid: {detail}. Fields: organisation, organisation_url, report_url, reviewer, methodology, corrections_policy, ratings."
    )]
    Invalid { path: String, detail: String },
}

impl ReportSettings {
    /// Defaults in the article's language: French for "fr", English otherwise.
    pub fn for_language(language: Option<&str>) -> Self {
        let french = language.is_some_and(|l| l.to_ascii_lowercase().starts_with("fr"));
        if french {
            Self {
                organisation: String::new(),
                organisation_url: String::new(),
                report_url: String::new(),
                reviewer: String::new(),
                methodology: METHODOLOGY_FR.to_string(),
                corrections_policy: CORRECTIONS_FR.to_string(),
                ratings: Ratings::with_labels("Vérifié", "Contesté", "Non sourcé"),
            }
        } else {
            Self {
                organisation: String::new(),
                organisation_url: String::new(),
                report_url: String::new(),
                reviewer: String::new(),
                methodology: METHODOLOGY_EN.to_string(),
                corrections_policy: CORRECTIONS_EN.to_string(),
                ratings: Ratings::default(),
            }
        }
    }

    /// Defaults for the review's article language.
    pub fn for_review(review: &Review) -> Self {
        Self::for_language(review.article.metadata.language.as_deref())
    }

    /// Reads settings JSON; fields it leaves out keep the defaults for `language`.
    pub fn from_json(
        bytes: &[u8],
        language: Option<&str>,
        shown: &str,
    ) -> Result<Self, SettingsError> {
        let invalid = |detail: String| SettingsError::Invalid {
            path: shown.to_string(),
            detail,
        };
        let given: serde_json::Value =
            serde_json::from_slice(bytes).map_err(|e| invalid(e.to_string()))?;
        if !given.is_object() {
            return Err(invalid("the file must hold one JSON object".into()));
        }
        let mut merged = serde_json::to_value(Self::for_language(language))
            .map_err(|e| invalid(e.to_string()))?;
        merge(&mut merged, given);
        serde_json::from_value(merged).map_err(|e| invalid(e.to_string()))
    }

    /// Reads a settings file (see `from_json`).
    pub fn load(path: &Path, language: Option<&str>) -> Result<Self, SettingsError> {
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
        Self::from_json(&bytes, language, &shown)
    }

    /// The label of a verdict in this newsroom's words.
    pub fn verdict_label(&self, v: Verdict) -> &str {
        self.ratings.of(v).map_or(v.label(), |r| r.label.as_str())
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

    #[test]
    fn defaults_follow_the_article_language() {
        let fr = ReportSettings::for_language(Some("fr"));
        let en = ReportSettings::for_language(None);
        assert!(fr.methodology.contains("vérificateur"));
        assert!(en.methodology.contains("reviewer"));
        assert_eq!(fr.verdict_label(Verdict::Disputed), "Contesté");
        assert_eq!(en.verdict_label(Verdict::Disputed), "Disputed");
        assert_eq!(en.verdict_label(Verdict::Unreviewed), "Unreviewed");
        assert_eq!(ReportSettings::default(), en);
    }

    #[test]
    fn a_partial_file_keeps_the_other_defaults() {
        let s = ReportSettings::from_json(
            r#"{"organisation": "Les Vérificateurs", "ratings": {"disputed": {"label": "Faux", "value": 1}}}"#
                .as_bytes(),
            Some("fr"),
            "s.json",
        )
        .unwrap();
        assert_eq!(s.organisation, "Les Vérificateurs");
        assert_eq!(s.ratings.disputed.label, "Faux");
        assert_eq!(s.ratings.verified.label, "Vérifié");
        assert!(s.corrections_policy.starts_with("Si vous pensez"));
        let back: ReportSettings =
            serde_json::from_str(&serde_json::to_string(&s).unwrap()).unwrap();
        assert_eq!(back, s);
    }

    #[test]
    fn typos_and_bad_files_are_named() {
        let e = ReportSettings::from_json(br#"{"organization": "X"}"#, None, "s.json").unwrap_err();
        assert!(
            e.to_string().contains("unknown field `organization`"),
            "{e}"
        );
        let e = ReportSettings::from_json(b"[1]", None, "s.json").unwrap_err();
        assert!(e.to_string().contains("one JSON object"), "{e}");
        let e = ReportSettings::load(Path::new("/nonexistent/s.json"), None).unwrap_err();
        assert!(e.to_string().contains("/nonexistent/s.json"), "{e}");
    }
}
