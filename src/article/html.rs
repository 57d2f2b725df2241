//! HTML → blocks and metadata, through dom_smoothie's readability (main content only). The
//! cleaned content is walked block by block (paragraphs, headings, list items, captions), so a
//! photo caption never runs into the paragraph after it.

use super::clean::{RawBlock, text_blocks};
use super::{BlockKind, Metadata};
use crate::text::squash_whitespace;

const BLOCK_TAGS: &[&str] = &[
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "p",
    "li",
    "blockquote",
    "figcaption",
    "pre",
    "dt",
    "dd",
    "td",
    "th",
];

/// Deeper nesting than this is not a real page: it is read as plain text, in linear time
/// (the DOM-based extraction walks ancestors and would take quadratic time).
const MAX_DEPTH: usize = 512;

/// The deepest element nesting in the page, counted from its tags (an estimate that never
/// under-counts unclosed tags).
fn nesting_depth(html: &str) -> usize {
    const VOID: &[&str] = &[
        "area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source",
        "track", "wbr",
    ];
    let b = html.as_bytes();
    let (mut depth, mut max) = (0usize, 0usize);
    let mut i = 0;
    while let Some(off) = html[i..].find('<') {
        i += off + 1;
        match b.get(i) {
            Some(b'/') => depth = depth.saturating_sub(1),
            Some(c) if c.is_ascii_alphabetic() => {
                let name_end = html[i..]
                    .find(|c: char| !c.is_ascii_alphanumeric())
                    .map_or(html.len(), |e| i + e);
                let name = html[i..name_end].to_ascii_lowercase();
                let tag_end = html[i..].find('>').map_or(html.len(), |e| i + e);
                if !VOID.contains(&name.as_str()) && !html[..tag_end].ends_with('/') {
                    depth += 1;
                    max = max.max(depth);
                }
            }
            _ => {}
        }
    }
    max
}

/// The page's text with its tags removed, in one pass: scripts and styles dropped, block
/// elements as paragraph breaks, common entities decoded.
fn strip_tags(html: &str) -> String {
    // Containers break paragraphs too, besides the block elements the DOM walk reads.
    const CONTAINERS: &[&str] = &[
        "div", "br", "tr", "section", "article", "header", "footer", "ul", "ol", "table",
    ];
    let lower = html.to_ascii_lowercase();
    let mut out = String::with_capacity(html.len() / 2);
    let mut i = 0;
    while i < html.len() {
        let Some(off) = html[i..].find('<') else {
            out.push_str(&html[i..]);
            break;
        };
        out.push_str(&html[i..i + off]);
        i += off;
        let tag_end = html[i..].find('>').map_or(html.len(), |e| i + e + 1);
        let name: String = lower[i + 1..tag_end]
            .trim_start_matches('/')
            .chars()
            .take_while(|c| c.is_ascii_alphanumeric())
            .collect();
        if (name == "script" || name == "style") && !lower[i + 1..].starts_with('/') {
            let close = format!("</{name}");
            i = lower[tag_end..]
                .find(&close)
                .map_or(html.len(), |e| tag_end + e);
            continue;
        }
        if BLOCK_TAGS.contains(&name.as_str()) || CONTAINERS.contains(&name.as_str()) {
            out.push_str("\n\n");
        }
        i = tag_end;
    }
    out.replace("&nbsp;", " ")
        .replace("&lt;", "<")
        .replace("&gt;", ">")
        .replace("&quot;", "\"")
        .replace("&#39;", "'")
        .replace("&amp;", "&")
}

