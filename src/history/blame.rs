//! Blame: which round brought in, or removed, each word.
//!
//! Every byte of every unit carries the round that brought it in and, if
//! it was already in the first version, where it stood there. Round by
//! round, the bytes of an unchanged run of a redline segment inherit from
//! the old side; inserted bytes are born in the round; deleted bytes are
//! recorded as removed. A byte of the first version dies in the first
//! round after which no byte descends from it.
//!
//! Only the previous version's bytes are kept while walking the rounds, so
//! memory stays proportional to one version.

use super::lineage::{inserted_in, last_moved};
use super::{Lineage, Removal, Span, Version};
use crate::redline::{Entry, Op, Redline, Segment, SegmentOp, Side};
use std::collections::HashMap;

/// Where a byte comes from: the round that brought it in and its place in
/// the first version (`NONE` if it was not there).
#[derive(Debug, Clone, Copy)]
struct Cell {
    birth: u32,
    origin: u32,
}

const NONE: u32 = u32::MAX;

/// A version's bytes: per unit, per byte.
type UnitCells = Vec<Vec<Cell>>;

/// The bytes of the latest version and the fate of the first version's.
pub(crate) struct Cells {
    /// The latest version: per unit, per byte.
    last: UnitCells,
    /// Its texts.
    last_texts: Vec<String>,
    /// Where each unit of the first version starts in one numbering of its
    /// bytes.
    base: Vec<usize>,
    /// For each byte of the first version, the round that removed it.
    death: Vec<Option<u32>>,
    /// Words removed from units that stayed, by round.
    pub(crate) removed: Vec<Removal>,
}

impl Cells {
    pub(crate) fn new(versions: &[Version], redlines: &[Redline]) -> Self {
        let first = &versions[0].resolution;
        let mut base = Vec::with_capacity(first.units.len() + 1);
        let mut total = 0;
        for u in &first.units {
            base.push(total);
            total += u.text.len();
        }
        base.push(total);
        let mut version: UnitCells = first
            .units
            .iter()
            .enumerate()
            .map(|(i, u)| {
                (0..u.text.len())
                    .map(|b| Cell {
                        birth: 0,
                        origin: (base[i] + b) as u32,
                    })
                    .collect()
            })
            .collect();
        let mut death = vec![None; total];
        let mut removed = Vec::new();
        for (k, red) in redlines.iter().enumerate() {
            let round = (k + 1) as u32;
            let units = &versions[k + 1].resolution.units;
            let lens: Vec<usize> = units.iter().map(|u| u.text.len()).collect();
            version = propagate(&version, &lens, red, round, &mut removed);
            bury(&version, &mut death, round);
        }
        let last_texts = versions[versions.len() - 1]
            .resolution
            .units
            .iter()
            .map(|u| u.text.clone())
            .collect();
        Cells {
            last: version,
            last_texts,
            base,
            death,
            removed,
        }
    }

    /// The text of a unit of the latest version in spans by round.
    pub(crate) fn blame(&self, unit: usize) -> Vec<Span> {
        let text = &self.last_texts[unit];
        let cells = &self.last[unit];
        runs(text, |b| cells.get(b).map(|c| c.birth as usize))
            .into_iter()
            .map(|(text, round)| Span {
                text,
                round: round.unwrap_or(0),
            })
            .collect()
    }

    /// The redline first version → latest, each change with its round.
    pub(crate) fn cumulative(&self, direct: Redline, lineage: &[Lineage]) -> Redline {
        let entries = direct
            .entries
            .iter()
            .map(|e| self.annotate(e, lineage))
            .collect();
        Redline { entries, ..direct }
    }

    fn annotate(&self, e: &Entry, lineage: &[Lineage]) -> Entry {
        let of_new = e.new.as_ref().and_then(|n| lineage.get(n.index));
        let fallback = of_new.and_then(|l| l.last_change).or(Some(1));
        let round = match e.op {
            Op::Inserted => of_new.and_then(inserted_in).or(fallback),
            Op::Deleted => self.unit_death(&e.old).or(fallback),
            Op::MovedAway => of_new.and_then(last_moved).or(fallback),
            _ if e.moved => of_new.and_then(last_moved).or(fallback),
            _ => None,
        };
        let new_cells = match e.op {
            Op::Deleted | Op::MovedAway => None,
            _ => e.new.as_ref().and_then(|n| self.last.get(n.index)),
        };
        let old_bytes = self.old_bytes(&e.old);
        let mut segments = Vec::new();
        let (mut op, mut np) = (0, 0);
        for s in &e.segments {
            let pieces = match s.op {
                SegmentOp::Equal => vec![(s.clone(), None)],
                SegmentOp::Insert => split(s, |b| {
                    let birth = new_cells?.get(np + b)?.birth as usize;
                    (birth > 0).then_some(birth)
                }),
                SegmentOp::Delete => split(s, |b| {
                    let g = (*old_bytes.get(op + b)?)?;
                    self.death.get(g).copied().flatten().map(|r| r as usize)
                }),
            };
            op += s.old_side().len();
            np += s.new_side().len();
            for (mut seg, r) in pieces {
                let changed = seg.op != SegmentOp::Equal;
                seg.round = if changed { r.or(fallback) } else { None };
                segments.push(seg);
            }
        }
        Entry {
            segments,
            round,
            ..e.clone()
        }
    }

