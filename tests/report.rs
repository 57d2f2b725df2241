//! Reports on a session built from the bundled sample: golden files for every format, the JSON
//! against its schema, ClaimReview's fields, HTML with no active content (also as a browser
//! renders it), and the CSV read back.

use chrono::{FixedOffset, NaiveDate, TimeZone, Utc};
use claimdesk::article;
use claimdesk::i18n::Lang;
use claimdesk::report::{self, Audience, Format, Options, ReportSettings, Zone};
use claimdesk::review::{Action, Evidence, Review, Stance, Verdict};
use claimdesk::store;
use serde_json::Value;
use std::path::Path;

fn day(d: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(2024, 6, d).unwrap()
}

fn source(url: &str, title: &str, quote: &str, d: u32, stance: Stance) -> Evidence {
    let mut e = Evidence::new(url, day(d)).unwrap();
    e.title = title.into();
    e.quote = quote.into();
    e.stance = stance;
    e
}

/// The French sample, reviewed by two people with fixed dates, saved and loaded back as a
/// session.
fn session() -> Review {
    let r = Review::from_article(article::sample());
    review(
        r,
        FRENCH_SOURCES,
        "Les images de KCNA sont chorégraphiées ;\nrien ne montre qu’ils « riaient » tout le trajet.",
    )
}

/// The sources of the French review's first two claims: (url, title, quote, day, archive).
type Sources = [(
    &'static str,
    &'static str,
    &'static str,
    u32,
    Option<&'static str>,
); 3];

const FRENCH_SOURCES: Sources = [
    (
        "https://www.kcna.kp/fr/article/q/limousine",
        "KCNA : les dirigeants en Aurus",
        "Les deux dirigeants ont fait un tour à bord de la voiture Aurus.",
        20,
        None,
    ),
    (
        "https://apnews.com/article/putin-kim-limousine",
        "AP: Putin and Kim take a limousine ride",
        "Putin and Kim Jong Un took turns driving a Russian-made Aurus limousine.",
        20,
        Some("https://web.archive.org/web/20240620/https://apnews.com/article/putin-kim-limousine"),
    ),
    (
        "https://www.reuters.com/world/asia-pacific/putin-kim/",
        "Reuters: state media images",
        "The footage released by KCNA was edited.",
        21,
        None,
    ),
];

/// An English article, as a reviewer would open it from a file.
const ENGLISH: &str = "City council approves record budget\n\n\
The city council approved a budget of $4.2 billion on Tuesday, the largest in the city's history.\n\n\
Mayor Alan Reed said the plan would cut waiting times at hospitals by 30 percent by 2027.\n\n\
Crime fell by 12 percent last year, according to police figures released in January.\n\n\
Opposition leader Maria Gomez said spending on consultants has doubled since 2020.\n\n\
The new tram line will open in March 2026, the transport authority said on Monday.\n";

const ENGLISH_SOURCES: Sources = [
    (
        "https://council.example.gov/budget-2025",
        "Budget 2025: approved",
        "The council approved a total budget of $4.2 billion.",
        20,
        None,
    ),
    (
        "https://news.example.com/budget-record",
        "A record budget",
        "It is the largest budget the city has ever passed.",
        20,
        Some("https://web.archive.org/web/20240620/https://news.example.com/budget-record"),
    ),
    (
        "https://health.example.org/waiting-times",
        "Waiting times: what the plan says",
        "The plan sets no target for waiting times.",
        21,
        None,
    ),
];

/// The English article, reviewed like the French one.
fn english_session() -> Review {
    let a = article::from_bytes(ENGLISH.as_bytes(), "council-budget.txt").unwrap();
    assert_eq!(a.metadata.language.as_deref(), Some("en"));
    let r = Review::from_article(a);
    assert!(r.claims.len() >= 3, "{:#?}", r.claims);
    review(
        r,
        ENGLISH_SOURCES,
        "The plan sets no target;\nthe mayor's office could not say where 30 percent comes from.",
    )
}

/// Verdicts, sources and a note on the first three claims of `r`, by two reviewers, with fixed
/// dates; saved and loaded back as a session, as the CLI and the app read it.
fn review(mut r: Review, sources: Sources, note: &str) -> Review {
    let ids: Vec<u32> = r.claims.iter().map(|c| c.id).collect();
    let camille = Some("Camille Martin");
    let evidence = |i: usize, stance| {
        let (url, title, quote, d, archive) = sources[i];
        let mut e = source(url, title, quote, d, stance);
        e.archive_url = archive.map(str::to_string);
        e
    };
    let actions = [
        Action::SetVerdict {
            claim: ids[0],
            verdict: Verdict::Verified,
        },
        Action::AddEvidence {
            claim: ids[0],
            index: 0,
            evidence: evidence(0, Stance::Supports),
        },
        Action::AddEvidence {
            claim: ids[0],
            index: 1,
            evidence: evidence(1, Stance::Supports),
        },
        Action::SetVerdict {
            claim: ids[1],
            verdict: Verdict::Disputed,
        },
        Action::SetNote {
            claim: ids[1],
            note: note.into(),
        },
        Action::AddEvidence {
            claim: ids[1],
            index: 0,
            evidence: evidence(2, Stance::Refutes),
        },
        Action::SetVerdict {
            claim: ids[2],
            verdict: Verdict::Unsourced,
        },
    ];
    for (i, a) in actions.into_iter().enumerate() {
        let who = if i < 3 { camille } else { Some("Louis Petit") };
        r.apply_by(a, who).unwrap();
    }
    let t = Utc.with_ymd_and_hms(2024, 6, 21, 9, 30, 0).unwrap();
    r.created = Utc.with_ymd_and_hms(2024, 6, 20, 8, 0, 0).unwrap();
    r.modified = t;
    for h in &mut r.history {
        h.at = t;
    }
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("limousine.claimdesk.json");
    store::save(&r, &path).unwrap();
    store::load(&path).unwrap()
}

