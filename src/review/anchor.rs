//! Re-anchoring: when the article changes, every claim is found again in the new text — by its
//! TextPosition if the text there is unchanged, else by its TextQuote (exact text with prefix and
//! suffix), else by the most similar sentence if it is similar enough. Claims that cannot be found
//! become orphans, kept with their verdicts and notes, never dropped.
//!
//! How the matching works, and why it stays near-linear in the size of the new text:
//!
//! - **Exact.** The quotes of every claim not found at its old position are searched for in one
//!   pass over the new text (`Quotes`): an Aho-Corasick automaton of their first
//!   `QUOTE_KEY_BYTES` bytes, each hit checked against the whole quote. A quote's occurrences are
//!   the leftmost non-overlapping ones, as `str::match_indices` finds them. The occurrence chosen
//!   is the one whose context best matches the quote's prefix and suffix (chars in common just
//!   before plus just after), then the nearest to the old position (the later one of two equally
//!   near). A claim whose whole context (`QUOTE_CONTEXT_CHARS` chars either side) is intact finds
//!   its occurrence by one lookup and a binary search, even when its sentence is repeated
//!   thousands of times. A claim whose context changed reads its quote's occurrences sorted by
//!   the text before them and sorted by the text after them, from where its own context would
//!   sort, and stops once no occurrence left can beat the best: it reads the occurrences that
//!   share most of its context, not all of them (only true ties, many occurrences sharing exactly
//!   as much, are all read).
//! - **Fuzzy.** The new text's sentences are indexed once, and only if some claim needs them
//!   (`Sentences`): by distinct word set, with each word's list of sets. The 5 sentences sharing
//!   the most words with the claim (Jaccard, then text order) are found by reading the claim's
//!   rarest words' lists first and stopping as soon as no sentence left unread could rank among
//!   the 5, so the lists of common words ("the", "de") are rarely read. Of these 5, the one most
//!   similar to the claim (normalised Levenshtein, at least `MIN_SIMILARITY`) wins. The
//!   Levenshtein distance, quadratic, is only computed for a sentence whose length allows that
//!   similarity (within a factor 0.6 of the claim's): its cost is bounded by the claim's own
//!   length, and a giant sentence (a 1 MB text without a full stop) is ruled out by its length
//!   alone.
//!
//! Every shortcut above is exact: the result is the one the plain definitions give, claim for
//! claim (the tests keep the plain version and compare the two on random texts).

use super::{Claim, QUOTE_CONTEXT_CHARS, Review, TextPosition, TextQuote};
use crate::article::Article;
use crate::extract::segment;
use crate::lexicon::{self, lang};
use crate::text::CharIndex;
use rustc_hash::{FxHashMap, FxHashSet};
use std::cell::OnceCell;
use std::cmp::Reverse;
use std::ops::Range;

/// A fuzzy match must be at least this similar (normalised Levenshtein, 0..1) to the claim's text.
pub const MIN_SIMILARITY: f64 = 0.6;

/// How many of the sentences closest in words are compared character by character.
const FUZZY_CANDIDATES: usize = 5;

/// The exact search looks for this many leading bytes of each quote (all of a shorter one), then
/// checks the rest: a bounded automaton however many and long the quotes are.
const QUOTE_KEY_BYTES: usize = 24;

/// What happened to one claim.
#[derive(Debug, Clone, PartialEq)]
pub enum Outcome {
    /// Same text at the same place.
    Unchanged,
    /// Same text, elsewhere (char offsets in the old and new texts).
    Moved { from: usize, to: usize },
    /// Reworded: the most similar sentence of the new text.
    Edited {
        old: String,
        new: String,
        similarity: f64,
    },
    /// Not found: kept in `Review::orphans`.
    Orphaned,
}

impl Outcome {
    pub fn label(&self) -> &'static str {
        match self {
            Outcome::Unchanged => "unchanged",
            Outcome::Moved { .. } => "moved",
            Outcome::Edited { .. } => "edited",
            Outcome::Orphaned => "orphaned",
        }
    }
}

/// The outcome for each claim, in the old review's order.
#[derive(Debug, Clone, PartialEq)]
pub struct Report {
    pub outcomes: Vec<(u32, Outcome)>,
}

impl Report {
    pub fn count(&self, label: &str) -> usize {
        self.outcomes
            .iter()
            .filter(|(_, o)| o.label() == label)
            .count()
    }

    /// "14 unchanged, 1 moved, 1 edited, 0 orphaned".
    pub fn summary(&self) -> String {
        ["unchanged", "moved", "edited", "orphaned"]
            .iter()
            .map(|l| format!("{} {l}", self.count(l)))
            .collect::<Vec<_>>()
            .join(", ")
    }
}

fn words(s: &str) -> Vec<String> {
    s.split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .map(str::to_lowercase)
        .collect()
}

/// Length of the common suffix of `a` and `b`, in chars.
fn common_suffix(a: &str, b: &str) -> usize {
    a.chars()
        .rev()
        .zip(b.chars().rev())
        .take_while(|(x, y)| x == y)
        .count()
}

fn common_prefix(a: &str, b: &str) -> usize {
    a.chars().zip(b.chars()).take_while(|(x, y)| x == y).count()
}

/// Where the claims' quotes occur in the new text, found in one pass.
struct Quotes<'a> {
    text: &'a str,
    ids: FxHashMap<&'a str, u32>,
    /// Each quote's occurrences (byte offsets, ascending): the leftmost non-overlapping ones.
    at: Vec<Vec<usize>>,
    /// The occurrences of a quote found more than once, by their full context: the
    /// QUOTE_CONTEXT_CHARS chars before and after.
    by_context: FxHashMap<(u32, &'a str, &'a str), Vec<usize>>,
    /// For a quote found more than once, its occurrences sorted by context.
    ranked: Vec<Ranked>,
}

