//! The patience diff of `similar`, over token numbers, without its hash
//! maps.
//!
//! [`Patience::diff`] gives exactly the operations of
//! `similar::capture_diff_slices(Algorithm::Patience, old, new)`: it is that
//! function's code (`similar` 3.2.1, `algorithms/patience.rs` and the
//! replace fast path of `algorithms/preflight.rs`) with one change. Where
//! `similar` finds the items that occur once in a sequence, and the items a
//! sequence shares with the other, through hash maps keyed by a keyed
//! SipHash of every item, this module counts in an array indexed by the
//! item: the items are token numbers, small and dense (see
//! `words::Ids`). The Myers steps, the `Replace` and `Compact` hooks and the
//! capture are `similar`'s own, called as `similar` calls them. A property
//! test compares the two on random sequences, and the crate's benchmarks
//! and outputs on every generated pair compare the redlines.
//!
//! Why it matters: on a 4,000-paragraph draft the maps of `similar`'s
//! `unique` took a fifth of the word diff.

use similar::DiffOp;
use similar::algorithms::{Capture, Compact, DiffHook, NoFinishHook, Replace, myers};
use std::convert::Infallible;
use std::ops::Range;

/// `similar`'s preflight: both sides at least this long before the
/// disjoint fast path is tried (`DISJOINT_FAST_PATH_MIN_LEN`).
const DISJOINT_MIN_LEN: usize = 512;
/// `similar`'s `DISJOINT_FAST_PATH_MIN_WORK`.
const DISJOINT_MIN_WORK: usize = 128 * 1024;
/// `similar`'s `DISJOINT_FAST_PATH_BOUNDARY_PROBE`.
const BOUNDARY_PROBE: usize = 8;
/// `similar`'s `NEAR_DISJOINT_COMMON_ITEM_DIVISOR`.
const COMMON_ITEM_DIVISOR: usize = 1024;
/// `similar`'s `NEAR_DISJOINT_MAX_COMMON_ITEMS`.
const MAX_COMMON_ITEMS: usize = 64;

/// Scratch space for patience diffs of token numbers, reused from call to
/// call: one count per token number met so far, zero between calls.
#[derive(Default)]
pub struct Patience {
    counts: Vec<u32>,
    old_unique: Vec<usize>,
    new_unique: Vec<usize>,
    old_values: Vec<u32>,
    new_values: Vec<u32>,
}

impl Patience {
    /// The operations of `capture_diff_slices(Algorithm::Patience, old,
    /// new)`. The numbers should be small: the scratch holds a count for
    /// every number up to the largest met.
    pub fn diff(&mut self, old: &[u32], new: &[u32]) -> Vec<DiffOp> {
        let mut d = Compact::new(Replace::new(Capture::new()), old, new);
        let Ok(()) = self.run(&mut d, old, new);
        d.into_inner().into_inner().into_ops()
    }

    /// `similar::algorithms::patience::diff_deadline` without a deadline.
    fn run<D: DiffHook<Error = Infallible>>(
        &mut self,
        d: &mut D,
        old: &[u32],
        new: &[u32],
    ) -> Result<(), Infallible> {
        self.fit(old.iter().chain(new).copied().max());
        if should_scan(old, new) && !self.more_than_common_items(old, new) {
            d.delete(0, old.len(), 0)?;
            d.insert(0, 0, new.len())?;
            return d.finish();
        }
        if old.is_empty() || new.is_empty() {
            if !new.is_empty() {
                d.insert(0, 0, new.len())?;
            } else if !old.is_empty() {
                d.delete(0, old.len(), 0)?;
            }
            return d.finish();
        }
        let prefix = common_prefix_len(old, new);
        if old.len() == new.len() && prefix == old.len() {
            d.equal(0, 0, prefix)?;
            return d.finish();
        }
        self.unique(old, true);
        self.unique(new, false);
        let mut hook = Replace::new(Hook {
            d,
            old,
            old_current: 0,
            old_indexes: &self.old_unique,
            new,
            new_current: 0,
            new_indexes: &self.new_unique,
        });
        myers::diff_deadline(
            &mut hook,
            self.old_values.as_slice(),
            0..self.old_values.len(),
            self.new_values.as_slice(),
            0..self.new_values.len(),
            None,
        )
    }

