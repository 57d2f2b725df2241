//! The claim library: what the desk (and the fact-checkers it follows) checked before.
//!
//! Every reviewed claim of a saved session is recorded as an `Entry` (claim, verdict in the
//! newsroom's words, note, sources, claimant, the article's title, address and date, reviewer,
//! time); published fact-checks come in as schema.org ClaimReview (`claimreview`). When an
//! article opens, each claim is matched against the library (`rank`): a "Checked before" line
//! for the reviewer, and `claimdesk match` on the command line.
//!
//! One interface, two engines (`Engine`): a SQLite file (the default, in the user's data
//! folder) and a newsroom's PostgreSQL server (`postgres://…`). Both store the same rows and the
//! same index words, and the ranking is computed here from what they return, so the same library
//! gives the same matches on either.
//!
//! Concurrent writers lose nothing: each row carries a version and the hash of its content; a
//! writer says what it last knew of a row, and a row changed by someone else since is reported
//! (`Outcome::Conflict`), never overwritten.
//!
//! The library is never needed to open, review or save a session: its errors are reported and
//! the review goes on.

pub mod claimreview;
mod postgres;
pub mod rank;
mod sql;
mod sqlite;

use crate::report::{Ratings, ReportSettings};
use crate::review::{Review, Verdict};
use serde::{Deserialize, Serialize};
use sha2::{Digest, Sha256};
use std::path::{Path, PathBuf};

/// Entries written in one transaction (an import of a million is written a chunk at a time).
const WRITE_CHUNK: usize = 2000;

/// `Write::known` for an entry its writer did not change: added if the library lacks it, else
/// left as the library has it, without a conflict.
pub const ONLY_IF_ABSENT: &str = "only-if-absent";

/// The environment variable that names the library (a file path or a `postgres://` URL).
pub const LIBRARY_ENV: &str = "CLAIMDESK_LIBRARY";

/// The schema this Claimdesk writes. A library of a later schema is refused (a newer Claimdesk
/// made it); earlier ones are migrated when opened.
pub const SCHEMA_VERSION: i64 = 1;

/// One reviewed claim, as the library keeps it.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
pub struct Entry {
    /// What identifies the review across saves and imports: `session:<article>:<session created>#<claim id>` for
    /// a claim of a session, the fact-check's address (and claim) for an import.
    pub key: String,
    pub claim: String,
    /// ISO 639-1 code, when known.
    pub language: Option<String>,
    /// The desk's verdict (`verified`, `disputed`, `unsourced`), when the review is the desk's.
    pub verdict: Option<Verdict>,
    /// The verdict in the newsroom's own words ("Faux", "Mostly false").
    pub rating: String,
    pub note: String,
    /// The sources: evidence addresses.
    pub evidence: Vec<String>,
    pub claimant: Option<String>,
    /// The article's (or the fact-check's) title.
    pub title: Option<String>,
    /// The fact-check's address (imports) or the article's (sessions), when known.
    pub url: Option<String>,
    /// When the article or fact-check was published (as given).
    pub date: Option<String>,
    pub reviewer: Option<String>,
    /// When the verdict was given (RFC 3339).
    pub reviewed_at: Option<String>,
    /// Where the review comes from: the session file, or the imported file.
    pub origin: String,
}

impl Entry {
    /// The hash of what the entry says (its key excluded): two saves of the same review have
    /// the same hash.
    pub fn content_hash(&self) -> String {
        let mut h = Sha256::new();
        let json = serde_json::to_vec(&(
            &self.claim,
            &self.language,
            &self.verdict,
            &self.rating,
            &self.note,
            &self.evidence,
            &self.claimant,
            &self.title,
            &self.url,
            &self.date,
            &self.reviewer,
            &self.reviewed_at,
        ))
        .unwrap_or_default();
        h.update(&json);
        h.finalize()
            .iter()
            .take(16)
            .map(|b| format!("{b:02x}"))
            .collect()
    }

