//! Matching a claim against the library: the words an entry is indexed under, the entries worth
//! a look (those with one of the claim's rarer words), and their ranking: BM25 over the words,
//! then what makes two claims the same claim (the same numbers, the same names).
//!
//! Words are lower-cased letters and digits with accents taken off ("état" is "etat"), so that
//! every engine's full-text index splits them the same way; a number keeps its decimals
//! ("2.5" is "2p5") and loses its thousands separators ("1,000" is "1000"). Links, @handles and
//! common words are left out.

use super::{Match, Stored};

/// Matches scoring below this are not shown.
pub const MIN_SCORE: f32 = 0.0;

/// BM25's parameters (the usual ones).
const K1: f32 = 1.2;
const B: f32 = 0.75;

/// The entries looked at for one claim: those with its rarest words, until about this many.
const RETRIEVAL_BUDGET: u64 = 5_000;

/// What the library knows of the words of a claim.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Stats {
    pub entries: u64,
    /// Index words of all entries together.
    pub total_terms: u64,
    /// Per word asked for, how many entries have it.
    pub df: Vec<u64>,
}

/// Common words, in the languages Claimdesk reads, that say nothing of which claim it is.
const STOP_WORDS: &[&str] = &[
    // English
    "a", "about", "after", "all", "also", "an", "and", "any", "are", "as", "at", "be", "been",
    "but", "by", "can", "could", "did", "do", "does", "for", "from", "had", "has", "have", "he",
    "her", "his", "how", "i", "if", "in", "into", "is", "it", "its", "just", "me", "more", "my",
    "of", "on", "or", "our", "out", "she", "so", "than", "that", "the", "their", "them", "then",
    "there", "these", "they", "this", "those", "to", "up", "us", "was", "we", "were", "what",
    "when", "which", "who", "will", "with", "would", "you", "your", // French
    "au", "aux", "avec", "ce", "ces", "cet", "cette", "dans", "de", "des", "du", "elle", "en",
    "est", "et", "il", "ils", "la", "le", "les", "leur", "mais", "ne", "ou", "par", "pas", "pour",
    "qu", "que", "qui", "sa", "se", "ses", "son", "sont", "sur", "un", "une",
];

