//! The headless subcommands: everything the GUI does to an article, for batch work and tests.

mod batch;
mod library;

pub use batch::BatchFormat;
pub use library::{ExportFormat, LibraryCommand};

use crate::article::{self, Article, ArticleError};
use crate::extract::{self, Candidate, score, segment};
use crate::i18n::Lang;
use crate::lexicon::{self, Lexicon, lang};
use crate::report::{self, Audience, Format};
use crate::review::{Action, Evidence, Review, Stance, Verdict};
use crate::store::{self, StoreError};
use crate::text::CharIndex;
use clap::{Parser, Subcommand, ValueEnum};
use serde_json::json;
use std::io::{BufWriter, Write};
use std::path::{Path, PathBuf};

#[derive(Debug, Parser)]
#[command(
    name = "claimdesk",
    version,
    about = "Offline workbench for fact-checkers: open an article, review its claims, export a report.",
    long_about = "Offline workbench for fact-checkers.\n\nWith no subcommand, opens the desktop app (on ARTICLE if given: .txt, .md, .html, .docx, .pdf or a .claimdesk.json session).",
    args_conflicts_with_subcommands = true
)]
pub struct Cli {
    #[command(subcommand)]
    pub command: Option<Command>,
    /// Article or session file to open in the desktop app.
    pub path: Option<PathBuf>,
}

#[derive(Debug, Clone, Copy, ValueEnum)]
pub enum ExtractFormat {
    Jsonl,
    Json,
    Md,
}

#[derive(Debug, Clone, Copy, ValueEnum)]
pub enum ReportFormat {
    /// Markdown, for editors and wikis.
    Md,
    /// One self-contained HTML page (inline CSS, no scripts).
    Html,
    /// One row per claim, UTF-8 with BOM.
    Csv,
    /// The full review (schemas/report.schema.json).
    Json,
    /// schema.org ClaimReview JSON-LD, one per reviewed claim.
    Claimreview,
    /// The ClaimReview markup in a standalone HTML page.
    ClaimreviewHtml,
    /// W3C Web Annotation JSON.
    Annotations,
}

impl From<ReportFormat> for Format {
    fn from(f: ReportFormat) -> Self {
        match f {
            ReportFormat::Md => Format::Markdown,
            ReportFormat::Html => Format::Html,
            ReportFormat::Csv => Format::Csv,
            ReportFormat::Json => Format::Json,
            ReportFormat::Claimreview => Format::ClaimReview,
            ReportFormat::ClaimreviewHtml => Format::ClaimReviewPage,
            ReportFormat::Annotations => Format::Annotations,
        }
    }
}

#[derive(Debug, Clone, Copy, ValueEnum)]
pub enum AudienceArg {
    /// The public: claims, verdicts, notes, sources.
    Readers,
    /// The newsroom: everything.
    Desk,
}

impl From<AudienceArg> for Audience {
    fn from(a: AudienceArg) -> Self {
        match a {
            AudienceArg::Readers => Audience::Readers,
            AudienceArg::Desk => Audience::Desk,
        }
    }
}

/// `--lang`: a language Claimdesk has texts for.
fn parse_lang(code: &str) -> Result<Lang, String> {
    Lang::parse(code).ok_or_else(|| {
        let known: Vec<String> = Lang::all()
            .map(|l| format!("{} ({})", l.code(), l.name()))
            .collect();
        format!(
            "Claimdesk has no texts in “{code}”. Reports can be written in: {}.",
            known.join(", ")
        )
    })
}

#[derive(Debug, Clone, Copy, ValueEnum)]
pub enum VerdictArg {
    Verified,
    Disputed,
    Unsourced,
    Unreviewed,
}

impl From<VerdictArg> for Verdict {
    fn from(v: VerdictArg) -> Self {
        match v {
            VerdictArg::Verified => Verdict::Verified,
            VerdictArg::Disputed => Verdict::Disputed,
            VerdictArg::Unsourced => Verdict::Unsourced,
            VerdictArg::Unreviewed => Verdict::Unreviewed,
        }
    }
}

