//! Word documents: reading `.docx` drafts (text, automatic numbering,
//! footnotes, tracked changes), writing `.docx` redlines, round trips
//! through both, LibreOffice and python-docx opening what is written, and
//! bad input.

/// Malformed, truncated, oversized and hostile documents.
mod bad_input;
/// The committed Word fixture and the code that builds it.
mod fixture;
/// Redlines in the drafts' own packages accepted and rejected by
/// LibreOffice itself.
mod libreoffice;
/// The written redline in LibreOffice and python-docx.
mod office;
/// Random edits: the written redline reads back as both drafts.
mod properties;
/// Reading Word documents: the fixture, revisions, numbering, footnotes.
mod reading;
/// A minimal Word document generator (also used by `word_files` and
/// `docx_hostile`).
pub mod wordgen;
/// Writing redlines: round trips, moves, renumbering, summary, CLI.
mod writing;

use redraft::ingest::Revisions;
use redraft::model::{ParseOptions, Resolution, parse};
use redraft::render::docx::DocxOptions;

/// The parser's normal form of a plain-text draft.
pub fn normal(text: &str) -> String {
    parsed(text).to_text()
}

/// A plain-text draft parsed.
pub fn parsed(text: &str) -> Resolution {
    parse(text, &ParseOptions::default()).expect("a draft")
}

/// The text of a Word document with revisions accepted or rejected.
pub fn read_docx(bytes: &[u8], revisions: Revisions) -> String {
    redraft::ingest::docx::read(bytes, revisions).expect("readable docx")
}

/// Options with a fixed date, so that output is reproducible.
pub fn fixed_options(summary: bool) -> DocxOptions {
    DocxOptions {
        author: "redraft".to_string(),
        date: "2024-05-01T12:00:00Z".to_string(),
        summary,
        ..DocxOptions::default()
    }
}

/// The Word redline between two plain-text drafts.
pub fn write_redline(old: &str, new: &str, summary: bool) -> Vec<u8> {
    let redline = redraft::diff::redline(&parsed(old), &parsed(new), &Default::default());
    let mut out = Vec::new();
    redraft::render::docx::render(&redline, &fixed_options(summary), &mut out).expect("written");
    out
}

/// Asserts that a written redline reads back as the new draft with its
/// revisions accepted and as the old one with them rejected.
pub fn assert_round_trip(old: &str, new: &str, docx: &[u8]) {
    let accepted = normal(&read_docx(docx, Revisions::Accept));
    let rejected = normal(&read_docx(docx, Revisions::Reject));
    assert_eq!(accepted, normal(new), "accept all gives the new draft");
    assert_eq!(rejected, normal(old), "reject all gives the old draft");
}
