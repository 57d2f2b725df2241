//! The claim library seen from the window: recording the verdicts of each saved session,
//! "Checked before" (each claim matched against the library when an article opens), and the
//! searches of the Library panel.
//!
//! All of it runs on one worker thread per library (`LibraryLink`) that owns the connection, so
//! that a busy SQLite file or a PostgreSQL server that does not answer never holds up a frame:
//! the window sends requests, goes on drawing, and applies the replies when they come (the
//! worker wakes it up). Requests are served in the order sent, so a save's record always comes
//! after the ones before it. A library that fails is reported and the review goes on: the
//! session file is written before the library is asked anything.

use super::i18n::{language, tr, trf};
use crate::library::{self, Library, LibraryError, Match, Place, Search, Stored};
use crate::report::Ratings;
use crate::review::{self, Action, Evidence, Review, Verdict};
use eframe::egui;
use std::collections::HashMap;
use std::path::PathBuf;
use std::sync::Arc;
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::mpsc::{Receiver, Sender, TryRecvError};

/// A claim whose best match in the library scores at least this shows "Checked before"… The
/// score is the library's (`library::rank`): BM25 over the claim's words, plus 1 for each number
/// and 0.5 for each name the two claims share. Its scale grows with the library (a rare word
/// weighs more among 14,000 entries than among 3), so this only keeps out the weakest matches.
pub const CHECKED_BEFORE_MIN_SCORE: f32 = 4.0;

/// …and at least this share of the words of the shorter of the two claims is in the other. The
/// library ranks the entries worth a look; this says whether the best one is the same claim, not
/// one about the same people (names weigh much in a small library: against 3 entries, sentences
/// of the sample that merely named Poutine and Kim scored 4 to 6, its real repeat 10). Measured
/// with tools/calibrate_checked_before.py on CheckThat! 2022 2A (tweets against 14k Snopes
/// claims), best match only: at 0.5, 29% of the tweets whose fact-check is in the library are
/// marked (1% with the wrong one) and 7% of those whose fact-check was left out; at 0.4, 43% and
/// 18%; at 0.3, 59% and 40%.
pub const CHECKED_BEFORE_MIN_SHARED: f32 = 0.5;

/// The share of the words of the shorter of `a` and `b` (as the library indexes them) that the
/// other has too.
pub fn shared_words(a: &str, b: &str) -> f32 {
    let words = |s: &str| -> std::collections::HashSet<String> {
        library::rank::terms(s).into_iter().collect()
    };
    let (a, b) = (words(a), words(b));
    let n = a.len().min(b.len());
    if n == 0 {
        return 0.0;
    }
    a.intersection(&b).count() as f32 / n as f32
}

/// Whether `m`, the best match of `claim`, is shown as "Checked before".
pub fn is_checked_before(claim: &str, m: &Match) -> bool {
    m.score >= CHECKED_BEFORE_MIN_SCORE
        && shared_words(claim, &m.stored.entry.claim) >= CHECKED_BEFORE_MIN_SHARED
}

/// Claims matched between two replies of the worker, so that the marks of a long article come
/// in as they are found.
const MATCH_CHUNK: usize = 16;

/// The most entries a search of the Library panel lists.
pub const SEARCH_LIMIT: usize = 200;

/// What the window asks the library worker.
pub enum Request {
    /// Record the reviewed claims of `review` (a copy, as saved to `origin`). `before` is the
    /// review as last recorded or opened, used unless the worker recorded this review (`token`)
    /// since: then what it recorded is what this writer last knew.
    Record {
        token: u64,
        review: Arc<Review>,
        before: Option<Arc<Review>>,
        origin: PathBuf,
        ratings: Box<Ratings>,
        reviewer: Option<String>,
    },
    /// The best match of each claim of `review` (each claim's own entry left out).
    Match {
        token: u64,
        review: Arc<Review>,
    },
    Search {
        token: u64,
        search: Search,
    },
}

