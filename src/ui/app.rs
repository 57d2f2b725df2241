//! The Claimdesk window: menus, header, article view, checklist. Input becomes `Command`s and
//! `Action`s, applied after the panels are drawn.

use super::article_view::{ArticleRequest, ArticleView};
use super::claim_list::{ClaimList, ListRequest};
use super::command::Command;
use super::errors;
use super::export_dialog::{ExportChoice, ExportDialog};
use super::i18n::{self, tr, trf};
use super::jobs::{Jobs, Kind, Opened, Outcome, Work};
use super::library::{self as lib, Earlier, EarlierSource, LibraryLink, Reply, Request};
use super::library_panel::{LibraryPanel, PanelRequest};
use super::picker::{FilePicker, PickAnswer, PickRequest, Purpose};
use super::recovery::{Autosave, Found};
use super::settings::{Kept, KeptFiles};
use super::theme;
use super::theme::Palette;
use crate::article;
use crate::library::{Place, Search};
use crate::report::Format;
use crate::review::{Action, History, Review, Verdict};
use crate::store;
use eframe::egui::{self, RichText};
use std::path::{Path, PathBuf};
use std::sync::Arc;

/// What to do once the unsaved-changes question is answered.
#[derive(Debug, Clone, PartialEq)]
enum Pending {
    Close,
    OpenPath(PathBuf),
    OpenDialog,
    /// Text from the clipboard, to review as a new article.
    Paste(String),
}

/// A message shown under the header until dismissed.
#[derive(Debug, Clone, PartialEq)]
enum Notice {
    Error(String),
    Info(String),
    /// The article file of the opened session changed on disk since the review.
    SourceChanged(PathBuf),
}

/// A message about the claim library, shown under the header apart from the other notices (a
/// save says "Saved", and the library then says what it made of it).
#[derive(Debug, Clone, PartialEq)]
struct LibraryNotice {
    text: String,
    /// A failure (else a warning: entries someone else changed).
    error: bool,
}

/// The window. What it keeps between runs is `kept` (settings and recent files); the review is
/// its own; everything else is runtime state: caches, dialogs, the job running, notices.
pub struct ClaimdeskApp {
    /// Persisted between runs.
    kept: Kept,
    /// Where `kept` is read from and written to (none: nothing is kept, as in tests).
    kept_files: Option<KeptFiles>,

    review: Review,
    /// The session file this review was loaded from or last saved to.
    session_path: Option<PathBuf>,
    /// What the session file held when this window last read or wrote it: a save first checks
    /// that nobody else wrote it since (`None`: a file the reviewer chose to replace).
    session_seen: Option<store::Seen>,
    /// A save refused because the file changed on disk: the file, what differs, and what it
    /// held when compared (replaced only if it still holds that).
    conflict: Option<(PathBuf, String, store::Seen)>,
    saved_revision: u64,
    selected: Option<u32>,
    /// Undo and redo of the changes to `review`.
    history: History,
    /// The long job running off the UI thread (opening, re-anchoring, exporting), if any.
    jobs: Jobs,
    /// A request refused while a job runs, told in the progress window.
    refused: Option<String>,
    /// The window closes once the running export has ended (it was asked to close meanwhile).
    close_after_job: bool,
    /// A close asked while the library still had requests (a save's record): the window
    /// closes once they are answered, or at a second close.
    close_after_library: bool,
    /// For the worker threads to wake the window up, and to start jobs outside a frame.
    ctx: egui::Context,
    picker: Box<dyn FilePicker>,
    notice: Option<Notice>,
    /// The unsaved-changes question, when it is being asked.
    confirm: Option<Pending>,
    /// What to do after a Save As started from the unsaved-changes question succeeds.
    after_save: Option<Pending>,
    /// The recovery copy of the review, written a few seconds after each change.
    autosave: Option<Autosave>,
    /// Reviews left by a window that did not close (crash): offered one at a time.
    recoverable: Vec<Found>,
    /// Verdict names and colours from the settings.
    palette: Palette,
    /// The theme of the settings is applied on the next frame.
    theme_pending: bool,
    close_confirmed: bool,
    show_shortcuts: bool,
    show_history: bool,
    settings_window: super::settings::SettingsWindow,
    /// Edit > Paste as article asked the window for the clipboard; its text comes as a paste event.
    paste_requested: bool,
    article_view: ArticleView,
    claim_list: ClaimList,
    window_title: String,
    export_dialog: ExportDialog,
    /// The format and options chosen in the export dialog, used once the file is picked.
    export_choice: ExportChoice,
    /// The claim library's worker, for the library in use (started when first needed).
    library: Option<LibraryLink>,
    /// The library used when neither the environment nor the settings name one: the file in
    /// the user's data folder for the real window, none in tests.
    library_default: Option<Place>,
    /// `CLAIMDESK_LIBRARY` as the window was started with: it names the library instead of the
    /// settings, and `off` turns it off.
    library_env: Option<String>,
    /// Bumped each time the review is replaced: the library's answers about an older review
    /// are dropped.
    review_token: u64,
    /// The review as last opened or recorded in the library (its library copy): what the next
    /// record compares with to tell a claim someone else changed.
    library_baseline: Option<Arc<Review>>,
    /// The hash of the article's text (for the library's keys when its file's is unknown), for
    /// the review it was computed for.
    text_sha: Option<(u64, String)>,
    /// Match the claims against the library at the next frame without a job running.
    match_pending: bool,
    /// Bumped by each matching: the answers of an older one are dropped.
    match_token: u64,
    /// "Checked before": the best earlier review of each claim.
    earlier: Earlier,
    library_notice: Option<LibraryNotice>,
    library_panel: LibraryPanel,
}

impl ClaimdeskApp {
    /// The app on the bundled sample article.
    pub fn new(ctx: &egui::Context, picker: Box<dyn FilePicker>) -> Self {
        theme::setup(ctx);
        let review = Review::from_article(article::sample());
        let selected = review.claims.first().map(|c| c.id);
        let mut app = Self {
            kept: Kept::default(),
            kept_files: None,
            saved_revision: review.revision,
            review,
            session_path: None,
            session_seen: None,
            conflict: None,
            selected,
            history: History::new(),
            jobs: Jobs::default(),
            refused: None,
            close_after_job: false,
            close_after_library: false,
            ctx: ctx.clone(),
            picker,
            notice: None,
            confirm: None,
            after_save: None,
            autosave: None,
            recoverable: Vec::new(),
            palette: Palette::default(),
            theme_pending: false,
            close_confirmed: false,
            show_shortcuts: false,
            show_history: false,
            settings_window: Default::default(),
            paste_requested: false,
            article_view: ArticleView::default(),
            claim_list: ClaimList::default(),
            window_title: String::new(),
            export_dialog: ExportDialog::default(),
            export_choice: ExportChoice::default(),
            library: None,
            library_default: None,
            library_env: None,
            review_token: 0,
            library_baseline: None,
            text_sha: None,
            match_pending: false,
            earlier: Earlier::default(),
            library_notice: None,
            library_panel: LibraryPanel::default(),
            match_token: 0,
        };
        app.library_baseline = Some(Arc::new(app.library_copy()));
        app
    }

    /// The claim library when the settings leave it empty (`default`: the file in the user's
    /// data folder), and `CLAIMDESK_LIBRARY` (`env`), which names another one or turns it off.
    /// The window starts with neither: no library until one is named (as in tests).
    pub fn use_library(&mut self, default: Option<Place>, env: Option<String>) {
        self.library_default = default;
        self.library_env = env;
        self.library_changed();
    }

    /// The library in use, or why there is none.
    fn library_place(&self) -> Result<Place, String> {
        if let Some(v) = self
            .library_env
            .as_deref()
            .map(str::trim)
            .filter(|v| !v.is_empty())
        {
            if v.eq_ignore_ascii_case("off") {
                return Err(tr("claim-library-off-claimdesk-library").to_string());
            }
            return Ok(Place::parse(v));
        }
        let set = self.kept.newsroom.library.place.trim();
        if !set.is_empty() {
            return Ok(Place::parse(set));
        }
        self.library_default
            .clone()
            .ok_or_else(|| tr("no-claim-library-named-name").to_string())
    }

    /// How the Settings window speaks of the library when its field is empty.
    fn library_note(&self) -> String {
        if let Some(v) = self
            .library_env
            .as_deref()
            .map(str::trim)
            .filter(|v| !v.is_empty())
        {
            return trf(
                "claimdesk-library-set-v-used",
                &[("v", &Place::parse(v).shown())],
            );
        }
        match &self.library_default {
            Some(p) => trf("empty-p", &[("p", &p.shown())]),
            None => tr("empty-no-library").to_string(),
        }
    }

    /// The library named may have changed: a new one gets its own worker (the old one ends
    /// after what it is doing) and the claims are matched against it.
    fn library_changed(&mut self) {
        let place = self.library_place().ok();
        let current = self.library.as_ref().map(|l| l.place().clone());
        if place != current {
            self.library = None;
            self.earlier.clear();
            self.match_pending = place.is_some();
            if self.library_panel.open
                && let Some(search) = self.library_panel.current_search()
            {
                self.library_search(search);
            }
        }
    }

    /// The worker of the library in use, started if needed.
    fn library_link(&mut self) -> Result<&mut LibraryLink, String> {
        let place = self.library_place()?;
        if self.library.as_ref().is_none_or(|l| *l.place() != place) {
            self.library = Some(LibraryLink::start(place, &self.ctx)?);
        }
        Ok(self.library.as_mut().expect("started above"))
    }

