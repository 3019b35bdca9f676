//! The cooperation draft (`drafts/cooperation-2020.txt`, French) with four
//! delegations' proposals of every kind (`fixtures/compile-french/`):
//!
//! - `UE.txt`, the delegation's edited draft (renumbered after its new
//!   paragraph);
//! - `Mexique.docx`, its edited draft as a Word document with automatic
//!   numbering (made by `fixtures/docx-redline/make_docx.py` from
//!   `sources/Mexique.txt`);
//! - `Suisse.txt`, a list of amendments in French;
//! - `Japon.docx`, the base with Japan's tracked changes (made by
//!   `tracked.py`), read with `--by-author`.
//!
//! UE and Mexique propose the same words on paragraph 2 and Suisse others
//! (two alternatives); UE and Japon the same new paragraph after 6
//! (`6 bis`, both names); Mexique and Japon delete paragraph 37. Golden
//! files of every format are in `golden/` (the Word file as its
//! `document.xml` and `comments.xml`); regenerate with `UPDATE_GOLDEN=1`.

use super::*;
use crate::support::{fixture, root, stderr, temp_dir};
use redraft::compile::input::{self, Spec};
use std::io::Read;

const BASE: &str = "drafts/cooperation-2020.txt";
const PROPOSALS: [&str; 4] = [
    "fixtures/compile-french/UE.txt",
    "fixtures/compile-french/Mexique.docx",
    "fixtures/compile-french/Suisse.txt",
    "fixtures/compile-french/Japon.docx",
];

/// `redraft compile` on the fixture in a format: its output bytes.
fn compile_as(format: &str) -> Vec<u8> {
    let mut args = vec!["compile", BASE];
    args.extend(PROPOSALS);
    args.extend(["--by-author", "--format", format]);
    let o = Command::new(env!("CARGO_BIN_EXE_redraft"))
        .args(&args)
        .current_dir(root())
        .env("SOURCE_DATE_EPOCH", "1638316800")
        .output()
        .expect("runs");
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    o.stdout
}

/// Compares with `fixtures/compile-french/golden/NAME` (or writes it).
fn golden(name: &str, actual: &str) {
    let path = fixture("compile-french/golden").join(name);
    if std::env::var_os("UPDATE_GOLDEN").is_some() {
        std::fs::create_dir_all(path.parent().unwrap()).unwrap();
        std::fs::write(&path, actual).unwrap();
        return;
    }
    let expected = std::fs::read_to_string(&path)
        .unwrap_or_else(|_| panic!("missing {}; run with UPDATE_GOLDEN=1", path.display()));
    if actual != expected {
        let line = actual
            .lines()
            .zip(expected.lines())
            .position(|(a, e)| a != e)
            .unwrap_or(0);
        panic!(
            "{name} differs from its golden file at line {}:\n  actual:   {}\n  expected: {}",
            line + 1,
            actual.lines().nth(line).unwrap_or(""),
            expected.lines().nth(line).unwrap_or("")
        );
    }
}

fn text_of(bytes: Vec<u8>) -> String {
    String::from_utf8(bytes).expect("UTF-8")
}

#[test]
fn text_markdown_json_and_html_match_their_golden_files() {
    for (format, name) in [
        ("text", "compilation.txt"),
        ("markdown", "compilation.md"),
        ("json", "compilation.json"),
        ("html", "compilation.html"),
    ] {
        golden(name, &text_of(compile_as(format)));
    }
}

#[test]
fn word_matches_its_golden_parts() {
    let bytes = compile_as("docx");
    let mut zip = zip::ZipArchive::new(std::io::Cursor::new(bytes)).expect("a zip");
    for (part, name) in [
        ("word/document.xml", "document.xml"),
        ("word/comments.xml", "comments.xml"),
    ] {
        let mut xml = String::new();
        zip.by_name(part)
            .expect(part)
            .read_to_string(&mut xml)
            .expect("UTF-8");
        golden(name, &xml.replace("><w:p>", ">\n<w:p>"));
    }
}

#[test]
fn the_compilation_says_what_each_delegation_proposes() {
    let c: Compilation = serde_json::from_slice(&compile_as("json")).expect("JSON");
    assert_eq!(c.delegations, ["UE", "Mexique", "Suisse", "Japon"]);
    let text = text_of(compile_as("text"));
    for line in [
        "2. Exprime sa [vive / Var. 1\u{a0}: très vive (UE, Mexique) / Var. 2\u{a0}: profonde (Suisse)] préoccupation",
        "6 bis. Invite les États Parties à partager leurs bonnes pratiques en matière d’exécution des mandats d’arrêt ; (UE, Japon)",
        "25 bis. Encourage la Cour à poursuivre son dialogue avec les organisations régionales ; (Suisse)",
        "37. [Réservé au texte résultant des débats sur la coopération à l’Assemblée des États Parties] ; (Mexique, Japon\u{a0}: supprimer)",
        "  OP2\u{a0}: 3 délégations, 2 variantes",
    ] {
        assert!(text.contains(line), "{line}\n{text}");
    }
}

/// Each delegation's proposal as redraft reads it on its own.
fn proposals(base: &Resolution) -> Vec<(String, Resolution)> {
    let options = redraft::LoadOptions::default();
    PROPOSALS
        .iter()
        .flat_map(|p| {
            input::read(
                &Spec::parse(&root().join(p).display().to_string()),
                base,
                &options,
                true,
            )
            .expect("reads")
        })
        .collect()
}

#[test]
fn accepting_one_delegation_gives_its_proposal_in_json_and_word() {
    let base = crate::support::load(&root().join(BASE));
    let c: Compilation = serde_json::from_slice(&compile_as("json")).expect("JSON");
    let proposals = proposals(&base);
    for (name, proposal) in &proposals {
        assert_eq!(
            units(&c.apply(&[name]).text, base.lang),
            units(&proposal.to_text(), base.lang),
            "{name}"
        );
    }
    assert_eq!(c.apply(&[]).text, base.to_text());
    if !python_docx() {
        return;
    }
    let dir = temp_dir("compile-french");
    let path = dir.join("compilation.docx");
    std::fs::write(&path, compile_as("docx")).expect("written");
    let lists: Vec<String> = std::iter::once(String::new())
        .chain(proposals.iter().map(|(n, _)| n.clone()))
        .collect();
    let texts = accepted_by_python(&path, &lists);
    assert_eq!(
        units(&texts[0], base.lang),
        units(&base.to_text(), base.lang)
    );
    for ((name, proposal), text) in proposals.iter().zip(&texts[1..]) {
        assert_eq!(
            units(text, base.lang),
            units(&proposal.to_text(), base.lang),
            "{name}"
        );
    }
}

#[test]
fn the_word_compilation_passes_openxml_audit() {
    let ok = Command::new("openxml-audit")
        .arg("--help")
        .output()
        .is_ok_and(|o| o.status.success());
    if !ok {
        assert!(
            std::env::var_os("CI").is_none(),
            "openxml-audit is required under CI"
        );
        eprintln!("skipped: openxml-audit is not installed");
        return;
    }
    let dir = temp_dir("compile-french-audit");
    let path = dir.join("compilation.docx");
    std::fs::write(&path, compile_as("docx")).expect("written");
    let o = Command::new("openxml-audit")
        .arg(&path)
        .output()
        .expect("runs");
    let report = String::from_utf8_lossy(&o.stdout);
    assert!(
        o.status.success() && report.contains("Errors: 0"),
        "{report}"
    );
}
