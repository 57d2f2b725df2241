//! `claimdesk batch`: folders of articles in, one output each, failures listed and not stopping
//! the rest.

mod common;
use common::{SAMPLE, claimdesk, stderr, stdout};
use std::path::Path;

const SAMPLE_HTML: &str = "assets/samples/poutine-kim-limousine.fr.html";

/// A folder with nested articles (two `index.html`, a `.txt` and an `.html` of the same name),
/// a damaged PDF, an empty file, a session, a hidden file and a file of another kind.
fn folder(root: &Path) {
    for d in ["a/b", "c", ".hidden"] {
        std::fs::create_dir_all(root.join(d)).unwrap();
    }
    for (to, from) in [
        ("a/b/index.html", SAMPLE_HTML),
        ("c/index.html", SAMPLE_HTML),
        ("top.txt", SAMPLE),
        ("top.html", SAMPLE_HTML),
        (".hidden/x.txt", SAMPLE),
        (".h.txt", SAMPLE),
    ] {
        std::fs::copy(from, root.join(to)).unwrap();
    }
    std::fs::write(root.join("c/broken.pdf"), b"%PDF-1.4 not really").unwrap();
    std::fs::write(root.join("a/empty.txt"), b"  \n").unwrap();
    std::fs::write(root.join("a/s.claimdesk.json"), b"{}").unwrap();
    std::fs::write(root.join("notes.json"), b"{}").unwrap();
}

/// Every file under `dir`, relative, sorted.
fn files(dir: &Path) -> Vec<String> {
    fn walk(dir: &Path, root: &Path, into: &mut Vec<String>) {
        for e in std::fs::read_dir(dir).unwrap() {
            let p = e.unwrap().path();
            if p.is_dir() {
                walk(&p, root, into);
            } else {
                into.push(p.strip_prefix(root).unwrap().display().to_string());
            }
        }
    }
    let mut v = Vec::new();
    walk(dir, dir, &mut v);
    v.sort();
    v
}

fn read(p: impl AsRef<Path>) -> String {
    std::fs::read_to_string(p).unwrap()
}

#[test]
fn a_folder_gives_one_output_per_article_and_lists_the_bad_ones() {
    let dir = tempfile::tempdir().unwrap();
    let root = dir.path().join("in");
    folder(&root);
    let out = dir.path().join("out");
    let o = claimdesk(&[
        "batch",
        root.to_str().unwrap(),
        "--out",
        out.to_str().unwrap(),
    ]);
    let err = stderr(&o);
    assert_eq!(o.status.code(), Some(1), "{err}");
    assert!(o.stdout.is_empty());
    assert_eq!(
        files(&out),
        [
            "a/b/index.claims.jsonl",
            "c/index.claims.jsonl",
            "top-2.claims.jsonl",
            "top.claims.jsonl",
        ]
    );
    // The same lines as `claimdesk extract`.
    let extracted = stdout(&claimdesk(&["extract", SAMPLE_HTML]));
    assert!(extracted.lines().count() > 3);
    assert_eq!(read(out.join("a/b/index.claims.jsonl")), extracted);
    assert_eq!(read(out.join("top.claims.jsonl")), extracted);
    assert_eq!(
        read(out.join("top-2.claims.jsonl")),
        stdout(&claimdesk(&["extract", SAMPLE]))
    );
    // The summary: how many, and each failure with its file and why, in path order.
    assert!(err.contains("4 of 6 articles done, 2 failed"), "{err}");
    let empty = err.find("empty.txt is empty").expect(&err);
    let broken = err.find("broken.pdf is damaged").expect(&err);
    assert!(empty < broken, "{err}");
    assert!(!err.contains("claimdesk.json"), "{err}");
}

