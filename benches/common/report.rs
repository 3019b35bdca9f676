//! The speed bench's report: the Markdown table ready for the README, its
//! notes, and the phase split of the in-process runs, printed to standard
//! output.

use crate::measure::{Pair, Row};
use crate::phases::Phases;
use std::fmt::Write as _;
use std::process::Command;
use std::time::Duration;

/// Prints the table of `rows` (best of `runs`), its notes, and each phase
/// split; `continuous` says how the synthetic drafts number paragraphs.
pub fn print_report(rows: &[Row], phases: &[(&Pair, Phases)], runs: usize, continuous: bool) {
    let mut s = String::new();
    table(&mut s, rows, runs);
    notes(&mut s, rows, runs, continuous);
    phase_tables(&mut s, phases);
    print!("{s}");
}

/// Prints the phase splits alone.
pub fn print_phases(phases: &[(&Pair, Phases)]) {
    let mut s = String::new();
    phase_tables(&mut s, phases);
    print!("{s}");
}

/// Each phase split; the first pair's is the one with a cold first run.
fn phase_tables(s: &mut String, phases: &[(&Pair, Phases)]) {
    for (k, (pair, p)) in phases.iter().enumerate() {
        phase_table(s, pair, p, k == 0);
    }
}

/// The table: one row a pair.
fn table(s: &mut String, rows: &[Row], runs: usize) {
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
}

/// What the table's columns mean, how the drafts were made, side notes, the
/// machine and how to reproduce.
fn notes(s: &mut String, rows: &[Row], runs: usize, continuous: bool) {
    let fewer = rows
        .iter()
        .any(|r| r.redraft_runs < runs || r.git_runs < runs);
    let _ = writeln!(
        s,
        "\nWall time is the best of {runs} runs of the whole process{}; peak RSS is `ru_maxrss` of the redraft process. \
         Paragraphs are blank-line separated blocks (title, chapeau and headings included, footnote definitions not); µs / paragraph is per paragraph of the old version. \
         On the small Annex I pair, fixed process costs dominate both time and RSS.",
        if fewer {
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
}

/// The phase split of `pair`; the `first` pair's note explains the cold run.
fn phase_table(s: &mut String, pair: &Pair, p: &Phases, first: bool) {
    let total: Duration = p.rows.iter().map(|r| r.best).sum();
    let first_total: Duration = p.rows.iter().map(|r| r.first).sum();
    let one_thread: Duration = p.rows.iter().map(|r| r.one_thread).sum();
    let _ = writeln!(
        s,
        "\n## Phase split, in process: {} ({} → {} units)\n",
        pair.name,
        thousands(p.units_old),
        thousands(p.units_new)
    );
    let _ = writeln!(
        s,
        "| phase | wall, best of 3 ({} threads) | share | first run | processor, one thread, best of 3 |",
        cpus()
    );
    let _ = writeln!(s, "|---|--:|--:|--:|--:|");
    for r in &p.rows {
        let _ = writeln!(
            s,
            "| {} | {} | {:.1}% | {} | {} |",
            r.name,
            ms(r.best),
            100.0 * r.best.as_secs_f64() / total.as_secs_f64(),
            ms(r.first),
            ms(r.one_thread)
        );
    }
    let _ = writeln!(
        s,
        "| **total** | **{}** | 100% | {} | {} |",
        ms(total),
        ms(first_total),
        ms(one_thread)
    );
    if first {
        let _ = writeln!(
            s,
            "\nProcessor time on one thread: the same comparison three times in a fresh process with `REDRAFT_THREADS=1`, each phase timed by the process's processor clock: the work itself, which a loaded machine does not inflate as it does wall time."
        );
        let _ = writeln!(
            s,
            "\nThe first run is the first library call of this process: it includes compiling the lazily built regexes and warming their lazy DFAs, as every `redraft` process does."
        );
    }
    let slowest = p.rows.iter().max_by_key(|r| r.best).expect("phases");
    let _ = writeln!(s, "\nSlowest phase: {}.", slowest.name);
    outcome(s, pair, p);
}

/// What the redline found, beside what the generator made.
fn outcome(s: &mut String, pair: &Pair, p: &Phases) {
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

/// " ᵃ" when fewer runs than wanted were made.
fn runs_note(made: usize, wanted: usize) -> &'static str {
    if made < wanted { " ᵃ" } else { "" }
}

/// A duration as the table prints it: "1.78 s", "149 ms", "4.6 ms".
pub fn ms(d: Duration) -> String {
    let ms = d.as_secs_f64() * 1e3;
    if ms >= 1000.0 {
        format!("{:.2} s", ms / 1e3)
    } else if ms >= 10.0 {
        format!("{ms:.0} ms")
    } else {
        format!("{ms:.1} ms")
    }
}

/// A size in MiB or KiB.
pub fn bytes(n: u64) -> String {
    let n = n as f64;
    if n >= 1024.0 * 1024.0 {
        format!("{:.1} MiB", n / (1024.0 * 1024.0))
    } else {
        format!("{:.0} KiB", n / 1024.0)
    }
}

/// `4000` → `"4,000"`.
pub fn thousands(n: usize) -> String {
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

/// The processors this process may use.
pub fn cpus() -> usize {
    std::thread::available_parallelism().map_or(1, |n| n.get())
}

/// The first line `program args` prints, or "program ?".
fn command_line(program: &str, args: &[&str]) -> String {
    Command::new(program)
        .args(args)
        .output()
        .ok()
        .map(|o| String::from_utf8_lossy(&o.stdout).trim().to_string())
        .unwrap_or_else(|| format!("{program} ?"))
}

/// The tree's short commit, marked when `src/` is modified.
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