/// A claim of the review that someone else changed in the library since this window last knew
/// it: the library kept theirs.
#[derive(Debug, Clone, PartialEq)]
pub struct Conflict {
    pub claim: u32,
    /// Who changed it, when the library knows.
    pub by: Option<String>,
}

/// What recording a save did.
#[derive(Debug, Clone, PartialEq)]
pub struct Recorded {
    /// Entries added or updated.
    pub written: usize,
    pub conflicts: Vec<Conflict>,
}

/// What the worker sends back. Errors come typed: the window says them in its language (this
/// thread does not know it).
pub enum Reply {
    Recorded {
        token: u64,
        /// The review recorded (the copy sent): what this window now last knew of the library.
        review: Arc<Review>,
        result: Result<Recorded, LibraryError>,
    },
    /// The best matches of some claims, those that are "Checked before" (`is_checked_before`);
    /// `done` with the last of them, or an error (which ends the matching).
    Matched {
        token: u64,
        found: Vec<(u32, Match)>,
        done: bool,
        error: Option<LibraryError>,
    },
    Searched {
        token: u64,
        result: Result<Vec<Stored>, LibraryError>,
    },
}

/// The window's side of a library worker.
pub struct LibraryLink {
    place: Place,
    tx: Sender<Request>,
    rx: Receiver<Reply>,
    /// Requests sent and not answered yet.
    pending: usize,
    /// The matching the window still wants: an older one stops early.
    latest_match: Arc<AtomicU64>,
}

impl LibraryLink {
    /// Starts a worker for the library at `place` (opened at the first request).
    pub fn start(place: Place, ctx: &egui::Context) -> Result<Self, String> {
        let (tx, requests) = std::sync::mpsc::channel::<Request>();
        let (replies, rx) = std::sync::mpsc::channel::<Reply>();
        let latest_match = Arc::new(AtomicU64::new(0));
        let mut worker = Worker {
            place: place.clone(),
            library: None,
            chain: None,
            latest_match: latest_match.clone(),
        };
        let ctx = ctx.clone();
        std::thread::Builder::new()
            .name("claimdesk-library".into())
            .spawn(move || {
                // Ends when the window drops its link (the channel closes).
                for request in requests {
                    for reply in worker.serve(request) {
                        if replies.send(reply).is_err() {
                            return;
                        }
                        ctx.request_repaint();
                    }
                }
            })
            .map_err(|e| trf("library-no-thread", &[("e", &e)]))?;
        Ok(Self {
            place,
            tx,
            rx,
            pending: 0,
            latest_match,
        })
    }

    pub fn place(&self) -> &Place {
        &self.place
    }

    /// Sends a request; false if the worker is gone (it stopped on an internal error).
    pub fn send(&mut self, request: Request) -> bool {
        if let Request::Match { token, .. } = &request {
            self.latest_match.store(*token, Ordering::SeqCst);
        }
        let sent = self.tx.send(request).is_ok();
        if sent {
            self.pending += 1;
        }
        sent
    }

    /// Stops the matching under way (its replies end early); records and searches go on.
    pub fn stop_matching(&self) {
        self.latest_match.store(u64::MAX, Ordering::SeqCst);
    }

    /// Requests not answered yet.
    pub fn is_busy(&self) -> bool {
        self.pending > 0
    }

    /// The replies that have come. A worker gone (a panic) answers nothing more: its pending
    /// requests are dropped, and `gone` says so.
    pub fn poll(&mut self) -> (Vec<Reply>, bool) {
        let mut out = Vec::new();
        loop {
            match self.rx.try_recv() {
                Ok(r) => {
                    self.count(&r);
                    out.push(r);
                }
                Err(TryRecvError::Empty) => return (out, false),
                Err(TryRecvError::Disconnected) => {
                    let gone = self.pending > 0;
                    self.pending = 0;
                    return (out, gone);
                }
            }
        }
    }

