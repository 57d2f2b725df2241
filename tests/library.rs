//! The claim library from the command line: import, match, export, search, and `mark`
//! recording its verdicts, on a SQLite file.

mod common;

use common::{bin, session_of_sample, stderr, stdout};
use std::path::Path;
use std::process::Output;

fn with_library(lib: &Path, args: &[&str]) -> Output {
    bin()
        .env("CLAIMDESK_LIBRARY", lib)
        .args(args)
        .output()
        .expect("the binary runs")
}

const REVIEWS: &str = r#"{"@context":"https://schema.org","@type":"ClaimReview","url":"https://fc.example/unemployment","claimReviewed":"Unemployment fell to 3.5% in 2019.","name":"Did unemployment fall to 3.5%?","author":{"@type":"Organization","name":"Desk"},"datePublished":"2024-03-12","reviewRating":{"@type":"Rating","alternateName":"True"}}
{"@context":"https://schema.org","@type":"ClaimReview","url":"https://fc.example/moon","claimReviewed":"The moon is made of cheese.","name":"Moon cheese","reviewRating":{"@type":"Rating","alternateName":"False"}}
{"@context":"https://schema.org","@type":"ClaimReview","url":"https://fc.example/none"}
this line is not JSON
"#;

#[test]
fn import_counts_added_updated_and_rejected_with_why() {
    let dir = tempfile::tempdir().unwrap();
    let lib = dir.path().join("lib.sqlite");
    let file = dir.path().join("reviews.jsonl");
    std::fs::write(&file, REVIEWS).unwrap();
    let o = with_library(&lib, &["library", "import", file.to_str().unwrap()]);
    let out = stdout(&o);
    assert!(
        out.starts_with("2 added, 0 updated, 0 unchanged, 2 rejected"),
        "{out}"
    );
    let err = stderr(&o);
    assert!(
        err.contains("reviews.jsonl:3") && err.contains("claimReviewed"),
        "{err}"
    );
    assert!(
        err.contains("reviews.jsonl:4") && err.contains("not valid JSON"),
        "{err}"
    );
    // Again: nothing new; one review changed is an update.
    std::fs::write(&file, REVIEWS.replace("\"True\"", "\"Mostly true\"")).unwrap();
    let out = stdout(&with_library(
        &lib,
        &["library", "import", file.to_str().unwrap()],
    ));
    assert!(
        out.starts_with("0 added, 1 updated, 1 unchanged, 2 rejected"),
        "{out}"
    );
}

#[test]
fn match_prints_one_json_line_per_claim_best_first() {
    let dir = tempfile::tempdir().unwrap();
    let lib = dir.path().join("lib.sqlite");
    let file = dir.path().join("reviews.jsonl");
    std::fs::write(&file, REVIEWS).unwrap();
    stdout(&with_library(
        &lib,
        &["library", "import", file.to_str().unwrap()],
    ));
    let mut child = bin()
        .args([
            "match",
            "--library",
            lib.to_str().unwrap(),
            "--top",
            "3",
            "-",
        ])
        .stdin(std::process::Stdio::piped())
        .stdout(std::process::Stdio::piped())
        .spawn()
        .unwrap();
    use std::io::Write;
    child
        .stdin
        .take()
        .unwrap()
        .write_all(b"They say unemployment fell to 3.5 percent in 2019\nnothing in common here\n")
        .unwrap();
    let o = child.wait_with_output().unwrap();
    let out = stdout(&o);
    let lines: Vec<serde_json::Value> = out
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect();
    assert_eq!(lines.len(), 2);
    let first = &lines[0]["matches"][0];
    assert_eq!(first["url"], "https://fc.example/unemployment");
    assert_eq!(first["rating"], "True");
    assert!(first["score"].as_f64().unwrap() > 0.0);
    assert!(!first["reasons"].as_array().unwrap().is_empty());
    assert_eq!(lines[1]["matches"].as_array().unwrap().len(), 0);
}

#[test]
fn export_in_three_formats_and_claimreview_imports_again() {
    let dir = tempfile::tempdir().unwrap();
    let lib = dir.path().join("lib.sqlite");
    let file = dir.path().join("reviews.jsonl");
    std::fs::write(&file, REVIEWS).unwrap();
    stdout(&with_library(
        &lib,
        &["library", "import", file.to_str().unwrap()],
    ));
    let jsonl = stdout(&with_library(
        &lib,
        &["library", "export", "--format", "jsonl"],
    ));
    assert_eq!(jsonl.lines().count(), 2);
    let csv = stdout(&with_library(
        &lib,
        &["library", "export", "--format", "csv"],
    ));
    assert!(csv.starts_with("key,version,claim,verdict,rating"), "{csv}");
    assert_eq!(csv.lines().count(), 3);
    let cr = stdout(&with_library(
        &lib,
        &["library", "export", "--format", "claimreview"],
    ));
    let again = dir.path().join("again.json");
    std::fs::write(&again, &cr).unwrap();
    let lib2 = dir.path().join("lib2.sqlite");
    let out = stdout(&with_library(
        &lib2,
        &["library", "import", again.to_str().unwrap()],
    ));
    assert!(
        out.starts_with("2 added, 0 updated, 0 unchanged, 0 rejected"),
        "{out}"
    );
}

