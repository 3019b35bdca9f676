//! Pairing the units of two language versions: operative paragraphs,
//! annexes, footnotes by label; preambular paragraphs, headings and
//! unnumbered paragraphs in order (by position when they are as many,
//! otherwise by the heaviest in-order pairing of their signatures, within
//! a narrow band); subparagraphs under paired parents by letter.

use super::{Document, Signature, signature};
use crate::model::UnitKind;
use std::collections::{BTreeMap, HashMap};

/// Pairs units of `doc` (keys) with units of `other` (values).
pub(super) fn pair(doc: &Document, other: &Document) -> BTreeMap<usize, usize> {
    let mut pairs = BTreeMap::new();
    let by_label: HashMap<&str, usize> = other
        .units()
        .iter()
        .enumerate()
        .filter(|(_, u)| by_label_kind(u.kind))
        .map(|(j, u)| (u.label.as_str(), j))
        .collect();
    for (i, unit) in doc.units().iter().enumerate() {
        if by_label_kind(unit.kind)
            && let Some(&j) = by_label.get(unit.label.as_str())
        {
            pairs.insert(i, j);
        }
    }
    for (a, b) in ordered_groups(doc, other) {
        pairs.extend(pair_in_order(doc, other, &a, &b));
    }
    pair_subparagraphs(doc, other, &mut pairs);
    pairs
}

fn by_label_kind(kind: UnitKind) -> bool {
    matches!(
        kind,
        UnitKind::Operative
            | UnitKind::Annex
            | UnitKind::Footnote
            | UnitKind::Chapeau
            | UnitKind::Closing
    )
}

/// Units counted in order (preambular paragraphs, headings, unnumbered
/// paragraphs), grouped by part and kind, in both versions.
fn ordered_groups(doc: &Document, other: &Document) -> Vec<(Vec<usize>, Vec<usize>)> {
    let groups = |d: &Document| {
        let mut g: BTreeMap<(Option<String>, u8), Vec<usize>> = BTreeMap::new();
        for (i, u) in d.units().iter().enumerate() {
            if matches!(
                u.kind,
                UnitKind::Preambular | UnitKind::Heading | UnitKind::Paragraph
            ) {
                g.entry((u.part.clone(), u.kind.alignment_class()))
                    .or_default()
                    .push(i);
            }
        }
        g
    };
    let (mut a, mut b) = (groups(doc), groups(other));
    let keys: Vec<_> = a.keys().chain(b.keys()).cloned().collect();
    keys.into_iter()
        .map(|k| {
            (
                a.remove(&k).unwrap_or_default(),
                b.remove(&k).unwrap_or_default(),
            )
        })
        .filter(|(x, y)| !x.is_empty() || !y.is_empty())
        .collect()
}

/// Pairs two runs of units: by position when they are as many, otherwise
/// by the heaviest in-order pairing of their signatures and lengths.
fn pair_in_order(
    doc: &Document,
    other: &Document,
    a: &[usize],
    b: &[usize],
) -> Vec<(usize, usize)> {
    if a.len() == b.len() {
        return a.iter().copied().zip(b.iter().copied()).collect();
    }
    let sa: Vec<Signature> = a.iter().map(|&i| signature(doc, i)).collect();
    let sb: Vec<Signature> = b.iter().map(|&j| signature(other, j)).collect();
    let score = |x: usize, y: usize| sa[x].likeness(&sb[y]);
    heaviest_pairing(a.len(), b.len(), score)
        .into_iter()
        .map(|(x, y)| (a[x], b[y]))
        .collect()
}

/// Most cells of a pairing table (32 MB of scores).
pub const MAX_CELLS: usize = 4_000_000;

/// How far beyond the difference in counts a pairing may shift: the band
/// of the table that is filled.
const SLACK: usize = 8;

