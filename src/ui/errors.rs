//! The errors of opening an article, reading and saving a session, and of the claim library,
//! said in the window's language. The core's errors say themselves in English (`Display`, what
//! the command line prints); here each variant is one message (`error-…` in `assets/i18n`)
//! filled from the error's fields, so that the English window says exactly what `Display` says
//! and another language says it all in its own words.
//!
//! Only Claimdesk's own sentences are translated: what the system says (`std::io::Error`), what a
//! parser says (serde_json's details, a PDF or zip reader's) and other free text from libraries
//! (a database's message, the differences a store error carries) stay as they come.

use super::i18n::{holes, tr, trf};
use crate::article::ArticleError;
use crate::library::LibraryError;
use crate::store::StoreError;

/// Why a job (opening, pasting, re-anchoring) gave no review, as the worker found it: the typed
/// error, said in the window's language by the window's thread (`failure`).
#[derive(Debug)]
pub enum Failure {
    Article(ArticleError),
    Store(StoreError),
    /// The job was cancelled; the window has forgotten it already.
    Cancelled,
}

impl From<ArticleError> for Failure {
    fn from(e: ArticleError) -> Failure {
        Failure::Article(e)
    }
}

impl From<StoreError> for Failure {
    fn from(e: StoreError) -> Failure {
        Failure::Store(e)
    }
}

/// A job's failure in the window's language.
pub fn failure(f: &Failure) -> String {
    match f {
        Failure::Article(e) => article_error(e),
        Failure::Store(e) => store_error(e),
        Failure::Cancelled => tr("error-job-cancelled").to_string(),
    }
}

/// Megabytes as `Display` writes them (`{:.1}`, `{:.0}`): the text is made a Fluent number
/// that keeps its decimals.
fn mb(size: f64, decimals: usize) -> String {
    super::i18n::language().decimal(size, decimals)
}

/// What is damaged in a file, in the window's language when the core words it ("its structure
/// could not be read", "word/document.xml cannot be read (…)"); a reader library's own text as
/// written.
fn damage(detail: &str) -> String {
    if detail == "its structure could not be read" {
        return tr("error-damage-structure").to_string();
    }
    let inner = |prefix: &str| {
        detail
            .strip_prefix(prefix)
            .and_then(|rest| rest.strip_suffix(')'))
    };
    if let Some(e) = inner("it is not a complete zip archive (") {
        return trf("error-damage-zip", &[("e", &e)]);
    }
    if let Some(rest) = inner("its XML is broken at byte ")
        && let Some((at, e)) = rest.split_once(" (")
    {
        return trf("error-damage-xml", &[("at", &at), ("e", &e)]);
    }
    if let Some((name, rest)) = detail.split_once(" cannot be read (")
        && let Some(e) = rest.strip_suffix(')')
    {
        return trf("error-damage-part", &[("name", &name), ("e", &e)]);
    }
    detail.to_string()
}

/// What a file that is not an article is ("a binary file"), in the window's language when it is
/// one the core names; any other as written.
fn what(text: &str) -> String {
    let id = match text {
        "a binary file" => "error-what-binary",
        "an old Word .doc or a password-protected Office file: save it as .docx without a password" => {
            "error-what-old-word"
        }
        "an OpenDocument file (.odt): save it as .docx" => "error-what-odt",
        "a zip archive without a Word document in it" => "error-what-zip",
        _ => return text.to_string(),
    };
    tr(id).to_string()
}

/// Why an article could not be opened, in the window's language.
pub fn article_error(e: &ArticleError) -> String {
    match e {
        ArticleError::NotFound { path } => trf("error-not-found", &[("path", path)]),
        ArticleError::IsDirectory { path } => trf("error-is-directory", &[("path", path)]),
        ArticleError::TooLarge {
            path,
            size_mb,
            limit_mb,
        } => trf(
            "error-too-large",
            &[
                ("path", path),
                ("limit", limit_mb),
                ("size", &mb(*size_mb, 1)),
            ],
        ),
        ArticleError::NoWriter { path, waited_s } => {
            trf("error-no-writer", &[("path", path), ("s", waited_s)])
        }
        ArticleError::TooMuchText { path, limit_mb } => trf(
            "error-too-much-text",
            &[("path", path), ("limit", limit_mb)],
        ),
        ArticleError::Empty { path } => trf("error-empty", &[("path", path)]),
        ArticleError::Binary { path, what: w } => {
            trf("error-binary", &[("path", path), ("what", &what(w))])
        }
        // The detail is Claimdesk's (said again here) or the PDF or zip reader's.
        ArticleError::Damaged { path, detail } => trf(
            "error-damaged",
            &[("path", path), ("detail", &damage(detail))],
        ),
        ArticleError::Unsupported { path, what: w } => {
            trf("error-unsupported", &[("path", path), ("what", &what(w))])
        }
        ArticleError::Encrypted { path } => trf("error-encrypted", &[("path", path)]),
        ArticleError::NoTextLayer { path } => trf("error-no-text-layer", &[("path", path)]),
        ArticleError::NoText { path } => trf("error-no-text", &[("path", path)]),
        // The system's words.
        ArticleError::Io { path, source } => trf("error-io", &[("path", path), ("e", source)]),
    }
}

