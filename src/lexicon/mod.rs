//! Per-language knowledge as data: `assets/lexicons/<lang>.json`, one file per language, read by
//! the article cleaner (furniture, credits, datelines) and by claim extraction (sentence ends,
//! check-worthiness cues) alike. Adding a language means adding a file and a line in `BUNDLED`,
//! not code.
//!
//! - `lang`: which language a text is in.
//! - `furniture`: page furniture told by its words (share buttons, comment prompts).
//! - `Phrases` and `Matcher`: lists of phrases matched as whole words in one pass.

pub mod furniture;
pub mod lang;

use crate::text::is_alphanumeric;
use rustc_hash::{FxHashMap, FxHashSet};
use serde::Deserialize;
use std::collections::BTreeMap;
use std::sync::OnceLock;

const BUNDLED: &[(&str, &str)] = &[
    ("en", include_str!("../../assets/lexicons/en.json")),
    ("fr", include_str!("../../assets/lexicons/fr.json")),
];

#[derive(Debug, Deserialize)]
struct LexiconFile {
    language: String,
    abbreviations: Vec<String>,
    titles: Vec<String>,
    sentence_starters: Vec<String>,
    attribution: Vec<String>,
    quote_verbs: Vec<String>,
    opinion: Vec<String>,
    hedges: Vec<String>,
    greetings: Vec<String>,
    comparison: Vec<String>,
    causal: Vec<String>,
    prediction: Vec<String>,
    law: Vec<String>,
    months: Vec<String>,
    weekdays: Vec<String>,
    number_words: Vec<String>,
    stopwords_capitalised: Vec<String>,
    first_person: Vec<String>,
    boilerplate: Vec<String>,
    share_words: Vec<String>,
    credit_markers: Vec<String>,
    boilerplate_lines: Vec<String>,
    section_enders: Vec<String>,
    dateline_words: Vec<String>,
    byline_prefixes: Vec<String>,
    auxiliaries: Vec<String>,
    participle_suffixes: Vec<String>,
    cues: BTreeMap<String, Vec<String>>,
    determiners: Vec<String>,
}

/// A list of lower-case phrases matched as whole words, all at once (Aho-Corasick): one pass over
/// a sentence whatever the length of the list. Reads as the list itself (`iter`, `contains`).
/// The automaton is built on first use: most lists are only ever matched through `Matcher`.
#[derive(Debug)]
pub struct Phrases {
    list: Vec<String>,
    /// Phrases as matched: trailing spaces trimmed ("va " is the word "va").
    trimmed: Vec<String>,
    automaton: OnceLock<Option<aho_corasick::AhoCorasick>>,
}

/// Is the match `start..end` of `phrase` in `hay` a whole-word match? A phrase that starts (ends)
/// with a letter or digit must not continue a word before it (after it).
fn whole_word(hay: &str, start: usize, end: usize, phrase: &str) -> bool {
    let before_ok = hay[..start]
        .chars()
        .next_back()
        .is_none_or(|c| !is_alphanumeric(c) || !phrase.starts_with(is_alphanumeric));
    before_ok
        && hay[end..]
            .chars()
            .next()
            .is_none_or(|c| !is_alphanumeric(c) || !phrase.ends_with(is_alphanumeric))
}

impl Phrases {
    pub fn new(list: Vec<String>) -> Self {
        let trimmed = list
            .iter()
            .map(|p| p.trim_end().to_string())
            .filter(|p| !p.is_empty())
            .collect();
        Self {
            list,
            trimmed,
            automaton: OnceLock::new(),
        }
    }

    /// A contiguous NFA: these lists are matched against short texts only (a line, a short
    /// sentence), where a DFA takes longer to build than it saves.
    fn automaton(&self) -> Option<&aho_corasick::AhoCorasick> {
        self.automaton
            .get_or_init(|| {
                aho_corasick::AhoCorasick::builder()
                    .kind(Some(aho_corasick::AhoCorasickKind::ContiguousNFA))
                    .build(&self.trimmed)
                    .ok()
            })
            .as_ref()
    }

