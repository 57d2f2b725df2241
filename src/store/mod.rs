//! Session files (`NAME.claimdesk.json`): versioned JSON holding the whole review, article text
//! included, written atomically so that a failed save never damages the previous file.

use crate::review::Review;
use serde::{Deserialize, Serialize};
use std::io::Write;
use std::path::{Path, PathBuf};

/// The session format this build writes. Older versions keep loading (one loader per version).
pub const FORMAT_VERSION: u32 = 1;
/// The file name suffix of session files.
pub const SESSION_SUFFIX: &str = ".claimdesk.json";
/// Session files larger than this are refused before they are read.
pub const MAX_SESSION_BYTES: u64 = 200 * 1024 * 1024;

#[derive(Debug, thiserror::Error)]
pub enum StoreError {
    #[error("could not read the session {path}: {source}")]
    Read {
        path: String,
        #[source]
        source: std::io::Error,
    },
    #[error(
        "{path} is not a readable session: {detail} (line {line}, column {column}). The file may be truncated or hand-edited; open the article itself to start a new review."
    )]
    Syntax {
        path: String,
        detail: String,
        line: usize,
        column: usize,
    },
    #[error("{path} has no \"format_version\": it is not a Claimdesk session file.")]
    NotASession { path: String },
    #[error(
        "{path} is a session of format {found}, newer than this Claimdesk understands (up to {supported}). Update Claimdesk to open it."
    )]
    TooNew {
        path: String,
        found: u64,
        supported: u32,
    },
    #[error("{path} is damaged: {detail}. Open the article itself to start a new review.")]
    Invalid { path: String, detail: String },
    #[error("{path} is {size_mb:.0} MB, larger than the {limit_mb} MB a session may be.")]
    TooLarge {
        path: String,
        size_mb: f64,
        limit_mb: u64,
    },
    #[error(
        "could not save to {path}: {source}. The previous file, if any, is unchanged; choose another folder with File > Save As."
    )]
    Write {
        path: String,
        #[source]
        source: std::io::Error,
    },
}

#[derive(Serialize)]
struct SessionOut<'a> {
    format_version: u32,
    generator: String,
    saved_at: chrono::DateTime<chrono::Utc>,
    review: &'a Review,
}

#[derive(Deserialize)]
struct SessionV1 {
    review: Review,
}

/// `article.txt` → `article.claimdesk.json`, in the same folder.
pub fn session_path_for(article: &Path) -> PathBuf {
    let stem = article
        .file_stem()
        .map(|s| s.to_string_lossy().into_owned())
        .unwrap_or_else(|| "review".to_string());
    article.with_file_name(format!("{stem}{SESSION_SUFFIX}"))
}

/// Does this path name a session file (by its suffix)?
pub fn is_session_path(path: &Path) -> bool {
    path.file_name()
        .map(|n| n.to_string_lossy().to_lowercase().ends_with(SESSION_SUFFIX))
        .unwrap_or(false)
}

/// The session as JSON text.
pub fn to_json(review: &Review) -> String {
    let out = SessionOut {
        format_version: FORMAT_VERSION,
        generator: format!("Claimdesk {}", env!("CARGO_PKG_VERSION")),
        saved_at: chrono::Utc::now(),
        review,
    };
    // Serialising plain data (strings, numbers, enums) to a String cannot fail.
    serde_json::to_string_pretty(&out).unwrap_or_default()
}

/// Writes the session atomically: a temporary file in the same folder, flushed to disk, then
/// renamed over `path`. On any error the old file is left as it was.
pub fn save(review: &Review, path: &Path) -> Result<(), StoreError> {
    write_atomic(path, to_json(review).as_bytes())
}

/// Writes `bytes` to `path` atomically (used for sessions and reports).
pub fn write_atomic(path: &Path, bytes: &[u8]) -> Result<(), StoreError> {
    let err = |source| StoreError::Write {
        path: path.display().to_string(),
        source,
    };
    let dir = match path.parent() {
        Some(d) if !d.as_os_str().is_empty() => d,
        _ => Path::new("."),
    };
    let mut tmp = tempfile::Builder::new()
        .prefix(".claimdesk-")
        .suffix(".tmp")
        .tempfile_in(dir)
        .map_err(err)?;
    tmp.write_all(bytes).map_err(err)?;
    tmp.as_file().sync_all().map_err(err)?;
    tmp.persist(path).map_err(|e| err(e.error))?;
    // Make the rename itself durable where the platform allows it.
    if let Ok(d) = std::fs::File::open(dir) {
        let _ = d.sync_all();
    }
    Ok(())
}

/// Reads a session file.
pub fn load(path: &Path) -> Result<Review, StoreError> {
    let shown = path.display().to_string();
    let meta = std::fs::metadata(path).map_err(|e| StoreError::Read {
        path: shown.clone(),
        source: e,
    })?;
    if meta.len() > MAX_SESSION_BYTES {
        return Err(StoreError::TooLarge {
            path: shown,
            size_mb: meta.len() as f64 / 1048576.0,
            limit_mb: MAX_SESSION_BYTES / 1048576,
        });
    }
    let bytes = std::fs::read(path).map_err(|e| StoreError::Read {
        path: shown.clone(),
        source: e,
    })?;
    from_json(&bytes, &shown)
}

