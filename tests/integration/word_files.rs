//! Every document is read. The real Word files of `../shared/realworld/word/`
//! (from Open-XML-PowerTools' and pandoc's test suites, written by Word)
//! parse, split into their two versions exactly as Word accepts and
//! rejects their changes, number their lists as Word does, and compare;
//! a document without resolution structure is read as plain paragraphs
//! with a warning.

use crate::docx::wordgen::*;
use crate::support::{redraft, root, stderr, stdout, temp_dir};
use redraft::ingest::Revisions;
use std::path::{Path, PathBuf};

/// The real Word files, sorted.
fn real_word_files() -> Vec<PathBuf> {
    let dir = root().join("../shared/realworld/word");
    let mut files: Vec<PathBuf> = std::fs::read_dir(&dir)
        .unwrap_or_else(|e| panic!("{}: {e}", dir.display()))
        .map(|e| e.expect("entry").path())
        .filter(|p| p.extension().is_some_and(|e| e == "docx"))
        .collect();
    files.sort();
    assert!(files.len() >= 14, "{} Word files", files.len());
    files
}

fn real(name: &str) -> String {
    root()
        .join("../shared/realworld/word")
        .join(name)
        .to_string_lossy()
        .into_owned()
}

/// Asserts that standard error holds only the warning that the document
/// has no resolution structure, if anything.
fn only_structure_warnings(o: &std::process::Output) {
    for line in stderr(o).lines() {
        assert!(
            line.contains(": warning: no resolution structure found"),
            "{line}"
        );
    }
}

#[test]
fn every_real_word_file_parses_with_changes_accepted_and_rejected() {
    for file in real_word_files() {
        let file = file.to_str().unwrap();
        for revisions in ["accept", "reject"] {
            let o = redraft(&["parse", file, "--revisions", revisions, "--format", "json"]);
            assert_eq!(o.status.code(), Some(0), "{file}: {}", stderr(&o));
            only_structure_warnings(&o);
            let json: serde_json::Value = serde_json::from_str(&stdout(&o)).expect("JSON");
            let units = json["units"].as_array().expect("units");
            assert!(!units.is_empty(), "{file}");
        }
    }
}

/// The text `split-revisions` writes for one version of a file.
fn split(file: &str, dir: &Path) -> (String, String) {
    let o = redraft(&["split-revisions", file, "-o", dir.to_str().unwrap()]);
    assert_eq!(o.status.code(), Some(0), "{file}: {}", stderr(&o));
    only_structure_warnings(&o);
    let stem = Path::new(file).file_stem().unwrap().to_string_lossy();
    let read = |suffix: &str| {
        std::fs::read_to_string(dir.join(format!("{stem}.{suffix}.txt"))).expect("written")
    };
    (read("old"), read("new"))
}

#[test]
fn split_revisions_gives_words_own_accepted_and_rejected_texts() {
    let dir = temp_dir("word-files-split");
    let mut compared = 0;
    for file in real_word_files() {
        let name = file.to_str().unwrap();
        let (accepted, rejected) = (
            name.replace(".docx", "-Accepted.docx"),
            name.replace(".docx", "-Rejected.docx"),
        );
        if !Path::new(&accepted).exists() || !Path::new(&rejected).exists() {
            continue;
        }
        let (old, new) = split(name, &dir);
        assert_ne!(old, new, "{name} has revisions");
        let word = |path: &str| {
            let bytes = std::fs::read(path).expect("readable");
            redraft::ingest::docx::read(&bytes, Revisions::Accept).expect("a Word file")
        };
        assert_eq!(new, word(&accepted), "{name}: accept all");
        assert_eq!(old, word(&rejected), "{name}: reject all");
        // Word's own versions have no revisions left.
        let (a_old, a_new) = split(&accepted, &dir);
        assert_eq!(a_old, a_new, "{accepted}");
        compared += 1;
    }
    assert!(compared >= 2, "RP021 and RP022 at least: {compared}");
}

#[test]
fn split_revisions_reads_every_file_with_revisions() {
    let dir = temp_dir("word-files-split-all");
    let mut with_revisions = 0;
    for file in real_word_files() {
        let (old, new) = split(file.to_str().unwrap(), &dir);
        assert!(!old.trim().is_empty() && !new.trim().is_empty());
        with_revisions += usize::from(old != new);
    }
    assert!(
        with_revisions >= 4,
        "RA001 ×2, RP021, RP022: {with_revisions}"
    );
}

/// The numbers of the ordered lists of pandoc's native output: for each
/// `OrderedList (start,…)`, start, start + 1, … one per item (`[Para`).
fn pandoc_numbers(native: &str) -> Vec<u32> {
    let mut out = Vec::new();
    for list in native.split("OrderedList (").skip(1) {
        let start: u32 = list
            .split(',')
            .next()
            .and_then(|s| s.parse().ok())
            .expect("a start");
        let items = list.matches("[Para ").count() as u32;
        out.extend(start..start + items);
    }
    out
}