    /// Every phrase of the list found in `hay` as whole words, with the byte offset of its first
    /// occurrence, in list order. `hay` must be lower-case.
    pub fn hits(&self, hay: &str) -> Vec<(&str, usize)> {
        let Some(ac) = self.automaton() else {
            return Vec::new();
        };
        let mut first: Vec<(usize, usize)> = Vec::new();
        for m in ac.find_overlapping_iter(hay) {
            let idx = m.pattern().as_usize();
            let phrase = &self.trimmed[idx];
            if whole_word(hay, m.start(), m.end(), phrase) {
                keep_first(&mut first, idx, m.start());
            }
        }
        first.sort_unstable();
        first
            .into_iter()
            .map(|(i, at)| (self.trimmed[i].as_str(), at))
            .collect()
    }

    /// The first phrase of the list (in list order) found in `hay` as whole words, with its
    /// byte offset. `hay` must be lower-case.
    pub fn first_hit(&self, hay: &str) -> Option<(&str, usize)> {
        self.hits(hay).into_iter().next()
    }
}

/// Records that pattern `idx` occurs at `at`, keeping its earliest occurrence.
fn keep_first(first: &mut Vec<(usize, usize)>, idx: usize, at: usize) {
    match first.iter_mut().find(|(i, _)| *i == idx) {
        Some((_, earliest)) => *earliest = (*earliest).min(at),
        None => first.push((idx, at)),
    }
}

impl std::ops::Deref for Phrases {
    type Target = [String];

    fn deref(&self) -> &[String] {
        &self.list
    }
}

/// The phrase lists that check-worthiness reads, in the order `Matcher` numbers them.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum List {
    NumberWords,
    Months,
    Weekdays,
    Attribution,
    Comparison,
    Causal,
    Prediction,
    Law,
    Opinion,
    Hedges,
    Greetings,
    Boilerplate,
    /// The cue phrases (`Cues`), matched with `'` or `’` wherever the entry has an apostrophe.
    CuePhrases,
}

const LISTS: usize = 13;

/// Every phrase list of a lexicon in one automaton: one pass over a lower-cased sentence finds
/// what the per-list `Phrases::hits` would find, for all the lists at once.
#[derive(Debug)]
pub struct Matcher {
    automaton: Option<aho_corasick::AhoCorasick>,
    /// Per automaton pattern: its list, its index in that list, and the phrase as listed.
    patterns: Vec<(List, usize, String)>,
    /// Per list: the range of its patterns in the automaton, sorted by index in the list.
    ranges: [std::ops::Range<usize>; LISTS],
}

/// What `Matcher::scan` found in a sentence: per automaton pattern matched as whole words, its
/// earliest offset, sorted by pattern.
#[derive(Debug, Default)]
pub struct Found {
    first: Vec<(usize, usize)>,
}

impl Matcher {
    /// The matcher of `lex`'s phrase lists.
    fn new(lex: &Lexicon) -> Self {
        let mut patterns: Vec<(List, usize, String)> = Vec::new();
        let mut ranges: [std::ops::Range<usize>; LISTS] = Default::default();
        let lists: [(List, &Phrases); LISTS - 1] = [
            (List::NumberWords, &lex.number_words),
            (List::Months, &lex.months),
            (List::Weekdays, &lex.weekdays),
            (List::Attribution, &lex.attribution),
            (List::Comparison, &lex.comparison),
            (List::Causal, &lex.causal),
            (List::Prediction, &lex.prediction),
            (List::Law, &lex.law),
            (List::Opinion, &lex.opinion),
            (List::Hedges, &lex.hedges),
            (List::Greetings, &lex.greetings),
            (List::Boilerplate, &lex.boilerplate),
        ];
        for (list, phrases) in lists {
            let start = patterns.len();
            for (i, p) in phrases.trimmed.iter().enumerate() {
                patterns.push((list, i, p.clone()));
            }
            ranges[list as usize] = start..patterns.len();
        }
        // Cue phrases are listed with `'`; the sentence keeps its `’`. Every spelling of an
        // entry's apostrophes is a pattern of its own, mapped back to the entry.
        let start = patterns.len();
        for (i, p) in lex.cues.phrase_set.trimmed.iter().enumerate() {
            for s in apostrophe_spellings(p) {
                patterns.push((List::CuePhrases, i, s));
            }
        }
        ranges[List::CuePhrases as usize] = start..patterns.len();
        let automaton = aho_corasick::AhoCorasick::builder()
            .kind(Some(aho_corasick::AhoCorasickKind::DFA))
            .build(patterns.iter().map(|(_, _, p)| p))
            .ok();
        Self {
            automaton,
            patterns,
            ranges,
        }
    }

