//! Drafts' own quirks (issue 9, section 2), each with its fixture folder:
//! stray blank lines around the chapeau (`stray-blank-lines/`), a numbered
//! line right after a heading (`heading-then-numbered-paragraph/`), the
//! closing line of adopted resolutions (`closing-line/`), the standard
//! masthead brackets (`check-masthead-brackets/`), typographic variants
//! (`typographic-variants/`); and the real General Assembly pair of
//! `../shared/realworld/un/`.

use crate::support::*;
use redraft::model::{Resolution, UnitKind};
use redraft::redline::{Op, Redline};
use serde_json::Value;
use std::path::PathBuf;

fn labels(r: &Resolution) -> Vec<&str> {
    r.units.iter().map(|u| u.label.as_str()).collect()
}

fn text_of<'a>(r: &'a Resolution, label: &str) -> &'a str {
    r.find(label)
        .map(|u| u.text.as_str())
        .unwrap_or_else(|| panic!("no {label}"))
}

/// The labels of the entries a reader sees as changed.
fn changed(r: &Redline) -> Vec<String> {
    r.entries
        .iter()
        .filter(|e| e.is_change())
        .map(|e| e.label().to_string())
        .collect()
}

/// Findings of `redraft check --final --format json FILE` as (rule, text).
fn final_findings(file: &str) -> (Option<i32>, Vec<(String, String)>) {
    final_findings_with(file, &[])
}

/// The same, with more arguments.
fn final_findings_with(file: &str, more: &[&str]) -> (Option<i32>, Vec<(String, String)>) {
    let mut args = vec!["check", "--final", "--format", "json", file];
    args.extend_from_slice(more);
    let o = redraft(&args);
    let json: Value =
        serde_json::from_str(&stdout(&o)).unwrap_or_else(|e| panic!("{file}: {e}: {}", stderr(&o)));
    let rows = json["files"][0]["findings"]
        .as_array()
        .cloned()
        .unwrap_or_default()
        .iter()
        .map(|f| {
            let s = |k: &str| f[k].as_str().unwrap_or_default().to_string();
            (s("rule"), s("text"))
        })
        .collect();
    (o.status.code(), rows)
}

#[test]
fn stray_blank_lines_never_turn_the_preamble_into_title() {
    let cases = [
        ("en-general-assembly", "The General Assembly,", 3),
        ("en-security-council", "The Security Council,", 2),
        (
            "en-assembly-of-states-parties",
            "The Assembly of States Parties,",
            2,
        ),
        ("fr-assemblee-generale", "L’Assemblée générale,", 2),
        ("fr-conseil-de-securite", "Le Conseil de sécurité,", 2),
        ("es-asamblea-general", "La Asamblea General,", 2),
    ];
    for (name, chapeau, preambular) in cases {
        let r = load(&fixture(&format!("stray-blank-lines/{name}.txt")));
        let mut expected = vec!["TITLE".to_string(), "CHAPEAU".to_string()];
        expected.extend((1..=preambular).map(|n| format!("PP{n}")));
        expected.extend(["OP1".to_string(), "OP2".to_string()]);
        assert_eq!(labels(&r), expected, "{name}");
        assert_eq!(text_of(&r, "CHAPEAU"), chapeau, "{name}");
        assert!(
            !text_of(&r, "TITLE").contains(chapeau),
            "{name}: the title swallowed the chapeau"
        );
    }
}

#[test]
fn a_numbered_line_after_a_short_heading_is_an_operative_paragraph() {
    for (lang, heading) in [
        ("en", "Financial matters"),
        ("fr", "Questions financières"),
        ("es", "Cuestiones financieras"),
    ] {
        let r = load(&fixture(&format!(
            "heading-then-numbered-paragraph/{lang}.txt"
        )));
        assert_eq!(text_of(&r, "H1"), heading, "{lang}");
        let op2 = r.find("OP2").expect("OP2");
        assert_eq!(op2.kind, UnitKind::Operative, "{lang}");
        assert!(op2.text.starts_with(char::is_uppercase), "{lang}");
        assert_eq!(
            r.of_kind(UnitKind::Operative).count(),
            3 + usize::from(lang == "en")
        );
    }
    let en = load(&fixture("heading-then-numbered-paragraph/en.txt"));
    assert_eq!(
        labels(&en),
        ["CHAPEAU", "PP1", "OP1", "H1", "OP2", "OP3", "H2", "OP4"]
    );
}

