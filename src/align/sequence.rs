//! One-to-one matching of body units: exact, then similar, then moves.

use super::bits::{self, Bits};
use super::features::{self, Counts, Index};
use super::hash::FxHashMap;
use super::{Match, is_body, lis};
use crate::model::Unit;
use std::collections::VecDeque;
use std::sync::OnceLock;

/// How similar two units must be to be paired when the old one stands
/// where the new one is expected (between the same anchors).
pub const NEAR_THRESHOLD: f64 = 0.35;
/// How similar two units must be to be paired when the old one stands
/// elsewhere (the pair is then a move with edits).
pub const FAR_THRESHOLD: f64 = 0.6;
/// How many old units around the expected position are compared.
const NEAR_WINDOW: usize = 3;
/// How many candidates the sketch index proposes per unit.
const INDEX_CANDIDATES: usize = 6;
/// Sketch hashes shared by more units than this (a very common phrase) do
/// not propose candidates.
const COMMON_CAP: usize = 64;

/// Feature sets, computed on first use (and borrowed, never copied: any
/// number of units' features can be held at once).
pub struct Features<'a> {
    units: &'a [Unit],
    cache: Vec<OnceLock<Vec<u64>>>,
}

impl<'a> Features<'a> {
    /// Features for the units of one version.
    pub fn new(units: &'a [Unit]) -> Self {
        Features {
            units,
            cache: vec![OnceLock::new(); units.len()],
        }
    }

    /// The features of unit `i`.
    pub fn get(&self, i: usize) -> &[u64] {
        self.cache[i].get_or_init(|| features::features(&self.units[i].text))
    }
}

/// Computes the features of units `old` and `new` ahead, on both cores,
/// and gives their [`Bits`].
fn summarise(
    features: (&Features<'_>, &Features<'_>),
    old: &[usize],
    new: &[usize],
) -> (bits::Table, bits::Table) {
    let units: Vec<(bool, usize)> = old
        .iter()
        .map(|&i| (false, i))
        .chain(new.iter().map(|&j| (true, j)))
        .collect();
    let mut all = crate::parallel::map(&units, |&(is_new, k)| {
        Bits::of(if is_new { features.1 } else { features.0 }.get(k))
    });
    let new_bits = all.split_off(old.len());
    (
        bits::Table::new(features.0.units.len(), old, all),
        bits::Table::new(features.1.units.len(), new, new_bits),
    )
}

/// The state of one-to-one matching.
pub struct Pairs<'a> {
    old: &'a [Unit],
    new: &'a [Unit],
    old_keys: Vec<u64>,
    new_keys: Vec<u64>,
    /// For each old unit, its new partner.
    old_to_new: Vec<Option<usize>>,
    /// For each new unit, its old partner.
    new_to_old: Vec<Option<usize>>,
    /// For each new unit, whether the pair is exact.
    exact: Vec<bool>,
    /// For each new unit paired by similarity, its old partner and their
    /// [`features::dice`] (kept for the passes that weigh the pair).
    dice: Vec<Option<(usize, f64)>>,
    old_features: Features<'a>,
    new_features: Features<'a>,
}

/// What the one-to-one passes leave to those that follow: the feature
/// caches of both versions, and the similarity of the pairs they found.
pub struct Similarity<'a> {
    pub old: Features<'a>,
    pub new: Features<'a>,
    /// For each new unit paired by similarity, its old partner and their
    /// similarity.
    dice: Vec<Option<(usize, f64)>>,
}

impl Similarity<'_> {
    /// The [`features::dice`] of old unit `i` and new unit `j`, computed
    /// once: looked up for the pairs the similarity pass found.
    pub fn dice(&self, i: usize, j: usize) -> f64 {
        match self.dice[j] {
            Some((partner, dice)) if partner == i => dice,
            _ => features::dice(self.old.get(i), self.new.get(j)),
        }
    }
}

impl<'a> Pairs<'a> {
    /// Starts matching the units of two versions.
    pub fn new(old: &'a [Unit], new: &'a [Unit]) -> Self {
        let (old_keys, new_keys) = super::keys::both(old, new);
        Pairs {
            old,
            new,
            old_keys,
            new_keys,
            old_to_new: vec![None; old.len()],
            new_to_old: vec![None; new.len()],
            exact: vec![false; new.len()],
            dice: vec![None; new.len()],
            old_features: Features::new(old),
            new_features: Features::new(new),
        }
    }

    /// Runs the exact and similarity passes over body units.
    pub fn match_body(&mut self) {
        self.unique_exact();
        for (old_range, new_range) in self.gaps() {
            self.exact_in_gap(old_range, new_range);
        }
        self.exact_anywhere();
        self.similar();
    }