    /// One pass over `lower` (a lower-cased sentence) for every list.
    pub fn scan(&self, lower: &str) -> Found {
        let mut found = Found {
            first: Vec::with_capacity(16),
        };
        if let Some(ac) = &self.automaton {
            for m in ac.find_overlapping_iter(lower) {
                let idx = m.pattern().as_usize();
                if whole_word(lower, m.start(), m.end(), &self.patterns[idx].2) {
                    keep_first(&mut found.first, idx, m.start());
                }
            }
        }
        found.first.sort_unstable();
        found
    }

    /// What `Phrases::hits` gives for `list` (not `List::CuePhrases`, see `cue_phrases`) on the
    /// scanned sentence: the phrases found, with the offset of their first occurrence, in list
    /// order.
    pub fn hits<'a>(&'a self, found: &Found, list: List) -> Vec<(&'a str, usize)> {
        let range = self.ranges[list as usize].clone();
        found
            .first
            .iter()
            .filter(|(p, _)| range.contains(p))
            .map(|&(p, at)| (self.patterns[p].2.as_str(), at))
            .collect()
    }

    /// The cue phrases found in the scanned sentence, as the indexes of their entries in
    /// `Cues` (`Cues::phrase`), in list order; an entry found in several spellings (`'` and
    /// `’`) comes once per spelling.
    pub fn cue_phrases<'f>(&'f self, found: &'f Found) -> impl Iterator<Item = usize> + 'f {
        let range = self.ranges[List::CuePhrases as usize].clone();
        found
            .first
            .iter()
            .filter(move |(p, _)| range.contains(p))
            .map(|&(p, _)| self.patterns[p].1)
    }

    /// What `Phrases::first_hit` gives for `list` on the scanned sentence.
    pub fn first_hit<'a>(&'a self, found: &Found, list: List) -> Option<&'a str> {
        let range = self.ranges[list as usize].clone();
        // Patterns of a list are numbered in list order, and `found` is sorted by pattern.
        found
            .first
            .iter()
            .find(|(p, _)| range.contains(p))
            .map(|&(p, _)| self.patterns[p].2.as_str())
    }
}

/// What scoring asks of one word of a lower-cased sentence, answered by one look-up
/// (`Lexicon::word`) instead of one per list.
#[derive(Debug, Default, Clone, Copy, PartialEq, Eq)]
pub struct WordFacts {
    /// The single-word cue entry it is (`Cues::word`), whichever apostrophe it is written with.
    pub cue: Option<u32>,
    /// One of `first_person`.
    pub first_person: bool,
    /// One of `share_words`.
    pub share: bool,
    /// One of `auxiliaries`.
    pub auxiliary: bool,
}

/// Words → `WordFacts`.
#[derive(Debug, Default)]
struct WordTable {
    facts: FxHashMap<String, WordFacts>,
}

impl WordTable {
    fn entry(&mut self, word: &str) -> &mut WordFacts {
        self.facts.entry(word.to_string()).or_default()
    }

    fn get(&self, word: &str) -> Option<&WordFacts> {
        self.facts.get(word)
    }

    fn new(lex: &Lexicon) -> WordTable {
        let mut table = WordTable::default();
        for (i, (entry, _)) in lex.cues.words.iter().enumerate() {
            // The sentence keeps its `’`: every spelling of the entry's apostrophes.
            for spelling in apostrophe_spellings(entry) {
                table.entry(&spelling).cue = Some(i as u32);
            }
        }
        for w in &lex.first_person {
            table.entry(w).first_person = true;
        }
        for w in &lex.share_words {
            table.entry(w).share = true;
        }
        for w in &lex.auxiliaries {
            table.entry(w).auxiliary = true;
        }
        table
    }
}

/// `entry` with each of its `'` written `'` or `’`: every spelling a text may use.
fn apostrophe_spellings(entry: &str) -> Vec<String> {
    let mut spellings = vec![String::new()];
    for c in entry.chars() {
        if c == '\'' {
            let curly: Vec<String> = spellings.iter().map(|s| format!("{s}’")).collect();
            spellings.iter_mut().for_each(|s| s.push('\''));
            spellings.extend(curly);
        } else {
            spellings.iter_mut().for_each(|s| s.push(c));
        }
    }
    spellings
}

