//! Applying a list of amendments to a draft.
//!
//! Every amendment names units as they are numbered in the draft, so all
//! are read against the draft as it stands:
//!
//! 1. word changes are located in each unit's original text (several in one
//!    unit must not overlap) and made together; a unit may instead be
//!    replaced whole;
//! 2. insertions and moves are made in the order of the list; "after
//!    paragraph 15" means after paragraph 15, its subparagraphs and what
//!    earlier amendments put after it, so that two new paragraphs inserted
//!    after paragraph 15 come in the order of the list; a unit moves with
//!    its subparagraphs and what was put after it;
//! 3. deletions (a unit with its subparagraphs);
//! 4. the draft is renumbered ([`super::renumber`]).
//!
//! An amendment that does not apply is reported with its line and the
//! reason, and left out.

use super::locate::{self, Splice};
use super::pattern::describe;
use super::{Action, Amendment, Place, Ref, renumber};
use crate::lang::amendments::NewUnit;
use crate::model::{self, Resolution, UnitKind, marker};
use std::collections::HashMap;

/// An amendment that does not apply.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Failure {
    /// Its line in the list (1-based; 0 for generated amendments).
    pub line: usize,
    /// Why, in one sentence.
    pub reason: String,
}

/// The outcome of applying a list.
#[derive(Debug, Clone)]
pub struct Applied {
    /// The amended draft in the normal form (blocks separated by blank
    /// lines, footnotes last).
    pub text: String,
    /// The amendments that did not apply.
    pub failures: Vec<Failure>,
}

/// One unit of the draft being amended.
#[derive(Debug, Clone)]
pub(crate) struct Item {
    /// Unique: the draft's unit index, or past them for new units.
    pub id: usize,
    /// The draft's unit, if it is one.
    pub old: Option<usize>,
    pub kind: UnitKind,
    pub marker: Option<String>,
    pub text: String,
    pub part: Option<String>,
    /// The unit it is a subparagraph of (draft units only).
    pub parent: Option<usize>,
    /// The unit it was put after by an insertion or a move.
    pub attached: Option<usize>,
    /// Subparagraph nesting: 0 for paragraphs, 1 for `(a)`, 2 for `(i)`.
    pub depth: usize,
    pub deleted: bool,
    /// A paragraph (not operative) numbered with figures, as in annexed
    /// guidelines: renumbered like operative paragraphs.
    pub numbered: bool,
}

/// Applies a list of amendments to a draft.
///
/// ```
/// use redraft::{amend, model};
/// let draft = model::parse("The General Assembly,\n\n1. Decides to act.\n\n2. Requests a report.", &Default::default()).unwrap();
/// let list = amend::parse("Operative paragraph 2: replace \"a report\" with \"an annual report\".\nBefore operative paragraph 1, insert a new paragraph reading: \"Welcomes the report.\"").unwrap();
/// let out = amend::apply(&draft, &list);
/// assert!(out.failures.is_empty());
/// assert_eq!(out.text, "The General Assembly,\n\n1. Welcomes the report.\n\n2. Decides to act.\n\n3. Requests an annual report.\n");
/// ```
pub fn apply(draft: &Resolution, list: &[Amendment]) -> Applied {
    let mut work = Work::new(draft);
    let list = work.without_conflicts(list);
    let list = list.as_slice();
    work.words(list);
    for a in list {
        work.structure(a);
    }
    for a in list {
        if let Action::DeleteUnit { target } = &a.action {
            work.delete(a.line, target);
        }
    }
    work.assign_parts();
    renumber::renumber(&mut work.items, draft);
    Applied {
        text: work.text(),
        failures: grouped(work.failures),
    }
}

/// A reason of at most about 400 characters: a quotation of a whole
/// paragraph is cut in its middle ("…").
fn shortened(reason: &str) -> String {
    const KEEP: usize = 200;
    let count = reason.chars().count();
    if count <= 2 * KEEP {
        return reason.to_string();
    }
    let head: String = reason.chars().take(KEEP).collect();
    let tail: String = reason.chars().skip(count - KEEP).collect();
    format!("{head} … {tail}")
}

