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
//! cold, run and best of three) and on the 4,000-paragraph pair: read,
//! parse, align, word diff, HTML render, write, drop.
//!
//! Environment knobs (all optional): `SPEED_RUNS` (N, default 5),
//! `SPEED_SIZES` (comma-separated paragraph counts, default
//! `1000,4000,16000`), `SPEED_KEEP=1` to keep the generated files,
//! `SPEED_SECTIONS=1` to put operative paragraphs in lettered sections of
//! about 600 numbered from 1 in each (omnibus style) instead of one
//! numbering 1..N through the draft.
//!
//! The drafts come from `common/generate.rs` (a hand-rolled SplitMix64 PRNG
//! with a fixed seed), so every run (and every machine) diffs the same bytes.

#[path = "common/generate.rs"]
mod generate;
#[path = "common/release.rs"]
mod release;
#[path = "common/startup.rs"]
mod startup;
#[path = "common/vocabulary.rs"]
mod vocabulary;

use generate::{Edits, generate_pair};
use redraft::render::{Format, RenderOptions};
use redraft::{align, diff, ingest, model, render};
use release::build_redraft;
use std::ffi::{OsStr, OsString};
use std::fmt::Write as _;
use std::fs::File;
use std::io::{BufWriter, Write as _};
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

/// Seed of the draft generator.
const SEED: u64 = 0x5EED_2020_2021_0001;
/// Paragraph counts of the synthetic pairs.
const SIZES: [usize; 3] = [1_000, 4_000, 16_000];
/// The pair whose library run is split into phases.
const PHASE_SIZE: usize = 4_000;
/// Best of how many runs.
const RUNS: usize = 5;
/// Time one tool may spend on one pair before fewer runs are taken.
const BUDGET: Duration = Duration::from_secs(12);

/// First argument of the measuring wrapper (see [`run_once`]).
const CHILD_FLAG: &str = "--speed-child";

fn main() {
    let args: Vec<OsString> = std::env::args_os().skip(1).collect();
    if args.first().is_some_and(|a| a == CHILD_FLAG) {
        return child_main(&args[1..]);
    }
    let manifest = PathBuf::from(env!("CARGO_MANIFEST_DIR"));
    let runs = env_usize("SPEED_RUNS").unwrap_or(RUNS).max(1);
    let sizes: Vec<usize> = std::env::var("SPEED_SIZES")
        .ok()
        .map(|s| s.split(',').filter_map(|x| x.trim().parse().ok()).collect())
        .unwrap_or_else(|| SIZES.to_vec());

    let continuous = std::env::var_os("SPEED_SECTIONS").is_none_or(|v| v == "0");
    let redraft = build_redraft(&manifest);
    let dir = std::env::temp_dir().join(format!("redraft-speed-{}", std::process::id()));
    std::fs::create_dir_all(&dir).expect("create temporary directory");

    let mut pairs = Vec::new();
    let shipped = manifest.join("drafts");
    pairs.push(Pair {
        name: "Annex I (cooperation 2020 → 2021)".into(),
        old: shipped.join("cooperation-2020.txt"),
        new: shipped.join("cooperation-2021.txt"),
        size: None,
        expected: None,
    });
    pairs.extend(generator_pairs(&manifest));
    let started = Instant::now();
    for &n in &sizes {
        let (old, new, expected) = generate_pair(n, SEED ^ n as u64, continuous);
        let old_path = dir.join(format!("draft-{n}-old.txt"));
        let new_path = dir.join(format!("draft-{n}-new.txt"));
        std::fs::write(&old_path, &old).expect("write old draft");
        std::fs::write(&new_path, &new).expect("write new draft");
        pairs.push(Pair {
            name: format!("synthetic {}", thousands(n)),
            old: old_path,
            new: new_path,
            size: Some(n),
            expected: Some(expected),
        });
    }
    eprintln!(
        "generated {} pairs in {:.1?} under {}",
        sizes.len(),
        started.elapsed(),
        dir.display()
    );

    let mut rows = Vec::new();
    for (k, pair) in pairs.iter().enumerate() {
        eprintln!("measuring {} ...", pair.name);
        rows.push(measure(pair, k, &redraft, &dir, runs));
    }
    let batch = env_usize("SPEED_BATCH").unwrap_or(BATCH).max(1);
    let batch_time = measure_batch(batch, &redraft, &dir, runs);
    let small = &pairs[0];
    let out = dir.join("startup.html");
    let small_args = [
        small.old.as_os_str(),
        small.new.as_os_str(),
        out.as_os_str(),
    ];
    let [old, new, out] = small_args.map(OsString::from);
    let html = [
        "diff".into(),
        old,
        new,
        "--format".into(),
        "html".into(),
        "-o".into(),
        out,
    ];
    let start = startup::measure(&redraft, &html);
    let version = startup::measure(&redraft, &["--version".into()]);

    // The shipped pair first: its first run is the only cold one (regexes
    // compiled on first use), as in a process of its own.
    let big = pairs
        .iter()
        .find(|p| p.size == Some(PHASE_SIZE))
        .or_else(|| pairs.iter().rfind(|p| p.size.is_some()));
    let phases: Vec<(&Pair, Phases)> = pairs
        .first()
        .into_iter()
        .chain(big)
        .map(|p| (p, phase_split(p, &dir)))
        .collect();

    print_report(&rows, &phases, runs, continuous);
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
    println!(
        "\nBatch: `redraft diff OLD_DIR NEW_DIR -o OUT_DIR` on {batch} generated resolutions ({BATCH_PARAGRAPHS} paragraphs each) on {} cores: {} (best of {runs}).",
        cpus(),
        ms(batch_time)
    );

    if std::env::var_os("SPEED_KEEP").is_some() {
        eprintln!("kept {}", dir.display());
    } else {
        let _ = std::fs::remove_dir_all(&dir);
    }
}

