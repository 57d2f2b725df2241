//! Raw blocks → Article: typing each block (title, heading, caption, credit, paragraph), taking out
//! page furniture and a repeated title, and laying the blocks out as one text.

use super::{Article, Block, BlockKind, Metadata};
use crate::extract::{lang, lexicon, score};
use crate::text::squash_whitespace;

/// A block as a reader format found it, before cleaning. `hint` is the format's own idea of its kind.
#[derive(Debug, Clone)]
pub(crate) struct RawBlock {
    pub text: String,
    pub hint: Option<BlockKind>,
}

/// Plain text → blocks: blank lines separate blocks; wrapped lines inside a block are re-joined,
/// list items keep their own lines.
pub(crate) fn text_blocks(text: &str) -> Vec<RawBlock> {
    let text = text.replace("\r\n", "\n").replace('\r', "\n");
    let mut out = Vec::new();
    for chunk in text.split("\n\n") {
        let lines: Vec<&str> = chunk
            .lines()
            .map(str::trim)
            .filter(|l| !l.is_empty())
            .collect();
        if lines.is_empty() {
            continue;
        }
        let mut block = String::new();
        for (i, line) in lines.iter().enumerate() {
            if i > 0 {
                let list = is_list_item(line)
                    || is_list_item(lines[i - 1]) && lines.iter().all(|l| is_list_item(l));
                block.push(if list { '\n' } else { ' ' });
            }
            block.push_str(&squash_whitespace(line));
        }
        out.push(RawBlock {
            text: block,
            hint: None,
        });
    }
    out
}

fn is_list_item(line: &str) -> bool {
    let mut c = line.chars();
    matches!(c.next(), Some('-' | '*' | '•' | '–')) && c.next() == Some(' ')
}

/// "(KCNA/AP via CNN Newsource)", "(Photo AFP)", "(Reuters)": a credit in brackets ending a block.
fn ends_with_credit(text: &str, lex: &lexicon::Lexicon) -> bool {
    let t = text.trim_end();
    if !t.ends_with(')') {
        return false;
    }
    let Some(open) = t.rfind('(') else {
        return false;
    };
    let inner = &t[open + 1..t.len() - 1];
    let lower = inner.to_lowercase();
    let words = inner.split_whitespace().count();
    words > 0
        && words <= 8
        && (inner.contains('/')
            || lower.contains(" via ")
            || lower.starts_with("photo")
            || lex
                .credit_markers
                .iter()
                .any(|m| lower.contains(m.as_str()))
            || ["afp", "ap", "reuters", "getty images", "epa"].contains(&lower.as_str()))
}

fn is_credit_line(text: &str, lex: &lexicon::Lexicon) -> bool {
    let lower = text.trim().to_lowercase();
    lower.split_whitespace().count() <= 10
        && (lex
            .credit_markers
            .iter()
            .any(|m| lower.starts_with(m.as_str()))
            || lower.starts_with('©'))
}

fn ends_like_sentence(text: &str) -> bool {
    text.trim_end()
        .trim_end_matches(['»', '"', '”', '’', ')', ' ', '\u{a0}'])
        .ends_with(['.', '!', '?', '…', ':'])
}

fn same_text(a: &str, b: &str) -> bool {
    squash_whitespace(a).to_lowercase() == squash_whitespace(b).to_lowercase()
}

/// Cleans and lays out the blocks as one text, blocks separated by a blank line.
pub(crate) fn assemble(raw: Vec<RawBlock>, mut metadata: Metadata) -> Article {
    let all: String = raw
        .iter()
        .map(|b| b.text.as_str())
        .collect::<Vec<_>>()
        .join("\n");
    let code = match metadata.language.as_deref() {
        Some(l) if lexicon::languages().contains(&l) => l.to_string(),
        _ => lang::detect(&all).to_string(),
    };
    metadata.language = Some(code.clone());
    let lex = lexicon::for_language(&code);
    // Share buttons and comment forms are in English on many French sites: check both lexicons.
    let en = lexicon::for_language("en");

    let mut typed: Vec<(BlockKind, String)> = Vec::new();
    let mut boilerplate = Vec::new();
    let mut title: Option<String> = metadata.title.clone();
    for (i, b) in raw.into_iter().enumerate() {
        let text = b.text.trim().to_string();
        if text.is_empty() {
            continue;
        }
        let lines_all_boiler = text
            .lines()
            .all(|l| score::is_boilerplate(l, lex) || score::is_boilerplate(l, en));
        if lines_all_boiler {
            boilerplate.push(text);
            continue;
        }
        // A title repeated at the top (a common scrape artefact) is kept once.
        if let Some(t) = &title
            && typed.len() <= 2
            && same_text(t, &text)
            && typed.iter().any(|(k, _)| *k == BlockKind::Title)
        {
            continue;
        }
        let n_words = text.split_whitespace().count();
        let kind = match b.hint {
            Some(BlockKind::Title) => BlockKind::Title,
            Some(BlockKind::Heading) => BlockKind::Heading,
            Some(BlockKind::Caption) => BlockKind::Caption,
            _ if is_credit_line(&text, lex) || is_credit_line(&text, en) => BlockKind::Credit,
            _ if ends_with_credit(&text, lex) => BlockKind::Caption,
            _ if i == 0
                && typed.is_empty()
                && title.is_none()
                && n_words <= 25
                && !ends_like_sentence(&text) =>
            {
                BlockKind::Title
            }
            _ if n_words <= 12 && !ends_like_sentence(&text) && !text.contains('\n') => {
                BlockKind::Heading
            }
            _ => BlockKind::Paragraph,
        };
        if kind == BlockKind::Title {
            if typed.iter().any(|(k, _)| *k == BlockKind::Title) {
                continue;
            }
            title.get_or_insert_with(|| text.clone());
        }
        typed.push((kind, text));
    }
    metadata.title = title;

    let mut text = String::new();
    let mut blocks = Vec::with_capacity(typed.len());
    for (kind, t) in typed {
        if !text.is_empty() {
            text.push_str("\n\n");
        }
        let start = text.len();
        text.push_str(&t);
        blocks.push(Block {
            kind,
            start,
            end: text.len(),
        });
    }
    Article {
        text,
        blocks,
        metadata,
        boilerplate,
    }
}
