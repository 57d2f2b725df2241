//! The Markdown report: for editors, wikis and content systems.

use super::{Report, file_name, local_address, web_link};
use crate::review::Evidence;
use crate::text::CharIndex;

/// Keeps Markdown syntax in text from being read as markup: every character that CommonMark
/// (or a common extension: tables, strikethrough) reads as markup inside a line is
/// backslash-escaped, so links, images, raw HTML, emphasis, code and entities come out as the
/// characters typed. Line breaks are left to the caller (`md_inline`, `md_lines`).
fn md_escape(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        if matches!(
            c,
            '\\' | '`' | '*' | '_' | '[' | ']' | '<' | '>' | '#' | '|' | '&' | '~'
        ) {
            out.push('\\');
        }
        out.push(c);
    }
    out
}

/// Text shown on one line of the report (a title, a name, an address): its whitespace, line
/// breaks included, squashed to single spaces, then escaped. Nothing in it can start a block.
fn md_inline(s: &str) -> String {
    md_escape(&one_line(s))
}

/// Text kept on several lines (a note, a claim, the methodology): each line (a line ends at LF,
/// CR LF or a lone CR, as in CommonMark) trimmed and escaped, and what would open a block at the
/// start of a line escaped too: a list item (`-`, `+`, `1.`, `1)`), a heading underline or a
/// thematic break (`=`, `-`).
fn md_lines(s: &str) -> Vec<String> {
    s.trim()
        .split("\r\n")
        .flat_map(|l| l.split(['\n', '\r']))
        .map(|line| {
            let mut out = md_escape(line.trim());
            if out.starts_with(['-', '+', '=']) {
                out.insert(0, '\\');
            } else {
                let digits = out.bytes().take_while(u8::is_ascii_digit).count();
                if digits > 0 && out[digits..].starts_with(['.', ')']) {
                    out.insert(digits, '\\');
                }
            }
            out
        })
        .collect()
}

pub(super) fn render(r: &Report) -> String {
    use std::fmt::Write;
    let review = r.review;
    let settings = r.settings;
    let desk = r.for_desk();
    let idx = CharIndex::new(&review.article.text);
    let m = &review.article.metadata;
    let counts = review.counts();
    let mut s = String::new();
    let title = md_inline(&r.title());
    let _ = writeln!(
        s,
        "# {}\n",
        md_inline(&r.f("report-title", &[("title", &r.title())]))
    );
    let mut item = |label: &str, value: &str| {
        let _ = writeln!(s, "- **{}** {value}", md_escape(&r.field(label)));
    };
    item("report-article", &title);
    for (label, value) in [
        ("report-outlet", &m.site_name),
        ("report-author", &m.byline),
        ("report-published", &m.published),
    ] {
        if let Some(v) = value.as_deref().filter(|v| !v.trim().is_empty()) {
            item(label, &md_inline(v));
        }
    }
    if let Some(url) = m.url.as_deref().filter(|u| !local_address(u)) {
        match web_link(url) {
            Some(u) => item("report-web-address", &format!("<{u}>")),
            None => item("report-web-address", &md_inline(url)),
        }
    }
    if desk {
        item("report-file", &md_inline(&file_name(review)));
        if let Some(lang) = &m.language {
            item("report-language", &md_inline(lang));
        }
    }
    let reviewers = super::reviewers(review, settings);
    if !reviewers.is_empty() {
        item("report-reviewed-by", &md_inline(&reviewers.join(", ")));
    }
    if !settings.organisation.trim().is_empty() {
        item("report-published-by", &md_inline(&settings.organisation));
    }
    item("report-date-of-review", &md_inline(&r.reviewed_at()));
    item("report-reviewed", &md_inline(&r.reviewed_of()));
    let _ = writeln!(
        s,
        "\n## {}\n\n| {} | {} |\n|---|---:|",
        md_inline(&r.t("report-summary")),
        md_inline(&r.t("report-verdict")),
        md_inline(&r.t("report-claims"))
    );
    for v in r.verdicts() {
        let _ = writeln!(s, "| {} | {} |", md_inline(&r.verdict(v)), counts.of(v));
    }
    let _ = writeln!(
        s,
        "| **{}** | **{}** |\n",
        md_inline(&r.t("report-total")),
        r.total()
    );
    let _ = writeln!(s, "## {}\n", md_inline(&r.t("report-claims")));
    for c in r.claims() {
        let verdict = r.verdict(c.verdict);
        let heading = r.f(
            "report-claim-verdict",
            &[("id", &c.id), ("verdict", &verdict)],
        );
        let _ = writeln!(s, "### {}\n", md_inline(&heading));
        let _ = writeln!(s, "> {}\n", md_lines(c.text()).join("\n> "));
        let mut item = |label: &str, value: &str| {
            let _ = writeln!(s, "- **{}** {value}", md_escape(&r.field(label)));
        };
        item("report-verdict", &md_inline(&verdict));
        if desk {
            item("report-score", &md_inline(&r.score(c)));
            item("report-type", &md_inline(&r.kind_with_reason(c)));
        }
        if let Some(who) = &c.claimant {
            item("report-claimant", &md_inline(who));
        }
        if desk {
            let chars = r.f(
                "report-characters",
                &[
                    ("start", &idx.char_of(c.position.start)),
                    ("end", &idx.char_of(c.position.end)),
                ],
            );
            item("report-position", &md_inline(&chars));
            if let Some(g) = c.group.filter(|g| *g != c.id) {
                item(
                    "report-repeats",
                    &md_inline(&r.f("report-repeats-claim", &[("id", &g)])),
                );
            }
        }
        if !c.note.trim().is_empty() {
            item("report-note", &md_lines(&c.note).join("\n  "));
        }
        if desk && let Some(before) = c.previous.as_deref().filter(|p| !p.trim().is_empty()) {
            item("report-previous-wording", &md_inline(before));
        }
        if !c.evidence.is_empty() {
            let _ = writeln!(s, "- **{}**", md_escape(&r.field("report-sources")));
            for (i, e) in c.evidence.iter().enumerate() {
                let _ = writeln!(s, "  {}. {}", i + 1, evidence_line(r, e));
                if !e.quote.trim().is_empty() {
                    let _ = writeln!(s, "     > {}", md_inline(&e.quote));
                }
            }
        }
        s.push('\n');
    }
    for (heading, text) in [
        ("report-methodology", &settings.methodology),
        ("report-corrections", &settings.corrections_policy),
    ] {
        if !text.trim().is_empty() {
            let body = md_lines(text).join("\n");
            let _ = writeln!(s, "## {}\n\n{body}\n", md_inline(&r.t(heading)));
        }
    }
    s
}