fn fr() -> Lang {
    Lang::parse("fr").unwrap()
}

/// The newsroom's settings: a French desk with its own verdict names, an English one with the
/// defaults.
fn settings(r: &Review) -> ReportSettings {
    let lang = report::default_language(r, Lang::EN);
    let mut s = ReportSettings::for_lang(lang);
    if lang == fr() {
        s.organisation = "Les Vérificateurs".into();
        s.organisation_url = "https://verificateurs.example.org/".into();
        s.report_url = "https://verificateurs.example.org/2024/06/limousine".into();
        s.ratings.verified.label = "Vrai".into();
        s.ratings.disputed.label = "Faux".into();
        s.ratings.unsourced.label = "Invérifiable".into();
    } else {
        s.organisation = "The Checkers".into();
        s.organisation_url = "https://checkers.example.org/".into();
        s.report_url = "https://checkers.example.org/2024/06/budget".into();
    }
    s.reviewer = "Camille Martin".into();
    s
}

/// Options in the article's language with a fixed time zone (Paris or London in June), so that
/// golden files come out the same on every computer.
fn options(r: &Review, audience: Audience) -> Options {
    let lang = report::default_language(r, Lang::EN);
    let hours = if lang == fr() { 2 } else { 1 };
    Options {
        lang,
        audience,
        zone: Zone::Fixed(FixedOffset::east_opt(hours * 3600).unwrap()),
        ..Default::default()
    }
}

/// The report in the format's usual audience.
fn render(r: &Review, f: Format) -> String {
    report::render_with(r, f, &settings(r), options(r, Audience::default_for(f)))
}

fn render_for(r: &Review, f: Format, audience: Audience) -> String {
    report::render_with(r, f, &settings(r), options(r, audience))
}

#[test]
fn golden_files_for_every_format_language_and_audience() {
    for (lang, r) in [("fr", session()), ("en", english_session())] {
        for f in Format::ALL {
            let suffix = f.file_suffix().replace('.', "_");
            let readers = render_for(&r, f, Audience::Readers);
            let desk = render_for(&r, f, Audience::Desk);
            if readers == desk {
                insta::assert_snapshot!(format!("{lang}_{suffix}"), desk);
            } else {
                insta::assert_snapshot!(format!("{lang}_readers_{suffix}"), readers);
                insta::assert_snapshot!(format!("{lang}_desk_{suffix}"), desk);
            }
        }
        let mut with_article = options(&r, Audience::Readers);
        with_article.with_article = true;
        insta::assert_snapshot!(
            format!("{lang}_readers_report_with_article_html"),
            report::render_with(&r, Format::Html, &settings(&r), with_article)
        );
    }
}

#[test]
fn reports_are_deterministic() {
    for f in Format::ALL {
        for a in Audience::ALL {
            assert_eq!(
                render_for(&session(), f, a),
                render_for(&session(), f, a),
                "{f:?}"
            );
            assert_eq!(
                render_for(&english_session(), f, a),
                render_for(&english_session(), f, a),
                "{f:?}"
            );
        }
    }
}

/// No report names the folder the article was read from: not in any format, language or
/// audience, not in the HTML with the article.
#[test]
fn no_report_says_where_the_reviewer_keeps_files() {
    for r in [session(), english_session()] {
        let mut r = r;
        r.article.metadata.source_path =
            Some(std::path::PathBuf::from("/home/someone/secret/article.txt"));
        r.article.metadata.source_name = "article.txt".into();
        // A saved page whose own address is a local file, and a hand-edited source.
        r.article.metadata.url = Some("file:///home/someone/secret/page.html".into());
        if let Some(e) = r.claims.iter_mut().find_map(|c| c.evidence.first_mut()) {
            e.url = "/home/someone/secret/notes.txt".into();
        }
        for lang in Lang::all() {
            for f in Format::ALL {
                for audience in Audience::ALL {
                    for with_article in [false, true] {
                        let options = Options {
                            lang,
                            audience,
                            with_article,
                            ..Default::default()
                        };
                        let out = report::render_with(&r, f, &settings(&r), options);
                        for secret in ["/home/someone", "secret", "file:"] {
                            assert!(
                                !out.contains(secret),
                                "{secret} in {f:?} {audience:?} {}:\n{out}",
                                lang.code()
                            );
                        }
                        if audience == Audience::Desk
                            && matches!(f, Format::Markdown | Format::Html | Format::Json)
                        {
                            assert!(out.contains("article.txt"), "{f:?} names the file");
                        }
                    }
                }
            }
        }
    }
}

