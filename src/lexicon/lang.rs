//! Language of a text: whatlang's guess, limited to the languages Claimdesk has lexicons for.

/// How much of a text `detect` reads, in bytes.
pub const SAMPLE_BYTES: usize = 20_000;

/// ISO 639-1 code of the text's language among those with a lexicon; English when unsure.
pub fn detect(text: &str) -> &'static str {
    // A few thousand characters decide it; whatlang is linear, so bound the work on huge inputs.
    let sample = &text[..crate::text::floor_boundary(text, SAMPLE_BYTES)];
    let code = match whatlang::detect_lang(sample) {
        Some(whatlang::Lang::Fra) => "fr",
        Some(whatlang::Lang::Eng) => "en",
        Some(whatlang::Lang::Spa) => "es",
        Some(whatlang::Lang::Deu) => "de",
        _ => "en",
    };
    super::languages()
        .into_iter()
        .find(|l| *l == code)
        .unwrap_or("en")
}

/// `auto` (or empty) detects; anything else is taken as given.
pub fn resolve(requested: Option<&str>, text: &str) -> String {
    match requested {
        None | Some("") | Some("auto") => detect(text).to_string(),
        Some(l) => l.to_lowercase(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn detects_french_and_english() {
        assert_eq!(
            detect(
                "Le président russe a atterri en Corée du Nord tôt mercredi matin, heure locale."
            ),
            "fr"
        );
        assert_eq!(
            detect("The president landed in North Korea early on Wednesday morning, local time."),
            "en"
        );
        assert_eq!(resolve(Some("FR"), "whatever"), "fr");
    }
}
