//! The built binary on the sample and on bad input: output formats, exit codes, messages.

use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::{Command, Output, Stdio};

mod common;
use common::{SAMPLE, claimdesk, session_of_sample, stdout};

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
fn text_and_extract_read_an_article_on_standard_input() {
    // A saved web page piped in: read as HTML from its content, as from the file.
    let page = std::fs::read_to_string("assets/samples/poutine-kim-limousine.fr.html").unwrap();
    let from_pipe = claimdesk_stdin(&["text", "-"], &page);
    assert!(from_pipe.status.success(), "{}", common::stderr(&from_pipe));
    let from_file = claimdesk(&["text", "assets/samples/poutine-kim-limousine.fr.html"]);
    assert_eq!(stdout(&from_pipe), stdout(&from_file));
    let piped = jsonl(&stdout(&claimdesk_stdin(&["extract", "-"], &page)));
    let filed = jsonl(&stdout(&claimdesk(&[
        "extract",
        "assets/samples/poutine-kim-limousine.fr.html",
    ])));
    assert!(!piped.is_empty());
    assert_eq!(piped, filed);
    // Nothing to read, or no article: a clear error, exit 1.
    let empty = claimdesk_stdin(&["extract", "-"], "  \n");
    assert_eq!(empty.status.code(), Some(1));
    assert!(
        common::stderr(&empty).contains("standard input is empty"),
        "{}",
        common::stderr(&empty)
    );
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

    // In the article's language, for readers; in English for the desk when asked.
    let md = stdout(&claimdesk(&["report", s, "--format", "md"]));
    assert!(
        md.contains(&format!("0 sur {} affirmations", claims.len())),
        "{md}"
    );
    // Nothing is checked yet: readers are shown no claim, the desk every one.
    assert!(!md.contains("À vérifier"), "{md}");
    let desk = stdout(&claimdesk(&[
        "report",
        s,
        "--format",
        "md",
        "--audience",
        "desk",
    ]));
    assert!(
        desk.contains(&format!("| À vérifier | {} |", claims.len())),
        "{desk}"
    );
    assert!(!md.contains("Fichier"), "{md}");
    let md = stdout(&claimdesk(&[
        "report",
        s,
        "--format",
        "md",
        "--lang",
        "en",
        "--audience",
        "desk",
    ]));
    assert!(
        md.contains(&format!("| Unreviewed | {} |", claims.len())),
        "{md}"
    );
    assert!(
        md.contains("- **File:** poutine-kim-limousine.fr.txt\n"),
        "{md}"
    );
    assert!(!md.contains("assets/samples"), "{md}");
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
fn mark_records_verdicts_notes_and_evidence_in_the_history() {
    let dir = tempfile::tempdir().unwrap();
    let session = session_of_sample(dir.path());
    let s = session.to_str().unwrap();
    let said = stdout(&claimdesk(&[
        "mark",
        s,
        "1",
        "verified",
        "--note",
        "Images KCNA, vérifiées",
        "--evidence",
        "https://www.kcna.kp/fr/a/1",
        "--quote",
        "Les deux dirigeants",
        "--title",
        "KCNA",
        "--archive",
        "https://web.archive.org/web/2024/https://www.kcna.kp/fr/a/1",
        "--reviewer",
        "Camille",
    ]));
    assert_eq!(
        said,
        "claim 1 marked Verified\nclaim 1: note edited\nclaim 1: evidence added (kcna.kp)\n"
    );
    stdout(&claimdesk(&[
        "mark",
        s,
        "2",
        "disputed",
        "--evidence",
        "https://apnews.com/x",
        "--refutes",
    ]));
    // The same verdict again changes nothing.
    assert_eq!(
        stdout(&claimdesk(&["mark", s, "2", "disputed"])),
        "claim 2: nothing to change\n"
    );
    let raw: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(&session).unwrap()).unwrap();
    let review = &raw["review"];
    assert_eq!(review["claims"][0]["verdict"], "verified");
    assert_eq!(review["claims"][0]["note"], "Images KCNA, vérifiées");
    let ev = &review["claims"][0]["evidence"][0];
    assert_eq!(ev["url"], "https://www.kcna.kp/fr/a/1");
    assert_eq!(ev["quote"], "Les deux dirigeants");
    assert_eq!(ev["stance"], "supports");
    assert_eq!(review["claims"][1]["evidence"][0]["stance"], "refutes");
    let history = review["history"].as_array().unwrap();
    assert_eq!(history.len(), 5);
    assert_eq!(history[0]["reviewer"], "Camille");
    assert!(history[3].get("reviewer").is_none());
}