/// A small JSON Schema checker: type, enum, required, properties, additionalProperties: false,
/// items, minimum/maximum and local $ref — the keywords schemas/report.schema.json uses.
fn check(schema: &Value, root: &Value, v: &Value, at: &str, errors: &mut Vec<String>) {
    if let Some(r) = schema.get("$ref").and_then(Value::as_str) {
        let target = r
            .strip_prefix("#/")
            .unwrap()
            .split('/')
            .fold(root, |s, k| &s[k]);
        assert!(!target.is_null(), "unresolved {r}");
        return check(target, root, v, at, errors);
    }
    if let Some(t) = schema.get("type") {
        let types: Vec<&str> = match t {
            Value::String(s) => vec![s.as_str()],
            Value::Array(a) => a.iter().filter_map(Value::as_str).collect(),
            _ => panic!("bad type in schema at {at}"),
        };
        let ok = types.iter().any(|t| match *t {
            "object" => v.is_object(),
            "array" => v.is_array(),
            "string" => v.is_string(),
            "integer" => v.is_u64() || v.is_i64(),
            "number" => v.is_number(),
            "boolean" => v.is_boolean(),
            "null" => v.is_null(),
            other => panic!("unknown type {other}"),
        });
        if !ok {
            errors.push(format!("{at}: {v} is not {types:?}"));
            return;
        }
    }
    if let Some(e) = schema.get("enum").and_then(Value::as_array)
        && !e.contains(v)
    {
        errors.push(format!("{at}: {v} not in {e:?}"));
    }
    if let (Some(min), Some(n)) = (schema.get("minimum").and_then(Value::as_f64), v.as_f64())
        && n < min
    {
        errors.push(format!("{at}: {n} < {min}"));
    }
    if let (Some(max), Some(n)) = (schema.get("maximum").and_then(Value::as_f64), v.as_f64())
        && n > max
    {
        errors.push(format!("{at}: {n} > {max}"));
    }
    if let Some(obj) = v.as_object() {
        for req in schema
            .get("required")
            .and_then(Value::as_array)
            .into_iter()
            .flatten()
        {
            if !obj.contains_key(req.as_str().unwrap()) {
                errors.push(format!("{at}: missing {req}"));
            }
        }
        let props = schema.get("properties").and_then(Value::as_object);
        for (k, val) in obj {
            match props.and_then(|p| p.get(k)) {
                Some(s) => check(s, root, val, &format!("{at}.{k}"), errors),
                None if schema.get("additionalProperties") == Some(&Value::Bool(false)) => {
                    errors.push(format!("{at}: unexpected field {k}"))
                }
                None => {}
            }
        }
    }
    if let (Some(items), Some(arr)) = (schema.get("items"), v.as_array()) {
        for (i, item) in arr.iter().enumerate() {
            check(items, root, item, &format!("{at}[{i}]"), errors);
        }
    }
}

fn schema_errors(v: &Value) -> Vec<String> {
    let schema: Value = serde_json::from_str(
        &std::fs::read_to_string(
            Path::new(env!("CARGO_MANIFEST_DIR")).join("schemas/report.schema.json"),
        )
        .unwrap(),
    )
    .unwrap();
    let mut errors = Vec::new();
    check(&schema, &schema, v, "$", &mut errors);
    errors
}

#[test]
fn json_report_follows_its_schema() {
    for r in [session(), english_session()] {
        for a in Audience::ALL {
            let v: Value = serde_json::from_str(&render_for(&r, Format::Json, a)).unwrap();
            assert_eq!(schema_errors(&v), Vec::<String>::new(), "{a:?}");
        }
    }
    let r = session();
    let v: Value = serde_json::from_str(&render(&r, Format::Json)).unwrap();
    assert_eq!(v["language"], "fr");
    assert_eq!(v["claims"][1]["verdict"], "disputed");
    assert_eq!(v["claims"][1]["verdict_label"], "Faux");
    assert_eq!(
        v["claims"][0]["evidence"][1]["archive_url"],
        "https://web.archive.org/web/20240620/https://apnews.com/article/putin-kim-limousine"
    );
    assert_eq!(
        v["reviewers"],
        serde_json::json!(["Camille Martin", "Louis Petit"])
    );
    // The checker itself catches what the schema forbids.
    let mut bad = v.clone();
    bad["claims"][0]["verdict"] = "maybe".into();
    bad["claims"][1].as_object_mut().unwrap().remove("text");
    bad["counts"]["extra"] = 1.into();
    bad["claims"][2]["evidence"] = serde_json::json!([{"url": 3}]);
    let errors = schema_errors(&bad);
    assert!(
        errors.iter().any(|e| e.contains("$.claims[0].verdict")),
        "{errors:?}"
    );
    assert!(
        errors
            .iter()
            .any(|e| e.contains("$.claims[1]: missing \"text\"")),
        "{errors:?}"
    );
    assert!(
        errors.iter().any(|e| e.contains("unexpected field extra")),
        "{errors:?}"
    );
    assert!(
        errors
            .iter()
            .any(|e| e.contains("$.claims[2].evidence[0]: missing \"accessed\"")),
        "{errors:?}"
    );
}