fn is_stop_word(w: &str) -> bool {
    STOP_WORDS.contains(&w)
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

/// Whether the text from `i` on is a link or a handle to skip: `http…`, `www.…`,
/// `pic.twitter.com/…`, `@name`.
fn skip_len(s: &str) -> usize {
    let starts = |p: &str| s.get(..p.len()).is_some_and(|h| h.eq_ignore_ascii_case(p));
    if starts("http://")
        || starts("https://")
        || starts("www.")
        || starts("pic.twitter.com/")
        || s.starts_with('@')
    {
        s.find(char::is_whitespace).unwrap_or(s.len())
    } else {
        0
    }
}

/// The words of `text` as the library indexes and matches them, in order, repeats kept.
pub fn terms(text: &str) -> Vec<String> {
    let mut out = Vec::new();
    let mut word = String::new();
    let mut chars = text.char_indices().peekable();
    let flush = |word: &mut String, out: &mut Vec<String>| {
        if !word.is_empty() {
            let w = std::mem::take(word);
            let numeric = w.bytes().any(|b| b.is_ascii_digit());
            if numeric || (w.chars().count() > 1 && !is_stop_word(&w)) {
                out.push(w);
            }
        }
    };
    while let Some((i, c)) = chars.next() {
        if word.is_empty() {
            let n = skip_len(&text[i..]);
            if n > 0 {
                while chars.peek().is_some_and(|&(j, _)| j < i + n) {
                    chars.next();
                }
                continue;
            }
        }
        if c.is_alphanumeric() {
            for l in c.to_lowercase() {
                word.push(fold(l));
            }
        } else if (c == '.' || c == ',')
            && word.bytes().last().is_some_and(|b| b.is_ascii_digit())
            && chars.peek().is_some_and(|&(_, n)| n.is_ascii_digit())
        {
            // 1,000 → 1000; 2.5 → 2p5; 2,5 → 2p5 (a decimal comma has no three digits after it).
            let rest = &text[i + 1..];
            let digits = rest.bytes().take_while(u8::is_ascii_digit).count();
            if c == ',' && digits == 3 {
                continue;
            }
            word.push('p');
        } else {
            flush(&mut word, &mut out);
        }
    }
    flush(&mut word, &mut out);
    out
}

/// A claim read for matching.
#[derive(Debug, Clone)]
pub struct Query {
    /// Its distinct words.
    pub terms: Vec<String>,
    /// Its numbers (words with a digit).
    numbers: Vec<String>,
    /// Its capitalised words (names), lower-cased and folded.
    names: Vec<String>,
}

impl Query {
    pub fn new(claim: &str) -> Query {
        let mut terms = terms(claim);
        terms.sort();
        terms.dedup();
        let numbers = terms
            .iter()
            .filter(|t| t.bytes().any(|b| b.is_ascii_digit()))
            .cloned()
            .collect();
        let names = names(claim);
        Query {
            terms,
            numbers,
            names,
        }
    }
}

/// The capitalised words of `text` that do not start a sentence, as index words.
fn names(text: &str) -> Vec<String> {
    let mut out = Vec::new();
    let mut sentence_start = true;
    for raw in text.split_whitespace() {
        let w = raw.trim_matches(|c: char| !c.is_alphanumeric());
        if !sentence_start && w.chars().next().is_some_and(char::is_uppercase) {
            out.extend(terms(w));
        }
        sentence_start = raw.ends_with(['.', '!', '?', ':']);
    }
    out.sort();
    out.dedup();
    out
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
    let mut scored: Vec<Match> = found
        .into_iter()
        .map(|(stored, words)| {
            let len = words.len() as f32;
            let mut bm25 = 0.0;
            let mut shared = Vec::new();
            for (t, &df) in query.terms.iter().zip(&stats.df) {
                let tf = words.iter().filter(|w| *w == t).count() as f32;
                if tf == 0.0 {
                    continue;
                }
                shared.push(t.as_str());
                bm25 +=
                    idf(stats, df) * tf * (K1 + 1.0) / (tf + K1 * (1.0 - B + B * len / avg_len));
            }
            let mut reasons = Vec::new();
            let numbers: Vec<&str> = query
                .numbers
                .iter()
                .filter(|n| words.contains(n))
                .map(String::as_str)
                .collect();
            let names: Vec<&str> = query
                .names
                .iter()
                .filter(|n| words.contains(n))
                .map(String::as_str)
                .collect();
            let mut score = bm25;
            if !numbers.is_empty() {
                score += 1.0 * numbers.len() as f32;
                reasons.push(format!("same numbers: {}", numbers.join(", ")));
            }
            if !names.is_empty() {
                score += 0.5 * names.len() as f32;
                reasons.push(format!("same names: {}", names.join(", ")));
            }
            let words_shown: Vec<&str> = shared
                .iter()
                .filter(|w| !numbers.contains(w) && !names.contains(w))
                .take(6)
                .copied()
                .collect();
            if !words_shown.is_empty() {
                reasons.push(format!("same words: {}", words_shown.join(", ")));
            }
            Match {
                stored,
                score,
                reasons,
            }
        })
        .filter(|m| m.score > MIN_SCORE)
        .collect();
    scored.sort_by(|a, b| {
        b.score
            .total_cmp(&a.score)
            .then_with(|| a.stored.entry.key.cmp(&b.stored.entry.key))
    });
    scored.truncate(top);
    scored
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn words_fold_accents_keep_numbers_and_drop_links() {
        assert_eq!(
            terms(
                "L'État a dépensé 2,5 milliards, 1,000 fois https://t.co/x @someone pic.twitter.com/abc"
            ),
            ["l", "etat", "depense", "2p5", "milliards", "1000", "fois"]
                .iter()
                .filter(|w| **w != "l")
                .map(|s| s.to_string())
                .collect::<Vec<_>>()
        );
        assert_eq!(terms("The rate is 3.5% in 2019."), ["rate", "3p5", "2019"]);
    }

    #[test]
    fn names_are_capitalised_words_inside_a_sentence() {
        assert_eq!(
            names("Yesterday Joe Biden met Kim Jong Un. They talked."),
            ["biden", "joe", "jong", "kim"]
        );
    }
}
