//! The [`Planner`]: which paragraphs each entry of the redline writes, and
//! in which order, so that the old units are met in their order when
//! every change is rejected. Real moves are found first ([`Planner::new`]);
//! an entry whose old units would be met out of order is written as an
//! insertion at its new place and a deletion at its old one
//! ([`Planner::with_displaced`]).

use super::pieces::{italicise_opening, marker_pieces, new_marker, old_marker, segment_pieces};
use super::{Para, Piece, Side, Style, increasing, of_entry};
use crate::lang::Language;
use crate::model::UnitKind;
use crate::redline::{Entry, Op, Redline};
use std::collections::{BTreeMap, HashMap, HashSet};

/// Plans the paragraphs of one redline: its entries, its language (for
/// italic opening words), and the moves found in it.
pub(super) struct Planner<'a> {
    pub(super) entries: &'a [Entry],
    pub(super) lang: &'static Language,
    pub(super) word_notes: bool,
    /// Old unit index → the moved entry whose old text stands at its stub.
    pub(super) relocated: HashMap<usize, usize>,
    /// Entries written at their new place as new text only.
    pub(super) moved_entries: HashSet<usize>,
    /// Entries and stubs of real moves → the move's number.
    pub(super) moves: HashMap<usize, usize>,
}

impl<'a> Planner<'a> {
    pub(super) fn new(redline: &'a Redline, word_notes: bool) -> Planner<'a> {
        let entries = redline.entries.as_slice();
        let mut p = Planner {
            entries,
            lang: redline.new.lang.table(),
            word_notes,
            relocated: HashMap::new(),
            moved_entries: HashSet::new(),
            moves: HashMap::new(),
        };
        p.find_moves();
        p
    }

    pub(super) fn find_moves(&mut self) {
        for (s, stub) in self.entries.iter().enumerate() {
            let Some(index) = (stub.op == Op::MovedAway)
                .then(|| stub.old.first().map(|o| o.index))
                .flatten()
            else {
                continue;
            };
            let targets: Vec<usize> = (0..self.entries.len())
                .filter(|&k| {
                    let e = &self.entries[k];
                    e.op != Op::MovedAway
                        && e.moved
                        && e.old.first().map(|o| o.index) == Some(index)
                })
                .collect();
            let Some(&first) = targets.first() else {
                continue;
            };
            self.relocated.insert(index, first);
            self.moved_entries.extend(targets.iter().copied());
            let e = &self.entries[first];
            if targets.len() == 1 && e.op == Op::Unchanged && e.old.len() == 1 {
                let number = self.moves.len() / 2 + 1;
                self.moves.insert(s, number);
                self.moves.insert(first, number);
            }
        }
    }

    /// The old units whose text entry `k` writes at its place: reading the
    /// document with changes rejected meets them in this order.
    pub(super) fn anchors(&self, k: usize) -> Vec<usize> {
        let e = &self.entries[k];
        let first = e.old.first().map(|o| o.index);
        if self.skipped(e) || e.op == Op::Inserted || self.moved_entries.contains(&k) {
            return Vec::new();
        }
        match e.op {
            Op::MovedAway => match first.and_then(|i| self.relocated.get(&i)) {
                Some(&target) if self.entries[target].op == Op::Split => {
                    first.into_iter().collect()
                }
                Some(&target) => self.entries[target].old.iter().map(|o| o.index).collect(),
                None => Vec::new(),
            },
            Op::Split if e.piece.is_some_and(|p| p.index > 1) => Vec::new(),
            _ => e.old.iter().map(|o| o.index).collect(),
        }
    }

    /// When the old units would not be met in their order (the aligner may
    /// pair repeated paragraphs across each other), the entries that keep
    /// the longest run in order stay as they are; the others are written as
    /// insertions at their new place and their old text as deletions where
    /// it stood in the old draft.
    pub(super) fn with_displaced(&self, anchors: &[Vec<usize>]) -> Vec<Para> {
        let displaced = self.displaced(anchors);
        let mut queue: BTreeMap<usize, Para> = BTreeMap::new();
        for &k in &displaced {
            let old = of_entry(self.old_content(k), k);
            queue.extend(anchors[k].iter().copied().zip(old));
        }
        let mut out = Vec::new();
        for (k, anchor) in anchors.iter().enumerate() {
            if displaced.contains(&k) {
                out.extend(of_entry(self.new_only(k), k));
                continue;
            }
            if let Some(&first) = anchor.first() {
                let later = queue.split_off(&first);
                out.extend(std::mem::replace(&mut queue, later).into_values());
            }
            out.extend(of_entry(self.entry(k), k));
        }
        out.extend(queue.into_values());
        out
    }

    /// The entries written out of place. The redline's order decides:
    /// entries that kept their place among their neighbours (not `moved`;
    /// the stubs of moved units stand at their old places) stay, in turn,
    /// as long as their old units come after the last kept one's; any other
    /// (an aligner may pair repeated paragraphs across each other) is
    /// displaced, with the other pieces of its split.
    pub(super) fn displaced(&self, anchors: &[Vec<usize>]) -> HashSet<usize> {
        let mut displaced = HashSet::new();
        let mut last = None;
        for (k, anchor) in anchors.iter().enumerate() {
            let Some(&first) = anchor.first() else {
                continue;
            };
            let e = &self.entries[k];
            let kept = !e.moved || e.op == Op::MovedAway;
            if kept && increasing(anchor) && last.is_none_or(|l| first > l) {
                last = anchor.last().copied();
            } else {
                displaced.insert(k);
            }
        }
        for k in displaced.clone() {
            if self.entries[k].op == Op::Split {
                displaced.extend(self.split_group(k));
            }
        }
        displaced
    }

    /// The old text an entry writes, as deleted paragraphs.
    pub(super) fn old_content(&self, k: usize) -> Vec<Para> {
        let e = &self.entries[k];
        let target = e.old.first().and_then(|o| self.relocated.get(&o.index));
        match (e.op, target) {
            (Op::MovedAway, Some(&t)) => {
                let to = self.entries[t]
                    .new
                    .as_ref()
                    .map_or("", |n| n.label.as_str());
                self.old_units(t, format!("Moved to {to} (shown there as an insertion)"))
            }
            _ => {
                let note = match &e.new {
                    Some(n) => format!(
                        "Shown here as a deletion and at {} as an insertion",
                        n.label
                    ),
                    None => "Deleted".to_string(),
                };
                self.old_units(k, note)
            }
        }
    }

    /// An entry's new text only, as an inserted paragraph.
    pub(super) fn new_only(&self, k: usize) -> Vec<Para> {
        let e = &self.entries[k];
        if e.op == Op::MovedAway || e.new.is_none() || self.skipped(e) {
            return Vec::new();
        }
        if self.moved_entries.contains(&k) {
            return self.moved_here(k);
        }
        let from = e.old.first().map(|o| format!("Formerly {}", o.label));
        vec![self.whole(e, Side::New, from)]
    }

    pub(super) fn skipped(&self, e: &Entry) -> bool {
        self.word_notes && e.kind == UnitKind::Footnote
    }

    pub(super) fn entry(&self, k: usize) -> Vec<Para> {
        let e = &self.entries[k];
        if self.skipped(e) {
            return Vec::new();
        }
        match e.op {
            Op::MovedAway => self.stub(k),
            _ if self.moved_entries.contains(&k) => self.moved_here(k),
            Op::Inserted => vec![self.whole(e, Side::New, None)],
            Op::Deleted => vec![self.whole(e, Side::Old, None)],
            Op::Split => self.split(k),
            Op::Merged => self.merged(e),
            _ => vec![self.paired(e)],
        }
    }

    /// A paragraph of one side only: marker and text.
    pub(super) fn whole(&self, e: &Entry, side: Side, comment: Option<String>) -> Para {
        let (marker, text) = match side {
            Side::Old => (e.old.first().and_then(|o| o.marker.clone()), e.old_text()),
            _ => (e.new.as_ref().and_then(|n| n.marker.clone()), e.new_text()),
        };
        let marker = marker.map(|m| vec![Piece::new(side, format!("{m}\t"))]);
        let body = vec![Piece::new(side, text)];
        let mut para = self.para(Style::of(e.kind), marker.unwrap_or_default(), body, side);
        para.comment = comment;
        para
    }

    pub(super) fn paired(&self, e: &Entry) -> Para {
        let marker = marker_pieces(old_marker(e, 0), new_marker(e));
        let body = segment_pieces(&e.segments, self.word_notes);
        self.para(Style::of(e.kind), marker, body, Side::Both)
    }

    /// A paragraph: marker pieces, then the body, whose opening words are
    /// set in italics in preambular paragraphs.
    pub(super) fn para(
        &self,
        style: Style,
        marker: Vec<Piece>,
        body: Vec<Piece>,
        mark: Side,
    ) -> Para {
        let body = if style == Style::Preambular {
            italicise_opening(body, self.lang)
        } else {
            body
        };
        let markers = marker.len();
        let mut pieces = marker;
        pieces.extend(body.into_iter().filter(|p| !p.text.is_empty()));
        Para {
            style,
            pieces,
            mark,
            moved: None,
            comment: None,
            markers,
            entry: None,
        }
    }
}