#[test]
fn claimreview_has_the_required_and_recommended_fields() {
    let r = session();
    let v: Value = serde_json::from_str(&render(&r, Format::ClaimReview)).unwrap();
    let reviews = v.as_array().unwrap();
    let reviewed: Vec<_> = r
        .claims
        .iter()
        .filter(|c| c.verdict != Verdict::Unreviewed)
        .collect();
    assert_eq!(reviews.len(), reviewed.len());
    for (c, cr) in reviewed.iter().zip(reviews) {
        assert_eq!(cr["@context"], "https://schema.org");
        assert_eq!(cr["@type"], "ClaimReview");
        let text = cr["claimReviewed"].as_str().unwrap();
        assert!(text.chars().count() <= 75, "{text}");
        if c.text().chars().count() > 75 {
            assert!(text.ends_with('…'));
            assert!(c.text().starts_with(text.trim_end_matches('…')));
        }
        assert_eq!(
            cr["url"],
            format!(
                "https://verificateurs.example.org/2024/06/limousine#claim-{}",
                c.id
            )
        );
        assert_eq!(cr["datePublished"], "2024-06-21");
        assert_eq!(cr["author"]["@type"], "Organization");
        assert_eq!(cr["author"]["name"], "Les Vérificateurs");
        assert_eq!(cr["author"]["url"], "https://verificateurs.example.org/");
        let rating = &cr["reviewRating"];
        assert_eq!(rating["@type"], "Rating");
        let label = rating["alternateName"].as_str().unwrap();
        assert_eq!(label, settings(&r).verdict_label(c.verdict));
        let (value, best, worst) = (
            rating["ratingValue"].as_u64().unwrap(),
            rating["bestRating"].as_u64().unwrap(),
            rating["worstRating"].as_u64().unwrap(),
        );
        assert!(worst <= value && value <= best);
        let item = &cr["itemReviewed"];
        assert_eq!(item["@type"], "Claim");
        match &c.claimant {
            Some(who) => assert_eq!(item["author"]["name"], who.as_str()),
            None => assert!(item.get("author").is_none()),
        }
        assert_eq!(item["appearance"]["headline"], r.article.display_title());
    }
    assert_eq!(reviews[0]["reviewRating"]["alternateName"], "Vrai");
    assert_eq!(reviews[1]["reviewRating"]["ratingValue"], 1);
    // The page carries the same markup.
    let page = render(&r, Format::ClaimReviewPage);
    let start = page.find("<script type=\"application/ld+json\">").unwrap() + 35;
    let end = page[start..].find("</script>").unwrap() + start;
    let in_page: Value = serde_json::from_str(&page[start..end]).unwrap();
    assert_eq!(in_page, v);
}

#[test]
fn csv_reads_back_with_the_csv_crate() {
    let r = session();
    let csv = render(&r, Format::Csv);
    let body = csv.strip_prefix('\u{feff}').expect("UTF-8 BOM");
    let mut reader = csv::Reader::from_reader(body.as_bytes());
    assert_eq!(
        reader.headers().unwrap().iter().collect::<Vec<_>>(),
        [
            "n°", "début", "fin", "texte", "verdict", "type", "auteur", "score", "note", "sources"
        ]
    );
    let rows: Vec<csv::StringRecord> = reader.records().map(|r| r.unwrap()).collect();
    assert_eq!(rows.len(), r.claims.len());
    for (c, row) in r.claims.iter().zip(&rows) {
        assert_eq!(&row[3], c.text());
        assert_eq!(&row[8], c.note);
        let urls: Vec<&str> = c.evidence.iter().map(|e| e.url.as_str()).collect();
        assert_eq!(&row[9], urls.join("\n"));
    }
}