/// The occurrences of one quote sorted by the text before them (up to QUOTE_CONTEXT_CHARS chars,
/// compared from the quote backwards) and by the text after them (as many chars, forwards):
/// `(context start, occurrence)` and `(occurrence, context end)`, byte offsets.
#[derive(Default)]
struct Ranked {
    by_before: Vec<(usize, usize)>,
    by_after: Vec<(usize, usize)>,
}

impl<'a> Quotes<'a> {
    fn new(text: &'a str, quotes: Vec<&'a str>) -> Self {
        let mut ids = FxHashMap::default();
        let mut distinct: Vec<&str> = Vec::new();
        for q in quotes {
            if !q.is_empty() && !ids.contains_key(q) {
                ids.insert(q, distinct.len() as u32);
                distinct.push(q);
            }
        }
        let at = occurrences(text, &distinct);
        let mut by_context: FxHashMap<(u32, &str, &str), Vec<usize>> = FxHashMap::default();
        let mut ranked = Vec::with_capacity(at.len());
        for (q, found) in at.iter().enumerate() {
            if found.len() < 2 {
                ranked.push(Ranked::default());
                continue;
            }
            let len = distinct[q].len();
            let mut by_before = Vec::with_capacity(found.len());
            let mut by_after = Vec::with_capacity(found.len());
            for &i in found {
                let before = context_before(text, i);
                let after = context_after(text, i + len);
                by_before.push((i - before.len(), i));
                by_after.push((i, i + len + after.len()));
                if before.chars().count() == QUOTE_CONTEXT_CHARS
                    && after.chars().count() == QUOTE_CONTEXT_CHARS
                {
                    by_context
                        .entry((q as u32, before, after))
                        .or_default()
                        .push(i);
                }
            }
            by_before
                .sort_by(|&(a, i), &(b, j)| text[a..i].chars().rev().cmp(text[b..j].chars().rev()));
            by_after.sort_by(|&(i, a), &(j, b)| text[i + len..a].cmp(&text[j + len..b]));
            ranked.push(Ranked {
                by_before,
                by_after,
            });
        }
        Self {
            text,
            ids,
            at,
            by_context,
            ranked,
        }
    }

    /// The occurrence of `quote` whose context best matches the quote's prefix and suffix (the
    /// most chars in common just before plus just after); among equals, the nearest to `old`
    /// (the later one of two equally near).
    fn best(&self, quote: &TextQuote, old: usize) -> Option<usize> {
        let q = *self.ids.get(quote.exact.as_str())? as usize;
        let (prefix, suffix) = (quote.prefix.as_str(), quote.suffix.as_str());
        let text = self.text;
        let len = quote.exact.len();
        let before = |i: usize| common_suffix(&text[..i], prefix);
        let after = |i: usize| common_prefix(&text[i + len..], suffix);
        let score = |i: usize, ctx: usize| (ctx, Reverse(i.abs_diff(old)), i);
        let (n_prefix, n_suffix) = (prefix.chars().count(), suffix.chars().count());
        let ranked = &self.ranked[q];
        if ranked.by_before.is_empty()
            || n_prefix > QUOTE_CONTEXT_CHARS
            || n_suffix > QUOTE_CONTEXT_CHARS
        {
            // Found once, or a context longer than the sorted ones: compare with each.
            return self.at[q]
                .iter()
                .map(|&i| score(i, before(i) + after(i)))
                .max()
                .map(|(_, _, i)| i);
        }
        if n_prefix == QUOTE_CONTEXT_CHARS && n_suffix == QUOTE_CONTEXT_CHARS {
            // No occurrence can score more than one whose whole context is the quote's.
            if let Some(found) = self.by_context.get(&(q as u32, prefix, suffix)) {
                return Some(nearest(found, old));
            }
        }
        // Read the occurrences in order of chars in common before, and in order of chars in
        // common after, in turn, scoring each as it comes; an occurrence not read yet has at
        // most the next figure of each list, so once the best is above their sum it is the best.
        let sorted_before = |k: usize| {
            let (c, i) = ranked.by_before[k];
            text[c..i].chars().rev()
        };
        let mut by_before = Outward::new(
            ranked.by_before.len(),
            |k| sorted_before(k).lt(prefix.chars().rev()),
            |k| {
                let i = ranked.by_before[k].1;
                (i, before(i))
            },
        );
        let mut by_after = Outward::new(
            ranked.by_after.len(),
            |k| {
                let (i, c) = ranked.by_after[k];
                &text[i + len..c] < suffix
            },
            |k| {
                let i = ranked.by_after[k].0;
                (i, after(i))
            },
        );
        let mut best = None;
        for turn in 0.. {
            let (Some(b), Some(a)) = (by_before.peek(), by_after.peek()) else {
                // One list is read to its end: every occurrence is scored.
                break;
            };
            if best.is_some_and(|(ctx, _, _)| ctx > b + a) {
                break;
            }
            let scored = if turn % 2 == 0 {
                by_before.next().map(|(i, b)| score(i, b + after(i)))
            } else {
                by_after.next().map(|(i, a)| score(i, before(i) + a))
            };
            best = best.max(scored);
        }
        best.map(|(_, _, i)| i)
    }
}

/// The QUOTE_CONTEXT_CHARS chars of `text` before byte `at` (fewer at its start).
fn context_before(text: &str, at: usize) -> &str {
    let start = text[..at]
        .char_indices()
        .rev()
        .nth(QUOTE_CONTEXT_CHARS - 1)
        .map_or(0, |(b, _)| b);
    &text[start..at]
}

/// The QUOTE_CONTEXT_CHARS chars of `text` after byte `at` (fewer at its end).
fn context_after(text: &str, at: usize) -> &str {
    let rest = &text[at..];
    let end = rest
        .char_indices()
        .nth(QUOTE_CONTEXT_CHARS)
        .map_or(rest.len(), |(b, _)| b);
    &rest[..end]
}

