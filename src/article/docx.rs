//! Word (.docx) → blocks: the zip container's `word/document.xml` read paragraph by paragraph
//! (styles give titles and headings), footnotes appended after the body, and the document
//! properties as metadata. No office suite needed.

use super::clean::RawBlock;
use super::{BlockKind, Metadata};
use quick_xml::Reader;
use quick_xml::events::{BytesStart, Event};
use std::io::{Cursor, Read};

/// The most any one XML part may expand to (a guard against zip bombs).
const MAX_PART_BYTES: u64 = 64 * 1024 * 1024;

/// Why a .docx could not be read; turned into an `ArticleError` by the caller.
#[derive(Debug)]
pub(super) enum DocxError {
    Damaged(String),
    NotWord(&'static str),
    /// More text (or XML) than an article may have once unpacked: reading stopped there.
    TooMuch,
}

fn read_part(
    zip: &mut zip::ZipArchive<Cursor<&[u8]>>,
    name: &str,
) -> Result<Option<String>, DocxError> {
    let file = match zip.by_name(name) {
        Ok(f) => f,
        Err(zip::result::ZipError::FileNotFound) => return Ok(None),
        Err(e) => return Err(DocxError::Damaged(e.to_string())),
    };
    let mut s = String::new();
    file.take(MAX_PART_BYTES + 1)
        .read_to_string(&mut s)
        .map_err(|e| DocxError::Damaged(format!("{name} cannot be read ({e})")))?;
    if s.len() as u64 > MAX_PART_BYTES {
        return Err(DocxError::TooMuch);
    }
    Ok(Some(s))
}

/// The value of the attribute whose local name is `local` (`w:val`, `w:id`…).
fn attr(e: &BytesStart, local: &str) -> Option<String> {
    e.attributes()
        .flatten()
        .find(|a| a.key.local_name().as_ref() == local)
        .and_then(|a| {
            a.normalized_value(quick_xml::XmlVersion::Implicit1_0)
                .ok()
                .map(|v| v.into_owned())
        })
}

fn entity(name: &str) -> Option<char> {
    match name {
        "amp" => Some('&'),
        "lt" => Some('<'),
        "gt" => Some('>'),
        "quot" => Some('"'),
        "apos" => Some('\''),
        _ => None,
    }
}

/// One paragraph of WordprocessingML: its style and text.
struct Para {
    style: String,
    text: String,
}

/// Reads the `w:p` paragraphs of a part. `footnote_ids` maps footnote ids to their numbers, so
/// that references in the body read "[1]".
fn paragraphs(
    xml: &str,
    footnote_ids: &[String],
) -> Result<Vec<(Option<String>, Para)>, DocxError> {
    let mut reader = Reader::from_str(xml);
    reader.config_mut().trim_text(false);
    let mut out = Vec::new();
    let mut current: Option<Para> = None;
    let mut in_text = false;
    let mut footnote_id: Option<String> = None;
    // The text read so far: reading stops once it passes what an article may be.
    let mut text_bytes = 0;
    loop {
        let ev = reader.read_event().map_err(|e| {
            DocxError::Damaged(format!(
                "its XML is broken at byte {} ({e})",
                reader.buffer_position()
            ))
        })?;
        match ev {
            Event::Eof => break,
            Event::Start(ref e) | Event::Empty(ref e) => {
                let empty = matches!(ev, Event::Empty(_));
                match e.local_name().as_ref() {
                    "footnote" if !empty => footnote_id = attr(e, "id"),
                    "p" if !empty => {
                        current = Some(Para {
                            style: String::new(),
                            text: String::new(),
                        })
                    }
                    "pStyle" => {
                        if let (Some(p), Some(v)) = (current.as_mut(), attr(e, "val")) {
                            p.style = v;
                        }
                    }
                    "t" if !empty => in_text = true,
                    "tab" => push(&mut current, " "),
                    "br" | "cr" => push(&mut current, "\n"),
                    "noBreakHyphen" => push(&mut current, "-"),
                    "footnoteReference" => {
                        if let Some(n) =
                            attr(e, "id").and_then(|id| footnote_ids.iter().position(|f| *f == id))
                        {
                            push(&mut current, &format!("[{}]", n + 1));
                        }
                    }
                    _ => {}
                }
            }
            Event::Text(t) if in_text => push(&mut current, &t.xml10_content()),
            Event::GeneralRef(r) if in_text => {
                let c = r
                    .resolve_char_ref()
                    .ok()
                    .flatten()
                    .or_else(|| entity(r.as_ref()));
                if let Some(c) = c {
                    push(&mut current, c.encode_utf8(&mut [0; 4]));
                }
            }
            Event::End(e) => match e.local_name().as_ref() {
                "t" => in_text = false,
                "p" => {
                    if let Some(p) = current.take() {
                        text_bytes += p.text.len() + 1;
                        if text_bytes as u64 > super::MAX_FILE_BYTES {
                            return Err(DocxError::TooMuch);
                        }
                        out.push((footnote_id.clone(), p));
                    }
                }
                "footnote" => footnote_id = None,
                _ => {}
            },
            _ => {}
        }
    }
    Ok(out)
}

fn push(p: &mut Option<Para>, s: &str) {
    if let Some(p) = p.as_mut() {
        p.text.push_str(s);
    }
}

fn kind_of_style(style: &str) -> Option<BlockKind> {
    let s = style.to_ascii_lowercase();
    if s == "title" {
        Some(BlockKind::Title)
    } else if s.starts_with("heading") || s == "subtitle" || s.starts_with("titre") {
        Some(BlockKind::Heading)
    } else if s == "caption" || s == "légende" {
        Some(BlockKind::Caption)
    } else {
        None
    }
}

/// Simple `<tag>text</tag>` values of docProps/core.xml (dc:title, dc:creator…).
fn core_value(xml: &str, local: &str) -> Option<String> {
    let mut reader = Reader::from_str(xml);
    let mut inside = false;
    let mut value = String::new();
    loop {
        match reader.read_event().ok()? {
            Event::Eof => return None,
            Event::Start(e) if e.local_name().as_ref() == local => inside = true,
            Event::Text(t) if inside => value.push_str(&t.xml10_content()),
            Event::End(e) if inside && e.local_name().as_ref() == local => {
                let v = value.trim().to_string();
                return (!v.is_empty()).then_some(v);
            }
            _ => {}
        }
    }
}

pub(super) fn blocks(bytes: &[u8]) -> Result<(Vec<RawBlock>, Metadata), DocxError> {
    let mut zip = zip::ZipArchive::new(Cursor::new(bytes))
        .map_err(|e| DocxError::Damaged(format!("it is not a complete zip archive ({e})")))?;
    let Some(document) = read_part(&mut zip, "word/document.xml")? else {
        return Err(if zip.by_name("content.xml").is_ok() {
            DocxError::NotWord("an OpenDocument file (.odt): save it as .docx")
        } else {
            DocxError::NotWord("a zip archive without a Word document in it")
        });
    };
    // Footnotes: the real ones have positive ids (0 and -1 are the separator lines).
    let footnotes = match read_part(&mut zip, "word/footnotes.xml")? {
        Some(xml) => paragraphs(&xml, &[])?
            .into_iter()
            .filter(|(id, p)| {
                id.as_deref()
                    .is_some_and(|i| !i.starts_with('-') && i != "0")
                    && !p.text.trim().is_empty()
            })
            .collect(),
        None => Vec::new(),
    };
    let mut ids: Vec<String> = Vec::new();
    for (id, _) in &footnotes {
        if let Some(id) = id
            && !ids.contains(id)
        {
            ids.push(id.clone());
        }
    }
    let mut out: Vec<RawBlock> = paragraphs(&document, &ids)?
        .into_iter()
        .filter(|(_, p)| !p.text.trim().is_empty())
        .map(|(_, p)| RawBlock::new(p.text.trim().to_string(), kind_of_style(&p.style)))
        .collect();
    let mut last_id: Option<String> = None;
    for (id, p) in footnotes {
        let n = id
            .as_ref()
            .and_then(|id| ids.iter().position(|f| f == id))
            .map_or(0, |n| n + 1);
        let text = if id != last_id {
            format!("[{n}] {}", p.text.trim())
        } else {
            p.text.trim().to_string()
        };
        last_id = id;
        out.push(RawBlock::new(text, Some(BlockKind::Paragraph)));
    }
    let mut meta = Metadata::default();
    if let Some(core) = read_part(&mut zip, "docProps/core.xml")? {
        meta.title = core_value(&core, "title");
        meta.byline = core_value(&core, "creator");
        meta.published = core_value(&core, "created");
        meta.language = core_value(&core, "language")
            .map(|l| l.split(['-', '_']).next().unwrap_or("").to_lowercase());
    }
    if let Some(t) = &meta.title
        && !out.iter().any(|b| b.hint == Some(BlockKind::Title))
    {
        out.insert(0, RawBlock::new(t.clone(), Some(BlockKind::Title)));
    }
    Ok((out, meta))
}