    /// Blocks until every request sent is answered (for tests and scripts).
    pub fn wait(&mut self) -> (Vec<Reply>, bool) {
        let mut out = Vec::new();
        while self.pending > 0 {
            match self.rx.recv() {
                Ok(r) => {
                    self.count(&r);
                    out.push(r);
                }
                Err(_) => {
                    self.pending = 0;
                    return (out, true);
                }
            }
        }
        (out, false)
    }

    fn count(&mut self, reply: &Reply) {
        let last = match reply {
            Reply::Matched { done, .. } => *done,
            _ => true,
        };
        if last {
            self.pending = self.pending.saturating_sub(1);
        }
    }
}

/// The worker thread's state: the open library, and what it last recorded.
struct Worker {
    place: Place,
    library: Option<Library>,
    /// The review last recorded (by its token): what this writer last knew of the library.
    chain: Option<(u64, Arc<Review>)>,
    latest_match: Arc<AtomicU64>,
}

impl Worker {
    fn library(&mut self) -> Result<&mut Library, LibraryError> {
        if self.library.is_none() {
            self.library = Some(Library::open(&self.place)?);
        }
        Ok(self.library.as_mut().expect("opened above"))
    }

    /// A failed library is opened again for the next request (the file may have been
    /// replaced, the server may be back).
    fn failed(&mut self, e: LibraryError) -> LibraryError {
        self.library = None;
        e
    }

    fn serve(&mut self, request: Request) -> Vec<Reply> {
        match request {
            Request::Record {
                token,
                review,
                before,
                origin,
                ratings,
                reviewer,
            } => {
                let before = match &self.chain {
                    Some((t, last)) if *t == token => Some(last.clone()),
                    _ => before,
                };
                let result = self.library().and_then(|lib| {
                    lib.record(
                        &review,
                        before.as_deref(),
                        &origin,
                        &ratings,
                        reviewer.as_deref(),
                    )
                });
                let result = match result {
                    Ok(tally) => {
                        self.chain = Some((token, review.clone()));
                        Ok(Recorded {
                            written: tally.added + tally.updated,
                            conflicts: conflicts_of(&review, &tally.conflicts),
                        })
                    }
                    Err(e) => Err(self.failed(e)),
                };
                vec![Reply::Recorded {
                    token,
                    review,
                    result,
                }]
            }
            Request::Match { token, review } => self.matches(token, &review),
            Request::Search { token, search } => {
                let result = self.library().and_then(|lib| lib.search(&search));
                let result = result.map_err(|e| self.failed(e));
                vec![Reply::Searched { token, result }]
            }
        }
    }

    /// Matches the claims a chunk at a time; stops when a newer matching is asked for.
    fn matches(&mut self, token: u64, review: &Review) -> Vec<Reply> {
        let mut replies = Vec::new();
        let mut found = Vec::new();
        let claims: Vec<(u32, &str)> = review.claims.iter().map(|c| (c.id, c.text())).collect();
        // Each claim's own entry (a session recorded before) is not "checked before".
        let keys: HashMap<u32, String> = claims
            .iter()
            .map(|(id, _)| (*id, library::session_key(review, *id)))
            .collect();
        for (i, (id, text)) in claims.iter().enumerate() {
            if self.latest_match.load(Ordering::SeqCst) != token {
                break;
            }
            let skip = [keys[id].clone()];
            match self.library().and_then(|lib| lib.matches(text, 1, &skip)) {
                Ok(mut m) => {
                    if let Some(best) = m.drain(..).next()
                        && is_checked_before(text, &best)
                    {
                        found.push((*id, best));
                    }
                }
                Err(e) => {
                    let error = Some(self.failed(e));
                    replies.push(Reply::Matched {
                        token,
                        found,
                        done: true,
                        error,
                    });
                    return replies;
                }
            }
            if (i + 1) % MATCH_CHUNK == 0 && i + 1 < claims.len() {
                replies.push(Reply::Matched {
                    token,
                    found: std::mem::take(&mut found),
                    done: false,
                    error: None,
                });
            }
        }
        replies.push(Reply::Matched {
            token,
            found,
            done: true,
            error: None,
        });
        replies
    }
}