#[test]
fn report_writes_every_format_and_lints_on_stderr() {
    let dir = tempfile::tempdir().unwrap();
    let session = session_of_sample(dir.path());
    let s = session.to_str().unwrap();
    stdout(&claimdesk(&[
        "mark",
        s,
        "1",
        "disputed",
        "--evidence",
        "https://www.kcna.kp/fr/a/1",
    ]));
    let settings = dir.path().join("settings.json");
    std::fs::write(
        &settings,
        r#"{"organisation": "Les Vérificateurs", "organisation_url": "https://verif.example.org", "report_url": "https://verif.example.org/r"}"#,
    )
    .unwrap();
    let settings = settings.to_str().unwrap();
    for (format, check) in [
        ("md", "### Affirmation 1 — Contestée"),
        (
            "html",
            "<article class=\"claim v-disputed\" id=\"claim-1\">",
        ),
        ("csv", "\u{feff}n°,début,fin,texte"),
        ("json", "\"report_version\": 3"),
        ("claimreview", "\"alternateName\": \"Contestée\""),
        ("claimreview-html", "<script type=\"application/ld+json\">"),
        ("annotations", "\"TextPositionSelector\""),
    ] {
        let out = dir.path().join(format!("r.{format}"));
        let o = claimdesk(&[
            "report",
            s,
            "--format",
            format,
            "--settings",
            settings,
            "-o",
            out.to_str().unwrap(),
        ]);
        let err = String::from_utf8_lossy(&o.stderr);
        assert!(o.status.success(), "{format}: {err}");
        assert!(
            err.contains("claimdesk: warning: ") && err.contains("claims are unreviewed"),
            "{err}"
        );
        assert!(
            err.contains("Claim 1 is “Disputed” on 1 independent source"),
            "{err}"
        );
        assert!(!err.contains("No organisation"), "{err}");
        let text = std::fs::read_to_string(&out).unwrap();
        assert!(
            text.contains(check),
            "{format}: {}",
            &text[..300.min(text.len())]
        );
        if format.starts_with("json") || format == "claimreview" || format == "annotations" {
            serde_json::from_str::<serde_json::Value>(&text).unwrap();
        }
    }
    let cr = stdout(&claimdesk(&[
        "report",
        s,
        "--format",
        "claimreview",
        "--settings",
        settings,
    ]));
    assert!(cr.contains("\"name\": \"Les Vérificateurs\""));
    let html = stdout(&claimdesk(&[
        "report",
        s,
        "--format",
        "html",
        "--with-article",
    ]));
    assert!(html.contains("<section id=\"article\""));
}

#[test]
fn strict_report_refuses_and_keeps_the_old_file() {
    let dir = tempfile::tempdir().unwrap();
    let session = session_of_sample(dir.path());
    let out = dir.path().join("r.md");
    std::fs::write(&out, "old report").unwrap();
    let o = claimdesk(&[
        "report",
        session.to_str().unwrap(),
        "--format",
        "md",
        "--strict",
        "-o",
        out.to_str().unwrap(),
    ]);
    let err = String::from_utf8_lossy(&o.stderr);
    assert_eq!(o.status.code(), Some(1), "{err}");
    assert!(
        err.contains("pre-flight warning(s) with --strict: nothing was written"),
        "{err}"
    );
    assert_eq!(std::fs::read_to_string(&out).unwrap(), "old report");
}

