//! Diff: from an alignment to a [`Redline`], and the [`Comparison`] that
//! carries both drafts, their alignment and their redline to renderers and
//! amendments ([`compare`]).
//!
//! Every matched pair is diffed word by word ([`words`]), after the
//! tokenising of [`tokenize`] and with the clean-up of [`cleanup`]; entries
//! are laid out in the order of the new version, with deleted units and
//! stubs of moved ones where they stood in the old. This is the only module
//! that uses `similar`.

pub mod anchor;
pub mod cleanup;
mod comparison;
pub mod patience;
mod reuse;
mod texthash;
pub mod tokenize;
pub mod words;

use crate::align::{self, Alignment, Match};
use crate::model::{Resolution, UnitKind};
use crate::redline::{
    Entry, Op, Piece, REDLINE_VERSION, Redline, Segment, SegmentOp, Side, Version,
};
use words::FootnoteMap;

pub use comparison::{Comparison, compare};

/// How fine the diff inside a changed word is.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
#[cfg_attr(feature = "cli", derive(clap::ValueEnum))]
pub enum Granularity {
    /// Whole tokens (words, numbers, symbols) change.
    #[default]
    Word,
    /// Inside a changed token replaced by one token, characters change.
    Char,
}

/// Options of the diff.
#[derive(Debug, Clone, Default)]
pub struct Options {
    /// Word or character granularity.
    pub granularity: Granularity,
}

/// The separator put between the paragraphs of a split or merge when they
/// are diffed as one text.
const BREAK: char = '\u{2029}';

/// Aligns two versions and diffs every matched pair: the redline.
pub fn redline(old: &Resolution, new: &Resolution, options: &Options) -> Redline {
    let alignment = align::align(old, new);
    redline_from(old, new, &alignment, options)
}

/// Builds the redline of an alignment already made.
pub fn redline_from(
    old: &Resolution,
    new: &Resolution,
    alignment: &Alignment,
    options: &Options,
) -> Redline {
    let builder = Builder {
        old,
        new,
        alignment,
        options,
        footnotes: footnote_map(old, new, alignment),
        joined: joined_texts(old, new, alignment),
    };
    Redline {
        version: REDLINE_VERSION,
        old: Version {
            name: "old".into(),
            lang: old.lang,
            metadata: old.metadata.clone(),
        },
        new: Version {
            name: "new".into(),
            lang: new.lang,
            metadata: new.metadata.clone(),
        },
        entries: builder.entries(),
        notes: Vec::new(),
    }
}

fn footnote_map(old: &Resolution, new: &Resolution, alignment: &Alignment) -> FootnoteMap {
    let number = |r: &Resolution, i: usize| r.units[i].number.clone().unwrap_or_default();
    let defined = |r: &Resolution| {
        r.of_kind(UnitKind::Footnote)
            .filter_map(|u| u.number.clone())
            .collect()
    };
    let mut map = FootnoteMap {
        old_defined: defined(old),
        new_defined: defined(new),
        ..Default::default()
    };
    for m in &alignment.matches {
        if let ([i], [j]) = (m.old.as_slice(), m.new.as_slice())
            && old.units[*i].kind == UnitKind::Footnote
        {
            map.old_to_new.insert(number(old, *i), number(new, *j));
            map.matched_new.insert(number(new, *j));
        }
    }
    map
}

/// The texts of splits and merges diffed as one, by the first new unit of
/// their match: the new pieces of a split joined, the old units of a merge
/// joined (see [`BREAK`]). Made before the diffs so that they outlive the
/// differs, which then number their words with everyone else's.
fn joined_texts(
    old: &Resolution,
    new: &Resolution,
    alignment: &Alignment,
) -> crate::align::hash::FxHashMap<usize, String> {
    let join = |indices: &[usize], r: &Resolution| {
        let texts: Vec<&str> = indices.iter().map(|&k| r.units[k].text.as_str()).collect();
        texts.join(&BREAK.to_string())
    };
    alignment
        .matches
        .iter()
        .filter_map(|m| match () {
            _ if m.is_split() => Some((m.new[0], join(&m.new, new))),
            _ if m.is_merge() => Some((m.new[0], join(&m.old, old))),
            _ => None,
        })
        .collect()
}

struct Builder<'a> {
    old: &'a Resolution,
    new: &'a Resolution,
    alignment: &'a Alignment,
    options: &'a Options,
    footnotes: FootnoteMap,
    joined: crate::align::hash::FxHashMap<usize, String>,
}

