//! Raw blocks → Article: typing each block (title, heading, caption, credit, paragraph), taking out
//! page furniture and a repeated title, and laying the blocks out as one text.

use super::{Article, Block, BlockKind, Metadata};
use crate::extract::{lang, lexicon, score};
use crate::text::{squash_whitespace, to_lowercase};

/// A block as a reader format found it, before cleaning. `hint` is the format's own idea of its kind.
#[derive(Debug, Clone)]
pub(crate) struct RawBlock {
    pub text: String,
    pub hint: Option<BlockKind>,
    /// Mostly link text (a web page's lists of other articles): page furniture.
    pub link_heavy: bool,
}

impl RawBlock {
    pub fn new(text: String, hint: Option<BlockKind>) -> Self {
        Self {
            text,
            hint,
            link_heavy: false,
        }
    }
}

/// Plain text → blocks: blank lines separate blocks; wrapped lines inside a block are re-joined,
/// list items keep their own lines, and a text written one paragraph per line (a Word document
/// saved as text, many copies from web pages) keeps each line as a block (`lines_are_paragraphs`).
pub(crate) fn text_blocks(text: &str) -> Vec<RawBlock> {
    text_blocks_in(text, threads_for(text.len()))
}

/// `text_blocks`, the text cut at blank lines into `parts` pieces read at the same time.
fn text_blocks_in(text: &str, parts: usize) -> Vec<RawBlock> {
    let text: std::borrow::Cow<str> = if text.contains('\r') {
        text.replace("\r\n", "\n").replace('\r', "\n").into()
    } else {
        text.into()
    };
    let pieces = cut_at_blank_lines(&text, parts);
    // Moved out of the pieces' lists, not copied (`concat` clones each block: 0.7 ms a megabyte).
    let mut pieces_blocks = crate::extract::on_threads(&pieces, |piece| blocks_of_text(piece));
    match pieces_blocks.len() {
        1 => pieces_blocks.pop().unwrap_or_default(),
        _ => pieces_blocks.into_iter().flatten().collect(),
    }
}

/// `text` cut into at most `parts` pieces of about the same length, each cut at a "\n\n" (the
/// two newlines left out). Blocks never span a "\n\n" and a piece's leading or trailing newline
/// makes an empty line, which blocks leave out: the pieces' blocks are the text's.
fn cut_at_blank_lines(text: &str, parts: usize) -> Vec<&str> {
    let mut pieces = Vec::with_capacity(parts.max(1));
    let mut from = 0;
    for k in 1..parts.max(1) {
        // From one byte before the aim, so as not to miss a "\n\n" that starts there.
        let aim = (text.len() * k / parts).saturating_sub(1);
        let target = crate::text::floor_boundary(text, aim).max(from);
        // `str::find` reads every byte of a text with no blank line (1 ms a megabyte).
        match memchr::memmem::find(&text.as_bytes()[target..], b"\n\n") {
            Some(at) => {
                pieces.push(&text[from..target + at]);
                from = target + at + 2;
            }
            None => break,
        }
    }
    pieces.push(&text[from..]);
    pieces
}

/// `text_blocks` of text whose line ends are "\n".
fn blocks_of_text(text: &str) -> Vec<RawBlock> {
    let mut out = Vec::new();
    for chunk in split_at_blank_lines(text) {
        let lines: Vec<&str> = chunk
            .lines()
            .map(str::trim)
            .filter(|l| !l.is_empty())
            .collect();
        if lines.is_empty() {
            continue;
        }
        if lines_are_paragraphs(&lines) {
            let block_of = |line: &&str| {
                let mut block = String::with_capacity(line.len());
                crate::text::push_squashed(&mut block, line);
                RawBlock::new(block, None)
            };
            if threads_for(chunk.len()) > 1 {
                // A long text written one paragraph per line, which has no blank line to be cut
                // at (a Word document saved as text): its lines are read at the same time.
                let per_run = lines.len().div_ceil(crate::extract::threads());
                let runs: Vec<&[&str]> = lines.chunks(per_run.max(1)).collect();
                let blocks = crate::extract::on_threads(&runs, |run| {
                    run.iter().map(block_of).collect::<Vec<_>>()
                });
                out.extend(blocks.into_iter().flatten());
            } else {
                out.extend(lines.iter().map(block_of));
            }
            continue;
        }
        let mut block = String::new();
        let all_list = lines.iter().all(|l| is_list_item(l));
        for (i, line) in lines.iter().enumerate() {
            if i > 0 {
                let list = is_list_item(line) || is_list_item(lines[i - 1]) && all_list;
                block.push(if list { '\n' } else { ' ' });
            }
            crate::text::push_squashed(&mut block, line);
        }
        out.push(RawBlock::new(block, None));
    }
    out
}

