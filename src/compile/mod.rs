//! Compilation: one negotiating text from many delegations' proposals on a
//! base draft, every change attributed.
//!
//! Each proposal is a whole draft (a delegation's edited version, a Word
//! file's tracked changes by one author, or a list of amendments applied to
//! the base, see [`input`]). It is aligned to the base by content
//! ([`crate::align`]) and read in the base's terms ([`proposal`]): which
//! base units it keeps (with word edits, as hunks on the base text), which
//! it drops, and which units it brings in after which base unit (new,
//! moved, split or merged paragraphs). The readings are then combined:
//!
//! - on one base unit, hunks of different delegations that touch the same
//!   words form one [`Part::Change`]; delegations proposing the same text
//!   there share one [`Alternative`], different texts are alternatives side
//!   by side ([`combine`]);
//! - new units are placed after the base unit they follow in their
//!   proposal, identical ones merged with all their names, and numbered in
//!   the negotiation style, `5 bis`, `5 ter` ([`place`]).
//!
//! ```text
//! base:  1. Requests a report.
//! EU:    1. Requests an annual report.
//! G77:   1. Requests a detailed report.
//! US:    1. Requests an annual report.
//!
//! 1. Requests [a / Alt 1: an annual (EU, US) / Alt 2: a detailed (G77)] report.
//! ```
//!
//! The [`Compilation`] is the hand-off to the formats ([`render`]); it is
//! serialisable (JSON, [`COMPILATION_VERSION`]) and [`Compilation::apply`]
//! gives the base with only some delegations' proposals: applying one
//! delegation alone gives its proposal, applying none gives the base.

pub mod authors;
pub mod combine;
pub mod input;
pub mod place;
pub mod proposal;
pub mod render;
pub mod summary;

use crate::lang::Lang;
use crate::model::{self, Resolution, UnitKind};
use serde::{Deserialize, Serialize};

pub use summary::Summary;

/// Version of the JSON form of a compilation (`redraft compile --format
/// json`).
pub const COMPILATION_VERSION: u32 = 1;

/// The compiled text: the base's units and the new ones proposed, in order.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Compilation {
    /// Schema version of this JSON document.
    pub version: u32,
    /// The base draft's name.
    pub base: String,
    /// Its language.
    pub lang: Lang,
    /// The delegations, in the order their proposals were given.
    pub delegations: Vec<String>,
    /// Every unit of the compiled text, in order.
    pub items: Vec<Item>,
}

/// One unit of the compiled text: a unit of the base, or a new one.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Item {
    /// The base unit's label (`OP5`), or the negotiation label of a new one
    /// (`OP5bis`, `PP3ter`).
    pub label: String,
    /// What kind of unit it is.
    pub kind: UnitKind,
    /// Its marker as written (`5.`, `5 bis.`, `(c)`), if numbered.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub marker: Option<String>,
    /// Whether the unit is in the base.
    pub in_base: bool,
    /// For a new unit, the delegations that propose it.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub proposed_by: Vec<String>,
    /// For a base unit, the delegations that propose to delete it (or whose
    /// proposal has it elsewhere, split or merged: see `from` on the new
    /// units).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub deleted_by: Vec<String>,
    /// For a new unit, the base units it comes from: where it moved from,
    /// or what was split or merged into it.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub from: Vec<String>,
    /// The text: the base text with the proposed changes (a new unit's text
    /// is one [`Part::Text`]).
    pub parts: Vec<Part>,
}

/// A run of a unit's text.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "type", rename_all = "snake_case")]
pub enum Part {
    /// Text nobody proposes to change.
    Text {
        /// The text.
        text: String,
    },
    /// Words of the base that some delegations propose to change.
    Change {
        /// The base's words (empty for an insertion).
        base: String,
        /// What each group of delegations proposes instead: one alternative
        /// when they all agree, several side by side when they do not.
        alternatives: Vec<Alternative>,
    },
}

/// One proposed text for a [`Part::Change`], with the delegations that
/// propose it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Alternative {
    /// The proposed words (empty for a deletion).
    pub text: String,
    /// Who proposes them.
    pub by: Vec<String>,
}

/// The base with some delegations' proposals applied.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Applied {
    /// The text, in the parser's normal form.
    pub text: String,
    /// Labels of the units where the chosen delegations propose different
    /// things: the first delegation named wins there.
    pub conflicts: Vec<String>,
}

impl Item {
    /// The base text (empty for a new unit).
    pub fn base_text(&self) -> String {
        if !self.in_base {
            return String::new();
        }
        self.parts
            .iter()
            .map(|p| match p {
                Part::Text { text } => text.as_str(),
                Part::Change { base, .. } => base.as_str(),
            })
            .collect()
    }

