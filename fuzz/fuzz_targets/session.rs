//! Session files: any bytes either load (repaired where needed, every offset valid) or give an
//! error; never a panic.
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    if let Ok((review, _)) = claimdesk::store::from_json_checked(data, "fuzz.claimdesk.json") {
        let text = &review.article.text;
        for c in &review.claims {
            assert!(c.position.start <= c.position.end && c.position.end <= text.len());
            assert!(text.is_char_boundary(c.position.start) && text.is_char_boundary(c.position.end));
        }
        let _ = claimdesk::report::render(&review, claimdesk::report::Format::Markdown);
    }
});