#[derive(Debug, Subcommand)]
pub enum Command {
    /// Print the article's main text as Claimdesk sees it (all offsets index this text).
    Text {
        /// The article (.txt, .md, .html, .docx, .pdf), or - for standard input (its format
        /// told from its content).
        article: PathBuf,
        /// One JSON object per block: {"kind","start","end","text"}, char offsets into the text.
        #[arg(long, conflicts_with = "body")]
        blocks: bool,
        /// Only the body a reader reads: headings and paragraphs, without the title, bylines,
        /// dates, captions and credits.
        #[arg(long)]
        body: bool,
    },
    /// Split text into sentences: one JSON object per sentence, {"start","end","text"} in chars.
    Segment {
        /// Language code, or auto.
        #[arg(long, default_value = "auto")]
        lang: String,
        /// Input file, or - for standard input.
        #[arg(default_value = "-")]
        input: PathBuf,
    },
    /// Extract the check-worthy claims of an article.
    Extract {
        /// The article (.txt, .md, .html, .docx, .pdf), or - for standard input (its format
        /// told from its content).
        article: PathBuf,
        #[arg(long, value_enum, default_value_t = ExtractFormat::Jsonl)]
        format: ExtractFormat,
        /// Also print the sentences below the threshold.
        #[arg(long)]
        all: bool,
        /// Threshold for a sentence to be a claim (0..1).
        #[arg(long, default_value_t = extract::DEFAULT_THRESHOLD)]
        min_score: f32,
        /// Also write a new, unreviewed session for the article (refused if the file exists).
        #[arg(long, value_name = "OUT.claimdesk.json")]
        session: Option<PathBuf>,
        /// With --session: replace the file if it exists, even a session with verdicts.
        #[arg(long, requires = "session")]
        force: bool,
    },
    /// Extract or report every article of folders and files given, one output each in --out.
    ///
    /// Each article's claims (jsonl, as extract prints them) or its report (md, html, csv, as
    /// report writes it for a new session). A bad article is listed at the end and does not stop
    /// the others (exit 1 if any failed).
    Batch {
        /// Folders (searched recursively for .txt, .md, .html, .htm, .xhtml, .docx and .pdf;
        /// hidden files and sessions left out) and article files.
        #[arg(required = true, value_name = "DIR|FILE")]
        inputs: Vec<PathBuf>,
        /// The output folder (made if missing). Outputs mirror the paths under each folder
        /// given: a/b/x.html -> OUT/a/b/x.claims.jsonl or OUT/a/b/x.report.md.
        #[arg(long, value_name = "DIR")]
        out: PathBuf,
        #[arg(long, value_enum, default_value_t = BatchFormat::Jsonl)]
        format: BatchFormat,
        /// Also write a new, unreviewed session for each article (OUT/a/b/x.claimdesk.json);
        /// an existing file is not replaced (that article fails) unless --force.
        #[arg(long)]
        session: bool,
        /// With --session: replace existing session files, even sessions with verdicts.
        #[arg(long, requires = "session")]
        force: bool,
    },
    /// Score sentences, one per input line: one JSON object per line with "score", "check_worthy", "reasons".
    Score {
        #[arg(long, default_value = "auto")]
        lang: String,
        #[arg(default_value = "-")]
        input: PathBuf,
        #[arg(long, default_value_t = extract::DEFAULT_THRESHOLD)]
        min_score: f32,
    },
    /// Move a session onto a new version of its article: every claim is found again (unchanged,
    /// moved, edited) or kept as an orphan. Prints one line per claim.
    Reanchor {
        session: PathBuf,
        new_article: PathBuf,
        /// Where to write the re-anchored session (default: over SESSION, atomically).
        #[arg(short, long)]
        output: Option<PathBuf>,
    },
    /// The check-worthiness features of each input line, one JSON object per line
    /// ({"feature": value}); used to train the model with exactly the features Claimdesk computes.
    #[command(hide = true)]
    Features {
        #[arg(long, default_value = "auto")]
        lang: String,
        #[arg(default_value = "-")]
        input: PathBuf,
    },
    /// Write the report of a saved session. The pre-flight check's warnings go to stderr.
    Report {
        session: PathBuf,
        #[arg(long, value_enum)]
        format: ReportFormat,
        /// Output file (default: standard output). An existing file is replaced only once the
        /// report is written in full.
        #[arg(short, long)]
        output: Option<PathBuf>,
        /// Report settings (JSON: organisation, organisation_url, report_url, reviewer,
        /// methodology, corrections_policy, ratings); fields left out keep the defaults of the
        /// report's language. The settings file the window writes is read as it is
        /// (~/.config/claimdesk/settings.json, or $XDG_CONFIG_HOME/claimdesk/settings.json when
        /// that is set): its verdict names are the report's, and its language is the report's
        /// when Claimdesk has no texts in the article's.
        #[arg(long, value_name = "FILE.json")]
        settings: Option<PathBuf>,
        /// The report's language (en, fr…). Default: the article's, when Claimdesk has texts
        /// for it; else the language of the window's settings file given with --settings;
        /// else English.
        #[arg(long, value_name = "CODE", value_parser = parse_lang)]
        lang: Option<Lang>,
        /// Who the report is for. readers: each claim, its verdict, the note and the sources;
        /// desk: also scores, reasons, claim types, positions, the file name and the history.
        /// Default: readers for md, html and claimreview-html; desk for the others.
        #[arg(long, value_enum)]
        audience: Option<AudienceArg>,
        /// Treat the pre-flight warnings as errors: write nothing and exit 1.
        #[arg(long)]
        strict: bool,
        /// HTML: include the article with the claims highlighted.
        #[arg(long)]
        with_article: bool,
    },
    /// Record a verdict (and optionally a note and a source) on a claim of a saved session.
    Mark {
        session: PathBuf,
        /// The claim's id, as in `claimdesk report SESSION --format json`.
        claim: u32,
        #[arg(value_enum)]
        verdict: VerdictArg,
        /// Replace the claim's note.
        #[arg(long)]
        note: Option<String>,
        /// Add a source (an http or https address).
        #[arg(long, value_name = "URL")]
        evidence: Option<String>,
        /// The passage of the source that supports or refutes the claim.
        #[arg(long, requires = "evidence")]
        quote: Option<String>,
        /// The source's title.
        #[arg(long, requires = "evidence")]
        title: Option<String>,
        /// An archived copy of the source (Wayback Machine, archive.today).
        #[arg(long, requires = "evidence", value_name = "URL")]
        archive: Option<String>,
        /// The source contradicts the claim (default: it supports it).
        #[arg(long, requires = "evidence")]
        refutes: bool,
        /// Who made the change, for the history.
        #[arg(long)]
        reviewer: Option<String>,
    },
    /// The claim library: what was checked before (import, export, search).
    Library {
        #[command(subcommand)]
        action: LibraryCommand,
    },
    /// Match claims against the library, one claim per input line: one JSON line per input,
    /// {"matches": [{"url","claim","rating","score","reasons"}]} best first.
    Match {
        /// The library: a file (SQLite) or a postgres:// URL. Default: CLAIMDESK_LIBRARY, else
        /// library.sqlite in the user's data folder.
        #[arg(long, value_name = "FILE|URL")]
        library: Option<String>,
        /// How many matches per claim.
        #[arg(long, default_value_t = 5)]
        top: usize,
        /// Input file, or - for standard input.
        #[arg(default_value = "-")]
        input: PathBuf,
    },
    /// Print the shell completions for claimdesk (bash: `claimdesk completions bash >
    /// ~/.local/share/bash-completion/completions/claimdesk`).
    Completions {
        #[arg(value_enum)]
        shell: clap_complete::Shell,
    },
    /// Print the manual page (roff): `claimdesk man > claimdesk.1; man ./claimdesk.1`.
    Man,
}

