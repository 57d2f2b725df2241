//! Offsets and words. Claimdesk works in UTF-8 byte ranges on char boundaries internally and
//! speaks Unicode scalar (char) offsets to the outside world, as the W3C selectors define them.

/// Char offset of the byte offset `byte` in `text` (which must be a char boundary).
pub fn char_offset(text: &str, byte: usize) -> usize {
    text[..byte.min(text.len())].chars().count()
}

/// Converts many byte offsets of one text to char offsets, each in constant time.
pub struct CharIndex {
    ascii: bool,
    /// Per 64 bytes of the text: the chars before them, and a bit for each of their bytes that
    /// starts a char (built for non-ASCII text only).
    blocks: Vec<(usize, u64)>,
    len: usize,
}

impl CharIndex {
    pub fn new(text: &str) -> Self {
        if text.is_ascii() {
            return Self {
                ascii: true,
                blocks: Vec::new(),
                len: text.len(),
            };
        }
        let mut chars = 0;
        let blocks = text
            .as_bytes()
            .chunks(64)
            .map(|chunk| {
                // A byte starts a char unless it is a continuation byte, 0b10xx_xxxx.
                let starts = chunk.iter().enumerate().fold(0u64, |starts, (i, &b)| {
                    starts | u64::from((b as i8) >= -0x40) << i
                });
                let block = (chars, starts);
                chars += starts.count_ones() as usize;
                block
            })
            .collect();
        Self {
            ascii: false,
            blocks,
            len: text.len(),
        }
    }

    /// Char offset of a byte offset (a char boundary, or the text's end): the number of chars
    /// that start before it.
    pub fn char_of(&self, byte: usize) -> usize {
        if self.ascii {
            return byte;
        }
        let byte = byte.min(self.len);
        let Some(&(before, starts)) = self.blocks.get(byte / 64) else {
            // The end of a text whose length is a multiple of 64.
            return self
                .blocks
                .last()
                .map_or(0, |&(n, s)| n + s.count_ones() as usize);
        };
        let below = (1u64 << (byte % 64)) - 1;
        before + (starts & below).count_ones() as usize
    }
}

/// Largest char boundary of `text` that is `<= byte`.
pub fn floor_boundary(text: &str, byte: usize) -> usize {
    let mut b = byte.min(text.len());
    while !text.is_char_boundary(b) {
        b -= 1;
    }
    b
}

/// Collapses runs of whitespace to single spaces and trims the ends.
pub fn squash_whitespace(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    push_squashed(&mut out, s);
    out
}

/// `squash_whitespace(s)`, written at the end of `out`.
pub fn push_squashed(out: &mut String, s: &str) {
    for (i, word) in s.split_whitespace().enumerate() {
        if i > 0 {
            out.push(' ');
        }
        out.push_str(word);
    }
}

/// `s.to_lowercase()`, faster on Latin text: ASCII and Latin-1 capitals are mapped directly,
/// other characters through the standard tables. Text with a capital sigma, whose lower case
/// depends on its place in the word, is left to the standard function.
pub fn to_lowercase(s: &str) -> String {
    if s.is_ascii() {
        return s.to_ascii_lowercase();
    }
    let b = s.as_bytes();
    let mut out = String::with_capacity(s.len());
    let mut i = 0;
    while i < b.len() {
        // A run of ASCII, copied and lower-cased at once, then one other character.
        let ascii = b[i..]
            .iter()
            .position(|&x| x >= 0x80)
            .unwrap_or(b.len() - i);
        let start = out.len();
        out.push_str(&s[i..i + ascii]);
        out[start..].make_ascii_lowercase();
        i += ascii;
        let Some(&lead) = b.get(i) else { break };
        let next = b.get(i + 1).copied().unwrap_or(0);
        let n = match (lead, next) {
            // U+0080…U+00BF (no-break space, «, », °) and U+2000…U+207F (’, “, ”, —): no
            // capitals among them.
            (0xc2, _) => 2,
            (0xe2, 0x80 | 0x81) => 3,
            // U+00C0…U+00FF: À…Ö and Ø…Þ become the letter 32 code points further (the second
            // byte + 0x20); ×, ß…ÿ stay.
            (0xc3, _) => {
                let lower = if next <= 0x9e && next != 0x97 {
                    next + 0x20
                } else {
                    next
                };
                out.push(char::from_u32(0xc0 + u32::from(lower - 0x80)).unwrap_or('\u{fffd}'));
                i += 2;
                continue;
            }
            // Σ: its lower case depends on the letters around it.
            (0xce, 0xa3) => return s.to_lowercase(),
            _ => {
                let c = s[i..].chars().next().unwrap_or(' ');
                out.extend(c.to_lowercase());
                i += c.len_utf8();
                continue;
            }
        };
        out.push_str(&s[i..i + n]);
        i += n;
    }
    out
}

