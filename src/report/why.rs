//! Why a sentence is a claim, for people: the extractor's reasons ("number", "attribution:
//! selon", "named entity: Vladimir Poutine, Kim", strongest first) in words of a language.
//!
//! Presentation only: the sessions keep the reasons as the extractor wrote them (other tools
//! read them). Pure functions of a `Lang` and the reason strings, with no egui, so that
//! the window and the reports for the desk say them alike.

use crate::i18n::Lang;

/// Reasons shown on the first line of the claim detail; the others are one click away.
pub const HEADLINE: usize = 3;

/// The word lists of the term model ("words: 'donald', 'first'"): telling, but not in words a
/// reviewer reads at a glance, so never on the first line.
const WORD_LISTS: [&str; 2] = ["words", "words against"];

/// The label of a reason ("attribution" for "attribution: selon") and what was found, if any.
fn split(reason: &str) -> (&str, Option<&str>) {
    match reason.split_once(": ") {
        Some((label, what)) => (label.trim(), Some(what.trim())),
        None => (reason.trim(), None),
    }
}

/// The message saying reason `label` (with what was found, or not): `why-attribution-what`,
/// `why-number`. A label with no such message has none.
fn message_id(label: &str, with_what: bool) -> Option<String> {
    if label.is_empty() || !label.chars().all(|c| c.is_ascii_lowercase() || c == ' ') {
        return None;
    }
    let slug = label.replace(' ', "-");
    let id = if with_what {
        format!("why-{slug}-what")
    } else {
        format!("why-{slug}")
    };
    Lang::EN.has(&id).then_some(id)
}

/// One reason in words: "attribution: selon" → "attributed: “selon”" ("attribuée : « selon »").
/// A reason with an unknown label is given as the extractor wrote it.
pub fn in_words(lang: Lang, reason: &str) -> String {
    let (label, what) = split(reason);
    match (message_id(label, what.is_some()), what) {
        (Some(id), Some(what)) => lang.format(&id, &[("what", &what)]),
        (Some(id), None) => lang.text(&id),
        (None, _) => reason.to_string(),
    }
}

