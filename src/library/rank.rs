//! Matching a claim against the library: the words an entry is indexed under, the entries worth
//! a look (those with one of the claim's rarer words), and their ranking: BM25 over the words of
//! the entry's claim, title and note, raised when the fact-check came out soon after the claim
//! was made.
//!
//! Words are lower-cased letters and digits, stemmed (Snowball: English, or French for a text
//! whose common words are French, so that "vaccines" and "vaccinated" are one word), accents
//! taken off ("état" is "etat"), so that every engine's full-text index splits them the same
//! way. A number keeps its decimals ("2.5" is "2p5") and loses its thousands separators
//! ("1,000" is "1000"). Links and common words are left out; @handles and #hashtags are read as
//! the words they are made of (`@realJaneDoe` is "real jane doe").
//!
//! The weights below were fitted on the CheckThat! 2022 Task 2A training tweets (research use:
//! the data is not in this repository) with `tools/fit_matching.py`, and checked on its dev split.

use super::Candidate;
use chrono::NaiveDate;
use rust_stemmers::{Algorithm, Stemmer};
use std::collections::HashMap;

/// Matches scoring below this are not shown.
pub const MIN_SCORE: f32 = 0.0;

/// BM25's parameters (the usual ones: 0.9–1.5 and 0.3–0.9 did no better on the training tweets).
const K1: f32 = 1.2;
const B: f32 = 0.75;

/// How much the score rises when the fact-check came out from `NEAR_BEFORE` days before to
/// `NEAR_AFTER` days after the claim's date (a claim is checked while it goes round): fitted by
/// `python3 tools/fit_matching.py ../shared/bench/data/matching` on the training split (MAP@5
/// 0.853 → 0.915; dev 0.926 → 0.968). A rise for the same year as well was fitted to nothing.
const W_NEAR: f32 = 0.8;
const NEAR_BEFORE: i64 = 3;
const NEAR_AFTER: i64 = 30;

/// The entries looked at for one claim: those with its rarest words, until about this many
/// (only their row numbers are read)...
const RETRIEVAL_BUDGET: u64 = 5_000;

/// ...and of those, the ones with most of these words (by weight) are read and ranked. On the
/// training tweets, ranking 200 gives the MAP@5 of ranking all of them; 100 loses 0.004.
const PRESELECT: usize = 200;

/// The note (a fact-check's description) is indexed up to this many words: its opening says
/// what was checked; a long one would drown the claim.
pub const NOTE_WORDS: usize = 80;

/// What the library knows of the words of a claim.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Stats {
    pub entries: u64,
    /// Index words of all entries together.
    pub total_terms: u64,
    /// Per word asked for, how many entries have it.
    pub df: Vec<u64>,
}

/// Common English words, that say nothing of which claim it is (accents off).
const EN_STOP: &[&str] = &[
    "a", "about", "after", "all", "also", "an", "and", "any", "are", "as", "at", "be", "been",
    "but", "by", "can", "could", "did", "do", "does", "for", "from", "had", "has", "have", "he",
    "her", "his", "how", "i", "if", "in", "into", "is", "it", "its", "just", "me", "more", "my",
    "of", "on", "or", "our", "out", "she", "so", "than", "that", "the", "their", "them", "then",
    "there", "these", "they", "this", "those", "to", "up", "us", "was", "we", "were", "what",
    "when", "which", "who", "will", "with", "would", "you", "your",
];

/// Common French words (accents off).
const FR_STOP: &[&str] = &[
    "au", "aux", "avec", "ce", "ces", "cet", "cette", "dans", "de", "des", "du", "elle", "en",
    "est", "et", "il", "ils", "la", "le", "les", "leur", "mais", "ne", "ou", "par", "pas", "pour",
    "qu", "que", "qui", "sa", "se", "ses", "son", "sont", "sur", "un", "une",
];

fn is_stop_word(w: &str) -> bool {
    EN_STOP.contains(&w) || FR_STOP.contains(&w)
}

/// `c` without its accent, for the Latin letters that have one.
fn fold(c: char) -> char {
    match c {
        'à' | 'á' | 'â' | 'ã' | 'ä' | 'å' | 'ā' => 'a',
        'ç' | 'ć' | 'č' => 'c',
        'è' | 'é' | 'ê' | 'ë' | 'ē' | 'ę' | 'ě' => 'e',
        'ì' | 'í' | 'î' | 'ï' | 'ī' => 'i',
        'ñ' | 'ń' | 'ň' => 'n',
        'ò' | 'ó' | 'ô' | 'õ' | 'ö' | 'ø' | 'ō' => 'o',
        'ù' | 'ú' | 'û' | 'ü' | 'ū' | 'ů' => 'u',
        'ý' | 'ÿ' => 'y',
        'ś' | 'š' => 's',
        'ź' | 'ż' | 'ž' => 'z',
        'ł' => 'l',
        'ř' => 'r',
        'ť' => 't',
        'ď' => 'd',
        _ => c,
    }
}