/// `c.is_alphanumeric()`, answered without the Unicode tables for Latin-1, the Latin letters up
/// to U+024F (all letters but × and ÷) and the general punctuation of U+2000…U+206F.
#[inline]
pub fn is_alphanumeric(c: char) -> bool {
    match c as u32 {
        0..=0x7f => c.is_ascii_alphanumeric(),
        // Latin-1 punctuation and signs, but for ª, ², ³, µ, ¹, º, ¼, ½ and ¾.
        0x80..=0xbf => matches!(c, 'ª' | '²' | '³' | 'µ' | '¹' | 'º' | '¼' | '½' | '¾'),
        0xc0..=0x24f => c != '×' && c != '÷',
        // General punctuation (’, “, ”, —, …): none is a letter or digit.
        0x2000..=0x206f => false,
        _ => c.is_alphanumeric(),
    }
}

/// The words of `s`: its runs of letters, digits, apostrophes (' and ’) and hyphens.
pub fn words(s: &str) -> Words<'_> {
    Words { s, at: 0 }
}

/// The iterator of `words`: ASCII is read byte by byte, other characters decoded.
pub struct Words<'s> {
    s: &'s str,
    at: usize,
}

/// ASCII bytes that are word characters in `words`.
const ASCII_WORD: [bool; 128] = {
    let mut t = [false; 128];
    let mut b = 0;
    while b < 128 {
        t[b] = (b as u8).is_ascii_alphanumeric() || b == b'\'' as usize || b == b'-' as usize;
        b += 1;
    }
    t
};

impl<'s> Words<'s> {
    /// Whether the non-ASCII character at byte `i` is a word character, and its length: the
    /// Latin-1 letters (U+00C0…U+00FF but × and ÷, lead byte C3) and `’` told by their bytes,
    /// the others decoded.
    #[inline]
    fn wide(&self, i: usize) -> (bool, usize) {
        let b = self.s.as_bytes();
        match (b[i], b.get(i + 1).copied()) {
            (0xc3, Some(next)) => (next != 0x97 && next != 0xb7, 2),
            (0xe2, Some(0x80)) if b.get(i + 2) == Some(&0x99) => (true, 3),
            _ => self.decoded(i),
        }
    }

    #[inline(never)]
    fn decoded(&self, i: usize) -> (bool, usize) {
        let c = self.s[i..].chars().next().unwrap_or(' ');
        (is_alphanumeric(c) || c == '’', c.len_utf8())
    }
}

impl<'s> Iterator for Words<'s> {
    type Item = &'s str;

    #[inline]
    fn next(&mut self) -> Option<&'s str> {
        let bytes = self.s.as_bytes();
        let mut i = self.at;
        loop {
            let Some(&b) = bytes.get(i) else {
                self.at = bytes.len();
                return None;
            };
            if b < 0x80 {
                if ASCII_WORD[b as usize] {
                    break;
                }
                i += 1;
            } else {
                let (word, n) = self.wide(i);
                if word {
                    break;
                }
                i += n;
            }
        }
        let start = i;
        while let Some(&b) = bytes.get(i) {
            if b < 0x80 {
                if !ASCII_WORD[b as usize] {
                    break;
                }
                i += 1;
            } else {
                let (word, n) = self.wide(i);
                if !word {
                    break;
                }
                i += n;
            }
        }
        self.at = i;
        Some(&self.s[start..i])
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn char_offsets_count_scalars_not_bytes() {
        let t = "« Élan » et 24 ans";
        let b = t.find("24").unwrap();
        assert_eq!(char_offset(t, b), 12);
        let idx = CharIndex::new(t);
        assert_eq!(idx.char_of(b), 12);
        assert_eq!(idx.char_of(t.len()), t.chars().count());
    }

