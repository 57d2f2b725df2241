//! `claimdesk batch`: every article of folders (recursively) and of files given directly, each
//! to one output in `--out`: its claims as `claimdesk extract` prints them, or its report as
//! `claimdesk report` writes it for a fresh review, and with `--session` a new session too.
//!
//! Output names mirror each article's path under the folder given (`a/b/x.html` →
//! `OUT/a/b/x.report.md`); files given directly go to the top of `OUT`; names that would meet
//! (`x.txt` and `x.html`, or two files given directly with the same name) get `-2`, `-3`… in
//! the order of their paths. A bad article never stops the batch: it is listed, with why, in the
//! summary on stderr, and the command exits 1. Articles are read on every core (the rayon pool
//! `extract::start_threads` made); the outputs and the summary are the same whatever the order.

use super::{CliError, ExtractFormat, in_command_line_terms, write_extract_output};
use crate::article;
use crate::extract;
use crate::i18n::Lang;
use crate::report::{self, Format};
use crate::review::Review;
use crate::store::{self, StoreError};
use clap::ValueEnum;
use rayon::prelude::*;
use std::collections::HashSet;
use std::io::IsTerminal;
use std::path::{Path, PathBuf};

/// What `claimdesk batch` writes for each article.
#[derive(Debug, Clone, Copy, ValueEnum)]
pub enum BatchFormat {
    /// The claims, one JSON object a line, as `claimdesk extract` prints them.
    Jsonl,
    /// The report in Markdown, as `claimdesk report --format md` writes it.
    Md,
    /// The report as one HTML page, as `claimdesk report --format html` writes it.
    Html,
    /// The report as CSV, as `claimdesk report --format csv` writes it.
    Csv,
}

impl BatchFormat {
    /// The end of the output's name, after the article's name without its extension.
    fn suffix(self) -> &'static str {
        match self {
            BatchFormat::Jsonl => ".claims.jsonl",
            BatchFormat::Md => ".report.md",
            BatchFormat::Html => ".report.html",
            BatchFormat::Csv => ".report.csv",
        }
    }

    /// The report format, for all but `Jsonl`.
    fn report(self) -> Option<Format> {
        match self {
            BatchFormat::Jsonl => None,
            BatchFormat::Md => Some(Format::Markdown),
            BatchFormat::Html => Some(Format::Html),
            BatchFormat::Csv => Some(Format::Csv),
        }
    }
}

const SESSION_SUFFIX: &str = ".claimdesk.json";

/// One article to read, and where its outputs go.
struct Job {
    /// The article, as found (a folder given joined with the path under it) or as given.
    path: PathBuf,
    /// Its outputs' path in `--out` without the suffix: `a/b/x`, or `x-2` when names meet.
    stem: PathBuf,
}

/// `claimdesk batch`: the articles of `inputs` into `out`, in `format`, with `session` a new
/// session each (replacing one only with `force`).
pub(super) fn batch(
    inputs: &[PathBuf],
    out: &Path,
    format: BatchFormat,
    session: bool,
    force: bool,
) -> Result<(), CliError> {
    std::fs::create_dir_all(out).map_err(|e| {
        CliError::Input(format!(
            "could not make the output folder {}: {e}. Give another --out folder.",
            out.display()
        ))
    })?;
    let (jobs, not_found) = find_articles(inputs, out);
    if jobs.is_empty() && not_found.is_empty() {
        return Err(CliError::Input(format!(
            "found no articles (.txt, .md, .html, .htm, .xhtml, .docx, .pdf) in {}.",
            shown_list(inputs)
        )));
    }
    let total = jobs.len() + not_found.len();
    let bar = progress_bar(jobs.len() as u64);
    let results: Vec<(PathBuf, Result<(), String>)> = jobs
        .par_iter()
        .map(|job| {
            let result = one(job, out, format, session, force)
                .map_err(|e| in_command_line_terms(e, "give another --out folder").to_string());
            if let Some(bar) = &bar {
                if let Err(why) = &result {
                    bar.println(format!("claimdesk: failed: {}", with_path(&job.path, why)));
                }
                bar.inc(1);
            }
            (job.path.clone(), result)
        })
        .collect();
    if let Some(bar) = bar {
        bar.finish_and_clear();
    }
    let mut failed: Vec<(PathBuf, String)> = not_found;
    failed.extend(
        results
            .into_iter()
            .filter_map(|(path, r)| r.err().map(|why| (path, why))),
    );
    failed.sort();
    let done = total - failed.len();
    if failed.is_empty() {
        eprintln!(
            "claimdesk: batch: {done} article{} done, written to {}.",
            plural(done),
            out.display()
        );
        return Ok(());
    }
    eprintln!(
        "claimdesk: batch: {done} of {total} articles done, {} failed:",
        failed.len()
    );
    for (path, why) in &failed {
        eprintln!("  {}", with_path(path, why));
    }
    let others = if done > 0 {
        format!("; the others are in {}", out.display())
    } else {
        String::new()
    };
    Err(CliError::Input(format!(
        "{} of {total} article{} failed (see above){others}.",
        failed.len(),
        plural(total),
    )))
}

