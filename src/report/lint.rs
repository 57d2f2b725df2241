//! The pre-flight check: what a careful editor would flag before a report is published.
//! Warnings never block an export; `claimdesk report --strict` turns them into errors.

use super::{ReportSettings, claim_reviewed};
use crate::i18n::Lang;
use crate::review::{Review, Verdict, host_of};
use std::collections::HashSet;

/// What a warning is about.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum WarningKind {
    /// Claims with no verdict yet (one warning for all of them).
    Unreviewed,
    /// A verified or disputed claim with no evidence.
    NoEvidence,
    /// A verified or disputed claim whose evidence comes from fewer than two independent sites.
    FewSources,
    /// A reviewed claim with no claimant (ClaimReview's itemReviewed author).
    NoClaimant,
    /// A reviewed claim longer than ClaimReview's 75 characters: `claimReviewed` is shortened.
    ClaimReviewedShortened,
    /// No organisation name for ClaimReview's author.
    NoOrganisation,
    /// No organisation URL or report URL for ClaimReview.
    NoUrl,
    /// No methodology text.
    NoMethodology,
    /// Claims that re-anchoring could not find in the current article: not in the report.
    Orphans,
}

/// One thing to look at before publishing.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Warning {
    pub kind: WarningKind,
    /// The claim it is about, if it is about one.
    pub claim: Option<u32>,
    pub message: String,
}

impl std::fmt::Display for Warning {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.message)
    }
}

/// The site a URL belongs to, for counting independent sources: the host without "www.", cut
/// to its last two labels, or three under a two-letter country code with a generic second level
/// ("bbc.co.uk", "gouv.fr" stays "interieur.gouv.fr").
pub fn site_of(url: &str) -> Option<String> {
    let host = host_of(url)?.to_ascii_lowercase();
    let host = host.trim_end_matches('.');
    if host.starts_with('[') || host.parse::<std::net::Ipv4Addr>().is_ok() {
        return Some(host.to_string());
    }
    let labels: Vec<&str> = host.split('.').collect();
    let n = labels.len();
    if n <= 2 {
        return Some(host.to_string());
    }
    let generic = [
        "co", "com", "org", "net", "gov", "gouv", "ac", "edu", "govt", "nic",
    ];
    let keep = if labels[n - 1].len() == 2 && generic.contains(&labels[n - 2]) {
        3
    } else {
        2
    };
    Some(labels[n - keep..].join("."))
}

const LIST_MAX: usize = 12;

/// "3, 5, 8" or "1, 2, …, 12, and 4 more" ("…, 12 et 4 de plus").
fn id_list(ids: &[u32], lang: Lang) -> String {
    let shown: Vec<String> = ids.iter().take(LIST_MAX).map(u32::to_string).collect();
    let shown = shown.join(", ");
    if ids.len() > LIST_MAX {
        let more = ids.len() - LIST_MAX;
        lang.format("lint-ids-more", &[("ids", &shown), ("n", &more)])
    } else {
        shown
    }
}

