//! Reports in the newsroom's language, through the real binary: a French session reported with
//! the settings file the window writes has no English in it; the language and the audience can
//! be asked for; the window's settings file is read as it is; dates are in the reviewer's time
//! zone.

mod common;

use claimdesk::i18n::Lang;
use claimdesk::review::Verdict;
use common::{SAMPLE, bin, claimdesk, session_of_sample, stderr, stdout};
use std::path::{Path, PathBuf};

fn fr() -> Lang {
    Lang::parse("fr").unwrap()
}

/// The French sample as a session with three claims marked, and the settings file the window
/// writes for a French desk with its own verdict names.
fn french_desk(dir: &Path) -> (PathBuf, PathBuf) {
    let session = session_of_sample(dir);
    let s = session.to_str().unwrap();
    for args in [
        vec![
            "mark",
            s,
            "1",
            "verified",
            "--evidence",
            "https://www.kcna.kp/fr/a/1",
            "--title",
            "KCNA : la limousine",
            "--quote",
            "Les deux dirigeants ont fait un tour à bord de la voiture Aurus.",
            "--reviewer",
            "Camille Martin",
        ],
        vec![
            "mark",
            s,
            "2",
            "disputed",
            "--note",
            "Les images de KCNA sont montées.",
            "--evidence",
            "https://www.lemonde.fr/international/a/2",
            "--refutes",
        ],
        vec!["mark", s, "3", "unsourced"],
    ] {
        stdout(&claimdesk(&args));
    }
    let mut newsroom = claimdesk::ui::Newsroom {
        organisation: "Les Vérificateurs".into(),
        organisation_url: "https://verificateurs.example.org".into(),
        reviewer: "Camille Martin".into(),
        language: "fr".into(),
        theme: claimdesk::ui::Theme::Dark,
        ..Default::default()
    };
    for (i, name) in ["Vrai", "Faux", "Invérifiable", "Pas vu"]
        .iter()
        .enumerate()
    {
        newsroom.verdicts[i].name = name.to_string();
    }
    newsroom.verdicts[1].color = "#c82832".into();
    let settings = dir.join("claimdesk").join("settings.json");
    newsroom.save(&settings).unwrap();
    (session, settings)
}

/// The literal parts of message `id` in `lang` (placeholders filled with 1, then with 7, so
/// that both plural forms show), cut where the placeholders were.
fn fragments(lang: Lang, id: &str, source: &str) -> Vec<String> {
    let mut names: Vec<&str> = source
        .split('$')
        .skip(1)
        .map(|s| {
            let end = s
                .find(|c: char| !(c.is_ascii_alphanumeric() || c == '-' || c == '_'))
                .unwrap_or(s.len());
            &s[..end]
        })
        .collect();
    names.sort();
    names.dedup();
    let mut out = Vec::new();
    for n in ["1", "7"] {
        let args: Vec<(&str, &dyn std::fmt::Display)> = names
            .iter()
            .map(|name| (*name, &n as &dyn std::fmt::Display))
            .collect();
        for piece in lang.format(id, &args).split(n) {
            let piece = piece.trim_matches(|c: char| !c.is_alphanumeric());
            if piece.chars().count() >= 3 && !out.iter().any(|p| p == piece) {
                out.push(piece.to_string());
            }
        }
    }
    out
}

/// The English texts a report can hold: the literal parts of every `report-*` message of
/// en.ftl that the French message does not share ("Note", "Sources" are French too), and the
/// English verdict names.
fn english_texts() -> Vec<String> {
    let en =
        std::fs::read_to_string(Path::new(env!("CARGO_MANIFEST_DIR")).join("assets/i18n/en.ftl"))
            .unwrap();
    // Each message's source: its line and the indented lines under it.
    let mut messages: Vec<(String, String)> = Vec::new();
    for line in en.lines() {
        if line.starts_with([' ', '\t']) {
            if let Some(last) = messages.last_mut() {
                last.1.push_str(line);
            }
        } else if let Some((id, _)) = line.split_once(" =") {
            messages.push((id.to_string(), line.to_string()));
        } else {
            messages.push((String::new(), String::new()));
        }
    }
    let mut texts = Vec::new();
    for (id, source) in &messages {
        let verdict = Verdict::ALL.iter().any(|v| v.message_id() == id);
        // report-url is the window's Settings field, not a report's text.
        if !(id.starts_with("report-") || verdict) || id == "report-url" {
            continue;
        }
        // A message French lacks is shown in English: all its text counts.
        let french = if fr().has(id) {
            fragments(fr(), id, source).join(" | ")
        } else {
            String::new()
        };
        for text in fragments(Lang::EN, id, source) {
            if !contains_word(&french, &text) && !texts.contains(&text) {
                texts.push(text);
            }
        }
    }
    texts
}

/// Whether `text` holds `word` with no letter or digit right before or after it.
fn contains_word(text: &str, word: &str) -> bool {
    text.match_indices(word).any(|(at, _)| {
        let before = text[..at].chars().next_back();
        let after = text[at + word.len()..].chars().next();
        !before.is_some_and(char::is_alphanumeric) && !after.is_some_and(char::is_alphanumeric)
    })
}