fn plural(n: usize) -> &'static str {
    if n == 1 { "" } else { "s" }
}

/// `why` with the article's path in front, unless it already names it.
fn with_path(path: &Path, why: &str) -> String {
    let shown = path.display().to_string();
    if why.contains(&shown) {
        why.to_string()
    } else {
        format!("{shown}: {why}")
    }
}

fn shown_list(paths: &[PathBuf]) -> String {
    let shown: Vec<String> = paths.iter().map(|p| p.display().to_string()).collect();
    shown.join(", ")
}

/// A progress bar on stderr when it is a terminal; nothing in logs and pipes.
fn progress_bar(len: u64) -> Option<indicatif::ProgressBar> {
    if !std::io::stderr().is_terminal() {
        return None;
    }
    let bar = indicatif::ProgressBar::with_draw_target(
        Some(len),
        indicatif::ProgressDrawTarget::stderr(),
    );
    if let Ok(style) = indicatif::ProgressStyle::with_template(
        "{bar:40} {pos}/{len} articles, {elapsed} (about {eta} left)",
    ) {
        bar.set_style(style);
    }
    Some(bar)
}

/// The articles of `inputs` (folders searched recursively, `out` left out), sorted by path,
/// with their output names; and the inputs that are not there, with why.
fn find_articles(inputs: &[PathBuf], out: &Path) -> (Vec<Job>, Vec<(PathBuf, String)>) {
    let out_real = std::fs::canonicalize(out).ok();
    // (article, its outputs' path in `out` before names are made unique)
    let mut found: Vec<(PathBuf, PathBuf)> = Vec::new();
    let mut not_found = Vec::new();
    for input in inputs {
        if input.is_dir() {
            let mut seen = HashSet::new();
            walk(
                input,
                Path::new(""),
                out_real.as_deref(),
                &mut seen,
                &mut found,
                &mut not_found,
            );
        } else if std::fs::symlink_metadata(input).is_ok() {
            let name = input.file_name().map(PathBuf::from).unwrap_or_default();
            found.push((input.clone(), without_extension(&name)));
        } else {
            not_found.push((
                input.clone(),
                format!(
                    "{}: no such file or folder. Check the path.",
                    input.display()
                ),
            ));
        }
    }
    found.sort();
    found.dedup_by(|a, b| a.0 == b.0);
    // Names that would meet (also on a file system that ignores case) get -2, -3…
    let mut used: HashSet<String> = HashSet::new();
    let jobs = found
        .into_iter()
        .map(|(path, stem)| {
            let mut unique = stem.clone();
            let mut n = 2;
            while !used.insert(unique.to_string_lossy().to_lowercase()) {
                let mut name = stem.file_name().unwrap_or_default().to_os_string();
                name.push(format!("-{n}"));
                unique = stem.with_file_name(name);
                n += 1;
            }
            Job { path, stem: unique }
        })
        .collect();
    (jobs, not_found)
}

