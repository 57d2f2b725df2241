//! W3C Web Annotation JSON: each claim as an annotation on the article, with a TextQuoteSelector
//! and a TextPositionSelector (character offsets into the article text), so that other annotation
//! tools can import the review.

use super::{ReportSettings, reviewers, web_link};
use crate::review::{Review, Verdict};
use crate::text::CharIndex;
use serde_json::{Value, json};

/// What the annotations point at: the article's web address, else its file, else a name.
fn source_iri(review: &Review) -> String {
    let m = &review.article.metadata;
    if let Some(url) = m.url.as_deref().and_then(web_link) {
        return url;
    }
    if let Some(p) = &m.source_path
        && let Ok(u) = url::Url::from_file_path(p)
    {
        return u.to_string();
    }
    let name: String = url::form_urlencoded::byte_serialize(m.source_name.as_bytes()).collect();
    format!("urn:claimdesk:article:{name}")
}

pub(super) fn render(review: &Review, settings: &ReportSettings) -> String {
    let idx = CharIndex::new(&review.article.text);
    let source = source_iri(review);
    let stamp = review.created.format("%Y%m%dT%H%M%SZ");
    let creator = reviewers(review, settings)
        .into_iter()
        .next()
        .map(|name| json!({"type": "Person", "name": name}));
    let items: Vec<Value> = review
        .claims
        .iter()
        .map(|c| {
            let mut body = vec![json!({
                "type": "TextualBody",
                "purpose": "tagging",
                "value": c.kind,
            })];
            if c.verdict != Verdict::Unreviewed {
                body.push(json!({
                    "type": "TextualBody",
                    "purpose": "assessing",
                    "value": c.verdict.label(),
                }));
            }
            if !c.note.trim().is_empty() {
                body.push(json!({
                    "type": "TextualBody",
                    "purpose": "commenting",
                    "format": "text/plain",
                    "value": c.note,
                }));
            }
            for e in &c.evidence {
                if let Some(url) = web_link(&e.url) {
                    let mut link = json!({
                        "type": "SpecificResource",
                        "purpose": "linking",
                        "source": url,
                    });
                    if !e.title.trim().is_empty() {
                        link["label"] = json!(e.title.trim());
                    }
                    body.push(link);
                }
            }
            let mut a = json!({
                "@context": "http://www.w3.org/ns/anno.jsonld",
                "id": format!("urn:claimdesk:review:{stamp}:claim:{}", c.id),
                "type": "Annotation",
                "motivation": if c.verdict == Verdict::Unreviewed { "highlighting" } else { "assessing" },
                "created": review.created.to_rfc3339(),
                "modified": review.modified.to_rfc3339(),
                "body": body,
                "target": {
                    "source": source,
                    "selector": [
                        {
                            "type": "TextQuoteSelector",
                            "exact": c.quote.exact,
                            "prefix": c.quote.prefix,
                            "suffix": c.quote.suffix,
                        },
                        {
                            "type": "TextPositionSelector",
                            "start": idx.char_of(c.position.start),
                            "end": idx.char_of(c.position.end),
                        }
                    ]
                }
            });
            if let Some(who) = &creator {
                a["creator"] = who.clone();
            }
            a
        })
        .collect();
    let doc = json!({
        "@context": "http://www.w3.org/ns/anno.jsonld",
        "id": format!("urn:claimdesk:review:{stamp}"),
        "type": "AnnotationCollection",
        "label": format!("Claims in {}", review.article.display_title()),
        "total": items.len(),
        "first": {
            "type": "AnnotationPage",
            "startIndex": 0,
            "items": items,
        }
    });
    serde_json::to_string_pretty(&doc).unwrap_or_default() + "\n"
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::report::fixture::reviewed;

    #[test]
    fn selectors_find_the_claims_in_the_text() {
        let r = reviewed();
        let v: Value = serde_json::from_str(&render(&r, &ReportSettings::default())).unwrap();
        let items = v["first"]["items"].as_array().unwrap();
        assert_eq!(items.len(), r.claims.len());
        assert_eq!(v["total"], r.claims.len());
        let chars: Vec<char> = r.article.text.chars().collect();
        for (c, a) in r.claims.iter().zip(items) {
            let sel = a["target"]["selector"].as_array().unwrap();
            assert_eq!(sel[0]["type"], "TextQuoteSelector");
            assert_eq!(sel[0]["exact"], c.text());
            let s = sel[1]["start"].as_u64().unwrap() as usize;
            let e = sel[1]["end"].as_u64().unwrap() as usize;
            assert_eq!(chars[s..e].iter().collect::<String>(), c.text());
            let prefix = sel[0]["prefix"].as_str().unwrap();
            assert_eq!(
                chars[s - prefix.chars().count()..s]
                    .iter()
                    .collect::<String>(),
                prefix
            );
            assert_eq!(
                a["target"]["source"],
                "urn:claimdesk:article:poutine-kim-limousine.fr.txt"
            );
        }
        let first = &items[0];
        assert_eq!(first["motivation"], "assessing");
        assert_eq!(first["body"][1]["value"], "Disputed");
        assert_eq!(first["body"][2]["value"], "KCNA images only");
        assert_eq!(
            first["body"][3]["source"],
            "https://www.kcna.kp/fr/article/q/1"
        );
        assert_eq!(items[1]["motivation"], "highlighting");
    }
}
