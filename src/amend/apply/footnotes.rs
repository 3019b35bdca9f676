//! Footnotes of an amended draft: when the draft numbered them in the
//! order of their first reference (`[^1]`, `[^2]` …), they are numbered
//! again that way, references and all; otherwise they keep their numbers.
//! A footnote referred to first in a new paragraph before paragraph 2 becomes
//! `[^1]`, and the old `[^1]` becomes `[^2]`, in the text and in its note.

use super::items::Item;
use crate::model::marker;
use crate::model::{Resolution, UnitKind};
use std::collections::HashMap;

/// Footnote numbers in the order of their first reference, then the
/// unreferenced ones, given texts in order and the defined numbers.
fn reference_order<'a>(texts: impl Iterator<Item = &'a str>, defined: &[String]) -> Vec<String> {
    let mut order: Vec<String> = Vec::new();
    for text in texts {
        for (_, id) in marker::footnote_refs(text) {
            if defined.iter().any(|d| d == id) && !order.iter().any(|o| o == id) {
                order.push(id.to_string());
            }
        }
    }
    for d in defined {
        if !order.contains(d) {
            order.push(d.clone());
        }
    }
    order
}

/// Renumbers the footnotes of an amended draft in the order of their first
/// reference, where the draft numbered them so.
pub(crate) fn renumber(items: &mut [Item], draft: &Resolution) {
    let old_defined: Vec<String> = draft
        .of_kind(UnitKind::Footnote)
        .filter_map(|u| u.number.clone())
        .collect();
    let old_order = reference_order(
        draft
            .units
            .iter()
            .filter(|u| u.kind != UnitKind::Footnote)
            .map(|u| u.text.as_str()),
        &old_defined,
    );
    let first: u32 = match old_order.first() {
        Some(f) => match f.parse() {
            Ok(n) => n,
            Err(_) => return,
        },
        None => 1,
    };
    let in_order = old_order
        .iter()
        .enumerate()
        .all(|(k, id)| id.parse::<u32>().ok() == Some(first + k as u32));
    if !in_order {
        return;
    }
    let defined: Vec<String> = items
        .iter()
        .filter(|it| !it.deleted && it.kind == UnitKind::Footnote)
        .filter_map(|it| footnote_id(it.marker.as_deref()?))
        .collect();
    let order = reference_order(
        items
            .iter()
            .filter(|it| !it.deleted && it.kind != UnitKind::Footnote)
            .map(|it| it.text.as_str()),
        &defined,
    );
    let map: HashMap<String, String> = order
        .iter()
        .enumerate()
        .map(|(k, id)| (id.clone(), (first + k as u32).to_string()))
        .collect();
    apply_footnote_map(items, &map);
}

fn footnote_id(marker: &str) -> Option<String> {
    marker
        .strip_prefix("[^")?
        .strip_suffix("]:")
        .map(str::to_string)
}

fn apply_footnote_map(items: &mut [Item], map: &HashMap<String, String>) {
    for it in items.iter_mut().filter(|it| !it.deleted) {
        if it.kind == UnitKind::Footnote {
            if let Some(new) = it
                .marker
                .as_deref()
                .and_then(footnote_id)
                .and_then(|id| map.get(&id))
            {
                it.marker = Some(format!("[^{new}]:"));
            }
            continue;
        }
        it.text = renumber_refs(&it.text, map);
    }
    let mut notes: Vec<(u32, usize)> = items
        .iter()
        .enumerate()
        .filter(|(_, it)| it.kind == UnitKind::Footnote && !it.deleted)
        .filter_map(|(k, it)| Some((footnote_id(it.marker.as_deref()?)?.parse().ok()?, k)))
        .collect();
    notes.sort();
    let positions: Vec<usize> = {
        let mut p: Vec<usize> = notes.iter().map(|&(_, k)| k).collect();
        p.sort();
        p
    };
    let sorted: Vec<Item> = notes.iter().map(|&(_, k)| items[k].clone()).collect();
    for (slot, item) in positions.into_iter().zip(sorted) {
        items[slot] = item;
    }
}

/// The text with its footnote references renumbered by `map`.
pub(crate) fn renumber_refs(text: &str, map: &HashMap<String, String>) -> String {
    let mut out = String::with_capacity(text.len());
    let mut last = 0;
    for (range, id) in marker::footnote_refs(text) {
        out.push_str(&text[last..range.start]);
        match map.get(id) {
            Some(new) => out.push_str(&format!("[^{new}]")),
            None => out.push_str(&text[range.clone()]),
        }
        last = range.end;
    }
    out.push_str(&text[last..]);
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn references_renumber_together() {
        let map: HashMap<String, String> = [
            ("9".to_string(), "11".to_string()),
            ("10".into(), "9".into()),
        ]
        .into();
        assert_eq!(
            renumber_refs("a[^9] b[^10] c[^3]", &map),
            "a[^11] b[^9] c[^3]"
        );
    }
}
