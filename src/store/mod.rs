//! Session files (`NAME.claimdesk.json`): versioned JSON holding the whole review, article text
//! included, written atomically so that a failed save never damages the previous file, and read,
//! changed and written back under a file lock so that two writers never lose each other's work
//! (see `disk`).

mod disk;

use crate::review::Review;
pub use disk::{LOCK_WAIT, resolve_links};
use disk::{Locked, Replace};
use serde::{Deserialize, Serialize};
use std::io::Write;
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicBool, Ordering};

/// The session format this build writes. Older versions keep loading (one loader per version):
/// 1 — the first format; 2 — adds the article text's SHA-256, orphaned claims and the previous
/// wording of re-anchored claims.
pub const FORMAT_VERSION: u32 = 2;
/// The file name suffix of session files.
pub const SESSION_SUFFIX: &str = ".claimdesk.json";
/// Session files larger than this are refused before they are read. Derived from the largest
/// article Claimdesk opens, so that the session of any article it opens can be saved and read
/// back: a session takes 9 bytes a byte of article text on claim-dense news text and 22 on text
/// made only of the shortest claims ("Taxes rose 5% in 2019."); 48 leaves room to spare. A save
/// that would pass it is refused before anything is replaced.
pub const MAX_SESSION_BYTES: u64 = 48 * crate::article::MAX_FILE_BYTES;

#[derive(Debug, thiserror::Error)]
pub enum StoreError {
    #[error("could not read the session {path}: {source}")]
    Read {
        path: String,
        #[source]
        source: std::io::Error,
    },
    #[error(
        "{path} is not a readable session: {detail} (line {line}, column {column}). The file may be truncated or hand-edited; open the article itself to start a new review."
    )]
    Syntax {
        path: String,
        detail: String,
        line: usize,
        column: usize,
    },
    #[error("{path} has no \"format_version\": it is not a Claimdesk session file.")]
    NotASession { path: String },
    #[error(
        "{path} is a session of format {found}, newer than this Claimdesk understands (up to {supported}). Update Claimdesk to open it."
    )]
    TooNew {
        path: String,
        found: u64,
        supported: u32,
    },
    #[error(
        "{path} is not a session this Claimdesk can read: its \"format_version\" is {found}, and Claimdesk reads session formats 1 to {supported}, written as a whole number (\"format_version\": {supported}). If the file was edited by hand, put back the number it had; otherwise open the article itself to start a new review."
    )]
    BadVersion {
        path: String,
        /// The value found, as written in the file.
        found: String,
        supported: u32,
    },
    #[error(
        "{path} holds a value Claimdesk cannot read: {detail}. Correct it in the file (any text editor will do), or open the article itself to start a new review."
    )]
    Invalid { path: String, detail: String },
    #[error(
        "{path} is more than the {limit_mb} MB a session may be ({size_mb:.0} MB read): it is not a session Claimdesk wrote."
    )]
    TooLarge {
        path: String,
        size_mb: f64,
        limit_mb: u64,
    },
    #[error(
        "could not save to {path}: {source}. The previous file, if any, is unchanged; choose another folder with File > Save As."
    )]
    Write {
        path: String,
        #[source]
        source: std::io::Error,
    },
    #[error("writing {path} was cancelled; the file is as it was before")]
    Cancelled { path: String },
    #[error(
        "{path} is in use by another Claimdesk (a window or a command) and was still locked after {waited_s} s; nothing was done. Try again when it is done."
    )]
    Busy { path: String, waited_s: u64 },
    #[error("{path} already exists; nothing was written. Choose another name.")]
    Exists { path: String },
    #[error(
        "{path} was changed on disk since it was opened here (by another window or `claimdesk mark`); nothing was written. {changes}"
    )]
    ChangedOnDisk {
        path: String,
        /// What differs between the file on disk and the review being saved, in words.
        changes: String,
        /// What the file held when compared: replacing it is agreed to for that content only.
        on_disk: Seen,
    },
    #[error(
        "this review would make a session larger than the {limit_mb} MB Claimdesk reads back, so {path} was not written (the previous file, if any, is unchanged). Export a report instead, or split the article."
    )]
    WouldBeTooLarge { path: String, limit_mb: u64 },
}

/// What a session file held when this process last read or wrote it (its SHA-256), to tell
/// whether someone else has written it since.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Seen(String);

impl Seen {
    fn of(bytes: &[u8]) -> Seen {
        Seen(crate::article::sha256_hex(bytes))
    }

    /// A file whose contents when last seen are not known (a review restored after a crash):
    /// it never matches, so a save there first shows what differs.
    pub fn unknown() -> Seen {
        Seen(String::new())
    }
}

/// A session read from disk.
pub struct Loaded {
    pub review: Review,
    /// What was repaired on reading, for the reviewer to see.
    pub repaired: Vec<String>,
    pub seen: Seen,
}

#[derive(Serialize)]
struct SessionOut<'a> {
    format_version: u32,
    generator: String,
    saved_at: chrono::DateTime<chrono::Utc>,
    /// SHA-256 of `review.article.text`: the text every offset in the file is valid for.
    article_sha256: String,
    review: &'a Review,
}

/// Format 1: the review alone (fields added later take their defaults).
#[derive(Deserialize)]
struct SessionV1 {
    review: Review,
}

/// Format 2: the review and the fingerprint of its article text.
#[derive(Deserialize)]
struct SessionV2 {
    article_sha256: String,
    review: Review,
}

