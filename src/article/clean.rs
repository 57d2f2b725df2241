//! Raw blocks → Article: typing each block (title, heading, caption, credit, paragraph), taking out
//! page furniture and a repeated title, and laying the blocks out as one text.

use super::{Article, Block, BlockKind, Metadata};
use crate::lexicon::{self, furniture, lang};
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
    let text: std::borrow::Cow<str> = if text.contains('\r') {
        text.replace("\r\n", "\n").replace('\r', "\n").into()
    } else {
        text.into()
    };
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
        if lines_are_paragraphs(&lines) {
            out.extend(
                lines
                    .iter()
                    .map(|line| RawBlock::new(squash_whitespace(line), None)),
            );
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

/// "Copyright © 2019 …", "Tous droits réservés": legal lines of the page, not of the article.
/// (A short "© Reuters" under a photo is a credit, decided before this.)
fn is_copyright(text: &str, n_words: usize) -> bool {
    if n_words <= 3 || n_words > 40 {
        return false;
    }
    let lower = to_lowercase(text);
    ["copyright", "©", "ⓒ", "rights reserved", "droits réservés"]
        .iter()
        .any(|m| lower.contains(m))
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

/// "Home » News » Politics": a site's navigation trail. In plain text (`plain`), a `>` that
/// closes a tag ("<script>") separates nothing.
fn is_breadcrumb(text: &str, n_words: usize, plain: bool) -> bool {
    if n_words > 16 {
        return false;
    }
    if !plain {
        return text.matches(['»', '›', '>']).count() >= 2;
    }
    let mut in_tag = false;
    let mut separators = 0;
    for c in text.chars() {
        match c {
            '<' => in_tag = true,
            '>' if in_tag => in_tag = false,
            '»' | '›' | '>' => separators += 1,
            _ => {}
        }
    }
    separators >= 2
}

/// Markup that leaked into a web page's text ("&lt;span data-mce-…", "[button link=…]"). Not
/// looked for in plain text and Markdown, where markup is what the author wrote.
fn is_markup(text: &str) -> bool {
    // Every marker but the first has one of these bytes: most blocks are looked at once.
    if !text.bytes().any(|b| matches!(b, b'&' | b'<' | b'[')) {
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
    /// English; `plain` for plain text and Markdown, whose markup is the author's text.
    fn of(
        b: &'a RawBlock,
        lex: &lexicon::Lexicon,
        lexes: &[&lexicon::Lexicon],
        max_key_chars: usize,
        plain: bool,
    ) -> Option<Facts<'a>> {
        let text = b.text.trim();
        if text.is_empty() {
            return None;
        }
        // Every test below compares the number of words with 40 at most: counting stops there.
        let n_words = text.split_whitespace().take(WORDS_COUNTED).count();
        // The key is read for short blocks only: a long block cannot be a line of furniture,
        // and the other tests that read it look at 20 words at most.
        let key_text = furniture::furniture_text(text);
        let key_matters = n_words <= 20 || key_text.chars().nth(max_key_chars).is_none();
        let key = if key_matters {
            to_lowercase(key_text)
        } else {
            String::new()
        };
        let credit = is_credit_line(text, n_words, lexes);
        let furniture = text.lines().all(|l| furniture::is_boilerplate_in(l, lexes))
            || (key_matters && lexes.iter().any(|x| x.boilerplate_keys.contains(&key)))
            || (!plain && is_markup(text))
            || (is_copyright(text, n_words) && !credit)
            || is_follow_us(&key, n_words, lexes)
            || is_breadcrumb(text, n_words, plain)
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
pub(crate) fn assemble(raw: Vec<RawBlock>, mut metadata: Metadata) -> Article {
    let code = match metadata.language.as_deref() {
        Some(l) if lexicon::languages().contains(&l) => l.to_string(),
        _ => lang::detect(&detection_sample(&raw)).to_string(),
    };
    let lex = lexicon::for_language(&code);
    // Share buttons and comment forms are in English on many French sites: check both lexicons.
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
    // In a plain text or Markdown file, "<script>" or "&lt;" is what the author wrote, not
    // markup a web page leaked.
    let plain = matches!(metadata.format.as_str(), "txt" | "md");
    // Each block's facts are its own: a long article's are worked out on several threads.
    let facts: Vec<Option<Facts>> = {
        use rayon::prelude::*;
        raw.par_iter()
            .map(|b| Facts::of(b, lex, &lexes, max_key_chars, plain))
            .collect()
    };
    metadata.language = Some(code);
    let total: usize = raw.iter().map(|b| b.text.len()).sum();
    let mut text = String::with_capacity(total + total / 8);
    let mut blocks: Vec<Block> = Vec::new();
    let mut has_title = false;
    let mut boilerplate = Vec::new();
    let mut title: Option<String> = metadata.title.clone();
    // After "Read more" / "Lire aussi", the page lists other articles until the text resumes.
    let mut in_link_list = false;
    for f in facts.into_iter().flatten() {
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
            |t: &str| is_dateline(t, t.split_whitespace().take(WORDS_COUNTED).count(), &lexes);
        assert!(!dateline("Budget 2024 : ce qui change"));
        assert!(dateline("15:23 2019"));
        assert!(dateline("sexta-feira, 22 de outubro de 2010 às 20:13"));
        assert!(!dateline(
            "Mis à jour le 12 mars 2024 à 10:05, après la réunion du conseil des ministres qui a duré"
        ));
        assert!(is_markup("&amp;lt;span data-mce-type=\"bookmark\"&gt;"));
    }

    #[test]
    fn tags_in_plain_text_are_no_breadcrumb_and_no_leaked_markup() {
        let tagged = "Le maire a dit que <script>alert(1)</script> 40 % des routes.";
        assert!(is_breadcrumb(tagged, 12, false));
        assert!(!is_breadcrumb(tagged, 12, true));
        // A trail is a trail in any file.
        for plain in [false, true] {
            assert!(is_breadcrumb("Home > News > Politics", 5, plain));
            assert!(is_breadcrumb("Accueil » Monde » Europe", 5, plain));
        }
        let block = |format: &str| {
            let raw = vec![
                RawBlock::new("Le budget".into(), None),
                RawBlock::new(tagged.into(), None),
                RawBlock::new(
                    "Selon le rapport <span class=\"x\">publié</span> en 2022, le budget a doublé."
                        .into(),
                    None,
                ),
            ];
            let metadata = Metadata {
                format: format.into(),
                ..Default::default()
            };
            assemble(raw, metadata)
        };
        for format in ["txt", "md"] {
            let a = block(format);
            assert!(
                a.text.contains(tagged) && a.text.contains("<span"),
                "{format}"
            );
            assert!(a.boilerplate.is_empty(), "{format}: {:?}", a.boilerplate);
        }
        // From a web page (or a Word file, a PDF), as before.
        for format in ["html", "docx", "pdf"] {
            assert_eq!(block(format).boilerplate.len(), 2, "{format}");
        }
    }

    #[test]
    fn one_paragraph_per_line_keeps_its_paragraphs() {
        let p1 = "Le conseil municipal a voté mardi le doublement du budget des écoles, qui passe \
                  de 6 à 12 millions d'euros, selon le maire, qui a salué « un effort historique ».";
        let p2 = "L'opposition estime que la mesure augmentera la taxe foncière de 3 % sur deux ans, \
                  un chiffre que la mairie conteste dans un communiqué publié mercredi soir.";
        let blocks =
            |t: &str| -> Vec<String> { text_blocks(t).into_iter().map(|b| b.text).collect() };
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
        // Thousands of them: the same blocks, in order, their spaces squashed.
        let lines: Vec<String> = (0..2000).map(|k| format!("{k}.  {p1}")).collect();
        let expected: Vec<String> = lines.iter().map(|l| l.replace("  ", " ")).collect();
        assert_eq!(blocks(&lines.join("\n")), expected);
    }
}