    #[test]
    fn char_index_counts_chars_before_any_byte() {
        let t = "« Élan » et 24 ans, ça coûte 3 € — 日本語 ".repeat(5);
        let idx = CharIndex::new(&t);
        for b in 0..=t.len() + 2 {
            let expected = t.char_indices().take_while(|(i, _)| *i < b).count();
            assert_eq!(idx.char_of(b), expected, "byte {b}");
        }
        let exact = "é".repeat(32);
        assert_eq!(CharIndex::new(&exact).char_of(64), 32);
    }

    proptest::proptest! {
        /// Texts of one- to four-byte chars, a whole 64-byte block or more.
        #[test]
        fn char_index_counts_as_char_indices_do(s in "[a é’日😀]{0,200}") {
            let idx = CharIndex::new(&s);
            let mut expected = 0;
            for b in 0..=s.len() {
                proptest::prop_assert_eq!(idx.char_of(b), expected, "byte {}", b);
                if b < s.len() && s.is_char_boundary(b) {
                    expected += 1;
                }
            }
        }
    }

    #[test]
    fn alphanumeric_as_the_standard_tables_say() {
        for c in (0..0x3000).filter_map(char::from_u32) {
            assert_eq!(is_alphanumeric(c), c.is_alphanumeric(), "{c:?}");
        }
    }

    #[test]
    fn fast_lowercase_is_the_standard_one() {
        for u in 0..=0x10FFFF {
            if let Some(c) = char::from_u32(u) {
                let s = format!("A{c}b");
                assert_eq!(to_lowercase(&s), s.to_lowercase(), "U+{u:04X}");
            }
        }
        for s in [
            "L’ÉTAT a DÉCIDÉ: Ωmega",
            "ΟΔΟΣ ΟΔΟΣ'Α",
            "İstanbul ÀÖØÞ×ß",
            "",
            "déjà",
        ] {
            assert_eq!(to_lowercase(s), s.to_lowercase(), "{s}");
        }
    }

    #[test]
    fn boundary_snaps_down_inside_multibyte_chars() {
        let t = "aé";
        assert_eq!(floor_boundary(t, 2), 1);
    }

    #[test]
    fn whitespace_is_squashed_to_single_spaces() {
        assert_eq!(
            squash_whitespace("  Le\u{a0}conseil \t a\n voté  "),
            "Le conseil a voté"
        );
        assert_eq!(squash_whitespace(""), "");
    }

    #[test]
    fn words_are_letters_digits_apostrophes_and_hyphens() {
        fn split(s: &str) -> Vec<&str> {
            words(s).collect()
        }
        assert_eq!(
            split("Le chômage a reculé de 2 % depuis 2019 — l’État, aujourd'hui-même !"),
            vec![
                "Le",
                "chômage",
                "a",
                "reculé",
                "de",
                "2",
                "depuis",
                "2019",
                "l’État",
                "aujourd'hui-même"
            ]
        );
        assert_eq!(
            split("3.5% naïve 日本語"),
            vec!["3", "5", "naïve", "日本語"]
        );
        assert!(split("  «  »  ").is_empty());
    }

    #[test]
    fn words_split_as_str_split_does() {
        for s in [
            "Le chômage a reculé de 2 % depuis 2019 — l’État, aujourd'hui-même !",
            "  «  x  »  ",
            "",
            "İstanbul ΣΑΣ naïve 3.5% 𝟙𝟚 日本語 e\u{301}",
            "'-'",
            "a",
        ] {
            let want: Vec<&str> = s
                .split(|c: char| !(c.is_alphanumeric() || c == '\'' || c == '’' || c == '-'))
                .filter(|w| !w.is_empty())
                .collect();
            assert_eq!(words(s).collect::<Vec<_>>(), want, "{s}");
        }
        // Every character of two or three bytes, between letters and alone: those told by
        // their bytes (Latin-1 letters, ×, ÷, ’) as those decoded.
        for c in (0x80..0x3000).filter_map(char::from_u32) {
            let is_word = c.is_alphanumeric() || c == '’';
            let s = format!("a{c}b");
            let want: Vec<String> = if is_word {
                vec![s.clone()]
            } else {
                vec!["a".into(), "b".into()]
            };
            assert_eq!(words(&s).collect::<Vec<_>>(), want, "U+{:04X}", c as u32);
            let alone = c.to_string();
            assert_eq!(
                words(&alone).count(),
                usize::from(is_word),
                "U+{:04X}",
                c as u32
            );
        }
    }
}
