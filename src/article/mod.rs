//! Bytes → `Article`: the text a reader sees, cut into typed blocks, with the page furniture
//! (share buttons, comment forms, a repeated title) taken out.

pub(crate) mod clean;
mod decode;
mod docx;
mod html;
mod markdown;
mod pdf;

use serde::{Deserialize, Serialize};
use std::path::{Path, PathBuf};

/// Files larger than this are refused before they are read (20 MiB: ten times a long report).
pub const MAX_FILE_BYTES: u64 = 20 * 1024 * 1024;

/// The bundled sample article, shown when Claimdesk starts with nothing to open.
pub const SAMPLE_NAME: &str = "poutine-kim-limousine.fr.txt";
const SAMPLE_BYTES: &[u8] = include_bytes!("../../assets/samples/poutine-kim-limousine.fr.txt");

/// What a block of the article is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum BlockKind {
    Title,
    Heading,
    Byline,
    Date,
    Paragraph,
    Caption,
    Credit,
}

impl BlockKind {
    /// Headings and paragraphs: what a reader reads as the article itself.
    pub fn is_body(self) -> bool {
        matches!(self, BlockKind::Heading | BlockKind::Paragraph)
    }

    pub fn label(self) -> &'static str {
        match self {
            BlockKind::Title => "title",
            BlockKind::Heading => "heading",
            BlockKind::Byline => "byline",
            BlockKind::Date => "date",
            BlockKind::Paragraph => "paragraph",
            BlockKind::Caption => "caption",
            BlockKind::Credit => "credit",
        }
    }
}

/// A block of `Article.text`: a byte range on char boundaries.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Block {
    pub kind: BlockKind,
    pub start: usize,
    pub end: usize,
}

/// What is known about the article besides its text.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct Metadata {
    pub title: Option<String>,
    pub byline: Option<String>,
    pub published: Option<String>,
    pub site_name: Option<String>,
    pub url: Option<String>,
    /// ISO 639-1 code.
    pub language: Option<String>,
    /// Where the article was read from (absent for the bundled sample or pasted text).
    pub source_path: Option<PathBuf>,
    /// The file name shown to the reviewer.
    pub source_name: String,
    /// txt, md or html.
    pub format: String,
    /// The character encoding the file was decoded from.
    pub encoding: String,
    /// SHA-256 of the source file's bytes when it was read (hex), to notice later edits.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub source_sha256: Option<String>,
}

/// An article as Claimdesk sees it. Blocks are separated by one blank line in `text`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Article {
    pub text: String,
    pub blocks: Vec<Block>,
    pub metadata: Metadata,
    /// Page furniture taken out of the text (share buttons, comment forms…), kept to be shown on demand.
    #[serde(default)]
    pub boilerplate: Vec<String>,
}

impl Article {
    /// SHA-256 of the text itself (hex): what the review's offsets are valid for.
    pub fn text_sha256(&self) -> String {
        sha256_hex(self.text.as_bytes())
    }

    /// The title to show: the article's own, else its file name.
    pub fn display_title(&self) -> &str {
        self.metadata
            .title
            .as_deref()
            .filter(|t| !t.trim().is_empty())
            .unwrap_or(&self.metadata.source_name)
    }
}

