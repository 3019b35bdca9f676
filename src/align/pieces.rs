//! Splits and merges.
//!
//! A new unit that matched nothing, and whose words are mostly (at least
//! [`CONTAINED`]) found in one old unit, is a piece of that old unit. The
//! old unit's pieces, together with the new unit it was already paired
//! with, form a split if they stand next to each other. Merges are the same
//! search with old and new swapped.

use super::features::{self, Index};
use super::sequence::Features;
use super::{Match, is_body};
use crate::model::Unit;

/// Share of a piece's features that must be found in the whole.
pub const CONTAINED: f64 = 0.7;
/// Pieces with fewer features (a two-word line) are never taken for pieces.
const MIN_FEATURES: usize = 5;
/// Features of the whole a piece must carry beyond its partner's.
const MIN_ADDED: usize = 3;

/// Finds splits and merges among the units left unmatched by `matches`,
/// with the feature caches of both versions.
pub fn find<'a>(
    old: &'a [Unit],
    new: &'a [Unit],
    matches: Vec<Match>,
    old_features: &mut Features<'a>,
    new_features: &mut Features<'a>,
) -> Vec<Match> {
    let matches = splits(old, new, matches, old_features, new_features);
    let flipped = splits(
        new,
        old,
        matches.into_iter().map(swap).collect(),
        new_features,
        old_features,
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

/// Splits of `old` units into several `new` ones.
fn splits<'a>(
    old: &'a [Unit],
    new: &'a [Unit],
    mut matches: Vec<Match>,
    old_features: &mut Features<'a>,
    new_features: &mut Features<'a>,
) -> Vec<Match> {
    let mut old_match = vec![None; old.len()];
    let mut new_match = vec![None; new.len()];
    for (k, m) in matches.iter().enumerate() {
        m.old.iter().for_each(|&i| old_match[i] = Some(k));
        m.new.iter().for_each(|&j| new_match[j] = Some(k));
    }
    let mut index = Index::default();
    for i in (0..old.len()).filter(|&i| old_match[i].is_none() && is_body(&old[i])) {
        index.insert(i, old_features.get(i));
    }
    // For each old unit, the unmatched new units that are pieces of it.
    let mut pieces: Vec<Vec<usize>> = vec![Vec::new(); old.len()];
    for j in (0..new.len()).filter(|&j| new_match[j].is_none() && is_body(&new[j])) {
        let piece = new_features.get(j).to_vec();
        if piece.len() < MIN_FEATURES {
            continue;
        }
        let neighbours = [j.checked_sub(1), Some(j + 1)]
            .into_iter()
            .flatten()
            .filter_map(|n| new_match.get(n).copied().flatten())
            .filter(|&k| matches[k].old.len() == 1 && matches[k].new.len() == 1)
            .map(|k| matches[k].old[0]);
        let candidates: Vec<usize> = neighbours
            .chain(index.candidates(&piece, 4, usize::MAX))
            .collect();
        let mut best: Option<(f64, usize)> = None;
        for i in candidates {
            let partner = old_match[i]
                .filter(|&k| matches[k].new.len() == 1)
                .map(|k| matches[k].new[0]);
            // A piece is of the whole's kind, or of its partner's when the
            // whole changed kind (two preambular paragraphs merged into an
            // operative one).
            let class = new[j].kind.alignment_class();
            let same_kind = old[i].kind.alignment_class() == class
                || partner.is_some_and(|p| new[p].kind.alignment_class() == class);
            if !same_kind {
                continue;
            }
            let whole = old_features.get(i).to_vec();
            let contained = features::containment(&piece, &whole);
            if contained < CONTAINED || best.is_some_and(|(c, _)| c >= contained) {
                continue;
            }
            if partner.is_none_or(|p| adds_to_partner(&piece, &whole, new_features.get(p))) {
                best = Some((contained, i));
            }
        }
        if let Some((_, i)) = best {
            pieces[i].push(j);
        }
    }
    let mut taken = vec![false; matches.len()];
    let mut added = Vec::new();
    for (i, found) in pieces.into_iter().enumerate() {
        if found.is_empty() {
            continue;
        }
        let partner = old_match[i].filter(|&k| matches[k].new.len() == 1);
        let mut group = found;
        if let Some(k) = partner {
            group.push(matches[k].new[0]);
        }
        group.sort_unstable();
        let run = contiguous_run(&group, partner.map(|k| matches[k].new[0]));
        if run.len() < 2 && partner.is_some() {
            continue;
        }
        let moved = partner.is_some_and(|k| matches[k].moved);
        if let Some(k) = partner {
            taken[k] = true;
        }
        added.push(Match {
            old: vec![i],
            new: run,
            exact: false,
            moved,
        });
    }
    let mut k = 0;
    matches.retain(|_| {
        k += 1;
        !taken[k - 1]
    });
    matches.extend(added);
    matches
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
