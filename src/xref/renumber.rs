//! References left behind by a renumbering: comparing the references of a
//! new version with those of the old one, through the alignment of the
//! core ([`crate::align`]), and the [`Edit`]s that bring them up to date.
//! The `xref-stale` rule of [`crate::check`] reports them; `--fix` and
//! `amend` apply the edits.
//!
//! Only references that stand unchanged in the aligned old unit are
//! judged: a reference the drafters already touched, or wrote into a new
//! paragraph, carries its numbers by intent. For each stale reference the
//! [`Change`] says what it should now read, and an [`Edit`] rewrites
//! exactly the number (or letter, or ordinal word) that changed.
//!
//! Old: `2. Welcomes …;` `3. Recalls paragraph 2 above;` → new, with a
//! paragraph inserted as 2: `3. Welcomes …;` `4. Recalls paragraph 2
//! above;` — the reference is stale and should read "paragraph 3 above".

use super::document::quote;
use super::rewrite::Edit;
use super::{Document, Piece, Reference, Target, TargetKind, resolve_reference};
use crate::align::Alignment;
use crate::model::UnitKind;
use std::collections::HashMap;

/// A reference of the new version left behind by a renumbering.
#[derive(Debug, Clone)]
pub struct Stale<'a> {
    /// The reference, in the new version.
    pub reference: &'a Reference,
    /// What became of its targets.
    pub change: Change,
}

/// What became of the targets of an unchanged reference.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Change {
    /// A range ("paragraphs 3 to 5") no longer names the same paragraphs:
    /// their numbers now (`2, 4, 5`), `(deleted)` for one deleted. Not
    /// rewritten: that would change what the range covers.
    BrokenRange(String),
    /// A target was deleted: its old label.
    Deleted(String),
    /// Targets were renumbered.
    Renumbered {
        /// Their old labels.
        old: Vec<String>,
        /// Their new labels.
        new: Vec<String>,
        /// The edits that rewrite the reference (numbers, "above").
        edits: Vec<Edit>,
        /// The reference as it should read, whitespace runs collapsed.
        suggestion: String,
    },
}

/// A reference target of one version: the reference and which target.
type Site<'a> = (&'a Reference, &'a Target);

/// The references of `new` that still carry the numbers their targets had
/// in `old`, `alignment` pairing the units of the two, in document order.
pub fn stale<'a>(old: &Document, new: &'a Document, alignment: &Alignment) -> Vec<Stale<'a>> {
    let v = Versions {
        old,
        new,
        alignment,
    };
    let copies = copies(new, alignment);
    let (old_by_unit, new_by_unit) = (by_unit(old), by_unit(new));
    let mut out = Vec::new();
    for unit in 0..new.units().len() {
        let old_units = alignment
            .of_new(unit)
            .map(|m| m.old.clone())
            .or_else(|| {
                copies
                    .get(new.units()[unit].text.as_str())
                    .map(|&o| vec![o])
            })
            .unwrap_or_default();
        let old_sites = sites(&old_by_unit, &old_units);
        let new_sites = sites(&new_by_unit, &[unit]);
        let pairs = unchanged((old, &old_sites), (new, &new_sites));
        out.extend(judge_unit(&v, &old_sites, &new_sites, &pairs));
    }
    out
}

