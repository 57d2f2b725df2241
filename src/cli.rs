//! The headless subcommands: everything the GUI does to an article, for batch work and tests.

use crate::article::{self, ArticleError};
use crate::extract::{self, Candidate, lang, lexicon, score, segment};
use crate::report::{self, Format};
use crate::review::Review;
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
    Md,
    Json,
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
    /// Write the report of a saved session.
    Report {
        session: PathBuf,
        #[arg(long, value_enum)]
        format: ReportFormat,
        /// Output file (default: standard output).
        #[arg(short, long)]
        output: Option<PathBuf>,
    },
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
    match out.write_all(s.as_bytes()) {
        Ok(()) => Ok(()),
        // `claimdesk extract … | head` closes the pipe early: that is not an error.
        Err(e) if e.kind() == std::io::ErrorKind::BrokenPipe => Ok(()),
        Err(e) => Err(CliError::Input(format!("could not write the output: {e}"))),
    }
}

fn candidate_json(
    c: &Candidate,
    id: Option<u32>,
    idx: &CharIndex,
    threshold: f32,
) -> serde_json::Value {
    json!({
        "id": id,
        "start": idx.char_of(c.range.start),
        "end": idx.char_of(c.range.end),
        "text": c.text,
        "score": round3(c.score),
        "check_worthy": c.is_claim(threshold),
        "reasons": c.reasons,
        "kind": c.kind,
        "kind_reason": c.kind_reason,
        "block": c.block.label(),
        "claimant": c.claimant,
        "group": c.group.map(|g| g + 1),
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
            let a = article::load(&path)?;
            let sentences = extract::sentences(&a);
            let claims: Vec<Candidate> = extract::select(sentences.clone(), min_score);
            if let Some(session_path) = session {
                let review = Review::new(a.clone(), &claims);
                store::save(&review, &session_path)?;
            }
            let idx = CharIndex::new(&a.text);
            // Claims are numbered as in the session; other sentences have no id.
            let mut next_id = 0u32;
            let shown: Vec<serde_json::Value> = if all {
                sentences
                    .iter()
                    .map(|c| {
                        let id = c.is_claim(min_score).then(|| {
                            next_id += 1;
                            next_id
                        });
                        candidate_json(c, id, &idx, min_score)
                    })
                    .collect()
            } else {
                claims
                    .iter()
                    .enumerate()
                    .map(|(i, c)| candidate_json(c, Some(i as u32 + 1), &idx, min_score))
                    .collect()
            };
            let text = match format {
                ExtractFormat::Jsonl => shown.iter().map(|v| v.to_string() + "\n").collect(),
                ExtractFormat::Json => {
                    serde_json::to_string_pretty(&shown).unwrap_or_default() + "\n"
                }
                ExtractFormat::Md => {
                    let mut s = format!("# Claims in {}\n\n", a.display_title());
                    for v in &shown {
                        let reasons: Vec<&str> = v["reasons"]
                            .as_array()
                            .map(|r| r.iter().filter_map(|x| x.as_str()).collect())
                            .unwrap_or_default();
                        let tag = if v["check_worthy"] == true {
                            ""
                        } else {
                            " (below threshold)"
                        };
                        s.push_str(&format!(
                            "- **{:.2}**{tag} {} — _{}_\n",
                            v["score"].as_f64().unwrap_or(0.0),
                            v["text"].as_str().unwrap_or(""),
                            reasons.join(", ")
                        ));
                    }
                    s
                }
            };
            write_out(out, &text)
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
        } => {
            let review = store::load(&session)?;
            let fmt = match format {
                ReportFormat::Md => Format::Markdown,
                ReportFormat::Json => Format::Json,
            };
            let text = report::render(&review, fmt);
            match output {
                Some(path) => Ok(store::write_atomic(&path, text.as_bytes())?),
                None => write_out(out, &text),
            }
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
