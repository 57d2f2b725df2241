//! schema.org ClaimReview JSON-LD: one ClaimReview per reviewed claim, the markup that search
//! engines and fact-check aggregators read.
//!
//! The rating: `alternateName` is the verdict's name from the settings (the newsroom's, else the
//! report language's); when the settings give
//! the verdict a number, `ratingValue` with `bestRating`/`worstRating` (by default Verified 3,
//! Unsourced 2, Disputed 1, on a scale from 1 to 3).

use super::{Report, web_link};
use crate::review::{Claim, Verdict};
use serde_json::{Map, Value, json};

/// The longest `claimReviewed` text, in characters.
pub const CLAIM_REVIEWED_MAX_CHARS: usize = 75;

/// The claim as `claimReviewed` shows it: whitespace squashed, at most 75 characters, cut at a
/// word boundary with an ellipsis when longer. The bool says whether it was shortened.
pub fn claim_reviewed(text: &str) -> (String, bool) {
    let text = crate::text::squash_whitespace(text);
    if text.chars().count() <= CLAIM_REVIEWED_MAX_CHARS {
        return (text, false);
    }
    // Room for the ellipsis.
    let cut: String = text.chars().take(CLAIM_REVIEWED_MAX_CHARS - 1).collect();
    let at_word = match cut.rfind(' ') {
        // Cut at the last space unless that throws away more than a third of the text.
        Some(i) if cut[..i].chars().count() >= CLAIM_REVIEWED_MAX_CHARS * 2 / 3 => &cut[..i],
        _ => cut.as_str(),
    };
    let trimmed = at_word.trim_end_matches(|c: char| {
        c.is_whitespace() || matches!(c, ',' | ';' | ':' | '.' | '-' | '–' | '—' | '«' | '(')
    });
    (format!("{trimmed}…"), true)
}

/// The ClaimReview objects of the reviewed claims.
pub(super) fn reviews(r: &Report) -> Vec<Value> {
    r.review
        .claims
        .iter()
        .filter(|c| c.verdict != Verdict::Unreviewed)
        .map(|c| one(r, c))
        .collect()
}

fn non_empty(s: &str) -> Option<String> {
    let s = crate::text::squash_whitespace(s);
    (!s.is_empty()).then_some(s)
}

fn one(r: &Report, c: &Claim) -> Value {
    let (review, settings) = (r.review, r.settings);
    let m = &review.article.metadata;
    let mut cr = Map::new();
    cr.insert("@context".into(), json!("https://schema.org"));
    cr.insert("@type".into(), json!("ClaimReview"));
    if let Some(url) = web_link(&settings.report_url) {
        cr.insert("url".into(), json!(format!("{url}#claim-{}", c.id)));
    }
    cr.insert("claimReviewed".into(), json!(claim_reviewed(c.text()).0));
    cr.insert(
        "datePublished".into(),
        json!(review.modified.format("%Y-%m-%d").to_string()),
    );
    let mut author = Map::new();
    author.insert("@type".into(), json!("Organization"));
    if let Some(name) = non_empty(&settings.organisation) {
        author.insert("name".into(), json!(name));
    }
    if let Some(url) = web_link(&settings.organisation_url) {
        author.insert("url".into(), json!(url));
    }
    cr.insert("author".into(), Value::Object(author));

    let mut rating = Map::new();
    rating.insert("@type".into(), json!("Rating"));
    if let Some(given) = settings.ratings.of(c.verdict) {
        if let Some(v) = given.value {
            rating.insert("ratingValue".into(), json!(v));
            rating.insert("bestRating".into(), json!(settings.ratings.best));
            rating.insert("worstRating".into(), json!(settings.ratings.worst));
        }
        // The newsroom's name for the verdict, else the report language's.
        rating.insert("alternateName".into(), json!(r.verdict(c.verdict)));
    }
    cr.insert("reviewRating".into(), Value::Object(rating));

    let mut item = Map::new();
    item.insert("@type".into(), json!("Claim"));
    if let Some(who) = c.claimant.as_deref().and_then(non_empty) {
        item.insert("author".into(), json!({"@type": "Person", "name": who}));
    }
    if let Some(date) = m.published.as_deref().and_then(non_empty) {
        item.insert("datePublished".into(), json!(date));
    }
    let mut appearance = Map::new();
    appearance.insert("@type".into(), json!("CreativeWork"));
    if let Some(url) = m.url.as_deref().and_then(web_link) {
        appearance.insert("url".into(), json!(url));
    }
    appearance.insert(
        "headline".into(),
        json!(crate::text::squash_whitespace(&r.title())),
    );
    if let Some(site) = m.site_name.as_deref().and_then(non_empty) {
        appearance.insert(
            "publisher".into(),
            json!({"@type": "Organization", "name": site}),
        );
    }
    item.insert("appearance".into(), Value::Object(appearance));
    cr.insert("itemReviewed".into(), Value::Object(item));
    Value::Object(cr)
}

