//! Markdown → blocks: headings, paragraphs, list items and quotes, without the markup. Raw HTML
//! is the author's text and stays, as written: inline in its paragraph, and a block of it as a
//! paragraph of its own.

use super::BlockKind;
use super::clean::RawBlock;
use pulldown_cmark::{Event, Parser, Tag, TagEnd};

pub(super) fn blocks(text: &str) -> Vec<RawBlock> {
    let mut out = Vec::new();
    let mut current = String::new();
    let mut kind = BlockKind::Paragraph;
    let mut seen_title = false;
    let flush = |out: &mut Vec<RawBlock>, current: &mut String, kind: BlockKind| {
        let t = current.trim();
        if !t.is_empty() {
            out.push(RawBlock::new(t.to_string(), Some(kind)));
        }
        current.clear();
    };
    for ev in Parser::new(text) {
        match ev {
            Event::Start(Tag::Heading { level, .. }) => {
                flush(&mut out, &mut current, kind);
                kind = if level == pulldown_cmark::HeadingLevel::H1 && !seen_title && out.is_empty()
                {
                    seen_title = true;
                    BlockKind::Title
                } else {
                    BlockKind::Heading
                };
            }
            Event::Start(Tag::Paragraph | Tag::Item | Tag::CodeBlock(_) | Tag::HtmlBlock) => {
                flush(&mut out, &mut current, kind);
                kind = BlockKind::Paragraph;
            }
            Event::End(
                TagEnd::Heading(_)
                | TagEnd::Paragraph
                | TagEnd::Item
                | TagEnd::CodeBlock
                | TagEnd::HtmlBlock,
            ) => {
                flush(&mut out, &mut current, kind);
                kind = BlockKind::Paragraph;
            }
            Event::Text(t) | Event::Code(t) | Event::Html(t) | Event::InlineHtml(t) => {
                current.push_str(&t)
            }
            Event::SoftBreak => current.push(' '),
            Event::HardBreak => current.push('\n'),
            _ => {}
        }
    }
    flush(&mut out, &mut current, kind);
    out
}