/// What people see of an HTML page: its text, without the style sheet or the markup.
fn visible(html: &str) -> String {
    let mut out = String::new();
    let mut rest = html;
    // The style sheet's words are CSS, not text.
    if let (Some(a), Some(b)) = (rest.find("<style>"), rest.find("</style>")) {
        out.push_str(&rest[..a]);
        rest = &rest[b..];
    }
    out.push_str(rest);
    let mut text = String::new();
    let mut in_tag = false;
    for c in out.chars() {
        match c {
            '<' => in_tag = true,
            '>' if in_tag => {
                in_tag = false;
                text.push(' ');
            }
            _ if !in_tag => text.push(c),
            _ => {}
        }
    }
    text
}

/// The English texts found in `report`.
fn english_in(report: &str, english: &[String]) -> Vec<String> {
    english
        .iter()
        .filter(|t| contains_word(report, t))
        .cloned()
        .collect()
}

#[test]
fn a_french_report_with_the_windows_settings_has_no_english_in_it() {
    let dir = tempfile::tempdir().unwrap();
    let (session, settings) = french_desk(dir.path());
    let (s, settings) = (session.to_str().unwrap(), settings.to_str().unwrap());
    let english = english_texts();
    // The check is real: it knows the English headings, labels and names.
    for t in [
        "Fact-check report",
        "Summary",
        "Claims",
        "Reviewed by",
        "Methodology",
        "Verified",
        "Disputed",
        "Unsourced",
        "Unreviewed",
        "claimant",
        "evidence_urls",
    ] {
        assert!(english.iter().any(|e| e == t), "{t} not in {english:?}");
    }
    for (format, audience) in ["md", "html", "csv"]
        .into_iter()
        .flat_map(|f| [(f, "readers"), (f, "desk")])
    {
        let report = stdout(&claimdesk(&[
            "report",
            s,
            "--format",
            format,
            "--audience",
            audience,
            "--settings",
            settings,
        ]));
        let text = if format == "html" {
            visible(&report)
        } else {
            report.clone()
        };
        assert_eq!(
            english_in(&text, &english),
            Vec::<String>::new(),
            "{report}"
        );
        // The newsroom's verdict names, the French defaults for the rest.
        assert!(text.contains("Vrai") && text.contains("Faux"), "{report}");
        assert!(text.contains("Invérifiable"), "{report}");
        // Readers see only the checked claims; the desk sees the others too.
        assert_eq!(text.contains("À vérifier"), audience == "desk", "{report}");
        if format != "csv" {
            assert!(text.contains("Les Vérificateurs"), "{report}");
        }
        // The same report in English has them: the check would see them.
        let report = stdout(&claimdesk(&[
            "report",
            s,
            "--format",
            format,
            "--settings",
            settings,
            "--lang",
            "en",
        ]));
        let text = if format == "html" {
            visible(&report)
        } else {
            report
        };
        let found = english_in(&text, &english);
        assert!(found.len() >= 6, "{format}: {found:?}\n{text}");
    }
    let md = stdout(&claimdesk(&[
        "report",
        s,
        "--format",
        "md",
        "--settings",
        settings,
    ]));
    assert!(md.starts_with("# Rapport de vérification : "), "{md}");
    assert!(
        md.contains("| Vrai | 1 |\n| Faux | 1 |\n| Invérifiable | 1 |"),
        "{md}"
    );
    assert!(md.contains("puis rendu un verdict\u{a0}: Vrai ("), "{md}");
}

#[test]
fn language_and_audience_can_be_asked_for() {
    let dir = tempfile::tempdir().unwrap();
    let (session, settings) = french_desk(dir.path());
    let (s, settings) = (session.to_str().unwrap(), settings.to_str().unwrap());
    let report = |extra: &[&str]| {
        let mut args = vec!["report", s, "--settings", settings];
        args.extend(extra);
        stdout(&claimdesk(&args))
    };
    // English, with the newsroom's names kept.
    let md = report(&["--format", "md", "--lang", "en"]);
    assert!(md.starts_with("# Fact-check report: "), "{md}");
    assert!(md.contains("| Faux | 1 |"), "{md}");
    assert!(!md.contains("Unreviewed"), "{md}");
    // Readers by default for Markdown: no score, position or file; the desk gets them.
    assert!(!md.contains("Score") && !md.contains("Position"), "{md}");
    let desk = report(&["--format", "md", "--lang", "en", "--audience", "desk"]);
    assert!(desk.contains("- **Score:** "), "{desk}");
    assert!(
        desk.contains("- **File:** poutine-kim-limousine.fr.txt"),
        "{desk}"
    );
    // The desk by default for CSV; readers get fewer columns.
    let csv = report(&["--format", "csv"]);
    assert!(csv.starts_with("\u{feff}n°,début,fin,texte,verdict,type,auteur,score"));
    let csv = report(&["--format", "csv", "--audience", "readers"]);
    assert!(
        csv.starts_with("\u{feff}n°,texte,verdict,auteur,note,sources\r\n"),
        "{csv}"
    );
    let json: serde_json::Value =
        serde_json::from_str(&report(&["--format", "json", "--audience", "readers"])).unwrap();
    assert_eq!(json["audience"], "readers");
    assert_eq!(json["claims"][1]["verdict"], "disputed");
    assert_eq!(json["claims"][1]["verdict_label"], "Faux");
    assert!(json["claims"][1].get("score").is_none());
    assert!(json.get("history").is_none());
    let cr = report(&["--format", "claimreview"]);
    assert!(cr.contains("\"alternateName\": \"Faux\""), "{cr}");

    // A language there are no texts for: a usage error that lists those there are.
    let o = claimdesk(&["report", s, "--format", "md", "--lang", "xx"]);
    assert_eq!(o.status.code(), Some(2));
    let err = stderr(&o);
    assert!(err.contains("no texts in “xx”"), "{err}");
    assert!(err.contains("en (English), fr (Français)"), "{err}");
    let o = claimdesk(&["report", s, "--format", "md", "--audience", "public"]);
    assert_eq!(o.status.code(), Some(2));
}