    fn pair(&mut self, i: usize, j: usize, exact: bool) {
        self.old_to_new[i] = Some(j);
        self.new_to_old[j] = Some(i);
        self.exact[j] = exact;
    }

    /// Pairs texts that occur exactly once in each version.
    fn unique_exact(&mut self) {
        let mut counts: FxHashMap<u64, (usize, usize, usize, usize)> = FxHashMap::default();
        for (i, &k) in self.old_keys.iter().enumerate() {
            if is_body(&self.old[i]) {
                let e = counts.entry(k).or_insert((0, 0, i, 0));
                e.0 += 1;
                e.2 = i;
            }
        }
        for (j, &k) in self.new_keys.iter().enumerate() {
            if let Some(e) = counts.get_mut(&k) {
                e.1 += 1;
                e.3 = j;
            }
        }
        for &(n_old, n_new, i, j) in counts.values() {
            if n_old == 1 && n_new == 1 {
                self.pair(i, j, true);
            }
        }
    }

    /// The ranges of old and new units between consecutive in-order pairs.
    fn gaps(&self) -> Vec<(std::ops::Range<usize>, std::ops::Range<usize>)> {
        let anchors = self.anchors();
        let mut gaps = Vec::with_capacity(anchors.len() + 1);
        let (mut old_start, mut new_start) = (0, 0);
        for &(i, j) in anchors
            .iter()
            .chain([(self.old.len(), self.new.len())].iter())
        {
            if i > old_start && j > new_start {
                gaps.push((old_start..i, new_start..j));
            }
            old_start = i + 1;
            new_start = j + 1;
        }
        gaps
    }

    /// The current pairs that keep their order, as (old, new).
    fn anchors(&self) -> Vec<(usize, usize)> {
        let pairs: Vec<(usize, usize, u64)> = self
            .new_to_old
            .iter()
            .enumerate()
            .filter_map(|(j, o)| o.map(|i| (j, i, 1)))
            .collect();
        let kept = lis::in_order(&pairs);
        pairs
            .iter()
            .zip(kept)
            .filter(|(_, k)| *k)
            .map(|(&(j, i, _), _)| (i, j))
            .collect()
    }

    /// Pairs repeated texts in order inside one gap.
    fn exact_in_gap(&mut self, old: std::ops::Range<usize>, new: std::ops::Range<usize>) {
        let mut waiting: FxHashMap<u64, VecDeque<usize>> = FxHashMap::default();
        for i in old.filter(|&i| self.old_to_new[i].is_none() && is_body(&self.old[i])) {
            waiting.entry(self.old_keys[i]).or_default().push_back(i);
        }
        let mut last_old = 0;
        for j in new {
            if self.new_to_old[j].is_some() || !is_body(&self.new[j]) {
                continue;
            }
            let Some(queue) = waiting.get_mut(&self.new_keys[j]) else {
                continue;
            };
            while queue.front().is_some_and(|&i| i < last_old) {
                queue.pop_front();
            }
            if let Some(i) = queue.pop_front() {
                last_old = i;
                self.pair(i, j, true);
            }
        }
    }

    /// Pairs what remains of identical texts, wherever they stand.
    fn exact_anywhere(&mut self) {
        let mut waiting: FxHashMap<u64, VecDeque<usize>> = FxHashMap::default();
        for i in 0..self.old.len() {
            if self.old_to_new[i].is_none() && is_body(&self.old[i]) {
                waiting.entry(self.old_keys[i]).or_default().push_back(i);
            }
        }
        for j in 0..self.new.len() {
            if self.new_to_old[j].is_some() || !is_body(&self.new[j]) {
                continue;
            }
            if let Some(i) = waiting
                .get_mut(&self.new_keys[j])
                .and_then(VecDeque::pop_front)
            {
                self.pair(i, j, true);
            }
        }
    }

    /// Pairs unmatched units by similarity, best pairs first.
    fn similar(&mut self) {
        let anchors = self.anchors();
        let unmatched_old: Vec<usize> = (0..self.old.len())
            .filter(|&i| self.old_to_new[i].is_none() && is_body(&self.old[i]))
            .collect();
        let unmatched_new: Vec<usize> = (0..self.new.len())
            .filter(|&j| self.new_to_old[j].is_none() && is_body(&self.new[j]))
            .collect();
        let features = (&self.old_features, &self.new_features);
        let bits = summarise(features, &unmatched_old, &unmatched_new);
        let mut index = Index::default();
        for &i in &unmatched_old {
            index.insert(i, self.old_features.get(i));
        }
        // Each new unit's candidates scored on its own: on both cores.
        let this = &*self;
        let mut scored: Vec<(f64, usize, usize, f64)> =
            crate::parallel::map_chunks(&unmatched_new, crate::parallel::MIN_CHUNK, |chunk| {
                let mut counts = Counts::default();
                let mut scored = Vec::new();
                for &j in chunk {
                    let found = (&index, &bits);
                    this.score_candidates(&anchors, found, &mut counts, j, &mut scored);
                }
                scored
            })
            .concat();
        scored.sort_by(|a, b| b.0.total_cmp(&a.0).then(a.2.cmp(&b.2)).then(a.1.cmp(&b.1)));
        for (_, i, j, dice) in scored {
            if self.old_to_new[i].is_none() && self.new_to_old[j].is_none() {
                self.pair(i, j, false);
                self.dice[j] = Some((i, dice));
            }
        }
    }