/// Every edit of `stale`, in order, each once.
pub fn edits(stale: &[Stale<'_>]) -> Vec<Edit> {
    let mut edits: Vec<Edit> = stale
        .iter()
        .filter_map(|s| match &s.change {
            Change::Renumbered { edits, .. } => Some(edits.iter().cloned()),
            _ => None,
        })
        .flatten()
        .collect();
    edits.sort_by_key(|e| e.range.start);
    edits.dedup();
    edits
}

/// The stale references of one unit: broken ranges first, then, reference
/// by reference, deleted targets and renumbered ones.
fn judge_unit<'a>(
    v: &Versions<'_>,
    old_sites: &[Site<'_>],
    new_sites: &[Site<'a>],
    pairs: &[(usize, usize)],
) -> Vec<Stale<'a>> {
    let broken = broken_ranges(v, old_sites, new_sites, pairs);
    let mut outcomes: Vec<(&Reference, Outcome)> = Vec::new();
    for &(o, n) in pairs {
        let reference = new_sites[n].0;
        if broken.iter().any(|(r, _)| std::ptr::eq(*r, reference)) {
            continue;
        }
        outcomes.push((reference, judge(v, old_sites[o], new_sites[n])));
    }
    let mut out: Vec<Stale<'a>> = broken
        .into_iter()
        .map(|(reference, now)| Stale {
            reference,
            change: Change::BrokenRange(now),
        })
        .collect();
    report(v, &outcomes, &mut out);
    out
}

/// Old units copied word for word into the new draft, by their text: a
/// second copy, which the alignment leaves unpaired, is judged against the
/// same old unit as the first, so that `--fix` rewrites every copy at once
/// and a second run finds nothing more (`--fix` is idempotent).
fn copies<'a>(new: &'a Document, alignment: &Alignment) -> HashMap<&'a str, usize> {
    alignment
        .matches
        .iter()
        .filter(|m| m.exact && m.old.len() == 1 && m.new.len() == 1)
        .map(|m| (new.units()[m.new[0]].text.as_str(), m.old[0]))
        .collect()
}

struct Versions<'a> {
    old: &'a Document,
    new: &'a Document,
    alignment: &'a Alignment,
}

/// What became of the target of an unchanged reference.
enum Outcome {
    /// It still has its number (or could not be followed).
    Current,
    /// It was deleted.
    Deleted(String),
    /// It was renumbered: its old and new labels, and the edits.
    Renumbered(String, String, Vec<Edit>),
}

/// The internal references of each unit, in order.
fn by_unit(doc: &Document) -> HashMap<usize, Vec<&Reference>> {
    let mut map: HashMap<usize, Vec<&Reference>> = HashMap::new();
    for r in doc.references().iter().filter(|r| !r.external) {
        map.entry(r.unit).or_default().push(r);
    }
    map
}

/// The targets of internal references in some units, in order.
fn sites<'a>(by_unit: &HashMap<usize, Vec<&'a Reference>>, units: &[usize]) -> Vec<Site<'a>> {
    let mut refs: Vec<&'a Reference> = units
        .iter()
        .filter_map(|u| by_unit.get(u))
        .flatten()
        .copied()
        .collect();
    refs.sort_by_key(|r| (r.unit, r.range.start));
    refs.into_iter()
        .flat_map(|r| r.targets.iter().map(move |t| (r, t)))
        .collect()
}

/// Pairs of old and new targets written alike, in order: same target in a
/// reference written the same way. A reference of which the drafters
/// changed anything ("paragraphs 2 and 6" → "paragraphs 2 and 7") is
/// theirs, and not judged.
///
/// The k-th new site written like an old one is paired with the k-th old
/// site written so (a hash table, no comparison of every pair), and of
/// those pairs the longest run in order is kept ([`crate::align::lis`]).
fn unchanged(old: (&Document, &[Site<'_>]), new: (&Document, &[Site<'_>])) -> Vec<(usize, usize)> {
    // Written the same way: spacing aside, zero-width characters too.
    let key = |doc: &Document, (r, t): &Site<'_>| {
        let written = doc.text[r.range.clone()].replace(['\u{200B}', '\u{2060}', '\u{FEFF}'], "");
        format!("{}\u{0}{}", t.form(), quote(&written))
    };
    let mut olds: HashMap<String, std::collections::VecDeque<usize>> = HashMap::new();
    for (i, site) in old.1.iter().enumerate() {
        olds.entry(key(old.0, site)).or_default().push_back(i);
    }
    let candidates: Vec<(usize, usize, u64)> = new
        .1
        .iter()
        .enumerate()
        .filter_map(|(j, site)| Some((j, olds.get_mut(&key(new.0, site))?.pop_front()?, 1)))
        .collect();
    let kept = crate::align::lis::in_order(&candidates);
    candidates
        .iter()
        .zip(kept)
        .filter(|(_, keep)| *keep)
        .map(|(&(j, i, _), _)| (i, j))
        .collect()
}

