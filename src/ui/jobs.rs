//! Long work off the UI thread: opening an article or a session (a 20 MB PDF takes seconds),
//! re-anchoring the claims on a new version of the article, writing a report. One job at a
//! time, on a worker thread that sends its outcome over a channel and wakes the window up
//! (`request_repaint`); the window polls for it once per frame and applies it, so the review is
//! only ever changed on the UI thread.
//!
//! Cancelling: the parsers cannot be stopped halfway, so cancelling an open or a re-anchoring
//! forgets the job at once and its outcome is dropped when it comes; the worker stops at the
//! next step it checks (after reading the file, after extracting the claims), so that
//! cancelled opens do not pile up behind the next one. An export is told to stop (`store::write_atomic_cancellable`) and waited
//! for, so that the window can say truthfully whether the file was written: cancelled before
//! the rename, the file on disk is as it was.

use super::errors::Failure;
use super::i18n::trf;
use crate::report::{self, Format, Options, ReportSettings};
use crate::review::{Review, anchor};
use crate::{article, store};
use eframe::egui;
use std::path::{Path, PathBuf};
use std::sync::Arc;
use std::sync::atomic::{AtomicBool, AtomicUsize, Ordering};
use std::sync::mpsc::{Receiver, TryRecvError};
use std::time::{Duration, Instant};

/// A review read from disk: the review, the session file it came from (and what that file held),
/// and what was repaired; or why not, said in the window's language by the window (the worker
/// thread does not know it).
pub type Loaded = Result<Opened, Failure>;

/// A review opened: the review, its session file (and what that held), what was repaired.
pub type Opened = (Review, Option<(PathBuf, store::Seen)>, Vec<String>);

/// What a worker is asked to do. Everything it needs is moved in: it never sees the app.
pub enum Work {
    /// An article or a session file.
    Open(PathBuf),
    /// Text from the clipboard, reviewed as an article named `name`.
    Paste { text: String, name: String },
    /// The claims of `review` (a copy) moved onto the article at `path`.
    Reanchor { path: PathBuf, review: Box<Review> },
    /// `review` (a copy) rendered in `format` and written atomically to `path`.
    Export {
        path: PathBuf,
        format: Format,
        review: Box<Review>,
        settings: Box<ReportSettings>,
        options: Options,
    },
}

/// What a worker sends back.
pub enum Outcome {
    Opened {
        /// The file opened (none for pasted text).
        path: Option<PathBuf>,
        loaded: Box<Loaded>,
        /// The session's article file changed since the review was saved.
        source_changed: bool,
    },
    Reanchored {
        path: PathBuf,
        result: Result<(Box<Review>, anchor::Report), Failure>,
    },
    Exported {
        path: PathBuf,
        format: Format,
        result: Result<(), store::StoreError>,
        /// Cancel was pressed, but too late: the file was written.
        cancelled_too_late: bool,
    },
    /// The worker stopped without an answer (it panicked). `what` is the job's label.
    Lost { what: String },
}

/// The kinds of job, for what the window allows while one runs.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Kind {
    /// Replaces the review when it succeeds (open, paste, re-anchor).
    Replace,
    /// Writes a file (export): must finish or stop before the window closes.
    Write,
}

struct Running {
    label: String,
    kind: Kind,
    rx: Receiver<Outcome>,
    cancel: Arc<AtomicBool>,
    started: Instant,
}

/// The job running, if any, and the workers still alive.
#[derive(Default)]
pub struct Jobs {
    running: Option<Running>,
    /// Worker threads not yet ended, those whose job was cancelled included.
    alive: Arc<AtomicUsize>,
}

/// Lowers the count of live workers and wakes the window up when a worker ends, even by a panic.
struct Ending {
    alive: Arc<AtomicUsize>,
    ctx: egui::Context,
}

impl Drop for Ending {
    fn drop(&mut self) {
        self.alive.fetch_sub(1, Ordering::SeqCst);
        self.ctx.request_repaint();
    }
}

impl Jobs {
    /// Starts `work` on a worker thread; `label` says what it does ("Opening a.pdf…").
    /// Refused, with a message for the reviewer, while another job runs or if no thread can
    /// be started.
    pub fn start(&mut self, label: String, work: Work, ctx: &egui::Context) -> Result<(), String> {
        if let Some(r) = &self.running {
            return Err(trf("still-busy", &[("what", &r.label)]));
        }
        let kind = match work {
            Work::Export { .. } => Kind::Write,
            _ => Kind::Replace,
        };
        let (tx, rx) = std::sync::mpsc::channel();
        let cancel = Arc::new(AtomicBool::new(false));
        let ending = Ending {
            alive: self.alive.clone(),
            ctx: ctx.clone(),
        };
        self.alive.fetch_add(1, Ordering::SeqCst);
        let stop = cancel.clone();
        let spawned = std::thread::Builder::new()
            .name("claimdesk-job".into())
            .spawn(move || {
                let _ending = ending;
                // The window may have stopped listening (cancelled): the outcome is dropped.
                let _ = tx.send(run(work, &stop));
            });
        if let Err(e) = spawned {
            // The closure, and `ending` in it, were dropped: the count is back down.
            return Err(trf("no-thread", &[("what", &label), ("e", &e)]));
        }
        self.running = Some(Running {
            label,
            kind,
            rx,
            cancel,
            started: Instant::now(),
        });
        Ok(())
    }

