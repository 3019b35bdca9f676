//! The small pair end to end: `redraft diff OLD NEW --format html -o OUT`
//! run [`RUNS`] times as a process of its own, start included, with its
//! minimum and median wall time and its processor time (user + system,
//! all threads) a run; and `redraft --version`, the cost of starting the
//! process at all, measured the same way. On a shared machine the minimum
//! is the figure least disturbed by other work, and the processor time
//! does not count waiting for a core.

use std::ffi::OsString;
use std::path::Path;
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

/// How many runs.
pub const RUNS: usize = 100;

/// Minimum and median wall time, and processor time a run.
pub struct Startup {
    pub min: Duration,
    pub median: Duration,
    pub cpu: Duration,
}

/// The processor time of this process's waited-for children so far.
fn children_cpu() -> Duration {
    // SAFETY: rusage is plain old data; all zeroes is a valid value.
    let mut usage: libc::rusage = unsafe { std::mem::zeroed() };
    // SAFETY: the pointer is valid for the duration of the call.
    unsafe { libc::getrusage(libc::RUSAGE_CHILDREN, &mut usage) };
    let time = |t: libc::timeval| {
        Duration::from_secs(t.tv_sec as u64) + Duration::from_micros(t.tv_usec as u64)
    };
    time(usage.ru_utime) + time(usage.ru_stime)
}

/// Runs `program args` [`RUNS`] times (output to /dev/null).
pub fn measure(program: &Path, args: &[OsString]) -> Startup {
    let before = children_cpu();
    let mut walls: Vec<Duration> = (0..RUNS)
        .map(|_| {
            let start = Instant::now();
            let status = Command::new(program)
                .args(args)
                .stdin(Stdio::null())
                .stdout(Stdio::null())
                .status()
                .expect("run redraft");
            assert!(
                matches!(status.code(), Some(0 | 1)),
                "{program:?}: {status}"
            );
            start.elapsed()
        })
        .collect();
    let cpu = (children_cpu() - before) / RUNS as u32;
    walls.sort();
    Startup {
        min: walls[0],
        median: walls[RUNS / 2],
        cpu,
    }
}
