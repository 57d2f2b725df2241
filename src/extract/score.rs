//! Check-worthiness: a logistic model over named, explainable features. Every feature that fires
//! and carries weight becomes a reason shown to the reviewer ("number", "attribution: selon",
//! "economy: taxes", "question", …), strongest first.
//!
//! The weights are in `assets/models/checkworthy.json`, fitted by `tools/train_checkworthy.py` on
//! English sentences (the file says on what, when, and with which settings). The features read a
//! sentence through its language's lexicon, so the same weights serve every bundled language.
//! English sentences are scored by a second model that also reads their words and pairs of
//! words (`terms`).
//!
//! A sentence is read once: lower-cased once, split into words once (the named features and the
//! terms read the same words), and matched against every phrase list of the lexicon in one pass
//! (`lexicon::Matcher`). Features that fire are kept as small ids; their names and reason strings
//! are made only when they are shown.

use super::lexicon::{self, Lexicon, List};
use super::terms::{self, TermWeights};
use rustc_hash::FxHashMap;
use serde::Deserialize;
use std::ops::Range;
use std::sync::OnceLock;

/// Default threshold: a sentence scoring at least this is offered as a claim. The model's bias
/// is shifted when it is trained so that the operating point chosen on development data is 0.5.
pub const DEFAULT_THRESHOLD: f32 = 0.5;

#[derive(Debug, Deserialize)]
struct ModelFile {
    bias: f32,
    weights: FxHashMap<String, f32>,
    #[serde(default)]
    lexical: Option<LexicalFile>,
}

/// The model with word features, for the languages its term weights were fitted on.
#[derive(Debug, Deserialize)]
struct LexicalFile {
    languages: Vec<String>,
    bias: f32,
    weights: FxHashMap<String, f32>,
    terms: FxHashMap<String, f32>,
}

/// One logistic model: a bias, weights by feature name, and, for a language with word features,
/// weights by term (see `terms`).
#[derive(Debug)]
pub struct Weights {
    bias: f32,
    named: FxHashMap<String, f32>,
    /// The weights of `FIXED`, in its order.
    fixed: [f32; FIXED.len()],
    /// The weights of the cue features, by cue name ("economy" for `cue:economy`).
    cues: FxHashMap<String, f32>,
    /// The same weights in the order of each bundled lexicon's cues (`Cues::names`), made on
    /// first use: a weight is then read without hashing the cue's name.
    by_lexicon: [OnceLock<Vec<f32>>; lexicon::BUNDLED_COUNT],
    terms: Option<TermWeights>,
}

impl Weights {
    fn new(bias: f32, named: FxHashMap<String, f32>, terms: Option<TermWeights>) -> Weights {
        let weight = |name: &str| named.get(name).copied().unwrap_or(0.0);
        Weights {
            bias,
            fixed: FIXED.map(weight),
            cues: named
                .iter()
                .filter_map(|(k, w)| Some((k.strip_prefix("cue:")?.to_string(), *w)))
                .collect(),
            named,
            terms,
            by_lexicon: [const { OnceLock::new() }; lexicon::BUNDLED_COUNT],
        }
    }

    /// A named feature's weight; a feature the model does not know weighs nothing.
    pub fn weight(&self, feature: &str) -> f32 {
        self.named.get(feature).copied().unwrap_or(0.0)
    }

    /// The term weights, when this model reads words.
    pub fn terms(&self) -> Option<&TermWeights> {
        self.terms.as_ref()
    }

    fn weight_of(&self, id: Fid, lex: &Lexicon) -> f32 {
        match id.cue() {
            Some(i) => self.by_lexicon[lex.index].get_or_init(|| {
                let weight = |name: &String| self.cues.get(name).copied().unwrap_or(0.0);
                lex.cues.names.iter().map(weight).collect()
            })[i],
            None => self.fixed[id.0 as usize],
        }
    }
}

/// The fitted weights: the named-feature model, which serves every language through its
/// lexicon, and the model that also reads words, for the languages it was fitted on (English).
#[derive(Debug)]
pub struct Model {
    named_only: Weights,
    lexical: Option<(Vec<String>, Weights)>,
}

impl Model {
    /// A named feature's weight in the model that serves every language.
    pub fn weight(&self, feature: &str) -> f32 {
        self.named_only.weight(feature)
    }

    /// The model that scores sentences of language `lang` (an ISO 639-1 code).
    pub fn for_language(&self, lang: &str) -> &Weights {
        match &self.lexical {
            Some((langs, w)) if langs.iter().any(|l| l == lang) => w,
            _ => &self.named_only,
        }
    }
}

impl Model {
    /// Reads a model file (the format `tools/train_checkworthy.py` writes).
    pub fn parse(json: &str) -> Result<Model, serde_json::Error> {
        let f: ModelFile = serde_json::from_str(json)?;
        Ok(Model {
            named_only: Weights::new(f.bias, f.weights, None),
            lexical: f.lexical.map(|l| {
                (
                    l.languages,
                    Weights::new(l.bias, l.weights, Some(TermWeights::new(l.terms))),
                )
            }),
        })
    }
}

/// The bundled model file (`assets/models/checkworthy.json`), compiled in.
pub const MODEL_JSON: &str = include_str!("../../assets/models/checkworthy.json");

/// The bundled model, parsed on first use.
pub fn model() -> &'static Model {
    MODEL.get_or_init(|| {
        // Compiled in; a broken file is a build defect that the tests catch.
        Model::parse(MODEL_JSON)
            .unwrap_or_else(|e| panic!("assets/models/checkworthy.json is invalid: {e}"))
    })
}

static MODEL: OnceLock<Model> = OnceLock::new();

/// Whether `model` is loaded.
pub fn model_loaded() -> bool {
    MODEL.get().is_some()
}

/// Full Fact's claim types, as used in reports: quantity, correlation or causation, law or
/// rule, prediction, personal experience, quote or attribution, event, other.
pub const KINDS: &[&str] = &[
    "quantity",
    "causation",
    "law",
    "prediction",
    "personal",
    "quote",
    "event",
    "other",
];

/// A sentence's check-worthiness and why.
#[derive(Debug, Clone, PartialEq)]
pub struct Scored {
    pub score: f32,
    pub reasons: Reasons,
    /// Claim type: one of `KINDS`.
    pub kind: &'static str,
    /// Why that type: "number: 24", "causal: because", "attribution: selon".
    pub kind_reason: String,
    /// Who makes the claim, when the sentence says so ("selon X", "X said").
    pub claimant: Option<String>,
}

/// The reasons for a score ("number", "attribution: said"), strongest first, in one buffer: an
/// English claim has a dozen, and one `String` each was a third of the memory an extraction
/// touches (each page of it faulted in) and a tenth of its allocations.
#[derive(Clone, Default, PartialEq, Eq)]
pub struct Reasons {
    /// The reasons one after the other: reason `i` ends at `ends[i]`.
    text: String,
    ends: Vec<u32>,
}

impl Reasons {
    /// No reasons, with room for `n` of `bytes` bytes in all.
    pub fn with_capacity(n: usize, bytes: usize) -> Self {
        Reasons {
            text: String::with_capacity(bytes),
            ends: Vec::with_capacity(n),
        }
    }

    /// Adds `reason` last.
    pub fn push(&mut self, reason: &str) {
        self.text.push_str(reason);
        self.ends.push(self.text.len() as u32);
    }

    pub fn len(&self) -> usize {
        self.ends.len()
    }

    pub fn is_empty(&self) -> bool {
        self.ends.is_empty()
    }

    /// Reason `i`, if there are that many.
    pub fn get(&self, i: usize) -> Option<&str> {
        let end = *self.ends.get(i)? as usize;
        let start = i.checked_sub(1).map_or(0, |p| self.ends[p] as usize);
        Some(&self.text[start..end])
    }

    /// The reasons in order.
    pub fn iter(&self) -> impl ExactSizeIterator<Item = &str> + '_ {
        (0..self.len()).map(|i| self.get(i).unwrap_or_default())
    }

    pub fn contains(&self, reason: &str) -> bool {
        let mut start = 0;
        for &end in &self.ends {
            let end = end as usize;
            if end - start == reason.len() && self.text.as_bytes()[start..end] == *reason.as_bytes()
            {
                return true;
            }
            start = end;
        }
        false
    }

    /// The reasons joined by `sep` ("number, date").
    pub fn join(&self, sep: &str) -> String {
        self.iter().collect::<Vec<_>>().join(sep)
    }

    /// One `String` per reason (as a review's claim keeps them).
    pub fn to_vec(&self) -> Vec<String> {
        self.iter().map(str::to_string).collect()
    }
}

impl std::fmt::Debug for Reasons {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_list().entries(self.iter()).finish()
    }
}

impl<S: AsRef<str>> FromIterator<S> for Reasons {
    fn from_iter<I: IntoIterator<Item = S>>(iter: I) -> Self {
        let mut reasons = Reasons::default();
        for r in iter {
            reasons.push(r.as_ref());
        }
        reasons
    }
}