/// The entries of a sorted list in order of how many leading chars they share with a query,
/// most first: outward from where the query would sort, since that number can only fall away
/// from there.
struct Outward<F> {
    /// The entries below `lower` and from `upper` on are still to read.
    lower: usize,
    upper: usize,
    len: usize,
    /// An entry's occurrence and chars in common with the query.
    value: F,
    below: Option<(usize, usize)>,
    above: Option<(usize, usize)>,
}

impl<F: Fn(usize) -> (usize, usize)> Outward<F> {
    /// For a list of `len` entries, of which those for which `sorts_before` holds come first.
    fn new(len: usize, sorts_before: impl Fn(usize) -> bool, value: F) -> Self {
        let (mut lo, mut hi) = (0, len);
        while lo < hi {
            let mid = lo + (hi - lo) / 2;
            if sorts_before(mid) {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        let mut out = Self {
            lower: lo,
            upper: lo,
            len,
            value,
            below: None,
            above: None,
        };
        out.fill();
        out
    }

    fn fill(&mut self) {
        if self.below.is_none() && self.lower > 0 {
            self.lower -= 1;
            self.below = Some((self.value)(self.lower));
        }
        if self.above.is_none() && self.upper < self.len {
            self.above = Some((self.value)(self.upper));
            self.upper += 1;
        }
    }

    /// The chars in common of the next entry.
    fn peek(&self) -> Option<usize> {
        [self.below, self.above]
            .into_iter()
            .flatten()
            .map(|(_, n)| n)
            .max()
    }

    /// The next entry: its occurrence and chars in common.
    fn next(&mut self) -> Option<(usize, usize)> {
        let take_below = match (self.below, self.above) {
            (Some((_, b)), Some((_, a))) => b >= a,
            (below, _) => below.is_some(),
        };
        let out = if take_below {
            self.below.take()
        } else {
            self.above.take()
        };
        self.fill();
        out
    }
}

/// The offset of ascending, non-empty `found` nearest to `old`; of two equally near, the later.
fn nearest(found: &[usize], old: usize) -> usize {
    let after = found.partition_point(|&i| i < old);
    match (after.checked_sub(1).map(|b| found[b]), found.get(after)) {
        (Some(b), Some(&a)) if old - b < a - old => b,
        (_, Some(&a)) => a,
        (Some(b), None) => b,
        (None, None) => unreachable!("`found` is not empty"),
    }
}

/// Every leftmost non-overlapping occurrence of each of `quotes` (distinct, non-empty) in `text`,
/// in one pass: the automaton finds their first QUOTE_KEY_BYTES bytes, overlapping, and each hit
/// is checked against the whole quote.
fn occurrences(text: &str, quotes: &[&str]) -> Vec<Vec<usize>> {
    let mut at = vec![Vec::new(); quotes.len()];
    if quotes.is_empty() {
        return at;
    }
    let mut key_ids: FxHashMap<&[u8], usize> = FxHashMap::default();
    let mut keys: Vec<&[u8]> = Vec::new();
    let mut by_key: Vec<Vec<usize>> = Vec::new();
    for (q, quote) in quotes.iter().enumerate() {
        let key = &quote.as_bytes()[..quote.len().min(QUOTE_KEY_BYTES)];
        let k = *key_ids.entry(key).or_insert_with(|| {
            keys.push(key);
            by_key.push(Vec::new());
            keys.len() - 1
        });
        by_key[k].push(q);
    }
    let bytes = text.as_bytes();
    let Ok(automaton) = aho_corasick::AhoCorasick::new(&keys) else {
        // Too many states for the automaton: one search per quote.
        for (q, quote) in quotes.iter().enumerate() {
            at[q] = memchr::memmem::find_iter(bytes, quote).collect();
        }
        return at;
    };
    // The end of each quote's last occurrence: the next must not start before it.
    let mut free = vec![0; quotes.len()];
    // Overlapping matches come by end, so each key's (fixed-length) hits come in text order.
    for hit in automaton.find_overlapping_iter(bytes) {
        let start = hit.start();
        for &q in &by_key[hit.pattern().as_usize()] {
            let quote = quotes[q].as_bytes();
            if start >= free[q] && bytes[start..].starts_with(quote) {
                at[q].push(start);
                free[q] = start + quote.len();
            }
        }
    }
    at
}

/// Candidate spans for fuzzy matching: the sentences of every block of the new text, indexed by
/// their distinct sets of words.
struct Sentences {
    spans: Vec<Range<usize>>,
    /// Each sentence's length in chars.
    chars: Vec<usize>,
    word_ids: FxHashMap<String, u32>,
    /// The distinct word sets: sorted word ids, and the first FUZZY_CANDIDATES sentences with
    /// exactly that set (a later one can never rank among the closest).
    sets: Vec<(Vec<u32>, Vec<u32>)>,
    /// For each word id, the sets that contain it.
    postings: Vec<Vec<u32>>,
}

impl Sentences {
    fn new(article: &Article, chars: &CharIndex) -> Self {
        let code = article
            .metadata
            .language
            .clone()
            .unwrap_or_else(|| lang::detect(&article.text).to_string());
        let lex = lexicon::for_language(&code);
        let mut spans = Vec::new();
        for b in &article.blocks {
            for r in segment::sentences(&article.text[b.start..b.end], lex) {
                spans.push(b.start + r.start..b.start + r.end);
            }
        }
        let mut word_ids: FxHashMap<String, u32> = FxHashMap::default();
        let mut set_ids: FxHashMap<Vec<u32>, u32> = FxHashMap::default();
        let mut sets: Vec<(Vec<u32>, Vec<u32>)> = Vec::new();
        let mut postings: Vec<Vec<u32>> = Vec::new();
        for (i, r) in spans.iter().enumerate() {
            let mut ws: Vec<u32> = words(&article.text[r.clone()])
                .into_iter()
                .map(|w| {
                    let next = word_ids.len() as u32;
                    *word_ids.entry(w).or_insert(next)
                })
                .collect();
            if ws.is_empty() {
                continue;
            }
            ws.sort_unstable();
            ws.dedup();
            let set = match set_ids.get(&ws) {
                Some(&s) => s as usize,
                None => {
                    let s = sets.len();
                    postings.resize(word_ids.len(), Vec::new());
                    for &w in &ws {
                        postings[w as usize].push(s as u32);
                    }
                    set_ids.insert(ws.clone(), s as u32);
                    sets.push((ws, Vec::new()));
                    s
                }
            };
            if sets[set].1.len() < FUZZY_CANDIDATES {
                sets[set].1.push(i as u32);
            }
        }
        postings.resize(word_ids.len(), Vec::new());
        let chars = spans
            .iter()
            .map(|r| chars.char_of(r.end) - chars.char_of(r.start))
            .collect();
        Self {
            spans,
            chars,
            word_ids,
            sets,
            postings,
        }
    }

    /// The `n` sentences sharing the most words with `text` (Jaccard), best first; among equals,
    /// the first in the text. Only sentences sharing a word count. `n` is at most
    /// FUZZY_CANDIDATES, the number of sentences kept for each word set.
    fn closest(&self, text: &str, n: usize) -> Vec<usize> {
        debug_assert!(n <= FUZZY_CANDIDATES);
        let mut ws = words(text);
        ws.sort_unstable();
        ws.dedup();
        let all = ws.len();
        let mut known: Vec<u32> = ws
            .iter()
            .filter_map(|w| self.word_ids.get(w))
            .copied()
            .collect();
        known.sort_unstable();
        // Rarest words first.
        let mut order = known.clone();
        order.sort_by_key(|&w| (self.postings[w as usize].len(), w));
        // The best so far: (score, sentence, shared words, score's denominator), best first.
        let mut best: Vec<(f64, u32, usize, usize)> = Vec::with_capacity(n + 1);
        let mut seen = FxHashSet::default();
        for (k, &w) in order.iter().enumerate() {
            for &s in &self.postings[w as usize] {
                if !seen.insert(s) {
                    continue;
                }
                let (set, sentences) = &self.sets[s as usize];
                let shared = shared_count(&known, set);
                let denominator = (all + set.len() - shared).max(1);
                let score = shared as f64 / denominator as f64;
                for &i in sentences {
                    let rank = |b: &(f64, u32, usize, usize)| {
                        b.0.total_cmp(&score).reverse().then(b.1.cmp(&i))
                    };
                    let at = best.partition_point(|b| rank(b).is_lt());
                    if at < n {
                        best.insert(at, (score, i, shared, denominator));
                        best.truncate(n);
                    }
                }
            }
            // A sentence not seen yet has none of the words read so far: it shares at most the
            // `left` others, so its score is at most left / all. Once the n-th best is above that,
            // the rest cannot rank among the n (scores are ratios of small integers: distinct
            // ratios are distinct floats, so "above" is the same in floats).
            let left = order.len() - k - 1;
            if let Some(&(_, _, shared, denominator)) = best.get(n.saturating_sub(1))
                && best.len() == n
                && shared * all > left * denominator
            {
                break;
            }
        }
        best.into_iter().map(|b| b.1 as usize).collect()
    }
}

/// How many of the sorted ids `a` are in the sorted ids `b`.
fn shared_count(a: &[u32], b: &[u32]) -> usize {
    let (small, large) = if a.len() <= b.len() { (a, b) } else { (b, a) };
    small
        .iter()
        .filter(|w| large.binary_search(w).is_ok())
        .count()
}

/// Whether two texts of `a` and `b` chars can be MIN_SIMILARITY similar: the Levenshtein
/// distance is at least the difference of their lengths. Computed as strsim computes the
/// similarity, so that a pair ruled out here would have been ruled out by strsim's own figure.
fn lengths_allow_similarity(a: usize, b: usize) -> bool {
    let longest = a.max(b);
    longest == 0 || 1.0 - (longest - a.min(b)) as f64 / longest as f64 >= MIN_SIMILARITY
}

/// The new article with what finding claims in it needs, each part built on first use.
struct Finder<'a> {
    new: &'a Article,
    old_text: &'a str,
    quotes: Quotes<'a>,
    new_chars: OnceCell<CharIndex>,
    old_chars: OnceCell<CharIndex>,
    sentences: OnceCell<Sentences>,
}

impl<'a> Finder<'a> {
    /// For the claims `claims` of `old_text` (all those that will be looked for).
    fn new(old_text: &'a str, new: &'a Article, claims: impl Iterator<Item = &'a Claim>) -> Self {
        let text = new.text.as_str();
        let moved = claims
            .filter(|c| {
                let TextPosition { start, end } = c.position;
                text.get(start..end) != Some(c.quote.exact.as_str())
            })
            .map(|c| c.quote.exact.as_str())
            .collect();
        Self {
            new,
            old_text,
            quotes: Quotes::new(text, moved),
            new_chars: OnceCell::new(),
            old_chars: OnceCell::new(),
            sentences: OnceCell::new(),
        }
    }

