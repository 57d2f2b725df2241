//! Bytes → text: BOMs, UTF-8, UTF-16 and UTF-32 (with or without a BOM), and legacy encodings
//! (Windows-1252/Latin-1 is common in French newsrooms) guessed by chardetng, line by line when
//! a file mixes UTF-8 lines with legacy ones. Binary files are recognised and refused. The text
//! never holds a NUL character.

use std::borrow::Cow;

/// The wide Unicode encodings, whose text has zero bytes by design.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Wide {
    Utf16Le,
    Utf16Be,
    Utf32Le,
    Utf32Be,
}

impl Wide {
    fn name(self) -> &'static str {
        match self {
            Wide::Utf16Le => "UTF-16LE",
            Wide::Utf16Be => "UTF-16BE",
            Wide::Utf32Le => "UTF-32LE",
            Wide::Utf32Be => "UTF-32BE",
        }
    }

    /// The code units of `bytes` (a whole number of them; a cut unit at the end is left out).
    fn units(self, bytes: &[u8]) -> Vec<u32> {
        match self {
            Wide::Utf16Le => bytes
                .chunks_exact(2)
                .map(|b| u32::from(u16::from_le_bytes([b[0], b[1]])))
                .collect(),
            Wide::Utf16Be => bytes
                .chunks_exact(2)
                .map(|b| u32::from(u16::from_be_bytes([b[0], b[1]])))
                .collect(),
            Wide::Utf32Le => bytes
                .chunks_exact(4)
                .map(|b| u32::from_le_bytes([b[0], b[1], b[2], b[3]]))
                .collect(),
            Wide::Utf32Be => bytes
                .chunks_exact(4)
                .map(|b| u32::from_be_bytes([b[0], b[1], b[2], b[3]]))
                .collect(),
        }
    }

    fn decode(self, bytes: &[u8]) -> String {
        match self {
            Wide::Utf16Le => encoding_rs::UTF_16LE
                .decode_without_bom_handling(bytes)
                .0
                .into_owned(),
            Wide::Utf16Be => encoding_rs::UTF_16BE
                .decode_without_bom_handling(bytes)
                .0
                .into_owned(),
            Wide::Utf32Le | Wide::Utf32Be => {
                let mut text: String = self
                    .units(bytes)
                    .into_iter()
                    .map(|u| char::from_u32(u).unwrap_or(char::REPLACEMENT_CHARACTER))
                    .collect();
                if !bytes.len().is_multiple_of(4) {
                    text.push(char::REPLACEMENT_CHARACTER);
                }
                text
            }
        }
    }
}

/// How much of a file the checks read.
const HEAD: usize = 8192;

/// A wide encoding the bytes are in, and the length of its byte-order mark (0 without one).
/// Without a mark, the text is recognised by its shape: its zero bytes fall in the high bytes
/// of characters, and read in that encoding the start of the file is text (no NUL, next to no
/// control characters, and 15 % at least of Latin characters: spaces, digits, punctuation,
/// which any language has). UTF-16 text without a mark and with next to no Latin characters
/// (Chinese, say) is not recognised, and is refused as binary.
fn wide(bytes: &[u8]) -> Option<(Wide, usize)> {
    // UTF-32LE's mark starts like UTF-16LE's: it is looked for first.
    for (bom, enc) in [
        (&[0xFF, 0xFE, 0, 0][..], Wide::Utf32Le),
        (&[0, 0, 0xFE, 0xFF][..], Wide::Utf32Be),
        (&[0xFF, 0xFE][..], Wide::Utf16Le),
        (&[0xFE, 0xFF][..], Wide::Utf16Be),
    ] {
        if bytes.starts_with(bom) {
            return Some((enc, bom.len()));
        }
    }
    let head = &bytes[..bytes.len().min(HEAD)];
    if !head.contains(&0) {
        return None;
    }
    [Wide::Utf32Le, Wide::Utf32Be, Wide::Utf16Le, Wide::Utf16Be]
        .into_iter()
        .find(|&enc| reads_as_text(&enc.units(head), enc))
        .map(|enc| (enc, 0))
}