#[test]
fn the_closing_line_is_a_closing_unit_in_every_language() {
    let cases = [
        ("2024", "30th plenary meeting 30 October 2024"),
        ("2025", "22nd plenary meeting 29 October 2025"),
        (
            "one-paragraph-per-line",
            "22nd plenary meeting 29 October 2025",
        ),
        ("fr", "22e séance plénière 29 octobre 2025"),
        ("es", "22ª sesión plenaria 29 de octubre de 2025"),
        (
            "human-rights-council",
            "57th meeting 12 October 2023 [Adopted without a vote.]",
        ),
    ];
    for (name, closing) in cases {
        let path = fixture(&format!("closing-line/{name}.txt"));
        let r = load(&path);
        let last = r.units.last().expect("units");
        assert_eq!(
            (last.kind, last.label.as_str(), last.text.as_str()),
            (UnitKind::Closing, "CLOSING", closing),
            "{name}"
        );
        assert_eq!(r.of_kind(UnitKind::Heading).count(), 0, "{name}");
        let file = format!("fixtures/closing-line/{name}.txt");
        assert_eq!(final_findings(&file), (Some(0), vec![]), "{name}");
    }
}

#[test]
fn another_meeting_in_the_closing_line_is_not_an_edit() {
    let (old, new) = (
        fixture("closing-line/2024.txt"),
        fixture("closing-line/2025.txt"),
    );
    let r = redline_of(&old, &new);
    let closing = by_new(&r, "CLOSING");
    assert_eq!(closing.op, Op::Unchanged);
    assert!(!closing.is_change());
    assert_eq!(closing.new_text(), "22nd plenary meeting 29 October 2025");
    // The old line is kept: rejecting every change gives the old draft.
    assert_eq!(closing.old_text(), "30th plenary meeting 30 October 2024");
    assert_eq!(r.reject_all(), load(&old).to_text());
    assert_eq!(r.accept_all(), load(&new).to_text());
    assert_eq!(changed(&r), ["TITLE", "PP1", "OP2"]);
    assert_eq!(r.summary().edited, 3);
    // Only the meeting changed: no difference, exit 0.
    let text = std::fs::read_to_string(&new).expect("fixture");
    let later = temp_dir("quirks-closing-only").join("later.txt");
    std::fs::write(
        &later,
        text.replace("22nd", "23rd")
            .replace("29 October 2025", "30 October 2025"),
    )
    .expect("written");
    let o = redraft(&[
        "diff",
        new.to_str().expect("path"),
        later.to_str().expect("path"),
    ]);
    assert_eq!(o.status.code(), Some(0), "{}", stdout(&o));
}

#[test]
fn the_closing_line_shows_as_unchanged_in_every_output_format() {
    let (old, new) = (
        "fixtures/closing-line/2024.txt",
        "fixtures/closing-line/2025.txt",
    );
    let run = |format: &str| {
        let o = redraft(&["diff", old, new, "--format", format, "--color", "never"]);
        assert_eq!(o.status.code(), Some(1), "{format}: {}", stderr(&o));
        stdout(&o)
    };
    for format in ["term", "text", "markdown", "html"] {
        let out = run(format);
        assert!(
            !out.contains("30th plenary"),
            "{format}: the old closing line is shown:\n{out}"
        );
        if format != "term" {
            assert!(
                out.contains("22nd plenary meeting 29 October 2025"),
                "{format}"
            );
        }
        assert!(
            out.contains("eighty-first"),
            "{format}: the real edit is shown"
        );
    }
    let json: Value = serde_json::from_str(&run("json")).expect("json");
    let entry = json["entries"]
        .as_array()
        .expect("entries")
        .iter()
        .find(|e| e["kind"] == "closing")
        .expect("closing entry")
        .clone();
    assert_eq!(entry["op"], "unchanged");
    assert_eq!(
        entry["segments"][0]["old_text"],
        "30th plenary meeting 30 October 2024"
    );
    let amendments = run("amendments");
    assert!(!amendments.contains("plenary"), "{amendments}");
    assert!(amendments.contains("eighty-first"), "{amendments}");
    // A Word redline tracks the line, so that its two versions are the
    // two drafts.
    let dir = temp_dir("quirks-closing-docx");
    let docx = dir.join("redline.docx");
    let docx = docx.to_str().expect("path");
    let o = redraft(&["diff", old, new, "-o", docx, "--summary"]);
    assert_eq!(o.status.code(), Some(1), "{}", stderr(&o));
    let versions = dir.join("versions");
    let o = redraft(&[
        "split-revisions",
        docx,
        "-o",
        versions.to_str().expect("path"),
    ]);
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    for (file, closing) in [
        ("redline.old.txt", "30th plenary meeting 30 October 2024"),
        ("redline.new.txt", "22nd plenary meeting 29 October 2025"),
    ] {
        let r = load(&versions.join(file));
        assert_eq!(r.find("CLOSING").map(|u| u.text.as_str()), Some(closing));
    }
}

