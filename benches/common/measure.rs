//! Measuring whole processes for the speed bench: the wall time and peak
//! memory of one run of a program ([`run_once`], through a fresh copy of
//! the bench, [`child_main`]), the best of several ([`best_of`]), and one
//! row of the table, redraft against git on a pair ([`measure`]).

use crate::generate::Edits;
use std::ffi::{OsStr, OsString};
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

/// First argument of the measuring wrapper (see [`run_once`]).
pub const CHILD_FLAG: &str = "--speed-child";
/// Time one tool may spend on one pair before fewer runs are taken.
const BUDGET: Duration = Duration::from_secs(12);

/// A pair of drafts to diff.
pub struct Pair {
    pub name: String,
    pub old: PathBuf,
    pub new: PathBuf,
    /// Paragraph count of a synthetic pair.
    pub size: Option<usize>,
    /// What the generator did to make the new version.
    pub expected: Option<Edits>,
}

/// One line of the table.
pub struct Row {
    pub name: String,
    pub paragraphs_old: usize,
    pub paragraphs_new: usize,
    pub words_old: usize,
    pub input_bytes: u64,
    pub output_bytes: u64,
    pub redraft: Duration,
    pub redraft_runs: usize,
    pub redraft_rss: u64,
    pub git: Duration,
    pub git_runs: usize,
    pub git_rss: u64,
}

/// Runs `program args` once and returns its wall time, peak RSS (bytes)
/// and exit code.
///
/// The run goes through a copy of this bench started with [`CHILD_FLAG`]
/// ([`child_main`]), which spawns the program, times it and reaps it with
/// `wait4`. The indirection matters for memory: a child's `ru_maxrss`
/// includes the resident size of the process it was spawned from (Linux
/// carries the parent's high-water mark over the `vfork` + `exec` that
/// `std::process::Command` uses), and this bench holds megabytes of
/// generated drafts; the fresh wrapper holds almost nothing.
pub fn run_once(program: &OsStr, args: &[OsString]) -> (Duration, u64, i32) {
    let exe = std::env::current_exe().expect("current exe");
    let output = Command::new(exe)
        .arg(CHILD_FLAG)
        .arg(program)
        .args(args)
        .stdin(Stdio::null())
        .stderr(Stdio::inherit())
        .output()
        .expect("run measuring wrapper");
    assert!(
        output.status.success(),
        "measuring wrapper failed: {:?}",
        output.status
    );
    let text = String::from_utf8_lossy(&output.stdout);
    let fields: Vec<i64> = text
        .split_whitespace()
        .filter_map(|f| f.parse().ok())
        .collect();
    let [nanos, rss, code] = fields[..] else {
        panic!("measuring wrapper printed {text:?}");
    };
    (Duration::from_nanos(nanos as u64), rss as u64, code as i32)
}

/// The measuring wrapper: `speed --child PROGRAM ARGS...` runs the program
/// (standard input and output to /dev/null), and prints its wall time in
/// nanoseconds, its peak RSS in bytes and its exit code.
pub fn child_main(args: &[OsString]) {
    let (program, rest) = args.split_first().expect("program to run");
    let start = Instant::now();
    let child = Command::new(program)
        .args(rest)
        .stdin(Stdio::null())
        .stdout(Stdio::null())
        .spawn()
        .expect("spawn");
    let pid = child.id() as libc::pid_t;
    let mut status: libc::c_int = 0;
    // SAFETY: rusage is plain old data; all zeroes is a valid value.
    let mut usage: libc::rusage = unsafe { std::mem::zeroed() };
    loop {
        // SAFETY: pid is our own child, not yet reaped; the pointers are
        // valid for the duration of the call.
        let r = unsafe { libc::wait4(pid, &mut status, 0, &mut usage) };
        if r == pid {
            break;
        }
        let err = std::io::Error::last_os_error();
        assert_eq!(err.kind(), std::io::ErrorKind::Interrupted, "wait4: {err}");
    }
    let wall = start.elapsed();
    drop(child);
    let code = if libc::WIFEXITED(status) {
        libc::WEXITSTATUS(status)
    } else {
        -1
    };
    // ru_maxrss is in kilobytes on Linux.
    println!(
        "{} {} {code}",
        wall.as_nanos(),
        usage.ru_maxrss as u64 * 1024
    );
}

/// Best wall time of up to `runs` runs (fewer if runs are long), the
/// largest peak RSS seen, and how many runs were made.
pub fn best_of(runs: usize, program: &OsStr, args: &[OsString]) -> (Duration, u64, usize) {
    let mut best = Duration::MAX;
    let mut rss = 0;
    let mut spent = Duration::ZERO;
    let mut made = 0;
    while made < runs {
        let (wall, peak, code) = run_once(program, args);
        // 0: no differences, 1: differences (redraft and git alike).
        assert!(
            code == 0 || code == 1,
            "{program:?} failed with exit code {code}"
        );
        best = best.min(wall);
        rss = rss.max(peak);
        spent += wall;
        made += 1;
        if made >= 2 && spent >= BUDGET {
            break;
        }
    }
    (best, rss, made)
}

/// Times redraft's HTML redline and git's word diff on `pair` (the `k`-th,
/// whose redline goes to `dir`), best of `runs` each.
pub fn measure(pair: &Pair, k: usize, redraft: &Path, dir: &Path, runs: usize) -> Row {
    let old_text = std::fs::read_to_string(&pair.old).expect("read old");
    let new_text = std::fs::read_to_string(&pair.new).expect("read new");
    let out = dir.join(format!("redline-{k}.html"));
    let (redraft_time, redraft_rss, redraft_runs) =
        best_of(runs, redraft.as_os_str(), &html_args(pair, &out));
    let (git_time, git_rss, git_runs) = best_of(runs, OsStr::new("git"), &git_args(pair));
    Row {
        name: pair.name.clone(),
        paragraphs_old: paragraphs(&old_text),
        paragraphs_new: paragraphs(&new_text),
        words_old: old_text.split_whitespace().count(),
        input_bytes: (old_text.len() + new_text.len()) as u64,
        output_bytes: std::fs::metadata(&out).map(|m| m.len()).unwrap_or(0),
        redraft: redraft_time,
        redraft_runs,
        redraft_rss,
        git: git_time,
        git_runs,
        git_rss,
    }
}

/// `diff OLD NEW --format html -o OUT`: redraft's arguments for `pair`.
pub fn html_args(pair: &Pair, out: &Path) -> Vec<OsString> {
    let mut args: Vec<OsString> = vec!["diff".into(), (&pair.old).into(), (&pair.new).into()];
    args.extend(["--format", "html", "-o"].map(OsString::from));
    args.push(out.into());
    args
}

/// `diff --no-index --word-diff OLD NEW`: git's arguments for `pair`.
fn git_args(pair: &Pair) -> Vec<OsString> {
    let mut args: Vec<OsString> = ["diff", "--no-index", "--word-diff"]
        .map(OsString::from)
        .into();
    args.extend([(&pair.old).into(), (&pair.new).into()]);
    args
}

/// Blank-line separated blocks, footnote definitions left out (the title
/// and the chapeau count).
fn paragraphs(text: &str) -> usize {
    text.split("\n\n")
        .map(str::trim)
        .filter(|b| !b.is_empty() && !b.starts_with("[^"))
        .count()
}