/// Why an article could not be opened. Each message says what to do.
#[derive(Debug, thiserror::Error)]
pub enum ArticleError {
    #[error("{path}: no such file. Check the path, or choose the file with File > Open.")]
    NotFound { path: String },
    #[error(
        "{path} is a folder, not an article. Choose an article: .txt, .md, .html, .docx or .pdf."
    )]
    IsDirectory { path: String },
    #[error(
        "{path} is more than the {limit_mb} MB Claimdesk opens ({size_mb:.1} MB read). Keep only the article's text, or split it."
    )]
    TooLarge {
        path: String,
        size_mb: f64,
        limit_mb: u64,
    },
    #[error(
        "{path} is a named pipe that nobody wrote to within {waited_s} s. Start the program that writes to it first, or save its output to a file and open that."
    )]
    NoWriter { path: String, waited_s: u64 },
    #[error(
        "{path} unpacks to more than the {limit_mb} MB of text Claimdesk opens (a document this size is not one article); reading stopped there. Split it into several documents."
    )]
    TooMuchText { path: String, limit_mb: u64 },
    #[error("{path} is empty: there is no text to review.")]
    Empty { path: String },
    #[error(
        "{path} looks like {what}, not an article. Open an article: .txt, .md, .html, .docx or .pdf."
    )]
    Binary { path: String, what: &'static str },
    #[error(
        "{path} is damaged: {detail}. Try re-saving or re-exporting it, or copy its text into a .txt file."
    )]
    Damaged { path: String, detail: String },
    #[error("{path} is {what}.")]
    Unsupported { path: String, what: &'static str },
    #[error(
        "{path} is password-protected. Remove the password (or print it to a new PDF) and open it again."
    )]
    Encrypted { path: String },
    #[error(
        "{path} has no text layer: it is a scanned image. Claimdesk does not do OCR; run the scan through OCR first, or copy its text into a .txt file."
    )]
    NoTextLayer { path: String },
    #[error("{path} has no readable text once the page furniture is taken out.")]
    NoText { path: String },
    #[error(
        "could not read {path}: {source}. Check that the file exists and that you may read it."
    )]
    Io {
        path: String,
        #[source]
        source: std::io::Error,
    },
}

/// Opens the article at `path` (txt, md, html; anything else is read as text).
pub fn load(path: &Path) -> Result<Article, ArticleError> {
    let shown = path.display().to_string();
    let bytes = read_article_bytes(path)?;
    let name = path
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_else(|| shown.clone());
    let mut article = from_bytes(&bytes, &name)?;
    let sha = sha256_hex(&bytes);
    article.metadata.source_sha256 = Some(sha);
    article.metadata.source_path =
        Some(std::path::absolute(path).unwrap_or_else(|_| path.to_path_buf()));
    Ok(article)
}

/// The bytes of the file at `path`, at most `MAX_FILE_BYTES` whatever the file is (a device or a
/// pipe that never ends is stopped there).
pub fn read_article_bytes(path: &Path) -> Result<Vec<u8>, ArticleError> {
    use crate::files::{ReadError, read_capped};
    let shown = path.display().to_string();
    read_capped(path, MAX_FILE_BYTES).map_err(|e| match e {
        ReadError::Io(e) if e.kind() == std::io::ErrorKind::NotFound => {
            ArticleError::NotFound { path: shown }
        }
        ReadError::Io(source) => ArticleError::Io {
            path: shown,
            source,
        },
        ReadError::IsDirectory => ArticleError::IsDirectory { path: shown },
        ReadError::TooLarge { at_least, limit } => ArticleError::TooLarge {
            path: shown,
            size_mb: ReadError::mb(at_least),
            limit_mb: limit / (1024 * 1024),
        },
        ReadError::NoWriter => ArticleError::NoWriter {
            path: shown,
            waited_s: crate::files::PIPE_WAIT.as_secs(),
        },
    })
}

/// SHA-256 of `bytes`, as lower-case hex.
pub fn sha256_hex(bytes: &[u8]) -> String {
    use sha2::Digest;
    sha2::Sha256::digest(bytes)
        .iter()
        .map(|b| format!("{b:02x}"))
        .collect()
}

/// Has the file this article was read from changed since? (False when it is gone or unknown.)
pub fn source_changed(article: &Article) -> bool {
    match (
        &article.metadata.source_path,
        &article.metadata.source_sha256,
    ) {
        (Some(p), Some(sha)) => std::fs::read(p)
            .map(|b| sha256_hex(&b) != *sha)
            .unwrap_or(false),
        _ => false,
    }
}

