//! Claimdesk never opens a network connection: no HTTP, TLS, WebSocket or async-networking crate
//! is among the dependencies of the app (checked with `cargo tree`).

use std::process::Command;

const NETWORK_CRATES: &[&str] = &[
    "reqwest",
    "hyper",
    "ureq",
    "curl",
    "curl-sys",
    "isahc",
    "surf",
    "attohttpc",
    "h2",
    "http-body",
    "tungstenite",
    "tokio-tungstenite",
    "rustls",
    "native-tls",
    "openssl",
    "openssl-sys",
    "tokio",
    "async-std",
    "mio",
    "socket2",
    "trust-dns-resolver",
    "hickory-resolver",
];

#[test]
fn no_network_crate_in_the_dependency_tree() {
    let tree = |offline: bool| {
        let mut cmd = Command::new(env!("CARGO"));
        cmd.args([
            "tree",
            "-e",
            "normal",
            "--prefix",
            "none",
            "--manifest-path",
        ])
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
    let crates: Vec<&str> = tree
        .lines()
        .filter_map(|l| l.split_whitespace().next())
        .collect();
    assert!(
        crates.contains(&"eframe") && crates.contains(&"dom_smoothie"),
        "the tree was read"
    );
    let found: Vec<&&str> = NETWORK_CRATES
        .iter()
        .filter(|n| crates.contains(n))
        .collect();
    assert!(
        found.is_empty(),
        "network crates in the dependency tree: {found:?}"
    );
}
