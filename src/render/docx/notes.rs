//! Footnotes in the Word redline.
//!
//! Word numbers footnotes itself, in the order of their references, from a
//! start value. When both versions of the draft number their footnotes that
//! way (each referred to once, in order, from the same start, none without a
//! reference), they become real Word footnotes: a renumbered reference is no
//! change, as in Word, and a footnote's edits are tracked inside it.
//! Otherwise Word could not show the drafts' own numbers, and footnote
//! references and definitions are written as the text they are (`[^7]`,
//! `[^7]: …`), so that accepting and rejecting still give the two drafts.

use crate::model::marker;
use crate::redline::{Entry, Op, Redline};
use std::collections::HashMap;

/// A footnote reference in a draft's text: `[^7]` (the model's syntax).
pub use crate::model::marker::FOOTNOTE_REF as REFERENCE;

/// The footnotes of a redline, by their labels in each version.
#[derive(Debug)]
pub struct Notes<'a> {
    /// Where Word starts counting (`w:numStart`).
    pub start: u32,
    by_new: HashMap<String, &'a Entry>,
    by_old: HashMap<String, &'a Entry>,
}

impl<'a> Notes<'a> {
    /// The footnotes of a redline, if Word can number them as the drafts do.
    pub fn of(redline: &'a Redline) -> Option<Notes<'a>> {
        let start = common_start(
            numbering_start(&redline.reject_all())?,
            numbering_start(&redline.accept_all())?,
        )?;
        let mut notes = Notes {
            start,
            by_new: HashMap::new(),
            by_old: HashMap::new(),
        };
        for e in redline.entries.iter().filter(|e| e.op != Op::MovedAway) {
            if e.kind != crate::model::UnitKind::Footnote {
                continue;
            }
            if let Some(n) = e.new.as_ref().and_then(|n| n.number.clone()) {
                notes.by_new.insert(n, e);
            }
            for o in &e.old {
                if let Some(n) = o.number.clone() {
                    notes.by_old.insert(n, e);
                }
            }
        }
        Some(notes)
    }

    /// The footnote a reference in the new version (`new`) or the old one
    /// points to.
    pub fn find(&self, label: &str, new: bool) -> Option<&'a Entry> {
        let map = if new { &self.by_new } else { &self.by_old };
        map.get(label).copied()
    }
}

fn common_start(a: Option<u32>, b: Option<u32>) -> Option<u32> {
    match (a, b) {
        (Some(x), Some(y)) if x != y => None,
        (x, y) => Some(x.or(y).unwrap_or(1)),
    }
}

/// The start of a draft's footnote numbering if Word can reproduce it:
/// `Some(None)` for a draft without footnotes, `None` when Word cannot.
fn numbering_start(text: &str) -> Option<Option<u32>> {
    let mut refs = Vec::new();
    let mut defs = Vec::new();
    for block in text.split("\n\n") {
        match marker::footnote_definition(block) {
            Some((id, _, _)) => defs.push(id.to_string()),
            None => refs.extend(REFERENCE.captures_iter(block).map(|c| c[1].to_string())),
        }
    }
    if refs != defs {
        return None;
    }
    let Some(first) = refs.first() else {
        return Some(None);
    };
    let start: u32 = first.parse().ok()?;
    let in_order = refs
        .iter()
        .enumerate()
        .all(|(k, id)| *id == (start as usize + k).to_string());
    (in_order && start > 0).then_some(Some(start))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn word_can_number_footnotes_in_order_from_a_start() {
        assert_eq!(
            numbering_start("a[^5] b[^6]\n\n[^5]: x\n\n[^6]: y"),
            Some(Some(5))
        );
        assert_eq!(numbering_start("no notes"), Some(None));
        assert_eq!(numbering_start("a[^6] b[^5]\n\n[^5]: x\n\n[^6]: y"), None);
        assert_eq!(numbering_start("a[^1] b[^1]\n\n[^1]: x"), None);
        assert_eq!(numbering_start("a\n\n[^1]: orphan"), None);
    }
}