/// The claims of `review` whose entries the library reported as changed by someone else.
fn conflicts_of(review: &Review, theirs: &[Stored]) -> Vec<Conflict> {
    if theirs.is_empty() {
        return Vec::new();
    }
    let by_key: HashMap<String, u32> = review
        .claims
        .iter()
        .map(|c| (library::session_key(review, c.id), c.id))
        .collect();
    theirs
        .iter()
        .filter_map(|s| {
            let claim = *by_key.get(&s.entry.key)?;
            Some(Conflict {
                claim,
                by: s.entry.reviewer.clone(),
            })
        })
        .collect()
}

/// The review as the library needs it: claims, history and the article's metadata, without the
/// article's text (megabytes the library never reads). The article's key is kept: when its
/// source file's hash is not known, the text's hash stands for it, as `library::session_key`
/// would compute it. `text_sha` is that hash, computed once per article by the caller.
pub fn library_copy(review: &Review, text_sha: &str) -> Review {
    let mut article = crate::article::Article {
        text: String::new(),
        blocks: Vec::new(),
        metadata: review.article.metadata.clone(),
        boilerplate: Vec::new(),
    };
    if article.metadata.source_sha256.is_none() {
        article.metadata.source_sha256 = Some(text_sha.to_string());
    }
    Review {
        article,
        claims: review.claims.clone(),
        created: review.created,
        modified: review.modified,
        history: review.history.clone(),
        orphans: Vec::new(),
        dismissed: Vec::new(),
        threshold: review.threshold,
        revision: review.revision,
    }
}

/// What "Checked before" knows of the claims of the review shown.
#[derive(Debug, Default)]
pub struct Earlier {
    /// The review (token) the matches are for.
    pub token: u64,
    /// The best match of each claim that has one above the threshold.
    by_claim: HashMap<u32, Match>,
    /// Matching still runs.
    pub checking: bool,
    /// Why matching failed, if it did.
    pub error: Option<String>,
}

impl Earlier {
    /// Forgets the matches: a new review (`token`) is being matched.
    pub fn start(&mut self, token: u64) {
        *self = Earlier {
            token,
            checking: true,
            ..Earlier::default()
        };
    }

    /// Takes in matches found for review `token` (others are stale and dropped).
    pub fn add(&mut self, token: u64, found: Vec<(u32, Match)>, done: bool) {
        if token != self.token {
            return;
        }
        self.by_claim.extend(found);
        if done {
            self.checking = false;
        }
    }

    pub fn of(&self, claim: u32) -> Option<&Match> {
        self.by_claim.get(&claim)
    }

    pub fn len(&self) -> usize {
        self.by_claim.len()
    }

    pub fn is_empty(&self) -> bool {
        self.by_claim.is_empty()
    }

    pub fn clear(&mut self) {
        *self = Earlier::default();
    }
}

/// The earlier verdict as the reviewer reads it: the newsroom's (or fact-checker's) own words,
/// else the desk's verdict name.
pub fn rating_of(entry: &library::Entry, palette: &super::theme::Palette) -> String {
    if !entry.rating.trim().is_empty() {
        entry.rating.trim().to_string()
    } else if let Some(v) = entry.verdict {
        palette.name(v).to_string()
    } else {
        tr("no-rating").to_string()
    }
}

/// When the earlier review was given (else when the article or fact-check was published).
pub fn date_of(entry: &library::Entry) -> Option<String> {
    entry
        .reviewed_at
        .as_deref()
        .or(entry.date.as_deref())
        .map(human_date)
}

/// "12 March 2026" ("12 mars 2026" in French) for a date that starts with YYYY-MM-DD (RFC 3339
/// included: the day is the one written, not moved to another time zone); anything else as
/// given.
pub fn human_date(s: &str) -> String {
    let day = s
        .get(..10)
        .and_then(|d| chrono::NaiveDate::parse_from_str(d, "%Y-%m-%d").ok());
    let Some(d) = day else {
        return s.to_string();
    };
    language().date(d)
}