/// The articles under `dir` (which is `under` below the folder given), into `found`; a folder
/// that cannot be read, with why, into `unreadable` (it fails the batch: its articles are
/// missing). Hidden files and folders, sessions and `out` are left out; a folder already seen
/// (a link back up) is not searched again.
fn walk(
    dir: &Path,
    under: &Path,
    out: Option<&Path>,
    seen: &mut HashSet<PathBuf>,
    found: &mut Vec<(PathBuf, PathBuf)>,
    unreadable: &mut Vec<(PathBuf, String)>,
) {
    let cannot_read = |e: std::io::Error| {
        (
            dir.to_path_buf(),
            format!(
                "could not read the folder {}: {e}. Check that you may read it; its articles were not done.",
                dir.display()
            ),
        )
    };
    let real = match std::fs::canonicalize(dir) {
        Ok(real) => real,
        Err(e) => return unreadable.push(cannot_read(e)),
    };
    if Some(real.as_path()) == out || !seen.insert(real) {
        return;
    }
    let entries = match std::fs::read_dir(dir) {
        Ok(entries) => entries,
        Err(e) => return unreadable.push(cannot_read(e)),
    };
    let mut entries: Vec<_> = entries.filter_map(Result::ok).collect();
    entries.sort_by_key(|e| e.file_name());
    for entry in entries {
        let name = entry.file_name();
        let name_str = name.to_string_lossy();
        if name_str.starts_with('.') {
            continue;
        }
        let path = entry.path();
        let rel = under.join(&name);
        // Follows links: `metadata`, not the entry's own type.
        if path.is_dir() {
            walk(&path, &rel, out, seen, found, unreadable);
        } else if is_article_name(&name_str) {
            found.push((path, without_extension(&rel)));
        }
    }
}

fn is_article_name(name: &str) -> bool {
    if name.to_lowercase().ends_with(SESSION_SUFFIX) {
        return false;
    }
    Path::new(name)
        .extension()
        .is_some_and(|e| article::EXTENSIONS.contains(&e.to_string_lossy().to_lowercase().as_str()))
}

fn without_extension(path: &Path) -> PathBuf {
    match path.file_stem() {
        Some(stem) if path.extension().is_some() => path.with_file_name(stem),
        _ => path.to_path_buf(),
    }
}

/// `stem` in `out` with `suffix` added to its name.
fn output_path(out: &Path, stem: &Path, suffix: &str) -> PathBuf {
    let mut name = out.join(stem).into_os_string();
    name.push(suffix);
    PathBuf::from(name)
}

/// One article: read, its claims picked, its output (and session) written.
fn one(
    job: &Job,
    out: &Path,
    format: BatchFormat,
    session: bool,
    force: bool,
) -> Result<(), CliError> {
    if job
        .path
        .to_string_lossy()
        .to_lowercase()
        .ends_with(SESSION_SUFFIX)
    {
        return Err(CliError::Input(format!(
            "{} is a Claimdesk session, not an article: batch reads articles (.txt, .md, .html, .docx, .pdf).",
            job.path.display()
        )));
    }
    let output = output_path(out, &job.stem, format.suffix());
    let session_path = session.then(|| output_path(out, &job.stem, SESSION_SUFFIX));
    if let Some(s) = &session_path
        && !force
        && std::fs::symlink_metadata(s).is_ok()
    {
        return Err(exists(s));
    }
    let a = article::load(&job.path)?;
    let min_score = extract::DEFAULT_THRESHOLD;
    let sentences = extract::sentences_for_claims(&a, min_score);
    if let Some(parent) = output.parent() {
        std::fs::create_dir_all(parent).map_err(|e| {
            CliError::Input(format!(
                "could not make the folder {}: {e}. Give another --out folder.",
                parent.display()
            ))
        })?;
    }
    let review = (session || format.report().is_some())
        .then(|| Review::new(a.clone(), &extract::select(sentences.clone(), min_score)));
    if let (Some(path), Some(review)) = (&session_path, &review) {
        if force {
            store::save(review, path)?;
        } else {
            // Made since the check above: still not replaced.
            store::save_new(review, path).map_err(|e| match e {
                StoreError::Exists { .. } => exists(path),
                e => e.into(),
            })?;
        }
    }
    match (format.report(), &review) {
        (Some(report_format), Some(review)) => {
            let options = report::Options::new(review, report_format, Lang::EN);
            let settings = report::ReportSettings::for_lang(options.lang);
            let text = report::render_with(review, report_format, &settings, options);
            store::write_atomic(&output, text.as_bytes())?;
        }
        _ => {
            store::write_atomic_with(&output, |f| {
                let mut f = std::io::BufWriter::new(f);
                write_extract_output(
                    &mut f,
                    &a,
                    &sentences,
                    ExtractFormat::Jsonl,
                    false,
                    min_score,
                )?;
                std::io::Write::flush(&mut f)
            })?;
        }
    }
    Ok(())
}