    fn new_chars(&self) -> &CharIndex {
        self.new_chars
            .get_or_init(|| CharIndex::new(&self.new.text))
    }

    /// Finds `claim` in the new text: its range and outcome, or None for an orphan.
    fn find(&self, claim: &Claim) -> Option<(Range<usize>, Outcome)> {
        let text = &self.new.text;
        let exact = &claim.quote.exact;
        let TextPosition { start, end } = claim.position;
        if exact.is_empty() {
            return None;
        }
        if text.get(start..end) == Some(exact.as_str()) {
            return Some((start..end, Outcome::Unchanged));
        }
        if let Some(i) = self.quotes.best(&claim.quote, start) {
            let old_chars = self.old_chars.get_or_init(|| CharIndex::new(self.old_text));
            let from = old_chars.char_of(start.min(self.old_text.len()));
            let to = self.new_chars().char_of(i);
            return Some((i..i + exact.len(), Outcome::Moved { from, to }));
        }
        // Reworded: the most similar sentence, if similar enough.
        let sentences = self
            .sentences
            .get_or_init(|| Sentences::new(self.new, self.new_chars()));
        let exact_chars = exact.chars().count();
        sentences
            .closest(exact, FUZZY_CANDIDATES)
            .into_iter()
            .filter(|&i| lengths_allow_similarity(exact_chars, sentences.chars[i]))
            .map(|i| {
                let r = sentences.spans[i].clone();
                (strsim::normalized_levenshtein(exact, &text[r.clone()]), r)
            })
            .filter(|(sim, _)| *sim >= MIN_SIMILARITY)
            .max_by(|a, b| a.0.total_cmp(&b.0))
            .map(|(similarity, r)| {
                let new_text = text[r.clone()].to_string();
                (
                    r,
                    Outcome::Edited {
                        old: exact.clone(),
                        new: new_text,
                        similarity,
                    },
                )
            })
    }
}

/// `c` pointing at `r` of the new text, its quote taken from there.
fn moved_to(c: &Claim, r: Range<usize>, text: &str) -> Claim {
    let mut moved = c.clone();
    moved.position = TextPosition {
        start: r.start,
        end: r.end,
    };
    moved.quote = TextQuote::from_text(text, r.start, r.end);
    moved
}

/// The review moved onto `new` (an edited version of its article). Claims keep their ids,
/// verdicts, notes and evidence; reworded claims remember their old wording in `previous`.
pub fn reanchor(review: &Review, new: Article) -> (Review, Report) {
    let finder = Finder::new(
        &review.article.text,
        &new,
        review.claims.iter().chain(&review.dismissed),
    );
    let mut claims = Vec::new();
    let mut orphans = review.orphans.clone();
    let mut outcomes = Vec::new();
    for c in &review.claims {
        match finder.find(c) {
            Some((r, outcome)) => {
                let mut moved = moved_to(c, r, &new.text);
                if let Outcome::Edited { old, .. } = &outcome {
                    moved.previous = Some(old.clone());
                }
                claims.push(moved);
                outcomes.push((c.id, outcome));
            }
            None => {
                orphans.push(c.clone());
                outcomes.push((c.id, Outcome::Orphaned));
            }
        }
    }
    claims.sort_by_key(|c| (c.position.start, c.id));
    // Dismissed claims move too, so that they can still be restored; one not found stays as it
    // was (restoring it then says its text is gone).
    let dismissed = review
        .dismissed
        .iter()
        .map(|c| match finder.find(c) {
            Some((r, _)) => moved_to(c, r, &new.text),
            None => c.clone(),
        })
        .collect();
    drop(finder);
    let mut out = review.clone();
    out.dismissed = dismissed;
    out.article = new;
    out.claims = claims;
    out.orphans = orphans;
    out.modified = chrono::Utc::now();
    out.revision += 1;
    (out, Report { outcomes })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::article;
    use crate::review::{Action, Verdict};

    fn reviewed() -> Review {
        let mut r = Review::from_article(article::sample());
        let id = r.claims[3].id;
        r.apply(Action::SetVerdict {
            claim: id,
            verdict: Verdict::Disputed,
        })
        .unwrap();
        r.apply(Action::SetNote {
            claim: id,
            note: "à vérifier".into(),
        })
        .unwrap();
        r
    }

    fn edited(text: &str) -> Article {
        article::from_bytes(text.as_bytes(), "edited.txt").unwrap()
    }

    /// The matching as first written, every search a scan of the whole new text: what the
    /// indexed matching must give, claim for claim.
    mod reference {
        use super::super::{MIN_SIMILARITY, Outcome, common_prefix, common_suffix, words};
        use crate::article::Article;
        use crate::extract::segment;
        use crate::lexicon::{self, lang};
        use crate::review::{Claim, TextPosition};
        use std::collections::HashMap;
        use std::ops::Range;

        pub struct Sentences {
            pub spans: Vec<Range<usize>>,
            sizes: Vec<usize>,
            index: HashMap<String, Vec<usize>>,
        }

        impl Sentences {
            pub fn new(article: &Article) -> Self {
                let code = article
                    .metadata
                    .language
                    .clone()
                    .unwrap_or_else(|| lang::detect(&article.text).to_string());
                let lex = lexicon::for_language(&code);
                let mut spans = Vec::new();
                for b in &article.blocks {
                    for r in segment::sentences(&article.text[b.start..b.end], lex) {
                        spans.push(b.start + r.start..b.start + r.end);
                    }
                }
                let mut index: HashMap<String, Vec<usize>> = HashMap::new();
                let mut sizes = Vec::with_capacity(spans.len());
                for (i, r) in spans.iter().enumerate() {
                    let mut ws = words(&article.text[r.clone()]);
                    ws.sort_unstable();
                    ws.dedup();
                    sizes.push(ws.len());
                    for w in ws {
                        index.entry(w).or_default().push(i);
                    }
                }
                Self {
                    spans,
                    sizes,
                    index,
                }
            }

            pub fn closest(&self, text: &str, n: usize) -> Vec<usize> {
                let mut ws = words(text);
                ws.sort_unstable();
                ws.dedup();
                let mut shared: HashMap<usize, usize> = HashMap::new();
                for w in &ws {
                    for &i in self.index.get(w).map(Vec::as_slice).unwrap_or(&[]) {
                        *shared.entry(i).or_default() += 1;
                    }
                }
                let mut scored: Vec<(f64, usize)> = shared
                    .into_iter()
                    .map(|(i, s)| (s as f64 / (ws.len() + self.sizes[i] - s).max(1) as f64, i))
                    .collect();
                scored.sort_by(|a, b| b.0.total_cmp(&a.0).then(a.1.cmp(&b.1)));
                scored.into_iter().take(n).map(|(_, i)| i).collect()
            }
        }

        pub fn find(
            claim: &Claim,
            old_text: &str,
            new: &Article,
            sentences: &Sentences,
        ) -> Option<(Range<usize>, Outcome)> {
            let text = &new.text;
            let exact = &claim.quote.exact;
            let TextPosition { start, end } = claim.position;
            if exact.is_empty() {
                return None;
            }
            if text.get(start..end) == Some(exact.as_str()) {
                return Some((start..end, Outcome::Unchanged));
            }
            let best = text
                .match_indices(exact.as_str())
                .map(|(i, _)| {
                    let ctx = common_suffix(&text[..i], &claim.quote.prefix)
                        + common_prefix(&text[i + exact.len()..], &claim.quote.suffix);
                    (ctx, std::cmp::Reverse(i.abs_diff(start)), i)
                })
                .max();
            if let Some((_, _, i)) = best {
                let from = crate::text::char_offset(old_text, start.min(old_text.len()));
                let to = crate::text::char_offset(text, i);
                return Some((i..i + exact.len(), Outcome::Moved { from, to }));
            }
            sentences
                .closest(exact, 5)
                .into_iter()
                .map(|i| {
                    let r = sentences.spans[i].clone();
                    (strsim::normalized_levenshtein(exact, &text[r.clone()]), r)
                })
                .filter(|(sim, _)| *sim >= MIN_SIMILARITY)
                .max_by(|a, b| a.0.total_cmp(&b.0))
                .map(|(similarity, r)| {
                    let new_text = text[r.clone()].to_string();
                    (
                        r,
                        Outcome::Edited {
                            old: exact.clone(),
                            new: new_text,
                            similarity,
                        },
                    )
                })
        }
    }

    /// Every claim of `review` (and every dismissed one) is found in `new` exactly where the
    /// reference finds it; returns the outcomes' labels, for the caller to check the case
    /// exercised what it meant to.
    fn same_as_reference(review: &Review, new: &Article) -> Vec<&'static str> {
        let claims: Vec<&Claim> = review.claims.iter().chain(&review.dismissed).collect();
        let finder = Finder::new(&review.article.text, new, claims.iter().copied());
        let sentences = reference::Sentences::new(new);
        claims
            .iter()
            .map(|c| {
                let found = finder.find(c);
                let expected = reference::find(c, &review.article.text, new, &sentences);
                assert_eq!(found, expected, "claim {} {:?}", c.id, c.quote);
                found.map_or("orphaned", |(_, o)| o.label())
            })
            .collect()
    }

