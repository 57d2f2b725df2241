//! Review → reports: Markdown for people, JSON for programs. Positions are Unicode character
//! offsets into the article text (`claimdesk text`), as the W3C selectors define them.

use crate::review::{Review, Verdict};
use crate::text::CharIndex;
use serde::Serialize;

/// Report formats.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Format {
    Markdown,
    Json,
}

impl Format {
    pub const ALL: [Format; 2] = [Format::Markdown, Format::Json];

    pub fn parse(s: &str) -> Option<Format> {
        match s.to_ascii_lowercase().as_str() {
            "md" | "markdown" => Some(Format::Markdown),
            "json" => Some(Format::Json),
            _ => None,
        }
    }

    pub fn extension(self) -> &'static str {
        match self {
            Format::Markdown => "md",
            Format::Json => "json",
        }
    }

    pub fn name(self) -> &'static str {
        match self {
            Format::Markdown => "Markdown",
            Format::Json => "JSON",
        }
    }

    /// The format a file name asks for by its extension.
    pub fn from_path(path: &std::path::Path) -> Option<Format> {
        path.extension()
            .and_then(|e| Format::parse(&e.to_string_lossy()))
    }
}

/// Renders the review in `format`.
pub fn render(review: &Review, format: Format) -> String {
    match format {
        Format::Markdown => markdown(review),
        Format::Json => json(review),
    }
}

#[derive(Serialize)]
struct JsonArticle<'a> {
    title: &'a str,
    source: String,
    url: Option<&'a str>,
    language: Option<&'a str>,
    format: &'a str,
}

#[derive(Serialize)]
struct JsonClaim<'a> {
    id: u32,
    start: usize,
    end: usize,
    text: &'a str,
    verdict: Verdict,
    score: f32,
    reasons: &'a [String],
    kind: &'a str,
    claimant: Option<&'a str>,
    group: Option<u32>,
    note: &'a str,
}

#[derive(Serialize)]
struct JsonReport<'a> {
    report_version: u32,
    generator: String,
    article: JsonArticle<'a>,
    reviewed_at: String,
    counts: crate::review::Counts,
    claims: Vec<JsonClaim<'a>>,
}

fn source(review: &Review) -> String {
    let m = &review.article.metadata;
    m.source_path
        .as_ref()
        .map(|p| p.display().to_string())
        .unwrap_or_else(|| m.source_name.clone())
}

fn json(review: &Review) -> String {
    let idx = CharIndex::new(&review.article.text);
    let m = &review.article.metadata;
    let report = JsonReport {
        report_version: 1,
        generator: format!("Claimdesk {}", env!("CARGO_PKG_VERSION")),
        article: JsonArticle {
            title: review.article.display_title(),
            source: source(review),
            url: m.url.as_deref(),
            language: m.language.as_deref(),
            format: &m.format,
        },
        reviewed_at: review.modified.to_rfc3339(),
        counts: review.counts(),
        claims: review
            .claims
            .iter()
            .map(|c| JsonClaim {
                id: c.id,
                start: idx.char_of(c.position.start),
                end: idx.char_of(c.position.end),
                text: c.text(),
                verdict: c.verdict,
                score: c.score,
                reasons: &c.reasons,
                kind: &c.kind,
                claimant: c.claimant.as_deref(),
                group: c.group,
                note: &c.note,
            })
            .collect(),
    };
    // Plain data always serialises.
    serde_json::to_string_pretty(&report).unwrap_or_default() + "\n"
}

/// Keeps Markdown syntax in article text from being read as markup.
fn md_escape(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        if matches!(
            c,
            '\\' | '`' | '*' | '_' | '[' | ']' | '<' | '>' | '#' | '|'
        ) {
            out.push('\\');
        }
        out.push(c);
    }
    out
}

fn markdown(review: &Review) -> String {
    use std::fmt::Write;
    let idx = CharIndex::new(&review.article.text);
    let m = &review.article.metadata;
    let counts = review.counts();
    let mut s = String::new();
    let title = md_escape(review.article.display_title());
    let _ = writeln!(s, "# Fact-check report: {title}\n");
    let _ = writeln!(s, "- **Article:** {title}");
    let _ = writeln!(s, "- **Source file:** {}", md_escape(&source(review)));
    if let Some(url) = &m.url {
        let _ = writeln!(s, "- **URL:** <{url}>");
    }
    if let Some(lang) = &m.language {
        let _ = writeln!(s, "- **Language:** {lang}");
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
        let _ = writeln!(s, "> {}\n", md_escape(c.text()));
        let _ = writeln!(s, "- **Verdict:** {}", c.verdict.label());
        let reasons = if c.reasons.is_empty() {
            String::new()
        } else {
            format!(" ({})", md_escape(&c.reasons.join(", ")))
        };
        let _ = writeln!(s, "- **Score:** {:.2}{reasons}", c.score);
        let _ = writeln!(s, "- **Type:** {}", c.kind);
        if let Some(who) = &c.claimant {
            let _ = writeln!(s, "- **Claimant:** {}", md_escape(who));
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
            let note = c
                .note
                .trim()
                .lines()
                .map(md_escape)
                .collect::<Vec<_>>()
                .join("\n  ");
            let _ = writeln!(s, "- **Note:** {note}");
        }
        s.push('\n');
    }
    s
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::article;
    use crate::review::Action;

    fn reviewed() -> Review {
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
        r
    }

    #[test]
    fn markdown_lists_article_counts_and_claims() {
        let r = reviewed();
        let md = render(&r, Format::Markdown);
        assert!(md.starts_with("# Fact-check report: Vladimir Poutine et Kim Jong Un riaient"));
        assert!(md.contains("| Disputed | 1 |"));
        assert!(md.contains(&format!("### Claim {} — Disputed", r.claims[0].id)));
        assert!(md.contains("- **Note:** KCNA images only"));
        assert!(md.contains(&format!("Reviewed:** 1 of {} claims", r.claims.len())));
    }

    #[test]
    fn json_uses_char_offsets() {
        let r = reviewed();
        let v: serde_json::Value = serde_json::from_str(&render(&r, Format::Json)).unwrap();
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
