//! Integration tests of `redraft`, one module per area. They drive the
//! library on the fixtures and the binary through `std::process::Command`.

/// The amendment round trip on the fuzzers' generator-side failure
/// classes, in en/fr/es; `amend` never writes a draft short of text.
mod amend_classes;
mod amend_roundtrip;
/// Formal amendments: generated (golden file), applied, refused.
mod amendments;
/// The Annex I pair: the exact redline the issue requires.
mod annex_i;
/// Unreadable input, exit codes, refusing to overwrite inputs, atomic output.
mod bad_input;
/// Batch mode: folders paired, an index page, `check DIR`.
mod batch;
/// One test per fixture folder under `fixtures/`: each behaviour.
mod behaviours;
/// `redraft check`: findings, `--fix`, parallel versions, formats, exit codes.
mod check;
/// `redraft compile`: proposals of many delegations on one base.
mod compile;
/// git's textconv and external diff on a repository the test makes;
/// completions and the manual page.
mod conventions;
/// Word documents: reading, writing, round trips, LibreOffice, python-docx.
mod docx;
/// Hostile Word documents: expansion bounded by the budget, U+FFFE/U+FFFF,
/// split-revisions on a full disk.
mod docx_hostile;
/// The Word redline written into the new draft's own document.
mod docx_redline;
/// Golden files of every output format on the Annex I pair.
mod golden;
/// `redraft history`: lineage, blame, rounds, `--git`.
mod history;
/// Hostile and broken input: the probe's defects, the hostile corpus.
mod hostile;
/// The HTML redline opened in headless Chromium.
mod html_browser;
/// The layer order of `src/lib.rs`: no module names a higher layer.
mod layers;
/// Ordinals up to 100 in en/fr/es: read by `check`, rewritten by `--fix`,
/// written and read back in amendments.
mod ordinals;
/// One thread and several give the same bytes (`REDRAFT_THREADS`).
mod parallel;
/// `redraft parse` outline and JSON.
mod parse_cmd;
/// Drafts as published: PDF-extracted text, reports with annexes, PDF files.
mod pdf;
/// Published UN documents (official PDFs, text other tools extracted) read
/// as their clean forms: units, redlines, check.
mod published;
/// Drafts' own quirks: stray blank lines, heading then number, closing
/// line, masthead brackets, typographic variants; the real GA pair.
mod quirks;
/// The redline as its reader sees it: languages, terminal, newcomers' stumbles.
mod reader;
/// `redraft serve`: the page in Chromium, its guard, fifty uploads at once.
#[cfg(feature = "serve")]
mod serve;
/// Shared helpers.
mod support;
/// Every document is read: real Word files from Word's and pandoc's test
/// suites, documents without resolution structure, list numbering and
/// numbering revisions as Word has them.
mod word_files;
