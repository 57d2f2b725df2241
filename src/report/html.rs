//! The HTML report: one self-contained page (inline CSS, no scripts, no external requests) to read
//! on screen or print to PDF. Everything that comes from the article or the reviewer is escaped;
//! only http and https addresses become links.

use super::{Report, file_name, local_address, reviewers, web_link};
use crate::article::BlockKind;
use crate::review::{Claim, Verdict};
use crate::text::CharIndex;
use std::fmt::Write;

/// The Content-Security-Policy every HTML page Claimdesk writes carries: nothing is loaded and no
/// script runs (JSON-LD is data, which the policy does not block); only the page's own inline CSS
/// applies.
pub(super) const CSP_META: &str = "<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; style-src 'unsafe-inline'\">";

/// Escapes text for HTML element content and quoted attribute values.
pub fn esc(s: &str) -> String {
    let mut out = String::with_capacity(s.len() + s.len() / 8);
    for c in s.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            _ => out.push(c),
        }
    }
    out
}

/// Escaped text with its line breaks kept.
fn esc_lines(s: &str) -> String {
    esc(s.trim()).replace("\r\n", "\n").replace('\n', "<br>\n")
}

fn class(v: Verdict) -> &'static str {
    match v {
        Verdict::Verified => "v-verified",
        Verdict::Disputed => "v-disputed",
        Verdict::Unsourced => "v-unsourced",
        Verdict::Unreviewed => "v-unreviewed",
    }
}

/// A link that opens outside the report, or the escaped text when `url` is not http(s).
fn link(url: &str, text: &str) -> String {
    match web_link(url) {
        Some(u) => format!(
            "<a href=\"{}\" rel=\"noopener noreferrer nofollow\">{}</a>",
            esc(&u),
            esc(text)
        ),
        None => esc(text),
    }
}

