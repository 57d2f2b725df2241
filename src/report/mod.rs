//! Review → the reports people publish: Markdown and HTML for readers, CSV for spreadsheets, JSON
//! for programs, schema.org ClaimReview for search engines and Fact Check Explorer, W3C Web
//! Annotations for annotation tools; and the pre-flight check an editor runs before publishing.
//!
//! Positions in every format are Unicode character offsets into the article text
//! (`claimdesk text`), as the W3C selectors define them.

mod annotations;
mod claimreview;
mod csv;
mod html;
mod json;
mod lint;
mod markdown;
mod settings;

pub use claimreview::{CLAIM_REVIEWED_MAX_CHARS, claim_reviewed};
pub use lint::{Warning, WarningKind, lint};
pub use settings::{MAX_SETTINGS_BYTES, Rating, Ratings, ReportSettings, SettingsError};

use crate::review::Review;

/// Report formats.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Format {
    Markdown,
    Html,
    Csv,
    Json,
    /// schema.org ClaimReview JSON-LD, one object per reviewed claim.
    ClaimReview,
    /// The same ClaimReview markup inside a small standalone HTML page, ready to publish.
    ClaimReviewPage,
    /// W3C Web Annotation JSON: one annotation per claim.
    Annotations,
}

impl Format {
    pub const ALL: [Format; 7] = [
        Format::Markdown,
        Format::Html,
        Format::Csv,
        Format::Json,
        Format::ClaimReview,
        Format::ClaimReviewPage,
        Format::Annotations,
    ];

    /// Parses the names the command line takes (md, html, csv, json, claimreview,
    /// claimreview-html, annotations) and a few file extensions.
    pub fn parse(s: &str) -> Option<Format> {
        match s.to_ascii_lowercase().as_str() {
            "md" | "markdown" => Some(Format::Markdown),
            "html" | "htm" => Some(Format::Html),
            "csv" => Some(Format::Csv),
            "json" => Some(Format::Json),
            "claimreview" | "jsonld" => Some(Format::ClaimReview),
            "claimreview-html" => Some(Format::ClaimReviewPage),
            "annotations" => Some(Format::Annotations),
            _ => None,
        }
    }

    pub fn extension(self) -> &'static str {
        match self {
            Format::Markdown => "md",
            Format::Html | Format::ClaimReviewPage => "html",
            Format::Csv => "csv",
            Format::Json | Format::Annotations => "json",
            Format::ClaimReview => "jsonld",
        }
    }

    /// What comes before the extension in a default file name: `article.report.md`.
    pub fn file_suffix(self) -> &'static str {
        match self {
            Format::Markdown => "report.md",
            Format::Html => "report.html",
            Format::Csv => "claims.csv",
            Format::Json => "report.json",
            Format::ClaimReview => "claimreview.jsonld",
            Format::ClaimReviewPage => "claimreview.html",
            Format::Annotations => "annotations.json",
        }
    }

    pub fn name(self) -> &'static str {
        match self {
            Format::Markdown => "Markdown",
            Format::Html => "HTML",
            Format::Csv => "CSV",
            Format::Json => "JSON",
            Format::ClaimReview => "ClaimReview JSON-LD",
            Format::ClaimReviewPage => "ClaimReview HTML page",
            Format::Annotations => "Web Annotations",
        }
    }

    /// One line on what the format is for.
    pub fn help(self) -> &'static str {
        match self {
            Format::Markdown => "For editors and wikis: the whole report as text.",
            Format::Html => "One self-contained page to read on screen or print to PDF.",
            Format::Csv => "One row per claim, for spreadsheets (UTF-8 with BOM).",
            Format::Json => "The full review for programs (schemas/report.schema.json).",
            Format::ClaimReview => "schema.org markup for search engines, one per reviewed claim.",
            Format::ClaimReviewPage => "The ClaimReview markup in a small page to publish.",
            Format::Annotations => "W3C Web Annotations, for other annotation tools.",
        }
    }

    /// The format a file name asks for by its extension (`.json` is the JSON report).
    pub fn from_path(path: &std::path::Path) -> Option<Format> {
        path.extension()
            .and_then(|e| Format::parse(&e.to_string_lossy()))
    }
}

/// Choices that change a report's content.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Options {
    /// HTML: include the article text with the claims highlighted.
    pub with_article: bool,
}

/// Renders the review in `format` with the default settings for the article's language.
pub fn render(review: &Review, format: Format) -> String {
    let settings = ReportSettings::for_review(review);
    render_with(review, format, &settings, Options::default())
}

/// Renders the review in `format`.
pub fn render_with(
    review: &Review,
    format: Format,
    settings: &ReportSettings,
    options: Options,
) -> String {
    match format {
        Format::Markdown => markdown::render(review, settings),
        Format::Html => html::render(review, settings, options),
        Format::Csv => csv::render(review),
        Format::Json => json::render(review, settings),
        Format::ClaimReview => claimreview::render(review, settings),
        Format::ClaimReviewPage => claimreview::page(review, settings),
        Format::Annotations => annotations::render(review, settings),
    }
}

/// Where the article was read from, for people: the file path, else its name.
fn source(review: &Review) -> String {
    let m = &review.article.metadata;
    m.source_path
        .as_ref()
        .map(|p| p.display().to_string())
        .unwrap_or_else(|| m.source_name.clone())
}

/// The reviewers: the one named in the settings, then those recorded in the history.
fn reviewers(review: &Review, settings: &ReportSettings) -> Vec<String> {
    let mut out: Vec<String> = Vec::new();
    let named = std::iter::once(settings.reviewer.as_str())
        .chain(review.history.iter().filter_map(|h| h.reviewer.as_deref()));
    for r in named {
        let r = crate::text::squash_whitespace(r);
        if !r.is_empty() && !out.contains(&r) {
            out.push(r);
        }
    }
    out
}

/// The address to link to, when `url` is an http or https URL; never anything else
/// (no `javascript:`, `data:` or `file:` links in a report).
fn web_link(url: &str) -> Option<String> {
    crate::review::check_url(url).ok()
}

/// Tests shared by the format modules: a small reviewed session with evidence.
#[cfg(test)]
pub(crate) mod fixture {
    use crate::article;
    use crate::review::{Action, Evidence, Review, Stance, Verdict};
    use chrono::{NaiveDate, TimeZone, Utc};

    pub fn reviewed() -> Review {
        let mut r = Review::from_article(article::sample());
        let id = r.claims[0].id;
        r.apply(Action::SetVerdict {
            claim: id,
            verdict: Verdict::Disputed,
        })
        .unwrap();
        r.apply(Action::SetNote {
            claim: id,
            note: "KCNA images only".into(),
        })
        .unwrap();
        let mut e = Evidence::new(
            "https://www.kcna.kp/fr/article/q/1",
            NaiveDate::from_ymd_opt(2024, 6, 20).unwrap(),
        )
        .unwrap();
        e.title = "KCNA, 20 juin".into();
        e.quote = "Les deux dirigeants ont fait un tour en voiture.".into();
        e.stance = Stance::Refutes;
        e.archive_url = Some("https://web.archive.org/web/2024/https://www.kcna.kp/".into());
        r.apply(Action::AddEvidence {
            claim: id,
            index: 0,
            evidence: e,
        })
        .unwrap();
        let t = Utc.with_ymd_and_hms(2024, 6, 21, 9, 30, 0).unwrap();
        r.created = t;
        r.modified = t;
        for h in &mut r.history {
            h.at = t;
        }
        r
    }
}
