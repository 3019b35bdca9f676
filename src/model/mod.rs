//! The document model: a resolution and its units.
//!
//! A [`Resolution`] is a flat list of [`Unit`]s in document order: the title,
//! the chapeau ("The General Assembly,"), preambular paragraphs, operative
//! paragraphs and their subparagraphs, section headings, annexes and, last,
//! footnotes. Each unit carries a stable [`Unit::label`] (`PP3`, `OP12(b)`,
//! `ANNEX-II/OP3`, `FN7`, see [`label`]) and, for subparagraphs, the index of
//! its parent.

pub mod blocks;
pub mod classify;
pub mod closing;
pub mod compare;
pub mod draft;
pub mod label;
pub mod parse;
pub mod part;
pub mod plain;
pub mod typography;

use crate::lang::Lang;
use serde::{Deserialize, Serialize};

pub use crate::text::blocks::{block, join_blocks};
/// Markers and the masthead's metadata live below the model, in
/// [`crate::text`], where the readers of [`crate::ingest`] use them too.
pub use crate::text::{marker, metadata};
pub use draft::{Draft, LoadOptions, load, load_bytes};
pub use parse::{ParseOptions, parse};

/// Version of the JSON form of the model (`redraft parse --format json`).
pub const MODEL_VERSION: u32 = 1;

/// The most units (paragraphs, headings, footnotes) a document may have
/// unless `--max-units` says otherwise. The longest real drafts hold a few
/// thousand; a hundred thousand keeps every command under about 1 GiB.
pub const MAX_UNITS: usize = crate::ingest::limits::MAX_UNITS;

/// A parsed draft.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Resolution {
    /// Schema version of this JSON document.
    pub version: u32,
    /// Language of the draft (detected, or as given with `--lang`).
    pub lang: Lang,
    /// Every unit, in document order; footnotes last.
    pub units: Vec<Unit>,
    /// What a published document's masthead said (symbol, date, original
    /// language); empty for drafts as circulated.
    #[serde(default, skip_serializing_if = "metadata::Metadata::is_empty")]
    pub metadata: metadata::Metadata,
}

/// What kind of unit a paragraph of a draft is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
#[non_exhaustive]
pub enum UnitKind {
    /// A line before the chapeau: symbol, agenda item, title, and the
    /// standard bracket of the masthead ("[without reference to a Main
    /// Committee (A/79/L.6)]").
    Title,
    /// The deciding body: "The General Assembly,".
    Chapeau,
    /// A preambular paragraph: "Recalling ...,".
    Preambular,
    /// A numbered operative paragraph: "1. Decides ...;".
    Operative,
    /// A subparagraph `(a)` or `(i)` of a preambular or operative paragraph.
    Subparagraph,
    /// An unnumbered heading among operative paragraphs, or a lettered
    /// section ("A. Cooperation").
    Heading,
    /// A paragraph that is none of the above: a numbered paragraph of a
    /// report (a part with no chapeau whose numbered paragraphs mostly do
    /// not open with an operative verb), or an unnumbered paragraph among
    /// numbered ones (a second paragraph, a bullet).
    Paragraph,
    /// A table, kept whole: its cells are not paragraphs.
    Table,
    /// The heading of an annex ("Annex II").
    Annex,
    /// A footnote definition.
    Footnote,
    /// The closing line of an adopted resolution: "80th plenary meeting
    /// 30 October 2024" (see [`closing`]).
    Closing,
}

impl UnitKind {
    /// The kinds that may be matched with one another when aligning.
    pub fn alignment_class(self) -> u8 {
        match self {
            UnitKind::Title => 0,
            UnitKind::Chapeau => 1,
            UnitKind::Preambular => 2,
            UnitKind::Operative | UnitKind::Paragraph => 3,
            UnitKind::Subparagraph => 4,
            UnitKind::Heading => 5,
            UnitKind::Annex => 6,
            UnitKind::Footnote => 7,
            UnitKind::Table => 8,
            UnitKind::Closing => 9,
        }
    }

    /// Whether the unit is a paragraph of the text proper: preambular,
    /// operative, subparagraph or other paragraph (not a title, heading,
    /// annex heading, footnote or table).
    pub fn is_paragraph(self) -> bool {
        matches!(
            self,
            UnitKind::Preambular
                | UnitKind::Operative
                | UnitKind::Subparagraph
                | UnitKind::Paragraph
        )
    }

