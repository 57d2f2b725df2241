//! The library's behaviour, case by case, on both engines. Each case is a function of the
//! library's `Place`; `on_both!` runs it on a SQLite file always, and on PostgreSQL when
//! `CLAIMDESK_TEST_POSTGRES` names a server (a `postgres://` URL of a server where the tests may
//! create schemas: each test gets a schema of its own, dropped at the end, so tests run in
//! parallel). With `CI=true` and no server named, the PostgreSQL tests fail rather than skip:
//! CI must run them (`.ci/run` starts a server).

use super::postgres::scratch;
use super::*;
use std::sync::{Arc, Barrier};
use std::time::{Duration, Instant};

const PG_ENV: &str = "CLAIMDESK_TEST_POSTGRES";

/// A library to run a case on, removed when dropped.
struct Scratch {
    place: Place,
    _dir: Option<tempfile::TempDir>,
    _schema: Option<scratch::Schema>,
}

fn sqlite() -> Scratch {
    let dir = tempfile::tempdir().unwrap();
    Scratch {
        place: Place::File(dir.path().join("lib.sqlite")),
        _dir: Some(dir),
        _schema: None,
    }
}

/// A fresh library on the test server, or None (after saying so) when there is none.
fn postgres(case: &str) -> Option<Scratch> {
    let server = postgres_server()?;
    let schema = scratch::Schema::new(&server, case);
    Some(Scratch {
        place: Place::Postgres(schema.url.clone()),
        _dir: None,
        _schema: Some(schema),
    })
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
            "CI is set and {PG_ENV} is not: the PostgreSQL engine's tests must run on CI (.ci/run starts a server and sets {PG_ENV})"
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
                    let s = super::sqlite();
                    super::$case(&s.place);
                }
            )*
        }
        mod on_postgres {
            $(
                #[test]
                fn $case() {
                    if let Some(s) = super::postgres(stringify!($case)) {
                        super::$case(&s.place);
                    }
                }
            )*
        }
    };
}

on_both!(
    writes_add_update_and_leave_unchanged,
    a_change_by_someone_else_is_a_conflict_not_an_overwrite,
    matching_prefers_the_same_numbers_and_names,
    search_by_words_verdict_claimant_dates_and_language,
    search_is_most_recent_first_then_newest_row_undated_last,
    a_newer_library_is_refused_clearly,
    a_session_records_its_reviewed_claims_once,
    word_counts_follow_adds_and_updates,
    a_word_is_only_itself,
    a_nul_character_is_kept_as_a_replacement_character,
    libraries_opened_at_once_are_made_once,
    writers_of_different_entries_at_once_all_land,
    two_writers_of_one_entry_one_lands_one_conflicts,
    large_writes_at_once_all_land,
);

fn entry(key: &str, claim: &str) -> Entry {
    Entry {
        key: key.into(),
        claim: claim.into(),
        language: Some("en".into()),
        rating: "False".into(),
        origin: "test".into(),
        reviewed_at: Some("2026-03-12T10:00:00+00:00".into()),
        ..Entry::default()
    }
}

fn w(entry: Entry) -> Write {
    Write { entry, known: None }
}

fn open(place: &Place) -> Library {
    Library::open(place).unwrap_or_else(|e| panic!("{e}"))
}

/// Runs `sql` on the library behind its back.
fn behind_its_back(place: &Place, sql: &str) {
    match place {
        Place::File(path) => rusqlite::Connection::open(path)
            .unwrap()
            .execute_batch(sql)
            .unwrap(),
        Place::Postgres(url) => scratch::execute(url, sql),
    }
}

fn writes_add_update_and_leave_unchanged(place: &Place) {
    let mut lib = open(place);
    let t = lib
        .write(vec![
            w(entry("a", "The moon is made of cheese.")),
            w(entry("b", "Unemployment fell to 3.5% in 2019.")),
        ])
        .unwrap();
    assert_eq!((t.added, t.updated, t.unchanged), (2, 0, 0));
    let t = lib
        .write(vec![w(entry("a", "The moon is made of cheese."))])
        .unwrap();
    assert_eq!((t.added, t.updated, t.unchanged), (0, 0, 1));
    let mut changed = entry("a", "The moon is made of cheese.");
    changed.note = "It is rock.".into();
    let t = lib.write(vec![w(changed)]).unwrap();
    assert_eq!(t.updated, 1);
    let a = lib.get("a").unwrap().unwrap();
    assert_eq!((a.id, a.version), (1, 2));
    assert_eq!(a.entry.note, "It is rock.");
    assert_eq!(lib.get("b").unwrap().unwrap().id, 2);
    assert_eq!(lib.get("nothing").unwrap(), None);
    // One key twice in one write: the second sees the first.
    let mut again = entry("c", "Bees can fly.");
    let t = lib
        .write(vec![w(again.clone()), {
            again.note = "They can.".into();
            w(again)
        }])
        .unwrap();
    assert_eq!((t.added, t.updated), (1, 1));
    assert_eq!(lib.get("c").unwrap().unwrap().version, 2);
}