impl Builder<'_> {
    /// All entries, in the order of the new version, deletions where they
    /// stood.
    fn entries(&self) -> Vec<Entry> {
        // The word diffs of the units are independent: on both cores (see
        // `crate::parallel`), put back in order; each core numbers the
        // words it meets once for all its pairs.
        let new_units: Vec<usize> = (0..self.new.units.len()).collect();
        let chunks = crate::parallel::map_chunks(&new_units, crate::parallel::MIN_CHUNK, |chunk| {
            let mut differ = self.differ();
            let mut out = Vec::with_capacity(chunk.len());
            for &j in chunk {
                out.extend(
                    self.for_new(j, &mut differ)
                        .into_iter()
                        .map(|e| ((j, 1, 0), e)),
                );
            }
            out
        });
        let mut keyed: Vec<((usize, u8, usize), Entry)> = chunks.into_iter().flatten().collect();
        let places = self.old_places();
        let old_units: Vec<usize> = (0..self.old.units.len()).collect();
        let gone = crate::parallel::map(&old_units, |&i| match self.alignment.of_old(i) {
            None => Some(self.deleted(i)),
            Some(m) if m.moved && m.old[0] == i => Some(self.moved_away(i, m)),
            Some(_) => None,
        });
        for (i, entry) in gone.into_iter().enumerate() {
            if let Some(entry) = entry {
                keyed.push((places[i], entry));
            }
        }
        keyed.sort_by_key(|(key, _)| *key);
        keyed.into_iter().map(|(_, e)| e).collect()
    }

    /// Where each old unit would stand in the new order: right after the
    /// new counterpart of the closest earlier old unit that kept its place.
    fn old_places(&self) -> Vec<(usize, u8, usize)> {
        let block_end = block_ends(&self.new.units);
        let mut anchor: Option<usize> = None;
        let mut places = Vec::with_capacity(self.old.units.len());
        for i in 0..self.old.units.len() {
            // A paragraph (not a subparagraph) is placed after the whole
            // block of the paragraph before it, subparagraphs included, so
            // that it does not stand among another paragraph's (a), (b).
            let sub = self.old.units[i].kind == UnitKind::Subparagraph;
            places.push(match anchor {
                Some(j) if sub => (j, 2, i),
                Some(j) => (block_end[j], 2, i),
                None => (0, 0, i),
            });
            if let Some(m) = self.alignment.of_old(i).filter(|m| !m.moved) {
                anchor = m.new.iter().max().copied();
            }
        }
        places
    }

    fn for_new<'b>(&'b self, j: usize, differ: &mut words::Differ<'b>) -> Vec<Entry> {
        match self.alignment.of_new(j) {
            None => vec![self.inserted(j)],
            Some(m) if m.is_split() => {
                if m.new[0] == j {
                    self.split(m, differ)
                } else {
                    Vec::new()
                }
            }
            Some(m) if m.is_merge() => vec![self.merged(m, differ)],
            Some(m) => vec![self.pair(m.old[0], j, m.moved, differ)],
        }
    }

    fn lang(&self) -> crate::lang::Lang {
        self.new.lang
    }

    fn differ(&self) -> words::Differ<'_> {
        words::Differ::new(self.lang(), &self.footnotes, self.options)
    }

    fn entry(
        &self,
        op: Op,
        kind: UnitKind,
        old: Vec<Side>,
        new: Option<Side>,
        segments: Vec<Segment>,
    ) -> Entry {
        Entry {
            op,
            moved: false,
            kind,
            old,
            new,
            piece: None,
            segments,
            round: None,
        }
    }

    fn old_side(&self, i: usize) -> Side {
        Side::of(&self.old.units[i], i)
    }

    fn new_side(&self, j: usize) -> Side {
        Side::of(&self.new.units[j], j)
    }

    fn inserted(&self, j: usize) -> Entry {
        let unit = &self.new.units[j];
        let segments = words::whole(SegmentOp::Insert, &unit.text);
        self.entry(
            Op::Inserted,
            unit.kind,
            vec![],
            Some(self.new_side(j)),
            segments,
        )
    }

    fn deleted(&self, i: usize) -> Entry {
        let unit = &self.old.units[i];
        let segments = words::whole(SegmentOp::Delete, &unit.text);
        self.entry(
            Op::Deleted,
            unit.kind,
            vec![self.old_side(i)],
            None,
            segments,
        )
    }

    fn moved_away(&self, i: usize, m: &Match) -> Entry {
        let unit = &self.old.units[i];
        let new = Some(self.new_side(m.new[0]));
        let mut e = self.entry(
            Op::MovedAway,
            unit.kind,
            vec![self.old_side(i)],
            new,
            Vec::new(),
        );
        e.moved = true;
        e
    }

    fn pair<'b>(
        &'b self,
        i: usize,
        j: usize,
        moved: bool,
        differ: &mut words::Differ<'b>,
    ) -> Entry {
        let (o, n) = (&self.old.units[i], &self.new.units[j]);
        let segments = if crate::model::compare::quiet_difference(o, n) {
            // Another meeting and date in the closing line: not an edit.
            vec![Segment {
                old_text: Some(o.text.clone()),
                ..Segment::new(SegmentOp::Equal, n.text.as_str())
            }]
        } else {
            differ.diff(&o.text, &n.text)
        };
        let edited = segments.iter().any(|s| s.op != SegmentOp::Equal);
        let op = if edited { Op::Edited } else { Op::Unchanged };
        let mut e = self.entry(
            op,
            n.kind,
            vec![self.old_side(i)],
            Some(self.new_side(j)),
            segments,
        );
        e.moved = moved;
        e
    }

    /// One entry per piece: the old text diffed against the pieces joined,
    /// then cut where the inserted paragraph breaks stand.
    fn split<'b>(&'b self, m: &Match, differ: &mut words::Differ<'b>) -> Vec<Entry> {
        let old = &self.old.units[m.old[0]];
        let segments = differ.diff(&old.text, self.joined(m));
        let pieces = cut_at_breaks(segments);
        let of = m.new.len();
        m.new
            .iter()
            .zip(pieces)
            .enumerate()
            .map(|(k, (&j, segments))| {
                let kind = self.new.units[j].kind;
                let mut e = self.entry(
                    Op::Split,
                    kind,
                    vec![self.old_side(m.old[0])],
                    Some(self.new_side(j)),
                    segments,
                );
                e.piece = Some(Piece { index: k + 1, of });
                e.moved = m.moved;
                e
            })
            .collect()
    }

    /// One entry: the old texts joined, diffed against the new; the deleted
    /// breaks become `"\n"`.
    fn merged<'b>(&'b self, m: &Match, differ: &mut words::Differ<'b>) -> Entry {
        let j = m.new[0];
        let mut segments = differ.diff(self.joined(m), &self.new.units[j].text);
        for s in &mut segments {
            s.text = s.text.replace(BREAK, "\n");
        }
        let old = m.old.iter().map(|&i| self.old_side(i)).collect();
        let mut e = self.entry(
            Op::Merged,
            self.new.units[j].kind,
            old,
            Some(self.new_side(j)),
            segments,
        );
        e.moved = m.moved;
        e
    }

    /// The joined text of a split's or merge's match ([`joined_texts`]).
    fn joined(&self, m: &Match) -> &str {
        self.joined.get(&m.new[0]).map_or("", String::as_str)
    }
}

