//! Alignment: which unit of the new version is which unit of the old.
//!
//! Units are matched by content, never by number, in passes that go from
//! cheap and certain to dear and doubtful (the pre-pass that pairs the
//! obviously unchanged before any expensive comparison runs):
//!
//! 1. **Exact**: units with the same text (footnote numbers ignored) whose
//!    text occurs once in each version are paired; the heaviest in-order
//!    subset of them becomes the anchors. Between consecutive anchors,
//!    repeated texts (two identical headings) are paired in order; what
//!    remains is paired by text wherever it stands. Each distinct text is
//!    folded for its key once, however many units carry it ([`keys`]).
//! 2. **Similar**: each remaining new unit is compared with the remaining
//!    old units near its expected position and with those an inverted index
//!    of content sketches proposes ([`features`]); pairs are taken best
//!    first if their similarity passes a threshold (lower near the expected
//!    position, higher far from it).
//! 3. **Moves**: of all pairs, the heaviest subset whose order is the same
//!    in both versions stays in place; the others moved ([`lis`]).
//! 4. **Splits and merges**: an unmatched new unit that is mostly a piece of
//!    the old unit its neighbour came from is a split of it; symmetrically
//!    for merges ([`pieces`]).
//! 5. **Footnotes** follow their references: a footnote is the counterpart
//!    of the one referred to at the same place of a matched paragraph; the
//!    rest are matched by text ([`footnotes`]).
//!
//! Every pass is linear or n·log n in the number of units, with a bounded
//! number of comparisons per unit: no pass compares all pairs.

mod bits;
pub mod features;
mod footnotes;
pub mod hash;
pub mod keys;
pub mod lis;
mod pieces;
mod sequence;

use crate::model::{Resolution, Unit, UnitKind};

/// A correspondence between units of the old and the new version.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Match {
    /// Indices of the old units: one, or several merged into one new unit.
    pub old: Vec<usize>,
    /// Indices of the new units: one, or several that one old unit was
    /// split into.
    pub new: Vec<usize>,
    /// Whether the texts are identical (footnote numbers aside).
    pub exact: bool,
    /// Whether the unit left its place relative to the units around it.
    pub moved: bool,
}

impl Match {
    /// Whether one old unit became several new ones.
    pub fn is_split(&self) -> bool {
        self.new.len() > 1
    }

    /// Whether several old units became one new one.
    pub fn is_merge(&self) -> bool {
        self.old.len() > 1
    }
}

/// The alignment of two versions.
#[derive(Debug, Clone, Default)]
pub struct Alignment {
    /// Every correspondence, footnotes included.
    pub matches: Vec<Match>,
    /// For each old unit, the match it belongs to; `None` if deleted.
    pub old_match: Vec<Option<usize>>,
    /// For each new unit, the match it belongs to; `None` if inserted.
    pub new_match: Vec<Option<usize>>,
}

impl Alignment {
    /// The match of a new unit.
    pub fn of_new(&self, new: usize) -> Option<&Match> {
        self.new_match[new].map(|m| &self.matches[m])
    }

    /// The match of an old unit.
    pub fn of_old(&self, old: usize) -> Option<&Match> {
        self.old_match[old].map(|m| &self.matches[m])
    }

    fn from_matches(matches: Vec<Match>, old_len: usize, new_len: usize) -> Self {
        let mut old_match = vec![None; old_len];
        let mut new_match = vec![None; new_len];
        for (k, m) in matches.iter().enumerate() {
            m.old.iter().for_each(|&i| old_match[i] = Some(k));
            m.new.iter().for_each(|&j| new_match[j] = Some(k));
        }
        Alignment {
            matches,
            old_match,
            new_match,
        }
    }
}

/// Aligns the units of two versions of a draft.
pub fn align(old: &Resolution, new: &Resolution) -> Alignment {
    let mut pairs = sequence::Pairs::new(&old.units, &new.units);
    pairs.match_body();
    let (body, similarity) = pairs.into_parts();
    let features = (&similarity.old, &similarity.new);
    let mut matches = pieces::find(&old.units, &new.units, body, features);
    flag_moves(&mut matches, &old.units, &mut |m| likeness(m, &similarity));
    // A pair that only boilerplate holds together ("En ce qui concerne …,
    // prie … de faire rapport") and that crosses better pairs is a
    // deletion and an insertion, not a move: a move must meet the
    // similarity asked of pairs found far from their place.
    let weak = |m: &Match| {
        m.moved
            && !m.exact
            && m.old.len() == 1
            && m.new.len() == 1
            && similarity.dice(m.old[0], m.new[0]) < sequence::FAR_THRESHOLD
    };
    let before = matches.len();
    matches.retain(|m| !weak(m));
    if matches.len() != before {
        flag_moves(&mut matches, &old.units, &mut |m| likeness(m, &similarity));
    }
    footnotes::align(&old.units, &new.units, &mut matches);
    matches.sort_by_key(|m| (m.new[0], m.old[0]));
    Alignment::from_matches(matches, old.units.len(), new.units.len())
}

