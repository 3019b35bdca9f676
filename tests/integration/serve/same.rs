//! The page's downloads are the command line's output, byte for byte, for
//! the same files and options: a user who drops two drafts on the page
//! gets what a colleague gets from `redraft diff`, and one who compiles
//! proposals what `redraft compile` writes.
//!
//! - the amendments (en, fr, es) of the shipped cooperation pair, as
//!   `redraft diff --format amendments --amendment-lang L` writes them
//!   (both made from `diff::compare`'s `Comparison`);
//! - HTML, JSON, Markdown and the Word redline (`--summary`) of two Word
//!   drafts that differ in formatting and in their headers as well as in
//!   words: the Word notes are in the page's HTML and JSON as in the CLI's;
//! - every format of the French compilation (`fixtures/compile-french/`).
//!
//! Both sides run with the same `SOURCE_DATE_EPOCH`, since the HTML page
//! and the Word files carry a date. The CLI runs in the files' folder, so
//! that it names them as the page does (by their file names).

use super::*;
use std::path::Path;

const EPOCH: (&str, &str) = ("SOURCE_DATE_EPOCH", "1638316800");

/// `redraft ARGS` run in `dir`: its standard output (a pipe: Word files
/// too are written there).
fn cli(dir: &Path, args: &[&str]) -> Vec<u8> {
    let o = Command::new(env!("CARGO_BIN_EXE_redraft"))
        .args(args)
        .current_dir(dir)
        .env(EPOCH.0, EPOCH.1)
        .output()
        .expect("run redraft");
    assert!(o.status.code().is_some_and(|c| c < 2), "{}", stderr(&o));
    o.stdout
}

/// The page's download of two files in `dir`.
fn page(served: &Served, dir: &Path, (old, new): (&str, &str), what: &str) -> Vec<u8> {
    let (o, n) = (
        std::fs::read(dir.join(old)).unwrap(),
        std::fs::read(dir.join(new)).unwrap(),
    );
    let path = format!("/api/download/{what}");
    let answer = post_form(served, &path, form(&[("old", old, &o), ("new", new, &n)]));
    assert_eq!(answer.status, 200, "{what}: {}", answer.text());
    answer.body
}

fn same(what: &str, page: &[u8], cli: &[u8]) {
    if page != cli {
        let at = page.iter().zip(cli).position(|(a, b)| a != b);
        let at = at.unwrap_or(page.len().min(cli.len()));
        let around = |b: &[u8]| {
            String::from_utf8_lossy(&b[at.saturating_sub(80)..(at + 80).min(b.len())]).into_owned()
        };
        panic!(
            "{what}: the page's download differs from the command line's at byte {at}\n  page: {}\n  CLI:  {}",
            around(page),
            around(cli)
        );
    }
}

#[test]
fn the_amendments_are_the_command_lines_in_each_language() {
    let served = Served::start_with(&[EPOCH]);
    let drafts = root().join("drafts");
    let pair = ("cooperation-2020.txt", "cooperation-2021.txt");
    for lang in ["en", "fr", "es"] {
        let from_page = page(&served, &drafts, pair, &format!("amendments-{lang}"));
        let args = [
            "diff",
            pair.0,
            pair.1,
            "--format",
            "amendments",
            "--amendment-lang",
            lang,
        ];
        let from_cli = cli(&drafts, &args);
        assert!(from_cli.len() > 1000, "{lang}: few amendments");
        same(&format!("amendments-{lang}"), &from_page, &from_cli);
    }
}

#[test]
fn word_drafts_give_the_command_lines_files_notes_included() {
    let Some((_, _, dir)) = crate::docx_redline::cooperation("serve-same-word") else {
        return;
    };
    // NEW: the 2021 draft with a word made bold, under another symbol in
    // its header (see docx_redline's test of the notes).
    let draft = std::fs::read_to_string(root().join("drafts/cooperation-2021.txt")).unwrap();
    std::fs::write(
        dir.join("bold.txt"),
        draft.replacen("1. Souligne", "1. **Souligne**", 1),
    )
    .unwrap();
    let made = Command::new("python3")
        .arg(fixture("docx-redline/make_docx.py"))
        .arg(dir.join("bold.txt"))
        .arg(dir.join("bold.docx"))
        .args(["--symbol", "ICC-ASP/20/L.4", "--lang", "fr-FR"])
        .status()
        .expect("python3 runs");
    assert!(made.success(), "make_docx.py");
    let served = Served::start_with(&[EPOCH]);
    let pair = ("old.docx", "bold.docx");
    for (what, format) in [("html", "html"), ("json", "json"), ("markdown", "markdown")] {
        let from_page = page(&served, &dir, pair, what);
        let from_cli = cli(&dir, &["diff", pair.0, pair.1, "--format", format]);
        same(what, &from_page, &from_cli);
    }
    let html = page(&served, &dir, pair, "html");
    let html = String::from_utf8_lossy(&html);
    assert!(
        html.contains("<ul class=\"notes\"><li>") && html.contains("ICC-ASP/20/L.4"),
        "the formatting and header notes are in the page's HTML"
    );
    let json = page(&served, &dir, pair, "json");
    let json: serde_json::Value = serde_json::from_slice(&json).expect("JSON");
    let kinds: Vec<&str> = json["notes"]
        .as_array()
        .expect("notes in the JSON")
        .iter()
        .filter_map(|n| n["kind"].as_str())
        .collect();
    assert!(
        kinds.contains(&"formatting") && kinds.contains(&"header_footer"),
        "{kinds:?}"
    );
    let word = page(&served, &dir, pair, "docx");
    let args = ["diff", pair.0, pair.1, "--format", "docx", "--summary"];
    same("docx", &word, &cli(&dir, &args));
}

#[test]
fn the_compilation_is_the_command_lines_in_every_format() {
    let served = Served::start_with(&[EPOCH]);
    let drafts = root().join("drafts");
    let folder = root().join("fixtures/compile-french/proposals");
    let base = std::fs::read(drafts.join("cooperation-2020.txt")).unwrap();
    let names = ["UE.txt", "Mexique.docx", "Suisse.txt", "Japon.docx"];
    let bytes: Vec<Vec<u8>> = names
        .iter()
        .map(|n| std::fs::read(folder.join(n)).unwrap())
        .collect();
    let mut files = vec![("base", "cooperation-2020.txt", base.as_slice())];
    files.extend(
        names
            .iter()
            .zip(&bytes)
            .map(|(n, b)| ("proposal", *n, b.as_slice())),
    );
    // The EU named on the page, the others by their files (Japan by the
    // author of its tracked changes).
    let texts = [
        ("name", "Union européenne"),
        ("name", ""),
        ("name", " "),
        ("name", ""),
        ("by_author", "1"),
    ];
    let proposals: Vec<String> = names
        .iter()
        .map(|n| format!("../fixtures/compile-french/proposals/{n}"))
        .collect();
    let ue = format!("Union européenne={}", proposals[0]);
    for (what, format) in [
        ("docx", "docx"),
        ("html", "html"),
        ("json", "json"),
        ("markdown", "markdown"),
        ("text", "text"),
    ] {
        let path = format!("/api/compile/download/{what}");
        let answer = post_form(&served, &path, form_with(&files, &texts));
        assert_eq!(answer.status, 200, "{what}: {}", answer.text());
        let mut args = vec!["compile", "cooperation-2020.txt", &ue];
        args.extend(proposals[1..].iter().map(String::as_str));
        args.extend(["--by-author", "--format", format]);
        let from_cli = cli(&drafts, &args);
        same(&format!("compilation {what}"), &answer.body, &from_cli);
    }
}