#[derive(Debug, thiserror::Error)]
pub enum CliError {
    #[error(transparent)]
    Article(#[from] ArticleError),
    #[error(transparent)]
    Store(#[from] StoreError),
    #[error("{0}")]
    Input(String),
    #[error("min-score must be between 0 and 1, not {0}")]
    Threshold(f32),
    #[error(transparent)]
    Settings(#[from] report::SettingsError),
    #[error(
        "{0} pre-flight warning(s) with --strict: nothing was written. Fix them (see above), or run without --strict."
    )]
    Strict(usize),
    /// Whoever read the output went away (`claimdesk extract … | head`): the command stops
    /// there, and that is not an error (`run` returns Ok).
    #[error("the output was closed")]
    OutputClosed,
}

/// The bytes of standard input, at most what Claimdesk reads of an article.
fn read_stdin() -> Result<Vec<u8>, CliError> {
    crate::files::read_all_capped(std::io::stdin().lock(), article::MAX_FILE_BYTES).map_err(|e| {
        match e {
            crate::files::ReadError::TooLarge { limit, .. } => CliError::Input(format!(
                "standard input gave more than the {} MB Claimdesk reads at once. Save it to files of a few MB and give those instead.",
                limit / (1024 * 1024)
            )),
            e => CliError::Input(format!("could not read standard input: {e:?}")),
        }
    })
}

fn read_input(input: &Path) -> Result<String, CliError> {
    let bytes = if input == Path::new("-") {
        read_stdin()?
    } else {
        article::read_article_bytes(input)?
    };
    Ok(article::decode_text(&bytes))
}

/// The article at `path`, or with `-` the one on standard input (its format told from its
/// first bytes: PDF, Word, a web page, else text).
fn load_article(path: &Path) -> Result<article::Article, CliError> {
    if path != Path::new("-") {
        return Ok(article::load(path)?);
    }
    let bytes = read_stdin()?;
    let mut a = article::from_bytes(&bytes, "standard input")?;
    a.metadata.source_sha256 = Some(article::sha256_hex(&bytes));
    Ok(a)
}

/// The text of `input` (a file, or `-`) and the lexicon of `lang` (`auto`: the text's language).
fn read_text_in(lang: &str, input: &Path) -> Result<(String, &'static Lexicon), CliError> {
    let text = read_input(input)?;
    let lex = lexicon_of(lang, &text);
    Ok((text, lex))
}

/// The lexicon of `lang`, or with `auto` of the language `sample` is written in.
fn lexicon_of(lang: &str, sample: &str) -> &'static Lexicon {
    lexicon::for_language(&lang::resolve(Some(lang), sample))
}

/// The lexicon of `lang` when it is given (not `auto`).
fn given_lexicon(lang: &str) -> Option<&'static Lexicon> {
    (lang != "auto").then(|| lexicon_of(lang, ""))
}

/// How much of standard input tells its language, with `--lang auto`, before the first output.
const LANGUAGE_SAMPLE: usize = 64 * 1024;

fn write_out(out: &mut impl Write, s: &str) -> Result<(), CliError> {
    written(out.write_all(s.as_bytes()))
}

/// What a failed write of the output means for the command (see `write_out`).
fn written(result: std::io::Result<()>) -> Result<(), CliError> {
    match result {
        Ok(()) => Ok(()),
        Err(e) if e.kind() == std::io::ErrorKind::BrokenPipe => Err(CliError::OutputClosed),
        Err(e) => Err(CliError::Input(format!("could not write the output: {e}"))),
    }
}

/// One line of `claimdesk extract`: a sentence with its score, reasons, type, claimant and
/// group. The fields are in alphabetical order, as they always have been printed.
#[derive(serde::Serialize)]
struct CandidateLine<'a> {
    block: &'static str,
    check_worthy: bool,
    claimant: Option<&'a str>,
    end: usize,
    group: Option<usize>,
    id: Option<u32>,
    kind: &'static str,
    kind_reason: &'a str,
    reasons: &'a extract::score::Reasons,
    score: f64,
    start: usize,
    text: &'a str,
}

impl<'a> CandidateLine<'a> {
    /// The line of `c`, numbered `id`, in group `group` (an index of the printed list).
    fn new(
        c: &'a Candidate,
        id: Option<u32>,
        group: Option<usize>,
        idx: &CharIndex,
        threshold: f32,
    ) -> Self {
        Self {
            block: c.block.label(),
            check_worthy: c.is_claim(threshold),
            claimant: c.claimant.as_deref(),
            end: idx.char_of(c.range.end),
            group: group.map(|g| g + 1),
            id,
            kind: c.kind,
            kind_reason: &c.kind_reason,
            reasons: &c.reasons,
            score: round3(c.score),
            start: idx.char_of(c.range.start),
            text: &c.text,
        }
    }
}