/// `article.txt` → `article.claimdesk.json`, in the same folder.
pub fn session_path_for(article: &Path) -> PathBuf {
    let stem = article
        .file_stem()
        .map(|s| s.to_string_lossy().into_owned())
        .unwrap_or_else(|| "review".to_string());
    article.with_file_name(format!("{stem}{SESSION_SUFFIX}"))
}

/// Does this path name a session file (by its suffix)?
pub fn is_session_path(path: &Path) -> bool {
    path.file_name()
        .map(|n| n.to_string_lossy().to_lowercase().ends_with(SESSION_SUFFIX))
        .unwrap_or(false)
}

fn session_out(review: &Review) -> SessionOut<'_> {
    SessionOut {
        format_version: FORMAT_VERSION,
        generator: format!("Claimdesk {}", env!("CARGO_PKG_VERSION")),
        saved_at: chrono::Utc::now(),
        article_sha256: review.article.text_sha256(),
        review,
    }
}

/// The session as JSON text, compact (as it is saved).
pub fn to_json(review: &Review) -> String {
    // Serialising plain data (strings, numbers, enums) to a String cannot fail.
    serde_json::to_string(&session_out(review)).unwrap_or_default()
}

/// Writes the session's JSON into `out`, failing once it passes `limit` bytes.
fn write_session(review: &Review, out: &mut dyn Write, limit: u64) -> std::io::Result<()> {
    let mut capped = Capped { out, left: limit };
    serde_json::to_writer(&mut capped, &session_out(review)).map_err(std::io::Error::from)
}

/// A writer that refuses to write more than `left` bytes.
struct Capped<'a> {
    out: &'a mut dyn Write,
    left: u64,
}

/// The error `Capped` gives, told apart from the disk's own by its type.
#[derive(Debug, thiserror::Error)]
#[error("session over the size limit")]
struct OverTheLimit;

impl Write for Capped<'_> {
    fn write(&mut self, buf: &[u8]) -> std::io::Result<usize> {
        if buf.len() as u64 > self.left {
            return Err(std::io::Error::other(OverTheLimit));
        }
        let n = self.out.write(buf)?;
        self.left -= n as u64;
        Ok(n)
    }
    fn flush(&mut self) -> std::io::Result<()> {
        self.out.flush()
    }
}

/// `StoreError::Write` for a session that would pass `limit` becomes `WouldBeTooLarge`.
fn name_the_limit(e: StoreError, limit: u64) -> StoreError {
    match e {
        StoreError::Write { path, source }
            if source
                .get_ref()
                .is_some_and(|e| e.downcast_ref::<OverTheLimit>().is_some()) =>
        {
            StoreError::WouldBeTooLarge {
                path,
                limit_mb: limit / (1024 * 1024),
            }
        }
        e => e,
    }
}

/// Writes the session atomically (see `disk`), under the lock of the file it replaces: a
/// temporary file in the same folder, flushed to disk, then renamed over `path`. On any error the
/// old file is left as it was.
pub fn save(review: &Review, path: &Path) -> Result<Seen, StoreError> {
    let _lock = Locked::take(path, true)?;
    write_locked(review, path, Replace::Yes)
}

/// `save` to a path where no file may be yet: `StoreError::Exists` if there is one.
pub fn save_new(review: &Review, path: &Path) -> Result<Seen, StoreError> {
    write_locked(review, path, Replace::No)
}

/// Writes the session (the caller holds the lock, if there is a file to lock).
fn write_locked(review: &Review, path: &Path, replace: Replace) -> Result<Seen, StoreError> {
    write_within(review, path, replace, MAX_SESSION_BYTES)
}

/// `write_locked`, refusing a session of more than `limit` bytes.
fn write_within(
    review: &Review,
    path: &Path,
    replace: Replace,
    limit: u64,
) -> Result<Seen, StoreError> {
    let mut hasher = Sha256Writer::default();
    disk::write_atomic_unless(
        path,
        replace,
        |f| {
            let mut both = Tee {
                a: f,
                b: &mut hasher,
            };
            write_session(review, &mut both, limit)
        },
        &|| false,
    )
    .map_err(|e| name_the_limit(e, limit))?;
    Ok(hasher.seen())
}

/// `save`, unless the file was written by someone else since this process read or wrote it as
/// `seen`: then nothing is written, and `StoreError::ChangedOnDisk` says what differs. With `seen`
/// `None` (a file the reviewer chose to replace), it is `save`.
pub fn save_unless_changed(
    review: &Review,
    path: &Path,
    seen: Option<&Seen>,
) -> Result<Seen, StoreError> {
    let Some(mut lock) = Locked::take(path, true)? else {
        return write_locked(review, path, Replace::No);
    };
    if let Some(seen) = seen {
        let bytes = lock.read(MAX_SESSION_BYTES)?;
        let on_disk = Seen::of(&bytes);
        if &on_disk != seen {
            let changes = match from_json(&bytes, &path.display().to_string()) {
                Ok(theirs) => crate::review::differences(&theirs, review),
                Err(e) => format!("It no longer reads as a session ({e})."),
            };
            return Err(StoreError::ChangedOnDisk {
                path: path.display().to_string(),
                changes,
                on_disk,
            });
        }
    }
    write_locked(review, path, Replace::Yes)
}