fn starts_ci(s: &str, prefix: &str) -> bool {
    s.get(..prefix.len())
        .is_some_and(|h| h.eq_ignore_ascii_case(prefix))
}

/// `name` (of a handle or hashtag) as words: `realJaneDoe` → `real Jane Doe`, `Covid19` →
/// `Covid 19`, `CNNPolitics` → `CNN Politics`, `jane_doe` → `jane doe`.
fn split_name(name: &str, out: &mut String) {
    let chars: Vec<char> = name.chars().collect();
    for (i, &c) in chars.iter().enumerate() {
        if c == '_' {
            out.push(' ');
            continue;
        }
        if let Some(&p) = i.checked_sub(1).and_then(|j| chars.get(j)) {
            let next_lower = chars.get(i + 1).is_some_and(|n| n.is_lowercase());
            let cut = (p.is_lowercase() && c.is_uppercase())
                || (p.is_alphabetic() && c.is_numeric())
                || (p.is_numeric() && c.is_alphabetic())
                || (p.is_uppercase() && c.is_uppercase() && next_lower);
            if cut {
                out.push(' ');
            }
        }
        out.push(c);
    }
}

/// The text with links taken out (`http…`, `www.…`, `pic.twitter.com/…`, even when glued to a
/// word) and @handles and #hashtags opened into their words.
fn clean(text: &str) -> String {
    let mut bare = String::with_capacity(text.len());
    let mut prev_alnum = false;
    let mut i = 0;
    while let Some(c) = text[i..].chars().next() {
        let rest = &text[i..];
        if starts_ci(rest, "http://")
            || starts_ci(rest, "https://")
            || starts_ci(rest, "pic.twitter.com/")
            || (!prev_alnum && starts_ci(rest, "www."))
        {
            i += rest.find(char::is_whitespace).unwrap_or(rest.len());
            bare.push(' ');
            prev_alnum = false;
            continue;
        }
        bare.push(c);
        prev_alnum = c.is_alphanumeric();
        i += c.len_utf8();
    }
    let mut out = String::with_capacity(bare.len() + 16);
    let mut prev_alnum = false;
    let mut i = 0;
    while let Some(c) = bare[i..].chars().next() {
        if (c == '@' || c == '#') && !prev_alnum {
            let body = &bare[i + 1..];
            let n = body
                .find(|c: char| !(c.is_alphanumeric() || c == '_'))
                .unwrap_or(body.len());
            if n > 0 {
                out.push(' ');
                split_name(&body[..n], &mut out);
                out.push(' ');
                i += 1 + n;
                prev_alnum = false;
                continue;
            }
        }
        out.push(c);
        prev_alnum = c.is_alphanumeric();
        i += c.len_utf8();
    }
    out
}

/// One word of a text: as written (for people) and as indexed.
#[derive(Debug, Clone, PartialEq)]
pub struct Word {
    /// The word as the text has it (a number as written: "3.5", "1,000").
    pub shown: String,
    /// Whether it starts with a capital and does not start a sentence (a name, maybe).
    pub name: bool,
    pub term: String,
}

/// A raw word: where it is, lower-cased (accents kept), and whether it has a digit.
struct Raw {
    start: usize,
    end: usize,
    lower: String,
    numeric: bool,
    sentence_start: bool,
}

