//! Where inserted and moved units go: after the nearest unit before them
//! that comes from the old draft (and that unit's subparagraphs), or
//! before the first that keeps its place; which units keep their place
//! (the heaviest subsequence in the old order).

use super::{Gen, Key};
use crate::align::lis;
use crate::amend::apply::items::{depth, descends, is_numbered_paragraph, strip_new_marker};
use crate::amend::{Action, Place, Ref};
use crate::lang::amendments::NewUnit;
use crate::model::{self, Resolution, UnitKind, marker};

impl Gen<'_> {
    /// Insertions and moves.
    ///
    /// A unit placed right after another placed unit goes to the same
    /// place: placements with one anchor are made in the order of the list,
    /// which is the new order.
    pub(super) fn placements(&self, out: &mut Vec<(Key, Action)>) {
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
                None => {
                    let text = self.new_text(j);
                    let kinds = self.kinds_of(new_unit(unit), &place, &text);
                    let text = guard_marker(text, unit.marker.as_deref(), |t| {
                        strip_new_marker(unit.kind, t)
                    });
                    Action::InsertUnit {
                        number: self.own_number(j, &place),
                        kinds,
                        text: self.lettered(j, &place, text),
                        place,
                    }
                }
            };
            out.push((key, action));
        }
    }

    /// The kinds a new unit's wording may name: its own, and for a
    /// preambular paragraph placed by a preambular paragraph that has no
    /// subparagraphs, a subparagraph too, since `amend` takes the one like
    /// the paragraph beside it. French then writes "le nouvel alinéa
    /// suivant" after "le troisième alinéa du préambule", and "le nouvel
    /// alinéa du préambule suivant" elsewhere (before an operative
    /// paragraph, "alinéa" alone would be a subparagraph).
    fn kinds_of(&self, kind: NewUnit, place: &Place, text: &str) -> Vec<NewUnit> {
        let beside_preamble = match place {
            Place::Before(r @ Ref::Preambular(_)) => self.position(&r.label()).is_some(),
            Place::After(r @ Ref::Preambular(_)) => self.position(&r.label()).is_some_and(|i| {
                self.old
                    .units
                    .get(i + 1)
                    .is_none_or(|u| u.parent != Some(i))
            }),
            _ => false,
        };
        // A text opening like a subparagraph's letter would state one.
        let lettered = marker::subparagraph(text).is_some();
        match kind {
            NewUnit::Preambular if beside_preamble && !lettered => {
                vec![kind, NewUnit::Subparagraph]
            }
            // "A new paragraph" is numbered like the numbered paragraph
            // beside it; elsewhere it would be read as an operative or
            // preambular paragraph, and "a new numbered paragraph" says
            // what it is (a draft of numbered paragraphs with no
            // resolution structure, a new one placed before its title).
            NewUnit::NumberedParagraph if self.beside_numbered(place) => {
                vec![kind, NewUnit::Operative, NewUnit::Preambular]
            }
            // Likewise an operative paragraph: "le nouveau paragraphe
            // suivant" (French, Spanish) is one of the numbered paragraphs
            // beside it, and there "du dispositif" says what it is.
            NewUnit::Operative if !self.beside_numbered(place) => {
                vec![kind, NewUnit::NumberedParagraph]
            }
            _ => vec![kind],
        }
    }

    /// Whether the old unit a new one is placed by is a numbered paragraph
    /// (not operative) that `amend` reads it beside: the one it goes
    /// before, or the one it follows when that one has no subparagraphs.
    fn beside_numbered(&self, place: &Place) -> bool {
        let (r, after) = match place {
            Place::Before(r) => (r, false),
            Place::After(r) => (r, true),
        };
        let Some(i) = self.old_index(r) else {
            return false;
        };
        let childless = || {
            self.old
                .units
                .get(i + 1)
                .is_none_or(|u| u.parent != Some(i))
        };
        is_numbered_paragraph(&self.old.units[i]) && (!after || childless())
    }

    /// Whether a place is next to one of the subparagraphs of old unit
    /// `own` (where `own` cannot go: it moves with them).
    fn inside(&self, place: &Place, own: Option<usize>) -> bool {
        let (Some(own), Place::After(r) | Place::Before(r)) = (own, place) else {
            return false;
        };
        self.position(&r.label())
            .is_some_and(|k| k == own || carries(self.old, own, k))
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
        // A subparagraph NEW gives to a new paragraph (inserted between
        // its old one and it, which ends `amend`'s block of the old one)
        // does not move with its old paragraph.
        let new_parent = self.new.units[j].parent;
        if new_parent.is_some_and(|p| self.cont_new[p].is_none()) {
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
                Some(o) if carries(self.old, o, i) => None,
                _ => Some(i),
            }
        })
    }

    /// Where new unit `j` goes: after the nearest unit before it that comes
    /// from the old draft, else before the first that keeps its place.
    fn place_of(&self, j: usize, follow: Option<(Key, Place)>) -> (Key, Place) {
        if let Some(nearest) = self.previous_continued(j) {
            let i = self.at_level_of(j, nearest);
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
            // A subparagraph placed a level higher than the one before it
            // does not follow that one's place; one placed after a new
            // paragraph (its first subparagraph) does, and so does one
            // whose paragraph is new: it stands in that paragraph's block,
            // wherever the old unit before it stood (fuzz:
            // subparagraph-of-new-paragraph-a0e5e57d).
            let deeper_before = (0..j)
                .rev()
                .find(|&k| Self::is_body(&self.new.units[k]))
                .is_none_or(|k| {
                    self.new.units[k].kind == UnitKind::Subparagraph
                        && depth(self.new, k) > depth(self.new, j)
                });
            let new_family = self.new_paragraph_of(j);
            let follow = follow.filter(|(_, place)| {
                i == nearest
                    || !deeper_before
                    || new_family
                    || matches!(place, Place::After(r) if self.position(&r.label()) == Some(i))
            });
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

    /// Whether new subparagraph `j` belongs to a paragraph NEW brings in
    /// (its top ancestor continues no old unit).
    fn new_paragraph_of(&self, j: usize) -> bool {
        let mut top = j;
        while let Some(p) = self.new.units[top].parent {
            top = p;
        }
        top != j && self.cont_new[top].is_none()
    }

    /// For a new subparagraph `j` following old subparagraph `i` nested
    /// deeper ("(c)" after "(b) (ii)"), the subparagraph of `i`'s family at
    /// `j`'s level ("(b)"): "after (b)" puts `j` after (b)'s own
    /// subparagraphs, at (b)'s level. Only while NEW keeps `i` under that
    /// subparagraph: never one the list deletes (`j` would stand in its
    /// block and go with it; fuzz: subparagraph-deleted-with-another-0b49cce9)
    /// or one `i` moved away from (`j` would go to the old family;
    /// duplicate-families-1c40dcec).
    fn at_level_of(&self, j: usize, mut i: usize) -> usize {
        if self.new.units[j].kind != UnitKind::Subparagraph {
            return i;
        }
        let level = depth(self.new, j);
        while self.old.units[i].kind == UnitKind::Subparagraph && depth(self.old, i) > level {
            match self.old.units[i].parent {
                Some(p)
                    if self.old.units[p].kind == UnitKind::Subparagraph
                        && self.kept_under(i, p)
                        && carries(self.old, p, i) =>
                {
                    i = p
                }
                _ => break,
            }
        }
        i
    }

    /// Whether old unit `i` stays under old unit `p` in NEW: both continue,
    /// `i`'s new unit a subparagraph of `p`'s.
    fn kept_under(&self, i: usize, p: usize) -> bool {
        match (self.cont_old[i], self.cont_old[p]) {
            (Some(ji), Some(jp)) => descends(self.new, ji, jp),
            _ => false,
        }
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
    /// A subparagraph carried along by a unit moved after `j` (which is
    /// not `p`'s) is not in place yet and is passed over (fuzz:
    /// duplicate-families-75fabf53).
    fn next_child_of(&self, j: usize, p: usize) -> Option<usize> {
        let q = (j + 1..self.new.units.len())
            .filter(|&k| Self::is_body(&self.new.units[k]))
            .find_map(|k| {
                let i = self.cont_new[k]?;
                let carried = || descends(self.old, i, p) && self.carried(k, i);
                (self.stable[k] || carried()).then_some(i)
            })?;
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
        // The paragraph NEW keeps `i` under, not one `i` left (a
        // subparagraph NEW gives to a paragraph moved before it).
        let mut top = i;
        while let Some(p) = self.old.units[top]
            .parent
            .filter(|&p| self.kept_under(top, p))
        {
            top = p;
        }
        let family = top + 1..self.old.units.len();
        let family: Vec<usize> = family.take_while(|&k| descends(self.old, k, top)).collect();
        // Deleted subparagraphs are gone; the others must stay in place.
        let last = family.iter().rev().find(|&&k| self.cont_old[k].is_some());
        let whole = family
            .iter()
            .all(|&k| self.cont_old[k].is_none_or(|kj| self.stable[kj]));
        // Nor where NEW gives that paragraph subparagraphs after `j` (new
        // ones, placed after its old ones: "after operative paragraph 1"
        // would put `j` after them; fuzz: paragraph-before-new-subparagraphs-083a5764).
        let later_family =
            |jt: usize| (j + 1..self.new.units.len()).any(|k| descends(self.new, k, jt));
        match self.cont_old[top] {
            Some(jt)
                if last == Some(&i) && whole && !self.breaks_block(jt, j) && !later_family(jt) =>
            {
                top
            }
            _ => i,
        }
    }

    /// Whether a new unit other than a subparagraph stands between new
    /// units `from` and `to`: inserted inside a paragraph's family ("before
    /// operative paragraph 1 (a), insert a new operative paragraph"), it
    /// ends `amend`'s block of that paragraph, so "after operative
    /// paragraph 1" would stop there.
    fn breaks_block(&self, from: usize, to: usize) -> bool {
        (from + 1..to).any(|k| {
            let unit = &self.new.units[k];
            Self::is_body(unit) && self.cont_new[k].is_none() && unit.kind != UnitKind::Subparagraph
        })
    }
}

/// Which continued new units keep their place: the heaviest subsequence in
/// the old order, preferring those the aligner did not see move.
pub(super) fn stable(new: &Resolution, cont_new: &[Option<usize>], moved: &[bool]) -> Vec<bool> {
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

/// Whether old unit `k` moves with old unit `x` and stands inside what
/// "after `x`" passes over: `k` descends from `x`, and so does every unit
/// between them. This is `amend`'s block of a unit (`apply::items::block_end`
/// on the draft): in "(c) … / (i)`In schools … / (ii) …", where the parser
/// reads the middle line as an unnumbered paragraph and `(ii)` as a
/// subparagraph of `(c)`, the block of `(c)` is `(c)` alone, so `(ii)`
/// neither moves with it nor is passed over by "after (c)".
pub(super) fn carries(old: &Resolution, x: usize, k: usize) -> bool {
    k > x && (x + 1..=k).all(|m| descends(old, m, x))
}

/// A subparagraph that stays while its paragraph moves or goes must move
/// explicitly (a paragraph moves and is deleted with its subparagraphs),
/// unless it follows the moving paragraph as before ([`Gen::carried`]).
pub(super) fn free_descendants(old: &Resolution, cont_old: &[Option<usize>], stable: &mut [bool]) {
    for (x, jx) in cont_old.iter().enumerate() {
        if jx.is_some_and(|jx| stable[jx]) {
            continue;
        }
        for (d, jd) in cont_old.iter().enumerate().skip(x + 1) {
            match jd {
                Some(jd) if carries(old, x, d) => stable[*jd] = false,
                _ => {}
            }
        }
    }
}

/// The text of a unit inserted or replaced whole, as the amendment quotes
/// it. Applying drops a number the drafters wrote in front of the text
/// ("reading: “3. Decides …”"), so a text that itself opens with one
/// ("1. 1. Exprime …", a doubled marker) gets the unit's marker in front,
/// which applying drops again.
pub(super) fn guard_marker(
    text: String,
    marker: Option<&str>,
    strip: impl Fn(&str) -> String,
) -> String {
    let Some(m) = marker else { return text };
    if strip(&text) == text {
        return text;
    }
    let guarded = format!("{m} {text}");
    if strip(&guarded) == text {
        guarded
    } else {
        text
    }
}

fn new_unit(unit: &model::Unit) -> NewUnit {
    if is_numbered_paragraph(unit) {
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