/// Parses session JSON; `shown` names the file in error messages.
pub fn from_json(bytes: &[u8], shown: &str) -> Result<Review, StoreError> {
    let syntax = |e: serde_json::Error| StoreError::Syntax {
        path: shown.to_string(),
        detail: e
            .to_string()
            .split(" at line ")
            .next()
            .unwrap_or_default()
            .to_string(),
        line: e.line(),
        column: e.column(),
    };
    let value: serde_json::Value = serde_json::from_slice(bytes).map_err(syntax)?;
    let version = value
        .get("format_version")
        .and_then(|v| v.as_u64())
        .ok_or_else(|| StoreError::NotASession {
            path: shown.to_string(),
        })?;
    let mut review = match version {
        1 => {
            serde_json::from_slice::<SessionV1>(bytes)
                .map_err(syntax)?
                .review
        }
        v => {
            return Err(StoreError::TooNew {
                path: shown.to_string(),
                found: v,
                supported: FORMAT_VERSION,
            });
        }
    };
    validate(&mut review).map_err(|detail| StoreError::Invalid {
        path: shown.to_string(),
        detail,
    })?;
    Ok(review)
}

/// Checks that every offset points inside the article text on char boundaries.
fn validate(review: &mut Review) -> Result<(), String> {
    let text = &review.article.text;
    for b in &review.article.blocks {
        if b.start > b.end
            || b.end > text.len()
            || !text.is_char_boundary(b.start)
            || !text.is_char_boundary(b.end)
        {
            return Err(format!(
                "a block ({}..{}) lies outside the article text",
                b.start, b.end
            ));
        }
    }
    let mut ids = std::collections::HashSet::new();
    for c in &review.claims {
        let p = c.position;
        if p.start > p.end
            || p.end > text.len()
            || !text.is_char_boundary(p.start)
            || !text.is_char_boundary(p.end)
        {
            return Err(format!("claim {} points outside the article text", c.id));
        }
        if !ids.insert(c.id) {
            return Err(format!("claim id {} appears twice", c.id));
        }
    }
    review.revision = 0;
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::article;
    use crate::review::{Action, Verdict};

    #[test]
    fn save_and_load_round_trip() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("a.claimdesk.json");
        let mut r = Review::from_article(article::sample());
        let id = r.claims[1].id;
        r.apply(Action::SetVerdict {
            claim: id,
            verdict: Verdict::Unsourced,
        })
        .unwrap();
        r.apply(Action::SetNote {
            claim: id,
            note: "Appelé l’agence : « pas de source »".into(),
        })
        .unwrap();
        save(&r, &path).unwrap();
        let back = load(&path).unwrap();
        assert_eq!(back.claims, r.claims);
        assert_eq!(back.article, r.article);
        assert_eq!(back.history, r.history);
        let raw: serde_json::Value =
            serde_json::from_str(&std::fs::read_to_string(&path).unwrap()).unwrap();
        assert_eq!(raw["format_version"], FORMAT_VERSION);
    }

    #[test]
    fn session_paths() {
        assert_eq!(
            session_path_for(Path::new("/x/art.fr.txt")),
            Path::new("/x/art.fr.claimdesk.json")
        );
        assert!(is_session_path(Path::new("a.Claimdesk.JSON")));
        assert!(!is_session_path(Path::new("a.json")));
    }

    #[test]
    fn damaged_sessions_give_named_errors() {
        let r = Review::from_article(article::sample());
        let json = to_json(&r);
        let truncated = &json.as_bytes()[..json.len() / 2];
        let e = from_json(truncated, "s.claimdesk.json").unwrap_err();
        assert!(
            matches!(e, StoreError::Syntax { line, .. } if line > 1),
            "{e}"
        );
        assert!(matches!(
            from_json(b"{\"a\":1}", "s"),
            Err(StoreError::NotASession { .. })
        ));
        let newer = json.replacen("\"format_version\": 1", "\"format_version\": 99", 1);
        assert!(matches!(
            from_json(newer.as_bytes(), "s"),
            Err(StoreError::TooNew { found: 99, .. })
        ));
        let bad = json.replacen("\"end_byte\": ", "\"end_byte\": 99999", 1);
        let e = from_json(bad.as_bytes(), "s").unwrap_err();
        assert!(e.to_string().contains("outside the article text"), "{e}");
    }

    #[test]
    fn failed_save_keeps_the_old_file() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("a.claimdesk.json");
        std::fs::write(&path, "old contents").unwrap();
        let r = Review::from_article(article::sample());
        // The target is a directory's child that cannot exist: the save fails, the old file stays.
        let bad = dir.path().join("missing-folder").join("a.claimdesk.json");
        assert!(matches!(save(&r, &bad), Err(StoreError::Write { .. })));
        assert_eq!(std::fs::read_to_string(&path).unwrap(), "old contents");
    }
}
