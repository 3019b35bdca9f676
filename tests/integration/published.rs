//! Published UN documents, as people hold them (`../shared/realworld/un/`):
//! every published form of a document (the official PDF, the text another
//! tool extracted from it) parses into exactly the units of its clean form
//! (`*.clean.txt`), and so does the text of each PDF as Poppler's plain
//! mode prints it (made by the tests, never stored: see [`plain_form`]);
//! the redline of two published forms changes exactly the
//! units the redline of the clean forms changes, and `check` finds the
//! same. Texts are compared through the documented typographic
//! equivalences ([`redraft::model::typography::fold`]).
//!
//! Where a published form itself lacks or alters text (verified against the
//! official PDF), no reader can restore it: [`KNOWN`] lists each such
//! unit and the exact kind of difference, and the tests assert that
//! difference and nothing else. The documents' text is not copied here.

/// Documents made in the UN layout with LibreOffice, in three languages.
mod made;

use crate::support::*;
use redraft::model::typography::fold;
use serde_json::Value;
use std::collections::BTreeSet;
use std::path::{Path, PathBuf};

/// The real documents, beside the project.
fn un() -> PathBuf {
    root().join("../shared/realworld/un")
}

/// Whether the real documents are there; under CI they must be.
fn available() -> bool {
    let there = un().is_dir();
    assert!(
        there || std::env::var_os("CI").is_none(),
        "../shared/realworld/un is required under CI"
    );
    there
}

/// How a published form differs from its clean form in one unit, where the
/// published form itself is at fault.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Difference {
    /// The extracting tool closed gaps the PDF prints inside words
    /// (`p articularly` in the PDF and the clean form, `particularly` in
    /// the text): equal once spaces are removed.
    GapsClosed,
    /// The extracting tool lost this many consecutive words (the first
    /// printed line of a page): the clean words without one run of them.
    LostWords(usize),
    /// The last character differs: the PDF's and the text's.
    LastChar(char, char),
}

/// The units where a published form differs from its clean form, with how.
/// Each was checked against the official PDF, which reads like the clean
/// form there (see `pdfs_read_like_the_clean_forms`).
const KNOWN: &[(&str, &str, Difference)] = &[
    // The other tool dropped the first line of page 2 of S/2020/449
    // ("letter from the Acting Minister … Secretary -General"): the PDF
    // has it (page 2, first line).
    ("2020_S-2020-449.txt", "OP2", Difference::LostWords(14)),
    ("2022_S-2022-426.txt", "PP2", Difference::GapsClosed),
    ("2022_S-2022-426.txt", "PP3", Difference::GapsClosed),
    ("2022_S-2022-426.txt", "PP5", Difference::GapsClosed),
    // The PDF ends PP7 with a comma; the text has a full stop.
    ("2022_S-2022-426.txt", "PP7", Difference::LastChar(',', '.')),
    ("2022_S-2022-426.txt", "OP2(c)", Difference::GapsClosed),
    ("2022_S-2022-426.txt", "OP2(c)(ii)", Difference::GapsClosed),
    ("2022_S-2022-426.txt", "OP2(c)(iii)", Difference::GapsClosed),
    ("2022_S-2022-426.txt", "OP2(c)(iv)", Difference::GapsClosed),
    ("2022_S-2022-426.txt", "OP2(c)(v)", Difference::GapsClosed),
    ("2018_S-2018-95.txt", "OP2", Difference::GapsClosed),
];

/// The clean forms, each with its published forms that exist.
fn documents() -> Vec<(PathBuf, Vec<PathBuf>)> {
    let mut out = Vec::new();
    let mut folders: Vec<PathBuf> = std::fs::read_dir(un())
        .expect("realworld/un")
        .map(|e| e.expect("entry").path())
        .filter(|p| p.is_dir())
        .collect();
    folders.sort();
    for folder in folders {
        for clean in cleans(&folder) {
            let base = clean
                .to_str()
                .unwrap()
                .trim_end_matches(".clean.txt")
                .to_string();
            let mut published: Vec<PathBuf> = [".pdf", ".txt"]
                .iter()
                .map(|ext| PathBuf::from(format!("{base}{ext}")))
                .filter(|p| p.exists())
                .collect();
            let pdf = PathBuf::from(format!("{base}.pdf"));
            published.extend(plain_form(&pdf));
            out.push((clean, published));
        }
    }
    out
}

