//! Where a one-shot command's time goes, for whoever measures it: with `CLAIMDESK_TIMING` set
//! (to anything but `0`), `claimdesk extract` prints on stderr, as each of its steps ends,
//! `claimdesk timing: STEP MS`, the milliseconds since the process started. Steps that run at the
//! same time on other threads (grouping, beside the merge) print from there. Off, a mark is one
//! atomic load. `tools/phase_times.py` runs a build many times and sums the marks up.

use std::sync::OnceLock;
use std::time::Instant;

/// When the process started, if timing is on; unset in the window, the tests and library use.
static START: OnceLock<Option<Instant>> = OnceLock::new();

/// Starts the clock if `CLAIMDESK_TIMING` asks for it: the first thing `main` does.
pub fn start() {
    START.get_or_init(|| {
        std::env::var_os("CLAIMDESK_TIMING")
            .filter(|v| v != "0")
            .map(|_| Instant::now())
    });
}

/// Marks the end of `step` (a few words, no digits).
pub fn mark(step: &str) {
    if let Some(Some(start)) = START.get() {
        eprintln!(
            "claimdesk timing: {step} {:.3}",
            start.elapsed().as_secs_f64() * 1e3
        );
    }
}
