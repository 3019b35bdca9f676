//! A cheap upper bound on how many features two units share, to skip the
//! candidate pairs that cannot reach a similarity threshold without
//! merging their feature lists.
//!
//! A unit's [`Bits`] set one bit of [`BITS`] for each of its features (the
//! feature hash's low bits) and count the features that fell on a bit
//! already set (the spill). Every feature two units share sets the same
//! bit in both, and a bit set in both holds at most one shared feature
//! beyond those that spilled onto it, so
//!
//! ```text
//! shared(a, b) ≤ min(popcount(a & b) + min(spill a, spill b), |a|, |b|)
//! ```
//!
//! With a few hundred features a paragraph, few spill, and two unrelated
//! paragraphs share few bits: the bound of most candidates is below the
//! threshold, and [`super::features::dice`] (a merge of two sorted lists of
//! some hundred hashes) runs only for the pairs that may pass it. The bound
//! never rejects a pair the threshold would accept, so the pairs chosen are
//! the same.

/// How many bits a unit's summary has.
pub const BITS: usize = 4096;
const WORDS: usize = BITS / 64;

/// The bits of a unit's features (see the module documentation).
#[derive(Clone)]
pub struct Bits {
    words: Box<[u64; WORDS]>,
    /// Features that fell on a bit already set.
    spill: u32,
    /// How many features the unit has.
    len: u32,
}

impl Bits {
    /// The bits of a sorted, de-duplicated feature set.
    pub fn of(features: &[u64]) -> Bits {
        let mut words = Box::new([0u64; WORDS]);
        let mut spill = 0;
        for &h in features {
            let bit = (h as usize) % BITS;
            let (word, mask) = (bit / 64, 1u64 << (bit % 64));
            spill += u32::from(words[word] & mask != 0);
            words[word] |= mask;
        }
        Bits {
            words,
            spill,
            len: features.len() as u32,
        }
    }

    /// At least as many as the features `self` and `other` share.
    pub fn most_shared(&self, other: &Bits) -> usize {
        let both: u32 = self
            .words
            .iter()
            .zip(other.words.iter())
            .map(|(a, b)| (a & b).count_ones())
            .sum();
        let bound = both + self.spill.min(other.spill);
        bound.min(self.len).min(other.len) as usize
    }

    /// Whether two units may have a [`super::features::dice`] of at least
    /// `threshold`: false only when they certainly have not (the dice of
    /// the bound, computed as `dice` computes its value, is below it).
    pub fn may_reach(&self, other: &Bits, threshold: f64) -> bool {
        let total = self.len as usize + other.len as usize;
        total == 0 || 2.0 * self.most_shared(other) as f64 / total as f64 >= threshold
    }
}

/// The [`Bits`] of some units of one version, by unit index.
#[derive(Default)]
pub struct Table {
    /// For each unit, its place in `bits` (`u32::MAX`: none).
    slot: Vec<u32>,
    bits: Vec<Bits>,
}

impl Table {
    /// The table of units `indices` (of a version of `len` units), whose
    /// bits are `bits`, in the same order.
    pub fn new(len: usize, indices: &[usize], bits: Vec<Bits>) -> Table {
        let mut slot = vec![u32::MAX; len];
        for (k, &i) in indices.iter().enumerate() {
            slot[i] = k as u32;
        }
        Table { slot, bits }
    }

    /// The bits of unit `i`, if the table has them.
    pub fn get(&self, i: usize) -> Option<&Bits> {
        self.bits.get(*self.slot.get(i)? as usize)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::align::features::{common, dice};

    fn set(values: Vec<u64>) -> Vec<u64> {
        let mut v = values;
        v.sort_unstable();
        v.dedup();
        v
    }

    proptest::proptest! {
        /// The bound is never below the true count, on hashes crowded
        /// onto few bits (`narrow`) as on spread ones; so a pair the bound
        /// rejects has a dice below the threshold.
        #[test]
        fn bound_is_at_least_the_shared_count(
            a in proptest::collection::vec(proptest::num::u64::ANY, 0..400),
            b in proptest::collection::vec(proptest::num::u64::ANY, 0..400),
            shared in proptest::collection::vec(proptest::num::u64::ANY, 0..300),
            narrow in proptest::bool::ANY,
            threshold in 0.0f64..1.0,
        ) {
            let squeeze = |h: u64| if narrow { h % 9000 } else { h };
            let a = set(a.into_iter().chain(shared.iter().copied()).map(squeeze).collect());
            let b = set(b.into_iter().chain(shared.iter().copied()).map(squeeze).collect());
            let (ba, bb) = (Bits::of(&a), Bits::of(&b));
            proptest::prop_assert!(ba.most_shared(&bb) >= common(&a, &b));
            if dice(&a, &b) >= threshold {
                proptest::prop_assert!(ba.may_reach(&bb, threshold));
            }
        }
    }

    #[test]
    fn unrelated_sets_are_bounded_low() {
        let a: Vec<u64> = set((0..300u64).map(crate::align::hash::mix).collect());
        let b: Vec<u64> = set((1000..1300u64).map(crate::align::hash::mix).collect());
        assert!(!Bits::of(&a).may_reach(&Bits::of(&b), 0.35));
        assert!(Bits::of(&a).may_reach(&Bits::of(&a), 1.0));
        assert!(Bits::of(&[]).may_reach(&Bits::of(&[]), 1.0));
    }
}
