//! Sentence segmentation for French and English (and any language with a lexicon).
//!
//! One left-to-right pass over the bytes of the text. Most bytes are skipped after one table
//! look-up; a boundary is decided only at `.`, `!`, `?`, `…`, `;`, a line break or an inline list
//! marker, from the characters around it and the language's lexicon (abbreviations, titles, words
//! that open sentences). Every look-around is bounded, so the pass is linear in the input.
//!
//! The rule families, each with its tests below:
//! - terminators and closing marks: `.`, `!`, `?`, runs such as `?!`, with the closing quotes and
//!   brackets that follow them (a French `»` or a closing `"` may follow a space);
//! - abbreviations: titles (`M.`, `Mme`, `Mr.`, `Dr.`) never end a sentence; other abbreviations
//!   (`etc.`, `U.S.`, `av. J.-C.`, `a.m.`) and initials end one only before a word that usually
//!   opens a sentence (`How`, `Ils`, …);
//! - numbers: `3.5`, `$100.00`, `1,5`, URLs and e-mail addresses have no space after the period;
//! - ellipses: `…`, `...`, spaced `. . .`, `[...]`;
//! - lists and headings: line breaks before list items or after short unpunctuated lines, and
//!   inline numbered or lettered lists (`1.) a 2.) b`, `a. x b. y`);
//! - a period after an ordinary word before a lower-case word (informal text), and a semicolon
//!   before a capitalised sentence opener.

use crate::lexicon::Lexicon;
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

/// Opening quotes and brackets skipped to find the first word of the next sentence.
fn is_leading_mark(c: char) -> bool {
    matches!(
        c,
        '"' | '\'' | '‘' | '“' | '«' | '‹' | '(' | '[' | '\u{a0}' | '\u{202f}' | ' '
    )
}

fn is_inline_space(c: char) -> bool {
    matches!(c, ' ' | '\u{a0}' | '\u{202f}')
}

/// Bytes at which the scanner must look closer. Everything else is skipped after one look-up.
const fn interesting_bytes() -> [bool; 256] {
    let mut t = [false; 256];
    t[b'\n' as usize] = true;
    t[b'.' as usize] = true;
    t[b'!' as usize] = true;
    t[b'?' as usize] = true;
    t[b';' as usize] = true;
    t[b'"' as usize] = true;
    t[0xE2] = true; // lead byte of '…' (E2 80 A6)
    t
}
const INTERESTING: [bool; 256] = interesting_bytes();

/// A line that starts like a list item ("- ", "• ", "1. ", "2) ").
fn starts_list_item(s: &str) -> bool {
    let s = s.trim_start_matches([' ', '\t']);
    let mut chars = s.chars();
    match chars.next() {
        Some('-' | '*' | '•' | '–' | '—' | '·' | '⁃') => {
            chars.next().is_some_and(|c| c == ' ')
        }
        Some(c) if c.is_ascii_digit() => {
            let rest = s.trim_start_matches(|c: char| c.is_ascii_digit());
            rest.starts_with(". ") || rest.starts_with(") ")
        }
        _ => false,
    }
}

/// An inline list marker at the very start of `s`: an optional bullet, a number (up to three
/// digits) or a lower-case letter, then `.)`, `)` or `.`, then a space. Returns the marker's
/// length in bytes and the marker that would come next ("2.)" after "1.)", "b." after "a.").
fn list_marker(s: &str) -> Option<(usize, String)> {
    let mut k = 0;
    let mut prefix = String::new();
    if let Some(c) = s.chars().next()
        && matches!(c, '•' | '⁃' | '*' | '·' | '–' | '-')
    {
        k += c.len_utf8();
        while s[k..].starts_with(' ') {
            k += 1;
        }
        prefix.push_str(&s[..k]);
    }
    let rest = &s[k..];
    let digits = rest.bytes().take_while(u8::is_ascii_digit).count();
    let (next_label, label_len) = if (1..=3).contains(&digits) {
        let n: u32 = rest[..digits].parse().ok()?;
        ((n + 1).to_string(), digits)
    } else {
        let c = rest.bytes().next()?;
        // A lower-case letter with a successor ("a." to "y.").
        if !(b'a'..=b'y').contains(&c) {
            return None;
        }
        (((c + 1) as char).to_string(), 1)
    };
    let after = &rest[label_len..];
    let suffix = [".)", ")", "."]
        .into_iter()
        .find(|suf| after.starts_with(suf))?;
    if !after[suffix.len()..].starts_with(' ') {
        return None;
    }
    Some((
        k + label_len + suffix.len(),
        format!("{prefix}{next_label}{suffix}"),
    ))
}