fn a_change_by_someone_else_is_a_conflict_not_an_overwrite(place: &Place) {
    let mut lib = open(place);
    let first = entry("a", "The moon is made of cheese.");
    let seen = first.content_hash();
    lib.write(vec![Write {
        entry: first.clone(),
        known: Some(String::new()),
    }])
    .unwrap();
    // Someone else changes it.
    let mut theirs = first.clone();
    theirs.note = "theirs".into();
    lib.write(vec![Write {
        entry: theirs,
        known: Some(seen.clone()),
    }])
    .unwrap();
    // This writer still knows the first content.
    let mut mine = first.clone();
    mine.note = "mine".into();
    let t = lib
        .write(vec![Write {
            entry: mine.clone(),
            known: Some(seen),
        }])
        .unwrap();
    assert_eq!(t.conflicts.len(), 1);
    assert_eq!(t.conflicts[0].entry.note, "theirs");
    assert_eq!(t.conflicts[0].version, 2);
    assert_eq!(lib.get("a").unwrap().unwrap().entry.note, "theirs");
    // A writer who knew of no entry, and finds one: a conflict too.
    let t = lib
        .write(vec![Write {
            entry: mine,
            known: Some(String::new()),
        }])
        .unwrap();
    assert_eq!(t.conflicts.len(), 1);
}

fn matching_prefers_the_same_numbers_and_names(place: &Place) {
    let mut lib = open(place);
    lib.write(vec![
        w(entry(
            "1",
            "Unemployment fell to 3.5% in 2019 under Donald Trump.",
        )),
        w(entry(
            "2",
            "Unemployment rose to 7% in 2009 under Barack Obama.",
        )),
        w(entry("3", "The moon is made of cheese.")),
    ])
    .unwrap();
    let m = lib
        .matches(
            "Trump says unemployment fell to 3.5 percent in 2019",
            5,
            &[],
        )
        .unwrap();
    assert_eq!(m[0].stored.entry.key, "1", "{m:?}");
    assert!(
        m[0].reasons
            .iter()
            .any(|r| r.contains("same numbers: 3.5, 2019")),
        "{:?}",
        m[0].reasons
    );
    assert!(m.iter().all(|x| x.stored.entry.key != "3"));
    // The claim's own entry is left out.
    let m = lib
        .matches(
            "Unemployment fell to 3.5% in 2019 under Donald Trump.",
            5,
            &["1".into()],
        )
        .unwrap();
    assert!(m.iter().all(|x| x.stored.entry.key != "1"));
    assert!(lib.matches("nothing like it", 5, &[]).unwrap().is_empty());
    assert!(lib.matches("", 5, &[]).unwrap().is_empty());
}

fn keys(lib: &mut Library, s: Search) -> Vec<String> {
    lib.search(&Search {
        limit: if s.limit == 0 { 50 } else { s.limit },
        ..s
    })
    .unwrap()
    .into_iter()
    .map(|s| s.entry.key)
    .collect()
}