    /// A short lower-case name, as in the JSON forms.
    pub fn name(self) -> &'static str {
        match self {
            UnitKind::Title => "title",
            UnitKind::Chapeau => "chapeau",
            UnitKind::Preambular => "preambular",
            UnitKind::Operative => "operative",
            UnitKind::Subparagraph => "subparagraph",
            UnitKind::Heading => "heading",
            UnitKind::Paragraph => "paragraph",
            UnitKind::Annex => "annex",
            UnitKind::Footnote => "footnote",
            UnitKind::Table => "table",
            UnitKind::Closing => "closing",
        }
    }
}

/// One unit of a draft.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Unit {
    /// Stable label: `TITLE`, `CHAPEAU`, `PP3`, `OP12`, `OP12(b)(ii)`, `H4`,
    /// `FN7`, `ANNEX-II`, `ANNEX-II/OP3`, `ANNEX-II/A/OP1`.
    pub label: String,
    /// What the unit is.
    pub kind: UnitKind,
    /// The number or letter as written before the text, with its
    /// punctuation: `12.`, `9 bis.`, `(b)`, `a)`, `[^7]:`.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub marker: Option<String>,
    /// The canonical number: `12`, `9bis`, `b`, `ii`, `7`.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub number: Option<String>,
    /// The text, without its marker, whitespace runs collapsed to one space.
    pub text: String,
    /// Line of the file where the unit starts (1-based).
    pub line: usize,
    /// Index (in [`Resolution::units`]) of the unit this one belongs to:
    /// the paragraph of a subparagraph.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub parent: Option<usize>,
    /// The annex the unit stands in (`ANNEX-II`), if any.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub part: Option<String>,
}

impl Unit {
    /// The unit as one block of a canonical plain-text draft: marker, space,
    /// text.
    pub fn to_block(&self) -> String {
        block(self.marker.as_deref(), &self.text)
    }

    /// How the unit's number reads in a redline: `12`, `9 bis`, `(b)`.
    pub fn display_number(&self) -> Option<String> {
        self.marker.as_deref().map(display_marker)
    }
}

/// A marker as a reader says it: `12.` → `12`, `9 bis.` → `9 bis`,
/// `a)` → `(a)`, `[^7]:` → `7`.
pub fn display_marker(marker: &str) -> String {
    let m = marker.trim();
    if let Some(n) = m.strip_prefix("[^") {
        return n.trim_end_matches(':').trim_end_matches(']').to_string();
    }
    let core = m.trim_end_matches(['.', ')']).trim_start_matches('(');
    if m.ends_with(')') && !core.chars().next().is_some_and(|c| c.is_ascii_digit()) {
        // Pushed, not formatted: a marker a unit (issue 14).
        let mut out = String::with_capacity(core.len() + 2);
        out.push('(');
        out.push_str(core);
        out.push(')');
        out
    } else {
        core.to_string()
    }
}

impl Resolution {
    /// The canonical plain-text form of the draft: one block per unit,
    /// blocks separated by a blank line, footnotes last as `[^N]: text`.
    ///
    /// Parsing this text gives back the same units; it is the normal form
    /// in which "accept all" and "reject all" of a redline are compared.
    pub fn to_text(&self) -> String {
        join_blocks(self.units.iter().map(Unit::to_block))
    }

    /// The units of a kind.
    pub fn of_kind(&self, kind: UnitKind) -> impl Iterator<Item = &Unit> {
        self.units.iter().filter(move |u| u.kind == kind)
    }

    /// The unit with a label.
    pub fn find(&self, label: &str) -> Option<&Unit> {
        self.units.iter().find(|u| u.label == label)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn displays_markers() {
        assert_eq!(display_marker("12."), "12");
        assert_eq!(display_marker("9 bis."), "9 bis");
        assert_eq!(display_marker("a)"), "(a)");
        assert_eq!(display_marker("(ii)"), "(ii)");
        assert_eq!(display_marker("1)"), "1");
        assert_eq!(display_marker("[^7]:"), "7");
    }
}
