//! `claimdesk library import|export|search` and `claimdesk match`: the claim library from the
//! command line, and the recording of `claimdesk mark`'s verdicts in it.

use super::{CliError, StdinLines, write_out, written};
use crate::i18n::Lang;
use crate::library::{self, Library, LibraryError, Place, Search, Stored};
use crate::report::{Ratings, ReportSettings, SettingsFile};
use crate::review::{Review, Verdict};
use clap::{Subcommand, ValueEnum};
use serde_json::json;
use std::io::Write;
use std::path::{Path, PathBuf};

/// What `--library` says when recording is off.
pub const OFF: &str = "off";

#[derive(Subcommand, Debug)]
pub enum LibraryCommand {
    /// Add published fact-checks (schema.org ClaimReview JSON-LD: one object, an array, an
    /// @graph, a web page's ld+json blocks, one object per line) and Claimdesk sessions
    /// (folders are read recursively). Prints how many reviews were added, updated and rejected.
    Import {
        /// Files or folders.
        #[arg(required = true)]
        paths: Vec<PathBuf>,
        /// The library: a file (SQLite) or a postgres:// URL. Default: CLAIMDESK_LIBRARY, else
        /// library.sqlite in the user's data folder.
        #[arg(long, value_name = "FILE|URL")]
        library: Option<String>,
        /// The newsroom's settings (verdict names) for the sessions imported.
        #[arg(long)]
        settings: Option<PathBuf>,
    },
    /// Print the whole library.
    Export {
        #[arg(long, value_enum, default_value_t = ExportFormat::Jsonl)]
        format: ExportFormat,
        #[arg(long, value_name = "FILE|URL")]
        library: Option<String>,
    },
    /// Search the library: one JSON line per review, most recent first.
    Search {
        /// Words that must all be in the claim or title.
        #[arg(default_value = "")]
        words: String,
        #[arg(long, value_enum)]
        verdict: Option<super::VerdictArg>,
        /// Part of the claimant's name.
        #[arg(long)]
        claimant: Option<String>,
        /// Reviewed on or after this day (YYYY-MM-DD).
        #[arg(long)]
        from: Option<String>,
        /// Reviewed on or before this day (YYYY-MM-DD).
        #[arg(long)]
        to: Option<String>,
        /// Language code (en, fr).
        #[arg(long)]
        lang: Option<String>,
        #[arg(long, default_value_t = 50)]
        limit: usize,
        #[arg(long, value_name = "FILE|URL")]
        library: Option<String>,
    },
}

#[derive(ValueEnum, Clone, Copy, Debug, PartialEq, Eq)]
pub enum ExportFormat {
    /// A JSON array of schema.org ClaimReview objects (importable again).
    Claimreview,
    Csv,
    /// One JSON object per review.
    Jsonl,
}

/// The library named by `--library`, else by `CLAIMDESK_LIBRARY`, else the default file; None
/// when it is `off`.
pub fn place(given: Option<&str>) -> Result<Option<Place>, CliError> {
    let spec = given
        .map(str::to_string)
        .or_else(|| std::env::var(library::LIBRARY_ENV).ok())
        .filter(|s| !s.trim().is_empty());
    match spec {
        Some(s) if s.trim().eq_ignore_ascii_case(OFF) => Ok(None),
        Some(s) => Ok(Some(Place::parse(&s))),
        None => library::default_file().map(Place::File).map(Some).ok_or_else(|| {
            CliError::Input(
                "this system gives no data folder for the claim library: name one with --library FILE or CLAIMDESK_LIBRARY".into(),
            )
        }),
    }
}

fn open(given: Option<&str>) -> Result<Library, CliError> {
    match place(given)? {
        Some(p) => Library::open(&p).map_err(library_error),
        None => Err(CliError::Input(
            "the claim library is off (--library off or CLAIMDESK_LIBRARY=off): name a library to use".into(),
        )),
    }
}

/// `open` for a command that only reads: a library file that is not there is an error (a
/// mistyped path), not a new empty library.
fn open_existing(given: Option<&str>) -> Result<Library, CliError> {
    if let Some(Place::File(path)) = place(given)?
        && !path.exists()
    {
        return Err(CliError::Input(format!(
            "there is no claim library at {}: check the path, or fill one with `claimdesk library import`",
            path.display()
        )));
    }
    open(given)
}

pub fn library_error(e: LibraryError) -> CliError {
    CliError::Input(e.to_string())
}