/// The text of a PDF as Poppler's plain mode prints it (`pdftotext FILE -`,
/// no `-layout`: lines in Poppler's reading order, blocks apart by blank
/// lines, a subparagraph's marker often apart from its text), made by the
/// test beside its other files as `<name>.plain.txt`: one more published
/// form. None without the PDF or `pdftotext`.
fn plain_form(pdf: &Path) -> Option<PathBuf> {
    if !pdf.exists() {
        return None;
    }
    let o = std::process::Command::new("pdftotext")
        .args(["-enc", "UTF-8"])
        .arg(pdf)
        .arg("-")
        .output()
        .ok()?;
    assert!(o.status.success(), "pdftotext {}", pdf.display());
    let dir = std::env::temp_dir().join(format!("redraft-test-{}-plain", std::process::id()));
    std::fs::create_dir_all(&dir).expect("temp dir");
    let stem = name(pdf).trim_end_matches(".pdf");
    let path = dir.join(format!("{stem}.plain.txt"));
    // Tests run side by side: each writes its own file and renames it.
    let own = dir.join(format!("{stem}.{:?}.tmp", std::thread::current().id()));
    std::fs::write(&own, &o.stdout).expect("write plain text");
    std::fs::rename(&own, &path).expect("rename plain text");
    Some(path)
}

/// The clean forms of a folder, oldest first.
fn cleans(folder: &Path) -> Vec<PathBuf> {
    let mut cleans: Vec<PathBuf> = std::fs::read_dir(folder)
        .expect("folder")
        .map(|e| e.expect("entry").path())
        .filter(|p| p.to_str().unwrap().ends_with(".clean.txt"))
        .collect();
    cleans.sort();
    cleans
}

/// The units of a file as `redraft parse --format json` gives them: label,
/// kind, text.
fn units(path: &Path) -> Vec<(String, String, String)> {
    let o = redraft(&["parse", path.to_str().unwrap(), "--format", "json"]);
    assert_eq!(
        o.status.code(),
        Some(0),
        "{}: {}",
        path.display(),
        stderr(&o)
    );
    let json: Value = serde_json::from_str(&stdout(&o)).unwrap();
    json["units"]
        .as_array()
        .unwrap()
        .iter()
        .map(|u| {
            let text = u["text"].as_str().unwrap();
            (
                u["label"].as_str().unwrap().to_string(),
                u["kind"].as_str().unwrap().to_string(),
                fold(text).split_whitespace().collect::<Vec<_>>().join(" "),
            )
        })
        .collect()
}

fn name(path: &Path) -> &str {
    path.file_name().unwrap().to_str().unwrap()
}

/// A document's name without the extension of its form: `2020_S-2020-449`
/// for its `.clean.txt`, `.pdf`, `.txt` and `.plain.txt`.
fn stem(path: &Path) -> &str {
    let name = name(path);
    [".clean.txt", ".plain.txt", ".pdf", ".txt"]
        .iter()
        .find_map(|ext| name.strip_suffix(ext))
        .unwrap_or(name)
}

/// The known difference of a unit of a published form, if any.
fn known(file: &str, label: &str) -> Option<Difference> {
    KNOWN
        .iter()
        .find(|(f, l, _)| *f == file && *l == label)
        .map(|k| k.2)
}

/// Asserts that `published` differs from `clean` exactly as `difference` says.
fn assert_difference(what: &str, clean: &str, published: &str, difference: Difference) {
    assert_ne!(clean, published, "{what}: listed as different but equal");
    match difference {
        Difference::GapsClosed => {
            let bare = |s: &str| s.replace(' ', "");
            assert_eq!(bare(clean), bare(published), "{what}: not only gaps");
        }
        Difference::LostWords(n) => {
            let c: Vec<&str> = clean.split(' ').collect();
            let p: Vec<&str> = published.split(' ').collect();
            assert_eq!(c.len(), p.len() + n, "{what}: not {n} words lost");
            let start = c.iter().zip(&p).take_while(|(a, b)| a == b).count();
            assert_eq!(c[..start], p[..start], "{what}");
            assert_eq!(
                c[start + n..],
                p[start..],
                "{what}: not one run of {n} words"
            );
        }
        Difference::LastChar(pdf, text) => {
            assert!(clean.ends_with(pdf) && published.ends_with(text), "{what}");
            assert_eq!(
                clean.trim_end_matches(pdf),
                published.trim_end_matches(text),
                "{what}: more than the last character"
            );
        }
    }
}

