//! One delegation's proposal read in the base's terms.
//!
//! The proposal is aligned to the base by content. A proposal unit that is
//! the counterpart of exactly one base unit, of the same kind and in its
//! place (not moved), *keeps* that unit: its word edits become
//! [`Hunk`]s on the base text. Every other proposal unit is *new* (inserted,
//! moved, split from or merged out of base units) and is placed after the
//! base unit that the closest kept unit before it keeps. Base units that no
//! proposal unit keeps are *deleted* by the proposal.
//!
//! ```text
//! base:  1. A.   2. B.   3. C.
//! EU:    1. A.   2. C.   3. B, amended.
//! kept:  A → 1;  C → 3 (in order);  "B, amended" moved: new, after base 3
//! deleted: base 2 (it is now the new unit after 3, `from` OP2)
//! ```

use crate::align;
use crate::diff::{self, words::FootnoteMap};
use crate::model::{Resolution, UnitKind};
use crate::redline::{Segment, SegmentOp};

/// A proposed change of the base text of one unit: bytes
/// `start..end` of the base text replaced by `text`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Hunk {
    /// Where the changed words start in the base text (bytes).
    pub start: usize,
    /// Where they end.
    pub end: usize,
    /// What the delegation puts there.
    pub text: String,
}

/// A unit the proposal brings in.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct NewUnit {
    /// Its kind in the proposal.
    pub kind: UnitKind,
    /// Its marker in the proposal.
    pub marker: Option<String>,
    /// Its text.
    pub text: String,
    /// The base units it comes from (moved, split, merged), by label.
    pub from: Vec<String>,
}

/// What a proposal does to the base.
#[derive(Debug, Clone, Default)]
pub struct Reading {
    /// For each base unit, whether the proposal drops it.
    pub deleted: Vec<bool>,
    /// For each base unit, the proposal's word edits on it.
    pub hunks: Vec<Vec<Hunk>>,
    /// New units, each run after the base unit it follows (`None`: before
    /// the first), in the proposal's order.
    pub runs: Vec<(Option<usize>, Vec<NewUnit>)>,
}

/// Reads a proposal against the base.
pub fn read(base: &Resolution, proposal: &Resolution) -> Reading {
    let alignment = align::align(base, proposal);
    let kept = kept_units(base, proposal, &alignment);
    let mut reading = Reading {
        deleted: vec![true; base.units.len()],
        hunks: vec![Vec::new(); base.units.len()],
        runs: Vec::new(),
    };
    let mut anchor: Option<usize> = None;
    for (j, unit) in proposal.units.iter().enumerate() {
        if let Some(i) = kept[j] {
            reading.deleted[i] = false;
            reading.hunks[i] = hunks(&base.units[i].text, &unit.text, base.lang);
            anchor = Some(i);
            continue;
        }
        let from = alignment
            .of_new(j)
            .map(|m| m.old.iter().map(|&i| base.units[i].label.clone()).collect())
            .unwrap_or_default();
        let new = NewUnit {
            kind: unit.kind,
            marker: unit.marker.clone(),
            text: unit.text.clone(),
            from,
        };
        match reading.runs.last_mut() {
            Some((a, run)) if *a == anchor => run.push(new),
            _ => reading.runs.push((anchor, vec![new])),
        }
    }
    reading
}

/// For each proposal unit, the base unit it keeps: a one-to-one match of
/// the same kind, not moved, in increasing base order.
fn kept_units(
    base: &Resolution,
    proposal: &Resolution,
    alignment: &align::Alignment,
) -> Vec<Option<usize>> {
    let mut last: Option<usize> = None;
    (0..proposal.units.len())
        .map(|j| {
            let m = alignment.of_new(j)?;
            let ([i], [_]) = (m.old.as_slice(), m.new.as_slice()) else {
                return None;
            };
            let fits = !m.moved
                && base.units[*i].kind == proposal.units[j].kind
                && last.is_none_or(|l| *i > l);
            fits.then(|| {
                last = Some(*i);
                *i
            })
        })
        .collect()
}

/// The word edits that make `new` of `old`, as hunks on `old`.
///
/// ```
/// use redraft::compile::proposal::{hunks, Hunk};
/// let h = hunks("Requests a report.", "Requests an annual report.", redraft::lang::Lang::En);
/// assert_eq!(h, vec![Hunk { start: 9, end: 10, text: "an annual".into() }]);
/// ```
pub fn hunks(old: &str, new: &str, lang: crate::lang::Lang) -> Vec<Hunk> {
    if old == new {
        return Vec::new();
    }
    let segments = diff::words::diff_texts(
        old,
        new,
        lang,
        &FootnoteMap::default(),
        &diff::Options::default(),
    );
    let rebuilt: String = segments.iter().map(Segment::old_side).collect();
    if rebuilt != old {
        return vec![Hunk {
            start: 0,
            end: old.len(),
            text: new.to_string(),
        }];
    }
    from_segments(&segments)
}

/// Runs of changed segments as hunks: a renumbered footnote reference
/// (an equal run reading differently) is a change too.
fn from_segments(segments: &[Segment]) -> Vec<Hunk> {
    let mut out: Vec<Hunk> = Vec::new();
    let mut at = 0;
    let mut open: Option<Hunk> = None;
    for s in segments {
        let old = s.old_side();
        let changed =
            s.op != SegmentOp::Equal || s.old_text.as_deref().is_some_and(|o| o != s.text);
        if !changed {
            out.extend(open.take());
            at += old.len();
            continue;
        }
        let hunk = open.get_or_insert_with(|| Hunk {
            start: at,
            end: at,
            text: String::new(),
        });
        at += old.len();
        hunk.end = at;
        hunk.text.push_str(s.new_side());
    }
    out.extend(open);
    out
}