pub fn run(cmd: LibraryCommand, out: &mut impl Write) -> Result<(), CliError> {
    match cmd {
        LibraryCommand::Import {
            paths,
            library,
            settings,
        } => {
            let ratings = ratings(settings.as_deref())?;
            let mut lib = open(library.as_deref())?;
            let tally =
                library::import(&mut lib, &paths, ratings.as_ref()).map_err(library_error)?;
            for (at, why) in &tally.rejected {
                eprintln!("rejected: {at}: {why}");
            }
            for c in &tally.conflicts {
                eprintln!(
                    "not replaced: {} (changed in the library since: version {})",
                    c.entry.key, c.version
                );
            }
            write_out(
                out,
                &format!(
                    "{} added, {} updated, {} unchanged, {} rejected ({})\n",
                    tally.added,
                    tally.updated,
                    tally.unchanged,
                    tally.rejected.len(),
                    lib.place().shown()
                ),
            )
        }
        LibraryCommand::Export { format, library } => {
            let mut lib = open_existing(library.as_deref())?;
            export(&mut lib, format, out)
        }
        LibraryCommand::Search {
            words,
            verdict,
            claimant,
            from,
            to,
            lang,
            limit,
            library,
        } => {
            for day in [&from, &to].into_iter().flatten() {
                if chrono::NaiveDate::parse_from_str(day.trim(), "%Y-%m-%d").is_err() {
                    return Err(CliError::Input(format!(
                        "--from and --to take a day as YYYY-MM-DD (2026-03-12), not {day:?}"
                    )));
                }
            }
            let mut lib = open_existing(library.as_deref())?;
            let found = lib
                .search(&Search {
                    words,
                    verdict: verdict.map(Verdict::from),
                    claimant,
                    from,
                    to,
                    language: lang,
                    limit,
                })
                .map_err(library_error)?;
            for s in found {
                let line = serde_json::to_string(&s).unwrap_or_default();
                write_out(out, &(line + "\n"))?;
            }
            Ok(())
        }
    }
}

/// The verdict names of `--settings`; without it, each session's own defaults (its article's
/// language), as the window records them.
fn ratings(settings: Option<&Path>) -> Result<Option<Ratings>, CliError> {
    Ok(match settings {
        Some(p) => {
            let file = SettingsFile::load(p)?;
            Some(
                file.settings(file.window_language().unwrap_or(Lang::EN))
                    .ratings,
            )
        }
        None => None,
    })
}

fn export(lib: &mut Library, format: ExportFormat, out: &mut impl Write) -> Result<(), CliError> {
    let mut failed: Option<CliError> = None;
    match format {
        ExportFormat::Jsonl => {
            lib.each(&mut |s| {
                if failed.is_none() {
                    let line = serde_json::to_string(&s).unwrap_or_default() + "\n";
                    failed = written(out.write_all(line.as_bytes())).err();
                }
            })
            .map_err(library_error)?;
        }
        ExportFormat::Csv => {
            let mut w = csv::Writer::from_writer(Vec::new());
            let header = [
                "key",
                "version",
                "claim",
                "verdict",
                "rating",
                "note",
                "evidence",
                "claimant",
                "title",
                "url",
                "date",
                "reviewer",
                "reviewed_at",
                "language",
                "origin",
            ];
            let _ = w.write_record(header);
            lib.each(&mut |s| {
                let e = &s.entry;
                let _ = w.write_record([
                    e.key.as_str(),
                    &s.version.to_string(),
                    &e.claim,
                    e.verdict.map(|v| v.label()).unwrap_or(""),
                    &e.rating,
                    &e.note,
                    &e.evidence.join(" "),
                    e.claimant.as_deref().unwrap_or(""),
                    e.title.as_deref().unwrap_or(""),
                    e.url.as_deref().unwrap_or(""),
                    e.date.as_deref().unwrap_or(""),
                    e.reviewer.as_deref().unwrap_or(""),
                    e.reviewed_at.as_deref().unwrap_or(""),
                    e.language.as_deref().unwrap_or(""),
                    &e.origin,
                ]);
            })
            .map_err(library_error)?;
            let bytes = w
                .into_inner()
                .map_err(|e| CliError::Input(format!("could not write the CSV: {e}")))?;
            written(out.write_all(&bytes))?;
        }
        ExportFormat::Claimreview => {
            let mut all = Vec::new();
            lib.each(&mut |s| all.push(claim_review(&s)))
                .map_err(library_error)?;
            let text = serde_json::to_string_pretty(&all).unwrap_or_default() + "\n";
            written(out.write_all(text.as_bytes()))?;
        }
    }
    match failed {
        Some(e) => Err(e),
        None => Ok(()),
    }
}

