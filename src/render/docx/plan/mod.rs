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

#[cfg(test)]
mod tests {
    use super::*;
    use crate::{diff, model};

    fn redline_of(old: &str, new: &str) -> Redline {
        let opts = model::ParseOptions::default();
        let old = model::parse(old, &opts).expect("old parses");
        let new = model::parse(new, &opts).expect("new parses");
        diff::redline(&old, &new, &diff::Options::default())
    }

    /// The document's paragraphs once every change is accepted (`old`
    /// false) or rejected: a paragraph mark of the other side joins its
    /// paragraph to the next.
    fn resolved(paras: &[Para], old: bool) -> Vec<String> {
        let other = if old { Side::New } else { Side::Old };
        let mut out = Vec::new();
        let mut open = String::new();
        for para in paras {
            for piece in para.pieces.iter().filter(|p| p.side != other) {
                open.push_str(&piece.text);
            }
            if para.mark != other {
                out.push(std::mem::take(&mut open));
            }
        }
        out.into_iter()
            .map(|p| p.split_whitespace().collect::<Vec<_>>().join(" "))
            .filter(|p| !p.is_empty())
            .collect()
    }

    fn blocks(text: &str) -> Vec<String> {
        text.split("\n\n")
            .map(|p| p.split_whitespace().collect::<Vec<_>>().join(" "))
            .filter(|p| !p.is_empty())
            .collect()
    }

    fn assert_exact(redline: &Redline) {
        let paras = plan(redline, false);
        assert_eq!(resolved(&paras, false), blocks(&redline.accept_all()));
        assert_eq!(resolved(&paras, true), blocks(&redline.reject_all()));
    }

    const OLD: &str = "The General Assembly,\n\n1. Decides to act.\n\n2. Requests a report.\n\n3. Invites States to help.";

    #[test]
    fn unchanged_paragraph_is_one_plain_paragraph() {
        let paras = plan(&redline_of(OLD, OLD), false);
        assert_eq!(paras.len(), 4);
        for para in &paras {
            assert_eq!(para.mark, Side::Both);
            assert!(para.pieces.iter().all(|p| p.side == Side::Both));
            assert!(para.comment.is_none() && para.moved.is_none());
        }
        assert_eq!(paras[1].markers, 1);
        assert_eq!(paras[1].pieces[0].text, "1.\t");
        assert_eq!(paras[1].style, Style::Operative);
        assert_eq!(
            paras.iter().map(|p| p.entry).collect::<Vec<_>>(),
            [Some(0), Some(1), Some(2), Some(3)]
        );
    }

    #[test]
    fn renumbered_paragraph_shows_old_number_deleted_and_new_inserted() {
        let new = "The General Assembly,\n\n1. Welcomes the report.\n\n2. Decides to act.\n\n3. Requests a report.\n\n4. Invites States to help.";
        let redline = redline_of(OLD, new);
        let paras = plan(&redline, false);
        let inserted = &paras[1];
        assert_eq!(inserted.mark, Side::New);
        assert!(inserted.pieces.iter().all(|p| p.side == Side::New));
        let renumbered = &paras[2];
        assert_eq!(renumbered.mark, Side::Both);
        let marker: Vec<(Side, &str)> = renumbered.pieces[..renumbered.markers]
            .iter()
            .map(|p| (p.side, p.text.as_str()))
            .collect();
        assert_eq!(
            marker,
            [(Side::Old, "1."), (Side::New, "2."), (Side::Both, "\t")]
        );
        assert_exact(&redline);
    }

    #[test]
    fn deleted_paragraph_has_a_deleted_mark() {
        let new = "The General Assembly,\n\n1. Decides to act.\n\n2. Invites States to help.";
        let redline = redline_of(OLD, new);
        let paras = plan(&redline, false);
        let deleted: Vec<&Para> = paras.iter().filter(|p| p.mark == Side::Old).collect();
        assert_eq!(deleted.len(), 1);
        assert!(deleted[0].pieces.iter().all(|p| p.side == Side::Old));
        assert!(
            deleted[0]
                .pieces
                .iter()
                .any(|p| p.text.contains("Requests a report."))
        );
        assert_exact(&redline);
    }

    #[test]
    fn moved_paragraph_is_a_real_move_from_its_old_place_to_its_new() {
        let new = "The General Assembly,\n\n1. Invites States to help.\n\n2. Decides to act.\n\n3. Requests a report.";
        let redline = redline_of(OLD, new);
        let paras = plan(&redline, false);
        let moved: Vec<&Para> = paras.iter().filter(|p| p.moved.is_some()).collect();
        assert_eq!(moved.len(), 2, "{paras:#?}");
        assert_eq!(moved[0].moved, moved[1].moved);
        assert_eq!(moved[0].mark, Side::New, "the new place comes first");
        assert_eq!(moved[1].mark, Side::Old);
        assert!(
            moved[1]
                .comment
                .as_deref()
                .is_some_and(|c| c.starts_with("Moved to"))
        );
        assert_exact(&redline);
    }