impl serde::Serialize for Reasons {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.collect_seq(self.iter())
    }
}

/// One feature that fired: its name in the model, its value, and the reason shown for it.
#[derive(Debug, Clone, PartialEq)]
pub struct Feature {
    pub name: String,
    pub value: f32,
    pub reason: Option<String>,
}

/// The features that are not cues, by name, in the order they are computed (and summed).
const FIXED: [&str; 26] = [
    "number",
    "numbers_2plus",
    "number_word",
    "money_or_percent",
    "year",
    "date",
    "event",
    "attribution",
    "quote",
    "entity_1",
    "entity_2plus",
    "comparison",
    "causal",
    "prediction",
    "law",
    "question",
    "opinion",
    "hedge",
    "first_person",
    "greeting",
    "boilerplate",
    "len_1_4",
    "len_5_9",
    "len_10_19",
    "len_20_34",
    "len_35_plus",
];

/// A feature that fired: an index into `FIXED`, or `FIXED.len()` + the index of a cue.
#[derive(Debug, Clone, Copy, PartialEq)]
struct Fid(u16);

impl Fid {
    /// The fixed feature `name` (a name of `FIXED`; checked by the tests).
    const fn named(name: &str) -> Fid {
        let mut i = 0;
        while i < FIXED.len() {
            if FIXED[i].len() == name.len() && const_eq(FIXED[i].as_bytes(), name.as_bytes()) {
                return Fid(i as u16);
            }
            i += 1;
        }
        panic!("not a feature name")
    }

    fn cue(self) -> Option<usize> {
        (self.0 as usize).checked_sub(FIXED.len())
    }
}

const fn const_eq(a: &[u8], b: &[u8]) -> bool {
    let mut i = 0;
    while i < a.len() {
        if a[i] != b[i] {
            return false;
        }
        i += 1;
    }
    true
}

const NUMBER: Fid = Fid::named("number");
const NUMBERS_2PLUS: Fid = Fid::named("numbers_2plus");
const NUMBER_WORD: Fid = Fid::named("number_word");
const MONEY_OR_PERCENT: Fid = Fid::named("money_or_percent");
const YEAR: Fid = Fid::named("year");
const DATE: Fid = Fid::named("date");
const EVENT: Fid = Fid::named("event");
const ATTRIBUTION: Fid = Fid::named("attribution");
const QUOTE: Fid = Fid::named("quote");
const ENTITY_1: Fid = Fid::named("entity_1");
const ENTITY_2PLUS: Fid = Fid::named("entity_2plus");
const COMPARISON: Fid = Fid::named("comparison");
const CAUSAL: Fid = Fid::named("causal");
const PREDICTION: Fid = Fid::named("prediction");
const LAW: Fid = Fid::named("law");
const QUESTION: Fid = Fid::named("question");
const OPINION: Fid = Fid::named("opinion");
const HEDGE: Fid = Fid::named("hedge");
const FIRST_PERSON: Fid = Fid::named("first_person");
const GREETING: Fid = Fid::named("greeting");
const BOILERPLATE: Fid = Fid::named("boilerplate");
const LEN_1_4: Fid = Fid::named("len_1_4");

/// The words of `s`: its runs of letters, digits, apostrophes (' and ’) and hyphens.
fn words(s: &str) -> Words<'_> {
    Words { s, at: 0 }
}

/// The iterator of `words`: ASCII is read byte by byte, other characters decoded.
struct Words<'s> {
    s: &'s str,
    at: usize,
}

/// ASCII bytes that are word characters in `words`.
const ASCII_WORD: [bool; 128] = {
    let mut t = [false; 128];
    let mut b = 0;
    while b < 128 {
        t[b] = (b as u8).is_ascii_alphanumeric() || b == b'\'' as usize || b == b'-' as usize;
        b += 1;
    }
    t
};

impl<'s> Words<'s> {
    /// Whether the non-ASCII character at byte `i` is a word character, and its length: the
    /// Latin-1 letters (U+00C0…U+00FF but × and ÷, lead byte C3) and `’` told by their bytes,
    /// the others decoded.
    #[inline]
    fn wide(&self, i: usize) -> (bool, usize) {
        let b = self.s.as_bytes();
        match (b[i], b.get(i + 1).copied()) {
            (0xc3, Some(next)) => (next != 0x97 && next != 0xb7, 2),
            (0xe2, Some(0x80)) if b.get(i + 2) == Some(&0x99) => (true, 3),
            _ => self.decoded(i),
        }
    }

    #[inline(never)]
    fn decoded(&self, i: usize) -> (bool, usize) {
        let c = self.s[i..].chars().next().unwrap_or(' ');
        (crate::text::is_alphanumeric(c) || c == '’', c.len_utf8())
    }
}

impl<'s> Iterator for Words<'s> {
    type Item = &'s str;

    #[inline]
    fn next(&mut self) -> Option<&'s str> {
        let bytes = self.s.as_bytes();
        let mut i = self.at;
        loop {
            let Some(&b) = bytes.get(i) else {
                self.at = bytes.len();
                return None;
            };
            if b < 0x80 {
                if ASCII_WORD[b as usize] {
                    break;
                }
                i += 1;
            } else {
                let (word, n) = self.wide(i);
                if word {
                    break;
                }
                i += n;
            }
        }
        let start = i;
        while let Some(&b) = bytes.get(i) {
            if b < 0x80 {
                if !ASCII_WORD[b as usize] {
                    break;
                }
                i += 1;
            } else {
                let (word, n) = self.wide(i);
                if !word {
                    break;
                }
                i += n;
            }
        }
        self.at = i;
        Some(&self.s[start..i])
    }
}

fn is_year(w: &str) -> bool {
    w.len() == 4
        && w.bytes().all(|b| b.is_ascii_digit())
        && (w.starts_with("1") || w.starts_with("20"))
}

/// Whether `w`, after an auxiliary, makes a past event ("was elected", "a signé").
fn is_participle(w: &str, lex: &Lexicon) -> bool {
    w.chars().nth(3).is_some()
        && lex
            .participle_suffixes
            .iter()
            .any(|s| w.ends_with(s.as_str()))
}

/// What the word lists say of a sentence's words, each looked up once.
struct WordsRead<'a> {
    /// A completed action in the past, the first auxiliary followed by a participle: "ont
    /// signé", "a atterri", "has doubled", "were killed".
    event: Option<String>,
    first_person: bool,
    /// Every word is a share-button word (true for no words).
    all_share: bool,
    /// Per cue, the first word entry of it met (as listed), in text order.
    cues: Vec<Option<&'a str>>,
}

fn read_words<'a>(ws: &[&str], lex: &'a Lexicon) -> WordsRead<'a> {
    let mut read = WordsRead {
        event: None,
        first_person: false,
        all_share: true,
        // Not `vec![None; n]`: a zeroed allocation is glibc's `calloc`, which skips the
        // per-thread cache of small blocks (three times the instructions of `malloc` here).
        cues: {
            let n = lex.cues.names.len();
            let mut cues = Vec::with_capacity(n);
            cues.resize(n, None);
            cues
        },
    };
    let mut auxiliary: Option<&str> = None;
    for &w in ws {
        if let Some(aux) = auxiliary.take()
            && read.event.is_none()
            && is_participle(w, lex)
        {
            read.event = Some(format!("{aux} {w}"));
        }
        let Some(facts) = lex.word(w) else {
            read.all_share = false;
            continue;
        };
        if let Some(entry) = facts.cue {
            let (entry, cues) = lex.cues.word(entry);
            for &i in cues {
                read.cues[i].get_or_insert(entry);
            }
        }
        read.first_person |= facts.first_person;
        read.all_share &= facts.share;
        if facts.auxiliary {
            auxiliary = Some(w);
        }
    }
    read
}

/// Runs of capitalised words that are not at the sentence start and not function words.
/// Punctuation ends a run: "Corée du Nord, Poutine" is two entities.
pub(crate) fn named_entities(sentence: &str, lex: &Lexicon) -> Vec<String> {
    entities_of_words(sentence, words(sentence), lex)
}

/// `named_entities` of a sentence given its `words`.
fn entities_of_words<'s>(
    sentence: &'s str,
    words: impl Iterator<Item = &'s str>,
    lex: &Lexicon,
) -> Vec<String> {
    let mut out: Vec<String> = Vec::new();
    let mut current: Vec<&str> = Vec::new();
    let mut first = true;
    // One pass over the words; punctuation between two words ends a run.
    let mut prev_end = 0;
    for w in words {
        let start = w.as_ptr() as usize - sentence.as_ptr() as usize;
        let separated = breaks_entity(&sentence[prev_end..start]);
        entity_word(w, separated, &mut first, &mut current, &mut out, lex);
        prev_end = start + w.len();
    }
    flush_entity(&mut current, &mut out, &LINKERS);
    out.dedup();
    out
}

/// Punctuation that ends a run of capitalised words.
const ENTITY_BREAKS: [char; 15] = [
    ',', ';', ':', '(', ')', '«', '»', '–', '—', '"', '“', '”', '.', '!', '?',
];