fn search_by_words_verdict_claimant_dates_and_language(place: &Place) {
    let mut lib = open(place);
    let mut a = entry("a", "Unemployment fell to 3.5% in 2019.");
    a.verdict = Some(Verdict::Disputed);
    a.claimant = Some("Jane Doe".into());
    let mut b = entry("b", "Unemployment rose in 2009.");
    b.verdict = Some(Verdict::Verified);
    b.reviewed_at = Some("2025-01-02T00:00:00+00:00".into());
    b.language = Some("fr".into());
    b.claimant = Some("ÉMILE 50%_Off".into());
    lib.write(vec![w(a), w(b)]).unwrap();
    let words = |s: &str| Search {
        words: s.into(),
        ..Search::default()
    };
    assert_eq!(keys(&mut lib, words("unemployment")), ["a", "b"]);
    assert_eq!(keys(&mut lib, words("Unemployment FELL")), ["a"]);
    assert_eq!(keys(&mut lib, words("unemployment moon")), [] as [&str; 0]);
    assert_eq!(keys(&mut lib, words("3.5 %")), ["a"]);
    assert_eq!(keys(&mut lib, words("")), ["a", "b"]);
    let search = |f: fn(&mut Search)| {
        let mut s = Search::default();
        f(&mut s);
        s
    };
    assert_eq!(
        keys(&mut lib, search(|s| s.verdict = Some(Verdict::Verified))),
        ["b"]
    );
    assert_eq!(
        keys(&mut lib, search(|s| s.claimant = Some("doe".into()))),
        ["a"]
    );
    // Wildcards are letters; only ASCII letters are folded (as SQLite's lower() does).
    assert_eq!(
        keys(&mut lib, search(|s| s.claimant = Some("50%_off".into()))),
        ["b"]
    );
    assert_eq!(
        keys(&mut lib, search(|s| s.claimant = Some("0%_o".into()))),
        ["b"]
    );
    assert_eq!(
        keys(&mut lib, search(|s| s.claimant = Some("5_%".into()))),
        [] as [&str; 0]
    );
    assert_eq!(
        keys(&mut lib, search(|s| s.claimant = Some("Émile".into()))),
        ["b"]
    );
    assert_eq!(
        keys(&mut lib, search(|s| s.claimant = Some("ÉMILE".into()))),
        ["b"]
    );
    assert_eq!(
        keys(&mut lib, search(|s| s.claimant = Some("Émile 50".into()))),
        ["b"]
    );
    assert_eq!(
        keys(&mut lib, search(|s| s.claimant = Some("mile 50".into()))),
        ["b"]
    );
    // Any case, beyond ASCII too.
    assert_eq!(
        keys(
            &mut lib,
            search(|s| s.claimant = Some("émile 50%_off".into()))
        ),
        ["b"]
    );
    assert_eq!(
        keys(&mut lib, search(|s| s.from = Some("2026-01-01".into()))),
        ["a"]
    );
    assert_eq!(
        keys(&mut lib, search(|s| s.to = Some("2025-01-02".into()))),
        ["b"]
    );
    assert_eq!(
        keys(&mut lib, search(|s| s.to = Some("2025-01-01".into()))),
        [] as [&str; 0]
    );
    assert_eq!(
        keys(&mut lib, search(|s| s.language = Some("fr".into()))),
        ["b"]
    );
    assert_eq!(
        keys(
            &mut lib,
            Search {
                limit: 1,
                ..Search::default()
            }
        ),
        ["a"]
    );
}

fn search_is_most_recent_first_then_newest_row_undated_last(place: &Place) {
    let mut lib = open(place);
    let dated = |key: &str, reviewed: Option<&str>, date: Option<&str>| {
        let mut e = entry(key, "Unemployment fell.");
        e.reviewed_at = reviewed.map(str::to_string);
        e.date = date.map(str::to_string);
        w(e)
    };
    lib.write(vec![
        dated("none", None, None),
        dated("old", Some("2020-05-01T00:00:00+00:00"), None),
        dated("same-1", Some("2024-01-01T00:00:00+00:00"), None),
        dated("published", None, Some("2023-06-01")),
        dated("same-2", Some("2024-01-01T00:00:00+00:00"), None),
        dated("short-date", Some("2024-01-01"), None),
    ])
    .unwrap();
    assert_eq!(
        keys(&mut lib, Search::default()),
        ["same-2", "same-1", "short-date", "published", "old", "none"]
    );
    let mut all = Vec::new();
    lib.each(&mut |s| all.push(s.entry.key)).unwrap();
    assert_eq!(
        all,
        ["none", "old", "published", "same-1", "same-2", "short-date"]
    );
}

fn a_newer_library_is_refused_clearly(place: &Place) {
    drop(open(place));
    behind_its_back(place, "UPDATE meta SET value = '99' WHERE name = 'schema'");
    let e = Library::open(place).unwrap_err();
    assert!(matches!(e, LibraryError::Newer { found: 99, .. }), "{e}");
    assert!(e.to_string().contains("newer Claimdesk"));
}

#[test]
fn a_file_that_is_no_library_is_refused_and_left_alone() {
    let dir = tempfile::tempdir().unwrap();
    let junk = dir.path().join("junk.sqlite");
    std::fs::write(
        &junk,
        b"this is not a database, it is a text file of some length....",
    )
    .unwrap();
    let e = Library::open(&Place::File(junk.clone())).unwrap_err();
    assert!(e.to_string().contains("not a Claimdesk library"), "{e}");
    assert_eq!(
        std::fs::read(&junk).unwrap(),
        b"this is not a database, it is a text file of some length...."
    );
}

fn a_session_records_its_reviewed_claims_once(place: &Place) {
    let mut lib = open(place);
    let mut review = Review::from_article(crate::article::sample());
    let id = review.claims[0].id;
    review
        .apply(crate::review::Action::SetVerdict {
            claim: id,
            verdict: Verdict::Disputed,
        })
        .unwrap();
    let ratings = Ratings::default();
    let origin = Path::new("/tmp/s.claimdesk.json");
    let t = lib
        .record(&review, None, origin, &ratings, Some("ana"))
        .unwrap();
    assert_eq!(t.added, 1);
    let t = lib
        .record(&review, Some(&review), origin, &ratings, Some("ana"))
        .unwrap();
    assert_eq!((t.added, t.updated, t.unchanged), (0, 0, 1));
    let stored = lib.get(&session_key(&review, id)).unwrap().unwrap();
    assert_eq!(stored.entry.verdict, Some(Verdict::Disputed));
    assert_eq!(stored.entry.rating, "Disputed");
    assert_eq!(stored.entry.claim, review.claims[0].text());
}

