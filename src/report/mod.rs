//! Review → the reports people publish: Markdown and HTML for readers, CSV for spreadsheets, JSON
//! for programs, schema.org ClaimReview for search engines and Fact Check Explorer, W3C Web
//! Annotations for annotation tools; and the pre-flight check an editor runs before publishing.
//!
//! Positions in every format are Unicode character offsets into the article text
//! (`claimdesk text`), as the W3C selectors define them.
//!
//! Every report is written in one language (`Options::lang`: its texts are the `report-*`
//! messages of `assets/i18n/*.ftl`) for one audience (`Audience`: readers, or the desk), with
//! its dates in one time zone (`Options::zone`). No report names the folder the article was
//! read from.

mod annotations;
mod claimreview;
mod csv;
mod html;
mod json;
mod lint;
mod markdown;
mod settings;
pub mod why;

pub use claimreview::{CLAIM_REVIEWED_MAX_CHARS, claim_reviewed};
pub use lint::{Warning, WarningKind, lint};
pub use settings::{
    MAX_SETTINGS_BYTES, Rating, Ratings, ReportSettings, SettingsError, SettingsFile,
};

use crate::i18n::Lang;
use crate::review::{Review, Stance, Verdict};

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

/// Who a report is for.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Hash)]
pub enum Audience {
    /// The public: each claim, its verdict in the newsroom's words, the explanation (the note)
    /// and the sources. No scores, model reasons, claim types, character positions, file names
    /// or history.
    Readers,
    /// The newsroom: everything Claimdesk knows about each claim.
    #[default]
    Desk,
}

impl Audience {
    pub const ALL: [Audience; 2] = [Audience::Readers, Audience::Desk];

    /// Readers for the pages people read (Markdown, HTML, the ClaimReview page); the desk for
    /// the data formats (CSV, JSON, ClaimReview JSON-LD, Web Annotations).
    pub fn default_for(format: Format) -> Audience {
        match format {
            Format::Markdown | Format::Html | Format::ClaimReviewPage => Audience::Readers,
            Format::Csv | Format::Json | Format::ClaimReview | Format::Annotations => {
                Audience::Desk
            }
        }
    }

    /// "readers" or "desk", as the command line and the JSON report name them.
    pub fn name(self) -> &'static str {
        match self {
            Audience::Readers => "readers",
            Audience::Desk => "desk",
        }
    }
}

/// The time zone a report's dates are written in.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub enum Zone {
    /// The reviewer's own (the computer's), as the window and the command line use.
    #[default]
    Local,
    /// A fixed offset from UTC: for reports that must come out the same on any computer
    /// (tests, golden files).
    Fixed(chrono::FixedOffset),
}

impl Zone {
    /// `t` in this time zone.
    pub fn at(self, t: chrono::DateTime<chrono::Utc>) -> chrono::DateTime<chrono::FixedOffset> {
        match self {
            Zone::Local => t.with_timezone(&chrono::Local).fixed_offset(),
            Zone::Fixed(offset) => t.with_timezone(&offset),
        }
    }
}

/// Choices that change a report's content. `Options::default()` is an English report for the
/// desk in the local time zone; `Options::new` picks the language and audience for a review and a
/// format.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Options {
    /// HTML: include the article text with the claims highlighted.
    pub with_article: bool,
    /// The language the report is written in (headings, labels, default verdict names,
    /// methodology and corrections texts, dates).
    pub lang: Lang,
    pub audience: Audience,
    /// The time zone of the dates written for people.
    pub zone: Zone,
}

impl Options {
    /// The defaults for `review` in `format`: the article's language when Claimdesk has texts
    /// for it, else `fallback`; the format's usual audience; the local time zone.
    pub fn new(review: &Review, format: Format, fallback: Lang) -> Options {
        Options {
            with_article: false,
            lang: default_language(review, fallback),
            audience: Audience::default_for(format),
            zone: Zone::Local,
        }
    }
}

/// The language a report on `review` is written in unless one is asked for: the article's,
/// when Claimdesk has texts for it, else `fallback` (the window's language; English on the
/// command line unless the window's settings file names one).
pub fn default_language(review: &Review, fallback: Lang) -> Lang {
    review
        .article
        .metadata
        .language
        .as_deref()
        .and_then(Lang::parse)
        .unwrap_or(fallback)
}

/// Renders the review in `format` with the default settings and options for it (the article's
/// language, else English).
pub fn render(review: &Review, format: Format) -> String {
    let options = Options::new(review, format, Lang::EN);
    let settings = ReportSettings::for_lang(options.lang);
    render_with(review, format, &settings, options)
}

