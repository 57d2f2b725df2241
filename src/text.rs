//! Offsets. Claimdesk works in UTF-8 byte ranges on char boundaries internally and speaks
//! Unicode scalar (char) offsets to the outside world, as the W3C selectors define them.

/// Char offset of the byte offset `byte` in `text` (which must be a char boundary).
pub fn char_offset(text: &str, byte: usize) -> usize {
    text[..byte.min(text.len())].chars().count()
}

/// Converts sorted or unsorted byte offsets to char offsets in one pass over the text.
pub struct CharIndex {
    ascii: bool,
    /// Per 64 bytes of the text: the chars before them, and a bit for each of their bytes that
    /// starts a char (built for non-ASCII text only; a quarter of the text's size).
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
                let starts = match <&[u8; 64]>::try_from(chunk) {
                    Ok(whole) => char_starts_64(whole),
                    Err(_) => chunk
                        .iter()
                        .enumerate()
                        .fold(0, |starts, (i, &b)| starts | u64::from(starts_char(b)) << i),
                };
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

/// Whether a byte of UTF-8 starts a char: it is not a continuation byte, 0b10xx_xxxx.
fn starts_char(b: u8) -> bool {
    (b as i8) >= -0x40
}

/// A bit per byte of `chunk` that starts a char (bit `i` for byte `i`), worked out eight bytes
/// at a time: indexing a megabyte of French text takes 0.1–0.15 ms instead of 0.6 byte by byte.
fn char_starts_64(chunk: &[u8; 64]) -> u64 {
    const HIGH: u64 = 0x8080_8080_8080_8080;
    let mut starts = 0;
    for (k, eight) in chunk.chunks_exact(8).enumerate() {
        let mut word = [0; 8];
        word.copy_from_slice(eight);
        let x = u64::from_le_bytes(word);
        // Bit 7 of each byte that is 0b10xx_xxxx (bit 6 shifted under bit 7 stays in its byte)…
        let continuation = x & !(x << 1) & HIGH;
        // …and of each other byte, moved to bit 0, gathered into the top byte by one multiply
        // (each byte's bit lands on its own bit of the top byte; no two products overlap).
        let first = ((!continuation & HIGH) >> 7).wrapping_mul(0x0102_0408_1020_4080) >> 56;
        starts |= first << (8 * k);
    }
    starts
}

/// A word of up to 16 bytes as a number: its bytes, then zeros (a word has no zero byte). A table
/// of words keyed by it compares numbers, not strings.
///
/// Read with two loads that may overlap rather than a copy of variable length (which was a call
/// to `memcpy` for every word looked up): the bytes they share are the same bytes at the same
/// places.
pub fn pack(word: &str) -> Option<u128> {
    let b = word.as_bytes();
    let n = b.len();
    // Bytes `at..at + 8` (`at..at + 4`) as a little-endian number.
    let u64_at = |at: usize| u64::from_le_bytes(b[at..at + 8].try_into().unwrap_or_default());
    let u32_at = |at: usize| u32::from_le_bytes(b[at..at + 4].try_into().unwrap_or_default());
    Some(match n {
        0 => 0,
        1..=3 => {
            // The first, middle and last bytes cover one to three bytes.
            u128::from(b[0])
                | u128::from(b[n / 2]) << (8 * (n / 2))
                | u128::from(b[n - 1]) << (8 * (n - 1))
        }
        4..=8 => u128::from(u32_at(0)) | u128::from(u32_at(n - 4)) << (8 * (n - 4)),
        9..=16 => u128::from(u64_at(0)) | u128::from(u64_at(n - 8)) << (8 * (n - 8)),
        _ => return None,
    })
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
    lowercase_in_place(s).0
}

/// `to_lowercase`, and whether every character's lower case has the byte length of the
/// character, so that each character (each word) of `s` is at the same byte offsets in the lower
/// case (false where that is not known: a text with Σ).
pub fn lowercase_in_place(s: &str) -> (String, bool) {
    if s.is_ascii() {
        return (s.to_ascii_lowercase(), true);
    }
    let b = s.as_bytes();
    let mut out = String::with_capacity(s.len());
    let mut in_place = true;
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
            (0xce, 0xa3) => return (s.to_lowercase(), false),
            _ => {
                let c = s[i..].chars().next().unwrap_or(' ');
                let before = out.len();
                out.extend(c.to_lowercase());
                in_place &= out.len() - before == c.len_utf8();
                i += c.len_utf8();
                continue;
            }
        };
        out.push_str(&s[i..i + n]);
        i += n;
    }
    (out, in_place)
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

/// Whether `s` contains `c`, a character of two bytes or more: a scan for its first byte (cheaper
/// than `str::contains` on short strings, which sets up a substring search for such a char).
pub fn has_wide_char(s: &str, c: char) -> bool {
    let mut buf = [0u8; 4];
    let pat = c.encode_utf8(&mut buf).as_bytes();
    let b = s.as_bytes();
    let mut i = 0;
    while let Some(p) = memchr::memchr(pat[0], &b[i..]) {
        if b[i + p..].starts_with(pat) {
            return true;
        }
        i += p + 1;
    }
    false
}