/// `[title](<url>) — refutes; accessed 20 June 2024; [archived copy](<url>)`.
fn evidence_line(r: &Report, e: &Evidence) -> String {
    let title = md_inline(e.display_title());
    let mut line = match web_link(&e.url) {
        Some(u) => format!("[{title}](<{u}>)"),
        None if local_address(&e.url) => title,
        None => format!("{title} ({})", md_inline(&e.url)),
    };
    let accessed = r.f("report-accessed", &[("date", &r.lang().date(e.accessed))]);
    let sep = r.t("report-separator");
    line.push_str(&format!(
        " — {}{sep}{}",
        md_inline(&r.stance(e.stance)),
        md_inline(&accessed)
    ));
    if let Some(a) = e.archive_url.as_deref().filter(|a| !a.trim().is_empty()) {
        let copy = md_inline(&r.t("report-archived-copy"));
        match web_link(a) {
            Some(u) => line.push_str(&format!("{sep}[{copy}](<{u}>)")),
            None => {
                let labelled = r.f("report-label-value", &[("label", &copy), ("value", &a)]);
                line.push_str(&format!("{sep}{}", md_inline(&labelled)));
            }
        }
    }
    line
}

fn one_line(s: &str) -> String {
    crate::text::squash_whitespace(s)
}

#[cfg(test)]
mod tests {
    use crate::i18n::Lang;
    use crate::report::fixture::{fr, render_in, reviewed};
    use crate::report::{Audience, Format, render as report};

    #[test]
    fn markdown_lists_article_counts_and_claims_in_the_articles_language() {
        let r = reviewed();
        let md = report(&r, Format::Markdown);
        assert!(
            md.starts_with("# Rapport de vérification : Vladimir Poutine et Kim Jong Un riaient")
        );
        assert!(md.contains("| Contestée | 1 |"), "{md}");
        // For readers, only what was checked: no row for unreviewed claims, none of them listed.
        assert!(!md.contains("| À vérifier |"), "{md}");
        assert!(md.contains("| **Total** | **1** |"), "{md}");
        assert!(
            !md.contains(&format!("### Affirmation {} ", r.claims[1].id)),
            "{md}"
        );
        let desk = render_in(&r, Format::Markdown, fr(), Audience::Desk);
        assert!(desk.contains("| À vérifier |"), "{desk}");
        assert!(desk.contains(&format!("### Affirmation {} — À vérifier", r.claims[1].id)));
        assert!(md.contains(&format!("### Affirmation {} — Contestée", r.claims[0].id)));
        assert!(md.contains("- **Note\u{a0}:** KCNA images only"), "{md}");
        assert!(md.contains(&format!(
            "Vérifiées\u{a0}:** 1 sur {} affirmations",
            r.claims.len()
        )));
        // For readers: no scores, types or positions.
        assert!(!md.contains("Score"), "{md}");
        assert!(!md.contains("caractères"), "{md}");
        let desk = render_in(&r, Format::Markdown, Lang::EN, Audience::Desk);
        assert!(desk.starts_with("# Fact-check report: Vladimir Poutine"));
        assert!(desk.contains("| Disputed | 1 |"));
        assert!(desk.contains(&format!("### Claim {} — Disputed", r.claims[0].id)));
        assert!(desk.contains("- **Score:** "));
        assert!(desk.contains("- **Position:** characters "));
        assert!(desk.contains("- **File:** poutine-kim-limousine.fr.txt"));
        assert!(
            desk.contains("- **Date of review:** 21 June 2024, 09:30"),
            "{desk}"
        );
        assert!(desk.contains(&format!("Reviewed:** 1 of {} claims", r.claims.len())));
    }

