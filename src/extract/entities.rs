//! Who and what a sentence names: runs of capitalised words ("Kim Jong Un", "Corée du Nord"),
//! the claimant of an attribution ("selon Youri Ouchakov", "Smith said"), and, over a whole
//! article, the full names that resolve a claimant named by one word ("Kim" → "Kim Jong Un").

use crate::lexicon::Lexicon;
use crate::text::words;
use rustc_hash::FxHashMap;

/// Runs of capitalised words that are not at the sentence start and not function words.
/// Punctuation ends a run: "Corée du Nord, Poutine" is two entities.
pub fn named_entities(sentence: &str, lex: &Lexicon) -> Vec<String> {
    let mut out: Vec<String> = Vec::new();
    let mut current: Vec<&str> = Vec::new();
    let mut first = true;
    // One pass over the words; punctuation between two words ends a run.
    let mut prev_end = 0;
    for w in words(sentence) {
        let start = w.as_ptr() as usize - sentence.as_ptr() as usize;
        if sentence[prev_end..start].chars().any(breaks_entity) {
            flush_entity(&mut current, &mut out);
        }
        prev_end = start + w.len();
        // "l’Ukraine", "d’Aurus": the capitalised word after an elided article.
        let elided = if w.is_ascii() {
            w.split_once('\'')
        } else {
            w.split_once(['\'', '’'])
        };
        let core = match elided {
            Some((art, rest)) if art.chars().count() <= 2 && !rest.is_empty() => rest,
            _ => w,
        };
        // A capitalised function word continues a name already begun ("Kim Jong Un").
        let is_entity = core.chars().next().is_some_and(char::is_uppercase)
            && !first
            && core.chars().nth(1).is_some()
            && (!current.is_empty() || !lex.stopwords_capitalised.contains(core));
        first = false;
        if is_entity {
            current.push(core);
        } else if !current.is_empty() && LINKERS.contains(&w) {
            current.push(w);
        } else {
            flush_entity(&mut current, &mut out);
        }
    }
    flush_entity(&mut current, &mut out);
    out.dedup();
    out
}

/// Punctuation that ends a run of capitalised words.
fn breaks_entity(c: char) -> bool {
    matches!(
        c,
        ',' | ';' | ':' | '(' | ')' | '«' | '»' | '–' | '—' | '"' | '“' | '”' | '.' | '!' | '?'
    )
}

/// Words that join the parts of a name ("Corée du Nord", "Bank of England").
const LINKERS: [&str; 11] = [
    "de", "du", "des", "la", "le", "of", "the", "von", "van", "al", "bin",
];

/// The run of words `current` as an entity of `out` (without linkers at its end), and a new run.
fn flush_entity(current: &mut Vec<&str>, out: &mut Vec<String>) {
    while current.last().is_some_and(|l| LINKERS.contains(l)) {
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
pub(super) fn claimant(
    sentence: &str,
    attributions: &[(&str, usize)],
    lex: &Lexicon,
) -> Option<String> {
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
pub(super) fn offset_before_lowercasing(sentence: &str, at: usize, round_up: bool) -> usize {
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

/// Full names met so far in the article, to resolve a claimant named by one word: "Kim" →
/// "Kim Jong Un" once "Kim Jong Un" has appeared.
#[derive(Default)]
pub(super) struct Names {
    /// A word → the longest earlier name that contains it, and that name's number of words.
    by_word: FxHashMap<String, (usize, String)>,
}

impl Names {
    /// Learns the names among a sentence's named entities.
    pub(super) fn learn_entities(&mut self, entities: Vec<String>) {
        for name in entities {
            let n_words = name.split_whitespace().count();
            if n_words < 2 {
                continue;
            }
            for w in name.split_whitespace() {
                if w.chars().next().is_some_and(char::is_uppercase) {
                    match self.by_word.get_mut(w) {
                        Some(slot) if slot.0 >= n_words => {}
                        Some(slot) => *slot = (n_words, name.clone()),
                        None => {
                            self.by_word.insert(w.to_string(), (n_words, name.clone()));
                        }
                    }
                }
            }
        }
    }

    /// Whether `resolve` may change a claimant: one given by one word.
    pub(super) fn may_resolve(claimant: &str) -> bool {
        claimant.split_whitespace().count() == 1
    }

    /// A claimant given by one word becomes the longest name met so far that contains it.
    pub(super) fn resolve(&self, claimant: &mut Option<String>) {
        if let Some(c) = claimant
            && Self::may_resolve(c)
            && let Some((_, full)) = self.by_word.get(c.as_str())
        {
            c.clone_from(full);
        }
    }
}