fn raw_words(text: &str) -> Vec<Raw> {
    let mut out: Vec<Raw> = Vec::new();
    let mut cur: Option<Raw> = None;
    let mut chars = text.char_indices().peekable();
    while let Some((i, c)) = chars.next() {
        if c.is_alphanumeric() {
            let w = cur.get_or_insert_with(|| Raw {
                start: i,
                end: i,
                lower: String::new(),
                numeric: false,
                sentence_start: false,
            });
            w.lower.extend(c.to_lowercase());
            w.numeric |= c.is_ascii_digit();
            w.end = i + c.len_utf8();
            continue;
        }
        if let Some(w) = cur.as_mut()
            && (c == '.' || c == ',')
            && w.lower.ends_with(|d: char| d.is_ascii_digit())
            && chars.peek().is_some_and(|&(_, n)| n.is_ascii_digit())
        {
            // 1,000 → 1000; 2.5 → 2p5; 2,5 → 2p5 (a decimal comma has no three digits after it).
            let digits = text[i + 1..].bytes().take_while(u8::is_ascii_digit).count();
            if !(c == ',' && digits == 3) {
                w.lower.push('p');
            }
            continue;
        }
        if let Some(w) = cur.take() {
            out.push(w);
        }
    }
    out.extend(cur);
    // A word starts a sentence when it is the first, or a sentence's end mark (or an opening
    // quote) stands between it and the word before.
    let mut prev_end = None;
    for w in &mut out {
        w.sentence_start = prev_end
            .is_none_or(|e| text[e..w.start].contains(['.', '!', '?', ':', '\n', '"', '“', '«']));
        prev_end = Some(w.end);
    }
    out
}

/// Whether a text's common words are more French than English.
fn is_french(raw: &[Raw]) -> bool {
    let (mut en, mut fr) = (0, 0);
    for w in raw {
        if w.lower.chars().count() > 4 {
            continue;
        }
        let f: String = w.lower.chars().map(fold).collect();
        // "a" is English and French (à, a).
        en += usize::from(f != "a" && EN_STOP.contains(&f.as_str()));
        fr += usize::from(FR_STOP.contains(&f.as_str()));
    }
    fr > en
}

/// The words of `text` as the library indexes and matches them, in order, repeats kept.
pub fn words(text: &str) -> Vec<Word> {
    words_in(text, None)
}

/// `words`, stemmed as French (`Some(true)`), as English (`Some(false)`), or as the text's
/// common words say (`None`).
fn words_in(text: &str, french: Option<bool>) -> Vec<Word> {
    let text = clean(text);
    let raw = raw_words(&text);
    let stemmer = Stemmer::create(if french.unwrap_or_else(|| is_french(&raw)) {
        Algorithm::French
    } else {
        Algorithm::English
    });
    let mut out = Vec::with_capacity(raw.len());
    for w in raw {
        let folded: String = w.lower.chars().map(fold).collect();
        if !w.numeric && (folded.chars().count() < 2 || is_stop_word(&folded)) {
            continue;
        }
        let shown = &text[w.start..w.end];
        let term = if w.numeric {
            folded
        } else {
            stemmer.stem(&w.lower).chars().map(fold).collect()
        };
        out.push(Word {
            name: !w.sentence_start && shown.chars().next().is_some_and(char::is_uppercase),
            shown: if w.numeric {
                shown.to_string()
            } else {
                w.lower
            },
            term,
        });
    }
    out
}

/// The index words of `text`, in order, repeats kept.
pub fn terms(text: &str) -> Vec<String> {
    words(text).into_iter().map(|w| w.term).collect()
}

/// The index words of a few searched words, as each language Claimdesk stems would index them
/// (a word or two do not tell their language): French, then English; one list when the
/// language is given ("fr", "en"), or when both stem alike.
pub fn search_terms(text: &str, language: Option<&str>) -> Vec<Vec<String>> {
    let as_lang = |french| -> Vec<String> {
        words_in(text, Some(french))
            .into_iter()
            .map(|w| w.term)
            .collect()
    };
    match language.map(str::trim) {
        Some("fr") => vec![as_lang(true)],
        Some("en") => vec![as_lang(false)],
        _ => {
            let (fr, en) = (as_lang(true), as_lang(false));
            if fr == en { vec![fr] } else { vec![fr, en] }
        }
    }
}

const MONTHS: &[(&str, u32)] = &[
    ("january", 1),
    ("february", 2),
    ("march", 3),
    ("april", 4),
    ("may", 5),
    ("june", 6),
    ("july", 7),
    ("august", 8),
    ("september", 9),
    ("sept", 9),
    ("october", 10),
    ("november", 11),
    ("december", 12),
    ("janvier", 1),
    ("fevrier", 2),
    ("mars", 3),
    ("avril", 4),
    ("mai", 5),
    ("juin", 6),
    ("juillet", 7),
    ("aout", 8),
    ("septembre", 9),
    ("octobre", 10),
    ("novembre", 11),
    ("decembre", 12),
];

