//! Speed benchmark: `cargo bench --bench speed`.
//!
//! Generates pairs of synthetic drafts deterministically (1,000, 4,000 and
//! 16,000 paragraphs, about 150 words a paragraph; operative paragraphs in
//! lettered sections "A.", "B.", ... numbered from 1 in each) in a
//! temporary directory, then, for each pair and for the Annex I pair
//! shipped in `drafts/`, measures in the same run:
//!
//! - the wall time of the whole process
//!   `target/release/redraft diff OLD NEW --format html -o OUT` (best of N);
//! - the wall time of `git diff --no-index --word-diff OLD NEW > /dev/null`
//!   (best of N), and the ratio of the two;
//! - the peak resident set of the redraft process (`wait4` rusage of that
//!   very child) and its ratio to the input size (old + new bytes);
//! - redraft's time per paragraph, so that linearity shows from 1k to 16k.
//!
//! It prints a Markdown table ready for the README, then, for diagnosis, the
//! time split of the library run in-process on the Annex I pair (first,
//! cold, run and best of three), on every pair of the independent
//! generator (gen.py large-fr, xl-fr, ...) and on the 4,000-paragraph pair:
//! read, parse, align, word diff, HTML render, write, drop; each phase's
//! wall time with every thread, and its processor time on one thread
//! (`REDRAFT_THREADS=1`, in a fresh copy of the bench), which a loaded
//! machine does not distort.
//!
//! Environment knobs (all optional): `SPEED_PHASES=1` for the phase
//! splits only (no process timed), `SPEED_RUNS` (N, default 5),
//! `SPEED_SIZES` (comma-separated paragraph counts, default
//! `1000,4000,16000`), `SPEED_KEEP=1` to keep the generated files,
//! `SPEED_SECTIONS=1` to put operative paragraphs in lettered sections of
//! about 600 numbered from 1 in each (omnibus style) instead of one
//! numbering 1..N through the draft.
//!
//! The drafts come from `common/generate.rs` (a hand-rolled SplitMix64 PRNG
//! with a fixed seed), so every run (and every machine) diffs the same bytes.
//! Processes are measured by `common/measure.rs`, the in-process phases by
//! `common/phases.rs`, and `common/report.rs` prints the report; this file
//! only says what is measured.

#[path = "common/generate.rs"]
mod generate;
#[path = "common/measure.rs"]
mod measure;
#[path = "common/phases.rs"]
mod phases;
#[path = "common/release.rs"]
mod release;
#[path = "common/report.rs"]
mod report;
#[path = "common/startup.rs"]
mod startup;
#[path = "common/vocabulary.rs"]
mod vocabulary;

use generate::generate_pair;
use measure::{CHILD_FLAG, Pair, Row, best_of, child_main, html_args, measure};
use phases::{PHASES_CHILD_FLAG, Phases, phase_split};
use release::build_redraft;
use report::{cpus, ms, print_phases, print_report, thousands};
use std::ffi::OsString;
use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

/// Seed of the draft generator.
const SEED: u64 = 0x5EED_2020_2021_0001;
/// Paragraph counts of the synthetic pairs.
const SIZES: [usize; 3] = [1_000, 4_000, 16_000];
/// The pair whose library run is split into phases.
const PHASE_SIZE: usize = 4_000;
/// The independent generator's pairs the targets are stated on
/// (under `bench/data`); the bench says so when one is missing.
const GENERATED: [&str; 2] = ["large-fr", "xl-fr"];
/// Best of how many runs.
const RUNS: usize = 5;
/// Resolutions in the batch measured.
const BATCH: usize = 200;
/// Paragraphs of each resolution of the batch: a resolution as tabled.
const BATCH_PARAGRAPHS: usize = 60;

/// What to measure, from the environment (see the module doc).
struct Config {
    runs: usize,
    sizes: Vec<usize>,
    /// Operative paragraphs numbered 1..N through the draft (not in sections).
    continuous: bool,
    batch: usize,
    /// Only the in-process phase splits (`SPEED_PHASES=1`): a quick look
    /// while working on one phase.
    phases_only: bool,
}

