//! The exact-comparison keys of both versions, folding only the texts
//! that need it.
//!
//! A unit's key is the hash of its alignment class and its text with
//! footnote numbers blanked, compared up to typographic variants
//! ([`crate::model::compare::key_text`]). Only equality of keys matters:
//! the passes group units by key and never look at a key's value. Folding
//! is the dear part, and most of it can be skipped without changing which
//! units share a key:
//!
//! 1. Most units of a new version are byte for byte a unit of the old one:
//!    a unit whose class and text are those of an earlier unit (of either
//!    version) takes that unit's key.
//! 2. Every other text gets a cheap *sketch* ([`sketch`]): its class and the
//!    first and last [`ENDS`] characters of its text as folding leaves them
//!    with spaces and invisible characters dropped. Texts that fold alike
//!    have the same sketch, so a text whose sketch no other text has can
//!    share a key with no other text: its sketch is its key.
//! 3. Two texts with the same sketch (an edited paragraph and its old
//!    version) are compared letter by letter as folding writes them, up to
//!    the first difference: if their letters differ, they fold alike with
//!    no text and each gets a key of its own. Only the texts whose letters
//!    are the same, those of a sketch three texts share, a text with a
//!    footnote reference and a closing line are folded.
//!
//! ```text
//! old: [A, B, C]   new: [A, C', B]   copied: A, B   compared: C, C' (same ends)
//! ```

use super::hash::{Fx, FxHashMap};
use crate::model::Unit;
use crate::model::typography::{self, Folded};
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
    let raw = old_raw.iter().chain(&new_raw);
    let (twins, distinct, sketches) = twins_and_sketches(raw, &unit, (all, old.len()));
    let mut keys = vec![0; all];
    let todo = sketch_keys(&distinct, &sketches, &mut keys, &unit);
    let folded = crate::parallel::map(&todo, |&k| key(unit(k)));
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

/// Sets the keys of the `distinct` units that need no folding, given
/// their `sketches`, and gives those that do. A sketch no other text has
/// is the key. Two texts with the same sketch (an edited paragraph and its
/// old version, most often) whose letters differ ([`same_letters`]) fold
/// alike with nothing: each gets a key of its own. The others are folded.
fn sketch_keys<'u>(
    distinct: &[usize],
    sketches: &[Option<u64>],
    keys: &mut [u64],
    unit: &(dyn Fn(usize) -> &'u Unit + Sync),
) -> Vec<usize> {
    // For each sketch: how many texts have it, the first two of them.
    let mut groups: FxHashMap<u64, (u32, usize, usize)> =
        FxHashMap::with_capacity_and_hasher(distinct.len(), Default::default());
    for (&k, s) in distinct.iter().zip(sketches) {
        if let Some(s) = s {
            let g = groups.entry(*s).or_insert((0, k, k));
            g.0 += 1;
            g.2 = if g.0 == 2 { k } else { g.2 };
        }
    }
    let mut todo = Vec::new();
    let mut pairs = Vec::new();
    for (&k, s) in distinct.iter().zip(sketches) {
        match s.map(|s| (s, groups[&s])) {
            Some((s, (1, _, _))) => keys[k] = s,
            Some((s, (2, a, b))) if a == k => pairs.push((a, b, s)),
            Some((_, (2, _, _))) => {}
            _ => todo.push(k),
        }
    }
    let differ = crate::parallel::map(&pairs, |&(a, b, _)| !same_letters(unit(a), unit(b)));
    for (&(a, b, s), differ) in pairs.iter().zip(differ) {
        if differ {
            keys[a] = super::hash::mix(s.wrapping_add(1));
            keys[b] = super::hash::mix(s.wrapping_add(2));
        } else {
            todo.extend([a, b]);
        }
    }
    todo
}

/// Whether two texts have the same characters as folding writes them,
/// spaces and invisible characters left out (what [`sketch`] reads of
/// their ends), compared up to the first difference. Texts that fold alike
/// have: folding maps each character to its representative, drops
/// invisible ones and only adds or removes spaces.
///
/// The bytes the two texts begin with in common are the same letters on
/// both sides: the comparison starts after them (at the start of the
/// character they end in).
fn same_letters(a: &Unit, b: &Unit) -> bool {
    let (a, b) = (a.text.as_str(), b.text.as_str());
    let mut start = common_prefix(a.as_bytes(), b.as_bytes());
    while !(a.is_char_boundary(start) && b.is_char_boundary(start)) {
        start -= 1;
    }
    letters(&a[start..]).eq(letters(&b[start..]))
}