#[test]
fn a_restarted_list_numbers_as_pandoc_reads_it() {
    let native = std::fs::read_to_string(real("lists_restart_8367.native")).expect("native");
    let expected = pandoc_numbers(&native);
    assert_eq!(expected, [1, 2, 3, 1, 2, 3, 4]);
    let o = redraft(&[
        "parse",
        &real("lists_restart_8367.docx"),
        "--format",
        "json",
    ]);
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    let json: serde_json::Value = serde_json::from_str(&stdout(&o)).expect("JSON");
    let numbers: Vec<u32> = json["units"]
        .as_array()
        .expect("units")
        .iter()
        .filter_map(|u| u["number"].as_str()?.parse().ok())
        .collect();
    assert_eq!(numbers, expected);
}

/// The text of every `Note [Para [...]]` of pandoc's native output.
fn pandoc_notes(native: &str) -> Vec<String> {
    native
        .split("Note [Para [")
        .skip(1)
        .map(|note| {
            let mut depth = 1;
            let end = note
                .char_indices()
                .find(|&(_, c)| {
                    depth += match c {
                        '[' => 1,
                        ']' => -1,
                        _ => 0,
                    };
                    depth == 0
                })
                .map_or(note.len(), |(i, _)| i);
            let inlines = &note[..end];
            let words: Vec<&str> = inlines
                .split("Str \"")
                .skip(1)
                .filter_map(|s| s.split('"').next())
                .collect();
            words.join(" ")
        })
        .collect()
}

#[test]
fn footnotes_and_endnotes_are_read_as_pandoc_reads_them() {
    let native = std::fs::read_to_string(real("notes.native")).expect("native");
    let notes = pandoc_notes(&native);
    assert_eq!(notes.len(), 2, "a footnote and an endnote: {notes:?}");
    let bytes = std::fs::read(real("notes.docx")).expect("notes.docx");
    let text = redraft::ingest::docx::read(&bytes, Revisions::Accept).expect("read");
    let r = redraft::model::parse(&text, &Default::default()).expect("read as paragraphs");
    let defined: Vec<&str> = r
        .units
        .iter()
        .filter(|u| u.kind == redraft::model::UnitKind::Footnote)
        .map(|u| u.text.as_str())
        .collect();
    assert_eq!(defined, notes);
    assert!(
        text.contains("Test footnote.[^1] Test endnote.[^i]"),
        "{text}"
    );
}

#[test]
fn real_word_pairs_compare() {
    let diff = |old: &str, new: &str| {
        let o = redraft(&["diff", &real(old), &real(new), "--format", "text"]);
        only_structure_warnings(&o);
        (o.status.code(), stdout(&o))
    };
    let (code, out) = diff(
        "WC027-Twenty-Paras-Before.docx",
        "WC027-Twenty-Paras-After-1.docx",
    );
    assert_eq!(code, Some(1), "{out}");
    assert!(
        out.contains("[-Three-]") && out.contains("{+19.5+}"),
        "{out}"
    );
    let (code, out) = diff("WC034-Footnotes-Before.docx", "WC034-Footnotes-After1.docx");
    assert_eq!(code, Some(1));
    assert!(out.contains("[^1]: This is the {+new +}footnote."), "{out}");
    // The two RA001 files differ only in how their changes are marked.
    let (code, _) = diff(
        "RA001-Tracked-Revisions-01.docx",
        "RA001-Tracked-Revisions-02.docx",
    );
    assert_eq!(code, Some(0));
    let dir = temp_dir("word-files-ra001");
    let (old, new) = split(&real("RA001-Tracked-Revisions-01.docx"), &dir);
    let (old_path, new_path) = (dir.join("old.txt"), dir.join("new.txt"));
    std::fs::write(&old_path, old).unwrap();
    std::fs::write(&new_path, new).unwrap();
    let o = redraft(&[
        "diff",
        old_path.to_str().unwrap(),
        new_path.to_str().unwrap(),
        "--format",
        "text",
    ]);
    assert_eq!(o.status.code(), Some(1), "{}", stderr(&o));
    assert!(
        stdout(&o).contains("(Insitu){+ +}impurity III"),
        "{}",
        stdout(&o)
    );
    assert_eq!(diff("notes.docx", "notes.docx").0, Some(0));
    let o = redraft(&[
        "diff",
        &real("RP022-NumberingChange.docx"),
        &real("RP022-NumberingChange.docx"),
        "--revisions",
        "reject",
    ]);
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
}