/// The ASCII characters of `ENTITY_BREAKS`, by byte.
const ASCII_BREAKS: [bool; 128] = {
    let mut t = [false; 128];
    let mut i = 0;
    while i < ENTITY_BREAKS.len() {
        let c = ENTITY_BREAKS[i] as u32;
        if c < 128 {
            t[c as usize] = true;
        }
        i += 1;
    }
    t
};

/// Whether the text between two words holds one of `ENTITY_BREAKS` (bytes looked up; other
/// characters decoded only in a gap that has some).
fn breaks_entity(gap: &str) -> bool {
    gap.bytes().any(|b| b < 0x80 && ASCII_BREAKS[b as usize])
        || (!gap.is_ascii() && gap.contains(ENTITY_BREAKS))
}

/// Whether the word starts with an upper-case letter (ASCII answered without the tables).
fn starts_upper(w: &str) -> bool {
    match w.as_bytes().first() {
        Some(&b) if b < 0x80 => b.is_ascii_uppercase(),
        Some(_) => w.chars().next().is_some_and(char::is_uppercase),
        None => false,
    }
}

/// `w.split_once(['\'', '’'])`, found by bytes.
fn split_apostrophe(w: &str) -> Option<(&str, &str)> {
    let b = w.as_bytes();
    let at = b.iter().enumerate().position(|(i, &x)| {
        x == b'\'' || (x == 0xe2 && b.get(i + 1) == Some(&0x80) && b.get(i + 2) == Some(&0x99))
    })?;
    let len = if b[at] == b'\'' { 1 } else { 3 };
    Some((&w[..at], &w[at + len..]))
}

/// One word of `named_entities`: it begins or continues a run, or ends one.
fn entity_word<'s>(
    w: &'s str,
    separated: bool,
    first: &mut bool,
    current: &mut Vec<&'s str>,
    out: &mut Vec<String>,
    lex: &Lexicon,
) {
    if separated {
        flush_entity(current, out, &LINKERS);
    }
    // "l’Ukraine", "d’Aurus": the capitalised word after an elided article.
    let core = match split_apostrophe(w) {
        Some((art, rest)) if art.chars().count() <= 2 && !rest.is_empty() => rest,
        _ => w,
    };
    let cap = starts_upper(core);
    // A capitalised function word continues a name already begun ("Kim Jong Un").
    let is_entity = cap
        && !*first
        && core.chars().nth(1).is_some()
        && (!current.is_empty() || !lex.stopwords_capitalised.contains(core));
    *first = false;
    if is_entity {
        current.push(core);
    } else if !current.is_empty() && LINKERS.contains(&w) {
        current.push(w);
    } else {
        flush_entity(current, out, &LINKERS);
    }
}

/// Words that join the parts of a name ("Corée du Nord", "Bank of England").
const LINKERS: [&str; 11] = [
    "de", "du", "des", "la", "le", "of", "the", "von", "van", "al", "bin",
];

#[inline]
fn flush_entity(current: &mut Vec<&str>, out: &mut Vec<String>, linkers: &[&str]) {
    // Most words end no run.
    if !current.is_empty() {
        flush_run(current, out, linkers);
    }
}

fn flush_run(current: &mut Vec<&str>, out: &mut Vec<String>, linkers: &[&str]) {
    while current.last().is_some_and(|l| linkers.contains(l)) {
        current.pop();
    }
    if !current.is_empty() {
        out.push(current.join(" "));
    }
    current.clear();
}

/// "les médias d’État russes" → "médias d’État russes", "the ministry" → "ministry".
fn strip_determiner<'a>(phrase: &'a str, lex: &Lexicon) -> &'a str {
    let lower = phrase.to_lowercase().replace('’', "'");
    for d in &lex.determiners {
        let elided = d.ends_with('\'');
        if lower.starts_with(d.as_str())
            && (elided || lower[d.len()..].starts_with(' '))
            && lower.len() > d.len() + 1
        {
            // Same byte length up to here except for ’ (3 bytes) vs ' (1): find by chars.
            let n = d.chars().count();
            let cut = phrase
                .char_indices()
                .nth(n)
                .map_or(phrase.len(), |(b, _)| b);
            return phrase[cut..].trim_start();
        }
    }
    phrase
}

/// The claimant named by an attribution: "selon Youri Ouchakov", "according to the ministry",
/// "Kim a exprimé", "Smith said". `attributions` are the attribution phrases found in the
/// lower-cased sentence, with their offsets there.
fn claimant(sentence: &str, attributions: &[(&str, usize)], lex: &Lexicon) -> Option<String> {
    // An offset in the lower-cased sentence is one in the sentence unless a character before it
    // lower-cases to another number of bytes (the Kelvin sign to k, İ to i̇, Ⱥ to ⱥ).
    // (Read only when there is an attribution: most claims have none.)
    let aligned = std::cell::OnceCell::new();
    let original = |at: usize, round_up: bool| {
        let aligned = *aligned.get_or_init(|| {
            sentence.is_ascii()
                || sentence
                    .chars()
                    .all(|c| c.is_ascii() || lowercase_len(c) == c.len_utf8())
        });
        if aligned {
            at
        } else {
            offset_before_lowercasing(sentence, at, round_up)
        }
    };
    for &(p, at) in attributions {
        let leading = ["selon", "d'après", "d’après", "according to"].contains(&p);
        let (at, end) = (original(at, false), original(at + p.len(), true));
        if leading {
            let after = &sentence[end..];
            let mut first = [""; 6];
            let mut n = 0;
            let words = after
                .split([',', '.', ';', ':', '–', '—', '(', '«', '»'])
                .next()
                .unwrap_or("")
                .split_whitespace();
            for (slot, w) in first.iter_mut().zip(words) {
                *slot = w;
                n += 1;
            }
            let phrase = join_words(&first[..n]);
            let phrase = strip_determiner(&phrase, lex);
            if !phrase.is_empty() {
                return Some(phrase.to_string());
            }
        } else {
            // The capitalised run just before the verb: "Kim Jong Un a déclaré", "Smith said",
            // or before a short aside between commas: "Poutine, pour sa part, a salué".
            let before = skip_aside(&sentence[..at]);
            let mut run = [""; 4];
            let mut n = 0;
            for w in before.split_whitespace().rev().take(run.len()) {
                if !w.chars().next().is_some_and(char::is_uppercase) {
                    break;
                }
                run[n] = w;
                n += 1;
            }
            run[..n].reverse();
            let name = join_words(&run[..n]);
            let name = name.trim_matches(|c: char| !c.is_alphanumeric());
            if !name.is_empty() && !lex.stopwords_capitalised.contains(name) {
                return Some(name.to_string());
            }
        }
    }
    None
}

/// `words` joined by single spaces (`[..].join(" ")` without the vector).
fn join_words(words: &[&str]) -> String {
    let mut out = String::with_capacity(words.iter().map(|w| w.len() + 1).sum());
    for (i, w) in words.iter().enumerate() {
        if i > 0 {
            out.push(' ');
        }
        out.push_str(w);
    }
    out
}

/// The number of bytes of `c` lower-cased (as `str::to_lowercase` and `text::to_lowercase` do).
fn lowercase_len(c: char) -> usize {
    c.to_lowercase().map(char::len_utf8).sum()
}

/// The byte offset in `sentence` of the byte offset `at` in `sentence` lower-cased. An offset
/// inside the lower case of one character ("i" of the "i̇" of İ) is that character's start, or its
/// end if `round_up`.
fn offset_before_lowercasing(sentence: &str, at: usize, round_up: bool) -> usize {
    let mut lower = 0;
    for (i, c) in sentence.char_indices() {
        if lower >= at {
            return i;
        }
        lower += lowercase_len(c);
        if lower > at {
            return if round_up { i + c.len_utf8() } else { i };
        }
    }
    sentence.len()
}

/// `before` without a short aside between commas at its end ("Putin, for his part, " →
/// "Putin"): at most five words, starting lower-case ("pour sa part", "quant à lui", "in turn").
fn skip_aside(before: &str) -> &str {
    let trimmed = before.trim_end();
    let Some(inner) = trimmed.strip_suffix(',') else {
        return before;
    };
    let Some(comma) = inner.rfind(',') else {
        return before;
    };
    let aside = inner[comma + 1..].trim();
    let n_words = aside.split_whitespace().count();
    if (1..=5).contains(&n_words) && aside.chars().next().is_some_and(char::is_lowercase) {
        &inner[..comma]
    } else {
        before
    }
}

/// What the features found in a sentence, kept for the reasons, the claim type and claimant.
struct Found<'a> {
    /// The features that fired, in the order of `FIXED` then of the cues.
    fired: Vec<Fid>,
    /// The phrase lists' matches in the lower-cased sentence.
    phrases: lexicon::Found,
    digit: bool,
    money_or_percent: bool,
    number_word: Option<&'a str>,
    year: bool,
    date: Option<&'a str>,
    event: Option<String>,
    attribution: Option<&'a str>,
    quoted: bool,
    entities: Vec<String>,
    comparison: Option<&'a str>,
    causal: Option<&'a str>,
    prediction: Option<&'a str>,
    law: Option<&'a str>,
    opinion: Option<&'a str>,
    hedge: Option<&'a str>,
    first_person: bool,
    /// Per cue of the lexicon, the entry that fired it.
    cues: Vec<Option<&'a str>>,
}

