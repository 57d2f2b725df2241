//! The Markdown report: for editors, wikis and content systems.

use super::{ReportSettings, source, web_link};
use crate::review::{Evidence, Review, Verdict};
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

pub(super) fn render(review: &Review, settings: &ReportSettings) -> String {
    use std::fmt::Write;
    let idx = CharIndex::new(&review.article.text);
    let m = &review.article.metadata;
    let counts = review.counts();
    let mut s = String::new();
    let title = md_inline(review.article.display_title());
    let _ = writeln!(s, "# Fact-check report: {title}\n");
    let _ = writeln!(s, "- **Article:** {title}");
    for (label, value) in [
        ("Outlet", &m.site_name),
        ("Author", &m.byline),
        ("Published", &m.published),
    ] {
        if let Some(v) = value.as_deref().filter(|v| !v.trim().is_empty()) {
            let _ = writeln!(s, "- **{label}:** {}", md_inline(v));
        }
    }
    let _ = writeln!(s, "- **Source file:** {}", md_inline(&source(review)));
    if let Some(url) = &m.url {
        match web_link(url) {
            Some(u) => {
                let _ = writeln!(s, "- **URL:** <{u}>");
            }
            None => {
                let _ = writeln!(s, "- **URL:** {}", md_inline(url));
            }
        }
    }
    if let Some(lang) = &m.language {
        let _ = writeln!(s, "- **Language:** {}", md_inline(lang));
    }
    let reviewers = super::reviewers(review, settings);
    if !reviewers.is_empty() {
        let _ = writeln!(s, "- **Reviewed by:** {}", md_inline(&reviewers.join(", ")));
    }
    if !settings.organisation.trim().is_empty() {
        let _ = writeln!(
            s,
            "- **Published by:** {}",
            md_inline(&settings.organisation)
        );
    }
    let _ = writeln!(
        s,
        "- **Date of review:** {}",
        review.modified.format("%Y-%m-%d %H:%M UTC")
    );
    let _ = writeln!(
        s,
        "- **Reviewed:** {} of {} claims\n",
        counts.reviewed(),
        counts.total
    );
    let _ = writeln!(s, "## Summary\n\n| Verdict | Claims |\n|---|---:|");
    for v in Verdict::ALL {
        let _ = writeln!(s, "| {} | {} |", v.label(), counts.of(v));
    }
    let _ = writeln!(s, "| **Total** | **{}** |\n", counts.total);
    let _ = writeln!(s, "## Claims\n");
    for c in &review.claims {
        let _ = writeln!(s, "### Claim {} — {}\n", c.id, c.verdict.label());
        let _ = writeln!(s, "> {}\n", md_lines(c.text()).join("\n> "));
        let _ = writeln!(s, "- **Verdict:** {}", c.verdict.label());
        let reasons = if c.reasons.is_empty() {
            String::new()
        } else {
            format!(" ({})", md_inline(&c.reasons.join(", ")))
        };
        let _ = writeln!(s, "- **Score:** {:.2}{reasons}", c.score);
        if c.kind_reason.is_empty() {
            let _ = writeln!(s, "- **Type:** {}", md_inline(&c.kind));
        } else {
            let _ = writeln!(
                s,
                "- **Type:** {} ({})",
                md_inline(&c.kind),
                md_inline(&c.kind_reason)
            );
        }
        if let Some(who) = &c.claimant {
            let _ = writeln!(s, "- **Claimant:** {}", md_inline(who));
        }
        let _ = writeln!(
            s,
            "- **Position:** characters {}–{}",
            idx.char_of(c.position.start),
            idx.char_of(c.position.end)
        );
        if let Some(g) = c.group.filter(|g| *g != c.id) {
            let _ = writeln!(s, "- **Repeats:** claim {g}");
        }
        if !c.note.trim().is_empty() {
            let note = md_lines(&c.note).join("\n  ");
            let _ = writeln!(s, "- **Note:** {note}");
        }
        if let Some(before) = c.previous.as_deref().filter(|p| !p.trim().is_empty()) {
            let _ = writeln!(s, "- **Previous wording:** {}", md_inline(before));
        }
        if !c.evidence.is_empty() {
            let _ = writeln!(s, "- **Evidence:**");
            for (i, e) in c.evidence.iter().enumerate() {
                let _ = writeln!(s, "  {}. {}", i + 1, evidence_line(e));
                if !e.quote.trim().is_empty() {
                    let _ = writeln!(s, "     > {}", md_inline(&e.quote));
                }
            }
        }
        s.push('\n');
    }
    for (heading, text) in [
        ("Methodology", &settings.methodology),
        ("Corrections", &settings.corrections_policy),
    ] {
        if !text.trim().is_empty() {
            let body = md_lines(text).join("\n");
            let _ = writeln!(s, "## {heading}\n\n{body}\n");
        }
    }
    s
}

/// `[title](<url>) — refutes; accessed 2024-06-20; [archived copy](<url>)`.
fn evidence_line(e: &Evidence) -> String {
    let title = md_inline(e.display_title());
    let mut line = match web_link(&e.url) {
        Some(u) => format!("[{title}](<{u}>)"),
        None => format!("{title} ({})", md_inline(&e.url)),
    };
    line.push_str(&format!(
        " — {}; accessed {}",
        e.stance.label(),
        e.accessed.format("%Y-%m-%d")
    ));
    if let Some(a) = e.archive_url.as_deref().filter(|a| !a.trim().is_empty()) {
        match web_link(a) {
            Some(u) => line.push_str(&format!("; [archived copy](<{u}>)")),
            None => line.push_str(&format!("; archived copy: {}", md_inline(a))),
        }
    }
    line
}

fn one_line(s: &str) -> String {
    crate::text::squash_whitespace(s)
}

#[cfg(test)]
mod tests {
    use crate::report::fixture::reviewed;
    use crate::report::{Format, render as report};

    #[test]
    fn markdown_lists_article_counts_and_claims() {
        let r = reviewed();
        let md = report(&r, Format::Markdown);
        assert!(md.starts_with("# Fact-check report: Vladimir Poutine et Kim Jong Un riaient"));
        assert!(md.contains("| Disputed | 1 |"));
        assert!(md.contains(&format!("### Claim {} — Disputed", r.claims[0].id)));
        assert!(md.contains("- **Note:** KCNA images only"));
        assert!(md.contains(&format!("Reviewed:** 1 of {} claims", r.claims.len())));
    }

    #[test]
    fn markdown_lists_evidence_methodology_and_corrections() {
        let r = reviewed();
        let md = report(&r, Format::Markdown);
        assert!(md.contains(
            "1. [KCNA, 20 juin](<https://www.kcna.kp/fr/article/q/1>) — refutes; accessed 2024-06-20; [archived copy](<https://web.archive.org/web/2024/https://www.kcna.kp/>)"
        ), "{md}");
        assert!(md.contains("     > Les deux dirigeants ont fait un tour en voiture."));
        assert!(md.contains("## Methodology\n\nClaimdesk a relevé"));
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
    }
}