    /// Every delegation with a proposal on this unit, in first-seen order.
    pub fn delegations(&self) -> Vec<&str> {
        let mut out: Vec<&str> = Vec::new();
        let changes = self.parts.iter().flat_map(|p| match p {
            Part::Change { alternatives, .. } => alternatives.iter().flat_map(|a| &a.by).collect(),
            Part::Text { .. } => Vec::new(),
        });
        for name in self
            .proposed_by
            .iter()
            .chain(&self.deleted_by)
            .chain(changes)
        {
            if !out.contains(&name.as_str()) {
                out.push(name);
            }
        }
        out
    }

    /// Whether any delegation proposes anything on this unit.
    pub fn is_touched(&self) -> bool {
        !self.in_base || !self.deleted_by.is_empty() || self.parts.iter().any(Part::is_change)
    }
}

impl Part {
    /// Whether the part is a proposed change.
    pub fn is_change(&self) -> bool {
        matches!(self, Part::Change { .. })
    }
}

impl Compilation {
    /// The base with the proposals of `chosen` delegations applied; where
    /// they disagree, the one named first wins and the unit is reported.
    ///
    /// ```
    /// use redraft::{compile, model};
    /// let opts = model::ParseOptions::default();
    /// let base = model::parse("The General Assembly,\n\n1. Requests a report.", &opts).unwrap();
    /// let eu = model::parse("The General Assembly,\n\n1. Requests an annual report.", &opts).unwrap();
    /// let c = compile::compile("base", &base, &[("EU".into(), eu)]);
    /// assert_eq!(c.apply(&["EU"]).text, "The General Assembly,\n\n1. Requests an annual report.\n");
    /// assert_eq!(c.apply(&[]).text, base.to_text());
    /// ```
    pub fn apply(&self, chosen: &[&str]) -> Applied {
        let mut conflicts = Vec::new();
        let blocks = self.items.iter().filter_map(|item| {
            let (text, conflict) = item_applied(item, chosen)?;
            if conflict {
                conflicts.push(item.label.clone());
            }
            Some(model::block(item.marker.as_deref(), &text))
        });
        let text = model::join_blocks(blocks.collect::<Vec<_>>());
        Applied { text, conflicts }
    }

    /// Counts per delegation and per unit.
    pub fn summary(&self) -> Summary {
        summary::summarise(self)
    }
}

/// One item's text with `chosen` delegations' proposals, `None` if it is
/// not in that text; and whether the chosen delegations disagree on it.
fn item_applied(item: &Item, chosen: &[&str]) -> Option<(String, bool)> {
    let named = |names: &[String]| names.iter().any(|n| chosen.contains(&n.as_str()));
    let present = if item.in_base {
        !named(&item.deleted_by)
    } else {
        named(&item.proposed_by)
    };
    if !present {
        return None;
    }
    let mut conflict = false;
    let mut text = String::new();
    for part in &item.parts {
        match part {
            Part::Text { text: t } => text.push_str(t),
            Part::Change { base, alternatives } => {
                let mut picks = alternatives.iter().filter(|a| named(&a.by));
                let first = chosen
                    .iter()
                    .find_map(|c| alternatives.iter().find(|a| a.by.iter().any(|n| n == c)));
                conflict |= picks.nth(1).is_some();
                text.push_str(first.map_or(base.as_str(), |a| a.text.as_str()));
            }
        }
    }
    Some((text, conflict && chosen.len() > 1))
}

/// Compiles the proposals (name, draft) on a base draft.
pub fn compile(
    base_name: &str,
    base: &Resolution,
    proposals: &[(String, Resolution)],
) -> Compilation {
    let readings: Vec<proposal::Reading> = proposals
        .iter()
        .map(|(_, draft)| proposal::read(base, draft))
        .collect();
    let names: Vec<String> = proposals.iter().map(|(n, _)| n.clone()).collect();
    let based = base_items(base, &readings, &names);
    let items = place::place(based, &readings, &names);
    Compilation {
        version: COMPILATION_VERSION,
        base: base_name.to_string(),
        lang: base.lang,
        delegations: names,
        items,
    }
}

/// The base's units with every delegation's edits and deletions on them.
fn base_items(base: &Resolution, readings: &[proposal::Reading], names: &[String]) -> Vec<Item> {
    base.units
        .iter()
        .enumerate()
        .map(|(i, unit)| {
            let deleted_by = readings
                .iter()
                .zip(names)
                .filter(|(r, _)| r.deleted[i])
                .map(|(_, n)| n.clone())
                .collect();
            let hunks: Vec<(usize, &proposal::Hunk)> = readings
                .iter()
                .enumerate()
                .flat_map(|(d, r)| r.hunks[i].iter().map(move |h| (d, h)))
                .collect();
            Item {
                label: unit.label.clone(),
                kind: unit.kind,
                marker: unit.marker.clone(),
                in_base: true,
                proposed_by: Vec::new(),
                deleted_by,
                from: Vec::new(),
                parts: combine::parts(&unit.text, &hunks, names),
            }
        })
        .collect()
}