/// What `claimdesk extract` prints for an article whose sentences were scored by
/// `extract::sentences`: the claims at `min_score` (with `all`, every sentence, the claims
/// numbered as in a session), as JSON lines, a JSON array or Markdown.
pub fn extract_output(
    article: &Article,
    sentences: &[Candidate],
    format: ExtractFormat,
    all: bool,
    min_score: f32,
) -> String {
    let mut buf = Vec::new();
    // Writing to memory cannot fail, and every line is UTF-8.
    let _ = write_extract_output(&mut buf, article, sentences, format, all, min_score);
    String::from_utf8(buf).unwrap_or_default()
}

/// A sentence `claimdesk extract` shows: its index among the sentences, its group (an index of
/// the printed list) and its id.
type Shown = (usize, Option<usize>, Option<u32>);

/// Writes `extract_output` to `out`.
fn write_extract_output(
    out: &mut impl Write,
    article: &Article,
    sentences: &[Candidate],
    format: ExtractFormat,
    all: bool,
    min_score: f32,
) -> std::io::Result<()> {
    let idx = CharIndex::new(&article.text);
    // Each sentence shown, by its index, with its group…
    let shown: Vec<(usize, Option<usize>)> = if all {
        sentences.iter().map(|c| c.group).enumerate().collect()
    } else {
        extract::select_in(sentences, min_score)
    };
    // …and its id: claims are numbered as in the session; other sentences have no id.
    let mut next_id = 0u32;
    let shown: Vec<Shown> = shown
        .into_iter()
        .map(|(i, group)| {
            let id = (!all || sentences[i].is_claim(min_score)).then(|| {
                next_id += 1;
                next_id
            });
            (i, group, id)
        })
        .collect();
    let line_of =
        |&(i, group, id): &Shown| CandidateLine::new(&sentences[i], id, group, &idx, min_score);
    match format {
        ExtractFormat::Jsonl => {
            for line in shown.iter().map(line_of) {
                serde_json::to_writer(&mut *out, &line)?;
                out.write_all(b"\n")?;
            }
            Ok(())
        }
        ExtractFormat::Json => {
            let lines: Vec<CandidateLine> = shown.iter().map(line_of).collect();
            serde_json::to_writer_pretty(&mut *out, &lines)?;
            out.write_all(b"\n")
        }
        ExtractFormat::Md => {
            let mut s = format!("# Claims in {}\n\n", article.display_title());
            for v in shown.iter().map(line_of) {
                let tag = if v.check_worthy {
                    ""
                } else {
                    " (below threshold)"
                };
                s.push_str(&format!(
                    "- **{:.2}**{tag} {} — _{}_\n",
                    v.score,
                    v.text,
                    v.reasons.join(", ")
                ));
            }
            out.write_all(s.as_bytes())
        }
    }
}

/// Runs a subcommand, writing to `out`.
pub fn run(cmd: Command, out: &mut impl Write) -> Result<(), CliError> {
    let mut out = BufWriter::new(out);
    let another_path = another_path(&cmd);
    let result = match cmd {
        Command::Text {
            article,
            blocks,
            body,
        } => text(&article, blocks, body, &mut out),
        Command::Segment { lang, input } => segment(&lang, &input, &mut out),
        Command::Score {
            lang,
            input,
            min_score,
        } => score_lines(&lang, &input, min_score, &mut out),
        Command::Features { lang, input } => features(&lang, &input, &mut out),
        Command::Extract {
            article,
            format,
            all,
            min_score,
            session,
            force,
        } => extract(
            &article,
            format,
            all,
            min_score,
            session.as_deref().map(|p| (p, force)),
            &mut out,
        ),
        Command::Batch {
            inputs,
            out,
            format,
            session,
            force,
        } => batch::batch(&inputs, &out, format, session, force),
        Command::Reanchor {
            session,
            new_article,
            output,
        } => reanchor(&session, &new_article, output.as_deref(), &mut out),
        Command::Report {
            session,
            format,
            output,
            settings,
            lang,
            audience,
            strict,
            with_article,
        } => {
            let choice = ReportChoice {
                format: format.into(),
                lang,
                audience: audience.map(Audience::from),
                with_article,
                strict,
            };
            let output = output.as_deref();
            let settings = settings.as_deref();
            write_report(&session, choice, output, settings, &mut out)
        }
        Command::Mark {
            session,
            claim,
            verdict,
            note,
            evidence,
            quote,
            title,
            archive,
            refutes,
            reviewer,
        } => {
            let source = evidence.map(|url| Source {
                url,
                quote,
                title,
                archive,
                refutes,
            });
            let change = Change {
                verdict: verdict.into(),
                note,
                source,
            };
            mark(&session, claim, change, reviewer.as_deref(), &mut out)
        }
        Command::Library { action } => library::run(action, &mut out),
        Command::Match {
            library,
            top,
            input,
        } => library::match_lines(library.as_deref(), top, &input, &mut out),
        Command::Completions { shell } => {
            let mut cmd = <Cli as clap::CommandFactory>::command();
            clap_complete::generate(shell, &mut cmd, "claimdesk", &mut out);
            Ok(())
        }
        Command::Man => {
            let cmd = <Cli as clap::CommandFactory>::command();
            written(clap_mangen::Man::new(cmd).render(&mut out))
        }
    };
    match result.and_then(|()| written(out.flush())) {
        Err(CliError::OutputClosed) => Ok(()),
        result => result.map_err(|e| in_command_line_terms(e, another_path)),
    }
}