#[test]
fn mark_and_report_errors_are_clear() {
    let dir = tempfile::tempdir().unwrap();
    let session = session_of_sample(dir.path());
    let s = session.to_str().unwrap();
    let before = std::fs::read_to_string(&session).unwrap();
    fails_with(&["mark", s, "999", "verified"], "has no claim 999");
    fails_with(
        &[
            "mark",
            s,
            "1",
            "verified",
            "--evidence",
            "javascript:alert(1)",
        ],
        "--evidence: “javascript:alert(1)” is not an http or https address",
    );
    fails_with(
        &["mark", s, "1", "verified", "--evidence", "kcna.kp/x"],
        "is not a web address",
    );
    fails_with(
        &[
            "mark",
            s,
            "1",
            "verified",
            "--evidence",
            "https://a.org",
            "--archive",
            "ftp://x",
        ],
        "--archive:",
    );
    // A failed mark leaves the session as it was.
    assert_eq!(std::fs::read_to_string(&session).unwrap(), before);
    let bad = dir.path().join("bad.json");
    std::fs::write(&bad, r#"{"organization": "typo"}"#).unwrap();
    fails_with(
        &[
            "report",
            s,
            "--format",
            "md",
            "--settings",
            bad.to_str().unwrap(),
        ],
        "unknown field `organization`",
    );
    // Usage errors exit 2: a quote without a source, an unknown verdict or format.
    assert_eq!(
        claimdesk(&["mark", s, "1", "verified", "--quote", "x"])
            .status
            .code(),
        Some(2)
    );
    assert_eq!(claimdesk(&["mark", s, "1", "true"]).status.code(), Some(2));
    assert_eq!(
        claimdesk(&["report", s, "--format", "pdf"]).status.code(),
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

/// The session at `path` with `edit` applied to its JSON, written to `to`.
fn edited_session(path: &Path, to: &Path, edit: impl FnOnce(&mut serde_json::Value)) {
    let mut v: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(path).unwrap()).unwrap();
    edit(&mut v);
    std::fs::write(to, v.to_string()).unwrap();
}

#[test]
fn damaged_sessions_are_said_plainly_and_repairs_reach_stderr() {
    let dir = tempfile::tempdir().unwrap();
    let session = session_of_sample(dir.path());
    let p = |name: &str| dir.path().join(name);
    let s = |p: &Path| p.to_str().unwrap().to_string();

    // Duplicate ids: renumbered, and the command line says so on stderr.
    edited_session(&session, &p("dup.claimdesk.json"), |v| {
        v["review"]["claims"][1]["id"] = 1.into()
    });
    let o = claimdesk(&["report", &s(&p("dup.claimdesk.json")), "--format", "csv"]);
    let err = String::from_utf8_lossy(&o.stderr);
    assert!(o.status.success(), "{err}");
    assert!(
        err.contains("dup.claimdesk.json was repaired on reading: claim id 1 appeared twice; the second is now claim 18"),
        "{err}"
    );
    // With --strict, a repaired session writes nothing.
    let o = claimdesk(&[
        "report",
        &s(&p("dup.claimdesk.json")),
        "--format",
        "csv",
        "--strict",
        "-o",
        &s(&p("r.csv")),
    ]);
    assert_eq!(o.status.code(), Some(1));
    assert!(!p("r.csv").exists());
    let o = claimdesk(&[
        "reanchor",
        &s(&p("dup.claimdesk.json")),
        SAMPLE,
        "-o",
        &s(&p("moved.claimdesk.json")),
    ]);
    assert!(
        String::from_utf8_lossy(&o.stderr).contains("claim id 1 appeared twice"),
        "{o:?}"
    );

    // A byte-order mark before the JSON is no damage.
    let mut bom = b"\xEF\xBB\xBF".to_vec();
    bom.extend(std::fs::read(&session).unwrap());
    std::fs::write(p("bom.claimdesk.json"), bom).unwrap();
    let md = stdout(&claimdesk(&[
        "report",
        &s(&p("bom.claimdesk.json")),
        "--format",
        "md",
    ]));
    assert!(md.starts_with("# Rapport de vérification :"), "{md}");

    // A format_version that is no format, and a bad date, are named.
    edited_session(&session, &p("v.claimdesk.json"), |v| {
        v["format_version"] = "2".into()
    });
    fails_with(
        &["report", &s(&p("v.claimdesk.json")), "--format", "md"],
        "its \"format_version\" is \"2\" (text, not a number), and Claimdesk reads session formats 1 to 2",
    );
    stdout(&claimdesk(&[
        "mark",
        &s(&session),
        "2",
        "disputed",
        "--evidence",
        "https://www.kcna.kp/x",
    ]));
    edited_session(&session, &p("date.claimdesk.json"), |v| {
        v["review"]["claims"][1]["evidence"][0]["accessed"] = "20/06/2024".into()
    });
    fails_with(
        &["report", &s(&p("date.claimdesk.json")), "--format", "md"],
        "claim 2, source 1: \"accessed\" is \"20/06/2024\", not a date written YYYY-MM-DD",
    );

    // A session with no claims says so.
    edited_session(&session, &p("none.claimdesk.json"), |v| {
        v["review"]["claims"] = serde_json::json!([]);
        v["review"]["history"] = serde_json::json!([]);
    });
    let o = claimdesk(&["mark", &s(&p("none.claimdesk.json")), "1", "verified"]);
    let err = String::from_utf8_lossy(&o.stderr);
    assert_eq!(o.status.code(), Some(1));
    assert!(
        err.contains("none.claimdesk.json has no claims, so there is no claim 1 to mark"),
        "{err}"
    );
    assert!(!err.contains("1 to 0"), "{err}");
    // Its report says so, and is written.
    let md = stdout(&claimdesk(&[
        "report",
        &s(&p("none.claimdesk.json")),
        "--format",
        "md",
    ]));
    assert!(
        md.contains("- **Vérifiées\u{a0}:** 0 sur 0 affirmation\n"),
        "{md}"
    );
    // Ids with gaps are listed as they are.
    edited_session(&session, &p("gaps.claimdesk.json"), |v| {
        let claims = v["review"]["claims"].as_array_mut().unwrap();
        claims.retain(|c| ![3, 5, 6].contains(&c["id"].as_u64().unwrap()));
    });
    fails_with(
        &["mark", &s(&p("gaps.claimdesk.json")), "5", "verified"],
        "has no claim 5 (its claims are numbered 1, 2, 4 and 7 to 17)",
    );
}

#[test]
fn the_command_line_never_sends_people_to_the_window_menus() {
    let dir = tempfile::tempdir().unwrap();
    let session = session_of_sample(dir.path());
    let nowhere = dir.path().join("no-such-folder").join("out");
    let nowhere = nowhere.to_str().unwrap();
    let s = session.to_str().unwrap();
    for (args, hint) in [
        (
            vec!["report", s, "--format", "md", "-o", nowhere],
            "give another output path with -o",
        ),
        (
            vec!["extract", SAMPLE, "--session", nowhere],
            "give another path with --session",
        ),
        (
            vec!["reanchor", s, SAMPLE, "-o", nowhere],
            "give another output path with -o",
        ),
        (vec!["text", nowhere], "no such file. Check the path."),
    ] {
        let o = claimdesk(&args);
        let err = String::from_utf8_lossy(&o.stderr);
        assert_eq!(o.status.code(), Some(1), "{args:?}: {err}");
        assert!(err.contains(hint), "{args:?}: {err}");
        assert!(!err.contains("File >") && !err.contains("Save As"), "{err}");
    }
}

#[test]
fn the_number_of_threads_changes_no_output() {
    // The sample's paragraphs many times over: long enough to be read on several threads.
    let sample = std::fs::read_to_string(SAMPLE).unwrap();
    let dir = tempfile::tempdir().unwrap();
    let long = dir.path().join("long.txt");
    let text: String = (0..60)
        .map(|k| sample.replace("\n\n", &format!(" ({k})\n\n")))
        .collect();
    std::fs::write(&long, text).unwrap();
    let run = |threads: &str| {
        let out = Command::new(env!("CARGO_BIN_EXE_claimdesk"))
            .args(["extract", "--all"])
            .arg(&long)
            .env("CLAIMDESK_THREADS", threads)
            .output()
            .expect("the binary runs");
        assert!(
            out.status.success(),
            "{}",
            String::from_utf8_lossy(&out.stderr)
        );
        stdout(&out)
    };
    let one = run("1");
    assert!(one.lines().count() > 1000);
    assert_eq!(run("3"), one);
    assert_eq!(run("not a number"), one);
}

#[test]
fn a_reader_that_goes_away_is_not_an_error() {
    // Thousands of sentences to segment, read by nobody: exit 0, nothing said.
    let text = "Le conseil a voté le budget. Le maire a salué un accord. ".repeat(20_000);
    let mut child = Command::new(env!("CARGO_BIN_EXE_claimdesk"))
        .args(["segment", "--lang", "fr", "-"])
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("the binary runs");
    drop(child.stdout.take());
    child
        .stdin
        .take()
        .unwrap()
        .write_all(text.as_bytes())
        .unwrap();
    let out = child.wait_with_output().unwrap();
    assert!(out.status.success(), "{:?}", out.status);
    assert!(
        out.stderr.is_empty(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
}

#[test]
fn shell_completions_and_the_manual_page_name_every_subcommand() {
    let bash = stdout(&claimdesk(&["completions", "bash"]));
    let man = stdout(&claimdesk(&["man"]));
    assert!(man.contains(".TH claimdesk 1"), "{man}");
    for sub in [
        "text",
        "extract",
        "report",
        "mark",
        "library",
        "completions",
    ] {
        assert!(bash.contains(sub), "{sub} not in the bash completions");
        assert!(man.contains(sub), "{sub} not in the manual page");
    }
    for shell in ["zsh", "fish", "powershell"] {
        let o = claimdesk(&["completions", shell]);
        assert!(o.status.success() && !o.stdout.is_empty(), "{shell}");
    }
    // The bash script is valid bash.
    let dir = tempfile::tempdir().unwrap();
    let script = dir.path().join("claimdesk.bash");
    std::fs::write(&script, &bash).unwrap();
    if let Ok(o) = Command::new("bash").arg("-n").arg(&script).output() {
        assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
    }
    let bad = claimdesk(&["completions", "tcsh"]);
    assert_eq!(bad.status.code(), Some(2));
}