/// Why a session file could not be read or written, in the window's language.
pub fn store_error(e: &StoreError) -> String {
    match e {
        StoreError::Read { path, source } => trf(
            "error-session-read",
            &[("path", path), ("e", &io_detail(source))],
        ),
        // serde_json's words.
        StoreError::Syntax {
            path,
            detail,
            line,
            column,
        } => trf(
            "error-session-syntax",
            &[
                ("path", path),
                ("detail", detail),
                ("line", line),
                ("column", column),
            ],
        ),
        StoreError::NotASession { path } => trf("error-session-not-a-session", &[("path", path)]),
        StoreError::TooNew {
            path,
            found,
            supported,
        } => trf(
            "error-session-too-new",
            &[("path", path), ("found", found), ("supported", supported)],
        ),
        StoreError::BadVersion {
            path,
            found,
            supported,
        } => trf(
            "error-session-bad-version",
            &[("path", path), ("found", found), ("supported", supported)],
        ),
        // serde_json's words.
        StoreError::Invalid { path, detail } => trf(
            "error-session-invalid",
            &[("path", path), ("detail", detail)],
        ),
        StoreError::TooLarge {
            path,
            size_mb,
            limit_mb,
        } => trf(
            "error-session-too-large",
            &[
                ("path", path),
                ("limit", limit_mb),
                ("size", &mb(*size_mb, 0)),
            ],
        ),
        // The system's words.
        StoreError::Write { path, source } => {
            trf("error-session-write", &[("path", path), ("e", source)])
        }
        StoreError::Cancelled { path } => trf("error-session-cancelled", &[("path", path)]),
        StoreError::Busy { path, waited_s } => {
            trf("error-session-busy", &[("path", path), ("s", waited_s)])
        }
        StoreError::Exists { path } => trf("error-session-exists", &[("path", path)]),
        // What differs is said in English by the store; the window says it again itself where
        // it asks what to do (`i18n::differences`).
        StoreError::ChangedOnDisk { path, changes, .. } => trf(
            "error-session-changed",
            &[("path", path), ("changes", changes)],
        ),
        StoreError::WouldBeTooLarge { path, limit_mb } => trf(
            "error-session-would-be-too-large",
            &[("path", path), ("limit", limit_mb)],
        ),
    }
}

/// The system's words for a failed read, except the two the store writes itself (a folder, a
/// pipe nobody wrote to), said in the window's language.
fn io_detail(source: &std::io::Error) -> String {
    let text = source.to_string();
    if source.kind() == std::io::ErrorKind::Other {
        if text == "it is a folder" {
            return tr("error-session-folder").to_string();
        }
        if let Some([s]) = holes(&text, "it is a named pipe nobody wrote to within {} s") {
            return trf("error-session-pipe", &[("s", &s)]);
        }
    }
    text
}