impl Found<'_> {
    /// The reason shown for a feature that fired, if it has one.
    fn reason(&self, id: Fid, lex: &Lexicon) -> Option<String> {
        let mut r = String::new();
        self.reason_into(id, lex, &mut r).then_some(r)
    }

    /// `reason`, written at the end of `out`: false (and nothing written) if it has none.
    fn reason_into(&self, id: Fid, lex: &Lexicon, out: &mut String) -> bool {
        let mut with = |what: &str, detail: Option<&str>| {
            let Some(detail) = detail else {
                return false;
            };
            out.push_str(what);
            out.push_str(": ");
            out.push_str(detail);
            true
        };
        if let Some(i) = id.cue() {
            return with(&lex.cues.labels[i], self.cues[i]);
        }
        let plain = match id {
            NUMBER_WORD => return with("number", self.number_word),
            DATE => return with("date", self.date),
            EVENT => return with("event", self.event.as_deref()),
            ATTRIBUTION => return with("attribution", self.attribution),
            COMPARISON => return with("comparison", self.comparison),
            CAUSAL => return with("causal", self.causal),
            PREDICTION => return with("prediction", self.prediction),
            LAW => return with("law or rule", self.law),
            OPINION => return with("opinion", self.opinion),
            HEDGE => return with("hedge", self.hedge),
            ENTITY_1 | ENTITY_2PLUS => {
                out.push_str("named entity: ");
                for (i, e) in self.entities.iter().take(3).enumerate() {
                    if i > 0 {
                        out.push_str(", ");
                    }
                    out.push_str(e);
                }
                return true;
            }
            NUMBER => "number",
            NUMBERS_2PLUS => "several numbers",
            MONEY_OR_PERCENT => "money or percentage",
            YEAR => "date",
            QUOTE => "quote",
            QUESTION => "question",
            FIRST_PERSON => "first person",
            GREETING => "greeting",
            BOILERPLATE => "boilerplate",
            LEN_1_4 => "too short",
            _ => return false,
        };
        out.push_str(plain);
        true
    }

    fn name(id: Fid, lex: &Lexicon) -> String {
        match id.cue() {
            Some(i) => format!("cue:{}", lex.cues.names[i]),
            None => FIXED[id.0 as usize].to_string(),
        }
    }
}

/// Counts of digit groups ("3.5" is one, "1961 and 2018" two), up to 3.
fn digit_groups(s: &str) -> usize {
    let mut n = 0;
    let mut in_group = false;
    let joins_digits = |b: u8| matches!(b, b'.' | b',' | b' ');
    // Sixteen bytes at a time: most have no digit, and only end a group or carry it on.
    for chunk in s.as_bytes().chunks(16) {
        if !crate::text::any_byte(chunk, |b| b.is_ascii_digit()) {
            in_group = in_group && chunk.iter().all(|&b| joins_digits(b));
            continue;
        }
        for &b in chunk {
            let d = b.is_ascii_digit();
            if d && !in_group {
                n += 1;
                if n >= 3 {
                    return n;
                }
            }
            in_group = d || (in_group && joins_digits(b));
        }
    }
    n
}

/// A sentence read once: the words of its lower-cased text, and what they tell.
struct Read<'s> {
    /// `words(sentence)` count: the same as `lower`'s unless lower-casing split a word (`İ`).
    n_words: usize,
    /// Does a word of the sentence look like a year?
    year: bool,
    words: Vec<&'s str>,
    /// Each word of `lower` is at the same bytes in the sentence (`text::lowercase_in_place`).
    in_place: bool,
}

impl<'s> Read<'s> {
    /// Splits `lower`, the lower-cased `sentence` (`text::lowercase_in_place`, whose flag is
    /// `in_place`), into words.
    fn new(sentence: &str, lower: &'s str, in_place: bool) -> Read<'s> {
        let mut ws: Vec<&str> = Vec::with_capacity(lower.len() / 4 + 1);
        ws.extend(words(lower));
        // Lower-casing maps each char to one char of the same kind (letter, digit, punctuation),
        // so the words of `lower` are those of the sentence, except where `İ` becomes "i" + a dot.
        let (n_words, year) = if crate::text::has_wide_char(sentence, 'İ') {
            (words(sentence).count(), words(sentence).any(is_year))
        } else {
            (ws.len(), ws.iter().any(|w| is_year(w)))
        };
        Read {
            n_words,
            year,
            words: ws,
            in_place,
        }
    }

    /// The sentence's own words (as `words(sentence)` splits it), from those of `lower` where
    /// they are at the same bytes.
    fn own_words<'t>(
        &self,
        sentence: &'t str,
        lower: &str,
    ) -> Option<impl Iterator<Item = &'t str>> {
        (self.in_place && lower.len() == sentence.len()).then(|| {
            let base = lower.as_ptr() as usize;
            self.words.iter().map(move |w| {
                let at = w.as_ptr() as usize - base;
                &sentence[at..at + w.len()]
            })
        })
    }
}

/// `found`, with `id` added to `fired` when it is there.
fn fire<'a>(fired: &mut Vec<Fid>, found: Option<&'a str>, id: Fid) -> Option<&'a str> {
    if found.is_some() {
        fired.push(id);
    }
    found
}

fn find_features<'a>(sentence: &str, lower: &str, read: &Read, lex: &'a Lexicon) -> Found<'a> {
    let matcher = lex.matcher();
    let phrases = matcher.scan(lower);
    let hit = |list: List| matcher.first_hit(&phrases, list);
    let mut fired: Vec<Fid> = Vec::with_capacity(16);
    let n_words = read.n_words;
    let ws = &read.words;

    let groups = digit_groups(sentence);
    let digit = groups > 0;
    let number_word = hit(List::NumberWords);
    if digit {
        fired.push(NUMBER);
    }
    if groups >= 2 {
        fired.push(NUMBERS_2PLUS);
    }
    if number_word.is_some() {
        fired.push(NUMBER_WORD);
    }
    let money_or_percent = memchr::memchr2(b'%', b'$', sentence.as_bytes()).is_some()
        || crate::text::has_wide_char(sentence, '€')
        || crate::text::has_wide_char(sentence, '£');
    if money_or_percent {
        fired.push(MONEY_OR_PERCENT);
    }
    let year = read.year;
    if year {
        fired.push(YEAR);
    }
    let date = fire(
        &mut fired,
        hit(List::Months).or_else(|| hit(List::Weekdays)),
        DATE,
    );
    // Word-class cues from the lexicon (entries listed with `'` for apostrophes): a word fires
    // its cues first (in text order), then the phrases (in list order).
    let WordsRead {
        event,
        first_person,
        all_share,
        mut cues,
    } = read_words(ws, lex);
    if event.is_some() {
        fired.push(EVENT);
    }
    let attribution = fire(&mut fired, hit(List::Attribution), ATTRIBUTION);
    let quoted = crate::text::has_wide_char(sentence, '«')
        || crate::text::has_wide_char(sentence, '“')
        || memchr::memchr_iter(b'"', sentence.as_bytes())
            .nth(1)
            .is_some();
    if quoted {
        fired.push(QUOTE);
    }
    let entities = match read.own_words(sentence, lower) {
        Some(ws) => entities_of_words(sentence, ws, lex),
        None => named_entities(sentence, lex),
    };
    match entities.len() {
        0 => {}
        1 => fired.push(ENTITY_1),
        _ => fired.push(ENTITY_2PLUS),
    }
    let comparison = fire(&mut fired, hit(List::Comparison), COMPARISON);
    let causal = fire(&mut fired, hit(List::Causal), CAUSAL);
    let prediction = fire(&mut fired, hit(List::Prediction), PREDICTION);
    let law = fire(&mut fired, hit(List::Law), LAW);
    if sentence
        .trim_end()
        .trim_end_matches(['»', '"', '”', ' ', ')'])
        .ends_with('?')
    {
        fired.push(QUESTION);
    }
    let opinion = fire(&mut fired, hit(List::Opinion), OPINION);
    let hedge = fire(&mut fired, hit(List::Hedges), HEDGE);
    if first_person {
        fired.push(FIRST_PERSON);
    }
    if n_words <= 6 && hit(List::Greetings).is_some() {
        fired.push(GREETING);
    }
    // `is_boilerplate` on the words and phrases already found.
    let boilerplate = !sentence.trim().is_empty()
        && (all_share || (ws.len() <= 25 && hit(List::Boilerplate).is_some()));
    if boilerplate {
        fired.push(BOILERPLATE);
    }
    fired.push(match n_words {
        0..=4 => LEN_1_4,
        5..=9 => Fid::named("len_5_9"),
        10..=19 => Fid::named("len_10_19"),
        20..=34 => Fid::named("len_20_34"),
        _ => Fid::named("len_35_plus"),
    });
    for (entry, cue) in matcher.cue_phrases(&phrases).map(|i| lex.cues.phrase(i)) {
        if let Some(i) = cue {
            cues[i].get_or_insert(entry);
        }
    }
    for (i, hit) in cues.iter().enumerate() {
        if hit.is_some() {
            fired.push(Fid((FIXED.len() + i) as u16));
        }
    }
    Found {
        fired,
        phrases,
        digit,
        money_or_percent,
        number_word,
        year,
        date,
        event,
        attribution,
        quoted,
        entities,
        comparison,
        causal,
        prediction,
        law,
        opinion,
        hedge,
        first_person,
        cues,
    }
}