/// A session whose article, notes and evidence try to inject markup and scripts.
fn hostile() -> Review {
    // Built by hand: the article cleaner would drop some of these lines as page furniture.
    let paragraphs = [
        "Attaque <script>alert('title')</script>",
        "Le maire a dit que 40 % des routes <script>alert('article')</script> sont en mauvais état en 2023.",
        "Selon le rapport <img src=x onerror=alert(1)> publié en 2022, le budget a doublé en deux ans.",
        "Le ministre affirme que <a href=\"javascript:alert(2)\">12 millions</a> d’euros ont été dépensés en 2021.",
    ];
    let text = paragraphs.join("\n\n");
    let mut blocks = Vec::new();
    let mut at = 0;
    for (i, p) in paragraphs.iter().enumerate() {
        blocks.push(article::Block {
            kind: if i == 0 {
                article::BlockKind::Title
            } else {
                article::BlockKind::Paragraph
            },
            start: at,
            end: at + p.len(),
        });
        at += p.len() + 2;
    }
    let a = article::Article {
        text,
        blocks,
        metadata: article::Metadata {
            title: Some(paragraphs[0].into()),
            url: Some("javascript:alert(0)".into()),
            site_name: Some("<iframe src=x>".into()),
            language: Some("fr\"><script>".into()),
            source_name: "attaque<script>.txt".into(),
            format: "txt".into(),
            ..Default::default()
        },
        boilerplate: Vec::new(),
    };
    let mut r = Review::from_article(a);
    assert!(!r.claims.is_empty(), "{:#?}", r.claims);
    let id = r.claims[0].id;
    r.apply(Action::SetVerdict {
        claim: id,
        verdict: Verdict::Disputed,
    })
    .unwrap();
    r.apply(Action::SetNote {
        claim: id,
        note:
            "<script>alert('note')</script> <img src=x onerror=alert(3)> [x](javascript:alert(4))"
                .into(),
    })
    .unwrap();
    // As a hand-edited session could hold them: not checked on the way in.
    let evil = Evidence {
        url: "javascript:alert(5)".into(),
        title: "<img src=x onerror=alert(6)>".into(),
        quote: "</blockquote><script>alert(7)</script>".into(),
        accessed: day(1),
        archive_url: Some("data:text/html,<script>alert(8)</script>".into()),
        stance: Stance::Refutes,
    };
    r.apply(Action::AddEvidence {
        claim: id,
        index: 0,
        evidence: evil,
    })
    .unwrap();
    let last = r.claims.len() - 1;
    r.claims[last].claimant = Some("<b onmouseover=alert(9)>X</b>".into());
    r
}

/// Every element and attribute of an HTML document that could run code or fetch something.
fn active_content(html: &str) -> Vec<String> {
    let doc = dom_query::Document::from(html);
    let mut found = Vec::new();
    for node in doc.select("*").nodes() {
        let name = node.node_name().map(|n| n.to_string()).unwrap_or_default();
        if matches!(
            name.as_str(),
            "script"
                | "img"
                | "iframe"
                | "object"
                | "embed"
                | "svg"
                | "form"
                | "input"
                | "base"
                | "link"
                | "video"
                | "audio"
        ) {
            found.push(format!("<{name}>"));
        }
        for a in node.attrs() {
            let attr = a.name.local.to_string();
            let value = a.value.to_string();
            if attr.starts_with("on") || attr == "src" || attr == "srcdoc" {
                found.push(format!("{name} {attr}={value}"));
            }
            if attr == "href"
                && !(value.starts_with('#')
                    || value.starts_with("https://")
                    || value.starts_with("http://"))
            {
                found.push(format!("{name} href={value}"));
            }
        }
    }
    found
}

#[test]
fn html_escapes_everything_from_the_article_and_the_reviewer() {
    let r = hostile();
    let html = report::render_with(
        &r,
        Format::Html,
        &ReportSettings::default(),
        Options {
            with_article: true,
            ..Default::default()
        },
    );
    assert_eq!(active_content(&html), Vec::<String>::new());
    // The text is there, as text.
    assert!(html.contains("&lt;script&gt;alert(&#39;article&#39;)&lt;/script&gt;"));
    assert!(html.contains("&lt;img src=x onerror=alert(6)&gt;"));
    assert!(html.contains("(javascript:alert(5))"));
    // The page asks the browser to load nothing and run nothing.
    assert!(html.contains("default-src 'none'"));
    let page = report::render_with(
        &r,
        Format::ClaimReviewPage,
        &ReportSettings::default(),
        Options::default(),
    );
    let outside_data: String = page.split("</script>").skip(1).collect();
    assert_eq!(active_content(&outside_data), Vec::<String>::new());
    // The checker catches what it should.
    assert_eq!(
        active_content("<p><img src=x onerror=y><a href=\"javascript:z\">a</a></p>").len(),
        4
    );
}

/// Strings a hand-edited session or a settings file could hold, each aimed at one format: raw
/// HTML, a link, a table cell, a spreadsheet formula, a heading or list on a new line, quotes.
const HOSTILE: [&str; 12] = [
    "<script>alert(1)</script>",
    "](javascript:alert(1))",
    "[x](javascript:alert(2)) ![i](javascript:alert(3))",
    "| pipe | cell |",
    "=cmd|' /C calc'!A0",
    "ok\n# heading",
    "line\n===\n---\n- item\r+ other\r\n1. first",
    "\"quote\" 'single'",
    "<img src=x onerror=alert(4)> &lt;b&gt; `code` *em*",
    "\u{202e}=1+1",
    "@SUM(A1)",
    "</blockquote><script>alert(5)</script>",
];

