//! Check-worthiness: a small logistic model over explainable features. Every feature that fires
//! becomes a reason shown to the reviewer ("number", "attribution: selon", "question", …).
//!
//! The weights are hand-set from the CheckThat! 2024 English dev set and the French sample; the
//! "extraction quality" work replaces them with weights fitted on training data.

use super::lexicon::Lexicon;

/// Default threshold: a sentence scoring at least this is offered as a claim.
pub const DEFAULT_THRESHOLD: f32 = 0.5;

/// The weight of each feature (log-odds).
struct Weights {
    bias: f32,
    number: f32,
    number_word: f32,
    event: f32,
    date: f32,
    attribution: f32,
    quote: f32,
    entity: f32,
    max_entities: usize,
    comparison: f32,
    causal: f32,
    prediction: f32,
    law: f32,
    long_enough: f32,
    question: f32,
    opinion: f32,
    hedge: f32,
    first_person: f32,
    greeting: f32,
    boilerplate: f32,
    too_short: f32,
}

const W: Weights = Weights {
    bias: -2.0,
    number: 1.8,
    number_word: 0.6,
    event: 0.6,
    date: 0.9,
    attribution: 0.9,
    quote: 0.5,
    entity: 0.35,
    max_entities: 4,
    comparison: 0.9,
    causal: 0.5,
    prediction: 0.2,
    law: 0.7,
    long_enough: 0.5,
    question: -1.8,
    opinion: -1.1,
    hedge: -0.6,
    first_person: 0.0,
    greeting: -2.5,
    boilerplate: -4.0,
    too_short: -1.5,
};

/// Full Fact's claim types, as used in reports.
pub const KINDS: &[&str] = &[
    "quantity",
    "prediction",
    "causation",
    "law",
    "personal",
    "other",
];

/// A sentence's check-worthiness and why.
#[derive(Debug, Clone, PartialEq)]
pub struct Scored {
    pub score: f32,
    pub reasons: Vec<String>,
    /// Claim type: one of `KINDS`.
    pub kind: &'static str,
    /// Who makes the claim, when the sentence says so ("selon X", "X said").
    pub claimant: Option<String>,
}

/// Is `phrase` in `hay` (both lower-case) as whole words? Returns the byte offset of the first hit.
pub(crate) fn find_phrase(hay: &str, phrase: &str) -> Option<usize> {
    let phrase_trim = phrase.trim_end();
    let mut from = 0;
    while let Some(pos) = hay[from..].find(phrase_trim) {
        let s = from + pos;
        let e = s + phrase_trim.len();
        let before_ok = hay[..s].chars().next_back().is_none_or(|c| {
            !c.is_alphanumeric() || !phrase_trim.starts_with(char::is_alphanumeric)
        });
        let after_ok = hay[e..]
            .chars()
            .next()
            .is_none_or(|c| !c.is_alphanumeric() || !phrase_trim.ends_with(char::is_alphanumeric));
        if before_ok && after_ok {
            return Some(s);
        }
        from = s + hay[s..].chars().next().map_or(1, char::len_utf8);
    }
    None
}

fn first_hit<'a>(hay: &str, phrases: &'a [String]) -> Option<&'a str> {
    phrases
        .iter()
        .find(|p| find_phrase(hay, p).is_some())
        .map(|p| p.trim_end())
}

fn words(s: &str) -> impl Iterator<Item = &str> {
    s.split(|c: char| !(c.is_alphanumeric() || c == '\'' || c == '’' || c == '-'))
        .filter(|w| !w.is_empty())
}

fn has_year(s: &str) -> bool {
    words(s).any(|w| {
        w.len() == 4
            && w.bytes().all(|b| b.is_ascii_digit())
            && (w.starts_with("1") || w.starts_with("20"))
    })
}

/// A completed action in the past: "ont signé", "a atterri", "has doubled", "were killed".
fn past_event(lower: &str, lex: &Lexicon) -> Option<String> {
    let ws: Vec<&str> = words(lower).collect();
    ws.windows(2).find_map(|p| {
        let participle = p[1].chars().count() > 3
            && lex
                .participle_suffixes
                .iter()
                .any(|s| p[1].ends_with(s.as_str()));
        (lex.auxiliaries.iter().any(|a| a == p[0]) && participle)
            .then(|| format!("{} {}", p[0], p[1]))
    })
}