    /// `template` as claim `id` on bytes `start..end` of `text`, its quote taken from there.
    fn claim_at(template: &Claim, text: &str, id: u32, start: usize, end: usize) -> Claim {
        let mut c = template.clone();
        c.id = id;
        moved_to(&c, start..end, text)
    }

    /// Every sentence of `text` a claim.
    fn every_sentence(text: &str) -> Review {
        let a = edited(text);
        let sentences = crate::extract::sentences(&a);
        Review::new(a, &sentences)
    }

    /// The French sample's body paragraphs numbered "(Partie N.)" up to `size` bytes: every
    /// sentence but the numbered ones repeated many times.
    fn long_article(size: usize) -> Vec<String> {
        let sample = article::sample();
        let body: Vec<&str> = sample
            .blocks
            .iter()
            .skip(2)
            .map(|b| &sample.text[b.start..b.end])
            .collect();
        let mut paras = Vec::new();
        let (mut len, mut part) = (0, 0);
        while len < size {
            for p in &body {
                let p = format!("{p} (Partie {part}.)");
                len += p.len() + 2;
                paras.push(p);
            }
            part += 1;
        }
        paras
    }

    #[test]
    fn a_giant_sentence_gives_the_reference_outcomes() {
        let r = reviewed();
        // The sample without its full stops, over and over: one sentence of 20 KB, 60 times the
        // longest claim (the reference compares it with each claim char by char: slow in a
        // debug build).
        let flat: String = r
            .article
            .text
            .chars()
            .map(|c| match c {
                '.' | '!' | '?' | '…' => ',',
                c if c.is_whitespace() => ' ',
                c => c,
            })
            .collect();
        let giant = vec![flat.as_str(); 20_000 / flat.len() + 1].join(" ");
        let new = edited(&giant);
        assert_eq!(crate::extract::sentences(&new).len(), 1);
        let labels = same_as_reference(&r, &new);
        assert!(labels.iter().all(|l| *l == "orphaned"), "{labels:?}");
        // The same with the sample's first sentence kept whole in the middle of it.
        let first = r.claims[0].text();
        let half = crate::text::floor_boundary(&giant, 10_000);
        let with_first = format!("{} {first} {}", &giant[..half], &giant[half..]);
        let labels = same_as_reference(&r, &edited(&with_first));
        assert_eq!(labels[0], "moved");
        // The first sentence reworded, after a giant sentence that must not be compared with
        // it character by character.
        let reworded = first.replace("en train de rire", "en train de sourire");
        let mixed = edited(&format!("{}\n\n{reworded}", &giant[..half]));
        let labels = same_as_reference(&r, &mixed);
        assert_eq!(labels[0], "edited");
    }

