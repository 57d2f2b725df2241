//! Bytes → text: BOMs, UTF-8, and legacy encodings (Windows-1252/Latin-1 is common in French
//! newsrooms) guessed by chardetng. Binary files are recognised and refused.

use std::borrow::Cow;

/// What kind of binary file this is, if it is one (PDF and Word files are read before this).
pub(super) fn binary_kind(bytes: &[u8]) -> Option<&'static str> {
    if bytes.starts_with(&[0xFF, 0xFE]) || bytes.starts_with(&[0xFE, 0xFF]) {
        return None; // UTF-16 text has zero bytes by design
    }
    let head = &bytes[..bytes.len().min(8192)];
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
/// the bytes themselves, not a copy.
pub(super) fn decode(bytes: &[u8]) -> (Cow<'_, str>, String) {
    if let Some((enc, bom_len)) = encoding_rs::Encoding::for_bom(bytes) {
        let (text, _) = enc.decode_without_bom_handling(&bytes[bom_len..]);
        return (text, enc.name().to_string());
    }
    if let Ok(s) = std::str::from_utf8(bytes) {
        return (Cow::Borrowed(s), "UTF-8".to_string());
    }
    let mut det = chardetng::EncodingDetector::new();
    det.feed(bytes, true);
    let enc = det.guess(None, true);
    let (text, _, _) = enc.decode(bytes);
    (text, enc.name().to_string())
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
}
