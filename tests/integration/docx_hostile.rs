//! Hostile Word documents (issue 15): small files that would expand
//! without bound once read. Each is made here, small, and run through the
//! binary with at most 1 GiB of address space and a minute of CPU time, so
//! that a reader that expands them runs out of memory or is killed (and
//! the test fails) instead of taking the machine: every test asserts the
//! outcome, a one-line refusal naming the file or the right text.
//! Also: noncharacters in Word text and in Word redlines, and
//! `split-revisions` on a full disk.

use crate::docx::wordgen::*;
use crate::support::{root, stderr, stdout, temp_dir};
use std::os::unix::process::CommandExt;
use std::path::{Path, PathBuf};
use std::process::{Command, Output};

/// The address space a run may use.
const MEMORY: libc::rlim_t = 1 << 30;
/// The CPU seconds a run may use.
const CPU_SECONDS: libc::rlim_t = 60;

/// Runs the binary under the limits above, and with files limited to
/// `file_size` bytes (a full disk) if given; writing past it fails.
fn bounded(args: &[&str], file_size: Option<libc::rlim_t>) -> Output {
    let mut command = Command::new(env!("CARGO_BIN_EXE_redraft"));
    command.args(args).current_dir(root()).env("NO_COLOR", "1");
    let limit = |resource, value: libc::rlim_t| {
        let l = libc::rlimit {
            rlim_cur: value,
            rlim_max: value,
        };
        // SAFETY: setrlimit only reads the struct it is given.
        if unsafe { libc::setrlimit(resource, &l) } != 0 {
            return Err(std::io::Error::last_os_error());
        }
        Ok(())
    };
    // SAFETY: between fork and exec the closure only calls setrlimit and
    // signal, which are async-signal-safe, and allocates nothing.
    unsafe {
        command.pre_exec(move || {
            limit(libc::RLIMIT_AS, MEMORY)?;
            limit(libc::RLIMIT_CPU, CPU_SECONDS)?;
            if let Some(size) = file_size {
                limit(libc::RLIMIT_FSIZE, size)?;
                // A write past the limit fails (EFBIG) instead of killing.
                libc::signal(libc::SIGXFSZ, libc::SIG_IGN);
            }
            Ok(())
        });
    }
    command.output().expect("run redraft")
}

fn write(name: &str, bytes: &[u8]) -> PathBuf {
    let path = temp_dir(&format!("hostile-{name}")).join(format!("{name}.docx"));
    std::fs::write(&path, bytes).expect("write test file");
    path
}

/// Asserts a refusal: exit 2, one line naming the file and saying `what`.
fn refused(o: &Output, path: &Path, what: &str) {
    let err = stderr(o);
    assert_eq!(o.status.code(), Some(2), "{err}");
    assert_eq!(err.lines().count(), 1, "one line: {err}");
    assert!(
        err.starts_with(&format!("redraft: {}: ", path.display())),
        "{err}"
    );
    assert!(err.contains(what), "{err} should say {what}");
}

/// A numbering whose level 0 text is `text`.
fn numbering_with_text(text: &str) -> String {
    format!(
        r#"<w:abstractNum w:abstractNumId="0"><w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="decimal"/><w:lvlText w:val="{text}"/></w:lvl></w:abstractNum><w:num w:numId="1"><w:abstractNumId w:val="0"/></w:num>"#
    )
}

/// A document of `paragraphs` list paragraphs whose number text is
/// "%1" repeated `repeat` times.
fn repeated_numbers(repeat: usize, paragraphs: usize) -> Vec<u8> {
    WordDoc {
        body: p(&num(1, 0), &r("Decides.")).repeat(paragraphs),
        numbering: Some(numbering_with_text(&"%1".repeat(repeat))),
        ..WordDoc::default()
    }
    .bytes()
}

#[test]
fn numbering_text_repeated_for_every_paragraph_is_refused_at_the_limit() {
    let bytes = repeated_numbers(500_000, 200);
    assert!(bytes.len() < 10_000, "a small file: {} bytes", bytes.len());
    let path = write("lvltext", &bytes);
    let o = bounded(&["parse", path.to_str().unwrap()], None);
    refused(
        &o,
        &path,
        "expands to more than 16000000 characters of text",
    );
    assert!(stderr(&o).contains("pass --max-chars N"), "{}", stderr(&o));
}

#[test]
fn the_limits_are_raised_and_lowered_by_flags() {
    let path = write("limits", &repeated_numbers(1_000, 30));
    let file = path.to_str().unwrap();
    let o = bounded(&["parse", file], None);
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    let o = bounded(&["parse", file, "--max-chars", "20000"], None);
    refused(&o, &path, "more than 20000 characters");
    let o = bounded(&["parse", file, "--max-units", "10"], None);
    refused(&o, &path, "more than 10 paragraphs and notes");
    let o = bounded(
        &[
            "split-revisions",
            file,
            "-o",
            "/nonexistent",
            "--max-units",
            "10",
        ],
        None,
    );
    refused(&o, &path, "more than 10 paragraphs and notes");
}

