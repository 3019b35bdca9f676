//! An inverted index from sketch hashes to the units that have them: which
//! units share the most of a text's sketch ([`features::sketch`]).
//!
//! A hash that most units' sketches hold (a very common word whose hash
//! happens to be small) has a posting as long as the index. Counting it
//! unit by unit for every query made the search for splits and merges
//! quadratic in the number of unmatched units. A posting longer than
//! [`LONG`] (or than its bit set's words) is not counted unit by unit: a
//! unit the short postings reached looks itself
//! up in it, and of the units only long
//! postings reach, which hold as many of them as they do, only the first
//! few in unit order can be among the first `limit`: the long postings, as
//! bit sets over the indexed units, are counted 64 units a step to find
//! them.

use super::features::sketch;
use super::hash::FxHashMap;
use std::sync::OnceLock;

/// Postings longer than this, or than a bit set's words if more, are
/// counted as bit sets, not unit by unit.
pub const LONG: usize = 16;

/// An inverted index from sketch hashes to the units that have them.
#[derive(Default)]
pub struct Index {
    /// For each hash, the units whose sketch has it, in increasing order,
    /// and (for a long posting, made on first use) the same as a bit set
    /// over the places of the units in `units`.
    postings: FxHashMap<u64, (Vec<usize>, OnceLock<Vec<u64>>)>,
    /// The indexed units, in increasing order.
    units: Vec<usize>,
    /// For each unit, its place in `units` (`u32::MAX`: not indexed).
    places: Vec<u32>,
}

/// Scratch of [`Index::candidates`], kept between calls (one per thread):
/// the number of shared hashes of each unit (zero between calls), and the
/// units with a count.
#[derive(Default)]
pub struct Counts {
    counts: Vec<u32>,
    counted: Vec<usize>,
}

impl Index {
    /// Indexes `unit` under the hashes of its sketch. Units are inserted in
    /// increasing order.
    pub fn insert(&mut self, unit: usize, features: &[u64]) {
        debug_assert!(self.units.last().is_none_or(|&last| last < unit));
        if unit >= self.places.len() {
            self.places.resize(unit + 1, u32::MAX);
        }
        self.places[unit] = self.units.len() as u32;
        self.units.push(unit);
        for &h in sketch(features) {
            self.postings.entry(h).or_default().0.push(unit);
        }
    }

    /// A posting as a bit set over the places of the indexed units.
    fn bits<'s>(&'s self, posting: &'s (Vec<usize>, OnceLock<Vec<u64>>)) -> &'s [u64] {
        posting.1.get_or_init(|| {
            let mut bits = vec![0u64; self.units.len().div_ceil(64)];
            for &u in &posting.0 {
                let place = self.places[u] as usize;
                bits[place / 64] |= 1 << (place % 64);
            }
            bits
        })
    }

    /// Units sharing sketch hashes with `features`, the most shared first
    /// (then in unit order), at most `limit`. Hashes shared by more than
    /// `common_cap` units (the sketch of a very common phrase) are skipped.
    pub fn candidates(
        &self,
        features: &[u64],
        limit: usize,
        common_cap: usize,
        scratch: &mut Counts,
    ) -> Vec<usize> {
        let long = LONG.max(self.units.len() / 64);
        self.candidates_with(features, limit, common_cap, long, scratch)
    }

    /// [`Index::candidates`], postings longer than `long` counted as bit
    /// sets.
    fn candidates_with(
        &self,
        features: &[u64],
        limit: usize,
        common_cap: usize,
        long: usize,
        scratch: &mut Counts,
    ) -> Vec<usize> {
        let Counts { counts, counted } = scratch;
        let mut merged = Vec::new();
        for h in sketch(features) {
            match self.postings.get(h) {
                Some((units, _)) if units.len() > common_cap => {}
                Some(posting) if posting.0.len() > long => merged.push(posting),
                Some((units, _)) => units.iter().for_each(|&u| count(counts, counted, u)),
                None => {}
            }
        }
        let sets: Vec<&[u64]> = merged.iter().map(|p| self.bits(p)).collect();
        if !sets.is_empty() {
            for &u in counted.iter() {
                let place = self.places[u] as usize;
                let held = sets
                    .iter()
                    .filter(|s| s[place / 64] >> (place % 64) & 1 == 1);
                counts[u] += held.count() as u32;
            }
        }
        let touched = |u: usize| counts.get(u).is_some_and(|&c| c > 0);
        let mut ranked = first_by_level(&sets, &self.units, limit, &touched);
        ranked.extend(
            counted
                .drain(..)
                .map(|u| (u, std::mem::take(&mut counts[u]))),
        );
        first(ranked, limit)
    }
}

/// Counts one more shared hash for unit `u`.
fn count(counts: &mut Vec<u32>, counted: &mut Vec<usize>, u: usize) {
    if u >= counts.len() {
        counts.resize(u + 1, 0);
    }
    if counts[u] == 0 {
        counted.push(u);
    }
    counts[u] += 1;
}

