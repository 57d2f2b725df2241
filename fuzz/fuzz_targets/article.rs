//! Every article reader the user can feed (txt in any encoding, md, html, docx, pdf), then
//! claim extraction on what came out, and `claimdesk extract`'s JSON lines for it. The first byte
//! picks the file name's extension.
#![no_main]

use libfuzzer_sys::fuzz_target;

const NAMES: &[&str] = &["a.txt", "a.md", "a.html", "a.docx", "a.pdf", "a"];

fuzz_target!(|data: &[u8]| {
    let Some((&pick, bytes)) = data.split_first() else { return };
    let name = NAMES[pick as usize % NAMES.len()];
    if let Ok(article) = claimdesk::article::from_bytes(bytes, name) {
        for b in &article.blocks {
            assert!(article.text.is_char_boundary(b.start) && article.text.is_char_boundary(b.end));
        }
        let sentences = claimdesk::extract::sentences(&article);
        for c in &sentences {
            assert_eq!(&article.text[c.range.clone()], c.text);
        }
        // Every sentence, one JSON line each, its text as read (whatever it holds to escape).
        let lines = claimdesk::cli::extract_output(
            &article,
            &sentences,
            claimdesk::cli::ExtractFormat::Jsonl,
            true,
            0.0,
        );
        assert_eq!(lines.lines().count(), sentences.len());
        for (line, c) in lines.lines().zip(&sentences) {
            let v: serde_json::Value = serde_json::from_str(line).expect("a JSON line");
            assert_eq!(v["text"].as_str(), Some(c.text.as_str()));
        }
        let claims = claimdesk::extract::select(sentences, 0.0);
        for c in &claims {
            assert_eq!(&article.text[c.range.clone()], c.text);
        }
    }
});
