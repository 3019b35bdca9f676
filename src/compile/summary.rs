//! The summary of a compilation: per delegation, what it proposes; per
//! unit, how many delegations propose something on it, the most contested
//! ("hot") first.

use super::{Compilation, Item, Part};
use serde::{Deserialize, Serialize};

/// Counts per delegation and per unit.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Summary {
    /// One line per delegation, in the order given.
    pub delegations: Vec<DelegationCounts>,
    /// The units some delegation proposes something on, the most
    /// delegations first (then in the text's order).
    pub hot: Vec<UnitCounts>,
}

/// What one delegation proposes.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct DelegationCounts {
    /// The delegation.
    pub name: String,
    /// Base units whose words it proposes to change.
    pub edited: usize,
    /// New units it proposes.
    pub inserted: usize,
    /// Base units it proposes to delete (or has moved, split or merged).
    pub deleted: usize,
}

/// How contested one unit is.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct UnitCounts {
    /// The unit's label.
    pub label: String,
    /// How many delegations propose something on it.
    pub delegations: usize,
    /// How many alternatives stand side by side on it (0 if none).
    pub alternatives: usize,
}

/// Counts a compilation.
pub fn summarise(c: &Compilation) -> Summary {
    let delegations = c
        .delegations
        .iter()
        .map(|name| DelegationCounts {
            name: name.clone(),
            edited: c.items.iter().filter(|i| edits(i, name)).count(),
            inserted: c
                .items
                .iter()
                .filter(|i| i.proposed_by.contains(name))
                .count(),
            deleted: c
                .items
                .iter()
                .filter(|i| i.deleted_by.contains(name))
                .count(),
        })
        .collect();
    let mut hot: Vec<UnitCounts> = c
        .items
        .iter()
        .filter(|i| i.is_touched())
        .map(|i| UnitCounts {
            label: i.label.clone(),
            delegations: i.delegations().len(),
            alternatives: alternatives(i),
        })
        .collect();
    hot.sort_by_key(|u| std::cmp::Reverse((u.delegations, u.alternatives)));
    Summary { delegations, hot }
}

/// Whether a delegation proposes word changes on an item.
pub fn edits(item: &Item, name: &str) -> bool {
    item.parts.iter().any(|p| match p {
        Part::Change { alternatives, .. } => {
            alternatives.iter().any(|a| a.by.iter().any(|n| n == name))
        }
        Part::Text { .. } => false,
    })
}

/// The most alternatives side by side in one place of an item (0 when
/// every change has one proposal).
fn alternatives(item: &Item) -> usize {
    item.parts
        .iter()
        .map(|p| match p {
            Part::Change { alternatives, .. } if alternatives.len() > 1 => alternatives.len(),
            _ => 0,
        })
        .max()
        .unwrap_or(0)
}