/// How many bytes `a` and `b` begin with in common (eight at a time).
fn common_prefix(a: &[u8], b: &[u8]) -> usize {
    let n = a.len().min(b.len());
    let mut i = 0;
    while i + 8 <= n && a[i..i + 8] == b[i..i + 8] {
        i += 8;
    }
    while i < n && a[i] == b[i] {
        i += 1;
    }
    i
}

/// The characters of a text as folding writes them, without spaces.
fn letters(text: &str) -> impl Iterator<Item = char> + '_ {
    text.chars().flat_map(|c| {
        let (one, many) = match typography::fold_char(c) {
            _ if c == ' ' => (None, ""),
            Folded::Nothing | Folded::As(' ') => (None, ""),
            Folded::As(r) => (Some(r), ""),
            Folded::Letters(letters) => (None, letters),
            Folded::Same => (Some(c), ""),
        };
        one.into_iter().chain(many.chars())
    })
}

/// What [`twins_and_sketches`] finds: for each unit its twin, the units
/// without one, and their sketches.
type Found = (Vec<Option<usize>>, Vec<usize>, Vec<Option<u64>>);

/// For each of `all` units (the `old` ones first, then the new ones), the
/// earlier unit with the same class and the same bytes, if any (such an
/// earlier unit has no twin itself); the units without one (`distinct`,
/// in order), and their [`sketch`]es.
///
/// The first unit with each hash is found in one pass over a map sized
/// for all; then, in one step on both cores, the bytes of each unit that
/// shares a hash with an earlier one are compared with it, and the others
/// are sketched (a unit whose bytes differ, through a collision, has no
/// twin, as the first with its hash stays the one found). The units are
/// dealt to the cores old and new alternately: the old ones are mostly
/// sketched, the new ones mostly compared.
fn twins_and_sketches<'u>(
    raw: impl Iterator<Item = &'u u64>,
    unit: &(dyn Fn(usize) -> &'u Unit + Sync),
    (all, old): (usize, usize),
) -> Found {
    let mut first: FxHashMap<u64, usize> =
        FxHashMap::with_capacity_and_hasher(all, Default::default());
    let earlier: Vec<Option<usize>> = raw
        .enumerate()
        .map(|(k, &h)| match first.entry(h) {
            Entry::Occupied(e) => Some(*e.get()),
            Entry::Vacant(e) => {
                e.insert(k);
                None
            }
        })
        .collect();
    let dealt = alternately(all, old);
    let found = crate::parallel::map(&dealt, |&k| {
        let twin = earlier[k].filter(|&e| {
            let (a, b) = (unit(e), unit(k));
            a.kind.alignment_class() == b.kind.alignment_class() && a.text == b.text
        });
        match twin {
            Some(e) => Err(e),
            None => Ok(sketch(unit(k))),
        }
    });
    let mut twins = vec![None; all];
    let mut sketched = vec![None; all];
    for (&k, f) in dealt.iter().zip(found) {
        match f {
            Err(e) => twins[k] = Some(e),
            Ok(s) => sketched[k] = Some(s),
        }
    }
    let distinct: Vec<usize> = (0..all).filter(|&k| twins[k].is_none()).collect();
    let sketches = distinct.iter().filter_map(|&k| sketched[k]).collect();
    (twins, distinct, sketches)
}

/// The indices `0..all`, those below `split` and those above it taken in
/// turn (`0, split, 1, split + 1, ...`), the rest of the longer run last.
fn alternately(all: usize, split: usize) -> Vec<usize> {
    let split = split.min(all);
    let mut high = split..all;
    let mut out = Vec::with_capacity(all);
    for k in 0..split {
        out.push(k);
        out.extend(high.next());
    }
    out.extend(high);
    out
}

/// The hash of a unit's class and bytes, to find units with the same
/// text without folding it (its value matters to nothing else: [`twins`]
/// compares the bytes of units with the same hash).
fn raw(unit: &Unit) -> u64 {
    super::hash::wide(u64::from(unit.kind.alignment_class()), unit.text.as_bytes())
}

/// How many characters of each end of a text its [`sketch`] holds.
pub const ENDS: usize = 48;

