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
//! reading its wording back; if no wording of a change passes, the
//! paragraph is replaced whole.

use super::locate;
use super::pattern::{self, phrase};
use super::renumber::renumber_refs;
use super::{Action, Amendment, Locator, Place, Ref, Side, WordEdit};
use crate::align::{Alignment, Match, lis};
use crate::diff::tokenize::{TokenKind, tokenize};
use crate::diff::words::{FootnoteMap, diff_texts};
use crate::lang::Lang;
use crate::lang::amendments::NewUnit;
use crate::model::{self, ParseOptions, Resolution, UnitKind, marker};
use crate::redline::{Op, Redline, SegmentOp};
use std::collections::HashMap;

/// The amendments turning `old` into `new`, worded so that they read back
/// in `lang`.
pub fn generate(
    old: &Resolution,
    new: &Resolution,
    alignment: &Alignment,
    lang: Lang,
) -> Vec<Amendment> {
    let g = Gen::new(old, new, alignment, lang);
    let mut out: Vec<(Key, Action)> = Vec::new();
    g.placements(&mut out);
    g.edits(&mut out);
    g.deletions(&mut out);
    g.new_footnotes(&mut out);
    out.sort_by_key(|(k, _)| *k);
    out.into_iter().map(|(_, a)| Amendment::new(a)).collect()
}

/// The amendments behind a redline: its two drafts rebuilt ("reject all",
/// "accept all") and its alignment read from its entries, worded in `lang`
/// (by default the old draft's language).
pub fn from_redline(redline: &Redline, lang: Option<Lang>) -> Vec<Amendment> {
    let parse = |text: &str, l| model::parse(text, &ParseOptions { lang: Some(l) });
    let (Ok(old), Ok(new)) = (
        parse(&redline.reject_all(), redline.old.lang),
        parse(&redline.accept_all(), redline.new.lang),
    ) else {
        return Vec::new();
    };
    let alignment = alignment_of(redline, old.units.len(), new.units.len())
        .unwrap_or_else(|| crate::align::align(&old, &new));
    generate(&old, &new, &alignment, lang.unwrap_or(redline.old.lang))
}