/// The features of one sentence, as the model sees them (for training and inspection): the
/// named features, then the terms (`w:percent`, `w:thank you`; see `terms`). Terms are listed in
/// every language; only the model fitted on a language's words weighs them.
pub fn features(sentence: &str, lex: &Lexicon) -> Vec<Feature> {
    let (lower, in_place) = crate::text::lowercase_in_place(sentence);
    let read = Read::new(sentence, &lower, in_place);
    let found = find_features(sentence, &lower, &read, lex);
    let mut f: Vec<Feature> = found
        .fired
        .iter()
        .map(|&id| Feature {
            name: Found::name(id, lex),
            value: 1.0,
            reason: found.reason(id, lex),
        })
        .collect();
    f.extend(
        terms::terms_of_words(&read.words)
            .into_iter()
            .map(|t| Feature {
                name: format!("w:{t}"),
                value: 1.0,
                reason: None,
            }),
    );
    f
}

/// At most this many terms are named in a "words:" reason…
const TERMS_SHOWN: usize = 3;
/// …each weighing at least this (smaller weights are listed in no reason, though they count).
const TERM_SHOWN_WEIGHT: f32 = 0.1;

/// The reasons for the terms that moved the score: "words: 'percent', 'voted'" (for) and "words
/// against: 'i think'", each with the sum of its side's contributions.
/// The reasons are written at the end of `buf`, and each one's contribution and bytes in `buf`
/// pushed on `out`.
fn term_reasons(
    tw: &TermWeights,
    hits: &mut [terms::Hit],
    buf: &mut String,
    out: &mut Vec<(f32, Range<usize>)>,
) {
    hits.sort_by(|a, b| b.weight.total_cmp(&a.weight));
    let split = hits.partition_point(|h| h.weight > 0.0);
    let (pos, neg) = hits.split_at(split);
    for (label, side) in [("words", pos), ("words against", neg)] {
        // Strongest first: the positive side as sorted, the negative one from its end.
        let in_order = |i: usize| {
            if label == "words" {
                &side[i]
            } else {
                &side[side.len() - 1 - i]
            }
        };
        let total: f32 = (0..side.len()).map(|i| in_order(i).weight).sum();
        if total.abs() < 0.05 {
            continue;
        }
        let start = buf.len();
        let shown = (0..side.len())
            .map(in_order)
            .filter(|h| h.weight.abs() >= TERM_SHOWN_WEIGHT)
            .take(TERMS_SHOWN);
        for (i, h) in shown.enumerate() {
            buf.push_str(if i == 0 { label } else { ", " });
            if i == 0 {
                buf.push_str(": ");
            }
            buf.push_str(tw.shown(h));
        }
        if buf.len() > start {
            out.push((total, start..buf.len()));
        }
    }
}

/// Scores one sentence with the given language's lexicon.
pub fn score(sentence: &str, lex: &Lexicon) -> Scored {
    score_with_entities(sentence, lex, |_| true).scored
}

/// A sentence scored, with what the rest of the extraction reuses.
pub(crate) struct Scoring {
    pub scored: Scored,
    /// The named entities of the sentence (which the article's name index learns).
    pub entities: Vec<String>,
    /// The sentence lower-cased (`str::to_lowercase`).
    pub lower: String,
}

/// `score`, with the sentence's named entities and lower-cased text. The reasons, claim type and
/// claimant are made only if `explain(score)`; otherwise there are none (type "other").
pub(crate) fn score_with_entities(
    sentence: &str,
    lex: &Lexicon,
    explain: impl FnOnce(f32) -> bool,
) -> Scoring {
    let m = model().for_language(&lex.language);
    let (lower, in_place) = crate::text::lowercase_in_place(sentence);
    let read = Read::new(sentence, &lower, in_place);
    let found = find_features(sentence, &lower, &read, lex);
    let mut z = m.bias;
    for &id in &found.fired {
        // Every feature has the value 1.
        z += m.weight_of(id, lex) * 1.0;
    }
    // The words already split for the named features, read again as terms.
    let mut hits = m
        .terms()
        .map(|tw| tw.hits_in_words(&read.words))
        .unwrap_or_default();
    if m.terms().is_some() {
        z += hits.iter().map(|h| h.weight).sum::<f32>();
    }
    let score = 1.0 / (1.0 + (-z).exp());
    let scored = if explain(score) {
        let (kind, kind_reason) = claim_kind(&found, lex);
        let attributions = lex.matcher().hits(&found.phrases, List::Attribution);
        Scored {
            score,
            reasons: reasons(&found, m, &mut hits, lex),
            kind,
            kind_reason,
            claimant: claimant(sentence, &attributions, lex),
        }
    } else {
        Scored {
            score,
            reasons: Reasons::default(),
            kind: "other",
            kind_reason: String::new(),
            claimant: None,
        }
    };
    Scoring {
        scored,
        entities: found.entities,
        lower,
    }
}

/// The reasons for a score: every feature and side of the terms whose contribution is at least
/// 0.05 either way, strongest first, each reason once.
fn reasons(found: &Found, m: &Weights, hits: &mut [terms::Hit], lex: &Lexicon) -> Reasons {
    // One reason a feature, and one a side of the terms, written one after the other in `buf`
    // (with room for a label and a few words each, most of the time).
    let mut buf = String::with_capacity(32 * (found.fired.len() + 2));
    let mut weighed: Vec<(f32, Range<usize>)> = Vec::with_capacity(found.fired.len() + 2);
    for &id in &found.fired {
        let c = m.weight_of(id, lex) * 1.0;
        let start = buf.len();
        if c.abs() >= 0.05 && found.reason_into(id, lex, &mut buf) {
            weighed.push((c, start..buf.len()));
        }
    }
    if let Some(tw) = m.terms() {
        term_reasons(tw, hits, &mut buf, &mut weighed);
    }
    // Strongest evidence first, for or against. The bits of a float without its sign are in
    // the order of its size (`total_cmp`'s), and cheaper to compare.
    weighed.sort_by_key(|w| std::cmp::Reverse(w.0.abs().to_bits()));
    let mut reasons = Reasons::with_capacity(weighed.len(), buf.len());
    for (_, span) in weighed {
        let r = &buf[span];
        if !reasons.contains(r) {
            reasons.push(r);
        }
    }
    reasons
}

/// The Full Fact type of a sentence and the evidence for it. The first rule that applies wins:
/// a forecast, then a causal link, a quantity, a law or rule, a quote or attribution, a personal
/// experience, an event; otherwise "other".
fn claim_kind(found: &Found, lex: &Lexicon) -> (&'static str, String) {
    let future = found.prediction.filter(|p| {
        // "will" alone is often a promise ("I will fight"); with a figure or a date it forecasts.
        !["will", "sera", "seront", "va", "vont"].contains(&p.trim())
            || found.digit
            || found.number_word.is_some()
            || found.year
    });
    if let Some(p) = future {
        return ("prediction", format!("prediction: {}", p.trim()));
    }
    if let Some(c) = found.causal {
        return ("causation", format!("causal: {c}"));
    }
    if found.money_or_percent || found.digit {
        return ("quantity", "number".to_string());
    }
    // A comparison or a change ("the largest", "a doublé"); a bare number word ("the two
    // leaders") does not make a quantity claim.
    if let Some(c) = found.comparison {
        return ("quantity", format!("quantity: {c}"));
    }
    if let Some(l) = found.law {
        return ("law", format!("law or rule: {l}"));
    }
    if found.quoted {
        return ("quote", "quote".to_string());
    }
    if let Some(a) = found.attribution {
        return ("quote", format!("attribution: {a}"));
    }
    if found.first_person && (found.event.is_some() || has_past_cue(found, lex)) {
        return ("personal", "first person, past".to_string());
    }
    if let Some(e) = &found.event {
        return ("event", format!("event: {e}"));
    }
    ("other", String::new())
}

fn has_past_cue(found: &Found, lex: &Lexicon) -> bool {
    lex.cues
        .names
        .iter()
        .position(|n| n == "past")
        .is_some_and(|i| found.cues[i].is_some())
}