/// Word-class cues: named lists of words and phrases ("economy": "taxes", "deficit", …) that the
/// check-worthiness model uses as features. Every lexicon has the same cue names, so a model
/// trained in one language reads the others through their lists.
#[derive(Debug)]
pub struct Cues {
    /// Cue names, sorted.
    pub names: Vec<String>,
    /// The names as reasons show them ("time span" for `time_span`).
    pub labels: Vec<String>,
    /// Single words (lower-case, `'` for apostrophes), each with the indexes into `names` of
    /// its cues (`WordFacts::cue` numbers them).
    words: Vec<(String, Vec<usize>)>,
    /// Phrases of several words, or with an apostrophe at an edge ("il y a", "n'"), matched in
    /// one pass.
    phrase_set: Phrases,
    /// Per phrase of `phrase_set` (as matched): the cue it belongs to.
    phrase_cue: Vec<usize>,
}

impl Cues {
    fn new(map: BTreeMap<String, Vec<String>>) -> Self {
        let mut names = Vec::new();
        let mut words: Vec<(String, Vec<usize>)> = Vec::new();
        let mut word_at: FxHashMap<String, usize> = FxHashMap::default();
        let mut phrases = Vec::new();
        for (i, (name, list)) in map.into_iter().enumerate() {
            names.push(name);
            for entry in list {
                let e = entry.to_lowercase().replace('’', "'");
                let single = !e.contains(' ') && !e.starts_with('\'') && !e.ends_with('\'');
                if single {
                    let at = *word_at.entry(e.clone()).or_insert_with(|| {
                        words.push((e, Vec::new()));
                        words.len() - 1
                    });
                    let v = &mut words[at].1;
                    if !v.contains(&i) {
                        v.push(i);
                    }
                } else {
                    phrases.push((e, i));
                }
            }
        }
        let phrase_set = Phrases::new(phrases.iter().map(|(p, _)| p.clone()).collect());
        // A phrase found maps back to the cue of its first listing.
        let phrase_cue = phrase_set
            .trimmed
            .iter()
            .map(|p| {
                phrases
                    .iter()
                    .find(|(q, _)| q.trim_end() == p)
                    .map_or(usize::MAX, |(_, i)| *i)
            })
            .collect();
        Cues {
            labels: names.iter().map(|n| n.replace('_', " ")).collect(),
            names,
            words,
            phrase_set,
            phrase_cue,
        }
    }

    /// Single-word entry `i` (`WordFacts::cue`) as listed (`'` for apostrophes), and its cues.
    pub fn word(&self, i: u32) -> (&str, &[usize]) {
        let (entry, cues) = &self.words[i as usize];
        (entry, cues)
    }

    /// Phrase entry `i` (as `Matcher::cue_phrases` numbers them, `'` for apostrophes) and the
    /// cue it belongs to.
    pub fn phrase(&self, i: usize) -> (&str, Option<usize>) {
        let cue = self.phrase_cue[i];
        (
            self.phrase_set.trimmed[i].as_str(),
            (cue != usize::MAX).then_some(cue),
        )
    }
}

/// A language's word lists, ready for matching. Phrases are lower-case.
#[derive(Debug)]
pub struct Lexicon {
    pub language: String,
    /// Abbreviations (without their final period) that may end a sentence: "etc", "U.S", "a.m".
    pub abbreviations: FxHashSet<String>,
    /// Titles that always precede a name, so never end a sentence: "Mr", "Dr", "M", "Mme".
    pub titles: FxHashSet<String>,
    /// Capitalised words that usually open a sentence ("The", "How", "Il", "Selon"): after an
    /// abbreviation or an initial, they mark a boundary; other capitalised words (names) do not.
    pub sentence_starters: FxHashSet<String>,
    pub attribution: Phrases,
    pub quote_verbs: Phrases,
    pub opinion: Phrases,
    pub hedges: Phrases,
    pub greetings: Phrases,
    pub comparison: Phrases,
    pub causal: Phrases,
    pub prediction: Phrases,
    pub law: Phrases,
    pub months: Phrases,
    pub weekdays: Phrases,
    pub number_words: Phrases,
    pub stopwords_capitalised: FxHashSet<String>,
    pub first_person: FxHashSet<String>,
    pub boilerplate: Phrases,
    pub share_words: FxHashSet<String>,
    pub credit_markers: Vec<String>,
    /// Blocks that are page furniture when they are nothing else ("Comments", "Publicité").
    pub boilerplate_lines: FxHashSet<String>,
    /// The same lines as the cleaner compares blocks with them (`furniture::furniture_key`).
    pub boilerplate_keys: FxHashSet<String>,
    /// Block openings after which the page lists other articles ("Lire aussi", "Related articles").
    pub section_enders: Vec<String>,
    /// Words of a dateline ("Published", "Mis à jour le").
    pub dateline_words: Vec<String>,
    /// Words that open a byline ("By", "Par").
    pub byline_prefixes: Vec<String>,
    pub auxiliaries: Vec<String>,
    pub participle_suffixes: Vec<String>,
    pub cues: Cues,
    /// Every phrase list above in one automaton, built on first use.
    matcher: OnceLock<Matcher>,
    /// The word lists above in one table (`word`).
    words: WordTable,
    /// Articles stripped from the front of a claimant ("les", "the", "l'"), `'` for apostrophes.
    pub determiners: Vec<String>,
}