    /// Sends `request` to the library worker; the reason if it could not be.
    fn library_send(&mut self, request: Request) -> Result<(), String> {
        let link = self.library_link()?;
        if link.send(request) {
            return Ok(());
        }
        // The worker is gone (an internal error): the next request starts another.
        self.library = None;
        Err(tr("claim-library-stopped-internal-error").to_string())
    }

    /// The review as the library reads it (no article text): see `library::library_copy`.
    fn library_copy(&mut self) -> Review {
        let token = self.review_token;
        if self.text_sha.as_ref().is_none_or(|(t, _)| *t != token) {
            let sha = if self.review.article.metadata.source_sha256.is_some() {
                String::new()
            } else {
                self.review.article.text_sha256()
            };
            self.text_sha = Some((token, sha));
        }
        let sha = self.text_sha.as_ref().map_or("", |(_, s)| s.as_str());
        lib::library_copy(&self.review, sha)
    }

    /// After a save to `path`: its reviewed claims go to the library, on the worker. The session
    /// file is written already; what the library makes of it comes later as a notice.
    fn record_in_library(&mut self, path: &Path) {
        if !self.kept.newsroom.library.record || self.library_place().is_err() {
            return;
        }
        let review = Arc::new(self.library_copy());
        let request = Request::Record {
            token: self.review_token,
            review,
            before: self.library_baseline.clone(),
            origin: std::path::absolute(path).unwrap_or_else(|_| path.to_path_buf()),
            ratings: Box::new(self.kept.newsroom.report_settings(&self.review).ratings),
            reviewer: Some(self.kept.newsroom.reviewer.trim().to_string())
                .filter(|r| !r.is_empty()),
        };
        if let Err(e) = self.library_send(request) {
            self.library_notice = Some(LibraryNotice {
                text: trf("session-saved-but-verdicts-were", &[("e", &e)]),
                error: true,
            });
        }
    }

    /// Matches each claim of the review against the library, on the worker.
    fn start_matching(&mut self) {
        self.earlier.clear();
        if self.library_place().is_err() || self.review.claims.is_empty() {
            return;
        }
        self.match_token += 1;
        let token = self.match_token;
        self.earlier.start(token);
        let review = Arc::new(self.library_copy());
        if let Err(e) = self.library_send(Request::Match { token, review }) {
            self.earlier.checking = false;
            self.earlier.error = Some(e);
        }
    }

    /// Applies what the library worker sent back.
    fn library_replies(&mut self, replies: Vec<Reply>, gone: bool) {
        for r in replies {
            match r {
                Reply::Recorded {
                    token,
                    review,
                    result,
                } => match result {
                    Ok(recorded) => {
                        if token == self.review_token {
                            self.library_baseline = Some(review);
                        }
                        self.library_notice = if recorded.conflicts.is_empty() {
                            None
                        } else {
                            let parts: Vec<String> = recorded
                                .conflicts
                                .iter()
                                .map(|c| {
                                    trf(
                                        "claim-id-changed-library-who",
                                        &[
                                            ("id", &c.claim),
                                            (
                                                "who",
                                                &c.by.clone().unwrap_or_else(|| {
                                                    tr("someone-else").to_string()
                                                }),
                                            ),
                                        ],
                                    )
                                })
                                .collect();
                            Some(LibraryNotice {
                                text: trf(
                                    "claim-library-list-verdicts-are",
                                    &[("list", &parts.join("; "))],
                                ),
                                error: false,
                            })
                        };
                    }
                    Err(e) => {
                        let e = errors::library_error(&e);
                        self.library_notice = Some(LibraryNotice {
                            text: trf("session-saved-but-verdicts-were", &[("e", &e)]),
                            error: true,
                        })
                    }
                },
                Reply::Matched {
                    token,
                    found,
                    done,
                    error,
                } => {
                    self.earlier.add(token, found, done);
                    if let Some(e) = error
                        && token == self.earlier.token
                    {
                        let e = errors::library_error(&e);
                        self.earlier.checking = false;
                        self.library_notice = Some(LibraryNotice {
                            text: trf("checked-before-not-available-e", &[("e", &e)]),
                            error: true,
                        });
                        self.earlier.error = Some(e);
                    }
                }
                Reply::Searched { token, result } => self
                    .library_panel
                    .answered(token, result.map_err(|e| errors::library_error(&e))),
            }
        }
        if gone {
            self.library = None;
            self.earlier.checking = false;
            self.library_notice = Some(LibraryNotice {
                text: tr("claim-library-stopped-internal-error").to_string(),
                error: true,
            });
        }
    }

    /// Blocks until the library worker has answered everything asked of it, and applies the
    /// answers as the next frame would (for tests and scripts: the window never blocks).
    /// Matching asked for at the next frame is started first.
    pub fn wait_for_library(&mut self) {
        if self.match_pending && !self.jobs.is_busy() {
            self.match_pending = false;
            self.start_matching();
        }
        if let Some(link) = &mut self.library {
            let (replies, gone) = link.wait();
            self.library_replies(replies, gone);
        }
    }

    /// The library is working on something asked of it.
    pub fn library_busy(&self) -> bool {
        self.library.as_ref().is_some_and(LibraryLink::is_busy)
    }

    /// What the window last said about the claim library (a failure, entries someone else
    /// changed), if anything.
    pub fn library_notice(&self) -> Option<&str> {
        self.library_notice.as_ref().map(|n| n.text.as_str())
    }

    /// The earlier review "Checked before" shows for claim `id`.
    pub fn checked_before(&self, id: u32) -> Option<&crate::library::Match> {
        self.earlier.of(id)
    }

    /// The entries the Library panel lists.
    pub fn library_results(&self) -> &[crate::library::Stored] {
        self.library_panel.results()
    }

    /// Sends a search of the Library panel to the worker.
    fn library_search(&mut self, search: Search) {
        if self.library_place().is_err() {
            return; // the panel says why
        }
        let token = self.library_panel.searching();
        if let Err(e) = self.library_send(Request::Search { token, search }) {
            self.library_panel.failed(e);
        }
    }

    /// B: the selected claim takes the verdict, note and sources of its earlier review, as one
    /// undoable step.
    fn apply_earlier(&mut self) {
        let Some(id) = self.selected else { return };
        let Some(m) = self.earlier.of(id).cloned() else {
            self.notice = Some(Notice::Info(
                tr("selected-claim-has-no-earlier").to_string(),
            ));
            return;
        };
        let unknown = lib::verdict_of(&m.stored.entry).is_none();
        match lib::apply_earlier(&self.review, id, &m.stored) {
            Some(action) => {
                self.apply(action);
                self.notice = unknown.then(|| {
                    Notice::Info(trf(
                        "earlier-rating-r-not-one",
                        &[("r", &m.stored.entry.rating)],
                    ))
                });
            }
            None => {
                self.notice = Some(Notice::Info(
                    tr("claim-already-has-earlier-verdict").to_string(),
                ))
            }
        }
    }

    /// Shift+B (and the panel's Open): the earlier review, in its session file if it is one
    /// that exists here (through the unsaved-changes question), else its page in the browser.
    fn open_earlier(&mut self, source: Option<EarlierSource>, ctx: &egui::Context) {
        match source {
            Some(EarlierSource::Session(p)) => self.guard(Pending::OpenPath(p), ctx),
            Some(EarlierSource::Url(u)) => ctx.open_url(egui::OpenUrl::new_tab(u)),
            None => {
                self.notice = Some(Notice::Info(
                    tr("earlier-review-has-no-session").to_string(),
                ))
            }
        }
    }

    /// Reads and keeps the settings in `file` (the app starts with defaults and keeps nothing).
    /// Also reads and keeps the recent files beside it (`recent.json`).
    pub fn use_settings_file(&mut self, file: PathBuf) {
        let files = KeptFiles::at(file);
        let (kept, problem) = Kept::load(&files);
        self.kept = kept;
        self.kept_files = Some(files);
        self.theme_pending = true;
        self.apply_language();
        self.library_changed();
        if let Some(p) = problem {
            self.notice = Some(Notice::Error(p));
        }
    }

    /// The window's language: the one in the settings, else the system's.
    fn apply_language(&mut self) {
        let lang = match self.kept.newsroom.language.as_str() {
            "" => super::i18n::Lang::system(),
            code => super::i18n::Lang::from_code(code),
        };
        super::i18n::set_language(lang);
        self.palette = self.kept.newsroom.palette();
    }

    /// Keeps a recovery copy of the review in `dir`, written `delay` after each change, and
    /// offers to restore the reviews found there from windows that are gone.
    pub fn use_recovery_dir(&mut self, dir: PathBuf, delay: std::time::Duration) {
        let autosave = Autosave::new(dir, delay);
        self.recoverable = autosave.left_behind();
        self.autosave = Some(autosave);
    }

    /// The file the recovery copy of this window's review is written to.
    pub fn recovery_file(&self) -> Option<PathBuf> {
        self.autosave.as_ref().map(Autosave::file)
    }

    /// The last files opened or saved, newest first.
    pub fn recent_files(&self) -> &[PathBuf] {
        &self.kept.recent.files
    }