#[test]
fn closing_lines_of_language_versions_pair_in_check_parallel() {
    for other in ["fr", "es"] {
        let o = redraft(&[
            "check",
            "fixtures/closing-line/2025.txt",
            "--parallel",
            &format!("fixtures/closing-line/{other}.txt"),
            "--against",
            "fixtures/closing-line/2024.txt",
        ]);
        let out = stdout(&o);
        assert!(out.contains("no findings"), "{other}: {out}{}", stderr(&o));
    }
}

#[test]
fn a_closing_line_added_at_adoption_is_not_amended() {
    let draft = fixture("closing-line/2025.txt");
    let text = std::fs::read_to_string(&draft).expect("fixture");
    let dir = temp_dir("quirks-closing-added");
    let without = dir.join("draft.txt");
    let cut = text.find("22nd").expect("closing line");
    std::fs::write(&without, &text[..cut]).expect("written");
    let r = redline_of(&without, &draft);
    assert_eq!(by_new(&r, "CLOSING").op, Op::Inserted);
    let o = redraft(&[
        "diff",
        without.to_str().expect("path"),
        draft.to_str().expect("path"),
        "--format",
        "amendments",
    ]);
    assert!(!stdout(&o).contains("plenary"), "{}", stdout(&o));
}

#[test]
fn standard_masthead_brackets_are_not_pending_text() {
    for name in ["en", "en-committee", "fr", "es"] {
        let file = format!("fixtures/check-masthead-brackets/{name}.txt");
        // Read as published, the masthead is set aside by the reader.
        assert_eq!(final_findings(&file), (Some(0), vec![]), "{name}");
        // Read as a plain draft (as Word drafts are), the bracket is kept
        // as a line of the title, and is no pending text either.
        assert_eq!(
            final_findings_with(&file, &["--input", "text"]),
            (Some(0), vec![]),
            "{name}"
        );
        let text = std::fs::read_to_string(root().join(&file)).expect("fixture");
        let opts = redraft::model::ParseOptions::default();
        let r = redraft::model::parse(&text, &opts).expect("draft");
        let bracket = r
            .of_kind(UnitKind::Title)
            .find(|u| u.text.starts_with('['))
            .unwrap_or_else(|| panic!("{name}: bracket kept in the title"));
        assert!(bracket.text.ends_with(")]"), "{name}");
    }
    // Negotiation brackets are still pending text, even when they open
    // with the words of a masthead.
    let (code, rows) = final_findings_with(
        "fixtures/check-masthead-brackets/pending.txt",
        &["--input", "text"],
    );
    assert_eq!(code, Some(1));
    let texts: Vec<&str> = rows.iter().map(|(_, t)| t.as_str()).collect();
    assert_eq!(
        texts,
        [
            "[subregional]",
            "[without reference to a Main Committee, decides to act]"
        ]
    );
}

#[test]
fn typographic_variants_are_not_changes_and_keep_the_new_characters() {
    let (old, new) = (
        fixture("typographic-variants/v1.txt"),
        fixture("typographic-variants/v2.txt"),
    );
    let r = redline_of(&old, &new);
    assert_eq!(changed(&r), ["PP1", "OP2"]);
    let pp1 = redraft::render::redline::text::block(by_new(&r, "PP1"));
    assert!(
        pp1.contains("non\u{2011}intervention and non\u{2011}interference in the [-internal-]{+domestic+} affairs"),
        "{pp1}"
    );
    let op2 = redraft::render::redline::text::block(by_new(&r, "OP2"));
    assert!(
        op2.contains("Court\u{2bc}s Registry to report {+annually +}on the State's"),
        "{op2}"
    );
    for label in ["PP2", "OP1"] {
        assert_eq!(by_new(&r, label).op, Op::Unchanged, "{label}");
    }
    assert_eq!(r.reject_all(), load(&old).to_text());
    assert_eq!(r.accept_all(), load(&new).to_text());
    // The alignment pairs the variants as identical texts.
    let (o, n) = (load(&old), load(&new));
    let a = redraft::align::align(&o, &n);
    let pp2 = o.units.iter().position(|u| u.label == "PP2").expect("PP2");
    assert!(a.of_old(pp2).is_some_and(|m| m.exact));
    let amendments = stdout(&redraft(&[
        "diff",
        "fixtures/typographic-variants/v1.txt",
        "fixtures/typographic-variants/v2.txt",
        "--format",
        "amendments",
    ]));
    assert_eq!(
        amendments.trim(),
        "Preambular paragraph 1: replace \"internal\" with \"domestic\".\n\nOperative paragraph 2: after \"report\", insert \"annually\"."
    );
}