#[test]
fn published_forms_parse_into_the_units_of_the_clean_form() {
    if !available() {
        return;
    }
    let mut seen = 0;
    let mut known_seen = BTreeSet::new();
    for (clean, published) in documents() {
        let expected = units(&clean);
        for form in published {
            seen += 1;
            let got = units(&form);
            let labels = |u: &[(String, String, String)]| -> Vec<(String, String)> {
                u.iter().map(|(l, k, _)| (l.clone(), k.clone())).collect()
            };
            assert_eq!(
                labels(&got),
                labels(&expected),
                "{}: labels and kinds",
                name(&form)
            );
            for (e, g) in expected.iter().zip(&got) {
                let what = format!("{} {}", name(&form), e.0);
                match known(name(&form), &e.0) {
                    Some(d) => {
                        assert_difference(&what, &e.2, &g.2, d);
                        known_seen.insert((name(&form).to_string(), e.0.clone()));
                    }
                    None => assert_eq!(g.2, e.2, "{what}"),
                }
            }
        }
    }
    let expected = if has_pdftotext() { 14 } else { 10 };
    assert_eq!(
        seen, expected,
        "the published forms of ../shared/realworld/un, and the plain text of each PDF"
    );
    assert_eq!(known_seen.len(), KNOWN.len(), "every known difference met");
}

#[test]
fn pdfs_read_like_the_clean_forms() {
    if !available() || !has_pdftotext() {
        return;
    }
    for (clean, published) in documents() {
        for pdf in published.iter().filter(|p| p.extension().unwrap() == "pdf") {
            assert_eq!(units(pdf), units(&clean), "{}", name(pdf));
            assert!(KNOWN.iter().all(|k| k.0 != name(pdf)));
        }
    }
}

fn has_pdftotext() -> bool {
    let found = std::process::Command::new("pdftotext")
        .arg("-v")
        .output()
        .is_ok();
    assert!(
        found || std::env::var_os("CI").is_none(),
        "pdftotext is required under CI"
    );
    found
}

/// The units a redline changed: operation, new label, old labels.
fn changes(old: &Path, new: &Path) -> BTreeSet<String> {
    let o = redraft(&[
        "diff",
        old.to_str().unwrap(),
        new.to_str().unwrap(),
        "--format",
        "json",
    ]);
    assert!(o.status.code().is_some_and(|c| c <= 1), "{}", stderr(&o));
    let json: Value = serde_json::from_str(&stdout(&o)).unwrap();
    json["entries"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|e| e["op"] != "unchanged")
        .map(|e| {
            let olds: Vec<&str> = e["old"]
                .as_array()
                .map(|a| a.iter().map(|o| o["label"].as_str().unwrap()).collect())
                .unwrap_or_default();
            format!(
                "{} {} <- {}",
                e["op"].as_str().unwrap(),
                e["new"]["label"].as_str().unwrap_or("-"),
                olds.join("+")
            )
        })
        .collect()
}

/// The new label and the old labels of a change written by [`changes`].
fn labels_of(change: &str) -> (&str, &str) {
    let (head, olds) = change.split_once(" <- ").unwrap();
    (head.split(' ').nth(1).unwrap(), olds)
}

/// The published forms of both versions of each pair, by extension.
fn pairs() -> Vec<(PathBuf, PathBuf, String)> {
    let mut out = Vec::new();
    let docs = documents();
    for pair in docs.windows(2) {
        let (old, new) = (&pair[0].0, &pair[1].0);
        if old.parent() != new.parent() {
            continue;
        }
        out.push((old.clone(), new.clone(), "clean".to_string()));
        let form = |p: &Path, ext: &str| {
            PathBuf::from(
                p.to_str()
                    .unwrap()
                    .replace(".clean.txt", &format!(".{ext}")),
            )
        };
        for ext in ["pdf", "txt"] {
            if form(old, ext).exists() && form(new, ext).exists() {
                out.push((form(old, ext), form(new, ext), ext.to_string()));
            }
        }
        let plain = |p: &Path| plain_form(&form(p, "pdf"));
        if let (Some(o), Some(n)) = (plain(old), plain(new)) {
            out.push((o, n, "plain".to_string()));
        }
    }
    out
}

