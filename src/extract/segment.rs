//! Sentence segmentation for French and English (and any language with a lexicon).
//!
//! One left-to-right pass over the text; a boundary is decided at each `.`, `!`, `?`, `…` or line
//! break from the characters around it and the language's abbreviation list. Linear in the input.

use super::lexicon::Lexicon;
use std::ops::Range;

/// Closing quotes and brackets that belong to the sentence they end.
fn is_closer(c: char) -> bool {
    matches!(c, '"' | '\'' | '’' | '”' | '»' | ')' | ']' | '}' | '›')
}

/// Characters that may open a new sentence besides capitals and digits.
fn is_opener(c: char) -> bool {
    matches!(
        c,
        '"' | '\''
            | '‘'
            | '“'
            | '«'
            | '‹'
            | '('
            | '['
            | '¿'
            | '¡'
            | '—'
            | '–'
            | '-'
            | '•'
            | '*'
            | '…'
    )
}

fn is_space(c: char) -> bool {
    c.is_whitespace()
}

/// A line that starts like a list item ("- ", "• ", "1. ", "2) ").
fn starts_list_item(s: &str) -> bool {
    let s = s.trim_start_matches([' ', '\t']);
    let mut chars = s.chars();
    match chars.next() {
        Some('-' | '*' | '•' | '–' | '—' | '·') => chars.next().is_some_and(|c| c == ' '),
        Some(c) if c.is_ascii_digit() => {
            let rest = s.trim_start_matches(|c: char| c.is_ascii_digit());
            rest.starts_with(". ") || rest.starts_with(") ")
        }
        _ => false,
    }
}

fn next_char(text: &str, i: usize) -> Option<char> {
    text[i..].chars().next()
}

fn skip_space(text: &str, mut i: usize) -> usize {
    while let Some(c) = next_char(text, i) {
        if !is_space(c) {
            break;
        }
        i += c.len_utf8();
    }
    i
}

fn trim_end(text: &str, start: usize, mut end: usize) -> usize {
    while end > start {
        let c = text[..end].chars().next_back().unwrap_or(' ');
        if !is_space(c) {
            break;
        }
        end -= c.len_utf8();
    }
    end
}

/// The word just before byte `i`: letters, digits, dots and hyphens (so "J.-C", "U.S", "e.g").
fn token_before(text: &str, i: usize) -> (usize, &str) {
    let mut s = i;
    for (b, c) in text[..i].char_indices().rev() {
        if c.is_alphanumeric() || c == '.' || c == '-' || c == '°' {
            s = b;
        } else {
            break;
        }
    }
    (s, text[s..i].trim_start_matches(['.', '-']))
}

/// Sentences of `text` as byte ranges (trimmed, never empty), in order.
pub fn sentences(text: &str, lex: &Lexicon) -> Vec<Range<usize>> {
    let bytes = text.as_bytes();
    let mut out = Vec::new();
    let mut start = skip_space(text, 0);
    let mut i = start;
    let push = |out: &mut Vec<Range<usize>>, s: usize, e: usize| {
        let e = trim_end(text, s, e);
        if e > s {
            out.push(s..e);
        }
    };
    while i < bytes.len() {
        let b = bytes[i];
        let is_ellipsis_char =
            b == 0xE2 && bytes.get(i + 1) == Some(&0x80) && bytes.get(i + 2) == Some(&0xA6);
        if b == b'\n' {
            if line_break_ends_sentence(text, start, i) {
                push(&mut out, start, i);
                start = skip_space(text, i + 1);
                i = start;
                continue;
            }
            i += 1;
            continue;
        }
        if !(b == b'.' || b == b'!' || b == b'?' || is_ellipsis_char) {
            i += 1;
            continue;
        }
        // The run of terminators: "?!", "...", "…", ".", "?»".
        let run_start = i;
        let mut j = i;
        let (mut has_strong, mut dots) = (false, 0usize);
        while let Some(c) = next_char(text, j) {
            match c {
                '!' | '?' => has_strong = true,
                '.' => dots += 1,
                '…' => dots += 3,
                _ => break,
            }
            j += c.len_utf8();
        }
        // Closing quotes and brackets stay with the sentence; a French » may follow a space.
        loop {
            match next_char(text, j) {
                Some(c) if is_closer(c) => j += c.len_utf8(),
                Some(' ' | '\u{a0}' | '\u{202f}') => {
                    let k = text[j..]
                        .char_indices()
                        .find(|(_, c)| !matches!(c, ' ' | '\u{a0}' | '\u{202f}'))
                        .map(|(o, _)| j + o);
                    match k.and_then(|k| next_char(text, k).map(|c| (k, c))) {
                        Some((k, '»')) => j = k + '»'.len_utf8(),
                        _ => break,
                    }
                }
                _ => break,
            }
        }
        // A boundary needs whitespace (or the end) after it: "3.5", "U.S.A", "site.fr" are not.
        match next_char(text, j) {
            None => {
                push(&mut out, start, j);
                start = j;
                i = j;
                continue;
            }
            Some(c) if !is_space(c) => {
                i = j.max(i + 1);
                continue;
            }
            _ => {}
        }
        let next_start = skip_space(text, j);
        let Some(next) = next_char(text, next_start) else {
            push(&mut out, start, j);
            start = next_start;
            i = next_start;
            continue;
        };
        let next_is_lower = next.is_lowercase();
        let starts_new = next.is_uppercase()
            || next.is_ascii_digit()
            || is_opener(next)
            || !next.is_alphabetic();
        let boundary = if next_is_lower {
            false
        } else if has_strong {
            true
        } else if dots >= 2 {
            // An ellipsis ends a sentence only when a capital (or an opening quote) follows.
            next.is_uppercase() || is_opener(next)
        } else {
            period_ends_sentence(text, start, run_start, next, lex) && starts_new
        };
        if boundary {
            push(&mut out, start, j);
            start = next_start;
            i = next_start;
        } else {
            i = j.max(i + 1);
        }
    }
    push(&mut out, start, text.len());
    out
}