/// Reads the session at `path`, lets `change` change it (it is given what was repaired on
/// reading, for the user to be told), and writes it back if `change` says so (returns true), all
/// under an exclusive lock: writers of the same session take turns, each changing what the one
/// before wrote. Returns what `change` returned.
pub fn update<E: From<StoreError>>(
    path: &Path,
    change: impl FnOnce(&mut Review, &[String]) -> Result<bool, E>,
) -> Result<bool, E> {
    let shown = path.display().to_string();
    let Some(mut lock) = Locked::take(path, true)? else {
        return Err(StoreError::Read {
            path: shown,
            source: std::io::Error::from(std::io::ErrorKind::NotFound),
        }
        .into());
    };
    let bytes = lock.read(MAX_SESSION_BYTES)?;
    let (mut review, repaired) = from_json_checked(&bytes, &shown)?;
    let write = change(&mut review, &repaired)?;
    if write {
        write_locked(&review, path, Replace::Yes)?;
    }
    Ok(write)
}

/// SHA-256 of what is written through it.
#[derive(Default)]
struct Sha256Writer(sha2::Sha256);

impl Sha256Writer {
    fn seen(self) -> Seen {
        use sha2::Digest;
        let digest = self.0.finalize();
        Seen(digest.iter().map(|b| format!("{b:02x}")).collect())
    }
}

impl Write for Sha256Writer {
    fn write(&mut self, buf: &[u8]) -> std::io::Result<usize> {
        sha2::Digest::update(&mut self.0, buf);
        Ok(buf.len())
    }
    fn flush(&mut self) -> std::io::Result<()> {
        Ok(())
    }
}

/// Writes everything to both.
struct Tee<'a> {
    a: &'a mut dyn Write,
    b: &'a mut dyn Write,
}

impl Write for Tee<'_> {
    fn write(&mut self, buf: &[u8]) -> std::io::Result<usize> {
        let n = self.a.write(buf)?;
        self.b.write_all(&buf[..n])?;
        Ok(n)
    }
    fn flush(&mut self) -> std::io::Result<()> {
        self.a.flush()
    }
}

/// Writes `bytes` to `path` atomically (used for sessions and reports).
pub fn write_atomic(path: &Path, bytes: &[u8]) -> Result<(), StoreError> {
    write_atomic_with(path, |f| f.write_all(bytes))
}

/// `write_atomic` with the writing step given: `write` fills the temporary file. If it (or the
/// flush, or the rename) fails, the temporary file is removed and `path` is left as it was.
pub fn write_atomic_with(
    path: &Path,
    write: impl FnOnce(&mut dyn Write) -> std::io::Result<()>,
) -> Result<(), StoreError> {
    write_atomic_unless(path, write, &|| false)
}

/// `write_atomic`, given up if `cancel` is set: it is looked at before the temporary file is
/// made, and once that file is written and synced, right before the rename. Given up means
/// `StoreError::Cancelled` with the temporary file removed and `path` as it was; a cancel that
/// comes after the rename is too late, and the write has happened.
pub fn write_atomic_cancellable(
    path: &Path,
    bytes: &[u8],
    cancel: &AtomicBool,
) -> Result<(), StoreError> {
    write_atomic_unless(path, |f| f.write_all(bytes), &|| {
        cancel.load(Ordering::Relaxed)
    })
}

fn write_atomic_unless(
    path: &Path,
    write: impl FnOnce(&mut dyn Write) -> std::io::Result<()>,
    cancelled: &dyn Fn() -> bool,
) -> Result<(), StoreError> {
    disk::write_atomic_unless(path, Replace::Yes, write, cancelled)
}

/// Reads a session file.
pub fn load(path: &Path) -> Result<Review, StoreError> {
    load_checked(path).map(|(r, _)| r)
}

/// Reads a session file, repairing what can be repaired; the second value lists what was
/// repaired, for the reviewer to see.
pub fn load_checked(path: &Path) -> Result<(Review, Vec<String>), StoreError> {
    open(path).map(|l| (l.review, l.repaired))
}

/// Reads a session file (under a shared lock, so never half-way through another's save on
/// systems where a rename could be seen half-done), at most `MAX_SESSION_BYTES` of it whatever
/// the file is, and repairs what can be repaired.
pub fn open(path: &Path) -> Result<Loaded, StoreError> {
    let shown = path.display().to_string();
    let not_found = || StoreError::Read {
        path: shown.clone(),
        source: std::io::Error::from(std::io::ErrorKind::NotFound),
    };
    let regular = std::fs::metadata(path).map(|m| m.is_file());
    let bytes = match regular {
        Err(e) => {
            return Err(StoreError::Read {
                path: shown,
                source: e,
            });
        }
        // A pipe or a device (`report <(cat s.claimdesk.json)`): read to the limit, unlocked.
        Ok(false) => {
            crate::files::read_capped(path, MAX_SESSION_BYTES).map_err(|e| read_error(e, &shown))?
        }
        Ok(true) => match Locked::take(path, false)? {
            Some(mut lock) => lock.read(MAX_SESSION_BYTES)?,
            None => return Err(not_found()),
        },
    };
    let seen = Seen::of(&bytes);
    let (review, repaired) = from_json_checked(&bytes, &shown)?;
    Ok(Loaded {
        review,
        repaired,
        seen,
    })
}

/// A capped read's failure, as a session error.
fn read_error(e: crate::files::ReadError, shown: &str) -> StoreError {
    use crate::files::ReadError;
    let path = shown.to_string();
    match e {
        ReadError::TooLarge { at_least, limit } => StoreError::TooLarge {
            path,
            size_mb: ReadError::mb(at_least),
            limit_mb: limit / (1024 * 1024),
        },
        ReadError::Io(source) => StoreError::Read { path, source },
        ReadError::IsDirectory => StoreError::Read {
            path,
            source: std::io::Error::other("it is a folder"),
        },
        ReadError::NoWriter => StoreError::Read {
            path,
            source: std::io::Error::other(format!(
                "it is a named pipe nobody wrote to within {} s",
                crate::files::PIPE_WAIT.as_secs()
            )),
        },
    }
}