fn strings(words: &[&str]) -> Vec<String> {
    words.iter().map(|s| s.to_string()).collect()
}

/// Each word as the library indexes it (its stem), or as it is if it is no index word.
fn stems(words: &[&str]) -> Vec<String> {
    words
        .iter()
        .map(|w| rank::terms(w).into_iter().next().unwrap_or(w.to_string()))
        .collect()
}

fn word_counts_follow_adds_and_updates(place: &Place) {
    let mut lib = open(place);
    lib.write(vec![
        w(entry("a", "Cheese moon, cheese moon, cheese.")),
        w(entry("b", "The moon landing happened.")),
    ])
    .unwrap();
    let asked = stems(&["cheese", "moon", "landing", "absent"]);
    let stats = lib.engine.term_stats(&asked).unwrap();
    assert_eq!(
        stats,
        rank::Stats {
            entries: 2,
            total_terms: 5 + 3,
            df: vec![1, 2, 1, 0]
        }
    );
    let found = lib
        .engine
        .containing(&stems(&["landing", "absent"]))
        .unwrap();
    assert_eq!(found.len(), 1);
    assert_eq!(found[0].0.entry.key, "b");
    assert_eq!(found[0].1, stems(&["moon", "landing", "happened"]));
    let found = lib.engine.containing(&stems(&["cheese", "moon"])).unwrap();
    let ids: Vec<i64> = found.iter().map(|(s, _)| s.id).collect();
    assert_eq!(ids, [1, 2]);
    assert!(lib.engine.containing(&[]).unwrap().is_empty());
    // "a" no longer says cheese; its words leave the counts, the new ones come in.
    lib.write(vec![w(entry("a", "A moon of rock."))]).unwrap();
    let stats = lib
        .engine
        .term_stats(&stems(&["cheese", "moon", "rock"]))
        .unwrap();
    assert_eq!(
        stats,
        rank::Stats {
            entries: 2,
            total_terms: 2 + 3,
            df: vec![0, 2, 1]
        }
    );
    assert!(
        lib.engine
            .containing(&stems(&["cheese"]))
            .unwrap()
            .is_empty()
    );
    let empty = lib.engine.term_stats(&[]).unwrap();
    assert_eq!((empty.entries, empty.df.len()), (2, 0));
}

/// Words `rank::terms` can give that an index might read as more than a word: query keywords,
/// letters of other scripts, a word too long for an index.
fn a_word_is_only_itself(place: &Place) {
    let long = "x".repeat(3000);
    only_itself(
        place,
        &[
            "or",
            "and",
            "not",
            "near",
            "2p5",
            "ünï",
            "中文",
            "ελλάδα",
            // Words with combining marks, and what is left of them without the marks.
            "สวัสดี",
            "สว",
            "สด",
            "नमस्ते",
            "नमस",
            &long,
        ],
    );
}

/// Writes one entry per word, each with `common` too, and finds each by its word alone.
fn only_itself(place: &Place, words: &[&str]) {
    let mut lib = open(place);
    let writes: Vec<(Write, Vec<String>)> = words
        .iter()
        .enumerate()
        .map(|(i, word)| {
            (
                w(entry(&format!("k{i}"), &format!("claim {i}"))),
                vec![word.to_string(), "common".to_string(), word.to_string()],
            )
        })
        .collect();
    lib.engine.write(&writes).unwrap();
    for (i, word) in words.iter().enumerate() {
        let found = lib.engine.containing(&strings(&[word])).unwrap();
        let keys: Vec<&str> = found.iter().map(|(s, _)| s.entry.key.as_str()).collect();
        assert_eq!(keys, [format!("k{i}")], "{word:.20}");
        let stored = word.replace('\0', "\u{FFFD}");
        assert_eq!(found[0].1, [&stored, "common", &stored], "{word:.20}");
        let stats = lib.engine.term_stats(&strings(&[word, "common"])).unwrap();
        assert_eq!(stats.df, [1, words.len() as u64], "{word:.20}");
        let found = lib
            .engine
            .search(
                &Search {
                    limit: 50,
                    ..Search::default()
                },
                &strings(&[word, "common"]),
            )
            .unwrap();
        assert_eq!(found.len(), 1, "{word:.20}");
    }
    assert!(lib.engine.containing(&strings(&["x"])).unwrap().is_empty());
    assert_eq!(
        lib.engine.containing(&strings(&["common"])).unwrap().len(),
        words.len()
    );
    let stats = lib.engine.term_stats(&[]).unwrap();
    assert_eq!(stats.total_terms, 3 * words.len() as u64);
}