#[test]
fn the_windows_language_is_the_fallback_when_the_article_has_no_texts() {
    let dir = tempfile::tempdir().unwrap();
    let (session, settings) = french_desk(dir.path());
    // An article in a language Claimdesk has no texts for.
    let german = dir.path().join("de.claimdesk.json");
    let mut v: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(&session).unwrap()).unwrap();
    v["review"]["article"]["metadata"]["language"] = "de".into();
    std::fs::write(&german, v.to_string()).unwrap();
    let g = german.to_str().unwrap();
    let md = stdout(&claimdesk(&["report", g, "--format", "md"]));
    assert!(md.starts_with("# Fact-check report: "), "{md}");
    let md = stdout(&claimdesk(&[
        "report",
        g,
        "--format",
        "md",
        "--settings",
        settings.to_str().unwrap(),
    ]));
    assert!(md.starts_with("# Rapport de vérification : "), "{md}");
    // The article's language wins over the window's.
    let mut newsroom = claimdesk::ui::Newsroom::load(&settings).0;
    newsroom.language = "en".into();
    newsroom.save(&settings).unwrap();
    let md = stdout(&claimdesk(&[
        "report",
        session.to_str().unwrap(),
        "--format",
        "md",
        "--settings",
        settings.to_str().unwrap(),
    ]));
    assert!(md.starts_with("# Rapport de vérification : "), "{md}");
}

#[test]
fn a_typo_in_the_windows_settings_file_is_named() {
    let dir = tempfile::tempdir().unwrap();
    let (session, settings) = french_desk(dir.path());
    let mut v: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(&settings).unwrap()).unwrap();
    v["organization"] = "typo".into();
    std::fs::write(&settings, v.to_string()).unwrap();
    let o = claimdesk(&[
        "report",
        session.to_str().unwrap(),
        "--format",
        "md",
        "--settings",
        settings.to_str().unwrap(),
    ]);
    assert_eq!(o.status.code(), Some(1));
    let err = stderr(&o);
    assert!(err.contains("unknown field `organization`"), "{err}");
    assert!(err.contains("theme, language, verdicts, library"), "{err}");
    // The help says where the window keeps its file.
    let help = stdout(&claimdesk(&["report", "--help"]));
    assert!(help.contains("claimdesk/settings.json"), "{help}");
    assert!(help.contains("--lang"), "{help}");
}

#[test]
fn dates_are_in_the_reviewers_time_zone() {
    let dir = tempfile::tempdir().unwrap();
    let session = session_of_sample(dir.path());
    let late = dir.path().join("late.claimdesk.json");
    let mut v: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(&session).unwrap()).unwrap();
    v["review"]["modified"] = "2024-06-21T23:30:00Z".into();
    std::fs::write(&late, v.to_string()).unwrap();
    let date = |tz: &str| {
        let o = bin()
            .env("TZ", tz)
            .args(["report", late.to_str().unwrap(), "--format", "md"])
            .output()
            .unwrap();
        let md = stdout(&o);
        md.lines()
            .find(|l| l.contains("Date de la vérification"))
            .unwrap_or_else(|| panic!("{md}"))
            .to_string()
    };
    assert!(
        date("UTC").ends_with("21 juin 2024 à 23:30"),
        "{}",
        date("UTC")
    );
    if Path::new("/usr/share/zoneinfo/Asia/Tokyo").exists() {
        assert!(
            date("Asia/Tokyo").ends_with("22 juin 2024 à 08:30"),
            "{}",
            date("Asia/Tokyo")
        );
    }
    // The sample is there for `extract`: the session names its file, never its folder.
    assert!(SAMPLE.contains('/'));
    let md = stdout(&claimdesk(&[
        "report",
        late.to_str().unwrap(),
        "--format",
        "md",
        "--audience",
        "desk",
    ]));
    assert!(!md.contains("assets/samples"), "{md}");
}