#[test]
fn french_quotation_marks_spaces_and_apostrophes_are_not_changes() {
    let r = redline_of(
        &fixture("typographic-variants/fr-v1.txt"),
        &fixture("typographic-variants/fr-v2.txt"),
    );
    assert_eq!(changed(&r), ["OP1"]);
    let op1 = redraft::render::redline::text::block(by_new(&r, "OP1"));
    assert!(
        op1.contains("rapport {+annuel +}sur l'application de la présente résolution\u{a0};"),
        "{op1}"
    );
}

/// The real documents of `../shared/realworld/un/`.
fn realworld(rel: &str) -> PathBuf {
    root().join("../shared/realworld/un").join(rel)
}

#[test]
fn real_clean_resolutions_have_no_false_findings() {
    let mut checked = 0;
    for folder in ["ga-cuba-embargo", "sc-iraq-unami", "sc-sudan-panel"] {
        for entry in std::fs::read_dir(realworld(folder)).expect("../shared/realworld/un") {
            let path = entry.expect("entry").path();
            if !path.to_string_lossy().ends_with(".clean.txt") {
                continue;
            }
            let file = path.to_string_lossy().to_string();
            assert_eq!(final_findings(&file), (Some(0), vec![]), "{file}");
            checked += 1;
        }
    }
    assert_eq!(checked, 6);
}

#[test]
fn real_general_assembly_pair_reads_its_closing_line_and_redlines_only_the_edits() {
    let old = realworld("ga-cuba-embargo/2024_A-RES-79-7.clean.txt");
    let new = realworld("ga-cuba-embargo/2025_A-RES-80-4.clean.txt");
    for path in [&old, &new] {
        let r = load(path);
        assert_eq!(r.of_kind(UnitKind::Heading).count(), 0);
        assert_eq!(r.of_kind(UnitKind::Closing).count(), 1);
        assert_eq!(r.of_kind(UnitKind::Preambular).count(), 8);
        assert_eq!(r.of_kind(UnitKind::Operative).count(), 5);
    }
    let r = redline_of(&old, &new);
    assert_eq!(
        changed(&r),
        ["TITLE", "PP6", "PP8", "OP1", "OP4", "OP5", "FN1"]
    );
    assert_eq!(by_new(&r, "CLOSING").op, Op::Unchanged);
}

mod variants {
    use proptest::prelude::*;
    use redraft::diff::words::{FootnoteMap, diff_texts};
    use redraft::lang::Lang;
    use redraft::redline::SegmentOp;

    /// The classes of `model::typography` a text's characters are swapped
    /// within.
    const CLASSES: [&[char]; 4] = [
        &['-', '\u{2010}', '\u{2011}'],
        &[' ', '\u{a0}', '\u{202f}', '\u{2009}', '\u{2007}'],
        &['\'', '\u{2019}', '\u{2bc}'],
        &['"', '\u{201c}', '\u{201d}'],
    ];

    fn swap(c: char, pick: usize) -> char {
        CLASSES
            .iter()
            .find(|class| class.contains(&c))
            .map_or(c, |class| class[pick % class.len()])
    }

    proptest! {
        /// Swapping characters within their class is never a change, and
        /// the redline reads as the old text on one side and the new on
        /// the other.
        #[test]
        fn swapped_variants_are_never_changes(
            words in proptest::collection::vec("[a-zé]{1,6}", 1..12),
            joins in proptest::collection::vec(0usize..6, 12),
            picks in proptest::collection::vec(0usize..5, 80),
        ) {
            let glue = [" ", "-", "'", " \"", "\" ", " ; "];
            let mut old = String::new();
            for (k, w) in words.iter().enumerate() {
                if k > 0 {
                    old.push_str(glue[joins[k] % glue.len()]);
                }
                old.push_str(w);
            }
            let new: String = old.chars().enumerate().map(|(k, c)| swap(c, picks[k % picks.len()])).collect();
            for lang in Lang::ALL {
                let s = diff_texts(&old, &new, lang, &FootnoteMap::default(), &Default::default());
                prop_assert!(s.iter().all(|s| s.op == SegmentOp::Equal), "{:?} → {:?}: {:?}", old, new, s);
                let old_side: String = s.iter().map(|s| s.old_side()).collect();
                let new_side: String = s.iter().map(|s| s.new_side()).collect();
                prop_assert_eq!(&old_side, &old);
                prop_assert_eq!(&new_side, &new);
            }
        }
    }
}