/// Renders the review in `format`. Settings texts left at a language's default are written in
/// the report's language (`ReportSettings::in_language`).
pub fn render_with(
    review: &Review,
    format: Format,
    settings: &ReportSettings,
    options: Options,
) -> String {
    let settings = settings.in_language(options.lang);
    let scrubbed = without_local_addresses(review);
    let r = Report {
        review: scrubbed.as_ref().unwrap_or(review),
        settings: &settings,
        options,
    };
    match format {
        Format::Markdown => markdown::render(&r),
        Format::Html => html::render(&r),
        Format::Csv => csv::render(&r),
        Format::Json => json::render(&r),
        Format::ClaimReview => claimreview::render(&r),
        Format::ClaimReviewPage => claimreview::page(&r),
        Format::Annotations => annotations::render(&r),
    }
}

/// What every format renders from: the review, the settings in the report's language, the
/// options.
struct Report<'a> {
    review: &'a Review,
    settings: &'a ReportSettings,
    options: Options,
}

impl Report<'_> {
    fn lang(&self) -> Lang {
        self.options.lang
    }

    fn for_desk(&self) -> bool {
        self.options.audience == Audience::Desk
    }

    /// Message `id` in the report's language.
    fn t(&self, id: &str) -> String {
        self.options.lang.text(id)
    }

    /// Message `id` in the report's language, its placeholders filled.
    fn f(&self, id: &str, args: &[(&str, &dyn std::fmt::Display)]) -> String {
        self.options.lang.format(id, args)
    }

    /// A label followed by its colon, as the language writes it ("Note:", "Note :").
    fn field(&self, id: &str) -> String {
        self.f("report-field", &[("label", &self.t(id))])
    }

    /// A verdict in the newsroom's words, else the report language's.
    fn verdict(&self, v: Verdict) -> String {
        self.settings.verdict_name(v, self.options.lang)
    }

    /// A Full Fact claim type in the report's language ("quantity" → "chiffre"); a type
    /// Claimdesk has no name for is shown as stored.
    fn kind(&self, kind: &str) -> String {
        let id = format!("kind-{kind}");
        if crate::extract::kind::KINDS.contains(&kind) {
            self.t(&id)
        } else {
            kind.to_string()
        }
    }

    /// A stance in the report's language.
    fn stance(&self, s: Stance) -> String {
        self.t(match s {
            Stance::Supports => "report-supports",
            Stance::Refutes => "report-refutes",
        })
    }

    /// When the review was last changed, in the report's language and time zone.
    fn reviewed_at(&self) -> String {
        self.lang()
            .date_time(&self.options.zone.at(self.review.modified))
    }

    /// A claim's score and the model's reasons for it, in words of the report's language,
    /// strongest first: "0.97 (a number; attributed: “selon”)", "0,97 (un nombre ; …)".
    fn score(&self, c: &crate::review::Claim) -> String {
        let score = self.lang().decimal(f64::from(c.score), 2);
        if c.reasons.is_empty() {
            return score;
        }
        let words: Vec<String> = c
            .reasons
            .iter()
            .map(|reason| why::in_words(self.lang(), reason))
            .collect();
        format!("{score} ({})", words.join(&self.t("report-separator")))
    }

    /// A claim's type and why, in words: "quantity" + "number" → "chiffre (un nombre)".
    fn kind_with_reason(&self, c: &crate::review::Claim) -> String {
        let kind = self.kind(&c.kind);
        if c.kind_reason.is_empty() {
            kind
        } else {
            format!("{kind} ({})", why::in_words(self.lang(), &c.kind_reason))
        }
    }

    /// The claims the report lists: every one for the desk; for readers, those with a verdict
    /// (a claim nobody checked yet is not published).
    fn claims(&self) -> impl Iterator<Item = &crate::review::Claim> {
        let desk = self.for_desk();
        self.review
            .claims
            .iter()
            .filter(move |c| desk || c.verdict != Verdict::Unreviewed)
    }

    /// The verdicts the summary counts: all for the desk; for readers, those published.
    fn verdicts(&self) -> impl Iterator<Item = Verdict> {
        let desk = self.for_desk();
        Verdict::ALL
            .into_iter()
            .filter(move |v| desk || *v != Verdict::Unreviewed)
    }

    /// How many claims the summary totals: all for the desk, the reviewed ones for readers.
    fn total(&self) -> usize {
        let counts = self.review.counts();
        if self.for_desk() {
            counts.total
        } else {
            counts.reviewed()
        }
    }

    /// "3 of 17 claims".
    fn reviewed_of(&self) -> String {
        let counts = self.review.counts();
        self.f(
            "report-reviewed-of",
            &[("reviewed", &counts.reviewed()), ("total", &counts.total)],
        )
    }

    /// The article's title: its own, else its file name.
    fn title(&self) -> String {
        let m = &self.review.article.metadata;
        match m.title.as_deref().filter(|t| !t.trim().is_empty()) {
            Some(t) => t.to_string(),
            None => file_name(self.review),
        }
    }
}

