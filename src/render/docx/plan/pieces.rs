//! Pieces of text with their side: a paragraph's number (the same number
//! plain, a changed one as the old deleted and the new inserted), word
//! segments, the line ends of a merge, and a preambular paragraph's
//! opening words in italics.

use super::{Piece, Side};
use crate::lang::Language;
use crate::redline::{Entry, Segment, SegmentOp};

pub(super) fn old_marker(e: &Entry, k: usize) -> Option<&str> {
    e.old.get(k).and_then(|o| o.marker.as_deref())
}

pub(super) fn new_marker(e: &Entry) -> Option<&str> {
    e.new.as_ref().and_then(|n| n.marker.as_deref())
}

/// The text with its first letter in capitals.
pub fn capitalise(text: &str) -> String {
    let mut chars = text.chars();
    chars.next().map_or(String::new(), |c| {
        c.to_uppercase().collect::<String>() + chars.as_str()
    })
}

/// The number before a paragraph, and the tab after it: the same number
/// plain; a changed one as the old deleted and the new inserted.
///
/// ```
/// use redraft::render::docx::plan::{marker_pieces, Side};
/// let p = marker_pieces(Some("16."), Some("17."));
/// let sides: Vec<_> = p.iter().map(|p| (p.side, p.text.as_str())).collect();
/// assert_eq!(sides, [(Side::Old, "16."), (Side::New, "17."), (Side::Both, "\t")]);
/// ```
pub fn marker_pieces(old: Option<&str>, new: Option<&str>) -> Vec<Piece> {
    match (old, new) {
        (Some(o), Some(n)) if o == n => vec![Piece::new(Side::Both, format!("{o}\t"))],
        (Some(o), Some(n)) => vec![
            Piece::new(Side::Old, o),
            Piece::new(Side::New, n),
            Piece::new(Side::Both, "\t"),
        ],
        (Some(o), None) => vec![Piece::new(Side::Old, format!("{o}\t"))],
        (None, Some(n)) => vec![Piece::new(Side::New, format!("{n}\t"))],
        (None, None) => Vec::new(),
    }
}

/// The pieces of word-level segments. An `equal` segment whose old text
/// differs is shown as it is in the new version only when the difference
/// is a renumbered footnote reference and the footnotes are Word's (which
/// number themselves); otherwise it is a deletion and an insertion, so that
/// rejecting gives the old text exactly.
pub fn segment_pieces(segments: &[Segment], word_notes: bool) -> Vec<Piece> {
    let mut out = Vec::new();
    for s in segments {
        match (s.op, s.old_text.as_deref()) {
            (SegmentOp::Delete, _) => out.push(Piece::new(Side::Old, s.text.clone())),
            (SegmentOp::Insert, _) => out.push(Piece::new(Side::New, s.text.clone())),
            (SegmentOp::Equal, Some(old))
                if old != s.text && !(word_notes && same_but_notes(old, &s.text)) =>
            {
                out.push(Piece::new(Side::Old, old));
                out.push(Piece::new(Side::New, s.text.clone()));
            }
            (SegmentOp::Equal, _) => out.push(Piece::new(Side::Both, s.text.clone())),
        }
    }
    out
}

/// Whether two texts differ only in the labels of footnote references.
pub(super) fn same_but_notes(a: &str, b: &str) -> bool {
    let blank = |t: &str| {
        super::super::notes::REFERENCE
            .replace_all(t, "[^]")
            .into_owned()
    };
    blank(a) == blank(b)
}

/// Cuts pieces at the line ends that stand for the paragraph breaks of a
/// merge.
pub(super) fn split_at_breaks(pieces: Vec<Piece>) -> Vec<Vec<Piece>> {
    let mut groups = vec![Vec::new()];
    for piece in pieces {
        let mut parts = piece.text.split('\n').peekable();
        while let Some(part) = parts.next() {
            if let Some(group) = groups.last_mut() {
                group.push(Piece {
                    text: part.to_string(),
                    ..piece.clone()
                });
            }
            if parts.peek().is_some() {
                groups.push(Vec::new());
            }
        }
    }
    groups
}

/// Sets the opening words in italics, in each version: the old pieces by
/// the old text's opening, the new ones by the new text's.
pub(super) fn italicise_opening(body: Vec<Piece>, lang: &Language) -> Vec<Piece> {
    let text_of = |old: bool| -> String {
        body.iter()
            .filter(|p| p.side == Side::Both || (p.side == Side::Old) == old)
            .map(|p| p.text.as_str())
            .collect()
    };
    let limits = (
        lang.preambular_opening(&text_of(true)),
        lang.preambular_opening(&text_of(false)),
    );
    let (mut old_at, mut new_at) = (0, 0);
    let mut out = Vec::new();
    for piece in body {
        let (at, limit) = match piece.side {
            Side::Old => (old_at, limits.0),
            _ => (new_at, limits.1),
        };
        let len = piece.text.len();
        match piece.side {
            Side::Old => old_at += len,
            Side::New => new_at += len,
            Side::Both => {
                old_at += len;
                new_at += len;
            }
        }
        let cut = limit.saturating_sub(at).min(len);
        if cut == 0 || !piece.text.is_char_boundary(cut) {
            out.push(piece);
            continue;
        }
        let (head, tail) = piece.text.split_at(cut);
        out.push(Piece {
            side: piece.side,
            text: head.to_string(),
            italic: true,
        });
        if !tail.is_empty() {
            out.push(Piece::new(piece.side, tail));
        }
    }
    out
}
