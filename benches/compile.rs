//! Compilation benchmark: `cargo bench --bench compile`.
//!
//! Generates, deterministically (a SplitMix64 generator with a fixed seed),
//! a base draft of 4,000 paragraphs (preambular, then operative, about 60
//! words each) and 20 delegations' proposals on it, each with about 40
//! random edits (words replaced, inserted and deleted; paragraphs
//! inserted, deleted and moved), and measures in-process, best of
//! `COMPILE_RUNS` (default 3), both the wall time and the processor time
//! of the process (all its threads: the cost on one core, which load from
//! other processes does not inflate as it does the wall time; run with
//! `REDRAFT_THREADS=1` for the wall time on one thread):
//!
//! - parsing the 21 drafts;
//! - compiling the 20 proposals on the base (alignment, word diff,
//!   combination, placement);
//! - writing the compilation as Word and as HTML.
//!
//! It prints one Markdown table ready for the README.

use redraft::compile::{self, render};
use redraft::model::{self, ParseOptions, Resolution};
use std::time::{Duration, Instant};

const SEED: u64 = 0xC0_4D11_E202_6001;
const PARAGRAPHS: usize = 4_000;
const PROPOSALS: usize = 20;
const EDITS: usize = 40;

/// SplitMix64.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }

    fn below(&mut self, n: usize) -> usize {
        (self.next() % n.max(1) as u64) as usize
    }
}

const WORDS: &[&str] = &[
    "cooperation",
    "States",
    "Court",
    "report",
    "implementation",
    "assistance",
    "arrest",
    "warrants",
    "international",
    "regional",
    "organizations",
    "effective",
    "timely",
    "national",
    "authorities",
    "requests",
    "procedures",
    "victims",
    "witnesses",
    "protection",
    "financial",
    "investigations",
    "assets",
    "recovery",
    "framework",
    "agreements",
    "dialogue",
    "capacity",
    "support",
    "mandate",
    "the",
    "of",
    "and",
    "to",
    "in",
    "with",
    "for",
    "on",
    "by",
    "its",
    "their",
    "all",
    "further",
];

fn sentence(rng: &mut Rng, words: usize) -> Vec<String> {
    (0..words)
        .map(|_| WORDS[rng.below(WORDS.len())].to_string())
        .collect()
}

/// The base's paragraphs: (preambular?, words).
fn base_paragraphs(rng: &mut Rng) -> Vec<(bool, Vec<String>)> {
    (0..PARAGRAPHS)
        .map(|k| {
            let words = 40 + rng.below(40);
            (k < PARAGRAPHS / 10, sentence(rng, words))
        })
        .collect()
}

fn draft(paras: &[(bool, Vec<String>)]) -> String {
    let mut out = String::from("Draft resolution\n\nThe General Assembly,\n");
    let mut n = 0;
    for (preambular, words) in paras {
        let text = words.join(" ");
        if *preambular {
            out.push_str(&format!("\nRecalling {text},\n"));
        } else {
            n += 1;
            out.push_str(&format!("\n{n}. Requests {text};\n"));
        }
    }
    out
}

/// One delegation's proposal: the base with random edits.
fn proposal(base: &[(bool, Vec<String>)], rng: &mut Rng) -> Vec<(bool, Vec<String>)> {
    let mut paras = base.to_vec();
    for _ in 0..EDITS {
        let k = PARAGRAPHS / 10 + rng.below(paras.len() - PARAGRAPHS / 10 - 1);
        match rng.below(6) {
            0 | 1 => {
                let w = rng.below(paras[k].1.len());
                paras[k].1[w] = WORDS[rng.below(WORDS.len())].to_string();
            }
            2 => {
                let w = rng.below(paras[k].1.len());
                paras[k].1.insert(w, "notably".to_string());
            }
            3 => paras.insert(k, (false, sentence(rng, 50))),
            4 => {
                paras.remove(k);
            }
            _ => {
                let p = paras.remove(k);
                let to = PARAGRAPHS / 10 + rng.below(paras.len() - PARAGRAPHS / 10);
                paras.insert(to, p);
            }
        }
    }
    paras
}