/// What to do, on the command line, when `cmd` could not write a file.
fn another_path(cmd: &Command) -> &'static str {
    match cmd {
        Command::Extract { .. } => "give another path with --session",
        Command::Reanchor { .. } | Command::Report { .. } => "give another output path with -o",
        Command::Mark { .. } => {
            "check that you may write to the session's folder, or copy the session to a folder you can write to and mark the copy"
        }
        _ => "give another output path",
    }
}

/// The library's messages speak of the window's menus where the window is the way out ("File >
/// Save As", "File > Open"); the command line says what to type instead. `another_path` is what
/// to do when a file could not be written.
fn in_command_line_terms(e: CliError, another_path: &str) -> CliError {
    match e {
        CliError::Store(StoreError::Write { path, source }) => CliError::Input(format!(
            "could not save to {path}: {source}. The previous file, if any, is unchanged; {another_path}."
        )),
        CliError::Article(ArticleError::NotFound { path }) => {
            CliError::Input(format!("{path}: no such file. Check the path."))
        }
        e => e,
    }
}

/// Tells, on stderr, what reading `session` repaired (`store::load_checked`'s notes).
fn say_repairs(session: &Path, repaired: &[String]) {
    for note in repaired {
        eprintln!(
            "claimdesk: warning: {} was repaired on reading: {note}",
            session.display()
        );
    }
}

/// `claimdesk text`: the article's text, its blocks as JSON lines, or its body only.
fn text(path: &Path, blocks: bool, body: bool, out: &mut impl Write) -> Result<(), CliError> {
    let a = load_article(path)?;
    if blocks {
        let idx = CharIndex::new(&a.text);
        for b in &a.blocks {
            let line = json!({
                "kind": b.kind,
                "start": idx.char_of(b.start),
                "end": idx.char_of(b.end),
                "text": &a.text[b.start..b.end],
            });
            write_line(out, &line)?;
        }
        return Ok(());
    }
    if body {
        let parts: Vec<&str> = a
            .blocks
            .iter()
            .filter(|b| b.kind.is_body())
            .map(|b| &a.text[b.start..b.end])
            .collect();
        return write_out(out, &(parts.join("\n\n") + "\n"));
    }
    write_out(out, &a.text)?;
    write_out(out, "\n")
}

/// `claimdesk segment`: one JSON line per sentence of the input, char offsets.
fn segment(lang: &str, input: &Path, out: &mut impl Write) -> Result<(), CliError> {
    if input != Path::new("-") {
        let (text, lex) = read_text_in(lang, input)?;
        return segment_part(&text, lex, 0, out).map(drop);
    }
    // Standard input a paragraph at a time (a blank line ends every sentence, so the sentences
    // are those of the whole text), each paragraph at most `article::MAX_FILE_BYTES`: an endless
    // stream is segmented as it comes. The language is told from the first `LANGUAGE_SAMPLE` bytes.
    let mut lines = StdinLines::new(article::MAX_FILE_BYTES);
    let mut lex = given_lexicon(lang);
    let mut waiting = String::new();
    let mut paragraph = String::new();
    let mut done_chars = 0;
    loop {
        let line = lines.next_line_with_end()?;
        let end = line.is_none();
        if let Some(l) = &line {
            paragraph.push_str(l);
            if paragraph.len() as u64 > article::MAX_FILE_BYTES {
                return Err(CliError::Input(format!(
                    "a paragraph of standard input (before line {}) is longer than {} MB: separate paragraphs with blank lines",
                    lines.number,
                    article::MAX_FILE_BYTES / (1024 * 1024)
                )));
            }
        }
        if !(end || line.as_deref().is_some_and(|l| l.trim().is_empty())) {
            continue;
        }
        waiting.push_str(&std::mem::take(&mut paragraph));
        if lex.is_none() && !end && waiting.len() < LANGUAGE_SAMPLE {
            continue;
        }
        let lex = *lex.get_or_insert_with(|| lexicon_of(lang, &waiting));
        done_chars = segment_part(&std::mem::take(&mut waiting), lex, done_chars, out)?;
        if end {
            return Ok(());
        }
    }
}

/// Prints the sentences of `text`, which starts `chars_before` chars into the input; returns
/// the chars read so far, `text` included.
fn segment_part(
    text: &str,
    lex: &Lexicon,
    chars_before: usize,
    out: &mut impl Write,
) -> Result<usize, CliError> {
    let idx = CharIndex::new(text);
    for r in segment::sentences(text, lex) {
        let line = json!({
            "start": chars_before + idx.char_of(r.start),
            "end": chars_before + idx.char_of(r.end),
            "text": &text[r],
        });
        write_line(out, &line)?;
    }
    Ok(chars_before + text.chars().count())
}