/// The JSON-LD document: an array of ClaimReview objects.
pub(super) fn render(r: &Report) -> String {
    serde_json::to_string_pretty(&Value::Array(reviews(r))).unwrap_or_default() + "\n"
}

/// A small standalone HTML page carrying the markup, with the verdicts listed for readers.
pub(super) fn page(r: &Report) -> String {
    use super::html::{CSP_META, esc};
    use std::fmt::Write;
    let review = r.review;
    let items = reviews(r);
    // Inside <script>, "</script>" or "<!--" in the data must not end the element: JSON allows
    // "<" to be written as \u003c.
    let data = serde_json::to_string_pretty(&Value::Array(items.clone()))
        .unwrap_or_default()
        .replace('<', "\\u003c")
        .replace('>', "\\u003e")
        .replace('&', "\\u0026");
    let title = esc(&r.f("report-claimreview-title", &[("title", &r.title())]));
    let mut s = String::new();
    let _ = write!(
        s,
        "<!DOCTYPE html>\n<html lang=\"{}\">\n<head>\n<meta charset=\"utf-8\">\n\
         {CSP_META}\n\
         <meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n\
         <title>{title}</title>\n\
         <script type=\"application/ld+json\">\n{data}\n</script>\n\
         <style>body{{font:16px/1.5 system-ui,sans-serif;max-width:46rem;margin:2rem auto;padding:0 1rem}}\
         li{{margin:.6rem 0}}b{{white-space:nowrap}}</style>\n</head>\n<body>\n\
         <h1>{title}</h1>\n<ol>\n",
        r.lang().code()
    );
    for (c, v) in review
        .claims
        .iter()
        .filter(|c| c.verdict != Verdict::Unreviewed)
        .zip(&items)
    {
        let label = v["reviewRating"]["alternateName"].as_str().unwrap_or("");
        let _ = writeln!(
            s,
            "<li id=\"claim-{}\"><b>{}</b> — {}</li>",
            c.id,
            esc(label),
            esc(c.text())
        );
    }
    s.push_str("</ol>\n</body>\n</html>\n");
    s
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::report::fixture::{fr, reviewed};
    use crate::report::{Format, Options, ReportSettings, render_with};

    #[test]
    fn claim_reviewed_is_shortened_at_a_word_with_an_ellipsis() {
        let (short, cut) = claim_reviewed("Le PIB a augmenté de 2 %.");
        assert_eq!((short.as_str(), cut), ("Le PIB a augmenté de 2 %.", false));
        let long = "Le président russe Vladimir Poutine et le dirigeant nord-coréen Kim Jong Un ont été vus en train de rire";
        let (short, cut) = claim_reviewed(long);
        assert!(cut);
        assert!(short.chars().count() <= CLAIM_REVIEWED_MAX_CHARS, "{short}");
        assert!(short.ends_with("Kim Jong…"), "{short}");
        let exact: String = "é".repeat(75);
        assert_eq!(claim_reviewed(&exact), (exact.clone(), false));
        let no_space: String = "x".repeat(200);
        assert_eq!(claim_reviewed(&no_space).0.chars().count(), 75);
    }

    fn fr_options() -> Options {
        Options {
            lang: fr(),
            ..Default::default()
        }
    }

    #[test]
    fn one_review_per_reviewed_claim_with_rating_and_appearance() {
        let r = reviewed();
        let mut s = ReportSettings::for_review(&r);
        s.organisation = "Les Vérificateurs".into();
        s.organisation_url = "https://verif.example.org/".into();
        s.report_url = "https://verif.example.org/2024/limousine".into();
        let jsonld = |s: &ReportSettings| {
            serde_json::from_str::<Value>(&render_with(&r, Format::ClaimReview, s, fr_options()))
                .unwrap()
        };
        let v = jsonld(&s);
        let arr = v.as_array().unwrap();
        assert_eq!(arr.len(), 1);
        let cr = &arr[0];
        let id = r.claims[0].id;
        assert_eq!(cr["@type"], "ClaimReview");
        assert_eq!(
            cr["url"],
            format!("https://verif.example.org/2024/limousine#claim-{id}")
        );
        assert_eq!(cr["reviewRating"]["alternateName"], "Contestée");
        assert_eq!(cr["reviewRating"]["ratingValue"], 1);
        assert_eq!(cr["reviewRating"]["bestRating"], 3);
        assert_eq!(cr["author"]["name"], "Les Vérificateurs");
        assert_eq!(cr["datePublished"], "2024-06-21");
        assert_eq!(
            cr["itemReviewed"]["appearance"]["headline"],
            "Vladimir Poutine et Kim Jong Un riaient dans une limousine russe"
        );
        // Without numbers in the settings, only the label.
        s.ratings.disputed.value = None;
        let v = jsonld(&s);
        assert!(v[0]["reviewRating"].get("ratingValue").is_none());
        assert_eq!(v[0]["reviewRating"]["alternateName"], "Contestée");
        // The newsroom's name, whatever the language; the defaults follow the language.
        s.ratings.disputed.label = "Faux".into();
        assert_eq!(jsonld(&s)[0]["reviewRating"]["alternateName"], "Faux");
        let en = render_with(
            &r,
            Format::ClaimReview,
            &ReportSettings::for_review(&r),
            Options::default(),
        );
        assert!(en.contains("\"alternateName\": \"Disputed\""), "{en}");
    }

    #[test]
    fn the_page_cannot_be_broken_out_of() {
        let mut r = reviewed();
        r.claims[0].quote.exact = "</script><script>alert(1)</script>".into();
        let page = render_with(
            &r,
            Format::ClaimReviewPage,
            &ReportSettings::default(),
            Options::default(),
        );
        assert_eq!(page.matches("<script").count(), 1, "{page}");
        assert_eq!(page.matches("</script>").count(), 1);
        let start = page.find("<script type=\"application/ld+json\">").unwrap() + 35;
        let end = page.find("</script>").unwrap();
        let v: Value = serde_json::from_str(&page[start..end]).unwrap();
        assert_eq!(v[0]["claimReviewed"], "</script><script>alert(1)</script>");
    }

    #[test]
    fn the_page_has_the_html_reports_content_security_policy() {
        let r = reviewed();
        let published = render_with(
            &r,
            Format::ClaimReviewPage,
            &ReportSettings::default(),
            fr_options(),
        );
        let html = super::super::render(&r, super::super::Format::Html);
        let csp = "<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; style-src 'unsafe-inline'\">";
        assert_eq!(super::super::html::CSP_META, csp);
        assert_eq!(published.matches(csp).count(), 1, "{published}");
        assert_eq!(html.matches(csp).count(), 1);
        // In the head, before anything the policy governs.
        let at = published.find(csp).unwrap();
        assert!(at < published.find("<script").unwrap(), "{published}");
        assert!(at < published.find("<style").unwrap());
        // The page is in the report's language.
        assert!(published.starts_with("<!DOCTYPE html>\n<html lang=\"fr\">"));
        assert!(published.contains("<h1>Vérification\u{a0}: Vladimir Poutine"));
        let en = render_with(
            &r,
            Format::ClaimReviewPage,
            &ReportSettings::default(),
            Options::default(),
        );
        assert!(en.starts_with("<!DOCTYPE html>\n<html lang=\"en\">"));
        assert!(en.contains("<h1>Fact-check: Vladimir Poutine"));
    }
}