/// Lists what a careful editor would flag in this review before publishing it, written in `lang`.
pub fn lint(review: &Review, settings: &ReportSettings, lang: Lang) -> Vec<Warning> {
    let settings = &settings.in_language(lang);
    let verdict = |v: Verdict| settings.verdict_name(v, lang);
    let mut out = Vec::new();
    let unreviewed: Vec<u32> = review
        .claims
        .iter()
        .filter(|c| c.verdict == Verdict::Unreviewed)
        .map(|c| c.id)
        .collect();
    if !unreviewed.is_empty() {
        out.push(Warning {
            kind: WarningKind::Unreviewed,
            claim: None,
            message: lang.format(
                "lint-unreviewed",
                &[
                    ("n", &unreviewed.len()),
                    ("total", &review.claims.len()),
                    ("ids", &id_list(&unreviewed, lang)),
                ],
            ),
        });
    }
    if !review.orphans.is_empty() {
        let ids: Vec<u32> = review.orphans.iter().map(|c| c.id).collect();
        out.push(Warning {
            kind: WarningKind::Orphans,
            claim: None,
            message: lang.format(
                "lint-orphans",
                &[("n", &ids.len()), ("ids", &id_list(&ids, lang))],
            ),
        });
    }
    for c in review
        .claims
        .iter()
        .filter(|c| c.verdict != Verdict::Unreviewed)
    {
        let needs_sources = matches!(c.verdict, Verdict::Verified | Verdict::Disputed);
        if needs_sources && c.evidence.is_empty() {
            out.push(Warning {
                kind: WarningKind::NoEvidence,
                claim: Some(c.id),
                message: lang.format(
                    "lint-no-evidence",
                    &[("id", &c.id), ("verdict", &verdict(c.verdict))],
                ),
            });
        } else if needs_sources {
            let sites: HashSet<String> =
                c.evidence.iter().filter_map(|e| site_of(&e.url)).collect();
            if sites.len() < 2 {
                out.push(Warning {
                    kind: WarningKind::FewSources,
                    claim: Some(c.id),
                    message: lang.format(
                        "lint-few-sources",
                        &[
                            ("id", &c.id),
                            ("verdict", &verdict(c.verdict)),
                            ("n", &sites.len()),
                        ],
                    ),
                });
            }
        }
        if c.claimant.as_deref().is_none_or(|w| w.trim().is_empty()) {
            out.push(Warning {
                kind: WarningKind::NoClaimant,
                claim: Some(c.id),
                message: lang.format("lint-no-claimant", &[("id", &c.id)]),
            });
        }
        let (short, cut) = claim_reviewed(c.text());
        if cut {
            out.push(Warning {
                kind: WarningKind::ClaimReviewedShortened,
                claim: Some(c.id),
                message: lang.format(
                    "lint-shortened",
                    &[
                        ("id", &c.id),
                        ("max", &super::CLAIM_REVIEWED_MAX_CHARS),
                        ("short", &short),
                    ],
                ),
            });
        }
    }
    if settings.organisation.trim().is_empty() {
        out.push(Warning {
            kind: WarningKind::NoOrganisation,
            claim: None,
            message: lang.text("lint-no-organisation"),
        });
    }
    for (field, value) in [
        ("organisation_url", &settings.organisation_url),
        ("report_url", &settings.report_url),
    ] {
        if crate::review::check_url(value).is_err() {
            let id = match (field, value.trim().is_empty()) {
                ("organisation_url", true) => "lint-no-organisation-url",
                ("organisation_url", false) => "lint-bad-organisation-url",
                (_, true) => "lint-no-report-url",
                (_, false) => "lint-bad-report-url",
            };
            out.push(Warning {
                kind: WarningKind::NoUrl,
                claim: None,
                message: lang.text(id),
            });
        }
    }
    if settings.methodology.trim().is_empty() {
        out.push(Warning {
            kind: WarningKind::NoMethodology,
            claim: None,
            message: lang.text("lint-no-methodology"),
        });
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::report::fixture::reviewed;
    use crate::review::{Action, Evidence};
    use chrono::NaiveDate;

    fn kinds(w: &[Warning], claim: Option<u32>) -> Vec<WarningKind> {
        w.iter()
            .filter(|w| w.claim == claim)
            .map(|w| w.kind)
            .collect()
    }

    #[test]
    fn sites_are_counted_by_registrable_domain() {
        assert_eq!(
            site_of("https://www.lemonde.fr/a").as_deref(),
            Some("lemonde.fr")
        );
        assert_eq!(
            site_of("https://abonnes.lemonde.fr/b").as_deref(),
            Some("lemonde.fr")
        );
        assert_eq!(
            site_of("https://news.bbc.co.uk/x").as_deref(),
            Some("bbc.co.uk")
        );
        assert_eq!(
            site_of("https://www.interieur.gouv.fr/").as_deref(),
            Some("interieur.gouv.fr")
        );
        assert_eq!(
            site_of("http://192.168.0.1/x").as_deref(),
            Some("192.168.0.1")
        );
        assert_eq!(site_of("not a url"), None);
    }

    #[test]
    fn lint_flags_what_an_editor_would() {
        let mut r = reviewed();
        let first = r.claims[0].id;
        let second = r.claims[1].id;
        let s = ReportSettings::for_review(&r);
        let w = lint(&r, &s, Lang::EN);
        // The sample's claims are unreviewed except the first, whose one source is one site.
        assert_eq!(w[0].kind, WarningKind::Unreviewed);
        assert!(
            w[0].message.starts_with(&format!(
                "{} of {} claims are unreviewed",
                r.claims.len() - 1,
                r.claims.len()
            )),
            "{}",
            w[0]
        );
        let k = kinds(&w, Some(first));
        assert!(k.contains(&WarningKind::FewSources), "{w:#?}");
        assert!(!k.contains(&WarningKind::NoEvidence));
        assert!(k.contains(&WarningKind::ClaimReviewedShortened));
        // Default settings have no organisation or addresses, but a methodology.
        let k = kinds(&w, None);
        assert!(k.contains(&WarningKind::NoOrganisation));
        assert_eq!(k.iter().filter(|k| **k == WarningKind::NoUrl).count(), 2);
        assert!(!k.contains(&WarningKind::NoMethodology));

        // A second site settles the sources; a verified claim with none is flagged.
        let day = NaiveDate::from_ymd_opt(2024, 6, 21).unwrap();
        r.apply(Action::AddEvidence {
            claim: first,
            index: 1,
            evidence: Evidence::new("https://apnews.com/article/x", day).unwrap(),
        })
        .unwrap();
        r.apply(Action::SetVerdict {
            claim: second,
            verdict: Verdict::Verified,
        })
        .unwrap();
        let mut s = s;
        s.organisation = "Les Vérificateurs".into();
        s.organisation_url = "https://verif.example.org".into();
        s.report_url = "javascript:alert(1)".into();
        s.methodology = " ".into();
        let w = lint(&r, &s, Lang::EN);
        assert!(
            !kinds(&w, Some(first)).contains(&WarningKind::FewSources),
            "{w:#?}"
        );
        assert!(kinds(&w, Some(second)).contains(&WarningKind::NoEvidence));
        let k = kinds(&w, None);
        assert!(!k.contains(&WarningKind::NoOrganisation));
        assert_eq!(k.iter().filter(|k| **k == WarningKind::NoUrl).count(), 1);
        assert!(k.contains(&WarningKind::NoMethodology));
        assert!(
            w.iter().any(|w| w.message.contains("report_url")
                && w.message.contains("not an http(s) address"))
        );
        assert!(!k.contains(&WarningKind::Orphans));
        let orphan = r.claims.pop().unwrap();
        r.orphans.push(orphan.clone());
        let w = lint(&r, &s, Lang::EN);
        let o = w.iter().find(|w| w.kind == WarningKind::Orphans).unwrap();
        assert!(
            o.message.starts_with(&format!(
                "1 claim could not be found in this version of the article (claim {})",
                orphan.id
            )),
            "{o}"
        );
        // The same check in French, plural forms and the newsroom's verdict names included.
        let fr = Lang::parse("fr").unwrap();
        let mut s = ReportSettings::for_lang(fr);
        s.ratings.verified.label = "Vrai".into();
        r.orphans.push(r.claims.pop().unwrap());
        let w = lint(&r, &s, fr);
        let o = w.iter().find(|w| w.kind == WarningKind::Orphans).unwrap();
        assert!(
            o.message.starts_with("2 affirmations sont introuvables"),
            "{o}"
        );
        assert!(
            w.iter().any(|w| w.kind == WarningKind::NoEvidence
                && w.message
                    .contains("est «\u{a0}Vrai\u{a0}» mais ne cite aucune source")),
            "{w:?}"
        );
    }

    #[test]
    fn two_links_to_one_site_are_one_source_and_unsourced_needs_none() {
        let mut r = reviewed();
        let first = r.claims[0].id;
        let day = NaiveDate::from_ymd_opt(2024, 6, 21).unwrap();
        r.apply(Action::AddEvidence {
            claim: first,
            index: 1,
            evidence: Evidence::new("https://kcna.kp/en/other", day).unwrap(),
        })
        .unwrap();
        let w = lint(&r, &ReportSettings::default(), Lang::EN);
        assert!(kinds(&w, Some(first)).contains(&WarningKind::FewSources));
        r.apply(Action::SetVerdict {
            claim: first,
            verdict: Verdict::Unsourced,
        })
        .unwrap();
        let w = lint(&r, &ReportSettings::default(), Lang::EN);
        assert!(!kinds(&w, Some(first)).contains(&WarningKind::FewSources));
        assert!(!kinds(&w, Some(first)).contains(&WarningKind::NoEvidence));
    }
}