/// Processor time of the whole process so far.
fn cpu() -> Duration {
    let mut t = libc::timespec {
        tv_sec: 0,
        tv_nsec: 0,
    };
    // SAFETY: `t` is a valid timespec for the call to fill.
    let ok = unsafe { libc::clock_gettime(libc::CLOCK_PROCESS_CPUTIME_ID, &mut t) } == 0;
    if !ok {
        return Duration::ZERO;
    }
    Duration::new(t.tv_sec as u64, t.tv_nsec as u32)
}

/// Wall and processor time, each the best of `runs`, and the last value.
fn best<T>(runs: usize, mut f: impl FnMut() -> T) -> ((Duration, Duration), T) {
    let (mut wall, mut processor) = (Duration::MAX, Duration::MAX);
    let mut out = None;
    for _ in 0..runs {
        let (start, start_cpu) = (Instant::now(), cpu());
        let value = f();
        wall = wall.min(start.elapsed());
        processor = processor.min(cpu().saturating_sub(start_cpu));
        out = Some(value);
    }
    ((wall, processor), out.expect("at least one run"))
}

fn main() {
    let runs: usize = std::env::var("COMPILE_RUNS")
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(3);
    let mut rng = Rng(SEED);
    let base_paras = base_paragraphs(&mut rng);
    let texts: Vec<String> = std::iter::once(draft(&base_paras))
        .chain((0..PROPOSALS).map(|_| draft(&proposal(&base_paras, &mut rng))))
        .collect();
    let options = ParseOptions::default();
    let (parse_time, drafts) = best(runs, || {
        texts
            .iter()
            .map(|t| model::parse(t, &options).expect("parses"))
            .collect::<Vec<Resolution>>()
    });
    let (base, proposals) = drafts.split_first().expect("a base");
    let named: Vec<(String, Resolution)> = proposals
        .iter()
        .enumerate()
        .map(|(k, r)| (format!("D{k}"), r.clone()))
        .collect();
    let (compile_time, c) = best(runs, || compile::compile("base", base, &named));
    let (docx_time, docx) = best(runs, || {
        let mut out = Vec::new();
        render::render(&c, render::Format::Docx, &mut out).expect("written");
        out
    });
    let (html_time, _) = best(runs, || {
        let mut out = Vec::new();
        render::render(&c, render::Format::Html, &mut out).expect("written");
        out
    });
    let touched = c.items.iter().filter(|i| i.is_touched()).count();
    print_table(
        runs,
        touched,
        docx.len() / 1024,
        [parse_time, compile_time, docx_time, html_time],
    );
}

/// The README's table: wall and processor time of each step, and of the
/// whole job (parse, compile, write Word).
fn print_table(runs: usize, touched: usize, docx_kb: usize, times: [(Duration, Duration); 4]) {
    let [parse_time, compile_time, docx_time, html_time] = times;
    let ms = |(wall, processor): (Duration, Duration)| {
        format!(
            "{:.0} ms | {:.0} ms",
            wall.as_secs_f64() * 1000.0,
            processor.as_secs_f64() * 1000.0
        )
    };
    let sum = |a: (Duration, Duration), b: (Duration, Duration)| (a.0 + b.0, a.1 + b.1);
    let threads = redraft::parallel::threads();
    println!(
        "| {PROPOSALS} proposals on {PARAGRAPHS} paragraphs ({touched} units touched, Word {docx_kb} kB), best of {runs} | wall ({threads} threads) | processor |"
    );
    println!("|---|--:|--:|");
    println!("| parse the 21 drafts | {} |", ms(parse_time));
    println!(
        "| compile (align, diff, combine, place) | {} |",
        ms(compile_time)
    );
    println!("| write Word | {} |", ms(docx_time));
    println!("| write HTML | {} |", ms(html_time));
    println!(
        "| parse, compile, write Word | {} |",
        ms(sum(sum(parse_time, compile_time), docx_time))
    );
}
