//! The library on a newsroom's PostgreSQL server (the `postgres` crate, plain TCP: TLS is not
//! supported yet). The same rows as the SQLite engine; a `tsvector` of each entry's index words
//! with a GIN index stands for FTS5; `term_df` and `totals` hold the same counts.
//!
//! What keeps the results the same as SQLite's: the index words are made in Rust (`rank::terms`)
//! and the tsvector holds them as they are (`array_to_tsvector`, no PostgreSQL parser, stemmer
//! or locale in between); queries are built from quoted lexemes, never parsed from text; every
//! column that is compared or sorted is `COLLATE "C"` (code-point order and ASCII-only `lower`,
//! as SQLite does) and NULLs sort last as in SQLite; ids come from one sequence in insertion
//! order. The ranking is computed in `rank` from what comes back.
//!
//! Concurrency: a write is one transaction. It first takes a transaction advisory lock for each
//! key it writes (keys share 256 locks by hash), all in one order (so that two writers never
//! deadlock and never both insert one new key), then reads the stored rows `FOR UPDATE` and decides with `sql::decide`: a row
//! someone else changed is a conflict, never overwritten. An insert that still meets a row (a
//! writer that took no advisory lock) does nothing (`ON CONFLICT DO NOTHING`) and decides again
//! on the row it met. The word counts and totals are changed once, at the end, in word order.

use super::sql::{self, Decision, Row, Value};
use super::{
    Candidate, Engine, LibraryError, Outcome, Place, SCHEMA_VERSION, Search, Stored, Write, rank,
};
use postgres::config::SslMode;
use postgres::error::SqlState;
use postgres::types::ToSql;
use postgres::{Client, Config, NoTls, Statement, Transaction};
use sha2::{Digest, Sha256};
use std::collections::{BTreeMap, HashMap};
use std::time::Duration;

/// How long connecting may take (each address tried), unless the URL says `connect_timeout`.
const CONNECT_TIMEOUT: Duration = Duration::from_secs(5);

/// How long a writer waits for another's locks before saying the library is busy (as SQLite's
/// busy wait).
const LOCK_WAIT: &str = "10s";

/// The advisory lock that serialises schema migrations (with the schema's name as second key).
const MIGRATION_LOCK: i32 = 0x436c_6d64; // "Clmd"

/// Longest index word kept as it is (a tsvector takes no lexeme of 2 KB, a B-tree no value of
/// 2.7 KB).
const MAX_LEXEME_BYTES: usize = 1000;

/// How many locks the keys of one library share (a power of two).
const KEY_LOCKS: i64 = 256;

/// How often a write that lost a deadlock or met a row that vanished is tried again.
const WRITE_ATTEMPTS: usize = 3;