#[test]
fn a_footnote_referred_to_again_and_again_is_refused_at_the_limit() {
    let doc = WordDoc {
        body: p("", &format!("{}{}", r("Recalls"), note_ref(1).repeat(400))),
        footnotes: Some(footnote(1, &r(&"word ".repeat(1_000_000)))),
        ..WordDoc::default()
    };
    let bytes = doc.bytes();
    assert!(bytes.len() < 100_000, "a small file: {} bytes", bytes.len());
    let path = write("footnote", &bytes);
    let o = bounded(&["parse", path.to_str().unwrap()], None);
    refused(
        &o,
        &path,
        "expands to more than 16000000 characters of text",
    );
}

/// A document whose root declares a namespace with a name of `size`
/// bytes, whose body holds `body`.
fn long_namespace(size: usize, body: &str) -> Vec<u8> {
    let uri = format!("urn:{}", "x".repeat(size));
    let document = format!(
        r#"<?xml version="1.0" encoding="UTF-8"?><w:document {NS} xmlns:x="{uri}"><w:body>{body}</w:body></w:document>"#
    );
    zip_parts(&[("word/document.xml", document.as_bytes())])
}

/// Reads a document that must read as `expected`.
fn reads_as(path: &Path, expected: &str) {
    let o = bounded(&["parse", path.to_str().unwrap(), "--format", "json"], None);
    assert!(o.status.success(), "{:?}: {}", o.status, stderr(&o));
    let json: serde_json::Value = serde_json::from_str(&stdout(&o)).expect("JSON");
    assert_eq!(json["units"][0]["text"], expected);
}

#[test]
fn a_long_namespace_name_is_not_copied_into_every_element() {
    let elements = r#"<x:e x:a="1"/>"#.repeat(5_000);
    let body = p("", &format!("{}{elements}", r("Recalls its work.")));
    let bytes = long_namespace(16 << 20, &body);
    assert!(bytes.len() < 100_000, "a small file: {} bytes", bytes.len());
    let path = write("namespace", &bytes);
    reads_as(&path, "Recalls its work.");
}

#[test]
fn nested_namespace_declarations_do_not_copy_the_scope() {
    let (open, close): (String, String) = (0..100)
        .map(|i| {
            (
                format!(r#"<w:customXml xmlns:p{i}="urn:n{i}">"#),
                "</w:customXml>".to_string(),
            )
        })
        .unzip();
    let body = format!("{open}{}{close}", p("", &r("Notes the report.")));
    let path = write("nested-namespaces", &long_namespace(16 << 20, &body));
    reads_as(&path, "Notes the report.");
}

#[test]
fn noncharacters_in_word_text_are_shown_not_dropped() {
    let doc = WordDoc::body(&p("", &r("Decides\u{FFFF} to act&#xFFFE; now.")));
    let path = write("nonchars", &doc.bytes());
    reads_as(&path, "Decides\u{FFFD} to act\u{FFFD} now.");
}

#[test]
fn noncharacters_in_a_text_draft_are_shown_in_the_word_redline() {
    let dir = temp_dir("hostile-nonchars-out");
    let (old, new, docx) = (dir.join("old.txt"), dir.join("new.txt"), dir.join("r.docx"));
    std::fs::write(&old, "The General Assembly,\n\n1. Decides to act.\n").unwrap();
    std::fs::write(
        &new,
        "The General Assembly,\n\n1. Decides\u{FFFF} to act\u{FFFE} now.\n",
    )
    .unwrap();
    let (o, n, d) = (
        old.to_str().unwrap(),
        new.to_str().unwrap(),
        docx.to_str().unwrap(),
    );
    let run = bounded(&["diff", o, n, "-o", d], None);
    assert_eq!(run.status.code(), Some(1), "{}", stderr(&run));
    let bytes = std::fs::read(&docx).expect("written");
    let accepted = redraft::ingest::docx::read(&bytes, redraft::ingest::Revisions::Accept).unwrap();
    assert!(
        accepted.contains("Decides\u{FFFD} to act\u{FFFD} now."),
        "{accepted}"
    );
}

#[test]
fn split_revisions_on_a_full_disk_writes_neither_version() {
    // The old version is small, the new one large: the disk fills while the
    // new version is written, after the old one was.
    let inserted = ins(&r(&"new words ".repeat(20_000)));
    let body = [
        p("", &r("The General Assembly,")),
        p("", &format!("{}{inserted}", r("1. Decides to act."))),
    ];
    let doc = WordDoc::body(&body.concat());
    let path = write("full-disk", &doc.bytes());
    let out = temp_dir("hostile-full-disk-out");
    let o = bounded(
        &[
            "split-revisions",
            path.to_str().unwrap(),
            "-o",
            out.to_str().unwrap(),
        ],
        Some(64 << 10),
    );
    let err = stderr(&o);
    assert_eq!(o.status.code(), Some(2), "{err}");
    assert_eq!(err.lines().count(), 1, "{err}");
    assert!(err.contains("full-disk.new.txt: cannot write"), "{err}");
    let left: Vec<_> = std::fs::read_dir(&out)
        .expect("output folder")
        .map(|e| e.expect("entry").file_name())
        .collect();
    assert!(left.is_empty(), "nothing left behind: {left:?}");
    // With room on the disk, both versions are written.
    let o = bounded(
        &[
            "split-revisions",
            path.to_str().unwrap(),
            "-o",
            out.to_str().unwrap(),
        ],
        None,
    );
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    assert!(out.join("full-disk.old.txt").exists() && out.join("full-disk.new.txt").exists());
}