/// Runs of capitalised words that are not at the sentence start and not function words.
/// Punctuation ends a run: "Corée du Nord, Poutine" is two entities.
fn named_entities(sentence: &str, lex: &Lexicon) -> Vec<String> {
    const LINKERS: [&str; 11] = [
        "de", "du", "des", "la", "le", "of", "the", "von", "van", "al", "bin",
    ];
    let mut out: Vec<String> = Vec::new();
    let mut first = true;
    for part in sentence.split([
        ',', ';', ':', '(', ')', '«', '»', '–', '—', '"', '“', '”', '.', '!', '?',
    ]) {
        let mut current: Vec<&str> = Vec::new();
        for w in words(part) {
            // "l’Ukraine", "d’Aurus": the capitalised word after an elided article.
            let core = match w.split_once(['\'', '’']) {
                Some((art, rest)) if art.chars().count() <= 2 && !rest.is_empty() => rest,
                _ => w,
            };
            let cap = core.chars().next().is_some_and(char::is_uppercase);
            let is_entity = cap
                && !first
                && !lex.stopwords_capitalised.contains(core)
                && core.chars().count() > 1;
            first = false;
            if is_entity {
                current.push(core);
            } else if !current.is_empty() && LINKERS.contains(&w) {
                current.push(w);
            } else {
                flush_entity(&mut current, &mut out, &LINKERS);
            }
        }
        flush_entity(&mut current, &mut out, &LINKERS);
    }
    out.dedup();
    out
}

fn flush_entity(current: &mut Vec<&str>, out: &mut Vec<String>, linkers: &[&str]) {
    while current.last().is_some_and(|l| linkers.contains(l)) {
        current.pop();
    }
    if !current.is_empty() {
        out.push(current.join(" "));
    }
    current.clear();
}

/// The claimant named by an attribution: "selon Youri Ouchakov", "according to the ministry",
/// "Kim a exprimé", "Smith said".
fn claimant(sentence: &str, lower: &str, lex: &Lexicon) -> Option<String> {
    for p in &lex.attribution {
        let p = p.trim_end();
        let Some(at) = find_phrase(lower, p) else {
            continue;
        };
        let leading = ["selon", "d'après", "d’après", "according to"].contains(&p);
        if leading {
            let after = &sentence[at + p.len()..];
            let phrase: String = after
                .split([',', '.', ';', ':', '–', '—', '(', '«', '»'])
                .next()
                .unwrap_or("")
                .split_whitespace()
                .take(6)
                .collect::<Vec<_>>()
                .join(" ");
            if !phrase.is_empty() {
                return Some(phrase);
            }
        } else {
            // The capitalised run just before the verb: "Kim Jong Un a déclaré", "Smith said".
            let before = &sentence[..at];
            let tail: Vec<&str> = before.split_whitespace().rev().take(4).collect();
            let mut name: Vec<&str> = tail
                .iter()
                .take_while(|w| w.chars().next().is_some_and(char::is_uppercase))
                .copied()
                .collect();
            name.reverse();
            let name = name.join(" ");
            let name = name.trim_matches(|c: char| !c.is_alphanumeric());
            if !name.is_empty() && !lex.stopwords_capitalised.contains(name) {
                return Some(name.to_string());
            }
        }
    }
    None
}