    /// Scores new unit `j` against the old units near its expected place
    /// and those the index proposes, into `scored` as (score, old, new,
    /// similarity).
    fn score_candidates(
        &self,
        anchors: &[(usize, usize)],
        (index, bits): (&Index, &(bits::Table, bits::Table)),
        counts: &mut Counts,
        j: usize,
        scored: &mut Vec<(f64, usize, usize, f64)>,
    ) {
        let (near, range) = self.near_candidates(anchors, j);
        let new_features = self.new_features.get(j);
        let far = index.candidates(new_features, INDEX_CANDIDATES, COMMON_CAP, counts);
        for i in near.into_iter().chain(far) {
            let bits = (bits.0.get(i), bits.1.get(j));
            if let Some((score, dice)) = self.score(i, j, &range, bits) {
                scored.push((score, i, j, dice));
            }
        }
    }

    /// How well old unit `i` would pair with new unit `j` (its similarity,
    /// with a bonus when `i` stands where `j` is expected, in `near`), and
    /// their similarity alone; `None` when below the threshold for where
    /// it stands.
    /// Their [`Bits`], when known, spare the comparison of a pair that
    /// cannot reach the threshold.
    fn score(
        &self,
        i: usize,
        j: usize,
        near: &std::ops::Range<usize>,
        bits: (Option<&Bits>, Option<&Bits>),
    ) -> Option<(f64, f64)> {
        let (old_kind, new_kind) = (self.old[i].kind, self.new[j].kind);
        let same_kind = old_kind.alignment_class() == new_kind.alignment_class();
        // A preambular paragraph that became operative, an operative one
        // that became a subparagraph: matched on strong similarity only.
        let changed_kind = !same_kind && old_kind.is_paragraph() && new_kind.is_paragraph();
        if !same_kind && !changed_kind {
            return None;
        }
        let is_near = near.contains(&i) && same_kind;
        let (threshold, bonus) = if is_near {
            (NEAR_THRESHOLD, 0.1)
        } else {
            (FAR_THRESHOLD, 0.0)
        };
        if let (Some(a), Some(b)) = bits
            && !a.may_reach(b, threshold)
        {
            return None;
        }
        let score = features::dice(self.old_features.get(i), self.new_features.get(j));
        (score >= threshold).then_some((score + bonus, score))
    }

    /// Unmatched old units around the position where new unit `j` is
    /// expected, and the old range between the anchors around `j`.
    fn near_candidates(
        &self,
        anchors: &[(usize, usize)],
        j: usize,
    ) -> (Vec<usize>, std::ops::Range<usize>) {
        let after = anchors.partition_point(|&(_, aj)| aj < j);
        let (prev_old, prev_new) = match after.checked_sub(1) {
            Some(k) => (anchors[k].0 + 1, anchors[k].1 + 1),
            None => (0, 0),
        };
        let next_old = anchors.get(after).map_or(self.old.len(), |a| a.0);
        let range = prev_old..next_old.max(prev_old);
        let expected = (prev_old + (j - prev_new)).min(range.end.saturating_sub(1));
        let lo = expected.saturating_sub(NEAR_WINDOW).max(range.start);
        let hi = (expected + NEAR_WINDOW + 1).min(range.end);
        let near = (lo..hi)
            .filter(|&i| self.old_to_new[i].is_none() && is_body(&self.old[i]))
            .collect();
        (near, range)
    }

    /// The one-to-one matches (move flags are set once splits and merges
    /// are known), and what the passes that follow need of this one.
    pub fn into_parts(self) -> (Vec<Match>, Similarity<'a>) {
        let matches = self
            .new_to_old
            .iter()
            .enumerate()
            .filter_map(|(j, o)| {
                o.map(|i| Match {
                    old: vec![i],
                    new: vec![j],
                    exact: self.exact[j],
                    moved: false,
                })
            })
            .collect();
        let similarity = Similarity {
            old: self.old_features,
            new: self.new_features,
            dice: self.dice,
        };
        (matches, similarity)
    }
}