/// Page furniture: share buttons, comment forms, newsletter prompts (in any bundled language).
/// `lexes.iter().any(|l| is_boilerplate(text, l))`, reading the words once for all the lexicons.
pub fn is_boilerplate_in(text: &str, lexes: &[&Lexicon]) -> bool {
    let text = text.trim();
    if text.is_empty() {
        return false;
    }
    if lexes.len() > 32 || crate::text::has_sigma_or_dotted_i(text) {
        // Lower-casing the text is not lower-casing each word here: read the lower-cased text.
        let lower = text.to_lowercase();
        return lexes.iter().any(|l| is_boilerplate_lowered(&lower, l));
    }
    // Lower-casing maps each word to one word here: decide on the first words, and lower-case
    // the whole text only when it is short enough to matter. Bit `i`: every word so far is one
    // of lexicon `i`'s share words.
    let mut all_share: u32 = (1u64 << lexes.len()).wrapping_sub(1) as u32;
    let mut n_words = 0;
    let mut bound_read = false;
    let mut ws = words(text);
    while let Some(w) = ws.next() {
        n_words += 1;
        if all_share != 0 {
            let lower = crate::text::to_lowercase(w);
            for (i, l) in lexes.iter().enumerate() {
                if !l.share_words.contains(&lower) {
                    all_share &= !(1 << i);
                }
            }
        }
        if all_share == 0 {
            if n_words > 25 {
                return false;
            }
            // Only whether there are more than 25 words is left to know: where the rest of a
            // long line shows that at a glance, its words are not read one by one.
            if !bound_read {
                bound_read = true;
                let rest = &text.as_bytes()[ws.at..];
                if n_words + words_after_spaces(rest, 26 - n_words) > 25 {
                    return false;
                }
            }
        }
    }
    if all_share != 0 {
        return true;
    }
    let lower = crate::text::to_lowercase(text);
    lexes
        .iter()
        .any(|l| l.boilerplate.first_hit(&lower).is_some())
}

/// A lower bound on the words (`words`) of `rest`, the text after a word, counted up to
/// `enough`: each ASCII letter or digit after a space begins a word of its own.
fn words_after_spaces(rest: &[u8], enough: usize) -> usize {
    let mut n = 0;
    for pair in rest.windows(2) {
        if pair[0] == b' ' && pair[1].is_ascii_alphanumeric() {
            n += 1;
            if n == enough {
                break;
            }
        }
    }
    n
}

pub fn is_boilerplate(text: &str, lex: &Lexicon) -> bool {
    is_boilerplate_in(text, &[lex])
}

/// `is_boilerplate` of a text already lower-cased (and trimmed).
fn is_boilerplate_lowered(lower: &str, lex: &Lexicon) -> bool {
    if lower.is_empty() {
        return false;
    }
    if words(lower).all(|w| lex.share_words.contains(w)) {
        return true; // a row of share buttons: "Facebook Twitter LinkedIn"
    }
    let n_words = words(lower).count();
    n_words <= 25 && lex.boilerplate.first_hit(lower).is_some()
}

#[cfg(test)]
mod tests {
    use super::super::lexicon::for_language;
    use super::*;

    #[test]
    fn reasons_in_one_buffer_read_as_a_list_of_strings() {
        let list = [
            "number",
            "",
            "named entity: Kim, Poutine",
            "date: 12 mars",
            "é, 한국어",
        ];
        let reasons: Reasons = list.iter().collect();
        assert_eq!(reasons.len(), list.len());
        assert!(!reasons.is_empty());
        assert_eq!(reasons.iter().collect::<Vec<_>>(), list);
        for (i, r) in list.iter().enumerate() {
            assert_eq!(reasons.get(i), Some(*r));
        }
        assert_eq!(reasons.get(list.len()), None);
        assert!(reasons.contains("date: 12 mars") && reasons.contains(""));
        assert!(!reasons.contains("date") && !reasons.contains("number, "));
        assert_eq!(reasons.join(", "), list.join(", "));
        assert_eq!(reasons.to_vec(), list.map(String::from));
        assert_eq!(
            serde_json::to_string(&reasons).unwrap(),
            serde_json::to_string(&list).unwrap()
        );
        assert_eq!(format!("{reasons:?}"), format!("{list:?}"));
        let none = Reasons::default();
        assert!(none.is_empty() && none.get(0).is_none() && none.join(", ").is_empty());
        assert_eq!(serde_json::to_string(&none).unwrap(), "[]");
    }

    #[test]
    fn factual_french_sentence_scores_above_threshold_with_reasons() {
        let s = score(
            "Mercredi, Poutine a offert à Kim une voiture Aurus lors d’un échange de cadeaux, selon les médias d’État russes.",
            for_language("fr"),
        );
        assert!(s.score >= DEFAULT_THRESHOLD, "{s:?}");
        assert!(s.reasons.iter().any(|r| r.starts_with("date")), "{s:?}");
        assert!(s.reasons.contains("attribution: selon"), "{s:?}");
        assert_eq!(s.claimant.as_deref(), Some("médias d’État russes"));
    }

    #[test]
    fn questions_greetings_and_boilerplate_score_low() {
        let en = for_language("en");
        for s in [
            "What do you think about that?",
            "Thank you very much.",
            "Leave a Comment",
            "Facebook",
        ] {
            let sc = score(s, en);
            assert!(sc.score < DEFAULT_THRESHOLD, "{s}: {sc:?}");
        }
        assert!(score("Leave a Comment", en).reasons.contains("boilerplate"));
    }

    #[test]
    fn numbers_and_comparisons_make_quantity_claims() {
        let s = score(
            "Unemployment fell to 3.5 percent in 2019, the lowest rate in 50 years.",
            for_language("en"),
        );
        assert!(s.score > 0.7, "{s:?}");
        assert_eq!(s.kind, "quantity");
        assert!(s.reasons.iter().any(|r| r.starts_with("comparison")));
    }

    #[test]
    fn claimant_before_a_reporting_verb() {
        let s = score(
            "Senator Smith said the budget doubled in 2020.",
            for_language("en"),
        );
        assert_eq!(s.claimant.as_deref(), Some("Senator Smith"));
    }

    #[test]
    fn bundled_model_loads_and_weighs_evidence_the_right_way() {
        let m = model();
        for positive in ["number", "comparison", "cue:economy"] {
            assert!(m.weight(positive) > 0.0, "{positive}");
        }
        for negative in ["question", "opinion", "boilerplate"] {
            assert!(m.weight(negative) < 0.0, "{negative}");
        }
        assert_eq!(m.weight("no such feature"), 0.0);
    }

    #[test]
    fn reasons_come_strongest_first_and_features_name_cues() {
        let en = for_language("en");
        let s = score("I think we should talk about values?", en);
        assert!(s.score < DEFAULT_THRESHOLD, "{s:?}");
        let feats = features("The deficit rose to 3 percent in 2019.", en);
        let names: Vec<&str> = feats.iter().map(|f| f.name.as_str()).collect();
        for n in [
            "number",
            "year",
            "cue:economy",
            "len_5_9",
            "w:deficit",
            "w:# percent",
        ] {
            assert!(names.contains(&n), "{n} missing from {names:?}");
        }
        // Contributions of the named features, in the model that reads words (English) and in
        // the one without (French); a "words" reason weighs the sum of its side's terms.
        for (lang, sentence) in [
            ("en", "The deficit rose to 3 percent in 2019."),
            ("fr", "Le déficit a augmenté de 3 % en 2019, selon l’Insee."),
        ] {
            let lex = for_language(lang);
            let m = model().for_language(lang);
            let feats = features(sentence, lex);
            let lower = sentence.to_lowercase();
            let hits = m.terms().map(|t| t.hits(&lower)).unwrap_or_default();
            let side = |positive: bool| -> f32 {
                hits.iter()
                    .filter(|h| (h.weight > 0.0) == positive)
                    .map(|h| h.weight.abs())
                    .sum()
            };
            let s = score(sentence, lex);
            let weights: Vec<f32> = s
                .reasons
                .iter()
                .map(|r| {
                    if r.starts_with("words against:") {
                        return side(false);
                    }
                    if r.starts_with("words:") {
                        return side(true);
                    }
                    feats
                        .iter()
                        .filter(|f| f.reason.as_deref() == Some(r))
                        .map(|f| m.weight(&f.name).abs())
                        .fold(0.0, f32::max)
                })
                .collect();
            assert!(
                weights.windows(2).all(|w| w[0] >= w[1] - 1e-6),
                "{lang}: {:?} {weights:?}",
                s.reasons
            );
        }
    }