fn month(word: &str) -> Option<u32> {
    let w: String = word
        .trim_end_matches('.')
        .to_lowercase()
        .chars()
        .map(fold)
        .collect();
    if w.len() < 3 {
        return None;
    }
    MONTHS
        .iter()
        .find(|(name, _)| *name == w || (w.len() == 3 && name.starts_with(&w)))
        .map(|&(_, m)| m)
}

/// A day written `2020-01-08` (or an RFC 3339 time), `January 8, 2020`, `Jan. 8 2020`,
/// `8 January 2020` or `1er janvier 2020`.
pub fn parse_date(s: &str) -> Option<NaiveDate> {
    let s = s.trim();
    if s.as_bytes().get(4) == Some(&b'-') {
        return s
            .get(..10)
            .and_then(|d| NaiveDate::parse_from_str(d, "%Y-%m-%d").ok());
    }
    let parts: Vec<&str> = s
        .split(|c: char| c.is_whitespace() || c == ',')
        .filter(|p| !p.is_empty())
        .collect();
    let [a, b, c] = parts.as_slice() else {
        return None;
    };
    let day = |d: &str| -> Option<u32> {
        d.trim_end_matches("er")
            .trim_end_matches(['s', 't', 'n', 'd', 'r', 'h'])
            .parse()
            .ok()
    };
    let year: i32 = c.parse().ok().filter(|y| (1000..=9999).contains(y))?;
    let (m, d) = match (month(a), month(b)) {
        (Some(m), None) => (m, day(b)?),
        (None, Some(m)) => (m, day(a)?),
        _ => return None,
    };
    NaiveDate::from_ymd_opt(year, m, d)
}

/// The date the claim was made, when the text ends with one (a post's signature: "— Jane Doe
/// (@janedoe) January 8, 2020"), and where that date starts. A date that follows a handle in
/// brackets is the signature's, not the claim's words.
fn trailing_date(text: &str) -> Option<(NaiveDate, usize, bool)> {
    let t = text.trim_end().trim_end_matches(['.', ')']);
    let starts: Vec<usize> = t
        .char_indices()
        .filter(|&(i, c)| !c.is_whitespace() && (i == 0 || t[..i].ends_with(char::is_whitespace)))
        .map(|(i, _)| i)
        .collect();
    for back in [3, 1] {
        let Some(&at) = starts.len().checked_sub(back).and_then(|k| starts.get(k)) else {
            continue;
        };
        if let Some(d) = parse_date(&t[at..]) {
            let signed = t[..at].trim_end().ends_with(')');
            return Some((d, at, signed));
        }
    }
    None
}

/// A claim read for matching.
#[derive(Debug, Clone)]
pub struct Query {
    /// Its distinct index words.
    pub terms: Vec<String>,
    /// For each of `terms`, the word as the claim writes it.
    shown: Vec<String>,
    /// Which of `terms` are numbers, and which names (capitalised inside a sentence).
    numeric: Vec<bool>,
    name: Vec<bool>,
    /// When the claim was made, if it says.
    date: Option<NaiveDate>,
}

impl Query {
    pub fn new(claim: &str) -> Query {
        let (date, text) = match trailing_date(claim) {
            Some((d, at, true)) => (Some(d), &claim[..at]),
            Some((d, _, false)) => (Some(d), claim),
            None => (None, claim),
        };
        let mut q = Query {
            terms: Vec::new(),
            shown: Vec::new(),
            numeric: Vec::new(),
            name: Vec::new(),
            date,
        };
        let mut at: HashMap<String, usize> = HashMap::new();
        let mut add = |q: &mut Query, term: String, shown: &str, name: bool| match at.get(&term) {
            Some(&i) => q.name[i] |= name,
            None => {
                at.insert(term.clone(), q.terms.len());
                q.numeric.push(term.bytes().any(|b| b.is_ascii_digit()));
                q.name.push(name);
                q.shown.push(if name {
                    capitalised(shown)
                } else {
                    shown.to_string()
                });
                q.terms.push(term);
            }
        };
        let (en, fr) = (
            Stemmer::create(Algorithm::English),
            Stemmer::create(Algorithm::French),
        );
        for w in words(text) {
            if w.name && !w.shown.bytes().any(|b| b.is_ascii_digit()) {
                // A name is stemmed as its text's language has it ("Obama" is "obam" in a
                // French text): a claim in one language looks for it as the other has it too.
                for s in [&en, &fr] {
                    let other: String = s.stem(&w.shown).chars().map(fold).collect();
                    if other != w.term && other.len() > 1 && !is_stop_word(&other) {
                        add(&mut q, other, &w.shown, true);
                    }
                }
            }
            add(&mut q, w.term, &w.shown, w.name);
        }
        q
    }
}

