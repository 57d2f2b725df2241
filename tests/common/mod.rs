//! What the command-line tests share: the built binary, its output, a session of the sample.
#![allow(dead_code)] // each test file uses some of these

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

pub const SAMPLE: &str = "assets/samples/poutine-kim-limousine.fr.txt";

/// The binary, with the claim library off (a test that wants one names it with
/// `CLAIMDESK_LIBRARY` or `--library`): tests never write to the user's library.
pub fn bin() -> Command {
    let mut c = Command::new(env!("CARGO_BIN_EXE_claimdesk"));
    c.env("CLAIMDESK_LIBRARY", "off");
    c
}

pub fn claimdesk(args: &[&str]) -> Output {
    bin().args(args).output().expect("the binary runs")
}

/// The standard output of a run that must have succeeded.
pub fn stdout(o: &Output) -> String {
    assert!(
        o.status.success(),
        "failed: {}",
        String::from_utf8_lossy(&o.stderr)
    );
    String::from_utf8(o.stdout.clone()).unwrap()
}

pub fn stderr(o: &Output) -> String {
    String::from_utf8_lossy(&o.stderr).into_owned()
}

/// A new session of the sample in `dir`.
pub fn session_of_sample(dir: &Path) -> PathBuf {
    let session = dir.join("s.claimdesk.json");
    stdout(&claimdesk(&[
        "extract",
        SAMPLE,
        "--session",
        session.to_str().unwrap(),
    ]));
    session
}