fn next_char(text: &str, i: usize) -> Option<char> {
    text[i..].chars().next()
}

fn skip_space(text: &str, mut i: usize) -> usize {
    while let Some(c) = next_char(text, i) {
        if !c.is_whitespace() {
            break;
        }
        i += c.len_utf8();
    }
    i
}

fn trim_end(text: &str, start: usize, mut end: usize) -> usize {
    while end > start {
        let c = text[..end].chars().next_back().unwrap_or(' ');
        if !c.is_whitespace() {
            break;
        }
        end -= c.len_utf8();
    }
    end
}

/// The word just before byte `i`: letters, digits, dots, hyphens and `°` (so "J.-C", "U.S", "N°").
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

/// The first word at or after byte `i`, past opening quotes and brackets: "L" for "L’Ukraine",
/// "Nous" for "« Nous", "It" for "It's"; and whether a period follows it ("J" in "J.-C.").
fn word_at(text: &str, i: usize) -> (&str, bool) {
    let rest = text[i..].trim_start_matches(is_leading_mark);
    let end = rest
        .char_indices()
        .find(|(_, c)| !c.is_alphabetic())
        .map_or(rest.len(), |(o, _)| o);
    (&rest[..end], rest[end..].starts_with('.'))
}

/// "U.S.A", "p.m", "H.R.F": letters in groups of one or two separated by dots.
fn is_dotted_abbreviation(token: &str) -> bool {
    token.contains('.')
        && token
            .split('.')
            .all(|p| !p.is_empty() && p.chars().count() <= 2 && p.chars().all(char::is_alphabetic))
}

/// An initial: one capital letter ("J. K. Rowling", "Albert I. Jones").
fn is_initial(token: &str) -> bool {
    let mut c = token.chars();
    c.next().is_some_and(char::is_uppercase) && c.next().is_none()
}

/// Where a run of sentence-ending marks, with what follows it, leaves the scanner.
struct Run {
    /// Just past the marks and the closing quotes or brackets that belong to them.
    end: usize,
    /// `!` or `?` in the run.
    strong: bool,
    /// Dots in the run itself ("…" counts three).
    dots: usize,
    /// Dots of a spaced ellipsis following the run (" . . ." adds three).
    spaced: usize,
}

struct Scanner<'a> {
    text: &'a str,
    lex: &'a Lexicon,
    out: Vec<Range<usize>>,
    /// Start of the current sentence.
    start: usize,
    /// Straight double quotes seen in the current sentence: an odd count means one is open.
    quotes: usize,
    /// The marker that would open the next item of an inline list begun by this sentence.
    list_next: Option<String>,
}

impl<'a> Scanner<'a> {
    fn push(&mut self, end: usize) {
        let e = trim_end(self.text, self.start, end);
        if e > self.start {
            self.out.push(self.start..e);
        }
    }

    /// Ends the current sentence at `end` and starts the next one at `next` (past whitespace).
    /// Returns where scanning resumes: past the next sentence's list marker, if it has one.
    fn cut(&mut self, end: usize, next: usize) -> usize {
        self.push(end);
        self.begin(skip_space(self.text, next))
    }

    fn begin(&mut self, at: usize) -> usize {
        self.start = at;
        self.quotes = 0;
        match list_marker(&self.text[at..]) {
            Some((len, next)) => {
                self.list_next = Some(next);
                at + len
            }
            None => {
                self.list_next = None;
                at
            }
        }
    }

    /// Words in the current sentence before byte `i`, counted up to 4 (and over at most 256
    /// bytes, so the look-back stays bounded).
    fn words_before(&self, i: usize) -> usize {
        let end = (self.start + 256).min(i);
        let end = crate::text::floor_boundary(self.text, end);
        let n = self.text[self.start..end]
            .split_whitespace()
            .take(4)
            .count();
        if end < i { 4 } else { n }
    }

