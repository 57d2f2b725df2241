//! Per-language knowledge as data: `assets/lexicons/<lang>.json`, one file per language.
//! Adding a language means adding a file here and a line in `BUNDLED`, not code.

use serde::Deserialize;
use std::collections::{BTreeMap, HashMap, HashSet};
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
#[derive(Debug)]
pub struct Phrases {
    list: Vec<String>,
    /// Phrases as matched: trailing spaces trimmed ("va " is the word "va").
    trimmed: Vec<String>,
    automaton: Option<aho_corasick::AhoCorasick>,
}

impl Phrases {
    pub fn new(list: Vec<String>) -> Self {
        let trimmed: Vec<String> = list.iter().map(|p| p.trim_end().to_string()).collect();
        let automaton =
            aho_corasick::AhoCorasick::new(trimmed.iter().filter(|p| !p.is_empty())).ok();
        let trimmed = trimmed.into_iter().filter(|p| !p.is_empty()).collect();
        Self {
            list,
            trimmed,
            automaton,
        }
    }

    /// Every phrase of the list found in `hay` as whole words, with the byte offset of its first
    /// occurrence, in list order. `hay` must be lower-case.
    pub fn hits(&self, hay: &str) -> Vec<(&str, usize)> {
        let Some(ac) = self.automaton.as_ref() else {
            return Vec::new();
        };
        let mut first: std::collections::BTreeMap<usize, usize> = std::collections::BTreeMap::new();
        for m in ac.find_overlapping_iter(hay) {
            let idx = m.pattern().as_usize();
            if first.get(&idx).is_some_and(|at| *at <= m.start()) {
                continue;
            }
            let phrase = &self.trimmed[idx];
            let before_ok = hay[..m.start()]
                .chars()
                .next_back()
                .is_none_or(|c| !c.is_alphanumeric() || !phrase.starts_with(char::is_alphanumeric));
            let after_ok = hay[m.end()..]
                .chars()
                .next()
                .is_none_or(|c| !c.is_alphanumeric() || !phrase.ends_with(char::is_alphanumeric));
            if before_ok && after_ok {
                first.insert(idx, m.start());
            }
        }
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

impl std::ops::Deref for Phrases {
    type Target = [String];

    fn deref(&self) -> &[String] {
        &self.list
    }
}

/// Word-class cues: named lists of words and phrases ("economy": "taxes", "deficit", …) that the
/// check-worthiness model uses as features. Every lexicon has the same cue names, so a model
/// trained in one language reads the others through their lists.
#[derive(Debug, Default)]
pub struct Cues {
    /// Cue names, sorted.
    pub names: Vec<String>,
    /// Single words (lower-case, `'` for apostrophes) → indexes into `names`.
    words: HashMap<String, Vec<usize>>,
    /// Phrases of several words, or with an apostrophe at an edge ("il y a", "n'") → index.
    phrases: Vec<(String, usize)>,
    /// The same phrases, matched in one pass.
    phrase_set: Option<Phrases>,
}

impl Cues {
    fn new(map: BTreeMap<String, Vec<String>>) -> Self {
        let mut cues = Cues::default();
        for (i, (name, list)) in map.into_iter().enumerate() {
            cues.names.push(name);
            for entry in list {
                let e = entry.to_lowercase().replace('’', "'");
                let single = !e.contains(' ') && !e.starts_with('\'') && !e.ends_with('\'');
                if single {
                    let v = cues.words.entry(e).or_default();
                    if !v.contains(&i) {
                        v.push(i);
                    }
                } else {
                    cues.phrases.push((e, i));
                }
            }
        }
        cues.phrase_set = Some(Phrases::new(
            cues.phrases.iter().map(|(p, _)| p.clone()).collect(),
        ));
        cues
    }

    /// For each cue, the first entry found in `lower` (lower-cased, `'` for apostrophes), given
    /// its words: `hits[i]` is `Some(entry)` when cue `names[i]` fires.
    pub fn find<'a>(&'a self, lower: &str, words: &[&'a str]) -> Vec<Option<&'a str>> {
        let mut hits: Vec<Option<&str>> = vec![None; self.names.len()];
        for w in words {
            if let Some((key, idx)) = self.words.get_key_value(*w) {
                for &i in idx {
                    hits[i].get_or_insert(key.as_str());
                }
            }
        }
        if let Some(set) = &self.phrase_set {
            for (p, _) in set.hits(lower) {
                // Phrases are unique per list position; map back to the cue of that phrase.
                if let Some((_, i)) = self.phrases.iter().find(|(q, _)| q.trim_end() == p) {
                    hits[*i].get_or_insert(p);
                }
            }
        }
        hits
    }
}

/// A language's word lists, ready for matching. Phrases are lower-case.
#[derive(Debug)]
pub struct Lexicon {
    pub language: String,
    /// Abbreviations (without their final period) that may end a sentence: "etc", "U.S", "a.m".
    pub abbreviations: HashSet<String>,
    /// Titles that always precede a name, so never end a sentence: "Mr", "Dr", "M", "Mme".
    pub titles: HashSet<String>,
    /// Capitalised words that usually open a sentence ("The", "How", "Il", "Selon"): after an
    /// abbreviation or an initial, they mark a boundary; other capitalised words (names) do not.
    pub sentence_starters: HashSet<String>,
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
    pub stopwords_capitalised: HashSet<String>,
    pub first_person: HashSet<String>,
    pub boilerplate: Phrases,
    pub share_words: HashSet<String>,
    pub credit_markers: Vec<String>,
    /// Blocks that are page furniture when they are nothing else ("Comments", "Publicité").
    pub boilerplate_lines: HashSet<String>,
    /// Block openings after which the page lists other articles ("Lire aussi", "Related articles").
    pub section_enders: Vec<String>,
    /// Words of a dateline ("Published", "Mis à jour le").
    pub dateline_words: Vec<String>,
    /// Words that open a byline ("By", "Par").
    pub byline_prefixes: Vec<String>,
    pub auxiliaries: Vec<String>,
    pub participle_suffixes: Vec<String>,
    pub cues: Cues,
    /// Articles stripped from the front of a claimant ("les", "the", "l'"), `'` for apostrophes.
    pub determiners: Vec<String>,
}

fn lower(v: Vec<String>) -> Vec<String> {
    v.into_iter().map(|s| s.to_lowercase()).collect()
}

impl Lexicon {
    fn from_file(f: LexiconFile) -> Self {
        Self {
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
            boilerplate_lines: lower(f.boilerplate_lines).into_iter().collect(),
            section_enders: lower(f.section_enders),
            dateline_words: lower(f.dateline_words),
            byline_prefixes: lower(f.byline_prefixes),
            auxiliaries: lower(f.auxiliaries),
            participle_suffixes: lower(f.participle_suffixes),
            cues: Cues::new(f.cues),
            determiners: f
                .determiners
                .into_iter()
                .map(|d| d.to_lowercase().replace('’', "'"))
                .collect(),
        }
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

fn all() -> &'static Vec<Lexicon> {
    static LEXICONS: OnceLock<Vec<Lexicon>> = OnceLock::new();
    LEXICONS.get_or_init(|| {
        BUNDLED
            .iter()
            .map(|(code, json)| {
                // The lexicons are compiled in; a broken one is a build defect caught by the tests.
                let file: LexiconFile = serde_json::from_str(json)
                    .unwrap_or_else(|e| panic!("assets/lexicons/{code}.json is invalid: {e}"));
                Lexicon::from_file(file)
            })
            .collect()
    })
}

/// Languages with a lexicon, as ISO 639-1 codes.
pub fn languages() -> Vec<&'static str> {
    BUNDLED.iter().map(|(c, _)| *c).collect()
}

/// The lexicon for `lang` (ISO 639-1), or English when Claimdesk has none for it.
pub fn for_language(lang: &str) -> &'static Lexicon {
    let all = all();
    all.iter()
        .find(|l| l.language == lang)
        .unwrap_or_else(|| &all[0])
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
        let fr = for_language("fr");
        let hits = fr
            .cues
            .find("le chômage n'a pas baissé", &["le", "chômage"]);
        let economy = fr.cues.names.iter().position(|n| n == "economy").unwrap();
        let negation = fr.cues.names.iter().position(|n| n == "negation").unwrap();
        assert_eq!(hits[economy], Some("chômage"));
        assert_eq!(hits[negation], Some("n'"));
    }

    #[test]
    fn unknown_language_falls_back_to_english() {
        assert_eq!(for_language("xx").language, "en");
        assert!(for_language("fr").is_title("Mme"));
        assert!(for_language("fr").is_abbreviation("etc"));
        assert!(for_language("en").is_abbreviation("e.g"));
    }
}