/// Whether lower-casing `s` as a whole may differ from lower-casing it word by word, or change
/// its words: a final sigma (Σ) or a dotted capital I (İ, which becomes "i" and a dot).
pub fn has_sigma_or_dotted_i(s: &str) -> bool {
    // Σ is CE A3 and İ is C4 B0 in UTF-8.
    let b = s.as_bytes();
    memchr::memchr2_iter(0xce, 0xc4, b).any(|i| {
        let next = b.get(i + 1).copied();
        (b[i] == 0xce && next == Some(0xa3)) || (b[i] == 0xc4 && next == Some(0xb0))
    })
}

/// Whether any byte of `chunk` (a few, such as sixteen) passes `f`, every byte tested without an
/// early exit so that the compiler vectorises the test: the readers that skip sixteen bytes at a
/// time while none matters use it.
#[inline]
pub fn any_byte(chunk: &[u8], f: impl Fn(u8) -> bool) -> bool {
    chunk.iter().fold(false, |a, &x| a | f(x))
}

/// Whether `b` may start a whitespace character other than a space: ASCII tab to carriage
/// return, and the first bytes of U+0085, U+00A0, U+1680, U+2000…U+205F and U+3000.
#[inline]
fn may_start_other_space(b: u8) -> bool {
    matches!(b, 0x09..=0x0d | 0xc2 | 0xe1 | 0xe2 | 0xe3)
}

/// How many of the next (up to) sixteen bytes of `b` from `i` are not `may_start_other_space`:
/// a stretch where the only whitespace is the space.
#[inline]
fn plain_stretch(b: &[u8], i: usize) -> usize {
    let chunk = &b[i..b.len().min(i + 16)];
    if !any_byte(chunk, may_start_other_space) {
        return chunk.len();
    }
    chunk
        .iter()
        .position(|&x| may_start_other_space(x))
        .unwrap_or(chunk.len())
}

/// `s.split_whitespace().take(max).count()`, reading up to sixteen bytes at a time where the only
/// whitespace is the space, and decoding only the first bytes of the other whitespace characters.
pub fn count_words_up_to(s: &str, max: usize) -> usize {
    let b = s.as_bytes();
    let (mut n, mut in_word, mut i) = (0, false, 0);
    while i < b.len() && n < max {
        let plain = plain_stretch(b, i);
        if plain > 0 {
            // A word starts at each byte that is not a space and follows one.
            let stretch = &b[i..i + plain];
            n += usize::from(!in_word && stretch[0] != b' ')
                + stretch
                    .windows(2)
                    .filter(|w| w[0] == b' ' && w[1] != b' ')
                    .count();
            in_word = stretch[plain - 1] != b' ';
            i += plain;
            continue;
        }
        // A control character, or the first byte of a character that may be whitespace.
        let (space, len) = match b[i] {
            0x09..=0x0d => (true, 1),
            _ => {
                let c = s[i..].chars().next().unwrap_or('x');
                (c.is_whitespace(), c.len_utf8())
            }
        };
        if !space && !in_word {
            n += 1;
        }
        in_word = !space;
        i += len;
    }
    n.min(max)
}

/// Collapses runs of whitespace to single spaces and trims the ends.
pub fn squash_whitespace(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    push_squashed(&mut out, s);
    out
}

/// `squash_whitespace(s)`, written at the end of `out`.
pub fn push_squashed(out: &mut String, s: &str) {
    if is_squashed(s) {
        out.push_str(s);
        return;
    }
    for (i, w) in s.split_whitespace().enumerate() {
        if i > 0 {
            out.push(' ');
        }
        out.push_str(w);
    }
}

/// Whether `s` is its own `squash_whitespace`: no whitespace at its ends, and only single
/// spaces inside. Read as `count_words_up_to` reads.
fn is_squashed(s: &str) -> bool {
    let bytes = s.as_bytes();
    let mut after_space = true;
    let mut i = 0;
    while i < bytes.len() {
        let plain = plain_stretch(bytes, i);
        if plain > 0 {
            // Where the only whitespace is the space, no space may follow another.
            let stretch = &bytes[i..i + plain];
            if (after_space && stretch[0] == b' ') || stretch.windows(2).any(|w| w == b"  ") {
                return false;
            }
            after_space = stretch[plain - 1] == b' ';
            i += plain;
            continue;
        }
        // A control character, or the first byte of a character that may be whitespace (U+0085,
        // U+00A0; U+1680; U+2000…U+205F; U+3000): other characters are not decoded.
        if bytes[i] <= 0x0d || s[i..].chars().next().is_some_and(char::is_whitespace) {
            return false;
        }
        after_space = false;
        i += 1;
    }
    !after_space || s.is_empty()
}

#[cfg(test)]
mod tests {
    /// `pack` as it reads plainly: the bytes copied into sixteen zeros.
    fn pack_plain(word: &str) -> Option<u128> {
        let b = word.as_bytes();
        (b.len() <= 16).then(|| {
            let mut buf = [0u8; 16];
            buf[..b.len()].copy_from_slice(b);
            u128::from_le_bytes(buf)
        })
    }