    #[test]
    fn word_terms_weigh_in_english_only() {
        let en = for_language("en");
        let fr = for_language("fr");
        assert!(
            model()
                .for_language("en")
                .terms()
                .is_some_and(|t| t.len() > 100)
        );
        assert!(model().for_language("fr").terms().is_none());
        assert!(model().for_language("de").terms().is_none());
        // French is scored by the named-feature model alone: no word reasons, and the score is
        // what its named features give.
        let sentence = "Le gouvernement a voté une hausse de 5 % des impôts en 2023.";
        let s = score(sentence, fr);
        assert!(!s.reasons.iter().any(|r| r.starts_with("words")), "{s:?}");
        let m = model().for_language("fr");
        let z: f32 = m.bias
            + features(sentence, fr)
                .iter()
                .map(|f| m.weight(&f.name) * f.value)
                .sum::<f32>();
        assert!((s.score - 1.0 / (1.0 + (-z).exp())).abs() < 1e-5, "{s:?}");
        // English reads the words, and names those that drove the score.
        let s = score("He voted to raise taxes by 20 percent.", en);
        assert!(s.score >= DEFAULT_THRESHOLD, "{s:?}");
        let words = s.reasons.iter().find(|r| r.starts_with("words: ")).unwrap();
        assert!(
            words.contains("'voted'") || words.contains("'percent'"),
            "{s:?}"
        );
        let s = score("Thank you, I think that is a great question.", en);
        assert!(s.score < DEFAULT_THRESHOLD, "{s:?}");
        assert!(
            s.reasons.iter().any(|r| r.starts_with("words against: ")),
            "{s:?}"
        );
    }

    #[test]
    fn french_cues_come_from_the_french_lexicon() {
        let fr = for_language("fr");
        let names: Vec<String> = features("Le chômage a reculé de 2 % depuis 2019.", fr)
            .into_iter()
            .map(|f| f.name)
            .collect();
        assert!(names.contains(&"cue:economy".to_string()), "{names:?}");
        assert!(names.contains(&"money_or_percent".to_string()), "{names:?}");
        // A cue phrase fires whichever apostrophe the text uses ("n'" is listed with `'`;
        // French news sets `’`).
        for sentence in ["On n'y va.", "On n’y va."] {
            let negation = features(sentence, fr)
                .into_iter()
                .find(|f| f.name == "cue:negation");
            assert_eq!(
                negation.and_then(|f| f.reason).as_deref(),
                Some("negation: n'"),
                "{sentence}"
            );
        }
    }

    #[test]
    fn claim_types_with_their_reasons_in_both_languages() {
        let en = for_language("en");
        let fr = for_language("fr");
        let cases: &[(&str, &str, &str, &str)] = &[
            (
                "en",
                "Unemployment will fall to 4 percent by 2030.",
                "prediction",
                "prediction",
            ),
            (
                "fr",
                "Le chômage devrait baisser à 7 % en 2026.",
                "prediction",
                "prediction",
            ),
            (
                "en",
                "Crime rose because police budgets were cut.",
                "causation",
                "causal",
            ),
            (
                "fr",
                "Les prix ont augmenté à cause de la sécheresse.",
                "causation",
                "causal",
            ),
            (
                "en",
                "The deficit reached $3 trillion.",
                "quantity",
                "number",
            ),
            (
                "fr",
                "La dette atteint 3 000 milliards d’euros.",
                "quantity",
                "number",
            ),
            ("en", "The treaty bans nuclear tests.", "law", "law or rule"),
            (
                "fr",
                "La loi interdit la vente de tabac aux mineurs.",
                "law",
                "law or rule",
            ),
            (
                "en",
                "The minister said the plan was over.",
                "quote",
                "attribution",
            ),
            (
                "fr",
                "Selon le ministre, le projet est abandonné.",
                "quote",
                "attribution",
            ),
            (
                "en",
                "I was raised by a single mother.",
                "personal",
                "first person",
            ),
            (
                "fr",
                "J'ai grandi dans une ferme et nous étions pauvres.",
                "personal",
                "first person",
            ),
            ("en", "The plane has landed in Hanoi.", "event", "event"),
            ("fr", "Le président a atterri à Hanoï.", "event", "event"),
            ("en", "Good evening everyone.", "other", ""),
        ];
        for (lang, sentence, kind, reason) in cases {
            let s = score(sentence, if *lang == "en" { en } else { fr });
            assert_eq!(s.kind, *kind, "{sentence}: {s:?}");
            assert!(s.kind_reason.starts_with(reason), "{sentence}: {s:?}");
            assert!(KINDS.contains(&s.kind));
        }
    }

    #[test]
    fn claimant_before_an_aside_between_commas() {
        let fr = for_language("fr");
        let en = for_language("en");
        let cases: &[(&Lexicon, &str, Option<&str>)] = &[
            (
                fr,
                "Poutine, pour sa part, a salué les liens entre les deux pays.",
                Some("Poutine"),
            ),
            (
                fr,
                "Kim Jong Un, quant à lui, a déclaré que l’accord était historique.",
                Some("Kim Jong Un"),
            ),
            (
                en,
                "Putin, for his part, praised the ties between the two countries.",
                Some("Putin"),
            ),
            (
                en,
                "Senator Smith, in turn, said the bill failed.",
                Some("Senator Smith"),
            ),
            // No name before the aside, or no aside: as before.
            (fr, "Le ministre, pour sa part, a salué l’accord.", None),
            (
                fr,
                "En 2019, pour la première fois, le Kremlin a annoncé un accord.",
                Some("Kremlin"),
            ),
        ];
        for (lex, sentence, want) in cases {
            assert_eq!(
                score(sentence, lex).claimant.as_deref(),
                *want,
                "{sentence}"
            );
        }
    }

    #[test]
    fn claimant_after_characters_whose_lower_case_has_another_length() {
        // The Kelvin sign lower-cases to 1 byte from 3, İ to 3 from 2, Ⱥ to 3 from 2: the
        // attribution found in the lower-cased sentence is found again in the sentence.
        let fr = for_language("fr");
        let en = for_language("en");
        // The Kelvin sign and Ⱥ, escaped: they read like K and A.
        let (kelvin, a_stroke) = ("\u{212A}", "\u{023A}");
        for prefix in [
            String::new(),
            kelvin.to_string(),
            kelvin.repeat(3),
            "İ".to_string(),
            "İİ".to_string(),
            a_stroke.to_string(),
            a_stroke.repeat(2),
            a_stroke.repeat(3),
            format!("{kelvin}{a_stroke}"),
            format!("{a_stroke} İ {kelvin}"),
        ] {
            for (lex, sentence, want) in [
                (fr, "Selon Éric Dupont, l’État paiera.", "Éric Dupont"),
                (
                    fr,
                    "Le ministre Éric Dupont a déclaré que l’État paiera.",
                    "Éric Dupont",
                ),
                (
                    fr,
                    "Kim Jong Un, quant à lui, a déclaré que l’accord était historique.",
                    "Kim Jong Un",
                ),
                (en, "According to the Élysée, growth slowed.", "Élysée"),
                (
                    en,
                    "Senator Smith said the budget doubled.",
                    "Senator Smith",
                ),
            ] {
                let sentence = format!("{prefix} — {sentence}");
                let s = score(&sentence, lex);
                assert_eq!(s.claimant.as_deref(), Some(want), "{sentence}");
            }
        }
        let fr_lex = fr;
        let s = score(
            "Selon l’İnstitut national, les prix ont augmenté de 3 %.",
            fr_lex,
        );
        assert_eq!(s.claimant.as_deref(), Some("İnstitut national"));
        let s = score(
            "Le \u{212A}elvin, selon l’İnstitut national, a augmenté.",
            fr_lex,
        );
        assert_eq!(s.claimant.as_deref(), Some("İnstitut national"));
        // Offsets map back through every kind of character, inside an expansion too.
        let sentence = "aİb\u{212A}c\u{023A}d";
        let lower = sentence.to_lowercase();
        for (at_lower, _) in lower.char_indices() {
            let at = offset_before_lowercasing(sentence, at_lower, false);
            assert!(sentence.is_char_boundary(at), "{at_lower}");
        }
        assert_eq!(
            offset_before_lowercasing(sentence, lower.find('b').unwrap(), false),
            3
        );
        assert_eq!(
            offset_before_lowercasing(sentence, lower.find('c').unwrap(), false),
            7
        );
        assert_eq!(
            offset_before_lowercasing(sentence, lower.find('d').unwrap(), false),
            10
        );
        // Between the "i" and the dot of "i̇": the start of İ, or its end.
        assert_eq!(offset_before_lowercasing(sentence, 2, false), 1);
        assert_eq!(offset_before_lowercasing(sentence, 2, true), 3);
        assert_eq!(
            offset_before_lowercasing(sentence, lower.len(), true),
            sentence.len()
        );
    }

    #[test]
    fn claimants_after_selon_and_according_to_lose_their_article() {
        let fr = for_language("fr");
        let s = score(
            "Selon les autorités locales, 12 personnes ont été blessées.",
            fr,
        );
        assert_eq!(s.claimant.as_deref(), Some("autorités locales"));
        let s = score(
            "According to the World Bank, growth slowed to 2% in 2023.",
            for_language("en"),
        );
        assert_eq!(s.claimant.as_deref(), Some("World Bank"));
        assert_eq!(score("Prices rose in 2023.", fr).claimant, None);
    }

