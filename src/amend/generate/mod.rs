//! Generating the amendments that turn one draft into another.
//!
//! From the alignment of the two drafts:
//!
//! - a unit of the old draft that continues in the new one (same kind; the
//!   first piece of a split, the merged unit of the first of a merge) gets
//!   word amendments, or is replaced whole when it changed throughout (four
//!   separate changes or more, or most of a long paragraph);
//! - the other old units are deleted; the other new units are inserted
//!   after the nearest unit before them that comes from the old draft;
//! - units outside the heaviest subsequence kept in order are moved, after
//!   the nearest unit before them that comes from the old draft;
//! - footnotes are edited, deleted or added (new ones numbered after the old
//!   draft's highest; references in quoted text use the old draft's
//!   numbers; the amended draft is renumbered).
//!
//! Each word change quotes as little as identifies it: the changed words
//! alone when they occur once in the paragraph, else with the words before
//! them (`after "la Cour", replace "de" with "du"`), else by occurrence (`the
//! second occurrence of`). Changes separated by one short word are merged
//! into one phrase. Every amendment is checked by applying it and by
//! reading its wording back (by construction for plain quotations, see
//! `hunks::reads_back`); if no wording of a change passes, the paragraph
//! is replaced whole.
//!
//! [`from_comparison`] works on the comparison `diff` made, reusing its
//! word segments; [`generate`] diffs each changed paragraph itself;
//! [`from_redline`] rebuilds both drafts from a redline alone.

mod hunks;
mod lettered;
mod place;
mod redline;
mod refs;

pub use redline::from_redline;

use super::apply::items::{depth, is_numbered_paragraph, strip_marker};
use super::apply::locate;
use super::apply::renumber::renumber_refs;
use super::readings::Readings;
use super::{Action, Amendment, Ref, WordEdit};
use crate::align::Alignment;
use crate::diff::{Comparison, Granularity};
use crate::lang::Lang;
use crate::model::{self, Resolution, UnitKind, marker};
use crate::redline::{Entry, Op, Segment};
use hunks::{
    Hunk, candidates, hunks, hunks_of, merge, reads_back, throughout, together, whole_chunks, words,
};
use place::{free_descendants, guard_marker, stable};
use refs::natural_ref;
use std::collections::HashMap;

/// The amendments turning `old` into `new`, worded so that they read back
/// in `lang`; every changed paragraph is diffed word by word.
pub fn generate(
    old: &Resolution,
    new: &Resolution,
    alignment: &Alignment,
    lang: Lang,
) -> Vec<Amendment> {
    listed(Gen::new(old, new, alignment, lang))
}

/// The amendments turning a comparison's old draft into its new one,
/// worded so that they read back in `lang`: from its drafts, its alignment
/// and the word segments of its redline, as they are.
///
/// ```
/// use redraft::{amend, diff, model, lang::Lang};
/// let opts = model::ParseOptions::default();
/// let old = model::parse("The General Assembly,\n\n1. Decides to act.\n\n2. Requests a report.", &opts).unwrap();
/// let new = model::parse("The General Assembly,\n\n1. Decides to act now.\n\n2. Requests a report.", &opts).unwrap();
/// let c = diff::compare(old, new, &diff::Options::default());
/// let list = amend::from_comparison(&c, Lang::En);
/// assert_eq!(amend::phrase(&list[0], Lang::En).unwrap(), "Operative paragraph 1: after \"act\", insert \"now\".");
/// ```
pub fn from_comparison(c: &Comparison, lang: Lang) -> Vec<Amendment> {
    let mut g = Gen::new(&c.old, &c.new, &c.alignment, lang);
    // The redline's segments are the word diff `hunks` would make when
    // they were diffed word by word in the language the amendments quote
    // (the old draft's), and no footnote reference needs renumbering.
    if c.options.granularity == Granularity::Word && c.old.lang == c.new.lang {
        g.given = given_segments(&c.redline.entries, c.old.units.len());
    }
    listed(g)
}

/// For each old unit paired one to one in the redline, its entry's
/// segments and the new unit it pairs with.
fn given_segments(entries: &[Entry], old_len: usize) -> Vec<Option<(usize, &[Segment])>> {
    let mut given = vec![None; old_len];
    for e in entries {
        let (Op::Edited | Op::Unchanged, [old], Some(new), None) =
            (e.op, e.old.as_slice(), &e.new, e.piece)
        else {
            continue;
        };
        if let Some(slot) = given.get_mut(old.index) {
            *slot = Some((new.index, e.segments.as_slice()));
        }
    }
    given
}