    /// Makes room for a count of every number up to `max`.
    fn fit(&mut self, max: Option<u32>) {
        if let Some(max) = max {
            let len = max as usize + 1;
            if self.counts.len() < len {
                self.counts.resize(len, 0);
            }
        }
    }

    /// The indices of the items of `seq` that occur once in it, in order,
    /// and their values (`similar::algorithms::utils::unique`).
    fn unique(&mut self, seq: &[u32], old: bool) {
        let (indexes, values) = if old {
            (&mut self.old_unique, &mut self.old_values)
        } else {
            (&mut self.new_unique, &mut self.new_values)
        };
        indexes.clear();
        values.clear();
        for &v in seq {
            self.counts[v as usize] += 1;
        }
        for (i, &v) in seq.iter().enumerate() {
            if self.counts[v as usize] == 1 {
                indexes.push(i);
                values.push(v);
            }
        }
        for &v in seq {
            self.counts[v as usize] = 0;
        }
    }

    /// Whether more items of `new` than the budget occur in `old`
    /// (`has_more_than_common_items`, with `similar`'s budget).
    fn more_than_common_items(&mut self, old: &[u32], new: &[u32]) -> bool {
        let budget = (old.len().min(new.len()) / COMMON_ITEM_DIVISOR).clamp(1, MAX_COMMON_ITEMS);
        for &v in old {
            self.counts[v as usize] = 1;
        }
        let mut common = 0;
        let mut more = false;
        for &v in new {
            if self.counts[v as usize] != 0 {
                common += 1;
                if common > budget {
                    more = true;
                    break;
                }
            }
        }
        for &v in old {
            self.counts[v as usize] = 0;
        }
        more
    }
}

/// `similar`'s `should_scan`: whether the disjoint fast path is worth
/// trying (long sides, different ends).
fn should_scan(old: &[u32], new: &[u32]) -> bool {
    let (o, n) = (old.len(), new.len());
    if o < DISJOINT_MIN_LEN || n < DISJOINT_MIN_LEN || o.saturating_mul(n) < DISJOINT_MIN_WORK {
        return false;
    }
    if new[0] == old[0] || new[n - 1] == old[o - 1] {
        return false;
    }
    let probe = o.min(n).min(BOUNDARY_PROBE + 1);
    for skip in 1..probe {
        if new[skip] == old[0]
            || new[0] == old[skip]
            || new[n - 1 - skip] == old[o - 1]
            || new[n - 1] == old[o - 1 - skip]
        {
            return false;
        }
    }
    true
}

fn common_prefix_len(old: &[u32], new: &[u32]) -> usize {
    old.iter().zip(new).take_while(|(a, b)| a == b).count()
}

/// `similar`'s `Patience` hook: Myers over the unique items calls it with
/// their matches; between two matched unique items it extends the equal
/// run forward and diffs the rest of the gap with Myers.
struct Hook<'a, D> {
    d: &'a mut D,
    old: &'a [u32],
    old_current: usize,
    old_indexes: &'a [usize],
    new: &'a [u32],
    new_current: usize,
    new_indexes: &'a [usize],
}

impl<D: DiffHook<Error = Infallible>> DiffHook for Hook<'_, D> {
    type Error = Infallible;

    fn equal(&mut self, old: usize, new: usize, len: usize) -> Result<(), Infallible> {
        for (old, new) in (old..old + len).zip(new..new + len) {
            let (a0, b0) = (self.old_current, self.new_current);
            let (old_to, new_to) = (self.old_indexes[old], self.new_indexes[new]);
            while self.old_current < old_to
                && self.new_current < new_to
                && self.new[self.new_current] == self.old[self.old_current]
            {
                self.old_current += 1;
                self.new_current += 1;
            }
            if self.old_current > a0 {
                self.d.equal(a0, b0, self.old_current - a0)?;
            }
            myers(
                &mut *self.d,
                (self.old, self.old_current..old_to),
                (self.new, self.new_current..new_to),
            )?;
            self.old_current = old_to;
            self.new_current = new_to;
        }
        Ok(())
    }

    fn finish(&mut self) -> Result<(), Infallible> {
        myers(
            self.d,
            (self.old, self.old_current..self.old.len()),
            (self.new, self.new_current..self.new.len()),
        )?;
        self.d.finish()
    }
}