/// The file extensions of the articles Claimdesk reads (File > Open offers them, `batch` looks
/// for them in folders). Any other file is read too when given by name: its first bytes decide.
pub const EXTENSIONS: &[&str] = &[
    "txt", "md", "markdown", "html", "htm", "xhtml", "docx", "pdf",
];

/// Reads an article from bytes; `name` (a file name) picks the format by its extension.
pub fn from_bytes(bytes: &[u8], name: &str) -> Result<Article, ArticleError> {
    if bytes.len() as u64 > MAX_FILE_BYTES {
        return Err(ArticleError::TooLarge {
            path: name.to_string(),
            size_mb: bytes.len() as f64 / (1024.0 * 1024.0),
            limit_mb: MAX_FILE_BYTES / (1024 * 1024),
        });
    }
    if bytes.iter().all(|b| b.is_ascii_whitespace()) {
        return Err(ArticleError::Empty {
            path: name.to_string(),
        });
    }
    let ext = Path::new(name)
        .extension()
        .map(|e| e.to_string_lossy().to_lowercase())
        .unwrap_or_default();
    let path = || name.to_string();
    // Containers are recognised by their first bytes, whatever the file is called.
    if bytes.starts_with(b"%PDF") || ext == "pdf" {
        let raw = pdf::blocks(bytes).map_err(|e| match e {
            pdf::PdfError::Damaged(detail) => ArticleError::Damaged {
                path: path(),
                detail,
            },
            pdf::PdfError::Encrypted => ArticleError::Encrypted { path: path() },
            pdf::PdfError::NoText => ArticleError::NoTextLayer { path: path() },
        })?;
        return finish(raw, Metadata::default(), name, "pdf", "PDF text layer");
    }
    if bytes.starts_with(b"PK\x03\x04") || ext == "docx" {
        let (raw, meta) = docx::blocks(bytes).map_err(|e| match e {
            docx::DocxError::Damaged(detail) => ArticleError::Damaged {
                path: path(),
                detail,
            },
            docx::DocxError::TooMuch => ArticleError::TooMuchText {
                path: path(),
                limit_mb: MAX_FILE_BYTES / (1024 * 1024),
            },
            docx::DocxError::NotWord(what) => ArticleError::Unsupported { path: path(), what },
        })?;
        return finish(raw, meta, name, "docx", "UTF-8");
    }
    if bytes.starts_with(&[0xD0, 0xCF, 0x11, 0xE0]) {
        return Err(ArticleError::Unsupported {
            path: path(),
            what: "an old Word .doc or a password-protected Office file: save it as .docx without a password",
        });
    }
    if let Some(what) = decode::binary_kind(bytes) {
        return Err(ArticleError::Binary { path: path(), what });
    }
    let (text, encoding) = decode::decode(bytes);
    let looks_html = {
        let head = text
            .trim_start()
            .get(..200)
            .unwrap_or(text.trim_start())
            .to_lowercase();
        head.starts_with("<!doctype html") || head.starts_with("<html")
    };
    let (raw, metadata, format) = match ext.as_str() {
        "html" | "htm" | "xhtml" => {
            let (raw, meta) = html::blocks(&text);
            (raw, meta, "html")
        }
        "md" | "markdown" => (markdown::blocks(&text), Metadata::default(), "md"),
        _ if looks_html => {
            let (raw, meta) = html::blocks(&text);
            (raw, meta, "html")
        }
        _ => (clean::text_blocks(&text), Metadata::default(), "txt"),
    };
    finish(raw, metadata, name, format, &encoding)
}