/// `claimdesk score`: one JSON line per input line, its check-worthiness and why. Standard input
/// is read a line at a time (each line at most `article::MAX_FILE_BYTES`), so an endless stream
/// is scored as it comes, in bounded memory.
fn score_lines(
    lang: &str,
    input: &Path,
    min_score: f32,
    out: &mut impl Write,
) -> Result<(), CliError> {
    check_threshold(min_score)?;
    let mut score_line = |line: &str, lex: &Lexicon| {
        let s = score::score(line.trim(), lex);
        let v = json!({
            "score": round3(s.score),
            "check_worthy": s.score >= min_score,
            "reasons": s.reasons,
            "kind": s.kind,
            "kind_reason": s.kind_reason,
            "claimant": s.claimant,
        });
        write_line(out, &v)
    };
    if input != Path::new("-") {
        let (text, lex) = read_text_in(lang, input)?;
        for line in text.lines() {
            score_line(line, lex)?;
        }
        return Ok(());
    }
    // Each line scored as it comes, once the language is known (given, or told from the first
    // `LANGUAGE_SAMPLE` bytes); a line too long for the cap ends it, after the lines before.
    let mut lines = StdinLines::new(article::MAX_FILE_BYTES);
    let mut lex = given_lexicon(lang);
    let mut waiting: Vec<String> = Vec::new();
    let mut waiting_bytes = 0;
    loop {
        let (line, failed) = match lines.next_line() {
            Ok(line) => (line, None),
            Err(e) => (None, Some(e)),
        };
        let end = line.is_none();
        if let Some(l) = line {
            waiting_bytes += l.len() + 1;
            waiting.push(l);
        }
        if lex.is_none() && !end && waiting_bytes < LANGUAGE_SAMPLE {
            continue;
        }
        let lex = *lex.get_or_insert_with(|| lexicon_of(lang, &waiting.join("\n")));
        for line in waiting.drain(..) {
            score_line(&line, lex)?;
        }
        waiting_bytes = 0;
        if let Some(e) = failed {
            return Err(e);
        }
        if end {
            return Ok(());
        }
    }
}

/// Standard input, a line at a time, each line at most `cap` bytes.
struct StdinLines {
    input: std::io::StdinLock<'static>,
    cap: u64,
    number: usize,
    buf: Vec<u8>,
}

impl StdinLines {
    fn new(cap: u64) -> Self {
        StdinLines {
            input: std::io::stdin().lock(),
            cap,
            number: 0,
            buf: Vec::new(),
        }
    }

    /// The next line without its end (`\n` or `\r\n`), decoded; `None` at the end.
    fn next_line(&mut self) -> Result<Option<String>, CliError> {
        Ok(self.next_line_with_end()?.map(|mut l| {
            if l.ends_with('\n') {
                l.pop();
                if l.ends_with('\r') {
                    l.pop();
                }
            }
            l
        }))
    }

    /// The next line with its end, decoded; `None` at the end.
    fn next_line_with_end(&mut self) -> Result<Option<String>, CliError> {
        use std::io::{BufRead, Read};
        self.buf.clear();
        self.number += 1;
        let n = Read::by_ref(&mut self.input)
            .take(self.cap + 1)
            .read_until(b'\n', &mut self.buf)
            .map_err(|e| CliError::Input(format!("could not read standard input: {e}")))?;
        if n == 0 {
            return Ok(None);
        }
        if self.buf.last() != Some(&b'\n') && self.buf.len() as u64 > self.cap {
            return Err(CliError::Input(format!(
                "line {} of standard input is longer than {} MB: give one sentence a line",
                self.number,
                self.cap / (1024 * 1024)
            )));
        }
        Ok(Some(article::decode_text(&self.buf)))
    }
}

/// `claimdesk features`: the model's features of each input line, for training.
fn features(lang: &str, input: &Path, out: &mut impl Write) -> Result<(), CliError> {
    let (text, lex) = read_text_in(lang, input)?;
    for line in text.lines() {
        let obj: serde_json::Map<String, serde_json::Value> =
            extract::features::features(line.trim(), lex)
                .into_iter()
                .map(|f| (f.name, json!(f.value)))
                .collect();
        write_line(out, &serde_json::Value::Object(obj))?;
    }
    Ok(())
}

/// `claimdesk extract`: the article's claims (every sentence with `all`), and with `session`
/// a new, unreviewed session for it (replacing an existing file only when forced).
fn extract(
    path: &Path,
    format: ExtractFormat,
    all: bool,
    min_score: f32,
    session: Option<(&Path, bool)>,
    out: &mut impl Write,
) -> Result<(), CliError> {
    check_threshold(min_score)?;
    if let Some((session_path, false)) = session
        && std::fs::symlink_metadata(session_path).is_ok()
    {
        return Err(refuse_to_replace(session_path));
    }
    let a = load_article(path)?;
    // Only the claims are printed (and saved) unless --all: only they need explaining.
    let sentences = if all {
        extract::sentences(&a)
    } else {
        extract::sentences_for_claims(&a, min_score)
    };
    if let Some((session_path, force)) = session {
        let claims = extract::select(sentences.clone(), min_score);
        let review = Review::new(a.clone(), &claims);
        if force {
            store::save(&review, session_path)?;
        } else {
            // Created since the check above: still not replaced.
            store::save_new(&review, session_path).map_err(|e| match e {
                StoreError::Exists { .. } => refuse_to_replace(session_path),
                e => e.into(),
            })?;
        }
    }
    written(write_extract_output(
        out, &a, &sentences, format, all, min_score,
    ))
}