/// Parses session JSON; `shown` names the file in error messages.
pub fn from_json(bytes: &[u8], shown: &str) -> Result<Review, StoreError> {
    from_json_checked(bytes, shown).map(|(r, _)| r)
}

/// Parses session JSON of any known format version and repairs what can be repaired.
pub fn from_json_checked(bytes: &[u8], shown: &str) -> Result<(Review, Vec<String>), StoreError> {
    let syntax = |e: serde_json::Error| StoreError::Syntax {
        path: shown.to_string(),
        detail: e
            .to_string()
            .split(" at line ")
            .next()
            .unwrap_or_default()
            .to_string(),
        line: e.line(),
        column: e.column(),
    };
    // A byte-order mark, as some editors write one, is not part of the JSON.
    let bytes = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes);
    // Only the version first (the rest skipped, not built: a session may be hundreds of MB).
    #[derive(Deserialize)]
    struct Probe {
        /// `None` when absent, `Some(Null)` when written `null`.
        #[serde(default, deserialize_with = "present")]
        format_version: Option<serde_json::Value>,
    }
    fn present<'de, D: serde::Deserializer<'de>>(
        d: D,
    ) -> Result<Option<serde_json::Value>, D::Error> {
        serde_json::Value::deserialize(d).map(Some)
    }
    let not_a_session = || StoreError::NotASession {
        path: shown.to_string(),
    };
    let probe: Probe = serde_json::from_slice(bytes).map_err(|e| {
        if e.is_data() {
            not_a_session()
        } else {
            syntax(e)
        }
    })?;
    let found = &probe.format_version.ok_or_else(not_a_session)?;
    let bad_version = || StoreError::BadVersion {
        path: shown.to_string(),
        found: match found {
            serde_json::Value::String(_) => format!("{} (text, not a number)", shown_value(found)),
            _ => shown_value(found),
        },
        supported: FORMAT_VERSION,
    };
    // A value that names no field goes back to serde's own words, with the line and column. The
    // whole tree is built only then, to find the field.
    let typed = |e: serde_json::Error| {
        let value = serde_json::from_slice::<serde_json::Value>(bytes).ok();
        match value.as_ref().and_then(locate) {
            Some(detail) => StoreError::Invalid {
                path: shown.to_string(),
                detail,
            },
            None => syntax(e),
        }
    };
    let (mut review, sha) = match whole_number(found).ok_or_else(bad_version)? {
        0 => return Err(bad_version()),
        1 => (
            serde_json::from_slice::<SessionV1>(bytes)
                .map_err(typed)?
                .review,
            None,
        ),
        2 => {
            let s = serde_json::from_slice::<SessionV2>(bytes).map_err(typed)?;
            (s.review, Some(s.article_sha256))
        }
        v => {
            return Err(StoreError::TooNew {
                path: shown.to_string(),
                found: v,
                supported: FORMAT_VERSION,
            });
        }
    };
    let mut repaired = repair(&mut review);
    // The article text was edited by hand: find the claims again by their quotes.
    if let Some(sha) = sha
        && sha != review.article.text_sha256()
    {
        let (fixed, report) = crate::review::anchor::reanchor(&review, review.article.clone());
        review = fixed;
        repaired.push(format!(
            "the article text in this session was edited outside Claimdesk; its claims were found again ({})",
            report.summary()
        ));
    }
    review.revision = 0;
    Ok((review, repaired))
}

/// `format_version` as a whole number (2, or 2.0 as some tools write it), if it is one.
fn whole_number(v: &serde_json::Value) -> Option<u64> {
    let n = v.as_number()?;
    n.as_u64().or_else(|| {
        n.as_f64()
            .filter(|f| f.fract() == 0.0 && (0.0..=f64::from(u32::MAX)).contains(f))
            .map(|f| f as u64)
    })
}

/// A JSON value as a message shows it: as written, at most 40 characters.
fn shown_value(v: &serde_json::Value) -> String {
    let json = v.to_string();
    if json.chars().count() > 40 {
        json.chars().take(39).chain(['…']).collect()
    } else {
        json
    }
}

