//! Check-worthiness: a logistic model over named, explainable features. Every feature that fires
//! and carries weight becomes a reason shown to the reviewer ("number", "attribution: selon",
//! "economy: taxes", "question", …), strongest first.
//!
//! The weights are in `assets/models/checkworthy.json`, fitted by `tools/train_checkworthy.py` on
//! English sentences (the file says on what, when, and with which settings). The features read a
//! sentence through its language's lexicon, so the same weights serve every bundled language.

use super::lexicon::Lexicon;
use super::terms::{self, TermWeights};
use serde::Deserialize;
use std::borrow::Cow;
use std::collections::HashMap;
use std::sync::OnceLock;

/// Default threshold: a sentence scoring at least this is offered as a claim. The model's bias
/// is shifted when it is trained so that the operating point chosen on development data is 0.5.
pub const DEFAULT_THRESHOLD: f32 = 0.5;

#[derive(Debug, Deserialize)]
struct ModelFile {
    bias: f32,
    weights: HashMap<String, f32>,
    #[serde(default)]
    lexical: Option<LexicalFile>,
}

/// The model with word features, for the languages its term weights were fitted on.
#[derive(Debug, Deserialize)]
struct LexicalFile {
    languages: Vec<String>,
    bias: f32,
    weights: HashMap<String, f32>,
    terms: HashMap<String, f32>,
}

/// One logistic model: a bias, weights by feature name, and, for a language with word features,
/// weights by term (see `terms`).
#[derive(Debug)]
pub struct Weights {
    bias: f32,
    named: HashMap<String, f32>,
    terms: Option<TermWeights>,
}

impl Weights {
    /// A named feature's weight; a feature the model does not know weighs nothing.
    pub fn weight(&self, feature: &str) -> f32 {
        self.named.get(feature).copied().unwrap_or(0.0)
    }

    /// The term weights, when this model reads words.
    pub fn terms(&self) -> Option<&TermWeights> {
        self.terms.as_ref()
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
            named_only: Weights {
                bias: f.bias,
                named: f.weights,
                terms: None,
            },
            lexical: f.lexical.map(|l| {
                (
                    l.languages,
                    Weights {
                        bias: l.bias,
                        named: l.weights,
                        terms: Some(TermWeights::new(l.terms)),
                    },
                )
            }),
        })
    }
}

/// The bundled model file (`assets/models/checkworthy.json`), compiled in.
pub const MODEL_JSON: &str = include_str!("../../assets/models/checkworthy.json");

/// The bundled model, parsed on first use.
pub fn model() -> &'static Model {
    static MODEL: OnceLock<Model> = OnceLock::new();
    MODEL.get_or_init(|| {
        // Compiled in; a broken file is a build defect that the tests catch.
        Model::parse(MODEL_JSON)
            .unwrap_or_else(|e| panic!("assets/models/checkworthy.json is invalid: {e}"))
    })
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
    pub reasons: Vec<String>,
    /// Claim type: one of `KINDS`.
    pub kind: &'static str,
    /// Why that type: "number: 24", "causal: because", "attribution: selon".
    pub kind_reason: String,
    /// Who makes the claim, when the sentence says so ("selon X", "X said").
    pub claimant: Option<String>,
}

/// One feature that fired: its name in the model, its value, and the reason shown for it.
#[derive(Debug, Clone, PartialEq)]
pub struct Feature {
    pub name: String,
    pub value: f32,
    pub reason: Option<String>,
}