/// Each schema, from nothing to `SCHEMA_VERSION`: `MIGRATIONS[v]` takes schema `v` to `v + 1`.
/// Columns compared or sorted are `COLLATE "C"`, as SQLite compares text. A key is unique through
/// a hash index (an exclusion constraint), which takes keys of any length: a B-tree refuses
/// values over 2.7 KB, and an imported address can be that long. `term_df` holds lexemes
/// (`lexeme`), never longer than `MAX_LEXEME_BYTES`.
const MIGRATIONS: &[&str] = &[r#"
    CREATE TABLE entries (
        id BIGSERIAL PRIMARY KEY,
        key TEXT COLLATE "C" NOT NULL,
        version BIGINT NOT NULL,
        hash TEXT NOT NULL,
        claim TEXT NOT NULL,
        language TEXT COLLATE "C",
        verdict TEXT COLLATE "C",
        rating TEXT NOT NULL,
        note TEXT NOT NULL,
        evidence TEXT NOT NULL,
        claimant TEXT COLLATE "C",
        claimant_lower TEXT COLLATE "C",
        title TEXT,
        url TEXT,
        date TEXT COLLATE "C",
        reviewer TEXT,
        reviewed_at TEXT COLLATE "C",
        origin TEXT NOT NULL,
        terms TEXT NOT NULL,
        n_terms BIGINT NOT NULL,
        lexemes TSVECTOR NOT NULL,
        CONSTRAINT entries_key_unique EXCLUDE USING hash (key WITH =)
    );
    CREATE INDEX entries_lexemes ON entries USING GIN (lexemes);
    CREATE TABLE term_df (term TEXT COLLATE "C" PRIMARY KEY, df BIGINT NOT NULL);
    CREATE TABLE totals (one INTEGER PRIMARY KEY CHECK (one = 1), entries BIGINT NOT NULL, terms BIGINT NOT NULL);
    INSERT INTO totals VALUES (1, 0, 0);
"#];

const _: () = assert!(MIGRATIONS.len() == SCHEMA_VERSION as usize);

/// The statements every operation uses, prepared once per connection.
struct Statements {
    insert: Statement,
    update: Statement,
    lock_keys: Statement,
    lock_rows: Statement,
    lock_row: Statement,
    read_id: Statement,
    term_stats: Statement,
    containing: Statement,
    get: Statement,
}

pub(super) struct Postgres {
    config: Config,
    client: Client,
    statements: Statements,
    /// The library as messages name it (without the password).
    place: String,
    /// The password, taken out of any message that might carry it.
    secret: Option<String>,
    /// Keeps this library's key locks apart from another's in the same database: the `entries`
    /// table's oid (locks `lock_seed × KEY_LOCKS` and on).
    lock_seed: i64,
    /// A call met a connection that failed at the socket (reset, closed): the next call opens
    /// a new one, even if the client has not noticed yet.
    lost: std::cell::Cell<bool>,
}

/// What went wrong in a migration or a write: the server's error, a library of a newer schema,
/// or a message of ours.
enum Failure {
    Db(postgres::Error),
    Newer(i64),
    Other(String),
}

impl From<postgres::Error> for Failure {
    fn from(e: postgres::Error) -> Failure {
        Failure::Db(e)
    }
}

/// A stored row as a write needs it.
#[derive(Clone)]
struct Current {
    id: i64,
    hash: String,
    terms: String,
    n_terms: i64,
}

impl Postgres {
    pub(super) fn open(url: &str) -> Result<Postgres, LibraryError> {
        let place = Place::Postgres(url.to_string()).shown();
        let mut config: Config = url.parse().map_err(|e: postgres::Error| LibraryError::Open {
            place: place.clone(),
            detail: format!(
                "the address is not one Claimdesk can read ({}); write it postgres://USER:PASSWORD@HOST:PORT/DATABASE",
                describe(&e)
            ),
        })?;
        let secret = config
            .get_password()
            .map(|p| String::from_utf8_lossy(p).into_owned())
            .filter(|p| !p.is_empty());
        let scrub = |s: String| scrub(s, secret.as_deref());
        let open_error = |detail: String| LibraryError::Open {
            place: place.clone(),
            detail: scrub(detail),
        };
        if !matches!(config.get_ssl_mode(), SslMode::Disable | SslMode::Prefer) {
            return Err(open_error(
                "the address asks for an encrypted connection (sslmode=require), and this Claimdesk cannot connect with TLS yet: reach the server over a trusted network or an SSH tunnel, without sslmode=require".into(),
            ));
        }
        if config.get_connect_timeout().is_none() {
            config.connect_timeout(CONNECT_TIMEOUT);
        }
        if config.get_application_name().is_none() {
            config.application_name("claimdesk");
        }
        let mut client = connect(&config).map_err(&open_error)?;
        let (lock_seed, statements) =
            setup(&mut client, &place, &secret, &config).map_err(|e| match e {
                LibraryError::Engine { detail, .. } | LibraryError::Busy { detail, .. } => {
                    open_error(detail)
                }
                other => other,
            })?;
        Ok(Postgres {
            config,
            client,
            statements,
            place,
            secret,
            lock_seed,
            lost: std::cell::Cell::new(false),
        })
    }

    /// A new connection if the server closed the old one (a restart, a network cut): the
    /// operation that met the closed connection failed; the next one reconnects.
    fn connected(&mut self) -> Result<(), LibraryError> {
        if !self.client.is_closed() && !self.lost.get() {
            return Ok(());
        }
        let place = self.place.clone();
        let secret = self.secret.clone();
        let mut client = connect(&self.config).map_err(|detail| LibraryError::Engine {
            place: place.clone(),
            detail: scrub(detail, secret.as_deref()),
        })?;
        let (lock_seed, statements) = setup(&mut client, &place, &secret, &self.config)?;
        self.client = client;
        self.statements = statements;
        self.lock_seed = lock_seed;
        self.lost.set(false);
        Ok(())
    }

    fn err(&self, e: postgres::Error) -> LibraryError {
        fail_noting(&self.place, &self.secret, &self.lost, e)
    }

    /// One try at a write (see the module's comment for the order of the locks).
    fn write_once(&mut self, writes: &[(Write, Vec<String>)]) -> Result<Vec<Outcome>, Failure> {
        let Postgres {
            client,
            statements: st,
            lock_seed,
            ..
        } = self;
        let mut tx = client.transaction()?;
        let keys: Vec<String> = writes
            .iter()
            .map(|(w, _)| sql::clean(&w.entry.key))
            .collect();
        tx.execute(&st.lock_keys, &[&keys, &*lock_seed])?;
        let mut current: HashMap<String, Current> = HashMap::new();
        for r in tx.query(&st.lock_rows, &[&keys])? {
            let key: String = r.try_get(0)?;
            current.insert(key, current_of(&r, 1)?);
        }
        let mut df: BTreeMap<String, i64> = BTreeMap::new();
        let (mut added_entries, mut added_terms) = (0i64, 0i64);
        let mut outcomes = Vec::with_capacity(writes.len());
        for ((write, terms), key) in writes.iter().zip(&keys) {
            let hash = write.entry.content_hash();
            let mut attempts = 0;
            let outcome = loop {
                attempts += 1;
                if attempts > WRITE_ATTEMPTS {
                    return Err(Failure::Other(format!(
                        "the entry {key} kept changing while it was written"
                    )));
                }
                let stored = current.get(key).map(|c| (c.id, c.hash.clone()));
                match sql::decide(write, &hash, stored) {
                    Decision::Nothing(o) => break o,
                    Decision::Conflict { id } => {
                        let row = tx.query_one(&st.read_id, &[&id])?;
                        break Outcome::Conflict {
                            theirs: Box::new(read_row(&row)?.into_stored().0),
                        };
                    }
                    Decision::Insert => {
                        let values = sql::row_values(&write.entry, &hash, terms);
                        let (text, n) = stored_terms(terms);
                        let words = split(&text);
                        let lexemes = lexemes(&words);
                        let mut params = params(&values);
                        params.push(&lexemes);
                        match tx.query_opt(&st.insert, &params)? {
                            Some(r) => {
                                let id: i64 = r.try_get(0)?;
                                count(&mut df, &words, 1);
                                added_entries += 1;
                                added_terms += n;
                                current.insert(
                                    key.clone(),
                                    Current {
                                        id,
                                        hash: hash.clone(),
                                        terms: text,
                                        n_terms: n,
                                    },
                                );
                                break Outcome::Added;
                            }
                            None => {
                                // Someone inserted the key since the rows were read: decide
                                // again on their row, locked.
                                if let Some(r) = tx.query_opt(&st.lock_row, &[key])? {
                                    current.insert(key.clone(), current_of(&r, 0)?);
                                }
                            }
                        }
                    }
                    Decision::Update { id } => {
                        let Some(old) = current.get(key).cloned() else {
                            return Err(Failure::Other(format!("the entry {key} vanished")));
                        };
                        let values = sql::row_values(&write.entry, &hash, terms);
                        let (text, n) = stored_terms(terms);
                        let words = split(&text);
                        let lexemes = lexemes(&words);
                        let mut params = params(&values);
                        params.push(&lexemes);
                        params.push(&id);
                        tx.execute(&st.update, &params)?;
                        count(&mut df, &split(&old.terms), -1);
                        count(&mut df, &words, 1);
                        added_terms += n - old.n_terms;
                        current.insert(
                            key.clone(),
                            Current {
                                id,
                                hash: hash.clone(),
                                terms: text,
                                n_terms: n,
                            },
                        );
                        break Outcome::Updated;
                    }
                }
            };
            outcomes.push(outcome);
        }
        apply_counts(&mut tx, df, added_entries, added_terms)?;
        tx.commit()?;
        Ok(outcomes)
    }
}

/// Connects within the connect timeout for each address tried, plus as long again for the
/// login: the connection is made on a thread of its own, so that a server that takes the
/// connection and then says nothing cannot hang Claimdesk (the thread is left to the socket's
/// fate). Returns what went wrong, for people.
fn connect(config: &Config) -> Result<Client, String> {
    let per_try = config
        .get_connect_timeout()
        .copied()
        .unwrap_or(CONNECT_TIMEOUT);
    let wait = per_try * (config.get_hosts().len().max(1) as u32 + 1);
    let (send, receive) = std::sync::mpsc::channel();
    let attempt = config.clone();
    std::thread::Builder::new()
        .name("claimdesk-postgres-connect".into())
        .spawn(move || {
            let _ = send.send(attempt.connect(NoTls));
        })
        .map_err(|e| format!("could not start connecting ({e})"))?;
    let mut client = match receive.recv_timeout(wait) {
        Ok(Ok(client)) => client,
        Ok(Err(e)) => return Err(explain(&e, config)),
        Err(std::sync::mpsc::RecvTimeoutError::Timeout) => {
            return Err(format!(
                "{} did not answer within {} s: check the host and port in the address, that the server is up, and that the network (VPN, firewall) lets this machine reach it",
                server_of(config),
                wait.as_secs()
            ));
        }
        Err(std::sync::mpsc::RecvTimeoutError::Disconnected) => {
            return Err(format!(
                "connecting to {} failed unexpectedly",
                server_of(config)
            ));
        }
    };
    // Refuse a server whose text is not UTF-8 (every Claimdesk string is).
    match client.query_one("SHOW server_encoding", &[]) {
        Ok(r) => {
            let encoding: String = r.try_get(0).unwrap_or_default();
            if !encoding.eq_ignore_ascii_case("UTF8") {
                return Err(format!(
                    "the database's encoding is {encoding}, and the library needs UTF8: create the database with ENCODING 'UTF8'"
                ));
            }
        }
        Err(e) => return Err(explain(&e, config)),
    }
    Ok(client)
}

/// `host:port` as the address names it.
fn server_of(config: &Config) -> String {
    let host = match config.get_hosts().first() {
        Some(postgres::config::Host::Tcp(h)) => h.clone(),
        #[cfg(unix)]
        Some(postgres::config::Host::Unix(p)) => p.display().to_string(),
        None => "localhost".into(),
    };
    let port = config.get_ports().first().copied().unwrap_or(5432);
    format!("the server {host}:{port}")
}

/// Why a connection failed, and what to do about it.
fn explain(e: &postgres::Error, config: &Config) -> String {
    let user = config.get_user().unwrap_or("");
    let server = server_of(config);
    let what = describe(e);
    if let Some(db) = e.as_db_error() {
        let code = db.code();
        if *code == SqlState::INVALID_PASSWORD {
            return format!(
                "{server} refused the password of user \"{user}\": check the user name and password in the address (postgres://USER:PASSWORD@HOST:PORT/DATABASE)"
            );
        }
        if *code == SqlState::INVALID_CATALOG_NAME {
            let db_name = config.get_dbname().unwrap_or(user);
            return format!(
                "{server} has no database \"{db_name}\": create it (createdb {db_name}) or name another one at the end of the address"
            );
        }
        if *code == SqlState::INVALID_AUTHORIZATION_SPECIFICATION {
            let tls = if db.message().contains("no encryption") {
                " The server may accept only encrypted connections, and this Claimdesk cannot connect with TLS yet."
            } else {
                ""
            };
            return format!(
                "{server} does not let user \"{user}\" in from this machine ({}): its pg_hba.conf says who may connect from where, and how.{tls}",
                db.message()
            );
        }
        if *code == SqlState::TOO_MANY_CONNECTIONS || *code == SqlState::CANNOT_CONNECT_NOW {
            return format!(
                "{server} takes no connection now ({}): try again in a moment",
                db.message()
            );
        }
        return format!("{server} refused the connection: {what}");
    }
    if what.contains("password missing") {
        return format!(
            "{server} asks for a password, and the address gives none: write it postgres://USER:PASSWORD@HOST:PORT/DATABASE"
        );
    }
    let io = std::error::Error::source(e).and_then(|s| s.downcast_ref::<std::io::Error>());
    match io.map(std::io::Error::kind) {
        Some(std::io::ErrorKind::ConnectionRefused) => format!(
            "nothing answers at {server} (connection refused): check that PostgreSQL runs there and that the host and port in the address are right"
        ),
        Some(std::io::ErrorKind::TimedOut) => format!(
            "{server} did not answer within {} s: check the host and port in the address, that the server is up, and that the network (VPN, firewall) lets this machine reach it",
            config
                .get_connect_timeout()
                .copied()
                .unwrap_or(CONNECT_TIMEOUT)
                .as_secs()
        ),
        _ if what.contains("lookup address") || what.contains("Name or service not known") => {
            format!(
                "{server} is not a name this machine can find ({what}): check the host in the address"
            )
        }
        _ => format!("could not connect to {server}: {what}"),
    }
}

/// An error with its causes ("error connecting to server: Connection refused").
fn describe(e: &postgres::Error) -> String {
    let mut s = e.to_string();
    let mut source = std::error::Error::source(e);
    while let Some(cause) = source {
        s.push_str(": ");
        s.push_str(&cause.to_string());
        source = cause.source();
    }
    s.replace('\n', " ")
}

/// `s` without the password in it, should the server or a library have quoted it.
fn scrub(s: String, secret: Option<&str>) -> String {
    match secret {
        Some(p) if s.contains(p) => s.replace(p, "***"),
        _ => s,
    }
}

/// `fail`, noting in `lost` an error that came from the connection rather than the server (no
/// SQL state: a reset, a closed socket), so that the next call reconnects.
fn fail_noting(
    place: &str,
    secret: &Option<String>,
    lost: &std::cell::Cell<bool>,
    e: postgres::Error,
) -> LibraryError {
    if e.code().is_none() {
        lost.set(true);
    }
    fail(place, secret, e)
}

fn fail(place: &str, secret: &Option<String>, e: postgres::Error) -> LibraryError {
    let place = place.to_string();
    let busy = [
        SqlState::LOCK_NOT_AVAILABLE,
        SqlState::T_R_DEADLOCK_DETECTED,
        SqlState::T_R_SERIALIZATION_FAILURE,
    ];
    if e.code().is_some_and(|c| busy.contains(c)) {
        return LibraryError::Busy {
            place,
            detail: scrub(describe(&e), secret.as_deref()),
        };
    }
    let ended = [
        SqlState::ADMIN_SHUTDOWN,
        SqlState::CRASH_SHUTDOWN,
        SqlState::CANNOT_CONNECT_NOW,
    ];
    let detail = if e.is_closed() || e.code().is_some_and(|c| ended.contains(c)) {
        format!(
            "the connection to the server was lost ({}); the next try reconnects",
            describe(&e)
        )
    } else {
        describe(&e)
    };
    LibraryError::Engine {
        place,
        detail: scrub(detail, secret.as_deref()),
    }
}

/// On a new connection: the lock wait, the schema brought to `SCHEMA_VERSION` (under a lock, so
/// that two Claimdesks starting at once do not both migrate), the key locks' seed and the
/// statements.
fn setup(
    client: &mut Client,
    place: &str,
    secret: &Option<String>,
    config: &Config,
) -> Result<(i64, Statements), LibraryError> {
    let err = |e| fail(place, secret, e);
    client
        .batch_execute(&format!("SET lock_timeout = '{LOCK_WAIT}'"))
        .map_err(err)?;
    let done = {
        let mut tx = client.transaction().map_err(err)?;
        match migrate(&mut tx) {
            Ok(()) => tx.commit().map_err(Failure::Db),
            Err(e) => Err(e), // rolled back as `tx` goes
        }
    };
    match done {
        Ok(()) => {}
        Err(Failure::Db(e)) if e.code() == Some(&SqlState::INSUFFICIENT_PRIVILEGE) => {
            let user = config.get_user().unwrap_or("this user");
            return Err(LibraryError::Engine {
                place: place.to_string(),
                detail: scrub(
                    format!(
                        "{user} may not create the library's tables here ({}): ask the database's owner to create the library once, or to grant {user} CREATE on the schema",
                        describe(&e)
                    ),
                    secret.as_deref(),
                ),
            });
        }
        Err(Failure::Db(e)) => return Err(err(e)),
        Err(Failure::Newer(found)) => {
            return Err(LibraryError::Newer {
                place: place.to_string(),
                found,
            });
        }
        Err(Failure::Other(detail)) => {
            return Err(LibraryError::Engine {
                place: place.to_string(),
                detail,
            });
        }
    }
    let seed: i64 = client
        .query_one("SELECT 'entries'::regclass::oid::bigint", &[])
        .and_then(|r| r.try_get(0))
        .map_err(err)?;
    let statements = Statements::prepare(client).map_err(err)?;
    Ok((seed, statements))
}

/// Takes the migration lock and brings the schema to `SCHEMA_VERSION` (refusing a newer one).
fn migrate(tx: &mut Transaction) -> Result<(), Failure> {
    tx.execute(
        "SELECT pg_advisory_xact_lock($1, hashtext(coalesce(current_schema(), '')))",
        &[&MIGRATION_LOCK],
    )?;
    let has_meta: bool = tx
        .query_one("SELECT to_regclass('meta') IS NOT NULL", &[])?
        .try_get(0)?;
    if !has_meta {
        tx.batch_execute("CREATE TABLE meta (name TEXT PRIMARY KEY, value TEXT NOT NULL)")?;
    }
    let version: i64 = tx
        .query_opt("SELECT value FROM meta WHERE name = 'schema'", &[])?
        .and_then(|r| r.try_get::<_, String>(0).ok())
        .and_then(|v| v.parse().ok())
        .unwrap_or(0);
    if version > SCHEMA_VERSION {
        return Err(Failure::Newer(version));
    }
    if version == SCHEMA_VERSION {
        return Ok(());
    }
    for step in &MIGRATIONS[version.max(0) as usize..] {
        tx.batch_execute(step)?;
    }
    tx.execute(
        "INSERT INTO meta (name, value) VALUES ('schema', $1)
         ON CONFLICT (name) DO UPDATE SET value = excluded.value",
        &[&SCHEMA_VERSION.to_string()],
    )?;
    Ok(())
}

impl Statements {
    fn prepare(client: &mut Client) -> Result<Statements, postgres::Error> {
        let n = sql::ENTRY_COLUMNS.split(", ").count();
        let placeholders: Vec<String> = (1..=n).map(|i| format!("${i}")).collect();
        let sets: Vec<String> = sql::ENTRY_COLUMNS
            .split(", ")
            .enumerate()
            .map(|(i, c)| format!("{c} = ${}", i + 1))
            .collect();
        Ok(Statements {
            insert: client.prepare(&format!(
                "INSERT INTO entries ({}, version, lexemes)
                 VALUES ({}, 1, array_to_tsvector(${}::text[]))
                 ON CONFLICT ON CONSTRAINT entries_key_unique DO NOTHING RETURNING id",
                sql::ENTRY_COLUMNS,
                placeholders.join(", "),
                n + 1
            ))?,
            update: client.prepare(&format!(
                "UPDATE entries SET {}, lexemes = array_to_tsvector(${}::text[]),
                 version = version + 1 WHERE id = ${}",
                sets.join(", "),
                n + 1,
                n + 2
            ))?,
            // A lock per key, taken in the order of the locks' numbers: writers whose keys
            // overlap wait for each other instead of deadlocking. Keys share KEY_LOCKS locks
            // (by hash) so that a large import holds no more than that many: the server's
            // lock table is shared by all (64 × max_connections by default).
            lock_keys: client.prepare(&format!(
                "SELECT count(pg_advisory_xact_lock(k)) FROM (
                     SELECT DISTINCT $2::bigint * {KEY_LOCKS} + (hashtextextended(key, 0) & {}) AS k
                     FROM unnest($1::text[]) AS key ORDER BY k
                 ) AS locks",
                KEY_LOCKS - 1
            ))?,
            lock_rows: client.prepare(
                "SELECT key, id, hash, terms, n_terms FROM entries
                 WHERE key = ANY($1::text[]) ORDER BY key FOR UPDATE",
            )?,
            lock_row: client.prepare(
                "SELECT id, hash, terms, n_terms FROM entries WHERE key = $1 FOR UPDATE",
            )?,
            read_id: client.prepare(&format!(
                "SELECT {} FROM entries WHERE id = $1",
                sql::STORED_COLUMNS
            ))?,
            // Totals and word counts in one statement, so from one snapshot.
            term_stats: client.prepare(
                "SELECT t.entries, t.terms, ARRAY(
                     SELECT coalesce(d.df, 0) FROM unnest($1::text[]) WITH ORDINALITY AS u(term, i)
                     LEFT JOIN term_df d ON d.term = u.term ORDER BY u.i
                 ) FROM totals t",
            )?,
            containing: client.prepare(&format!(
                "SELECT {} FROM entries WHERE lexemes @@ $1::text::tsquery ORDER BY id",
                sql::STORED_COLUMNS
            ))?,
            get: client.prepare(&format!(
                "SELECT {} FROM entries WHERE key = $1",
                sql::STORED_COLUMNS
            ))?,
        })
    }
}