    #[test]
    fn a_long_edited_article_gives_the_reference_outcomes() {
        let mut paras = long_article(300_000);
        // One paragraph like no other, gone from the new version.
        let gone = "Les abeilles de Bretagne ont produit 12 tonnes de miel en 2019.";
        paras.insert(0, gone.to_string());
        let r = every_sentence(&paras.join("\n\n"));
        assert!(r.claims.len() > 2000, "{} claims", r.claims.len());
        // Paragraphs moved, dropped, doubled and reworded, as an editor would.
        let mut new: Vec<String> = Vec::new();
        for (i, p) in paras.iter().enumerate() {
            match i % 11 {
                _ if p == gone => {}
                0 => {}
                3 => new.insert(new.len() / 2, p.clone()),
                5 => new.push(p.replace(" de ", " du ")),
                7 => {
                    new.push(p.clone());
                    new.push(p.clone());
                }
                9 => new.push(p.replacen(". ", ", ", 1)),
                _ => new.push(p.clone()),
            }
        }
        let labels = same_as_reference(&r, &edited(&new.join("\n\n")));
        for l in ["unchanged", "moved", "edited", "orphaned"] {
            assert!(labels.contains(&l), "no claim {l}");
        }
    }

    #[test]
    fn of_two_equally_near_occurrences_the_later_wins() {
        let unit = "Selon le rapport publié hier soir, le taux est de 5 %. Les chiffres restent provisoires.";
        let quote = "le taux est de 5 %.";
        let in_unit = unit.find(quote).unwrap();
        let lead = "Un paragraphe d’abord. ".repeat(40);
        let old = format!("{lead}{unit}");
        let mut r = Review::new(edited(&old), &[]);
        let template = reviewed().claims[0].clone();
        let start = lead.len() + in_unit;
        r.claims = vec![claim_at(&template, &old, 7, start, start + quote.len())];
        // The quote twice, in the same context, as far before the old position as after it.
        let first = in_unit;
        let gap = 2 * (start - first) - unit.len();
        let new = format!("{unit}{}{unit}", "z".repeat(gap));
        let second = unit.len() + gap + in_unit;
        assert_eq!(start - first, second - start);
        let new = edited(&new);
        assert_eq!(same_as_reference(&r, &new), ["moved"]);
        let (r2, _) = reanchor(&r, new);
        assert_eq!(r2.claims[0].position.start, second);
    }