/// On PostgreSQL the engine builds its own queries: a word holding query syntax is looked up as
/// itself. (SQLite's FTS5 splits such words as it splits text: they never come from
/// `rank::terms`.)
#[test]
fn on_postgres_a_word_holding_query_syntax_is_only_itself() {
    if let Some(s) = postgres("query_syntax") {
        only_itself(
            &s.place,
            &[
                "it's", "a\\b", "x:*", "|&!()", "\"q\"", "<->", "a:b", "nul\0",
            ],
        );
    }
}

fn a_nul_character_is_kept_as_a_replacement_character(place: &Place) {
    let mut lib = open(place);
    let mut e = entry("k\0", "A claim\0 with a NUL.");
    e.note = "\0".into();
    e.claimant = Some("Nul\0".into());
    let t = lib.write(vec![w(e.clone())]).unwrap();
    assert_eq!(t.added, 1);
    let stored = lib.get("k\0").unwrap().unwrap();
    assert_eq!(stored.entry.key, "k\u{FFFD}");
    assert_eq!(stored.entry.claim, "A claim\u{FFFD} with a NUL.");
    assert_eq!(stored.entry.note, "\u{FFFD}");
    assert_eq!(
        keys(
            &mut lib,
            Search {
                claimant: Some("nul\0".into()),
                ..Search::default()
            }
        ),
        ["k\u{FFFD}"]
    );
    // The same entry again is the same entry.
    let t = lib.write(vec![w(e)]).unwrap();
    assert_eq!(t.unchanged, 1);
}

fn libraries_opened_at_once_are_made_once(place: &Place) {
    let start = Arc::new(Barrier::new(4));
    let threads: Vec<_> = (0..4)
        .map(|_| {
            let place = place.clone();
            let start = start.clone();
            std::thread::spawn(move || {
                start.wait();
                Library::open(&place).map(|_| ())
            })
        })
        .collect();
    for t in threads {
        t.join().unwrap().unwrap_or_else(|e| panic!("{e}"));
    }
    let mut lib = open(place);
    assert_eq!(lib.write(vec![w(entry("a", "Moon."))]).unwrap().added, 1);
}

fn writers_of_different_entries_at_once_all_land(place: &Place) {
    drop(open(place));
    const ROUNDS: usize = 8;
    const BATCH: usize = 6;
    let start = Arc::new(Barrier::new(2));
    let threads: Vec<_> = (0..2)
        .map(|writer| {
            let place = place.clone();
            let start = start.clone();
            std::thread::spawn(move || {
                let mut lib = open(&place);
                let mut added = 0;
                for round in 0..ROUNDS {
                    start.wait();
                    // The same words in every entry: both writers count them at once.
                    let batch = (0..BATCH)
                        .map(|i| Write {
                            entry: entry(
                                &format!("w{writer}-{round}-{i}"),
                                &format!("Unemployment fell in region {i} by {round} points"),
                            ),
                            known: Some(String::new()),
                        })
                        .collect();
                    added += lib.write(batch).unwrap_or_else(|e| panic!("{e}")).added;
                }
                added
            })
        })
        .collect();
    for t in threads {
        assert_eq!(t.join().unwrap(), ROUNDS * BATCH);
    }
    let mut lib = open(place);
    let mut n = 0;
    let mut total_terms = 0;
    lib.each(&mut |s| {
        n += 1;
        total_terms += s.entry.index_terms().len() as u64;
    })
    .unwrap();
    assert_eq!(n, 2 * ROUNDS * BATCH);
    let stats = lib
        .engine
        .term_stats(&stems(&["unemployment", "region", "points"]))
        .unwrap();
    assert_eq!(stats.entries, n as u64);
    assert_eq!(stats.total_terms, total_terms);
    assert_eq!(stats.df, [n as u64; 3]);
}

