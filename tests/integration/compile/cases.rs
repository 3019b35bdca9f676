//! The behaviours the issue names, one test each, and bad input.

use super::*;
use crate::support::{fixture, redraft, stderr, stdout, temp_dir};
use redraft::compile::{Item, Part};

const BASE: &str = "The General Assembly,\n\nRecalling its resolution 70/1,\n\n1. Requests a report on the matter;\n\n2. Decides to act promptly;\n\n3. Calls upon all States to cooperate.\n";

fn with(replacements: &[(&str, &str)]) -> Resolution {
    let mut text = BASE.to_string();
    for (old, new) in replacements {
        assert!(text.contains(old), "{old}");
        text = text.replacen(old, new, 1);
    }
    draft(&text)
}

fn changes(item: &Item) -> Vec<&Part> {
    item.parts.iter().filter(|p| p.is_change()).collect()
}

#[test]
fn identical_proposals_by_three_delegations_appear_once_with_three_names() {
    let edit = with(&[
        ("a report", "an annual report"),
        ("2. Decides", "2. Welcomes the work done;\n\n3. Decides"),
    ]);
    let c = compiled(
        &draft(BASE),
        &[("EU", &edit), ("CANZ", &edit), ("Switzerland", &edit)],
    );
    let op1 = c.items.iter().find(|i| i.label == "OP1").expect("OP1");
    let Part::Change { base, alternatives } = changes(op1)[0] else {
        unreachable!()
    };
    assert_eq!((base.as_str(), alternatives.len()), ("a", 1));
    assert_eq!(alternatives[0].by, ["EU", "CANZ", "Switzerland"]);
    let new: Vec<&Item> = c.items.iter().filter(|i| !i.in_base).collect();
    assert_eq!(new.len(), 1, "{new:?}");
    assert_eq!(
        (new[0].marker.as_deref(), new[0].proposed_by.len()),
        (Some("1 bis."), 3)
    );
    let mut text = Vec::new();
    redraft::compile::render::text::render(
        &c,
        redraft::compile::render::text::Style::Text,
        &mut text,
    )
    .unwrap();
    let text = String::from_utf8(text).unwrap();
    assert!(
        text.contains(
            "1. Requests [-a-]{+an annual+} (EU, CANZ, Switzerland) report on the matter;"
        ),
        "{text}"
    );
    assert!(
        text.contains("1 bis. Welcomes the work done; (EU, CANZ, Switzerland)"),
        "{text}"
    );
}

#[test]
fn two_delegations_replacing_the_same_words_are_two_alternatives() {
    let eu = with(&[("act promptly", "act without delay")]);
    let g77 = with(&[("act promptly", "act as appropriate")]);
    let us = with(&[("act promptly", "act without delay")]);
    let c = compiled(&draft(BASE), &[("EU", &eu), ("G77", &g77), ("US", &us)]);
    let op2 = c.items.iter().find(|i| i.label == "OP2").expect("OP2");
    let Part::Change { base, alternatives } = changes(op2)[0] else {
        unreachable!()
    };
    assert_eq!(base, "promptly");
    let shown: Vec<(&str, Vec<String>)> = alternatives
        .iter()
        .map(|a| (a.text.as_str(), a.by.clone()))
        .collect();
    assert_eq!(
        shown,
        [
            ("without delay", vec!["EU".to_string(), "US".to_string()]),
            ("as appropriate", vec!["G77".to_string()])
        ]
    );
    let mut text = Vec::new();
    redraft::compile::render::text::render(
        &c,
        redraft::compile::render::text::Style::Text,
        &mut text,
    )
    .unwrap();
    let text = String::from_utf8(text).unwrap();
    assert!(text.contains("2. Decides to act [promptly / Alt 1: without delay (EU, US) / Alt 2: as appropriate (G77)];"), "{text}");
    assert!(
        text.contains("OP2: 3 delegations, 2 alternatives"),
        "{text}"
    );
}

#[test]
fn new_paragraphs_at_different_places_and_deletions_are_attributed() {
    let eu = with(&[("2. Decides", "2. Welcomes the work done;\n\n3. Decides")]);
    let g77 = with(&[(
        "3. Calls",
        "3. Stresses the role of youth;\n\n4. Notes the report;\n\n5. Calls",
    )]);
    let us = with(&[("2. Decides to act promptly;\n\n", "")]);
    let c = compiled(&draft(BASE), &[("EU", &eu), ("G77", &g77), ("US", &us)]);
    // label, marker, proposed by, deleted by
    let shown: Vec<String> = c
        .items
        .iter()
        .map(|i| {
            let marker = i.marker.as_deref().unwrap_or("-");
            format!(
                "{} {marker} +{} -{}",
                i.label,
                i.proposed_by.join(","),
                i.deleted_by.join(",")
            )
        })
        .collect();
    assert_eq!(
        shown[2..],
        [
            "OP1 1. + -",
            "OP1bis 1 bis. +EU -",
            "OP2 2. + -US",
            "OP2bis 2 bis. +G77 -",
            "OP2ter 2 ter. +G77 -",
            "OP3 3. + -",
        ]
    );
    let summary = c.summary();
    let us = summary.delegations.iter().find(|d| d.name == "US").unwrap();
    assert_eq!((us.edited, us.inserted, us.deleted), (0, 0, 1));
}