    /// The claims the checklist shows, in its order (filters and sort applied).
    pub fn visible_claims(&mut self) -> Vec<u32> {
        self.claim_list.visible(&self.review).to_vec()
    }

    /// The passage selected in the article, as a byte range.
    pub fn article_selection(&self) -> Option<std::ops::Range<usize>> {
        self.article_view.selection()
    }

    /// Where byte `at` of the article was drawn in the last frame (screen points).
    pub fn article_point(&self, at: usize) -> Option<egui::Pos2> {
        self.article_view.point_of(&self.review.article.text, at)
    }

    /// The search matches in the article (byte ranges) and the current one.
    pub fn search_matches(&self) -> (Vec<std::ops::Range<usize>>, Option<usize>) {
        let s = &self.article_view.search;
        (s.matches().to_vec(), s.current())
    }

    fn remember(&mut self, path: &Path) {
        if self.kept.recent.push(path)
            && let Some(files) = &self.kept_files
        {
            // Losing the list is no reason to bother the reviewer.
            let _ = self.kept.save_recent(files);
        }
    }

    /// A file that could not be opened leaves the recent files.
    fn forget_recent(&mut self, path: &Path) {
        if self.kept.recent.files.iter().any(|f| f == path) {
            self.kept.recent.remove(path);
            if let Some(files) = &self.kept_files {
                let _ = self.kept.save_recent(files);
            }
        }
    }

    pub fn newsroom(&self) -> &super::settings::Newsroom {
        &self.kept.newsroom
    }

    /// What is kept between runs.
    pub fn kept(&self) -> &Kept {
        &self.kept
    }

    /// The undo and redo history of the review.
    pub fn history(&self) -> &History {
        &self.history
    }

    pub fn review(&self) -> &Review {
        &self.review
    }

    pub fn selected(&self) -> Option<u32> {
        self.selected
    }

    pub fn session_path(&self) -> Option<&Path> {
        self.session_path.as_deref()
    }

    /// The error shown to the user, if any.
    pub fn error(&self) -> Option<&str> {
        match &self.notice {
            Some(Notice::Error(e)) => Some(e),
            _ => None,
        }
    }

    /// The last information message (saved, exported), if any.
    pub fn info(&self) -> Option<&str> {
        match &self.notice {
            Some(Notice::Info(e)) => Some(e),
            _ => None,
        }
    }

    pub fn is_dirty(&self) -> bool {
        self.review.revision != self.saved_revision
    }

    /// A job (opening, re-anchoring, exporting) is running on a worker thread.
    pub fn is_busy(&self) -> bool {
        self.jobs.is_busy()
    }

    /// What the running job does, as the progress window says it ("Opening a.pdf…").
    pub fn job_label(&self) -> Option<&str> {
        self.jobs.label()
    }

    /// Worker threads still running, including those of cancelled jobs whose outcome will be
    /// dropped.
    pub fn workers_alive(&self) -> usize {
        self.jobs.workers_alive()
    }

    /// Blocks until the running job is done and applies its outcome, as the next frame would
    /// (for tests and scripts: the window itself never blocks). None if no job was running
    /// (or it was cancelled); else whether it succeeded, with the error shown to the reviewer.
    pub fn wait_for_job(&mut self) -> Option<Result<(), String>> {
        let outcome = self.jobs.wait()?;
        Some(self.finish_job(outcome))
    }

    /// Cancels the running job (the Cancel button of the progress window). An open or a
    /// re-anchoring is forgotten at once, the review staying exactly as it was; its worker stops
    /// at its next step, and what it brings back is dropped. An export is stopped before its file
    /// is renamed into place, and its outcome says whether it was in time.
    pub fn cancel_job(&mut self) {
        self.refused = None;
        self.jobs.cancel();
    }

    /// Starts `work` off the UI thread (callers make sure no job is running).
    fn start_job(&mut self, label: String, work: Work) {
        match self.jobs.start(label, work, &self.ctx) {
            Ok(()) => self.refused = None,
            Err(e) => self.notice = Some(Notice::Error(e)),
        }
    }

    /// Says that `what` was not done because a job is running.
    fn refuse_while_busy(&mut self, what: String) {
        self.refused = Some(trf("w-was-not-done-wait", &[("w", &what)]));
    }

    /// Starts opening an article or a session file on a worker thread; the window shows the
    /// progress and applies the outcome when it comes. On failure the current review stays as
    /// it was and the error is shown. `wait_for_job` waits for it.
    pub fn open_path(&mut self, path: &Path) {
        if self.jobs.is_busy() {
            self.refuse_while_busy(trf("opening-f", &[("f", &file_name(path))]));
            return;
        }
        let label = trf("opening-f-2", &[("f", &file_name(path))]);
        self.start_job(label, Work::Open(path.to_path_buf()));
    }

    /// Starts reviewing `text` (pasted from the clipboard) as a new article.
    pub fn open_pasted(&mut self, text: &str) {
        if self.jobs.is_busy() {
            self.refuse_while_busy(tr("reviewing-pasted-text").to_string());
            return;
        }
        let when = chrono::Local::now().format("%Y-%m-%d %H.%M").to_string();
        let name = trf("pasted-text-name", &[("when", &when)]);
        let work = Work::Paste {
            text: text.to_string(),
            name,
        };
        self.start_job(tr("reading-pasted-text").to_string(), work);
    }

    /// Applies what a worker brought back, on the UI thread.
    fn finish_job(&mut self, outcome: Outcome) -> Result<(), String> {
        self.refused = None;
        let result = match outcome {
            Outcome::Opened {
                path,
                loaded,
                source_changed,
            } => {
                let loaded = (*loaded).map_err(|e| {
                    let why = errors::failure(&e);
                    match &path {
                        Some(p) => trf("open-failed", &[("file", &file_name(p)), ("why", &why)]),
                        None => trf("paste-failed", &[("why", &why)]),
                    }
                });
                let result = self.replace_review(loaded, source_changed);
                if let Some(path) = path {
                    match &result {
                        Ok(()) => self.remember(&path),
                        Err(_) => self.forget_recent(&path),
                    }
                }
                result
            }
            Outcome::Reanchored { path, result } => self.reanchored(&path, result),
            Outcome::Exported {
                path,
                format,
                result,
                cancelled_too_late,
            } => match result {
                Ok(()) => {
                    let id = if cancelled_too_late {
                        "report-written-late"
                    } else {
                        "report-written"
                    };
                    self.notice = Some(Notice::Info(trf(
                        id,
                        &[
                            ("format", &i18n::format_name(format)),
                            ("path", &path.display()),
                        ],
                    )));
                    Ok(())
                }
                Err(e @ store::StoreError::Cancelled { .. }) => {
                    self.notice = Some(Notice::Info(trf(
                        "export-cancelled",
                        &[("path", &path.display())],
                    )));
                    Err(errors::store_error(&e))
                }
                Err(e) => {
                    let why = errors::store_error(&e);
                    let e = trf(
                        "export-failed",
                        &[("file", &file_name(&path)), ("why", &why)],
                    );
                    self.notice = Some(Notice::Error(e.clone()));
                    Err(e)
                }
            },
            Outcome::Lost { what } => {
                let e = trf("job-lost", &[("what", &what)]);
                self.notice = Some(Notice::Error(e.clone()));
                Err(e)
            }
        };
        if std::mem::take(&mut self.close_after_job) {
            let ctx = self.ctx.clone();
            self.guard(Pending::Close, &ctx);
        }
        result
    }

    fn replace_review(
        &mut self,
        loaded: Result<Opened, String>,
        source_changed: bool,
    ) -> Result<(), String> {
        match loaded {
            Ok((review, session, repaired)) => {
                self.selected = review.claims.first().map(|c| c.id);
                self.saved_revision = review.revision;
                self.notice = if !repaired.is_empty() {
                    Some(Notice::Info(trf(
                        "opened-with-repairs",
                        &[("list", &repaired.join("; "))],
                    )))
                } else if session.is_some() && source_changed {
                    review
                        .article
                        .metadata
                        .source_path
                        .clone()
                        .map(Notice::SourceChanged)
                } else {
                    None
                };
                drop_off_thread(std::mem::replace(&mut self.review, review));
                self.review_token += 1;
                // What the library last knew of this review's claims: the review as opened.
                self.library_baseline = Some(Arc::new(self.library_copy()));
                self.earlier.clear();
                self.match_pending = true;
                (self.session_path, self.session_seen) = match session {
                    Some((path, seen)) => (Some(path), Some(seen)),
                    None => (None, None),
                };
                self.history.clear();
                self.article_view.forget_article();
                self.article_view.scroll_to_selected = true;
                self.claim_list = ClaimList::default();
                self.claim_list.scroll_to_selected = true;
                // The review it was a copy of is saved or given up.
                if let Some(a) = &mut self.autosave {
                    a.clear();
                }
                Ok(())
            }
            Err(e) => {
                self.notice = Some(Notice::Error(e.clone()));
                Err(e)
            }
        }
    }

    /// Starts moving the claims onto a new version of the article (File > Compare with new
    /// version), on a worker thread with a copy of the review; the window is modal meanwhile, so
    /// the review cannot change under it. Claims not found are kept as orphans; the change is
    /// not undoable, like opening a file.
    pub fn reanchor_on(&mut self, path: &Path) {
        if self.jobs.is_busy() {
            self.refuse_while_busy(trf("re-anchoring-f", &[("f", &file_name(path))]));
            return;
        }
        let label = trf("re-anchoring-claims-f", &[("f", &file_name(path))]);
        let work = Work::Reanchor {
            path: path.to_path_buf(),
            review: Box::new(self.review.clone()),
        };
        self.start_job(label, work);
    }

