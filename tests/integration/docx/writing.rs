//! Writing Word redlines: every fixture pair reads back as its two drafts;
//! numbers, moves, footnotes, styles, author and summary as the issue asks.

use super::*;
use crate::support::{fixture, redraft, stderr, temp_dir};
use std::io::Read;

fn read_fixture(rel: &str) -> String {
    std::fs::read_to_string(fixture(rel)).expect("fixture")
}

/// A part of a written package, as text.
pub fn part(docx: &[u8], name: &str) -> Option<String> {
    let mut archive = zip::ZipArchive::new(std::io::Cursor::new(docx)).expect("zip");
    let mut file = archive.by_name(name).ok()?;
    let mut text = String::new();
    file.read_to_string(&mut text).expect("utf-8 part");
    Some(text)
}

fn annex_i() -> (String, String) {
    (
        read_fixture("annex-i/before.txt"),
        read_fixture("annex-i/after.txt"),
    )
}

#[test]
fn annex_i_redline_reads_back_as_both_drafts() {
    let (old, new) = annex_i();
    assert_round_trip(&old, &new, &write_redline(&old, &new, false));
}

#[test]
fn annex_i_redline_with_summary_reads_back_as_both_drafts() {
    let (old, new) = annex_i();
    let docx = write_redline(&old, &new, true);
    assert_round_trip(&old, &new, &docx);
    let document = part(&docx, "word/document.xml").unwrap();
    let first = document.find("<w:p>").unwrap();
    assert!(document[first..].starts_with(&format!(
        "<w:p><w:pPr><w:pStyle w:val=\"{}\"/>",
        redraft::render::docx::SUMMARY_STYLE
    )));
    assert!(document.contains("Renumérotation (24)"));
}

#[test]
fn every_behaviour_fixture_reads_back_as_both_drafts() {
    for name in [
        "renumber-insert",
        "delete",
        "move",
        "split",
        "merge",
        "footnotes-renumbered",
        "subparagraphs",
        "bis-numbers",
        "spanish",
        "annex-sections",
        "identical",
        "hard-wrapped",
    ] {
        let old = read_fixture(&format!("{name}/old.txt"));
        let new = read_fixture(&format!("{name}/new.txt"));
        let docx = write_redline(&old, &new, false);
        let accepted = normal(&read_docx(&docx, Revisions::Accept));
        let rejected = normal(&read_docx(&docx, Revisions::Reject));
        assert_eq!(accepted, normal(&new), "{name}: accept all");
        assert_eq!(rejected, normal(&old), "{name}: reject all");
    }
}