/// `similar::algorithms::myers::diff_deadline` on two ranges, without its
/// final `finish`. Most gaps between two unique items are empty on one
/// side or both: what Myers emits for them (nothing, one insertion, one
/// deletion: its trim finds no common ends in an empty range) is emitted
/// without the call.
fn myers<D: DiffHook<Error = Infallible>>(
    d: &mut D,
    (old, o): (&[u32], Range<usize>),
    (new, n): (&[u32], Range<usize>),
) -> Result<(), Infallible> {
    match (o.is_empty(), n.is_empty()) {
        (true, true) => Ok(()),
        (true, false) => d.insert(o.start, n.start, n.len()),
        (false, true) => d.delete(o.start, o.len(), n.start),
        (false, false) => myers::diff_deadline(&mut NoFinishHook::new(d), old, o, new, n, None),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::collection::vec;
    use proptest::prelude::*;
    use similar::{Algorithm, capture_diff_slices};

    fn same_as_similar(old: &[u32], new: &[u32]) -> Result<(), TestCaseError> {
        let mut p = Patience::default();
        let ours = p.diff(old, new);
        prop_assert_eq!(&ours, &capture_diff_slices(Algorithm::Patience, old, new));
        // The scratch is left clean: a second call gives the same.
        prop_assert_eq!(ours, p.diff(old, new));
        prop_assert!(p.counts.iter().all(|&c| c == 0));
        Ok(())
    }

    /// A sequence and an edited copy of it: the case of a redline.
    fn edited(len: usize, alphabet: u32) -> impl Strategy<Value = (Vec<u32>, Vec<u32>)> {
        (
            vec(0..alphabet, 0..len),
            vec((0u8..4, 0..alphabet), 0..len / 4 + 2),
        )
            .prop_map(|(old, edits)| {
                let mut new = old.clone();
                for (kind, v) in edits {
                    let at = (v as usize * 7919) % (new.len() + 1);
                    match kind {
                        0 => new.insert(at, v),
                        1 if at < new.len() => {
                            new.remove(at);
                        }
                        2 if at < new.len() => new[at] = v,
                        _ => {}
                    }
                }
                (old, new)
            })
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(2000))]

        #[test]
        fn random_sequences_as_similar(
            old in vec(0u32..6, 0..40),
            new in vec(0u32..6, 0..40),
        ) {
            same_as_similar(&old, &new)?;
        }

        #[test]
        fn edited_sequences_as_similar((old, new) in edited(120, 60)) {
            same_as_similar(&old, &new)?;
        }

        #[test]
        fn edited_words_as_similar((old, new) in edited(400, 400)) {
            same_as_similar(&old, &new)?;
        }
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(200))]

        /// Long sides: `similar`'s disjoint fast path is tried.
        #[test]
        fn long_sequences_as_similar(
            old in vec(0u32..3000, 500..700),
            new in vec(0u32..3000, 500..700),
            shift in 0u32..2,
        ) {
            // Sometimes nearly disjoint (the fast path taken), sometimes not.
            let new: Vec<u32> = new.into_iter().map(|v| v + shift * 2500).collect();
            same_as_similar(&old, &new)?;
        }

        #[test]
        fn long_edited_sequences_as_similar((old, new) in edited(1200, 2000)) {
            same_as_similar(&old, &new)?;
        }
    }

    #[test]
    fn similar_test_cases() {
        let cases: [(&[u32], &[u32]); 4] = [
            (
                &[11, 1, 2, 2, 3, 4, 4, 4, 5, 47, 19],
                &[10, 1, 2, 2, 8, 9, 4, 4, 7, 47, 18],
            ),
            (&[1, 1, 0, 0], &[0, 1, 1, 0]),
            (&[1, 2, 3, 4], &[1, 2, 3]),
            (&[], &[]),
        ];
        for (old, new) in cases {
            let mut p = Patience::default();
            assert_eq!(
                p.diff(old, new),
                capture_diff_slices(Algorithm::Patience, old, new)
            );
        }
    }

    #[test]
    fn disjoint_long_sides_are_one_replacement() {
        let old: Vec<u32> = (0..600).collect();
        let new: Vec<u32> = (1000..1600).collect();
        let mut p = Patience::default();
        let ops = p.diff(&old, &new);
        assert_eq!(ops, capture_diff_slices(Algorithm::Patience, &old, &new));
        assert_eq!(ops.len(), 1);
    }
}
