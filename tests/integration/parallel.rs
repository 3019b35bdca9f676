//! Both cores, the same bytes: `redraft diff` run on one thread
//! (`REDRAFT_THREADS=1`) and on several gives identical output in every
//! format, on a generated pair large enough that every parallel stage
//! (reading, word diffs, rendering in chunks) cuts its work.

use crate::support::*;
use std::path::Path;
use std::process::{Command, Output};

/// Paragraphs of the generated old draft: several chunks of
/// `redraft::parallel::MIN_CHUNK` for four threads.
const PARAGRAPHS: usize = 700;

const WORDS: &[&str] = &[
    "cooperation",
    "States",
    "Court",
    "the",
    "of",
    "and",
    "to",
    "implementation",
    "requests",
    "report",
    "assistance",
    "victims",
    "arrest",
    "warrants",
    "Parties",
    "Rome",
    "Statute",
    "relevant",
    "international",
    "organizations",
    "including",
    "national",
    "jurisdictions",
    "effective",
    "timely",
    "information",
    "witnesses",
    "protection",
    "financial",
    "investigations",
];

/// A deterministic word stream (a linear congruential generator).
struct Words(u64);

impl Words {
    fn next(&mut self) -> &'static str {
        self.0 = self
            .0
            .wrapping_mul(6_364_136_223_846_793_005)
            .wrapping_add(1_442_695_040_888_963_407);
        WORDS[(self.0 >> 33) as usize % WORDS.len()]
    }

    fn sentence(&mut self, n: usize) -> String {
        (0..n).map(|_| self.next()).collect::<Vec<_>>().join(" ")
    }
}

/// An old and a new draft: preambular and operative paragraphs with
/// subparagraphs and footnotes; the new one with paragraphs inserted,
/// deleted, moved and edited, and the operative ones renumbered.
fn pair() -> (String, String) {
    let mut w = Words(7);
    let paragraphs: Vec<(bool, String)> = (0..PARAGRAPHS)
        .map(|k| (k < PARAGRAPHS / 5, w.sentence(12 + k % 17)))
        .collect();
    let mut new_paragraphs = Vec::new();
    for (k, p) in paragraphs.iter().enumerate() {
        match k % 23 {
            3 => {}
            7 => new_paragraphs.push((p.0, format!("{} {}", p.1, w.sentence(3)))),
            11 => {
                new_paragraphs.push(p.clone());
                new_paragraphs.push((p.0, w.sentence(14)));
            }
            _ => new_paragraphs.push(p.clone()),
        }
    }
    let moved = new_paragraphs.remove(PARAGRAPHS / 2);
    new_paragraphs.insert(PARAGRAPHS - 50, moved);
    (draft(&paragraphs), draft(&new_paragraphs))
}

fn draft(paragraphs: &[(bool, String)]) -> String {
    let mut text =
        String::from("Draft resolution on cooperation\n\nThe Assembly of States Parties,\n\n");
    let mut number = 0;
    for (k, (preambular, body)) in paragraphs.iter().enumerate() {
        if *preambular {
            text.push_str(&format!("Recalling {body},\n\n"));
        } else if k % 31 == 0 {
            number += 1;
            text.push_str(&format!(
                "{number}. Requests {body}:\n\n(a) {body};\n\n(b) {body}[^1];\n\n"
            ));
        } else {
            number += 1;
            text.push_str(&format!("{number}. Decides {body};\n\n"));
        }
    }
    text.push_str("[^1]: ICC-ASP/20/Res.5.\n");
    text
}

fn run(threads: &str, args: &[&str], dir: &Path) -> Output {
    Command::new(env!("CARGO_BIN_EXE_redraft"))
        .args(args)
        .current_dir(dir)
        .env("NO_COLOR", "1")
        .env("SOURCE_DATE_EPOCH", "1638316800")
        .env("REDRAFT_THREADS", threads)
        .output()
        .expect("run redraft")
}

#[test]
fn one_thread_and_four_give_the_same_bytes_in_every_format() {
    let dir = temp_dir("parallel-formats");
    let (old, new) = pair();
    std::fs::write(dir.join("old.txt"), old).unwrap();
    std::fs::write(dir.join("new.txt"), new).unwrap();
    let formats: &[&[&str]] = &[
        &["--format", "term", "--full"],
        &["--format", "term", "--context", "2"],
        &["--format", "html"],
        &["--format", "markdown"],
        &["--format", "text"],
        &["--format", "json"],
        &["--format", "amendments"],
        &["--format", "docx", "-o", "OUT.docx"],
    ];
    for format in formats {
        let mut args = vec!["diff", "old.txt", "new.txt"];
        args.extend_from_slice(format);
        let outputs: Vec<Vec<u8>> = ["1", "4"]
            .iter()
            .map(|threads| {
                let o = run(threads, &args, &dir);
                assert_eq!(o.status.code(), Some(1), "{format:?}: {}", stderr(&o));
                match format.last() {
                    Some(&"OUT.docx") => std::fs::read(dir.join("OUT.docx")).unwrap(),
                    _ => o.stdout,
                }
            })
            .collect();
        assert!(
            outputs[0].len() > 10_000,
            "{format:?}: output too small to cut"
        );
        assert!(
            outputs[0] == outputs[1],
            "{format:?}: one thread and four differ"
        );
    }
}
