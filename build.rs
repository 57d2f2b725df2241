//! Embeds every translation in `assets/i18n/*.ftl`: a new language is a new file there and
//! nothing else. English comes first: it is the language every other one falls back to.

use std::path::Path;

fn main() {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("assets/i18n");
    println!("cargo:rerun-if-changed={}", dir.display());
    let mut files: Vec<(String, String)> = std::fs::read_dir(&dir)
        .expect("assets/i18n is there")
        .filter_map(Result::ok)
        .map(|e| e.path())
        .filter(|p| p.extension().is_some_and(|e| e == "ftl"))
        .map(|p| {
            println!("cargo:rerun-if-changed={}", p.display());
            let code = p.file_stem().unwrap().to_string_lossy().into_owned();
            // A language is named by its code alone ("fr", "es"), as `Lang::parse` reads it.
            assert!(
                !code.is_empty() && code.bytes().all(|b| b.is_ascii_lowercase()),
                "assets/i18n/{code}.ftl: name a translation by its lower-case language code (es.ftl)"
            );
            (code, p.display().to_string())
        })
        .collect();
    files.sort_by(|a, b| (a.0 != "en", &a.0).cmp(&(b.0 != "en", &b.0)));
    assert!(
        files.first().is_some_and(|f| f.0 == "en"),
        "assets/i18n/en.ftl is missing"
    );
    let mut out = String::from("/// (language code, Fluent source), English first.\n");
    out.push_str("const CATALOGS: &[(&str, &str)] = &[\n");
    for (code, path) in &files {
        out.push_str(&format!("    ({code:?}, include_str!({path:?})),\n"));
    }
    out.push_str("];\n");
    let target = Path::new(&std::env::var("OUT_DIR").unwrap()).join("catalogs.rs");
    std::fs::write(target, out).unwrap();
}