#[test]
fn mark_records_the_verdict_and_a_broken_library_never_stops_it() {
    let dir = tempfile::tempdir().unwrap();
    let lib = dir.path().join("lib.sqlite");
    let session = session_of_sample(dir.path());
    let s = session.to_str().unwrap();
    stdout(&with_library(
        &lib,
        &[
            "mark",
            s,
            "1",
            "disputed",
            "--note",
            "Faux.",
            "--reviewer",
            "ana",
        ],
    ));
    let found = stdout(&with_library(
        &lib,
        &["library", "search", "--verdict", "disputed"],
    ));
    let rows: Vec<serde_json::Value> = found
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect();
    assert_eq!(rows.len(), 1, "{found}");
    assert_eq!(rows[0]["note"], "Faux.");
    assert_eq!(rows[0]["reviewer"], "ana");
    // Marked again: the same row, a new version.
    stdout(&with_library(&lib, &["mark", s, "1", "verified"]));
    let found = stdout(&with_library(&lib, &["library", "export"]));
    assert_eq!(found.lines().count(), 1, "{found}");
    assert!(found.contains("\"version\":2"), "{found}");

    // A library that is not one: the mark lands, the message says what to do.
    let junk = dir.path().join("junk.sqlite");
    std::fs::write(&junk, vec![b'x'; 4096]).unwrap();
    let o = with_library(&junk, &["mark", s, "2", "unsourced"]);
    assert!(o.status.success(), "{}", stderr(&o));
    assert!(
        stderr(&o).contains("not a Claimdesk library"),
        "{}",
        stderr(&o)
    );
    let report = stdout(
        &bin()
            .args(["report", s, "--format", "json"])
            .output()
            .unwrap(),
    );
    assert!(report.contains("unsourced"), "{report}");
    assert_eq!(std::fs::read(&junk).unwrap(), vec![b'x'; 4096]);
}

#[test]
fn marks_at_once_on_one_library_all_land() {
    let dir = tempfile::tempdir().unwrap();
    let lib = dir.path().join("lib.sqlite");
    // Four sessions of the sample, each marked on four claims at once: 16 processes writing.
    let mut children = Vec::new();
    for k in 0..4 {
        let sub = dir.path().join(format!("s{k}"));
        std::fs::create_dir(&sub).unwrap();
        let session = session_of_sample(&sub);
        for claim in 1..=4 {
            children.push(
                bin()
                    .env("CLAIMDESK_LIBRARY", &lib)
                    .args([
                        "mark",
                        session.to_str().unwrap(),
                        &claim.to_string(),
                        "disputed",
                    ])
                    .spawn()
                    .unwrap(),
            );
        }
    }
    for mut c in children {
        assert!(c.wait().unwrap().success());
    }
    // The four sessions are of the same article: the same four claims, recorded once each.
    let all = stdout(&with_library(&lib, &["library", "export"]));
    assert_eq!(all.lines().count(), 4, "{all}");
}

#[test]
fn a_folder_of_sessions_and_pages_imports_recursively() {
    let dir = tempfile::tempdir().unwrap();
    let lib = dir.path().join("lib.sqlite");
    let folder = dir.path().join("desk");
    let nested = folder.join("2026").join("march");
    std::fs::create_dir_all(&nested).unwrap();
    // A reviewed session deep in the folder…
    let session = session_of_sample(&nested);
    stdout(
        &bin()
            .args(["mark", session.to_str().unwrap(), "2", "verified"])
            .output()
            .unwrap(),
    );
    // …a fact-check page with its JSON-LD among other markup, and a file that is none.
    let page = REVIEWS.lines().next().unwrap();
    std::fs::write(
        folder.join("factcheck.html"),
        format!("<html><head><title>x</title><script type=\"application/ld+json\">{page}</script></head><body>…</body></html>"),
    )
    .unwrap();
    std::fs::write(folder.join("notes.json"), "{\"not\": \"a review\"}").unwrap();
    std::fs::write(folder.join("photo.jpg"), [0xff, 0xd8, 0xff]).unwrap();
    let o = with_library(&lib, &["library", "import", folder.to_str().unwrap()]);
    let out = stdout(&o);
    assert!(
        out.starts_with("2 added, 0 updated, 0 unchanged, 1 rejected"),
        "{out}\n{}",
        stderr(&o)
    );
    assert!(
        stderr(&o).contains("notes.json") && stderr(&o).contains("not a ClaimReview"),
        "{}",
        stderr(&o)
    );
    let verified = stdout(&with_library(
        &lib,
        &["library", "search", "--verdict", "verified"],
    ));
    assert_eq!(verified.lines().count(), 1, "{verified}");
}

#[test]
fn a_library_held_by_another_writer_is_said_busy_and_the_mark_stands() {
    let dir = tempfile::tempdir().unwrap();
    let lib = dir.path().join("lib.sqlite");
    let session = session_of_sample(dir.path());
    let s = session.to_str().unwrap();
    stdout(&with_library(&lib, &["mark", s, "1", "verified"]));
    // Another program holds the write lock for longer than a writer waits.
    let holder = rusqlite::Connection::open(&lib).unwrap();
    holder.execute_batch("BEGIN EXCLUSIVE").unwrap();
    let o = with_library(&lib, &["mark", s, "1", "disputed"]);
    assert!(o.status.success(), "{}", stderr(&o));
    assert!(stderr(&o).contains("busy"), "{}", stderr(&o));
    holder.execute_batch("ROLLBACK").unwrap();
    let report = stdout(
        &bin()
            .args(["report", s, "--format", "json"])
            .output()
            .unwrap(),
    );
    assert!(report.contains("disputed"), "{report}");
}