/// Whether `units` (the start of a file) are the code units of text in `enc`.
fn reads_as_text(units: &[u32], enc: Wide) -> bool {
    if units.len() < 2 {
        return false;
    }
    let utf16 = matches!(enc, Wide::Utf16Le | Wide::Utf16Be);
    let mut latin = 0;
    let mut odd = 0;
    let mut i = 0;
    while i < units.len() {
        let u = units[i];
        i += 1;
        match u {
            0 => return false,
            0xD800..=0xDBFF if utf16 => {
                // A high surrogate needs a low one after it (unless the head cut it off).
                match units.get(i) {
                    Some(0xDC00..=0xDFFF) => i += 1,
                    Some(_) => return false,
                    None => {}
                }
            }
            0xD800..=0xDFFF => return false,
            0x11_0000.. => return false,
            0x09 | 0x0A | 0x0C | 0x0D => latin += 1,
            0x01..=0x1F | 0x7F..=0x9F | 0xFFFE | 0xFFFF => odd += 1,
            0x20..=0xFF => latin += 1,
            _ => {}
        }
    }
    odd * 100 <= units.len() && latin * 20 >= units.len() * 3
}

/// What kind of binary file this is, if it is one (PDF and Word files are read before this).
pub(super) fn binary_kind(bytes: &[u8]) -> Option<&'static str> {
    if wide(bytes).is_some() {
        return None; // UTF-16 and UTF-32 text have zero bytes by design
    }
    let head = &bytes[..bytes.len().min(HEAD)];
    let controls = head
        .iter()
        .filter(|&&b| b == 0 || (b < 0x09) || (0x0E..0x1B).contains(&b))
        .count();
    if head.contains(&0) || controls * 20 > head.len() {
        return Some("a binary file");
    }
    None
}

/// Decodes `bytes` to text and names the encoding used. UTF-8 without a BOM, the common case, is
/// the bytes themselves, not a copy. NUL characters, which no text holds, become U+FFFD.
pub(super) fn decode(bytes: &[u8]) -> (Cow<'_, str>, String) {
    let (text, encoding) = decode_as_is(bytes);
    if text.contains('\0') {
        return (text.replace('\0', "\u{FFFD}").into(), encoding);
    }
    (text, encoding)
}

fn decode_as_is(bytes: &[u8]) -> (Cow<'_, str>, String) {
    if let Some((enc, bom_len)) = wide(bytes) {
        return (enc.decode(&bytes[bom_len..]).into(), enc.name().to_string());
    }
    if let Some((enc, bom_len)) = encoding_rs::Encoding::for_bom(bytes) {
        let (text, _) = enc.decode_without_bom_handling(&bytes[bom_len..]);
        return (text, enc.name().to_string());
    }
    if let Ok(s) = std::str::from_utf8(bytes) {
        return (Cow::Borrowed(s), "UTF-8".to_string());
    }
    if let Some(mixed) = mixed_lines(bytes) {
        return mixed;
    }
    let mut det = chardetng::EncodingDetector::new();
    det.feed(bytes, true);
    let enc = det.guess(None, true);
    let (text, _, _) = enc.decode(bytes);
    (text, enc.name().to_string())
}

