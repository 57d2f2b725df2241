//! The built binary on the sample and on bad input: output formats, exit codes, messages.

use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::{Command, Output, Stdio};

const SAMPLE: &str = "assets/samples/poutine-kim-limousine.fr.txt";

fn claimdesk(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_claimdesk"))
        .args(args)
        .output()
        .expect("the binary runs")
}

fn claimdesk_stdin(args: &[&str], input: &str) -> Output {
    let mut child = Command::new(env!("CARGO_BIN_EXE_claimdesk"))
        .args(args)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    child
        .stdin
        .take()
        .unwrap()
        .write_all(input.as_bytes())
        .unwrap();
    child.wait_with_output().unwrap()
}

fn stdout(o: &Output) -> String {
    assert!(
        o.status.success(),
        "failed: {}",
        String::from_utf8_lossy(&o.stderr)
    );
    String::from_utf8(o.stdout.clone()).unwrap()
}

fn jsonl(s: &str) -> Vec<serde_json::Value> {
    s.lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect()
}

#[test]
fn text_prints_the_cleaned_article() {
    let text = stdout(&claimdesk(&["text", SAMPLE]));
    assert!(text.starts_with(
        "Vladimir Poutine et Kim Jong Un riaient dans une limousine russe\n\nLe président russe"
    ));
    assert!(!text.contains("Facebook") && !text.contains("Leave a Comment"));
}

#[test]
fn extract_offsets_index_the_text_output() {
    let text = stdout(&claimdesk(&["text", SAMPLE]));
    let chars: Vec<char> = text.chars().collect();
    let claims = jsonl(&stdout(&claimdesk(&["extract", SAMPLE])));
    assert!(claims.len() >= 10);
    for (i, c) in claims.iter().enumerate() {
        assert_eq!(c["id"], i as u64 + 1);
        let (s, e) = (
            c["start"].as_u64().unwrap() as usize,
            c["end"].as_u64().unwrap() as usize,
        );
        assert_eq!(
            chars[s..e].iter().collect::<String>(),
            c["text"].as_str().unwrap()
        );
        let score = c["score"].as_f64().unwrap();
        assert!((0.5..=1.0).contains(&score));
        assert!(!c["reasons"].as_array().unwrap().is_empty());
        assert!(c["kind"].is_string());
    }
    let all = jsonl(&stdout(&claimdesk(&["extract", SAMPLE, "--all"])));
    assert!(all.len() > claims.len() || all.iter().all(|c| c["check_worthy"] == true));
    let arr: Vec<serde_json::Value> = serde_json::from_str(&stdout(&claimdesk(&[
        "extract", SAMPLE, "--format", "json",
    ])))
    .unwrap();
    assert_eq!(arr.len(), claims.len());
    let md = stdout(&claimdesk(&["extract", SAMPLE, "--format", "md"]));
    assert!(md.starts_with("# Claims in Vladimir Poutine"));
}

#[test]
fn segment_reads_stdin_with_char_offsets() {
    let input = "« Bonjour. » Il a payé 1,5 million d’euros. M. Kim est arrivé.";
    let out = jsonl(&stdout(&claimdesk_stdin(
        &["segment", "--lang", "fr", "-"],
        input,
    )));
    let texts: Vec<&str> = out.iter().map(|v| v["text"].as_str().unwrap()).collect();
    assert_eq!(
        texts,
        [
            "« Bonjour. »",
            "Il a payé 1,5 million d’euros.",
            "M. Kim est arrivé."
        ]
    );
    let chars: Vec<char> = input.chars().collect();
    for v in &out {
        let (s, e) = (
            v["start"].as_u64().unwrap() as usize,
            v["end"].as_u64().unwrap() as usize,
        );
        assert_eq!(
            chars[s..e].iter().collect::<String>(),
            v["text"].as_str().unwrap()
        );
    }
}

#[test]
fn score_prints_one_object_per_line() {
    let input =
        "The unemployment rate fell to 3.5 percent in 2019.\nThank you.\n\nWhat do you think?\n";
    let out = jsonl(&stdout(&claimdesk_stdin(&["score", "--lang", "en"], input)));
    assert_eq!(out.len(), 4);
    assert_eq!(out[0]["check_worthy"], true);
    assert!(
        out[0]["reasons"]
            .as_array()
            .unwrap()
            .iter()
            .any(|r| r == "number")
    );
    assert_eq!(out[1]["check_worthy"], false);
    assert_eq!(out[2]["check_worthy"], false);
    assert!(
        out[3]["reasons"]
            .as_array()
            .unwrap()
            .iter()
            .any(|r| r == "question")
    );
}

