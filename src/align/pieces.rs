//! Splits and merges.
//!
//! A new unit that matched nothing, and whose words are mostly (at least
//! [`CONTAINED`]) found in one old unit, is a piece of that old unit. The
//! old unit's pieces, together with the new unit it was already paired
//! with, form a split if they stand next to each other. Merges are the same
//! search with old and new swapped.

use super::features::{self, Counts, Index};
use super::sequence::Features;
use super::{Match, is_body};
use crate::model::Unit;

/// Share of a piece's features that must be found in the whole.
pub const CONTAINED: f64 = 0.7;
/// Pieces with fewer features (a two-word line) are never taken for pieces.
const MIN_FEATURES: usize = 5;
/// Features of the whole a piece must carry beyond its partner's.
const MIN_ADDED: usize = 3;

/// The feature caches of the two versions, old first.
type Both<'f, 'a> = (&'f Features<'a>, &'f Features<'a>);

/// Finds splits and merges among the units left unmatched by `matches`,
/// with the feature caches of both versions.
pub fn find(old: &[Unit], new: &[Unit], matches: Vec<Match>, features: Both<'_, '_>) -> Vec<Match> {
    let matches = splits(old, new, matches, features);
    let flipped = splits(
        new,
        old,
        matches.into_iter().map(swap).collect(),
        (features.1, features.0),
    );
    flipped.into_iter().map(swap).collect()
}

fn swap(m: Match) -> Match {
    Match {
        old: m.new,
        new: m.old,
        ..m
    }
}

/// The search for the pieces of `old` units among unmatched `new` ones.
struct Search<'s, 'f, 'a> {
    old: &'s [Unit],
    new: &'s [Unit],
    matches: &'s [Match],
    /// For each old unit, its match.
    old_match: Vec<Option<usize>>,
    /// For each new unit, its match.
    new_match: Vec<Option<usize>>,
    old_features: &'f Features<'a>,
    new_features: &'f Features<'a>,
}

/// Splits of `old` units into several `new` ones.
fn splits(
    old: &[Unit],
    new: &[Unit],
    mut matches: Vec<Match>,
    features: Both<'_, '_>,
) -> Vec<Match> {
    let search = Search::new(old, new, &matches, features);
    let pieces = search.pieces();
    let (taken, added) = search.group(pieces);
    let mut k = 0;
    matches.retain(|_| {
        k += 1;
        !taken[k - 1]
    });
    matches.extend(added);
    matches
}

impl<'s, 'f, 'a> Search<'s, 'f, 'a> {
    fn new(
        old: &'s [Unit],
        new: &'s [Unit],
        matches: &'s [Match],
        (old_features, new_features): Both<'f, 'a>,
    ) -> Self {
        let mut old_match = vec![None; old.len()];
        let mut new_match = vec![None; new.len()];
        for (k, m) in matches.iter().enumerate() {
            m.old.iter().for_each(|&i| old_match[i] = Some(k));
            m.new.iter().for_each(|&j| new_match[j] = Some(k));
        }
        Search {
            old,
            new,
            matches,
            old_match,
            new_match,
            old_features,
            new_features,
        }
    }

    /// The one new unit an old unit is paired with, if it is paired one
    /// to one (or split already).
    fn partner(&self, i: usize) -> Option<usize> {
        self.old_match[i]
            .filter(|&k| self.matches[k].new.len() == 1)
            .map(|k| self.matches[k].new[0])
    }

    /// For each old unit, the unmatched new units that are pieces of it.
    fn pieces(&self) -> Vec<Vec<usize>> {
        let mut index = Index::default();
        for i in
            (0..self.old.len()).filter(|&i| self.old_match[i].is_none() && is_body(&self.old[i]))
        {
            index.insert(i, self.old_features.get(i));
        }
        let mut counts = Counts::default();
        let mut pieces: Vec<Vec<usize>> = vec![Vec::new(); self.old.len()];
        for j in
            (0..self.new.len()).filter(|&j| self.new_match[j].is_none() && is_body(&self.new[j]))
        {
            let piece = self.new_features.get(j);
            if piece.len() < MIN_FEATURES {
                continue;
            }
            let neighbours = [j.checked_sub(1), Some(j + 1)]
                .into_iter()
                .flatten()
                .filter_map(|n| self.new_match.get(n).copied().flatten())
                .filter(|&k| self.matches[k].old.len() == 1 && self.matches[k].new.len() == 1)
                .map(|k| self.matches[k].old[0]);
            let candidates: Vec<usize> = neighbours
                .chain(index.candidates(piece, 4, usize::MAX, &mut counts))
                .collect();
            if let Some(i) = self.best_whole(j, &candidates) {
                pieces[i].push(j);
            }
        }
        pieces
    }