/// The reasons that weigh most, in words, for the first line: at most `HEADLINE`, one per label,
/// without the word lists. `reasons` come strongest first, as the extractor orders them.
pub fn headline<'a>(lang: Lang, reasons: impl IntoIterator<Item = &'a str>) -> Vec<String> {
    let mut labels: Vec<&str> = Vec::new();
    let mut out = Vec::new();
    for r in reasons {
        let (label, _) = split(r);
        if WORD_LISTS.contains(&label) || labels.contains(&label) {
            continue;
        }
        labels.push(label);
        out.push(in_words(lang, r));
        if out.len() == HEADLINE {
            break;
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_reasons_are_said_in_words() {
        // A label that is no reason of the extractor is shown as written, never as another
        // window text that happens to share the prefix.
        assert_eq!(in_words(Lang::EN, "r: x"), "r: x");
        assert_eq!(in_words(Lang::EN, "all reasons n"), "all reasons n");
    }

    fn fr() -> Lang {
        Lang::parse("fr").unwrap()
    }

    const SAMPLE: [&str; 8] = [
        "number",
        "comparison: la première",
        "past: ont été",
        "named entity: Vladimir Poutine, Kim",
        "attribution: selon",
        "words: 'donald', 'first'",
        "words against: 'i think'",
        "time span: ans",
    ];

    #[test]
    fn each_reason_is_said_in_english() {
        let en = |r| in_words(Lang::EN, r);
        assert_eq!(en("number"), "a number");
        assert_eq!(en("number: deux"), "a number in words: “deux”");
        assert_eq!(en("date"), "a date");
        assert_eq!(en("date: jeudi"), "a date: “jeudi”");
        assert_eq!(en("attribution: selon"), "attributed: “selon”");
        assert_eq!(en("comparison: la première"), "a comparison: “la première”");
        assert_eq!(
            en("named entity: Vladimir Poutine, Kim"),
            "named: Vladimir Poutine, Kim"
        );
        assert_eq!(en("law or rule: signé"), "a law or rule: “signé”");
        assert_eq!(en("time span: ans"), "a time span: “ans”");
        assert_eq!(en("money or percentage"), "an amount or a percentage");
        assert_eq!(
            en("words: 'donald', 'first'"),
            "words for it: 'donald', 'first'"
        );
        assert_eq!(en("added by the reviewer"), "added by the reviewer");
    }

    #[test]
    fn each_reason_is_said_in_french() {
        let fr = |r| in_words(fr(), r);
        assert_eq!(fr("number"), "un nombre");
        assert_eq!(
            fr("attribution: selon"),
            "attribuée\u{a0}: «\u{a0}selon\u{a0}»"
        );
        assert_eq!(
            fr("named entity: Vladimir Poutine, Kim"),
            "noms propres\u{a0}: Vladimir Poutine, Kim"
        );
        assert_eq!(fr("past: ont été"), "au passé\u{a0}: «\u{a0}ont été\u{a0}»");
        assert_eq!(
            fr("hedge: semblent"),
            "avec réserve\u{a0}: «\u{a0}semblent\u{a0}»"
        );
        assert_eq!(
            fr("words against: 'i think'"),
            "mots qui s'y opposent\u{a0}: 'i think'"
        );
    }

    #[test]
    fn every_label_the_extractor_writes_has_words_in_both_languages() {
        // The fixed labels of the features, and the cue labels of every lexicon.
        let mut labels: Vec<String> = [
            "number",
            "several numbers",
            "money or percentage",
            "date",
            "quote",
            "question",
            "first person",
            "greeting",
            "boilerplate",
            "too short",
            "added by the reviewer",
        ]
        .iter()
        .map(|l| l.to_string())
        .collect();
        let with_what = [
            "number",
            "date",
            "event",
            "attribution",
            "comparison",
            "causal",
            "prediction",
            "law or rule",
            "opinion",
            "hedge",
            "named entity",
            "words",
            "words against",
        ];
        for lang in ["en", "fr"] {
            let lex = crate::lexicon::for_language(lang);
            for cue in &lex.cues.labels {
                assert!(
                    message_id(cue, true).is_some(),
                    "no why- message for cue {cue}"
                );
            }
        }
        for l in &labels {
            assert!(message_id(l, false).is_some(), "no why- message for {l}");
        }
        for l in with_what {
            assert!(message_id(l, true).is_some(), "no why- message for {l}: …");
        }
        labels.extend(with_what.iter().map(|l| format!("{l}: x")));
        for r in &labels {
            let (label, what) = split(r);
            let id = message_id(label, what.is_some()).unwrap();
            assert!(fr().has(&id), "{id} has no French text");
        }
    }

    #[test]
    fn unknown_labels_stay_as_written() {
        assert_eq!(in_words(fr(), "sarcasm: oh sure"), "sarcasm: oh sure");
        assert_eq!(in_words(fr(), "Cue:x"), "Cue:x");
        assert_eq!(in_words(Lang::EN, ""), "");
    }

    #[test]
    fn the_first_line_has_the_strongest_reasons_and_no_word_lists() {
        assert_eq!(
            headline(Lang::EN, SAMPLE),
            [
                "a number",
                "a comparison: “la première”",
                "in the past: “ont été”"
            ]
        );
        let words_first = [
            "words: 'donald'",
            "words against: 'i think'",
            "number: deux",
            "number",
            "attribution: selon",
            "quote",
        ];
        let fr_line = headline(fr(), words_first).join(" · ");
        assert_eq!(
            fr_line,
            "un nombre en lettres\u{a0}: «\u{a0}deux\u{a0}» · attribuée\u{a0}: «\u{a0}selon\u{a0}» · une citation"
        );
        assert!(!fr_line.contains("words"));
        assert!(headline(fr(), ["words: 'a'"]).is_empty());
    }
}
