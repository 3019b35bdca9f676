//! Heaviest increasing subsequence: which matched pairs keep their order.

/// Given pairs `(new_index, old_index, weight)` sorted by `new_index`,
/// returns for each pair whether it belongs to the heaviest subsequence
/// whose old indices increase: the pairs that stayed in place. The others
/// moved.
///
/// Runs in O(n log n) with a Fenwick tree of prefix maxima.
///
/// ```
/// use redraft::align::lis::in_order;
/// // Old order 0 1 2 3; the unit that was 0 now comes last.
/// let kept = in_order(&[(0, 1, 1), (1, 2, 1), (2, 3, 1), (3, 0, 1)]);
/// assert_eq!(kept, [true, true, true, false]);
/// ```
pub fn in_order(pairs: &[(usize, usize, u64)]) -> Vec<bool> {
    let size = pairs.iter().map(|p| p.1 + 1).max().unwrap_or(0);
    let mut tree = Fenwick::new(size);
    let mut best: Vec<(u64, Option<usize>)> = Vec::with_capacity(pairs.len());
    for (k, &(_, old, weight)) in pairs.iter().enumerate() {
        let (prev_weight, prev) = tree.max_before(old);
        best.push((prev_weight + weight, prev));
        tree.update(old, prev_weight + weight, k);
    }
    let mut kept = vec![false; pairs.len()];
    let mut cursor = best
        .iter()
        .enumerate()
        .max_by_key(|(k, b)| (b.0, std::cmp::Reverse(*k)))
        .map(|(k, _)| k);
    while let Some(k) = cursor {
        kept[k] = true;
        cursor = best[k].1;
    }
    kept
}

/// Prefix maxima of (weight, pair) over old indices.
struct Fenwick {
    tree: Vec<(u64, Option<usize>)>,
}

impl Fenwick {
    fn new(size: usize) -> Self {
        Fenwick {
            tree: vec![(0, None); size + 1],
        }
    }

    /// The best chain ending at an old index strictly below `old`.
    fn max_before(&self, old: usize) -> (u64, Option<usize>) {
        let mut i = old;
        let mut best = (0, None);
        while i > 0 {
            if self.tree[i].0 > best.0 {
                best = self.tree[i];
            }
            i &= i - 1;
        }
        best
    }

    fn update(&mut self, old: usize, weight: u64, pair: usize) {
        let mut i = old + 1;
        while i < self.tree.len() {
            if weight > self.tree[i].0 {
                self.tree[i] = (weight, Some(pair));
            }
            i += i & i.wrapping_neg();
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn all_in_order() {
        assert_eq!(in_order(&[(0, 0, 1), (1, 1, 1), (2, 5, 1)]), [true; 3]);
    }

    #[test]
    fn heavier_pair_wins() {
        // Two pairs cross; the heavier one stays.
        assert_eq!(in_order(&[(0, 1, 1), (1, 0, 5)]), [false, true]);
    }

    #[test]
    fn empty() {
        assert!(in_order(&[]).is_empty());
    }
}
