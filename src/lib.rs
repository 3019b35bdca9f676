//! # redraft
//!
//! Drafting resolutions and producing redlines.
//!
//! The crate is a pipeline, one module a stage:
//!
//! 1. [`ingest`]: bytes on disk → text (UTF-8/UTF-16 plain text, or Word
//!    documents with tracked changes accepted or rejected).
//! 2. [`model`]: text → [`model::Resolution`], a list of labelled units
//!    (title, chapeau, preambular and operative paragraphs, subparagraphs,
//!    headings, annexes, footnotes).
//! 3. [`align`]: two resolutions → [`align::Alignment`], which unit of the
//!    new version is which of the old, by content, whatever the numbering.
//! 4. [`diff`]: an alignment → a [`redline::Redline`], each aligned unit
//!    with its operation and its word-level segments. This is the only
//!    module that touches `similar`.
//! 5. [`render`]: a redline → terminal, HTML, Markdown, wdiff text, JSON,
//!    or a Word document whose tracked changes accept to the new draft and
//!    reject to the old one.
//!
//! Beside the redline, [`check`] reads one draft (and optionally its
//! previous version and its other language version) and reports
//! [`check::Finding`]s: broken numbering, dangling and stale
//! cross-references, malformed document symbols, pending text.
//!
//! Built on the pipeline:
//!
//! - [`history`]: successive versions → the lineage of every unit, the
//!   round that brought in or removed each word, and a cumulative redline
//!   with rounds;
//! - [`amend`]: formal amendments ("Operative paragraph 2: replace "13"
//!   with "12".") generated from two drafts, read from a list, and applied
//!   to a draft.
//!
//! ## Layers
//!
//! Each module uses only modules of its own layer or of a lower-numbered
//! one, never a higher one (the integration test
//! `layers::no_module_imports_a_higher_layer` reads this list):
//!
//! 1. `error`, `parallel`, `lang`: errors, threads, language knowledge
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
//! ```
//! use redraft::{model, diff};
//! let opts = model::ParseOptions::default();
//! let old = model::parse("The General Assembly,\n\n1. Decides to act.\n\n2. Requests a report.", &opts).unwrap();
//! let new = model::parse("The General Assembly,\n\n1. Welcomes the report.\n\n2. Decides to act now.\n\n3. Requests a report.", &opts).unwrap();
//! let redline = diff::redline(&old, &new, &diff::Options::default());
//! assert_eq!(redline.summary().inserted, 1);
//! ```

pub mod align;
pub mod amend;
pub mod check;
pub mod diff;
pub mod error;
pub mod history;
pub mod ingest;
pub mod lang;
pub mod model;
pub mod parallel;
pub mod redline;
pub mod render;
pub mod text;
pub mod xref;

pub use error::{Error, Result};
pub use model::{Draft, LoadOptions, load, load_bytes};