/// Why a session is not written over an existing file.
fn exists(path: &Path) -> CliError {
    CliError::Input(format!(
        "{} exists; nothing written (add --force to replace it).",
        path.display()
    ))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_folder_that_cannot_be_read_is_said_not_skipped() {
        // A folder gone between the listing and the reading (the case root can make here; a
        // folder without read permission takes the same path).
        let dir = tempfile::tempdir().unwrap();
        let gone = dir.path().join("gone");
        let (mut seen, mut found, mut unreadable) = (HashSet::new(), Vec::new(), Vec::new());
        walk(
            &gone,
            Path::new(""),
            None,
            &mut seen,
            &mut found,
            &mut unreadable,
        );
        assert!(found.is_empty());
        assert_eq!(unreadable.len(), 1);
        assert_eq!(unreadable[0].0, gone);
        assert!(
            unreadable[0].1.contains("could not read the folder"),
            "{}",
            unreadable[0].1
        );
    }

    #[test]
    fn names_that_meet_get_a_number_in_path_order() {
        let dir = tempfile::tempdir().unwrap();
        let root = dir.path().join("in");
        std::fs::create_dir_all(root.join("a/b")).unwrap();
        std::fs::create_dir_all(root.join(".hidden")).unwrap();
        for f in [
            "x.txt",
            "x.html",
            "a/b/index.html",
            "a/index.html",
            "s.claimdesk.json",
            ".h.txt",
            ".hidden/y.txt",
            "notes.json",
        ] {
            std::fs::write(root.join(f), "Le chômage a baissé de 3 %.").unwrap();
        }
        let out = root.join("out");
        std::fs::create_dir_all(&out).unwrap();
        std::fs::write(out.join("x.report.md"), "# not an article").unwrap();
        let (jobs, missing) = find_articles(&[root.clone(), root.join("x.txt")], &out);
        assert!(missing.is_empty());
        let got: Vec<(String, String)> = jobs
            .iter()
            .map(|j| {
                (
                    j.path.strip_prefix(&root).unwrap().display().to_string(),
                    j.stem.display().to_string(),
                )
            })
            .collect();
        let want = [
            ("a/b/index.html", "a/b/index"),
            ("a/index.html", "a/index"),
            ("x.html", "x"),
            ("x.txt", "x-2"),
        ];
        let want: Vec<(String, String)> = want
            .iter()
            .map(|(a, b)| (a.to_string(), b.to_string()))
            .collect();
        assert_eq!(got, want);
    }

    #[cfg(unix)]
    #[test]
    fn a_link_back_up_is_searched_once() {
        let dir = tempfile::tempdir().unwrap();
        let root = dir.path();
        std::fs::create_dir_all(root.join("a")).unwrap();
        std::fs::write(root.join("a/x.txt"), "Le chômage a baissé de 3 %.").unwrap();
        std::os::unix::fs::symlink(root, root.join("a/up")).unwrap();
        let (jobs, _) = find_articles(&[root.to_path_buf()], &root.join("out"));
        assert_eq!(jobs.len(), 1);
    }
}