/// Where in a session that does not read as a review the fault is, said for people: the claim
/// (by its id) and its source (numbered from 1), or the history entry, or the review, with the
/// field and what was found. None when the fault is elsewhere (serde's own words then say it).
fn locate(value: &serde_json::Value) -> Option<String> {
    use crate::review::{Claim, Evidence, HistoryEntry};
    use serde_json::Value;
    let review = value.get("review")?;
    let templates = Templates::new();
    let lists = [
        ("claims", "claim"),
        ("orphans", "orphaned claim"),
        ("dismissed", "dismissed claim"),
    ];
    for (list, what) in lists {
        let Some(claims) = review.get(list).and_then(Value::as_array) else {
            continue;
        };
        for (i, c) in claims.iter().enumerate() {
            let name = match c.get("id").and_then(Value::as_u64) {
                Some(id) => format!("{what} {id}"),
                None => format!("the {} entry of \"{list}\"", ordinal(i + 1)),
            };
            let evidence = c.get("evidence").and_then(Value::as_array);
            for (j, e) in evidence.into_iter().flatten().enumerate() {
                let source = format!("{name}, source {}", j + 1);
                if let Some(d) = e.get("accessed")
                    && d.as_str()
                        .is_none_or(|s| s.parse::<chrono::NaiveDate>().is_err())
                {
                    return Some(format!(
                        "{source}: \"accessed\" is {}, not a date written YYYY-MM-DD (such as 2024-06-20)",
                        shown_value(d)
                    ));
                }
                if let Err(err) = serde_json::from_value::<Evidence>(e.clone()) {
                    let detail = faulty_field::<Evidence>(&templates.evidence, e);
                    return Some(format!("{source}: {}", detail.unwrap_or(err.to_string())));
                }
            }
            if let Err(err) = serde_json::from_value::<Claim>(c.clone()) {
                let detail = faulty_field::<Claim>(&templates.claim, c);
                return Some(format!("{name}: {}", detail.unwrap_or(err.to_string())));
            }
        }
    }
    let history = review.get("history").and_then(Value::as_array);
    for (i, h) in history.into_iter().flatten().enumerate() {
        if let Err(err) = serde_json::from_value::<HistoryEntry>(h.clone()) {
            let detail = faulty_field::<HistoryEntry>(&templates.history, h);
            return Some(format!(
                "history entry {}: {}",
                i + 1,
                detail.unwrap_or(err.to_string())
            ));
        }
    }
    // The review's own fields, its claims and history set aside (they read, or were named).
    let mut rest = review.clone();
    for key in ["claims", "orphans", "dismissed", "history"] {
        if let Some(list) = rest.get_mut(key) {
            *list = Value::Array(Vec::new());
        }
    }
    serde_json::from_value::<Review>(rest.clone())
        .err()
        .and_then(|_| faulty_field::<Review>(&templates.review, &rest))
        .map(|detail| format!("the review's {detail}"))
}

/// Things of each kind that read, as JSON: `faulty_field` puts one field at a time into them.
struct Templates {
    review: serde_json::Value,
    claim: serde_json::Value,
    evidence: serde_json::Value,
    history: serde_json::Value,
}

impl Templates {
    fn new() -> Self {
        use crate::review::{Action, Claim, Evidence, HistoryEntry, TextPosition, TextQuote};
        let article = crate::article::Article {
            text: String::new(),
            blocks: Vec::new(),
            metadata: Default::default(),
            boilerplate: Vec::new(),
        };
        let review = Review::new(article, &[]);
        let claim = Claim {
            id: 1,
            position: TextPosition { start: 0, end: 0 },
            quote: TextQuote {
                exact: String::new(),
                prefix: String::new(),
                suffix: String::new(),
            },
            score: 0.0,
            reasons: Vec::new(),
            kind: String::new(),
            kind_reason: String::new(),
            claimant: None,
            group: None,
            verdict: crate::review::Verdict::Unreviewed,
            note: String::new(),
            evidence: Vec::new(),
            previous: None,
        };
        let evidence = Evidence {
            url: "https://example.org/".into(),
            title: String::new(),
            quote: String::new(),
            accessed: chrono::NaiveDate::default(),
            archive_url: None,
            stance: Default::default(),
        };
        let history = HistoryEntry {
            at: review.created,
            action: Action::SetNote {
                claim: 1,
                note: String::new(),
            },
            reviewer: None,
        };
        let json = |v: Result<serde_json::Value, serde_json::Error>| v.unwrap_or_default();
        Self {
            review: json(serde_json::to_value(&review)),
            claim: json(serde_json::to_value(&claim)),
            evidence: json(serde_json::to_value(&evidence)),
            history: json(serde_json::to_value(&history)),
        }
    }
}

/// The first field of `item` that does not read as part of a `T`, and why: each field of
/// `item` in turn is put into `template` (a `T` that reads) and the result read. None when
/// every field reads alone (a field is missing, or `item` is no object).
fn faulty_field<T: serde::de::DeserializeOwned>(
    template: &serde_json::Value,
    item: &serde_json::Value,
) -> Option<String> {
    item.as_object()?.iter().find_map(|(key, v)| {
        let mut t = template.clone();
        t.as_object_mut()?.insert(key.clone(), v.clone());
        let err = serde_json::from_value::<T>(t).err()?;
        Some(if v.is_object() || v.is_array() {
            format!("\"{key}\": {err}")
        } else {
            format!("\"{key}\" is {}: {err}", shown_value(v))
        })
    })
}

/// 1st, 2nd, 3rd, 4th…
fn ordinal(n: usize) -> String {
    let suffix = match (n % 10, n % 100) {
        (1, 11) | (2, 12) | (3, 13) => "th",
        (1, _) => "st",
        (2, _) => "nd",
        (3, _) => "rd",
        _ => "th",
    };
    format!("{n}{suffix}")
}

/// Makes every offset point inside the article text on char boundaries: blocks that do not are
/// replaced by one paragraph, claims that do not become orphans, duplicate ids get new ones.
fn repair(review: &mut Review) -> Vec<String> {
    let mut notes = Vec::new();
    let text = &review.article.text;
    let ok = |s: usize, e: usize| {
        s <= e && e <= text.len() && text.is_char_boundary(s) && text.is_char_boundary(e)
    };
    if review.article.blocks.iter().any(|b| !ok(b.start, b.end)) {
        review.article.blocks = vec![crate::article::Block {
            kind: crate::article::BlockKind::Paragraph,
            start: 0,
            end: text.len(),
        }];
        notes.push(
            "the article's block layout was damaged and was reset to one paragraph".to_string(),
        );
    }
    let (good, bad): (Vec<_>, Vec<_>) = std::mem::take(&mut review.claims)
        .into_iter()
        .partition(|c| ok(c.position.start, c.position.end));
    if !bad.is_empty() {
        notes.push(format!(
            "{} claim(s) pointed outside the article text and were moved to the orphans: {}",
            bad.len(),
            bad.iter()
                .map(|c| c.id.to_string())
                .collect::<Vec<_>>()
                .join(", ")
        ));
    }
    review.claims = good;
    review.orphans.extend(bad);
    let mut ids = std::collections::HashSet::new();
    let mut next = review
        .claims
        .iter()
        .chain(&review.orphans)
        .chain(&review.dismissed)
        .map(|c| c.id)
        .max()
        .unwrap_or(0)
        + 1;
    for c in review
        .claims
        .iter_mut()
        .chain(review.orphans.iter_mut())
        .chain(review.dismissed.iter_mut())
    {
        if !ids.insert(c.id) {
            notes.push(format!(
                "claim id {} appeared twice; the second is now claim {next}",
                c.id
            ));
            c.id = next;
            ids.insert(next);
            next += 1;
        }
    }
    notes
}

