//! Page furniture told by its words: rows of share buttons, comment and newsletter prompts, and
//! the short lines ("Comments (12)", "Publicité") a page puts around an article. The article
//! cleaner drops such blocks; check-worthiness counts such a sentence against being a claim.

use super::Lexicon;
use crate::text::{to_lowercase, words};

/// The block reduced to what decides whether it is furniture: lower-case, without trailing
/// punctuation or counts ("Comments (12)" → "comments").
pub fn furniture_key(text: &str) -> String {
    to_lowercase(furniture_text(text))
}

/// The part of `text` that `furniture_key` lower-cases: the characters it strips are their own
/// lower case and the lower case of no other, so stripping before lower-casing is stripping
/// after. The key has as many characters as this at least (lower-casing never shortens).
pub fn furniture_text(text: &str) -> &str {
    text.trim()
        .trim_end_matches(|c: char| {
            c.is_ascii_digit()
                || matches!(c, '(' | ')' | ' ' | ':' | '.' | '…' | '›' | '»' | '>' | '|')
        })
        .trim()
}

/// Page furniture in any of `lexes`: a row of share buttons ("Facebook Twitter LinkedIn"), or a
/// line of 25 words at most with a boilerplate phrase ("Laisser un commentaire").
pub fn is_boilerplate_in(text: &str, lexes: &[&Lexicon]) -> bool {
    let text = text.trim();
    if text.is_empty() {
        return false;
    }
    // A line of more than 25 words is furniture only if it is all share buttons: its words are
    // read one by one, up to the first that is not one (the line is not lower-cased whole).
    // Lower-casing Σ and İ depends on the letters around them, or splits a word: such a line is
    // read lower-cased whole.
    if words(text).nth(25).is_some() && !text.contains('Σ') && !text.contains('İ') {
        return lexes
            .iter()
            .any(|l| words(text).all(|w| l.share_words.contains(to_lowercase(w).as_str())));
    }
    let lower = to_lowercase(text);
    lexes.iter().any(|l| is_boilerplate_lowered(&lower, l))
}

/// `is_boilerplate_in` one lexicon.
pub fn is_boilerplate(text: &str, lex: &Lexicon) -> bool {
    is_boilerplate_in(text, &[lex])
}

/// `is_boilerplate` of a text already lower-cased and trimmed (and not empty).
fn is_boilerplate_lowered(lower: &str, lex: &Lexicon) -> bool {
    if words(lower).all(|w| lex.share_words.contains(w)) {
        return true;
    }
    words(lower).nth(25).is_none() && lex.boilerplate.first_hit(lower).is_some()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::lexicon::for_language;

    #[test]
    fn share_rows_and_prompts_are_furniture_in_either_language() {
        let (fr, en) = (for_language("fr"), for_language("en"));
        let long_share = "Facebook Twitter ".repeat(20);
        let long_prompt = "Share this article with the twenty-six words of a long sentence that \
                           goes on and on well past the limit where boilerplate phrases are \
                           looked for at all";
        for (line, in_fr, in_en) in [
            ("Facebook Twitter LinkedIn", true, true),
            ("Partager sur Facebook", true, false),
            ("Share this article", false, true),
            ("Laisser un commentaire", true, false),
            ("Leave a comment", true, true),
            ("Leave a reply", false, true),
            (long_share.as_str(), true, true),
            (long_prompt, false, false),
            (
                "Le président russe Vladimir Poutine et le dirigeant nord-coréen Kim Jong Un ont été vus.",
                false,
                false,
            ),
            ("", false, false),
            ("   ", false, false),
        ] {
            assert_eq!(is_boilerplate(line, fr), in_fr, "fr: {line}");
            assert_eq!(is_boilerplate(line, en), in_en, "en: {line}");
            assert_eq!(is_boilerplate_in(line, &[fr, en]), in_fr || in_en, "{line}");
        }
        // Up to 25 words a prompt counts; from 26 on it is a sentence that mentions one.
        let filler = |n: usize| vec!["mot"; n].join(" ");
        assert!(is_boilerplate(
            &format!("{} laisser un commentaire", filler(22)),
            fr
        ));
        assert!(!is_boilerplate(
            &format!("{} laisser un commentaire", filler(23)),
            fr
        ));
    }

    proptest::proptest! {
        /// Long lines read word by word are furniture exactly when the lower-cased line is.
        #[test]
        fn long_lines_are_read_as_the_lower_cased_line(
            words in proptest::collection::vec(
                proptest::sample::select(vec![
                    "Share", "facebook", "TWITTER", "a", "comment", "Laisser", "un",
                    "commentaire", "2,5", "—", "l’État", "x-y", "İstanbul", "ΣΑΣ", "  ", "\n",
                ]),
                0..40,
            ),
        ) {
            let line = words.join(" ");
            let (fr, en) = (for_language("fr"), for_language("en"));
            for lexes in [vec![fr, en], vec![en]] {
                let lower = line.trim().to_lowercase();
                let by_definition =
                    !lower.is_empty() && lexes.iter().any(|l| is_boilerplate_lowered(&lower, l));
                proptest::prop_assert_eq!(is_boilerplate_in(&line, &lexes), by_definition, "{}", line);
            }
        }
    }

    #[test]
    fn furniture_keys_drop_counts_and_trailing_marks() {
        assert_eq!(furniture_key("  Comments (12) "), "comments");
        assert_eq!(furniture_key("LIRE AUSSI :"), "lire aussi");
        assert_eq!(furniture_key("Publicité"), "publicité");
    }
}
