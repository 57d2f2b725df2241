//! The library in one SQLite file (bundled SQLite): WAL mode, so that a reader never waits for a
//! writer; FTS5 over the entries' index words; a table of each word's document count for the
//! ranking. Writers take the write lock at the start of their transaction and wait up to
//! `BUSY_WAIT` for another.

use super::sql::{self, Decision, Row, Value};
use super::{
    Candidate, Engine, LibraryError, Outcome, SCHEMA_VERSION, Search, Stored, Write, rank,
};
use rusqlite::{Connection, OpenFlags, OptionalExtension, TransactionBehavior, params};
use std::path::{Path, PathBuf};
use std::time::Duration;

/// How long a writer waits for another to finish before saying the library is busy.
const BUSY_WAIT: Duration = Duration::from_secs(5);

/// Each schema, from nothing to `SCHEMA_VERSION`: `MIGRATIONS[v]` takes schema `v` to `v + 1`.
const MIGRATIONS: &[&str] = &["
    CREATE TABLE entries (
        id INTEGER PRIMARY KEY,
        key TEXT NOT NULL UNIQUE,
        version INTEGER NOT NULL,
        hash TEXT NOT NULL,
        claim TEXT NOT NULL,
        language TEXT,
        verdict TEXT,
        rating TEXT NOT NULL,
        note TEXT NOT NULL,
        evidence TEXT NOT NULL,
        claimant TEXT,
        claimant_lower TEXT,
        title TEXT,
        url TEXT,
        date TEXT,
        reviewer TEXT,
        reviewed_at TEXT,
        origin TEXT NOT NULL,
        terms TEXT NOT NULL,
        n_terms INTEGER NOT NULL
    );
    CREATE INDEX entries_reviewed_at ON entries (reviewed_at);
    CREATE TABLE term_df (term TEXT PRIMARY KEY, df INTEGER NOT NULL) WITHOUT ROWID;
    CREATE TABLE totals (one INTEGER PRIMARY KEY CHECK (one = 1), entries INTEGER NOT NULL, terms INTEGER NOT NULL);
    INSERT INTO totals VALUES (1, 0, 0);
    CREATE VIRTUAL TABLE entries_fts USING fts5(
        terms, content='',
        tokenize = \"unicode61 remove_diacritics 0 categories 'L* N* Co M*'\"
    );
"];

pub(super) struct Sqlite {
    conn: Connection,
    path: PathBuf,
}

impl Sqlite {
    pub(super) fn open(path: &Path) -> Result<Sqlite, LibraryError> {
        let place = path.display().to_string();
        let open_error = |detail: String| LibraryError::Open {
            place: place.clone(),
            detail,
        };
        if let Some(dir) = path.parent().filter(|d| !d.as_os_str().is_empty()) {
            std::fs::create_dir_all(dir).map_err(|e| open_error(e.to_string()))?;
        }
        if path.is_dir() {
            return Err(open_error("it is a folder, not a file".into()));
        }
        let conn = Connection::open_with_flags(
            path,
            OpenFlags::SQLITE_OPEN_READ_WRITE
                | OpenFlags::SQLITE_OPEN_CREATE
                | OpenFlags::SQLITE_OPEN_NO_MUTEX,
        )
        .map_err(|e| open_error(e.to_string()))?;
        conn.busy_timeout(BUSY_WAIT)
            .map_err(|e| open_error(e.to_string()))?;
        let mut db = Sqlite {
            conn,
            path: path.to_path_buf(),
        };
        // Several Claimdesks opening a new library at once: switching it to WAL can be refused
        // without SQLite's busy wait; try again for as long as a writer would wait.
        let started = std::time::Instant::now();
        loop {
            match db.prepare() {
                Ok(()) => return Ok(db),
                Err(LibraryError::Busy { .. }) if started.elapsed() < BUSY_WAIT => {
                    std::thread::sleep(Duration::from_millis(20));
                }
                Err(LibraryError::Engine { detail, .. }) => return Err(open_error(detail)),
                Err(other) => return Err(other),
            }
        }
    }

    /// WAL mode, and the schema brought to `SCHEMA_VERSION`. A library already at it is only
    /// read, so opening one never waits for another's write.
    fn prepare(&mut self) -> Result<(), LibraryError> {
        let path = self.path.clone();
        let e = |err| self_err(&path, err);
        let _mode: String = self
            .conn
            .query_row("PRAGMA journal_mode = WAL", [], |r| r.get(0))
            .map_err(e)?;
        self.conn
            .execute_batch("PRAGMA synchronous = NORMAL; PRAGMA mmap_size = 1073741824;")
            .map_err(e)?;
        let version = |c: &Connection| -> rusqlite::Result<i64> {
            let has_meta: bool = c.query_row(
                "SELECT count(*) > 0 FROM sqlite_master WHERE type = 'table' AND name = 'meta'",
                [],
                |r| r.get(0),
            )?;
            if !has_meta {
                return Ok(0);
            }
            Ok(
                c.query_row("SELECT value FROM meta WHERE name = 'schema'", [], |r| {
                    r.get::<_, String>(0)
                })
                .optional()?
                .and_then(|v| v.parse().ok())
                .unwrap_or(0),
            )
        };
        let newer = |found: i64| LibraryError::Newer {
            place: path.display().to_string(),
            found,
        };
        match version(&self.conn).map_err(e)? {
            v if v == SCHEMA_VERSION => return Ok(()),
            v if v > SCHEMA_VERSION => return Err(newer(v)),
            _ => {}
        }
        let tx = self
            .conn
            .transaction_with_behavior(TransactionBehavior::Immediate)
            .map_err(e)?;
        // Another Claimdesk may have migrated it while this one waited.
        // A version below 0 is no schema of Claimdesk's: read as none.
        let found = version(&tx).map_err(e)?.max(0);
        if found > SCHEMA_VERSION {
            return Err(newer(found));
        }
        tx.execute_batch(
            "CREATE TABLE IF NOT EXISTS meta (name TEXT PRIMARY KEY, value TEXT NOT NULL)",
        )
        .map_err(e)?;
        for step in &MIGRATIONS[found as usize..] {
            tx.execute_batch(step).map_err(e)?;
        }
        tx.execute(
            "INSERT INTO meta (name, value) VALUES ('schema', ?1)
             ON CONFLICT (name) DO UPDATE SET value = excluded.value",
            [SCHEMA_VERSION.to_string()],
        )
        .map_err(e)?;
        tx.commit().map_err(e)
    }
}

fn err_at(path: &Path, e: rusqlite::Error) -> LibraryError {
    LibraryError::Engine {
        place: path.display().to_string(),
        detail: e.to_string(),
    }
}

fn to_sql(v: Value) -> rusqlite::types::Value {
    match v {
        Value::Text(s) => rusqlite::types::Value::Text(s),
        Value::Maybe(Some(s)) => rusqlite::types::Value::Text(s),
        Value::Maybe(None) => rusqlite::types::Value::Null,
        Value::Int(n) => rusqlite::types::Value::Integer(n),
    }
}

fn read_row(r: &rusqlite::Row) -> rusqlite::Result<Row> {
    Ok(Row {
        id: r.get(0)?,
        version: r.get(1)?,
        key: r.get(2)?,
        claim: r.get(3)?,
        language: r.get(4)?,
        verdict: r.get(5)?,
        rating: r.get(6)?,
        note: r.get(7)?,
        evidence: r.get(8)?,
        claimant: r.get(9)?,
        title: r.get(10)?,
        url: r.get(11)?,
        date: r.get(12)?,
        reviewer: r.get(13)?,
        reviewed_at: r.get(14)?,
        origin: r.get(15)?,
        terms: r.get(16)?,
    })
}

/// An FTS5 query: the words quoted, joined by `op` (`OR`, `AND`).
fn fts_query(terms: &[String], op: &str) -> String {
    terms
        .iter()
        .map(|t| format!("\"{}\"", t.replace('"', "\"\"")))
        .collect::<Vec<_>>()
        .join(&format!(" {op} "))
}

fn change_df(tx: &rusqlite::Transaction, terms: &[String], by: i64) -> rusqlite::Result<()> {
    let mut up = tx.prepare_cached(
        "INSERT INTO term_df (term, df) VALUES (?1, ?2)
         ON CONFLICT (term) DO UPDATE SET df = df + excluded.df",
    )?;
    let mut gone = tx.prepare_cached("DELETE FROM term_df WHERE term = ?1 AND df <= 0")?;
    for t in sql::distinct(terms) {
        up.execute(params![t, by])?;
        if by < 0 {
            // Only a word that lost an entry can have gone to nothing.
            gone.execute([t])?;
        }
    }
    Ok(())
}

impl Engine for Sqlite {
    fn write(&mut self, writes: &[(Write, Vec<String>)]) -> Result<Vec<Outcome>, LibraryError> {
        let path = self.path.clone();
        let e = |err| err_at(&path, err);
        let tx = self
            .conn
            .transaction_with_behavior(TransactionBehavior::Immediate)
            .map_err(|err| self_err(&path, err))?;
        let mut outcomes = Vec::with_capacity(writes.len());
        for (write, terms) in writes {
            let hash = write.entry.content_hash();
            let stored: Option<(i64, String)> = tx
                .query_row(
                    "SELECT id, hash FROM entries WHERE key = ?1",
                    [sql::clean(&write.entry.key)],
                    |r| Ok((r.get(0)?, r.get(1)?)),
                )
                .optional()
                .map_err(e)?;
            let values: Vec<rusqlite::types::Value> = sql::row_values(&write.entry, &hash, terms)
                .into_iter()
                .map(to_sql)
                .collect();
            let (text, n) = sql::terms_text(terms);
            match sql::decide(write, &hash, stored) {
                Decision::Nothing(o) => outcomes.push(o),
                Decision::Conflict { id } => {
                    let row = tx
                        .query_row(
                            &format!("SELECT {} FROM entries WHERE id = ?1", sql::STORED_COLUMNS),
                            [id],
                            read_row,
                        )
                        .map_err(e)?;
                    outcomes.push(Outcome::Conflict {
                        theirs: Box::new(row.into_stored().0),
                    });
                }
                Decision::Insert => {
                    let placeholders: Vec<String> =
                        (1..=values.len()).map(|i| format!("?{i}")).collect();
                    tx.execute(
                        &format!(
                            "INSERT INTO entries ({}, version) VALUES ({}, 1)",
                            sql::ENTRY_COLUMNS,
                            placeholders.join(", ")
                        ),
                        rusqlite::params_from_iter(values),
                    )
                    .map_err(e)?;
                    let id = tx.last_insert_rowid();
                    tx.execute(
                        "INSERT INTO entries_fts (rowid, terms) VALUES (?1, ?2)",
                        params![id, text],
                    )
                    .map_err(e)?;
                    change_df(&tx, terms, 1).map_err(e)?;
                    tx.execute(
                        "UPDATE totals SET entries = entries + 1, terms = terms + ?1",
                        [n],
                    )
                    .map_err(e)?;
                    outcomes.push(Outcome::Added);
                }
                Decision::Update { id } => {
                    let (old_text, old_n): (String, i64) = tx
                        .query_row(
                            "SELECT terms, n_terms FROM entries WHERE id = ?1",
                            [id],
                            |r| Ok((r.get(0)?, r.get(1)?)),
                        )
                        .map_err(e)?;
                    let old: Vec<String> = old_text
                        .split(' ')
                        .filter(|t| !t.is_empty())
                        .map(str::to_string)
                        .collect();
                    tx.execute(
                        "INSERT INTO entries_fts (entries_fts, rowid, terms) VALUES ('delete', ?1, ?2)",
                        params![id, old_text],
                    )
                    .map_err(e)?;
                    change_df(&tx, &old, -1).map_err(e)?;
                    let sets: Vec<String> = sql::ENTRY_COLUMNS
                        .split(", ")
                        .enumerate()
                        .map(|(i, c)| format!("{c} = ?{}", i + 1))
                        .collect();
                    let mut values = values;
                    values.push(rusqlite::types::Value::Integer(id));
                    tx.execute(
                        &format!(
                            "UPDATE entries SET {}, version = version + 1 WHERE id = ?{}",
                            sets.join(", "),
                            values.len()
                        ),
                        rusqlite::params_from_iter(values),
                    )
                    .map_err(e)?;
                    tx.execute(
                        "INSERT INTO entries_fts (rowid, terms) VALUES (?1, ?2)",
                        params![id, text],
                    )
                    .map_err(e)?;
                    change_df(&tx, terms, 1).map_err(e)?;
                    tx.execute("UPDATE totals SET terms = terms + ?1", [n - old_n])
                        .map_err(e)?;
                    outcomes.push(Outcome::Updated);
                }
            }
        }
        // The full-text index grows by segments that lookups must each search (matching took
        // 2.5 times as long on an unmerged index): merged into one whenever the library has
        // grown by a quarter since the last merge (so merging costs, over a library's life,
        // about five more writings of its index).
        let entries: i64 = tx
            .query_row("SELECT entries FROM totals", [], |r| r.get(0))
            .map_err(e)?;
        let merged_at: i64 = tx
            .query_row(
                "SELECT value FROM meta WHERE name = 'fts_merged_at'",
                [],
                |r| r.get::<_, String>(0),
            )
            .optional()
            .map_err(e)?
            .and_then(|v| v.parse().ok())
            .unwrap_or(0);
        if entries >= merged_at + (merged_at / 4).max(500) {
            tx.execute(
                "INSERT INTO entries_fts (entries_fts) VALUES ('optimize')",
                [],
            )
            .map_err(e)?;
            tx.execute(
                "INSERT INTO meta (name, value) VALUES ('fts_merged_at', ?1)
                 ON CONFLICT (name) DO UPDATE SET value = excluded.value",
                [entries.to_string()],
            )
            .map_err(e)?;
        }
        tx.commit().map_err(|err| self_err(&path, err))?;
        Ok(outcomes)
    }

    fn term_stats(&mut self, terms: &[String]) -> Result<rank::Stats, LibraryError> {
        let (entries, total): (i64, i64) = self
            .conn
            .prepare_cached("SELECT entries, terms FROM totals")
            .and_then(|mut q| q.query_row([], |r| Ok((r.get(0)?, r.get(1)?))))
            .map_err(|e| self_err(&self.path, e))?;
        let mut df = Vec::with_capacity(terms.len());
        {
            let mut q = self
                .conn
                .prepare_cached("SELECT df FROM term_df WHERE term = ?1")
                .map_err(|e| err_at(&self.path, e))?;
            for t in terms {
                let n: Option<i64> = q
                    .query_row([t], |r| r.get(0))
                    .optional()
                    .map_err(|e| err_at(&self.path, e))?;
                df.push(n.unwrap_or(0).max(0) as u64);
            }
        }
        Ok(rank::Stats {
            entries: entries.max(0) as u64,
            total_terms: total.max(0) as u64,
            df,
        })
    }

    fn containing(&mut self, terms: &[String]) -> Result<Vec<(Stored, Vec<String>)>, LibraryError> {
        if terms.is_empty() {
            return Ok(Vec::new());
        }
        let sql = format!(
            "SELECT {} FROM entries WHERE id IN (SELECT rowid FROM entries_fts WHERE entries_fts MATCH ?1) ORDER BY id",
            sql::STORED_COLUMNS
        );
        let mut q = self
            .conn
            .prepare_cached(&sql)
            .map_err(|e| err_at(&self.path, e))?;
        let rows = q
            .query_map([fts_query(terms, "OR")], read_row)
            .map_err(|e| err_at(&self.path, e))?
            .collect::<Result<Vec<_>, _>>()
            .map_err(|e| err_at(&self.path, e))?;
        Ok(rows.into_iter().map(Row::into_stored).collect())
    }

    fn postings(&mut self, terms: &[String]) -> Result<Vec<Vec<i64>>, LibraryError> {
        // One row a word, its row numbers joined: stepping row by row costs more than reading
        // the numbers.
        let mut q = self
            .conn
            .prepare_cached(
                "SELECT group_concat(rowid, ' ') FROM entries_fts WHERE entries_fts MATCH ?1",
            )
            .map_err(|e| err_at(&self.path, e))?;
        let mut out = Vec::with_capacity(terms.len());
        for t in terms {
            let joined: Option<String> = q
                .query_row([fts_query(std::slice::from_ref(t), "OR")], |r| r.get(0))
                .map_err(|e| err_at(&self.path, e))?;
            out.push(
                joined
                    .unwrap_or_default()
                    .split(' ')
                    .filter_map(|n| n.parse().ok())
                    .collect(),
            );
        }
        Ok(out)
    }

    fn candidates(
        &mut self,
        _terms: &[String],
        ids: &[i64],
    ) -> Result<Vec<Candidate>, LibraryError> {
        let list = serde_json::to_string(ids).unwrap_or_else(|_| "[]".into());
        let mut q = self
            .conn
            .prepare_cached(
                "SELECT id, key, reviewed_at, date, terms FROM entries
                 WHERE id IN (SELECT value FROM json_each(?1))",
            )
            .map_err(|e| err_at(&self.path, e))?;
        q.query_map([list], |r| {
            Ok(Candidate {
                id: r.get(0)?,
                key: r.get(1)?,
                reviewed_at: r.get(2)?,
                date: r.get(3)?,
                terms: r.get(4)?,
            })
        })
        .map_err(|e| err_at(&self.path, e))?
        .collect::<Result<Vec<_>, _>>()
        .map_err(|e| err_at(&self.path, e))
    }

    fn search(&mut self, search: &Search, terms: &[String]) -> Result<Vec<Stored>, LibraryError> {
        let words = (!terms.is_empty()).then(|| {
            (
                "id IN (SELECT rowid FROM entries_fts WHERE entries_fts MATCH {})",
                fts_query(terms, "AND"),
            )
        });
        let (wheres, args) = sql::search_where(search, words, |n| format!("?{n}"));
        let sql = format!(
            "SELECT {} FROM entries {wheres} ORDER BY coalesce(reviewed_at, date) DESC, id DESC LIMIT {}",
            sql::STORED_COLUMNS,
            sql::search_limit(search)
        );
        let mut q = self.conn.prepare(&sql).map_err(|e| err_at(&self.path, e))?;
        let rows = q
            .query_map(rusqlite::params_from_iter(args), read_row)
            .map_err(|e| err_at(&self.path, e))?
            .collect::<Result<Vec<_>, _>>()
            .map_err(|e| err_at(&self.path, e))?;
        Ok(rows.into_iter().map(|r| r.into_stored().0).collect())
    }

    fn get(&mut self, key: &str) -> Result<Option<Stored>, LibraryError> {
        let sql = format!("SELECT {} FROM entries WHERE key = ?1", sql::STORED_COLUMNS);
        let row = self
            .conn
            .prepare_cached(&sql)
            .and_then(|mut q| q.query_row([sql::clean(key)], read_row).optional())
            .map_err(|e| err_at(&self.path, e))?;
        Ok(row.map(|r| r.into_stored().0))
    }

    fn each(&mut self, f: &mut dyn FnMut(Stored)) -> Result<(), LibraryError> {
        let sql = format!("SELECT {} FROM entries ORDER BY key", sql::STORED_COLUMNS);
        let mut q = self.conn.prepare(&sql).map_err(|e| err_at(&self.path, e))?;
        let rows = q
            .query_map([], read_row)
            .map_err(|e| err_at(&self.path, e))?;
        for r in rows {
            f(r.map_err(|e| err_at(&self.path, e))?.into_stored().0);
        }
        Ok(())
    }
}

/// A SQLite error as the library says it: busy, not a library, or failed.
fn self_err(path: &Path, e: rusqlite::Error) -> LibraryError {
    let place = path.display().to_string();
    match &e {
        rusqlite::Error::SqliteFailure(f, _)
            if matches!(
                f.code,
                rusqlite::ErrorCode::DatabaseBusy | rusqlite::ErrorCode::DatabaseLocked
            ) =>
        {
            LibraryError::Busy {
                place,
                detail: e.to_string(),
            }
        }
        rusqlite::Error::SqliteFailure(f, _) if f.code == rusqlite::ErrorCode::NotADatabase => {
            LibraryError::Engine {
                place,
                detail: "the file is not a Claimdesk library (not a SQLite database, or damaged)"
                    .into(),
            }
        }
        _ => err_at(path, e),
    }
}