#[test]
fn a_word_file_with_two_authors_tracked_changes_is_two_proposals() {
    if !python_docx() {
        return;
    }
    let dir = temp_dir("compile-two-authors");
    let (base, docx) = (dir.join("base.txt"), dir.join("comments.docx"));
    std::fs::write(&base, BASE).unwrap();
    let status = Command::new("python3")
        .arg(fixture("compile-french/tracked.py"))
        .args([&base, &docx])
        .args([
            "EU|a report|an annual report",
            "G77|promptly|without delay",
            "G77|>Decides to act|2 bis. Urges all States to act.",
        ])
        .status()
        .expect("python3 runs");
    assert!(status.success());
    let o = redraft(&[
        "compile",
        base.to_str().unwrap(),
        docx.to_str().unwrap(),
        "--by-author",
        "--format",
        "json",
    ]);
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    let c: Compilation = serde_json::from_str(&stdout(&o)).expect("JSON");
    assert_eq!(c.delegations, ["EU", "G77"]);
    assert_eq!(
        units(&c.apply(&["EU"]).text, c.lang),
        units(&with(&[("a report", "an annual report")]).to_text(), c.lang)
    );
    let g77 = with(&[(
        "promptly;",
        "without delay;\n\n2 bis. Urges all States to act.",
    )]);
    assert_eq!(
        units(&c.apply(&["G77"]).text, c.lang),
        units(&g77.to_text(), c.lang)
    );
    // Without --by-author, the file is one proposal: its changes accepted.
    let o = redraft(&[
        "compile",
        base.to_str().unwrap(),
        docx.to_str().unwrap(),
        "--format",
        "json",
    ]);
    let c: Compilation = serde_json::from_str(&stdout(&o)).expect("JSON");
    assert_eq!(c.delegations, ["comments"]);
}

/// `redraft compile` on files in a temporary folder: (dir, base path).
fn files(name: &str, proposals: &[(&str, &str)]) -> std::path::PathBuf {
    let dir = temp_dir(name);
    std::fs::write(dir.join("base.txt"), BASE).unwrap();
    for (file, text) in proposals {
        std::fs::write(dir.join(file), text).unwrap();
    }
    dir
}

fn run_in(dir: &Path, args: &[&str]) -> std::process::Output {
    Command::new(env!("CARGO_BIN_EXE_redraft"))
        .args(args)
        .current_dir(dir)
        .env("NO_COLOR", "1")
        .output()
        .expect("runs")
}

#[test]
fn apply_gives_the_base_with_the_chosen_delegations_proposals() {
    let eu = BASE.replace("a report", "an annual report");
    let canz = BASE.replace("3. Calls upon all", "3. Calls upon");
    let g77 = BASE.replace("promptly", "as appropriate");
    let dir = files(
        "compile-apply",
        &[("EU.txt", &eu), ("CANZ.txt", &canz), ("G77.txt", &g77)],
    );
    let both = BASE
        .replace("a report", "an annual report")
        .replace("3. Calls upon all", "3. Calls upon");
    let direct = run_in(
        &dir,
        &[
            "compile", "base.txt", "EU.txt", "CANZ.txt", "G77.txt", "--apply", "EU,CANZ",
        ],
    );
    assert_eq!(
        stdout(&direct),
        draft(&both).to_text(),
        "{}",
        stderr(&direct)
    );
    for (file, format) in [("c.json", "json"), ("c.docx", "docx")] {
        let o = run_in(
            &dir,
            &[
                "compile", "base.txt", "EU.txt", "CANZ.txt", "G77.txt", "-o", file, "--format",
                format,
            ],
        );
        assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
        let o = run_in(&dir, &["compile", "--apply", "EU,CANZ", file]);
        assert_eq!(stdout(&o), draft(&both).to_text(), "{file}: {}", stderr(&o));
    }
}

#[test]
fn a_list_of_amendments_is_a_proposal() {
    let list = "Operative paragraph 2: replace \"promptly\" with \"without delay\".\nDelete operative paragraph 3.\n";
    let dir = files("compile-amendments", &[("US.txt", list)]);
    let o = run_in(&dir, &["compile", "base.txt", "US.txt"]);
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    let text = stdout(&o);
    assert!(
        text.contains("2. Decides to act [-promptly-]{+without delay+} (US);"),
        "{text}"
    );
    assert!(
        text.contains("3. Calls upon all States to cooperate. (US: delete)"),
        "{text}"
    );
}

#[test]
fn bad_input_is_one_clear_message_and_exit_2_and_nothing_written() {
    let eu = BASE.replace("a report", "an annual report");
    let dir = files(
        "compile-bad",
        &[
            ("EU.txt", &eu),
            (
                "broken.txt",
                "Operative paragraph 9: replace \"x\" with \"y\".\n",
            ),
        ],
    );
    std::fs::write(dir.join("out.txt"), "before").unwrap();
    let cases: [(&[&str], &str); 6] = [
        (
            &["compile", "base.txt", "missing.txt", "-o", "out.txt"],
            "missing.txt",
        ),
        (&["compile", "base.txt", "-o", "out.txt"], "no proposals"),
        (
            &[
                "compile",
                "base.txt",
                "EU.txt",
                "EU=EU.txt",
                "-o",
                "out.txt",
            ],
            "given twice",
        ),
        (
            &[
                "compile", "base.txt", "EU.txt", "--apply", "US", "-o", "out.txt",
            ],
            "no delegation 'US'",
        ),
        (
            &["compile", "base.txt", "broken.txt", "-o", "out.txt"],
            "broken.txt:1",
        ),
        (
            &["compile", "--apply", "EU", "base.txt", "-o", "out.txt"],
            "not a compilation",
        ),
    ];
    for (args, needle) in cases {
        let o = run_in(&dir, args);
        let err = stderr(&o);
        assert_eq!(o.status.code(), Some(2), "{args:?}: {err}");
        assert_eq!(err.lines().count(), 1, "{args:?}: {err}");
        assert!(err.contains(needle), "{args:?}: {err}");
        assert_eq!(
            std::fs::read_to_string(dir.join("out.txt")).unwrap(),
            "before"
        );
    }
}