/// The alignment a redline records, if its indices fit the rebuilt drafts.
fn alignment_of(redline: &Redline, old_len: usize, new_len: usize) -> Option<Alignment> {
    let mut matches: Vec<Match> = Vec::new();
    let mut split_of: HashMap<usize, usize> = HashMap::new();
    for e in &redline.entries {
        let Some(n) = &e.new else { continue };
        let olds: Vec<usize> = e.old.iter().map(|s| s.index).collect();
        match e.op {
            Op::Unchanged | Op::Edited | Op::Merged => matches.push(Match {
                old: olds,
                new: vec![n.index],
                exact: e.op == Op::Unchanged,
                moved: e.moved,
            }),
            Op::Split => match split_of.get(olds.first()?) {
                Some(&k) => matches[k].new.push(n.index),
                None => {
                    split_of.insert(*olds.first()?, matches.len());
                    matches.push(Match {
                        old: olds,
                        new: vec![n.index],
                        exact: false,
                        moved: e.moved,
                    });
                }
            },
            _ => {}
        }
    }
    let mut old_match = vec![None; old_len];
    let mut new_match = vec![None; new_len];
    for (k, m) in matches.iter().enumerate() {
        for &i in &m.old {
            *old_match.get_mut(i)? = Some(k);
        }
        for &j in &m.new {
            *new_match.get_mut(j)? = Some(k);
        }
    }
    Some(Alignment {
        matches,
        old_match,
        new_match,
    })
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
    /// New footnote number → number in the amendments.
    footnotes: HashMap<String, String>,
    /// Old label → old unit index (the first with that label).
    positions: HashMap<&'a str, usize>,
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
            if i < old.units.len() && j < new.units.len() && old.units[i].kind == new.units[j].kind
            {
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
            positions: HashMap::new(),
        };
        for (i, u) in old.units.iter().enumerate().rev() {
            g.positions.insert(u.label.as_str(), i);
        }
        g.footnotes = g.footnote_numbers();
        g
    }

    /// Units amendments place: not footnotes (they follow their
    /// references), nor the closing line of an adopted resolution (a
    /// record of its adoption, never amended).
    fn is_body(unit: &model::Unit) -> bool {
        !matches!(unit.kind, UnitKind::Footnote | UnitKind::Closing)
    }

    /// New footnote numbers as the amendments write them: a footnote of
    /// the old draft keeps its old number; a new one is numbered after the
    /// highest number the old draft uses.
    fn footnote_numbers(&self) -> HashMap<String, String> {
        let mut map = HashMap::new();
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
        let mut next = used.iter().max().copied().unwrap_or(0) + 1;
        for (j, u) in self.new.units.iter().enumerate() {
            let (UnitKind::Footnote, Some(id)) = (u.kind, &u.number) else {
                continue;
            };
            let number = match self.cont_new[j] {
                Some(i) => self.old.units[i].number.clone().unwrap_or_default(),
                None => {
                    next += 1;
                    (next - 1).to_string()
                }
            };
            map.insert(id.clone(), number);
        }
        map
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
            _ => r.labels().iter().find_map(|l| self.position(l)),
        };
        if found == Some(i) {
            r
        } else {
            Ref::Label(self.old.units[i].label.clone())
        }
    }

    fn position(&self, label: &str) -> Option<usize> {
        self.positions.get(label).copied()
    }

    /// Insertions and moves.
    ///
    /// A unit placed right after another placed unit goes to the same
    /// place: placements with one anchor are made in the order of the list,
    /// which is the new order.
    fn placements(&self, out: &mut Vec<(Key, Action)>) {
        let mut last: Option<(Key, Place)> = None;
        for (j, unit) in self.new.units.iter().enumerate() {
            if !Self::is_body(unit) {
                continue;
            }
            let action = match self.cont_new[j] {
                None => Some(None),
                Some(i) if !self.stable[j] && !self.carried(j, i) => Some(Some(i)),
                Some(_) => None,
            };
            let Some(moved) = action else {
                last = None;
                continue;
            };
            let follow = last
                .take()
                .filter(|(_, place)| !self.inside(place, self.cont_new[j]));
            let (key, place) = self.place_of(j, follow);
            last = Some((key, place.clone()));
            let action = match moved {
                Some(i) => Action::MoveUnit {
                    target: self.reference(i),
                    place,
                },
                None => Action::InsertUnit {
                    number: self.own_number(j, &place),
                    place,
                    kinds: vec![new_unit(unit)],
                    text: self.new_text(j),
                },
            };
            out.push((key, action));
        }
    }

    /// Whether a place is next to one of the subparagraphs of old unit
    /// `own` (where `own` cannot go: it moves with them).
    fn inside(&self, place: &Place, own: Option<usize>) -> bool {
        let (Some(own), Place::After(r) | Place::Before(r)) = (own, place) else {
            return false;
        };
        self.position(&r.label())
            .is_some_and(|k| k == own || descends(self.old, k, own))
    }

    /// The number a new operative paragraph is inserted with when it
    /// carries a Latin suffix (`9 bis`) and follows the paragraph that
    /// number follows in the old draft (`9`, or `9 bis` for `9 ter`): the
    /// others are then not renumbered. A `3 bis` placed after the old
    /// paragraph 2 (renumbered 3 in the new draft) gets no number of its
    /// own; the amended draft is renumbered instead.
    fn own_number(&self, j: usize, place: &Place) -> Option<String> {
        let unit = &self.new.units[j];
        let number = unit.number.as_ref()?;
        let Place::After(Ref::Operative(anchor)) = place else {
            return None;
        };
        (unit.kind == UnitKind::Operative && predecessor(number)? == *anchor)
            .then(|| number.clone())
    }

    /// Whether a moved subparagraph moves anyway with the paragraph it
    /// belongs to: it follows the same unit as before, and that unit is
    /// the paragraph, which moves, or a subparagraph carried along too.
    fn carried(&self, j: usize, i: usize) -> bool {
        let Some(prev) = self.previous_continued(j) else {
            return false;
        };
        if prev + 1 != i || self.old.units[i].kind != UnitKind::Subparagraph {
            return false;
        }
        let Some(pj) = self.cont_old[prev].filter(|&pj| !self.stable[pj]) else {
            return false;
        };
        if self.old.units[i].parent == Some(prev) {
            return true;
        }
        self.old.units[i].parent == self.old.units[prev].parent && self.carried(pj, prev)
    }

    /// The old unit continued by the nearest new unit before `j` that
    /// continues one (not one of `j`'s own subparagraphs, which move with
    /// it).
    fn previous_continued(&self, j: usize) -> Option<usize> {
        let own = self.cont_new[j];
        (0..j).rev().find_map(|k| {
            let i = self.cont_new[k].filter(|_| Self::is_body(&self.new.units[k]))?;
            match own {
                Some(o) if descends(self.old, i, o) => None,
                _ => Some(i),
            }
        })
    }

    /// Where new unit `j` goes: after the nearest unit before it that comes
    /// from the old draft, else before the first that keeps its place.
    fn place_of(&self, j: usize, follow: Option<(Key, Place)>) -> (Key, Place) {
        if let Some(i) = self.previous_continued(j) {
            if let Some(q) = self.next_child_of(j, i) {
                return ((q, 0, j, 0), Place::Before(self.reference(q)));
            }
            // A new operative paragraph right after the preamble goes
            // "before operative paragraph 1": "after preambular paragraph
            // 3, insert a new paragraph" would read as a preambular one.
            if follow.is_none()
                && self.old.units[i].kind == UnitKind::Preambular
                && self.new.units[j].kind != UnitKind::Preambular
                && let Some(q) = self.next_of_kind(j, self.new.units[j].kind)
            {
                return ((q, 0, j, 0), Place::Before(self.reference(q)));
            }
            if let Some(((a, phase, _, _), place)) = follow {
                // A paragraph following what was put after a subparagraph
                // goes "after operative paragraph 4", not "after 4 (c)".
                let top = self.top_anchor(i, j);
                if top != i
                    && matches!(&place, Place::After(r) if r.label() == self.old.units[i].label)
                {
                    return ((a, phase, j, 0), Place::After(self.reference(top)));
                }
                return ((a, phase, j, 0), place);
            }
            let i = self.top_anchor(i, j);
            return ((i, 2, j, 0), Place::After(self.reference(i)));
        }
        let next = (j + 1..self.new.units.len())
            .filter(|&k| self.stable[k] && Self::is_body(&self.new.units[k]))
            .find_map(|k| self.cont_new[k])
            .unwrap_or(0);
        ((next, 0, j, 0), Place::Before(self.reference(next)))
    }

    /// The old unit continued by the new unit right after `j`, if that one
    /// keeps its place and is of `kind` (a heading in between would be
    /// passed over by "before").
    fn next_of_kind(&self, j: usize, kind: UnitKind) -> Option<usize> {
        let k = (j + 1..self.new.units.len()).find(|&k| Self::is_body(&self.new.units[k]))?;
        let i = self.cont_new[k].filter(|_| self.stable[k] && self.new.units[k].kind == kind)?;
        (self.old.units[i].kind == kind).then_some(i)
    }

    /// The old unit continued by the next new unit after `j` that is not
    /// placed by an amendment of its own, when it is a subparagraph of old
    /// unit `p`: "after `p`" would put `j` after it, so `j` goes before it.
    fn next_child_of(&self, j: usize, p: usize) -> Option<usize> {
        let q = (j + 1..self.new.units.len())
            .filter(|&k| Self::is_body(&self.new.units[k]))
            .find_map(|k| self.cont_new[k].filter(|&i| self.stable[k] || self.carried(k, i)))?;
        descends(self.old, q, p).then_some(q)
    }

    /// For a paragraph going after the last subparagraph of a paragraph
    /// left whole and in place: that paragraph ("after operative paragraph
    /// 12" rather than "after operative paragraph 12 (c)").
    fn top_anchor(&self, i: usize, j: usize) -> usize {
        if self.new.units[j].kind == UnitKind::Subparagraph
            || self.old.units[i].kind != UnitKind::Subparagraph
        {
            return i;
        }
        let mut top = i;
        while let Some(p) = self.old.units[top].parent {
            top = p;
        }
        let family = top + 1..self.old.units.len();
        let family: Vec<usize> = family.take_while(|&k| descends(self.old, k, top)).collect();
        // Deleted subparagraphs are gone; the others must stay in place.
        let last = family.iter().rev().find(|&&k| self.cont_old[k].is_some());
        let whole = family
            .iter()
            .all(|&k| self.cont_old[k].is_none_or(|kj| self.stable[kj]));
        if last == Some(&i) && whole && self.cont_old[top].is_some() {
            top
        } else {
            i
        }
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
            for (k, action) in self
                .paragraph(&r, old_text, &target)
                .into_iter()
                .enumerate()
            {
                out.push(((i, 1, j, k), action));
            }
        }
    }

    /// The amendments of one paragraph.
    fn paragraph(&self, r: &Ref, old: &str, target: &str) -> Vec<Action> {
        let whole = || {
            vec![Action::ReplaceUnit {
                target: r.clone(),
                text: target.to_string(),
            }]
        };
        let hunks = merge(
            whole_chunks(hunks(old, target, self.lang_of_text()), old),
            old,
        );
        if throughout(&hunks, old, target) {
            return whole();
        }
        let mut edits = Vec::new();
        for h in &hunks {
            match self.word_edit(r, old, h) {
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
    fn word_edit(&self, r: &Ref, old: &str, h: &Hunk) -> Option<WordEdit> {
        let expected = format!("{}{}{}", &old[..h.start], h.new, &old[h.end..]);
        candidates(old, h, self.lang_of_text())
            .into_iter()
            .find(|e| {
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
            let parent_gone = unit.parent.is_some_and(|p| self.cont_old[p].is_none());
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
            let id = u
                .number
                .as_ref()
                .and_then(|n| self.footnotes.get(n))
                .cloned()
                .unwrap_or_default();
            let action = Action::InsertFootnote {
                id,
                text: u.text.clone(),
            };
            out.push(((self.old.units.len(), 3, j, 0), action));
        }
    }
}

/// Which continued new units keep their place: the heaviest subsequence in
/// the old order, preferring those the aligner did not see move.
fn stable(new: &Resolution, cont_new: &[Option<usize>], moved: &[bool]) -> Vec<bool> {
    let pairs: Vec<(usize, usize, u64)> = cont_new
        .iter()
        .enumerate()
        .filter(|(j, _)| new.units[*j].kind != UnitKind::Footnote)
        .filter_map(|(j, i)| Some((j, (*i)?, if moved[j] { 1 } else { 1000 })))
        .collect();
    let kept = lis::in_order(&pairs);
    let mut out = vec![true; new.units.len()];
    for (&(j, _, _), keep) in pairs.iter().zip(kept) {
        out[j] = keep;
    }
    out
}

/// The number a suffixed number follows: `9` for `9bis`, `9bis` for
/// `9ter`; `None` for a plain number.
fn predecessor(number: &str) -> Option<String> {
    let digits = number.bytes().take_while(u8::is_ascii_digit).count();
    let (base, suffix) = number.split_at(digits);
    let k = marker::LATIN_SUFFIXES
        .iter()
        .position(|s| *s == suffix.trim())?;
    Some(match k {
        0 => base.to_string(),
        _ => format!("{base}{}", marker::LATIN_SUFFIXES[k - 1]),
    })
}

/// Whether old unit `k` is a subparagraph (at any depth) of old unit
/// `top`.
fn descends(old: &Resolution, k: usize, top: usize) -> bool {
    let mut p = old.units[k].parent;
    while let Some(q) = p {
        if q == top {
            return true;
        }
        p = old.units[q].parent;
    }
    false
}

/// A subparagraph that stays while its paragraph moves or goes must move
/// explicitly (a paragraph moves and is deleted with its subparagraphs),
/// unless it follows the moving paragraph as before ([`Gen::carried`]).
fn free_descendants(old: &Resolution, cont_old: &[Option<usize>], stable: &mut [bool]) {
    for (x, jx) in cont_old.iter().enumerate() {
        if jx.is_some_and(|jx| stable[jx]) {
            continue;
        }
        for (d, jd) in cont_old.iter().enumerate().skip(x + 1) {
            match jd {
                Some(jd) if descends(old, d, x) => stable[*jd] = false,
                _ => {}
            }
        }
    }
}

/// How the amendments name an old unit, before checking that the name is
/// unambiguous.
fn natural_ref(old: &Resolution, i: usize) -> Ref {
    let u = &old.units[i];
    if let Some(r) = section_ref(u).or_else(|| annex_ref(u)) {
        return r;
    }
    let simple = |prefix: &str| {
        u.label
            .strip_prefix(prefix)
            .filter(|rest| rest.chars().all(|c| c.is_ascii_alphanumeric()))
            .map(str::to_string)
    };
    let label = || Ref::Label(u.label.clone());
    match u.kind {
        UnitKind::Title if old.of_kind(UnitKind::Title).count() == 1 => Ref::Title,
        UnitKind::Chapeau => Ref::Chapeau,
        UnitKind::Preambular => simple("PP")
            .and_then(|n| n.parse().ok())
            .map_or_else(label, Ref::Preambular),
        UnitKind::Operative => simple("OP").map_or_else(label, Ref::Operative),
        UnitKind::Footnote => simple("FN").map_or_else(label, Ref::Footnote),
        UnitKind::Subparagraph => sub_ref(old, i).unwrap_or_else(label),
        UnitKind::Heading => old
            .units
            .get(i + 1)
            .filter(|n| n.kind == UnitKind::Operative && n.part.is_none())
            .and_then(|n| n.label.strip_prefix("OP"))
            .map_or_else(label, |n| Ref::HeadingBefore(n.to_string())),
        _ => label(),
    }
}

/// "Operative paragraph 3 of section B" for `B/OP3`, an operative
/// paragraph of a main-text section that numbers its paragraphs from 1.
fn section_ref(u: &model::Unit) -> Option<Ref> {
    if u.kind != UnitKind::Operative || u.part.is_some() {
        return None;
    }
    let (section, rest) = u.label.split_once('/')?;
    let n = rest.strip_prefix("OP")?;
    let plain = |s: &str, f: fn(char) -> bool| !s.is_empty() && s.chars().all(f);
    (plain(section, |c| c.is_ascii_uppercase()) && plain(n, |c| c.is_ascii_alphanumeric()))
        .then(|| Ref::SectionOperative(section.to_string(), n.to_string()))
}

/// "Paragraph 3 of annex II" for `ANNEX-II/OP3` or `ANNEX-II/P3`, "of
/// the annex" for `ANNEX/…`.
fn annex_ref(u: &model::Unit) -> Option<Ref> {
    let numbered = u.kind == UnitKind::Operative || super::apply::is_numbered_paragraph(u);
    let (part, rest) = u.label.split_once('/')?;
    let n = rest.strip_prefix("OP").or_else(|| rest.strip_prefix('P'))?;
    let annex = match part.strip_prefix("ANNEX") {
        Some("") => String::new(),
        Some(id) => id.strip_prefix('-')?.to_string(),
        None => return None,
    };
    let plain =
        n.starts_with(|c: char| c.is_ascii_digit()) && n.chars().all(|c| c.is_ascii_alphanumeric());
    (numbered && plain).then(|| Ref::AnnexParagraph(annex, n.to_string()))
}

/// How an amendment names a subparagraph: "operative paragraph 7 (c)",
/// "operative paragraph 7 (c) (iv)"; `None` when no phrase names it (it
/// is then named by its label).
fn sub_ref(old: &Resolution, i: usize) -> Option<Ref> {
    let u = &old.units[i];
    let parent = &old.units[u.parent?];
    let sub = u.number.clone()?;
    if u.label != format!("{}({sub})", parent.label) {
        return None;
    }
    if parent.kind == UnitKind::Subparagraph {
        return match sub_ref(old, u.parent?)? {
            Ref::OperativeSub(n, letter) => Some(Ref::OperativeSubSub(n, letter, sub)),
            _ => None,
        };
    }
    match parent.kind {
        UnitKind::Operative => Some(Ref::OperativeSub(
            parent.label.strip_prefix("OP")?.to_string(),
            sub,
        )),
        UnitKind::Preambular => Some(Ref::PreambularSub(
            parent.label.strip_prefix("PP")?.parse().ok()?,
            sub,
        )),
        _ => None,
    }
}

fn new_unit(unit: &model::Unit) -> NewUnit {
    if super::apply::is_numbered_paragraph(unit) {
        return NewUnit::NumberedParagraph;
    }
    match unit.kind {
        UnitKind::Preambular => NewUnit::Preambular,
        UnitKind::Subparagraph => NewUnit::Subparagraph,
        UnitKind::Heading => NewUnit::Heading,
        UnitKind::Paragraph => NewUnit::Paragraph,
        UnitKind::Title => NewUnit::Title,
        UnitKind::Chapeau => NewUnit::Chapeau,
        UnitKind::Annex => NewUnit::Annex,
        _ => NewUnit::Operative,
    }
}

/// A change of a paragraph: old bytes `start..end` become `new`.
#[derive(Debug, Clone)]
struct Hunk {
    start: usize,
    end: usize,
    new: String,
}

/// The changes between two texts, from the word diff.
fn hunks(old: &str, new: &str, lang: Lang) -> Vec<Hunk> {
    let segments = diff_texts(old, new, lang, &FootnoteMap::default(), &Default::default());
    let mut out: Vec<Hunk> = Vec::new();
    let mut pos = 0;
    let mut open = false;
    for s in segments {
        let len = s.old_side().len();
        if s.op == SegmentOp::Equal {
            open = false;
            pos += len;
            continue;
        }
        if !open {
            out.push(Hunk {
                start: pos,
                end: pos,
                new: String::new(),
            });
            open = true;
        }
        if let Some(h) = out.last_mut() {
            h.end += len;
            h.new.push_str(s.new_side());
        }
        pos += len;
    }
    out
}

/// Widens each change that starts or ends inside a run of non-space
/// characters to the whole run ("b" in "(b)", "2" in "75/2;"), less the
/// sentence punctuation after it that it does not touch, so that an
/// amendment quotes what a reader takes for a word: replace "(b)" with
/// "(c)", not "b" with "c". Changes that end up in the same run become one.
fn whole_chunks(hunks: Vec<Hunk>, old: &str) -> Vec<Hunk> {
    let mut out: Vec<(usize, usize, Vec<Hunk>)> = Vec::new();
    for h in hunks {
        let (start, end) = chunk_of(&h, old);
        match out.last_mut() {
            Some(last) if start < last.1 => {
                last.1 = last.1.max(end);
                last.2.push(h);
            }
            _ => out.push((start, end, vec![h])),
        }
    }
    out.into_iter()
        .map(|(start, end, parts)| {
            let mut new = String::new();
            let mut at = start;
            for p in &parts {
                new.push_str(&old[at..p.start]);
                new.push_str(&p.new);
                at = p.end;
            }
            new.push_str(&old[at..end]);
            Hunk { start, end, new }
        })
        .collect()
}

/// The bytes of `old` a change should quote: its own, widened to the run
/// of non-space characters it starts or ends inside. An insertion is
/// widened only when it stands inside a word and opens with a letter or
/// digit: `, ICC-ASP/19/Res.2` after `ICC-ASP/18/Res.3` stays an insertion.
fn chunk_of(h: &Hunk, old: &str) -> (usize, usize) {
    let solid = |c: Option<char>| c.is_some_and(|c| !c.is_whitespace());
    let own = if h.start < h.end {
        &old[h.start..h.end]
    } else {
        let inside = solid(old[..h.start].chars().next_back())
            && solid(old[h.start..].chars().next())
            && h.new.starts_with(char::is_alphanumeric);
        if !inside {
            return (h.start, h.end);
        }
        h.new.as_str()
    };
    let mut start = h.start;
    if solid(old[..start].chars().next_back()) && solid(own.chars().next()) {
        while solid(old[..start].chars().next_back()) {
            start -= old[..start].chars().next_back().map_or(0, char::len_utf8);
        }
    }
    let mut end = h.end;
    if solid(old[end..].chars().next()) && solid(own.chars().next_back()) {
        while solid(old[end..].chars().next()) {
            end += old[end..].chars().next().map_or(0, char::len_utf8);
        }
        while end > h.end && old[..end].ends_with([',', ';', ':', '.', '!', '?']) {
            end -= 1;
        }
    }
    (start, end)
}

/// Merges changes separated by at most one short word (`de`, `la`, `and`)
/// into one phrase.
fn merge(hunks: Vec<Hunk>, old: &str) -> Vec<Hunk> {
    let mut out: Vec<Hunk> = Vec::new();
    for h in hunks {
        if let Some(last) = out.last_mut() {
            let gap = &old[last.end..h.start];
            let words: Vec<&str> = gap
                .split(|c: char| !c.is_alphanumeric())
                .filter(|w| !w.is_empty())
                .collect();
            let short = words.is_empty() || (words.len() == 1 && words[0].chars().count() <= 3);
            if short {
                last.new.push_str(gap);
                last.new.push_str(&h.new);
                last.end = h.end;
                continue;
            }
        }
        out.push(h);
    }
    out
}

/// Whether a paragraph changed throughout: four changes or more, or most
/// of a paragraph of more than a dozen words.
fn throughout(hunks: &[Hunk], old: &str, new: &str) -> bool {
    let changed: usize = hunks.iter().map(|h| h.end - h.start + h.new.len()).sum();
    let words = old.split_whitespace().count();
    hunks.len() >= 4 || (changed * 5 > (old.len() + new.len()) * 3 && words > 12)
}

/// Byte ranges of the word-like tokens of a text.
fn words(text: &str, lang: Lang) -> Vec<(usize, usize)> {
    let mut out = Vec::new();
    let mut pos = 0;
    for t in tokenize(text, lang) {
        let end = pos + t.text.len();
        if matches!(
            t.kind,
            TokenKind::Word | TokenKind::Symbol | TokenKind::Url | TokenKind::FootnoteRef
        ) {
            out.push((pos, end));
        }
        pos = end;
    }
    out
}

/// The `k` words before `pos` (and what stands between them and `pos`),
/// trimmed.
fn words_before(text: &str, ws: &[(usize, usize)], pos: usize, k: usize) -> Option<String> {
    let before: Vec<&(usize, usize)> = ws.iter().filter(|w| w.1 <= pos).collect();
    let first = before.len().checked_sub(k).map(|n| before[n])?;
    let s = text[first.0..pos].trim();
    (!s.is_empty()).then(|| s.to_string())
}

/// The `k` words from `pos` on, trimmed.
fn words_after(text: &str, ws: &[(usize, usize)], pos: usize, k: usize) -> Option<String> {
    let after: Vec<&(usize, usize)> = ws.iter().filter(|w| w.0 >= pos).collect();
    let last = after.get(k.checked_sub(1)?)?;
    let s = text[pos..last.1].trim();
    (!s.is_empty()).then(|| s.to_string())
}

/// Ways of writing one change, from the least quoted.
fn candidates(old: &str, h: &Hunk, lang: Lang) -> Vec<WordEdit> {
    let ws = words(old, lang);
    let deleted = old[h.start..h.end].trim();
    let inserted = h.new.trim();
    let mut out = Vec::new();
    match (deleted.is_empty(), inserted.is_empty()) {
        (true, false) => insertions(old, &ws, h, inserted, &mut out),
        (false, true) => {
            for at in locators(old, &ws, h.start, deleted) {
                out.push(WordEdit::Delete {
                    old: deleted.to_string(),
                    at,
                });
            }
        }
        (false, false) => {
            for at in locators(old, &ws, h.start, deleted) {
                out.push(WordEdit::Replace {
                    old: deleted.to_string(),
                    new: inserted.to_string(),
                    at,
                });
            }
        }
        (true, true) => {}
    }
    for k in 1..=3 {
        out.extend(widened(old, &ws, h, k));
    }
    out
}

fn insertions(old: &str, ws: &[(usize, usize)], h: &Hunk, new: &str, out: &mut Vec<WordEdit>) {
    let mut push = |side, anchor: Option<String>, nth| {
        if let Some(anchor) = anchor {
            out.push(WordEdit::Insert {
                new: new.to_string(),
                side,
                anchor,
                nth,
            });
        }
    };
    for k in 1..=3 {
        push(Side::After, words_before(old, ws, h.start, k), None);
    }
    if let Some(a) = words_before(old, ws, h.start, 1) {
        let n = occurrence(old, &a, h.start, true);
        push(Side::After, Some(a), n);
    }
    for k in 1..=3 {
        push(Side::Before, words_after(old, ws, h.end, k), None);
    }
    if let Some(a) = words_after(old, ws, h.end, 1) {
        let n = occurrence(old, &a, h.end, false);
        push(Side::Before, Some(a), n);
    }
}

/// Which occurrence of `needle` ends at or before `pos` (or starts at or
/// after it), 1-based.
fn occurrence(text: &str, needle: &str, pos: usize, ending: bool) -> Option<usize> {
    let all = locate::find_all(text, needle);
    let k = if ending {
        all.iter().rposition(|r| r.end <= pos)?
    } else {
        all.iter().position(|r| r.start >= pos)?
    };
    Some(k + 1)
}

/// Locators for the words `quoted` standing at (or just after) `start`.
fn locators(old: &str, ws: &[(usize, usize)], start: usize, quoted: &str) -> Vec<Locator> {
    let all = locate::find_all(old, quoted);
    let Some(k) = all.iter().position(|r| r.start >= start) else {
        return Vec::new();
    };
    let at = all[k].start;
    let mut out = Vec::new();
    if all.len() == 1 {
        out.push(Locator::Only);
    }
    for n in 1..=3 {
        if let Some(a) = words_before(old, ws, at, n) {
            out.push(Locator::After(a));
        }
    }
    out.push(Locator::Nth(k + 1));
    out
}

/// The change widened by `k` words on each side, as a replacement.
fn widened(old: &str, ws: &[(usize, usize)], h: &Hunk, k: usize) -> Vec<WordEdit> {
    let before: Vec<&(usize, usize)> = ws.iter().filter(|w| w.1 <= h.start).collect();
    let after: Vec<&(usize, usize)> = ws.iter().filter(|w| w.0 >= h.end).collect();
    let start = before.len().checked_sub(k).map_or(0, |n| before[n].0);
    let end = after.get(k - 1).map_or(old.len(), |w| w.1);
    // Whole words: "76/173", not "76" of it.
    let whole = Hunk {
        start,
        end,
        new: String::new(),
    };
    let (start, end) = chunk_of(&whole, old);
    let wide_old = old[start..end].trim();
    let wide_new = format!("{}{}{}", &old[start..h.start], h.new, &old[h.end..end]);
    let wide_new = wide_new.trim();
    if wide_old.is_empty() {
        return Vec::new();
    }
    let lead = old[start..end].len() - old[start..end].trim_start().len();
    let wide = Hunk {
        start: start + lead,
        end: start + lead + wide_old.len(),
        new: wide_new.to_string(),
    };
    let mut out = Vec::new();
    for at in locators(old, ws, wide.start, wide_old) {
        if wide_new.is_empty() {
            out.push(WordEdit::Delete {
                old: wide_old.to_string(),
                at,
            });
        } else {
            out.push(WordEdit::Replace {
                old: wide_old.to_string(),
                new: wide_new.to_string(),
                at,
            });
        }
    }
    out
}

/// The text after all the edits of one paragraph, if they apply together.
fn together(old: &str, edits: &[WordEdit]) -> Option<String> {
    let mut splices: Vec<locate::Splice> = Vec::new();
    for e in edits {
        let s = locate::splice(old, e).ok()?;
        if splices.iter().any(|t| locate::overlap(t, &s)) {
            return None;
        }
        splices.push(s);
    }
    Some(locate::apply_splices(old, &splices))
}

/// Whether an action's wording in `lang` reads back as the same action.
fn reads_back(action: &Action, lang: Lang) -> bool {
    let a = Amendment::new(action.clone());
    phrase(&a, lang)
        .and_then(|text| pattern::read(&text).ok())
        .is_some_and(|b| b == *action)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn quoted(old: &str, hunks: Vec<Hunk>) -> Vec<(String, String)> {
        whole_chunks(hunks, old)
            .into_iter()
            .map(|h| (old[h.start..h.end].to_string(), h.new))
            .collect()
    }

    fn hunk(start: usize, end: usize, new: &str) -> Hunk {
        Hunk {
            start,
            end,
            new: new.into(),
        }
    }

    #[test]
    fn a_widened_change_never_cuts_a_symbol() {
        let old = "resolutions 74/157 of 18 December 2019 and 76/173 of 16 December 2021";
        let at = old.find("and").unwrap();
        let h = hunk(at, at + 3, "and also");
        let ws = words(old, Lang::En);
        let quoted: Vec<String> = widened(old, &ws, &h, 1)
            .into_iter()
            .map(|e| match e {
                WordEdit::Replace { old, .. } => old,
                other => panic!("{other:?}"),
            })
            .collect();
        assert_eq!(quoted[0], "2019 and 76/173");
    }

    #[test]
    fn changes_inside_a_word_quote_the_whole_word() {
        let old = "in subparagraph (b) of resolution 75/2; and ICC-ASP/18/Res.3.";
        // "b" → "c"; "2" → "3"; "18" → "19" and "3" → "4" in one symbol.
        let hunks = vec![
            hunk(17, 18, "c"),
            hunk(37, 38, "3"),
            hunk(52, 54, "19"),
            hunk(59, 60, "4"),
        ];
        assert_eq!(
            quoted(old, hunks),
            [
                ("(b)".to_string(), "(c)".to_string()),
                ("75/2".to_string(), "75/3".to_string()),
                (
                    "ICC-ASP/18/Res.3".to_string(),
                    "ICC-ASP/19/Res.4".to_string()
                ),
            ]
        );
        // A word inserted between words, or a symbol after another, stays
        // an insertion; a digit inserted inside a number does not.
        assert_eq!(
            quoted("and diversification", vec![hunk(4, 4, "further ")]),
            [(String::new(), "further ".to_string())]
        );
        assert_eq!(
            quoted("Res.3, and", vec![hunk(5, 5, ", Res.4")]),
            [(String::new(), ", Res.4".to_string())]
        );
        assert_eq!(
            quoted("para 12; and", vec![hunk(6, 6, "3")]),
            [("12".to_string(), "132".to_string())]
        );
    }

    #[test]
    fn merges_changes_around_a_short_word() {
        let old = "a b de c d";
        let hs = merge(
            vec![
                Hunk {
                    start: 2,
                    end: 3,
                    new: "x".into(),
                },
                Hunk {
                    start: 7,
                    end: 8,
                    new: "y".into(),
                },
            ],
            old,
        );
        assert_eq!(hs.len(), 1);
        assert_eq!(
            (hs[0].start, hs[0].end, hs[0].new.as_str()),
            (2, 8, "x de y")
        );
    }

    #[test]
    fn anchors_a_repeated_word() {
        let old = "la Cour de la Cour";
        let h = Hunk {
            start: 11,
            end: 13,
            new: "une".into(),
        };
        let c = candidates(old, &h, Lang::Fr);
        assert_eq!(
            c[0],
            WordEdit::Replace {
                old: "la".into(),
                new: "une".into(),
                at: Locator::After("de".into())
            }
        );
    }
}
