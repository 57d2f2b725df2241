//! Never lose work: a few seconds after each change the review is written to a recovery file;
//! saving the review (or discarding it) removes the file. When Claimdesk starts and finds the
//! recovery file of a window that is no longer running (it crashed, was killed, or the machine
//! went down), it offers to restore that review.
//!
//! A running window is known by the OS lock it holds on its `.lock` file for its whole life
//! (`File::lock`: `flock` on Unix, `LockFileEx` on Windows): the OS lets go of it when the
//! process ends, however it ends, so a window killed with SIGKILL is seen as gone at once, and a
//! live window is never taken for a dead one (no process ids are compared; a new process with a
//! dead one's id has its own files). Each window names its files with its own id (process id
//! and start time).
//!
//! Files, in `$XDG_STATE_HOME/claimdesk/recovery` (else `~/.local/state/claimdesk/recovery`):
//! `recovery-ID.claimdesk.json` (an ordinary session file), `recovery-ID.json` (which window
//! wrote it, when, and the session file the review belongs to) and `recovery-ID.lock`.

use super::i18n::{tr, trf};
use crate::review::Review;
use crate::store;
use serde::{Deserialize, Serialize};
use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

/// How long after the last change the recovery file is written.
pub const DEFAULT_DELAY: Duration = Duration::from_secs(3);

#[derive(Debug, Clone, Serialize, Deserialize)]
struct Meta {
    pid: u32,
    saved_at: chrono::DateTime<chrono::Utc>,
    /// The session file the review was opened from or saved to, if any.
    session_path: Option<PathBuf>,
    title: String,
}

/// A review left behind by a window that is gone.
#[derive(Debug, Clone)]
pub struct Found {
    pub session: PathBuf,
    meta: PathBuf,
    lock: PathBuf,
    pub title: String,
    pub saved_at: chrono::DateTime<chrono::Local>,
    pub session_path: Option<PathBuf>,
}

impl Found {
    /// Reads the review back (with the repairs `store` applies to any session).
    pub fn load(&self) -> Result<Review, store::StoreError> {
        store::load_checked(&self.session).map(|(r, _)| r)
    }

    /// Deletes the recovery files.
    pub fn discard(&self) {
        let _ = std::fs::remove_file(&self.session);
        let _ = std::fs::remove_file(&self.meta);
        let _ = std::fs::remove_file(&self.lock);
    }
}

pub struct Autosave {
    dir: PathBuf,
    delay: Duration,
    pid: u32,
    /// This window's id in its file names: process id and start time.
    id: String,
    /// This window's `.lock` file, locked for as long as the window runs.
    live: Option<std::fs::File>,
    /// The revision last seen, and when it changed.
    seen: Option<(u64, Instant)>,
    /// The revision in the recovery file.
    written: Option<u64>,
    pub last_error: Option<String>,
}

impl Drop for Autosave {
    /// A window that closes normally leaves no lock file behind (its recovery copy, if any,
    /// stays: unsaved work is still offered at the next start).
    fn drop(&mut self) {
        if self.live.take().is_some() {
            let _ = std::fs::remove_file(self.lock_file(&self.id));
        }
    }
}

impl Autosave {
    pub fn new(dir: PathBuf, delay: Duration) -> Self {
        let pid = std::process::id();
        let started = std::time::SystemTime::now()
            .duration_since(std::time::UNIX_EPOCH)
            .map_or(0, |d| d.as_micros());
        let mut autosave = Self {
            dir,
            delay,
            pid,
            id: format!("{pid}-{started}"),
            live: None,
            seen: None,
            written: None,
            last_error: None,
        };
        autosave.live = autosave.hold_lock();
        autosave
    }

    /// Creates and locks this window's `.lock` file. Without it (a folder that cannot be
    /// written) there is no recovery copy either, so nothing is taken for abandoned.
    fn hold_lock(&self) -> Option<std::fs::File> {
        std::fs::create_dir_all(&self.dir).ok()?;
        let file = std::fs::OpenOptions::new()
            .create(true)
            .truncate(false)
            .write(true)
            .open(self.lock_file(&self.id))
            .ok()?;
        file.try_lock().ok()?;
        Some(file)
    }