/// `text.split("\n\n")`, found with `memchr`'s vectorised search (the standard library's
/// looks at every byte of a megabyte: 1% of an extraction).
fn split_at_blank_lines(text: &str) -> impl Iterator<Item = &str> {
    let mut ends = memchr::memmem::find_iter(text.as_bytes(), b"\n\n");
    let mut from = Some(0);
    std::iter::from_fn(move || {
        let start = from?;
        match ends.next() {
            Some(at) => {
                from = Some(at + 2);
                Some(&text[start..at])
            }
            None => {
                from = None;
                Some(&text[start..])
            }
        }
    })
}

/// Lines of more chars than this are not lines of text wrapped by hand (at 72 to 100 columns).
const LONGER_THAN_WRAPPED: usize = 110;

/// Whether the lines of a chunk of text (between blank lines) are paragraphs rather than the
/// wrapped lines of one: one is longer than any wrapped line, and at least half of them are
/// paragraph-like — that long, or ending a sentence. (A title on its own line counts towards
/// neither; a wrapped paragraph with one long address in it stays one block.)
fn lines_are_paragraphs(lines: &[&str]) -> bool {
    let long = |l: &str| l.len() > LONGER_THAN_WRAPPED && l.chars().count() > LONGER_THAN_WRAPPED;
    if lines.len() < 2 || !lines.iter().any(|l| long(l)) {
        return false;
    }
    let like = lines
        .iter()
        .filter(|l| long(l) || ends_like_sentence(l))
        .count();
    2 * like >= lines.len()
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

/// A photo credit line, in any of `lexes`: `n_words` is the text's number of words, up to
/// `WORDS_COUNTED` at least.
fn is_credit_line(text: &str, n_words: usize, lexes: &[&lexicon::Lexicon]) -> bool {
    // Lower-casing keeps the spaces: the words are counted before lower-casing.
    if n_words > 10 {
        return false;
    }
    let lower = to_lowercase(text.trim());
    lower.split_whitespace().count() <= 10
        && (lexes
            .iter()
            .any(|l| l.credit_markers.iter().any(|m| lower.contains(m.as_str())))
            || lower.starts_with('©')
            || lower.starts_with("credit...")
            || lower.starts_with("credit…"))
}

/// The block reduced to what decides whether it is furniture: lower-case, without trailing
/// punctuation or counts ("Comments (12)" → "comments").
pub(crate) fn furniture_key(text: &str) -> String {
    to_lowercase(furniture_text(text))
}

/// The part of `text` that `furniture_key` lower-cases: the characters it strips are their own
/// lower case and the lower case of no other, so stripping before lower-casing is stripping
/// after. The key has as many characters as this at least (lower-casing never shortens).
fn furniture_text(text: &str) -> &str {
    text.trim()
        .trim_end_matches(|c: char| {
            c.is_ascii_digit()
                || matches!(c, '(' | ')' | ' ' | ':' | '.' | '…' | '›' | '»' | '>' | '|')
        })
        .trim()
}

/// "Copyright © 2019 …", "Tous droits réservés": legal lines of the page, not of the article.
/// (A short "© Reuters" under a photo is a credit, decided before this.)
fn is_copyright(text: &str, n_words: usize) -> bool {
    if n_words <= 3 || n_words > 40 || !may_be_copyright(text) {
        return false;
    }
    let lower = to_lowercase(text);
    lower.contains("copyright")
        || lower.contains('©')
        || lower.contains('ⓒ')
        || lower.contains("rights reserved")
        || lower.contains("droits réservés")
}

/// Whether `text` has what `is_copyright` looks for in its lower case, read without
/// lower-casing it: "copyright" and "rights reserved" have "right" in them, "droits réservés"
/// "roits", in letters whose only upper case is ASCII (no other character lower-cases to an
/// ASCII letter of these; `İ` gives "i" and a dot); `©` has no case, and `ⓒ` is the lower case
/// of `Ⓒ` only. False means `is_copyright` is false.
fn may_be_copyright(text: &str) -> bool {
    let b = text.as_bytes();
    memchr::memchr2_iter(b'r', b'R', b).any(|at| {
        b.get(at + 1..at + 5).is_some_and(|next| {
            next.eq_ignore_ascii_case(b"ight") || next.eq_ignore_ascii_case(b"oits")
        })
    }) || memchr::memchr2_iter(0xc2, 0xe2, b).any(|at| {
        // ©, ⓒ, Ⓒ
        matches!(
            b[at..],
            [0xc2, 0xa9, ..] | [0xe2, 0x93, 0x92, ..] | [0xe2, 0x92, 0xb8, ..]
        )
    })
}

/// "Follow us on Instagram, Facebook and YouTube": two or more networks named in a short block.
fn is_follow_us(key: &str, n_words: usize, lexes: &[&lexicon::Lexicon]) -> bool {
    n_words <= 20
        && key
            .split(|c: char| !c.is_alphanumeric())
            .filter(|w| w.len() > 1 && lexes.iter().any(|l| l.share_words.contains(*w)))
            .count()
            >= 2
}

/// "Image 1 of 5", "Photo 3 / 12": a slideshow's counter (`n_words` as for `is_credit_line`).
fn is_gallery_counter(text: &str, n_words: usize) -> bool {
    // Five words at most either way (lower-casing keeps the spaces).
    if n_words > 5 {
        return false;
    }
    let lower = to_lowercase(text.trim());
    let words: Vec<&str> = lower.split_whitespace().collect();
    let number = |w: &str| !w.is_empty() && w.chars().all(|c| c.is_ascii_digit());
    match words.first() {
        Some(first) if ["image", "photo", "slide", "picture", "diapo", "foto"].contains(first) => {
            words.len() <= 5 && words.iter().any(|w| number(w))
        }
        // "1 of 6", "3 / 12", "2 sur 5"
        _ => {
            words.len() == 3
                && number(words[0])
                && ["of", "/", "sur", "de"].contains(&words[1])
                && number(words[2])
        }
    }
}

/// "Home » News » Politics": a site's navigation trail.
fn is_breadcrumb(text: &str, n_words: usize) -> bool {
    n_words <= 16 && text.matches(['»', '›', '>']).count() >= 2
}

/// Markup that leaked into the text ("&lt;span data-mce-…", "[button link=…]").
fn is_markup(text: &str) -> bool {
    // Every marker but the first has one of these bytes.
    if memchr::memchr3(b'&', b'<', b'[', text.as_bytes()).is_none() {
        return text.contains("data-mce");
    }
    [
        "data-mce", "&lt;", "&amp;lt;", "<span", "<div", "[button", "[/button", "[caption",
    ]
    .iter()
    .any(|m| text.contains(m))
}

fn has_time(text: &str) -> bool {
    let b = text.as_bytes();
    (1..b.len().saturating_sub(2)).any(|i| {
        b[i] == b':'
            && b[i - 1].is_ascii_digit()
            && b[i + 1].is_ascii_digit()
            && b[i + 2].is_ascii_digit()
    })
}

fn has_year(text: &str) -> bool {
    text.split(|c: char| !c.is_ascii_digit())
        .any(|w| w.len() == 4 && (w.starts_with("19") || w.starts_with("20")))
}

/// "Published 1 day ago", "Nov. 20, 2019, 9:28 AM UTC", "Mis à jour le 12 mars 2024 à 10:05"
/// (`n_words` as for `is_credit_line`).
fn is_dateline(text: &str, n_words: usize, lexes: &[&lexicon::Lexicon]) -> bool {
    // Lower-casing keeps the spaces: the words are counted before lower-casing.
    if n_words > 12 {
        return false;
    }
    let lower = to_lowercase(text.trim());
    let n_words = lower.split_whitespace().count();
    if n_words == 0
        || n_words > 12
        || lower.ends_with('.') && !lower.ends_with(" p.m.") && !lower.ends_with(" a.m.")
    {
        return false;
    }
    let starts_with_word = |w: &str| {
        lower.starts_with(w)
            && lower[w.len()..]
                .chars()
                .next()
                .is_none_or(|c| !c.is_alphanumeric())
    };
    let month = lexes.iter().any(|l| {
        l.months.iter().any(|m| lower.contains(m.as_str()))
            || lower
                .split(|c: char| !c.is_alphabetic())
                .any(|w| w.len() == 3 && l.months.iter().any(|m| m.starts_with(w)))
    });
    lexes
        .iter()
        .any(|l| l.dateline_words.iter().any(|w| starts_with_word(w)))
        || has_time(&lower)
        || (has_year(&lower) && month)
}

/// "By Reuters", "Par Jean Dupont".
fn is_byline(text: &str, n_words: usize, lexes: &[&lexicon::Lexicon]) -> bool {
    let t = text.trim();
    if !(2..=8).contains(&n_words) || ends_like_sentence(t) {
        return false;
    }
    let lower = to_lowercase(t);
    lexes.iter().any(|l| {
        l.byline_prefixes.iter().any(|p| {
            lower.starts_with(&format!("{p} "))
                && t[p.len() + 1..]
                    .trim_start()
                    .chars()
                    .next()
                    .is_some_and(char::is_uppercase)
        })
    })
}

fn ends_like_sentence(text: &str) -> bool {
    text.trim_end()
        .trim_end_matches(['»', '"', '”', '’', ')', ' ', '\u{a0}'])
        .ends_with(['.', '!', '?', '…', ':'])
}

fn same_text(a: &str, b: &str) -> bool {
    squash_whitespace(a).to_lowercase() == squash_whitespace(b).to_lowercase()
}

/// The start of the blocks joined by line breaks, as much as `lang::detect` reads of it.
fn detection_sample(raw: &[RawBlock]) -> String {
    let mut all = String::new();
    for (i, b) in raw.iter().enumerate() {
        if all.len() > lang::SAMPLE_BYTES {
            break;
        }
        if i > 0 {
            all.push('\n');
        }
        all.push_str(&b.text);
    }
    all
}

/// Below this many bytes of blocks per thread, the blocks are read on one thread.
const BYTES_PER_THREAD: usize = 64 * 1024;

/// How many threads clean `bytes` of text: one below two threads' worth (`BYTES_PER_THREAD`).
fn threads_for(bytes: usize) -> usize {
    if bytes >= 2 * BYTES_PER_THREAD {
        crate::extract::threads()
    } else {
        1
    }
}

/// What decides a block's fate that depends on the block alone.
struct Facts<'a> {
    /// The text, trimmed.
    text: &'a str,
    /// Words, up to `WORDS_COUNTED`.
    n_words: usize,
    hint: Option<BlockKind>,
    /// Page furniture (share buttons, legal lines, breadcrumbs, markup, link lists).
    furniture: bool,
    /// Opens a list of other articles ("Read more").
    section_end: bool,
    /// A credit, dateline or byline, told by its text.
    kind_by_text: Option<BlockKind>,
    /// Ends with a photo credit in brackets.
    ends_with_credit: bool,
    ends_like_sentence: bool,
    has_line_break: bool,
}

