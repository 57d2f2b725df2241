//! Claimdesk opens no network connection but one: the PostgreSQL client, to the server a
//! newsroom names for its claim library (`postgres://…`). Checked on `cargo tree` and on the
//! source:
//! - no HTTP client or server, TLS, WebSocket or DNS-resolver crate is among the dependencies
//!   of the app;
//! - the async networking crates (tokio, mio, socket2) come only with the PostgreSQL client:
//!   without `postgres`, none of them is left;
//! - in `src/`, only `library/postgres.rs` names the client, and no code opens a socket of its
//!   own.

use std::path::{Path, PathBuf};
use std::process::Command;

/// Crates that would let the app talk to the network in ways it must not: never allowed.
const NETWORK_CRATES: &[&str] = &[
    // HTTP clients and servers
    "reqwest",
    "hyper",
    "hyper-util",
    "ureq",
    "curl",
    "curl-sys",
    "isahc",
    "surf",
    "attohttpc",
    "minreq",
    "http-req",
    "awc",
    "actix-web",
    "axum",
    "warp",
    "tiny_http",
    "h2",
    "h3",
    "http-body",
    "quinn",
    // WebSocket
    "tungstenite",
    "tokio-tungstenite",
    "websocket",
    // TLS (the PostgreSQL client is used without it)
    "rustls",
    "native-tls",
    "openssl",
    "openssl-sys",
    "postgres-native-tls",
    "postgres-openssl",
    "tokio-postgres-rustls",
    // other async runtimes, resolvers
    "async-std",
    "smol",
    "async-net",
    "trust-dns-resolver",
    "hickory-resolver",
];

/// The PostgreSQL client and the networking it needs: allowed only under `postgres`.
const POSTGRES_CLIENT: &[&str] = &[
    "postgres",
    "tokio-postgres",
    "postgres-protocol",
    "tokio",
    "tokio-util",
    "mio",
    "socket2",
];

/// The crates of the app's dependency tree (normal dependencies, not dev or build ones), with
/// `extra` arguments to `cargo tree`.
fn crates(extra: &[&str]) -> Vec<String> {
    let tree = |offline: bool| {
        let mut cmd = Command::new(env!("CARGO"));
        cmd.args(["tree", "-e", "normal", "--prefix", "none"])
            .args(extra)
            .arg("--manifest-path")
            .arg(concat!(env!("CARGO_MANIFEST_DIR"), "/Cargo.toml"));
        if offline {
            cmd.arg("--offline");
        }
        cmd.output().expect("cargo tree runs")
    };
    // Offline first (the build has fetched everything); with the registry if a package is missing.
    let mut out = tree(true);
    if !out.status.success() {
        out = tree(false);
    }
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let tree = String::from_utf8_lossy(&out.stdout);
    let crates: Vec<String> = tree
        .lines()
        .filter_map(|l| l.split_whitespace().next())
        .map(str::to_string)
        .collect();
    assert!(
        crates.iter().any(|c| c == "eframe") && crates.iter().any(|c| c == "dom_smoothie"),
        "the tree was read"
    );
    crates
}

fn found<'a>(crates: &[String], names: &[&'a str]) -> Vec<&'a str> {
    names
        .iter()
        .filter(|n| crates.iter().any(|c| c == *n))
        .copied()
        .collect()
}

#[test]
fn no_network_crate_in_the_dependency_tree() {
    let all = crates(&[]);
    let bad = found(&all, NETWORK_CRATES);
    assert!(
        bad.is_empty(),
        "network crates in the dependency tree: {bad:?}"
    );
    assert!(
        all.iter().any(|c| c == "postgres"),
        "the PostgreSQL client is in the tree (else this test checks nothing of it)"
    );
}

#[test]
fn networking_comes_only_with_the_postgresql_client() {
    let without_postgres = crates(&["--prune", "postgres"]);
    let bad = found(&without_postgres, NETWORK_CRATES);
    let stray = found(&without_postgres, POSTGRES_CLIENT);
    assert!(
        bad.is_empty() && stray.is_empty(),
        "networking crates that something other than the PostgreSQL client brings: {:?}",
        [bad, stray].concat()
    );
}

fn rust_files(dir: &Path, out: &mut Vec<PathBuf>) {
    for entry in std::fs::read_dir(dir).unwrap() {
        let path = entry.unwrap().path();
        if path.is_dir() {
            rust_files(&path, out);
        } else if path.extension().is_some_and(|e| e == "rs") {
            out.push(path);
        }
    }
}

/// The code of a file without its comments.
fn code_of(path: &Path) -> String {
    std::fs::read_to_string(path)
        .unwrap()
        .lines()
        .map(|l| match l.find("//") {
            Some(at) if !l[..at].contains('"') => &l[..at],
            _ => l,
        })
        .collect::<Vec<_>>()
        .join("\n")
}

/// Whether `code` names the crate `name` (`name::…` as the start of a path, or `use name`), as
/// opposed to a module of that name (`self::name::…`, `super::name::…`).
fn names_crate(code: &str, name: &str) -> bool {
    let starts_path = |at: usize| {
        let before = &code[..at];
        !before.ends_with("::")
            && !before
                .chars()
                .next_back()
                .is_some_and(|c| c.is_alphanumeric() || c == '_')
    };
    code.match_indices(&format!("{name}::"))
        .any(|(at, _)| starts_path(at))
        || code.contains(&format!("use {name};"))
        || code.contains(&format!("extern crate {name}"))
}

#[test]
fn only_the_library_engine_talks_to_the_network() {
    let src = Path::new(env!("CARGO_MANIFEST_DIR")).join("src");
    let engine = src.join("library").join("postgres.rs");
    let mut files = Vec::new();
    rust_files(&src, &mut files);
    assert!(files.contains(&engine), "{} is there", engine.display());
    let mut wrong = Vec::new();
    for file in &files {
        let code = code_of(file);
        if file != &engine {
            for client in ["postgres", "tokio_postgres", "tokio"] {
                if names_crate(&code, client) {
                    wrong.push(format!("{} names the {client} crate", file.display()));
                }
            }
        }
        for socket in ["TcpStream", "TcpListener", "UdpSocket", "ToSocketAddrs"] {
            if code.contains(socket) {
                wrong.push(format!("{} uses {socket}", file.display()));
            }
        }
    }
    assert!(wrong.is_empty(), "{}", wrong.join("\n"));
    assert!(names_crate("use postgres::{Client, NoTls};", "postgres"));
    assert!(!names_crate(
        "Box::new(self::postgres::Postgres::open(url)?)",
        "postgres"
    ));
    assert!(!names_crate("use tokio_postgres::Config;", "postgres"));
}