fn finish(
    raw: Vec<clean::RawBlock>,
    mut metadata: Metadata,
    name: &str,
    format: &str,
    encoding: &str,
) -> Result<Article, ArticleError> {
    metadata.source_name = name.to_string();
    metadata.format = format.to_string();
    metadata.encoding = encoding.to_string();
    // A PDF's or a Word file's text can be far larger than the file (compressed streams): the
    // text is limited too, to what the largest file in a one-byte legacy encoding decodes to
    // (up to 3 bytes of UTF-8 a byte).
    let text_bytes: usize = raw.iter().map(|b| b.text.len() + 2).sum();
    if text_bytes as u64 > MAX_FILE_BYTES * 3 {
        return Err(ArticleError::TooMuchText {
            path: name.to_string(),
            limit_mb: MAX_FILE_BYTES * 3 / (1024 * 1024),
        });
    }
    let article = clean::assemble(raw, metadata);
    if article.text.trim().is_empty() {
        return Err(ArticleError::NoText {
            path: name.to_string(),
        });
    }
    Ok(article)
}

/// Decodes text bytes (UTF-8, UTF-16 and UTF-32 with or without a BOM, legacy encodings, a mix
/// of UTF-8 and legacy lines) as `claimdesk segment` and `claimdesk score` read their input.
pub fn decode_text(bytes: &[u8]) -> String {
    decode::decode(bytes).0.into_owned()
}