/// The word counts and totals changed by a write, in word order (the order every writer locks
/// them in).
fn apply_counts(
    tx: &mut Transaction,
    df: BTreeMap<String, i64>,
    entries: i64,
    terms: i64,
) -> Result<(), postgres::Error> {
    let (words, by): (Vec<String>, Vec<i64>) = df.into_iter().filter(|(_, d)| *d != 0).unzip();
    if !words.is_empty() {
        tx.execute(
            "INSERT INTO term_df (term, df)
             SELECT t, d FROM unnest($1::text[], $2::bigint[]) AS u(t, d) ORDER BY t COLLATE \"C\"
             ON CONFLICT (term) DO UPDATE SET df = term_df.df + excluded.df",
            &[&words, &by],
        )?;
        tx.execute(
            "DELETE FROM term_df WHERE term = ANY($1::text[]) AND df <= 0",
            &[&words],
        )?;
    }
    if entries != 0 || terms != 0 {
        tx.execute(
            "UPDATE totals SET entries = entries + $1, terms = terms + $2",
            &[&entries, &terms],
        )?;
    }
    Ok(())
}

/// Adds `by` to the count of each distinct word of `terms` (kept under its lexeme).
fn count(df: &mut BTreeMap<String, i64>, terms: &[String], by: i64) {
    for t in sql::distinct(terms) {
        *df.entry(lexeme(t)).or_insert(0) += by;
    }
}