/// A session in which every string that reaches a report holds `evil`, loaded back from its JSON
/// as a hand-edited file would be, and settings holding it too.
fn poisoned(evil: &str, with_path: bool) -> (Review, ReportSettings) {
    let paragraphs = [
        format!("Titre {evil}"),
        format!("Le maire a dit que 40 % des routes {evil} sont en mauvais état en 2023."),
        format!("Selon le rapport {evil} publié en 2022, le budget a doublé en deux ans."),
    ];
    let text = paragraphs.join("\n\n");
    let mut blocks = Vec::new();
    let mut at = 0;
    for (i, p) in paragraphs.iter().enumerate() {
        let kind = if i == 0 {
            article::BlockKind::Title
        } else {
            article::BlockKind::Paragraph
        };
        blocks.push(article::Block {
            kind,
            start: at,
            end: at + p.len(),
        });
        at += p.len() + 2;
    }
    let s = || Some(evil.to_string());
    let a = article::Article {
        text,
        blocks,
        metadata: article::Metadata {
            title: s(),
            byline: s(),
            published: s(),
            site_name: s(),
            url: s(),
            language: s(),
            source_path: with_path.then(|| std::path::PathBuf::from(format!("/tmp/{evil}.txt"))),
            source_name: evil.into(),
            format: evil.into(),
            encoding: evil.into(),
            ..Default::default()
        },
        boilerplate: vec![evil.into()],
    };
    let mut r = Review::from_article(a);
    assert!(!r.claims.is_empty(), "{evil:?}");
    let ids: Vec<u32> = r.claims.iter().map(|c| c.id).collect();
    for (i, id) in ids.iter().enumerate() {
        let verdict = [Verdict::Disputed, Verdict::Verified, Verdict::Unsourced][i % 3];
        r.apply_by(
            Action::SetVerdict {
                claim: *id,
                verdict,
            },
            Some(evil),
        )
        .unwrap();
    }
    for c in &mut r.claims {
        c.kind = evil.into();
        c.kind_reason = evil.into();
        c.claimant = s();
        c.note = evil.into();
        c.reasons = vec![evil.into(), evil.into()];
        c.previous = s();
        c.evidence = vec![
            Evidence {
                url: evil.into(),
                title: evil.into(),
                quote: evil.into(),
                accessed: day(1),
                archive_url: s(),
                stance: Stance::Refutes,
            },
            Evidence {
                url: format!("https://example.org/?q={evil}"),
                title: evil.into(),
                quote: evil.into(),
                accessed: day(2),
                archive_url: Some(format!("https://web.archive.org/{evil}")),
                stance: Stance::Supports,
            },
        ];
    }
    let json = store::to_json(&r);
    let r = store::from_json(json.as_bytes(), "poisoned.claimdesk.json").unwrap();
    let rating = |value| report::Rating {
        label: evil.into(),
        value: Some(value),
    };
    let settings = ReportSettings {
        organisation: evil.into(),
        organisation_url: evil.into(),
        report_url: evil.into(),
        reviewer: evil.into(),
        methodology: evil.into(),
        corrections_policy: evil.into(),
        ratings: report::Ratings {
            verified: rating(3),
            disputed: rating(1),
            unsourced: rating(2),
            best: 3,
            worst: 1,
        },
    };
    (r, settings)
}