/// A library entry as a schema.org ClaimReview.
fn claim_review(s: &Stored) -> serde_json::Value {
    let e = &s.entry;
    let mut v = json!({
        "@context": "https://schema.org",
        "@type": "ClaimReview",
        "claimReviewed": e.claim,
        "reviewRating": {"@type": "Rating", "alternateName": e.rating},
    });
    let o = v.as_object_mut().expect("an object");
    if let Some(u) = &e.url {
        o.insert("url".into(), json!(u));
    }
    if let Some(t) = &e.title {
        o.insert("name".into(), json!(t));
    }
    if !e.note.is_empty() {
        o.insert("description".into(), json!(e.note));
    }
    if let Some(d) = e.reviewed_at.as_deref().or(e.date.as_deref()) {
        o.insert("datePublished".into(), json!(d.get(..10).unwrap_or(d)));
    }
    if let Some(r) = &e.reviewer {
        o.insert("author".into(), json!({"@type": "Organization", "name": r}));
    }
    if let Some(l) = &e.language {
        o.insert("inLanguage".into(), json!(l));
    }
    if let Some(c) = &e.claimant {
        o.insert(
            "itemReviewed".into(),
            json!({"@type": "Claim", "author": {"@type": "Person", "name": c}}),
        );
    }
    v
}

/// `claimdesk match`: one claim a line (a file, or `-` for standard input), one JSON line out
/// for each, `{"matches": [...]}` best first.
pub fn match_lines(
    library: Option<&str>,
    top: usize,
    input: &Path,
    out: &mut impl Write,
) -> Result<(), CliError> {
    let mut lib = open_existing(library)?;
    let mut one = |line: &str, out: &mut dyn Write| -> Result<(), CliError> {
        let found = lib.matches(line, top.max(1), &[]).map_err(library_error)?;
        let matches: Vec<serde_json::Value> = found
            .iter()
            .map(|m| {
                let e = &m.stored.entry;
                json!({
                    "url": e.url,
                    "claim": e.claim,
                    "rating": e.rating,
                    "verdict": e.verdict.map(|v| v.label().to_ascii_lowercase()),
                    "title": e.title,
                    "date": e.date,
                    "key": e.key,
                    "score": (f64::from(m.score) * 1000.0).round() / 1000.0,
                    "reasons": m.reasons,
                })
            })
            .collect();
        let line = serde_json::to_string(&json!({ "matches": matches })).unwrap_or_default() + "\n";
        written(out.write_all(line.as_bytes()))?;
        written(out.flush())
    };
    if input == Path::new("-") {
        let mut lines = StdinLines::new(crate::article::MAX_FILE_BYTES);
        while let Some(line) = lines.next_line()? {
            one(&line, out)?;
        }
    } else {
        let text = super::read_input(input)?;
        for line in text.lines() {
            one(line, out)?;
        }
    }
    Ok(())
}

/// Records a session's verdicts after `claimdesk mark` changed it (`before` is the session as
/// it was read). The library is not needed to mark: a failure is said on stderr, and the mark
/// stands.
pub fn record_mark(session: &Path, before: &Review, after: &Review, reviewer: Option<&str>) {
    let place = match place(None) {
        Ok(Some(p)) => p,
        Ok(None) => return,
        Err(e) => {
            eprintln!("claim library: {e}; the verdict is saved in the session only");
            return;
        }
    };
    // The session as an absolute path, so that the library can lead back to it from anywhere.
    let origin = std::fs::canonicalize(session).unwrap_or_else(|_| session.to_path_buf());
    let result = Library::open(&place).and_then(|mut lib| {
        lib.record(
            after,
            Some(before),
            &origin,
            &ReportSettings::for_review(after).ratings,
            reviewer,
        )
    });
    match result {
        Ok(t) => {
            for c in t.conflicts {
                eprintln!(
                    "claim library: {} was changed by {} since this session was read (version {}); the library keeps their review, the session keeps yours",
                    c.entry.key,
                    c.entry.reviewer.as_deref().unwrap_or("someone else"),
                    c.version
                );
            }
        }
        Err(e) => eprintln!("{e}"),
    }
}