/// A copy of `review` without the addresses on the reviewer's machine (the article's own,
/// sources', archived copies'), when it has any: no format then prints them.
fn without_local_addresses(review: &Review) -> Option<Review> {
    let local = |u: &Option<String>| u.as_deref().is_some_and(local_address);
    let any = local(&review.article.metadata.url)
        || review
            .claims
            .iter()
            .flat_map(|c| &c.evidence)
            .any(|e| local_address(&e.url) || local(&e.archive_url));
    if !any {
        return None;
    }
    let mut r = review.clone();
    if local(&r.article.metadata.url) {
        r.article.metadata.url = None;
    }
    for e in r.claims.iter_mut().flat_map(|c| c.evidence.iter_mut()) {
        if local_address(&e.url) {
            e.url.clear();
        }
        if local(&e.archive_url) {
            e.archive_url = None;
        }
    }
    Some(r)
}

/// An address on the reviewer's machine (`file:`, `/home/…`, `C:\…`, `\\server\…`, `~/…`):
/// a report prints it nowhere, even as text.
fn local_address(url: &str) -> bool {
    let u = url.trim();
    let lower = u.to_ascii_lowercase();
    lower.starts_with("file:")
        || u.starts_with(['/', '\\', '~'])
        || (u.len() >= 2 && u.as_bytes()[1] == b':' && u.as_bytes()[0].is_ascii_alphabetic())
}

/// The name of the file the article was read from, without its folder: a report never shows
/// where the reviewer keeps files.
fn file_name(review: &Review) -> String {
    let m = &review.article.metadata;
    let from_path = m
        .source_path
        .as_deref()
        .and_then(|p| p.file_name())
        .map(|n| n.to_string_lossy().into_owned());
    let name = from_path.unwrap_or_else(|| m.source_name.clone());
    // A hand-edited session could hold a path as the name: its last part only.
    name.rsplit(['/', '\\'])
        .next()
        .unwrap_or_default()
        .to_string()
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

    /// The report in `lang` for `audience`, with the default settings of that language, dates
    /// in UTC.
    pub fn render_in(
        r: &Review,
        format: super::Format,
        lang: crate::i18n::Lang,
        audience: super::Audience,
    ) -> String {
        let options = super::Options {
            lang,
            audience,
            zone: super::Zone::Fixed(chrono::FixedOffset::east_opt(0).unwrap()),
            ..Default::default()
        };
        super::render_with(r, format, &super::ReportSettings::for_lang(lang), options)
    }

    pub fn fr() -> crate::i18n::Lang {
        crate::i18n::Lang::parse("fr").unwrap()
    }

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

#[cfg(test)]
mod tests {
    use super::*;
    use crate::report::fixture::{fr, reviewed};

    #[test]
    fn the_report_language_is_the_articles_when_there_are_texts_for_it() {
        let mut r = reviewed();
        assert_eq!(default_language(&r, Lang::EN), fr());
        let o = Options::new(&r, Format::Markdown, Lang::EN);
        assert_eq!((o.lang, o.audience), (fr(), Audience::Readers));
        assert_eq!(
            Options::new(&r, Format::Csv, Lang::EN).audience,
            Audience::Desk
        );
        r.article.metadata.language = Some("de".into());
        assert_eq!(default_language(&r, Lang::EN), Lang::EN);
        assert_eq!(default_language(&r, fr()), fr());
        r.article.metadata.language = None;
        assert_eq!(default_language(&r, fr()), fr());
        assert_eq!(Options::default().audience, Audience::Desk);
    }

    #[test]
    fn audiences_by_format() {
        for f in Format::ALL {
            let expected = matches!(f, Format::Markdown | Format::Html | Format::ClaimReviewPage);
            assert_eq!(
                Audience::default_for(f) == Audience::Readers,
                expected,
                "{f:?}"
            );
        }
    }

    #[test]
    fn dates_are_written_in_the_zone_asked_for() {
        let t = chrono::DateTime::parse_from_rfc3339("2024-06-21T23:30:00Z")
            .unwrap()
            .to_utc();
        let paris = Zone::Fixed(chrono::FixedOffset::east_opt(2 * 3600).unwrap());
        assert_eq!(paris.at(t).to_rfc3339(), "2024-06-22T01:30:00+02:00");
        assert_eq!(
            Zone::Local.at(t),
            t.with_timezone(&chrono::Local).fixed_offset()
        );
    }

    #[test]
    fn a_file_is_named_without_its_folder() {
        let mut r = reviewed();
        r.article.metadata.source_path = Some("/home/someone/secret/article.txt".into());
        assert_eq!(file_name(&r), "article.txt");
        r.article.metadata.source_path = None;
        r.article.metadata.source_name = "C:\\Users\\x\\secret\\a.txt".into();
        assert_eq!(file_name(&r), "a.txt");
    }
}
