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
//! The features are in `features`, the claim type in `kind`, the claimant in `entities`.

use super::entities::claimant;
use super::features::{FIXED, Fid, Found, Read, find_features};
use super::kind::claim_kind;
use super::terms::{self, TermWeights};
use crate::lexicon::{Lexicon, List};
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
            Some(i) => self.cues.get(&lex.cues.names[i]).copied().unwrap_or(0.0),
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

/// The reasons for a score ("number", "attribution: said"), strongest first, in one buffer (an
/// English claim has a dozen: one allocation for all of them, not one each).
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
            terms::display_into(tw.name(h), buf);
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
}

/// `score`, with the sentence's named entities. The reasons, claim type and claimant are made
/// only if `explain(score)`; otherwise there are none (type "other").
pub(crate) fn score_with_entities(
    sentence: &str,
    lex: &Lexicon,
    explain: impl FnOnce(f32) -> bool,
) -> Scoring {
    let m = model().for_language(&lex.language);
    let lower = crate::text::to_lowercase(sentence);
    let read = Read::new(sentence, &lower);
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

#[cfg(test)]
mod tests {
    use super::super::entities::offset_before_lowercasing;
    use super::super::features::features;
    use super::super::kind::KINDS;
    use super::*;
    use crate::lexicon::for_language;

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
    fn the_furniture_feature_is_the_lexicons_furniture_rule() {
        // The feature reads the sentence's words and phrases already found; the cleaner asks
        // `lexicon::furniture`. Both must say the same of any sentence.
        let long = "Share this article with the twenty-six words of a long sentence that goes on \
                    and on well past the limit where boilerplate phrases are looked for";
        for code in ["en", "fr"] {
            let lex = for_language(code);
            for s in [
                "Facebook Twitter LinkedIn",
                "Partager sur Facebook",
                "Share this article",
                "Laisser un commentaire",
                "Leave a comment",
                long,
                "Le chômage a reculé de 2 % en 2019.",
                "  ",
                "ΣΑΣ share this",
            ] {
                let feature = features(s, lex).iter().any(|f| f.name == "boilerplate");
                let rule = crate::lexicon::furniture::is_boilerplate(s, lex);
                assert_eq!(feature, rule, "{code}: {s}");
            }
        }
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
            let lower = crate::text::to_lowercase(sentence);
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
        let lower = crate::text::to_lowercase(sentence);
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
}