#[test]
fn extract_session_then_report_in_both_formats() {
    let dir = tempfile::tempdir().unwrap();
    let session = dir.path().join("s.claimdesk.json");
    let s = session.to_str().unwrap();
    let claims = jsonl(&stdout(&claimdesk(&["extract", SAMPLE, "--session", s])));
    let raw: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(&session).unwrap()).unwrap();
    assert_eq!(raw["format_version"], claimdesk::store::FORMAT_VERSION);
    assert_eq!(
        raw["review"]["claims"].as_array().unwrap().len(),
        claims.len()
    );

    let md = stdout(&claimdesk(&["report", s, "--format", "md"]));
    assert!(md.contains(&format!("| Unreviewed | {} |", claims.len())));
    assert!(md.contains("- **Source file:** "));
    let out = dir.path().join("r.json");
    stdout(&claimdesk(&[
        "report",
        s,
        "--format",
        "json",
        "-o",
        out.to_str().unwrap(),
    ]));
    let v: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(out).unwrap()).unwrap();
    assert_eq!(v["claims"].as_array().unwrap().len(), claims.len());
    assert_eq!(
        v["article"]["title"],
        "Vladimir Poutine et Kim Jong Un riaient dans une limousine russe"
    );
}

fn fails_with(args: &[&str], needle: &str) {
    let o = claimdesk(args);
    let err = String::from_utf8_lossy(&o.stderr);
    assert_eq!(o.status.code(), Some(1), "{args:?}: {err}");
    assert!(err.contains(needle), "{args:?}: {err}");
    assert!(!err.contains("panicked"), "{err}");
}

#[test]
fn bad_input_gives_clear_errors_and_exit_1() {
    let dir = tempfile::tempdir().unwrap();
    let p = |name: &str| -> PathBuf { dir.path().join(name) };
    let s = |p: &Path| p.to_str().unwrap().to_string();
    std::fs::write(p("empty.txt"), "").unwrap();
    std::fs::write(p("bin.txt"), [0u8, 0, 1, 2, 3, 255, 254, 0]).unwrap();
    std::fs::write(
        p("latin1.txt"),
        b"Le d\xe9ficit a doubl\xe9 en 2023, selon l'Insee, pour atteindre 5,5 % du PIB.",
    )
    .unwrap();
    let big = std::fs::File::create(p("big.txt")).unwrap();
    big.set_len(50 * 1024 * 1024).unwrap();
    std::fs::write(
        p("broken.claimdesk.json"),
        "{\"format_version\": 1, \"review\": [",
    )
    .unwrap();

    fails_with(&["text", &s(&p("empty.txt"))], "is empty");
    fails_with(&["text", &s(&p("bin.txt"))], "not an article");
    fails_with(&["text", &s(&p("missing.txt"))], "no such file");
    fails_with(&["text", &s(dir.path())], "is a folder");
    fails_with(&["extract", &s(&p("big.txt"))], "MB Claimdesk opens");
    fails_with(
        &["report", &s(&p("broken.claimdesk.json")), "--format", "md"],
        "line 1",
    );
    fails_with(
        &["report", &s(&p("missing.claimdesk.json")), "--format", "md"],
        "could not read the session",
    );
    // Latin-1 text is decoded, not refused.
    let text = stdout(&claimdesk(&["text", &s(&p("latin1.txt"))]));
    assert!(text.contains("Le déficit a doublé en 2023"));
    // Usage errors exit 2.
    assert_eq!(claimdesk(&["report"]).status.code(), Some(2));
    assert_eq!(
        claimdesk(&["extract", SAMPLE, "--format", "pdf"])
            .status
            .code(),
        Some(2)
    );
}

#[test]
fn reanchor_reports_each_claim_and_keeps_orphans() {
    let dir = tempfile::tempdir().unwrap();
    let session = dir.path().join("s.claimdesk.json");
    let s = session.to_str().unwrap();
    stdout(&claimdesk(&["extract", SAMPLE, "--session", s]));
    // The published article is edited: a correction on top, the Pungsan paragraph removed, a
    // sentence reworded.
    let text = std::fs::read_to_string(SAMPLE).unwrap();
    let edited: Vec<String> = text
        .split("\n\n")
        .filter(|p| !p.contains("Pungsan"))
        .map(|p| {
            p.replace(
                "lors d’un échange de cadeaux",
                "pendant un échange de présents",
            )
        })
        .collect();
    let new = dir.path().join("new.txt");
    std::fs::write(
        &new,
        format!(
            "Correction : la date de la visite a été précisée.\n\n{}",
            edited.join("\n\n")
        ),
    )
    .unwrap();
    let out_session = dir.path().join("new.claimdesk.json");
    let out = stdout(&claimdesk(&[
        "reanchor",
        s,
        new.to_str().unwrap(),
        "-o",
        out_session.to_str().unwrap(),
    ]));
    assert!(out.contains(": moved (char "), "{out}");
    assert!(out.contains(": edited ("), "{out}");
    assert!(
        out.contains(
            "now: Mercredi, Poutine a offert à Kim une voiture Aurus pendant un échange de présents"
        ),
        "{out}"
    );
    assert!(out.contains(": orphaned"), "{out}");
    assert!(out.lines().last().unwrap().ends_with("1 orphaned"), "{out}");
    let v: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(&out_session).unwrap()).unwrap();
    assert_eq!(v["review"]["orphans"].as_array().unwrap().len(), 1);
    assert!(
        v["review"]["orphans"][0]["quote"]["exact"]
            .as_str()
            .unwrap()
            .contains("Pungsan")
    );
}
