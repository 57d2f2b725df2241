//! What both engines share: the rows' columns, how a write decides between add, update, nothing
//! and conflict, and how a row reads back into a `Stored`.

use super::{Entry, Outcome, Search, Stored, Write};
use crate::review::Verdict;

/// The columns of `entries` that hold an `Entry`, in the order `row_values` gives them.
pub(super) const ENTRY_COLUMNS: &str = "key, hash, claim, language, verdict, rating, note, \
     evidence, claimant, title, url, date, reviewer, reviewed_at, origin, terms, n_terms, \
     claimant_lower";

/// The columns read back for a `Stored` (and its index words), in `Row`'s order.
pub(super) const STORED_COLUMNS: &str = "id, version, key, claim, language, verdict, rating, \
     note, evidence, claimant, title, url, date, reviewer, reviewed_at, origin, terms";

/// A row as read, before it becomes a `Stored`.
pub(super) struct Row {
    pub id: i64,
    pub version: i64,
    pub key: String,
    pub claim: String,
    pub language: Option<String>,
    pub verdict: Option<String>,
    pub rating: String,
    pub note: String,
    pub evidence: String,
    pub claimant: Option<String>,
    pub title: Option<String>,
    pub url: Option<String>,
    pub date: Option<String>,
    pub reviewer: Option<String>,
    pub reviewed_at: Option<String>,
    pub origin: String,
    pub terms: String,
}

impl Row {
    pub(super) fn into_stored(self) -> (Stored, Vec<String>) {
        let terms = self
            .terms
            .split(' ')
            .filter(|t| !t.is_empty())
            .map(str::to_string)
            .collect();
        let stored = Stored {
            id: self.id,
            version: self.version,
            entry: Entry {
                key: self.key,
                claim: self.claim,
                language: self.language,
                verdict: self.verdict.as_deref().and_then(Verdict::parse),
                rating: self.rating,
                note: self.note,
                evidence: serde_json::from_str(&self.evidence).unwrap_or_default(),
                claimant: self.claimant,
                title: self.title,
                url: self.url,
                date: self.date,
                reviewer: self.reviewer,
                reviewed_at: self.reviewed_at,
                origin: self.origin,
            },
        };
        (stored, terms)
    }
}

/// The verdict as stored: `verified`, `disputed`, `unsourced`.
pub(super) fn verdict_text(v: Option<Verdict>) -> Option<String> {
    v.map(|v| v.label().to_ascii_lowercase())
}

/// An entry's index words, each once, space-separated (what the full-text index reads), and
/// how many words the entry has in all (for BM25's length).
pub(super) fn terms_text(terms: &[String]) -> (String, i64) {
    (terms.join(" "), terms.len() as i64)
}

/// Each distinct word once.
pub(super) fn distinct(terms: &[String]) -> Vec<&str> {
    let mut d: Vec<&str> = terms.iter().map(String::as_str).collect();
    d.sort_unstable();
    d.dedup();
    d
}

/// What to do with a write, given the stored row's (id, hash), if any.
pub(super) enum Decision {
    Insert,
    Update {
        id: i64,
    },
    Nothing(Outcome),
    /// Someone else's change: read the row back and report it.
    Conflict {
        id: i64,
    },
}

pub(super) fn decide(write: &Write, new_hash: &str, stored: Option<(i64, String)>) -> Decision {
    match stored {
        None => Decision::Insert,
        Some((_, hash)) if hash == new_hash => Decision::Nothing(Outcome::Unchanged),
        Some((id, hash)) => match &write.known {
            Some(known) if known == super::ONLY_IF_ABSENT => Decision::Nothing(Outcome::Unchanged),
            Some(known) if *known != hash => Decision::Conflict { id },
            _ => Decision::Update { id },
        },
    }
}

/// An entry's column values in `ENTRY_COLUMNS` order, as text or integers.
pub(super) enum Value {
    Text(String),
    Maybe(Option<String>),
    Int(i64),
}

