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

use super::{Match, Stored};
use chrono::{Datelike, NaiveDate};
use rust_stemmers::{Algorithm, Stemmer};
use std::collections::HashMap;

/// Matches scoring below this are not shown.
pub const MIN_SCORE: f32 = 0.0;

/// BM25's parameters (the usual ones: 0.9–1.5 and 0.3–0.9 did no better on the training tweets).
const K1: f32 = 1.2;
const B: f32 = 0.75;

/// How much the score rises when the fact-check came out from `NEAR_BEFORE` days before to
/// `NEAR_AFTER` days after the claim's date (a claim is checked while it goes round), and when
/// it came out in the same year. Fitted by `tools/fit_matching.py` on the training split.
const W_NEAR: f32 = 0.5;
const W_SAME_YEAR: f32 = 0.1;
const NEAR_BEFORE: i64 = 3;
const NEAR_AFTER: i64 = 30;

/// The entries looked at for one claim: those with its rarest words, until about this many.
const RETRIEVAL_BUDGET: u64 = 5_000;

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
            let digits = text[i + 1..]
                .bytes()
                .take_while(u8::is_ascii_digit)
                .count();
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
        w.sentence_start = prev_end.is_none_or(|e| {
            text[e..w.start].contains(['.', '!', '?', ':', '\n', '"', '“', '«'])
        });
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
        en += usize::from(EN_STOP.contains(&f.as_str()));
        fr += usize::from(FR_STOP.contains(&f.as_str()));
    }
    fr > en
}

