//! The JSON report: the full review for programs. Its shape is described, field by field, by
//! `schemas/report.schema.json`; `report_version` changes whenever that shape does.

use super::{ReportSettings, reviewers, source};
use crate::review::{Counts, Evidence, Review, Verdict};
use crate::text::CharIndex;
use serde::Serialize;

/// The version of the JSON report's shape (see `schemas/report.schema.json`).
pub const REPORT_VERSION: u32 = 2;

#[derive(Serialize)]
struct Article<'a> {
    title: &'a str,
    source: String,
    url: Option<&'a str>,
    language: Option<&'a str>,
    format: &'a str,
    site_name: Option<&'a str>,
    byline: Option<&'a str>,
    published: Option<&'a str>,
}

#[derive(Serialize)]
struct Publisher<'a> {
    organisation: &'a str,
    organisation_url: &'a str,
    report_url: &'a str,
}

#[derive(Serialize)]
struct Claim<'a> {
    id: u32,
    start: usize,
    end: usize,
    text: &'a str,
    prefix: &'a str,
    suffix: &'a str,
    verdict: Verdict,
    score: f32,
    reasons: &'a [String],
    kind: &'a str,
    #[serde(skip_serializing_if = "str::is_empty")]
    kind_reason: &'a str,
    claimant: Option<&'a str>,
    group: Option<u32>,
    note: &'a str,
    #[serde(skip_serializing_if = "Option::is_none")]
    previous: Option<&'a str>,
    evidence: &'a [Evidence],
}

#[derive(Serialize)]
struct Change<'a> {
    at: String,
    reviewer: Option<&'a str>,
    claim: u32,
    description: String,
}

#[derive(Serialize)]
struct Report<'a> {
    report_version: u32,
    generator: String,
    article: Article<'a>,
    publisher: Publisher<'a>,
    reviewers: Vec<String>,
    reviewed_at: String,
    counts: Counts,
    claims: Vec<Claim<'a>>,
    history: Vec<Change<'a>>,
    methodology: &'a str,
    corrections_policy: &'a str,
}

pub(super) fn render(review: &Review, settings: &ReportSettings) -> String {
    let idx = CharIndex::new(&review.article.text);
    let m = &review.article.metadata;
    let report = Report {
        report_version: REPORT_VERSION,
        generator: format!("Claimdesk {}", env!("CARGO_PKG_VERSION")),
        article: Article {
            title: review.article.display_title(),
            source: source(review),
            url: m.url.as_deref(),
            language: m.language.as_deref(),
            format: &m.format,
            site_name: m.site_name.as_deref(),
            byline: m.byline.as_deref(),
            published: m.published.as_deref(),
        },
        publisher: Publisher {
            organisation: &settings.organisation,
            organisation_url: &settings.organisation_url,
            report_url: &settings.report_url,
        },
        reviewers: reviewers(review, settings),
        reviewed_at: review.modified.to_rfc3339(),
        counts: review.counts(),
        claims: review
            .claims
            .iter()
            .map(|c| Claim {
                id: c.id,
                start: idx.char_of(c.position.start),
                end: idx.char_of(c.position.end),
                text: c.text(),
                prefix: &c.quote.prefix,
                suffix: &c.quote.suffix,
                verdict: c.verdict,
                score: c.score,
                reasons: &c.reasons,
                kind: &c.kind,
                kind_reason: &c.kind_reason,
                claimant: c.claimant.as_deref(),
                group: c.group,
                note: &c.note,
                previous: c.previous.as_deref(),
                evidence: &c.evidence,
            })
            .collect(),
        history: review
            .history
            .iter()
            .map(|h| Change {
                at: h.at.to_rfc3339(),
                reviewer: h.reviewer.as_deref(),
                claim: h.action.claim(),
                description: h.action.describe(),
            })
            .collect(),
        methodology: &settings.methodology,
        corrections_policy: &settings.corrections_policy,
    };
    // Plain data always serialises.
    serde_json::to_string_pretty(&report).unwrap_or_default() + "\n"
}