fn two_writers_of_one_entry_one_lands_one_conflicts(place: &Place) {
    let mut lib = open(place);
    let first = entry("shared", "The moon is made of cheese.");
    lib.write(vec![w(first.clone())]).unwrap();
    let mut known = first.content_hash();
    for round in 0..5 {
        let start = Arc::new(Barrier::new(2));
        let threads: Vec<_> = (0..2)
            .map(|writer| {
                let place = place.clone();
                let start = start.clone();
                let known = known.clone();
                let mut mine = first.clone();
                mine.note = format!("writer {writer}, round {round}");
                std::thread::spawn(move || {
                    let mut lib = open(&place);
                    start.wait();
                    let t = lib
                        .write(vec![Write {
                            entry: mine.clone(),
                            known: Some(known),
                        }])
                        .unwrap_or_else(|e| panic!("{e}"));
                    (mine, t)
                })
            })
            .collect();
        let results: Vec<(Entry, Tally)> = threads.into_iter().map(|t| t.join().unwrap()).collect();
        let updated: Vec<&(Entry, Tally)> =
            results.iter().filter(|(_, t)| t.updated == 1).collect();
        let conflicted: Vec<&(Entry, Tally)> = results
            .iter()
            .filter(|(_, t)| t.conflicts.len() == 1)
            .collect();
        assert_eq!((updated.len(), conflicted.len()), (1, 1), "round {round}");
        let winner = &updated[0].0;
        let stored = lib.get("shared").unwrap().unwrap();
        assert_eq!(stored.entry.note, winner.note);
        assert_eq!(stored.version, round + 2);
        assert_eq!(conflicted[0].1.conflicts[0], stored);
        known = winner.content_hash();
    }
}

/// Imports bigger than one transaction (2000 entries), three at once.
fn large_writes_at_once_all_land(place: &Place) {
    drop(open(place));
    const EACH: usize = 2050;
    let threads: Vec<_> = (0..3)
        .map(|writer| {
            let place = place.clone();
            std::thread::spawn(move || {
                let writes = (0..EACH)
                    .map(|i| {
                        w(entry(
                            &format!("{writer}-{i}"),
                            &format!("Claim {i} of many."),
                        ))
                    })
                    .collect();
                open(&place).write(writes).unwrap_or_else(|e| panic!("{e}"))
            })
        })
        .collect();
    for t in threads {
        assert_eq!(t.join().unwrap().added, EACH);
    }
    let mut lib = open(place);
    let stats = lib.engine.term_stats(&stems(&["claim", "many"])).unwrap();
    assert_eq!(stats.entries, 3 * EACH as u64);
    assert_eq!(stats.df, [3 * EACH as u64; 2]);
}

/// A library of about fifty entries in English and French, written in batches, some entries
/// rewritten, so that versions and word counts have moved.
fn corpus(lib: &mut Library) {
    let subjects = [
        ("Unemployment", "chômage"),
        ("Inflation", "l'inflation"),
        ("Crime", "la criminalité"),
        ("Immigration", "l'immigration"),
        ("The deficit", "le déficit"),
    ];
    let people = [
        "Donald Trump",
        "Emmanuel Macron",
        "Joe Biden",
        "Marine Le Pen",
        "Rishi Sunak",
    ];
    let mut batch = Vec::new();
    for i in 0..50usize {
        let (en, fr) = subjects[i % subjects.len()];
        let who = people[(i / 3) % people.len()];
        let n = 2 + (i * 7) % 13;
        let year = 2015 + (i % 9);
        let mut e = if i % 4 == 3 {
            let mut e = entry(
                &format!("fr-{i:02}"),
                &format!(
                    "Selon {who}, {fr} a baissé de {n},5 % en {year}, un record depuis {}.",
                    year - 10
                ),
            );
            e.language = Some("fr".into());
            e.rating = "Faux".into();
            e
        } else {
            entry(
                &format!("en-{i:02}"),
                &format!(
                    "{who} says {en} fell by {n}.5% in {year}, the best since {}.",
                    year - 10
                ),
            )
        };
        e.verdict = [Some(Verdict::Disputed), Some(Verdict::Verified), None][i % 3];
        e.claimant = Some(who.to_string());
        e.title = (i % 5 == 0).then(|| format!("Fact check: {en} under {who}"));
        e.reviewed_at = match i % 6 {
            0 => None,
            1 => Some("2024-02-01T09:00:00+00:00".into()),
            _ => Some(format!(
                "2025-{:02}-{:02}T10:00:00+01:00",
                1 + i % 12,
                1 + i % 27
            )),
        };
        e.date = (i % 6 == 0 && i % 12 != 0).then(|| format!("2023-0{}-15", 1 + i % 9));
        batch.push(w(e));
        if batch.len() == 7 {
            lib.write(std::mem::take(&mut batch)).unwrap();
        }
    }
    lib.write(batch).unwrap();
    // Rewrites: a new wording (new words), a new note (same words), and one left as it was.
    let mut rewrites = Vec::new();
    for key in ["en-00", "en-10", "fr-23", "en-41"] {
        let mut e = lib.get(key).unwrap().unwrap().entry;
        if key == "en-10" {
            e.note = "Checked again.".into();
        } else {
            e.claim = format!("{} Corrected: unemployment, not inflation.", e.claim);
        }
        rewrites.push(w(e));
    }
    rewrites.push(w(lib.get("en-01").unwrap().unwrap().entry));
    let t = lib.write(rewrites).unwrap();
    assert_eq!((t.updated, t.unchanged), (4, 1));
}