#[test]
fn prose_is_read_as_paragraphs_with_a_warning() {
    let o = redraft(&[
        "diff",
        "fixtures/no-structure/old.txt",
        "fixtures/no-structure/new.txt",
        "--format",
        "text",
    ]);
    assert_eq!(o.status.code(), Some(1), "{}", stderr(&o));
    let err = stderr(&o);
    assert_eq!(err.lines().count(), 2, "one warning per file: {err}");
    assert!(
        err.lines()
            .all(|l| l.starts_with("redraft: fixtures/no-structure/")
                && l.contains("warning: no resolution structure found")
                && l.ends_with("read as plain paragraphs"))
    );
    let out = stdout(&o);
    assert!(out.contains("{+One delegation proposed"), "{out}");
    assert!(out.contains("[-Thursday-]{+Friday+}."), "{out}");
    let parsed = redraft(&["parse", "fixtures/no-structure/new.txt"]);
    let outline = stdout(&parsed);
    assert!(
        outline.contains("TEXT1 ") && outline.contains("TEXT6 "),
        "{outline}"
    );
}

#[test]
fn a_markdown_redline_is_not_read_back_as_a_draft() {
    let dir = temp_dir("word-files-markdown");
    let md = dir.join("redline.md");
    let o = redraft(&[
        "diff",
        "fixtures/no-structure/old.txt",
        "fixtures/no-structure/new.txt",
        "-o",
        md.to_str().unwrap(),
    ]);
    assert_eq!(o.status.code(), Some(1), "{}", stderr(&o));
    let o = redraft(&["parse", md.to_str().unwrap()]);
    assert_eq!(o.status.code(), Some(2));
    let err = stderr(&o);
    assert_eq!(err.lines().count(), 1, "{err}");
    assert!(err.contains("redline.md: Markdown, not a draft"), "{err}");
    // Saved as text, it is refused all the same, by its markup.
    let txt = dir.join("redline.txt");
    std::fs::copy(&md, &txt).unwrap();
    let o = redraft(&["parse", txt.to_str().unwrap()]);
    assert_eq!(o.status.code(), Some(2));
    assert!(
        stderr(&o).contains("redline.txt: Markdown, not a draft"),
        "{}",
        stderr(&o)
    );
}

/// A numbering of one decimal level, `%1.`, with instances 1 and 2; 2
/// restarts it.
const RESTARTING: &str = r#"<w:abstractNum w:abstractNumId="0"><w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="decimal"/><w:lvlText w:val="%1."/></w:lvl></w:abstractNum>
  <w:num w:numId="1"><w:abstractNumId w:val="0"/></w:num>
  <w:num w:numId="2"><w:abstractNumId w:val="0"/><w:lvlOverride w:ilvl="0"><w:startOverride w:val="1"/></w:lvlOverride></w:num>"#;

fn read(doc: &WordDoc, revisions: Revisions) -> String {
    redraft::ingest::docx::read(&doc.bytes(), revisions).expect("read")
}

#[test]
fn numbering_inserted_or_changed_as_a_revision_is_undone_on_reject() {
    let inserted = r#"<w:numPr><w:ilvl w:val="0"/><w:numId w:val="1"/><w:ins w:id="1" w:author="A" w:date="2024-01-01T00:00:00Z"/></w:numPr>"#;
    let changed = format!(
        r#"{}<w:pPrChange w:id="2" w:author="A" w:date="2024-01-01T00:00:00Z"><w:pPr><w:numPr><w:numId w:val="0"/></w:numPr></w:pPr></w:pPrChange>"#,
        num(1, 0)
    );
    let doc = WordDoc {
        body: [
            p(&num(1, 0), &r("Decides to act;")),
            p(inserted, &r("Requests a report;")),
            p(&changed, &r("Decides to remain seized.")),
        ]
        .concat(),
        numbering: Some(RESTARTING.to_string()),
        ..WordDoc::default()
    };
    assert_eq!(
        read(&doc, Revisions::Accept),
        "1. Decides to act;\n\n2. Requests a report;\n\n3. Decides to remain seized.\n"
    );
    assert_eq!(
        read(&doc, Revisions::Reject),
        "1. Decides to act;\n\nRequests a report;\n\nDecides to remain seized.\n"
    );
}

#[test]
fn a_restarted_list_continues_from_its_restart() {
    let doc = WordDoc {
        body: [
            p(&num(1, 0), &r("a")),
            p(&num(1, 0), &r("b")),
            p("", &r("Between the lists")),
            p(&num(2, 0), &r("c")),
            p(&num(1, 0), &r("d")),
        ]
        .concat(),
        numbering: Some(RESTARTING.to_string()),
        ..WordDoc::default()
    };
    assert_eq!(
        read(&doc, Revisions::Accept),
        "1. a\n\n2. b\n\nBetween the lists\n\n1. c\n\n2. d\n"
    );
}
