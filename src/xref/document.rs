//! A draft as the checker sees it: the parsed units and the text they came
//! from, each unit with its byte span in that text.

use super::grammar;
use super::reference::Reference;
use super::symbol::{self, Symbol};
use crate::ingest::origin::Origin;
use crate::lang::Language;
use crate::model::parse::NoStructure;
use crate::model::{self, ParseOptions, Resolution, Unit};
use std::cell::Cell;
use std::collections::HashMap;
use std::ops::Range;

/// A parsed draft with its text.
#[derive(Debug, Clone)]
pub struct Document {
    /// How to name the draft in findings (usually its path).
    pub name: String,
    /// The decoded text the draft was parsed from (`\n` line ends).
    pub text: String,
    /// The parsed draft.
    pub resolution: Resolution,
    spans: Vec<Range<usize>>,
    line_starts: Vec<usize>,
    labels: HashMap<String, usize>,
    symbols: Vec<Symbol>,
    references: Vec<Reference>,
    origin: Option<Origin>,
    /// The last position worked out (offset, column), so that findings
    /// along one long line do not count its characters from the start
    /// each time.
    last_position: Cell<(usize, usize)>,
}

impl Document {
    /// Builds the document of a draft parsed from `text`.
    pub fn new(name: impl Into<String>, text: String, resolution: Resolution) -> Document {
        let boundaries: Vec<usize> = resolution.units.iter().map(|u| u.line).collect();
        Document::with_boundaries(name, text, resolution, &boundaries)
    }

    /// Builds the document of one part of a draft parsed from `text`:
    /// `boundaries` are the start lines of every unit of the whole draft,
    /// so that a unit ends where the next one of the draft starts.
    pub fn with_boundaries(
        name: impl Into<String>,
        text: String,
        resolution: Resolution,
        boundaries: &[usize],
    ) -> Document {
        let line_starts = line_starts(&text);
        let spans = spans(&text, &line_starts, &resolution.units, boundaries);
        let labels = resolution
            .units
            .iter()
            .enumerate()
            .map(|(i, u)| (u.label.clone(), i))
            .collect();
        let mut doc = Document {
            name: name.into(),
            text,
            resolution,
            spans,
            line_starts,
            labels,
            symbols: Vec::new(),
            references: Vec::new(),
            origin: None,
            last_position: Cell::new((0, 1)),
        };
        doc.symbols = symbol::find(&doc.text);
        doc.references = grammar::extract(&doc);
        doc
    }

    /// Parses `text` and builds its document.
    pub fn parse(
        name: impl Into<String>,
        text: String,
        options: &ParseOptions,
    ) -> Result<Document, NoStructure> {
        let resolution = model::parse(&text, options)?;
        Ok(Document::new(name, text, resolution))
    }

    /// The units, in document order.
    pub fn units(&self) -> &[Unit] {
        &self.resolution.units
    }

    /// The language table of the draft.
    pub fn table(&self) -> &'static Language {
        self.resolution.lang.table()
    }

    /// The byte span of a unit in [`Document::text`], marker included,
    /// trailing whitespace excluded.
    pub fn span(&self, unit: usize) -> Range<usize> {
        self.spans.get(unit).cloned().unwrap_or(0..0)
    }

    /// The text of a unit's span.
    pub fn span_text(&self, unit: usize) -> &str {
        &self.text[self.span(unit)]
    }

    /// The index of the unit with a label.
    pub fn index_of(&self, label: &str) -> Option<usize> {
        self.labels.get(label).copied()
    }

    /// Every document symbol of the text, well-formed or not.
    pub fn symbols(&self) -> &[Symbol] {
        &self.symbols
    }

    /// Every cross-reference of the text, internal or external.
    pub fn references(&self) -> &[Reference] {
        &self.references
    }

    /// The cross-references written in one unit, in order.
    pub fn references_in(&self, unit: usize) -> &[Reference] {
        let start = self.references.partition_point(|r| r.unit < unit);
        let end = self.references.partition_point(|r| r.unit <= unit);
        &self.references[start..end]
    }

    /// The document symbols that start inside a byte range, in order.
    pub fn symbols_in(&self, range: &Range<usize>) -> &[Symbol] {
        let start = self
            .symbols
            .partition_point(|s| s.range.start < range.start);
        let end = self.symbols.partition_point(|s| s.range.start < range.end);
        &self.symbols[start..end.max(start)]
    }

    /// Maps positions back to the file the draft was rebuilt from (text
    /// extracted from a PDF), so that findings name the file's lines.
    pub fn with_origin(mut self, origin: Option<Origin>) -> Document {
        self.origin = origin;
        self
    }

    /// Whether the draft was rebuilt from its file rather than read as is.
    pub fn is_rebuilt(&self) -> bool {
        self.origin.is_some()
    }

    /// The 1-based line and column (in characters) of a byte offset, in
    /// the file the draft was read from.
    pub fn position(&self, offset: usize) -> (usize, usize) {
        let line = self.line_starts.partition_point(|&s| s <= offset).max(1);
        let start = self.line_starts[line - 1];
        if let Some(origin) = &self.origin {
            return origin.locate(line, offset.saturating_sub(start));
        }
        // Count from the last position when it stands earlier on this line.
        let (last_offset, last_column) = self.last_position.get();
        let (from, base) = if (start..=offset).contains(&last_offset) {
            (last_offset, last_column)
        } else {
            (start, 1)
        };
        let column = self.text.get(from..offset).map_or(0, |s| s.chars().count()) + base;
        self.last_position.set((offset, column));
        (line, column)
    }
}

/// Collapses whitespace runs to one space, for quoting text that may be
/// wrapped across lines: `"paragraph\n  12"` → `"paragraph 12"`.
pub fn quote(text: &str) -> String {
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}

fn line_starts(text: &str) -> Vec<usize> {
    std::iter::once(0)
        .chain(text.match_indices('\n').map(|(i, _)| i + 1))
        .collect()
}

/// Each unit runs from the start of its first line to the start of the
/// next unit's first line (in line order), trailing whitespace excluded.
/// Each unit's bytes: from its line to the line where the next unit of
/// the document starts (`boundaries` are the start lines of every unit of
/// the whole document, which may hold more parts than `units`).
fn spans(
    text: &str,
    line_starts: &[usize],
    units: &[Unit],
    boundaries: &[usize],
) -> Vec<Range<usize>> {
    let start_of = |line: usize| {
        line.checked_sub(1)
            .and_then(|l| line_starts.get(l))
            .copied()
            .unwrap_or(text.len())
    };
    let mut starts: Vec<usize> = boundaries.to_vec();
    starts.sort_unstable();
    starts.dedup();
    units
        .iter()
        .map(|unit| {
            let start = start_of(unit.line);
            let next = starts.partition_point(|&l| l <= unit.line);
            let end = starts.get(next).map_or(text.len(), |&l| start_of(l));
            let end = start.max(start + text[start..end.max(start)].trim_end().len());
            start..end
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn spans_follow_lines() {
        let text = "The General Assembly,\n\n1. Decides\n   to act;\n\n2. Requests.\n";
        let doc = Document::parse("t", text.to_string(), &ParseOptions::default()).unwrap();
        assert_eq!(doc.span_text(1), "1. Decides\n   to act;");
        assert_eq!(doc.span_text(2), "2. Requests.");
        assert_eq!(doc.position(text.find("to act").unwrap()), (4, 4));
        assert_eq!(doc.index_of("OP2"), Some(2));
    }
}
