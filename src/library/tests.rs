//! The library's behaviour on the SQLite engine. The same cases run on PostgreSQL in
//! tests/library.rs when a server is given.

use super::*;

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

fn lib() -> (tempfile::TempDir, Library) {
    let dir = tempfile::tempdir().unwrap();
    let lib = Library::open(&Place::File(dir.path().join("lib.sqlite"))).unwrap();
    (dir, lib)
}

#[test]
fn writes_add_update_and_leave_unchanged() {
    let (_d, mut lib) = lib();
    let w = |e: Entry| Write {
        entry: e,
        known: None,
    };
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
    assert_eq!(a.version, 2);
    assert_eq!(a.entry.note, "It is rock.");
}

#[test]
fn a_change_by_someone_else_is_a_conflict_not_an_overwrite() {
    let (_d, mut lib) = lib();
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
            entry: mine,
            known: Some(seen),
        }])
        .unwrap();
    assert_eq!(t.conflicts.len(), 1);
    assert_eq!(t.conflicts[0].entry.note, "theirs");
    assert_eq!(lib.get("a").unwrap().unwrap().entry.note, "theirs");
}

#[test]
fn matching_prefers_the_same_numbers_and_names() {
    let (_d, mut lib) = lib();
    let w = |e: Entry| Write {
        entry: e,
        known: None,
    };
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
}

#[test]
fn search_by_words_verdict_claimant_dates_and_language() {
    let (_d, mut lib) = lib();
    let mut a = entry("a", "Unemployment fell to 3.5% in 2019.");
    a.verdict = Some(Verdict::Disputed);
    a.claimant = Some("Jane Doe".into());
    let mut b = entry("b", "Unemployment rose in 2009.");
    b.verdict = Some(Verdict::Verified);
    b.reviewed_at = Some("2025-01-02T00:00:00+00:00".into());
    b.language = Some("fr".into());
    lib.write(vec![
        Write {
            entry: a,
            known: None,
        },
        Write {
            entry: b,
            known: None,
        },
    ])
    .unwrap();
    let keys = |s: Search, lib: &mut Library| -> Vec<String> {
        lib.search(&Search { limit: 50, ..s })
            .unwrap()
            .into_iter()
            .map(|s| s.entry.key)
            .collect()
    };
    assert_eq!(
        keys(
            Search {
                words: "unemployment".into(),
                ..Search::default()
            },
            &mut lib
        ),
        ["a", "b"]
    );
    assert_eq!(
        keys(
            Search {
                words: "unemployment fell".into(),
                ..Search::default()
            },
            &mut lib
        ),
        ["a"]
    );
    assert_eq!(
        keys(
            Search {
                verdict: Some(Verdict::Verified),
                ..Search::default()
            },
            &mut lib
        ),
        ["b"]
    );
    assert_eq!(
        keys(
            Search {
                claimant: Some("doe".into()),
                ..Search::default()
            },
            &mut lib
        ),
        ["a"]
    );
    assert_eq!(
        keys(
            Search {
                from: Some("2026-01-01".into()),
                ..Search::default()
            },
            &mut lib
        ),
        ["a"]
    );
    assert_eq!(
        keys(
            Search {
                to: Some("2025-01-02".into()),
                ..Search::default()
            },
            &mut lib
        ),
        ["b"]
    );
    assert_eq!(
        keys(
            Search {
                language: Some("fr".into()),
                ..Search::default()
            },
            &mut lib
        ),
        ["b"]
    );
}

#[test]
fn a_newer_library_and_a_file_that_is_no_library_are_refused_clearly() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("lib.sqlite");
    drop(Library::open(&Place::File(path.clone())).unwrap());
    {
        let c = rusqlite::Connection::open(&path).unwrap();
        c.execute("UPDATE meta SET value = '99' WHERE name = 'schema'", [])
            .unwrap();
    }
    let e = Library::open(&Place::File(path)).unwrap_err();
    assert!(matches!(e, LibraryError::Newer { found: 99, .. }), "{e}");
    assert!(e.to_string().contains("newer Claimdesk"));

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

#[test]
fn a_session_records_its_reviewed_claims_once() {
    let (_d, mut lib) = lib();
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