    /// The words the library indexes the entry under: its claim, title and note (a
    /// fact-check's description says the claim again in other words; its first
    /// `rank::NOTE_WORDS` words are enough).
    pub fn index_terms(&self) -> Vec<String> {
        let mut text = self.claim.clone();
        if let Some(t) = &self.title {
            text.push('\n');
            text.push_str(t);
        }
        for (i, w) in self
            .note
            .split_whitespace()
            .take(rank::NOTE_WORDS)
            .enumerate()
        {
            text.push(if i == 0 { '\n' } else { ' ' });
            text.push_str(w);
        }
        rank::terms(&text)
    }
}

/// An entry as stored: its row number and version (1 when added, +1 each change).
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Stored {
    pub id: i64,
    pub version: i64,
    #[serde(flatten)]
    pub entry: Entry,
}

/// What a write did to one entry.
#[derive(Debug, Clone, PartialEq)]
pub enum Outcome {
    Added,
    Updated,
    Unchanged,
    /// Someone else changed the entry since the writer last knew it: nothing was written.
    Conflict {
        theirs: Box<Stored>,
    },
}

/// One entry to write, with what the writer last knew of it: the content hash it read or wrote
/// before, or "" if it knew of no such entry. A stored entry whose content is neither that nor
/// the new one is a conflict. `None` replaces whatever is there (an import replaces its own
/// earlier import).
#[derive(Debug, Clone)]
pub struct Write {
    pub entry: Entry,
    pub known: Option<String>,
}

/// A search of the Library panel: every field optional.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Search {
    /// Words that must all be in the claim, title or note.
    pub words: String,
    pub verdict: Option<Verdict>,
    /// Part of the claimant's name (case-insensitive).
    pub claimant: Option<String>,
    /// Reviewed on or after / before or on these dates (YYYY-MM-DD).
    pub from: Option<String>,
    pub to: Option<String>,
    pub language: Option<String>,
    pub limit: usize,
}

/// An entry as the ranking reads it (`Engine::candidates`).
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Candidate {
    pub id: i64,
    pub key: String,
    pub reviewed_at: Option<String>,
    pub date: Option<String>,
    /// Its index words, space-separated, as stored.
    pub terms: String,
}

/// A stored entry that matches a claim, with how well and why.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Match {
    pub stored: Stored,
    pub score: f32,
    pub reasons: Vec<String>,
}

#[derive(Debug, thiserror::Error)]
pub enum LibraryError {
    #[error(
        "The claim library {place} could not be opened: {detail}. Check the library named in Edit > Settings… > Library (on the command line: --library or CLAIMDESK_LIBRARY); reviews go on without it."
    )]
    Open { place: String, detail: String },
    #[error(
        "The claim library {place} was made by a newer Claimdesk (schema {found}, this one knows {SCHEMA_VERSION}). Update Claimdesk, or name another library in Edit > Settings… > Library (on the command line: --library or CLAIMDESK_LIBRARY)."
    )]
    Newer { place: String, found: i64 },
    #[error(
        "The claim library {place} is busy (another program holds it): {detail}. Try again in a moment."
    )]
    Busy { place: String, detail: String },
    #[error("The claim library {place} failed: {detail}")]
    Engine { place: String, detail: String },
    #[error("Could not read {path}: {detail}")]
    Read { path: String, detail: String },
}

/// Where a library is: a SQLite file or a PostgreSQL server.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Place {
    File(PathBuf),
    Postgres(String),
}

impl Place {
    /// A `postgres://` or `postgresql://` URL, else a file path.
    pub fn parse(spec: &str) -> Place {
        let s = spec.trim();
        if s.starts_with("postgres://") || s.starts_with("postgresql://") {
            Place::Postgres(s.to_string())
        } else {
            Place::File(PathBuf::from(s))
        }
    }

    /// The library named by `CLAIMDESK_LIBRARY`, else the default file in the user's data
    /// folder (None if the system gives no data folder).
    pub fn from_env_or_default() -> Option<Place> {
        match std::env::var(LIBRARY_ENV) {
            Ok(s) if !s.trim().is_empty() => Some(Place::parse(&s)),
            _ => default_file().map(Place::File),
        }
    }

