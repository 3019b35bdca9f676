//! Integration tests of `redraft`, one module per area. They drive the
//! library on the fixtures and the binary through `std::process::Command`.

/// Formal amendments: generated (golden file), applied, refused.
mod amendments;
/// The Annex I pair: the exact redline the issue requires.
mod annex_i;
/// Unreadable input, exit codes, refusing to overwrite inputs, atomic output.
mod bad_input;
/// One test per fixture folder under `fixtures/`: each behaviour.
mod behaviours;
/// `redraft check`: findings, `--fix`, parallel versions, formats, exit codes.
mod check;
/// Word documents: reading, writing, round trips, LibreOffice, python-docx.
mod docx;
/// The Word redline written into the new draft's own document.
mod docx_redline;
/// Golden files of every output format on the Annex I pair.
mod golden;
/// `redraft history`: lineage, blame, rounds, `--git`.
mod history;
/// The HTML redline opened in headless Chromium.
mod html_browser;
/// `redraft parse` outline and JSON.
mod parse_cmd;
/// Drafts as published: PDF-extracted text, reports with annexes, PDF files.
mod pdf;
/// Shared helpers.
mod support;