fn lower(v: Vec<String>) -> Vec<String> {
    v.into_iter().map(|s| s.to_lowercase()).collect()
}

impl Lexicon {
    fn from_file(f: LexiconFile) -> Self {
        let boilerplate_lines = lower(f.boilerplate_lines);
        let mut lex = Self {
            language: f.language,
            abbreviations: f.abbreviations.into_iter().collect(),
            titles: f.titles.into_iter().collect(),
            sentence_starters: f.sentence_starters.into_iter().collect(),
            attribution: Phrases::new(lower(f.attribution)),
            quote_verbs: Phrases::new(lower(f.quote_verbs)),
            opinion: Phrases::new(lower(f.opinion)),
            hedges: Phrases::new(lower(f.hedges)),
            greetings: Phrases::new(lower(f.greetings)),
            comparison: Phrases::new(lower(f.comparison)),
            causal: Phrases::new(lower(f.causal)),
            prediction: Phrases::new(lower(f.prediction)),
            law: Phrases::new(lower(f.law)),
            months: Phrases::new(lower(f.months)),
            weekdays: Phrases::new(lower(f.weekdays)),
            number_words: Phrases::new(lower(f.number_words)),
            stopwords_capitalised: f.stopwords_capitalised.into_iter().collect(),
            first_person: lower(f.first_person).into_iter().collect(),
            boilerplate: Phrases::new(lower(f.boilerplate)),
            share_words: lower(f.share_words).into_iter().collect(),
            credit_markers: lower(f.credit_markers),
            boilerplate_keys: boilerplate_lines
                .iter()
                .map(|l| furniture::furniture_key(l))
                .collect(),
            boilerplate_lines: boilerplate_lines.into_iter().collect(),
            section_enders: lower(f.section_enders),
            dateline_words: lower(f.dateline_words),
            byline_prefixes: lower(f.byline_prefixes),
            auxiliaries: lower(f.auxiliaries),
            participle_suffixes: lower(f.participle_suffixes),
            cues: Cues::new(f.cues),
            matcher: OnceLock::new(),
            words: WordTable::default(),
            determiners: f
                .determiners
                .into_iter()
                .map(|d| d.to_lowercase().replace('’', "'"))
                .collect(),
        };
        lex.words = WordTable::new(&lex);
        lex
    }

    /// What the word lists say of `word` (lower-case, as `text::words` splits a sentence):
    /// `None` for a word in none of them.
    pub fn word(&self, word: &str) -> Option<&WordFacts> {
        self.words.get(word)
    }

    /// All the phrase lists in one automaton (`Matcher`), built on first use.
    pub fn matcher(&self) -> &Matcher {
        self.matcher.get_or_init(|| Matcher::new(self))
    }

    /// Is `token` (the word before a period, without the period) a title such as "Mr" or "Mme"?
    pub fn is_title(&self, token: &str) -> bool {
        self.titles.contains(token)
    }

    /// Does the capitalised word `word` usually open a sentence?
    pub fn is_sentence_starter(&self, word: &str) -> bool {
        self.sentence_starters.contains(word)
    }

    /// Is `token` (the word before a period, without the period) an abbreviation?
    pub fn is_abbreviation(&self, token: &str) -> bool {
        self.abbreviations.contains(token)
            || (token.chars().next().is_some_and(|c| c.is_uppercase())
                && self.abbreviations.contains(&token.to_lowercase()))
    }
}