impl Config {
    fn from_env() -> Config {
        Config {
            runs: env_usize("SPEED_RUNS").unwrap_or(RUNS).max(1),
            sizes: std::env::var("SPEED_SIZES")
                .ok()
                .map(|s| s.split(',').filter_map(|x| x.trim().parse().ok()).collect())
                .unwrap_or_else(|| SIZES.to_vec()),
            continuous: std::env::var_os("SPEED_SECTIONS").is_none_or(|v| v == "0"),
            batch: env_usize("SPEED_BATCH").unwrap_or(BATCH).max(1),
            phases_only: std::env::var_os("SPEED_PHASES").is_some_and(|v| v != "0"),
        }
    }
}

fn main() {
    let args: Vec<OsString> = std::env::args_os().skip(1).collect();
    if args.first().is_some_and(|a| a == CHILD_FLAG) {
        return child_main(&args[1..]);
    }
    if args.first().is_some_and(|a| a == PHASES_CHILD_FLAG) {
        return phases::child_main(&args[1..]);
    }
    let manifest = PathBuf::from(env!("CARGO_MANIFEST_DIR"));
    let config = Config::from_env();
    let redraft = build_redraft(&manifest);
    let dir = std::env::temp_dir().join(format!("redraft-speed-{}", std::process::id()));
    std::fs::create_dir_all(&dir).expect("create temporary directory");
    let pairs = all_pairs(&manifest, &dir, &config);
    if config.phases_only {
        return print_phases(&phase_splits(&pairs, &dir));
    }
    let rows: Vec<Row> = pairs
        .iter()
        .enumerate()
        .map(|(k, pair)| {
            eprintln!("measuring {} ...", pair.name);
            measure(pair, k, &redraft, &dir, config.runs)
        })
        .collect();
    let batch_time = measure_batch(config.batch, &redraft, &dir, config.runs);
    let small = &pairs[0];
    let start = startup::measure(&redraft, &html_args(small, &dir.join("startup.html")));
    let version = startup::measure(&redraft, &["--version".into()]);
    print_report(
        &rows,
        &phase_splits(&pairs, &dir),
        config.runs,
        config.continuous,
    );
    print_startup(small, &start, &version);
    print_batch(config.batch, batch_time, config.runs);
    if std::env::var_os("SPEED_KEEP").is_some() {
        eprintln!("kept {}", dir.display());
    } else {
        let _ = std::fs::remove_dir_all(&dir);
    }
}

/// The shipped Annex I pair, the independent generator's pairs, then the
/// synthetic pairs (written to `dir`).
fn all_pairs(manifest: &Path, dir: &Path, config: &Config) -> Vec<Pair> {
    let shipped = manifest.join("drafts");
    let mut pairs = vec![Pair {
        name: "Annex I (cooperation 2020 → 2021)".into(),
        old: shipped.join("cooperation-2020.txt"),
        new: shipped.join("cooperation-2021.txt"),
        size: None,
        expected: None,
    }];
    pairs.extend(generator_pairs(manifest));
    let started = Instant::now();
    for &n in &config.sizes {
        pairs.push(synthetic_pair(n, dir, config.continuous));
    }
    eprintln!(
        "generated {} pairs in {:.1?} under {}",
        config.sizes.len(),
        started.elapsed(),
        dir.display()
    );
    pairs
}

/// A synthetic pair of `n` paragraphs, written to `dir`.
fn synthetic_pair(n: usize, dir: &Path, continuous: bool) -> Pair {
    let (old, new, expected) = generate_pair(n, SEED ^ n as u64, continuous);
    let old_path = dir.join(format!("draft-{n}-old.txt"));
    let new_path = dir.join(format!("draft-{n}-new.txt"));
    std::fs::write(&old_path, &old).expect("write old draft");
    std::fs::write(&new_path, &new).expect("write new draft");
    Pair {
        name: format!("synthetic {}", thousands(n)),
        old: old_path,
        new: new_path,
        size: Some(n),
        expected: Some(expected),
    }
}