/// The `terms` column's text as `row_values` writes it, and the number of words.
fn stored_terms(terms: &[String]) -> (String, i64) {
    let (text, n) = sql::terms_text(terms);
    (sql::clean(&text), n)
}

/// The words of a `terms` text: what the tsvector and the counts are made from, so that they
/// always agree with the row.
fn split(text: &str) -> Vec<String> {
    text.split(' ')
        .filter(|t| !t.is_empty())
        .map(str::to_string)
        .collect()
}

/// The lexeme an index word is kept under (in the tsvector and in `term_df`): the word itself,
/// or for a word too long for a tsvector or a B-tree, `#` and its SHA-256 (no index word has a
/// `#`). A NUL, which PostgreSQL's text cannot hold, is U+FFFD.
fn lexeme(term: &str) -> String {
    if term.len() <= MAX_LEXEME_BYTES {
        sql::clean(term)
    } else {
        let digest = Sha256::digest(term.as_bytes());
        let hex: String = digest.iter().map(|b| format!("{b:02x}")).collect();
        format!("#{hex}")
    }
}

/// An entry's lexemes: each distinct index word once.
fn lexemes(terms: &[String]) -> Vec<String> {
    let mut l: Vec<String> = sql::distinct(terms)
        .into_iter()
        .filter(|t| !t.is_empty())
        .map(lexeme)
        .collect();
    l.sort_unstable();
    l.dedup();
    l
}