    /// For each byte of the old side of an entry of the redline first →
    /// latest, its place in the first version (`None` for the breaks
    /// between merged units).
    fn old_bytes(&self, old: &[Side]) -> Vec<Option<usize>> {
        let mut out = Vec::new();
        for (k, side) in old.iter().enumerate() {
            if k > 0 {
                out.push(None);
            }
            let (start, end) = (self.base[side.index], self.base[side.index + 1]);
            out.extend((start..end).map(Some));
        }
        out
    }

    /// The round in which the last words of units of the first version
    /// went.
    fn unit_death(&self, old: &[Side]) -> Option<usize> {
        let side = old.first()?;
        let range = self.base[side.index]..self.base[side.index + 1];
        let deaths: Vec<Option<u32>> = self.death[range].to_vec();
        if deaths.iter().any(Option::is_none) {
            return None;
        }
        deaths.into_iter().flatten().max().map(|r| r as usize)
    }
}

/// The bytes of the version after a round, from those before it.
fn propagate(
    prev: &UnitCells,
    lens: &[usize],
    red: &Redline,
    round: u32,
    removed: &mut Vec<Removal>,
) -> UnitCells {
    let born = Cell {
        birth: round,
        origin: NONE,
    };
    let mut next: UnitCells = lens.iter().map(|&n| vec![born; n]).collect();
    let mut cursors: HashMap<usize, usize> = HashMap::new();
    for e in &red.entries {
        if matches!(e.op, Op::MovedAway | Op::Inserted | Op::Deleted) {
            continue;
        }
        let Some(n) = &e.new else { continue };
        let old_cells = joined(prev, &e.old);
        let first_old = e.old.first().map_or(0, |s| s.index);
        let start = match e.op {
            Op::Split => cursors.get(&first_old).copied().unwrap_or(0),
            _ => 0,
        };
        let end = inherit(&e.segments, &old_cells, start, next.get_mut(n.index));
        if e.op == Op::Split {
            cursors.insert(first_old, end);
        }
        removed.extend(removals(e, round as usize));
    }
    next
}

/// The old units' bytes one after the other, a break between them.
fn joined(prev: &UnitCells, old: &[Side]) -> Vec<Cell> {
    let mut out = Vec::new();
    for (k, side) in old.iter().enumerate() {
        if k > 0 {
            out.push(Cell {
                birth: 0,
                origin: NONE,
            });
        }
        if let Some(cells) = prev.get(side.index) {
            out.extend_from_slice(cells);
        }
    }
    out
}

/// Copies the old bytes of unchanged runs onto the new unit; gives where
/// the old side ends.
fn inherit(
    segments: &[Segment],
    old: &[Cell],
    start: usize,
    mut target: Option<&mut Vec<Cell>>,
) -> usize {
    let (mut op, mut np) = (start, 0);
    for s in segments {
        let (ol, nl) = (s.old_side().len(), s.new_side().len());
        if s.op == SegmentOp::Equal
            && ol > 0
            && let Some(t) = target.as_deref_mut()
        {
            for b in 0..nl {
                if let (Some(cell), Some(src)) = (t.get_mut(np + b), old.get(op + b.min(ol - 1))) {
                    *cell = *src;
                }
            }
        }
        op += ol;
        np += nl;
    }
    op
}

/// The words an entry's round removed from a unit that stays.
fn removals(e: &Entry, round: usize) -> Vec<Removal> {
    let label: Vec<&str> = e.old.iter().map(|s| s.label.as_str()).collect();
    e.segments
        .iter()
        .filter(|s| s.op == SegmentOp::Delete)
        .map(|s| s.text.replace('\n', " ").trim().to_string())
        .filter(|t| !t.is_empty())
        .map(|text| Removal {
            round,
            label: label.join("+"),
            text,
        })
        .collect()
}

/// Marks the bytes of the first version that no byte of `version`
/// descends from as removed in `round`.
fn bury(version: &UnitCells, death: &mut [Option<u32>], round: u32) {
    let mut alive = vec![false; death.len()];
    for cell in version.iter().flatten() {
        if let Some(a) = alive.get_mut(cell.origin as usize) {
            *a = true;
        }
    }
    for (d, a) in death.iter_mut().zip(alive) {
        if d.is_none() && !a {
            *d = Some(round);
        }
    }
}

/// A text cut into runs of characters with the same round, the round of a
/// character being that of its first byte.
fn runs(text: &str, round_at: impl Fn(usize) -> Option<usize>) -> Vec<(String, Option<usize>)> {
    let mut out: Vec<(String, Option<usize>)> = Vec::new();
    for (b, c) in text.char_indices() {
        let r = round_at(b);
        match out.last_mut() {
            Some((t, last)) if *last == r => t.push(c),
            _ => out.push((c.to_string(), r)),
        }
    }
    out
}

/// A segment cut where the round changes.
fn split(s: &Segment, round_at: impl Fn(usize) -> Option<usize>) -> Vec<(Segment, Option<usize>)> {
    runs(&s.text, round_at)
        .into_iter()
        .map(|(text, r)| (Segment::new(s.op, text), r))
        .collect()
}