/// The sketch of a unit: the hash of its alignment class and of the first
/// and the last [`ENDS`] characters of its text as [`typography::fold`]
/// writes them, spaces left out. Two units with the same key have the same
/// sketch: folding maps each character to its representative (a ligature
/// to its letters), drops invisible ones and only adds or removes spaces,
/// so the folded text without its spaces is the same for both, and so are
/// its ends. `None` for the units whose key is not their folded text alone:
/// a closing line (its key is the meeting), a text with a footnote
/// reference (blanked in the key).
///
/// ```
/// use redraft::align::keys::sketch;
/// use redraft::model::{ParseOptions, parse};
/// let r = parse("The General Assembly,\n\n1. Notes l’« Act » ;\n\n2. Notes l'\"Act\";", &ParseOptions::default()).unwrap();
/// assert_eq!(sketch(&r.units[1]), sketch(&r.units[2]));
/// assert!(sketch(&r.units[1]).is_some());
/// ```
pub fn sketch(unit: &Unit) -> Option<u64> {
    let bytes = unit.text.as_bytes();
    if unit.kind == crate::model::UnitKind::Closing || memchr::memchr(b'[', bytes).is_some() {
        return None;
    }
    let mut h = Fx::default();
    h.add(u64::from(unit.kind.alignment_class()));
    let mut h = sketch_head(&unit.text, h);
    h.add(u64::MAX);
    Some(sketch_tail(&unit.text, h).finish())
}

/// Adds the first [`ENDS`] characters of `text` as folding writes them
/// (see [`sketch_char`]): printable ASCII is its own fold, added at once,
/// a space adds nothing, other characters are decoded. (The hash goes by
/// value, so that it stays in a register.)
#[inline]
fn sketch_head(text: &str, mut h: Fx) -> Fx {
    let bytes = text.as_bytes();
    let (mut left, mut i) = (ENDS, 0);
    while let Some(&b) = bytes.get(i) {
        if left == 0 {
            break;
        }
        if b.is_ascii_graphic() {
            h.add(u64::from(b));
            (left, i) = (left - 1, i + 1);
        } else if b == b' ' {
            i += 1;
        } else {
            let Some(c) = text.get(i..).and_then(|rest| rest.chars().next()) else {
                break;
            };
            left -= sketch_char(c, false, left, &mut h);
            i += c.len_utf8();
        }
    }
    h
}

/// Adds the last [`ENDS`] characters of `text`, last first, as
/// [`sketch_head`] adds the first.
#[inline]
fn sketch_tail(text: &str, mut h: Fx) -> Fx {
    let bytes = text.as_bytes();
    let (mut left, mut end) = (ENDS, bytes.len());
    while left > 0 && end > 0 {
        let b = bytes[end - 1];
        if b.is_ascii_graphic() {
            h.add(u64::from(b));
            (left, end) = (left - 1, end - 1);
        } else if b == b' ' {
            end -= 1;
        } else {
            let Some(c) = text.get(..end).and_then(|rest| rest.chars().next_back()) else {
                break;
            };
            left -= sketch_char(c, true, left, &mut h);
            end -= c.len_utf8();
        }
    }
    h
}

