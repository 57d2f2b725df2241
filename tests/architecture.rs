//! The house rules of docs/ARCHITECTURE.md, checked on the source: data flows one way
//! (`article` → `extract` → `review` → `store`/`report` → `cli`/`ui`, with `lexicon` and `text`
//! under all of them), only `ui` uses egui, eframe or rfd, and there is no `unsafe` code.

use std::path::{Path, PathBuf};

/// The modules of `src/`, lowest first: a module may use those of lower layers only.
const LAYERS: &[(&str, u8)] = &[
    ("text", 0),
    ("files", 0),
    ("i18n", 0),
    ("lexicon", 1),
    ("article", 2),
    ("extract", 3),
    ("review", 4),
    ("store", 5),
    ("report", 5),
    ("library", 6),
    ("cli", 7),
    ("ui", 7),
];

fn src() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("src")
}

/// The Rust files of module `name` (`src/name.rs` or every file under `src/name/`).
fn files_of(name: &str) -> Vec<PathBuf> {
    let dir = src().join(name);
    if dir.is_dir() {
        let mut files = Vec::new();
        let mut stack = vec![dir];
        while let Some(d) = stack.pop() {
            for entry in std::fs::read_dir(&d).unwrap() {
                let path = entry.unwrap().path();
                if path.is_dir() {
                    stack.push(path);
                } else if path.extension().is_some_and(|e| e == "rs") {
                    files.push(path);
                }
            }
        }
        files
    } else {
        vec![src().join(format!("{name}.rs"))]
    }
}

/// The code of a file, without its comments (doc comments included): the rules are about what
/// the code names, not what the prose mentions.
fn code_of(path: &Path) -> String {
    std::fs::read_to_string(path)
        .unwrap()
        .lines()
        .map(|l| match l.find("//") {
            Some(at) if !l[..at].contains('"') => &l[..at],
            _ => l,
        })
        .collect::<Vec<_>>()
        .join("\n")
}

/// The crate modules that `code` names: the first segment after each `crate::`, and in a
/// `crate::{a, b::c, …}` list the first segment of each item.
fn modules_named(code: &str) -> Vec<String> {
    let ident = |s: &str| -> String {
        s.trim_start()
            .chars()
            .take_while(|c| c.is_alphanumeric() || *c == '_')
            .collect()
    };
    let mut names = Vec::new();
    for (at, _) in code.match_indices("crate::") {
        let rest = &code[at + "crate::".len()..];
        match rest.strip_prefix('{') {
            Some(list) => {
                // The items of the list at its top level (nested lists belong to their item).
                let mut depth = 0;
                let mut item_start = 0;
                for (i, c) in list.char_indices() {
                    match c {
                        '{' => depth += 1,
                        '}' if depth == 0 => {
                            names.push(ident(&list[item_start..i]));
                            break;
                        }
                        '}' => depth -= 1,
                        ',' if depth == 0 => {
                            names.push(ident(&list[item_start..i]));
                            item_start = i + 1;
                        }
                        _ => {}
                    }
                }
            }
            None => names.push(ident(rest)),
        }
    }
    names.retain(|n| !n.is_empty());
    names
}

/// Whether `code` names crate module `module`.
fn names_module(code: &str, module: &str) -> bool {
    modules_named(code).iter().any(|n| n == module)
}

#[test]
fn every_way_of_naming_a_module_is_seen() {
    let code = "use crate::{text, store::save, extract::{self, score}};\n\
                let x = crate::review::Review::new();\n\
                use crate::{\n    lexicon,\n    report,\n};";
    let mut named = modules_named(code);
    named.sort();
    assert_eq!(
        named,
        ["extract", "lexicon", "report", "review", "store", "text"]
    );
    assert!(!names_module("use crate::textual;", "text"));
}

#[test]
fn every_module_is_in_a_layer() {
    let mut found: Vec<String> = std::fs::read_dir(src())
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter_map(|p| {
            let stem = p.file_stem()?.to_str()?.to_string();
            (p.is_dir() || p.extension().is_some_and(|e| e == "rs")).then_some(stem)
        })
        .filter(|m| m != "lib" && m != "main")
        .collect();
    found.sort();
    let mut listed: Vec<String> = LAYERS.iter().map(|(m, _)| m.to_string()).collect();
    listed.sort();
    assert_eq!(
        found, listed,
        "a module of src/ is missing from LAYERS, or gone"
    );
}

#[test]
fn data_flows_one_way() {
    let mut wrong = Vec::new();
    for &(module, layer) in LAYERS {
        for file in files_of(module) {
            let code = code_of(&file);
            for &(other, other_layer) in LAYERS {
                if other != module && other_layer >= layer && names_module(&code, other) {
                    wrong.push(format!("{} names crate::{other}", file.display()));
                }
            }
        }
    }
    assert!(wrong.is_empty(), "against the flow:\n{}", wrong.join("\n"));
}

#[test]
fn the_article_reader_and_the_lexicons_know_nothing_of_extraction() {
    for file in files_of("article") {
        assert!(
            !names_module(&code_of(&file), "extract"),
            "{} names crate::extract",
            file.display()
        );
    }
    for file in files_of("lexicon") {
        let code = code_of(&file);
        for other in ["article", "extract"] {
            assert!(
                !names_module(&code, other),
                "{} names crate::{other}",
                file.display()
            );
        }
    }
}

#[test]
fn only_the_window_uses_the_gui_crates() {
    for &(module, _) in LAYERS.iter().filter(|(m, _)| *m != "ui") {
        for file in files_of(module) {
            let code = code_of(&file);
            for gui in ["egui", "eframe", "rfd"] {
                let uses = code.contains(&format!("{gui}::"))
                    || code.contains(&format!("use {gui}"))
                    || code.contains(&format!("extern crate {gui}"));
                assert!(!uses, "{} uses {gui}", file.display());
            }
        }
    }
}

#[test]
fn no_unsafe_code_and_no_allocator_tricks() {
    for root in ["lib.rs", "main.rs"] {
        let code = std::fs::read_to_string(src().join(root)).unwrap();
        assert!(
            code.contains("#![forbid(unsafe_code)]"),
            "src/{root} must forbid unsafe code"
        );
    }
    let manifest =
        std::fs::read_to_string(Path::new(env!("CARGO_MANIFEST_DIR")).join("Cargo.toml")).unwrap();
    for dependency in ["libc", "jemalloc", "mimalloc"] {
        assert!(
            !manifest
                .lines()
                .any(|l| l.trim_start().starts_with(dependency)),
            "Cargo.toml depends on {dependency}"
        );
    }
}

/// The binary is a position-independent executable, loaded at a random address: Claimdesk
/// parses untrusted PDFs, Word files and web pages.
#[cfg(target_os = "linux")]
#[test]
fn the_binary_is_position_independent() {
    let bytes = std::fs::read(env!("CARGO_BIN_EXE_claimdesk")).unwrap();
    assert_eq!(&bytes[..4], b"\x7fELF");
    // e_type, little-endian on the machines Claimdesk is built for: 3 is ET_DYN (a PIE), 2
    // ET_EXEC (fixed address).
    let e_type = u16::from_le_bytes([bytes[16], bytes[17]]);
    assert_eq!(e_type, 3, "ELF type {e_type}: not position-independent");
}