    fn reanchored(
        &mut self,
        path: &Path,
        result: Result<(Box<Review>, crate::review::anchor::Report), errors::Failure>,
    ) -> Result<(), String> {
        let (review, report) = match result {
            Ok(r) => r,
            Err(e) => {
                let why = errors::failure(&e);
                let e = trf(
                    "reanchor-failed",
                    &[("file", &file_name(path)), ("why", &why)],
                );
                self.notice = Some(Notice::Error(e.clone()));
                return Err(e);
            }
        };
        drop_off_thread(std::mem::replace(&mut self.review, *review));
        // Another text: its hash (the library's keys, when the file's is unknown) is computed
        // again.
        self.text_sha = None;
        self.match_pending = true;
        self.claim_list.forget_article();
        self.article_view.forget_article();
        self.history.clear();
        if self
            .selected
            .is_some_and(|id| self.review.claim(id).is_none())
        {
            self.selected = self.review.claims.first().map(|c| c.id);
        }
        let orphans = report.count("orphaned");
        let summary = trf(
            "reanchor-summary",
            &[
                ("unchanged", &report.count("unchanged")),
                ("moved", &report.count("moved")),
                ("edited", &report.count("edited")),
                ("orphaned", &orphans),
            ],
        );
        let id = if orphans > 0 {
            "reanchored-orphans"
        } else {
            "reanchored"
        };
        self.notice = Some(Notice::Info(trf(
            id,
            &[("path", &path.display()), ("summary", &summary)],
        )));
        self.article_view.scroll_to_selected = true;
        Ok(())
    }

    /// Applies a change to the review, keeping the undo history.
    fn apply(&mut self, action: Action) {
        let reviewer = Some(self.kept.newsroom.reviewer.as_str()).filter(|r| !r.trim().is_empty());
        if let Err(e) = self.history.apply(&mut self.review, action, reviewer) {
            self.notice = Some(Notice::Error(i18n::review_error(&e)));
        }
    }

    fn undo_redo(&mut self, undo: bool) {
        let done = if undo {
            self.history.undo(&mut self.review)
        } else {
            self.history.redo(&mut self.review)
        };
        match done {
            Ok(None) => {}
            Ok(Some(claim)) => {
                // The claim the change was about, if it is in the checklist (an undone
                // addition is not); else the selection stays where it can.
                if self.review.claim(claim).is_some() {
                    self.selected = Some(claim);
                } else if self
                    .selected
                    .is_some_and(|id| self.review.claim(id).is_none())
                {
                    self.selected = self.review.claims.first().map(|c| c.id);
                }
                self.article_view.scroll_to_selected = true;
                self.claim_list.scroll_to_selected = true;
            }
            Err(e) => {
                self.notice = Some(Notice::Error(trf(
                    "undo-failed",
                    &[("e", &i18n::review_error(&e))],
                )))
            }
        }
    }

    fn select(&mut self, id: u32) {
        self.selected = Some(id);
        self.article_view.scroll_to_selected = true;
        self.claim_list.scroll_to_selected = true;
    }

    /// J / K: the next or previous claim in the checklist's order (filters and sort applied).
    fn move_selection(&mut self, delta: isize) {
        let ids = self.claim_list.visible(&self.review).to_vec();
        if ids.is_empty() {
            return;
        }
        let pos = self
            .selected
            .and_then(|id| ids.iter().position(|c| *c == id));
        let next = match pos {
            None => 0,
            Some(p) => (p as isize + delta).clamp(0, ids.len() as isize - 1) as usize,
        };
        self.select(ids[next]);
    }

    /// V / D / U / 0. After a verdict the selection moves on to the next unreviewed claim (in
    /// the checklist's order, from the top again after the last), so a whole article is
    /// triaged with one key per claim.
    fn mark(&mut self, verdict: Verdict) {
        let Some(id) = self.selected else { return };
        if self.review.claim(id).is_some_and(|c| c.verdict != verdict) {
            self.apply(Action::SetVerdict { claim: id, verdict });
        }
        if verdict == Verdict::Unreviewed {
            return;
        }
        let ids = self.claim_list.visible(&self.review).to_vec();
        let at = ids.iter().position(|c| *c == id).unwrap_or(0);
        let unreviewed: std::collections::HashSet<u32> = self
            .review
            .claims
            .iter()
            .filter(|k| k.verdict == Verdict::Unreviewed)
            .map(|k| k.id)
            .collect();
        let next = ids[at.min(ids.len())..]
            .iter()
            .chain(&ids[..at.min(ids.len())])
            .copied()
            .find(|c| *c != id && unreviewed.contains(c));
        if let Some(next) = next {
            self.select(next);
        }
    }

    /// A, Shift+A: a claim from the words selected in the article, or a new span.
    fn claim_from_selection(&mut self, set_span: bool) {
        let Some(sel) = self.article_view.selection() else {
            self.notice = Some(Notice::Error(
                tr("select-words-article-first-drag").to_string(),
            ));
            return;
        };
        let built = match (set_span, self.selected) {
            (true, Some(id)) => self.review.set_span(id, sel),
            (true, None) => {
                self.notice = Some(Notice::Error(tr("select-claim-change-first").to_string()));
                return;
            }
            (false, _) => self.review.add_manual_claim(sel),
        };
        match built {
            Ok(action) => {
                let id = action.claim();
                let id = match &action {
                    Action::Batch { actions, .. } => actions
                        .iter()
                        .find_map(|a| match a {
                            Action::AddClaim { claim } => Some(claim.id),
                            _ => None,
                        })
                        .unwrap_or(id),
                    _ => id,
                };
                self.apply(action);
                self.article_view.clear_selection();
                self.select(id);
            }
            Err(e) => self.notice = Some(Notice::Error(i18n::review_error(&e))),
        }
    }

    fn default_stem(&self) -> String {
        let m = &self.review.article.metadata;
        let name = self
            .session_path
            .as_ref()
            .and_then(|p| p.file_name())
            .map(|n| {
                n.to_string_lossy()
                    .trim_end_matches(store::SESSION_SUFFIX)
                    .to_string()
            })
            .unwrap_or_else(|| m.source_name.clone());
        Path::new(&name)
            .file_stem()
            .map(|s| s.to_string_lossy().into_owned())
            .unwrap_or_else(|| "review".into())
    }

    fn article_dir(&self) -> Option<PathBuf> {
        self.session_path
            .as_ref()
            .or(self.review.article.metadata.source_path.as_ref())
            .and_then(|p| p.parent().map(Path::to_path_buf))
    }

    fn request_pick(&mut self, purpose: Purpose, ctx: &egui::Context) {
        let (title, filters, file_name) = match purpose {
            Purpose::Open => (
                tr("pick-open-title"),
                vec![
                    (
                        tr("pick-articles-sessions").to_string(),
                        exts(&[ARTICLE_EXTS, &["json"]].concat()),
                    ),
                    (tr("pick-articles").to_string(), exts(ARTICLE_EXTS)),
                    (tr("pick-sessions").to_string(), exts(&["json"])),
                ],
                None,
            ),
            Purpose::SaveSession => (
                tr("pick-save-title"),
                vec![(tr("pick-session").to_string(), exts(&["json"]))],
                Some(format!("{}{}", self.default_stem(), store::SESSION_SUFFIX)),
            ),
            Purpose::Export => {
                let f = self.export_choice.format;
                (
                    tr("export-fact-check-report"),
                    vec![(i18n::format_name(f).to_string(), exts(&[f.extension()]))],
                    Some(format!("{}.{}", self.default_stem(), f.file_suffix())),
                )
            }
            Purpose::NewVersion => (
                tr("pick-new-version-title"),
                vec![(tr("pick-articles").to_string(), exts(ARTICLE_EXTS))],
                None,
            ),
        };
        let req = PickRequest {
            purpose,
            title: title.to_string(),
            filters,
            file_name,
            directory: self.article_dir(),
        };
        self.picker.request(req, ctx);
    }

    fn on_pick(&mut self, answer: PickAnswer) {
        let Some(path) = answer.path else {
            self.after_save = None;
            if answer.unavailable {
                let hint = tr(match answer.purpose {
                    Purpose::Open => "no-dialog-hint-open",
                    Purpose::SaveSession => "no-dialog-hint-save",
                    Purpose::Export => "no-dialog-hint-export",
                    Purpose::NewVersion => "no-dialog-hint-new-version",
                });
                self.notice = Some(Notice::Error(trf("no-file-dialog", &[("hint", &hint)])));
            }
            return;
        };
        if self.jobs.is_busy() {
            // Only a dropped file can start a job while a dialog is open; the dialog's answer
            // is then refused, and the reviewer asked to try again once the job is done.
            self.after_save = None;
            let f = file_name(&path);
            self.refuse_while_busy(match answer.purpose {
                Purpose::Open => trf("opening-f", &[("f", &f)]),
                Purpose::SaveSession => trf("saving-f", &[("f", &f)]),
                Purpose::Export => trf("exporting-f", &[("f", &f)]),
                Purpose::NewVersion => trf("re-anchoring-f", &[("f", &f)]),
            });
            return;
        }
        match answer.purpose {
            Purpose::Open => self.open_path(&path),
            Purpose::SaveSession => {
                let path = with_session_suffix(path);
                if self.save_to(&path) {
                    if let Some(next) = self.after_save.take() {
                        self.continue_with(next);
                    }
                } else {
                    self.after_save = None;
                }
            }
            Purpose::Export => self.export_to(&path),
            Purpose::NewVersion => self.reanchor_on(&path),
        }
    }