/// Adds a character as folding writes it (nothing for a space or an
/// invisible character; a ligature's letters, backwards when `backwards`),
/// at most `most` characters of it, and gives how many it added.
#[inline]
fn sketch_char(c: char, backwards: bool, most: usize, h: &mut Fx) -> usize {
    let folded = if c == ' ' {
        Folded::Nothing
    } else {
        typography::fold_char(c)
    };
    match folded {
        Folded::Nothing | Folded::As(' ') => 0,
        Folded::As(r) => {
            h.add(u64::from(r));
            1
        }
        Folded::Letters(letters) => {
            let mut n = 0;
            let mut add = |l: char| {
                h.add(u64::from(l));
                n += 1;
            };
            if backwards {
                letters.chars().rev().take(most).for_each(&mut add);
            } else {
                letters.chars().take(most).for_each(&mut add);
            }
            n
        }
        Folded::Same => {
            h.add(u64::from(c));
            1
        }
    }
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

    /// Whether `keys` put the units in the same groups as folding every
    /// unit does.
    fn same_groups(units: &[&Unit], keys: &[u64]) {
        let folded: Vec<u64> = units.iter().map(|u| key(u)).collect();
        for a in 0..units.len() {
            for b in 0..units.len() {
                assert_eq!(
                    keys[a] == keys[b],
                    folded[a] == folded[b],
                    "{:?} / {:?}",
                    units[a].text,
                    units[b].text
                );
            }
        }
    }

    /// [`sketch`] as first written: every character through
    /// [`sketch_char`].
    fn sketch_slowly(unit: &Unit) -> Option<u64> {
        if unit.kind == crate::model::UnitKind::Closing || unit.text.contains('[') {
            return None;
        }
        let mut h = Fx::default();
        h.add(u64::from(unit.kind.alignment_class()));
        let mut left = ENDS;
        for c in unit.text.chars() {
            if left == 0 {
                break;
            }
            left -= sketch_char(c, false, left, &mut h);
        }
        h.add(u64::MAX);
        let mut left = ENDS;
        for c in unit.text.chars().rev() {
            if left == 0 {
                break;
            }
            left -= sketch_char(c, true, left, &mut h);
        }
        Some(h.finish())
    }

    proptest::proptest! {
        #[test]
        fn sketch_takes_an_ascii_shortcut_to_the_same_hash(
            text in "([a-zA-Z0-9 ,.;:'\"!?~()-]|\t|é|É|«|»|\u{a0}|\u{202f}|\u{2019}|\u{ad}|\u{200b}|\u{fb03}|\u{fb01}|\u{2011}|\u{7f}|\u{1}){1,140}"
        ) {
            let unit = Unit {
                label: "OP1".into(),
                kind: crate::model::UnitKind::Operative,
                marker: None,
                number: None,
                text,
                line: 1,
                parent: None,
                part: None,
            };
            proptest::prop_assert_eq!(sketch(&unit), sketch_slowly(&unit));
        }
    }

    fn check(old: &str, new: &str) {
        let old = parse(old, &ParseOptions::default()).unwrap();
        let new = parse(new, &ParseOptions::default()).unwrap();
        let (o, n) = both(&old.units, &new.units);
        let units: Vec<&Unit> = old.units.iter().chain(&new.units).collect();
        same_groups(&units, &[o, n].concat());
    }

    proptest::proptest! {
        /// Paragraphs with long common ends and a middle that an edit, a
        /// typographic variant or a space may change, in both versions:
        /// the keys group them as folding every text does.
        #[test]
        fn compared_keys_group_as_folded_keys(
            middles in proptest::collection::vec(
                ("(a|b| |\u{a0}|\u{2019}|'|«|\"|\u{ad}|\u{fb01}|fi){0,8}", 0usize..6),
                1..6,
            ),
        ) {
            let (head, tail) = ("x".repeat(2 * ENDS), "y".repeat(2 * ENDS));
            // The new middle: typographic variants of the old one, an
            // invisible character, a letter changed, spaces dropped, or
            // another text.
            let edit = |m: &str, how: usize| match how {
                0 => m.replace('\'', "\u{2019}").replace(' ', "\u{a0}").replace("fi", "\u{fb01}"),
                1 => format!("\u{ad}{m}"),
                2 => m.replacen('a', "b", 1),
                3 => m.replace(' ', ""),
                4 => m.replace('\u{2019}', "'").replace('\u{a0}', " ").replace('\u{fb01}', "fi"),
                _ => "ab".to_string(),
            };
            let draft = |new: bool| {
                let mut text = String::from("The General Assembly,");
                for (k, (m, how)) in middles.iter().enumerate() {
                    let m = if new { edit(m, *how) } else { m.clone() };
                    text.push_str(&format!("\n\n{}. Notes {k} {head}{m}{tail}.", k + 1));
                }
                text
            };
            check(&draft(false), &draft(true));
        }
    }

    #[test]
    fn old_and_new_units_are_dealt_alternately() {
        assert_eq!(alternately(7, 3), [0, 3, 1, 4, 2, 5, 6]);
        assert_eq!(alternately(5, 4), [0, 4, 1, 2, 3]);
        assert_eq!(alternately(3, 0), [0, 1, 2]);
        assert_eq!(alternately(0, 0), Vec::<usize>::new());
    }

    #[test]
    fn copied_and_sketched_keys_group_as_folded_keys() {
        check(
            "The General Assembly,\n\nRecalling l’État,\n\n1. Decides to act;\n\n2. Decides to act;\n\n3. Notes[^1] the report.\n\n[^1]: A/1.",
            "The General Assembly,\n\n1. Decides to act;\n\nRecalling l'État,\n\n2. Notes[^2] the report.\n\n3. Decides to act;\n\n[^2]: A/1.",
        );
    }

    #[test]
    fn texts_that_fold_alike_at_their_ends_are_folded() {
        let long = "x".repeat(2 * ENDS);
        // A ligature across the end of the sketch, typographic spaces and
        // quotes, an edit in the middle only, invisible characters.
        let old = format!(
            "The General Assembly,\n\n1. Notes {long} \u{fb01}nal.\n\n2. Urges « States » ; to {long} act.\n\n3. Asks {long} a report.\n\n4. Co\u{ad}operation {long} now."
        );
        let new = format!(
            "The General Assembly,\n\n1. Notes {long} final.\n\n2. Urges \"States\"; to {long} act.\n\n3. Asks {long}  b report.\n\n4. Cooperation {long} now."
        );
        check(&old, &new);
        let a = "A".repeat(ENDS - 1);
        check(
            &format!("The General Assembly,\n\n1. {a}\u{fb03}x {long} end."),
            &format!("The General Assembly,\n\n1. {a}ffix {long} end.\n\n2. {a}ffiy {long} end."),
        );
    }
}