/// "Disputed — 12 March 2026, «title»": the earlier verdict, when, and where.
pub fn summary(entry: &library::Entry, palette: &super::theme::Palette) -> String {
    let mut line = rating_of(entry, palette);
    let date = date_of(entry);
    let title = entry
        .title
        .as_deref()
        .filter(|t| !t.trim().is_empty())
        .or(entry.url.as_deref());
    let rest = match (date, title) {
        (Some(d), Some(t)) => trf("date-title", &[("date", &d), ("title", &t)]),
        (Some(d), None) => d,
        (None, Some(t)) => trf("title", &[("title", &t)]),
        (None, None) => return line,
    };
    line.push_str(" — ");
    line.push_str(&rest);
    line
}

/// A reason the library gives for a match ("same names: kim, poutine") in the window's language.
pub fn reason_text(reason: &str) -> String {
    let Some((head, words)) = reason.split_once(": ") else {
        return reason.to_string();
    };
    let head = match head {
        "same numbers" => tr("same-numbers"),
        "same names" => tr("same-names"),
        "same words" => tr("same-words"),
        _ => return reason.to_string(),
    };
    trf("h-w", &[("h", &head), ("w", &words)])
}

/// "Checked before: Disputed — 12 March 2026, «title»".
pub fn checked_before_line(entry: &library::Entry, palette: &super::theme::Palette) -> String {
    trf("checked-before-s", &[("s", &summary(entry, palette))])
}

/// The desk's verdict for an earlier review: its own, or, for a published fact-check, the one
/// its rating says ("False", "Faux", "Mostly true", "Unproven"…). None when the rating says
/// nothing the desk's three verdicts can say.
pub fn verdict_of(entry: &library::Entry) -> Option<Verdict> {
    if let Some(v) = entry.verdict.filter(|v| *v != Verdict::Unreviewed) {
        return Some(v);
    }
    let r: String = entry
        .rating
        .to_lowercase()
        .chars()
        .map(|c| match c {
            'é' | 'è' | 'ê' => 'e',
            'à' | 'â' => 'a',
            'î' | 'ï' => 'i',
            'ô' => 'o',
            'û' | 'ù' => 'u',
            _ => c,
        })
        .collect();
    let has = |words: &[&str]| words.iter().any(|w| r.contains(w));
    if has(&[
        "unproven",
        "unsupported",
        "unverified",
        "no evidence",
        "unsourced",
        "non source",
        "sans source",
        "invérifiable",
        "inverifiable",
        "not enough",
        "insufficient",
        "missing context",
        "manque de contexte",
        "research in progress",
    ]) {
        return Some(Verdict::Unsourced);
    }
    if has(&[
        "false",
        "faux",
        "fausse",
        "wrong",
        "incorrect",
        "inexact",
        "misleading",
        "trompeu",
        "pants on fire",
        "fake",
        "exagere",
        "exaggerat",
        "conteste",
        "disputed",
        "mixture",
        "half",
        "partly",
        "partially",
        "partiellement",
        "a moitie",
        "mostly",
        "satire",
        "scam",
        "miscaptioned",
        "misattributed",
        "distort",
        "altered",
        "manipul",
        "out of context",
        "hors contexte",
        "infonde",
        "erron",
    ]) {
        // "Mostly true" is true enough to verify; "mostly false", "half true" are not.
        if has(&["mostly true", "plutot vrai", "correct attribution"]) {
            return Some(Verdict::Verified);
        }
        return Some(Verdict::Disputed);
    }
    if has(&[
        "true", "vrai", "correct", "accurate", "exact", "verified", "verifie", "confirm", "legit",
    ]) {
        return Some(Verdict::Verified);
    }
    // A numeric rating ("1/5"): the lower third disputed, the upper third verified.
    if let Some((v, best)) = r.split_once('/')
        && let (Ok(v), Ok(best)) = (v.trim().parse::<f32>(), best.trim().parse::<f32>())
        && best > 1.0
    {
        let share = (v - 1.0) / (best - 1.0);
        return Some(if share <= 1.0 / 3.0 {
            Verdict::Disputed
        } else if share >= 2.0 / 3.0 {
            Verdict::Verified
        } else {
            Verdict::Unsourced
        });
    }
    None
}