    /// How the library is named in messages (a URL without its password).
    pub fn shown(&self) -> String {
        match self {
            Place::File(p) => p.display().to_string(),
            Place::Postgres(url) => match url::Url::parse(url) {
                Ok(mut u) => {
                    if u.password().is_some() {
                        let _ = u.set_password(Some("***"));
                    }
                    // A password may also come as a parameter (`?password=…`).
                    if u.query_pairs().any(|(k, _)| k == "password") {
                        let pairs: Vec<(String, String)> = u
                            .query_pairs()
                            .map(|(k, v)| {
                                let v = if k == "password" { "***".into() } else { v };
                                (k.into_owned(), v.into_owned())
                            })
                            .collect();
                        u.query_pairs_mut().clear().extend_pairs(pairs);
                    }
                    u.to_string()
                }
                Err(_) => "postgres://…".to_string(),
            },
        }
    }
}

/// `library.sqlite` in the user's data folder (`~/.local/share/claimdesk` on Linux,
/// `~/Library/Application Support/claimdesk` on macOS, `%APPDATA%\claimdesk\data` on Windows).
pub fn default_file() -> Option<PathBuf> {
    directories::ProjectDirs::from("", "", "claimdesk").map(|d| d.data_dir().join("library.sqlite"))
}

/// Rows and index words of the library, whatever holds them.
pub(crate) trait Engine: Send {
    /// Writes the entries in one transaction, each with its index words.
    fn write(&mut self, writes: &[(Write, Vec<String>)]) -> Result<Vec<Outcome>, LibraryError>;
    /// How many entries there are, their index words in all, and for each term how many
    /// entries have it.
    fn term_stats(&mut self, terms: &[String]) -> Result<rank::Stats, LibraryError>;
    /// Every entry that has at least one of `terms`, with its index words.
    fn containing(&mut self, terms: &[String]) -> Result<Vec<(Stored, Vec<String>)>, LibraryError>;
    /// For each of `terms`, the row numbers of the entries that have it. The default reads
    /// whole entries (`containing`); an engine should read only its index.
    fn postings(&mut self, terms: &[String]) -> Result<Vec<Vec<i64>>, LibraryError> {
        terms
            .iter()
            .map(|t| {
                Ok(self
                    .containing(std::slice::from_ref(t))?
                    .into_iter()
                    .map(|(s, _)| s.id)
                    .collect())
            })
            .collect()
    }
    /// The entries with these row numbers (each has one of `terms`), as the ranking reads them:
    /// key, dates and index words, not the whole entry. The default reads whole entries with
    /// `containing` and keeps those; an engine should read only these rows.
    fn candidates(
        &mut self,
        terms: &[String],
        ids: &[i64],
    ) -> Result<Vec<Candidate>, LibraryError> {
        let wanted: std::collections::HashSet<i64> = ids.iter().copied().collect();
        Ok(self
            .containing(terms)?
            .into_iter()
            .filter(|(s, _)| wanted.contains(&s.id))
            .map(|(s, words)| Candidate {
                id: s.id,
                key: s.entry.key,
                reviewed_at: s.entry.reviewed_at,
                date: s.entry.date,
                terms: words.join(" "),
            })
            .collect())
    }
    fn search(&mut self, search: &Search, terms: &[String]) -> Result<Vec<Stored>, LibraryError>;
    fn get(&mut self, key: &str) -> Result<Option<Stored>, LibraryError>;
    /// Calls `f` on every entry in key order.
    fn each(&mut self, f: &mut dyn FnMut(Stored)) -> Result<(), LibraryError>;
}

/// An open library.
pub struct Library {
    place: Place,
    engine: Box<dyn Engine>,
}

impl std::fmt::Debug for Library {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Library")
            .field("place", &self.place)
            .finish()
    }
}

/// What recording or importing did.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Tally {
    pub added: usize,
    pub updated: usize,
    pub unchanged: usize,
    /// Entries changed by someone else since this writer last knew them: (key, what is stored).
    pub conflicts: Vec<Stored>,
    /// Items that could not be read: (where, why).
    pub rejected: Vec<(String, String)>,
}