/// Failures of one sentence that differ only by a number ("Delete
/// operative paragraphs 1 to 500" on a draft of five) said once:
/// "operative paragraph 6 is not in the draft, nor are the 494 after it in
/// the same amendment (to 500)", not in 495 lines.
fn grouped(failures: Vec<Failure>) -> Vec<Failure> {
    let shape = |f: &Failure| {
        let digits = |c: char| c.is_ascii_digit();
        let start = f.reason.find(digits)?;
        let len = f.reason[start..]
            .find(|c: char| !digits(c))
            .unwrap_or(f.reason.len() - start);
        let number = &f.reason[start..start + len];
        Some((
            f.line,
            format!("{}#{}", &f.reason[..start], &f.reason[start + len..]),
            number.to_string(),
        ))
    };
    let mut out: Vec<Failure> = Vec::new();
    let mut k = 0;
    while k < failures.len() {
        let first = shape(&failures[k]);
        let run = failures[k..]
            .iter()
            .take_while(|f| {
                let s = shape(f);
                s.is_some() && s.map(|s| (s.0, s.1)) == first.clone().map(|s| (s.0, s.1))
            })
            .count()
            .max(1);
        let mut failure = failures[k].clone();
        if run >= 3 {
            let last = shape(&failures[k + run - 1])
                .map(|s| s.2)
                .unwrap_or_default();
            failure.reason = format!(
                "{}, nor are the {} after it in the same amendment (to {last})",
                failure.reason,
                run - 1
            );
        }
        failure.reason = shortened(&failure.reason);
        out.push(failure);
        k += run;
    }
    out
}

struct Work<'a> {
    draft: &'a Resolution,
    items: Vec<Item>,
    failures: Vec<Failure>,
}

impl<'a> Work<'a> {
    fn new(draft: &'a Resolution) -> Self {
        let items = draft
            .units
            .iter()
            .enumerate()
            .map(|(i, u)| Item {
                id: i,
                old: Some(i),
                kind: u.kind,
                marker: u.marker.clone(),
                text: u.text.clone(),
                part: u.part.clone(),
                parent: u.parent,
                attached: None,
                depth: depth(draft, i),
                deleted: false,
                numbered: is_numbered_paragraph(u),
            })
            .collect();
        Work {
            draft,
            items,
            failures: Vec::new(),
        }
    }

    fn fail(&mut self, line: usize, reason: String) {
        self.failures.push(Failure { line, reason });
    }

    /// The list without the amendments that change, move or delete a unit
    /// another amendment deletes: those are reported (the deletion wins),
    /// never silently lost.
    fn without_conflicts(&mut self, list: &[Amendment]) -> Vec<Amendment> {
        let target = |a: &Amendment| match &a.action {
            Action::Words { target, .. }
            | Action::ReplaceUnit { target, .. }
            | Action::MoveUnit { target, .. }
            | Action::DeleteUnit { target } => Some(target.clone()),
            _ => None,
        };
        let mut deleted: HashMap<usize, usize> = HashMap::new();
        for a in list {
            if let Action::DeleteUnit { target } = &a.action
                && let Ok(id) = self.resolve(target)
            {
                deleted.entry(id).or_insert(a.line);
            }
        }
        let mut kept = Vec::with_capacity(list.len());
        for a in list {
            let conflict = target(a).and_then(|t| {
                let id = self.resolve(&t).ok()?;
                let line = *deleted.get(&id)?;
                (line != a.line).then_some((t, line))
            });
            match conflict {
                Some((t, line)) => self.fail(
                    a.line,
                    format!("{} is deleted on line {line}", describe(&t)),
                ),
                None => kept.push(a.clone()),
            }
        }
        kept
    }

    /// The draft unit a reference names.
    fn resolve(&self, r: &Ref) -> Result<usize, String> {
        let missing = || format!("{} is not in the draft", describe(r));
        let labels = r.labels();
        let i = self
            .draft
            .units
            .iter()
            .position(|u| labels.contains(&u.label))
            .ok_or_else(missing)?;
        if let Ref::HeadingBefore(_) = r {
            return i
                .checked_sub(1)
                .filter(|&h| self.draft.units[h].kind == UnitKind::Heading)
                .ok_or_else(missing);
        }
        Ok(i)
    }

