//! The type of a claim, as Full Fact's typology has it (quantity, causation, law, prediction,
//! personal experience, quote, event, other), with the evidence for it ("number", "causal:
//! because", "attribution: selon").

use super::features::Found;
use crate::lexicon::Lexicon;

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

/// The Full Fact type of a sentence and the evidence for it. The first rule that applies wins:
/// a forecast, then a causal link, a quantity, a law or rule, a quote or attribution, a personal
/// experience, an event; otherwise "other".
pub(super) fn claim_kind(found: &Found, lex: &Lexicon) -> (&'static str, String) {
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