    /// Words whose sentences often repeat, contain one another and overlap ("ha ha ha").
    const POOL: &[&str] = &[
        "Le taux est de 5 %.",
        "Le taux est de 5 % selon l’Insee.",
        "Il a baissé.",
        "Ailleurs, le taux est de 5 %.",
        "ha ha ha ha.",
        "« Nous ne céderons pas », a-t-il dit.",
        "The rate fell by 3 percent in 2023.",
        "The rate fell.",
        "Kim a offert une limousine à Poutine.",
        "Poutine a offert une limousine à Kim.",
        "Un, deux, trois.",
        "Été 2024 : 12 millions d’euros !",
    ];

    #[derive(Debug, Clone)]
    enum Change {
        Drop(usize),
        Move(usize, usize),
        Double(usize),
        Add(usize, usize),
        Reword(usize, usize),
        Join(usize),
        Flatten,
    }

    fn change() -> impl Strategy<Value = Change> {
        prop_oneof![
            4 => (0usize..64).prop_map(Change::Drop),
            4 => (0usize..64, 0usize..64).prop_map(|(a, b)| Change::Move(a, b)),
            3 => (0usize..64).prop_map(Change::Double),
            3 => (0usize..64, 0..POOL.len()).prop_map(|(a, s)| Change::Add(a, s)),
            5 => (0usize..64, 0usize..64).prop_map(|(a, w)| Change::Reword(a, w)),
            2 => (0usize..64).prop_map(Change::Join),
            1 => Just(Change::Flatten),
        ]
    }

    /// Sentences (with whether a paragraph ends after each) as text.
    fn join(sentences: &[(String, bool)]) -> String {
        let mut out = String::new();
        for (s, end) in sentences {
            out.push_str(s);
            out.push_str(if *end { "\n\n" } else { " " });
        }
        out
    }