    fn save_to(&mut self, path: &Path) -> bool {
        let seen = if self.session_path.as_deref() == Some(path) {
            self.session_seen.as_ref()
        } else {
            None
        };
        self.write_session(path, seen.cloned())
    }

    /// Saves to `path`, unless it changed on disk since `seen`: then the reviewer is asked.
    fn write_session(&mut self, path: &Path, seen: Option<store::Seen>) -> bool {
        match store::save_unless_changed(&self.review, path, seen.as_ref()) {
            Err(store::StoreError::ChangedOnDisk {
                changes, on_disk, ..
            }) => {
                // What differs, in the window's language (the store says it in English).
                let changes = store::load(path)
                    .map(|theirs| i18n::differences(&theirs, &self.review))
                    .unwrap_or(changes);
                self.conflict = Some((path.to_path_buf(), changes, on_disk));
                false
            }
            Ok(seen) => {
                self.session_seen = Some(seen);
                self.session_path = Some(path.to_path_buf());
                self.saved_revision = self.review.revision;
                self.notice = Some(Notice::Info(trf("saved-p", &[("p", &path.display())])));
                if let Some(a) = &mut self.autosave {
                    a.clear();
                }
                self.remember(path);
                self.record_in_library(path);
                true
            }
            Err(e) => {
                self.notice = Some(Notice::Error(trf(
                    "save-failed",
                    &[
                        ("file", &file_name(path)),
                        ("why", &errors::store_error(&e)),
                    ],
                )));
                false
            }
        }
    }

    /// Ctrl+S: save to the session file; the first time, next to the article. Never overwrites a
    /// session this review did not come from without asking (then it is Save As).
    fn save(&mut self, ctx: &egui::Context) -> bool {
        if let Some(path) = self.session_path.clone() {
            return self.save_to(&path);
        }
        if let Some(src) = self.review.article.metadata.source_path.clone() {
            let target = store::session_path_for(&src);
            if !target.exists() {
                return self.save_to(&target);
            }
        }
        self.request_pick(Purpose::SaveSession, ctx);
        false
    }

    fn export_to(&mut self, path: &Path) {
        // The format chosen in the dialog, unless the file name asks for another one.
        let chosen = self.export_choice.format;
        let ext = path.extension().map(|e| e.to_string_lossy().to_lowercase());
        let (format, path) = match Format::from_path(path) {
            _ if ext.as_deref() == Some(chosen.extension()) => (chosen, path.to_path_buf()),
            Some(f) => (f, path.to_path_buf()),
            None => {
                let mut name = path.as_os_str().to_owned();
                name.push(format!(".{}", chosen.extension()));
                (chosen, PathBuf::from(name))
            }
        };
        // The report is made from a copy of the review as it is now, on a worker thread.
        let settings = self.kept.newsroom.report_settings(&self.review);
        let work = Work::Export {
            format,
            review: Box::new(self.review.clone()),
            settings: Box::new(settings),
            options: self.export_choice.options(&self.review, format),
            path,
        };
        self.start_job(tr("exporting-report").to_string(), work);
    }

    /// Goes on with what was asked once unsaved changes are dealt with.
    fn continue_with(&mut self, next: Pending) {
        match next {
            Pending::Close => self.close_confirmed = true,
            Pending::OpenPath(p) => self.open_path(&p),
            Pending::OpenDialog => self.after_save = Some(Pending::OpenDialog),
            Pending::Paste(text) => self.open_pasted(&text),
        }
    }

    /// Does `next` now, or asks first when there are unsaved changes.
    fn guard(&mut self, next: Pending, ctx: &egui::Context) {
        if self.jobs.is_busy() {
            let what = match &next {
                Pending::Close => tr("closing").to_string(),
                Pending::OpenPath(p) => trf("opening-f", &[("f", &file_name(p))]),
                Pending::OpenDialog => tr("opening-another-file").to_string(),
                Pending::Paste(_) => tr("reviewing-pasted-text").to_string(),
            };
            self.refuse_while_busy(what);
            return;
        }
        if self.is_dirty() {
            self.confirm = Some(next);
        } else {
            self.run_pending(next, ctx);
        }
    }

    fn run_pending(&mut self, next: Pending, ctx: &egui::Context) {
        match next {
            Pending::Close => {
                self.close_confirmed = true;
                ctx.send_viewport_cmd(egui::ViewportCommand::Close);
            }
            Pending::OpenPath(p) => self.open_path(&p),
            Pending::OpenDialog => self.request_pick(Purpose::Open, ctx),
            Pending::Paste(text) => self.open_pasted(&text),
        }
    }

    fn run_command(&mut self, cmd: Command, ctx: &egui::Context) {
        match cmd {
            Command::Open => self.guard(Pending::OpenDialog, ctx),
            Command::CompareVersion => self.request_pick(Purpose::NewVersion, ctx),
            Command::PasteArticle => {
                self.paste_requested = true;
                ctx.send_viewport_cmd(egui::ViewportCommand::RequestPaste);
            }
            Command::Save => {
                self.save(ctx);
            }
            Command::SaveAs => self.request_pick(Purpose::SaveSession, ctx),
            Command::Export => {
                let settings = self.kept.newsroom.report_settings(&self.review);
                self.export_dialog.open(&self.review, &settings);
            }
            Command::Quit => ctx.send_viewport_cmd(egui::ViewportCommand::Close),
            Command::Undo => self.undo_redo(true),
            Command::Redo => self.undo_redo(false),
            Command::NextClaim => self.move_selection(1),
            Command::PrevClaim => self.move_selection(-1),
            Command::MarkVerified => self.mark(Verdict::Verified),
            Command::MarkDisputed => self.mark(Verdict::Disputed),
            Command::MarkUnsourced => self.mark(Verdict::Unsourced),
            Command::MarkUnreviewed => self.mark(Verdict::Unreviewed),
            Command::EditNote => self.claim_list.focus_note = true,
            Command::AddEvidence => self.claim_list.focus_evidence = true,
            Command::AddClaim => self.claim_from_selection(false),
            Command::SetSpan => self.claim_from_selection(true),
            Command::SplitClaim => {
                if let Some(id) = self.selected {
                    self.claim_list.start_split(id, &self.review);
                }
            }
            Command::MergeClaims => {
                if let Some(id) = self.selected {
                    let r = super::claim_list::merge_request(&self.review, id);
                    self.list_request(r);
                }
            }
            Command::DismissClaim => {
                if let Some(id) = self.selected {
                    self.list_request(ListRequest::Apply(Action::Dismiss { claim: id }));
                }
            }
            Command::Find => {
                self.article_view.search.open = true;
                self.article_view.search.focus = true;
            }
            Command::FindNext => {
                if self.article_view.search.open {
                    self.article_view.search.step(true);
                } else {
                    self.article_view.search.open = true;
                    self.article_view.search.focus = true;
                }
            }
            Command::FilterClaims => {
                self.claim_list.tab = super::claim_list::Tab::Claims;
                self.claim_list.focus_filter = true;
            }
            Command::Settings => {
                let note = self.library_note();
                self.settings_window.show_for(&self.kept.newsroom, note);
            }
            Command::ApplyEarlier => self.apply_earlier(),
            Command::OpenEarlier => {
                let Some(id) = self.selected else { return };
                match self.earlier.of(id) {
                    Some(m) => {
                        let source = lib::source_of(&m.stored.entry);
                        self.open_earlier(source, ctx);
                    }
                    None => {
                        self.notice = Some(Notice::Info(
                            tr("selected-claim-has-no-earlier").to_string(),
                        ))
                    }
                }
            }
            Command::Library => {
                if let Some(search) = self.library_panel.toggle() {
                    self.library_search(search);
                }
            }
            Command::History => self.show_history = !self.show_history,
            Command::Shortcuts => self.show_shortcuts = !self.show_shortcuts,
        }
    }

    /// Keyboard shortcuts of this frame. Single keys act only when no text field has the keyboard.
    fn shortcuts(&self, ctx: &egui::Context) -> Vec<Command> {
        if self.picker.is_open() || self.jobs.is_busy() {
            // A file dialog is open, or a job runs: the window waits for it (Escape cancels
            // the job, in the progress window).
            return Vec::new();
        }
        let typing =
            ctx.text_edit_focused() || self.confirm.is_some() || self.export_dialog.is_open();
        let mut cmds = Vec::new();
        ctx.input_mut(|i| {
            for cmd in Command::ALL {
                if typing && cmd.is_plain_key() {
                    continue;
                }
                if cmd.shortcuts().iter().any(|s| i.consume_shortcut(s)) {
                    cmds.push(cmd);
                }
            }
        });
        cmds
    }