/// The change that gives claim `claim` the earlier review's verdict, note and sources, as one
/// step (one undo): the verdict if it differs, the note (added after the claim's own, if it has
/// one and does not hold it already), each source the claim does not have yet. None if there is
/// nothing to change.
pub fn apply_earlier(review: &Review, claim: u32, earlier: &Stored) -> Option<Action> {
    let c = review.claim(claim)?;
    let e = &earlier.entry;
    let mut actions = Vec::new();
    if let Some(v) = verdict_of(e)
        && v != c.verdict
    {
        actions.push(Action::SetVerdict { claim, verdict: v });
    }
    let note = e.note.trim();
    if !note.is_empty() && !c.note.contains(note) {
        let note = if c.note.trim().is_empty() {
            note.to_string()
        } else {
            format!("{}\n\n{note}", c.note.trim_end())
        };
        actions.push(Action::SetNote { claim, note });
    }
    // The sources: the earlier review's; for a published fact-check, the fact-check itself.
    let accessed = e
        .reviewed_at
        .as_deref()
        .and_then(|d| d.get(..10))
        .and_then(|d| chrono::NaiveDate::parse_from_str(d, "%Y-%m-%d").ok())
        .unwrap_or_else(|| chrono::Local::now().date_naive());
    let mut sources: Vec<(String, String)> = e
        .evidence
        .iter()
        .map(|u| (u.clone(), String::new()))
        .collect();
    if !e.key.starts_with("session:")
        && let Some(u) = &e.url
    {
        sources.push((u.clone(), e.title.clone().unwrap_or_default()));
    }
    let mut index = c.evidence.len();
    for (url, title) in sources {
        let Ok(mut evidence) = Evidence::new(&url, accessed) else {
            continue;
        };
        if c.evidence.iter().any(|x| x.url == evidence.url)
            || actions.iter().any(
                |a| matches!(a, Action::AddEvidence { evidence: x, .. } if x.url == evidence.url),
            )
        {
            continue;
        }
        evidence.title = title;
        actions.push(Action::AddEvidence {
            claim,
            index,
            evidence,
        });
        index += 1;
    }
    if actions.is_empty() {
        return None;
    }
    Some(Action::Batch {
        label: format!("claim {claim}: earlier review applied ({})", e.rating),
        actions,
    })
}

/// Where the earlier review can be read: its session file, if it is one that exists, else its
/// web address.
pub enum EarlierSource {
    Session(PathBuf),
    Url(String),
}

