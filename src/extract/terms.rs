//! Word features for check-worthiness: the lower-cased words of a sentence and its pairs of
//! adjacent words ("percent", "voted", "i think", "thank you"), each one a feature whose learned
//! weight is shown to the reviewer as a reason ("words: 'percent', 'voted'").
//!
//! One pass over the lower-cased sentence, no allocation per word: each word is hashed as it is
//! read, and a pair's key combines its two words' hashes. The model's terms are hashed the same
//! way when it is loaded, so a lookup is one probe in a hash map keyed by the hash.
//!
//! A word is a run of letters and digits, with an apostrophe inside it kept ("don't", "l'état";
//! ’ reads as '). A word with a digit in it reads as `#` ("1961", "3.5" is "# #"). The first word
//! also forms a pair with the start of the sentence, written `<s>` ("<s> thank").

use crate::text::is_alphanumeric;
use std::collections::HashMap;
use std::hash::{BuildHasherDefault, Hasher};

/// The start of the sentence, as the first element of a pair.
pub const START: &str = "<s>";
/// Any word with a digit in it.
pub const NUMBER: &str = "#";

const FNV_OFFSET: u64 = 0xcbf2_9ce4_8422_2325;
const FNV_PRIME: u64 = 0x0000_0100_0000_01b3;

fn fnv(mut h: u64, bytes: &[u8]) -> u64 {
    for b in bytes {
        h ^= u64::from(*b);
        h = h.wrapping_mul(FNV_PRIME);
    }
    h
}

/// Spreads the bits of a word's hash (the map uses the key as its own hash).
fn mix(mut x: u64) -> u64 {
    x ^= x >> 30;
    x = x.wrapping_mul(0xbf58_476d_1ce4_e5b9);
    x ^= x >> 27;
    x = x.wrapping_mul(0x94d0_49bb_1331_11eb);
    x ^ (x >> 31)
}

fn unigram_key(word: u64) -> u64 {
    mix(word)
}

fn bigram_key(first: u64, second: u64) -> u64 {
    mix(first.wrapping_mul(0x9e37_79b9_7f4a_7c15).rotate_left(23) ^ second ^ 0x5bd1_e995)
}

/// The key of a term as the model file writes it: a word ("percent", "#") or two words separated
/// by one space ("thank you", "<s> well").
pub fn term_key(term: &str) -> u64 {
    match term.split_once(' ') {
        Some((a, b)) => bigram_key(fnv(FNV_OFFSET, a.as_bytes()), fnv(FNV_OFFSET, b.as_bytes())),
        None => unigram_key(fnv(FNV_OFFSET, term.as_bytes())),
    }
}

/// Calls `f` with the byte range of each word of `lower` and the hash of the word as read
/// (a word with a digit hashes as `#`).
fn for_each_word(lower: &str, mut f: impl FnMut(usize, usize, u64)) {
    let number = fnv(FNV_OFFSET, NUMBER.as_bytes());
    let mut buf = [0u8; 4];
    // The word being read: where it starts and ends, its hash, whether it has a digit.
    let mut word: Option<(usize, usize, u64, bool)> = None;
    // A ' or ’ just after the word: part of it if a letter or digit follows.
    let mut apostrophe = false;
    for (at, c) in lower.char_indices() {
        if is_alphanumeric(c) {
            let (_, end, hash, digit) = word.get_or_insert((at, at, FNV_OFFSET, false));
            if std::mem::take(&mut apostrophe) {
                *hash = fnv(*hash, b"'");
            }
            *hash = fnv(*hash, c.encode_utf8(&mut buf).as_bytes());
            *digit |= c.is_numeric();
            *end = at + c.len_utf8();
        } else if (c == '\'' || c == '’') && word.is_some() && !apostrophe {
            apostrophe = true;
        } else {
            apostrophe = false;
            if let Some((start, end, hash, digit)) = word.take() {
                f(start, end, if digit { number } else { hash });
            }
        }
    }
    if let Some((start, end, hash, digit)) = word {
        f(start, end, if digit { number } else { hash });
    }
}

/// Calls `f` with the key of every word and pair of adjacent words of `lower` (a lower-cased
/// sentence), in text order, repeats included.
pub fn for_each_key(lower: &str, f: impl FnMut(u64)) {
    for_each_key_in_words(&[lower], f)
}

/// `for_each_key` over a sentence already split into words at the characters that are neither
/// letters, digits, apostrophes nor hyphens (the words `score` reads): a term's word never spans
/// two of them, so the keys are those of the whole lower-cased sentence.
pub fn for_each_key_in_words(words: &[&str], mut f: impl FnMut(u64)) {
    let mut prev = fnv(FNV_OFFSET, START.as_bytes());
    let mut key = |h: u64| {
        f(unigram_key(h));
        f(bigram_key(prev, h));
        prev = h;
    };
    for w in words {
        for_each_word(w, |_, _, h| key(h));
    }
}

/// The terms of `lower` as the model file writes them, each once, in text order (for training
/// and inspection: `claimdesk features` prints them as `w:<term>`).
pub fn terms(lower: &str) -> Vec<String> {
    terms_of_words(&[lower])
}

/// `terms` over a sentence already split into words, as `for_each_key_in_words` takes it.
pub fn terms_of_words(split: &[&str]) -> Vec<String> {
    let mut words: Vec<String> = Vec::new();
    for lower in split {
        for_each_word(lower, |s, e, _| {
            let w = &lower[s..e];
            words.push(if w.chars().any(char::is_numeric) {
                NUMBER.to_string()
            } else {
                w.replace('’', "'")
            });
        });
    }
    let mut out: Vec<String> = Vec::with_capacity(words.len() * 2);
    let mut prev = START;
    for w in &words {
        out.push(w.clone());
        out.push(format!("{prev} {w}"));
        prev = w;
    }
    let mut seen = std::collections::HashSet::new();
    out.retain(|t| seen.insert(t.clone()));
    out
}