    fn lock_file(&self, id: &str) -> PathBuf {
        self.dir.join(format!("recovery-{id}.lock"))
    }

    /// Whether the window with this id is gone: its lock file is missing or nobody holds it.
    /// A lock that cannot be tried for another reason counts as held (never restore what a
    /// running window may still be writing).
    fn is_gone(&self, id: &str) -> bool {
        let Ok(file) = std::fs::OpenOptions::new()
            .write(true)
            .open(self.lock_file(id))
        else {
            return true;
        };
        // Taken and let go at once (dropping the file unlocks it).
        file.try_lock().is_ok()
    }

    /// `$XDG_STATE_HOME/claimdesk/recovery`, else `~/.local/state/claimdesk/recovery`.
    pub fn default_dir() -> Option<PathBuf> {
        let base = std::env::var_os("XDG_STATE_HOME")
            .map(PathBuf::from)
            .filter(|p| p.is_absolute())
            .or_else(|| {
                std::env::var_os("HOME").map(|h| PathBuf::from(h).join(".local").join("state"))
            })?;
        Some(base.join("claimdesk").join("recovery"))
    }

    fn files(&self, id: &str) -> (PathBuf, PathBuf) {
        (
            self.dir
                .join(format!("recovery-{id}{}", store::SESSION_SUFFIX)),
            self.dir.join(format!("recovery-{id}.json")),
        )
    }

    /// This window's recovery file.
    pub fn file(&self) -> PathBuf {
        self.files(&self.id).0
    }

    /// Call every frame: writes the recovery file once `delay` has passed since the last
    /// change, while the review has unsaved changes. Returns how long until it is due, so the
    /// window can wake up then.
    pub fn tick(
        &mut self,
        review: &Review,
        dirty: bool,
        session: Option<&Path>,
    ) -> Option<Duration> {
        let now = Instant::now();
        match self.seen {
            Some((rev, _)) if rev == review.revision => {}
            _ => self.seen = Some((review.revision, now)),
        }
        if !dirty || self.written == Some(review.revision) {
            return None;
        }
        let (_, since) = self.seen?;
        let elapsed = now.duration_since(since);
        if elapsed < self.delay {
            return Some(self.delay - elapsed);
        }
        self.write(review, session);
        None
    }

    fn write(&mut self, review: &Review, session: Option<&Path>) {
        let (file, meta_file) = self.files(&self.id);
        let meta = Meta {
            pid: self.pid,
            saved_at: chrono::Utc::now(),
            session_path: session.map(Path::to_path_buf),
            title: review.article.display_title().to_string(),
        };
        let result = std::fs::create_dir_all(&self.dir)
            .map_err(|e| e.to_string())
            .and_then(|()| {
                let json = serde_json::to_string_pretty(&meta).unwrap_or_default();
                store::write_atomic(&meta_file, json.as_bytes())
                    .map_err(|e| super::errors::store_error(&e))
            })
            .and_then(|()| {
                store::save(review, &file)
                    .map(drop)
                    .map_err(|e| super::errors::store_error(&e))
            });
        match result {
            Ok(_) => {
                self.written = Some(review.revision);
                self.last_error = None;
            }
            Err(e) => {
                // Tried once per change; the next change tries again.
                self.written = Some(review.revision);
                self.last_error = Some(trf(
                    "recovery-write-failed",
                    &[("dir", &self.dir.display()), ("e", &e)],
                ));
            }
        }
    }

    /// The review is saved or discarded: its recovery copy goes.
    pub fn clear(&mut self) {
        let (a, b) = self.files(&self.id);
        let _ = std::fs::remove_file(a);
        let _ = std::fs::remove_file(b);
        self.written = None;
    }

