//! Compilation benchmark: `cargo bench --bench compile`.
//!
//! Generates, deterministically (a SplitMix64 generator with a fixed seed),
//! a base draft of 4,000 paragraphs (preambular, then operative, about 60
//! words each) and 20 delegations' proposals on it, each with about 40
//! random edits (words replaced, inserted and deleted; paragraphs
//! inserted, deleted and moved), and measures in-process, on one thread,
//! best of `COMPILE_RUNS` (default 3):
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

fn best<T>(runs: usize, mut f: impl FnMut() -> T) -> (Duration, T) {
    let mut best = Duration::MAX;
    let mut out = None;
    for _ in 0..runs {
        let start = Instant::now();
        let value = f();
        best = best.min(start.elapsed());
        out = Some(value);
    }
    (best, out.expect("at least one run"))
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
    let ms = |d: Duration| format!("{:.0} ms", d.as_secs_f64() * 1000.0);
    println!(
        "| {PROPOSALS} proposals on {PARAGRAPHS} paragraphs ({touched} units touched, Word {} kB) | time, best of {runs} |",
        docx.len() / 1024
    );
    println!("|---|---|");
    println!("| parse the 21 drafts | {} |", ms(parse_time));
    println!(
        "| compile (align, diff, combine, place) | {} |",
        ms(compile_time)
    );
    println!("| write Word | {} |", ms(docx_time));
    println!("| write HTML | {} |", ms(html_time));
    println!("| total | {} |", ms(parse_time + compile_time + docx_time));
}
