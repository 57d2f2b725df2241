//! The file dialog seam. The app asks for a path and polls for the answer; the real picker runs a
//! native dialog (rfd) on a worker thread, tests script the answers.

use eframe::egui;
use std::collections::VecDeque;
use std::path::PathBuf;
use std::sync::mpsc::{Receiver, TryRecvError};
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

/// Why a path is asked for.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Purpose {
    Open,
    SaveSession,
    Export,
    /// A new version of the current article, to re-anchor the claims on.
    NewVersion,
}

/// What the dialog shows.
#[derive(Debug, Clone, PartialEq)]
pub struct PickRequest {
    pub purpose: Purpose,
    pub title: String,
    /// (name, extensions) pairs, e.g. ("Articles", ["txt", "md", "html"]).
    pub filters: Vec<(String, Vec<String>)>,
    /// Suggested file name for save dialogs.
    pub file_name: Option<String>,
    pub directory: Option<PathBuf>,
}

impl PickRequest {
    pub fn is_save(&self) -> bool {
        matches!(self.purpose, Purpose::SaveSession | Purpose::Export)
    }
}

/// The answer: the chosen path (None if cancelled) and whether no dialog could be shown at all.
#[derive(Debug, Clone, PartialEq)]
pub struct PickAnswer {
    pub purpose: Purpose,
    pub path: Option<PathBuf>,
    /// The dialog came back empty at once: most likely no dialog could be shown on this desktop.
    pub unavailable: bool,
}

pub trait FilePicker {
    /// Shows a dialog (without blocking the UI). Ignored while another is open.
    fn request(&mut self, req: PickRequest, ctx: &egui::Context);
    /// The answer, once the user has chosen.
    fn poll(&mut self) -> Option<PickAnswer>;
    fn is_open(&self) -> bool;
}

/// Native dialogs through rfd (desktop portal, else zenity), on a worker thread.
#[derive(Default)]
pub struct NativePicker {
    pending: Option<Receiver<PickAnswer>>,
}

impl FilePicker for NativePicker {
    fn request(&mut self, req: PickRequest, ctx: &egui::Context) {
        if self.pending.is_some() {
            return;
        }
        let (tx, rx) = std::sync::mpsc::channel();
        let ctx = ctx.clone();
        std::thread::spawn(move || {
            let started = Instant::now();
            let mut dialog = rfd::FileDialog::new().set_title(&req.title);
            for (name, exts) in &req.filters {
                dialog = dialog.add_filter(name, exts);
            }
            if let Some(dir) = &req.directory {
                dialog = dialog.set_directory(dir);
            }
            if let Some(name) = &req.file_name {
                dialog = dialog.set_file_name(name);
            }
            let path = if req.is_save() {
                dialog.save_file()
            } else {
                dialog.pick_file()
            };
            let unavailable = path.is_none() && started.elapsed() < Duration::from_millis(400);
            let _ = tx.send(PickAnswer {
                purpose: req.purpose,
                path,
                unavailable,
            });
            ctx.request_repaint();
        });
        self.pending = Some(rx);
    }

    fn poll(&mut self) -> Option<PickAnswer> {
        let rx = self.pending.as_ref()?;
        match rx.try_recv() {
            Ok(answer) => {
                self.pending = None;
                Some(answer)
            }
            Err(TryRecvError::Empty) => None,
            Err(TryRecvError::Disconnected) => {
                self.pending = None;
                None
            }
        }
    }

    fn is_open(&self) -> bool {
        self.pending.is_some()
    }
}

/// Answers dialogs from a script, for tests and automation: push the paths the "user" will
/// choose, read back what was asked.
#[derive(Clone, Default)]
pub struct ScriptedPicker {
    answers: Arc<Mutex<VecDeque<Option<PathBuf>>>>,
    requests: Arc<Mutex<Vec<PickRequest>>>,
    pending: Option<Purpose>,
}

impl ScriptedPicker {
    pub fn new() -> Self {
        Self::default()
    }

    /// The next dialog will return `path` (None: the user cancels).
    pub fn answer(&self, path: Option<PathBuf>) {
        if let Ok(mut a) = self.answers.lock() {
            a.push_back(path);
        }
    }

    /// Every dialog asked for so far.
    pub fn requests(&self) -> Vec<PickRequest> {
        self.requests.lock().map(|r| r.clone()).unwrap_or_default()
    }
}

impl FilePicker for ScriptedPicker {
    fn request(&mut self, req: PickRequest, ctx: &egui::Context) {
        self.pending = Some(req.purpose);
        if let Ok(mut r) = self.requests.lock() {
            r.push(req);
        }
        ctx.request_repaint();
    }

    fn poll(&mut self) -> Option<PickAnswer> {
        let purpose = self.pending.take()?;
        let path = self
            .answers
            .lock()
            .ok()
            .and_then(|mut a| a.pop_front())
            .flatten();
        Some(PickAnswer {
            purpose,
            path,
            unavailable: false,
        })
    }

    fn is_open(&self) -> bool {
        self.pending.is_some()
    }
}
