//! The features of one sentence, each named and explainable: numbers, dates, attributions,
//! named entities, comparisons, causal links, predictions, laws, questions, opinions, hedges,
//! first person, greetings, furniture, length, and the lexicon's word-class cues ("economy",
//! "health", …). A sentence is read once: lower-cased once, split into words once, and matched
//! against every phrase list of its lexicon in one pass (`lexicon::Matcher`). Features that fire
//! are kept as small ids (`Fid`); their names and reason strings are made only when shown.

use super::entities::named_entities;
use super::terms;
use crate::lexicon::{self, Lexicon, List};
use crate::text::words;

/// One feature that fired: its name in the model, its value, and the reason shown for it.
#[derive(Debug, Clone, PartialEq)]
pub struct Feature {
    pub name: String,
    pub value: f32,
    pub reason: Option<String>,
}

/// The features that are not cues, by name, in the order they are computed (and summed).
pub(super) const FIXED: [&str; 26] = [
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
pub(super) struct Fid(pub(super) u16);

impl Fid {
    /// The fixed feature `name` (a name of `FIXED`; checked by the tests).
    pub(super) const fn named(name: &str) -> Fid {
        let mut i = 0;
        while i < FIXED.len() {
            if FIXED[i].len() == name.len() && const_eq(FIXED[i].as_bytes(), name.as_bytes()) {
                return Fid(i as u16);
            }
            i += 1;
        }
        panic!("not a feature name")
    }

    pub(super) fn cue(self) -> Option<usize> {
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
        // Not `vec![None; n]`: glibc's `calloc`, which a zeroed `vec!` becomes, skips the
        // thread's cache of small blocks, and this is made for every sentence.
        cues: {
            let mut cues = Vec::with_capacity(lex.cues.names.len());
            cues.resize(lex.cues.names.len(), None);
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

/// What the features found in a sentence, kept for the reasons, the claim type and claimant.
pub(super) struct Found<'a> {
    /// The features that fired, in the order of `FIXED` then of the cues.
    pub(super) fired: Vec<Fid>,
    /// The phrase lists' matches in the lower-cased sentence.
    pub(super) phrases: lexicon::Found,
    pub(super) digit: bool,
    pub(super) money_or_percent: bool,
    pub(super) number_word: Option<&'a str>,
    pub(super) year: bool,
    pub(super) date: Option<&'a str>,
    pub(super) event: Option<String>,
    pub(super) attribution: Option<&'a str>,
    pub(super) quoted: bool,
    pub(super) entities: Vec<String>,
    pub(super) comparison: Option<&'a str>,
    pub(super) causal: Option<&'a str>,
    pub(super) prediction: Option<&'a str>,
    pub(super) law: Option<&'a str>,
    pub(super) opinion: Option<&'a str>,
    pub(super) hedge: Option<&'a str>,
    pub(super) first_person: bool,
    /// Per cue of the lexicon, the entry that fired it.
    pub(super) cues: Vec<Option<&'a str>>,
}

impl Found<'_> {
    /// The reason shown for a feature that fired, if it has one.
    pub(super) fn reason(&self, id: Fid, lex: &Lexicon) -> Option<String> {
        let mut r = String::new();
        self.reason_into(id, lex, &mut r).then_some(r)
    }

    /// `reason`, written at the end of `out`: false (and nothing written) if it has none.
    pub(super) fn reason_into(&self, id: Fid, lex: &Lexicon, out: &mut String) -> bool {
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
    for b in s.bytes() {
        let digit = b.is_ascii_digit();
        if digit && !in_group {
            n += 1;
            if n >= 3 {
                break;
            }
        }
        // "3.5", "1,000", "10 000" are one number each.
        in_group = digit || (in_group && matches!(b, b'.' | b',' | b' '));
    }
    n
}

/// A sentence read once: the words of its lower-cased text, and what they tell.
pub(super) struct Read<'s> {
    /// `words(sentence)` count: the same as `lower`'s unless lower-casing split a word (`İ`).
    pub(super) n_words: usize,
    /// Does a word of the sentence look like a year?
    pub(super) year: bool,
    pub(super) words: Vec<&'s str>,
}

impl<'s> Read<'s> {
    /// Splits `lower`, the lower-cased `sentence`, into words.
    pub(super) fn new(sentence: &str, lower: &'s str) -> Read<'s> {
        let mut ws: Vec<&str> = Vec::with_capacity(lower.len() / 4 + 1);
        ws.extend(words(lower));
        // Lower-casing maps each char to one char of the same kind (letter, digit, punctuation),
        // so the words of `lower` are those of the sentence, except where `İ` becomes "i" + a dot.
        let (n_words, year) = if sentence.contains('İ') {
            (words(sentence).count(), words(sentence).any(is_year))
        } else {
            (ws.len(), ws.iter().any(|w| is_year(w)))
        };
        Read {
            n_words,
            year,
            words: ws,
        }
    }
}

/// `found`, with `id` added to `fired` when it is there.
fn fire<'a>(fired: &mut Vec<Fid>, found: Option<&'a str>, id: Fid) -> Option<&'a str> {
    if found.is_some() {
        fired.push(id);
    }
    found
}

pub(super) fn find_features<'a>(
    sentence: &str,
    lower: &str,
    read: &Read,
    lex: &'a Lexicon,
) -> Found<'a> {
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
        || sentence.contains('€')
        || sentence.contains('£');
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
    let quoted = sentence.contains('«')
        || sentence.contains('“')
        || memchr::memchr_iter(b'"', sentence.as_bytes())
            .nth(1)
            .is_some();
    if quoted {
        fired.push(QUOTE);
    }
    let entities = named_entities(sentence, lex);
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
    let lower = crate::text::to_lowercase(sentence);
    let read = Read::new(sentence, &lower);
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
