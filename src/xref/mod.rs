//! Cross-references and a draft with its text: the layer between
//! [`crate::model`] (a parsed draft) and the layers that read or rewrite
//! references ([`crate::check`], [`crate::amend`]).
//!
//! - [`tokens`]: one scanner for words, numbers, punctuation and the atoms
//!   never looked inside (URLs, document symbols, footnote references);
//! - [`symbol`]: document symbols (`ICC-ASP/19/Res.2`) and what is wrong
//!   with a malformed one;
//! - [`Document`]: a parsed draft with the text it came from, its units'
//!   byte spans, symbols and references;
//! - [`grammar`]: reading "paragraph 3 (b) above", "le deuxième alinéa du
//!   préambule" into a [`Reference`] with its [`Target`]s;
//! - [`resolve`]: a target → the label of the unit it names (`OP3(b)`);
//! - [`renumber`]: when the numbering changed between two versions, the
//!   references left pointing at old numbers and the [`Edit`]s that update
//!   them;
//! - [`rewrite`]: applying edits to a file as stored, byte for byte.
//!
//! ```
//! use redraft::xref::Document;
//! use redraft::model::ParseOptions;
//! let text = "The General Assembly,\n\n1. Decides to act;\n\n2. Recalls paragraph 1 above.\n";
//! let doc = Document::parse("draft.txt", text.to_string(), &ParseOptions::default()).unwrap();
//! let reference = &doc.references()[0];
//! let (label, exists) = redraft::xref::resolve_reference(&doc, reference, &reference.targets[0]);
//! assert_eq!((label.as_str(), exists), ("OP1", true));
//! ```

pub mod document;
pub mod grammar;
pub mod reference;
pub mod renumber;
pub mod resolve;
pub mod rewrite;
pub mod symbol;
pub mod tokens;

pub use document::Document;
pub use grammar::extract;
pub use reference::{Piece, Place, Reference, Target, TargetKind};
pub use resolve::{resolve, resolve_reference, top};
pub use rewrite::Edit;