pub(super) fn blocks(html: &str) -> (Vec<RawBlock>, Metadata) {
    if nesting_depth(html) > MAX_DEPTH {
        return (text_blocks(&strip_tags(html)), Metadata::default());
    }
    let cfg = dom_smoothie::Config {
        text_mode: dom_smoothie::TextMode::Formatted,
        // Class names say what a block is ("caption", "related-links") where the tags do not.
        keep_classes: true,
        ..Default::default()
    };
    let mut meta = Metadata::default();
    let mut out = Vec::new();
    let parsed = dom_smoothie::Readability::new(html, None, Some(cfg)).and_then(|mut r| r.parse());
    match parsed {
        Ok(a) => {
            let title = squash_whitespace(&a.title);
            if !title.is_empty() {
                out.push(RawBlock::new(title.clone(), Some(BlockKind::Title)));
                meta.title = Some(title);
            }
            meta.byline = a.byline.filter(|s| !s.trim().is_empty());
            meta.published = a.published_time;
            meta.site_name = a.site_name;
            meta.url = a.url;
            meta.language = a
                .lang
                .map(|l| l.split(['-', '_']).next().unwrap_or("").to_lowercase());
            let walked = content_blocks(&a.content);
            // Text outside any block element (bare text in divs) would be lost by the walk: then
            // the formatted text is the better source.
            let walked_len: usize = walked.iter().map(|b| b.text.len()).sum();
            let plain_len = squash_whitespace(&a.text_content).len();
            if walked_len * 10 >= plain_len * 8 {
                out.extend(walked);
            } else {
                out.extend(text_blocks(&a.text_content));
            }
        }
        Err(_) => {
            // Not an article page readability recognises: fall back to all of the body's text.
            let doc = dom_query::Document::from(html);
            out.extend(text_blocks(&doc.select("body").formatted_text()));
        }
    }
    (out, meta)
}

/// The leaf block elements of the cleaned content, in document order, with their kind.
fn content_blocks(content: &str) -> Vec<RawBlock> {
    let doc = dom_query::Document::from(content);
    let is_block =
        |n: &dom_query::NodeRef| n.is_element() && BLOCK_TAGS.iter().any(|t| n.has_name(t));
    let mut out = Vec::new();
    for node in doc.select(&BLOCK_TAGS.join(", ")).nodes() {
        if node.descendants_it().any(|d| is_block(&d)) {
            continue; // its inner blocks come on their own
        }
        let text = squash_whitespace(&node.text());
        if text.is_empty() {
            continue;
        }
        let hint = if ["h1", "h2", "h3", "h4", "h5", "h6"]
            .iter()
            .any(|h| node.has_name(h))
        {
            BlockKind::Heading
        } else if node.has_name("figcaption") {
            BlockKind::Caption
        } else {
            BlockKind::Paragraph
        };
        // Share of the block's text that is link text: lists of other articles are mostly links.
        let link_chars: usize = node
            .descendants_it()
            .filter(|d| d.is_element() && d.has_name("a"))
            .map(|a| a.text().chars().count())
            .sum();
        let chars = text.chars().count();
        let words = text.split_whitespace().count();
        // What the page's own class names say about the block and its near containers.
        let classes: String = std::iter::once(*node)
            .chain(node.ancestors_it(Some(3)))
            .filter_map(|n| n.attr("class"))
            .map(|c| c.to_lowercase())
            .collect::<Vec<_>>()
            .join(" ");
        let class_has = |names: &[&str]| names.iter().any(|n| classes.contains(n));
        // Only short blocks: a class on a big container must not turn a whole article into
        // captions or furniture.
        let hint = if hint == BlockKind::Paragraph
            && words <= 60
            && class_has(&["caption", "credit", "legende", "légende"])
        {
            BlockKind::Caption
        } else {
            hint
        };
        let furniture_class = words <= 30
            && class_has(&[
                "related",
                "newsletter",
                "promo",
                "share",
                "social",
                "subscribe",
                "advert",
                "sponsor",
                "author-bio",
                "bio-",
                "recommend",
            ]);
        let mut block = RawBlock::new(text, Some(hint));
        block.link_heavy =
            (link_chars * 10 >= chars * 7 && words <= 30 && hint != BlockKind::Caption)
                || furniture_class;
        out.push(block);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn deep_nesting_is_read_as_text_in_linear_time() {
        let deep = format!(
            "<html><body>{}<p>Le budget a doublé en 2024, selon le maire.</p>{}</body></html>",
            "<div>".repeat(100_000),
            "</div>".repeat(100_000)
        );
        assert!(nesting_depth(&deep) > MAX_DEPTH);
        let (raw, _) = blocks(&deep);
        assert_eq!(raw.len(), 1);
        assert_eq!(raw[0].text, "Le budget a doublé en 2024, selon le maire.");
        let normal = "<html><head><style>p{}</style></head><body><article><p>Un &amp; deux<br>trois</p><img src=x></article></body></html>";
        assert!(nesting_depth(normal) < 10);
        assert_eq!(
            strip_tags(normal).split_whitespace().collect::<Vec<_>>(),
            ["Un", "&", "deux", "trois"]
        );
    }
}