/// A tsquery of the words joined by `op` (`|`, `&`), each quoted as a lexeme: whatever a word
/// holds, it is one word to look for, not query syntax. None if there is no word.
pub(super) fn tsquery(terms: &[String], op: &str) -> Option<String> {
    let quoted: Vec<String> = terms
        .iter()
        .filter(|t| !t.is_empty())
        .map(|t| format!("'{}'", lexeme(t).replace('\\', "\\\\").replace('\'', "''")))
        .collect();
    (!quoted.is_empty()).then(|| quoted.join(&format!(" {op} ")))
}

fn params(values: &[Value]) -> Vec<&(dyn ToSql + Sync)> {
    values
        .iter()
        .map(|v| match v {
            Value::Text(s) => s as &(dyn ToSql + Sync),
            Value::Maybe(s) => s as &(dyn ToSql + Sync),
            Value::Int(n) => n as &(dyn ToSql + Sync),
        })
        .collect()
}

/// (id, hash, terms, n_terms) from column `at` on.
fn current_of(r: &postgres::Row, at: usize) -> Result<Current, postgres::Error> {
    Ok(Current {
        id: r.try_get(at)?,
        hash: r.try_get(at + 1)?,
        terms: r.try_get(at + 2)?,
        n_terms: r.try_get(at + 3)?,
    })
}

