//! Offsets. Claimdesk works in UTF-8 byte ranges on char boundaries internally and speaks
//! Unicode scalar (char) offsets to the outside world, as the W3C selectors define them.

/// Char offset of the byte offset `byte` in `text` (which must be a char boundary).
pub fn char_offset(text: &str, byte: usize) -> usize {
    text[..byte.min(text.len())].chars().count()
}

/// Converts sorted or unsorted byte offsets to char offsets in one pass over the text.
pub struct CharIndex {
    /// `(byte, char)` pairs for every char start, built lazily for non-ASCII text.
    ascii: bool,
    starts: Vec<usize>,
}

impl CharIndex {
    pub fn new(text: &str) -> Self {
        if text.is_ascii() {
            return Self {
                ascii: true,
                starts: Vec::new(),
            };
        }
        let starts = text.char_indices().map(|(b, _)| b).collect();
        Self {
            ascii: false,
            starts,
        }
    }

    /// Char offset of a byte offset (a char boundary, or the text's end).
    pub fn char_of(&self, byte: usize) -> usize {
        if self.ascii {
            return byte;
        }
        match self.starts.binary_search(&byte) {
            Ok(i) | Err(i) => i,
        }
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

/// `s.to_lowercase()`, faster on Latin text: ASCII and Latin-1 capitals are mapped directly,
/// other characters through the standard tables. Text with a capital sigma, whose lower case
/// depends on its place in the word, is left to the standard function.
pub fn to_lowercase(s: &str) -> String {
    if s.is_ascii() {
        return s.to_ascii_lowercase();
    }
    if s.contains('Σ') {
        return s.to_lowercase();
    }
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        match c {
            '\0'..='\x7f' => out.push(c.to_ascii_lowercase()),
            // À…Ö and Ø…Þ: their lower case is 32 code points further.
            'À'..='Þ' if c != '×' => out.push(char::from_u32(c as u32 + 32).unwrap_or(c)),
            _ => out.extend(c.to_lowercase()),
        }
    }
    out
}

/// Collapses runs of whitespace to single spaces and trims the ends.
pub fn squash_whitespace(s: &str) -> String {
    s.split_whitespace().collect::<Vec<_>>().join(" ")
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
}