impl Tally {
    /// Adds what another write did.
    fn add(&mut self, other: Tally) {
        self.added += other.added;
        self.updated += other.updated;
        self.unchanged += other.unchanged;
        self.conflicts.extend(other.conflicts);
        self.rejected.extend(other.rejected);
    }

    fn count(&mut self, outcomes: Vec<Outcome>) {
        for o in outcomes {
            match o {
                Outcome::Added => self.added += 1,
                Outcome::Updated => self.updated += 1,
                Outcome::Unchanged => self.unchanged += 1,
                Outcome::Conflict { theirs } => self.conflicts.push(*theirs),
            }
        }
    }
}

impl Library {
    /// Opens (creating it if needed) the library at `place`.
    pub fn open(place: &Place) -> Result<Library, LibraryError> {
        let engine: Box<dyn Engine> = match place {
            Place::File(path) => Box::new(sqlite::Sqlite::open(path)?),
            // The only network connection Claimdesk makes, and only to the server named.
            Place::Postgres(url) => Box::new(self::postgres::Postgres::open(url)?),
        };
        Ok(Library {
            place: place.clone(),
            engine,
        })
    }

    pub fn place(&self) -> &Place {
        &self.place
    }

    /// Writes entries (in one transaction).
    pub fn write(&mut self, writes: Vec<Write>) -> Result<Tally, LibraryError> {
        let mut tally = Tally::default();
        let mut writes = writes.into_iter().peekable();
        while writes.peek().is_some() {
            // A transaction per chunk, its entries' index words made for it alone.
            let chunk: Vec<(Write, Vec<String>)> = writes
                .by_ref()
                .take(WRITE_CHUNK)
                .map(|w| {
                    let terms = w.entry.index_terms();
                    (w, terms)
                })
                .collect();
            tally.count(self.engine.write(&chunk)?);
        }
        Ok(tally)
    }

    /// Records the reviewed claims of a session (those with a verdict, a note or sources).
    /// `before` is the review as this writer last recorded it (the session as opened), so that
    /// a claim someone else changed in the library since is reported, not overwritten.
    pub fn record(
        &mut self,
        review: &Review,
        before: Option<&Review>,
        origin: &Path,
        ratings: &Ratings,
        reviewer: Option<&str>,
    ) -> Result<Tally, LibraryError> {
        // What this writer last recorded of each claim (the session as opened or last saved).
        let before: Option<std::collections::HashMap<String, String>> = before.map(|b| {
            entries_of_review(b, origin, ratings, reviewer)
                .into_iter()
                .map(|e| {
                    let hash = e.content_hash();
                    (e.key, hash)
                })
                .collect()
        });
        let writes = entries_of_review(review, origin, ratings, reviewer)
            .into_iter()
            .map(|entry| {
                let known = before.as_ref().map(|b| match b.get(&entry.key) {
                    // Not changed by this writer: recorded if the library lacks it, else left
                    // as the library has it (perhaps someone else's later change).
                    Some(h) if *h == entry.content_hash() => ONLY_IF_ABSENT.to_string(),
                    Some(h) => h.clone(),
                    None => String::new(),
                });
                Write { entry, known }
            })
            .collect();
        self.write(writes)
    }

    /// The entry with this key.
    pub fn get(&mut self, key: &str) -> Result<Option<Stored>, LibraryError> {
        self.engine.get(key)
    }

    /// Entries that match the search, most recent first.
    pub fn search(&mut self, search: &Search) -> Result<Vec<Stored>, LibraryError> {
        let mut readings = rank::search_terms(&search.words, search.language.as_deref());
        if readings.len() == 1 {
            return self.engine.search(search, &readings.remove(0));
        }
        // The words as French and as English: what either finds, most recent first.
        let mut found: Vec<Stored> = Vec::new();
        for terms in readings {
            for s in self.engine.search(search, &terms)? {
                if !found.iter().any(|f| f.id == s.id) {
                    found.push(s);
                }
            }
        }
        found.sort_by(|a, b| {
            let when = |s: &Stored| s.entry.reviewed_at.clone().or_else(|| s.entry.date.clone());
            // Undated last, as the engines sort them.
            match (when(b), when(a)) {
                (Some(x), Some(y)) => x.cmp(&y),
                (x, y) => y.is_none().cmp(&x.is_none()),
            }
            .then(b.id.cmp(&a.id))
        });
        found.truncate(sql::search_limit(search));
        Ok(found)
    }

