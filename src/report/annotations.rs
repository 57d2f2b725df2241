//! W3C Web Annotation JSON: each claim as an annotation on the article, with a TextQuoteSelector
//! and a TextPositionSelector (character offsets into the article text), so that other annotation
//! tools can import the review.

use super::{Report, reviewers, web_link};
use crate::review::Verdict;
use crate::text::CharIndex;
use serde_json::{Value, json};

/// What the annotations point at: the article's web address, else a name made of its file
/// name (never a `file:` address: a report does not tell where the reviewer keeps files).
fn source_iri(r: &Report) -> String {
    let m = &r.review.article.metadata;
    if let Some(url) = m.url.as_deref().and_then(web_link) {
        return url;
    }
    let name: String =
        url::form_urlencoded::byte_serialize(super::file_name(r.review).as_bytes()).collect();
    format!("urn:claimdesk:article:{name}")
}

/// The annotations of every claim. Bodies meant for people (the claim type as a tag, the
/// verdict, the note) are in the report's language; for readers, the claim type and the
/// TextPositionSelector are left out (the TextQuoteSelector finds the claim).
pub(super) fn render(r: &Report) -> String {
    let review = r.review;
    let desk = r.for_desk();
    let idx = CharIndex::new(&review.article.text);
    let source = source_iri(r);
    let stamp = review.created.format("%Y%m%dT%H%M%SZ");
    let creator = reviewers(review, r.settings)
        .into_iter()
        .next()
        .map(|name| json!({"type": "Person", "name": name}));
    let items: Vec<Value> = r
        .claims()
        .map(|c| {
            let mut body = Vec::new();
            if desk {
                body.push(json!({
                    "type": "TextualBody",
                    "purpose": "tagging",
                    "value": r.kind(&c.kind),
                }));
            }
            if c.verdict != Verdict::Unreviewed {
                body.push(json!({
                    "type": "TextualBody",
                    "purpose": "assessing",
                    "value": r.verdict(c.verdict),
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
            let mut selector = vec![json!({
                "type": "TextQuoteSelector",
                "exact": c.quote.exact,
                "prefix": c.quote.prefix,
                "suffix": c.quote.suffix,
            })];
            if desk {
                selector.push(json!({
                    "type": "TextPositionSelector",
                    "start": idx.char_of(c.position.start),
                    "end": idx.char_of(c.position.end),
                }));
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
                    "selector": selector,
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
        "label": r.f("report-annotations-label", &[("title", &r.title())]),
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
    use crate::i18n::Lang;
    use crate::report::fixture::{fr, render_in, reviewed};
    use crate::report::{Audience, Format};

    #[test]
    fn selectors_find_the_claims_in_the_text() {
        let r = reviewed();
        let v: Value = serde_json::from_str(&render_in(
            &r,
            Format::Annotations,
            Lang::EN,
            Audience::Desk,
        ))
        .unwrap();
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
        assert_eq!(first["body"][0]["value"], "quantity");
        assert_eq!(first["body"][1]["value"], "Disputed");
        assert_eq!(first["body"][2]["value"], "KCNA images only");
        assert_eq!(
            first["body"][3]["source"],
            "https://www.kcna.kp/fr/article/q/1"
        );
        assert_eq!(items[1]["motivation"], "highlighting");
        assert_eq!(
            v["label"],
            "Claims in Vladimir Poutine et Kim Jong Un riaient dans une limousine russe"
        );

        // In French for readers: the verdict in French, no type tag, no position selector.
        let v: Value =
            serde_json::from_str(&render_in(&r, Format::Annotations, fr(), Audience::Readers))
                .unwrap();
        let first = &v["first"]["items"][0];
        assert_eq!(first["body"][0]["value"], "Contestée");
        assert_eq!(first["body"][1]["value"], "KCNA images only");
        assert_eq!(first["target"]["selector"].as_array().unwrap().len(), 1);
        assert!(
            v["label"]
                .as_str()
                .unwrap()
                .starts_with("Affirmations de «\u{a0}Vladimir")
        );
    }

    #[test]
    fn the_source_is_never_a_file_address() {
        let mut r = reviewed();
        r.article.metadata.source_path = Some("/home/someone/secret/article.txt".into());
        let out = render_in(&r, Format::Annotations, Lang::EN, Audience::Desk);
        assert!(out.contains("\"source\": \"urn:claimdesk:article:article.txt\""));
        assert!(!out.contains("file:"));
    }
}