/// Whitespace squashed to single spaces, as one-line fields show text.
fn squash(s: &str) -> String {
    s.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// The file name a report gives for `poisoned(evil, with_path)`: the last part of the path, or
/// of the name.
fn file_name(evil: &str, with_path: bool) -> String {
    if with_path {
        let path = std::path::PathBuf::from(format!("/tmp/{evil}.txt"));
        path.file_name().unwrap().to_string_lossy().into_owned()
    } else {
        evil.rsplit(['/', '\\']).next().unwrap().to_string()
    }
}

/// The Markdown as a renderer reads it (CommonMark with tables, strikethrough and footnotes): no
/// raw HTML, links to web addresses only, only the report's own headings and table, and the
/// text of every event joined.
fn markdown_structure(md: &str) -> (Vec<String>, usize, String) {
    use pulldown_cmark::{Event, Options as MdOptions, Parser, Tag, TagEnd};
    let options = MdOptions::ENABLE_TABLES
        | MdOptions::ENABLE_STRIKETHROUGH
        | MdOptions::ENABLE_FOOTNOTES
        | MdOptions::ENABLE_TASKLISTS;
    let mut headings = Vec::new();
    let mut tables = 0;
    let mut text = String::new();
    let mut heading: Option<String> = None;
    for ev in Parser::new_ext(md, options) {
        match ev {
            Event::Html(h) | Event::InlineHtml(h) => panic!("raw HTML in the Markdown: {h}\n{md}"),
            Event::Start(Tag::Link { dest_url, .. } | Tag::Image { dest_url, .. }) => {
                assert!(dest_url.starts_with("https://"), "{dest_url}\n{md}");
            }
            Event::Start(Tag::Heading { .. }) => heading = Some(String::new()),
            Event::End(TagEnd::Heading(_)) => headings.extend(heading.take()),
            Event::Start(Tag::Table(_)) => tables += 1,
            Event::Start(Tag::Strikethrough | Tag::FootnoteDefinition(_)) => {
                panic!("markup from the session: {ev:?}\n{md}")
            }
            Event::Text(t) | Event::Code(t) => {
                if let Some(h) = &mut heading {
                    h.push_str(&t);
                }
                text.push_str(&t);
            }
            Event::SoftBreak | Event::HardBreak => text.push(' '),
            _ => {}
        }
    }
    (headings, tables, text)
}

/// Whether `cell` would run as a formula: it starts with = + - @ tab or CR, once any spaces and
/// invisible characters before it are skipped.
fn formula_like(cell: &str) -> bool {
    let visible = cell.trim_start_matches(|c: char| {
        (c.is_whitespace() && c != '\t' && c != '\r')
            || matches!(c, '\u{200b}'..='\u{200f}' | '\u{202a}'..='\u{202e}' | '\u{2060}'..='\u{2064}' | '\u{2066}'..='\u{2069}' | '\u{feff}' | '\u{061c}')
    });
    visible.starts_with(['=', '+', '-', '@', '\t', '\r'])
}

#[test]
fn every_string_from_a_session_is_escaped_in_every_format() {
    for (i, evil) in HOSTILE.iter().enumerate() {
        let (r, settings) = poisoned(evil, i % 2 == 1);
        let squashed = squash(evil);
        let render = |f, with_article| {
            let options = Options {
                with_article,
                ..Default::default()
            };
            report::render_with(&r, f, &settings, options)
        };
        let verdict = |v| squash(&settings.verdict_name(v, Lang::EN));

        // Markdown: the report's own headings and summary table, nothing more; the text is
        // there as typed.
        let md = render(Format::Markdown, false);
        let (headings, tables, text) = markdown_structure(&md);
        let mut expected = vec![
            format!("Fact-check report: {squashed}"),
            "Summary".to_string(),
            "Claims".to_string(),
        ];
        for c in &r.claims {
            expected.push(format!("Claim {} — {}", c.id, verdict(c.verdict)));
        }
        expected.extend(["Methodology".to_string(), "Corrections".to_string()]);
        assert_eq!(headings, expected, "{evil:?}\n{md}");
        assert_eq!(tables, 1, "{evil:?}\n{md}");
        if !evil.contains(['\n', '\r']) {
            // The file's name, never its folder.
            let file = squash(&file_name(evil, i % 2 == 1));
            assert!(text.contains(&format!("File: {file}")), "{text}");
            assert!(!text.contains("/tmp/"), "{text}");
            for label in ["Language:", "Type:", "Claimant:", "Note:", "Outlet:"] {
                assert!(
                    text.contains(&format!("{label} {squashed}")),
                    "{label} {evil:?}\n{text}"
                );
            }
        }

        // HTML, and the ClaimReview page outside its JSON-LD: no active content.
        let html = render(Format::Html, true);
        assert_eq!(active_content(&html), Vec::<String>::new(), "{evil:?}");
        assert!(!html.to_lowercase().contains("<script"), "{evil:?}");
        let page = render(Format::ClaimReviewPage, false);
        assert_eq!(page.matches("<script").count(), 1, "{evil:?}\n{page}");
        let (head, rest) = page
            .split_once("<script type=\"application/ld+json\">")
            .unwrap();
        let (data, tail) = rest.split_once("</script>").unwrap();
        assert_eq!(
            active_content(&(head.to_string() + tail)),
            Vec::<String>::new()
        );
        let from_page: Value = serde_json::from_str(data).unwrap();
        assert_eq!(from_page[0]["reviewRating"]["alternateName"], *evil);

        // CSV: no cell a spreadsheet would run; each reads back as written, but for the
        // apostrophe put before a formula.
        let csv = render(Format::Csv, false);
        let body = csv.strip_prefix('\u{feff}').unwrap();
        let rows: Vec<csv::StringRecord> = csv::Reader::from_reader(body.as_bytes())
            .records()
            .map(|r| r.unwrap())
            .collect();
        assert_eq!(rows.len(), r.claims.len());
        for (c, row) in r.claims.iter().zip(&rows) {
            for cell in row.iter() {
                assert!(!formula_like(cell), "{cell:?} in {row:?}");
            }
            for (col, value) in [(5, &c.kind), (8, &c.note), (6, &evil.to_string())] {
                let cell = &row[col];
                assert_eq!(
                    cell.strip_prefix('\'')
                        .filter(|_| formula_like(value))
                        .unwrap_or(cell),
                    value
                );
            }
        }

        // JSON, ClaimReview and annotations: valid JSON whose values are the strings given.
        let json: Value = serde_json::from_str(&render(Format::Json, false)).unwrap();
        for key in [
            "title",
            "source",
            "url",
            "language",
            "format",
            "site_name",
            "byline",
            "published",
        ] {
            if key == "source" {
                assert_eq!(json["article"][key], file_name(evil, i % 2 == 1));
            } else {
                assert_eq!(json["article"][key], *evil, "{key}");
            }
        }
        for (key, v) in [
            ("organisation", &json["publisher"]["organisation"]),
            ("methodology", &json["methodology"]),
        ] {
            assert_eq!(v, *evil, "{key}");
        }
        for c in json["claims"].as_array().unwrap() {
            for key in ["kind", "kind_reason", "claimant", "note", "previous"] {
                assert_eq!(c[key], *evil, "{key}");
            }
            assert_eq!(c["reasons"][0], *evil);
            for key in ["url", "title", "quote", "archive_url"] {
                assert_eq!(c["evidence"][0][key], *evil, "{key}");
            }
        }
        assert!(
            json["history"]
                .as_array()
                .unwrap()
                .iter()
                .all(|h| h["reviewer"] == *evil)
        );
        let cr: Value = serde_json::from_str(&render(Format::ClaimReview, false)).unwrap();
        assert_eq!(cr.as_array().unwrap().len(), r.claims.len());
        for item in cr.as_array().unwrap() {
            assert_eq!(item["reviewRating"]["alternateName"], *evil);
            assert_eq!(item["author"]["name"], squashed);
            assert_eq!(item["itemReviewed"]["author"]["name"], squashed);
            assert_eq!(item["itemReviewed"]["appearance"]["headline"], squashed);
            assert!(item.get("url").is_none(), "not a web address: no url");
        }
        let ann: Value = serde_json::from_str(&render(Format::Annotations, false)).unwrap();
        assert_eq!(ann["label"], format!("Claims in {evil}"));
        for a in ann["first"]["items"].as_array().unwrap() {
            assert_eq!(a["body"][0]["value"], *evil);
            assert_eq!(a["body"][2]["value"], *evil);
            assert_eq!(a["creator"]["name"], squashed);
        }
    }
}

/// `chromium --headless --dump-dom`: the DOM a real browser builds from the report.
fn chromium_dom(file: &Path) -> Option<String> {
    let profile = tempfile::tempdir().ok()?;
    for bin in ["chromium", "chromium-browser", "google-chrome"] {
        let out = std::process::Command::new(bin)
            .args([
                "--headless",
                "--no-sandbox",
                "--disable-gpu",
                "--no-first-run",
                "--disable-extensions",
                "--disable-background-networking",
            ])
            .arg(format!("--user-data-dir={}", profile.path().display()))
            .arg("--dump-dom")
            .arg(file)
            .output();
        match out {
            Ok(o) if o.status.success() && !o.stdout.is_empty() => {
                return Some(String::from_utf8_lossy(&o.stdout).into_owned());
            }
            Ok(o) => eprintln!("{bin} failed: {}", String::from_utf8_lossy(&o.stderr)),
            Err(_) => {}
        }
    }
    None
}

#[test]
fn html_report_renders_in_headless_chromium() {
    let dir = tempfile::tempdir().unwrap();
    let r = session();
    let path = dir.path().join("report.html");
    let mut with_article = options(&r, Audience::Desk);
    with_article.with_article = true;
    let html = report::render_with(&r, Format::Html, &settings(&r), with_article);
    std::fs::write(&path, &html).unwrap();
    let Some(dom) = chromium_dom(&path) else {
        eprintln!(
            "SKIPPED: chromium is not installed (apt-get install chromium); .ci/run installs it"
        );
        return;
    };
    let doc = dom_query::Document::from(dom.as_str());
    let claims = doc.select("article.claim");
    assert_eq!(claims.length(), r.claims.len());
    for c in &r.claims {
        let sel = doc.select(&format!("#claim-{} > blockquote", c.id));
        assert_eq!(sel.text().to_string(), c.text());
    }
    assert_eq!(doc.select("mark").length(), r.claims.len());
    assert_eq!(doc.select("#claims .badge.v-verified").length(), 1);

    // The hostile report: the browser builds no script, image or handler from it.
    let hostile_path = dir.path().join("hostile.html");
    let hr = hostile();
    std::fs::write(
        &hostile_path,
        report::render_with(
            &hr,
            Format::Html,
            &ReportSettings::default(),
            Options {
                with_article: true,
                ..Default::default()
            },
        ),
    )
    .unwrap();
    let dom = chromium_dom(&hostile_path).expect("chromium ran once already");
    assert_eq!(active_content(&dom), Vec::<String>::new());
    assert!(
        dom.contains("&lt;script&gt;alert('article')&lt;/script&gt;"),
        "{dom}"
    );
    assert_eq!(
        dom_query::Document::from(dom.as_str())
            .select("article.claim")
            .length(),
        hr.claims.len()
    );
}
