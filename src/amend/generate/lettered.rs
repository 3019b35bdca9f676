//! When a new subparagraph is quoted with its letter: where the wording
//! alone would not give it NEW's kind, style or level.
//!
//! `amend` letters new subparagraphs itself on renumbering, from where
//! they stand; the letter a delegation may quote in front of the text
//! (« b) En ce qui concerne … », "(i) The availability …") is dropped, but
//! it states what the wording leaves open:
//!
//! - the kind, where the language's words for a new subparagraph name
//!   another kind too (French "le nouvel alinéa suivant" is also a
//!   preambular paragraph);
//! - the style (`a)` or `(a)`), where the draft has no subparagraph at
//!   that level to follow and the language's usual style is another;
//! - the level, where the place does not imply it: "after (b), insert a
//!   new subparagraph" is at (b)'s level, and one quoted "(i) …" that is
//!   not the letter due there is a level deeper.
//!
//! Elsewhere the text is quoted as it reads, without its letter.

use super::Gen;
use super::place::carries;
use crate::amend::apply::items::is_numbered_paragraph;
use crate::amend::apply::items::{depth, strip_new_marker};
use crate::amend::{Place, Ref};
use crate::lang::amendments::NewUnit;
use crate::model::{self, UnitKind, marker};

impl Gen<'_> {
    /// The quoted text of new unit `j` placed at `place`: with its letter
    /// in front where a subparagraph's kind, style or level needs it.
    pub(super) fn lettered(&self, j: usize, place: &Place, text: String) -> String {
        let unit = &self.new.units[j];
        if let (Some(m), true) = (&unit.marker, is_numbered_paragraph(unit)) {
            return self.lettered_paragraph(j, m, text);
        }
        let (Some(m), UnitKind::Subparagraph) = (&unit.marker, unit.kind) else {
            return text;
        };
        if self.kind_stated() && self.style_stated(j, m) && self.level_stated(j, place) {
            return text;
        }
        let quoted = format!("{m} {text}");
        match strip_new_marker(unit.kind, &quoted) == text {
            true => quoted,
            false => text,
        }
    }

    /// The quoted text of a new numbered paragraph lettered `a)` (the
    /// items of an annex) where no numbered paragraph of its part that
    /// NEW keeps is lettered in the old draft: with its letter, which
    /// states the style (`amend` numbers a new paragraph `1.` otherwise;
    /// lettered ones the list deletes state nothing: fuzz
    /// annex-letter-before-numbers-5a956e7e). Nor does one where the
    /// numbered paragraph before it in its annex is not lettered, or none
    /// is (the first item under a new `Annexe`): `amend` numbers it like
    /// its neighbours (fuzz: annex-letter-after-numbers-cdb7f2b2).
    fn lettered_paragraph(&self, j: usize, m: &str, text: String) -> String {
        let unit = &self.new.units[j];
        let letter = |u: &model::Unit| u.number.as_deref().and_then(marker::letter_value);
        if letter(unit).is_none() {
            return text;
        }
        let lettered = |u: &model::Unit| is_numbered_paragraph(u) && letter(u).is_some();
        let before = (self.new.units[..j].iter().rev())
            .take_while(|u| u.kind != UnitKind::Annex)
            .find(|u| u.kind == UnitKind::Operative || is_numbered_paragraph(u));
        let stated = before.is_some_and(lettered)
            && (self.old.units.iter().enumerate())
                .any(|(i, u)| lettered(u) && u.part == unit.part && self.cont_old[i].is_some());
        let quoted = format!("{m} {text}");
        let reads = marker::subparagraph(&quoted).is_some_and(|s| s.rest == text);
        match stated || !reads {
            true => text,
            false => quoted,
        }
    }

    /// Whether the language words a new subparagraph so that it reads as
    /// nothing else.
    fn kind_stated(&self) -> bool {
        let style = self.lang.amendments();
        let only_subparagraph = |phrase: &str| {
            style
                .new_units
                .iter()
                .all(|(k, p)| *p != phrase || *k == NewUnit::Subparagraph)
        };
        style
            .new_units
            .iter()
            .any(|(k, p)| *k == NewUnit::Subparagraph && only_subparagraph(p))
    }

    /// Whether `amend` marks new subparagraph `j` in the style of its
    /// marker `m` unaided: the draft marks subparagraphs at its level (which
    /// `amend` follows), or the draft's language marks them so.
    fn style_stated(&self, j: usize, m: &str) -> bool {
        let level = depth(self.new, j);
        let shape = |m: &str| (m.starts_with('('), m.chars().last());
        let at_level = (0..self.old.units.len()).any(|i| {
            self.old.units[i].kind == UnitKind::Subparagraph && depth(self.old, i) == level
        });
        at_level || shape(self.old.lang.table().subparagraph_marker) == shape(m)
    }

    /// Whether `amend` puts new subparagraph `j` at its level unaided: at
    /// the level of the subparagraph the place names, else of the unit
    /// before it (a subparagraph), else at the first.
    fn level_stated(&self, j: usize, place: &Place) -> bool {
        let (Place::After(r) | Place::Before(r)) = place;
        let named = self.named_subparagraph(r);
        let before = j.checked_sub(1).and_then(|k| match self.new.units[k].kind {
            UnitKind::Subparagraph => Some(depth(self.new, k)),
            _ => self.carried_depth(k),
        });
        let implied = named.map(|i| depth(self.old, i)).or(before).unwrap_or(1);
        implied == depth(self.new, j)
    }

    /// The level of the last subparagraph new unit `k` (a paragraph) has
    /// in the old draft, if any: where `k` continues an old paragraph,
    /// `amend` places what follows it after its old block (its
    /// subparagraphs move with it, and go only when a later line deletes
    /// them), and reads a new subparagraph's level from that one.
    fn carried_depth(&self, k: usize) -> Option<usize> {
        let i = self.cont_new[k]?;
        let last = (i + 1..self.old.units.len())
            .take_while(|&d| carries(self.old, i, d))
            .last()?;
        (self.old.units[last].kind == UnitKind::Subparagraph).then(|| depth(self.old, last))
    }

    /// The old subparagraph a reference names, if it names one.
    fn named_subparagraph(&self, r: &Ref) -> Option<usize> {
        self.position(&r.label())
            .filter(|&i| self.old.units[i].kind == UnitKind::Subparagraph)
    }
}