/// The bundled French sample article.
pub fn sample() -> Article {
    // The sample is compiled in and covered by tests; failing to read it is a build defect.
    from_bytes(SAMPLE_BYTES, SAMPLE_NAME).expect("the bundled sample article is readable")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sample_keeps_title_once_and_drops_the_trailer() {
        let a = sample();
        let title = "Vladimir Poutine et Kim Jong Un riaient dans une limousine russe";
        assert_eq!(a.text.matches(title).count(), 1);
        assert_eq!(a.blocks[0].kind, BlockKind::Title);
        assert_eq!(a.display_title(), title);
        for noise in ["Facebook", "Pinterest", "Leave a Comment", "Akismet"] {
            assert!(!a.text.contains(noise), "{noise} left in the text");
        }
        assert!(a.boilerplate.iter().any(|b| b.contains("Akismet")));
        let captions: Vec<&str> = a
            .blocks
            .iter()
            .filter(|b| b.kind == BlockKind::Caption)
            .map(|b| &a.text[b.start..b.end])
            .collect();
        assert_eq!(captions.len(), 2, "{captions:?}");
        assert!(captions[0].ends_with("(KCNA/AP via CNN Newsource)"));
        let paragraphs = a
            .blocks
            .iter()
            .filter(|b| b.kind == BlockKind::Paragraph)
            .count();
        assert_eq!(paragraphs, 14);
        assert_eq!(a.metadata.language.as_deref(), Some("fr"));
    }

    #[test]
    fn html_sample_reads_like_the_text_sample() {
        let html = include_bytes!("../../assets/samples/poutine-kim-limousine.fr.html");
        let a = from_bytes(html, "poutine-kim-limousine.fr.html").unwrap();
        let kinds = |k: BlockKind| a.blocks.iter().filter(|b| b.kind == k).count();
        assert_eq!(kinds(BlockKind::Title), 1);
        assert_eq!(kinds(BlockKind::Paragraph), 14);
        assert_eq!(kinds(BlockKind::Caption), 2);
        for b in a.blocks.iter().filter(|b| b.kind == BlockKind::Caption) {
            assert!(a.text[b.start..b.end].ends_with("via CNN Newsource)"));
        }
        for noise in ["Facebook", "Leave a Comment", "Akismet"] {
            assert!(!a.text.contains(noise), "{noise} left in the text");
        }
        assert_eq!(a.metadata.language.as_deref(), Some("fr"));
    }

    #[test]
    fn html_class_names_mark_captions_and_furniture() {
        let page = "<!doctype html><html lang=\"en\"><head><title>Flood defences fail</title></head><body>\
            <article><h1>Flood defences fail</h1>\
            <p>The river rose by 2.4 metres overnight, the highest level since records began in 1881, the agency said.</p>\
            <div class=\"image-block\"><img src=\"a.jpg\"><p class=\"photo-caption\">Sandbags outside the town hall on Tuesday.</p></div>\
            <p>About 1,200 homes were evacuated before dawn, according to the county council's emergency team.</p>\
            <div class=\"related-links\"><p>Storm season: what to expect this winter in the north</p><p>Ten rivers to watch after the wettest autumn on record</p></div>\
            <p>Repairs to the breached wall will cost at least 3 million pounds, the council's engineer estimated.</p>\
            </article></body></html>";
        let a = from_bytes(page.as_bytes(), "flood.html").unwrap();
        let caption = a
            .blocks
            .iter()
            .find(|b| b.kind == BlockKind::Caption)
            .expect("a caption");
        assert_eq!(
            &a.text[caption.start..caption.end],
            "Sandbags outside the town hall on Tuesday."
        );
        assert!(!a.text.contains("Storm season"), "{}", a.text);
        assert!(a.boilerplate.iter().any(|b| b.contains("Storm season")));
        assert_eq!(
            a.blocks
                .iter()
                .filter(|b| b.kind == BlockKind::Paragraph)
                .count(),
            3
        );
    }

    #[test]
    fn blocks_index_the_text() {
        let a = sample();
        for w in a.blocks.windows(2) {
            assert_eq!(&a.text[w[0].end..w[1].start], "\n\n");
        }
        assert_eq!(a.blocks.last().map(|b| b.end), Some(a.text.len()));
    }

    #[test]
    fn bad_bytes_give_clear_errors() {
        assert!(matches!(
            from_bytes(b"", "a.txt"),
            Err(ArticleError::Empty { .. })
        ));
        assert!(matches!(
            from_bytes(b"  \n\n ", "a.txt"),
            Err(ArticleError::Empty { .. })
        ));
        let bin = [0u8, 1, 2, 3, 0, 0, 159, 146, 150];
        let err = from_bytes(&bin, "a.bin").unwrap_err();
        assert!(err.to_string().contains("not an article"), "{err}");
        let pdf = b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj";
        assert!(matches!(
            from_bytes(pdf, "a.pdf"),
            Err(ArticleError::Damaged { .. })
        ));
    }

    #[test]
    fn latin1_text_is_decoded() {
        let bytes = b"Le pr\xe9sident a d\xe9clar\xe9 que le budget a doubl\xe9 en 2020. C'est la premi\xe8re fois.";
        let a = from_bytes(bytes, "latin1.txt").unwrap();
        assert!(a.text.contains("président a déclaré"), "{}", a.text);
        assert_ne!(a.metadata.encoding, "UTF-8");
    }

    #[test]
    fn markdown_markup_is_not_text() {
        let md = "# Le titre\n\nUn **premier** paragraphe avec [un lien](http://x.fr).\n\n- point un\n- point deux\n";
        let a = from_bytes(md.as_bytes(), "a.md").unwrap();
        assert_eq!(a.display_title(), "Le titre");
        assert!(
            a.text.contains("Un premier paragraphe avec un lien."),
            "{}",
            a.text
        );
        assert!(!a.text.contains("**") && !a.text.contains("]("));
    }

    #[test]
    fn html_main_text_and_title() {
        let page = "<!doctype html><html lang=\"en\"><head><title>Budget doubles</title></head><body>\
            <nav><a href=\"/\">Home</a> <a href=\"/x\">World</a></nav><article><h1>Budget doubles</h1>\
            <p>The city council voted on Tuesday to double the school budget to 12 million dollars, the largest rise since 1990.</p>\
            <p>According to the mayor, the money will pay for 40 new teachers and the repair of six buildings across the city.</p>\
            <p>Opponents said the plan would raise property taxes by 3 percent over the next two years for most households.</p>\
            </article><footer>Share on Facebook</footer></body></html>";
        let a = from_bytes(page.as_bytes(), "page.html").unwrap();
        assert_eq!(a.display_title(), "Budget doubles");
        assert!(a.text.contains("double the school budget"), "{}", a.text);
        assert!(!a.text.contains("Home"), "{}", a.text);
        assert_eq!(a.metadata.format, "html");
    }
}