    #[test]
    fn markdown_lists_evidence_methodology_and_corrections() {
        let r = reviewed();
        let md = render_in(&r, Format::Markdown, Lang::EN, Audience::Readers);
        assert!(md.contains(
            "1. [KCNA, 20 juin](<https://www.kcna.kp/fr/article/q/1>) — refutes; accessed 20 June 2024; [archived copy](<https://web.archive.org/web/2024/https://www.kcna.kp/>)"
        ), "{md}");
        assert!(md.contains("     > Les deux dirigeants ont fait un tour en voiture."));
        assert!(md.contains("## Methodology\n\nClaimdesk picked out"));
        assert!(md.contains("## Corrections\n\nIf you think"));
        let md = render_in(&r, Format::Markdown, fr(), Audience::Readers);
        assert!(md.contains(
            " — contredit\u{a0}; consultée le 20 juin 2024\u{a0}; [copie archivée](<https://web.archive.org/web/2024/https://www.kcna.kp/>)"
        ), "{md}");
        assert!(md.contains("## Méthode\n\nClaimdesk a relevé"));
        assert!(md.contains("## Corrections\n\nSi vous pensez"));
    }

    #[test]
    fn markdown_never_links_other_schemes() {
        let mut r = reviewed();
        r.claims[0].evidence[0].url = "javascript:alert(1)".into();
        r.claims[0].evidence[0].title = "[click](javascript:alert(2))".into();
        r.claims[1].note = "<a href=\"javascript:x\">y</a> [z](javascript:z) <javascript:w>".into();
        let md = report(&r, Format::Markdown);
        // Read it as a Markdown renderer would: every link goes to a web address.
        let mut links = 0;
        for ev in pulldown_cmark::Parser::new(&md) {
            match ev {
                pulldown_cmark::Event::Start(pulldown_cmark::Tag::Link { dest_url, .. }) => {
                    links += 1;
                    assert!(dest_url.starts_with("https://"), "{dest_url}");
                }
                pulldown_cmark::Event::Html(h) | pulldown_cmark::Event::InlineHtml(h) => {
                    panic!("raw HTML in the Markdown: {h}")
                }
                _ => {}
            }
        }
        // Only the archive link is left.
        assert_eq!(links, 1, "{md}");
    }

    #[test]
    fn json_uses_char_offsets() {
        let r = reviewed();
        let v: serde_json::Value = serde_json::from_str(&report(&r, Format::Json)).unwrap();
        let chars: Vec<char> = r.article.text.chars().collect();
        for (c, j) in r.claims.iter().zip(v["claims"].as_array().unwrap()) {
            let (s, e) = (
                j["start"].as_u64().unwrap() as usize,
                j["end"].as_u64().unwrap() as usize,
            );
            assert_eq!(chars[s..e].iter().collect::<String>(), c.text());
        }
        assert_eq!(v["counts"]["disputed"], 1);
        assert_eq!(v["claims"][0]["verdict"], "disputed");
        assert_eq!(v["claims"][0]["verdict_label"], "Contestée");
        assert_eq!(v["language"], "fr");
        assert_eq!(v["audience"], "desk");
        assert_eq!(
            v["history"][0]["description"],
            format!("affirmation {} marquée Contestée", r.claims[0].id)
        );
        // For readers: the claims without positions, scores or the history.
        let readers: serde_json::Value =
            serde_json::from_str(&render_in(&r, Format::Json, Lang::EN, Audience::Readers))
                .unwrap();
        let claim = readers["claims"][0].as_object().unwrap();
        let mut keys: Vec<&str> = claim.keys().map(String::as_str).collect();
        keys.sort();
        assert_eq!(
            keys,
            [
                "claimant",
                "evidence",
                "id",
                "note",
                "text",
                "verdict",
                "verdict_label"
            ]
        );
        assert!(readers.get("history").is_none());
        assert!(readers["article"].get("source").is_none());
        assert_eq!(readers["claims"][0]["verdict_label"], "Disputed");
    }
}
