//! How Claimdesk writes files so that nothing is lost: every write goes to a temporary file beside
//! the target, is flushed, then renamed over it; a session being read, changed and written back
//! is held under an OS file lock the whole time, so two writers (two windows, twenty
//! `claimdesk mark` at once) take turns instead of overwriting each other.
//!
//! - **Locks** are taken on the session file itself (`File::lock`: `flock` on Unix, `LockFileEx`
//!   on Windows), never on a lock file of its own. Because a save replaces the file by a rename,
//!   whoever waited for the lock checks, once it has it, that the path still names the file it
//!   locked, and starts again on the new file if not.
//! - **Links**: a session reached through a symbolic link is written where the link points (the
//!   temporary file beside the target, renamed there), so the link stays a link; the new file keeps
//!   the old one's permissions and, where the system allows, its owner.
//! - **Temporary files** (`.claimdesk-XXXXXX.tmp`) are locked while they are written. One left by
//!   a save that was killed is unlocked: the next save in that folder removes it.

use super::StoreError;
use std::fs::File;
use std::io::{Read, Write};
use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

/// How long a save waits for another writer of the same session before giving up.
pub const LOCK_WAIT: Duration = Duration::from_secs(60);
/// Temporary files start and end so; nothing else Claimdesk writes is named like them.
const TMP_PREFIX: &str = ".claimdesk-";
const TMP_SUFFIX: &str = ".tmp";
/// A temporary file not written to for this long, and locked by nobody, was left by a save that
/// did not finish.
const STALE_AFTER: Duration = Duration::from_secs(2);

/// `path`, with every symbolic link along its last component followed: the file a write must
/// replace. A link to a file that does not exist yet resolves to where it points.
pub fn resolve_links(path: &Path) -> PathBuf {
    let mut p = path.to_path_buf();
    // Links to links, up to the depth the systems allow themselves.
    for _ in 0..40 {
        match std::fs::symlink_metadata(&p) {
            Ok(m) if m.file_type().is_symlink() => match std::fs::read_link(&p) {
                Ok(target) => {
                    p = match p.parent() {
                        Some(dir) => dir.join(target),
                        None => target,
                    }
                }
                Err(_) => break,
            },
            _ => break,
        }
    }
    p
}

/// A session file held under an OS lock, released when this is dropped. Where the file system
/// cannot lock (some network shares), the file is used unlocked, as before locks existed.
pub struct Locked {
    file: File,
    /// The file locked (for a write, links followed).
    pub path: PathBuf,
}

/// What one try at locking a session file gave.
enum Lock {
    /// Locked (or the file system has no locks, and it is used unlocked).
    Taken,
    /// Locked, but the path names another file now (a save renamed one over it).
    Gone,
    /// Another process holds it.
    Busy,
}

impl Locked {
    /// Locks the regular file at `path`: exclusively to change it (links followed: the file a
    /// write replaces), shared to read it. `None` when there is no such file. Waits up to
    /// `LOCK_WAIT` for another writer. Not for devices and pipes (see `store::open`).
    pub fn take(path: &Path, exclusive: bool) -> Result<Option<Locked>, StoreError> {
        let target = if exclusive {
            resolve_links(path)
        } else {
            path.to_path_buf()
        };
        let read_err = |source| StoreError::Read {
            path: path.display().to_string(),
            source,
        };
        let start = Instant::now();
        loop {
            match std::fs::metadata(&target) {
                Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Ok(None),
                Err(e) => return Err(read_err(e)),
                Ok(m) if !m.is_file() => {
                    return Err(read_err(std::io::Error::other(
                        "it is not a regular file: sessions are read from and saved to files",
                    )));
                }
                Ok(_) => {}
            }
            let file = match File::open(&target) {
                Ok(f) => f,
                Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Ok(None),
                Err(e) => return Err(read_err(e)),
            };
            match lock(&file, &target, exclusive) {
                Lock::Taken => {
                    return Ok(Some(Locked { file, path: target }));
                }
                // The writer we waited for renamed a new file over the one we locked: lock that.
                Lock::Gone => continue,
                Lock::Busy if start.elapsed() > LOCK_WAIT => {
                    return Err(StoreError::Busy {
                        path: path.display().to_string(),
                        waited_s: LOCK_WAIT.as_secs(),
                    });
                }
                Lock::Busy => std::thread::sleep(Duration::from_millis(5)),
            }
        }
    }