    /// Word changes and whole replacements, located in the original texts.
    fn words(&mut self, list: &[Amendment]) {
        let mut splices: Vec<Vec<(usize, Splice)>> = vec![Vec::new(); self.draft.units.len()];
        let mut whole: Vec<Option<(usize, String)>> = vec![None; self.draft.units.len()];
        for a in list {
            let result = match &a.action {
                Action::Words { target, edit } => self.resolve(target).and_then(|i| {
                    let s = locate::splice(&self.draft.units[i].text, edit)
                        .map_err(|e| format!("{}: {e}", describe(target)))?;
                    check_free(&splices[i], &whole[i], &s)?;
                    splices[i].push((a.line, s));
                    Ok(())
                }),
                Action::ReplaceUnit { target, text } => self.resolve(target).and_then(|i| {
                    let earlier = splices[i].first().map(|(l, _)| *l);
                    if let Some(line) = earlier.or(whole[i].as_ref().map(|(l, _)| *l)) {
                        return Err(format!(
                            "{} is also amended on line {line}",
                            describe(target)
                        ));
                    }
                    whole[i] = Some((a.line, strip_marker(&self.draft.units[i], text)));
                    Ok(())
                }),
                _ => Ok(()),
            };
            if let Err(reason) = result {
                self.fail(a.line, reason);
            }
        }
        for (i, list) in splices.iter().enumerate() {
            if !list.is_empty() {
                let s: Vec<Splice> = list.iter().map(|(_, s)| s.clone()).collect();
                self.items[i].text = locate::apply_splices(&self.draft.units[i].text, &s);
            }
        }
        for (i, w) in whole.into_iter().enumerate() {
            if let Some((_, text)) = w {
                self.items[i].text = text;
            }
        }
    }

    /// Insertions, moves and new footnotes, in the order of the list.
    fn structure(&mut self, a: &Amendment) {
        let result = match &a.action {
            Action::InsertUnit {
                place,
                kinds,
                text,
                number,
            } => self.insert(place, kinds, text, number.as_deref()),
            Action::MoveUnit { target, place } => self.move_unit(target, place),
            Action::InsertFootnote { id, text } => self.footnote(id, text),
            _ => Ok(()),
        };
        if let Err(reason) = result {
            self.fail(a.line, reason);
        }
    }

    fn pos(&self, id: usize) -> Option<usize> {
        self.items.iter().position(|it| it.id == id)
    }

    /// Where a unit goes: its index in `items` and the unit it follows.
    fn place(&self, place: &Place) -> Result<(usize, Option<usize>), String> {
        let (r, after) = match place {
            Place::After(r) => (r, true),
            Place::Before(r) => (r, false),
        };
        let id = self.resolve(r)?;
        let pos = self
            .pos(id)
            .ok_or_else(|| format!("{} is not in the draft", describe(r)))?;
        if self.items[pos].kind == UnitKind::Footnote {
            return Err("footnotes follow their references and cannot be an anchor".into());
        }
        Ok(if after {
            (block_end(&self.items, pos), Some(id))
        } else {
            (pos, None)
        })
    }

    fn insert(
        &mut self,
        place: &Place,
        kinds: &[NewUnit],
        text: &str,
        number: Option<&str>,
    ) -> Result<(), String> {
        let (at, anchor) = self.place(place)?;
        let prev = at.checked_sub(1).map(|p| self.items[p].clone());
        let next = self.items.get(at).filter(|_| anchor.is_none()).cloned();
        // "Before X" reads by X, "after X" by X.
        let beside = if anchor.is_some() {
            prev.as_ref()
        } else {
            next.as_ref().or(prev.as_ref())
        };
        let mut kind = choose_kind(kinds, beside);
        let generic = kinds.contains(&NewUnit::Operative) && kinds.contains(&NewUnit::Preambular);
        if generic && kind == UnitKind::Preambular && reads_operative(text, self.draft.lang) {
            // "After preambular paragraph 12, insert a new paragraph reading:
            // "Decides …;"": the text says which.
            kind = UnitKind::Operative;
        }
        let sub_depth = |it: &Option<Item>| {
            it.as_ref()
                .filter(|i| i.kind == UnitKind::Subparagraph)
                .map(|i| i.depth)
        };
        let depth = match kind {
            UnitKind::Subparagraph => sub_depth(&next).or(sub_depth(&prev)).unwrap_or(1),
            _ => 0,
        };
        let like = prev.or(next);
        // The number is written like the operative paragraphs' (`1.` or
        // `1)`), not like a subparagraph that happens to precede it.
        let operative_style = self.items[..at]
            .iter()
            .rev()
            .chain(self.items[at..].iter())
            .find(|it| it.kind == UnitKind::Operative)
            .and_then(|it| it.marker.clone());
        let marker = number.filter(|_| kind == UnitKind::Operative).map(|n| {
            let style = operative_style.as_deref().filter(|m| m.ends_with(')'));
            format!(
                "{}{}",
                renumber::display(n),
                if style.is_some() { ")" } else { "." }
            )
        });
        let item = Item {
            id: self.draft.units.len() + self.items.len(),
            old: None,
            kind,
            marker,
            text: strip_new_marker(kind, text),
            parent: None,
            part: like.and_then(|l| l.part),
            attached: anchor,
            depth,
            deleted: false,
            numbered: kind == UnitKind::Paragraph && kinds.contains(&NewUnit::NumberedParagraph),
        };
        self.items.insert(at, item);
        self.items[at].parent = self.parent_at(at);
        Ok(())
    }

