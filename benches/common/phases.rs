//! The in-process phase split of the speed bench: one pair compared by the
//! library three times in this process, each phase timed (read, parse,
//! align, word diff, HTML render, write, drop). The first run is cold, as
//! in a process of its own; the best of the three is the steady cost.

use crate::measure::Pair;
use redraft::render::{Format, RenderOptions};
use redraft::{align, diff, ingest, model, render};
use std::fs::File;
use std::io::{BufWriter, Write as _};
use std::path::Path;
use std::time::{Duration, Instant};

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

/// Phases of in-process runs: (name, first run, best of three).
pub struct Phases {
    pub rows: Vec<(&'static str, Duration, Duration)>,
    pub summary: redraft::redline::Summary,
    pub units_old: usize,
    pub units_new: usize,
}

/// What one run measured: the time of each phase, the redline's summary
/// and the unit counts of both versions.
type Run = ([Duration; 7], redraft::redline::Summary, (usize, usize));

/// Runs the comparison of `pair` three times (output to `dir`).
pub fn phase_split(pair: &Pair, dir: &Path) -> Phases {
    let out = dir.join("redline-inprocess.html");
    let runs: Vec<Run> = (0..3).map(|_| run(pair, &out)).collect();
    let mut best = [Duration::MAX; 7];
    for (t, _, _) in &runs {
        for (b, x) in best.iter_mut().zip(t) {
            *b = (*b).min(*x);
        }
    }
    let first = runs[0].0;
    let (_, summary, (units_old, units_new)) = runs.into_iter().last().expect("ran");
    Phases {
        rows: NAMES
            .into_iter()
            .zip(first)
            .zip(best)
            .map(|((n, f), b)| (n, f, b))
            .collect(),
        summary,
        units_old,
        units_new,
    }
}

/// One timed run of the whole comparison, its HTML written to `out`.
fn run(pair: &Pair, out: &Path) -> Run {
    let mut t = [Duration::ZERO; 7];
    let mut clock = Instant::now();
    let mut lap = |k: usize| {
        let now = Instant::now();
        t[k] = now - clock;
        clock = now;
    };
    let old_src = ingest::read(&pair.old).expect("read old");
    let new_src = ingest::read(&pair.new).expect("read new");
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
    let counts = (old.units.len(), new.units.len());
    drop((old_src, new_src, old, new, alignment, redline, html));
    lap(6);
    (t, summary, counts)
}

/// Writes `bytes` to a new file at `path` through a buffer.
fn write(path: &Path, bytes: &[u8]) {
    let mut file = BufWriter::new(File::create(path).expect("create output"));
    file.write_all(bytes).expect("write output");
    file.flush().expect("flush output");
}