fn capitalised(w: &str) -> String {
    let mut c = w.chars();
    c.next()
        .map(|f| f.to_uppercase().chain(c).collect())
        .unwrap_or_default()
}

/// The words to look entries up by: the rarest first, until the entries they bring pass the
/// budget (at least one word).
pub fn retrieval_terms(terms: &[String], stats: &Stats) -> Vec<String> {
    let mut by_rarity: Vec<(u64, &String)> = terms
        .iter()
        .zip(&stats.df)
        .filter(|(_, df)| **df > 0)
        .map(|(t, &df)| (df, t))
        .collect();
    by_rarity.sort();
    let mut total = 0;
    let mut out = Vec::new();
    for (df, t) in by_rarity {
        if !out.is_empty() && total + df > RETRIEVAL_BUDGET {
            break;
        }
        total += df;
        out.push(t.clone());
    }
    out
}

/// The entries worth ranking: of those that have one of the `picked` words (with, for each, the
/// row numbers that have it), the `PRESELECT` whose picked words weigh most (their IDF), ties to
/// the earlier row.
pub fn preselect(
    picked: &[String],
    postings: &[Vec<i64>],
    terms: &[String],
    stats: &Stats,
) -> Vec<i64> {
    let mut weight: HashMap<i64, f32, std::hash::BuildHasherDefault<Fnv>> =
        HashMap::with_capacity_and_hasher(postings.iter().map(Vec::len).sum(), Default::default());
    for (t, ids) in picked.iter().zip(postings) {
        let w = terms
            .iter()
            .position(|q| q == t)
            .and_then(|i| stats.df.get(i))
            .map_or(0.0, |&df| idf(stats, df));
        for &id in ids {
            *weight.entry(id).or_insert(0.0) += w;
        }
    }
    let mut all: Vec<(f32, i64)> = weight.into_iter().map(|(id, w)| (w, id)).collect();
    if all.len() > PRESELECT {
        all.select_nth_unstable_by(PRESELECT, |a, b| b.0.total_cmp(&a.0).then(a.1.cmp(&b.1)));
        all.truncate(PRESELECT);
    }
    let mut ids: Vec<i64> = all.into_iter().map(|(_, id)| id).collect();
    ids.sort_unstable();
    ids
}

fn idf(stats: &Stats, df: u64) -> f32 {
    let n = stats.entries as f32;
    let df = df as f32;
    ((n - df + 0.5) / (df + 0.5) + 1.0).ln()
}

/// The day an entry was checked: its review time, else its date.
fn checked_on(c: &Candidate) -> Option<NaiveDate> {
    c.reviewed_at
        .as_deref()
        .and_then(parse_date)
        .or_else(|| c.date.as_deref().and_then(parse_date))
}

/// FNV-1a: the query's words are looked up for every word of thousands of entries, and the
/// standard hasher's care against chosen keys is not needed here.
#[derive(Default)]
struct Fnv(u64);

impl std::hash::Hasher for Fnv {
    fn finish(&self) -> u64 {
        self.0
    }
    fn write(&mut self, bytes: &[u8]) {
        let mut h = if self.0 == 0 {
            0xcbf2_9ce4_8422_2325
        } else {
            self.0
        };
        for &b in bytes {
            h = (h ^ u64::from(b)).wrapping_mul(0x0100_0000_01b3);
        }
        self.0 = h;
    }
}

type FnvMap<K, V> = HashMap<K, V, std::hash::BuildHasherDefault<Fnv>>;

/// One ranked candidate: which (its place in the list ranked), its score and why.
#[derive(Debug, Clone, PartialEq)]
pub struct Ranked {
    pub at: usize,
    pub score: f32,
    pub reasons: Vec<String>,
}

/// How much the score rises for an entry checked on `checked` for a claim made on `said`.
fn date_boost(said: NaiveDate, checked: NaiveDate) -> f32 {
    if (-NEAR_BEFORE..=NEAR_AFTER).contains(&(checked - said).num_days()) {
        1.0 + W_NEAR
    } else {
        1.0
    }
}