/// Sets the move flags of body matches: those outside the heaviest subset
/// whose order is the same in both versions. Exact pairs weigh more, and a
/// paragraph more than all the subparagraphs of the draft together: the
/// fewest paragraphs move, then the fewest subparagraphs. When two
/// subparagraphs of two paragraphs change places, they moved, not the
/// paragraph that holds one of them. Run after splits and merges are
/// found, so that their pieces are ordered too.
fn flag_moves(matches: &mut [Match], old: &[Unit], likeness: &mut dyn FnMut(&Match) -> u64) {
    matches.sort_by_key(|m| m.new[0]);
    let top = MAX_LIKENESS * old.len() as u64 + 1;
    let pairs: Vec<(usize, usize, u64)> = matches
        .iter()
        .map(|m| {
            let level = if old[m.old[0]].parent.is_none() {
                top
            } else {
                1
            };
            (m.new[0], m.old[0], likeness(m) * level)
        })
        .collect();
    for (m, kept) in matches.iter_mut().zip(lis::in_order(&pairs)) {
        m.moved = !kept;
    }
}

/// The weight of an exact pair in [`flag_moves`]; a similar pair weighs
/// its similarity in tenths (at least 1), a split or merge 10.
const MAX_LIKENESS: u64 = 20;

/// How much a pair weighs when choosing which pairs stay in order: the
/// closer the texts, the more (so that a near-copy stays in place and a
/// pair held by boilerplate is the one that moved).
fn likeness(m: &Match, similarity: &sequence::Similarity<'_>) -> u64 {
    if m.exact {
        return MAX_LIKENESS;
    }
    match (m.old.as_slice(), m.new.as_slice()) {
        ([i], [j]) => ((similarity.dice(*i, *j) * 10.0).round() as u64).max(1),
        _ => 10,
    }
}

/// The text a unit is compared by: its text with footnote numbers blanked,
/// so that `report[^5]` and `report[^11]` compare equal.
pub fn comparable_text(unit: &Unit) -> String {
    let mut out = String::with_capacity(unit.text.len());
    let mut last = 0;
    for (range, _) in crate::model::marker::footnote_refs(&unit.text) {
        out.push_str(&unit.text[last..range.start]);
        out.push_str("[^]");
        last = range.end;
    }
    out.push_str(&unit.text[last..]);
    out
}

/// Whether a unit takes part in body alignment (everything but footnotes).
fn is_body(unit: &Unit) -> bool {
    unit.kind != UnitKind::Footnote
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{ParseOptions, parse};

    fn doc(ops: &[&str]) -> Resolution {
        let mut text = String::from("The General Assembly,");
        for (i, op) in ops.iter().enumerate() {
            text.push_str(&format!("\n\n{}. {op}", i + 1));
        }
        parse(&text, &ParseOptions::default()).unwrap()
    }

    fn pairs(a: &Alignment) -> Vec<(Vec<usize>, Vec<usize>, bool)> {
        a.matches
            .iter()
            .map(|m| (m.old.clone(), m.new.clone(), m.moved))
            .collect()
    }

    const A: &str = "Decides to convene a high-level meeting on the question in 2025;";
    const B: &str = "Requests the Secretary-General to submit a report on the implementation of the present resolution;";
    const C: &str =
        "Invites Member States to contribute to the trust fund established for that purpose;";
    const D: &str = "Decides to remain seized of the matter.";

    #[test]
    fn renumbered_units_match() {
        let a = align(&doc(&[A, B, D]), &doc(&[C, A, B, D]));
        assert_eq!(
            pairs(&a),
            [
                (vec![0], vec![0], false),
                (vec![1], vec![2], false),
                (vec![2], vec![3], false),
                (vec![3], vec![4], false)
            ]
        );
        assert_eq!(a.new_match[1], None);
    }

    #[test]
    fn edited_unit_matches() {
        let edited = B.replace("a report", "an annual report");
        let a = align(&doc(&[A, B, D]), &doc(&[A, &edited, D]));
        let m = a.of_new(2).unwrap();
        assert_eq!((m.old.clone(), m.exact), (vec![2], false));
    }

    #[test]
    fn moved_unit_is_flagged() {
        let a = align(&doc(&[A, B, C, D]), &doc(&[B, C, A, D]));
        assert!(a.of_new(3).unwrap().moved);
        assert!(!a.of_new(1).unwrap().moved);
    }

    #[test]
    fn split_is_recognised() {
        let whole = "Requests the Secretary-General to submit a report on the implementation of the present resolution, and invites Member States to contribute to the trust fund established for that purpose;";
        let a = align(&doc(&[A, whole, D]), &doc(&[A, B, C, D]));
        let m = a.of_new(2).unwrap();
        assert_eq!((m.old.clone(), m.new.clone()), (vec![2], vec![2, 3]));
    }

    #[test]
    fn merge_is_recognised() {
        let whole = "Requests the Secretary-General to submit a report on the implementation of the present resolution, and invites Member States to contribute to the trust fund established for that purpose;";
        let a = align(&doc(&[A, B, C, D]), &doc(&[A, whole, D]));
        let m = a.of_new(2).unwrap();
        assert_eq!((m.old.clone(), m.new.clone()), (vec![2, 3], vec![2]));
    }
}