    /// Recovery files left by windows that are no longer running, newest first.
    pub fn left_behind(&self) -> Vec<Found> {
        let Ok(entries) = std::fs::read_dir(&self.dir) else {
            return Vec::new();
        };
        let mut found = Vec::new();
        for e in entries.flatten() {
            let name = e.file_name().to_string_lossy().into_owned();
            let Some(id) = name
                .strip_prefix("recovery-")
                .and_then(|r| r.strip_suffix(store::SESSION_SUFFIX))
                .filter(|id| !id.is_empty() && !id.contains(['/', '\\']))
            else {
                continue;
            };
            if id == self.id || !self.is_gone(id) {
                continue;
            }
            let (session, meta_file) = self.files(id);
            let meta: Option<Meta> =
                crate::files::read_capped(&meta_file, crate::report::MAX_SETTINGS_BYTES)
                    .ok()
                    .and_then(|b| serde_json::from_slice(&b).ok());
            let modified = e
                .metadata()
                .and_then(|m| m.modified())
                .map(chrono::DateTime::<chrono::Local>::from)
                .unwrap_or_else(|_| chrono::Local::now());
            found.push(Found {
                session,
                meta: meta_file,
                lock: self.lock_file(id),
                title: meta
                    .as_ref()
                    .map_or_else(|| tr("an-article").to_string(), |m| m.title.clone()),
                saved_at: meta
                    .as_ref()
                    .map_or(modified, |m| m.saved_at.with_timezone(&chrono::Local)),
                session_path: meta.and_then(|m| m.session_path),
            });
        }
        found.sort_by_key(|f| std::cmp::Reverse(f.saved_at));
        found
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn writes_after_the_delay_only_while_dirty_and_clears() {
        let dir = tempfile::tempdir().unwrap();
        let mut a = Autosave::new(dir.path().to_path_buf(), Duration::from_millis(0));
        let mut review = Review::from_article(crate::article::sample());
        assert_eq!(a.tick(&review, false, None), None);
        assert!(!a.file().exists(), "nothing unsaved, nothing written");
        review.revision += 1;
        a.tick(&review, true, None);
        assert!(a.file().exists());
        // Our own file is not offered back to us.
        assert!(a.left_behind().is_empty());
        a.clear();
        assert!(!a.file().exists());

        let mut slow = Autosave::new(dir.path().to_path_buf(), Duration::from_secs(60));
        review.revision += 1;
        let wait = slow.tick(&review, true, None).expect("due later");
        assert!(wait <= Duration::from_secs(60));
        assert!(!slow.file().exists());
    }

    #[test]
    fn a_file_left_by_a_dead_window_is_found_and_restores_the_review() {
        let dir = tempfile::tempdir().unwrap();
        let mut review = Review::from_article(crate::article::sample());
        let id = review.claims[0].id;
        review
            .apply(crate::review::Action::SetVerdict {
                claim: id,
                verdict: crate::review::Verdict::Disputed,
            })
            .unwrap();
        // A window that was killed: its copy is there, its lock file too, but nobody holds it.
        let mut dead = Autosave::new(dir.path().to_path_buf(), Duration::ZERO);
        dead.tick(&review, true, Some(Path::new("/tmp/x.claimdesk.json")));
        let dead_lock = dead.lock_file(&dead.id);
        drop(dead.live.take());
        std::mem::forget(dead);
        assert!(dead_lock.exists());
        // A window still running, with unsaved work of its own: never offered.
        let mut running = Autosave::new(dir.path().to_path_buf(), Duration::ZERO);
        running.tick(&review, true, None);
        assert!(running.file().exists());
        let me = Autosave::new(dir.path().to_path_buf(), Duration::ZERO);
        let found = me.left_behind();
        assert_eq!(found.len(), 1);
        assert_eq!(
            found[0].session_path.as_deref(),
            Some(Path::new("/tmp/x.claimdesk.json"))
        );
        let back = found[0].load().unwrap();
        assert_eq!(
            back.claim(id).unwrap().verdict,
            crate::review::Verdict::Disputed
        );
        found[0].discard();
        assert!(!dead_lock.exists(), "discarding takes the lock file too");
        assert!(me.left_behind().is_empty());
        // The running window closes normally: its lock file goes, its unsaved copy is offered.
        let running_file = running.file();
        drop(running);
        let found = me.left_behind();
        assert_eq!(found.len(), 1);
        assert_eq!(found[0].session, running_file);
    }
}