    fn move_unit(&mut self, target: &Ref, place: &Place) -> Result<(), String> {
        let id = self.resolve(target)?;
        let from = self.pos(id).ok_or("the paragraph is gone")?;
        if self.items[from].kind == UnitKind::Footnote {
            return Err("footnotes follow their references and cannot be moved".into());
        }
        let end = block_end(&self.items, from);
        let anchor = match place {
            Place::After(r) | Place::Before(r) => self.resolve(r)?,
        };
        if self.items[from..end].iter().any(|it| it.id == anchor) {
            return Err(format!(
                "cannot move {} next to itself or its own subparagraphs",
                describe(target)
            ));
        }
        let block: Vec<Item> = self.items.drain(from..end).collect();
        match self.place(place) {
            Ok((at, anchor)) => {
                self.items.splice(at..at, block);
                self.items[at].attached = anchor;
                self.items[at].parent = self.parent_at(at);
                Ok(())
            }
            Err(e) => {
                self.items.splice(from..from, block);
                Err(e)
            }
        }
    }

    /// The paragraph a subparagraph standing at `at` belongs to: the
    /// nearest unit before it that is not a subparagraph (as a reader, and
    /// the parser, see it).
    fn parent_at(&self, at: usize) -> Option<usize> {
        if self.items[at].kind != UnitKind::Subparagraph {
            return None;
        }
        self.items[..at]
            .iter()
            .rev()
            .find(|it| it.kind != UnitKind::Subparagraph)
            .map(|it| it.id)
    }

    fn footnote(&mut self, id: &str, text: &str) -> Result<(), String> {
        let taken = self.items.iter().any(|it| {
            !it.deleted
                && it.kind == UnitKind::Footnote
                && it.marker.as_deref() == Some(&format!("[^{id}]:"))
        });
        if taken {
            return Err(format!("footnote {id} already exists"));
        }
        self.items.push(Item {
            id: self.draft.units.len() + self.items.len(),
            old: None,
            kind: UnitKind::Footnote,
            marker: Some(format!("[^{id}]:")),
            text: text.to_string(),
            part: None,
            parent: None,
            attached: None,
            depth: 0,
            deleted: false,
            numbered: false,
        });
        Ok(())
    }

    fn delete(&mut self, line: usize, target: &Ref) {
        let Some(pos) = self.resolve(target).ok().and_then(|id| self.pos(id)) else {
            return self.fail(line, format!("{} is not in the draft", describe(target)));
        };
        let mut gone = vec![self.items[pos].id];
        self.items[pos].deleted = true;
        for it in self.items[pos + 1..].iter_mut() {
            if !it.parent.is_some_and(|p| gone.contains(&p)) {
                break;
            }
            it.deleted = true;
            gone.push(it.id);
        }
    }

    /// New units belong to the annex they stand in (a new annex heading
    /// opens one).
    fn assign_parts(&mut self) {
        let words = crate::lang::annex_words();
        let mut part: Option<String> = None;
        for it in self
            .items
            .iter_mut()
            .filter(|it| it.kind != UnitKind::Footnote)
        {
            if it.old.is_none() {
                it.part = match it.kind {
                    UnitKind::Annex => marker::annex(&it.text, words).or(part.clone()),
                    _ => part.clone(),
                };
            }
            if it.kind == UnitKind::Annex || it.old.is_some() {
                part = it.part.clone();
            }
        }
    }