#[cfg(test)]
mod tests {
    use super::*;

    #[cfg(unix)]
    #[test]
    fn saved_files_are_readable_by_others_or_keep_the_old_permissions() {
        use std::os::unix::fs::PermissionsExt;
        let dir = tempfile::tempdir().unwrap();
        let new = dir.path().join("report.html");
        write_atomic(&new, b"<p>x</p>").unwrap();
        let mode = |p: &Path| std::fs::metadata(p).unwrap().permissions().mode() & 0o777;
        assert_eq!(mode(&new), 0o644);
        std::fs::set_permissions(&new, std::fs::Permissions::from_mode(0o600)).unwrap();
        write_atomic(&new, b"<p>y</p>").unwrap();
        assert_eq!(mode(&new), 0o600);
    }

    /// A session as a person would edit it: pretty-printed (Claimdesk writes it compact).
    pub(super) fn pretty(json: &str) -> String {
        let v: serde_json::Value = serde_json::from_str(json).unwrap();
        serde_json::to_string_pretty(&v).unwrap()
    }

    /// The files in `dir`, sorted.
    fn files_in(dir: &Path) -> Vec<String> {
        let mut names: Vec<String> = std::fs::read_dir(dir)
            .unwrap()
            .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
            .collect();
        names.sort();
        names
    }

    #[test]
    fn a_cancelled_write_leaves_the_old_file_and_no_temporary_file() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("report.md");
        std::fs::write(&path, "old report").unwrap();
        let cancel = AtomicBool::new(true);
        let e = write_atomic_cancellable(&path, b"new report", &cancel).unwrap_err();
        assert!(matches!(e, StoreError::Cancelled { .. }), "{e}");
        assert!(e.to_string().contains("report.md"), "{e}");
        assert_eq!(std::fs::read_to_string(&path).unwrap(), "old report");
        // Cancelled after the temporary file is written, before the rename.
        let calls = std::cell::Cell::new(0);
        let e = write_atomic_unless(&path, |f| f.write_all(b"new report"), &|| {
            calls.set(calls.get() + 1);
            calls.get() > 1
        })
        .unwrap_err();
        assert!(matches!(e, StoreError::Cancelled { .. }), "{e}");
        assert_eq!(calls.get(), 2, "looked at before and after writing");
        assert_eq!(std::fs::read_to_string(&path).unwrap(), "old report");
        assert_eq!(
            files_in(dir.path()),
            ["report.md"],
            "no temporary file left"
        );
        // Not cancelled: written.
        cancel.store(false, Ordering::Relaxed);
        write_atomic_cancellable(&path, b"new report", &cancel).unwrap();
        assert_eq!(std::fs::read_to_string(&path).unwrap(), "new report");
        assert_eq!(files_in(dir.path()), ["report.md"]);
    }

    use crate::article;
    use crate::review::{Action, Verdict};

    #[test]
    fn save_and_load_round_trip() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("a.claimdesk.json");
        let mut r = Review::from_article(article::sample());
        let id = r.claims[1].id;
        r.apply(Action::SetVerdict {
            claim: id,
            verdict: Verdict::Unsourced,
        })
        .unwrap();
        r.apply(Action::SetNote {
            claim: id,
            note: "Appelé l’agence : « pas de source »".into(),
        })
        .unwrap();
        save(&r, &path).unwrap();
        let back = load(&path).unwrap();
        assert_eq!(back.claims, r.claims);
        assert_eq!(back.article, r.article);
        assert_eq!(back.history, r.history);
        let raw: serde_json::Value =
            serde_json::from_str(&std::fs::read_to_string(&path).unwrap()).unwrap();
        assert_eq!(raw["format_version"], FORMAT_VERSION);
    }

    #[test]
    fn session_paths() {
        assert_eq!(
            session_path_for(Path::new("/x/art.fr.txt")),
            Path::new("/x/art.fr.claimdesk.json")
        );
        assert!(is_session_path(Path::new("a.Claimdesk.JSON")));
        assert!(!is_session_path(Path::new("a.json")));
    }

    #[test]
    fn damaged_sessions_give_named_errors() {
        let r = Review::from_article(article::sample());
        let json = pretty(&to_json(&r));
        let truncated = &json.as_bytes()[..json.len() / 2];
        let e = from_json(truncated, "s.claimdesk.json").unwrap_err();
        assert!(
            matches!(e, StoreError::Syntax { line, .. } if line > 1),
            "{e}"
        );
        assert!(matches!(
            from_json(b"{\"a\":1}", "s"),
            Err(StoreError::NotASession { .. })
        ));
        let newer = json.replacen("\"format_version\": 2", "\"format_version\": 99", 1);
        assert!(matches!(
            from_json(newer.as_bytes(), "s"),
            Err(StoreError::TooNew { found: 99, .. })
        ));
        // A claim pointing outside the text is kept as an orphan, and the reviewer is told.
        let bad = json.replacen("\"end_byte\": ", "\"end_byte\": 99999", 1);
        let (r2, notes) = from_json_checked(bad.as_bytes(), "s").unwrap();
        assert_eq!(r2.orphans.len(), 1);
        assert_eq!(r2.claims.len(), r.claims.len() - 1);
        assert!(notes[0].contains("outside the article text"), "{notes:?}");
    }

    #[test]
    fn a_full_disk_midway_keeps_the_old_file_and_leaves_no_temp_file() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("a.claimdesk.json");
        let r = Review::from_article(article::sample());
        save(&r, &path).unwrap();
        let before = std::fs::read(&path).unwrap();
        let json = to_json(&r);
        let e = write_atomic_with(&path, |f| {
            f.write_all(&json.as_bytes()[..json.len() / 2])?;
            Err(std::io::Error::new(
                std::io::ErrorKind::StorageFull,
                "no space left on device",
            ))
        })
        .unwrap_err();
        assert!(e.to_string().contains("no space left on device"), "{e}");
        assert!(
            e.to_string()
                .contains("previous file, if any, is unchanged"),
            "{e}"
        );
        assert_eq!(std::fs::read(&path).unwrap(), before);
        let leftovers: Vec<_> = std::fs::read_dir(dir.path())
            .unwrap()
            .flatten()
            .map(|e| e.file_name())
            .collect();
        assert_eq!(leftovers.len(), 1, "{leftovers:?}");
    }

    #[test]
    fn a_session_over_the_limit_is_not_written_and_the_old_file_stays() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("a.claimdesk.json");
        let r = Review::from_article(article::sample());
        save(&r, &path).unwrap();
        let before = std::fs::read(&path).unwrap();
        let size = before.len() as u64;
        let e = write_within(&r, &path, Replace::Yes, size - 1).unwrap_err();
        assert!(matches!(e, StoreError::WouldBeTooLarge { .. }), "{e}");
        assert!(e.to_string().contains("Export a report"), "{e}");
        assert_eq!(std::fs::read(&path).unwrap(), before);
        assert_eq!(files_in(dir.path()), ["a.claimdesk.json"]);
        // At the limit exactly, written: the writer and the reader agree on it.
        write_within(&r, &path, Replace::Yes, size + 100).unwrap();
        assert_eq!(load(&path).unwrap().claims.len(), r.claims.len());
    }

    #[test]
    fn failed_save_keeps_the_old_file() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("a.claimdesk.json");
        std::fs::write(&path, "old contents").unwrap();
        let r = Review::from_article(article::sample());
        // The target is a directory's child that cannot exist: the save fails, the old file stays.
        let bad = dir.path().join("missing-folder").join("a.claimdesk.json");
        assert!(matches!(save(&r, &bad), Err(StoreError::Write { .. })));
        assert_eq!(std::fs::read_to_string(&path).unwrap(), "old contents");
    }
}

