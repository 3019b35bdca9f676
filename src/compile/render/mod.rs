//! The formats of a compilation: text and Markdown in the negotiating
//! convention ([`text`]), JSON, an HTML page with a filter by delegation
//! ([`html`]), and a Word document whose revisions each delegation authors
//! ([`docx`]). Every renderer writes to any [`std::io::Write`].
//!
//! They live beside the compilation rather than under
//! [`crate::render`], whose renderers all read a two-version
//! [`crate::redline::Redline`].

pub mod docx;
pub mod html;
pub mod text;

use super::{Compilation, Item};
use std::io::{self, Write};

/// An output format of `redraft compile`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
#[non_exhaustive]
pub enum Format {
    /// Plain text: `[-old-]{+new+} (EU)`, `[base / Alt 1: … (EU) / Alt 2: … (US)]`.
    Text,
    /// Markdown: `~~old~~**new**`, the same brackets.
    Markdown,
    /// The compilation and its summary as JSON.
    Json,
    /// One self-contained HTML page.
    Html,
    /// A Word document, each delegation the author of its revisions.
    Docx,
}

/// Writes a compilation in a format.
pub fn render(c: &Compilation, format: Format, out: &mut dyn Write) -> io::Result<()> {
    match format {
        Format::Text => text::render(c, text::Style::Text, out),
        Format::Markdown => text::render(c, text::Style::Markdown, out),
        Format::Json => json(c, out),
        Format::Html => html::render(c, out),
        Format::Docx => docx::render(c, &docx::Options::default(), out),
    }
}

/// The compilation and its summary as one JSON document.
fn json(c: &Compilation, out: &mut dyn Write) -> io::Result<()> {
    #[derive(serde::Serialize)]
    struct WithSummary<'a> {
        #[serde(flatten)]
        compilation: &'a Compilation,
        summary: super::Summary,
    }
    let doc = WithSummary {
        compilation: c,
        summary: c.summary(),
    };
    serde_json::to_writer_pretty(&mut *out, &doc).map_err(io::Error::other)?;
    writeln!(out)
}

/// Names as the negotiating convention writes them: `EU, CANZ`.
pub fn names(by: &[String]) -> String {
    by.join(", ")
}

/// The number of an item as a reader says it: `5 bis`, `(c)`, or its
/// label when it has no marker (`PP3bis`).
pub fn shown_number(item: &Item) -> String {
    match &item.marker {
        Some(m) => crate::model::display_marker(m),
        None => item.label.clone(),
    }
}