/// Whether old unit `i` can continue as new unit `j`: the same kind and,
/// for a subparagraph, the same nesting; for a paragraph, numbered in both
/// or in neither. A subparagraph that becomes a level higher or lower (a
/// "(c)" split out of the text of a "(ii)"), or a numbered paragraph of an
/// annex that loses its number (`4cement …`, its `4.` glued to its text),
/// is not amended in its words: it is deleted and inserted as it now
/// stands, which says its kind ("a new unnumbered paragraph").
fn same_level(old: &Resolution, i: usize, new: &Resolution, j: usize) -> bool {
    let (a, b) = (&old.units[i], &new.units[j]);
    a.kind == b.kind
        && (a.kind != UnitKind::Subparagraph || depth(old, i) == depth(new, j))
        && is_numbered_paragraph(a) == is_numbered_paragraph(b)
}

/// The amendments of a generator, in the order of the old draft.
fn listed(g: Gen) -> Vec<Amendment> {
    let mut out: Vec<(Key, Action)> = Vec::new();
    g.placements(&mut out);
    g.edits(&mut out);
    g.deletions(&mut out);
    g.new_footnotes(&mut out);
    out.sort_by_key(|(k, _)| *k);
    out.into_iter().map(|(_, a)| Amendment::new(a)).collect()
}

/// Sort key of an amendment: the old unit it stands by, then before (0),
/// on (1) or after (2) it, then the new order.
type Key = (usize, u8, usize, usize);

struct Gen<'a> {
    old: &'a Resolution,
    new: &'a Resolution,
    lang: Lang,
    /// For each old unit, the new unit continuing it.
    cont_old: Vec<Option<usize>>,
    /// For each new unit, the old unit it continues.
    cont_new: Vec<Option<usize>>,
    /// New units that keep their place among their neighbours.
    stable: Vec<bool>,
    /// New footnote number → number in the amendments (of the first
    /// footnote NEW numbers so).
    footnotes: HashMap<String, String>,
    /// New footnote (unit) → its number in the amendments.
    new_footnote_ids: HashMap<usize, String>,
    /// Old label → old unit index (the first with that label).
    positions: HashMap<&'a str, usize>,
    /// The old units by their text, as `amend` finds them.
    texts: Readings<'a>,
    /// For old units, the word segments of their pair with a new unit,
    /// when the comparison gives them ([`from_comparison`]).
    given: Vec<Option<(usize, &'a [Segment])>>,
}

impl<'a> Gen<'a> {
    fn new(old: &'a Resolution, new: &'a Resolution, alignment: &Alignment, lang: Lang) -> Self {
        let mut cont_old = vec![None; old.units.len()];
        let mut cont_new = vec![None; new.units.len()];
        let mut moved = vec![false; new.units.len()];
        for m in &alignment.matches {
            let (Some(&i), Some(&j)) = (m.old.first(), m.new.first()) else {
                continue;
            };
            if i < old.units.len() && j < new.units.len() && same_level(old, i, new, j) {
                cont_old[i] = Some(j);
                cont_new[j] = Some(i);
                moved[j] = m.moved;
            }
        }
        let mut stable = stable(new, &cont_new, &moved);
        free_descendants(old, &cont_old, &mut stable);
        let mut g = Gen {
            old,
            new,
            lang,
            cont_old,
            cont_new,
            stable,
            footnotes: HashMap::new(),
            new_footnote_ids: HashMap::new(),
            positions: HashMap::new(),
            texts: Readings::new(old),
            given: Vec::new(),
        };
        for (i, u) in old.units.iter().enumerate().rev() {
            g.positions.insert(u.label.as_str(), i);
        }
        (g.footnotes, g.new_footnote_ids) = g.footnote_numbers();
        g
    }

    /// Units amendments place: not footnotes (they follow their
    /// references), nor the closing line of an adopted resolution (a
    /// record of its adoption, never amended).
    fn is_body(unit: &model::Unit) -> bool {
        !matches!(unit.kind, UnitKind::Footnote | UnitKind::Closing)
    }

