//! # redraft
//!
//! Drafting resolutions and producing redlines: read the versions of a
//! draft (plain text, Word, PDF), pair their paragraphs by content, diff
//! the words inside each pair, and draw the result for people (terminal,
//! HTML, Markdown, Word with tracked changes, formal amendments) or
//! programs (JSON); check a draft; trace a draft through many rounds.
//!
//! ## The flow
//!
//! 1. **Load** a draft with [`load`] (a file) or [`load_bytes`] (bytes from
//!    elsewhere, a version in git): [`ingest`] detects what the bytes are
//!    and reads them as text, [`model`] parses the text into a
//!    [`model::Resolution`] of labelled units (title, chapeau, preambular
//!    and operative paragraphs, subparagraphs, headings, annexes,
//!    footnotes), and [`LoadOptions`] picks the language, the tracked
//!    changes (accepted or rejected) and the part (`main`, `Annex II`).
//!    The result is a [`Draft`]: the parsed draft with its text.
//! 2. **Align** two versions ([`align`]): which unit of the new version is
//!    which of the old, by content, whatever the numbering.
//! 3. **Diff** the words of each aligned pair ([`diff`], the only module
//!    that touches `similar` but for [`order`]'s longest common
//!    subsequence): the [`Redline`], each aligned unit with its
//!    operation and its word segments, the one hand-off to the renderers;
//!    [`diff::compare`] hands it on in a [`Comparison`] with both drafts
//!    and their alignment, from which formal amendments are made.
//! 4. **Render** ([`render`]): the redline in each format, the findings of
//!    [`check`], formal amendments. A renderer never aligns or diffs.
//!
//! Built on that flow: [`xref`] reads a draft's cross-references ("paragraph
//! 3 (b) above") and resolves them to units; [`check`] reads one draft (and
//! optionally its previous version and its other language version) and
//! reports [`Finding`]s; [`amend`] generates formal amendments from two drafts,
//! reads them from a list and applies them; [`history`] chains the
//! redlines of successive versions into the lineage of every unit, the
//! round of every word, and a cumulative redline whose changes carry
//! their round. The few independent steps run on both cores
//! ([`parallel`]), their results in input order.
//!
//! The command line (`src/main.rs`, `src/cli/`) is a client of this
//! library: it parses arguments, then makes one call into it per command.
//! Build with `default-features = false` for the library without clap.
//!
//! ## Layers
//!
//! Each module uses only modules of its own layer or of a lower-numbered
//! one, never a higher one (the integration test
//! `layers::no_module_imports_a_higher_layer` reads this list):
//!
//! 1. `error`, `parallel`, `lang`, `order`: errors, threads, language knowledge, orders two sequences share
//! 2. `text`: markers, blocks, the chapeau, the masthead's metadata
//! 3. `ingest`: bytes, files, git → text
//! 4. `model`: the parsed draft
//! 5. `align`, `redline`: units paired across versions; the hand-off type
//! 6. `diff`, `xref`: word diffs; cross-references (grammar, resolve, renumber, rewrite)
//! 7. `check`, `amend`, `history`: built on the pipeline
//! 8. `render`: one renderer per output
//! 9. `compile`, `batch`: whole documents and many files, rendered
//! 10. `serve`, `cli`: the web page and the command line (the binary)
//!
//! Beyond the order, a renderer draws what it is handed: `render` names
//! no `align` and, of `diff`, only the `Comparison` it is given
//! (`layers::a_renderer_never_aligns_or_diffs`).
//!
//! ```
//! use redraft::{LoadOptions, diff, load_bytes};
//! use std::path::Path;
//! let read = |name: &str, text: &str| {
//!     let path = Path::new(name);
//!     load_bytes(path, path, text.as_bytes(), &LoadOptions::default()).unwrap()
//! };
//! let old = read("old.txt", "The General Assembly,\n\n1. Decides to act.\n\n2. Requests a report.");
//! let new = read("new.txt", "The General Assembly,\n\n1. Welcomes the report.\n\n2. Decides to act now.\n\n3. Requests a report.");
//! let redline = diff::redline(&old.resolution, &new.resolution, &diff::Options::default());
//! assert_eq!(redline.summary().inserted, 1);
//! let mut page = Vec::new();
//! redraft::render::render(&redline, redraft::render::Format::Text, &Default::default(), &mut page).unwrap();
//! assert!(String::from_utf8(page).unwrap().contains("Decides to act{+ now+}."));
//! ```

pub mod align;
pub mod amend;
pub mod batch;
pub mod check;
pub mod compile;
pub mod diff;
pub mod error;
pub mod history;
pub mod ingest;
pub mod lang;
pub mod model;
pub mod order;
pub mod parallel;
pub mod redline;
pub mod render;
#[cfg(feature = "serve")]
pub mod serve;
pub mod text;
pub mod xref;

pub use check::Finding;
pub use diff::Comparison;
pub use error::{Error, Result};
pub use model::{Draft, LoadOptions, load, load_bytes};
pub use redline::Redline;
