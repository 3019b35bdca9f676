//! The semantic clean-up: make the redline read like one made by a person.
//!
//! A minimal word diff often leaves islands: one short unchanged word, a
//! comma or a space kept between two changes (`[-d’un-]{+de+} [-suspect-]
//! {+deux suspects+}`). A person striking text through would strike the
//! whole phrase. The rule, applied until nothing changes:
//!
//! > An unchanged run that lies between two changes is absorbed into them
//! > when it holds no word, or at most two words of at most six letters in
//! > all, and the two changes together both delete and insert (between two
//! > pure insertions the island stays: absorbing it would strike a word
//! > nobody deleted).
//!
//! Absorbing turns the island into a deletion and an insertion of the same
//! text, and the neighbouring changes become one: all its deletions first,
//! then all its insertions.
//!
//! ```text
//! before: [-d’-]{+de+} [-un-]{+deux+} [-suspect-]{+suspects+}
//! after:  [-d’un suspect-]{+de deux suspects+}
//! ```

use super::tokenize::{Token, TokenKind};
use similar::DiffOp;
use std::ops::Range;

/// A run of tokens: unchanged, or changed (old tokens replaced by new).
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Run {
    /// The same tokens on both sides.
    Equal {
        /// Old token range.
        old: Range<usize>,
        /// New token range.
        new: Range<usize>,
    },
    /// Old tokens deleted and new tokens inserted in their place; either
    /// range may be empty.
    Change {
        /// Old token range.
        old: Range<usize>,
        /// New token range.
        new: Range<usize>,
    },
}

/// `similar`'s operations as runs of equal and changed tokens, their
/// indices shifted by `(old, new)` offsets (for a diff of slices).
pub fn runs(ops: &[DiffOp], (o, n): (usize, usize)) -> Vec<Run> {
    ops.iter()
        .map(|op| match *op {
            DiffOp::Equal {
                old_index,
                new_index,
                len,
            } => Run::Equal {
                old: o + old_index..o + old_index + len,
                new: n + new_index..n + new_index + len,
            },
            DiffOp::Delete {
                old_index,
                old_len,
                new_index,
            } => Run::Change {
                old: o + old_index..o + old_index + old_len,
                new: n + new_index..n + new_index,
            },
            DiffOp::Insert {
                old_index,
                new_index,
                new_len,
            } => Run::Change {
                old: o + old_index..o + old_index,
                new: n + new_index..n + new_index + new_len,
            },
            DiffOp::Replace {
                old_index,
                old_len,
                new_index,
                new_len,
            } => Run::Change {
                old: o + old_index..o + old_index + old_len,
                new: n + new_index..n + new_index + new_len,
            },
        })
        .collect()
}

/// Most letters an absorbed island may hold.
pub const ISLAND_LETTERS: usize = 6;
/// Most words an absorbed island may hold.
pub const ISLAND_WORDS: usize = 2;

/// Absorbs weak unchanged islands between changes (see the module
/// documentation) and merges neighbouring changes.
pub fn absorb_islands(runs: Vec<Run>, new_tokens: &[Token<'_>]) -> Vec<Run> {
    let mut runs = merge_changes(runs);
    loop {
        let mut changed = false;
        for k in 1..runs.len().saturating_sub(1) {
            if let Run::Equal { old, new } = &runs[k] {
                let between = matches!(runs[k - 1], Run::Change { .. })
                    && matches!(runs[k + 1], Run::Change { .. });
                let replaces = between && deletes_and_inserts(&runs[k - 1], &runs[k + 1]);
                if replaces && is_weak(&new_tokens[new.clone()]) {
                    runs[k] = Run::Change {
                        old: old.clone(),
                        new: new.clone(),
                    };
                    changed = true;
                }
            }
        }
        if !changed {
            return runs;
        }
        runs = merge_changes(runs);
    }
}

/// Whether the two changes around an island, together, both delete and
/// insert. Between two pure insertions (or two pure deletions) an island
/// stays: absorbing it would strike a word nobody deleted
/// (`environment{+, including AI,+} offers {+significant +}opportunities`).
fn deletes_and_inserts(left: &Run, right: &Run) -> bool {
    let sides = |r: &Run| match r {
        Run::Change { old, new } => (!old.is_empty(), !new.is_empty()),
        Run::Equal { .. } => (false, false),
    };
    let ((ld, li), (rd, ri)) = (sides(left), sides(right));
    (ld || rd) && (li || ri)
}

/// Whether an unchanged island is too weak to stand between two changes.
/// A figure or a document symbol never is: striking "76/2" to retype it
/// would say it changed.
fn is_weak(tokens: &[Token<'_>]) -> bool {
    let content = |t: &Token<'_>| {
        matches!(
            t.kind,
            TokenKind::Symbol | TokenKind::Url | TokenKind::FootnoteRef
        ) || t.text.contains(|c: char| c.is_ascii_digit())
    };
    if tokens.iter().any(content) {
        return false;
    }
    let words: Vec<&str> = tokens
        .iter()
        .filter(|t| !matches!(t.kind, TokenKind::Space | TokenKind::Punct))
        .map(|t| t.text)
        .collect();
    let letters: usize = words.iter().map(|w| w.chars().count()).sum();
    words.is_empty() || (words.len() <= ISLAND_WORDS && letters <= ISLAND_LETTERS)
}

/// Merges consecutive changes into one.
fn merge_changes(runs: Vec<Run>) -> Vec<Run> {
    let mut out: Vec<Run> = Vec::with_capacity(runs.len());
    for run in runs {
        match (out.last_mut(), run) {
            (Some(Run::Change { old, new }), Run::Change { old: o, new: n }) => {
                old.end = o.end;
                new.end = n.end;
            }
            (_, run) => out.push(run),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::diff::tokenize::tokenize;
    use crate::lang::Lang;

    fn change(o: Range<usize>, n: Range<usize>) -> Run {
        Run::Change { old: o, new: n }
    }

    #[test]
    fn short_word_island_is_absorbed() {
        let new = tokenize("x de y", Lang::Fr);
        let runs = vec![
            change(0..1, 0..1),
            Run::Equal {
                old: 1..4,
                new: 1..4,
            },
            change(4..5, 4..5),
        ];
        assert_eq!(absorb_islands(runs, &new), [change(0..5, 0..5)]);
    }

    #[test]
    fn long_island_stays() {
        let new = tokenize("x coopération y", Lang::Fr);
        let runs = vec![
            change(0..1, 0..1),
            Run::Equal {
                old: 1..4,
                new: 1..4,
            },
            change(4..5, 4..5),
        ];
        assert_eq!(absorb_islands(runs.clone(), &new), runs);
    }

    #[test]
    fn island_between_two_insertions_stays() {
        let new = tokenize("x offers y", Lang::En);
        let runs = vec![
            change(0..0, 0..1),
            Run::Equal {
                old: 0..3,
                new: 1..4,
            },
            change(3..3, 4..5),
        ];
        assert_eq!(absorb_islands(runs.clone(), &new), runs);
    }

    #[test]
    fn edges_are_not_islands() {
        let new = tokenize("de x", Lang::Fr);
        let runs = vec![
            Run::Equal {
                old: 0..2,
                new: 0..2,
            },
            change(2..3, 2..3),
        ];
        assert_eq!(absorb_islands(runs.clone(), &new), runs);
    }
}