    /// New footnote numbers as the amendments write them, for references
    /// (new id → number) and for each new footnote (unit → number): a
    /// footnote of the old draft keeps its old number; each new one gets
    /// its own number after the highest the old draft uses, even where NEW
    /// defines a number twice (`[^7]:` twice: two new footnotes, the
    /// references meaning the first, as a reader takes them).
    fn footnote_numbers(&self) -> (HashMap<String, String>, HashMap<usize, String>) {
        let defined_new: Vec<&String> = self
            .new
            .of_kind(UnitKind::Footnote)
            .filter_map(|u| u.number.as_ref())
            .collect();
        let mut used: Vec<u32> = self
            .old
            .of_kind(UnitKind::Footnote)
            .filter_map(|u| u.number.as_deref()?.parse().ok())
            .collect();
        for r in [self.old, self.new] {
            for u in &r.units {
                for (_, id) in marker::footnote_refs(&u.text) {
                    if !defined_new.iter().any(|d| *d == id) {
                        used.extend(id.parse::<u32>().ok());
                    }
                }
            }
        }
        let mut next = used.iter().max().copied().unwrap_or(0);
        let (mut refs, mut units) = (HashMap::new(), HashMap::new());
        for (j, u) in self.new.units.iter().enumerate() {
            let (UnitKind::Footnote, Some(id)) = (u.kind, &u.number) else {
                continue;
            };
            let number = match self.cont_new[j] {
                Some(i) => self.old.units[i].number.clone().unwrap_or_default(),
                None => {
                    next += 1;
                    next.to_string()
                }
            };
            refs.entry(id.clone()).or_insert_with(|| number.clone());
            units.insert(j, number);
        }
        (refs, units)
    }

    /// A new unit's text, with footnote references as the amendments
    /// number them.
    fn new_text(&self, j: usize) -> String {
        renumber_refs(&self.new.units[j].text, &self.footnotes)
    }

    /// How the amendments name an old unit.
    fn reference(&self, i: usize) -> Ref {
        let r = natural_ref(self.old, i);
        let found = match &r {
            Ref::HeadingBefore(_) => self.position(&r.label()).map(|k| k.wrapping_sub(1)),
            // A heading by its text: the only one reading so, quoted
            // plainly (no closing mark inside).
            Ref::HeadingText(text) => match self.texts.headings(text).as_slice() {
                [one] if hunks::plain_quote(text, self.lang) => Some(*one),
                _ => None,
            },
            // The first unit carrying any of its labels, as `amend` finds
            // it: "paragraph 1 of the annex" may be an `ANNEX/P1` standing
            // before an `ANNEX/OP1`.
            _ => r.labels().iter().filter_map(|l| self.position(l)).min(),
        };
        match r {
            Ref::Label(_) => self.by_text(i),
            r if found == Some(i) => r,
            _ => self.by_text(i),
        }
    }

    /// An old unit no number names, by its quoted text: "the paragraph
    /// reading …" where no other unit reads so, "the second paragraph
    /// reading …" where others do (counted as `amend` counts them,
    /// `readings::Readings`). By its label (which `amend` reads, though no
    /// delegation would write it) only where its text cannot be quoted.
    fn by_text(&self, i: usize) -> Ref {
        let text = &self.old.units[i].text;
        // Its place (from 1) among the units reading as it, counted only
        // as far as the ordinals go: drafts of many copies stay linear.
        let found = self.texts.units(text);
        let ordinals = self.lang.amendments().preambular_ordinals.words().len();
        let nth = (found.iter().take(ordinals)).position(|&k| k == i);
        let label = || Ref::Label(self.old.units[i].label.clone());
        match (found.len(), nth) {
            _ if !text.is_empty() && !hunks::plain_quote(text, self.lang) => label(),
            (1, _) => Ref::Text(text.clone()),
            (_, Some(k)) => Ref::NthText(k as u32 + 1, text.clone()),
            _ => label(),
        }
    }

    /// The old unit a reference names, as `amend` finds it (`None` where
    /// it names none, or several).
    pub(super) fn old_index(&self, r: &Ref) -> Option<usize> {
        match r {
            Ref::Text(text) => match self.texts.units(text) {
                [one] => Some(*one),
                _ => None,
            },
            Ref::NthText(n, text) => {
                let k = usize::try_from(*n).ok()?.checked_sub(1)?;
                self.texts.units(text).get(k).copied()
            }
            Ref::HeadingText(text) => match self.texts.headings(text).as_slice() {
                [one] => Some(*one),
                _ => None,
            },
            Ref::HeadingBefore(_) => self.position(&r.label())?.checked_sub(1),
            _ => r.labels().iter().filter_map(|l| self.position(l)).min(),
        }
    }

    fn position(&self, label: &str) -> Option<usize> {
        self.positions.get(label).copied()
    }