    /// Whether old unit `i` is paired exactly with a new unit of the same
    /// bytes. Nothing can then be a piece of it: a piece must carry words
    /// of the whole that the partner lacks ([`adds_to_partner`]), and the
    /// partner has all of them. Skipping it spares computing the features
    /// of the unchanged units next to every unmatched one.
    fn copied(&self, i: usize) -> bool {
        self.old_match[i].is_some_and(|k| {
            let m = &self.matches[k];
            m.exact && m.new.len() == 1 && self.old[i].text == self.new[m.new[0]].text
        })
    }

    /// The candidate old unit that new unit `j` is most contained in, if
    /// it is a piece of it (see [`adds_to_partner`]).
    fn best_whole(&self, j: usize, candidates: &[usize]) -> Option<usize> {
        let piece = self.new_features.get(j);
        let class = self.new[j].kind.alignment_class();
        let mut best: Option<(f64, usize)> = None;
        for &i in candidates {
            let partner = self.partner(i);
            // A piece is of the whole's kind, or of its partner's when the
            // whole changed kind (two preambular paragraphs merged into an
            // operative one).
            let same_kind = self.old[i].kind.alignment_class() == class
                || partner.is_some_and(|p| self.new[p].kind.alignment_class() == class);
            if !same_kind || self.copied(i) {
                continue;
            }
            let whole = self.old_features.get(i);
            let contained = features::containment(piece, whole);
            if contained < CONTAINED || best.is_some_and(|(c, _)| c >= contained) {
                continue;
            }
            if partner.is_none_or(|p| adds_to_partner(piece, whole, self.new_features.get(p))) {
                best = Some((contained, i));
            }
        }
        best.map(|(_, i)| i)
    }

    /// The split matches made of the pieces found, and which of the
    /// current matches they replace.
    fn group(&self, pieces: Vec<Vec<usize>>) -> (Vec<bool>, Vec<Match>) {
        let mut taken = vec![false; self.matches.len()];
        let mut added = Vec::new();
        for (i, found) in pieces.into_iter().enumerate() {
            if found.is_empty() {
                continue;
            }
            let partner = self.old_match[i].filter(|&k| self.matches[k].new.len() == 1);
            let mut group = found;
            if let Some(k) = partner {
                group.push(self.matches[k].new[0]);
            }
            group.sort_unstable();
            let run = contiguous_run(&group, partner.map(|k| self.matches[k].new[0]));
            if run.len() < 2 && partner.is_some() {
                continue;
            }
            if let Some(k) = partner {
                taken[k] = true;
            }
            added.push(Match {
                old: vec![i],
                new: run,
                exact: false,
                moved: partner.is_some_and(|k| self.matches[k].moved),
            });
        }
        (taken, added)
    }
}

/// Whether a piece carries words of the whole that its partner lacks: at
/// least [`MIN_ADDED`], and either a quarter of the piece's features or
/// half of what the partner lost of the whole. The second half of a split
/// paragraph does, even when both halves repeat the same opening
/// ("Requests ... to report on A;" and "Further requests ... to report on B
/// and C;"); a near-copy of the partner that only shares its boilerplate
/// (the other of two "Noting the report of the ... on cooperation," when
/// one was deleted) does not.
fn adds_to_partner(piece: &[u64], whole: &[u64], partner: &[u64]) -> bool {
    let added = features::common_excluding(piece, whole, partner);
    let lost = whole.len() - features::common(whole, partner);
    added >= MIN_ADDED && (added * 4 >= piece.len() || added * 2 >= lost)
}

/// The longest run of consecutive indices in sorted `group` containing
/// `must` (or the first run, if `must` is `None`).
fn contiguous_run(group: &[usize], must: Option<usize>) -> Vec<usize> {
    let mut runs: Vec<Vec<usize>> = Vec::new();
    for &j in group {
        match runs.last_mut() {
            Some(run) if run.last().is_some_and(|&l| l + 1 == j) => run.push(j),
            _ => runs.push(vec![j]),
        }
    }
    runs.into_iter()
        .find(|run| must.is_none_or(|m| run.contains(&m)))
        .unwrap_or_default()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn runs() {
        assert_eq!(contiguous_run(&[1, 2, 5, 6, 7], Some(6)), [5, 6, 7]);
        assert_eq!(contiguous_run(&[1, 2, 5], None), [1, 2]);
    }
}