impl<'a> Facts<'a> {
    /// The facts of `b` (`None` for an empty block), `lexes` being the article's language and
    /// English.
    fn of(
        b: &'a RawBlock,
        lex: &lexicon::Lexicon,
        lexes: &[&lexicon::Lexicon],
        max_key_chars: usize,
    ) -> Option<Facts<'a>> {
        let text = b.text.trim();
        if text.is_empty() {
            return None;
        }
        // Every test below compares the number of words with 40 at most: counting stops there.
        let n_words = crate::text::count_words_up_to(text, WORDS_COUNTED);
        // The key is read for short blocks only: a long block cannot be a line of furniture,
        // and the other tests that read it look at 20 words at most.
        let key_text = furniture_text(text);
        let key_matters = n_words <= 20 || key_text.chars().nth(max_key_chars).is_none();
        let key = if key_matters {
            to_lowercase(key_text)
        } else {
            String::new()
        };
        let credit = is_credit_line(text, n_words, lexes);
        let furniture = text.lines().all(|l| score::is_boilerplate_in(l, lexes))
            || (key_matters && lexes.iter().any(|x| x.boilerplate_keys.contains(&key)))
            || is_markup(text)
            || (is_copyright(text, n_words) && !credit)
            || is_follow_us(&key, n_words, lexes)
            || is_breadcrumb(text, n_words)
            || is_gallery_counter(text, n_words)
            || b.link_heavy;
        let section_end = n_words <= 12
            && lexes
                .iter()
                .any(|x| x.section_enders.iter().any(|e| key.starts_with(e.as_str())));
        let kind_by_text = if credit {
            Some(BlockKind::Credit)
        } else if is_dateline(text, n_words, lexes) {
            Some(BlockKind::Date)
        } else if is_byline(text, n_words, lexes) {
            Some(BlockKind::Byline)
        } else {
            None
        };
        Some(Facts {
            n_words,
            hint: b.hint,
            furniture,
            section_end,
            kind_by_text,
            ends_with_credit: ends_with_credit(text, lex),
            ends_like_sentence: ends_like_sentence(text),
            has_line_break: text.contains('\n'),
            text,
        })
    }
}