    /// Scans the run of marks at `i` ("?!", "...", "…", "."), a spaced ellipsis after it, and the
    /// closing quotes or brackets that stay with the sentence.
    fn run(&mut self, i: usize) -> Run {
        let text = self.text;
        let mut j = i;
        let (mut strong, mut dots, mut spaced) = (false, 0usize, 0usize);
        while let Some(c) = next_char(text, j) {
            match c {
                '!' | '?' => strong = true,
                '.' => dots += 1,
                '…' => dots += 3,
                _ => break,
            }
            j += c.len_utf8();
        }
        // A spaced ellipsis: " . . ." (each dot followed by a space, a dot, a closer or the end).
        if !strong {
            while text[j..].starts_with(" .") {
                let k = j + 2;
                let ok = match next_char(text, k) {
                    None => true,
                    Some(c) => c == ' ' || c == '.' || is_closer(c),
                };
                if !ok {
                    break;
                }
                spaced += 1;
                j = k;
            }
        }
        // Closing quotes and brackets stay with the sentence. After a space, only a French »
        // (or ”) does, or a straight quote that closes one opened in this sentence.
        loop {
            match next_char(text, j) {
                Some(c) if is_closer(c) => {
                    if c == '"' {
                        self.quotes += 1;
                    }
                    j += c.len_utf8();
                }
                Some(c) if is_inline_space(c) => {
                    let k = text[j..]
                        .char_indices()
                        .find(|(_, c)| !is_inline_space(*c))
                        .map(|(o, _)| j + o);
                    match k.and_then(|k| next_char(text, k).map(|c| (k, c))) {
                        Some((k, c @ ('»' | '”'))) => j = k + c.len_utf8(),
                        Some((k, '"')) if self.quotes % 2 == 1 => {
                            self.quotes += 1;
                            j = k + 1;
                        }
                        _ => break,
                    }
                }
                _ => break,
            }
        }
        Run {
            end: j,
            strong,
            dots,
            spaced,
        }
    }

    /// Does the single period at `dot`, followed by `next` at `next_start`, end the sentence?
    /// `end` is just past the period and the closing marks that stay with it.
    fn period_ends(&self, dot: usize, end: usize, next_start: usize, next: char) -> bool {
        let text = self.text;
        let lex = self.lex;
        let (tok_start, token) = token_before(text, dot);
        let lower_next = next.is_lowercase();
        if token.is_empty() {
            return !lower_next;
        }
        if lex.is_title(token) {
            return false;
        }
        if lex.is_abbreviation(token) || is_dotted_abbreviation(token) || is_initial(token) {
            if lower_next {
                return false;
            }
            let (w, dotted) = word_at(text, next_start);
            // "I live in the U.S. How about you?" but "the U.S. Government"; "6 P.M. Mr. Smith
            // then left" but not "At 5 a.m. Mr. Smith went": a title opens a sentence only after
            // one that is long enough to be complete.
            return (!dotted && lex.is_sentence_starter(w))
                || (lex.is_title(w) && self.words_before(dot) >= 4);
        }
        // "1. Introduction" at the start of a sentence is a list number.
        if tok_start == self.start && token.len() <= 2 && token.bytes().all(|b| b.is_ascii_digit())
        {
            return false;
        }
        if lower_next {
            // Informal text without capitals: a period after an ordinary word still ends it,
            // unless a quote or bracket closes after it ("(He worked there.) at the time").
            return end == dot + 1
                && token.chars().count() >= 3
                && token.chars().all(char::is_alphabetic)
                && token.chars().any(char::is_lowercase);
        }
        true
    }