    /// The `top` entries that best match `claim`, best first, each scoring at least
    /// `rank::MIN_SCORE`. Entries whose key is in `skip` (the claim's own) are left out.
    pub fn matches(
        &mut self,
        claim: &str,
        top: usize,
        skip: &[String],
    ) -> Result<Vec<Match>, LibraryError> {
        let query = rank::Query::new(claim);
        if query.terms.is_empty() {
            return Ok(Vec::new());
        }
        let stats = self.engine.term_stats(&query.terms)?;
        let pick = rank::retrieval_terms(&query.terms, &stats);
        let postings = self.engine.postings(&pick)?;
        let ids = rank::preselect(&pick, &postings, &query.terms, &stats);
        let found: Vec<Candidate> = self
            .engine
            .candidates(&pick, &ids)?
            .into_iter()
            .filter(|c| !skip.contains(&c.key))
            .collect();
        let mut out = Vec::new();
        for r in rank::rank(&query, &stats, &found, top) {
            // Gone since it was read (another writer): passed over.
            if let Some(stored) = self.engine.get(&found[r.at].key)? {
                out.push(Match {
                    stored,
                    score: r.score,
                    reasons: r.reasons,
                });
            }
        }
        Ok(out)
    }

    /// Every entry, in key order.
    pub fn each(&mut self, f: &mut dyn FnMut(Stored)) -> Result<(), LibraryError> {
        self.engine.each(f)
    }
}

/// The key of claim `id` of a session: the article's fingerprint, the session's creation time
/// and the claim's id. Every save of one session updates the same rows (and two people editing
/// one session meet as a conflict); a new session of the same article is another review, whose
/// claims find the earlier session's verdicts as "checked before".
pub fn session_key(review: &Review, id: u32) -> String {
    key_in(&session_prefix(review), id)
}

/// What the keys of a session's claims start with: `session:<article>:<created>`. The article's
/// fingerprint is its source file's hash, else its text's (hashed here: once per review).
fn session_prefix(review: &Review) -> String {
    let article = review
        .article
        .metadata
        .source_sha256
        .clone()
        .unwrap_or_else(|| {
            let mut h = Sha256::new();
            h.update(review.article.text.as_bytes());
            h.finalize().iter().map(|b| format!("{b:02x}")).collect()
        });
    // A fingerprint from a hand-edited session may be anything: its first 32 characters.
    let article: String = article.chars().take(32).collect();
    format!("session:{article}:{}", review.created.timestamp_micros())
}

fn key_in(prefix: &str, id: u32) -> String {
    format!("{prefix}#{id}")
}

/// The library entries of a review: its claims with a verdict, a note or sources.
pub fn entries_of_review(
    review: &Review,
    origin: &Path,
    ratings: &Ratings,
    reviewer: Option<&str>,
) -> Vec<Entry> {
    let meta = &review.article.metadata;
    let prefix = session_prefix(review);
    review
        .claims
        .iter()
        .filter(|c| {
            c.verdict != Verdict::Unreviewed || !c.note.is_empty() || !c.evidence.is_empty()
        })
        .map(|c| {
            let at = review
                .history
                .iter()
                .rev()
                .find(|h| h.action.touches(c.id))
                .map(|h| (h.at, h.reviewer.clone()));
            Entry {
                key: key_in(&prefix, c.id),
                claim: c.text().to_string(),
                language: meta.language.clone(),
                verdict: (c.verdict != Verdict::Unreviewed).then_some(c.verdict),
                rating: ratings
                    .of(c.verdict)
                    .map(|r| r.label.clone())
                    .unwrap_or_default(),
                note: c.note.clone(),
                evidence: c.evidence.iter().map(|e| e.url.clone()).collect(),
                claimant: c.claimant.clone(),
                title: meta.title.clone(),
                url: meta.url.clone(),
                date: meta.published.clone(),
                // Who the history says (the reviewer given stands in for claims without any
                // history of their own).
                reviewer: match &at {
                    Some((_, who)) => who.clone(),
                    None => reviewer.map(str::to_string),
                },
                reviewed_at: Some(at.map_or(review.modified, |a| a.0).to_rfc3339()),
                origin: origin.display().to_string(),
            }
        })
        .collect()
}