/// Blocks are told apart by their number of words up to this many (41 is "more than 40").
const WORDS_COUNTED: usize = 41;

/// Cleans and lays out the blocks as one text, blocks separated by a blank line.
pub(crate) fn assemble(raw: Vec<RawBlock>, metadata: Metadata) -> Article {
    // Each block's facts are its own: long articles are read on several threads.
    let total: usize = raw.iter().map(|b| b.text.len()).sum();
    assemble_in(raw, metadata, threads_for(total))
}

/// A guess at the language read on this much of the detection sample (0.4–0.6 ms on 16 cores,
/// where the whole sample takes 1–1.4) is all a long article's facts wait for (see
/// `assemble_in`).
const GUESS_BYTES: usize = 4_000;

/// `assemble`, the blocks' facts worked out on `threads` threads.
///
/// The facts depend on the language, which is detected on the start of the text (a millisecond
/// or more, while the other threads wait). With several threads, the language is guessed on the
/// first `GUESS_BYTES` of the sample, and the facts are worked out for that guess while the
/// whole sample is read: when the guess is the language, as it nearly always is, that is the
/// facts' work done; when it is not, the facts are worked out again for the language.
fn assemble_in(raw: Vec<RawBlock>, mut metadata: Metadata, threads: usize) -> Article {
    crate::timing::mark("blocks cut");
    // Two pieces a thread: while the language is detected on one worker, the others share the
    // facts evenly (with one piece each, one of them read two, one after the other).
    let pieces = if threads > 1 { 2 * threads } else { 1 };
    let parts = crate::extract::cut_evenly(raw.len(), pieces, |i| raw[i].text.len());
    let total: usize = raw.iter().map(|b| b.text.len()).sum();
    let facts_in = |code: &str| -> Vec<Vec<Option<Facts>>> {
        let lex = lexicon::for_language(code);
        crate::extract::prepare_scoring(lex, total);
        // Share buttons and comment forms are in English on many French sites: check both
        // lexicons.
        let en = lexicon::for_language("en");
        let lexes: Vec<&lexicon::Lexicon> = if lex.language == en.language {
            vec![lex]
        } else {
            vec![lex, en]
        };
        let max_key_chars = lexes
            .iter()
            .flat_map(|x| &x.boilerplate_keys)
            .map(|k| k.chars().count())
            .max()
            .unwrap_or(0);
        let read = |b| Facts::of(b, lex, &lexes, max_key_chars);
        crate::extract::on_threads(&parts, |r| raw[r.clone()].iter().map(read).collect())
    };
    // The text, built as the blocks are typed, on this thread, after the facts: its pages are
    // faulted in by the other workers meanwhile (a long article's).
    let mut text = Vec::with_capacity(total + total / 8);
    let spare = text.spare_capacity_mut();
    let (code, facts) = match metadata.language.as_deref() {
        Some(l) if lexicon::languages().contains(&l) => {
            let facts = if threads > 1 {
                crate::extract::both(|| facts_in(l), || crate::extract::prefault(spare)).0
            } else {
                facts_in(l)
            };
            (l.to_string(), facts)
        }
        _ => {
            let sample = detection_sample(&raw);
            let start = &sample[..crate::text::floor_boundary(&sample, GUESS_BYTES)];
            if threads > 1 && start.len() < sample.len() {
                // The whole sample is read while the guess is made and the facts worked out for
                // it: on 16 cores the facts of a megabyte take about as long as reading the
                // sample (1–1.4 ms), and the guess 0.4–0.6 ms more.
                let (code, (guess, facts)) = crate::extract::both(
                    || {
                        let code = lang::detect(&sample);
                        crate::extract::prefault(spare);
                        code
                    },
                    || {
                        let guess = lang::detect(start);
                        (guess, facts_in(guess))
                    },
                );
                if code == guess {
                    (code.to_string(), facts)
                } else {
                    (code.to_string(), facts_in(code))
                }
            } else {
                let code = lang::detect(&sample);
                (code.to_string(), facts_in(code))
            }
        }
    };
    crate::timing::mark("language and facts");
    metadata.language = Some(code);
    let mut text = String::from_utf8(text).unwrap_or_default();
    let mut blocks: Vec<Block> = Vec::new();
    let mut has_title = false;
    let mut boilerplate = Vec::new();
    let mut title: Option<String> = metadata.title.clone();
    // After "Read more" / "Lire aussi", the page lists other articles until the text resumes.
    let mut in_link_list = false;
    for f in facts.into_iter().flatten().flatten() {
        let Facts {
            text: block,
            n_words,
            furniture,
            section_end,
            ..
        } = f;
        if section_end {
            in_link_list = true;
        }
        if in_link_list && !section_end {
            if n_words <= 8 || !f.ends_like_sentence {
                boilerplate.push(block.to_string());
                continue;
            }
            in_link_list = false;
        }
        if furniture || section_end {
            boilerplate.push(block.to_string());
            continue;
        }
        // A title repeated at the top (a common scrape artefact) is kept once.
        if let Some(t) = &title
            && blocks.len() <= 2
            && same_text(t, block)
            && has_title
        {
            continue;
        }
        let kind = match (f.hint, f.kind_by_text) {
            (Some(BlockKind::Title), _) => BlockKind::Title,
            (Some(BlockKind::Caption), _) => BlockKind::Caption,
            (_, Some(kind)) => kind,
            (Some(BlockKind::Heading), _) => BlockKind::Heading,
            _ if f.ends_with_credit => BlockKind::Caption,
            _ if blocks.is_empty() && title.is_none() && n_words <= 25 && !f.ends_like_sentence => {
                BlockKind::Title
            }
            _ if n_words <= 12 && !f.ends_like_sentence && !f.has_line_break => BlockKind::Heading,
            _ => BlockKind::Paragraph,
        };
        match kind {
            BlockKind::Title => {
                if has_title {
                    continue;
                }
                has_title = true;
                title.get_or_insert_with(|| block.to_string());
            }
            BlockKind::Byline => {
                metadata.byline.get_or_insert_with(|| block.to_string());
            }
            BlockKind::Date => {
                metadata.published.get_or_insert_with(|| block.to_string());
            }
            _ => {}
        }
        if !text.is_empty() {
            text.push_str("\n\n");
        }
        let start = text.len();
        text.push_str(block);
        blocks.push(Block {
            kind,
            start,
            end: text.len(),
        });
    }
    metadata.title = title;
    Article {
        text,
        blocks,
        metadata,
        boilerplate,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    proptest::proptest! {
        /// The blank-line split finds the pieces `str::split` finds, runs of three or more
        /// newlines included.
        #[test]
        fn split_at_blank_lines_as_str_split(s in "(\n{1,4}|[a é]{1,6}|\r){0,30}") {
            let ours: Vec<&str> = split_at_blank_lines(&s).collect();
            let std: Vec<&str> = s.split("\n\n").collect();
            proptest::prop_assert_eq!(ours, std);
        }
    }

    fn assemble_text(blocks: &[&str]) -> Article {
        let raw = blocks
            .iter()
            .map(|t| RawBlock::new(t.to_string(), None))
            .collect();
        assemble(raw, Metadata::default())
    }

    fn kinds(a: &Article) -> Vec<(BlockKind, &str)> {
        a.blocks
            .iter()
            .map(|b| (b.kind, &a.text[b.start..b.end]))
            .collect()
    }

    #[test]
    fn page_furniture_goes_to_the_fold_in_english() {
        let a = assemble_text(&[
            "Home » World » Europe",
            "Council doubles the school budget",
            "By Jane Smith",
            "Published Nov. 20, 2019, 9:28 AM UTC",
            "The city council voted on Tuesday to double the school budget to 12 million dollars.",
            "Image 1 of 5",
            "Caption",
            "Advertisement",
            "Opponents said the plan would raise property taxes by 3 percent over two years.",
            "Follow us on Facebook, Twitter and Instagram",
            "Copyright © 2019 The Daily Example. All rights reserved.",
            "Related articles",
            "Mayor opens new library",
            "Five things to know about the budget",
        ]);
        let k = kinds(&a);
        assert_eq!(
            k[0],
            (BlockKind::Title, "Council doubles the school budget")
        );
        assert_eq!(k[1], (BlockKind::Byline, "By Jane Smith"));
        assert_eq!(k[2].0, BlockKind::Date);
        assert_eq!(k[3].0, BlockKind::Paragraph);
        assert_eq!(k[4].0, BlockKind::Paragraph);
        assert_eq!(k.len(), 5, "{k:?}");
        assert_eq!(a.boilerplate.len(), 9, "{:?}", a.boilerplate);
        assert_eq!(a.metadata.byline.as_deref(), Some("By Jane Smith"));
    }

    #[test]
    fn page_furniture_goes_to_the_fold_in_french() {
        let a = assemble_text(&[
            "Le budget de l’école doublé",
            "Par Jeanne Martin",
            "Mis à jour le 12 mars 2024 à 10:05",
            "Le conseil municipal a voté mardi le doublement du budget scolaire, à 12 millions d’euros.",
            "Photo : AFP",
            "Publicité",
            "Tous droits réservés © Le Quotidien d’Exemple 2024, reproduction interdite sans accord.",
            "Lire aussi",
            "Le maire inaugure la médiathèque",
            "Les opposants estiment que la taxe foncière augmentera de 3 % en deux ans, selon le rapport.",
        ]);
        let k = kinds(&a);
        assert_eq!(k[0].0, BlockKind::Title);
        assert_eq!(k[1].0, BlockKind::Byline);
        assert_eq!(k[2].0, BlockKind::Date);
        assert_eq!(k[3].0, BlockKind::Paragraph);
        assert_eq!(k[4], (BlockKind::Credit, "Photo : AFP"));
        // After the "Lire aussi" link list, the article resumes.
        assert_eq!(k[5].0, BlockKind::Paragraph, "{k:?}");
        assert!(
            a.boilerplate
                .iter()
                .any(|b| b == "Le maire inaugure la médiathèque")
        );
        assert!(!a.text.contains("Publicité") && !a.text.contains("droits réservés"));
    }

    #[test]
    fn headings_with_years_are_not_datelines() {
        let a = assemble_text(&[
            "Budget 2024 : ce qui change",
            "Le budget augmente de 3 % cette année, a indiqué le ministre.",
        ]);
        assert_eq!(a.blocks[0].kind, BlockKind::Title);
        let lexes = [lexicon::for_language("fr")];
        let dateline =
            |t: &str| is_dateline(t, crate::text::count_words_up_to(t, WORDS_COUNTED), &lexes);
        assert!(!dateline("Budget 2024 : ce qui change"));
        assert!(dateline("15:23 2019"));
        assert!(dateline("sexta-feira, 22 de outubro de 2010 às 20:13"));
        assert!(!dateline(
            "Mis à jour le 12 mars 2024 à 10:05, après la réunion du conseil des ministres qui a duré"
        ));
        assert!(is_markup("&amp;lt;span data-mce-type=\"bookmark\"&gt;"));
    }

    /// `is_copyright` as it reads without `may_be_copyright`.
    fn is_copyright_plain(text: &str, n_words: usize) -> bool {
        if n_words <= 3 || n_words > 40 {
            return false;
        }
        let lower = to_lowercase(text);
        ["copyright", "©", "ⓒ", "rights reserved", "droits réservés"]
            .iter()
            .any(|m| lower.contains(m))
    }

    #[test]
    fn only_ascii_letters_lower_case_to_the_copyright_prefilter_letters() {
        // What `may_be_copyright` counts on, checked over every character: no other character
        // lower-cases to one of the letters of "right" and "roits" but `İ` ("i" and a dot,
        // which never makes "ri" + "ght" or "ro" + "its"), and only `©`, `ⓒ` and `Ⓒ` lower-case
        // to `©` or `ⓒ`.
        for c in (0..=0x10ffffu32).filter_map(char::from_u32) {
            let lower: String = c.to_lowercase().collect();
            if !c.is_ascii() && lower.contains(['r', 'i', 'g', 'h', 't', 'o', 's']) {
                assert_eq!(lower, "i\u{307}", "{c:?}");
            }
            if lower.contains(['©', 'ⓒ']) {
                assert!(['©', 'ⓒ', 'Ⓒ'].contains(&c), "{c:?}");
            }
        }
    }

    proptest::proptest! {
        #[test]
        fn copyright_lines_are_those_of_the_plain_reading(
            parts in proptest::collection::vec(
                proptest::sample::select(vec![
                    "Copyright", "COPYRIGHT", "copyrİght", "RIGHTS Reserved", "rights reserved",
                    "Droits réservés", "DROITS RÉSERVÉS", "droİts réservés", "©", "ⓒ", "Ⓒ",
                    "(c)", "right", "roits", "Right", "ROIT", "rig", "ht", "r", "é", "«", "’",
                    "İ", "\u{212a}", "Σ", "Tous", "2024", " ", " ", " ",
                ]),
                0..20,
            ),
        ) {
            let text: String = parts.concat();
            let n_words = crate::text::count_words_up_to(&text, WORDS_COUNTED);
            proptest::prop_assert_eq!(
                is_copyright(&text, n_words),
                is_copyright_plain(&text, n_words),
                "{:?}",
                text
            );
        }

        #[test]
        fn text_cut_at_blank_lines_gives_the_same_blocks(
            text in "[ab \\n\\r•*-]{0,300}",
            parts in 1usize..6,
        ) {
            let whole: Vec<String> = text_blocks_in(&text, 1).into_iter().map(|b| b.text).collect();
            let cut: Vec<String> = text_blocks_in(&text, parts).into_iter().map(|b| b.text).collect();
            proptest::prop_assert_eq!(cut, whole);
        }
    }

    #[test]
    fn one_paragraph_per_line_keeps_its_paragraphs() {
        let p1 = "Le conseil municipal a voté mardi le doublement du budget des écoles, qui passe \
                  de 6 à 12 millions d'euros, selon le maire, qui a salué « un effort historique ».";
        let p2 = "L'opposition estime que la mesure augmentera la taxe foncière de 3 % sur deux ans, \
                  un chiffre que la mairie conteste dans un communiqué publié mercredi soir.";
        let blocks =
            |t: &str| -> Vec<String> { blocks_of_text(t).into_iter().map(|b| b.text).collect() };
        // A title, two paragraphs and a short one, one per line (a Word file saved as text).
        let text = format!("Budget des écoles\n{p1}\nC'est voté.\n{p2}");
        assert_eq!(
            blocks(&text),
            vec!["Budget des écoles", p1, "C'est voté.", p2]
        );
        // Lines wrapped by hand are one paragraph, even with a long address among them.
        let wrapped = "Le conseil municipal a voté mardi le doublement du budget\n\
                       des écoles, selon le compte rendu publié sur\n\
                       https://www.exemple.fr/conseil-municipal/compte-rendu/2024/11/seance-du-mardi-12-novembre-2024-budget-des-ecoles-et-des-cantines-version-definitive.pdf\n\
                       qui détaille les montants";
        assert_eq!(blocks(wrapped).len(), 1);
        assert!(
            blocks(wrapped)[0].starts_with(
                "Le conseil municipal a voté mardi le doublement du budget des écoles"
            )
        );
        // Short lines are wrapped lines as before.
        assert_eq!(blocks("Two\nlines.").len(), 1);
        // Hundreds of kilobytes of them, read in runs of lines at the same time: the same
        // blocks, in order, their spaces squashed.
        let lines: Vec<String> = (0..2000).map(|k| format!("{k}.  {p1}")).collect();
        assert!(lines.join("\n").len() > 2 * BYTES_PER_THREAD);
        let expected: Vec<String> = lines.iter().map(|l| l.replace("  ", " ")).collect();
        assert_eq!(blocks(&lines.join("\n")), expected);
    }

    #[test]
    fn long_text_is_cut_at_blank_lines() {
        let text = "One line.\n\n\nTwo\nlines.\n\n- a\n- b\n\n".repeat(50);
        for parts in 2..6 {
            let pieces = cut_at_blank_lines(&text, parts);
            assert_eq!(pieces.len(), parts, "{parts}");
            assert!(pieces.iter().all(|p| !p.is_empty()));
        }
        assert_eq!(
            cut_at_blank_lines("no blank line", 4),
            vec!["no blank line"]
        );
        // A cut aimed inside a character still happens, at the next blank line.
        let accents = "é".repeat(100) + "\n\n" + &"è".repeat(100);
        assert_eq!(cut_at_blank_lines(&accents, 2).len(), 2);
    }

    #[test]
    fn facts_worked_out_for_a_guessed_language_are_those_of_the_language() {
        // Furniture that only the French lexicon knows ("Lire aussi" opens a list of links,
        // "Partager" buttons): typed by the wrong lexicon, the blocks would differ.
        let french = "Le conseil municipal a voté lundi le budget des écoles, selon la mairie.";
        let block = |t: &str| RawBlock::new(t.to_string(), None);
        let article = |first: &str, first_bytes: usize| {
            let mut raw = Vec::new();
            while raw.iter().map(|b: &RawBlock| b.text.len()).sum::<usize>() < first_bytes {
                raw.push(block(first));
            }
            for k in 0..400 {
                raw.push(block(&format!("{french} ({k})")));
                if k % 50 == 0 {
                    raw.push(block("Lire aussi"));
                    raw.push(block("Le maire inaugure la médiathèque"));
                    raw.push(block("Partager sur Facebook"));
                }
            }
            raw
        };
        let english = "The council voted on the school budget on Monday, the mayor's office said.";
        // A guess that is right (French throughout), and one that is wrong: the sample's first
        // kilobytes are English, the whole sample French.
        for (first, first_bytes) in [(french, 0), (english, GUESS_BYTES + 500)] {
            let one = assemble_in(article(first, first_bytes), Metadata::default(), 1);
            assert_eq!(one.metadata.language.as_deref(), Some("fr"));
            assert!(one.boilerplate.iter().any(|b| b == "Lire aussi"));
            for threads in [2, 4] {
                let several =
                    assemble_in(article(first, first_bytes), Metadata::default(), threads);
                assert_eq!(several, one, "{threads} threads, first {first_bytes} bytes");
            }
        }
        let start = detection_sample(&article(english, GUESS_BYTES + 500));
        assert_eq!(lang::detect(&start[..GUESS_BYTES]), "en");
    }
}