    #[test]
    fn words_split_as_str_split_does() {
        for s in [
            "Le chômage a reculé de 2 % depuis 2019 — l’État, aujourd'hui-même !",
            "  «  x  »  ",
            "",
            "İstanbul ΣΑΣ naïve 3.5% 𝟙𝟚 日本語 e\u{301}",
            "'-'",
            "a",
        ] {
            let want: Vec<&str> = s
                .split(|c: char| !(c.is_alphanumeric() || c == '\'' || c == '’' || c == '-'))
                .filter(|w| !w.is_empty())
                .collect();
            assert_eq!(words(s).collect::<Vec<_>>(), want, "{s}");
        }
        // Every character of two or three bytes, between letters and alone: those told by
        // their bytes (Latin-1 letters, ×, ÷, ’) as those decoded.
        for c in (0x80..0x3000).filter_map(char::from_u32) {
            let is_word = c.is_alphanumeric() || c == '’';
            let s = format!("a{c}b");
            let want: Vec<String> = if is_word {
                vec![s.clone()]
            } else {
                vec!["a".into(), "b".into()]
            };
            assert_eq!(words(&s).collect::<Vec<_>>(), want, "U+{:04X}", c as u32);
            let alone = c.to_string();
            assert_eq!(
                words(&alone).count(),
                usize::from(is_word),
                "U+{:04X}",
                c as u32
            );
        }
    }

    /// `named_entities` as it was written first, char by char.
    fn named_entities_by_char(sentence: &str, lex: &Lexicon) -> Vec<String> {
        let mut out: Vec<String> = Vec::new();
        let mut current: Vec<&str> = Vec::new();
        let mut first = true;
        // One pass over the words (as `words` splits them); a separator between two words ends a run.
        let mut separated = false;
        let mut start: Option<usize> = None;
        for (i, c) in sentence.char_indices() {
            if c.is_alphanumeric() || matches!(c, '\'' | '’' | '-') {
                start.get_or_insert(i);
                continue;
            }
            if let Some(s) = start.take() {
                let w = &sentence[s..i];
                entity_word(w, separated, &mut first, &mut current, &mut out, lex);
                separated = false;
            }
            separated |= matches!(
                c,
                ',' | ';'
                    | ':'
                    | '('
                    | ')'
                    | '«'
                    | '»'
                    | '–'
                    | '—'
                    | '"'
                    | '“'
                    | '”'
                    | '.'
                    | '!'
                    | '?'
            );
        }
        if let Some(s) = start {
            let w = &sentence[s..];
            entity_word(w, separated, &mut first, &mut current, &mut out, lex);
        }
        flush_entity(&mut current, &mut out, &LINKERS);
        out.dedup();
        out
    }

    #[test]
    fn named_entities_as_read_char_by_char() {
        let fr = for_language("fr");
        let en = for_language("en");
        for s in [
            "Le président russe Vladimir Poutine et le dirigeant nord-coréen Kim Jong Un, selon l’AFP.",
            "«Kim Jong Un» a dit (Pyongyang) — Corée du Nord: Poutine; Bank of England! Why?",
            "On Wednesday, Vladimir Putin landed in Pyongyang.",
            "“The European Union” and the United States of America ... l’Ukraine, d’Aurus",
            "İstanbul Ⱥlpha Élysée Jean-Luc Mélenchon",
            "Ils l’ont dit à l'ONU, aujourd’hui’ L’Élysée qu’Emmanuel ’ ' Ô Ångström",
            "Alors « Jean » – Paul — Marie “Anne” Zoé… Luc",
            "",
            "x",
        ] {
            for lex in [fr, en] {
                assert_eq!(
                    named_entities(s, lex),
                    named_entities_by_char(s, lex),
                    "{s}"
                );
                // Scoring reads them off the lower-cased words where those are in place.
                assert_eq!(
                    score_with_entities(s, lex, |_| true).entities,
                    named_entities_by_char(s, lex),
                    "{s}"
                );
            }
        }
        // Characters whose lower case is longer or shorter (İ, Ⱥ, ẞ, Σ) move the words after
        // them: the sentence is read again, with the same result.
        let en = for_language("en");
        for s in [
            "The İstanbul Office said Ⱥlpha Corp grew, then ẞtraße Bank.",
            "ΣΟΦΙΑ Papadopoulou met Kim Jong Un in Athens.",
        ] {
            assert!(!crate::text::lowercase_in_place(s).1, "{s}");
            assert_eq!(
                score_with_entities(s, en, |_| true).entities,
                named_entities_by_char(s, en),
                "{s}"
            );
        }
    }

    #[test]
    fn boilerplate_in_several_lexicons_is_boilerplate_in_any() {
        let (fr, en) = (for_language("fr"), for_language("en"));
        let long_share = "Facebook Twitter ".repeat(20);
        for line in [
            "Facebook Twitter LinkedIn",
            "Partager sur Facebook",
            "Share this article",
            "Laisser un commentaire",
            "Leave a comment",
            long_share.as_str(),
            "Le président russe Vladimir Poutine et le dirigeant nord-coréen Kim Jong Un ont été vus.",
            "Share this article with the twenty-six words of a long sentence that goes on and on \
             well past the limit where boilerplate phrases are looked for at all",
            "ΣΗΜΕΡΑ Share this",
            "İstanbul: share",
            "",
            "   ",
        ] {
            for lexes in [vec![fr, en], vec![en], vec![fr]] {
                assert_eq!(
                    is_boilerplate_in(line, &lexes),
                    lexes.iter().any(|l| is_boilerplate(line, l)),
                    "{line}"
                );
            }
        }
        // As the plain definition reads the lower-cased line, around the 25 words up to which
        // boilerplate phrases are looked for, with words of every kind.
        let words_n = |n: usize| -> String {
            let pool = [
                "déjà",
                "l’État",
                "2,5",
                "—",
                "x-y",
                "ÉTÉ",
                "«",
                "a'b",
                "Twitter",
            ];
            (0..n)
                .map(|k| pool[k % pool.len()])
                .collect::<Vec<_>>()
                .join(" ")
        };
        for n in 18..30 {
            for line in [
                format!("Share this article {}", words_n(n)),
                format!("Facebook {}", words_n(n)),
                format!("{} laisser un commentaire", words_n(n)),
            ] {
                for lexes in [vec![fr, en], vec![en]] {
                    let plain = lexes
                        .iter()
                        .any(|l| is_boilerplate_lowered(&line.to_lowercase(), l));
                    assert_eq!(is_boilerplate_in(&line, &lexes), plain, "{line}");
                }
            }
        }
        assert!(is_boilerplate_in("Facebook Twitter LinkedIn", &[fr, en]));
        assert!(is_boilerplate_in(&long_share, &[fr, en]));
        assert!(!is_boilerplate_in(
            "Les deux pays ont signé un traité en 1961.",
            &[fr, en]
        ));
    }

    proptest::proptest! {
        /// Read in one pass over the words (and, past the share words, over the spaces of the
        /// rest of a long line), furniture is what reading the lower-cased line finds.
        #[test]
        fn boilerplate_in_one_pass_as_read_lower_cased(
            (before, phrase, after) in {
                let words = || proptest::collection::vec(
                    proptest::sample::select(vec![
                        "Share", "facebook", "Twitter", "a", "comment", "un", "2,5", "—", "«",
                        "l’État", "x-y", "  ", "déjà", "a'b", "\n",
                    ]),
                    0..30,
                );
                let phrases = proptest::sample::select(vec![
                    "", "leave a comment", "Laisser un commentaire", "Share this article",
                ]);
                (words(), phrases, words())
            },
        ) {
            let line = [before.join(" "), phrase.to_string(), after.join(" ")].join(" ");
            proptest::prop_assume!(!line.trim().is_empty());
            let (fr, en) = (for_language("fr"), for_language("en"));
            for lexes in [vec![fr, en], vec![en]] {
                let lowered = lexes
                    .iter()
                    .any(|l| is_boilerplate_lowered(&line.to_lowercase(), l));
                proptest::prop_assert_eq!(is_boilerplate_in(&line, &lexes), lowered, "{}", line);
            }
        }

        /// `digit_groups` skips sixteen bytes at a time where there is no digit: the same counts
        /// as reading byte by byte.
        #[test]
        fn digit_groups_as_read_byte_by_byte(s in "([0-9]{1,3}|[.,]|  ?|[a-zé]{1,20}){0,40}") {
            let mut n = 0;
            let mut in_group = false;
            for b in s.bytes() {
                let d = b.is_ascii_digit();
                if d && !in_group {
                    n += 1;
                }
                in_group = d || (in_group && matches!(b, b'.' | b',' | b' '));
            }
            proptest::prop_assert_eq!(digit_groups(&s), n.min(3));
        }
    }

    #[test]
    fn whole_word_matching() {
        let acts = super::super::lexicon::Phrases::new(vec!["act".into(), "passed".into()]);
        assert!(acts.first_hit("in fact it is").is_none());
        assert_eq!(acts.first_hit("the act was passed"), Some(("act", 4)));
        assert_eq!(
            acts.hits("it passed the act"),
            vec![("act", 14), ("passed", 3)]
        );
    }
}