#[test]
fn redlines_of_published_forms_change_what_the_clean_redline_changes() {
    if !available() || !has_pdftotext() {
        return;
    }
    let mut compared = 0;
    let all = pairs();
    for (old, new, form) in all.iter().filter(|p| p.2 != "clean") {
        let clean = all
            .iter()
            .find(|c| c.2 == "clean" && stem(&c.0) == stem(old))
            .unwrap();
        let expected = changes(&clean.0, &clean.1);
        assert!(!expected.is_empty());
        let got = changes(old, new);
        // A unit the published form itself alters (KNOWN) may be changed
        // in one redline and not in the other; nothing else may differ.
        let excused = |change: &String| {
            let (new_label, old_labels) = labels_of(change);
            known(name(new), new_label).is_some()
                || old_labels.split('+').any(|l| known(name(old), l).is_some())
        };
        let differing: Vec<&String> = got.symmetric_difference(&expected).collect();
        assert!(
            differing.iter().all(|c| excused(c)),
            "{} → {} ({form}): {differing:?}",
            name(old),
            name(new)
        );
        compared += 1;
    }
    assert_eq!(
        compared, 7,
        "two SC pairs as PDF, text and plain pdftotext text, one GA pair as text"
    );
}

/// The findings of `check` on files: rule and message, per file, in order.
fn findings(args: &[&str]) -> Vec<String> {
    let mut all = vec!["check"];
    all.extend_from_slice(args);
    all.extend_from_slice(&["--format", "json"]);
    let o = redraft(&all);
    assert!(o.status.code().is_some_and(|c| c <= 1), "{}", stderr(&o));
    let json: Value = serde_json::from_str(&stdout(&o)).unwrap();
    json["files"]
        .as_array()
        .unwrap()
        .iter()
        .flat_map(|f| f["findings"].as_array().unwrap().clone())
        .map(|f| {
            // Line numbers name the file's own lines; the rule and the
            // message's words after the location are what must agree.
            let message = f["message"].as_str().unwrap_or("");
            let text = message.split_once(": ").map_or(message, |m| m.1);
            format!("{} {}", f["rule"].as_str().unwrap_or(""), text)
        })
        .collect()
}

#[test]
fn check_finds_on_published_forms_what_it_finds_on_clean_forms() {
    if !available() || !has_pdftotext() {
        return;
    }
    for (clean, published) in documents() {
        let expected = findings(&[clean.to_str().unwrap()]);
        for form in published {
            let got = findings(&[form.to_str().unwrap()]);
            if name(&form) == "2022_S-2022-426.txt" {
                // The text's PP7 ends with a full stop where the PDF has a
                // comma (KNOWN): that finding, and nothing else.
                assert_eq!(got.len(), expected.len() + 1, "{got:?}");
                assert!(got.iter().any(|f| f.starts_with("punctuation ")), "{got:?}");
                continue;
            }
            assert_eq!(got, expected, "{}", name(&form));
        }
    }
    let all = pairs();
    for (old, new, form) in &all {
        let clean = all
            .iter()
            .find(|c| c.2 == "clean" && stem(&c.0) == stem(old))
            .unwrap();
        let expected = findings(&[
            clean.1.to_str().unwrap(),
            "--against",
            clean.0.to_str().unwrap(),
        ]);
        let got = findings(&[new.to_str().unwrap(), "--against", old.to_str().unwrap()]);
        if name(new) == "2022_S-2022-426.txt" {
            assert_eq!(got.len(), expected.len() + 1, "{form}: {got:?}");
            continue;
        }
        assert_eq!(
            got,
            expected,
            "{} --against {} ({form})",
            name(new),
            name(old)
        );
    }
}

