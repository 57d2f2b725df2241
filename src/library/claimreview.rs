//! Published fact-checks as schema.org ClaimReview JSON-LD, read into library entries: one
//! object, an array of them, an `@graph`, the `<script type="application/ld+json">` blocks of a
//! web page, or one object per line. Each item that is not a usable ClaimReview is rejected with
//! its reason; the others are read.

use super::Entry;
use serde_json::Value;
use sha2::{Digest, Sha256};

/// Import files larger than this are refused (the CheckThat! archive of 14,000 fact-checks is
/// 5 MB).
pub const MAX_IMPORT_BYTES: u64 = 512 * 1024 * 1024;

/// Every item of `text`, read (`Ok`) or rejected with where it was and why (`Err`).
pub fn parse(text: &str, origin: &str) -> Vec<Result<Entry, (String, String)>> {
    let mut out = Vec::new();
    for_each(text, origin, &mut |item| out.push(item));
    out
}

/// `parse`, each item handed to `out` as soon as it is read.
pub fn for_each(text: &str, origin: &str, out: &mut dyn FnMut(Result<Entry, (String, String)>)) {
    let trimmed = text.trim_start_matches('\u{feff}').trim_start();
    if trimmed.starts_with('<') {
        let blocks = ld_json_blocks(trimmed);
        if blocks.is_empty() {
            out(Err((
                origin.to_string(),
                "the page has no <script type=\"application/ld+json\"> block".into(),
            )));
        }
        for (n, block) in blocks.iter().enumerate() {
            let at = format!("{origin} (JSON-LD block {})", n + 1);
            match serde_json::from_str::<Value>(block) {
                Ok(v) => items(&v, &at, origin, out, true),
                Err(e) => out(Err((at, format!("not valid JSON: {e}")))),
            }
        }
        return;
    }
    match serde_json::from_str::<Value>(trimmed) {
        Ok(v) => items(&v, origin, origin, out, false),
        Err(_) => {
            // One object per line.
            for (n, line) in trimmed.lines().enumerate() {
                if line.trim().is_empty() {
                    continue;
                }
                let at = format!("{origin}:{}", n + 1);
                match serde_json::from_str::<Value>(line) {
                    Ok(v) => items(&v, &at, origin, out, false),
                    Err(e) => out(Err((at, format!("not valid JSON: {e}")))),
                }
            }
        }
    }
}

/// The text of each `<script type="application/ld+json">` element of a page.
fn ld_json_blocks(html: &str) -> Vec<&str> {
    let lower = html.to_ascii_lowercase();
    let mut out = Vec::new();
    let mut from = 0;
    while let Some(at) = lower[from..].find("<script") {
        let start = from + at;
        let Some(tag_end) = lower[start..].find('>').map(|e| start + e + 1) else {
            break;
        };
        let Some(close) = lower[tag_end..].find("</script").map(|e| tag_end + e) else {
            break;
        };
        if lower[start..tag_end].contains("application/ld+json") {
            out.push(&html[tag_end..close]);
        }
        from = close + 1;
    }
    out
}

fn is_type(v: &Value, name: &str) -> bool {
    match v.get("@type") {
        Some(Value::String(t)) => t == name || t.ends_with(&format!("/{name}")),
        Some(Value::Array(ts)) => ts.iter().any(|t| t.as_str() == Some(name)),
        _ => false,
    }
}

/// The ClaimReviews in `v`: itself, the items of an array, or of an `@graph`. With `quiet`
/// (a web page's blocks), objects of other types are passed over, not rejected.
fn items(
    v: &Value,
    at: &str,
    origin: &str,
    out: &mut dyn FnMut(Result<Entry, (String, String)>),
    quiet: bool,
) {
    match v {
        Value::Array(list) => {
            for (i, item) in list.iter().enumerate() {
                items(item, &format!("{at} [item {}]", i + 1), origin, out, quiet);
            }
        }
        Value::Object(o) if o.contains_key("@graph") => {
            items(&o["@graph"], at, origin, out, true);
        }
        Value::Object(_) if is_type(v, "ClaimReview") => {
            out(entry(v, origin).map_err(|why| (at.to_string(), why)))
        }
        Value::Object(_) if quiet => {}
        Value::Object(_) => out(Err((
            at.to_string(),
            format!(
                "not a ClaimReview (@type is {})",
                v.get("@type")
                    .map_or("missing".to_string(), |t| t.to_string())
            ),
        ))),
        _ => out(Err((at.to_string(), "not a JSON object".into()))),
    }
}

fn text(v: Option<&Value>) -> Option<String> {
    match v? {
        Value::String(s) => Some(crate::text::squash_whitespace(s)).filter(|s| !s.is_empty()),
        Value::Number(n) => Some(n.to_string()),
        Value::Object(o) => text(o.get("name")),
        Value::Array(a) => a.iter().find_map(|x| text(Some(x))),
        _ => None,
    }
}

/// A date as given, cut to its day when it starts with one (2024-03-12T…).
fn date(v: Option<&Value>) -> Option<String> {
    let d = text(v)?;
    let day = d
        .get(..10)
        .filter(|s| chrono::NaiveDate::parse_from_str(s, "%Y-%m-%d").is_ok());
    Some(day.map_or(d.clone(), str::to_string))
}