#[cfg(test)]
mod version_tests {
    use super::*;

    #[test]
    fn format_1_fixture_still_loads() {
        let path =
            Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/session-v1.claimdesk.json");
        let (r, notes) = load_checked(&path).unwrap();
        assert!(notes.is_empty(), "{notes:?}");
        assert_eq!(r.claims[0].verdict, crate::review::Verdict::Disputed);
        assert_eq!(
            r.claims[0].note,
            "Images KCNA seulement ; vérifier auprès du Kremlin."
        );
        assert_eq!(r.history.len(), 3);
        assert!(r.orphans.is_empty());
        // Saved again, it is a format 2 session with the text's fingerprint.
        let json = to_json(&r);
        let v: serde_json::Value = serde_json::from_str(&json).unwrap();
        assert_eq!(v["format_version"], 2);
        assert_eq!(v["article_sha256"], r.article.text_sha256());
    }

    #[test]
    fn hand_edited_article_text_is_re_anchored() {
        let r = Review::from_article(crate::article::sample());
        let json = super::tests::pretty(&to_json(&r));
        // Someone inserts words at the start of the text in the file: every offset shifts.
        let edited = json.replacen("\"text\": \"Vladimir", "\"text\": \"NOTE: Vladimir", 1);
        let (r2, notes) = from_json_checked(edited.as_bytes(), "s").unwrap();
        assert!(
            notes.iter().any(|n| n.contains("edited outside Claimdesk")),
            "{notes:?}"
        );
        for c in &r2.claims {
            assert_eq!(
                &r2.article.text[c.position.start..c.position.end],
                c.quote.exact
            );
        }
        assert_eq!(r2.claims.len() + r2.orphans.len(), r.claims.len());
    }
}

#[cfg(test)]
mod reading_tests {
    use super::*;
    use crate::article;
    use crate::review::{Action, Evidence, Verdict};

    /// The sample with a source on its first claim, as session JSON.
    fn session_value() -> (Review, serde_json::Value) {
        let mut r = Review::from_article(article::sample());
        let id = r.claims[0].id;
        let e = Evidence::new(
            "https://www.kcna.kp/fr/article/q/1",
            chrono::NaiveDate::from_ymd_opt(2024, 6, 20).unwrap(),
        )
        .unwrap();
        r.apply(Action::AddEvidence {
            claim: id,
            index: 0,
            evidence: e,
        })
        .unwrap();
        r.apply(Action::SetVerdict {
            claim: id,
            verdict: Verdict::Disputed,
        })
        .unwrap();
        let v = serde_json::from_str(&to_json(&r)).unwrap();
        (r, v)
    }