    /// Word amendments and whole replacements of continued units.
    fn edits(&self, out: &mut Vec<(Key, Action)>) {
        for (i, cont) in self.cont_old.iter().enumerate() {
            let Some(j) = *cont else { continue };
            let old_text = &self.old.units[i].text;
            let target = self.new_text(j);
            // Typographic variants and another meeting in the closing line
            // are not changes (see `model::compare`).
            let same = model::compare::quiet_difference(&self.old.units[i], &self.new.units[j])
                || model::typography::same_characters(old_text, &target);
            if *old_text == target || same {
                continue;
            }
            let r = self.reference(i);
            let hunks = self.hunks(i, j, &target);
            for (k, action) in self
                .paragraph(&r, old_text, &target, hunks)
                .into_iter()
                .enumerate()
            {
                let unit = &self.old.units[i];
                let action = match action {
                    Action::ReplaceUnit { target, text } => Action::ReplaceUnit {
                        target,
                        text: guard_marker(text, unit.marker.as_deref(), |t| strip_marker(unit, t)),
                    },
                    other => other,
                };
                out.push(((i, 1, j, k), action));
            }
        }
    }

    /// The changes from old unit `i` to `target`, the text of new unit `j`
    /// as the amendments quote it: the comparison's word segments when it
    /// gives them for this pair and no footnote reference is renumbered,
    /// else a word diff of the two texts.
    fn hunks(&self, i: usize, j: usize, target: &str) -> Vec<Hunk> {
        let old = &self.old.units[i].text;
        let no_notes = |t: &str| marker::footnote_refs(t).next().is_none();
        match self.given.get(i).copied().flatten() {
            Some((pair, segments)) if pair == j && no_notes(old) && no_notes(target) => {
                hunks_of(segments)
            }
            _ => hunks(old, target, self.lang_of_text()),
        }
    }

    /// The amendments of one paragraph, from its changes.
    fn paragraph(&self, r: &Ref, old: &str, target: &str, hunks: Vec<Hunk>) -> Vec<Action> {
        let whole = || {
            vec![Action::ReplaceUnit {
                target: r.clone(),
                text: target.to_string(),
            }]
        };
        let hunks = merge(whole_chunks(hunks, old), old);
        if throughout(&hunks, old, target) {
            return whole();
        }
        let ws = words(old, self.lang_of_text());
        let mut edits = Vec::new();
        for h in &hunks {
            match self.word_edit(r, old, &ws, h) {
                Some(e) => edits.push(e),
                None => return whole(),
            }
        }
        // The edits give the target up to characters of the same class
        // (a non-breaking hyphen, a curly apostrophe), which are not
        // amended (`model::typography`).
        let given = together(old, &edits);
        if !given.is_some_and(|t| model::typography::same_characters(&t, target)) {
            return whole();
        }
        edits
            .into_iter()
            .map(|edit| Action::Words {
                target: r.clone(),
                edit,
            })
            .collect()
    }

    fn lang_of_text(&self) -> Lang {
        self.old.lang
    }

    /// The first wording of a change that applies exactly and reads back.
    fn word_edit(&self, r: &Ref, old: &str, ws: &[(usize, usize)], h: &Hunk) -> Option<WordEdit> {
        let expected = format!("{}{}{}", &old[..h.start], h.new, &old[h.end..]);
        candidates(old, ws, h).find(|e| {
            locate::edit_text(old, e).ok().as_deref() == Some(expected.as_str())
                && reads_back(
                    &Action::Words {
                        target: r.clone(),
                        edit: e.clone(),
                    },
                    self.lang,
                )
        })
    }

    fn deletions(&self, out: &mut Vec<(Key, Action)>) {
        for (i, unit) in self.old.units.iter().enumerate() {
            if self.cont_old[i].is_some() || unit.kind == UnitKind::Closing {
                continue;
            }
            // `amend` deletes with a unit the subparagraphs that follow
            // it; one standing after another paragraph is named.
            let parent_gone = unit
                .parent
                .is_some_and(|p| self.cont_old[p].is_none() && descendants_follow(self.old, p, i));
            if !parent_gone {
                let target = self.reference(i);
                out.push(((i, 1, 0, 0), Action::DeleteUnit { target }));
            }
        }
    }

    fn new_footnotes(&self, out: &mut Vec<(Key, Action)>) {
        for (j, u) in self.new.units.iter().enumerate() {
            if u.kind != UnitKind::Footnote || self.cont_new[j].is_some() {
                continue;
            }
            let id = self.new_footnote_ids.get(&j).cloned().unwrap_or_default();
            let action = Action::InsertFootnote {
                id,
                text: u.text.clone(),
            };
            out.push(((self.old.units.len(), 3, j, 0), action));
        }
    }
}

/// Whether every unit between old unit `p` and its descendant `i` descends
/// from `p` too: deleting `p` then deletes `i` with it.
fn descendants_follow(old: &Resolution, p: usize, i: usize) -> bool {
    (p + 1..i).all(|k| crate::amend::apply::items::descends(old, k, p))
}