/// The bundled lexicon at `index` in `BUNDLED`, parsed on first use: a run that reads only
/// French never parses the other files.
fn bundled(index: usize) -> &'static Lexicon {
    static LEXICONS: [OnceLock<Lexicon>; BUNDLED.len()] =
        [const { OnceLock::new() }; BUNDLED.len()];
    LEXICONS[index].get_or_init(|| {
        let (code, json) = BUNDLED[index];
        // The lexicons are compiled in; a broken one is a build defect caught by the tests.
        let file: LexiconFile = serde_json::from_str(json)
            .unwrap_or_else(|e| panic!("assets/lexicons/{code}.json is invalid: {e}"));
        Lexicon::from_file(file)
    })
}

/// Languages with a lexicon, as ISO 639-1 codes.
pub fn languages() -> Vec<&'static str> {
    BUNDLED.iter().map(|(c, _)| *c).collect()
}

/// The lexicon for `lang` (ISO 639-1), or English when Claimdesk has none for it.
pub fn for_language(lang: &str) -> &'static Lexicon {
    // Each file is named by its code, and the tests check that it says the same language.
    bundled(BUNDLED.iter().position(|(c, _)| *c == lang).unwrap_or(0))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_bundled_lexicon_loads_and_knows_its_language() {
        for code in languages() {
            let lex = for_language(code);
            assert_eq!(lex.language, code);
            assert!(!lex.abbreviations.is_empty());
            assert!(!lex.attribution.is_empty());
        }
    }

    #[test]
    fn every_lexicon_has_the_same_cues() {
        let en = &for_language("en").cues.names;
        assert!(en.len() >= 5);
        for code in languages() {
            assert_eq!(&for_language(code).cues.names, en, "{code}");
        }
        // A phrase entry found in either spelling of its apostrophe maps back to the entry.
        let fr = for_language("fr");
        let negation = fr.cues.names.iter().position(|n| n == "negation").unwrap();
        for sentence in ["le chômage n'a pas baissé", "le chômage n’a pas baissé"] {
            let m = fr.matcher();
            let found = m.scan(sentence);
            let entries: Vec<(&str, Option<usize>)> =
                m.cue_phrases(&found).map(|i| fr.cues.phrase(i)).collect();
            assert!(
                entries.contains(&("n'", Some(negation))),
                "{sentence}: {entries:?}"
            );
        }
    }

    #[test]
    fn one_look_up_answers_for_every_word_list() {
        for code in languages() {
            let lex = for_language(code);
            let facts = |w: &str| *lex.word(w).unwrap_or_else(|| panic!("{code}: {w} missing"));
            for w in &lex.first_person {
                assert!(facts(w).first_person, "{code}: {w}");
            }
            for w in &lex.share_words {
                assert!(facts(w).share, "{code}: {w}");
            }
            for w in &lex.auxiliaries {
                assert!(facts(w).auxiliary, "{code}: {w}");
            }
            for (i, (entry, cues)) in lex.cues.words.iter().enumerate() {
                assert!(!cues.is_empty());
                let curly = entry.replace('\'', "’");
                for spelling in [entry.as_str(), curly.as_str()] {
                    assert_eq!(facts(spelling).cue, Some(i as u32), "{code}: {spelling}");
                }
                // A word of no list that differs by one letter is in none.
                assert_eq!(lex.word(&format!("{entry}zq")), None, "{code}: {entry}");
            }
        }
        // A word in two lists has both facts: "was" is an auxiliary and a cue of the past.
        let en = for_language("en");
        let was = en.word("was").unwrap();
        assert!(was.auxiliary);
        let past = en.cues.names.iter().position(|n| n == "past").unwrap();
        assert!(en.cues.word(was.cue.unwrap()).1.contains(&past));
    }

    #[test]
    fn unknown_language_falls_back_to_english() {
        assert_eq!(for_language("xx").language, "en");
        assert!(for_language("fr").is_title("Mme"));
        assert!(for_language("fr").is_abbreviation("etc"));
        assert!(for_language("en").is_abbreviation("e.g"));
    }

    #[test]
    fn whole_word_matching() {
        let acts = Phrases::new(vec!["act".into(), "passed".into()]);
        assert!(acts.first_hit("in fact it is").is_none());
        assert_eq!(acts.first_hit("the act was passed"), Some(("act", 4)));
        assert_eq!(
            acts.hits("it passed the act"),
            vec![("act", 14), ("passed", 3)]
        );
    }
}