/// Ranks the entries found for `query`, best first, the `top` best.
pub fn rank(query: &Query, stats: &Stats, found: &[Candidate], top: usize) -> Vec<Ranked> {
    let avg_len = if stats.entries == 0 {
        1.0
    } else {
        (stats.total_terms as f32 / stats.entries as f32).max(1.0)
    };
    let index: FnvMap<&str, usize> = query
        .terms
        .iter()
        .enumerate()
        .map(|(i, t)| (t.as_str(), i))
        .collect();
    // Most words of an entry are none of the claim's: a bit for each (first byte, last byte)
    // of the claim's words lets them by without a hash.
    let mut maybe = vec![0u64; 1024];
    let bit = |w: &str| {
        let b = w.as_bytes();
        (usize::from(b[0]) << 8) | usize::from(b[b.len() - 1])
    };
    for t in query.terms.iter().filter(|t| !t.is_empty()) {
        let k = bit(t);
        maybe[k / 64] |= 1 << (k % 64);
    }
    let idfs: Vec<f32> = stats.df.iter().map(|&df| idf(stats, df)).collect();
    let mut tf = vec![0u32; query.terms.len()];
    let mut scored: Vec<(f32, usize)> = Vec::with_capacity(found.len());
    for (at, c) in found.iter().enumerate() {
        tf.iter_mut().for_each(|x| *x = 0);
        let mut len = 0usize;
        for w in c.terms.split(' ').filter(|w| !w.is_empty()) {
            len += 1;
            let k = bit(w);
            if maybe[k / 64] & (1 << (k % 64)) != 0
                && let Some(&i) = index.get(w)
            {
                tf[i] += 1;
            }
        }
        let norm = K1 * (1.0 - B + B * len as f32 / avg_len);
        let mut score = 0.0;
        for (i, &n) in tf.iter().enumerate() {
            if n > 0 {
                let n = n as f32;
                score += idfs.get(i).copied().unwrap_or(0.0) * n * (K1 + 1.0) / (n + norm);
            }
        }
        if score <= MIN_SCORE {
            continue;
        }
        if let Some(said) = query.date
            && let Some(checked) = checked_on(c)
        {
            score *= date_boost(said, checked);
        }
        scored.push((score, at));
    }
    scored.sort_by(|a, b| {
        b.0.total_cmp(&a.0)
            .then_with(|| found[a.1].key.cmp(&found[b.1].key))
    });
    scored.truncate(top);
    scored
        .into_iter()
        .map(|(score, at)| Ranked {
            at,
            score,
            reasons: reasons(query, &idfs, &found[at]),
        })
        .collect()
}