/// Of the indexed `units` in the `sets` (long postings as bit sets) that
/// are not `touched`, for each number of sets holding them, the first
/// `limit` in unit order, with that number: the only ones that can be
/// among the first `limit` of a query. The sets are counted 64 units a
/// step (a bit-sliced counter), and the count stops when every number has
/// enough.
fn first_by_level(
    sets: &[&[u64]],
    units: &[usize],
    limit: usize,
    touched: &dyn Fn(usize) -> bool,
) -> Vec<(usize, u32)> {
    let mut out = Vec::new();
    let mut found = vec![0; sets.len() + 1];
    let mut full = 0;
    if limit == 0 {
        return out;
    }
    for w in 0..units.len().div_ceil(64) {
        // Bit k of planes[p] is bit p of the number of sets holding unit
        // 64 w + k.
        let mut planes = [0u64; 5];
        for set in sets {
            let mut carry = set[w];
            for plane in planes.iter_mut() {
                let next = *plane & carry;
                *plane ^= carry;
                carry = next;
            }
        }
        for (level, found) in found.iter_mut().enumerate().skip(1) {
            let mut exactly = planes.iter().enumerate().fold(u64::MAX, |m, (p, &plane)| {
                m & if level >> p & 1 == 1 { plane } else { !plane }
            });
            while exactly != 0 && *found < limit {
                let u = units[64 * w + exactly.trailing_zeros() as usize];
                exactly &= exactly - 1;
                if !touched(u) {
                    out.push((u, level as u32));
                    *found += 1;
                    full += usize::from(*found == limit);
                }
            }
        }
        if full == sets.len() {
            break;
        }
    }
    out
}

/// The first `limit` of `ranked` by count, then unit: chosen in linear
/// time, then sorted, not the whole list sorted.
fn first(mut ranked: Vec<(usize, u32)>, limit: usize) -> Vec<usize> {
    let order = |a: &(usize, u32), b: &(usize, u32)| b.1.cmp(&a.1).then(a.0.cmp(&b.0));
    if limit == 0 {
        return Vec::new();
    }
    if ranked.len() > limit {
        ranked.select_nth_unstable_by(limit - 1, order);
        ranked.truncate(limit);
    }
    ranked.sort_unstable_by(order);
    ranked.into_iter().map(|(u, _)| u).collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::align::features::features;

    /// [`Index::candidates`] as first written: every unit with a shared
    /// hash counted in a map, the whole list sorted.
    fn candidates_slowly(
        sketches: &[Vec<u64>],
        query: &[u64],
        limit: usize,
        common_cap: usize,
    ) -> Vec<usize> {
        let mut counts: std::collections::HashMap<usize, u32> = Default::default();
        for h in sketch(query) {
            let holders: Vec<usize> = (0..sketches.len())
                .filter(|&u| sketch(&sketches[u]).contains(h))
                .collect();
            if holders.len() <= common_cap {
                holders
                    .into_iter()
                    .for_each(|u| *counts.entry(u).or_default() += 1);
            }
        }
        let mut ranked: Vec<(usize, u32)> = counts.into_iter().collect();
        ranked.sort_by(|a, b| b.1.cmp(&a.1).then(a.0.cmp(&b.0)));
        ranked.into_iter().take(limit).map(|(u, _)| u).collect()
    }

    proptest::proptest! {
        /// Whatever postings are merged rather than counted (`long`), and
        /// whatever the cap, the candidates are the first of all counted.
        #[test]
        fn candidates_are_the_first_of_all_counted(
            sets in proptest::collection::vec(proptest::collection::btree_set(0u64..40, 0..24), 0..40),
            query in proptest::collection::btree_set(0u64..40, 0..24),
            limit in 0usize..8,
            common_cap in proptest::option::of(1usize..30),
            long in 0usize..12,
            gaps in proptest::collection::vec(1usize..4, 40),
        ) {
            let sets: Vec<Vec<u64>> = sets.into_iter().map(|s| s.into_iter().collect()).collect();
            let query: Vec<u64> = query.into_iter().collect();
            let common_cap = common_cap.unwrap_or(usize::MAX);
            // Units numbered with gaps, as the unmatched units of a draft.
            let numbers: Vec<usize> = gaps.iter().scan(0, |n, g| { *n += g; Some(*n) }).collect();
            let mut index = Index::default();
            for (u, f) in sets.iter().enumerate() {
                index.insert(numbers[u], f);
            }
            let expected: Vec<usize> = candidates_slowly(&sets, &query, limit, common_cap)
                .into_iter()
                .map(|u| numbers[u])
                .collect();
            let mut counts = Counts::default();
            for _ in 0..2 {
                proptest::prop_assert_eq!(
                    &index.candidates_with(&query, limit, common_cap, long, &mut counts),
                    &expected
                );
            }
        }
    }

    #[test]
    fn index_finds_similar_unit() {
        let texts = [
            "alpha beta gamma delta",
            "one two three four five",
            "alpha beta gamma epsilon",
        ];
        let mut index = Index::default();
        for (i, t) in texts.iter().enumerate().take(2) {
            index.insert(i, &features(t));
        }
        let mut counts = Counts::default();
        assert_eq!(
            index.candidates(&features(texts[2]), 1, 10, &mut counts),
            [0]
        );
    }
}
