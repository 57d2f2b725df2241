//! Every article reader the user can feed (txt in any encoding, md, html, docx, pdf), then
//! claim extraction on what came out. The first byte picks the file name's extension.
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
        let claims = claimdesk::extract::claims(&article, 0.0);
        for c in &claims {
            assert_eq!(&article.text[c.range.clone()], c.text);
        }
    }
});