    pub fn is_busy(&self) -> bool {
        self.running.is_some()
    }

    /// What the running job does, as shown to the reviewer.
    pub fn label(&self) -> Option<&str> {
        self.running.as_ref().map(|r| r.label.as_str())
    }

    pub fn kind(&self) -> Option<Kind> {
        self.running.as_ref().map(|r| r.kind)
    }

    /// How long the running job has been going.
    pub fn elapsed(&self) -> Option<Duration> {
        self.running.as_ref().map(|r| r.started.elapsed())
    }

    /// An export was told to stop and is being waited for.
    pub fn is_cancelling(&self) -> bool {
        self.running
            .as_ref()
            .is_some_and(|r| r.cancel.load(Ordering::Relaxed))
    }

    /// Worker threads still running, cancelled ones included.
    pub fn workers_alive(&self) -> usize {
        self.alive.load(Ordering::SeqCst)
    }

    /// Cancels the running job: a replacing job is forgotten at once (true is returned); an
    /// export is told to stop, and its outcome (cancelled, or written if the cancel came too
    /// late) still comes through `poll`.
    pub fn cancel(&mut self) -> bool {
        let Some(r) = &self.running else {
            return false;
        };
        r.cancel.store(true, Ordering::Relaxed);
        if r.kind == Kind::Replace {
            self.running = None;
            return true;
        }
        false
    }

    /// The outcome of the running job, if it has come.
    pub fn poll(&mut self) -> Option<Outcome> {
        let r = self.running.as_ref()?;
        let outcome = match r.rx.try_recv() {
            Ok(o) => o,
            Err(TryRecvError::Empty) => return None,
            Err(TryRecvError::Disconnected) => Outcome::Lost {
                what: r.label.clone(),
            },
        };
        self.running = None;
        Some(outcome)
    }

    /// Blocks until the running job's outcome comes (None if no job runs).
    pub fn wait(&mut self) -> Option<Outcome> {
        let r = self.running.take()?;
        Some(r.rx.recv().unwrap_or(Outcome::Lost { what: r.label }))
    }
}

/// The work itself, on the worker thread. No egui here: only the core's functions.
fn run(work: Work, cancel: &AtomicBool) -> Outcome {
    match work {
        Work::Open(path) => {
            let loaded = load_any(&path, cancel);
            // Reading and hashing the article file again is work for this thread too.
            let source_changed = !cancel.load(Ordering::Relaxed)
                && matches!(
                    &loaded,
                    Ok((review, Some(_), _)) if article::source_changed(&review.article)
                );
            Outcome::Opened {
                path: Some(path),
                loaded: Box::new(loaded),
                source_changed,
            }
        }
        Work::Paste { text, name } => Outcome::Opened {
            path: None,
            loaded: Box::new(
                article::from_bytes(text.as_bytes(), &name)
                    .map_err(Failure::from)
                    .and_then(|a| review_of(a, cancel)),
            ),
            source_changed: false,
        },
        Work::Reanchor { path, review } => {
            let result = article::load(&path).map_err(Failure::from).and_then(|new| {
                if cancel.load(Ordering::Relaxed) {
                    return Err(Failure::Cancelled);
                }
                let (review, report) = anchor::reanchor(&review, new);
                Ok((Box::new(review), report))
            });
            Outcome::Reanchored { path, result }
        }
        Work::Export {
            path,
            format,
            review,
            settings,
            options,
        } => {
            let result = if cancel.load(Ordering::Relaxed) {
                Err(store::StoreError::Cancelled {
                    path: path.display().to_string(),
                })
            } else {
                let text = report::render_with(&review, format, &settings, options);
                store::write_atomic_cancellable(&path, text.as_bytes(), cancel)
            };
            let cancelled_too_late = result.is_ok() && cancel.load(Ordering::Relaxed);
            Outcome::Exported {
                path,
                format,
                result,
                cancelled_too_late,
            }
        }
    }
}

/// A new review of `article` (its claims extracted), unless the job was cancelled meanwhile.
fn review_of(article: article::Article, cancel: &AtomicBool) -> Loaded {
    if cancel.load(Ordering::Relaxed) {
        return Err(Failure::Cancelled);
    }
    Ok((Review::from_article(article), None, Vec::new()))
}

/// Reads a session (by suffix, or a JSON file with a format_version) or an article, giving up
/// between steps once `cancel` is set.
fn load_any(path: &Path, cancel: &AtomicBool) -> Loaded {
    let is_json = path
        .extension()
        .is_some_and(|e| e.eq_ignore_ascii_case("json"));
    if store::is_session_path(path) || is_json {
        return store::open(path)
            .map(|l| (l.review, Some((path.to_path_buf(), l.seen)), l.repaired))
            .map_err(Failure::from);
    }
    article::load(path)
        .map_err(Failure::from)
        .and_then(|a| review_of(a, cancel))
}