fn entry(v: &Value, origin: &str) -> Result<Entry, String> {
    let claim = text(v.get("claimReviewed")).ok_or("no claimReviewed (the claim's text)")?;
    let url = text(v.get("url"));
    let rating_obj = v.get("reviewRating");
    let rating = rating_obj
        .and_then(|r| text(r.get("alternateName")).or_else(|| text(r.get("name"))))
        .or_else(|| {
            let r = rating_obj?;
            let value = text(r.get("ratingValue"))?;
            let best = text(r.get("bestRating"));
            Some(match best {
                Some(b) => format!("{value}/{b}"),
                None => value,
            })
        })
        .unwrap_or_default();
    let item = v.get("itemReviewed");
    let claimant = item.and_then(|i| text(i.get("author")));
    let key = match &url {
        Some(u) => {
            let mut h = Sha256::new();
            h.update(claim.as_bytes());
            let short: String = h
                .finalize()
                .iter()
                .take(6)
                .map(|b| format!("{b:02x}"))
                .collect();
            format!("{u}#{short}")
        }
        None => {
            let mut h = Sha256::new();
            h.update(claim.as_bytes());
            h.update(text(v.get("author")).unwrap_or_default().as_bytes());
            let short: String = h
                .finalize()
                .iter()
                .take(12)
                .map(|b| format!("{b:02x}"))
                .collect();
            format!("claimreview:{short}")
        }
    };
    let published = date(v.get("datePublished"));
    Ok(Entry {
        key,
        claim,
        language: text(v.get("inLanguage"))
            .map(|l| l.chars().take(2).collect::<String>().to_lowercase()),
        verdict: None,
        rating,
        note: text(v.get("description")).unwrap_or_default(),
        evidence: Vec::new(),
        claimant,
        title: text(v.get("name")).or_else(|| text(v.get("headline"))),
        url,
        date: published.clone(),
        reviewer: text(v.get("author")),
        reviewed_at: published,
        origin: origin.to_string(),
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    const ONE: &str = r#"{"@context":"https://schema.org","@type":"ClaimReview",
        "url":"https://example.org/fc/1","claimReviewed":"The moon is made of cheese.",
        "name":"Is the moon cheese?","author":{"@type":"Organization","name":"Desk"},
        "datePublished":"2024-03-12T10:00:00Z",
        "reviewRating":{"@type":"Rating","alternateName":"False","ratingValue":1},
        "itemReviewed":{"@type":"Claim","author":{"@type":"Person","name":"A. Person"}}}"#;

    #[test]
    fn one_object_with_its_fields() {
        let got = parse(ONE, "one.json");
        assert_eq!(got.len(), 1);
        let e = got[0].as_ref().unwrap();
        assert_eq!(e.claim, "The moon is made of cheese.");
        assert_eq!(e.rating, "False");
        assert_eq!(e.claimant.as_deref(), Some("A. Person"));
        assert_eq!(e.title.as_deref(), Some("Is the moon cheese?"));
        assert_eq!(e.date.as_deref(), Some("2024-03-12"));
        assert_eq!(e.reviewer.as_deref(), Some("Desk"));
        assert!(e.key.starts_with("https://example.org/fc/1#"));
    }

    #[test]
    fn arrays_graphs_pages_and_lines_with_bad_items_rejected() {
        let array = format!("[{ONE}, {{\"@type\":\"ClaimReview\"}}, 3]");
        let got = parse(&array, "a.json");
        assert_eq!(got.iter().filter(|r| r.is_ok()).count(), 1);
        let why: Vec<&String> = got
            .iter()
            .filter_map(|r| r.as_ref().err())
            .map(|e| &e.1)
            .collect();
        assert!(why[0].contains("claimReviewed"), "{why:?}");
        assert!(why[1].contains("not a JSON object"), "{why:?}");

        let graph = format!(
            "{{\"@context\":\"https://schema.org\",\"@graph\":[{{\"@type\":\"WebPage\"}},{ONE}]}}"
        );
        assert_eq!(
            parse(&graph, "g.json").iter().filter(|r| r.is_ok()).count(),
            1
        );

        let page = format!(
            "<html><head><script type=\"application/ld+json\">{ONE}</script>\
             <SCRIPT TYPE='application/ld+json'>{{\"@type\":\"Organization\"}}</SCRIPT></head></html>"
        );
        let got = parse(&page, "p.html");
        assert_eq!(got.len(), 1, "{got:?}");
        assert!(got[0].is_ok());

        let lines = format!(
            "{}\n{{broken\n{}\n",
            ONE.replace('\n', " "),
            ONE.replace('\n', " ").replace("cheese.", "rock.")
        );
        let got = parse(&lines, "l.jsonl");
        assert_eq!(got.iter().filter(|r| r.is_ok()).count(), 2);
        let bad: Vec<_> = got.iter().filter_map(|r| r.as_ref().err()).collect();
        assert_eq!(bad.len(), 1);
        assert_eq!(bad[0].0, "l.jsonl:2");
    }
}
