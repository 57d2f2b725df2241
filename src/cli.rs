//! The headless subcommands: everything the GUI does to an article, for batch work and tests.

use crate::article::{self, Article, ArticleError};
use crate::extract::{self, Candidate, lang, lexicon, score, segment};
use crate::report::{self, Format};
use crate::review::{Action, Evidence, Review, Stance, Verdict};
use crate::store::{self, StoreError};
use crate::text::CharIndex;
use clap::{Parser, Subcommand, ValueEnum};
use serde_json::json;
use std::io::{Read, Write};
use std::path::{Path, PathBuf};

#[derive(Debug, Parser)]
#[command(
    name = "claimdesk",
    version,
    about = "Offline workbench for fact-checkers: open an article, review its claims, export a report.",
    long_about = "Offline workbench for fact-checkers.\n\nWith no subcommand, opens the desktop app (on ARTICLE if given: .txt, .md, .html or a .claimdesk.json session).",
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
        article: PathBuf,
        #[arg(long, value_enum, default_value_t = ExtractFormat::Jsonl)]
        format: ExtractFormat,
        /// Also print the sentences below the threshold.
        #[arg(long)]
        all: bool,
        /// Threshold for a sentence to be a claim (0..1).
        #[arg(long, default_value_t = extract::DEFAULT_THRESHOLD)]
        min_score: f32,
        /// Also write a new, unreviewed session for the article.
        #[arg(long, value_name = "OUT.claimdesk.json")]
        session: Option<PathBuf>,
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
        /// methodology, corrections_policy, ratings); fields left out keep the defaults for the
        /// article's language.
        #[arg(long, value_name = "FILE.json")]
        settings: Option<PathBuf>,
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
}

impl Command {
    /// The file the command reads most of, as given (`None` for standard input): its size tells
    /// how much memory the command will touch (`memory::tune_allocator_for_batch`).
    pub fn input(&self) -> Option<&Path> {
        let path = match self {
            Command::Text { article, .. } | Command::Extract { article, .. } => article,
            Command::Segment { input, .. }
            | Command::Score { input, .. }
            | Command::Features { input, .. } => input,
            Command::Reanchor { new_article, .. } => new_article,
            Command::Report { session, .. } | Command::Mark { session, .. } => session,
        };
        (path != Path::new("-")).then_some(path.as_path())
    }
}

/// A subcommand's failure: printed on stderr, exit code 1.
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
}

fn read_input(input: &Path) -> Result<String, CliError> {
    let mut bytes = Vec::new();
    if input == Path::new("-") {
        std::io::stdin()
            .read_to_end(&mut bytes)
            .map_err(|e| CliError::Input(format!("could not read standard input: {e}")))?;
    } else {
        let meta = std::fs::metadata(input)
            .map_err(|e| CliError::Input(format!("could not read {}: {e}", input.display())))?;
        if meta.is_dir() {
            return Err(CliError::Input(format!(
                "{} is a folder, not a text file",
                input.display()
            )));
        }
        if meta.len() > article::MAX_FILE_BYTES {
            return Err(ArticleError::TooLarge {
                path: input.display().to_string(),
                size_mb: meta.len() as f64 / 1048576.0,
                limit_mb: article::MAX_FILE_BYTES / 1048576,
            }
            .into());
        }
        bytes = std::fs::read(input)
            .map_err(|e| CliError::Input(format!("could not read {}: {e}", input.display())))?;
    }
    Ok(article::decode_text(&bytes))
}

fn write_out(out: &mut impl Write, s: &str) -> Result<(), CliError> {
    written(out.write_all(s.as_bytes()))
}

