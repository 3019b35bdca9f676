//! Placing the new units: after the base unit they follow in their
//! proposal, identical ones merged, numbered in the negotiation style.
//!
//! Each delegation's run of new units after one base unit is laid into that
//! place's list in order: a unit identical (kind and text) to one already
//! there, further down than this delegation's last, takes this delegation's
//! name; any other unit is put right after this delegation's last. Every
//! delegation's units thus keep their order, and the same paragraph
//! proposed by three delegations at the same place appears once with three
//! names.
//!
//! New operative paragraphs are numbered after the base paragraph before
//! them: `5 bis.`, `5 ter.` (after `5 bis.` of the base, `5 ter.`); other
//! new units keep their proposal's marker and are labelled `PP3bis`,
//! `OP5(b)bis`.
//!
//! ```text
//! base: 5. A.          EU: 5. A.  6. N.        G77: 5. A.  6. N.  7. M.
//! → 5. A.   5 bis. N. (EU, G77)   5 ter. M. (G77)
//! ```

use super::proposal::{NewUnit, Reading};
use super::{Item, Part};
use crate::model::UnitKind;
use crate::model::marker::{LATIN_SUFFIXES, operative};
use std::collections::BTreeMap;

/// The compiled order: base items with the new units placed among them.
pub fn place(based: Vec<Item>, readings: &[Reading], names: &[String]) -> Vec<Item> {
    let mut at: BTreeMap<Option<usize>, Vec<Item>> = BTreeMap::new();
    for (reading, name) in readings.iter().zip(names) {
        for (anchor, run) in &reading.runs {
            lay(at.entry(*anchor).or_default(), run, name);
        }
    }
    let mut items = at.remove(&None).unwrap_or_default();
    for (i, item) in based.into_iter().enumerate() {
        items.push(item);
        items.extend(at.remove(&Some(i)).unwrap_or_default());
    }
    number(&mut items);
    items
}

/// Lays one delegation's run into a place's list.
fn lay(list: &mut Vec<Item>, run: &[NewUnit], name: &str) {
    let mut cursor = 0;
    for unit in run {
        let same = list[cursor..].iter().position(|item| {
            item.kind == unit.kind
                && item.parts == text_parts(&unit.text)
                && !item.proposed_by.iter().any(|n| n == name)
        });
        match same {
            Some(k) => {
                let item = &mut list[cursor + k];
                item.proposed_by.push(name.to_string());
                for f in &unit.from {
                    if !item.from.contains(f) {
                        item.from.push(f.clone());
                    }
                }
                cursor += k + 1;
            }
            None => {
                list.insert(cursor, new_item(unit, name));
                cursor += 1;
            }
        }
    }
}

fn text_parts(text: &str) -> Vec<Part> {
    vec![Part::Text {
        text: text.to_string(),
    }]
}

fn new_item(unit: &NewUnit, name: &str) -> Item {
    Item {
        label: String::new(),
        kind: unit.kind,
        marker: unit.marker.clone(),
        in_base: false,
        proposed_by: vec![name.to_string()],
        deleted_by: Vec::new(),
        from: unit.from.clone(),
        parts: text_parts(&unit.text),
    }
}

/// Labels and numbers the new items after the base item of the same kind
/// before them: `OP5bis` (`5 bis.`), `OP5ter`; `PP3bis`.
fn number(items: &mut [Item]) {
    let mut last: BTreeMap<u8, (String, Option<String>, usize)> = BTreeMap::new();
    for item in items.iter_mut() {
        let class = item.kind.alignment_class();
        if item.in_base {
            last.insert(
                class,
                (item.label.clone(), item.marker.clone(), suffix_index(item)),
            );
            continue;
        }
        let Some((label, marker, count)) = last.get_mut(&class) else {
            item.label = format!("NEW-{}", item.kind.name().to_uppercase());
            continue;
        };
        let suffix = LATIN_SUFFIXES.get(*count).copied().unwrap_or("nova");
        *count += 1;
        item.label = format!("{label}{suffix}");
        if item.kind == UnitKind::Operative
            && let Some(m) = marker.as_deref().and_then(|m| bis_marker(m, suffix))
        {
            item.marker = Some(m);
        }
    }
}

/// How many Latin suffixes a base operative number already uses: 0 for
/// `5.`, 1 for `5 bis.`.
fn suffix_index(item: &Item) -> usize {
    let Some(marker) = item.marker.as_deref().map(|m| format!("{m} ")) else {
        return 0;
    };
    operative(&marker)
        .and_then(|op| op.suffix)
        .and_then(|s| LATIN_SUFFIXES.iter().position(|l| *l == s))
        .map_or(0, |p| p + 1)
}

/// The marker of a new paragraph after `marker`: `5.` → `5 bis.`; none if
/// the suffixes run out or the marker is not an operative number.
fn bis_marker(marker: &str, suffix: &str) -> Option<String> {
    let spaced = format!("{marker} ");
    let op = operative(&spaced)?;
    LATIN_SUFFIXES.contains(&suffix).then(|| {
        let close = if op.literal.ends_with(')') { ")" } else { "." };
        format!("{} {suffix}{close}", op.base)
    })
}