pub(super) fn row_values(e: &Entry, hash: &str, terms: &[String]) -> Vec<Value> {
    let (text, n) = terms_text(terms);
    let maybe = |s: &Option<String>| Value::Maybe(s.as_deref().map(clean));
    vec![
        Value::Text(clean(&e.key)),
        Value::Text(hash.to_string()),
        Value::Text(clean(&e.claim)),
        maybe(&e.language),
        Value::Maybe(verdict_text(e.verdict)),
        Value::Text(clean(&e.rating)),
        Value::Text(clean(&e.note)),
        Value::Text(serde_json::to_string(&e.evidence).unwrap_or_else(|_| "[]".into())),
        maybe(&e.claimant),
        maybe(&e.title),
        maybe(&e.url),
        maybe(&e.date),
        maybe(&e.reviewer),
        maybe(&e.reviewed_at),
        Value::Text(clean(&e.origin)),
        Value::Text(clean(&text)),
        Value::Int(n),
        // Searched by part of the name, whatever its case: lower-cased here, as neither
        // engine's lower() does beyond ASCII (under the C collation).
        Value::Maybe(e.claimant.as_deref().map(|c| clean(&c.to_lowercase()))),
    ]
}

/// Text as every engine can hold it: PostgreSQL's text has no NUL character, so on both engines
/// a NUL (from a damaged import) is stored as U+FFFD.
pub(super) fn clean(s: &str) -> String {
    s.replace('\0', "\u{FFFD}")
}

/// The `LIKE` pattern for part of a claimant's name, its wildcards escaped (with `\`).
pub(super) fn like_pattern(part: &str) -> String {
    let mut p = String::from("%");
    for c in clean(part).trim().to_lowercase().chars() {
        if matches!(c, '%' | '_' | '\\') {
            p.push('\\');
        }
        p.push(c);
    }
    p.push('%');
    p
}

/// The end of a day given as YYYY-MM-DD, for comparing with RFC 3339 times.
pub(super) fn end_of_day(date: &str) -> String {
    format!("{}\u{10FFFF}", date.trim())
}

/// A search's `WHERE` clause (empty without conditions) and its text arguments, as both engines
/// write it: `placeholder(n)` names argument `n` (1-based: `?1`, `$1`), and `words`, when there
/// are words, is the engine's condition on its index with `{}` for its one argument, and that
/// argument.
pub(super) fn search_where(
    search: &Search,
    words: Option<(&str, String)>,
    placeholder: fn(usize) -> String,
) -> (String, Vec<String>) {
    let given = |v: &Option<String>| {
        v.as_deref()
            .map(str::trim)
            .filter(|v| !v.is_empty())
            .map(str::to_string)
    };
    let mut conditions: Vec<(String, String)> = Vec::new();
    if let Some((condition, arg)) = words {
        conditions.push((condition.to_string(), arg));
    }
    if let Some(v) = verdict_text(search.verdict) {
        conditions.push(("verdict = {}".into(), v));
    }
    if let Some(c) = given(&search.claimant) {
        conditions.push((
            "claimant_lower LIKE {} ESCAPE '\\'".into(),
            like_pattern(&c),
        ));
    }
    if let Some(d) = given(&search.from) {
        conditions.push(("coalesce(reviewed_at, date) >= {}".into(), d));
    }
    if let Some(d) = given(&search.to) {
        conditions.push(("coalesce(reviewed_at, date) <= {}".into(), end_of_day(&d)));
    }
    if let Some(l) = given(&search.language) {
        conditions.push(("language = {}".into(), l));
    }
    if conditions.is_empty() {
        return (String::new(), Vec::new());
    }
    let clauses: Vec<String> = conditions
        .iter()
        .enumerate()
        .map(|(i, (condition, _))| condition.replace("{}", &placeholder(i + 1)))
        .collect();
    let args = conditions.into_iter().map(|(_, arg)| clean(&arg)).collect();
    (format!("WHERE {}", clauses.join(" AND ")), args)
}

/// How many entries a search returns at most.
pub(super) fn search_limit(search: &Search) -> usize {
    search.limit.clamp(1, 10_000)
}