    /// The amended draft as text.
    fn text(&self) -> String {
        let live = self.items.iter().filter(|it| !it.deleted);
        let (notes, body): (Vec<&Item>, Vec<&Item>) =
            live.partition(|it| it.kind == UnitKind::Footnote);
        let blocks = body
            .into_iter()
            .chain(notes)
            .map(|it| model::block(shown_marker(it), &it.text));
        model::join_blocks(blocks)
    }
}

/// The marker an item is written with: none for a lettered paragraph whose
/// text carries its letter itself. Out of an annex (its heading deleted),
/// "a) En ce qui concerne …" is read as an unmarked paragraph whose text
/// starts with "a)", and the amendments say so ("before “En”, insert
/// “a) ”"): writing the marker as well would give "a) a) En ce qui …".
fn shown_marker(it: &Item) -> Option<&str> {
    let lettered = it.kind == UnitKind::Paragraph
        && it
            .marker
            .as_deref()
            .and_then(|m| marker::subparagraph(&format!("{m} x")).map(|s| s.id.to_string()))
            .is_some_and(|id| marker::letter_value(&id).is_some());
    if lettered && marker::subparagraph(&it.text).is_some() {
        return None;
    }
    it.marker.as_deref()
}

/// Whether a splice can be added to those of a unit.
fn check_free(
    taken: &[(usize, Splice)],
    whole: &Option<(usize, String)>,
    s: &Splice,
) -> Result<(), String> {
    if let Some((line, _)) = whole {
        return Err(format!("the paragraph is replaced whole on line {line}"));
    }
    match taken.iter().find(|(_, t)| locate::overlap(t, s)) {
        Some((line, _)) => Err(format!(
            "changes the same words as the amendment on line {line}"
        )),
        None => Ok(()),
    }
}

/// The end of a unit's block: its subparagraphs and what was put after it.
pub(crate) fn block_end(items: &[Item], pos: usize) -> usize {
    let mut inside = vec![items[pos].id];
    let mut j = pos + 1;
    while let Some(it) = items.get(j) {
        let belongs = it.parent.is_some_and(|p| inside.contains(&p))
            || it.attached.is_some_and(|a| inside.contains(&a));
        if !belongs {
            break;
        }
        inside.push(it.id);
        j += 1;
    }
    j
}

/// Subparagraph nesting of a draft unit: 0 for paragraphs, 1 for `(a)`.
pub(crate) fn depth(draft: &Resolution, i: usize) -> usize {
    let mut d = 0;
    let mut parent = draft.units[i].parent;
    while let Some(p) = parent {
        if draft.units[p].kind != UnitKind::Subparagraph {
            return d + 1;
        }
        d += 1;
        parent = draft.units[p].parent;
    }
    d
}

/// Whether a draft unit is a numbered paragraph that is not operative:
/// `P3` of annexed guidelines, `Pb` of an annex of lettered items.
pub(crate) fn is_numbered_paragraph(u: &model::Unit) -> bool {
    u.kind == UnitKind::Paragraph
        && u.number.as_deref().is_some_and(|n| {
            n.starts_with(|c: char| c.is_ascii_digit()) || model::marker::letter_value(n).is_some()
        })
}

/// The kind of a new unit: the one the wording names, or, when it names
/// several (French "alinéa", "a new paragraph"), the one the unit beside
/// it suggests: a subparagraph after an operative paragraph or a
/// subparagraph, a preambular paragraph after a preambular paragraph or
/// the chapeau, a numbered paragraph beside a numbered paragraph.
fn choose_kind(kinds: &[NewUnit], prev: Option<&Item>) -> UnitKind {
    if kinds.contains(&NewUnit::NumberedParagraph) && prev.is_some_and(|p| p.numbered) {
        return UnitKind::Paragraph;
    }
    let of = |k: NewUnit| match k {
        NewUnit::Operative => UnitKind::Operative,
        NewUnit::Preambular => UnitKind::Preambular,
        NewUnit::Subparagraph => UnitKind::Subparagraph,
        NewUnit::Heading => UnitKind::Heading,
        NewUnit::Paragraph => UnitKind::Paragraph,
        NewUnit::NumberedParagraph => UnitKind::Paragraph,
        NewUnit::Title => UnitKind::Title,
        NewUnit::Chapeau => UnitKind::Chapeau,
        NewUnit::Annex => UnitKind::Annex,
    };
    let candidates: Vec<UnitKind> = kinds
        .iter()
        .filter(|k| **k != NewUnit::NumberedParagraph || kinds.len() == 1)
        .map(|&k| of(k))
        .collect();
    let suggested = match prev.map(|p| p.kind) {
        Some(UnitKind::Operative | UnitKind::Subparagraph) => Some(UnitKind::Subparagraph),
        Some(UnitKind::Preambular | UnitKind::Chapeau) => Some(UnitKind::Preambular),
        other => other,
    };
    match suggested.filter(|k| candidates.contains(k)) {
        Some(k) if candidates.len() > 1 => k,
        _ => candidates.first().copied().unwrap_or(UnitKind::Operative),
    }
}