fn first_hit<'a>(hay: &str, phrases: &'a super::lexicon::Phrases) -> Option<&'a str> {
    phrases.first_hit(hay).map(|(p, _)| p)
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
pub(crate) fn named_entities(sentence: &str, lex: &Lexicon) -> Vec<String> {
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
            // A capitalised function word continues a name already begun ("Kim Jong Un").
            let is_entity = cap
                && !first
                && (!current.is_empty() || !lex.stopwords_capitalised.contains(core))
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
/// "Kim a exprimé", "Smith said".
fn claimant(sentence: &str, lower: &str, lex: &Lexicon) -> Option<String> {
    for (p, at) in lex.attribution.hits(lower) {
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
            let phrase = strip_determiner(&phrase, lex);
            if !phrase.is_empty() {
                return Some(phrase.to_string());
            }
        } else {
            // The capitalised run just before the verb: "Kim Jong Un a déclaré", "Smith said",
            // or before a short aside between commas: "Poutine, pour sa part, a salué".
            let before = skip_aside(&sentence[..at]);
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

/// What the features found in a sentence, kept for the claim type and claimant.
struct Found<'a> {
    features: Vec<Feature>,
    digit: bool,
    money_or_percent: bool,
    event: Option<String>,
    attribution: Option<&'a str>,
    quoted: bool,
    number_word: Option<&'a str>,
    year: bool,
    causal: Option<&'a str>,
    prediction: Option<&'a str>,
    comparison: Option<&'a str>,
    law: Option<&'a str>,
    first_person: bool,
}

/// Counts of digit groups ("3.5" is one, "1961 and 2018" two), up to 3.
fn digit_groups(s: &str) -> usize {
    let mut n = 0;
    let mut in_group = false;
    for b in s.bytes() {
        let d = b.is_ascii_digit();
        if d && !in_group {
            n += 1;
            if n >= 3 {
                return n;
            }
        }
        in_group = d || (in_group && matches!(b, b'.' | b',' | b' '));
    }
    n
}

fn find_features<'a>(sentence: &str, lex: &'a Lexicon) -> Found<'a> {
    let lower = sentence.to_lowercase();
    let mut f: Vec<Feature> = Vec::with_capacity(16);
    let mut add = |name: &str, value: f32, reason: Option<String>| {
        f.push(Feature {
            name: name.to_string(),
            value,
            reason,
        })
    };
    let n_words = words(sentence).count();

    let groups = digit_groups(sentence);
    let digit = groups > 0;
    let number_word = first_hit(&lower, &lex.number_words);
    if digit {
        add("number", 1.0, Some("number".into()));
    }
    if groups >= 2 {
        add("numbers_2plus", 1.0, Some("several numbers".into()));
    }
    if let Some(w) = number_word {
        add("number_word", 1.0, Some(format!("number: {w}")));
    }
    let money_or_percent = sentence.contains(['%', '$', '€', '£']);
    if money_or_percent {
        add("money_or_percent", 1.0, Some("money or percentage".into()));
    }
    let year = has_year(sentence);
    if year {
        add("year", 1.0, Some("date".into()));
    }
    if let Some(m) = first_hit(&lower, &lex.months).or_else(|| first_hit(&lower, &lex.weekdays)) {
        add("date", 1.0, Some(format!("date: {m}")));
    }
    let event = past_event(&lower, lex);
    if let Some(e) = &event {
        add("event", 1.0, Some(format!("event: {e}")));
    }
    let attribution = first_hit(&lower, &lex.attribution);
    if let Some(a) = attribution {
        add("attribution", 1.0, Some(format!("attribution: {a}")));
    }
    let quoted =
        sentence.contains('«') || sentence.contains('“') || sentence.matches('"').count() >= 2;
    if quoted {
        add("quote", 1.0, Some("quote".into()));
    }
    let entities = named_entities(sentence, lex);
    if !entities.is_empty() {
        let reason = format!(
            "named entity: {}",
            entities
                .iter()
                .take(3)
                .cloned()
                .collect::<Vec<_>>()
                .join(", ")
        );
        let name = if entities.len() >= 2 {
            "entity_2plus"
        } else {
            "entity_1"
        };
        add(name, 1.0, Some(reason));
    }
    let comparison = first_hit(&lower, &lex.comparison);
    if let Some(c) = comparison {
        add("comparison", 1.0, Some(format!("comparison: {c}")));
    }
    let causal = first_hit(&lower, &lex.causal);
    if let Some(c) = causal {
        add("causal", 1.0, Some(format!("causal: {c}")));
    }
    let prediction = first_hit(&lower, &lex.prediction);
    if let Some(p) = prediction {
        add("prediction", 1.0, Some(format!("prediction: {p}")));
    }
    let law = first_hit(&lower, &lex.law);
    if let Some(l) = law {
        add("law", 1.0, Some(format!("law or rule: {l}")));
    }
    if sentence
        .trim_end()
        .trim_end_matches(['»', '"', '”', ' ', ')'])
        .ends_with('?')
    {
        add("question", 1.0, Some("question".into()));
    }
    let opinion = first_hit(&lower, &lex.opinion);
    if let Some(o) = opinion {
        add("opinion", 1.0, Some(format!("opinion: {o}")));
    }
    if let Some(h) = first_hit(&lower, &lex.hedges) {
        add("hedge", 1.0, Some(format!("hedge: {h}")));
    }
    let first_person = words(&lower).any(|w| lex.first_person.contains(w));
    if first_person {
        add("first_person", 1.0, Some("first person".into()));
    }
    if n_words <= 6 && first_hit(&lower, &lex.greetings).is_some() {
        add("greeting", 1.0, Some("greeting".into()));
    }
    if is_boilerplate(sentence, lex) {
        add("boilerplate", 1.0, Some("boilerplate".into()));
    }
    let (bucket, reason) = match n_words {
        0..=4 => ("len_1_4", Some("too short")),
        5..=9 => ("len_5_9", None),
        10..=19 => ("len_10_19", None),
        20..=34 => ("len_20_34", None),
        _ => ("len_35_plus", None),
    };
    add(bucket, 1.0, reason.map(String::from));
    // Word-class cues from the lexicon.
    let cue_text = lower.replace('’', "'");
    let cue_words: Vec<&str> = words(&cue_text).collect();
    for (name, hit) in lex
        .cues
        .names
        .iter()
        .zip(lex.cues.find(&cue_text, &cue_words))
    {
        if let Some(entry) = hit {
            add(
                &format!("cue:{name}"),
                1.0,
                Some(format!("{}: {entry}", name.replace('_', " "))),
            );
        }
    }
    Found {
        features: f,
        digit,
        money_or_percent,
        event,
        attribution,
        quoted,
        number_word,
        year,
        causal,
        prediction,
        comparison,
        law,
        first_person,
    }
}