/// Scores one sentence with the given language's lexicon.
pub fn score(sentence: &str, lex: &Lexicon) -> Scored {
    let lower = sentence.to_lowercase();
    let mut z = W.bias;
    let mut reasons = Vec::new();
    let n_words = words(sentence).count();

    let digit = sentence.bytes().any(|b| b.is_ascii_digit());
    let number_word = first_hit(&lower, &lex.number_words);
    if digit {
        z += W.number;
        reasons.push("number".to_string());
    } else if let Some(w) = number_word {
        z += W.number_word;
        reasons.push(format!("number: {w}"));
    }
    if let Some(e) = past_event(&lower, lex) {
        z += W.event;
        reasons.push(format!("event: {e}"));
    }
    let month = first_hit(&lower, &lex.months).or_else(|| first_hit(&lower, &lex.weekdays));
    if has_year(sentence) || month.is_some() {
        z += W.date;
        reasons.push("date".to_string());
    }
    let attribution = first_hit(&lower, &lex.attribution);
    if let Some(a) = attribution {
        z += W.attribution;
        reasons.push(format!("attribution: {a}"));
    }
    let quoted =
        sentence.contains('«') || sentence.contains('“') || sentence.matches('"').count() >= 2;
    if quoted {
        z += W.quote;
        reasons.push("quote".to_string());
    }
    let entities = named_entities(sentence, lex);
    if !entities.is_empty() {
        z += W.entity * entities.len().min(W.max_entities) as f32;
        reasons.push(format!(
            "named entity: {}",
            entities
                .iter()
                .take(3)
                .cloned()
                .collect::<Vec<_>>()
                .join(", ")
        ));
    }
    let comparison = first_hit(&lower, &lex.comparison);
    if let Some(c) = comparison {
        z += W.comparison;
        reasons.push(format!("comparison: {c}"));
    }
    let causal = first_hit(&lower, &lex.causal);
    if let Some(c) = causal {
        z += W.causal;
        reasons.push(format!("causal: {c}"));
    }
    let prediction = first_hit(&lower, &lex.prediction);
    if let Some(p) = prediction {
        z += W.prediction;
        reasons.push(format!("prediction: {p}"));
    }
    let law = first_hit(&lower, &lex.law);
    if let Some(l) = law {
        z += W.law;
        reasons.push(format!("law or rule: {l}"));
    }
    if n_words >= 8 {
        z += W.long_enough;
    }
    // Negative evidence.
    if sentence
        .trim_end()
        .trim_end_matches(['»', '"', '”', ' ', ')'])
        .ends_with('?')
    {
        z += W.question;
        reasons.push("question".to_string());
    }
    let opinion = first_hit(&lower, &lex.opinion);
    if let Some(o) = opinion {
        z += W.opinion;
        reasons.push(format!("opinion: {o}"));
    }
    if let Some(h) = first_hit(&lower, &lex.hedges) {
        z += W.hedge;
        reasons.push(format!("hedge: {h}"));
    }
    let first_person = words(&lower).any(|w| lex.first_person.contains(w));
    if first_person && opinion.is_none() {
        z += W.first_person;
        reasons.push("first person".to_string());
    }
    if n_words <= 6 && first_hit(&lower, &lex.greetings).is_some() {
        z += W.greeting;
        reasons.push("greeting".to_string());
    }
    if is_boilerplate(sentence, lex) {
        z += W.boilerplate;
        reasons.push("boilerplate".to_string());
    }
    if n_words < 5 {
        z += W.too_short;
        reasons.push("too short".to_string());
    }

    let kind = if prediction.is_some()
        && (digit || number_word.is_some() || has_year(sentence))
        && lower.contains("will")
        || prediction.is_some_and(|p| {
            ["prévoit", "devrait", "forecast", "expected to", "predicted"].contains(&p)
        }) {
        "prediction"
    } else if causal.is_some() {
        "causation"
    } else if digit || comparison.is_some() {
        "quantity"
    } else if law.is_some() {
        "law"
    } else if first_person {
        "personal"
    } else {
        "other"
    };
    Scored {
        score: 1.0 / (1.0 + (-z).exp()),
        reasons,
        kind,
        claimant: claimant(sentence, &lower, lex),
    }
}

/// Page furniture: share buttons, comment forms, newsletter prompts (in any bundled language).
pub fn is_boilerplate(text: &str, lex: &Lexicon) -> bool {
    let lower = text.trim().to_lowercase();
    if lower.is_empty() {
        return false;
    }
    if words(&lower).all(|w| lex.share_words.contains(w)) {
        return true; // a row of share buttons: "Facebook Twitter LinkedIn"
    }
    let n_words = words(&lower).count();
    n_words <= 25
        && lex
            .boilerplate
            .iter()
            .any(|p| find_phrase(&lower, p).is_some())
}

#[cfg(test)]
mod tests {
    use super::super::lexicon::for_language;
    use super::*;

    #[test]
    fn factual_french_sentence_scores_above_threshold_with_reasons() {
        let s = score(
            "Mercredi, Poutine a offert à Kim une voiture Aurus lors d’un échange de cadeaux, selon les médias d’État russes.",
            for_language("fr"),
        );
        assert!(s.score >= DEFAULT_THRESHOLD, "{s:?}");
        assert!(s.reasons.contains(&"date".to_string()), "{s:?}");
        assert!(
            s.reasons.contains(&"attribution: selon".to_string()),
            "{s:?}"
        );
        assert_eq!(s.claimant.as_deref(), Some("les médias d’État russes"));
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
        assert!(
            score("Leave a Comment", en)
                .reasons
                .contains(&"boilerplate".to_string())
        );
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
    fn whole_word_matching() {
        assert!(find_phrase("in fact it is", "act").is_none());
        assert_eq!(find_phrase("the act was passed", "act"), Some(4));
    }
}