/// Why the claim library failed, in the window's language. The details are the database's or
/// the system's words.
pub fn library_error(e: &LibraryError) -> String {
    match e {
        LibraryError::Open { place, detail } => trf(
            "error-library-open",
            &[("place", place), ("detail", detail)],
        ),
        LibraryError::Newer { place, found } => trf(
            "error-library-newer",
            &[
                ("place", place),
                ("found", found),
                ("known", &crate::library::SCHEMA_VERSION),
            ],
        ),
        LibraryError::Busy { place, detail } => trf(
            "error-library-busy",
            &[("place", place), ("detail", detail)],
        ),
        LibraryError::Engine { place, detail } => trf(
            "error-library-engine",
            &[("place", place), ("detail", detail)],
        ),
        LibraryError::Read { path, detail } => {
            trf("error-library-read", &[("path", path), ("detail", detail)])
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::i18n::Lang;
    use crate::ui::i18n::set_language;

    fn io(kind: std::io::ErrorKind) -> std::io::Error {
        std::io::Error::from(kind)
    }

    /// One error of each variant, with fields as the core fills them.
    fn article_errors() -> Vec<ArticleError> {
        let path = || "/tmp/a b/article.pdf".to_string();
        vec![
            ArticleError::NotFound { path: path() },
            ArticleError::IsDirectory { path: path() },
            ArticleError::TooLarge {
                path: path(),
                size_mb: 64.04,
                limit_mb: 64,
            },
            ArticleError::NoWriter {
                path: path(),
                waited_s: 5,
            },
            ArticleError::TooMuchText {
                path: path(),
                limit_mb: 192,
            },
            ArticleError::Empty { path: path() },
            ArticleError::Binary {
                path: path(),
                what: "a binary file",
            },
            ArticleError::Damaged {
                path: path(),
                detail: "unexpected end of file".into(),
            },
            ArticleError::Unsupported {
                path: path(),
                what: "an old Word .doc or a password-protected Office file: save it as .docx without a password",
            },
            ArticleError::Unsupported {
                path: path(),
                what: "an OpenDocument file (.odt): save it as .docx",
            },
            ArticleError::Unsupported {
                path: path(),
                what: "a zip archive without a Word document in it",
            },
            ArticleError::Encrypted { path: path() },
            ArticleError::NoTextLayer { path: path() },
            ArticleError::NoText { path: path() },
            ArticleError::Io {
                path: path(),
                source: io(std::io::ErrorKind::PermissionDenied),
            },
        ]
    }

    fn store_errors() -> Vec<StoreError> {
        let path = || "/home/r/2024.claimdesk.json".to_string();
        let mut errors = vec![
            StoreError::Read {
                path: path(),
                source: io(std::io::ErrorKind::NotFound),
            },
            StoreError::Syntax {
                path: path(),
                detail: "EOF while parsing an object".into(),
                line: 12,
                column: 1,
            },
            StoreError::NotASession { path: path() },
            StoreError::TooNew {
                path: path(),
                found: 99,
                supported: 2,
            },
            StoreError::Invalid {
                path: path(),
                detail: "claims[0].verdict: unknown variant `Maybe`".into(),
            },
            StoreError::TooLarge {
                path: path(),
                size_mb: 3072.6,
                limit_mb: 3072,
            },
            StoreError::Write {
                path: path(),
                source: io(std::io::ErrorKind::StorageFull),
            },
            StoreError::Cancelled { path: path() },
            StoreError::Busy {
                path: path(),
                waited_s: 10,
            },
            StoreError::Exists { path: path() },
            StoreError::ChangedOnDisk {
                path: path(),
                changes: "On disk:\n• claim 1: note differs".into(),
                on_disk: crate::store::Seen::unknown(),
            },
            StoreError::WouldBeTooLarge {
                path: path(),
                limit_mb: 3072,
            },
        ];
        for found in ["2.5", "\"2\"", "-1", "3.10"] {
            errors.push(StoreError::BadVersion {
                path: path(),
                found: found.into(),
                supported: 2,
            });
        }
        errors
    }

    fn library_errors() -> Vec<LibraryError> {
        let place = || "postgres://desk:***@db.example/claims".to_string();
        vec![
            LibraryError::Open {
                place: place(),
                detail: "connection refused".into(),
            },
            LibraryError::Newer {
                place: place(),
                found: 4,
            },
            LibraryError::Busy {
                place: place(),
                detail: "database is locked".into(),
            },
            LibraryError::Engine {
                place: place(),
                detail: "disk I/O error".into(),
            },
            LibraryError::Read {
                path: "claims.jsonl".into(),
                detail: "permission denied".into(),
            },
        ]
    }

    /// Every error made by the core itself, where it makes them (the store's two own read
    /// details included).
    fn made_by_the_core() -> Vec<String> {
        let tmp = tempfile::tempdir().unwrap();
        let dir = tmp.path();
        let mut said = Vec::new();
        let folder = crate::store::open(dir)
            .err()
            .expect("a folder is no session");
        said.push(store_error(&folder));
        let binary = crate::article::from_bytes(&[0u8; 64], "x.bin")
            .err()
            .unwrap();
        said.push(article_error(&binary));
        let missing = crate::article::load(&dir.join("absent.txt")).err().unwrap();
        said.push(article_error(&missing));
        said
    }

    #[test]
    fn english_says_exactly_what_the_command_line_says() {
        set_language(Lang::EN);
        for e in article_errors() {
            assert_eq!(article_error(&e), e.to_string());
        }
        for e in store_errors() {
            assert_eq!(store_error(&e), e.to_string());
        }
        for e in library_errors() {
            assert_eq!(library_error(&e), e.to_string());
        }
        let tmp = tempfile::tempdir().unwrap();
        let folder = crate::store::open(tmp.path()).err().unwrap();
        assert_eq!(store_error(&folder), folder.to_string());
        assert_eq!(
            failure(&Failure::Store(folder)),
            crate::store::open(tmp.path()).err().unwrap().to_string()
        );
    }

    /// Words of Claimdesk's English sentences that a French one never has.
    const ENGLISH: [&str; 12] = [
        " is ", " the ", " not ", " could ", "Check ", " file", " with ", " has ", "Open ",
        "Choose", " or ", "Update",
    ];

    fn assert_french(said: &str, free_text: &[&str]) {
        // The system's and the parsers' words stay as they come: left out of the check.
        let mut own = said.to_string();
        for t in free_text {
            own = own.replace(t, "");
        }
        for word in ENGLISH {
            assert!(!own.contains(word), "English {word:?} in: {said}");
        }
    }

    #[test]
    fn the_damage_claimdesk_words_is_said_in_the_window_language() {
        let core = [
            "its structure could not be read",
            "it is not a complete zip archive (invalid Zip archive: EOF)",
            "its XML is broken at byte 120 (unexpected end)",
            "word/document.xml cannot be read (stream did not contain valid UTF-8)",
        ];
        set_language(Lang::EN);
        for d in core {
            assert_eq!(damage(d), d, "English says it as the core does");
        }
        set_language(Lang::parse("fr").unwrap());
        assert_eq!(damage(core[0]), "sa structure est illisible");
        assert_eq!(
            damage(core[1]),
            "ce n'est pas une archive zip complète (invalid Zip archive: EOF)"
        );
        assert_eq!(
            damage(core[2]),
            "son XML est cassé à l'octet 120 (unexpected end)"
        );
        assert_eq!(
            damage(core[3]),
            "word/document.xml est illisible (stream did not contain valid UTF-8)"
        );
        assert_eq!(damage("PDF reader's own words"), "PDF reader's own words");
        set_language(Lang::EN);
    }

    #[test]
    fn each_error_is_said_in_french() {
        set_language(Lang::parse("fr").unwrap());
        let free: &[&str] = &[
            "/tmp/a b/article.pdf",
            "/home/r/2024.claimdesk.json",
            "postgres://desk:***@db.example/claims",
            "unexpected end of file",
            "EOF while parsing an object",
            "claims[0].verdict: unknown variant `Maybe`",
            "connection refused",
            "database is locked",
            "disk I/O error",
            "permission denied",
            "On disk:\n• claim 1: note differs",
            "claimdesk mark",
        ];
        let mut all: Vec<String> = article_errors().iter().map(article_error).collect();
        all.extend(store_errors().iter().map(store_error));
        all.extend(library_errors().iter().map(library_error));
        all.extend(made_by_the_core());
        for said in &all {
            // The system's words for an io::Error, whatever the machine's locale.
            let said_own = [
                io(std::io::ErrorKind::PermissionDenied),
                io(std::io::ErrorKind::NotFound),
                io(std::io::ErrorKind::StorageFull),
            ]
            .iter()
            .fold(said.clone(), |s, e| s.replace(&e.to_string(), ""));
            assert_french(&said_own, free);
        }
        assert_eq!(
            article_error(&article_errors()[0]),
            "/tmp/a b/article.pdf est introuvable. Vérifiez le chemin, ou choisissez le fichier \
             avec Fichier > Ouvrir."
        );
        assert_eq!(
            article_error(&article_errors()[2]),
            "/tmp/a b/article.pdf dépasse les 64 Mo que Claimdesk ouvre (64,0 Mo lus). Ne gardez \
             que le texte de l'article, ou coupez-le."
        );
        assert_eq!(
            article_error(&article_errors()[6]),
            "/tmp/a b/article.pdf semble être un fichier binaire, pas un article. Ouvrez un \
             fichier .txt, .md, .html, .docx ou .pdf."
        );
        assert!(
            store_error(&store_errors()[6])
                .ends_with("choisissez un autre dossier avec Fichier > Enregistrer sous."),
            "{}",
            store_error(&store_errors()[6])
        );
        assert_eq!(
            store_error(&store_errors()[3]),
            "/home/r/2024.claimdesk.json est une session au format 99, plus récent que ce que ce \
             Claimdesk comprend (jusqu'au format 2). Mettez Claimdesk à jour pour l'ouvrir."
        );
        assert_eq!(
            library_error(&library_errors()[2]),
            "La bibliothèque des vérifications postgres://desk:***@db.example/claims est occupée \
             (un autre programme la tient)\u{a0}: database is locked. Réessayez dans un instant."
        );
        let tmp = tempfile::tempdir().unwrap();
        let folder = crate::store::open(tmp.path()).err().unwrap();
        assert!(
            store_error(&folder).ends_with("\u{a0}: c'est un dossier"),
            "{}",
            store_error(&folder)
        );
        assert_eq!(failure(&Failure::Cancelled), "annulé");
        set_language(Lang::EN);
    }
}