/// Whether a new paragraph's text reads like an operative one: it opens
/// with an operative verb or ends like one (`;`, `.`).
fn reads_operative(text: &str, lang: crate::lang::Lang) -> bool {
    let text = text.trim();
    lang.table().opens_operative(text) || text.ends_with([';', '.'])
}

/// A replacement text written with the unit's number in front: the number
/// is dropped (units keep their number until renumbering).
fn strip_marker(unit: &model::Unit, text: &str) -> String {
    match &unit.marker {
        Some(m) if unit.kind != UnitKind::Footnote => text
            .strip_prefix(m.as_str())
            .filter(|rest| rest.starts_with(' '))
            .map_or(text, str::trim_start)
            .to_string(),
        _ => text.to_string(),
    }
}

/// A new paragraph or subparagraph written with a number: the number is
/// dropped (it is numbered on renumbering).
fn strip_new_marker(kind: UnitKind, text: &str) -> String {
    let rest = match kind {
        UnitKind::Operative => marker::operative(text).map(|m| m.rest),
        UnitKind::Subparagraph => marker::subparagraph(text).map(|m| m.rest),
        _ => None,
    };
    rest.filter(|r| !r.is_empty()).unwrap_or(text).to_string()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::amend::parse;

    fn draft(text: &str) -> Resolution {
        crate::model::parse(text, &Default::default()).unwrap()
    }

    fn amended(text: &str, list: &str) -> Applied {
        apply(&draft(text), &parse(list).unwrap())
    }

    const DRAFT: &str = "The General Assembly,\n\n1. Decides to act.\n\nCooperation\n\n2. Requests a report of the Court to the Court.\n\n(a) on arrests;\n\n3. Decides to remain seized.";

    #[test]
    fn a_new_annex_numbers_its_paragraphs_from_one() {
        let out = amended(
            DRAFT,
            "After operative paragraph 3, insert a new annex heading reading: \"Annex\"\nAfter operative paragraph 3, insert a new paragraph reading: \"Annex text.\"",
        );
        assert!(out.failures.is_empty(), "{:?}", out.failures);
        assert!(
            out.text
                .ends_with("3. Decides to remain seized.\n\nAnnex\n\n1. Annex text.\n"),
            "{}",
            out.text
        );
    }

    #[test]
    fn headings_and_subparagraphs_are_named_and_moved_with_their_paragraph() {
        let out = amended(
            DRAFT,
            "The heading before operative paragraph 2: replace \"Cooperation\" with \"Arrests\".\nMove operative paragraph 2 to follow operative paragraph 3.\nOperative paragraph 2 (a): replace \"arrests\" with \"surrenders\".",
        );
        assert!(out.failures.is_empty(), "{:?}", out.failures);
        assert!(
            out.text.ends_with("Arrests\n\n2. Decides to remain seized.\n\n3. Requests a report of the Court to the Court.\n\n(a) on surrenders;\n"),
            "{}",
            out.text
        );
    }

    #[test]
    fn overlapping_and_ambiguous_amendments_are_refused() {
        let out = amended(
            DRAFT,
            "Operative paragraph 2: replace \"a report\" with \"reports\".\nOperative paragraph 2: replace \"report\" with \"note\".\nOperative paragraph 2: replace \"the Court\" with \"it\".\nOperative paragraph 2: after \"to\", replace \"the Court\" with \"it\".",
        );
        let lines: Vec<usize> = out.failures.iter().map(|f| f.line).collect();
        assert_eq!(lines, [2, 3]);
        assert!(
            out.failures[0]
                .reason
                .contains("same words as the amendment on line 1")
        );
        assert!(out.failures[1].reason.contains("occurs 2 times"));
        assert!(
            out.text.contains("2. Requests reports of the Court to it."),
            "{}",
            out.text
        );
    }
}