    fn menu_bar(&mut self, ui: &mut egui::Ui, cmds: &mut Vec<Command>) {
        let ctx = ui.ctx().clone();
        let mut open_recent = None;
        let item = |ui: &mut egui::Ui, cmd: Command, cmds: &mut Vec<Command>| {
            let button = egui::Button::new(cmd.label()).shortcut_text(cmd.shortcut_text(&ctx));
            if ui.add(button).on_hover_text(cmd.help()).clicked() {
                cmds.push(cmd);
            }
        };
        egui::MenuBar::new().ui(ui, |ui| {
            ui.menu_button(tr("file"), |ui| {
                item(ui, Command::Open, cmds);
                ui.menu_button(tr("open-recent"), |ui| {
                    if self.kept.recent.files.is_empty() {
                        ui.weak(tr("no-recent-file"));
                    }
                    for f in &self.kept.recent.files {
                        let name = f.file_name().map_or_else(
                            || f.display().to_string(),
                            |n| n.to_string_lossy().into_owned(),
                        );
                        if ui
                            .button(name)
                            .on_hover_text(f.display().to_string())
                            .clicked()
                        {
                            open_recent = Some(f.clone());
                        }
                    }
                });
                for cmd in [
                    Command::CompareVersion,
                    Command::PasteArticle,
                    Command::Save,
                    Command::SaveAs,
                    Command::Export,
                ] {
                    item(ui, cmd, cmds);
                }
                ui.separator();
                item(ui, Command::Quit, cmds);
            });
            ui.menu_button(tr("edit"), |ui| {
                for cmd in [
                    Command::Undo,
                    Command::Redo,
                    Command::EditNote,
                    Command::AddEvidence,
                    Command::PasteArticle,
                ] {
                    item(ui, cmd, cmds);
                }
                ui.separator();
                for cmd in [Command::Find, Command::FindNext, Command::FilterClaims] {
                    item(ui, cmd, cmds);
                }
                ui.separator();
                item(ui, Command::Settings, cmds);
                item(ui, Command::History, cmds);
                item(ui, Command::Library, cmds);
            });
            ui.menu_button(tr("review"), |ui| {
                for cmd in [
                    Command::NextClaim,
                    Command::PrevClaim,
                    Command::MarkVerified,
                    Command::MarkDisputed,
                    Command::MarkUnsourced,
                    Command::MarkUnreviewed,
                ] {
                    item(ui, cmd, cmds);
                }
                ui.separator();
                for cmd in [
                    Command::AddClaim,
                    Command::SetSpan,
                    Command::SplitClaim,
                    Command::MergeClaims,
                    Command::DismissClaim,
                ] {
                    item(ui, cmd, cmds);
                }
                ui.separator();
                for cmd in [
                    Command::ApplyEarlier,
                    Command::OpenEarlier,
                    Command::Library,
                ] {
                    item(ui, cmd, cmds);
                }
            });
            ui.menu_button(tr("help"), |ui| item(ui, Command::Shortcuts, cmds));
        });
        if let Some(path) = open_recent {
            self.guard(Pending::OpenPath(path), &ctx);
        }
    }

    fn header(&mut self, ui: &mut egui::Ui) {
        let counts = self.review.counts();
        ui.horizontal_wrapped(|ui| {
            ui.label(
                RichText::new(self.review.article.display_title())
                    .heading()
                    .strong(),
            );
            let m = &self.review.article.metadata;
            let mut source = m.source_name.clone();
            if let Some(l) = &m.language {
                source.push_str(&format!(" · {l}"));
            }
            ui.weak(source);
        });
        ui.horizontal_wrapped(|ui| {
            ui.label(
                RichText::new(trf(
                    "done-total-reviewed",
                    &[("done", &counts.reviewed()), ("total", &counts.total)],
                ))
                .strong(),
            );
            for v in [Verdict::Verified, Verdict::Disputed, Verdict::Unsourced] {
                ui.label(
                    RichText::new(trf(
                        "verdict-count",
                        &[("n", &counts.of(v)), ("name", &self.palette.name(v))],
                    ))
                    .color(self.palette.accent(v)),
                );
            }
            if self.is_dirty() {
                ui.weak(tr("unsaved-changes"));
            }
            if self.earlier.checking {
                ui.weak(tr("checking-library"));
            } else if !self.earlier.is_empty() {
                let ctx = ui.ctx().clone();
                ui.weak(trf(
                    "n-checked-before-b-apply",
                    &[
                        ("n", &self.earlier.len()),
                        ("b", &Command::ApplyEarlier.shortcut_text(&ctx)),
                        ("l", &Command::Library.shortcut_text(&ctx)),
                    ],
                ));
            }
        });
        let mut dismiss = false;
        let mut reanchor: Option<PathBuf> = None;
        if let Some(notice) = &self.notice {
            let (text, color) = match notice {
                Notice::Error(e) => (e.clone(), ui.visuals().error_fg_color),
                Notice::Info(i) => (i.clone(), self.palette.accent(Verdict::Verified)),
                Notice::SourceChanged(p) => (
                    trf("source-changed", &[("path", &p.display())]),
                    self.palette.accent(Verdict::Unsourced),
                ),
            };
            egui::Frame::new()
                .stroke(egui::Stroke::new(1.0, color))
                .corner_radius(4.0)
                .inner_margin(6.0)
                .show(ui, |ui| {
                    ui.horizontal(|ui| {
                        if ui.button(tr("dismiss")).clicked() {
                            dismiss = true;
                        }
                        if let Notice::SourceChanged(p) = notice
                            && ui.button(tr("re-anchor-new-version")).clicked()
                        {
                            reanchor = Some(p.clone());
                        }
                        ui.add(egui::Label::new(RichText::new(text).color(color)).wrap());
                    });
                });
        }
        if dismiss {
            self.notice = None;
        }
        let mut dismiss_library = false;
        if let Some(n) = &self.library_notice {
            let color = if n.error {
                ui.visuals().error_fg_color
            } else {
                ui.visuals().warn_fg_color
            };
            egui::Frame::new()
                .stroke(egui::Stroke::new(1.0, color))
                .corner_radius(4.0)
                .inner_margin(6.0)
                .show(ui, |ui| {
                    ui.horizontal(|ui| {
                        if ui
                            .button(tr("dismiss"))
                            .on_hover_text(tr("dismiss-claim-librarys-message"))
                            .clicked()
                        {
                            dismiss_library = true;
                        }
                        ui.add(egui::Label::new(RichText::new(&n.text).color(color)).wrap());
                    });
                });
        }
        if dismiss_library {
            self.library_notice = None;
        }
        if let Some(p) = reanchor {
            self.reanchor_on(&p);
        }
    }

    /// The session changed on disk since this window read it: overwrite it, save elsewhere, or
    /// leave it.
    fn conflict_dialog(&mut self, ctx: &egui::Context) {
        let Some((path, changes, on_disk)) = self.conflict.clone() else {
            return;
        };
        let choice = ask(
            ctx,
            "changed-on-disk",
            tr("changed-disk"),
            |ui| {
                ui.set_max_width(480.0);
                ui.label(trf("f-was-changed-since-you", &[("f", &file_name(&path))]));
                ui.label(changes.as_str());
            },
            [tr("replace"), tr("save-2")],
        );
        match choice {
            Some(0) => {
                // Replaces what was shown; changed again meanwhile, it asks again.
                self.conflict = None;
                self.write_session(&path, Some(on_disk));
            }
            Some(1) => {
                self.conflict = None;
                self.request_pick(Purpose::SaveSession, ctx);
            }
            Some(_) => {
                self.conflict = None;
                self.notice = Some(Notice::Info(tr("not-saved-file-disk-was").to_string()));
            }
            None => {}
        }
    }

    fn confirm_dialog(&mut self, ctx: &egui::Context) {
        let Some(pending) = self.confirm.clone() else {
            return;
        };
        let title = self.review.article.display_title().to_string();
        let choice = ask(
            ctx,
            "unsaved-changes",
            tr("unsaved-changes-2"),
            |ui| {
                ui.set_max_width(420.0);
                ui.label(trf("review-t-has-changes-that", &[("t", &title)]));
            },
            [tr("save"), tr("discard")],
        );
        match choice {
            Some(0) => {
                self.confirm = None;
                if self.save(ctx) {
                    self.run_pending(pending, ctx);
                } else if self.picker.is_open() {
                    self.after_save = Some(pending);
                }
            }
            Some(1) => {
                // The changes are dropped only when the next article actually opens (or the
                // window closes): a failed open keeps the review, unsaved changes included.
                self.confirm = None;
                self.run_pending(pending, ctx);
            }
            Some(_) => self.confirm = None,
            None => {}
        }
    }

    /// The review's audit trail, newest first.
    fn history_window(&mut self, ctx: &egui::Context) {
        let mut open = self.show_history;
        egui::Window::new(tr("history"))
            .open(&mut open)
            .default_width(460.0)
            .show(ctx, |ui| {
                if self.review.history.is_empty() {
                    ui.weak(tr("no-change-yet"));
                }
                egui::ScrollArea::vertical()
                    .max_height(400.0)
                    .show(ui, |ui| {
                        for entry in self.review.history.iter().rev() {
                            let when = entry
                                .at
                                .with_timezone(&chrono::Local)
                                .format("%Y-%m-%d %H:%M:%S");
                            let who = entry
                                .reviewer
                                .as_deref()
                                .map(|r| format!(" · {r}"))
                                .unwrap_or_default();
                            let what = i18n::action_text(&entry.action);
                            ui.label(format!("{when}{who} — {what}"));
                        }
                    });
            });
        self.show_history = open;
    }

