//! Units that moved, split or merged, as paragraphs: a real move is
//! `w:moveFrom` at the old place and `w:moveTo` at the new; a split's
//! pieces are paragraphs whose marks, but the last, are inserted; a
//! merge's old paragraphs keep deleted marks between them.
//!
//! ```text
//! OP3 split into OP3, OP4:   [3. Decides that…¶ins] [4. …and requests…¶]
//! OP3, OP4 merged into OP3:  [3. Decides…¶del] [~~4.~~ …requests…¶]
//! ```

use super::pieces::{
    capitalise, marker_pieces, new_marker, old_marker, segment_pieces, split_at_breaks,
};
use super::planner::Planner;
use super::{Para, Piece, Side, Style};
use crate::redline::{Entry, Op};

impl Planner<'_> {
    /// The old place of a moved unit.
    pub(super) fn stub(&self, s: usize) -> Vec<Para> {
        let stub = &self.entries[s];
        let Some(&k) = stub.old.first().and_then(|o| self.relocated.get(&o.index)) else {
            return Vec::new();
        };
        let e = &self.entries[k];
        let to = e.new.as_ref().map_or("", |n| n.label.as_str());
        if let Some(&number) = self.moves.get(&s) {
            return self.move_end(e, Side::Old, format!("Moved to {to}"), number);
        }
        let note = format!("Moved to {to} (shown there as an insertion)");
        self.old_units(k, note)
    }

    /// One end of a real move (Word's `w:moveFrom` or `w:moveTo`): the
    /// whole unit on `side`, marked as move `number`, with `comment`.
    fn move_end(&self, e: &Entry, side: Side, comment: String, number: usize) -> Vec<Para> {
        let mut para = self.whole(e, side, Some(comment));
        para.moved = Some(number);
        vec![para]
    }

    /// Every old unit of a moved entry (and of its split pieces) as
    /// deleted paragraphs.
    pub(super) fn old_units(&self, k: usize, note: String) -> Vec<Para> {
        let e = &self.entries[k];
        let texts: Vec<String> = if e.op == Op::Split {
            vec![self.split_old_text(k)]
        } else {
            e.old_text().split('\n').map(str::to_string).collect()
        };
        let mut note = Some(note);
        e.old
            .iter()
            .zip(texts)
            .map(|(side, text)| {
                let marker = marker_pieces(side.marker.as_deref(), None);
                let body = vec![Piece::new(Side::Old, text)];
                let mut para = self.para(Style::of(e.kind), marker, body, Side::Old);
                para.comment = note.take();
                para
            })
            .collect()
    }

    /// The new place of a moved unit.
    pub(super) fn moved_here(&self, k: usize) -> Vec<Para> {
        let e = &self.entries[k];
        let from = e.old.first().map_or("", |o| o.label.as_str());
        if let Some(&number) = self.moves.get(&k) {
            return self.move_end(e, Side::New, format!("Moved from {from}"), number);
        }
        let mut note = crate::render::annotation(e).unwrap_or_else(|| format!("moved from {from}"));
        if e.op != Op::Unchanged {
            note.push_str(". Changes: ");
            note.push_str(&crate::render::redline::text::block(e));
        }
        vec![self.whole(e, Side::New, Some(capitalise(&note)))]
    }

    /// One piece of a split: its mark is inserted unless it is the last, so
    /// that rejecting joins the pieces again. Pieces that do not stand
    /// together are written as the old unit deleted and the pieces inserted.
    pub(super) fn split(&self, k: usize) -> Vec<Para> {
        let e = &self.entries[k];
        let Some(piece) = e.piece else {
            return vec![self.paired(e)];
        };
        if !self.split_is_together(k) {
            let mut out = Vec::new();
            if piece.index == 1 {
                out.extend(self.old_units(k, "Split; shown as deletion and insertions".into()));
            }
            out.push(self.whole(e, Side::New, None));
            return out;
        }
        let old = if piece.index == 1 {
            old_marker(e, 0)
        } else {
            None
        };
        let marker = marker_pieces(old, new_marker(e));
        let body = segment_pieces(&e.segments, self.word_notes);
        let mark = if piece.index < piece.of {
            Side::New
        } else {
            Side::Both
        };
        let mut para = self.para(Style::of(e.kind), marker, body, mark);
        if piece.index == 1 {
            para.comment = Some(self.split_note(k));
        }
        vec![para]
    }

    /// The entries of the split that `k` is a piece of, by piece index.
    pub(super) fn split_group(&self, k: usize) -> Vec<usize> {
        let index = self.entries[k].old.first().map(|o| o.index);
        let mut group: Vec<usize> = (0..self.entries.len())
            .filter(|&j| {
                let e = &self.entries[j];
                e.op == Op::Split && e.old.first().map(|o| o.index) == index
            })
            .collect();
        group.sort_by_key(|&j| self.entries[j].piece.map_or(0, |p| p.index));
        group
    }

    pub(super) fn split_is_together(&self, k: usize) -> bool {
        let group = self.split_group(k);
        let of = self.entries[k].piece.map_or(0, |p| p.of);
        group.len() == of
            && group.windows(2).all(|w| w[1] == w[0] + 1)
            && group
                .iter()
                .enumerate()
                .all(|(i, &j)| self.entries[j].piece.map(|p| p.index) == Some(i + 1))
    }

    pub(super) fn split_old_text(&self, k: usize) -> String {
        let group = self.split_group(k);
        group.iter().map(|&j| self.entries[j].old_text()).collect()
    }

    pub(super) fn split_note(&self, k: usize) -> String {
        let labels: Vec<String> = self
            .split_group(k)
            .iter()
            .filter_map(|&j| self.entries[j].new.as_ref().map(|n| n.label.clone()))
            .collect();
        let from = self.entries[k].old.first().map_or("", |o| o.label.as_str());
        format!("Split: {from} became {}", labels.join(", "))
    }

    /// A merge: the old paragraphs, with deleted marks between them, so
    /// that accepting joins them.
    pub(super) fn merged(&self, e: &Entry) -> Vec<Para> {
        let groups = split_at_breaks(segment_pieces(&e.segments, self.word_notes));
        if groups.len() != e.old.len() {
            let mut out = self.old_units_of(e);
            out.push(self.whole(e, Side::New, None));
            return out;
        }
        let last = groups.len() - 1;
        let mut out: Vec<Para> = groups
            .into_iter()
            .enumerate()
            .map(|(g, body)| {
                let new = if g == 0 { new_marker(e) } else { None };
                let marker = marker_pieces(old_marker(e, g), new);
                let mark = if g < last { Side::Old } else { Side::Both };
                self.para(Style::of(e.kind), marker, body, mark)
            })
            .collect();
        let olds: Vec<&str> = e.old.iter().map(|o| o.label.as_str()).collect();
        let new = e.new.as_ref().map_or("", |n| n.label.as_str());
        out[0].comment = Some(format!("Merged: {} became {new}", olds.join(", ")));
        out
    }

    pub(super) fn old_units_of(&self, e: &Entry) -> Vec<Para> {
        let texts: Vec<String> = e.old_text().split('\n').map(str::to_string).collect();
        e.old
            .iter()
            .zip(texts)
            .map(|(side, text)| {
                let marker = marker_pieces(side.marker.as_deref(), None);
                let body = vec![Piece::new(Side::Old, text)];
                self.para(Style::of(e.kind), marker, body, Side::Old)
            })
            .collect()
    }
}