/// The features of one sentence, as the model sees them (for training and inspection): the
/// named features, then the terms (`w:percent`, `w:thank you`; see `terms`). Terms are listed in
/// every language; only the model fitted on a language's words weighs them.
pub fn features(sentence: &str, lex: &Lexicon) -> Vec<Feature> {
    let mut f = find_features(sentence, lex).features;
    f.extend(
        terms::terms(&sentence.to_lowercase())
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
fn term_reasons(tw: &TermWeights, hits: &mut [terms::Hit]) -> Vec<(f32, String)> {
    hits.sort_by(|a, b| b.weight.total_cmp(&a.weight));
    let mut out = Vec::new();
    let split = hits.partition_point(|h| h.weight > 0.0);
    let (pos, neg) = hits.split_at(split);
    for (label, side) in [("words", pos), ("words against", neg)] {
        let side: Vec<&terms::Hit> = if label == "words" {
            side.iter().collect()
        } else {
            side.iter().rev().collect()
        };
        let total: f32 = side.iter().map(|h| h.weight).sum();
        let shown: Vec<String> = side
            .iter()
            .filter(|h| h.weight.abs() >= TERM_SHOWN_WEIGHT)
            .take(TERMS_SHOWN)
            .map(|h| terms::display(tw.name(h)))
            .collect();
        if !shown.is_empty() && total.abs() >= 0.05 {
            out.push((total, format!("{label}: {}", shown.join(", "))));
        }
    }
    out
}

/// Scores one sentence with the given language's lexicon.
pub fn score(sentence: &str, lex: &Lexicon) -> Scored {
    let m = model().for_language(&lex.language);
    let found = find_features(sentence, lex);
    let lower = sentence.to_lowercase();
    let mut z = m.bias;
    let mut weighed: Vec<(f32, Cow<str>)> = Vec::new();
    for feat in &found.features {
        let c = m.weight(&feat.name) * feat.value;
        z += c;
        if let Some(r) = &feat.reason
            && c.abs() >= 0.05
        {
            weighed.push((c, Cow::Borrowed(r.as_str())));
        }
    }
    if let Some(tw) = m.terms() {
        let mut hits = tw.hits(&lower);
        z += hits.iter().map(|h| h.weight).sum::<f32>();
        weighed.extend(
            term_reasons(tw, &mut hits)
                .into_iter()
                .map(|(c, r)| (c, Cow::Owned(r))),
        );
    }
    // Strongest evidence first, for or against.
    weighed.sort_by(|a, b| b.0.abs().total_cmp(&a.0.abs()));
    let mut reasons: Vec<String> = Vec::with_capacity(weighed.len());
    for (_, r) in weighed {
        if !reasons.iter().any(|x| *x == r) {
            reasons.push(r.into_owned());
        }
    }

    let (kind, kind_reason) = claim_kind(&found, &lower, lex);
    Scored {
        score: 1.0 / (1.0 + (-z).exp()),
        reasons,
        kind,
        kind_reason,
        claimant: claimant(sentence, &lower, lex),
    }
}

/// The Full Fact type of a sentence and the evidence for it. The first rule that applies wins:
/// a forecast, then a causal link, a quantity, a law or rule, a quote or attribution, a personal
/// experience, an event; otherwise "other".
fn claim_kind(found: &Found, lower: &str, lex: &Lexicon) -> (&'static str, String) {
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
    if found.first_person && (found.event.is_some() || has_past_cue(lower, lex)) {
        return ("personal", "first person, past".to_string());
    }
    if let Some(e) = &found.event {
        return ("event", format!("event: {e}"));
    }
    ("other", String::new())
}

fn has_past_cue(lower: &str, lex: &Lexicon) -> bool {
    let Some(i) = lex.cues.names.iter().position(|n| n == "past") else {
        return false;
    };
    let t = lower.replace('’', "'");
    let ws: Vec<&str> = words(&t).collect();
    lex.cues.find(&t, &ws)[i].is_some()
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
    n_words <= 25 && lex.boilerplate.first_hit(&lower).is_some()
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
        assert!(s.reasons.iter().any(|r| r.starts_with("date")), "{s:?}");
        assert!(
            s.reasons.contains(&"attribution: selon".to_string()),
            "{s:?}"
        );
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
                        .filter(|f| f.reason.as_deref() == Some(r.as_str()))
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