/// For each unit, the last unit of the block it belongs to: its top-level
/// paragraph and the subparagraphs that follow it.
fn block_ends(units: &[crate::model::Unit]) -> Vec<usize> {
    let top = |mut j: usize| {
        while let Some(p) = units[j].parent {
            j = p;
        }
        j
    };
    let tops: Vec<usize> = (0..units.len()).map(top).collect();
    let mut ends = vec![0; units.len()];
    for j in (0..units.len()).rev() {
        ends[j] = match tops.get(j + 1) {
            Some(&t) if t == tops[j] => ends[j + 1],
            _ => j,
        };
    }
    ends
}

/// Cuts the segments of a split at the inserted breaks: one list per piece.
fn cut_at_breaks(segments: Vec<Segment>) -> Vec<Vec<Segment>> {
    let mut pieces: Vec<Vec<Segment>> = vec![Vec::new()];
    for s in segments {
        let mut parts = s.text.split(BREAK).peekable();
        while let Some(part) = parts.next() {
            if let Some(last) = pieces.last_mut()
                && !part.is_empty()
            {
                last.push(Segment {
                    text: part.to_string(),
                    ..s.clone()
                });
            }
            if parts.peek().is_some() {
                pieces.push(Vec::new());
            }
        }
    }
    pieces.into_iter().map(words::coalesce).collect()
}
