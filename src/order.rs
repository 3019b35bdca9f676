//! Orders two sequences share: the longest common subsequence, in memory
//! linear in their lengths, for the layers above that pair things in order
//! (the pictures of a Word redline). The word diff keeps its own tuned
//! passes in [`crate::diff`].
//!
//! `[a, b, c, d]` and `[b, x, d]` share `b, d`: the pairs `(1, 0), (3, 2)`.
//!
//! ```
//! use redraft::order::common_subsequence;
//! assert_eq!(common_subsequence(&["a", "b", "c", "d"], &["b", "x", "d"]), [(1, 0), (3, 2)]);
//! ```

use similar::algorithms::{DiffHook, myers};
use std::convert::Infallible;

/// The pairs `(old, new)` of equal items of a longest common subsequence,
/// in order of both. Myers' shortest edit script in its linear-space form,
/// without the heuristics that may give up on the shortest (so the
/// subsequence is always a longest one): memory O(n + m), time
/// O((n + m) · d) for d items that differ, where a table of every pair of
/// items would hold n · m (64 MB at 4,000 paragraphs a side).
pub fn common_subsequence<T: PartialEq>(old: &[T], new: &[T]) -> Vec<(usize, usize)> {
    let mut pairs = Pairs(Vec::new());
    let Ok(()) = myers::diff_deadline_raw(&mut pairs, old, 0..old.len(), new, 0..new.len(), None);
    pairs.0.sort_unstable();
    pairs.0
}

/// The equal runs Myers reports, as pairs of indices.
struct Pairs(Vec<(usize, usize)>);

impl DiffHook for Pairs {
    type Error = Infallible;

    fn equal(&mut self, old: usize, new: usize, len: usize) -> Result<(), Infallible> {
        self.0.extend((0..len).map(|k| (old + k, new + k)));
        Ok(())
    }
}

/// The longest common subsequence by the table of every pair, in n · m
/// memory (as the Word pictures were paired before): the oracle tests
/// compare [`common_subsequence`] with.
#[cfg(test)]
pub(crate) fn by_table<T: PartialEq>(a: &[T], b: &[T]) -> Vec<(usize, usize)> {
    let (n, m) = (a.len(), b.len());
    let mut t = vec![vec![0u32; m + 1]; n + 1];
    for i in (0..n).rev() {
        for j in (0..m).rev() {
            t[i][j] = if a[i] == b[j] {
                t[i + 1][j + 1] + 1
            } else {
                t[i + 1][j].max(t[i][j + 1])
            };
        }
    }
    let (mut i, mut j, mut out) = (0, 0, Vec::new());
    while i < n && j < m {
        if a[i] == b[j] {
            out.push((i, j));
            (i, j) = (i + 1, j + 1);
        } else if t[i + 1][j] >= t[i][j + 1] {
            i += 1;
        } else {
            j += 1;
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Pairs of equal items, strictly increasing on both sides.
    fn assert_common<T: PartialEq + std::fmt::Debug>(a: &[T], b: &[T], pairs: &[(usize, usize)]) {
        for w in pairs.windows(2) {
            assert!(w[0].0 < w[1].0 && w[0].1 < w[1].1, "{pairs:?}");
        }
        for &(i, j) in pairs {
            assert_eq!(a[i], b[j]);
        }
    }

    #[test]
    fn pairs_a_longest_common_subsequence() {
        assert_eq!(common_subsequence(&[1, 2, 3], &[1, 3]), [(0, 0), (2, 1)]);
        assert_eq!(common_subsequence(&[1, 1], &[1, 1, 1]).len(), 2);
        assert!(common_subsequence::<u8>(&[], &[1]).is_empty());
        assert!(common_subsequence(&[1, 2], &[3]).is_empty());
    }

    /// On every small sequence of few distinct items (many ties), as long
    /// as the table's and a common subsequence.
    #[test]
    fn as_long_as_the_table_on_many_small_sequences() {
        let mut seed = 0x9e37_79b9_7f4a_7c15u64;
        let mut next = |k: u64| {
            seed ^= seed << 13;
            seed ^= seed >> 7;
            seed ^= seed << 17;
            seed % k
        };
        for _ in 0..2000 {
            let (n, m) = (next(12) as usize, next(12) as usize);
            let a: Vec<u64> = (0..n).map(|_| next(4)).collect();
            let b: Vec<u64> = (0..m).map(|_| next(4)).collect();
            let pairs = common_subsequence(&a, &b);
            assert_common(&a, &b, &pairs);
            assert_eq!(pairs.len(), by_table(&a, &b).len(), "{a:?} {b:?}");
        }
    }
}
