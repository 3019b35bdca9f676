//! From a redline to the paragraphs of the Word document: each paragraph a
//! list of pieces that belong to both versions, to the old one only
//! (written as deletions) or to the new one only (insertions), and a
//! paragraph mark that belongs to one or both.
//!
//! The plan is what makes "accept all" give the new draft and "reject all"
//! the old one:
//!
//! - a renumbered paragraph's number is a deleted old number and an
//!   inserted new one (`~~16.~~17.`);
//! - a moved paragraph with the same text is a real move (`w:moveFrom` at
//!   its old place, `w:moveTo` at the new); a moved paragraph that was also
//!   edited, split or merged is deleted at its old place and inserted at the
//!   new one, with a comment that shows its changes word by word;
//! - the pieces of a split are paragraphs whose marks, but the last, are
//!   inserted (rejecting them joins the pieces again); the paragraphs of a
//!   merge keep their old paragraphs with deleted marks between them.
//!
//! - [`planner`]: the order of the paragraphs and which entries are
//!   displaced; [`reshaped`]: moves, splits and merges;
//! - [`pieces`]: numbers, word segments and italic opening words as pieces.

mod pieces;
mod planner;
mod reshaped;

pub use pieces::{capitalise, marker_pieces, segment_pieces};

use crate::model::UnitKind;
use crate::redline::{Entry, Op, Redline};
use planner::Planner;

/// Which versions a piece of text or a paragraph mark belongs to.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Side {
    /// Both versions: plain text.
    Both,
    /// The old version only: a deletion.
    Old,
    /// The new version only: an insertion.
    New,
}

/// A run of text with one side.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Piece {
    /// Which versions it belongs to.
    pub side: Side,
    /// The text; footnote references as `[^N]`; a tab after a number.
    pub text: String,
    /// Set in italics (a preambular paragraph's opening words).
    pub italic: bool,
}

impl Piece {
    /// A piece of one side, not in italics.
    pub fn new(side: Side, text: impl Into<String>) -> Piece {
        Piece {
            side,
            text: text.into(),
            italic: false,
        }
    }
}

/// The paragraph styles of the document.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Style {
    /// Title lines.
    Title,
    /// "The General Assembly,".
    Chapeau,
    /// Preambular paragraphs.
    Preambular,
    /// Operative paragraphs.
    Operative,
    /// Subparagraphs.
    Subparagraph,
    /// Section headings.
    Heading,
    /// Annex headings.
    Annex,
    /// Other paragraphs.
    Plain,
    /// Footnote text (in footnotes, or footnote definitions written as
    /// paragraphs).
    Footnote,
}

impl Style {
    /// The style of a kind of unit.
    pub fn of(kind: UnitKind) -> Style {
        match kind {
            UnitKind::Title => Style::Title,
            UnitKind::Chapeau => Style::Chapeau,
            UnitKind::Preambular => Style::Preambular,
            UnitKind::Operative => Style::Operative,
            UnitKind::Subparagraph => Style::Subparagraph,
            UnitKind::Heading => Style::Heading,
            UnitKind::Annex => Style::Annex,
            UnitKind::Footnote => Style::Footnote,
            _ => Style::Plain,
        }
    }
}

/// One paragraph of the document.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Para {
    /// Its style.
    pub style: Style,
    /// Its text.
    pub pieces: Vec<Piece>,
    /// Which versions its paragraph mark belongs to: a mark only in the old
    /// version joins the paragraph to the next when changes are accepted.
    pub mark: Side,
    /// For a moved paragraph, the number of the move: its old pieces are
    /// `w:moveFrom`, its new ones `w:moveTo`.
    pub moved: Option<usize>,
    /// A comment on the whole paragraph.
    pub comment: Option<String>,
    /// How many of the first pieces are the paragraph's number and the tab
    /// after it.
    pub markers: usize,
    /// The redline entry the paragraph writes.
    pub entry: Option<usize>,
}

/// Plans the paragraphs of a redline. With `word_notes`, footnote entries
/// are left out (they become Word footnotes); otherwise they are
/// paragraphs like any other.
pub fn plan(redline: &Redline, word_notes: bool) -> Vec<Para> {
    let mut planner = Planner::new(redline, word_notes);
    let anchors: Vec<Vec<usize>> = (0..redline.entries.len())
        .map(|k| planner.anchors(k))
        .collect();
    if increasing(&anchors.concat()) {
        return (0..anchors.len())
            .flat_map(|k| of_entry(planner.entry(k), k))
            .collect();
    }
    planner.moves.clear();
    planner.with_displaced(&anchors)
}

/// Paragraphs marked as written for entry `k`.
fn of_entry(paras: Vec<Para>, k: usize) -> Vec<Para> {
    paras
        .into_iter()
        .map(|p| Para {
            entry: Some(k),
            ..p
        })
        .collect()
}

fn increasing(indices: &[usize]) -> bool {
    indices.windows(2).all(|w| w[0] < w[1])
}

/// The pieces of a footnote's text: tracked for a footnote referred to in
/// both versions, plain otherwise (the reference itself carries the change).
pub fn note_pieces(entry: &Entry, side: Side, word_notes: bool) -> Vec<Piece> {
    match (side, entry.op) {
        (Side::Both, Op::Unchanged | Op::Edited) => segment_pieces(&entry.segments, word_notes),
        (Side::Both, _) => vec![
            Piece::new(Side::Old, entry.old_text()),
            Piece::new(Side::New, entry.new_text()),
        ],
        (Side::Old, _) => vec![Piece::new(Side::Both, entry.old_text())],
        (Side::New, _) => vec![Piece::new(Side::Both, entry.new_text())],
    }
}