    #[test]
    fn packed_words_are_their_bytes_in_sixteen_zeros() {
        // Every length up to 17 bytes, with bytes that differ in every place.
        let all: String = (0..40u8).map(|i| char::from(b'!' + i)).collect();
        for start in 0..20 {
            for len in 0..=17 {
                let w = &all[start..start + len];
                assert_eq!(pack(w), pack_plain(w), "{w:?}");
            }
        }
        for w in [
            "é",
            "été",
            "aujourd’hui",
            "l’État",
            "Ωμέγα",
            "日本語",
            "😀x",
            "n’",
            "a",
        ] {
            assert_eq!(pack(w), pack_plain(w), "{w:?}");
        }
    }

    use super::*;

    #[test]
    fn wide_chars_found_as_str_contains_finds_them() {
        for s in [
            "",
            "abc",
            "Σ",
            "xΣy",
            "ΣΣ",
            "İstanbul",
            "é",
            "€uro ’",
            "\u{3a3}\u{130}",
        ] {
            for c in ['Σ', 'İ', '’', 'é', '€', '\u{10348}'] {
                assert_eq!(has_wide_char(s, c), s.contains(c), "{s} {c}");
            }
            assert_eq!(has_sigma_or_dotted_i(s), s.contains(['Σ', 'İ']), "{s}");
        }
    }

    #[test]
    fn lower_case_in_place_keeps_letters_letters() {
        // What lets scoring read a sentence's words off its lower case: a character whose lower
        // case has its byte length is a letter or digit exactly when its lower case is.
        for c in (0..=0x10FFFF).filter_map(char::from_u32) {
            let lower: String = c.to_lowercase().collect();
            if lower.len() == c.len_utf8() {
                let l = lower.chars().next().unwrap_or(c);
                assert_eq!(lower.chars().count(), 1, "U+{:04X}", c as u32);
                assert_eq!(is_alphanumeric(c), is_alphanumeric(l), "U+{:04X}", c as u32);
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
    fn lower_case_as_the_standard_function() {
        for s in [
            "",
            "ABC",
            "Élodie À L’ÉTAT ×÷ Ÿ Ǆ ΑΣ ΟΔΟΣ İstanbul \u{212A}elvin ẞ",
            "x\u{10400}Y",
            "ÀÉÎÕÜ abc DEF",
        ] {
            assert_eq!(to_lowercase(s), s.to_lowercase(), "{s}");
        }
    }

    #[test]
    fn squashed_as_split_and_joined() {
        for s in [
            "",
            " ",
            "a",
            "a b",
            "a  b",
            " a b",
            "a b ",
            "a\tb",
            "a\x0bb",
            "a\u{a0}b",
            "l’État « cité »\u{2009}!",
            "a\u{3000}",
            "\u{85}a",
            "é è",
            "x\u{200b}y",
            "tabs\tand\nlines\r\x0b\x0cend",
            "non\u{a0}breaking\u{2003}em\u{3000}ideographic\u{85}next",
            "été à Noël — « oui »",
            "\u{1680}ogham\u{202f}narrow\u{205f}math\u{2028}line\u{2029}para",
            "é\u{a0}",
            "already squashed, with é and ’",
        ] {
            let words: Vec<&str> = s.split_whitespace().collect();
            let want = words.join(" ");
            assert_eq!(squash_whitespace(s), want, "{s:?}");
            let mut out = String::from("x");
            push_squashed(&mut out, s);
            assert_eq!(out, format!("x{want}"), "{s:?}");
            for max in [0, 1, 2, 3, 100] {
                assert_eq!(
                    count_words_up_to(s, max),
                    words.len().min(max),
                    "{s:?} {max}"
                );
            }
        }
    }

    proptest::proptest! {
        /// Long texts, read sixteen bytes at a time where they hold no whitespace but spaces.
        #[test]
        fn long_texts_squashed_and_counted_as_split_whitespace_does(
            s in "([ab é’—]{0,40}(\t|\u{a0}|\u{2009}|\u{3000}|\u{85}|  )?){0,8}|[ab]{1,20}( [ab é]{1,3}){0,30}",
            max in 0usize..60,
        ) {
            let words: Vec<&str> = s.split_whitespace().collect();
            proptest::prop_assert_eq!(is_squashed(&s), words.join(" ") == s);
            proptest::prop_assert_eq!(squash_whitespace(&s), words.join(" "));
            proptest::prop_assert_eq!(count_words_up_to(&s, max), words.len().min(max));
        }
    }

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
                let (lower, in_place) = lowercase_in_place(&s);
                assert_eq!(lower, s.to_lowercase(), "U+{u:04X}");
                // "In place" only where the character's lower case has its byte length.
                let same = c.to_lowercase().map(char::len_utf8).sum::<usize>() == c.len_utf8();
                assert!(!in_place || same, "U+{u:04X}");
                assert!(in_place || !same || c == 'Σ', "U+{u:04X}");
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
    fn boundary_snaps_down_inside_multibyte_chars() {
        let t = "aé";
        assert_eq!(floor_boundary(t, 2), 1);
    }
}