const QUERIES: &[&str] = &[
    "Trump says unemployment fell by 9.5% in 2019",
    "Macron: le chômage a baissé de 4,5 % en 2021",
    "Inflation fell to a record low, says Joe Biden",
    "Crime rose in 2016 according to Marine Le Pen",
    "Immigration corrected unemployment",
    "The deficit is the best since 2008",
    "Sunak 2022",
    "selon Le Pen l'immigration a baissé",
    "nothing that anyone ever said",
    "fact check",
];

#[test]
fn both_engines_give_the_same_matches_searches_and_rows() {
    let Some(pg) = postgres("same_results") else {
        return;
    };
    let lite = sqlite();
    let mut a = open(&lite.place);
    let mut b = open(&pg.place);
    corpus(&mut a);
    corpus(&mut b);
    let mut some = 0;
    for q in QUERIES {
        for top in [3, 50] {
            let on_sqlite = a.matches(q, top, &[]).unwrap();
            let on_postgres = b.matches(q, top, &[]).unwrap();
            assert_eq!(on_sqlite, on_postgres, "matches of {q:?}, top {top}");
            some += on_sqlite.len();
        }
        let skip = ["en-00".to_string(), "fr-03".to_string()];
        assert_eq!(
            a.matches(q, 10, &skip).unwrap(),
            b.matches(q, 10, &skip).unwrap(),
            "{q:?} with keys skipped"
        );
        let words = rank::Query::new(q).terms;
        assert_eq!(
            a.engine.term_stats(&words).unwrap(),
            b.engine.term_stats(&words).unwrap(),
            "stats of {q:?}"
        );
        assert_eq!(
            a.engine.containing(&words).unwrap(),
            b.engine.containing(&words).unwrap(),
            "entries with a word of {q:?}"
        );
    }
    assert!(some > 100, "the queries match something: {some}");
    let searches = [
        Search::default(),
        Search {
            words: "unemployment".into(),
            ..Search::default()
        },
        Search {
            words: "chômage baissé".into(),
            language: Some("fr".into()),
            ..Search::default()
        },
        Search {
            verdict: Some(Verdict::Disputed),
            from: Some("2024-02-01".into()),
            to: Some("2025-06-30".into()),
            ..Search::default()
        },
        Search {
            claimant: Some("le pen".into()),
            ..Search::default()
        },
        Search {
            to: Some("2023-12-31".into()),
            ..Search::default()
        },
    ];
    for s in searches {
        for limit in [5, 100] {
            let s = Search { limit, ..s.clone() };
            let on_sqlite = a.search(&s).unwrap();
            assert_eq!(on_sqlite, b.search(&s).unwrap(), "{s:?}");
            assert!(!on_sqlite.is_empty(), "{s:?} finds something");
        }
    }
    let (mut rows_a, mut rows_b) = (Vec::new(), Vec::new());
    a.each(&mut |s| rows_a.push(s)).unwrap();
    b.each(&mut |s| rows_b.push(s)).unwrap();
    assert_eq!(rows_a.len(), 50);
    assert_eq!(rows_a, rows_b);
}

#[test]
fn an_insert_behind_the_librarys_back_is_decided_on_not_an_error() {
    let Some(server) = postgres_server() else {
        return;
    };
    for (known, expect_conflict) in [(Some(String::new()), true), (None, false)] {
        let schema = scratch::Schema::new(&server, "insert_race");
        let place = Place::Postgres(schema.url.clone());
        let mut lib = open(&place);
        // Another program inserts the key and has not committed yet.
        let mut other = schema.client();
        let mut tx = other.transaction().unwrap();
        tx.batch_execute(
            "INSERT INTO entries (key, version, hash, claim, rating, note, evidence, origin, terms, n_terms, lexemes)
             VALUES ('k', 1, 'theirs', 'Their claim.', '', '', '[]', 'elsewhere', 'their claim', 2,
                     array_to_tsvector('{their,claim}'))",
        )
        .unwrap();
        let known2 = known.clone();
        let writer = std::thread::spawn(move || {
            let t = lib
                .write(vec![Write {
                    entry: entry("k", "My claim."),
                    known: known2,
                }])
                .unwrap_or_else(|e| panic!("{e}"));
            (lib, t)
        });
        std::thread::sleep(Duration::from_millis(300));
        assert!(!writer.is_finished(), "the insert waits for the other's");
        tx.commit().unwrap();
        let (mut lib, t) = writer.join().unwrap();
        let stored = lib.get("k").unwrap().unwrap();
        if expect_conflict {
            assert_eq!(t.conflicts.len(), 1, "{t:?}");
            assert_eq!(t.conflicts[0].entry.claim, "Their claim.");
            assert_eq!(stored.entry.claim, "Their claim.");
        } else {
            // An import replaces what is there.
            assert_eq!(t.updated, 1, "{t:?}");
            assert_eq!(
                (stored.entry.claim.as_str(), stored.version),
                ("My claim.", 2)
            );
        }
    }
}