fn read_row(r: &postgres::Row) -> Result<Row, postgres::Error> {
    Ok(Row {
        id: r.try_get(0)?,
        version: r.try_get(1)?,
        key: r.try_get(2)?,
        claim: r.try_get(3)?,
        language: r.try_get(4)?,
        verdict: r.try_get(5)?,
        rating: r.try_get(6)?,
        note: r.try_get(7)?,
        evidence: r.try_get(8)?,
        claimant: r.try_get(9)?,
        title: r.try_get(10)?,
        url: r.try_get(11)?,
        date: r.try_get(12)?,
        reviewer: r.try_get(13)?,
        reviewed_at: r.try_get(14)?,
        origin: r.try_get(15)?,
        terms: r.try_get(16)?,
    })
}

fn read_rows(rows: &[postgres::Row]) -> Result<Vec<Row>, postgres::Error> {
    rows.iter().map(read_row).collect()
}

impl Engine for Postgres {
    fn write(&mut self, writes: &[(Write, Vec<String>)]) -> Result<Vec<Outcome>, LibraryError> {
        self.connected()?;
        let mut attempt = 0;
        loop {
            attempt += 1;
            match self.write_once(writes) {
                Ok(outcomes) => return Ok(outcomes),
                // A deadlock with a writer that took no key locks: the transaction was rolled
                // back; try again.
                Err(Failure::Db(e))
                    if attempt < WRITE_ATTEMPTS
                        && e.code().is_some_and(|c| {
                            *c == SqlState::T_R_DEADLOCK_DETECTED
                                || *c == SqlState::T_R_SERIALIZATION_FAILURE
                        }) => {}
                Err(Failure::Db(e)) => return Err(self.err(e)),
                Err(Failure::Other(detail)) => {
                    return Err(LibraryError::Engine {
                        place: self.place.clone(),
                        detail,
                    });
                }
                Err(Failure::Newer(found)) => {
                    return Err(LibraryError::Newer {
                        place: self.place.clone(),
                        found,
                    });
                }
            }
        }
    }