/// The phase splits: the shipped pair first (its first run is the only
/// cold one: regexes compiled on first use, as in a process of its own),
/// then every pair of the independent generator (gen.py large-fr, xl-fr,
/// ...), then the synthetic pair of [`PHASE_SIZE`] paragraphs (or the
/// largest).
fn phase_splits<'a>(pairs: &'a [Pair], dir: &Path) -> Vec<(&'a Pair, Phases)> {
    let big = pairs
        .iter()
        .find(|p| p.size == Some(PHASE_SIZE))
        .or_else(|| pairs.iter().rfind(|p| p.size.is_some()));
    let independent = pairs.iter().filter(|p| p.name.starts_with("gen.py "));
    pairs
        .first()
        .into_iter()
        .chain(independent)
        .chain(big)
        .map(|p| {
            eprintln!("phases of {} ...", p.name);
            (p, phase_split(p, dir))
        })
        .collect()
}

/// The line on the small pair end to end, beside `redraft --version`.
fn print_startup(small: &Pair, start: &startup::Startup, version: &startup::Startup) {
    println!(
        "\n{} end to end, {} runs: min {}, median {}, processor {} a run; `redraft --version`: min {}, median {}, processor {}.",
        small.name,
        startup::RUNS,
        ms(start.min),
        ms(start.median),
        ms(start.cpu),
        ms(version.min),
        ms(version.median),
        ms(version.cpu)
    );
}

/// The line on the batch.
fn print_batch(count: usize, time: Duration, runs: usize) {
    println!(
        "\nBatch: `redraft diff OLD_DIR NEW_DIR -o OUT_DIR` on {count} generated resolutions ({BATCH_PARAGRAPHS} paragraphs each) on {} cores: {} (best of {runs}).",
        cpus(),
        ms(time)
    );
}

/// The pairs of the independent generator (`python3 ../shared/bench/gen.py
/// --sizes large --langs fr` writes `bench/data/large-fr/{old,new}.txt`):
/// every folder of `SPEED_GEN_DIR` (default `bench/data`) holding both.
fn generator_pairs(manifest: &Path) -> Vec<Pair> {
    let root = std::env::var_os("SPEED_GEN_DIR")
        .map_or_else(|| manifest.join("bench/data"), PathBuf::from);
    let mut dirs: Vec<PathBuf> = std::fs::read_dir(&root)
        .map(|d| d.filter_map(|e| Some(e.ok()?.path())).collect())
        .unwrap_or_default();
    dirs.sort();
    dirs.retain(|d| d.join("old.txt").is_file() && d.join("new.txt").is_file());
    for wanted in GENERATED {
        if !dirs.iter().any(|d| d.ends_with(wanted)) {
            eprintln!(
                "warning: no gen.py pair {wanted} under {}: `python3 ../shared/bench/gen.py --sizes large,xl --langs fr` writes it",
                root.display()
            );
        }
    }
    dirs.into_iter()
        .map(|d| Pair {
            name: format!(
                "gen.py {}",
                d.file_name().unwrap_or_default().to_string_lossy()
            ),
            old: d.join("old.txt"),
            new: d.join("new.txt"),
            size: None,
            expected: None,
        })
        .collect()
}

/// Best wall time of the batch command on `count` generated pairs.
fn measure_batch(count: usize, redraft: &Path, dir: &Path, runs: usize) -> Duration {
    let (old, new, out) = (
        dir.join("batch-old"),
        dir.join("batch-new"),
        dir.join("batch-out"),
    );
    for d in [&old, &new] {
        std::fs::create_dir_all(d).expect("create batch folder");
    }
    for k in 0..count {
        let (o, n, _) = generate_pair(BATCH_PARAGRAPHS, SEED ^ (k as u64) << 20, true);
        std::fs::write(old.join(format!("res-{k:03}.txt")), o).expect("write batch draft");
        std::fs::write(new.join(format!("res-{k:03}.txt")), n).expect("write batch draft");
    }
    eprintln!("measuring a batch of {count} ...");
    let args = [
        OsString::from("diff"),
        old.into(),
        new.into(),
        OsString::from("-o"),
        out.into(),
    ];
    best_of(runs, redraft.as_os_str(), &args).0
}

fn env_usize(name: &str) -> Option<usize> {
    std::env::var(name).ok()?.trim().parse().ok()
}