/// The words of `text` as the library indexes and matches them, in order, repeats kept.
pub fn words(text: &str) -> Vec<Word> {
    let text = clean(text);
    let raw = raw_words(&text);
    let stemmer = Stemmer::create(if is_french(&raw) {
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
    if let Some(d) = s
        .get(..10)
        .and_then(|d| NaiveDate::parse_from_str(d, "%Y-%m-%d").ok())
    {
        return Some(d);
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
        .filter(|&(i, c)| {
            !c.is_whitespace() && (i == 0 || t[..i].ends_with(char::is_whitespace))
        })
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
        for w in words(text) {
            match at.get(&w.term) {
                Some(&i) => q.name[i] |= w.name,
                None => {
                    at.insert(w.term.clone(), q.terms.len());
                    q.numeric.push(w.term.bytes().any(|b| b.is_ascii_digit()));
                    q.name.push(w.name);
                    q.shown.push(if w.name {
                        capitalised(&w.shown)
                    } else {
                        w.shown
                    });
                    q.terms.push(w.term);
                }
            }
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

fn idf(stats: &Stats, df: u64) -> f32 {
    let n = stats.entries as f32;
    let df = df as f32;
    ((n - df + 0.5) / (df + 0.5) + 1.0).ln()
}

/// The day a stored entry was checked: its review time, else its date.
fn checked_on(stored: &Stored) -> Option<NaiveDate> {
    let e = &stored.entry;
    e.reviewed_at
        .as_deref()
        .and_then(parse_date)
        .or_else(|| e.date.as_deref().and_then(parse_date))
}

/// Ranks the entries found for `query`, best first, the `top` best.
pub fn rank(
    query: &Query,
    stats: &Stats,
    found: Vec<(Stored, Vec<String>)>,
    top: usize,
) -> Vec<Match> {
    let avg_len = if stats.entries == 0 {
        1.0
    } else {
        (stats.total_terms as f32 / stats.entries as f32).max(1.0)
    };
    let index: HashMap<&str, usize> = query
        .terms
        .iter()
        .enumerate()
        .map(|(i, t)| (t.as_str(), i))
        .collect();
    let idfs: Vec<f32> = stats.df.iter().map(|&df| idf(stats, df)).collect();
    let mut tf = vec![0u32; query.terms.len()];
    let mut scored: Vec<(f32, Stored, Vec<usize>)> = Vec::with_capacity(found.len());
    for (stored, words) in found {
        tf.iter_mut().for_each(|x| *x = 0);
        for w in &words {
            if let Some(&i) = index.get(w.as_str()) {
                tf[i] += 1;
            }
        }
        let norm = K1 * (1.0 - B + B * words.len() as f32 / avg_len);
        let mut bm25 = 0.0;
        let mut shared = Vec::new();
        for (i, &n) in tf.iter().enumerate() {
            if n > 0 {
                let n = n as f32;
                bm25 += idfs.get(i).copied().unwrap_or(0.0) * n * (K1 + 1.0) / (n + norm);
                shared.push(i);
            }
        }
        let mut score = bm25;
        if let (Some(said), Some(checked)) = (query.date, checked_on(&stored)) {
            let days = (checked - said).num_days();
            let mut boost = 1.0;
            if (-NEAR_BEFORE..=NEAR_AFTER).contains(&days) {
                boost += W_NEAR;
            }
            if checked.year() == said.year() {
                boost += W_SAME_YEAR;
            }
            score *= boost;
        }
        if score > MIN_SCORE {
            scored.push((score, stored, shared));
        }
    }
    scored.sort_by(|a, b| {
        b.0.total_cmp(&a.0)
            .then_with(|| a.1.entry.key.cmp(&b.1.entry.key))
    });
    scored.truncate(top);
    scored
        .into_iter()
        .map(|(score, stored, shared)| {
            let reasons = reasons(query, &idfs, &shared, &stored);
            Match {
                stored,
                score,
                reasons,
            }
        })
        .collect()
}

/// Why an entry matches, in plain words: the numbers, the names, the other words it shares with
/// the claim (the rarest first), and when it was checked.
fn reasons(query: &Query, idfs: &[f32], shared: &[usize], stored: &Stored) -> Vec<String> {
    let mut out = Vec::new();
    let list = |pick: &dyn Fn(usize) -> bool| -> Vec<&str> {
        shared
            .iter()
            .copied()
            .filter(|&i| pick(i))
            .map(|i| query.shown[i].as_str())
            .collect()
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
    if let (Some(said), Some(checked)) = (query.date, checked_on(stored)) {
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

    fn stored(key: &str, claim: &str, date: Option<&str>) -> (Stored, Vec<String>) {
        let entry = Entry {
            key: key.into(),
            claim: claim.into(),
            date: date.map(str::to_string),
            reviewed_at: date.map(str::to_string),
            ..Entry::default()
        };
        let terms = entry.index_terms();
        (
            Stored {
                id: 1,
                version: 1,
                entry,
            },
            terms,
        )
    }

    /// Ranks `entries` for `claim` as the library would, with the stats taken from them.
    fn ranked(claim: &str, entries: Vec<(Stored, Vec<String>)>) -> Vec<Match> {
        let q = Query::new(claim);
        let df = q
            .terms
            .iter()
            .map(|t| entries.iter().filter(|(_, w)| w.contains(t)).count() as u64)
            .collect();
        let stats = Stats {
            entries: entries.len() as u64,
            total_terms: entries.iter().map(|(_, w)| w.len() as u64).sum(),
            df,
        };
        rank(&q, &stats, entries, 10)
    }

    #[test]
    fn words_fold_accents_keep_numbers_and_drop_links() {
        assert_eq!(
            terms("L'État a dépensé 2,5 milliards, 1,000 fois https://t.co/x pic.twitter.com/abc"),
            ["etat", "depens", "2p5", "milliard", "1000", "fois"]
        );
        assert_eq!(terms("The rate is 3.5% in 2019."), ["rate", "3p5", "2019"]);
    }

    #[test]
    fn english_words_are_stemmed_and_french_ones_the_french_way() {
        assert_eq!(terms("vaccines"), terms("vaccinated"));
        assert_eq!(terms("The governments were lying"), ["govern", "lie"]);
        assert_eq!(terms("les vaccins sont dangereux"), terms("le vaccin est dangereuse"));
    }

    #[test]
    fn handles_and_hashtags_are_read_as_their_words() {
        assert_eq!(
            terms("@realJaneDoe says #CovidVaccines2021 are #fake"),
            terms("real Jane Doe says covid vaccines 2021 are fake")
        );
        assert_eq!(terms("#CNNPolitics"), ["cnn", "polit"]);
        // A link or picture glued to a word goes, the word stays.
        assert_eq!(terms("#WildfiresNowpic.twitter.com/Ab12"), ["wildfir", "now"]);
        // An address is not a handle.
        assert_eq!(terms("jane@example.org"), ["jane", "exampl", "org"]);
    }

    #[test]
    fn names_are_capitalised_words_inside_a_sentence() {
        let names: Vec<String> = words("Yesterday Joe Biden met Kim Jong Un. They talked.")
            .into_iter()
            .filter(|w| w.name)
            .map(|w| w.shown)
            .collect();
        assert_eq!(names, ["joe", "biden", "kim", "jong", "un"]);
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
        for s in ["", "January 2020", "32 January 2020", "8 Jan", "Mayday 8 2020"] {
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
        let m = ranked(
            claim,
            vec![
                stored("old", "Wind farms cause cancer in cows.", Some("2009-06-01")),
                stored("new", "Wind farms cause cancer in cows.", Some("2016-03-09")),
                stored("other", "Cows like music.", Some("2016-03-09")),
            ],
        );
        assert_eq!(m[0].stored.entry.key, "new", "{m:?}");
        assert_eq!(m[1].stored.entry.key, "old");
        assert!(
            m[0].reasons
                .contains(&"checked 4 days after the claim's date".to_string()),
            "{:?}",
            m[0].reasons
        );
        assert!(m[0].score > m[1].score);
    }

    #[test]
    fn the_same_words_in_other_forms_match_and_reasons_show_them_as_written() {
        let m = ranked(
            "Unemployment fell to 3.5% in 2019, Senator Jane Doe says of the vaccinated workers",
            vec![
                stored(
                    "a",
                    "Jane Doe claimed unemployment falls to 3.5 percent among vaccine workers in 2019.",
                    None,
                ),
                stored("b", "Bread prices rose in 2019.", None),
            ],
        );
        assert_eq!(m[0].stored.entry.key, "a");
        assert_eq!(
            m[0].reasons,
            [
                "same numbers: 3.5, 2019",
                "same names: Jane, Doe",
                "same words: unemployment, vaccinated, workers",
            ]
        );
    }

    #[test]
    fn a_claim_with_no_word_in_common_matches_nothing() {
        let m = ranked(
            "Nothing alike",
            vec![stored("a", "Wind farms cause cancer.", None)],
        );
        assert!(m.is_empty());
    }
}