    fn shortcuts_window(&mut self, ctx: &egui::Context) {
        let mut open = self.show_shortcuts;
        egui::Window::new(tr("keyboard-shortcuts"))
            .open(&mut open)
            .resizable(false)
            .show(ctx, |ui| {
                // Taller than a small window: it scrolls.
                egui::ScrollArea::vertical()
                    .max_height((ctx.content_rect().height() - 80.0).max(120.0))
                    .show(ui, |ui| {
                        egui::Grid::new("shortcuts").striped(true).show(ui, |ui| {
                            for cmd in Command::ALL {
                                ui.strong(cmd.shortcut_text(ctx));
                                ui.label(cmd.help());
                                ui.end_row();
                            }
                        });
                    });
            });
        self.show_shortcuts = open;
    }

    /// Files dropped on the window are opened like File > Open.
    fn dropped_files(&mut self, ctx: &egui::Context) {
        let dropped = ctx.input(|i| i.raw.dropped_files.clone());
        if let Some(path) = dropped
            .iter()
            .map(|f| f.path().to_path_buf())
            .find(|p| !p.as_os_str().is_empty())
        {
            self.guard(Pending::OpenPath(path), ctx);
        }
    }

    /// Ctrl+V outside a text field (or Edit > Paste as article) reviews the clipboard's text.
    fn pasted_text(&mut self, ctx: &egui::Context) {
        if ctx.text_edit_focused() && !self.paste_requested {
            return; // the text field takes the paste
        }
        let pasted = ctx.input(|i| {
            i.events.iter().find_map(|e| match e {
                egui::Event::Paste(t) if !t.trim().is_empty() => Some(t.clone()),
                _ => None,
            })
        });
        if let Some(text) = pasted {
            self.paste_requested = false;
            // A single web address is a source for the selected claim, not an article.
            let t = text.trim();
            if let Some(id) = self.selected
                && !t.contains(char::is_whitespace)
                && crate::review::check_url(t).is_ok()
            {
                self.claim_list.paste_evidence_url(id, t);
                return;
            }
            self.guard(Pending::Paste(text), ctx);
        }
    }

    fn close_request(&mut self, ctx: &egui::Context) {
        if !ctx.input(|i| i.viewport().close_requested()) {
            return;
        }
        if self.jobs.is_busy() {
            ctx.send_viewport_cmd(egui::ViewportCommand::CancelClose);
            if self.jobs.kind() == Some(Kind::Write) {
                // A report half written is no report: close once the export has ended.
                self.close_after_job = true;
            } else {
                // Nothing is lost by not opening the file: give up on it, then close as usual.
                self.cancel_job();
                self.guard(Pending::Close, ctx);
            }
            return;
        }
        if !self.close_confirmed && self.is_dirty() {
            ctx.send_viewport_cmd(egui::ViewportCommand::CancelClose);
            self.confirm = Some(Pending::Close);
            return;
        }
        // A save's record still on its way to the library: wait for it (a second close does
        // not wait). Matching is given up.
        if self.library_busy() && !self.close_after_library {
            ctx.send_viewport_cmd(egui::ViewportCommand::CancelClose);
            if let Some(link) = &self.library {
                link.stop_matching();
            }
            self.close_after_library = true;
            self.notice = Some(Notice::Info(
                tr("recording-claim-library-claimdesk-closes").to_string(),
            ));
        }
    }

    fn update_title(&mut self, ctx: &egui::Context) {
        let title = format!(
            "Claimdesk — {}{}",
            self.review.article.display_title(),
            if self.is_dirty() { " •" } else { "" }
        );
        if title != self.window_title {
            ctx.send_viewport_cmd(egui::ViewportCommand::Title(title.clone()));
            self.window_title = title;
        }
    }

    fn list_request(&mut self, r: ListRequest) {
        match r {
            ListRequest::Select(id) => {
                self.selected = Some(id);
                self.article_view.scroll_to_selected = true;
            }
            ListRequest::Apply(action) => {
                let dismissed = match &action {
                    Action::Dismiss { claim } => Some(*claim),
                    _ => None,
                };
                let restored = match &action {
                    Action::Restore { claim } => Some(*claim),
                    _ => None,
                };
                // Selection after the change: the next claim for a dismissed one.
                let next = dismissed.and_then(|id| {
                    let ids = self.claim_list.visible(&self.review).to_vec();
                    let at = ids.iter().position(|c| *c == id)?;
                    ids.get(at + 1)
                        .or(at.checked_sub(1).and_then(|p| ids.get(p)))
                        .copied()
                });
                self.apply(action);
                if let Some(n) = next.or(restored) {
                    self.select(n);
                } else if dismissed.is_some() {
                    self.selected = None;
                }
                if self
                    .selected
                    .is_some_and(|id| self.review.claim(id).is_none())
                {
                    self.selected = self.review.claims.first().map(|c| c.id);
                }
            }
            ListRequest::SetThreshold(t) => {
                let change = self.review.threshold_change(t);
                self.apply(change);
            }
            ListRequest::Error(e) => self.notice = Some(Notice::Error(e)),
            ListRequest::Run(cmd) => {
                let ctx = self.ctx.clone();
                self.run_command(cmd, &ctx);
            }
        }
    }

    /// Writes the recovery copy when due, and wakes the window up when it will be.
    fn autosave(&mut self, ctx: &egui::Context) {
        let dirty = self.is_dirty();
        let Some(a) = &mut self.autosave else { return };
        if let Some(wait) = a.tick(&self.review, dirty, self.session_path.as_deref()) {
            ctx.request_repaint_after(wait);
        }
        if let Some(e) = a.last_error.take() {
            self.notice = Some(Notice::Error(e));
        }
    }

    /// After a crash: offer the review left in a recovery file.
    fn recovery_dialog(&mut self, ctx: &egui::Context) {
        if self.jobs.is_busy() {
            return; // a review being opened would replace the one restored
        }
        let Some(found) = self.recoverable.first().cloned() else {
            return;
        };
        let mut choice = None;
        egui::Modal::new(egui::Id::unique("recover-review")).show(ctx, |ui| {
            ui.set_max_width(460.0);
            ui.heading(tr("restore-unsaved-work"));
            ui.label(trf(
                "claimdesk-closed-without-saving-review",
                &[
                    ("t", &found.title),
                    ("at", &i18n::language().date_time(&found.saved_at)),
                ],
            ));
            ui.add_space(8.0);
            ui.horizontal(|ui| {
                if ui.button(tr("restore")).clicked() {
                    choice = Some(true);
                }
                if ui.button(tr("discard-2")).clicked() {
                    choice = Some(false);
                }
            });
        });
        let Some(restore) = choice else { return };
        self.recoverable.remove(0);
        if !restore {
            found.discard();
            return;
        }
        match found.load() {
            Ok(review) => {
                // Whether its session file was written since the copy was made is not known: the
                // first save there shows the differences and asks.
                let session = found
                    .session_path
                    .clone()
                    .map(|p| (p, store::Seen::unknown()));
                let _ = self.replace_review(Ok((review, session, Vec::new())), false);
                // Unsaved until the reviewer saves it; the old copy becomes this window's.
                self.saved_revision = u64::MAX;
                // What the library last knew is what the session file holds, not the changes
                // restored (without a file, the next record replaces what the library has).
                self.library_baseline = found
                    .session_path
                    .as_deref()
                    .and_then(|p| store::load(p).ok())
                    .map(|r| {
                        let sha = match r.article.metadata.source_sha256 {
                            Some(_) => String::new(),
                            None => r.article.text_sha256(),
                        };
                        Arc::new(lib::library_copy(&r, &sha))
                    });
                found.discard();
                self.notice = Some(Notice::Info(trf(
                    "restored-review-t-save-ctrl",
                    &[("t", &found.title)],
                )));
            }
            Err(e) => {
                self.notice = Some(Notice::Error(trf(
                    "recovery-unreadable",
                    &[
                        ("path", &found.session.display()),
                        ("e", &errors::store_error(&e)),
                    ],
                )))
            }
        }
    }