const STYLE: &str = "\
:root{--ink:#1d232b;--weak:#5b6573;--line:#d5dae1;--bg:#fff;--verified:#248a3d;--disputed:#c82832;--unsourced:#b07800;--unreviewed:#606c80}
*{box-sizing:border-box}
body{margin:0;background:var(--bg);color:var(--ink);font:16px/1.55 Georgia,'Times New Roman',serif}
main{max-width:48rem;margin:0 auto;padding:2rem 1.25rem 4rem}
h1,h2,h3,h4,.meta,.chart,.badge,footer,dl{font-family:system-ui,-apple-system,'Segoe UI',Roboto,sans-serif}
h1{font-size:1.75rem;line-height:1.25;margin:0 0 1rem}
h2{font-size:1.3rem;margin:2.5rem 0 1rem;padding-bottom:.3rem;border-bottom:2px solid var(--line)}
h3{font-size:1.05rem;margin:0 0 .5rem}
h4{font-size:.9rem;margin:1rem 0 .3rem;text-transform:uppercase;letter-spacing:.04em;color:var(--weak)}
dl{display:grid;grid-template-columns:max-content 1fr;gap:.2rem 1rem;margin:0;font-size:.92rem}
dt{color:var(--weak)}dd{margin:0;overflow-wrap:anywhere}
a{color:#1a5fb4}
blockquote{margin:.5rem 0;padding:.4rem .9rem;border-left:4px solid var(--line);background:#f6f7f9}
.claim{border:1px solid var(--line);border-left:6px solid var(--unreviewed);border-radius:6px;padding:1rem 1.2rem;margin:1.2rem 0;break-inside:avoid}
.claim.v-verified{border-left-color:var(--verified)}.claim.v-disputed{border-left-color:var(--disputed)}.claim.v-unsourced{border-left-color:var(--unsourced)}
.badge{display:inline-block;padding:.05rem .55rem;border-radius:999px;color:#fff;font-size:.85rem;font-weight:600;margin-right:.4rem}
.badge.v-verified,.bar.v-verified{background:var(--verified)}.badge.v-disputed,.bar.v-disputed{background:var(--disputed)}
.badge.v-unsourced,.bar.v-unsourced{background:var(--unsourced)}.badge.v-unreviewed,.bar.v-unreviewed{background:var(--unreviewed)}
.chart{width:100%;border-collapse:collapse;font-size:.92rem}
.chart th{text-align:left;font-weight:normal;width:8rem;padding:.2rem 0}
.chart td.n{width:3rem;text-align:right;font-variant-numeric:tabular-nums}
.track{background:#eef0f3;border-radius:3px;height:1rem}
.bar{height:1rem;border-radius:3px;min-width:2px}
.note{white-space:normal}
.evidence li{margin:.4rem 0}
.stance{font-family:system-ui,sans-serif;font-size:.8rem;padding:0 .4rem;border-radius:3px;border:1px solid currentColor}
.stance.supports{color:var(--verified)}.stance.refutes{color:var(--disputed)}
.weak{color:var(--weak);font-size:.9rem}
.article p,.article h3{margin:.8rem 0}.article .furniture{color:var(--weak);font-size:.9rem}
mark{padding:0 .1rem;border-radius:2px;background:#e3e7ee}
mark.v-verified{background:#d3efd9}mark.v-disputed{background:#f8d4d6}mark.v-unsourced{background:#f5e6c3}
mark a{color:inherit;text-decoration:none}
footer{margin-top:3rem;color:var(--weak);font-size:.85rem}
@media print{body{font-size:11pt}main{max-width:none;padding:0}a{color:inherit}
*{-webkit-print-color-adjust:exact;print-color-adjust:exact}h2{break-after:avoid}.claim{border-left-width:4px}}
";

pub(super) fn render(r: &Report) -> String {
    let review = r.review;
    let settings = r.settings;
    let desk = r.for_desk();
    let idx = CharIndex::new(&review.article.text);
    let m = &review.article.metadata;
    let counts = review.counts();
    let title = esc(&r.f("report-title", &[("title", &r.title())]));
    let lang = r.lang().code();
    let mut s = String::with_capacity(4096 + review.claims.len() * 1200);
    let _ = write!(
        s,
        "<!DOCTYPE html>\n<html lang=\"{lang}\">\n<head>\n<meta charset=\"utf-8\">\n\
         {CSP_META}\n\
         <meta name=\"referrer\" content=\"no-referrer\">\n\
         <meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n\
         <meta name=\"generator\" content=\"Claimdesk {}\">\n\
         <title>{title}</title>\n<style>\n{STYLE}</style>\n</head>\n<body>\n<main>\n\
         <header>\n<h1>{title}</h1>\n<dl class=\"meta\">\n",
        env!("CARGO_PKG_VERSION")
    );
    let mut row = |label: &str, html: String| {
        let _ = writeln!(s, "<dt>{}</dt><dd>{html}</dd>", esc(&r.t(label)));
    };
    row("report-article", esc(&r.title()));
    for (label, value) in [
        ("report-outlet", &m.site_name),
        ("report-author", &m.byline),
        ("report-published", &m.published),
    ] {
        if let Some(v) = value.as_deref().filter(|v| !v.trim().is_empty()) {
            row(label, esc(v.trim()));
        }
    }
    if let Some(url) = m.url.as_deref().filter(|u| !local_address(u)) {
        row("report-web-address", link(url, url));
    }
    if desk {
        row("report-file", esc(&file_name(review)));
        if let Some(l) = &m.language {
            row("report-language", esc(l));
        }
    }
    let names = reviewers(review, settings);
    if !names.is_empty() {
        row("report-reviewed-by", esc(&names.join(", ")));
    }
    if !settings.organisation.trim().is_empty() {
        let org = settings.organisation.trim();
        row("report-published-by", link(&settings.organisation_url, org));
    }
    row("report-date-of-review", esc(&r.reviewed_at()));
    row("report-reviewed", esc(&r.reviewed_of()));
    s.push_str("</dl>\n</header>\n");

    // Summary: counts and a bar chart drawn with CSS.
    let _ = writeln!(
        s,
        "<section id=\"summary\">\n<h2>{}</h2>\n<table class=\"chart\">",
        esc(&r.t("report-summary"))
    );
    let max = r.verdicts().map(|v| counts.of(v)).max().unwrap_or(0).max(1);
    for v in r.verdicts() {
        let n = counts.of(v);
        let pct = n as f64 * 100.0 / max as f64;
        let bar = if n == 0 {
            String::new()
        } else {
            format!(
                "<div class=\"bar {}\" style=\"width:{pct:.1}%\"></div>",
                class(v)
            )
        };
        let _ = writeln!(
            s,
            "<tr><th>{}</th><td><div class=\"track\">{bar}</div></td><td class=\"n\">{n}</td></tr>",
            esc(&r.verdict(v))
        );
    }
    let _ = writeln!(
        s,
        "<tr><th><strong>{}</strong></th><td></td><td class=\"n\"><strong>{}</strong></td></tr>\n</table>\n</section>",
        esc(&r.t("report-total")),
        r.total()
    );

    let _ = writeln!(
        s,
        "<section id=\"claims\">\n<h2>{}</h2>",
        esc(&r.t("report-claims"))
    );
    for c in r.claims() {
        claim(&mut s, r, c, &idx);
    }
    s.push_str("</section>\n");

    if r.options.with_article {
        article(&mut s, r);
    }
    for (id, heading, text) in [
        ("methodology", "report-methodology", &settings.methodology),
        (
            "corrections",
            "report-corrections",
            &settings.corrections_policy,
        ),
    ] {
        if !text.trim().is_empty() {
            let paras: Vec<String> = text
                .trim()
                .split("\n\n")
                .map(|p| format!("<p>{}</p>", esc_lines(p)))
                .collect();
            let _ = writeln!(
                s,
                "<section id=\"{id}\">\n<h2>{}</h2>\n{}\n</section>",
                esc(&r.t(heading)),
                paras.join("\n")
            );
        }
    }
    let mut footer = r.f(
        "report-made-with",
        &[("version", &env!("CARGO_PKG_VERSION"))],
    );
    if desk {
        footer.push(' ');
        footer.push_str(&r.t("report-positions-note"));
    }
    let _ = write!(
        s,
        "<footer>{}</footer>\n</main>\n</body>\n</html>\n",
        esc(&footer)
    );
    s
}

fn claim(s: &mut String, r: &Report, c: &Claim, idx: &CharIndex) {
    let desk = r.for_desk();
    let cls = class(c.verdict);
    let _ = writeln!(
        s,
        "<article class=\"claim {cls}\" id=\"claim-{}\">\n<h3><span class=\"badge {cls}\">{}</span>{}</h3>\n<blockquote>{}</blockquote>",
        c.id,
        esc(&r.verdict(c.verdict)),
        esc(&r.f("report-claim", &[("id", &c.id)])),
        esc(c.text())
    );
    // The claim's details, when there are any (for readers, often none).
    let mut rows = String::new();
    let mut row = |label: &str, html: String| {
        let _ = writeln!(rows, "<dt>{}</dt><dd>{html}</dd>", esc(&r.t(label)));
    };
    if desk {
        row("report-type", esc(&r.kind_with_reason(c)));
    }
    if let Some(who) = &c.claimant {
        row("report-claimant", esc(who));
    }
    if desk {
        row("report-score", esc(&r.score(c)));
        let (start, end) = (idx.char_of(c.position.start), idx.char_of(c.position.end));
        let chars = esc(&r.f("report-characters", &[("start", &start), ("end", &end)]));
        let position = if r.options.with_article {
            format!("<a href=\"#span-{}\">{chars}</a>", c.id)
        } else {
            chars
        };
        row("report-position", position);
        if let Some(g) = c.group.filter(|g| *g != c.id) {
            let repeats = esc(&r.f("report-repeats-claim", &[("id", &g)]));
            row(
                "report-repeats",
                format!("<a href=\"#claim-{g}\">{repeats}</a>"),
            );
        }
        if let Some(before) = c.previous.as_deref().filter(|p| !p.trim().is_empty()) {
            row("report-previous-wording", esc(before));
        }
    }
    if !rows.is_empty() {
        let _ = write!(s, "<dl>\n{rows}</dl>\n");
    }
    if !c.note.trim().is_empty() {
        let _ = writeln!(
            s,
            "<h4>{}</h4>\n<p class=\"note\">{}</p>",
            esc(&r.t("report-note")),
            esc_lines(&c.note)
        );
    }
    if !c.evidence.is_empty() {
        let _ = writeln!(
            s,
            "<h4>{}</h4>\n<ol class=\"evidence\">",
            esc(&r.t("report-sources"))
        );
        for e in &c.evidence {
            let accessed = r.f("report-accessed", &[("date", &r.lang().date(e.accessed))]);
            let _ = write!(
                s,
                "<li>{} <span class=\"stance {}\">{}</span> <span class=\"weak\">{}",
                link(&e.url, e.display_title()),
                e.stance.label(),
                esc(&r.stance(e.stance)),
                esc(&accessed)
            );
            let copy = r.t("report-archived-copy");
            if let Some(a) = e.archive_url.as_deref().filter(|a| !a.trim().is_empty()) {
                match web_link(a) {
                    Some(_) => {
                        let _ = write!(s, " · {}", link(a, &copy));
                    }
                    None => {
                        let labelled =
                            r.f("report-label-value", &[("label", &copy), ("value", &a)]);
                        let _ = write!(s, " · {}", esc(&labelled));
                    }
                }
            }
            s.push_str("</span>");
            if web_link(&e.url).is_none() && !local_address(&e.url) {
                let _ = write!(s, " <span class=\"weak\">({})</span>", esc(&e.url));
            }
            if !e.quote.trim().is_empty() {
                let _ = write!(s, "\n<blockquote>{}</blockquote>", esc_lines(&e.quote));
            }
            s.push_str("</li>\n");
        }
        s.push_str("</ol>\n");
    }
    s.push_str("</article>\n");
}

/// The article text, block by block, with each claim's span highlighted in its verdict colour
/// and linked to its entry.
fn article(s: &mut String, r: &Report) {
    let review = r.review;
    let text = &review.article.text;
    let mut claims: Vec<&Claim> = r.claims().collect();
    claims.sort_by_key(|c| (c.position.start, c.position.end));
    let _ = writeln!(
        s,
        "<section id=\"article\" class=\"article\">\n<h2>{}</h2>",
        esc(&r.t("report-article-text"))
    );
    let whole = [crate::article::Block {
        kind: BlockKind::Paragraph,
        start: 0,
        end: text.len(),
    }];
    let blocks = if review.article.blocks.is_empty() {
        &whole[..]
    } else {
        &review.article.blocks[..]
    };
    let mut first = 0; // first claim that may still reach into the next block
    let mut anchored = std::collections::HashSet::new();
    for b in blocks {
        let (open, close) = match b.kind {
            BlockKind::Title | BlockKind::Heading => ("<h3>", "</h3>"),
            BlockKind::Paragraph => ("<p>", "</p>"),
            _ => ("<p class=\"furniture\">", "</p>"),
        };
        s.push_str(open);
        while first < claims.len() && claims[first].position.end <= b.start {
            first += 1;
        }
        let mut at = b.start;
        for c in &claims[first..] {
            if c.position.start >= b.end {
                break;
            }
            let start = c.position.start.max(at);
            let end = c.position.end.min(b.end);
            if start >= end {
                continue; // overlaps a claim already drawn
            }
            s.push_str(&esc(&text[at..start]));
            // The first piece of a claim carries its anchor.
            let id_attr = if anchored.insert(c.id) {
                format!(" id=\"span-{}\"", c.id)
            } else {
                String::new()
            };
            let verdict = r.verdict(c.verdict);
            let tip = r.f(
                "report-claim-verdict",
                &[("id", &c.id), ("verdict", &verdict)],
            );
            let _ = write!(
                s,
                "<mark class=\"{}\"{id_attr}><a href=\"#claim-{}\" title=\"{}\">{}</a></mark>",
                class(c.verdict),
                c.id,
                esc(&tip),
                esc(&text[start..end])
            );
            at = end;
        }
        s.push_str(&esc_lines(&text[at..b.end]));
        s.push_str(close);
        s.push('\n');
    }
    s.push_str("</section>\n");
}

#[cfg(test)]
mod tests {
    use crate::i18n::Lang;
    use crate::report::fixture::{fr, reviewed};
    use crate::report::{Audience, Format, Options, ReportSettings, render_with};

    #[test]
    fn html_has_claims_summary_and_highlighted_article() {
        let r = reviewed();
        let options = Options {
            with_article: true,
            lang: fr(),
            audience: Audience::Desk,
            ..Default::default()
        };
        let html = render_with(&r, Format::Html, &ReportSettings::for_review(&r), options);
        let id = r.claims[0].id;
        assert!(html.starts_with("<!DOCTYPE html>\n<html lang=\"fr\">"));
        assert!(html.contains(&format!(
            "<article class=\"claim v-disputed\" id=\"claim-{id}\">\n<h3><span class=\"badge v-disputed\">Contestée</span>Affirmation {id}</h3>"
        )), "{html}");
        assert!(html.contains("<span class=\"stance refutes\">contredit</span>"));
        assert!(html.contains(
            "<a href=\"https://www.kcna.kp/fr/article/q/1\" rel=\"noopener noreferrer nofollow\">KCNA, 20 juin</a>"
        ));
        assert_eq!(html.matches("<mark ").count(), r.claims.len());
        assert!(html.contains(&format!("id=\"span-{id}\"")));
        assert!(html.contains(&format!("title=\"Affirmation {id} — Contestée\"")));
        assert!(html.contains("<h2>Méthode</h2>"));
        assert!(html.contains("<dt>Score</dt>"));
        assert!(html.contains("<td class=\"n\">1</td>"));
        assert!(!html.contains("<script"));
        // Without the article, no highlights; for readers, no score or position; in English.
        let options = Options {
            lang: Lang::EN,
            audience: Audience::Readers,
            ..Default::default()
        };
        let plain = render_with(&r, Format::Html, &ReportSettings::default(), options);
        assert!(!plain.contains("<mark"));
        assert!(plain.starts_with("<!DOCTYPE html>\n<html lang=\"en\">"));
        assert!(plain.contains("<h2>Methodology</h2>"));
        assert!(!plain.contains("<dt>Score</dt>"), "{plain}");
        assert!(!plain.contains("<dt>Position</dt>"));
        assert!(!plain.contains("character offsets"));
    }
}
