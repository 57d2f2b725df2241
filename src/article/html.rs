//! HTML → blocks and metadata, through dom_smoothie's readability (main content only).

use super::clean::RawBlock;
use super::{BlockKind, Metadata};

pub(super) fn blocks(html: &str) -> (Vec<RawBlock>, Metadata) {
    let cfg = dom_smoothie::Config {
        text_mode: dom_smoothie::TextMode::Formatted,
        ..Default::default()
    };
    let mut meta = Metadata::default();
    let mut out = Vec::new();
    let parsed = dom_smoothie::Readability::new(html, None, Some(cfg)).and_then(|mut r| r.parse());
    match parsed {
        Ok(a) => {
            let title = a.title.trim().to_string();
            if !title.is_empty() {
                out.push(RawBlock {
                    text: title.clone(),
                    hint: Some(BlockKind::Title),
                });
                meta.title = Some(title);
            }
            meta.byline = a.byline.filter(|s| !s.trim().is_empty());
            meta.published = a.published_time;
            meta.site_name = a.site_name;
            meta.url = a.url;
            meta.language = a
                .lang
                .map(|l| l.split(['-', '_']).next().unwrap_or("").to_lowercase());
            out.extend(super::clean::text_blocks(&a.text_content));
        }
        Err(_) => {
            // Not an article page readability recognises: fall back to all of the body's text.
            let doc = dom_query::Document::from(html);
            let body = doc.select("body");
            let text = body.formatted_text();
            out.extend(super::clean::text_blocks(&text));
        }
    }
    (out, meta)
}