    /// The whole UI for one frame (also what the UI tests drive).
    pub fn ui_frame(&mut self, ui: &mut egui::Ui) {
        let ctx = ui.ctx().clone();
        if std::mem::take(&mut self.theme_pending) {
            ctx.set_theme(self.kept.newsroom.theme.preference());
        }
        if let Some(outcome) = self.jobs.poll() {
            let _ = self.finish_job(outcome);
        }
        if let Some(link) = &mut self.library {
            let (replies, gone) = link.poll();
            self.library_replies(replies, gone);
        }
        if self.close_after_library && !self.library_busy() {
            ctx.send_viewport_cmd(egui::ViewportCommand::Close);
        }
        if self.match_pending && !self.jobs.is_busy() {
            self.match_pending = false;
            self.start_matching();
        }
        if let Some(answer) = self.picker.poll() {
            self.on_pick(answer);
            if self.after_save == Some(Pending::OpenDialog) && !self.is_dirty() {
                self.after_save = None;
                self.request_pick(Purpose::Open, &ctx);
            }
        }
        if self.close_confirmed
            && self.confirm.is_none()
            && !self.is_dirty()
            && !self.jobs.is_busy()
        {
            ctx.send_viewport_cmd(egui::ViewportCommand::Close);
        }
        self.dropped_files(&ctx);
        self.pasted_text(&ctx);
        self.close_request(&ctx);
        let mut cmds = self.shortcuts(&ctx);

        egui::Panel::top("menu").show(ui, |ui| self.menu_bar(ui, &mut cmds));
        egui::Panel::top("header").show(ui, |ui| {
            ui.add_space(4.0);
            self.header(ui);
            ui.add_space(2.0);
        });
        let width = ui.available_width();
        let palette = self.palette.clone();
        let earlier = &self.earlier;
        let requests = egui::Panel::right("claims")
            .resizable(true)
            .default_size((width * 0.42).max(320.0))
            .min_size(260.0)
            .show(ui, |ui| {
                ui.add_space(4.0);
                self.claim_list
                    .ui(ui, &self.review, self.selected, &palette, earlier)
            })
            .inner;
        let asked = egui::CentralPanel::default()
            .show(ui, |ui| {
                self.article_view
                    .ui(ui, &self.review, self.selected, &palette)
            })
            .inner;

        for a in asked {
            match a {
                ArticleRequest::Select(id) => {
                    self.selected = Some(id);
                    self.claim_list.scroll_to_selected = true;
                }
                ArticleRequest::AddClaim(range) => match self.review.add_manual_claim(range) {
                    Ok(action) => {
                        let id = action.claim();
                        self.apply(action);
                        self.article_view.clear_selection();
                        self.select(id);
                    }
                    Err(e) => self.notice = Some(Notice::Error(i18n::review_error(&e))),
                },
                ArticleRequest::SetSpan(id, range) => match self.review.set_span(id, range) {
                    Ok(action) => {
                        self.apply(action);
                        self.article_view.clear_selection();
                        self.select(id);
                    }
                    Err(e) => self.notice = Some(Notice::Error(i18n::review_error(&e))),
                },
            }
        }
        for r in requests {
            self.list_request(r);
        }
        for cmd in cmds {
            self.run_command(cmd, &ctx);
        }
        self.confirm_dialog(&ctx);
        self.conflict_dialog(&ctx);
        if self.export_dialog.is_open() {
            let dialog = &mut self.export_dialog;
            let chosen = egui::Modal::new(egui::Id::unique("export-dialog"))
                .show(&ctx, |ui| dialog.ui(ui))
                .inner;
            if let Some(choice) = chosen {
                self.export_choice = choice;
                self.request_pick(Purpose::Export, &ctx);
            }
        }
        if self.picker.is_open() {
            egui::Modal::new(egui::Id::unique("file-dialog-open")).show(&ctx, |ui| {
                ui.label(tr("waiting-file-dialog"));
            });
        }
        self.job_window(&ctx);
        self.shortcuts_window(&ctx);
        self.history_window(&ctx);
        if self.library_panel.open {
            let place = self.library_place().map(|p| p.shown());
            match self.library_panel.ui(&ctx, place, &palette) {
                Some(PanelRequest::Search(s)) => self.library_search(s),
                Some(PanelRequest::Open(src)) => self.open_earlier(Some(src), &ctx),
                None => {}
            }
        }
        if let Some(newsroom) = self.settings_window.ui(&ctx) {
            self.kept.newsroom = newsroom;
            self.apply_language();
            self.library_changed();
            ctx.set_theme(self.kept.newsroom.theme.preference());
            if let Some(files) = &self.kept_files {
                self.notice = Some(match self.kept.save_newsroom(files) {
                    Ok(()) => Notice::Info(trf(
                        "settings-saved",
                        &[("path", &files.settings.display())],
                    )),
                    Err(e) => Notice::Error(trf("settings-not-kept", &[("e", &e)])),
                });
            }
        }
        self.recovery_dialog(&ctx);
        self.autosave(&ctx);
        self.drop_overlay(&ctx);
        self.update_title(&ctx);
    }

    /// The running job's progress, over the whole window: modal, so that the review cannot
    /// change while a worker reads or writes a copy of it. Redrawn a few times a second for the
    /// spinner; the worker wakes the window up when it is done. Cancel (or Escape) gives up.
    fn job_window(&mut self, ctx: &egui::Context) {
        let Some(label) = self.jobs.label().map(str::to_string) else {
            return;
        };
        let cancelling = self.jobs.is_cancelling();
        let elapsed = self.jobs.elapsed().unwrap_or_default();
        let mut cancel = false;
        egui::Modal::new(egui::Id::unique("job-progress")).show(ctx, |ui| {
            ui.set_min_width(360.0);
            ui.set_max_width(480.0);
            ui.horizontal(|ui| {
                spinner(ui);
                ui.label(RichText::new(&label).strong());
            });
            if elapsed >= std::time::Duration::from_secs(1) {
                ui.weak(format!("{} s", elapsed.as_secs()));
            }
            if cancelling {
                ui.weak(tr("cancelling-report-file-left-was"));
            }
            if self.close_after_job {
                ui.weak(tr("claimdesk-closes-when-done"));
            }
            if let Some(r) = &self.refused {
                ui.add(egui::Label::new(RichText::new(r).color(ui.visuals().warn_fg_color)).wrap());
            }
            ui.add_space(6.0);
            let button = ui.add_enabled(!cancelling, egui::Button::new(tr("cancel")));
            if button.clicked() || (!cancelling && ui.input(|i| i.key_pressed(egui::Key::Escape))) {
                cancel = true;
            }
        });
        if cancel {
            self.cancel_job();
        }
        ctx.request_repaint_after(std::time::Duration::from_millis(50));
    }

    fn drop_overlay(&self, ctx: &egui::Context) {
        if ctx.input(|i| i.raw.hovered_files.is_empty()) {
            return;
        }
        let painter = ctx.layer_painter(egui::LayerId::new(
            egui::Order::Foreground,
            egui::Id::unique("drop"),
        ));
        let rect = ctx.content_rect();
        painter.rect_filled(rect, 0.0, egui::Color32::from_black_alpha(160));
        painter.text(
            rect.center(),
            egui::Align2::CENTER_CENTER,
            tr("drop-article-session-open"),
            egui::FontId::proportional(22.0),
            egui::Color32::WHITE,
        );
    }
}

impl eframe::App for ClaimdeskApp {
    fn ui(&mut self, ui: &mut egui::Ui, _frame: &mut eframe::Frame) {
        self.ui_frame(ui);
    }
}

/// Frees `old` on a thread of its own: the review of a 20 MB article is a few hundred thousand
/// A modal question: a heading, what `body` shows, the buttons `choices`, then Cancel (or
/// Escape). Which was pressed this frame: 0 and 1 for `choices`, 2 for Cancel.
fn ask(
    ctx: &egui::Context,
    id: &str,
    heading: &str,
    body: impl FnOnce(&mut egui::Ui),
    choices: [&str; 2],
) -> Option<u8> {
    let mut choice = None;
    egui::Modal::new(egui::Id::unique(id)).show(ctx, |ui| {
        ui.heading(heading);
        body(ui);
        ui.add_space(8.0);
        ui.horizontal(|ui| {
            for (i, label) in (0..).zip(choices) {
                if ui.button(label).clicked() {
                    choice = Some(i);
                }
            }
            if ui.button(tr("cancel")).clicked() || ui.input(|i| i.key_pressed(egui::Key::Escape)) {
                choice = Some(2);
            }
        });
    });
    choice
}

/// allocations, some 50 to 100 ms of frees that would otherwise stall the frame that replaces it.
fn drop_off_thread<T: Send + 'static>(old: T) {
    // If no thread can be started, the closure, and `old` with it, is dropped here instead.
    let _ = std::thread::Builder::new()
        .name("claimdesk-drop".into())
        .spawn(move || drop(old));
}

/// A turning arc, like `egui::Spinner`, but asking for the next frame in 50 ms instead of at
/// once: the window does not spin the CPU while it waits, and headless tests can run it until
/// idle while a job is running.
fn spinner(ui: &mut egui::Ui) {
    let size = ui.spacing().interact_size.y;
    let (rect, _) = ui.allocate_exact_size(egui::vec2(size, size), egui::Sense::hover());
    if !ui.is_rect_visible(rect) {
        return;
    }
    let radius = rect.height() / 2.0 - 2.0;
    let start = ui.input(|i| i.time) * 4.0;
    let points: Vec<egui::Pos2> = (0..=24)
        .map(|i| {
            let angle = start + f64::from(i) / 24.0 * std::f64::consts::PI * 1.5;
            rect.center() + radius * egui::vec2(angle.cos() as f32, angle.sin() as f32)
        })
        .collect();
    let stroke = egui::Stroke::new(3.0, ui.visuals().strong_text_color());
    ui.painter().add(egui::Shape::line(points, stroke));
}

/// What File > Open offers: every format `article::load` reads.
const ARTICLE_EXTS: &[&str] = crate::article::EXTENSIONS;

fn exts(e: &[&str]) -> Vec<String> {
    e.iter().map(|s| s.to_string()).collect()
}

fn with_session_suffix(path: PathBuf) -> PathBuf {
    if store::is_session_path(&path) {
        return path;
    }
    let name = path
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default();
    let stem = name.strip_suffix(".json").unwrap_or(&name).to_string();
    path.with_file_name(format!("{stem}{}", store::SESSION_SUFFIX))
}

/// The file name of `path`, for messages ("article.pdf"); the whole path if it has none.
fn file_name(path: &Path) -> String {
    path.file_name().map_or_else(
        || path.display().to_string(),
        |n| n.to_string_lossy().into_owned(),
    )
}
