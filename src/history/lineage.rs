//! Lineage: chaining the redlines of consecutive versions to trace every
//! unit back to the first version, and to find the units deleted along the
//! way.

use super::{Deletion, Lineage, Step, Version};
use crate::redline::{Entry, Op, Redline};

/// The redlines of consecutive versions, indexed for tracing back.
pub(crate) struct Chain<'a> {
    versions: &'a [Version],
    redlines: &'a [Redline],
    /// For round `r` (at `r - 1`): for each unit of the version after the
    /// round, the index of its entry.
    of_new: Vec<Vec<Option<usize>>>,
}

impl<'a> Chain<'a> {
    pub(crate) fn new(versions: &'a [Version], redlines: &'a [Redline]) -> Self {
        let of_new = redlines
            .iter()
            .enumerate()
            .map(|(k, red)| {
                let mut map = vec![None; versions[k + 1].resolution.units.len()];
                for (e, entry) in red.entries.iter().enumerate() {
                    if entry.op == Op::MovedAway {
                        continue;
                    }
                    if let Some(slot) = entry.new.as_ref().and_then(|n| map.get_mut(n.index)) {
                        *slot = Some(e);
                    }
                }
                map
            })
            .collect();
        Chain {
            versions,
            redlines,
            of_new,
        }
    }

    fn label(&self, version: usize, unit: usize) -> String {
        self.versions[version].resolution.units[unit].label.clone()
    }

    /// Traces unit `unit` of version `v` back to the first version: its
    /// labels in versions `0..=v` and what happened to it in each round
    /// since it appeared.
    pub(crate) fn trace(&self, v: usize, unit: usize) -> (Vec<Vec<String>>, Vec<Step>) {
        let mut labels = vec![Vec::new(); v + 1];
        labels[v] = vec![self.label(v, unit)];
        let mut current = vec![unit];
        let mut steps = Vec::new();
        for r in (1..=v).rev() {
            let red = &self.redlines[r - 1];
            let mut indices: Vec<usize> = current
                .iter()
                .filter_map(|&u| self.of_new[r - 1].get(u).copied().flatten())
                .collect();
            indices.sort_unstable();
            indices.dedup();
            let entries: Vec<&Entry> = indices.iter().map(|&e| &red.entries[e]).collect();
            let mut previous: Vec<usize> = entries
                .iter()
                .flat_map(|e| e.old.iter().map(|s| s.index))
                .collect();
            previous.sort_unstable();
            previous.dedup();
            steps.push(step(r, &entries, previous.is_empty()));
            if previous.is_empty() {
                break;
            }
            labels[r - 1] = previous.iter().map(|&i| self.label(r - 1, i)).collect();
            current = previous;
        }
        steps.reverse();
        (labels, steps)
    }

    /// The lineage of every unit of the latest version (without blame).
    pub(crate) fn latest(&self) -> Vec<Lineage> {
        let v = self.versions.len() - 1;
        self.versions[v]
            .resolution
            .units
            .iter()
            .enumerate()
            .map(|(j, unit)| {
                let (labels, steps) = self.trace(v, j);
                Lineage {
                    label: unit.label.clone(),
                    kind: unit.kind,
                    last_change: steps
                        .iter()
                        .filter(|s| s.is_change())
                        .map(|s| s.round)
                        .max(),
                    labels,
                    steps,
                    blame: Vec::new(),
                }
            })
            .collect()
    }

    /// The units deleted along the way, by round.
    pub(crate) fn deletions(&self) -> Vec<Deletion> {
        let n = self.versions.len();
        let mut out = Vec::new();
        for (k, red) in self.redlines.iter().enumerate() {
            let r = k + 1;
            for e in red.entries.iter().filter(|e| e.op == Op::Deleted) {
                let Some(old) = e.old.first() else { continue };
                let (mut labels, _) = self.trace(r - 1, old.index);
                labels.resize(n, Vec::new());
                let unit = &self.versions[r - 1].resolution.units[old.index];
                out.push(Deletion {
                    round: r,
                    kind: unit.kind,
                    labels,
                    text: unit.text.clone(),
                });
            }
        }
        out
    }
}

/// What a round did to a unit, from its entries in that round's redline.
fn step(round: usize, entries: &[&Entry], inserted: bool) -> Step {
    let rank = |op: Op| match op {
        Op::Merged => 3,
        Op::Split => 2,
        Op::Edited => 1,
        _ => 0,
    };
    let op = if inserted {
        Op::Inserted
    } else {
        entries
            .iter()
            .map(|e| e.op)
            .max_by_key(|&op| rank(op))
            .unwrap_or(Op::Unchanged)
    };
    Step {
        round,
        op,
        moved: entries.iter().any(|e| e.moved),
        renumbered: entries.iter().any(|e| e.renumbered()),
    }
}

/// The round that inserted a unit of the latest version, if it was not in
/// the first one.
pub fn inserted_in(lineage: &Lineage) -> Option<usize> {
    lineage
        .steps
        .first()
        .filter(|s| s.op == Op::Inserted)
        .map(|s| s.round)
}

/// The last round that moved a unit, if any.
pub fn last_moved(lineage: &Lineage) -> Option<usize> {
    lineage
        .steps
        .iter()
        .filter(|s| s.moved)
        .map(|s| s.round)
        .max()
}
