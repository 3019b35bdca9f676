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

use crate::lang::Language;
use crate::model::UnitKind;
use crate::redline::{Entry, Op, Redline, Segment, SegmentOp};
use std::collections::{BTreeMap, HashMap, HashSet};

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

struct Planner<'a> {
    entries: &'a [Entry],
    lang: &'static Language,
    word_notes: bool,
    /// Old unit index → the moved entry whose old text stands at its stub.
    relocated: HashMap<usize, usize>,
    /// Entries written at their new place as new text only.
    moved_entries: HashSet<usize>,
    /// Entries and stubs of real moves → the move's number.
    moves: HashMap<usize, usize>,
}

impl<'a> Planner<'a> {
    fn new(redline: &'a Redline, word_notes: bool) -> Planner<'a> {
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

    fn find_moves(&mut self) {
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
    fn anchors(&self, k: usize) -> Vec<usize> {
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
    fn with_displaced(&self, anchors: &[Vec<usize>]) -> Vec<Para> {
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

    fn displaced(&self, anchors: &[Vec<usize>]) -> HashSet<usize> {
        let carriers: Vec<usize> = (0..anchors.len())
            .filter(|&k| !anchors[k].is_empty())
            .collect();
        let pairs: Vec<(usize, usize, u64)> = carriers
            .iter()
            .map(|&k| (k, anchors[k][0], anchors[k].len() as u64))
            .collect();
        let kept = crate::align::lis::in_order(&pairs);
        let mut displaced = HashSet::new();
        let mut last = None;
        for (&k, kept) in carriers.iter().zip(kept) {
            let fits = kept && increasing(&anchors[k]) && last.is_none_or(|l| anchors[k][0] > l);
            if fits {
                last = anchors[k].last().copied();
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
    fn old_content(&self, k: usize) -> Vec<Para> {
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
    fn new_only(&self, k: usize) -> Vec<Para> {
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

    fn skipped(&self, e: &Entry) -> bool {
        self.word_notes && e.kind == UnitKind::Footnote
    }

    fn entry(&self, k: usize) -> Vec<Para> {
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
    fn whole(&self, e: &Entry, side: Side, comment: Option<String>) -> Para {
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

    fn paired(&self, e: &Entry) -> Para {
        let marker = marker_pieces(old_marker(e, 0), new_marker(e));
        let body = segment_pieces(&e.segments, self.word_notes);
        self.para(Style::of(e.kind), marker, body, Side::Both)
    }

    /// The old place of a moved unit.
    fn stub(&self, s: usize) -> Vec<Para> {
        let stub = &self.entries[s];
        let Some(&k) = stub.old.first().and_then(|o| self.relocated.get(&o.index)) else {
            return Vec::new();
        };
        let e = &self.entries[k];
        let to = e.new.as_ref().map_or("", |n| n.label.as_str());
        if let Some(&number) = self.moves.get(&s) {
            let mut para = self.whole(e, Side::Old, Some(format!("Moved to {to}")));
            para.moved = Some(number);
            return vec![para];
        }
        let note = format!("Moved to {to} (shown there as an insertion)");
        self.old_units(k, note)
    }

    /// Every old unit of a moved entry (and of its split pieces) as
    /// deleted paragraphs.
    fn old_units(&self, k: usize, note: String) -> Vec<Para> {
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
    fn moved_here(&self, k: usize) -> Vec<Para> {
        let e = &self.entries[k];
        let from = e.old.first().map_or("", |o| o.label.as_str());
        if let Some(&number) = self.moves.get(&k) {
            let mut para = self.whole(e, Side::New, Some(format!("Moved from {from}")));
            para.moved = Some(number);
            return vec![para];
        }
        let mut note = super::super::annotation(e).unwrap_or_else(|| format!("moved from {from}"));
        if e.op != Op::Unchanged {
            note.push_str(". Changes: ");
            note.push_str(&super::super::text::block(e));
        }
        vec![self.whole(e, Side::New, Some(capitalise(&note)))]
    }

    /// One piece of a split: its mark is inserted unless it is the last, so
    /// that rejecting joins the pieces again. Pieces that do not stand
    /// together are written as the old unit deleted and the pieces inserted.
    fn split(&self, k: usize) -> Vec<Para> {
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
    fn split_group(&self, k: usize) -> Vec<usize> {
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

    fn split_is_together(&self, k: usize) -> bool {
        let group = self.split_group(k);
        let of = self.entries[k].piece.map_or(0, |p| p.of);
        group.len() == of
            && group.windows(2).all(|w| w[1] == w[0] + 1)
            && group
                .iter()
                .enumerate()
                .all(|(i, &j)| self.entries[j].piece.map(|p| p.index) == Some(i + 1))
    }

    fn split_old_text(&self, k: usize) -> String {
        let group = self.split_group(k);
        group.iter().map(|&j| self.entries[j].old_text()).collect()
    }

    fn split_note(&self, k: usize) -> String {
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
    fn merged(&self, e: &Entry) -> Vec<Para> {
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

    fn old_units_of(&self, e: &Entry) -> Vec<Para> {
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

    /// A paragraph: marker pieces, then the body, whose opening words are
    /// set in italics in preambular paragraphs.
    fn para(&self, style: Style, marker: Vec<Piece>, body: Vec<Piece>, mark: Side) -> Para {
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

fn old_marker(e: &Entry, k: usize) -> Option<&str> {
    e.old.get(k).and_then(|o| o.marker.as_deref())
}

fn new_marker(e: &Entry) -> Option<&str> {
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
fn same_but_notes(a: &str, b: &str) -> bool {
    let blank = |t: &str| super::notes::REFERENCE.replace_all(t, "[^]").into_owned();
    blank(a) == blank(b)
}

/// Cuts pieces at the line ends that stand for the paragraph breaks of a
/// merge.
fn split_at_breaks(pieces: Vec<Piece>) -> Vec<Vec<Piece>> {
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
fn italicise_opening(body: Vec<Piece>, lang: &Language) -> Vec<Piece> {
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
