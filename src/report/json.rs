//! The JSON report: the review for programs. Its shape is described, field by field, by
//! `schemas/report.schema.json`; `report_version` changes whenever that shape does.
//!
//! Keys and enum values (`verdict: "disputed"`, `stance`) never change with the language; the
//! texts meant for people do (`verdict_label`, the history's descriptions, the methodology and
//! corrections texts). A report for readers leaves out what only the desk needs: positions and
//! quote context, score and reasons, claim type, groups, previous wording, the file name and
//! format, and the history.

use super::Report;
use crate::review::{Action, Counts, Evidence, Verdict, host_of};
use crate::text::CharIndex;
use serde::Serialize;

/// The version of the JSON report's shape (see `schemas/report.schema.json`).
pub const REPORT_VERSION: u32 = 3;

#[derive(Serialize)]
struct Article<'a> {
    title: String,
    /// The file name, without its folder (desk only).
    #[serde(skip_serializing_if = "Option::is_none")]
    source: Option<String>,
    url: Option<&'a str>,
    language: Option<&'a str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    format: Option<&'a str>,
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

/// What only the desk's report has about a claim.
#[derive(Serialize)]
struct DeskClaim<'a> {
    start: usize,
    end: usize,
    prefix: &'a str,
    suffix: &'a str,
    score: f32,
    reasons: &'a [String],
    kind: &'a str,
    #[serde(skip_serializing_if = "str::is_empty")]
    kind_reason: &'a str,
    group: Option<u32>,
    #[serde(skip_serializing_if = "Option::is_none")]
    previous: Option<&'a str>,
}

#[derive(Serialize)]
struct Claim<'a> {
    id: u32,
    text: &'a str,
    verdict: Verdict,
    /// The verdict in the newsroom's words, in the report's language.
    verdict_label: String,
    claimant: Option<&'a str>,
    note: &'a str,
    evidence: &'a [Evidence],
    #[serde(flatten)]
    desk: Option<DeskClaim<'a>>,
}

#[derive(Serialize)]
struct Change<'a> {
    at: String,
    reviewer: Option<&'a str>,
    claim: u32,
    description: String,
}

#[derive(Serialize)]
struct Document<'a> {
    report_version: u32,
    generator: String,
    /// The language of the texts for people.
    language: &'static str,
    audience: &'static str,
    article: Article<'a>,
    publisher: Publisher<'a>,
    reviewers: Vec<String>,
    reviewed_at: String,
    counts: Counts,
    claims: Vec<Claim<'a>>,
    #[serde(skip_serializing_if = "Option::is_none")]
    history: Option<Vec<Change<'a>>>,
    methodology: &'a str,
    corrections_policy: &'a str,
}

/// A change of the history, in the report's language.
fn describe(r: &Report, action: &Action) -> String {
    let id = action.claim();
    match action {
        Action::SetVerdict { verdict, .. } => r.f(
            "report-change-verdict",
            &[("id", &id), ("verdict", &r.verdict(*verdict))],
        ),
        Action::SetNote { note, .. } if note.is_empty() => {
            r.f("report-change-note-cleared", &[("id", &id)])
        }
        Action::SetNote { .. } => r.f("report-change-note-edited", &[("id", &id)]),
        Action::AddEvidence { evidence, .. } => {
            let site = host_of(&evidence.url).unwrap_or(&evidence.url);
            r.f(
                "report-change-source-added",
                &[("id", &id), ("site", &site)],
            )
        }
        Action::RemoveEvidence { index, .. } => r.f(
            "report-change-source-removed",
            &[("id", &id), ("n", &(index + 1))],
        ),
        Action::EditEvidence { index, .. } => r.f(
            "report-change-source-edited",
            &[("id", &id), ("n", &(index + 1))],
        ),
        Action::AddClaim { .. } => r.f("report-change-claim-added", &[("id", &id)]),
        Action::RemoveClaim { .. } => r.f("report-change-claim-removed", &[("id", &id)]),
        // Its steps: the label it was saved with is in the language of whoever made it.
        Action::Batch { actions, .. } => actions
            .iter()
            .map(|a| describe(r, a))
            .collect::<Vec<_>>()
            .join(&r.t("report-separator")),
        Action::SetThreshold { threshold } => r.f(
            "report-change-threshold",
            &[("threshold", &r.lang().decimal(f64::from(*threshold), 2))],
        ),
        Action::Dismiss { .. } => r.f("report-change-dismissed", &[("id", &id)]),
        Action::Restore { .. } => r.f("report-change-restored", &[("id", &id)]),
    }
}

pub(super) fn render(r: &Report) -> String {
    let review = r.review;
    let settings = r.settings;
    let desk = r.for_desk();
    let idx = CharIndex::new(&review.article.text);
    let m = &review.article.metadata;
    let report = Document {
        report_version: REPORT_VERSION,
        generator: format!("Claimdesk {}", env!("CARGO_PKG_VERSION")),
        language: r.lang().code(),
        audience: r.options.audience.name(),
        article: Article {
            title: r.title(),
            source: desk.then(|| super::file_name(review)),
            url: m.url.as_deref().filter(|u| !super::local_address(u)),
            language: m.language.as_deref(),
            format: desk.then_some(m.format.as_str()),
            site_name: m.site_name.as_deref(),
            byline: m.byline.as_deref(),
            published: m.published.as_deref(),
        },
        publisher: Publisher {
            organisation: &settings.organisation,
            organisation_url: &settings.organisation_url,
            report_url: &settings.report_url,
        },
        reviewers: super::reviewers(review, settings),
        reviewed_at: review.modified.to_rfc3339(),
        counts: review.counts(),
        claims: r
            .claims()
            .map(|c| Claim {
                id: c.id,
                text: c.text(),
                verdict: c.verdict,
                verdict_label: r.verdict(c.verdict),
                claimant: c.claimant.as_deref(),
                note: &c.note,
                evidence: &c.evidence,
                desk: desk.then(|| DeskClaim {
                    start: idx.char_of(c.position.start),
                    end: idx.char_of(c.position.end),
                    prefix: &c.quote.prefix,
                    suffix: &c.quote.suffix,
                    score: c.score,
                    reasons: &c.reasons,
                    kind: &c.kind,
                    kind_reason: &c.kind_reason,
                    group: c.group,
                    previous: c.previous.as_deref(),
                }),
            })
            .collect(),
        history: desk.then(|| {
            review
                .history
                .iter()
                .map(|h| Change {
                    at: h.at.to_rfc3339(),
                    reviewer: h.reviewer.as_deref(),
                    claim: h.action.claim(),
                    description: describe(r, &h.action),
                })
                .collect()
        }),
        methodology: &settings.methodology,
        corrections_policy: &settings.corrections_policy,
    };
    // Plain data always serialises.
    serde_json::to_string_pretty(&report).unwrap_or_default() + "\n"
}
