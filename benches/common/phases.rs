//! The in-process phase split of the speed bench: one pair compared by the
//! library three times in this process, each phase timed (read, parse,
//! align, word diff, HTML render, write, drop). The first run is cold, as
//! in a process of its own; the best of the three is the steady cost.
//!
//! Beside the wall time (with every thread redraft may use), each phase's
//! processor time on one thread: the same three runs in a fresh copy of the
//! bench ([`PHASES_CHILD_FLAG`], [`child_main`]) with `REDRAFT_THREADS=1`,
//! which reads its own processor clock around each phase. On a loaded
//! machine wall times say how busy it was; processor time on one thread is
//! the work, and what two cores can at best halve.

use crate::measure::Pair;
use redraft::render::{Format, RenderOptions};
use redraft::{align, diff, ingest, model, render};
use std::ffi::OsString;
use std::fs::File;
use std::io::{BufWriter, Write as _};
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

/// First argument of the copy of the bench that measures the phases on
/// one thread: `speed --speed-phases-child OLD NEW OUT`.
pub const PHASES_CHILD_FLAG: &str = "--speed-phases-child";

/// The phases, in the order they run.
const NAMES: [&str; 7] = [
    "read + decode (ingest::read ×2)",
    "parse (model::parse ×2)",
    "align (align::align)",
    "word diff (diff::redline_from)",
    "HTML render (render::render)",
    "write file",
    "drop (free model, redline, HTML)",
];

/// How many times each pair is compared.
const RUNS: usize = 3;

/// One phase: its name, the first run's wall time, the best wall time of
/// three, and the best processor time of three on one thread.
pub struct Row {
    pub name: &'static str,
    pub first: Duration,
    pub best: Duration,
    pub one_thread: Duration,
}

/// Phases of in-process runs.
pub struct Phases {
    pub rows: Vec<Row>,
    pub summary: redraft::redline::Summary,
    pub units_old: usize,
    pub units_new: usize,
}

/// What one run measured: the wall and processor time of each phase, the
/// redline's summary and the unit counts of both versions.
struct Run {
    wall: [Duration; 7],
    cpu: [Duration; 7],
    summary: redraft::redline::Summary,
    units: (usize, usize),
}

/// Runs the comparison of `pair` three times here (output to `dir`), and
/// three times on one thread in a copy of the bench.
pub fn phase_split(pair: &Pair, dir: &Path) -> Phases {
    let out = dir.join("redline-inprocess.html");
    let one_thread = one_thread(pair, &out);
    let runs: Vec<Run> = (0..RUNS).map(|_| run(&pair.old, &pair.new, &out)).collect();
    let best = best_of(runs.iter().map(|r| r.wall));
    let first = runs[0].wall;
    let last = runs.into_iter().last().expect("ran");
    Phases {
        rows: (0..NAMES.len())
            .map(|k| Row {
                name: NAMES[k],
                first: first[k],
                best: best[k],
                one_thread: one_thread[k],
            })
            .collect(),
        summary: last.summary,
        units_old: last.units.0,
        units_new: last.units.1,
    }
}

/// Each phase's shortest time over several runs.
fn best_of(times: impl Iterator<Item = [Duration; 7]>) -> [Duration; 7] {
    let mut best = [Duration::MAX; 7];
    for t in times {
        for (b, x) in best.iter_mut().zip(t) {
            *b = (*b).min(x);
        }
    }
    best
}

/// The best processor time of each phase on one thread, measured by a
/// copy of the bench started with `REDRAFT_THREADS=1` (the number of
/// threads is read once a process).
fn one_thread(pair: &Pair, out: &Path) -> [Duration; 7] {
    let exe = std::env::current_exe().expect("current exe");
    let output = Command::new(exe)
        .arg(PHASES_CHILD_FLAG)
        .args([&pair.old, &pair.new, out])
        .env(redraft::parallel::THREADS_VAR, "1")
        .stdin(Stdio::null())
        .stderr(Stdio::inherit())
        .output()
        .expect("run the one-thread phase split");
    assert!(output.status.success(), "one-thread phase split failed");
    let text = String::from_utf8_lossy(&output.stdout);
    let nanos: Vec<u64> = text
        .split_whitespace()
        .filter_map(|f| f.parse().ok())
        .collect();
    let mut cpu = [Duration::ZERO; 7];
    assert_eq!(
        nanos.len(),
        cpu.len(),
        "one-thread phase split printed {text:?}"
    );
    for (c, n) in cpu.iter_mut().zip(nanos) {
        *c = Duration::from_nanos(n);
    }
    cpu
}

/// The copy of the bench that measures on one thread: compares OLD and NEW
/// three times, writing to OUT, and prints each phase's best processor
/// time in nanoseconds.
pub fn child_main(args: &[OsString]) {
    let [old, new, out] = args else {
        panic!("{PHASES_CHILD_FLAG} OLD NEW OUT");
    };
    let (old, new, out) = (PathBuf::from(old), PathBuf::from(new), PathBuf::from(out));
    let best = best_of((0..RUNS).map(|_| run(&old, &new, &out).cpu));
    let nanos: Vec<String> = best.iter().map(|d| d.as_nanos().to_string()).collect();
    println!("{}", nanos.join(" "));
}

/// The processor time this process has used (all its threads).
fn processor_time() -> Duration {
    let mut t = libc::timespec {
        tv_sec: 0,
        tv_nsec: 0,
    };
    // SAFETY: `t` is a valid timespec for the call to fill.
    let r = unsafe { libc::clock_gettime(libc::CLOCK_PROCESS_CPUTIME_ID, &mut t) };
    assert_eq!(r, 0, "clock_gettime");
    Duration::new(t.tv_sec as u64, t.tv_nsec as u32)
}

/// One timed run of the whole comparison, its HTML written to `out`.
fn run(old_path: &Path, new_path: &Path, out: &Path) -> Run {
    let (mut wall, mut cpu) = ([Duration::ZERO; 7], [Duration::ZERO; 7]);
    let (mut clock, mut cpu_clock) = (Instant::now(), processor_time());
    let mut lap = |k: usize| {
        let (now, cpu_now) = (Instant::now(), processor_time());
        wall[k] = now - clock;
        cpu[k] = cpu_now.saturating_sub(cpu_clock);
        (clock, cpu_clock) = (now, cpu_now);
    };
    let old_src = ingest::read(old_path).expect("read old");
    let new_src = ingest::read(new_path).expect("read new");
    lap(0);
    let options = model::ParseOptions::default();
    let old = model::parse(&old_src.text, &options).expect("parse old");
    let new = model::parse(&new_src.text, &options).expect("parse new");
    lap(1);
    let alignment = align::align(&old, &new);
    lap(2);
    let redline = diff::redline_from(&old, &new, &alignment, &diff::Options::default());
    lap(3);
    let mut html = Vec::with_capacity(old_src.text.len() * 2);
    render::render(&redline, Format::Html, &RenderOptions::default(), &mut html).expect("render");
    lap(4);
    write(out, &html);
    lap(5);
    let summary = redline.summary();
    let units = (old.units.len(), new.units.len());
    drop((old_src, new_src, old, new, alignment, redline, html));
    lap(6);
    Run {
        wall,
        cpu,
        summary,
        units,
    }
}

/// Writes `bytes` to a new file at `path` through a buffer.
fn write(path: &Path, bytes: &[u8]) {
    let mut file = BufWriter::new(File::create(path).expect("create output"));
    file.write_all(bytes).expect("write output");
    file.flush().expect("flush output");
}