    /// The file's bytes, read through the locked handle (on Windows a locked file cannot be read
    /// through another), at most `limit` of them.
    pub fn read(&mut self, limit: u64) -> Result<Vec<u8>, StoreError> {
        crate::files::read_all_capped(Read::by_ref(&mut self.file), limit)
            .map_err(|e| super::read_error(e, &self.path.display().to_string()))
    }
}

/// One try at locking `file`, opened from `path`; then whether `path` still names it.
fn lock(file: &File, path: &Path, exclusive: bool) -> Lock {
    let tried = if exclusive {
        file.try_lock()
    } else {
        file.try_lock_shared()
    };
    match tried {
        Ok(()) => {}
        Err(std::fs::TryLockError::WouldBlock) => return Lock::Busy,
        // No locks on this file system (NFS without its lock service, some shares): go on
        // unlocked rather than refuse every save.
        Err(std::fs::TryLockError::Error(_)) => return Lock::Taken,
    }
    match still_named(file, path) {
        Ok(true) => Lock::Taken,
        _ => Lock::Gone,
    }
}

/// Does `path` still name the open `file`? Compared without opening `path` again: on a network
/// share whose locks are POSIX record locks, closing any descriptor of the file would drop ours.
#[cfg(unix)]
fn still_named(file: &File, path: &Path) -> std::io::Result<bool> {
    use std::os::unix::fs::MetadataExt;
    let (open, named) = (file.metadata()?, std::fs::metadata(path)?);
    Ok((open.dev(), open.ino()) == (named.dev(), named.ino()))
}

/// Does `path` still name the open `file`? (Windows locks belong to the handle: opening the path
/// again to compare file indexes does not touch ours.)
#[cfg(windows)]
fn still_named(file: &File, path: &Path) -> std::io::Result<bool> {
    let open = same_file::Handle::from_file(file.try_clone()?)?;
    Ok(same_file::Handle::from_path(path)? == open)
}

#[cfg(not(any(unix, windows)))]
fn still_named(_file: &File, _path: &Path) -> std::io::Result<bool> {
    Ok(true)
}

/// Whether a write may replace an existing file.
#[derive(Clone, Copy, PartialEq, Eq)]
pub enum Replace {
    Yes,
    /// Fail with `StoreError::Exists` if the file exists (checked by the rename itself).
    No,
}