/// Resolutions in the batch measured.
const BATCH: usize = 200;
/// Paragraphs of each resolution of the batch: a resolution as tabled.
const BATCH_PARAGRAPHS: usize = 60;

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
    dirs.into_iter()
        .filter(|d| d.join("old.txt").is_file() && d.join("new.txt").is_file())
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

// ---------------------------------------------------------------------------
// Measuring processes
// ---------------------------------------------------------------------------

/// A pair of drafts to diff.
struct Pair {
    name: String,
    old: PathBuf,
    new: PathBuf,
    /// Paragraph count of a synthetic pair.
    size: Option<usize>,
    /// What the generator did to make the new version.
    expected: Option<Edits>,
}

/// One line of the table.
struct Row {
    name: String,
    paragraphs_old: usize,
    paragraphs_new: usize,
    words_old: usize,
    input_bytes: u64,
    output_bytes: u64,
    redraft: Duration,
    redraft_runs: usize,
    redraft_rss: u64,
    git: Duration,
    git_runs: usize,
    git_rss: u64,
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
fn run_once(program: &OsStr, args: &[OsString]) -> (Duration, u64, i32) {
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
fn child_main(args: &[OsString]) {
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
fn best_of(runs: usize, program: &OsStr, args: &[OsString]) -> (Duration, u64, usize) {
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

fn measure(pair: &Pair, k: usize, redraft: &Path, dir: &Path, runs: usize) -> Row {
    let old_text = std::fs::read_to_string(&pair.old).expect("read old");
    let new_text = std::fs::read_to_string(&pair.new).expect("read new");
    let input_bytes = (old_text.len() + new_text.len()) as u64;
    let out = dir.join(format!("redline-{k}.html"));
    let os = |s: &str| OsString::from(s);
    let redraft_args = [
        os("diff"),
        pair.old.clone().into(),
        pair.new.clone().into(),
        os("--format"),
        os("html"),
        os("-o"),
        out.clone().into(),
    ];
    let (redraft_time, redraft_rss, redraft_runs) =
        best_of(runs, redraft.as_os_str(), &redraft_args);
    let git_args = [
        os("diff"),
        os("--no-index"),
        os("--word-diff"),
        pair.old.clone().into(),
        pair.new.clone().into(),
    ];
    let (git_time, git_rss, git_runs) = best_of(runs, OsStr::new("git"), &git_args);
    let output_bytes = std::fs::metadata(&out).map(|m| m.len()).unwrap_or(0);
    Row {
        name: pair.name.clone(),
        paragraphs_old: paragraphs(&old_text),
        paragraphs_new: paragraphs(&new_text),
        words_old: old_text.split_whitespace().count(),
        input_bytes,
        output_bytes,
        redraft: redraft_time,
        redraft_runs,
        redraft_rss,
        git: git_time,
        git_runs,
        git_rss,
    }
}

/// Blank-line separated blocks, footnote definitions left out (the title
/// and the chapeau count).
fn paragraphs(text: &str) -> usize {
    text.split("\n\n")
        .map(str::trim)
        .filter(|b| !b.is_empty() && !b.starts_with("[^"))
        .count()
}

// ---------------------------------------------------------------------------
// In-process phase split
// ---------------------------------------------------------------------------

/// Phases of in-process runs: (name, first run, best of three).
struct Phases {
    rows: Vec<(&'static str, Duration, Duration)>,
    summary: redraft::redline::Summary,
    units_old: usize,
    units_new: usize,
}

fn phase_split(pair: &Pair, dir: &Path) -> Phases {
    let names = [
        "read + decode (ingest::read ×2)",
        "parse (model::parse ×2)",
        "align (align::align)",
        "word diff (diff::redline_from)",
        "HTML render (render::render)",
        "write file",
        "drop (free model, redline, HTML)",
    ];
    let mut best = [Duration::MAX; 7];
    let mut first = None;
    let mut last = None;
    let out = dir.join("redline-inprocess.html");
    for _ in 0..3 {
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
        render::render(&redline, Format::Html, &RenderOptions::default(), &mut html)
            .expect("render");
        lap(4);
        {
            let mut file = BufWriter::new(File::create(&out).expect("create output"));
            file.write_all(&html).expect("write output");
            file.flush().expect("flush output");
        }
        lap(5);
        let summary = redline.summary();
        let counts = (old.units.len(), new.units.len());
        drop((old_src, new_src, old, new, alignment, redline, html));
        lap(6);
        first.get_or_insert(t);
        for (b, x) in best.iter_mut().zip(t) {
            *b = (*b).min(x);
        }
        last = Some((summary, counts));
    }
    let (summary, (units_old, units_new)) = last.expect("ran");
    Phases {
        rows: names
            .into_iter()
            .zip(first.expect("ran"))
            .zip(best)
            .map(|((n, f), b)| (n, f, b))
            .collect(),
        summary,
        units_old,
        units_new,
    }
}

// ---------------------------------------------------------------------------
// Report
// ---------------------------------------------------------------------------

fn print_report(rows: &[Row], phases: &[(&Pair, Phases)], runs: usize, continuous: bool) {
    let mut s = String::new();
    let _ = writeln!(s, "\n## redraft speed\n");
    let _ = writeln!(
        s,
        "| pair | paragraphs old → new | words (old) | input old+new | redraft diff --format html | git diff --no-index --word-diff | redraft / git | redraft peak RSS | RSS / input | redraft µs / paragraph |"
    );
    let _ = writeln!(s, "|---|--:|--:|--:|--:|--:|--:|--:|--:|--:|");
    for r in rows {
        let per_paragraph = r.redraft.as_secs_f64() * 1e6 / r.paragraphs_old.max(1) as f64;
        let _ = writeln!(
            s,
            "| {} | {} → {} | {} | {} | {}{} | {}{} | {:.2}× | {} | {:.1}× | {:.1} |",
            r.name,
            thousands(r.paragraphs_old),
            thousands(r.paragraphs_new),
            thousands(r.words_old),
            bytes(r.input_bytes),
            ms(r.redraft),
            runs_note(r.redraft_runs, runs),
            ms(r.git),
            runs_note(r.git_runs, runs),
            r.redraft.as_secs_f64() / r.git.as_secs_f64(),
            bytes(r.redraft_rss),
            r.redraft_rss as f64 / r.input_bytes as f64,
            per_paragraph,
        );
    }
    let _ = writeln!(
        s,
        "\nWall time is the best of {runs} runs of the whole process{}; peak RSS is `ru_maxrss` of the redraft process. \
         Paragraphs are blank-line separated blocks (title, chapeau and headings included, footnote definitions not); µs / paragraph is per paragraph of the old version. \
         On the small Annex I pair, fixed process costs dominate both time and RSS.",
        if rows
            .iter()
            .any(|r| r.redraft_runs < runs || r.git_runs < runs)
        {
            " (fewer, marked ᵃ, when a run is long)"
        } else {
            ""
        }
    );
    let _ = writeln!(
        s,
        "\nSynthetic drafts: generated with a fixed seed, ~150 words a paragraph, 12% preambular, {}, footnotes; \
         the new version has 3% of paragraphs inserted, 3% deleted, 1% moved, 0.5% split, 0.5% merged pairwise and 10% with word edits.",
        if continuous {
            "operative paragraphs numbered 1..N through the draft"
        } else {
            "operative paragraphs in lettered sections (A., B., ...) of about 600, numbered from 1 in each (SPEED_SECTIONS)"
        }
    );
    let _ = writeln!(s, "\nSide notes (not in the table):\n");
    for r in rows {
        let _ = writeln!(
            s,
            "- {}: HTML output {}; git peak RSS {} ({:.1}× input).",
            r.name,
            bytes(r.output_bytes),
            bytes(r.git_rss),
            r.git_rss as f64 / r.input_bytes as f64
        );
    }
    let _ = writeln!(
        s,
        "\nMachine: {} CPUs, {}, {}, redraft {}.",
        cpus(),
        command_line("git", &["--version"]),
        command_line("rustc", &["--version"]),
        revision()
    );
    let _ = writeln!(
        s,
        "\nReproduce: `cargo bench --bench speed` (drafts generated with a fixed seed; `SPEED_SIZES=1000,4000 SPEED_RUNS=3` for a quicker run)."
    );

    for (k, (pair, p)) in phases.iter().enumerate() {
        let total: Duration = p.rows.iter().map(|r| r.2).sum();
        let first_total: Duration = p.rows.iter().map(|r| r.1).sum();
        let _ = writeln!(
            s,
            "\n## Phase split, in process: {} ({} → {} units)\n",
            pair.name,
            thousands(p.units_old),
            thousands(p.units_new)
        );
        let _ = writeln!(s, "| phase | best of 3 | share | first run |");
        let _ = writeln!(s, "|---|--:|--:|--:|");
        for (name, first, best) in &p.rows {
            let _ = writeln!(
                s,
                "| {name} | {} | {:.1}% | {} |",
                ms(*best),
                100.0 * best.as_secs_f64() / total.as_secs_f64(),
                ms(*first)
            );
        }
        let _ = writeln!(
            s,
            "| **total** | **{}** | 100% | {} |",
            ms(total),
            ms(first_total)
        );
        if k == 0 {
            let _ = writeln!(
                s,
                "\nThe first run is the first library call of this process: it includes compiling the lazily built regexes and warming their lazy DFAs, as every `redraft` process does."
            );
        }
        let slowest = p.rows.iter().max_by_key(|r| r.2).expect("phases");
        let _ = writeln!(s, "\nSlowest phase: {}.", slowest.0);
        let x = &p.summary;
        let _ = writeln!(
            s,
            "\nRedline summary: {} unchanged, {} edited, {} inserted, {} deleted, {} moved, {} split, {} merged, {} renumbered.",
            x.unchanged, x.edited, x.inserted, x.deleted, x.moved, x.split, x.merged, x.renumbered
        );
        if let Some(e) = &pair.expected {
            let _ = writeln!(
                s,
                "Generator made: {} inserted, {} deleted, {} moved, {} split, {} merged, {} edited (paragraphs; footnotes follow).",
                e.inserted, e.deleted, e.moved, e.split, e.merged, e.edited
            );
        }
    }
    print!("{s}");
}

fn runs_note(made: usize, wanted: usize) -> &'static str {
    if made < wanted { " ᵃ" } else { "" }
}

fn ms(d: Duration) -> String {
    let ms = d.as_secs_f64() * 1e3;
    if ms >= 1000.0 {
        format!("{:.2} s", ms / 1e3)
    } else if ms >= 10.0 {
        format!("{ms:.0} ms")
    } else {
        format!("{ms:.1} ms")
    }
}

fn bytes(n: u64) -> String {
    let n = n as f64;
    if n >= 1024.0 * 1024.0 {
        format!("{:.1} MiB", n / (1024.0 * 1024.0))
    } else {
        format!("{:.0} KiB", n / 1024.0)
    }
}

fn thousands(n: usize) -> String {
    let digits = n.to_string();
    let mut out = String::new();
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i).is_multiple_of(3) {
            out.push(',');
        }
        out.push(c);
    }
    out
}

fn cpus() -> usize {
    std::thread::available_parallelism().map_or(1, |n| n.get())
}

fn command_line(program: &str, args: &[&str]) -> String {
    Command::new(program)
        .args(args)
        .output()
        .ok()
        .map(|o| String::from_utf8_lossy(&o.stdout).trim().to_string())
        .unwrap_or_else(|| format!("{program} ?"))
}

fn revision() -> String {
    let dir = env!("CARGO_MANIFEST_DIR");
    let head = command_line("git", &["-C", dir, "rev-parse", "--short", "HEAD"]);
    let dirty = Command::new("git")
        .args(["-C", dir, "diff", "--quiet", "HEAD", "--", "src"])
        .status()
        .map(|s| !s.success())
        .unwrap_or(false);
    if dirty {
        format!("{head} (src/ modified)")
    } else {
        head
    }
}