pub fn source_of(entry: &library::Entry) -> Option<EarlierSource> {
    let origin = PathBuf::from(&entry.origin);
    if crate::store::is_session_path(&origin) && origin.is_file() {
        return Some(EarlierSource::Session(origin));
    }
    entry
        .url
        .as_deref()
        .and_then(|u| review::check_url(u).ok())
        .map(EarlierSource::Url)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::i18n::Lang;
    use crate::library::Entry;

    fn entry(rating: &str) -> Entry {
        Entry {
            rating: rating.into(),
            ..Entry::default()
        }
    }

    #[test]
    fn ratings_in_the_fact_checkers_words_become_verdicts() {
        for (r, v) in [
            ("False", Some(Verdict::Disputed)),
            ("Faux", Some(Verdict::Disputed)),
            ("Mostly false", Some(Verdict::Disputed)),
            ("Half True", Some(Verdict::Disputed)),
            ("Trompeur", Some(Verdict::Disputed)),
            ("Mostly true", Some(Verdict::Verified)),
            ("True", Some(Verdict::Verified)),
            ("Vrai", Some(Verdict::Verified)),
            ("Unproven", Some(Verdict::Unsourced)),
            ("Invérifiable", Some(Verdict::Unsourced)),
            ("1/5", Some(Verdict::Disputed)),
            ("5/5", Some(Verdict::Verified)),
            ("Outdated", None),
        ] {
            assert_eq!(verdict_of(&entry(r)), v, "{r}");
        }
        let mut own = entry("Faux");
        own.verdict = Some(Verdict::Unsourced);
        assert_eq!(verdict_of(&own), Some(Verdict::Unsourced), "the desk's own");
    }

    #[test]
    fn the_same_claim_shares_most_words_and_one_about_the_same_people_does_not() {
        let earlier = "Mercredi, Poutine a offert à Kim une voiture Aurus, la deuxième fois que le dirigeant du Kremlin offre ce modèle";
        let repeat = "Poutine a offert à Kim une Aurus lors d’un échange de cadeaux, la deuxième fois qu’il offre ce modèle de voiture";
        let neighbour = "Selon Youri Ouchakov, conseiller de Poutine, le dirigeant russe a également offert à Kim un service à thé.";
        assert!(shared_words(repeat, earlier) >= CHECKED_BEFORE_MIN_SHARED);
        assert!(shared_words(neighbour, earlier) < CHECKED_BEFORE_MIN_SHARED);
        assert_eq!(shared_words("", earlier), 0.0);
    }

    #[test]
    fn dates_are_written_for_people() {
        super::super::i18n::set_language(Lang::EN);
        assert_eq!(human_date("2026-03-12T09:30:00+01:00"), "12 March 2026");
        assert_eq!(human_date("2026-03-12"), "12 March 2026");
        assert_eq!(human_date("March 2026"), "March 2026");
        super::super::i18n::set_language(Lang::parse("fr").unwrap());
        assert_eq!(human_date("2026-03-01"), "1er mars 2026");
        assert_eq!(human_date("2026-08-12"), "12 août 2026");
        super::super::i18n::set_language(Lang::EN);
    }

    #[test]
    fn applying_an_earlier_review_is_one_step_that_adds_only_what_is_missing() {
        let mut review = Review::from_article(crate::article::sample());
        let id = review.claims[0].id;
        let stored = Stored {
            id: 1,
            version: 1,
            entry: Entry {
                key: "https://factuel.example/x#abc".into(),
                rating: "Faux".into(),
                note: "Démenti par le ministère.".into(),
                evidence: vec!["https://gouv.example/communique".into()],
                url: Some("https://factuel.example/x".into()),
                title: Some("Non, la limousine…".into()),
                reviewed_at: Some("2026-03-12".into()),
                ..Entry::default()
            },
        };
        let action = apply_earlier(&review, id, &stored).unwrap();
        let before = review.clone();
        let mut history = review::History::new();
        history.apply(&mut review, action, None).unwrap();
        let c = review.claim(id).unwrap();
        assert_eq!(c.verdict, Verdict::Disputed);
        assert_eq!(c.note, "Démenti par le ministère.");
        assert_eq!(c.evidence.len(), 2, "the source and the fact-check itself");
        assert_eq!(c.evidence[1].title, "Non, la limousine…");
        assert_eq!(c.evidence[0].accessed.to_string(), "2026-03-12");
        assert!(apply_earlier(&review, id, &stored).is_none(), "all there");
        history.undo(&mut review).unwrap();
        assert_eq!(
            review.claims, before.claims,
            "one undo takes all of it back"
        );
    }

    #[test]
    fn the_copy_for_the_library_has_the_same_keys_without_the_text() {
        let review = Review::from_article(crate::article::sample());
        let sha = review.article.text_sha256();
        let copy = library_copy(&review, &sha);
        assert!(copy.article.text.is_empty());
        for c in &review.claims {
            assert_eq!(
                library::session_key(&copy, c.id),
                library::session_key(&review, c.id)
            );
        }
    }
}