/// Why `extract --session` does not replace an existing file, saying what it holds.
fn refuse_to_replace(path: &Path) -> CliError {
    let holds = match store::load(path) {
        Ok(r) => {
            let reviewed = r
                .claims
                .iter()
                .filter(|c| c.verdict != Verdict::Unreviewed)
                .count();
            format!(
                "a session with {} claims, {reviewed} of them with a verdict",
                r.claims.len()
            )
        }
        Err(_) => "a file".to_string(),
    };
    CliError::Input(format!(
        "{} already exists ({holds}); nothing was written. Give another --session path, or add --force to replace it.",
        path.display()
    ))
}

/// `claimdesk reanchor`: the session moved onto the new version of its article, saved, and
/// what happened to each claim printed. Over the session itself, read and written under its lock.
fn reanchor(
    session: &Path,
    new_article: &Path,
    output: Option<&Path>,
    out: &mut impl Write,
) -> Result<(), CliError> {
    use crate::review::anchor::{Outcome, Report};
    let article = article::load(new_article)?;
    let lines = |report: &Report| {
        let mut buf = String::new();
        for (id, outcome) in &report.outcomes {
            let line = match outcome {
                Outcome::Unchanged => format!("claim {id}: unchanged"),
                Outcome::Moved { from, to } => format!("claim {id}: moved (char {from} -> {to})"),
                Outcome::Edited {
                    old,
                    new,
                    similarity,
                } => format!(
                    "claim {id}: edited ({:.0}% similar)\n  was: {old}\n  now: {new}",
                    similarity * 100.0
                ),
                Outcome::Orphaned => {
                    format!("claim {id}: orphaned (kept with its verdict and note)")
                }
            };
            buf.push_str(&line);
            buf.push('\n');
        }
        buf.push_str(&format!("{}\n", report.summary()));
        buf
    };
    let same_file = |o: &Path| match (std::fs::canonicalize(o), std::fs::canonicalize(session)) {
        (Ok(a), Ok(b)) => a == b,
        _ => store::resolve_links(o) == store::resolve_links(session),
    };
    let buf = match output {
        Some(o) if !same_file(o) => {
            let (review, repaired) = store::load_checked(session)?;
            say_repairs(session, &repaired);
            let (moved, report) = crate::review::anchor::reanchor(&review, article);
            store::save(&moved, o)?;
            lines(&report)
        }
        _ => {
            let mut buf = String::new();
            store::update(session, |review: &mut Review, repaired: &[String]| {
                say_repairs(session, repaired);
                let (moved, report) = crate::review::anchor::reanchor(review, article);
                *review = moved;
                buf = lines(&report);
                Ok::<_, CliError>(true)
            })?;
            buf
        }
    };
    write_out(out, &buf)
}

/// What `claimdesk report` was asked for.
struct ReportChoice {
    format: Format,
    /// `--lang`, when given.
    lang: Option<Lang>,
    /// `--audience`, when given.
    audience: Option<Audience>,
    with_article: bool,
    strict: bool,
}

/// `claimdesk report`: the session's report, after the pre-flight check.
fn write_report(
    session: &Path,
    choice: ReportChoice,
    output: Option<&Path>,
    settings: Option<&Path>,
    out: &mut impl Write,
) -> Result<(), CliError> {
    let (review, repaired) = store::load_checked(session)?;
    say_repairs(session, &repaired);
    let file = settings.map(report::SettingsFile::load).transpose()?;
    let fallback = file
        .as_ref()
        .and_then(report::SettingsFile::window_language)
        .unwrap_or(Lang::EN);
    let mut options = report::Options::new(&review, choice.format, fallback);
    options.with_article = choice.with_article;
    if let Some(lang) = choice.lang {
        options.lang = lang;
    }
    if let Some(audience) = choice.audience {
        options.audience = audience;
    }
    let settings = match &file {
        Some(f) => f.settings(options.lang),
        None => report::ReportSettings::for_lang(options.lang),
    };
    let warnings = report::lint(&review, &settings, Lang::EN);
    for w in &warnings {
        eprintln!("claimdesk: warning: {w}");
    }
    if choice.strict && !warnings.is_empty() {
        return Err(CliError::Strict(warnings.len()));
    }
    if choice.strict && !repaired.is_empty() {
        return Err(CliError::Input(format!(
            "{} needed repairs (see the warnings above), which --strict treats as errors: nothing was written. Correct the session file, or run without --strict.",
            session.display()
        )));
    }
    let text = report::render_with(&review, choice.format, &settings, options);
    match output {
        Some(path) => Ok(store::write_atomic(path, text.as_bytes())?),
        None => write_out(out, &text),
    }
}

/// What `claimdesk mark` changes on a claim.
struct Change {
    verdict: Verdict,
    /// The new note, if any.
    note: Option<String>,
    /// A source to add, if any.
    source: Option<Source>,
}

/// A source given to `claimdesk mark`, as typed.
struct Source {
    url: String,
    quote: Option<String>,
    title: Option<String>,
    archive: Option<String>,
    refutes: bool,
}

impl Source {
    /// The evidence this source makes, dated today.
    fn evidence(self) -> Result<Evidence, CliError> {
        let today = chrono::Local::now().date_naive();
        let mut e = Evidence::new(&self.url, today)
            .map_err(|e| CliError::Input(format!("--evidence: {e}")))?;
        e.quote = self.quote.unwrap_or_default();
        e.title = self.title.unwrap_or_default();
        if let Some(a) = self.archive {
            e.archive_url = Some(
                crate::review::check_url(&a)
                    .map_err(|e| CliError::Input(format!("--archive: {e}")))?,
            );
        }
        if self.refutes {
            e.stance = Stance::Refutes;
        }
        Ok(e)
    }
}