    fn read(v: &serde_json::Value) -> Result<(Review, Vec<String>), StoreError> {
        from_json_checked(v.to_string().as_bytes(), "s.claimdesk.json")
    }

    #[test]
    fn a_format_version_that_is_no_format_is_named_with_what_was_found() {
        let (_, v) = session_value();
        for (found, shown) in [
            (serde_json::json!(0), "0"),
            (serde_json::json!(-1), "-1"),
            (serde_json::json!("2"), "\"2\" (text, not a number)"),
            (serde_json::json!(1e300), "1e+300"),
            (serde_json::json!(1.5), "1.5"),
            (serde_json::json!(null), "null"),
            (serde_json::json!([2]), "[2]"),
        ] {
            let mut bad = v.clone();
            bad["format_version"] = found.clone();
            let e = read(&bad).unwrap_err();
            assert!(matches!(e, StoreError::BadVersion { .. }), "{found}: {e}");
            let said = e.to_string();
            assert!(
                said.contains(&format!(
                    "its \"format_version\" is {shown}, and Claimdesk reads session formats 1 to 2"
                )),
                "{said}"
            );
            assert!(!said.contains("newer"), "{said}");
            assert!(!said.contains("has no \"format_version\""), "{said}");
        }
        // Written as 2.0, it is format 2; a later format is still "newer".
        let mut float = v.clone();
        float["format_version"] = serde_json::json!(2.0);
        assert!(read(&float).is_ok());
        let mut newer = v.clone();
        newer["format_version"] = serde_json::json!(3);
        assert!(matches!(
            read(&newer),
            Err(StoreError::TooNew { found: 3, .. })
        ));
    }

    #[test]
    fn a_session_starting_with_a_byte_order_mark_reads() {
        let (r, v) = session_value();
        let mut bytes = b"\xEF\xBB\xBF".to_vec();
        bytes.extend(v.to_string().as_bytes());
        let (back, notes) = from_json_checked(&bytes, "bom.claimdesk.json").unwrap();
        assert!(notes.is_empty(), "{notes:?}");
        assert_eq!(back.claims, r.claims);
    }

    #[test]
    fn a_bad_value_is_named_with_its_claim_source_and_field() {
        let (r, v) = session_value();
        let id = r.claims[0].id;
        let said = |edit: &dyn Fn(&mut serde_json::Value)| {
            let mut bad = v.clone();
            edit(&mut bad);
            let e = read(&bad).unwrap_err();
            assert!(matches!(e, StoreError::Invalid { .. }), "{e}");
            e.to_string()
        };
        let e =
            said(&|s| s["review"]["claims"][0]["evidence"][0]["accessed"] = "2024-13-45".into());
        assert!(
            e.contains(&format!("claim {id}, source 1: \"accessed\" is \"2024-13-45\", not a date written YYYY-MM-DD")),
            "{e}"
        );
        let e = said(&|s| s["review"]["claims"][0]["evidence"][0]["accessed"] = 20240620.into());
        assert!(
            e.contains(&format!("claim {id}, source 1: \"accessed\" is 20240620")),
            "{e}"
        );
        let third = r.claims[2].id;
        let e = said(&|s| s["review"]["claims"][2]["score"] = "high".into());
        assert!(
            e.contains(&format!("claim {third}: \"score\" is \"high\"")),
            "{e}"
        );
        let e = said(&|s| s["review"]["claims"][2]["verdict"] = "true".into());
        assert!(
            e.contains(&format!("claim {third}: \"verdict\" is \"true\"")),
            "{e}"
        );
        let e = said(&|s| s["review"]["history"][0]["at"] = "noon".into());
        assert!(e.contains("history entry 1: \"at\" is \"noon\""), "{e}");
        let e = said(&|s| s["review"]["created"] = "yesterday".into());
        assert!(
            e.contains("the review's \"created\" is \"yesterday\""),
            "{e}"
        );
        // What names no claim or field keeps serde's words, with the line and column.
        let mut bad = v.clone();
        bad.as_object_mut().unwrap().remove("article_sha256");
        assert!(matches!(read(&bad), Err(StoreError::Syntax { .. })));
    }

    #[test]
    fn duplicate_ids_are_renumbered_and_said() {
        let (r, v) = session_value();
        let mut dup = v.clone();
        let first = r.claims[0].id;
        dup["review"]["claims"][1]["id"] = first.into();
        let (back, notes) = read(&dup).unwrap();
        let ids: std::collections::HashSet<u32> = back.claims.iter().map(|c| c.id).collect();
        assert_eq!(ids.len(), back.claims.len());
        let max = r.claims.iter().map(|c| c.id).max().unwrap();
        assert_eq!(back.claims[1].id, max + 1);
        assert_eq!(
            notes,
            [format!(
                "claim id {first} appeared twice; the second is now claim {}",
                max + 1
            )]
        );
    }

    #[test]
    fn a_session_of_an_empty_article_reads_with_no_claims() {
        let (_, v) = session_value();
        let mut empty = v.clone();
        empty["review"]["article"]["text"] = "".into();
        empty["review"]["article"]["blocks"] = serde_json::json!([]);
        empty["review"]["claims"] = serde_json::json!([]);
        empty["review"]["history"] = serde_json::json!([]);
        empty["article_sha256"] = article::sha256_hex(b"").into();
        let (r, notes) = read(&empty).unwrap();
        assert!(r.claims.is_empty() && notes.is_empty(), "{notes:?}");
        assert!(r.article.text.is_empty());
    }
}
