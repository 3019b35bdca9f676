//! Bad Word input: one line naming the file and the problem, exit 2, no
//! panic. A zip bomb is refused once the inflated bytes pass the cap, so
//! memory stays bounded by the cap whatever the archive declares.

use super::fixture::numbered_draft;
use super::wordgen::*;
use crate::support::{redraft, stderr, temp_dir};
use std::io::{Cursor, Write};
use std::path::{Path, PathBuf};

fn write(dir: &str, name: &str, bytes: &[u8]) -> PathBuf {
    let path = temp_dir(dir).join(name);
    std::fs::write(&path, bytes).expect("write test file");
    path
}

fn fails_with(path: &Path, extra: &[&str], expected: &str) {
    let mut args = vec!["parse", path.to_str().unwrap()];
    args.extend_from_slice(extra);
    let o = redraft(&args);
    let err = stderr(&o);
    assert_eq!(o.status.code(), Some(2), "{err}");
    assert_eq!(err.lines().count(), 1, "one line: {err}");
    assert!(
        err.starts_with("redraft: ") && err.contains(path.to_str().unwrap()),
        "{err}"
    );
    assert!(err.contains(expected), "{err} should contain {expected}");
    assert!(!err.contains("panicked"), "{err}");
}

#[test]
fn text_named_docx_is_not_a_zip() {
    let path = write(
        "docx-not-zip",
        "draft.docx",
        b"The General Assembly,\n\n1. Decides.\n",
    );
    fails_with(&path, &[], "not a Word document (not a zip archive)");
    let txt = write(
        "docx-forced",
        "draft.txt",
        b"The General Assembly,\n\n1. Decides.\n",
    );
    fails_with(&txt, &["--input", "docx"], "not a zip archive");
}

#[test]
fn zip_without_document_part() {
    let path = write(
        "docx-no-document",
        "archive.docx",
        &zip_parts(&[("hello.txt", b"hello")]),
    );
    fails_with(
        &path,
        &[],
        "a zip archive but not a Word document (no word/document.xml)",
    );
}

#[test]
fn truncated_archive() {
    let bytes = numbered_draft().bytes();
    let path = write("docx-truncated", "cut.docx", &bytes[..bytes.len() / 2]);
    fails_with(&path, &[], "corrupt or truncated Word document");
}

#[test]
fn corrupt_part() {
    let mut bytes = numbered_draft().bytes();
    let name = b"word/document.xml";
    let at = bytes
        .windows(name.len())
        .position(|w| w == name)
        .expect("local header")
        + name.len();
    for b in &mut bytes[at + 20..at + 60] {
        *b ^= 0x5A;
    }
    let path = write("docx-corrupt", "corrupt.docx", &bytes);
    fails_with(&path, &[], "corrupt or truncated Word document");
}

#[test]
fn malformed_xml() {
    let path = write(
        "docx-malformed",
        "bad.docx",
        &WordDoc::body("<w:p><w:r><w:t>open").bytes(),
    );
    fails_with(&path, &[], "malformed XML in word/document.xml");
}

#[test]
fn dtd_and_entities_are_refused() {
    let document = r#"<?xml version="1.0"?><!DOCTYPE w:document [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;">]><w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body><w:p><w:r><w:t>&b;</w:t></w:r></w:p></w:body></w:document>"#;
    let path = write(
        "docx-dtd",
        "dtd.docx",
        &zip_parts(&[("word/document.xml", document.as_bytes())]),
    );
    fails_with(&path, &[], "DTD or entity declaration, which is refused");
}

#[test]
fn zip_bomb_is_refused_at_the_cap() {
    let mut zip = zip::ZipWriter::new(Cursor::new(Vec::new()));
    let options = zip::write::SimpleFileOptions::default()
        .compression_method(zip::CompressionMethod::Deflated)
        .compression_level(Some(1));
    zip.start_file("word/document.xml", options).unwrap();
    let chunk = vec![b' '; 1 << 20];
    let mib = (redraft::ingest::docx::container::MAX_INFLATED >> 20) + 2;
    for _ in 0..mib {
        zip.write_all(&chunk).unwrap();
    }
    let bytes = zip.finish().unwrap().into_inner();
    assert!(
        bytes.len() < 1 << 20,
        "a small archive: {} bytes",
        bytes.len()
    );
    let path = write("docx-bomb", "bomb.docx", &bytes);
    fails_with(
        &path,
        &[],
        "inflates beyond the limit of 64 MiB for a draft (a zip bomb?)",
    );
}

#[test]
fn unwritable_output_is_one_line() {
    let o = redraft(&[
        "diff",
        "fixtures/move/old.txt",
        "fixtures/move/new.txt",
        "--format",
        "docx",
        "-o",
        "/nonexistent-dir/r.docx",
    ]);
    assert_eq!(o.status.code(), Some(2));
    assert!(stderr(&o).contains("cannot write"), "{}", stderr(&o));
}

#[test]
fn word_document_to_a_terminal_is_refused() {
    // `script` (util-linux) gives the command a terminal as standard output.
    let has_script = std::process::Command::new("script")
        .arg("--version")
        .output()
        .is_ok_and(|o| o.status.success());
    if !has_script {
        eprintln!("skipped: no script(1) to provide a terminal");
        return;
    }
    let command = format!(
        "{} diff fixtures/move/old.txt fixtures/move/new.txt --format docx",
        env!("CARGO_BIN_EXE_redraft")
    );
    let o = std::process::Command::new("script")
        .args(["-qec", &command, "/dev/null"])
        .current_dir(crate::support::root())
        .output()
        .expect("run script");
    let shown = String::from_utf8_lossy(&o.stdout);
    assert_eq!(o.status.code(), Some(2), "{shown}");
    assert!(
        shown.contains("refusing to write a Word document to the terminal; add -o FILE.docx"),
        "{shown}"
    );
    assert!(!shown.contains("PK"), "nothing written");
}