    #[test]
    fn split_pieces_have_inserted_marks_but_the_last() {
        let old = "The General Assembly,\n\n1. Decides to act.\n\n2. Requests the Secretary-General to submit a report on the implementation of the present resolution, and decides to include the item in the provisional agenda of its next session.";
        let new = "The General Assembly,\n\n1. Decides to act.\n\n2. Requests the Secretary-General to submit a report on the implementation of the present resolution;\n\n3. Decides to include the item in the provisional agenda of its next session.";
        let redline = redline_of(old, new);
        assert!(
            redline.entries.iter().any(|e| e.op == Op::Split),
            "{redline:#?}"
        );
        let paras = plan(&redline, false);
        let marks: Vec<Side> = paras[2..].iter().map(|p| p.mark).collect();
        assert_eq!(marks, [Side::New, Side::Both]);
        let note = paras[2].comment.as_deref().unwrap_or_default();
        assert!(note.starts_with("Split"), "{note}");
        assert_exact(&redline);
    }

    #[test]
    fn preambular_opening_words_are_italic_in_each_version() {
        let old = "The General Assembly,\n\nRecalling its resolution 1,\n\n1. Decides to act.";
        let new = "The General Assembly,\n\nReaffirming its resolution 1,\n\n1. Decides to act.";
        let paras = plan(&redline_of(old, new), false);
        let italic: Vec<(Side, &str)> = paras[1]
            .pieces
            .iter()
            .filter(|p| p.italic)
            .map(|p| (p.side, p.text.as_str()))
            .collect();
        assert_eq!(
            italic,
            [(Side::Old, "Recalling"), (Side::New, "Reaffirming")]
        );
    }

    #[test]
    fn fixtures_accept_and_reject_to_each_version() {
        let pairs = [
            (
                include_str!("../../../../fixtures/move/old.txt"),
                include_str!("../../../../fixtures/move/new.txt"),
            ),
            (
                include_str!("../../../../fixtures/split/old.txt"),
                include_str!("../../../../fixtures/split/new.txt"),
            ),
            (
                include_str!("../../../../fixtures/merge/old.txt"),
                include_str!("../../../../fixtures/merge/new.txt"),
            ),
            (
                include_str!("../../../../fixtures/swapped-order/old.txt"),
                include_str!("../../../../fixtures/swapped-order/new.txt"),
            ),
            (
                include_str!("../../../../fixtures/near-duplicate-deleted/old.txt"),
                include_str!("../../../../fixtures/near-duplicate-deleted/new.txt"),
            ),
        ];
        for (old, new) in pairs {
            assert_exact(&redline_of(old, new));
        }
    }

    /// Two paragraphs paired across each other without a move (as an
    /// aligner may pair repeated paragraphs): the one out of order is
    /// written as an insertion at its new place and its old text as a
    /// deletion where it stood, so that rejecting still gives the old order.
    #[test]
    fn entries_out_of_order_are_displaced() {
        let old = "The General Assembly,\n\n1. Decides to act.\n\n2. Requests a report.";
        let new = "The General Assembly,\n\n1. Requests a report.\n\n2. Decides to act.";
        let mut redline = redline_of(old, new);
        redline.entries.retain(|e| e.op != Op::MovedAway);
        for e in &mut redline.entries {
            e.moved = false;
        }
        let paras = plan(&redline, false);
        let marks = |side| paras.iter().filter(|p| p.mark == side).count();
        assert_eq!((marks(Side::New), marks(Side::Old)), (1, 1), "{paras:#?}");
        let deleted = paras.iter().find(|p| p.mark == Side::Old).expect("deleted");
        let note = deleted.comment.as_deref().unwrap_or_default();
        assert!(note.starts_with("Shown here as a deletion"), "{note}");
        assert_eq!(resolved(&paras, false), blocks(&redline.accept_all()));
        assert_eq!(resolved(&paras, true), blocks(&redline.reject_all()));
    }

    #[test]
    fn word_footnotes_are_left_out_of_the_body() {
        let text = "The General Assembly,\n\n1. Decides to act.[^1]\n\n[^1]: A note.";
        let redline = redline_of(text, text);
        let with_word = plan(&redline, true);
        let without = plan(&redline, false);
        assert_eq!(with_word.len() + 1, without.len());
        assert!(without.iter().any(|p| p.style == Style::Footnote));
        assert!(with_word.iter().all(|p| p.style != Style::Footnote));
    }

    #[test]
    fn footnote_pieces_are_tracked_only_when_referred_to_in_both() {
        let old = "The General Assembly,\n\n1. Decides to act.[^1]\n\n[^1]: A note.";
        let new = "The General Assembly,\n\n1. Decides to act.[^1]\n\n[^1]: A new note.";
        let redline = redline_of(old, new);
        let note = redline
            .entries
            .iter()
            .find(|e| e.kind == UnitKind::Footnote)
            .expect("a footnote entry");
        let both = note_pieces(note, Side::Both, true);
        assert!(
            both.iter()
                .any(|p| p.side == Side::New && p.text.contains("new"))
        );
        let old_only = note_pieces(note, Side::Old, true);
        assert_eq!(old_only, [Piece::new(Side::Both, "A note.")]);
    }
}
