//! The exact-comparison keys of both versions, each distinct text folded
//! once.
//!
//! A unit's key is the hash of its alignment class and its text with
//! footnote numbers blanked, compared up to typographic variants
//! ([`crate::model::compare::key_text`]). Folding is the dear part, and
//! most units of a new version are byte for byte a unit of the old one: a
//! unit whose class and text are those of an earlier unit (of either
//! version) takes that unit's key instead of folding its text again. The
//! keys are the same as folding every unit; only the work is less.
//!
//! ```text
//! old: [A, B, C]   new: [A, C', B]   folded: A, B, C, C'   copied: A, B
//! ```

use super::hash::{Fx, FxHashMap};
use crate::model::Unit;
use std::collections::hash_map::Entry;
use std::hash::Hasher;

/// The keys of the old units and of the new units.
pub fn both(old: &[Unit], new: &[Unit]) -> (Vec<u64>, Vec<u64>) {
    let unit = |k: usize| old.get(k).unwrap_or_else(|| &new[k - old.len()]);
    let all = old.len() + new.len();
    let big = all >= 2 * crate::parallel::MIN_CHUNK;
    // The byte hashes of each version on a core of its own.
    let (old_raw, new_raw): (Vec<u64>, Vec<u64>) = crate::parallel::join_if(
        big,
        || old.iter().map(raw).collect(),
        || new.iter().map(raw).collect(),
    );
    let twins = twins(old_raw.iter().chain(&new_raw), &unit);
    let todo: Vec<usize> = (0..all).filter(|&k| twins[k].is_none()).collect();
    let folded = crate::parallel::map(&todo, |&k| key(unit(k)));
    let mut keys = vec![0; all];
    for (&k, f) in todo.iter().zip(folded) {
        keys[k] = f;
    }
    for (k, twin) in twins.iter().enumerate() {
        if let Some(t) = *twin {
            keys[k] = keys[t];
        }
    }
    let new_keys = keys.split_off(old.len());
    (keys, new_keys)
}

/// For each unit (old ones first, then new ones), the earlier unit with
/// the same class and the same bytes, if any; such an earlier unit has no
/// twin itself.
fn twins<'u>(
    raw: impl Iterator<Item = &'u u64>,
    unit: &dyn Fn(usize) -> &'u Unit,
) -> Vec<Option<usize>> {
    let mut first: FxHashMap<u64, usize> = FxHashMap::default();
    raw.enumerate()
        .map(|(k, &h)| match first.entry(h) {
            Entry::Occupied(e) => {
                let (a, b) = (unit(*e.get()), unit(k));
                let same = a.kind.alignment_class() == b.kind.alignment_class() && a.text == b.text;
                same.then_some(*e.get())
            }
            Entry::Vacant(e) => {
                e.insert(k);
                None
            }
        })
        .collect()
}

/// The hash of a unit's class and bytes, to find units with the same
/// text without folding it.
fn raw(unit: &Unit) -> u64 {
    let mut h = Fx::default();
    h.add(u64::from(unit.kind.alignment_class()));
    h.write(unit.text.as_bytes());
    h.finish()
}

/// The exact-comparison key of a unit: its alignment class and text, with
/// footnote numbers blanked (as in [`super::comparable_text`]), compared
/// up to typographic variants ([`crate::model::compare::key_text`]).
pub fn key(unit: &Unit) -> u64 {
    let mut h = Fx::default();
    h.add(u64::from(unit.kind.alignment_class()));
    let text = crate::model::compare::key_text(unit);
    let text = text.as_ref();
    let mut last = 0;
    for (range, _) in crate::model::marker::footnote_refs(text) {
        h.write(&text.as_bytes()[last..range.start]);
        h.write(b"[^]");
        last = range.end;
    }
    h.write(&text.as_bytes()[last..]);
    h.finish()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{ParseOptions, parse};

    #[test]
    fn copied_keys_are_the_folded_keys() {
        let old = parse(
            "The General Assembly,\n\nRecalling l’État,\n\n1. Decides to act;\n\n2. Decides to act;\n\n3. Notes[^1] the report.\n\n[^1]: A/1.",
            &ParseOptions::default(),
        )
        .unwrap();
        let new = parse(
            "The General Assembly,\n\n1. Decides to act;\n\nRecalling l'État,\n\n2. Notes[^2] the report.\n\n3. Decides to act;\n\n[^2]: A/1.",
            &ParseOptions::default(),
        )
        .unwrap();
        let (o, n) = both(&old.units, &new.units);
        assert_eq!(o, old.units.iter().map(key).collect::<Vec<_>>());
        assert_eq!(n, new.units.iter().map(key).collect::<Vec<_>>());
    }
}