    /// Decides at a run of marks at `i`; returns where scanning resumes.
    fn terminator(&mut self, i: usize) -> usize {
        let text = self.text;
        let prev = text[..i].chars().next_back();
        let attached = prev.is_some_and(|c| !c.is_whitespace());
        // "[...]" and "(…)" mark an omission inside a quotation.
        if matches!(prev, Some('[' | '(')) {
            let inner = text[i..]
                .bytes()
                .take_while(|&b| b == b'.')
                .count()
                .max(if text[i..].starts_with('…') { 3 } else { 0 });
            if inner >= 3 && matches!(next_char(text, i + inner), Some(']' | ')')) {
                return i + inner + 1;
            }
        }
        let r = self.run(i);
        let j = r.end;
        // A boundary needs whitespace (or the end) after it: "3.5", "U.S.A", "site.fr" are not.
        match next_char(text, j) {
            None => {
                self.push(j);
                self.start = j;
                return j;
            }
            Some(c) if !c.is_whitespace() => return j,
            _ => {}
        }
        let next_start = skip_space(text, j);
        let Some(next) = next_char(text, next_start) else {
            self.push(j);
            self.start = next_start;
            return next_start;
        };
        let capital_or_opener = next.is_uppercase() || is_opener(next);
        if r.strong {
            return if next.is_lowercase() {
                j
            } else {
                self.cut(j, next_start)
            };
        }
        let total = r.dots + r.spaced;
        if r.spaced >= 2 {
            if attached && r.dots == 1 && r.spaced == 3 {
                // "compounds. . . . The": the period ends the sentence; the ellipsis opens the next.
                return if capital_or_opener {
                    self.cut(i + 1, i + 1)
                } else {
                    j
                };
            }
            // ". . . ." (four) ends a sentence before a capital; ". . ." (three) after a space
            // is an omission inside one.
            let ends = (total >= 4 || attached) && capital_or_opener;
            return if ends { self.cut(j, next_start) } else { j };
        }
        if r.dots >= 2 {
            // An ellipsis ends a sentence only when a capital (or an opening quote) follows.
            return if capital_or_opener {
                self.cut(j, next_start)
            } else {
                j
            };
        }
        if self.period_ends(i, j, next_start, next) {
            self.cut(j, next_start)
        } else {
            j
        }
    }

    /// A semicolon followed by a capitalised word that opens sentences ("; Selon ce discours").
    fn semicolon(&mut self, i: usize) -> usize {
        let text = self.text;
        let after = i + 1;
        if !next_char(text, after).is_some_and(is_inline_space) {
            return after;
        }
        let k = skip_space(text, after);
        let (w, dotted) = word_at(text, k);
        if !dotted && w.chars().count() >= 2 && self.lex.is_sentence_starter(w) {
            self.cut(after, k)
        } else {
            after
        }
    }