/// How a term reads in a reason: `'percent'`, `'thank you'`, `'N percent'` (N: a number),
/// `a number`, `'well' at the start`.
pub fn display(term: &str) -> String {
    let mut out = String::new();
    display_into(term, &mut out);
    out
}

/// `display`, written at the end of `out`.
pub fn display_into(term: &str, out: &mut String) {
    if term == NUMBER {
        out.push_str("a number");
        return;
    }
    out.push('\'');
    for (i, w) in term.split(' ').filter(|w| *w != START).enumerate() {
        if i > 0 {
            out.push(' ');
        }
        out.push_str(if w == NUMBER { "N" } else { w });
    }
    out.push('\'');
    if term.starts_with(START) {
        out.push_str(" at the start");
    }
}

/// The map's hasher: keys are already well-mixed hashes, so the key is its own hash.
#[derive(Default)]
pub struct KeyHasher(u64);

impl Hasher for KeyHasher {
    fn finish(&self) -> u64 {
        self.0
    }

    fn write(&mut self, bytes: &[u8]) {
        // Only u64 keys are hashed; fold anything else in FNV style.
        self.0 = fnv(self.0 ^ FNV_OFFSET, bytes);
    }

    fn write_u64(&mut self, n: u64) {
        self.0 = n;
    }
}

/// Term weights: key → (weight, index of the term's text, for reasons).
#[derive(Debug, Default)]
pub struct TermWeights {
    by_key: HashMap<u64, (f32, u32), BuildHasherDefault<KeyHasher>>,
    names: Vec<String>,
}

/// One term found in a sentence and its contribution to the score.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Hit {
    pub weight: f32,
    index: u32,
}

impl TermWeights {
    pub fn new(weights: impl IntoIterator<Item = (String, f32)>) -> Self {
        let mut t = TermWeights::default();
        for (name, w) in weights {
            t.by_key.insert(term_key(&name), (w, t.names.len() as u32));
            t.names.push(name);
        }
        t
    }

    pub fn len(&self) -> usize {
        self.names.len()
    }

    pub fn is_empty(&self) -> bool {
        self.names.is_empty()
    }

    /// The weight of a term written as in the model file, 0 if unknown.
    pub fn weight(&self, term: &str) -> f32 {
        self.by_key.get(&term_key(term)).map_or(0.0, |e| e.0)
    }

    /// The text of a hit's term, as in the model file.
    pub fn name(&self, hit: &Hit) -> &str {
        &self.names[hit.index as usize]
    }

    /// The terms of `lower` that carry a weight, each once (a term counts once per sentence,
    /// as in training), in text order of their first occurrence.
    pub fn hits(&self, lower: &str) -> Vec<Hit> {
        self.hits_in_words(&[lower])
    }

    /// `hits` over a sentence already split into words, as `for_each_key_in_words` takes it.
    pub fn hits_in_words(&self, words: &[&str]) -> Vec<Hit> {
        // At most two terms a word: one allocation.
        let mut out: Vec<Hit> = Vec::with_capacity(2 * words.len());
        for_each_key_in_words(words, |k| {
            if let Some(&(weight, index)) = self.by_key.get(&k)
                && !out.iter().any(|h| h.index == index)
            {
                out.push(Hit { weight, index });
            }
        });
        out
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn words_pairs_numbers_and_apostrophes() {
        let t = terms("we don’t pay 3.5 percent, they'd say 'no'.");
        for want in [
            "<s> we",
            "we",
            "don't",
            "we don't",
            "#",
            "pay #",
            "# #",
            "# percent",
            "they'd",
            "say no",
            "no",
        ] {
            assert!(t.contains(&want.to_string()), "{want} missing from {t:?}");
        }
        assert!(
            !t.iter().any(|x| x.contains('3') || x.contains('’')),
            "{t:?}"
        );
        // Each term once.
        let mut sorted = t.clone();
        sorted.sort();
        sorted.dedup();
        assert_eq!(sorted.len(), t.len());
    }

    #[test]
    fn streamed_keys_are_the_keys_of_the_written_terms() {
        for s in [
            "the unemployment rate fell to 3.5% in 2019, l’état a dit « non ».",
            "i think ... thank you! — 'quoted' words' ends",
            "été 2024 : 12 000 emplois créés",
        ] {
            let mut streamed: Vec<u64> = Vec::new();
            for_each_key(s, |k| streamed.push(k));
            let mut written: Vec<u64> = terms(s).iter().map(|t| term_key(t)).collect();
            streamed.sort_unstable();
            streamed.dedup();
            written.sort_unstable();
            assert_eq!(streamed, written, "{s}");
        }
    }

    #[test]
    fn weights_are_found_once_per_sentence() {
        let w = TermWeights::new([
            ("percent".to_string(), 1.5),
            ("thank you".to_string(), -2.0),
            ("<s> well".to_string(), -0.5),
        ]);
        assert_eq!(w.len(), 3);
        assert_eq!(w.weight("thank you"), -2.0);
        assert_eq!(w.weight("thank"), 0.0);
        let hits = w.hits("well, thank you. thank you: 4 percent");
        let names: Vec<&str> = hits.iter().map(|h| w.name(h)).collect();
        assert_eq!(names, ["<s> well", "thank you", "percent"]);
        assert!(w.hits("you thank nobody").is_empty());
    }

    #[test]
    fn terms_read_plainly_in_reasons() {
        assert_eq!(display("percent"), "'percent'");
        assert_eq!(display("# percent"), "'N percent'");
        assert_eq!(display("#"), "a number");
        assert_eq!(display("<s> well"), "'well' at the start");
    }
}
