//! The claim library from the command line: import, match, export, search, and `mark`
//! recording its verdicts. Each case runs on a SQLite file, and on PostgreSQL when
//! `CLAIMDESK_TEST_POSTGRES` names a server (a schema of its own per library, dropped at the
//! end; with `CI=true` and no server, the PostgreSQL cases fail rather than skip). A fake server
//! shows what a wrong password and a server that never answers look like.

mod common;

use claimdesk::library::{Library, LibraryError, Place};
use common::{bin, session_of_sample, stderr, stdout};
use std::cell::RefCell;
use std::io::{Read, Write as _};
use std::net::{TcpListener, TcpStream};
use std::process::Output;
use std::time::{Duration, Instant};

const PG_ENV: &str = "CLAIMDESK_TEST_POSTGRES";

/// The libraries a case makes (files or schemas), removed at the end.
struct Libraries {
    dir: tempfile::TempDir,
    /// The test server, for PostgreSQL cases.
    server: Option<String>,
    case: &'static str,
    /// The schemas made (one "" per file on SQLite).
    schemas: RefCell<Vec<String>>,
}

impl Libraries {
    fn sqlite() -> Libraries {
        Libraries {
            dir: tempfile::tempdir().unwrap(),
            server: None,
            case: "",
            schemas: RefCell::new(Vec::new()),
        }
    }

    fn postgres(case: &'static str) -> Option<Libraries> {
        let server = postgres_server()?;
        Some(Libraries {
            dir: tempfile::tempdir().unwrap(),
            server: Some(server),
            case,
            schemas: RefCell::new(Vec::new()),
        })
    }

    /// A new empty library: a file path, or a `postgres://` URL.
    fn new_library(&self) -> String {
        let mut schemas = self.schemas.borrow_mut();
        let n = schemas.len();
        match &self.server {
            None => {
                let path = self.dir.path().join(format!("lib{n}.sqlite"));
                schemas.push(String::new());
                path.display().to_string()
            }
            Some(server) => {
                let name = format!("cdcli_{}_{}_{n}", std::process::id(), self.case);
                admin(
                    server,
                    &format!("DROP SCHEMA IF EXISTS {name} CASCADE; CREATE SCHEMA {name}"),
                );
                schemas.push(name.clone());
                let sep = if server.contains('?') { '&' } else { '?' };
                format!("{server}{sep}options=-c%20search_path%3D{name}")
            }
        }
    }
}

impl Drop for Libraries {
    fn drop(&mut self) {
        if let Some(server) = &self.server {
            for name in self.schemas.borrow().iter() {
                admin(server, &format!("DROP SCHEMA IF EXISTS {name} CASCADE"));
            }
        }
    }
}

fn admin(server: &str, sql: &str) {
    postgres::Client::connect(server, postgres::NoTls)
        .unwrap_or_else(|e| panic!("{PG_ENV}: cannot connect: {e}"))
        .batch_execute(sql)
        .unwrap();
}

fn on_ci() -> bool {
    std::env::var("CI").is_ok_and(|v| v.eq_ignore_ascii_case("true") || v == "1")
}

/// The server named by `CLAIMDESK_TEST_POSTGRES`; without one, a failure on CI and a skip
/// elsewhere.
fn postgres_server() -> Option<String> {
    match std::env::var(PG_ENV) {
        Ok(url) if !url.trim().is_empty() => Some(url),
        _ if on_ci() => panic!(
            "CI is set and {PG_ENV} is not: the PostgreSQL cases must run on CI (.ci/run starts a server and sets {PG_ENV})"
        ),
        _ => {
            eprintln!(
                "skipped on PostgreSQL: set {PG_ENV}=postgres://USER@HOST:PORT/DATABASE to run it"
            );
            None
        }
    }
}

/// Each case as a test on SQLite (`on_sqlite::case`) and on PostgreSQL (`on_postgres::case`).
macro_rules! on_both {
    ($($case:ident),* $(,)?) => {
        mod on_sqlite {
            $(
                #[test]
                fn $case() {
                    super::$case(&super::Libraries::sqlite());
                }
            )*
        }
        mod on_postgres {
            $(
                #[test]
                fn $case() {
                    if let Some(libs) = super::Libraries::postgres(stringify!($case)) {
                        super::$case(&libs);
                    }
                }
            )*
        }
    };
}

on_both!(
    import_counts_added_updated_and_rejected_with_why,
    match_prints_one_json_line_per_claim_best_first,
    export_in_three_formats_and_claimreview_imports_again,
    mark_records_the_verdict_and_a_broken_library_never_stops_it,
    marks_at_once_on_one_library_all_land,
);