/// The in-order pairing of `n` and `m` items with the greatest total
/// score (gaps cost nothing), within a band: item `x` of one side is only
/// weighed against the items `y` of the other whose offset `x - y` lies
/// within the difference in counts, [`SLACK`] to spare. Two language
/// versions of a draft differ by a paragraph or two, so the band is narrow
/// and the work linear, never a comparison of every pair of paragraphs.
///
/// Beyond [`MAX_CELLS`] cells in the band (thousands of paragraphs on one
/// side missing from the other) the items are paired in order instead.
fn heaviest_pairing(
    n: usize,
    m: usize,
    score: impl Fn(usize, usize) -> f64,
) -> Vec<(usize, usize)> {
    let band = Band::new(n, m);
    if (n + 1).saturating_mul(band.width) > MAX_CELLS {
        return (0..n.min(m)).map(|x| (x, x)).collect();
    }
    let mut best = vec![vec![0.0f64; band.width]; n + 1];
    let get = |best: &[Vec<f64>], x: usize, y: usize| band.cell(x, y).map_or(0.0, |c| best[x][c]);
    for x in (0..n).rev() {
        for y in band.columns(x).rev() {
            let take = score(x, y) + get(&best, x + 1, y + 1);
            let value = take.max(get(&best, x + 1, y)).max(get(&best, x, y + 1));
            if let Some(c) = band.cell(x, y) {
                best[x][c] = value;
            }
        }
    }
    let (mut x, mut y, mut out) = (0, 0, Vec::new());
    while x < n && y < m {
        if band.cell(x, y).is_some()
            && (get(&best, x, y) - (score(x, y) + get(&best, x + 1, y + 1))).abs() < 1e-9
        {
            out.push((x, y));
            x += 1;
            y += 1;
        } else if get(&best, x + 1, y) >= get(&best, x, y + 1) {
            x += 1;
        } else {
            y += 1;
        }
    }
    out
}

/// The cells of a pairing table worth filling: `y` from `x - below` to
/// `x + above`.
struct Band {
    below: usize,
    above: usize,
    width: usize,
    m: usize,
}

impl Band {
    fn new(n: usize, m: usize) -> Band {
        let below = n.saturating_sub(m) + SLACK;
        let above = m.saturating_sub(n) + SLACK;
        Band {
            below,
            above,
            width: below + above + 1,
            m,
        }
    }

    /// The columns of row `x` in the band.
    fn columns(&self, x: usize) -> std::ops::Range<usize> {
        x.saturating_sub(self.below)..(x + self.above + 1).min(self.m)
    }

    /// Where cell `(x, y)` is stored in its row, if it is in the band.
    fn cell(&self, x: usize, y: usize) -> Option<usize> {
        let c = (y + self.below).checked_sub(x)?;
        (c < self.width && y <= self.m).then_some(c)
    }
}

/// Subparagraphs pair when their parents pair and their letters agree.
fn pair_subparagraphs(doc: &Document, other: &Document, pairs: &mut BTreeMap<usize, usize>) {
    // The first subparagraph of each parent and letter in `other`.
    let mut by_parent: HashMap<(Option<usize>, Option<&str>), usize> = HashMap::new();
    for (j, u) in other.units().iter().enumerate() {
        by_parent
            .entry((u.parent, u.number.as_deref()))
            .or_insert(j);
    }
    for (i, unit) in doc.units().iter().enumerate() {
        let Some(parent) = unit.parent.filter(|_| unit.kind == UnitKind::Subparagraph) else {
            continue;
        };
        let Some(&other_parent) = pairs.get(&parent) else {
            continue;
        };
        let twin = by_parent
            .get(&(Some(other_parent), unit.number.as_deref()))
            .copied();
        if let Some(j) = twin {
            pairs.insert(i, j);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn heaviest_pairing_skips_the_extra_item() {
        let a = [10.0, 20.0, 30.0];
        let b = [10.0, 30.0];
        let pairs = heaviest_pairing(3, 2, |x, y| if a[x] == b[y] { 1.0 } else { 0.0 });
        assert_eq!(pairs, [(0, 0), (2, 1)]);
    }

    /// Two long versions, one missing two paragraphs: the pairing skips
    /// exactly those and weighs only pairs near the diagonal.
    #[test]
    fn heaviest_pairing_of_long_versions_stays_in_a_band() {
        let a: Vec<usize> = (0..3000).collect();
        let b: Vec<usize> = a
            .iter()
            .copied()
            .filter(|&v| v != 700 && v != 2100)
            .collect();
        let calls = std::cell::Cell::new(0usize);
        let score = |x: usize, y: usize| {
            calls.set(calls.get() + 1);
            if a[x] == b[y] { 1.0 } else { 0.0 }
        };
        let pairs = heaviest_pairing(a.len(), b.len(), score);
        assert_eq!(pairs.len(), b.len());
        assert!(pairs.iter().all(|&(x, y)| a[x] == b[y]));
        assert!(
            calls.get() < a.len() * 3 * (2 * SLACK + 3),
            "{}",
            calls.get()
        );
    }
}