    fn term_stats(&mut self, terms: &[String]) -> Result<rank::Stats, LibraryError> {
        self.connected()?;
        let terms: Vec<String> = terms.iter().map(|t| lexeme(t)).collect();
        let row = self
            .client
            .query_one(&self.statements.term_stats, &[&terms])
            .map_err(|e| fail_noting(&self.place, &self.secret, &self.lost, e))?;
        let read = || -> Result<(i64, i64, Vec<i64>), postgres::Error> {
            Ok((row.try_get(0)?, row.try_get(1)?, row.try_get(2)?))
        };
        let (entries, total, df) = read().map_err(|e| self.err(e))?;
        Ok(rank::Stats {
            entries: entries.max(0) as u64,
            total_terms: total.max(0) as u64,
            df: df.into_iter().map(|d| d.max(0) as u64).collect(),
        })
    }

    fn containing(&mut self, terms: &[String]) -> Result<Vec<(Stored, Vec<String>)>, LibraryError> {
        let Some(query) = tsquery(terms, "|") else {
            return Ok(Vec::new());
        };
        self.connected()?;
        let rows = self
            .client
            .query(&self.statements.containing, &[&query])
            .and_then(|rows| read_rows(&rows))
            .map_err(|e| fail_noting(&self.place, &self.secret, &self.lost, e))?;
        Ok(rows.into_iter().map(Row::into_stored).collect())
    }

    fn postings(&mut self, terms: &[String]) -> Result<Vec<Vec<i64>>, LibraryError> {
        self.connected()?;
        let mut out = vec![Vec::new(); terms.len()];
        // One round trip for all the words: each word's query, numbered; the GIN index gives
        // each one's rows, in order, as SQLite's index does.
        let (queries, places): (Vec<String>, Vec<usize>) = terms
            .iter()
            .enumerate()
            .filter_map(|(i, t)| tsquery(std::slice::from_ref(t), "|").map(|q| (q, i)))
            .unzip();
        if queries.is_empty() {
            return Ok(out);
        }
        let rows = self
            .client
            .query(
                "SELECT q.n, e.id FROM unnest($1::text[]) WITH ORDINALITY AS q(query, n)
                 JOIN entries e ON e.lexemes @@ q.query::tsquery
                 ORDER BY q.n, e.id",
                &[&queries],
            )
            .map_err(|e| fail_noting(&self.place, &self.secret, &self.lost, e))?;
        for r in rows {
            let n: i64 = r.get(0);
            if let Some(&place) = usize::try_from(n - 1).ok().and_then(|k| places.get(k)) {
                out[place].push(r.get::<_, i64>(1));
            }
        }
        Ok(out)
    }

    fn candidates(
        &mut self,
        _terms: &[String],
        ids: &[i64],
    ) -> Result<Vec<Candidate>, LibraryError> {
        self.connected()?;
        let rows = self
            .client
            .query(
                "SELECT id, key, reviewed_at, date, terms FROM entries WHERE id = ANY($1) ORDER BY id",
                &[&ids],
            )
            .map_err(|e| fail_noting(&self.place, &self.secret, &self.lost, e))?;
        Ok(rows
            .iter()
            .map(|r| Candidate {
                id: r.get(0),
                key: r.get(1),
                reviewed_at: r.get(2),
                date: r.get(3),
                terms: r.get(4),
            })
            .collect())
    }

    fn search(&mut self, search: &Search, terms: &[String]) -> Result<Vec<Stored>, LibraryError> {
        self.connected()?;
        let words = tsquery(terms, "&").map(|q| ("lexemes @@ {}::text::tsquery", q));
        let (wheres, args) = sql::search_where(search, words, |n| format!("${n}"));
        // NULLS LAST: SQLite's order, where NULL is the smallest value.
        let sql = format!(
            "SELECT {} FROM entries {wheres} ORDER BY coalesce(reviewed_at, date) DESC NULLS LAST, id DESC LIMIT {}",
            sql::STORED_COLUMNS,
            sql::search_limit(search)
        );
        let params: Vec<&(dyn ToSql + Sync)> =
            args.iter().map(|a| a as &(dyn ToSql + Sync)).collect();
        let rows = self
            .client
            .query(&sql, &params)
            .and_then(|rows| read_rows(&rows))
            .map_err(|e| fail_noting(&self.place, &self.secret, &self.lost, e))?;
        Ok(rows.into_iter().map(|r| r.into_stored().0).collect())
    }