#[test]
fn renumbered_paragraph_shows_old_number_deleted_and_new_inserted() {
    let (old, new) = annex_i();
    let document = part(&write_redline(&old, &new, false), "word/document.xml").unwrap();
    let old_number = document
        .find(r#"<w:delText xml:space="preserve">16.</w:delText>"#)
        .expect("16. deleted");
    let new_number = document[old_number..]
        .find(r#"<w:t xml:space="preserve">17.</w:t>"#)
        .expect("17. inserted after it");
    assert!(document[old_number..old_number + new_number].contains("<w:ins "));
    assert!(document.contains(r#"w:author="redraft" w:date="2024-05-01T12:00:00Z""#));
}

#[test]
fn moved_paragraph_is_a_real_move_with_matching_ranges() {
    let old = read_fixture("move/old.txt");
    let new =
        read_fixture("move/new.txt").replace("and further diversification", "and diversification");
    let docx = write_redline(&old, &new, false);
    assert_round_trip(&old, &new, &docx);
    let document = part(&docx, "word/document.xml").unwrap();
    let names = |tag: &str| -> Vec<String> {
        document
            .match_indices(&format!("<w:{tag}RangeStart "))
            .filter_map(|(at, _)| {
                let rest = &document[at..];
                let name = rest.find("w:name=\"")? + 8;
                Some(rest[name..name + rest[name..].find('"')?].to_string())
            })
            .collect()
    };
    let from = names("moveFrom");
    assert!(!from.is_empty(), "a w:moveFrom range");
    assert_eq!(from, names("moveTo"), "ranges named alike");
    assert_eq!(
        document.matches("<w:moveFromRangeStart ").count(),
        document.matches("<w:moveFromRangeEnd ").count()
    );
    assert!(document.contains("<w:moveFrom ") && document.contains("<w:moveTo "));
}

#[test]
fn moved_and_edited_paragraph_is_deleted_and_inserted_with_its_changes_in_a_comment() {
    let old = read_fixture("move/old.txt");
    let new = read_fixture("move/new.txt");
    let docx = write_redline(&old, &new, false);
    assert_round_trip(&old, &new, &docx);
    let comments = part(&docx, "word/comments.xml").expect("comments");
    assert!(
        comments.contains("Moved from OP2") && comments.contains("{+further +}"),
        "{comments}"
    );
    assert!(
        !part(&docx, "word/document.xml")
            .unwrap()
            .contains("<w:moveTo ")
    );
}

#[test]
fn styles_italics_footnotes_and_comments() {
    let (old, new) = annex_i();
    let docx = write_redline(&old, &new, false);
    let document = part(&docx, "word/document.xml").unwrap();
    assert!(
        document.contains(
            r#"<w:r><w:rPr><w:i/></w:rPr><w:t xml:space="preserve">Rappelant</w:t></w:r>"#
        ),
        "preambular opening words in italics"
    );
    assert!(document.contains(r#"<w:pStyle w:val="Heading2"/></w:pPr><w:r><w:t xml:space="preserve">Exécution des mandats d’arrêt</w:t>"#), "headings in their own style");
    assert_eq!(
        document.matches("<w:footnoteReference ").count(),
        7,
        "footnotes 5–11 are Word footnotes"
    );
    let footnotes = part(&docx, "word/footnotes.xml").expect("footnotes part");
    assert!(footnotes.contains("ICC-ASP/19/25."));
    let settings = part(&docx, "word/settings.xml").unwrap();
    assert!(
        settings.contains(r#"<w:numStart w:val="5"/>"#),
        "Word counts footnotes from 5, as the drafts do"
    );
    let styles = part(&docx, "word/styles.xml").unwrap();
    assert!(
        styles.contains(r#"w:styleId="Operative""#) && styles.contains(r#"w:styleId="Heading2""#)
    );
}

#[test]
fn split_and_merge_carry_comments() {
    for (name, word) in [("split", "Split: "), ("merge", "Merged: ")] {
        let old = read_fixture(&format!("{name}/old.txt"));
        let new = read_fixture(&format!("{name}/new.txt"));
        let comments =
            part(&write_redline(&old, &new, false), "word/comments.xml").expect("comments part");
        assert!(comments.contains(word), "{name}: {comments}");
    }
}

#[test]
fn cli_writes_docx_from_the_extension_with_an_author() {
    let dir = temp_dir("docx-cli");
    let out = dir.join("redline.docx");
    let o = redraft(&[
        "diff",
        "fixtures/annex-i/before.txt",
        "fixtures/annex-i/after.txt",
        "-o",
        out.to_str().unwrap(),
        "--author",
        "Co-facilitators",
        "--summary",
    ]);
    assert_eq!(o.status.code(), Some(1), "{}", stderr(&o));
    let docx = std::fs::read(&out).expect("written");
    assert!(docx.starts_with(b"PK\x03\x04"));
    assert!(
        part(&docx, "word/document.xml")
            .unwrap()
            .contains(r#"w:author="Co-facilitators""#)
    );
    let (old, new) = annex_i();
    assert_round_trip(&old, &new, &docx);
}

#[test]
fn cli_writes_docx_to_a_pipe() {
    let o = redraft(&[
        "diff",
        "fixtures/move/old.txt",
        "fixtures/move/new.txt",
        "--format",
        "docx",
    ]);
    assert_eq!(o.status.code(), Some(1), "{}", stderr(&o));
    assert!(o.stdout.starts_with(b"PK\x03\x04"));
}

#[test]
fn word_redline_diffed_against_itself_shows_no_differences() {
    let dir = temp_dir("docx-self");
    let out = dir.join("r.docx");
    let o = redraft(&[
        "diff",
        "fixtures/annex-i/before.txt",
        "fixtures/annex-i/after.txt",
        "-o",
        out.to_str().unwrap(),
    ]);
    assert_eq!(o.status.code(), Some(1), "{}", stderr(&o));
    let o = redraft(&["diff", out.to_str().unwrap(), "fixtures/annex-i/after.txt"]);
    assert_eq!(o.status.code(), Some(0), "accepted redline = new draft");
    let o = redraft(&[
        "diff",
        "--revisions",
        "reject",
        out.to_str().unwrap(),
        "fixtures/annex-i/before.txt",
    ]);
    assert_eq!(o.status.code(), Some(0), "rejected redline = old draft");
}