#[test]
fn a_lost_connection_is_reopened_on_the_next_call() {
    let Some(server) = postgres_server() else {
        return;
    };
    let schema = scratch::Schema::new(&server, "reconnect");
    let mut lib = open(&Place::Postgres(schema.url.clone()));
    lib.write(vec![w(entry("a", "The moon is made of cheese."))])
        .unwrap();
    scratch::cut_connections(&schema);
    // The call that meets the closed connection may fail, and says so; the next one works.
    if let Err(e) = lib.get("a") {
        assert!(
            matches!(e, LibraryError::Engine { .. })
                && e.to_string().contains("the next try reconnects"),
            "{e}"
        );
    }
    assert_eq!(lib.get("a").unwrap().unwrap().entry.key, "a");
    assert_eq!(lib.write(vec![w(entry("b", "Bees."))]).unwrap().added, 1);
}

#[test]
fn an_unreachable_server_is_a_clear_open_error_at_once() {
    let started = Instant::now();
    let e = Library::open(&Place::parse("postgres://ana:s3cret@127.0.0.1:1/newsroom")).unwrap_err();
    assert!(
        started.elapsed() < Duration::from_secs(6),
        "{:?}",
        started.elapsed()
    );
    let text = e.to_string();
    assert!(matches!(e, LibraryError::Open { .. }), "{text}");
    assert!(
        text.contains("nothing answers at the server 127.0.0.1:1"),
        "{text}"
    );
    assert!(
        text.contains("postgres://ana:***@127.0.0.1:1/newsroom"),
        "{text}"
    );
    assert!(!text.contains("s3cret"), "{text}");

    let e = Library::open(&Place::parse(
        "postgresql://ana:s3cret@127.0.0.1:1/newsroom?sslmode=require",
    ))
    .unwrap_err();
    assert!(matches!(e, LibraryError::Open { .. }), "{e}");
    assert!(e.to_string().contains("cannot connect with TLS yet"), "{e}");

    let e = Library::open(&Place::parse("postgres://ana@127.0.0.1:notaport/x")).unwrap_err();
    assert!(matches!(e, LibraryError::Open { .. }), "{e}");
    assert!(
        e.to_string()
            .contains("postgres://USER:PASSWORD@HOST:PORT/DATABASE"),
        "{e}"
    );
}

#[test]
fn a_database_that_is_not_there_is_a_clear_open_error() {
    let Some(server) = postgres_server() else {
        return;
    };
    let mut url = url::Url::parse(&server).unwrap();
    url.set_path("/claimdesk_no_such_database");
    let e = Library::open(&Place::Postgres(url.to_string())).unwrap_err();
    assert!(matches!(e, LibraryError::Open { .. }), "{e}");
    let text = e.to_string();
    assert!(
        text.contains("has no database \"claimdesk_no_such_database\"")
            && text.contains("createdb"),
        "{text}"
    );
}

#[test]
fn a_password_never_shows_in_the_place() {
    for (url, shown) in [
        (
            "postgres://ana:s3cret@db.example/news",
            "postgres://ana:***@db.example/news",
        ),
        (
            "postgres://ana@db.example/news",
            "postgres://ana@db.example/news",
        ),
        (
            "postgresql://db.example/news?user=ana&password=s3cret&sslmode=disable",
            "postgresql://db.example/news?user=ana&password=***&sslmode=disable",
        ),
    ] {
        assert_eq!(Place::parse(url).shown(), shown);
    }
}

/// A word or two searched without a language find the entries whose words they are, French or
/// English (each language stems its words its own way).
#[test]
fn a_few_searched_words_find_french_and_english_entries() {
    let dir = tempfile::tempdir().unwrap();
    let mut lib = Library::open(&Place::File(dir.path().join("lib.sqlite"))).unwrap();
    let mut fr = entry(
        "fr",
        "Le chômage a baissé de 5 % selon le ministère du travail.",
    );
    fr.language = Some("fr".into());
    let en = entry(
        "en",
        "The unemployment rate has fallen according to the ministry.",
    );
    lib.write(vec![w(fr), w(en)]).unwrap();
    let keys = |words: &str, lib: &mut Library| -> Vec<String> {
        lib.search(&Search {
            words: words.into(),
            limit: 10,
            ..Search::default()
        })
        .unwrap()
        .into_iter()
        .map(|s| s.entry.key)
        .collect()
    };
    assert_eq!(keys("chômage baissé", &mut lib), ["fr"]);
    assert_eq!(keys("ministère", &mut lib), ["fr"]);
    assert_eq!(keys("unemployment fallen", &mut lib), ["en"]);
    assert!(keys("chômage unemployment", &mut lib).is_empty());
}