    use proptest::prelude::*;

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(256))]

        /// On small random texts full of repeats, the indexed matching finds every claim (each
        /// sentence, and random spans with damaged contexts) where the reference does.
        #[test]
        fn indexed_matching_is_the_reference(
            picks in proptest::collection::vec((0..POOL.len(), any::<bool>()), 1..24),
            changes in proptest::collection::vec(change(), 0..8),
            spans in proptest::collection::vec((0usize..2000, 1usize..60, 0u8..4), 0..8),
            queries in proptest::collection::vec(proptest::collection::vec(0usize..40, 1..12), 0..4),
        ) {
            let mut sentences: Vec<(String, bool)> =
                picks.iter().map(|&(s, end)| (POOL[s].to_string(), end)).collect();
            let old = join(&sentences);
            // A text the cleaner finds nothing in (one quote said twice reads as page furniture)
            // has no claims to re-anchor.
            let Ok(first) = article::from_bytes(old.as_bytes(), "old.txt") else { return Ok(()) };
            let found = crate::extract::sentences(&first);
            let mut review = Review::new(first, &found);
            let template = reviewed().claims[0].clone();
            let text = review.article.text.clone();
            let bounds: Vec<usize> = text.char_indices().map(|(b, _)| b).chain([text.len()]).collect();
            for (k, &(at, len, damage)) in spans.iter().enumerate() {
                let a = at % bounds.len();
                let b = (a + len).min(bounds.len() - 1);
                let mut c = claim_at(&template, &text, 1000 + k as u32, bounds[a], bounds[b]);
                match damage {
                    1 => c.quote.prefix = c.quote.prefix.chars().skip(3).collect(),
                    2 => c.quote.suffix = format!("x{}", c.quote.suffix.chars().skip(1).collect::<String>()),
                    _ => {}
                }
                if k % 3 == 2 {
                    review.dismissed.push(c);
                } else {
                    review.claims.push(c);
                }
            }
            for ch in changes {
                let n = sentences.len();
                match ch {
                    Change::Drop(i) if n > 1 => { sentences.remove(i % n); }
                    Change::Move(a, b) => { let s = sentences.remove(a % n); sentences.insert(b % n, s); }
                    Change::Double(i) => { let s = sentences[i % n].clone(); sentences.insert(i % n, s); }
                    Change::Add(i, s) => sentences.insert(i % (n + 1), (POOL[s].to_string(), false)),
                    Change::Reword(i, w) => {
                        let s = &mut sentences[i % n].0;
                        let ws: Vec<&str> = s.split(' ').collect();
                        let mut ws: Vec<String> = ws.iter().map(|w| w.to_string()).collect();
                        let at = w % ws.len();
                        if w % 2 == 0 { ws.insert(at, "vraiment".into()); } else if ws.len() > 1 { ws.remove(at); }
                        *s = ws.join(" ");
                    }
                    Change::Join(i) => {
                        let s = &mut sentences[i % n].0;
                        if s.ends_with('.') { s.pop(); s.push(','); }
                    }
                    Change::Flatten => {
                        for (s, end) in &mut sentences {
                            *s = s.replace(['.', '!', '?'], ",");
                            *end = false;
                        }
                    }
                    _ => {}
                }
            }
            let new_text = join(&sentences);
            let Ok(new) = article::from_bytes(new_text.as_bytes(), "edited.txt") else { return Ok(()) };
            same_as_reference(&review, &new);
            // The closest sentences in words, for any number asked and random bags of words.
            let vocabulary: Vec<String> =
                POOL.iter().flat_map(|s| words(s)).chain(["inconnu".to_string()]).collect();
            let indexed = Sentences::new(&new, &CharIndex::new(&new.text));
            let plain = reference::Sentences::new(&new);
            prop_assert_eq!(&indexed.spans, &plain.spans);
            for (k, q) in queries.iter().enumerate() {
                let query: Vec<&str> = q.iter().map(|&w| vocabulary[w % vocabulary.len()].as_str()).collect();
                let query = query.join(" ");
                for n in 1..=FUZZY_CANDIDATES {
                    prop_assert_eq!(indexed.closest(&query, n), plain.closest(&query, n), "{} {}", query, k);
                }
            }
        }
    }

    #[test]
    fn same_article_leaves_every_claim_unchanged() {
        let r = reviewed();
        let (r2, report) = reanchor(&r, r.article.clone());
        assert_eq!(report.count("unchanged"), r.claims.len());
        assert_eq!(r2.claims, r.claims);
    }

    #[test]
    fn moved_edited_and_orphaned_claims() {
        let r = reviewed();
        let original = article::sample();
        let paras: Vec<&str> = original
            .blocks
            .iter()
            .map(|b| &original.text[b.start..b.end])
            .collect();
        // A new paragraph at the top moves everything; one sentence reworded; one paragraph gone.
        let aurus = paras
            .iter()
            .position(|p| p.starts_with("Mercredi, Poutine a offert"))
            .unwrap();
        let pungsan = paras.iter().position(|p| p.contains("Pungsan")).unwrap();
        let mut new_paras: Vec<String> = paras.iter().map(|p| p.to_string()).collect();
        new_paras[aurus] = new_paras[aurus].replace(
            "lors d’un échange de cadeaux",
            "pendant un échange de présents",
        );
        new_paras.remove(pungsan);
        new_paras.insert(
            1,
            "Mise à jour : cet article a été corrigé le 21 juin.".to_string(),
        );
        let (r2, report) = reanchor(&r, edited(&new_paras.join("\n\n")));

        let outcome = |needle: &str| {
            let id = r
                .claims
                .iter()
                .find(|c| c.text().contains(needle))
                .unwrap()
                .id;
            report
                .outcomes
                .iter()
                .find(|(i, _)| *i == id)
                .unwrap()
                .1
                .clone()
        };
        assert!(matches!(outcome("1961"), Outcome::Moved { .. }));
        match outcome("Mercredi, Poutine a offert") {
            Outcome::Edited {
                new, similarity, ..
            } => {
                assert!(new.contains("pendant un échange de présents"));
                assert!(similarity >= MIN_SIMILARITY);
            }
            o => panic!("{o:?}"),
        }
        assert_eq!(outcome("Pungsan"), Outcome::Orphaned);
        let orphan = r2
            .orphans
            .iter()
            .find(|c| c.text().contains("Pungsan"))
            .unwrap();
        assert_eq!(
            orphan.verdict,
            r.claims
                .iter()
                .find(|c| c.text().contains("Pungsan"))
                .unwrap()
                .verdict
        );
        // Verdicts and notes travel with the claims; every claim points at its own text.
        let disputed = r.claims[3].id;
        assert_eq!(r2.claim(disputed).unwrap().note, "à vérifier");
        for c in &r2.claims {
            assert_eq!(
                &r2.article.text[c.position.start..c.position.end],
                c.quote.exact
            );
        }
        assert_eq!(r2.claims.len() + r2.orphans.len(), r.claims.len());
        let edited_claim = r2.claims.iter().find(|c| c.previous.is_some()).unwrap();
        assert!(
            edited_claim
                .previous
                .as_deref()
                .unwrap()
                .contains("lors d’un échange de cadeaux")
        );
    }

    #[test]
    fn repeated_quote_prefers_the_matching_context() {
        let text = "Le taux est de 5 %. Il a baissé.\n\nAilleurs, le taux est de 5 %. Il a baissé.";
        let a = edited(text);
        let mut r = Review::new(a.clone(), &[]);
        // Anchor a claim on the second "Il a baissé." by hand.
        let second = text.rfind("Il a baissé.").unwrap();
        let mut c = reviewed().claims[0].clone();
        c.id = 99;
        c.position = TextPosition {
            start: second,
            end: second + "Il a baissé.".len(),
        };
        c.quote = TextQuote::from_text(&a.text, c.position.start, c.position.end);
        r.claims = vec![c];
        // Text inserted at the top: the position no longer matches, the context does.
        let (r2, report) = reanchor(&r, edited(&format!("Titre\n\n{text}")));
        assert!(matches!(report.outcomes[0].1, Outcome::Moved { .. }));
        let p = r2.claims[0].position;
        assert!(r2.article.text[..p.start].ends_with("Ailleurs, le taux est de 5 %. "));
    }
}