    fn get(&mut self, key: &str) -> Result<Option<Stored>, LibraryError> {
        self.connected()?;
        let key = sql::clean(key);
        let row = self
            .client
            .query_opt(&self.statements.get, &[&key])
            .and_then(|r| r.as_ref().map(read_row).transpose())
            .map_err(|e| fail_noting(&self.place, &self.secret, &self.lost, e))?;
        Ok(row.map(|r| r.into_stored().0))
    }

    fn each(&mut self, f: &mut dyn FnMut(Stored)) -> Result<(), LibraryError> {
        self.connected()?;
        let sql = format!("SELECT {} FROM entries ORDER BY key", sql::STORED_COLUMNS);
        let none: [&str; 0] = [];
        let mut rows = self
            .client
            .query_raw(&sql, none)
            .map_err(|e| fail_noting(&self.place, &self.secret, &self.lost, e))?;
        use postgres::fallible_iterator::FallibleIterator;
        while let Some(r) = rows
            .next()
            .map_err(|e| fail_noting(&self.place, &self.secret, &self.lost, e))?
        {
            let row =
                read_row(&r).map_err(|e| fail_noting(&self.place, &self.secret, &self.lost, e))?;
            f(row.into_stored().0);
        }
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_word_is_one_quoted_lexeme_whatever_it_holds() {
        let words: Vec<String> = ["moon", "it's", "a\\b", "x:*", "|&!()"]
            .iter()
            .map(|s| s.to_string())
            .collect();
        assert_eq!(
            tsquery(&words, "|").unwrap(),
            r#"'moon' | 'it''s' | 'a\\b' | 'x:*' | '|&!()'"#
        );
        assert_eq!(tsquery(&[], "&"), None);
        assert_eq!(tsquery(&[String::new()], "&"), None);
    }

    #[test]
    fn a_word_too_long_for_a_tsvector_is_kept_by_its_hash() {
        let long = "a".repeat(3000);
        let l = lexeme(&long);
        assert!(l.starts_with('#') && l.len() == 65, "{l}");
        assert_eq!(lexeme("moon"), "moon");
        assert_eq!(lexemes(&["b".into(), "a".into(), "b".into()]), ["a", "b"]);
    }

    #[test]
    fn the_password_never_shows() {
        assert_eq!(
            scrub("user ana password s3cret".into(), Some("s3cret")),
            "user ana password ***"
        );
        assert_eq!(scrub("nothing".into(), None), "nothing");
    }
}

/// Libraries to test on: a schema of their own on the test server, dropped at the end.
#[cfg(test)]
pub(super) mod scratch {
    use postgres::{Client, NoTls};
    use std::sync::atomic::{AtomicUsize, Ordering};

    pub(in crate::library) struct Schema {
        server: String,
        pub name: String,
        /// The library's address: the server, with the schema first in the search path.
        pub url: String,
    }

    static NEXT: AtomicUsize = AtomicUsize::new(0);

    impl Schema {
        /// A new empty schema on the server at `server` (a `postgres://` URL).
        pub(in crate::library) fn new(server: &str, case: &str) -> Schema {
            let case: String = case
                .chars()
                .filter(|c| c.is_ascii_alphanumeric() || *c == '_')
                .take(30)
                .collect();
            let name = format!(
                "cdtest_{}_{}_{case}",
                std::process::id(),
                NEXT.fetch_add(1, Ordering::Relaxed)
            )
            .to_ascii_lowercase();
            let mut admin = Client::connect(server, NoTls)
                .unwrap_or_else(|e| panic!("CLAIMDESK_TEST_POSTGRES: cannot connect: {e}"));
            admin
                .batch_execute(&format!(
                    "DROP SCHEMA IF EXISTS {name} CASCADE; CREATE SCHEMA {name}"
                ))
                .unwrap();
            // The schema's name is also the connections' name, to find them in pg_stat_activity.
            let sep = if server.contains('?') { '&' } else { '?' };
            let url =
                format!("{server}{sep}options=-c%20search_path%3D{name}&application_name={name}");
            Schema {
                server: server.to_string(),
                name,
                url,
            }
        }

        /// A connection of its own to the schema, for what a test does behind the library's
        /// back.
        pub(in crate::library) fn client(&self) -> Client {
            Client::connect(&self.url, NoTls).unwrap()
        }
    }

    /// Ends the server side of every connection to the schema (as a server restart would).
    pub(in crate::library) fn cut_connections(schema: &Schema) {
        let mut admin = Client::connect(&schema.server, NoTls).unwrap();
        // With a timeout: the backend is gone when this returns, so the library's next call
        // surely meets the cut connection.
        admin
            .execute(
                "SELECT pg_terminate_backend(pid, 5000) FROM pg_stat_activity WHERE application_name = $1",
                &[&schema.name],
            )
            .unwrap();
    }

    /// Runs `sql` on the library at `url`, behind its back.
    pub(in crate::library) fn execute(url: &str, sql: &str) {
        Client::connect(url, NoTls)
            .unwrap()
            .batch_execute(sql)
            .unwrap();
    }

    impl Drop for Schema {
        fn drop(&mut self) {
            if let Ok(mut admin) = Client::connect(&self.server, NoTls) {
                let _ =
                    admin.batch_execute(&format!("DROP SCHEMA IF EXISTS {} CASCADE", self.name));
            }
        }
    }
}