/// What a failed write of the output means for the command (see `write_out`).
fn written(result: std::io::Result<()>) -> Result<(), CliError> {
    match result {
        Ok(()) => Ok(()),
        // `claimdesk extract … | head` closes the pipe early: that is not an error.
        Err(e) if e.kind() == std::io::ErrorKind::BrokenPipe => Ok(()),
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

    /// The line as compact JSON, as `serde_json::to_writer` writes it (the same bytes), written
    /// field by field: a megabyte of text gives thousands of lines.
    fn write_json(&self, buf: &mut Vec<u8>) {
        let mut num = itoa::Buffer::new();
        buf.extend_from_slice(b"{\"block\":");
        push_json_str(buf, self.block);
        buf.extend_from_slice(b",\"check_worthy\":");
        buf.extend_from_slice(if self.check_worthy { b"true" } else { b"false" });
        buf.extend_from_slice(b",\"claimant\":");
        match self.claimant {
            Some(c) => push_json_str(buf, c),
            None => buf.extend_from_slice(b"null"),
        }
        buf.extend_from_slice(b",\"end\":");
        buf.extend_from_slice(num.format(self.end).as_bytes());
        buf.extend_from_slice(b",\"group\":");
        match self.group {
            Some(g) => buf.extend_from_slice(num.format(g).as_bytes()),
            None => buf.extend_from_slice(b"null"),
        }
        buf.extend_from_slice(b",\"id\":");
        match self.id {
            Some(id) => buf.extend_from_slice(num.format(id).as_bytes()),
            None => buf.extend_from_slice(b"null"),
        }
        buf.extend_from_slice(b",\"kind\":");
        push_json_str(buf, self.kind);
        buf.extend_from_slice(b",\"kind_reason\":");
        push_json_str(buf, self.kind_reason);
        buf.extend_from_slice(b",\"reasons\":[");
        for (i, r) in self.reasons.iter().enumerate() {
            if i > 0 {
                buf.push(b',');
            }
            push_json_str(buf, r);
        }
        buf.extend_from_slice(b"],\"score\":");
        // Writing a number to memory cannot fail.
        let _ = serde_json::to_writer(&mut *buf, &self.score);
        buf.extend_from_slice(b",\"start\":");
        buf.extend_from_slice(num.format(self.start).as_bytes());
        buf.extend_from_slice(b",\"text\":");
        push_json_str(buf, self.text);
        buf.push(b'}');
    }
}

/// Whether any of eight bytes is a control character, `"` or `\\`, tested at once on the
/// eight as one number: a byte is below 0x20 when subtracting 0x20 borrows into its top bit
/// while that bit was clear, and equals `"` when it XORs with `"` to zero.
fn eight_need_escape(eight: &[u8]) -> bool {
    const ONES: u64 = 0x0101_0101_0101_0101;
    const HIGH: u64 = 0x8080_8080_8080_8080;
    let mut word = [0; 8];
    word.copy_from_slice(eight);
    let x = u64::from_le_bytes(word);
    let below = |v: u64, n: u64| v.wrapping_sub(ONES * n) & !v & HIGH;
    (below(x, 0x20)
        | below(x ^ (ONES * u64::from(b'"')), 1)
        | below(x ^ (ONES * u64::from(b'\\')), 1))
        != 0
}

/// `s` as a JSON string, escaped as serde_json escapes it: `"`, `\\` and control characters.
fn push_json_str(buf: &mut Vec<u8>, s: &str) {
    let needs_escape = |b: u8| b < 0x20 || b == b'"' || b == b'\\';
    let b = s.as_bytes();
    buf.push(b'"');
    let (mut from, mut i) = (0, 0);
    while i < b.len() {
        // Eight bytes at a time while none needs escaping.
        if let Some(eight) = b.get(i..i + 8)
            && !eight_need_escape(eight)
        {
            i += 8;
            continue;
        }
        let x = b[i];
        if needs_escape(x) {
            buf.extend_from_slice(&b[from..i]);
            match x {
                b'"' => buf.extend_from_slice(b"\\\""),
                b'\\' => buf.extend_from_slice(b"\\\\"),
                b'\n' => buf.extend_from_slice(b"\\n"),
                b'\t' => buf.extend_from_slice(b"\\t"),
                b'\r' => buf.extend_from_slice(b"\\r"),
                0x08 => buf.extend_from_slice(b"\\b"),
                0x0c => buf.extend_from_slice(b"\\f"),
                _ => {
                    const HEX: &[u8; 16] = b"0123456789abcdef";
                    buf.extend_from_slice(b"\\u00");
                    buf.push(HEX[usize::from(x >> 4)]);
                    buf.push(HEX[usize::from(x & 15)]);
                }
            }
            from = i + 1;
        }
        i += 1;
    }
    buf.extend_from_slice(&b[from..]);
    buf.push(b'"');
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

/// Writes `extract_output` to `out`, JSON lines as they are made (see `write_json_lines`).
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
        ExtractFormat::Jsonl => write_json_lines(out, &shown, line_of),
        ExtractFormat::Json => {
            let lines: Vec<CandidateLine> = shown.iter().map(line_of).collect();
            let json = serde_json::to_string_pretty(&lines).unwrap_or_default();
            out.write_all(json.as_bytes())?;
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

/// Lines of JSON made at a time by one thread and handed to the writer: about 100 KB of claims.
const LINES_PER_PIECE: usize = 256;

/// Room for a piece's lines: an English claim's line is about 430 bytes, its reasons included.
const PIECE_ROOM: usize = LINES_PER_PIECE * 512;

/// Writes the JSON line of each of `shown`, in order, made in pieces of `LINES_PER_PIECE` on
/// every worker thread (`write_in_order`).
///
/// Made whole before being written, a megabyte of English claims was 6.4 MB of buffers, each
/// page of them faulted in and then given back when the process ends (about 2 µs a page here);
/// now the buffers in use at a time are a few per thread.
fn write_json_lines<'a>(
    out: &mut impl Write,
    shown: &[Shown],
    line_of: impl Fn(&Shown) -> CandidateLine<'a> + Sync,
) -> std::io::Result<()> {
    let pieces: Vec<&[Shown]> = shown.chunks(LINES_PER_PIECE).collect();
    let make = |piece: &&[Shown], buf: &mut Vec<u8>| {
        for line in piece.iter().map(&line_of) {
            line.write_json(buf);
            buf.push(b'\n');
        }
    };
    write_in_order(out, &pieces, make, extract::threads() - 1)
}

/// Writes what `make` makes of each of `pieces` (into an empty buffer), in order: `helpers`
/// worker threads and this one each take the next piece not taken and make it, and this one
/// writes the pieces made so far, in order, whenever it is between two pieces; each buffer
/// written is used again for a later piece.
///
/// This thread makes pieces too, rather than only waiting to write them: on two cores, a writer
/// waiting beside two makers was not run until they were done, so every piece was made in a
/// buffer of its own. Each thread taking the next piece, none waits on another, and a worker
/// that does not start (in a busy pool) leaves its share to the others. When a write fails, the
/// workers stop after their current piece and the error is returned.
fn write_in_order<P: Sync>(
    out: &mut impl Write,
    pieces: &[P],
    make: impl Fn(&P, &mut Vec<u8>) + Sync,
    helpers: usize,
) -> std::io::Result<()> {
    use std::sync::atomic::{AtomicBool, AtomicUsize, Ordering::Relaxed};
    let helpers = helpers.min(pieces.len().saturating_sub(1));
    if helpers == 0 {
        let mut buf = Vec::new();
        for piece in pieces {
            buf.clear();
            make(piece, &mut buf);
            out.write_all(&buf)?;
        }
        return Ok(());
    }
    let next = AtomicUsize::new(0);
    let stop = AtomicBool::new(false);
    let spare: std::sync::Mutex<Vec<Vec<u8>>> = std::sync::Mutex::new(Vec::new());
    // Piece `k` made in a buffer used before, or in a new one.
    let made_of = |k: usize| {
        let buf = spare.lock().ok().and_then(|mut s| s.pop());
        let mut buf = buf.unwrap_or_else(|| Vec::with_capacity(PIECE_ROOM));
        buf.clear();
        make(&pieces[k], &mut buf);
        buf
    };
    let (made, made_rx) = std::sync::mpsc::channel::<(usize, Vec<u8>)>();
    let (next, stop, made_of) = (&next, &stop, &made_of);
    extract::in_place_scope(|scope| {
        for _ in 0..helpers {
            let made = made.clone();
            scope.spawn(move |_| {
                while !stop.load(Relaxed) {
                    let k = next.fetch_add(1, Relaxed);
                    if k >= pieces.len() || made.send((k, made_of(k))).is_err() {
                        return;
                    }
                }
            });
        }
        drop(made);
        // Pieces made ahead of the next one to write.
        let mut ahead: Vec<Option<Vec<u8>>> = vec![None; pieces.len()];
        let mut written = 0;
        let result = loop {
            for (k, buf) in made_rx.try_iter() {
                ahead[k] = Some(buf);
            }
            let mut failed = None;
            while let Some(buf) = ahead.get_mut(written).and_then(Option::take) {
                if let Err(e) = out.write_all(&buf) {
                    failed = Some(e);
                    break;
                }
                if let Ok(mut s) = spare.lock() {
                    s.push(buf);
                }
                written += 1;
            }
            if let Some(e) = failed {
                break Err(e);
            }
            if written == pieces.len() {
                break Ok(());
            }
            let k = next.fetch_add(1, Relaxed);
            if k < pieces.len() {
                ahead[k] = Some(made_of(k));
            } else {
                // Every piece is taken: wait for the workers'. None left to come: a worker
                // panicked, which the scope raises again once the others are done.
                match made_rx.recv() {
                    Ok((k, buf)) => ahead[k] = Some(buf),
                    Err(_) => break Ok(()),
                }
            }
        };
        stop.store(result.is_err(), Relaxed);
        result
    })
}

/// Runs a subcommand, writing to `out`.
pub fn run(cmd: Command, out: &mut impl Write) -> Result<(), CliError> {
    match cmd {
        Command::Text {
            article: path,
            blocks,
            body,
        } => {
            let a = article::load(&path)?;
            if blocks {
                let idx = CharIndex::new(&a.text);
                let mut buf = String::new();
                for b in &a.blocks {
                    let v = json!({
                        "kind": b.kind,
                        "start": idx.char_of(b.start),
                        "end": idx.char_of(b.end),
                        "text": &a.text[b.start..b.end],
                    });
                    buf.push_str(&v.to_string());
                    buf.push('\n');
                }
                return write_out(out, &buf);
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
        Command::Segment { lang: l, input } => {
            let text = read_input(&input)?;
            let code = lang::resolve(Some(&l), &text);
            let lex = lexicon::for_language(&code);
            let idx = CharIndex::new(&text);
            let mut buf = String::new();
            for r in segment::sentences(&text, lex) {
                let line = json!({"start": idx.char_of(r.start), "end": idx.char_of(r.end), "text": &text[r]});
                buf.push_str(&line.to_string());
                buf.push('\n');
            }
            write_out(out, &buf)
        }
        Command::Score {
            lang: l,
            input,
            min_score,
        } => {
            check_threshold(min_score)?;
            let text = read_input(&input)?;
            let code = lang::resolve(Some(&l), &text);
            let lex = lexicon::for_language(&code);
            let mut buf = String::new();
            for line in text.lines() {
                let s = score::score(line.trim(), lex);
                let v = json!({
                    "score": round3(s.score),
                    "check_worthy": s.score >= min_score,
                    "reasons": s.reasons,
                    "kind": s.kind,
                    "kind_reason": s.kind_reason,
                    "claimant": s.claimant,
                });
                buf.push_str(&v.to_string());
                buf.push('\n');
            }
            write_out(out, &buf)
        }
        Command::Features { lang: l, input } => {
            let text = read_input(&input)?;
            let code = lang::resolve(Some(&l), &text);
            let lex = lexicon::for_language(&code);
            let mut buf = String::new();
            for line in text.lines() {
                let obj: serde_json::Map<String, serde_json::Value> =
                    score::features(line.trim(), lex)
                        .into_iter()
                        .map(|f| (f.name, json!(f.value)))
                        .collect();
                buf.push_str(&serde_json::Value::Object(obj).to_string());
                buf.push('\n');
            }
            write_out(out, &buf)
        }
        Command::Extract {
            article: path,
            format,
            all,
            min_score,
            session,
        } => {
            check_threshold(min_score)?;
            // The lexicons and model load while the article is read.
            extract::warm_up_cleaning();
            let a = article::load(&path)?;
            crate::timing::mark("text laid out");
            // Only the claims are printed (and saved) unless --all: only they need explaining.
            let sentences = if all {
                extract::sentences(&a)
            } else {
                extract::sentences_for_claims(&a, min_score)
            };
            if let Some(session_path) = session {
                let claims = extract::select(sentences.clone(), min_score);
                let review = Review::new(a.clone(), &claims);
                store::save(&review, &session_path)?;
            }
            let result = written(write_extract_output(
                out, &a, &sentences, format, all, min_score,
            ));
            crate::timing::mark("output written");
            // The process ends here: the OS takes back the article and the sentences at once,
            // where freeing them piece by piece took milliseconds.
            std::mem::forget((a, sentences));
            result
        }
        Command::Reanchor {
            session,
            new_article,
            output,
        } => {
            let (review, _) = store::load_checked(&session)?;
            let article = article::load(&new_article)?;
            let (moved, report) = crate::review::anchor::reanchor(&review, article);
            let mut buf = String::new();
            for (id, outcome) in &report.outcomes {
                use crate::review::anchor::Outcome;
                let line = match outcome {
                    Outcome::Unchanged => format!("claim {id}: unchanged"),
                    Outcome::Moved { from, to } => {
                        format!("claim {id}: moved (char {from} -> {to})")
                    }
                    Outcome::Edited {
                        old,
                        new,
                        similarity,
                    } => {
                        format!(
                            "claim {id}: edited ({:.0}% similar)\n  was: {old}\n  now: {new}",
                            similarity * 100.0
                        )
                    }
                    Outcome::Orphaned => {
                        format!("claim {id}: orphaned (kept with its verdict and note)")
                    }
                };
                buf.push_str(&line);
                buf.push('\n');
            }
            buf.push_str(&format!("{}\n", report.summary()));
            store::save(&moved, output.as_deref().unwrap_or(&session))?;
            write_out(out, &buf)
        }
        Command::Report {
            session,
            format,
            output,
            settings,
            strict,
            with_article,
        } => {
            let review = store::load(&session)?;
            let lang = review.article.metadata.language.clone();
            let settings = match settings {
                Some(p) => report::ReportSettings::load(&p, lang.as_deref())?,
                None => report::ReportSettings::for_language(lang.as_deref()),
            };
            let warnings = report::lint(&review, &settings);
            for w in &warnings {
                eprintln!("claimdesk: warning: {w}");
            }
            if strict && !warnings.is_empty() {
                return Err(CliError::Strict(warnings.len()));
            }
            let options = report::Options { with_article };
            let text = report::render_with(&review, format.into(), &settings, options);
            match output {
                Some(path) => Ok(store::write_atomic(&path, text.as_bytes())?),
                None => write_out(out, &text),
            }
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
            let mut review = store::load(&session)?;
            let Some(current) = review.claim(claim) else {
                return Err(CliError::Input(format!(
                    "{} has no claim {claim} (its claims are numbered 1 to {}). List them with: claimdesk report {} --format json",
                    session.display(),
                    review.claims.iter().map(|c| c.id).max().unwrap_or(0),
                    session.display()
                )));
            };
            let verdict = Verdict::from(verdict);
            let mut actions = Vec::new();
            if current.verdict != verdict {
                actions.push(Action::SetVerdict { claim, verdict });
            }
            if let Some(note) = note
                && note != current.note
            {
                actions.push(Action::SetNote { claim, note });
            }
            if let Some(url) = evidence {
                let today = chrono::Local::now().date_naive();
                let mut e = Evidence::new(&url, today)
                    .map_err(|e| CliError::Input(format!("--evidence: {e}")))?;
                e.quote = quote.unwrap_or_default();
                e.title = title.unwrap_or_default();
                if let Some(a) = archive {
                    e.archive_url = Some(
                        crate::review::check_url(&a)
                            .map_err(|e| CliError::Input(format!("--archive: {e}")))?,
                    );
                }
                if refutes {
                    e.stance = Stance::Refutes;
                }
                actions.push(Action::AddEvidence {
                    claim,
                    index: current.evidence.len(),
                    evidence: e,
                });
            }
            let mut said = Vec::new();
            for a in actions {
                said.push(a.describe());
                review
                    .apply_by(a, reviewer.as_deref())
                    .map_err(|e| CliError::Input(e.to_string()))?;
            }
            if said.is_empty() {
                return write_out(out, &format!("claim {claim}: nothing to change\n"));
            }
            store::save(&review, &session)?;
            write_out(out, &(said.join("\n") + "\n"))
        }
    }
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

    /// Piece `k` as `write_in_order` is given it to make: its number and a few bytes that
    /// depend on it, some pieces slower to make than others (so that they are made out of order
    /// on several threads).
    fn make_numbered(k: &usize, buf: &mut Vec<u8>) {
        if k.is_multiple_of(7) {
            std::thread::sleep(std::time::Duration::from_micros(200));
        }
        buf.extend_from_slice(format!("{k}:{}\n", "x".repeat(k % 37)).as_bytes());
    }

    #[test]
    fn pieces_are_written_in_order_whoever_makes_them() {
        let pieces: Vec<usize> = (0..300).collect();
        let want: String = pieces
            .iter()
            .map(|k| format!("{k}:{}\n", "x".repeat(k % 37)))
            .collect();
        for helpers in [0, 1, 3, 8] {
            let mut out = Vec::new();
            write_in_order(&mut out, &pieces, make_numbered, helpers).unwrap();
            assert_eq!(String::from_utf8(out).unwrap(), want, "{helpers} helpers");
        }
        // No pieces, one piece.
        let mut out = Vec::new();
        write_in_order(&mut out, &pieces[..0], make_numbered, 3).unwrap();
        write_in_order(&mut out, &pieces[5..6], make_numbered, 3).unwrap();
        assert_eq!(out, b"5:xxxxx\n");
    }

    /// Takes `room` bytes, then fails as a full disk does.
    struct FillsUp {
        room: usize,
        taken: Vec<u8>,
    }

    impl Write for FillsUp {
        fn write(&mut self, buf: &[u8]) -> std::io::Result<usize> {
            if self.taken.len() + buf.len() > self.room {
                return Err(std::io::Error::other("no space left"));
            }
            self.taken.extend_from_slice(buf);
            Ok(buf.len())
        }

        fn flush(&mut self) -> std::io::Result<()> {
            Ok(())
        }
    }

    #[test]
    fn a_failed_write_is_said_and_stops_the_making() {
        let pieces: Vec<usize> = (0..3000).collect();
        let made = std::sync::atomic::AtomicUsize::new(0);
        let make = |k: &usize, buf: &mut Vec<u8>| {
            made.fetch_add(1, std::sync::atomic::Ordering::Relaxed);
            std::thread::sleep(std::time::Duration::from_micros(50));
            make_numbered(k, buf);
        };
        let mut out = FillsUp {
            room: 100,
            taken: Vec::new(),
        };
        let e = write_in_order(&mut out, &pieces, make, 3).unwrap_err();
        assert_eq!(e.to_string(), "no space left");
        // What was written is the start, in order.
        let mut want = Vec::new();
        for k in &pieces[..50] {
            make_numbered(k, &mut want);
        }
        assert!(!out.taken.is_empty() && want.starts_with(&out.taken));
        let made = made.into_inner();
        assert!(made < pieces.len() / 2, "{made} pieces made");
        // As `claimdesk extract` says it.
        let said = written(Err(std::io::Error::other("no space left"))).unwrap_err();
        assert!(
            said.to_string().contains("could not write the output"),
            "{said}"
        );
        assert!(written(Err(std::io::ErrorKind::BrokenPipe.into())).is_ok());
    }

    #[test]
    fn the_input_is_the_file_a_command_reads() {
        use clap::Parser;
        let input = |args: &[&str]| {
            let cli = Cli::try_parse_from(args).unwrap();
            cli.command
                .unwrap()
                .input()
                .map(|p| p.display().to_string())
        };
        assert_eq!(
            input(&["claimdesk", "extract", "--all", "a.txt"]).as_deref(),
            Some("a.txt")
        );
        assert_eq!(
            input(&["claimdesk", "reanchor", "s.json", "new.html"]).as_deref(),
            Some("new.html")
        );
        // Standard input has no size to go by.
        assert_eq!(input(&["claimdesk", "segment"]), None);
        assert_eq!(input(&["claimdesk", "score", "-"]), None);
    }

    #[test]
    fn json_lines_are_written_as_serde_json_writes_them() {
        let reasons: extract::score::Reasons = [
            "named entity: \"Kim\"",
            "back\\slash, tab\t, bell\u{7}, nul\u{0}, del\u{7f}",
            "é, «guillemets», 한국어, \u{2028}",
        ]
        .into_iter()
        .collect();
        let none = extract::score::Reasons::default();
        let texts = [
            "",
            "Plain text of more than sixteen bytes, with nothing to escape in it at all.",
            "Line\nbreak \r\n, form\u{c} feed, backspace\u{8}, unit separator\u{1f} \"quoted\"",
            "0123456789abcde\"",
            "0123456789abcdef\"0123456789abcdef\\",
        ];
        for (n, text) in texts.iter().enumerate() {
            for (claimant, group, id, reasons) in [
                (None, None, None, &none),
                (Some("Le \"porte-parole\"\n"), Some(3), Some(12), &reasons),
            ] {
                let line = CandidateLine {
                    block: "paragraph",
                    check_worthy: n % 2 == 0,
                    claimant,
                    end: 1_000_000 + n,
                    group,
                    id,
                    kind: "quantity",
                    kind_reason: "number: \"3\"",
                    reasons,
                    score: round3(0.1 * n as f32 + 0.0004),
                    start: n,
                    text,
                };
                let mut ours = Vec::new();
                line.write_json(&mut ours);
                let theirs = serde_json::to_vec(&line).unwrap();
                assert_eq!(
                    String::from_utf8(ours).unwrap(),
                    String::from_utf8(theirs).unwrap()
                );
            }
        }
    }

    #[test]
    fn any_byte_to_escape_is_seen_wherever_it_is_among_eight() {
        let needs_escape = |b: u8| b < 0x20 || b == b'"' || b == b'\\';
        // Every byte value at every place, among bytes that need no escaping: plain, just above
        // the control characters, around the quote and backslash, and UTF-8 continuations.
        for fill in [b'a', b' ', b'!', b'#', b'[', b']', 0x80, 0xc3, 0xff] {
            for b in 0..=255u8 {
                for at in 0..8 {
                    let mut eight = [fill; 8];
                    eight[at] = b;
                    assert_eq!(eight_need_escape(&eight), needs_escape(b), "{b:#x} at {at}");
                }
            }
        }
    }
}