/// `claimdesk mark`: a verdict, note or source recorded on a claim of a saved session.
fn mark(
    session: &Path,
    claim: u32,
    change: Change,
    reviewer: Option<&str>,
    out: &mut impl Write,
) -> Result<(), CliError> {
    // Read, changed and written back under the session's lock: marks made at the same time by
    // other commands or windows are all kept.
    let mut said = Vec::new();
    let mut changed: Option<(Review, Review)> = None;
    store::update(session, |review: &mut Review, repaired: &[String]| {
        say_repairs(session, repaired);
        let before = review.clone();
        let Some(current) = review.claim(claim) else {
            return Err(no_such_claim(session, claim, review));
        };
        let mut actions = Vec::new();
        if current.verdict != change.verdict {
            actions.push(Action::SetVerdict {
                claim,
                verdict: change.verdict,
            });
        }
        if let Some(note) = change.note
            && note != current.note
        {
            actions.push(Action::SetNote { claim, note });
        }
        if let Some(source) = change.source {
            actions.push(Action::AddEvidence {
                claim,
                index: current.evidence.len(),
                evidence: source.evidence()?,
            });
        }
        for a in actions {
            said.push(a.describe());
            review
                .apply_by(a, reviewer)
                .map_err(|e| CliError::Input(e.to_string()))?;
        }
        if !said.is_empty() {
            changed = Some((before, review.clone()));
        }
        Ok::<_, CliError>(!said.is_empty())
    })?;
    // The session is saved: now the library (which the mark does not need).
    if let Some((before, after)) = &changed {
        library::record_mark(session, before, after, reviewer);
    }
    if said.is_empty() {
        return write_out(out, &format!("claim {claim}: nothing to change\n"));
    }
    write_out(out, &(said.join("\n") + "\n"))
}

/// Why `claimdesk mark` cannot mark claim `claim` of `review`: the claims there are (or that
/// there are none), and where to see them.
fn no_such_claim(session: &Path, claim: u32, review: &Review) -> CliError {
    let shown = session.display();
    let set_aside = |list: &[crate::review::Claim]| list.iter().any(|c| c.id == claim);
    let why = if set_aside(&review.dismissed) {
        format!(
            "claim {claim} of {shown} was dismissed as not a claim; restore it in the Claimdesk window to mark it"
        )
    } else if set_aside(&review.orphans) {
        format!(
            "claim {claim} of {shown} is orphaned: it was not found in the current version of the article, so it cannot be marked"
        )
    } else if review.claims.is_empty() {
        let (why, what_to_do) = if review.article.text.trim().is_empty() {
            (
                "its article has no text",
                "Extract a session from the article's file",
            )
        } else if !review.dismissed.is_empty() || !review.orphans.is_empty() {
            (
                "every claim in it was dismissed or orphaned",
                "Restore or add claims in the Claimdesk window",
            )
        } else {
            (
                "no sentence of its article scored as a claim",
                "Add claims by hand in the Claimdesk window, or extract again with a lower --min-score",
            )
        };
        return CliError::Input(format!(
            "{shown} has no claims, so there is no claim {claim} to mark: {why}. {what_to_do}."
        ));
    } else {
        format!(
            "{shown} has no claim {claim} (its claims are numbered {})",
            id_ranges(review.claims.iter().map(|c| c.id))
        )
    };
    CliError::Input(format!(
        "{why}. List the claims with: claimdesk report {shown} --format json"
    ))
}

/// Claim ids as people read them: "1 to 17", or "1, 2, 6 and 8 to 17".
fn id_ranges(ids: impl Iterator<Item = u32>) -> String {
    let mut ids: Vec<u32> = ids.collect();
    ids.sort_unstable();
    ids.dedup();
    let mut runs: Vec<String> = Vec::new();
    let mut i = 0;
    while i < ids.len() {
        let mut j = i;
        while j + 1 < ids.len() && ids[j + 1] == ids[j] + 1 {
            j += 1;
        }
        runs.push(match j - i {
            0 => ids[i].to_string(),
            1 => format!("{}, {}", ids[i], ids[j]),
            _ => format!("{} to {}", ids[i], ids[j]),
        });
        i = j + 1;
    }
    match runs.split_last() {
        Some((last, rest)) if !rest.is_empty() => format!("{} and {last}", rest.join(", ")),
        _ => runs.concat(),
    }
}

/// One JSON value on a line of its own.
fn write_line(out: &mut impl Write, value: &serde_json::Value) -> Result<(), CliError> {
    let result = serde_json::to_writer(&mut *out, value)
        .map_err(std::io::Error::from)
        .and_then(|()| out.write_all(b"\n"));
    written(result)
}

fn check_threshold(t: f32) -> Result<(), CliError> {
    if (0.0..=1.0).contains(&t) {
        Ok(())
    } else {
        Err(CliError::Threshold(t))
    }
}

/// Scores printed with three decimals ("0.45", not "0.44999998807907104").
fn round3(x: f32) -> f64 {
    (f64::from(x) * 1000.0).round() / 1000.0
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_failed_write_is_said_but_a_closed_pipe_is_not_an_error() {
        let said = written(Err(std::io::Error::other("no space left"))).unwrap_err();
        assert!(
            said.to_string().contains("could not write the output"),
            "{said}"
        );
        assert!(matches!(
            written(Err(std::io::ErrorKind::BrokenPipe.into())),
            Err(CliError::OutputClosed)
        ));
    }
}