#[test]
fn parse_shows_the_masthead_of_a_pdf() {
    if !available() || !has_pdftotext() {
        return;
    }
    let pdf = un().join("sc-iraq-unami/2020_S-2020-449.pdf");
    let o = redraft(&["parse", pdf.to_str().unwrap(), "--format", "json"]);
    let json: Value = serde_json::from_str(&stdout(&o)).unwrap();
    assert_eq!(json["metadata"]["symbol"], "S/2020/449");
    assert_eq!(json["metadata"]["date"], "29 May 2020");
    assert_eq!(json["metadata"]["original"], "English");
    let o = redraft(&["parse", pdf.to_str().unwrap()]);
    assert!(
        stdout(&o).starts_with("# S/2020/449, 29 May 2020, original: English\n"),
        "{}",
        stdout(&o)
    );
    let txt = un().join("ga-cuba-embargo/2024_A-RES-79-7.txt");
    let o = redraft(&["parse", txt.to_str().unwrap(), "--format", "json"]);
    let json: Value = serde_json::from_str(&stdout(&o)).unwrap();
    assert_eq!(json["metadata"]["symbol"], "A/RES/79/7");
    assert_eq!(json["metadata"]["date"], "1 November 2024");
    let clean = un().join("ga-cuba-embargo/2024_A-RES-79-7.clean.txt");
    let o = redraft(&["parse", clean.to_str().unwrap(), "--format", "json"]);
    let json: Value = serde_json::from_str(&stdout(&o)).unwrap();
    assert!(
        json.get("metadata").is_none(),
        "a clean draft has no masthead"
    );
    // Nothing the masthead held is lost: every line is kept as printed,
    // the sponsors and the adoption bracket included.
    let o = redraft(&["parse", txt.to_str().unwrap(), "--format", "json"]);
    let json: Value = serde_json::from_str(&stdout(&o)).unwrap();
    let lines: Vec<&str> = json["metadata"]["masthead"]
        .as_array()
        .expect("masthead lines")
        .iter()
        .filter_map(Value::as_str)
        .collect();
    assert!(lines.contains(&"A/RES/79/7"), "{lines:?}");
    assert!(
        lines.iter().any(|l| l.starts_with("[without reference")),
        "{lines:?}"
    );
}

#[test]
fn a_short_clean_draft_opening_with_its_adoption_lines_keeps_them() {
    // One paragraph a line with a blank line after each, a title of ten
    // words and no printed masthead: a draft as circulated, not printed
    // text, so no line is joined and none set aside.
    let o = redraft(&[
        "parse",
        "fixtures/short-draft-with-adoption-lines/draft.txt",
        "--format",
        "json",
    ]);
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    let json: Value = serde_json::from_str(&stdout(&o)).unwrap();
    let units: Vec<(String, String)> = json["units"]
        .as_array()
        .unwrap()
        .iter()
        .map(|u| {
            (
                u["label"].as_str().unwrap().to_string(),
                u["text"].as_str().unwrap().to_string(),
            )
        })
        .collect();
    assert_eq!(units.len(), 6, "{units:?}");
    assert!(units[0].1.starts_with("Resolution adopted by"), "{units:?}");
    assert!(units[1].1.starts_with("[without reference"), "{units:?}");
    assert!(units[2].1.starts_with("79/7."), "{units:?}");
    assert_eq!(units[3].0, "CHAPEAU");
}

#[test]
fn a_last_line_between_a_page_number_and_a_job_number_is_text() {
    // Poppler's plain mode prints a paragraph number alone, the page
    // number, the paragraph's text, then the job number: the text stood
    // between two furniture lines and was taken for a running header, so
    // "Decides to remain seized of the matter." vanished without a word.
    let o = redraft(&[
        "parse",
        "fixtures/pdf-text-last-line-between-furniture/extracted.txt",
        "--format",
        "json",
    ]);
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    let json: Value = serde_json::from_str(&stdout(&o)).unwrap();
    let units = json["units"].as_array().unwrap();
    let last = units.last().unwrap();
    assert_eq!(last["label"], "OP2");
    assert_eq!(last["text"], "Decides to remain seized of the matter.");
    assert!(
        units
            .iter()
            .all(|u| !u["text"].as_str().unwrap().is_empty())
    );
}