#[test]
fn a_second_run_with_sessions_replaces_nothing() {
    let dir = tempfile::tempdir().unwrap();
    let root = dir.path().join("in");
    folder(&root);
    std::fs::remove_file(root.join("c/broken.pdf")).unwrap();
    std::fs::remove_file(root.join("a/empty.txt")).unwrap();
    let out = dir.path().join("out");
    let args = [
        "batch",
        root.to_str().unwrap(),
        "--out",
        out.to_str().unwrap(),
        "--session",
    ];
    let first = claimdesk(&args);
    assert!(first.status.success(), "{}", stderr(&first));
    assert!(
        stderr(&first).contains("4 articles done"),
        "{}",
        stderr(&first)
    );
    let session = out.join("a/b/index.claimdesk.json");
    let saved = read(&session);
    let report = stdout(&claimdesk(&[
        "report",
        session.to_str().unwrap(),
        "--format",
        "json",
    ]));
    assert!(report.contains("\"claims\""), "{report}");
    let before: Vec<(String, String)> = files(&out)
        .into_iter()
        .map(|f| (read(out.join(&f)), f))
        .collect();
    assert_eq!(before.len(), 8);

    let second = claimdesk(&args);
    let err = stderr(&second);
    assert_eq!(second.status.code(), Some(1), "{err}");
    assert!(err.contains("0 of 4 articles done, 4 failed"), "{err}");
    assert_eq!(err.matches("exists; nothing written").count(), 4, "{err}");
    let after: Vec<(String, String)> = files(&out)
        .into_iter()
        .map(|f| (read(out.join(&f)), f))
        .collect();
    assert_eq!(before, after);
    assert_eq!(read(&session), saved);

    // --force replaces them.
    let mut forced = args.to_vec();
    forced.push("--force");
    let third = claimdesk(&forced);
    assert!(third.status.success(), "{}", stderr(&third));
}

#[test]
fn files_given_directly_go_to_the_top_with_numbers_when_names_meet() {
    let dir = tempfile::tempdir().unwrap();
    for d in ["one", "two"] {
        std::fs::create_dir_all(dir.path().join(d)).unwrap();
        std::fs::copy(SAMPLE, dir.path().join(d).join("article.txt")).unwrap();
    }
    let out = dir.path().join("out");
    let o = claimdesk(&[
        "batch",
        dir.path().join("two/article.txt").to_str().unwrap(),
        dir.path().join("one/article.txt").to_str().unwrap(),
        dir.path().join("missing.txt").to_str().unwrap(),
        "--out",
        out.to_str().unwrap(),
        "--format",
        "csv",
    ]);
    let err = stderr(&o);
    assert_eq!(o.status.code(), Some(1), "{err}");
    assert!(err.contains("missing.txt: no such file"), "{err}");
    assert_eq!(files(&out), ["article-2.report.csv", "article.report.csv"]);
}

#[test]
fn md_reports_are_those_of_report_on_a_new_session() {
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("out");
    let o = claimdesk(&[
        "batch",
        SAMPLE_HTML,
        "--out",
        out.to_str().unwrap(),
        "--format",
        "md",
    ]);
    assert!(o.status.success(), "{}", stderr(&o));
    assert_eq!(files(&out), ["poutine-kim-limousine.fr.report.md"]);
    let session = dir.path().join("s.claimdesk.json");
    stdout(&claimdesk(&[
        "extract",
        SAMPLE_HTML,
        "--session",
        session.to_str().unwrap(),
    ]));
    let report = stdout(&claimdesk(&[
        "report",
        session.to_str().unwrap(),
        "--format",
        "md",
    ]));
    assert!(report.starts_with('#'), "{report}");
    assert_eq!(read(out.join("poutine-kim-limousine.fr.report.md")), report);
}

#[test]
fn a_folder_without_articles_is_an_error() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("notes.json"), b"{}").unwrap();
    let out = dir.path().join("out");
    let o = claimdesk(&[
        "batch",
        dir.path().to_str().unwrap(),
        "--out",
        out.to_str().unwrap(),
    ]);
    assert_eq!(o.status.code(), Some(1));
    assert!(stderr(&o).contains("found no articles"), "{}", stderr(&o));
}