fn with_library(lib: &str, args: &[&str]) -> Output {
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

fn import_counts_added_updated_and_rejected_with_why(libs: &Libraries) {
    let lib = libs.new_library();
    let file = libs.dir.path().join("reviews.jsonl");
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

fn match_prints_one_json_line_per_claim_best_first(libs: &Libraries) {
    let lib = libs.new_library();
    let file = libs.dir.path().join("reviews.jsonl");
    std::fs::write(&file, REVIEWS).unwrap();
    stdout(&with_library(
        &lib,
        &["library", "import", file.to_str().unwrap()],
    ));
    let mut child = bin()
        .args(["match", "--library", &lib, "--top", "3", "-"])
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

fn export_in_three_formats_and_claimreview_imports_again(libs: &Libraries) {
    let dir = &libs.dir;
    let lib = libs.new_library();
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
    let lib2 = libs.new_library();
    let out = stdout(&with_library(
        &lib2,
        &["library", "import", again.to_str().unwrap()],
    ));
    assert!(
        out.starts_with("2 added, 0 updated, 0 unchanged, 0 rejected"),
        "{out}"
    );
}

fn mark_records_the_verdict_and_a_broken_library_never_stops_it(libs: &Libraries) {
    let dir = &libs.dir;
    let lib = libs.new_library();
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
    // The session is named by its absolute path, whatever the mark was given.
    let absolute = std::fs::canonicalize(&session).unwrap();
    assert_eq!(rows[0]["origin"], absolute.to_str().unwrap());
    // Marked again: the same row, a new version.
    stdout(&with_library(&lib, &["mark", s, "1", "verified"]));
    let found = stdout(&with_library(&lib, &["library", "export"]));
    assert_eq!(found.lines().count(), 1, "{found}");
    assert!(found.contains("\"version\":2"), "{found}");

    // A library that is not one: the mark lands, the message says what to do.
    let junk = dir.path().join("junk.sqlite");
    std::fs::write(&junk, vec![b'x'; 4096]).unwrap();
    let o = with_library(junk.to_str().unwrap(), &["mark", s, "2", "unsourced"]);
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

fn marks_at_once_on_one_library_all_land(libs: &Libraries) {
    let dir = &libs.dir;
    let lib = libs.new_library();
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
    // Four sessions (of one article) are four reviews: each of their four claims recorded once.
    let all = stdout(&with_library(&lib, &["library", "export"]));
    assert_eq!(all.lines().count(), 16, "{all}");
}

#[test]
fn a_folder_of_sessions_and_pages_imports_recursively() {
    let dir = tempfile::tempdir().unwrap();
    let lib_path = dir.path().join("lib.sqlite");
    let lib = lib_path.to_str().unwrap();
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
    let o = with_library(lib, &["library", "import", folder.to_str().unwrap()]);
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
        lib,
        &["library", "search", "--verdict", "verified"],
    ));
    assert_eq!(verified.lines().count(), 1, "{verified}");
}

#[test]
fn a_library_held_by_another_writer_is_said_busy_and_the_mark_stands() {
    let dir = tempfile::tempdir().unwrap();
    let lib_path = dir.path().join("lib.sqlite");
    let lib = lib_path.to_str().unwrap();
    let session = session_of_sample(dir.path());
    let s = session.to_str().unwrap();
    stdout(&with_library(lib, &["mark", s, "1", "verified"]));
    // Another program holds the write lock for longer than a writer waits.
    let holder = rusqlite::Connection::open(&lib_path).unwrap();
    holder.execute_batch("BEGIN EXCLUSIVE").unwrap();
    let o = with_library(lib, &["mark", s, "1", "disputed"]);
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

/// Thirty ClaimReview lines: claims that share words, numbers and claimants, over two years.
fn many_reviews() -> String {
    let who = ["the minister", "Jane Doe", "the mayor", "Le Ministre"];
    let what = [
        "unemployment",
        "inflation",
        "crime",
        "the deficit",
        "immigration",
    ];
    let ratings = ["False", "True", "Misleading"];
    (0..30)
        .map(|i| {
            let claim = format!(
                "{} fell by {}.5% in {}, says {}.",
                what[i % what.len()],
                2 + i % 7,
                2015 + i % 8,
                who[i % who.len()]
            );
            serde_json::json!({
                "@context": "https://schema.org",
                "@type": "ClaimReview",
                "url": format!("https://fc.example/{i}"),
                "claimReviewed": claim,
                "name": format!("Did {} fall?", what[i % what.len()]),
                "itemReviewed": {"author": who[i % who.len()]},
                "datePublished": format!("202{}-0{}-1{}", 3 + i % 2, 1 + i % 9, i % 10),
                "reviewRating": {"alternateName": ratings[i % 3]},
            })
            .to_string()
                + "\n"
        })
        .collect()
}

/// `claimdesk match` on `lib` with `input`, one claim per line.
fn match_lines(lib: &str, input: &str) -> String {
    let mut child = bin()
        .args(["match", "--library", lib, "--top", "5", "-"])
        .stdin(std::process::Stdio::piped())
        .stdout(std::process::Stdio::piped())
        .stderr(std::process::Stdio::piped())
        .spawn()
        .unwrap();
    child
        .stdin
        .take()
        .unwrap()
        .write_all(input.as_bytes())
        .unwrap();
    stdout(&child.wait_with_output().unwrap())
}

#[test]
fn the_command_line_answers_the_same_on_both_engines() {
    let Some(pg) = Libraries::postgres("same_answers") else {
        return;
    };
    let lite = Libraries::sqlite();
    let (a, b) = (lite.new_library(), pg.new_library());
    let file = lite.dir.path().join("reviews.jsonl");
    std::fs::write(&file, format!("{REVIEWS}{}", many_reviews())).unwrap();
    for lib in [&a, &b] {
        let out = stdout(&with_library(
            lib,
            &["library", "import", file.to_str().unwrap()],
        ));
        assert!(out.starts_with("32 added"), "{out}");
    }
    for args in [
        &["library", "export"][..],
        &["library", "export", "--format", "csv"],
        &["library", "export", "--format", "claimreview"],
        &["library", "search", "unemployment"],
        &[
            "library",
            "search",
            "fell",
            "--claimant",
            "MINISTER",
            "--limit",
            "5",
        ],
        &[
            "library",
            "search",
            "--from",
            "2024-01-01",
            "--to",
            "2024-06-30",
        ],
        &["library", "search", "--limit", "3"],
    ] {
        let on_sqlite = stdout(&with_library(&a, args));
        assert!(!on_sqlite.is_empty(), "{args:?}");
        assert_eq!(on_sqlite, stdout(&with_library(&b, args)), "{args:?}");
    }
    let claims = "They say unemployment fell to 3.5 percent in 2019\n\
                  Inflation fell by 4.5% in 2018, says the minister\n\
                  Le Ministre: crime fell by 2.5% in 2020\n\
                  the deficit\n\
                  nothing in common here\n";
    let on_sqlite = match_lines(&a, claims);
    assert!(on_sqlite.contains("fc.example/unemployment"), "{on_sqlite}");
    assert_eq!(on_sqlite, match_lines(&b, claims));
}

/// A fake PostgreSQL server on a port of its own: for each of `connections`, it reads the
/// startup message and hands the connection to `then`.
fn fake_server(connections: usize, then: fn(TcpStream)) -> u16 {
    let listener = TcpListener::bind("127.0.0.1:0").unwrap();
    let port = listener.local_addr().unwrap().port();
    std::thread::spawn(move || {
        for _ in 0..connections {
            let Ok((mut s, _)) = listener.accept() else {
                return;
            };
            std::thread::spawn(move || {
                if read_message(&mut s, false).is_ok() {
                    then(s);
                }
            });
        }
    });
    port
}

/// One message of the PostgreSQL protocol (the startup message has no tag).
fn read_message(s: &mut TcpStream, tagged: bool) -> std::io::Result<Vec<u8>> {
    if tagged {
        s.read_exact(&mut [0u8; 1])?;
    }
    let mut len = [0u8; 4];
    s.read_exact(&mut len)?;
    let mut body = vec![0; (u32::from_be_bytes(len) as usize).saturating_sub(4)];
    s.read_exact(&mut body)?;
    Ok(body)
}

/// Asks for the password, then refuses it as PostgreSQL does.
fn refuse_password(mut s: TcpStream) {
    // AuthenticationCleartextPassword
    let _ = s.write_all(&[b'R', 0, 0, 0, 8, 0, 0, 0, 3]);
    let _ = read_message(&mut s, true);
    let fields: &[u8] =
        b"SFATAL\0VFATAL\0C28P01\0Mpassword authentication failed for user \"ana\"\0\0";
    let mut message = vec![b'E'];
    message.extend_from_slice(&((fields.len() + 4) as u32).to_be_bytes());
    message.extend_from_slice(fields);
    let _ = s.write_all(&message);
}

/// Takes the connection and says nothing.
fn say_nothing(s: TcpStream) {
    std::thread::sleep(Duration::from_secs(30));
    drop(s);
}

#[test]
fn a_wrong_password_is_a_clear_open_error_without_the_password() {
    let port = fake_server(2, refuse_password);
    let url = format!("postgres://ana:s3cret@127.0.0.1:{port}/newsroom");
    let started = Instant::now();
    let e = Library::open(&Place::parse(&url)).unwrap_err();
    assert!(started.elapsed() < Duration::from_secs(5));
    let text = e.to_string();
    assert!(matches!(e, LibraryError::Open { .. }), "{text}");
    assert!(
        text.contains("refused the password of user \"ana\""),
        "{text}"
    );
    assert!(
        text.contains(&format!("postgres://ana:***@127.0.0.1:{port}/newsroom")),
        "{text}"
    );
    assert!(!text.contains("s3cret"), "{text}");
    // The command line says the same, and exits 1.
    let o = bin()
        .args(["library", "search", "--library", &url])
        .output()
        .unwrap();
    assert_eq!(o.status.code(), Some(1), "{}", stderr(&o));
    assert!(
        stderr(&o).contains("refused the password") && !stderr(&o).contains("s3cret"),
        "{}",
        stderr(&o)
    );
}

#[test]
fn a_server_that_never_answers_is_given_up_on_in_time() {
    let port = fake_server(1, say_nothing);
    let url = format!("postgres://ana@127.0.0.1:{port}/newsroom?connect_timeout=1");
    let started = Instant::now();
    let e = Library::open(&Place::parse(&url)).unwrap_err();
    let took = started.elapsed();
    assert!(
        took >= Duration::from_secs(2) && took < Duration::from_secs(4),
        "{took:?}"
    );
    assert!(matches!(e, LibraryError::Open { .. }), "{e}");
    assert!(e.to_string().contains("did not answer within 2 s"), "{e}");
}

#[test]
fn marks_by_one_reviewer_over_time_never_conflict_with_themselves() {
    let dir = tempfile::tempdir().unwrap();
    let lib_path = dir.path().join("lib.sqlite");
    let lib = lib_path.to_str().unwrap();
    let session = session_of_sample(dir.path());
    let s = session.to_str().unwrap();
    stdout(&with_library(lib, &["mark", s, "2", "disputed"]));
    stdout(&with_library(
        lib,
        &["mark", s, "3", "verified", "--reviewer", "Ana"],
    ));
    let o = with_library(lib, &["mark", s, "2", "unsourced", "--reviewer", "Ana"]);
    assert!(!stderr(&o).contains("changed by"), "{}", stderr(&o));
    let rows = stdout(&with_library(
        lib,
        &["library", "search", "--verdict", "unsourced"],
    ));
    assert_eq!(rows.lines().count(), 1, "{rows}");
    // The French sample's verdicts in its language's words, as the window records them.
    assert!(rows.contains("\"rating\":\"Non sourcée\""), "{rows}");
}

#[test]
fn a_hand_edited_fingerprint_and_a_mistyped_library_are_said_not_crashed_on() {
    let dir = tempfile::tempdir().unwrap();
    let lib_path = dir.path().join("lib.sqlite");
    let lib = lib_path.to_str().unwrap();
    let session = session_of_sample(dir.path());
    let text = std::fs::read_to_string(&session).unwrap();
    let mut v: serde_json::Value = serde_json::from_str(&text).unwrap();
    v["review"]["article"]["metadata"]["source_sha256"] =
        serde_json::json!(format!("a{}", "é".repeat(20)));
    std::fs::write(&session, serde_json::to_string(&v).unwrap()).unwrap();
    let s = session.to_str().unwrap();
    let o = with_library(lib, &["mark", s, "2", "verified"]);
    assert!(o.status.success(), "{}", stderr(&o));
    assert_eq!(
        stdout(&with_library(lib, &["library", "export"]))
            .lines()
            .count(),
        1
    );
    // A library path that is not there: searched, it is an error, and no file appears.
    let missing = dir.path().join("typo").join("lib.sqlite");
    let o = with_library(missing.to_str().unwrap(), &["library", "search", "x"]);
    assert_eq!(o.status.code(), Some(1));
    assert!(stderr(&o).contains("no claim library at"), "{}", stderr(&o));
    assert!(!missing.parent().unwrap().exists());
    let o = with_library(lib, &["library", "search", "--from", "12/03/2024"]);
    assert_eq!(o.status.code(), Some(1));
    assert!(stderr(&o).contains("YYYY-MM-DD"), "{}", stderr(&o));
}
