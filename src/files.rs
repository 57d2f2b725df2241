//! Reading a file whatever it is: a regular file, `/dev/zero`, a named pipe (FIFO) fed forever or
//! with nobody writing to it. Every read is capped at the limit its caller documents plus one byte,
//! so no input makes Claimdesk read without end; a FIFO that nobody opens for writing is reported
//! after a short wait instead of blocking for ever.

use std::io::Read;
use std::path::Path;
use std::time::Duration;

/// How long opening a named pipe may wait for a writer before Claimdesk says so.
pub const PIPE_WAIT: Duration = Duration::from_secs(5);

/// Why a capped read failed.
#[derive(Debug)]
pub enum ReadError {
    /// The file could not be opened or read.
    Io(std::io::Error),
    /// More than `limit` bytes: `at_least` were there when reading stopped (the file's size when
    /// the file system knows it, else `limit + 1`).
    TooLarge { at_least: u64, limit: u64 },
    /// A named pipe that nobody opened for writing within `PIPE_WAIT`.
    NoWriter,
    /// A folder.
    IsDirectory,
}

impl std::fmt::Display for ReadError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            ReadError::Io(e) => write!(f, "{e}"),
            ReadError::TooLarge { at_least, limit } => write!(
                f,
                "it is larger than Claimdesk reads ({:.1} MB; the limit is {:.0} MB): split it",
                ReadError::mb(*at_least),
                ReadError::mb(*limit)
            ),
            ReadError::NoWriter => write!(
                f,
                "it is a named pipe that nobody wrote to within {} s",
                PIPE_WAIT.as_secs()
            ),
            ReadError::IsDirectory => write!(f, "it is a folder"),
        }
    }
}

impl ReadError {
    /// Megabytes, for messages.
    pub fn mb(bytes: u64) -> f64 {
        bytes as f64 / (1024.0 * 1024.0)
    }
}

/// The bytes of `path`, at most `limit` of them: `ReadError::TooLarge` when there are more,
/// whether the file says its size (a regular file) or not (a device, a pipe).
pub fn read_capped(path: &Path, limit: u64) -> Result<Vec<u8>, ReadError> {
    let meta = std::fs::metadata(path).map_err(ReadError::Io)?;
    if meta.is_dir() {
        return Err(ReadError::IsDirectory);
    }
    if meta.is_file() && meta.len() > limit {
        return Err(ReadError::TooLarge {
            at_least: meta.len(),
            limit,
        });
    }
    let file = if is_fifo(&meta) {
        open_pipe(path)?
    } else {
        std::fs::File::open(path).map_err(ReadError::Io)?
    };
    read_all_capped(file, limit)
}

/// Everything `reader` gives, at most `limit` bytes (`ReadError::TooLarge` beyond).
pub fn read_all_capped(reader: impl Read, limit: u64) -> Result<Vec<u8>, ReadError> {
    let mut bytes = Vec::new();
    reader
        .take(limit.saturating_add(1))
        .read_to_end(&mut bytes)
        .map_err(ReadError::Io)?;
    if bytes.len() as u64 > limit {
        return Err(ReadError::TooLarge {
            at_least: bytes.len() as u64,
            limit,
        });
    }
    Ok(bytes)
}

#[cfg(unix)]
fn is_fifo(meta: &std::fs::Metadata) -> bool {
    use std::os::unix::fs::FileTypeExt;
    meta.file_type().is_fifo()
}

#[cfg(not(unix))]
fn is_fifo(_meta: &std::fs::Metadata) -> bool {
    false
}

/// Opens a named pipe for reading. Opening blocks until a writer opens it too; the open runs on a
/// thread of its own, given up (the thread left blocked, to end with the process) after
/// `PIPE_WAIT`.
fn open_pipe(path: &Path) -> Result<std::fs::File, ReadError> {
    let (tx, rx) = std::sync::mpsc::channel();
    let owned = path.to_path_buf();
    std::thread::spawn(move || {
        let _ = tx.send(std::fs::File::open(owned));
    });
    match rx.recv_timeout(PIPE_WAIT) {
        Ok(opened) => opened.map_err(ReadError::Io),
        Err(_) => Err(ReadError::NoWriter),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_file_over_the_limit_is_refused_and_one_at_it_is_read() {
        let dir = tempfile::tempdir().unwrap();
        let p = dir.path().join("a.txt");
        std::fs::write(&p, b"0123456789").unwrap();
        assert_eq!(read_capped(&p, 10).unwrap(), b"0123456789");
        assert!(matches!(
            read_capped(&p, 9),
            Err(ReadError::TooLarge {
                at_least: 10,
                limit: 9
            })
        ));
        assert!(matches!(
            read_capped(dir.path(), 9),
            Err(ReadError::IsDirectory)
        ));
    }

    #[test]
    fn an_endless_stream_stops_at_the_limit() {
        // `io::repeat` is what /dev/zero is: a reader that never ends.
        let r = read_all_capped(std::io::repeat(0), 1000);
        assert!(matches!(
            r,
            Err(ReadError::TooLarge {
                at_least: 1001,
                limit: 1000
            })
        ));
    }

    #[cfg(target_os = "linux")]
    #[test]
    fn dev_zero_is_read_to_the_limit_only() {
        let r = read_capped(Path::new("/dev/zero"), 1 << 20);
        assert!(matches!(r, Err(ReadError::TooLarge { .. })), "{r:?}");
    }
}