/// Reads every file named (folders recursively): ClaimReview JSON-LD (`.json`, `.jsonld`,
/// `.jsonl`, `.html`) and Claimdesk sessions (`.claimdesk.json`), and writes what they hold.
/// A bad item is rejected with its reason; the others are imported.
pub fn import(
    library: &mut Library,
    paths: &[PathBuf],
    ratings: Option<&Ratings>,
) -> Result<Tally, LibraryError> {
    let mut tally = Tally::default();
    let mut files = Vec::new();
    for p in paths {
        collect_files(p, &mut files, &mut tally);
    }
    for file in files {
        let shown = file.display().to_string();
        let name = file.file_name().and_then(|n| n.to_str()).unwrap_or("");
        if name.ends_with(".claimdesk.json") {
            match crate::store::open(&file) {
                Ok(loaded) => {
                    let origin = std::fs::canonicalize(&file).unwrap_or_else(|_| file.clone());
                    let ratings = ratings
                        .cloned()
                        .unwrap_or_else(|| ReportSettings::for_review(&loaded.review).ratings);
                    let entries = entries_of_review(&loaded.review, &origin, &ratings, None);
                    let writes = entries
                        .into_iter()
                        // A row recorded since (a newer verdict) is reported, not replaced.
                        .map(|entry| Write {
                            entry,
                            known: Some(String::new()),
                        })
                        .collect();
                    tally.add(library.write(writes)?);
                }
                Err(e) => tally.rejected.push((shown, e.to_string())),
            }
            continue;
        }
        let bytes = match crate::files::read_capped(&file, claimreview::MAX_IMPORT_BYTES) {
            Ok(b) => b,
            Err(e) => {
                tally.rejected.push((shown, e.to_string()));
                continue;
            }
        };
        let text = String::from_utf8_lossy(&bytes);
        // Read and written a chunk at a time: a file of a million reviews is never held whole
        // as entries.
        let mut writes = Vec::new();
        let mut failed = None;
        claimreview::for_each(&text, &shown, &mut |item| {
            if failed.is_some() {
                return;
            }
            match item {
                Ok(entry) => writes.push(Write { entry, known: None }),
                Err((at, why)) => tally.rejected.push((at, why)),
            }
            if writes.len() == WRITE_CHUNK {
                match library.write(std::mem::take(&mut writes)) {
                    Ok(t) => tally.add(t),
                    Err(e) => failed = Some(e),
                }
            }
        });
        if let Some(e) = failed {
            return Err(e);
        }
        tally.add(library.write(writes)?);
    }
    Ok(tally)
}

fn collect_files(path: &Path, out: &mut Vec<PathBuf>, tally: &mut Tally) {
    match std::fs::metadata(path) {
        Ok(m) if m.is_dir() => {
            let mut entries: Vec<PathBuf> = match std::fs::read_dir(path) {
                Ok(rd) => rd.filter_map(|e| e.ok().map(|e| e.path())).collect(),
                Err(e) => {
                    tally
                        .rejected
                        .push((path.display().to_string(), e.to_string()));
                    return;
                }
            };
            entries.sort();
            for e in entries {
                let name = e.file_name().and_then(|n| n.to_str()).unwrap_or("");
                let wanted = e.is_dir()
                    || [".json", ".jsonld", ".jsonl", ".html", ".htm"]
                        .iter()
                        .any(|x| name.to_ascii_lowercase().ends_with(x));
                if wanted && !name.starts_with('.') {
                    collect_files(&e, out, tally);
                }
            }
        }
        Ok(_) => out.push(path.to_path_buf()),
        Err(e) => tally
            .rejected
            .push((path.display().to_string(), e.to_string())),
    }
}

#[cfg(test)]
mod tests;