/// Writes `path` atomically: `write` fills a temporary file beside the file the path names (links
/// followed), which is synced and renamed over it. `cancelled` is looked at before the temporary
/// file is made and right before the rename. On any error, or when cancelled, the temporary file
/// is removed and `path` is as it was.
pub fn write_atomic_unless(
    path: &Path,
    replace: Replace,
    write: impl FnOnce(&mut dyn Write) -> std::io::Result<()>,
    cancelled: &dyn Fn() -> bool,
) -> Result<(), StoreError> {
    let err = |source| StoreError::Write {
        path: path.display().to_string(),
        source,
    };
    let check = || {
        if cancelled() {
            Err(StoreError::Cancelled {
                path: path.display().to_string(),
            })
        } else {
            Ok(())
        }
    };
    check()?;
    let target = resolve_links(path);
    let dir = match target.parent() {
        Some(d) if !d.as_os_str().is_empty() => d.to_path_buf(),
        _ => PathBuf::from("."),
    };
    let mut tmp = tempfile::Builder::new()
        .prefix(TMP_PREFIX)
        .suffix(TMP_SUFFIX)
        .tempfile_in(&dir)
        .map_err(err)?;
    // Locked while it is written: another save's clean-up knows it is not stale. (A file system
    // without locks has only the age test.)
    let _ = tmp.as_file().lock();
    remove_stale_temporaries(&dir, tmp.path());
    {
        let mut out = std::io::BufWriter::with_capacity(1 << 16, tmp.as_file_mut());
        write(&mut out).map_err(err)?;
        out.flush().map_err(err)?;
    }
    keep_owner_and_mode(&target, tmp.as_file()).map_err(err)?;
    tmp.as_file().sync_all().map_err(err)?;
    // Dropping `tmp` on the way out removes the temporary file.
    check()?;
    match replace {
        // std's rename replaces a file others hold open (POSIX semantics on Windows too, where
        // tempfile's `persist` would fail while a reader or a waiting writer has it open). The
        // temporary file is closed first; until the rename, dropping its path removes it.
        Replace::Yes => {
            let tmp_path = tmp.into_temp_path();
            std::fs::rename(&tmp_path, &target).map_err(err)?;
            let _ = tmp_path.keep();
        }
        Replace::No => match tmp.persist_noclobber(&target) {
            Ok(_) => {}
            Err(e) if e.error.kind() == std::io::ErrorKind::AlreadyExists => {
                return Err(StoreError::Exists {
                    path: path.display().to_string(),
                });
            }
            // Some volumes cannot rename without replacing: check, then rename.
            Err(e) if e.error.kind() == std::io::ErrorKind::Unsupported => {
                if std::fs::symlink_metadata(&target).is_ok() {
                    return Err(StoreError::Exists {
                        path: path.display().to_string(),
                    });
                }
                let tmp_path = e.file.into_temp_path();
                std::fs::rename(&tmp_path, &target).map_err(err)?;
                let _ = tmp_path.keep();
            }
            Err(e) => return Err(err(e.error)),
        },
    }
    // Make the rename itself durable where the platform allows it.
    if let Ok(d) = File::open(&dir) {
        let _ = d.sync_all();
    }
    Ok(())
}

/// The temporary file is private (0600); the file it becomes keeps the permissions (and, where the
/// system lets us, the owner and group) of the one it replaces, or gets the usual 0644, so that
/// reports can be shared and served.
#[cfg(unix)]
fn keep_owner_and_mode(target: &Path, tmp: &File) -> std::io::Result<()> {
    use std::os::unix::fs::{MetadataExt, PermissionsExt};
    let old = std::fs::metadata(target).ok();
    let mode = old
        .as_ref()
        .map(|m| m.permissions().mode() & 0o7777)
        .unwrap_or(0o644);
    if let Some(old) = &old {
        let new = tmp.metadata()?;
        if (old.uid(), old.gid()) != (new.uid(), new.gid()) {
            // Allowed to root, or to change the group to one of ours; otherwise the file becomes
            // ours, as any editor's save would make it.
            let _ = std::os::unix::fs::fchown(tmp, Some(old.uid()), Some(old.gid()))
                .or_else(|_| std::os::unix::fs::fchown(tmp, None, Some(old.gid())));
        }
    }
    tmp.set_permissions(std::fs::Permissions::from_mode(mode))
}

#[cfg(not(unix))]
fn keep_owner_and_mode(target: &Path, tmp: &File) -> std::io::Result<()> {
    if let Ok(old) = std::fs::metadata(target) {
        tmp.set_permissions(old.permissions())?;
    }
    Ok(())
}

/// Removes the temporary files of `dir` (other than `ours`) that were left by saves that did not
/// finish: named like ours, unchanged for a moment, and locked by no one.
pub fn remove_stale_temporaries(dir: &Path, ours: &Path) {
    let Ok(entries) = std::fs::read_dir(dir) else {
        return;
    };
    for entry in entries.flatten() {
        let name = entry.file_name();
        let name = name.to_string_lossy();
        if !(name.starts_with(TMP_PREFIX) && name.ends_with(TMP_SUFFIX)) {
            continue;
        }
        let path = entry.path();
        if path == ours {
            continue;
        }
        let Ok(meta) = entry.metadata() else { continue };
        let quiet = meta
            .modified()
            .ok()
            .and_then(|m| m.elapsed().ok())
            .is_some_and(|age| age >= STALE_AFTER);
        if !meta.is_file() || !quiet {
            continue;
        }
        let Ok(file) = File::open(&path) else {
            continue;
        };
        if file.try_lock().is_ok() {
            drop(file);
            let _ = std::fs::remove_file(&path);
        }
    }
}