    /// A line break ends a sentence at a blank line, before a list item, or after a short line
    /// that reads like a heading (no final punctuation, next line capitalised).
    fn line_break_ends(&self, nl: usize) -> bool {
        let text = self.text;
        let rest = &text[nl + 1..];
        let after = rest.trim_start_matches([' ', '\t', '\r']);
        if after.starts_with('\n') || after.is_empty() {
            return true;
        }
        if starts_list_item(after) {
            return true;
        }
        let line_start = text[self.start..nl]
            .rfind('\n')
            .map_or(self.start, |p| self.start + p + 1);
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
}

/// Sentences of `text` as byte ranges (trimmed, never empty), in order.
pub fn sentences(text: &str, lex: &Lexicon) -> Vec<Range<usize>> {
    let bytes = text.as_bytes();
    let mut s = Scanner {
        text,
        lex,
        out: Vec::new(),
        start: 0,
        quotes: 0,
        list_next: None,
    };
    let mut i = s.begin(skip_space(text, 0));
    while i < bytes.len() {
        let b = bytes[i];
        if !INTERESTING[b as usize] {
            if b == b' '
                && let Some(m) = &s.list_next
                && text[i + 1..].starts_with(m.as_str())
                && text[i + 1 + m.len()..].starts_with(' ')
            {
                i = s.cut(i, i + 1);
                continue;
            }
            i += 1;
            continue;
        }
        i = match b {
            b'\n' => {
                if s.line_break_ends(i) {
                    s.cut(i, i + 1)
                } else {
                    i + 1
                }
            }
            b'"' => {
                s.quotes += 1;
                i + 1
            }
            b';' => s.semicolon(i),
            b'.' | b'!' | b'?' => s.terminator(i),
            _ => {
                if text[i..].starts_with('…') {
                    s.terminator(i)
                } else {
                    i + 1
                }
            }
        };
    }
    s.push(text.len());
    s.out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::lexicon::for_language;

    fn split(text: &str, lang: &str) -> Vec<String> {
        sentences(text, for_language(lang))
            .into_iter()
            .map(|r| text[r].to_string())
            .collect()
    }

    // Terminators and closing marks.

    #[test]
    fn terminators_and_double_punctuation() {
        assert_eq!(
            split("Is it late?! We leave now. Stop!! Who knows?", "en"),
            vec!["Is it late?!", "We leave now.", "Stop!!", "Who knows?"]
        );
        assert_eq!(
            split("Quoi ?! Il part. Enfin ! Bon.", "fr"),
            vec!["Quoi ?!", "Il part.", "Enfin !", "Bon."]
        );
        // An exclamation mark inside a name, before a lower-case word.
        assert_eq!(
            split("He sold shares of Wham! at a loss.", "en"),
            vec!["He sold shares of Wham! at a loss."]
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
    fn straight_quotes_close_after_a_space_only_when_open() {
        assert_eq!(
            split(
                "Le maire a conclu : \"Nous rouvrirons l'école. \" Elle a rouvert en mai.",
                "fr"
            ),
            vec![
                "Le maire a conclu : \"Nous rouvrirons l'école. \"",
                "Elle a rouvert en mai."
            ]
        );
        assert_eq!(
            split("It ended. \"Why?\" she asked.", "en"),
            vec!["It ended.", "\"Why?\" she asked."]
        );
        assert_eq!(
            split("She smiled, \"We won.\" He did not.", "en"),
            vec!["She smiled, \"We won.\"", "He did not."]
        );
    }

    // Abbreviations, titles and initials.

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
    fn french_titles_never_end_and_abbreviations_end_before_an_opener() {
        assert_eq!(
            split(
                "Il a rencontré M. Le Maire et Mme Dubois. Puis il a vu le Dr Martin.",
                "fr"
            ),
            vec![
                "Il a rencontré M. Le Maire et Mme Dubois.",
                "Puis il a vu le Dr Martin."
            ]
        );
        assert_eq!(
            split(
                "Ils ont vendu des pommes, des poires, etc. Nous avons tout acheté.",
                "fr"
            ),
            vec![
                "Ils ont vendu des pommes, des poires, etc.",
                "Nous avons tout acheté."
            ]
        );
        assert_eq!(
            split("Il a travaillé pour Acme S.A. Dupont en 2010.", "fr"),
            vec!["Il a travaillé pour Acme S.A. Dupont en 2010."]
        );
        // A roman numeral after a king's name ends the sentence before a pronoun.
        assert_eq!(
            split("Le trône passa à Louis I. Il régna dix ans.", "fr"),
            vec!["Le trône passa à Louis I.", "Il régna dix ans."]
        );
    }

    #[test]
    fn english_abbreviations_end_a_sentence_only_before_an_opener() {
        assert_eq!(
            split(
                "We met in the U.K. Then we flew home. The U.K. Parliament voted.",
                "en"
            ),
            vec![
                "We met in the U.K.",
                "Then we flew home.",
                "The U.K. Parliament voted."
            ]
        );
        assert_eq!(
            split(
                "By 7 a.m. Dr. Lee had left. She came back at 9 P.M. Dr. Lee was tired.",
                "en"
            ),
            vec![
                "By 7 a.m. Dr. Lee had left.",
                "She came back at 9 P.M.",
                "Dr. Lee was tired."
            ]
        );
        assert_eq!(
            split("It was you and I. Did Mary K. Stone agree?", "en"),
            vec!["It was you and I.", "Did Mary K. Stone agree?"]
        );
        assert_eq!(
            split("See ref. no. 12 and Gen. Grant's report.", "en"),
            vec!["See ref. no. 12 and Gen. Grant's report."]
        );
    }

    // Numbers, addresses and URLs.

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
    fn numbers_urls_and_addresses_hold_periods() {
        assert_eq!(
            split(
                "Write to desk@news.example.org. Prices rose 3.2% to €1.020. See www.example.fr/a.html now.",
                "en"
            ),
            vec![
                "Write to desk@news.example.org.",
                "Prices rose 3.2% to €1.020.",
                "See www.example.fr/a.html now."
            ]
        );
        assert_eq!(
            split(
                "Le budget atteint 2,5 milliards. Il y a 24 ans jour pour jour. Le n° 10 gagne.",
                "fr"
            ),
            vec![
                "Le budget atteint 2,5 milliards.",
                "Il y a 24 ans jour pour jour.",
                "Le n° 10 gagne."
            ]
        );
    }

    // Ellipses.

    #[test]
    fn ellipsis_breaks_only_before_a_capital() {
        assert_eq!(split("Wait… What now?", "en"), vec!["Wait…", "What now?"]);
        assert_eq!(
            split("Well... maybe not.", "en"),
            vec!["Well... maybe not."]
        );
        assert_eq!(
            split("Et puis… rien. Il attend….", "fr"),
            vec!["Et puis… rien.", "Il attend…."]
        );
    }

    #[test]
    fn spaced_and_bracketed_ellipses() {
        // Three spaced dots mark an omission; a fourth ends the sentence.
        assert_eq!(
            split("The plan . . . was dropped . . . . Nobody asked.", "en"),
            vec!["The plan . . . was dropped . . . .", "Nobody asked."]
        );
        // A period and then an omission that opens the next sentence.
        assert_eq!(
            split("It was done. . . . Then it rained. . . .", "en"),
            vec!["It was done.", ". . . Then it rained. . . ."]
        );
        assert_eq!(
            split("« Le texte [...] sera voté [...] » (Le Monde).", "fr"),
            vec!["« Le texte [...] sera voté [...] » (Le Monde)."]
        );
    }

    // Lists and headings.

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
        assert_eq!(
            split(
                "Les chiffres clés\nLe chômage a baissé.\n• premier point\n• second point",
                "fr"
            ),
            vec![
                "Les chiffres clés",
                "Le chômage a baissé.",
                "• premier point",
                "• second point"
            ]
        );
    }

    #[test]
    fn inline_numbered_and_lettered_lists() {
        assert_eq!(
            split("1) Buy milk 2) Call Anna 3) Pay rent", "en"),
            vec!["1) Buy milk", "2) Call Anna", "3) Pay rent"]
        );
        assert_eq!(
            split("a. Les recettes b. Les dépenses", "fr"),
            vec!["a. Les recettes", "b. Les dépenses"]
        );
        assert_eq!(
            split("• 1. Open the box • 2. Read it", "en"),
            vec!["• 1. Open the box", "• 2. Read it"]
        );
        // Without a list at the start, "2." is just a number.
        assert_eq!(
            split("He came 2nd in round 2. Then he won.", "en"),
            vec!["He came 2nd in round 2.", "Then he won."]
        );
    }

    // Informal text and semicolons.

    #[test]
    fn period_before_lower_case_after_an_ordinary_word() {
        assert_eq!(
            split("le service était lent. on a attendu une heure.", "fr"),
            vec!["le service était lent.", "on a attendu une heure."]
        );
        assert_eq!(
            split(
                "Jane and co. arrived late. She met Gen. Li at 5 p.m. today.",
                "en"
            ),
            vec![
                "Jane and co. arrived late.",
                "She met Gen. Li at 5 p.m. today."
            ]
        );
    }

    #[test]
    fn semicolon_before_a_sentence_opener() {
        assert_eq!(
            split(
                "Le port a fermé en 1990 ; Depuis, la ville décline ; les jeunes partent.",
                "fr"
            ),
            vec![
                "Le port a fermé en 1990 ;",
                "Depuis, la ville décline ; les jeunes partent."
            ]
        );
        assert_eq!(
            split("Rome; Paris; London were named.", "en"),
            vec!["Rome; Paris; London were named."]
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

    #[test]
    fn pathological_inputs_stay_linear() {
        // Each is 200 kB; a quadratic look-back would take minutes here, a linear pass milliseconds.
        for unit in [
            "a.b", ". ", "…", "Mr. ", "; Il ", "1) x ", "\" ", "x\n", "U.S. ", "[...] ",
        ] {
            let t = unit.repeat(200_000 / unit.len());
            let started = std::time::Instant::now();
            let n = sentences(&t, for_language("fr")).len();
            assert!(n <= t.len());
            assert!(
                started.elapsed().as_secs() < 20,
                "{unit:?} took {:?}",
                started.elapsed()
            );
        }
    }

    #[test]
    fn odd_inputs_do_not_panic_and_stay_in_bounds() {
        for t in [
            ".",
            "…",
            "a.",
            "« »",
            "\"",
            ". . .",
            "[...]",
            "1.",
            "• ",
            "x ;",
            "é.é. É",
            ";;; ;",
        ] {
            for lang in ["en", "fr"] {
                for r in sentences(t, for_language(lang)) {
                    assert!(r.start < r.end && r.end <= t.len(), "{t:?}");
                    assert!(t.is_char_boundary(r.start) && t.is_char_boundary(r.end));
                }
            }
        }
    }
}