/// The ranges ("paragraphs 3 to 5") of unchanged references that no longer
/// name the same paragraphs: a paragraph was inserted inside the range, or
/// one of its paragraphs deleted or moved out. Rewriting the ends would
/// silently change what the reference covers, so such a reference is
/// reported, with what its paragraphs are now (`2, 4, 5`), and left for
/// the drafters.
fn broken_ranges<'a>(
    v: &Versions<'_>,
    old_sites: &[Site<'_>],
    new_sites: &[Site<'a>],
    pairs: &[(usize, usize)],
) -> Vec<(&'a Reference, String)> {
    let old_of_new: HashMap<usize, usize> = pairs.iter().map(|&(o, n)| (n, o)).collect();
    let old_of = |n: usize| old_of_new.get(&n).copied();
    let mut out: Vec<(&'a Reference, String)> = Vec::new();
    for n in 0..new_sites.len().saturating_sub(1) {
        let (reference, first) = new_sites[n];
        let (next_ref, last) = new_sites[n + 1];
        let same_reference = std::ptr::eq(reference, next_ref);
        if !same_reference
            || !is_range(v.new, first, last)
            || out.iter().any(|(r, _)| std::ptr::eq(*r, reference))
        {
            continue;
        }
        let (Some(a), Some(b)) = (old_of(n), old_of(n + 1)) else {
            continue;
        };
        if let Some(now) = range_now(v, old_sites[a], old_sites[b]) {
            out.push((reference, now));
        }
    }
    out
}

/// Whether the words between two targets make a range ("to", "à", a dash).
fn is_range(doc: &Document, first: &Target, last: &Target) -> bool {
    let (Some(a), Some(b)) = (&first.number, &last.number) else {
        return false;
    };
    let Some(between) = doc.text.get(a.range.end..b.range.start) else {
        return false;
    };
    let between = between.trim().to_lowercase();
    let words = &doc.table().references;
    matches!(between.as_str(), "-" | "–") || words.to.iter().any(|w| between == *w)
}

/// If the old range from `first` to `last` no longer maps onto one range
/// of the new version, the new numbers of its paragraphs (`3, 5 and 6`).
fn range_now(
    v: &Versions<'_>,
    (ref_a, first): Site<'_>,
    (ref_b, last): Site<'_>,
) -> Option<String> {
    let index = |r: &Reference, t: &Target| {
        let (label, exists) = resolve_reference(v.old, r, t);
        v.old.index_of(&label).filter(|_| exists)
    };
    let (a, b) = (index(ref_a, first)?, index(ref_b, last)?);
    let old_units = v.old.units();
    let top = |u: &crate::model::Unit| u.kind == UnitKind::Operative && u.part == old_units[a].part;
    let members: Vec<usize> = (a.min(b)..=a.max(b))
        .filter(|&i| top(&old_units[i]))
        .collect();
    let mapped: Vec<Option<usize>> = members
        .iter()
        .map(|&i| v.alignment.of_old(i).map(|m| m.new[0]))
        .collect();
    let news: Vec<usize> = mapped.iter().flatten().copied().collect();
    let (lo, hi) = (news.iter().min()?, news.iter().max()?);
    let new_units = v.new.units();
    let spanned = (*lo..=*hi)
        .filter(|&j| new_units[j].kind == UnitKind::Operative)
        .count();
    if mapped.iter().all(Option::is_some) && spanned == news.len() && ascending(new_units, &news) {
        return None;
    }
    let mut numbers: Vec<String> = news
        .iter()
        .filter_map(|&j| new_units[j].display_number())
        .collect();
    if mapped.iter().any(Option::is_none) {
        numbers.push("(deleted)".to_string());
    }
    Some(numbers.join(", "))
}

/// Whether the new units of a range, in the range's order, are numbered
/// in rising order: never rewrite a range into "paragraphs 8 to 5" where
/// the draft's own numbering is out of order.
fn ascending(new_units: &[crate::model::Unit], news: &[usize]) -> bool {
    let numbers: Vec<Option<u32>> = news
        .iter()
        .map(|&j| new_units[j].display_number()?.parse().ok())
        .collect();
    numbers.windows(2).all(|w| match (w[0], w[1]) {
        (Some(a), Some(b)) => a < b,
        _ => true,
    })
}

/// Judges one reference target that stands unchanged in both versions.
fn judge(v: &Versions<'_>, (old_ref, old_target): Site<'_>, site: Site<'_>) -> Outcome {
    let (old_label, exists) = resolve_reference(v.old, old_ref, old_target);
    let Some(old_index) = v.old.index_of(&old_label).filter(|_| exists) else {
        return Outcome::Current;
    };
    let Some(new_index) = v.alignment.of_old(old_index).map(|m| m.new[0]) else {
        return Outcome::Deleted(old_label);
    };
    match rewrite(v.new, site, new_index) {
        Some(edits) if !edits.is_empty() => {
            let new_label = v.new.units()[new_index].label.clone();
            Outcome::Renumbered(old_label, new_label, edits)
        }
        _ => Outcome::Current,
    }
}

/// One [`Change::Deleted`] per deleted target, then one
/// [`Change::Renumbered`] per reference with renumbered targets (all its
/// edits together).
fn report<'a>(v: &Versions<'_>, outcomes: &[(&'a Reference, Outcome)], out: &mut Vec<Stale<'a>>) {
    let mut k = 0;
    while k < outcomes.len() {
        let reference = outcomes[k].0;
        let same: Vec<&Outcome> = outcomes[k..]
            .iter()
            .take_while(|(r, _)| std::ptr::eq(*r, reference))
            .map(|(_, o)| o)
            .collect();
        k += same.len();
        for outcome in &same {
            if let Outcome::Deleted(label) = outcome {
                let change = Change::Deleted(label.clone());
                out.push(Stale { reference, change });
            }
        }
        if let Some(change) = renumbered(v, reference, &same) {
            out.push(Stale { reference, change });
        }
    }
}

fn renumbered(v: &Versions<'_>, reference: &Reference, outcomes: &[&Outcome]) -> Option<Change> {
    let (mut old, mut new, mut edits) = (Vec::new(), Vec::new(), Vec::new());
    for outcome in outcomes {
        if let Outcome::Renumbered(o, n, e) = outcome {
            old.push(o.clone());
            new.push(n.clone());
            edits.extend(e.iter().cloned());
        }
    }
    // Targets that moved across the reference each turn its "above".
    edits.sort_by_key(|e| (e.range.start, e.range.end));
    edits.dedup();
    if edits.is_empty() {
        return None;
    }
    let suggestion = suggest(&v.new.text, reference, &edits);
    Some(Change::Renumbered {
        old,
        new,
        edits,
        suggestion,
    })
}

/// The edits that make a target name the new unit `to`; `None` when the
/// reference cannot be rewritten to name it (another kind or depth of
/// unit, another section), empty when it already does.
fn rewrite(doc: &Document, (reference, target): Site<'_>, to: usize) -> Option<Vec<Edit>> {
    let (paragraph, subs) = chain(doc, to);
    let mut edits = Vec::new();
    let mut updated = target.clone();
    if target.kind == TargetKind::Sibling {
        let (last_piece, last_new) = (target.subs.last()?, subs.last()?);
        edit_piece(&mut edits, last_piece, last_new, last_new);
        updated.subs.last_mut()?.value = last_new.clone();
    } else {
        let unit = &doc.units()[paragraph];
        let (value, shown) = paragraph_number(doc, target, paragraph)?;
        let same_kind = matches!(
            (target.kind, unit.kind),
            (TargetKind::Operative, UnitKind::Operative)
                | (TargetKind::Preambular, UnitKind::Preambular)
        );
        if !same_kind || subs.len() != target.subs.len() {
            return None;
        }
        let piece = target.number.as_ref()?;
        edit_piece(&mut edits, piece, &value, &shown);
        for ((p, new), slot) in target.subs.iter().zip(&subs).zip(&mut updated.subs) {
            edit_piece(&mut edits, p, new, new);
            slot.value = new.clone();
        }
        updated.number.as_mut()?.value = value;
    }
    let (label, exists) = resolve_reference(doc, reference, &updated);
    if !exists || doc.index_of(&label) != Some(to) {
        return None;
    }
    if !edits.is_empty() {
        turn_place(doc, reference, to, &mut edits);
    }
    Some(edits)
}

/// When the target `to` now stands on the other side of the reference,
/// turns "above" into "below" (or the reverse) if the language has the
/// opposite word; if it has none, the `xref-direction` rule reports it.
fn turn_place(doc: &Document, reference: &Reference, to: usize, edits: &mut Vec<Edit>) {
    let Some(place) = &reference.place else {
        return;
    };
    if place.below == (to > reference.unit) || to == reference.unit {
        return;
    }
    let written = &doc.text[place.range.clone()];
    if let Some(word) = place.opposite(&doc.table().references, written) {
        edits.push(Edit {
            range: place.range.clone(),
            replacement: word,
        });
    }
}

/// The paragraph a unit belongs to, and the letters or numerals from that
/// paragraph down to the unit.
fn chain(doc: &Document, unit: usize) -> (usize, Vec<String>) {
    let units = doc.units();
    let mut subs = Vec::new();
    let mut i = unit;
    while units[i].kind == UnitKind::Subparagraph {
        subs.push(units[i].number.clone().unwrap_or_default());
        match units[i].parent {
            Some(p) => i = p,
            None => break,
        }
    }
    subs.reverse();
    (i, subs)
}

/// The number of a paragraph as a reference writes it: its value
/// (`9bis`, `3`) and how it is shown (`9 bis`, `3`, `troisième`).
fn paragraph_number(doc: &Document, target: &Target, paragraph: usize) -> Option<(String, String)> {
    let unit = &doc.units()[paragraph];
    let value = match unit.kind {
        UnitKind::Preambular => {
            let label = unit.label.rsplit('/').next()?;
            label.strip_prefix("PP")?.to_string()
        }
        _ => unit.number.clone()?,
    };
    let shown = match (target.ordinal, &target.number) {
        (Some(form), Some(piece)) => {
            let n: u32 = value.parse().ok()?;
            let word = doc.table().references.ordinal_word(n, form)?;
            same_case(&doc.text[piece.range.clone()], word)
        }
        _ => unit.display_number().unwrap_or_else(|| value.clone()),
    };
    Some((value, shown))
}

/// `word` with the first letter in the case of `like`'s.
fn same_case(like: &str, word: &str) -> String {
    let upper = like.chars().next().is_some_and(char::is_uppercase);
    let mut chars = word.chars();
    match chars.next() {
        Some(first) if upper => first.to_uppercase().chain(chars).collect(),
        _ => word.to_string(),
    }
}

fn edit_piece(edits: &mut Vec<Edit>, piece: &Piece, value: &str, shown: &str) {
    if piece.value != value {
        edits.push(Edit {
            range: piece.range.clone(),
            replacement: shown.to_string(),
        });
    }
}

/// The reference as it should read, edits applied.
fn suggest(text: &str, reference: &Reference, edits: &[Edit]) -> String {
    let mut out = String::new();
    let mut at = reference.range.start;
    let mut sorted: Vec<&Edit> = edits.iter().collect();
    sorted.sort_by_key(|e| e.range.start);
    for edit in sorted {
        out.push_str(&text[at..edit.range.start]);
        out.push_str(&edit.replacement);
        at = edit.range.end;
    }
    out.push_str(&text[at..reference.range.end]);
    quote(&out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ordinals_keep_their_case() {
        assert_eq!(same_case("Deuxième", "troisième"), "Troisième");
        assert_eq!(same_case("deuxième", "troisième"), "troisième");
    }
}