/// Why an entry matches, in plain words: the numbers, the names, the other words it shares with
/// the claim (the rarest first), and when it was checked.
fn reasons(query: &Query, idfs: &[f32], c: &Candidate) -> Vec<String> {
    let words: std::collections::HashSet<&str> = c.terms.split(' ').collect();
    let shared: Vec<usize> = (0..query.terms.len())
        .filter(|&i| words.contains(query.terms[i].as_str()))
        .collect();
    let mut out = Vec::new();
    let list = |pick: &dyn Fn(usize) -> bool| -> Vec<&str> {
        shared
            .iter()
            .copied()
            .filter(|&i| pick(i))
            .map(|i| query.shown[i].as_str())
            .fold(Vec::new(), |mut v, w| {
                if !v.contains(&w) {
                    v.push(w);
                }
                v
            })
    };
    let numbers = list(&|i| query.numeric[i]);
    if !numbers.is_empty() {
        out.push(format!("same numbers: {}", numbers.join(", ")));
    }
    let names = list(&|i| !query.numeric[i] && query.name[i]);
    if !names.is_empty() {
        out.push(format!("same names: {}", names.join(", ")));
    }
    let mut rest: Vec<usize> = shared
        .iter()
        .copied()
        .filter(|&i| !query.numeric[i] && !query.name[i])
        .collect();
    rest.sort_by(|&a, &b| {
        let (x, y) = (idfs.get(a).unwrap_or(&0.0), idfs.get(b).unwrap_or(&0.0));
        y.total_cmp(x).then(a.cmp(&b))
    });
    let rest: Vec<&str> = rest
        .iter()
        .take(6)
        .map(|&i| query.shown[i].as_str())
        .collect();
    if !rest.is_empty() {
        out.push(format!("same words: {}", rest.join(", ")));
    }
    if let (Some(said), Some(checked)) = (query.date, checked_on(c)) {
        let days = (checked - said).num_days();
        if (-NEAR_BEFORE..=NEAR_AFTER).contains(&days) {
            out.push(match days {
                0 => "checked the day the claim is dated".to_string(),
                1 => "checked the day after the claim's date".to_string(),
                d if d > 1 => format!("checked {d} days after the claim's date"),
                -1 => "checked the day before the claim's date".to_string(),
                d => format!("checked {} days before the claim's date", -d),
            });
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::library::Entry;

    fn entry(key: &str, claim: &str, date: Option<&str>) -> Candidate {
        let entry = Entry {
            key: key.into(),
            claim: claim.into(),
            date: date.map(str::to_string),
            ..Entry::default()
        };
        Candidate {
            id: 1,
            key: entry.key.clone(),
            reviewed_at: None,
            date: entry.date.clone(),
            terms: entry.index_terms().join(" "),
        }
    }

    /// Ranks `entries` for `claim` as the library would, with the stats taken from them: the
    /// keys, best first, and the best one's reasons.
    fn ranked(claim: &str, entries: Vec<Candidate>) -> (Vec<String>, Vec<String>, Vec<f32>) {
        let q = Query::new(claim);
        let has = |c: &Candidate, t: &str| c.terms.split(' ').any(|w| w == t);
        let df = q
            .terms
            .iter()
            .map(|t| entries.iter().filter(|c| has(c, t)).count() as u64)
            .collect();
        let stats = Stats {
            entries: entries.len() as u64,
            total_terms: entries
                .iter()
                .map(|c| c.terms.split(' ').count() as u64)
                .sum(),
            df,
        };
        let r = rank(&q, &stats, &entries, 10);
        (
            r.iter().map(|r| entries[r.at].key.clone()).collect(),
            r.first().map(|r| r.reasons.clone()).unwrap_or_default(),
            r.iter().map(|r| r.score).collect(),
        )
    }

    #[test]
    fn words_fold_accents_keep_numbers_and_drop_links() {
        assert_eq!(
            terms(
                "L'État a dépensé 2,5 milliards de plus, 1,000 fois https://t.co/x pic.twitter.com/abc"
            ),
            ["etat", "depens", "2p5", "milliard", "plus", "1000", "fois"]
        );
        assert_eq!(terms("The rate is 3.5% in 2019."), ["rate", "3p5", "2019"]);
    }

    #[test]
    fn english_words_are_stemmed_and_french_ones_the_french_way() {
        assert_eq!(terms("vaccines"), terms("vaccinated"));
        assert_eq!(terms("The governments were lying"), ["govern", "lie"]);
        assert_eq!(
            terms("les vaccins sont dangereux"),
            terms("le vaccin est dangereuse")
        );
    }

    #[test]
    fn handles_and_hashtags_are_read_as_their_words() {
        assert_eq!(
            terms("@realJaneDoe says #CovidVaccines2021 are #fake"),
            terms("real Jane Doe says covid vaccines 2021 are fake")
        );
        assert_eq!(terms("#CNNPolitics"), ["cnn", "polit"]);
        // A link or picture glued to a word goes, the word stays.
        assert_eq!(
            terms("#WildfiresNowpic.twitter.com/Ab12"),
            ["wildfir", "now"]
        );
        // An address is not a handle.
        assert_eq!(terms("jane@example.org"), ["jane", "exampl", "org"]);
    }

    #[test]
    fn names_are_capitalised_words_inside_a_sentence() {
        let names: Vec<String> = words("Yesterday Joe Biden met Angela Merkel. They talked.")
            .into_iter()
            .filter(|w| w.name)
            .map(|w| w.shown)
            .collect();
        assert_eq!(names, ["joe", "biden", "angela", "merkel"]);
    }

    #[test]
    fn dates_in_the_usual_ways() {
        let d = NaiveDate::from_ymd_opt(2020, 1, 8);
        for s in [
            "2020-01-08",
            "2020-01-08T10:00:00+00:00",
            "January 8, 2020",
            "Jan. 8, 2020",
            "8 January 2020",
            "8 janvier 2020",
        ] {
            assert_eq!(parse_date(s), d, "{s}");
        }
        assert_eq!(
            parse_date("1er février 2021"),
            NaiveDate::from_ymd_opt(2021, 2, 1)
        );
        for s in [
            "",
            "January 2020",
            "32 January 2020",
            "8 Jan",
            "Mayday 8 2020",
        ] {
            assert_eq!(parse_date(s), None, "{s}");
        }
    }

    #[test]
    fn a_signature_date_is_when_the_claim_was_made_not_its_words() {
        let q = Query::new("Wind farms cause cancer — Jane Doe (@janedoe) March 5, 2016");
        assert_eq!(q.date, NaiveDate::from_ymd_opt(2016, 3, 5));
        assert!(!q.terms.iter().any(|t| t == "2016" || t == "march"));
        assert!(q.terms.iter().any(|t| t == "jane"));
        // A date that is part of the claim stays a word of it.
        let q = Query::new("The bridge closed on 5 March 2016");
        assert_eq!(q.date, NaiveDate::from_ymd_opt(2016, 3, 5));
        assert!(q.terms.iter().any(|t| t == "2016"));
        assert_eq!(Query::new("No date here").date, None);
    }

    #[test]
    fn a_fact_check_soon_after_the_claim_ranks_above_an_older_one() {
        let claim = "Wind farms cause cancer in cows — Jane Doe (@janedoe) March 5, 2016";
        let (keys, reasons, scores) = ranked(
            claim,
            vec![
                entry(
                    "old",
                    "Wind farms cause cancer in cows.",
                    Some("2009-06-01"),
                ),
                entry(
                    "new",
                    "Wind farms cause cancer in cows.",
                    Some("2016-03-09"),
                ),
                entry("other", "Cows like music.", Some("9 March 2016")),
            ],
        );
        assert_eq!(keys[..2], ["new", "old"]);
        assert!(scores[0] > scores[1]);
        assert!(
            reasons.contains(&"checked 4 days after the claim's date".to_string()),
            "{reasons:?}"
        );
    }

    #[test]
    fn the_same_words_in_other_forms_match_and_reasons_show_them_as_written() {
        let (keys, reasons, _) = ranked(
            "Unemployment fell to 3.5% in 2019, Senator Jane Doe says of the vaccinated workers",
            vec![
                entry(
                    "a",
                    "Jane Doe claimed unemployment falls to 3.5 percent among vaccine workers in 2019.",
                    None,
                ),
                entry("b", "Bread prices rose in 2019.", None),
            ],
        );
        assert_eq!(keys, ["a", "b"]);
        assert_eq!(
            reasons,
            [
                "same numbers: 3.5, 2019",
                "same names: Jane, Doe",
                "same words: unemployment, vaccinated, workers",
            ]
        );
    }

    #[test]
    fn a_french_claim_finds_the_english_check_by_its_names_and_numbers() {
        let (keys, reasons, _) = ranked(
            "Selon Barack Obama, le chômage a baissé de 3,5 % en 2019 à Paris",
            vec![
                entry(
                    "en",
                    "Barack Obama says unemployment in Paris fell 3.5% in 2019.",
                    None,
                ),
                entry("other", "Unemployment fell in 2009.", None),
            ],
        );
        assert_eq!(keys, ["en"]);
        assert_eq!(
            reasons,
            [
                "same numbers: 3,5, 2019",
                "same names: Barack, Obama, Paris"
            ]
        );
    }

    #[test]
    fn the_rows_ranked_are_those_with_the_weightiest_words() {
        let stats = Stats {
            entries: 10_000,
            total_terms: 100_000,
            df: vec![10, 5_000],
        };
        let terms = ["rare".to_string(), "common".to_string()];
        // Row 7 has both words, rows 1..=PRESELECT+50 only the common one, row 9000 the rare one.
        let common: Vec<i64> = (1..=(PRESELECT as i64 + 50)).collect();
        let ids = preselect(&terms, &[vec![7, 9000], common], &terms, &stats);
        assert_eq!(ids.len(), PRESELECT);
        assert!(ids.contains(&7) && ids.contains(&9000));
        assert!(ids.windows(2).all(|w| w[0] < w[1]));
        // Among equals, the earlier rows.
        assert!(ids.contains(&1) && !ids.contains(&(PRESELECT as i64 + 50)));
    }

    #[test]
    fn a_claim_with_no_word_in_common_matches_nothing() {
        let (keys, _, _) = ranked(
            "Nothing alike",
            vec![entry("a", "Wind farms cause cancer.", None)],
        );
        assert!(keys.is_empty());
    }

    #[test]
    fn the_description_is_indexed_up_to_its_first_words() {
        let mut e = Entry {
            claim: "Wind farms cause cancer.".into(),
            title: Some("Do turbines make people ill?".into()),
            note: "A viral post blamed windmills. ".repeat(NOTE_WORDS),
            ..Entry::default()
        };
        let terms = e.index_terms();
        assert!(terms.iter().any(|t| t == "turbin"));
        assert!(terms.iter().any(|t| t == "windmil"));
        assert!(terms.len() < 4 + 3 + NOTE_WORDS);
        e.note.clear();
        assert!(!e.index_terms().iter().any(|t| t == "windmil"));
    }
}