/// A single period at `dot` followed by `next` (not lower-case): is it a sentence end?
fn period_ends_sentence(text: &str, start: usize, dot: usize, next: char, lex: &Lexicon) -> bool {
    let (tok_start, token) = token_before(text, dot);
    if token.is_empty() {
        return true;
    }
    if lex.is_abbreviation(token) {
        return lex.sentence_final_abbreviations.contains(token) && next.is_uppercase();
    }
    let mut chars = token.chars();
    let first = chars.next().unwrap_or(' ');
    // An initial: "J. K. Rowling", "M. Dupont".
    if first.is_uppercase() && chars.next().is_none() {
        return false;
    }
    // Dotted abbreviations such as "U.S.A" or "p.m" not in the list: letters separated by dots.
    if token.contains('.')
        && token
            .split('.')
            .all(|p| p.chars().count() <= 2 && p.chars().all(char::is_alphabetic))
    {
        return next.is_uppercase() && token.chars().filter(|c| c.is_alphabetic()).count() > 2;
    }
    // "1. Introduction" at the start of a line is a list number, not a sentence.
    if token.chars().all(|c| c.is_ascii_digit()) && tok_start == start && token.len() <= 2 {
        return false;
    }
    true
}

/// A line break ends a sentence at a blank line, before a list item, or after a short line that
/// reads like a heading (no final punctuation, next line capitalised).
fn line_break_ends_sentence(text: &str, start: usize, nl: usize) -> bool {
    let rest = &text[nl + 1..];
    let after = rest.trim_start_matches([' ', '\t', '\r']);
    if after.starts_with('\n') || after.is_empty() {
        return true;
    }
    if starts_list_item(after) {
        return true;
    }
    let line_start = text[..nl].rfind('\n').map_or(0, |p| p + 1).max(start);
    let line = text[line_start..nl].trim();
    if line.is_empty() {
        return false;
    }
    let last = line.chars().next_back().unwrap_or(' ');
    let first_next = after.chars().next().unwrap_or(' ');
    if starts_list_item(line) {
        return true;
    }
    line.chars().count() < 60
        && !matches!(
            last,
            ',' | ';' | '-' | '–' | '(' | '«' | '.' | '!' | '?' | ':'
        )
        && (first_next.is_uppercase() || first_next.is_ascii_digit())
}

#[cfg(test)]
mod tests {
    use super::super::lexicon::for_language;
    use super::*;

    fn split(text: &str, lang: &str) -> Vec<String> {
        sentences(text, for_language(lang))
            .into_iter()
            .map(|r| text[r].to_string())
            .collect()
    }

    #[test]
    fn french_abbreviations_initials_and_decimals() {
        let t = "M. Dupont a vu Mme Durand à 10 h. Le coût atteint 1,5 million d’euros en 2018. \
                 Né en 52 av. J.-C. il mourut jeune. Voir p. ex. le rapport de J. K. Martin.";
        assert_eq!(
            split(t, "fr"),
            vec![
                "M. Dupont a vu Mme Durand à 10 h.",
                "Le coût atteint 1,5 million d’euros en 2018.",
                "Né en 52 av. J.-C. il mourut jeune.",
                "Voir p. ex. le rapport de J. K. Martin.",
            ]
        );
    }

    #[test]
    fn guillemets_keep_inner_sentences_and_closing_marks() {
        let t = "Il a dit : « C’est fini. Nous partons. » Puis il est sorti. « Vraiment ? » a-t-elle demandé.";
        assert_eq!(
            split(t, "fr"),
            vec![
                "Il a dit : « C’est fini.",
                "Nous partons. »",
                "Puis il est sorti.",
                "« Vraiment ? » a-t-elle demandé.",
            ]
        );
    }

    #[test]
    fn english_quotes_abbreviations_and_numbers() {
        let t = "Mr. Smith paid $3.50 at 5 p.m. on Friday. \"Is that all?\" he asked. The U.S. economy grew 2.5%. It rained.";
        assert_eq!(
            split(t, "en"),
            vec![
                "Mr. Smith paid $3.50 at 5 p.m. on Friday.",
                "\"Is that all?\" he asked.",
                "The U.S. economy grew 2.5%.",
                "It rained.",
            ]
        );
    }

    #[test]
    fn headings_and_lists_without_final_punctuation() {
        let t =
            "Key figures\nUnemployment fell to 7%.\n- first item\n- second item\n\nLast paragraph";
        assert_eq!(
            split(t, "en"),
            vec![
                "Key figures",
                "Unemployment fell to 7%.",
                "- first item",
                "- second item",
                "Last paragraph"
            ]
        );
    }

    #[test]
    fn ellipsis_breaks_only_before_a_capital() {
        assert_eq!(split("Wait… What now?", "en"), vec!["Wait…", "What now?"]);
        assert_eq!(
            split("Well... maybe not.", "en"),
            vec!["Well... maybe not."]
        );
    }

    #[test]
    fn ranges_cover_trimmed_text_on_char_boundaries() {
        let t = "  Été 2024 : tout va bien.  Très bien !  ";
        let r = sentences(t, for_language("fr"));
        assert_eq!(r.len(), 2);
        for s in r {
            assert!(t.is_char_boundary(s.start) && t.is_char_boundary(s.end));
            assert_eq!(t[s.clone()].trim(), &t[s]);
        }
        assert!(sentences("   \n\n ", for_language("en")).is_empty());
    }
}