/// A text whose lines are some in UTF-8 and some in one legacy single-byte encoding (a file
/// pasted together from several sources): each line that is UTF-8, with at least one such line
/// beyond ASCII, is read as UTF-8, and the others in the encoding chardetng guesses from them.
/// None when no line beyond ASCII is UTF-8, or when the guess is a multi-byte encoding (whose
/// lines could pass for UTF-8 by chance): the whole text is then read in one encoding.
fn mixed_lines(bytes: &[u8]) -> Option<(Cow<'static, str>, String)> {
    let lines: Vec<(&[u8], bool)> = bytes
        .split_inclusive(|&b| b == b'\n')
        .map(|l| (l, std::str::from_utf8(l).is_ok()))
        .collect();
    if !lines.iter().any(|(l, utf8)| *utf8 && !l.is_ascii()) {
        return None;
    }
    let mut det = chardetng::EncodingDetector::new();
    for (l, _) in lines.iter().filter(|(_, utf8)| !utf8) {
        det.feed(l, false);
    }
    det.feed(b"", true);
    let enc = det.guess(None, true);
    if !enc.is_single_byte() {
        return None;
    }
    let mut text = String::with_capacity(bytes.len() + bytes.len() / 8);
    for (l, utf8) in lines {
        match std::str::from_utf8(l) {
            Ok(s) if utf8 => text.push_str(s),
            _ => text.push_str(&enc.decode_without_bom_handling(l).0),
        }
    }
    Some((text.into(), format!("UTF-8 and {}", enc.name())))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn boms_and_utf16() {
        let (t, e) = decode(b"\xEF\xBB\xBFcaf\xC3\xA9");
        assert_eq!((t.as_ref(), e.as_str()), ("café", "UTF-8"));
        let utf16: Vec<u8> = [0xFF, 0xFE]
            .into_iter()
            .chain("é!".encode_utf16().flat_map(u16::to_le_bytes))
            .collect();
        assert_eq!(binary_kind(&utf16), None);
        assert_eq!(decode(&utf16).0, "é!");
    }

    const TEXT: &str = "Le président a déclaré : « le budget a doublé en 2023 ».\r\n\
        Selon l’Insee, 5,5 % du PIB — 😀 — et 12 millions d’euros.\n";

    fn utf16(text: &str, le: bool) -> Vec<u8> {
        text.encode_utf16()
            .flat_map(|u| if le { u.to_le_bytes() } else { u.to_be_bytes() })
            .collect()
    }

    fn utf32(text: &str, le: bool) -> Vec<u8> {
        text.chars()
            .flat_map(|c| {
                let u = u32::from(c);
                if le { u.to_le_bytes() } else { u.to_be_bytes() }
            })
            .collect()
    }

    #[test]
    fn utf16_without_a_bom_is_text_in_either_byte_order() {
        for (le, name) in [(true, "UTF-16LE"), (false, "UTF-16BE")] {
            let bytes = utf16(TEXT, le);
            assert_eq!(binary_kind(&bytes), None, "{name}");
            let (t, e) = decode(&bytes);
            assert_eq!((t.as_ref(), e.as_str()), (TEXT, name));
            // Cyrillic, with only its spaces and punctuation in Latin.
            let ru = "Президент заявил, что бюджет удвоился в 2023 году.";
            assert_eq!(decode(&utf16(ru, le)).0, ru);
        }
    }

    #[test]
    fn utf32_with_or_without_a_bom_is_text_without_nuls() {
        for (le, bom, name) in [
            (true, &[0xFF, 0xFE, 0, 0][..], "UTF-32LE"),
            (false, &[0, 0, 0xFE, 0xFF][..], "UTF-32BE"),
        ] {
            let bare = utf32(TEXT, le);
            let marked: Vec<u8> = bom.iter().copied().chain(bare.iter().copied()).collect();
            for bytes in [bare, marked] {
                assert_eq!(binary_kind(&bytes), None, "{name}");
                let (t, e) = decode(&bytes);
                assert_eq!((t.as_ref(), e.as_str()), (TEXT, name));
            }
        }
    }

    #[test]
    fn binary_data_stays_binary_and_no_text_holds_a_nul() {
        // Little-endian integers, an image header, a NUL-padded record: not UTF-16 or UTF-32.
        let ints: Vec<u8> = (0u32..2000)
            .flat_map(|i| (i * 7919).to_le_bytes())
            .collect();
        let png = b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR\0\0\x01\0\0\0\x01\0\x08\x06\0\0\0";
        let padded = b"NAME\0\0\0\0\0\0AGE\0\0\0\0\0\0\0";
        // UTF-8 text with one stray NUL is no UTF-16 either.
        let stray = b"Hello\0world, how are you today?";
        for bytes in [
            &stray[..],
            &ints[..],
            &png[..],
            &padded[..],
            &[0u8, 0, 1, 2, 3, 255, 254, 0],
        ] {
            assert_eq!(binary_kind(bytes), Some("a binary file"), "{bytes:?}");
        }
        // A NUL past the part that is checked, or inside UTF-16 with a mark.
        let mut late = "Le budget a doublé. ".repeat(1000).into_bytes();
        late.extend(b"\0fin");
        assert!(binary_kind(&late).is_none());
        assert!(!decode(&late).0.contains('\0'));
        let mut marked = vec![0xFF, 0xFE];
        marked.extend(utf16("a\0b", true));
        assert_eq!(decode(&marked).0, "a\u{FFFD}b");
    }

    #[test]
    fn utf8_lines_among_windows_1252_lines_stay_utf8() {
        let mut bytes = Vec::new();
        bytes.extend("Le président a été réélu en 2022, selon l’Élysée.\n".as_bytes());
        bytes.extend(b"Le d\xe9ficit a doubl\xe9 en 2023 \x96 \xab selon l'Insee \xbb.\r\n");
        bytes.extend("Les élèves ont reçu 12 € chacun.\n".as_bytes());
        let (t, e) = decode(&bytes);
        assert_eq!(
            t,
            "Le président a été réélu en 2022, selon l’Élysée.\n\
             Le déficit a doublé en 2023 – « selon l'Insee ».\r\n\
             Les élèves ont reçu 12 € chacun.\n"
        );
        assert_eq!(e, "UTF-8 and windows-1252");
        // Without a UTF-8 line beyond ASCII, the whole text is read in one encoding, as before.
        let legacy = b"Budget 2023\nLe d\xe9ficit a doubl\xe9.\n";
        let (t, e) = decode(legacy);
        assert_eq!(t, "Budget 2023\nLe déficit a doublé.\n");
        assert_eq!(e, "windows-1252");
    }
}
