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
//! 4. the draft is renumbered ([`renumber`]);
//! 5. cross-references to renumbered units follow ([`references`]), except
//!    with [`apply_exact`], the exact inverse of generating amendments.
//!
//! An amendment that does not apply is reported with its line and the
//! reason, and left out.

mod footnotes;
pub mod items;
pub mod locate;
pub mod references;
pub mod renumber;
mod structure;

use crate::amend::readings::Readings;
use crate::amend::wording::describe;
use crate::amend::{Action, Amendment, Ref};
use crate::model::{self, Resolution, UnitKind};
use items::{Item, depth, is_numbered_paragraph, shown_marker, strip_marker};
use locate::Splice;
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
    /// Cross-references the renumbering left wrong that could not be
    /// rewritten, when [`apply`] updated the others in `text` (always
    /// empty from [`apply_exact`]).
    pub stale_references: Vec<references::StaleReference>,
    /// Why `text` would not say what the list means (a unit it places or
    /// rewords deleted with another, text lost on reading it again), if it
    /// would not: `redraft amend` then writes nothing (`amend::faithful`).
    pub unfaithful: Option<Failure>,
}

/// Applies a list of amendments to a draft, renumbers it and updates its
/// cross-references to the units renumbered ("paragraph 2 above" becomes
/// "paragraph 3 above" once a paragraph is inserted before it); the
/// references that cannot be rewritten are in
/// [`Applied::stale_references`]. This is what `redraft amend` writes, and
/// what a library user amending a draft wants.
///
/// [`apply_exact`] leaves references as the list leaves them: use it when
/// the list already says every change, references included, as a list
/// generated from two drafts does ([`crate::amend::generate`]), so that
/// `apply_exact(old, generate(old, new))` gives `new` back even when `new`
/// left a reference stale.
///
/// ```
/// use redraft::{amend, model};
/// let draft = model::parse("The General Assembly,\n\n1. Decides to act.\n\n2. Recalls paragraph 1 above.", &Default::default()).unwrap();
/// let list = amend::parse("Before operative paragraph 1, insert a new paragraph reading: \"Welcomes the report.\"").unwrap();
/// assert!(amend::apply(&draft, &list).text.contains("3. Recalls paragraph 2 above."));
/// assert!(amend::apply_exact(&draft, &list).text.contains("3. Recalls paragraph 1 above."));
/// ```
pub fn apply(draft: &Resolution, list: &[Amendment]) -> Applied {
    let applied = apply_exact(draft, list);
    let (text, stale_references) = references::update(draft, applied.text);
    Applied {
        text,
        stale_references,
        ..applied
    }
}

/// Applies a list of amendments to a draft exactly as written and
/// renumbers it, leaving its cross-references as they are: the inverse of
/// [`crate::amend::generate`] (`apply_exact(old, generate(old, new))` is
/// `new`), for round trips and for lists that already amend every
/// reference. To amend a draft, use [`apply`], which also updates the
/// references to the units renumbered.
///
/// ```
/// use redraft::{amend, model};
/// let draft = model::parse("The General Assembly,\n\n1. Decides to act.\n\n2. Requests a report.", &Default::default()).unwrap();
/// let list = amend::parse("Operative paragraph 2: replace \"a report\" with \"an annual report\".\nBefore operative paragraph 1, insert a new paragraph reading: \"Welcomes the report.\"").unwrap();
/// let out = amend::apply_exact(&draft, &list);
/// assert!(out.failures.is_empty());
/// assert_eq!(out.text, "The General Assembly,\n\n1. Welcomes the report.\n\n2. Decides to act.\n\n3. Requests an annual report.\n");
/// ```
pub fn apply_exact(draft: &Resolution, list: &[Amendment]) -> Applied {
    let mut work = Work::new(draft);
    let list = work.without_conflicts(list);
    let list = list.as_slice();
    work.words(list);
    (work.doomed, work.pending) = work.doomed(list);
    let mut touched = work.targets(list, false);
    for a in list {
        let next = draft.units.len() + work.items.len();
        work.structure(a);
        if work.pos(next).is_some() {
            touched.push((next, a.line));
        }
    }
    let explicit: Vec<usize> = work.targets(list, true).iter().map(|t| t.0).collect();
    for a in list {
        if let Action::DeleteUnit { target } = &a.action {
            work.delete(a.line, target);
        }
    }
    work.assign_parts();
    renumber::renumber(&mut work.items, draft);
    let text = work.text();
    let unfaithful = crate::amend::faithful::unfaithful(
        draft,
        &work.items,
        &explicit,
        &touched,
        &work.deleted_by,
        &text,
    );
    Applied {
        text,
        failures: grouped(work.failures),
        stale_references: Vec::new(),
        unfaithful: unfaithful.map(|(line, reason)| Failure { line, reason }),
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
    /// Each unit deleted, with the line of the deletion that took it.
    deleted_by: Vec<(usize, usize)>,
    /// The draft's units the list deletes (with their subparagraphs),
    /// and those it moves and has not moved yet: a quoted letter is read
    /// against the draft as the list leaves it, without them.
    doomed: Vec<bool>,
    pending: Vec<bool>,
    /// For each draft unit, how many moves of its own the list has yet to
    /// make: a unit carried along by its paragraph's move is still
    /// pending when it moves again later.
    moves_left: Vec<u32>,
    /// The draft's units by their text, for references by text.
    readings: Readings<'a>,
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
            deleted_by: Vec::new(),
            doomed: Vec::new(),
            pending: Vec::new(),
            moves_left: vec![0; draft.units.len()],
            readings: Readings::new(draft),
        }
    }

    /// The draft's units the deletions of a list take (each unit named
    /// and the subparagraphs that belong to it, but those the list moves
    /// away), and those its moves take (each unit named and its
    /// subparagraphs).
    fn doomed(&mut self, list: &[Amendment]) -> (Vec<bool>, Vec<bool>) {
        let n = self.draft.units.len();
        let (mut doomed, mut moved) = (vec![false; n], vec![false; n]);
        for (i, _) in self.targets(list, true) {
            doomed[i] = true;
        }
        for a in list {
            if let Action::MoveUnit { target, .. } = &a.action
                && let Ok(i) = self.resolve(target)
            {
                moved[i] = true;
                self.moves_left[i] += 1;
            }
        }
        for i in 0..n {
            let parent = self.draft.units[i].parent;
            if !moved[i] && parent.is_some_and(|p| doomed[p]) {
                doomed[i] = true;
            }
            if parent.is_some_and(|p| moved[p]) {
                moved[i] = true;
            }
        }
        (doomed, moved)
    }

    /// The units the list deletes (`deleting`), or those it rewords or
    /// moves, with the line of the amendment.
    fn targets(&self, list: &[Amendment], deleting: bool) -> Vec<(usize, usize)> {
        let target = |a: &Amendment| match &a.action {
            Action::DeleteUnit { target } if deleting => Some(target.clone()),
            Action::Words { target, .. }
            | Action::ReplaceUnit { target, .. }
            | Action::MoveUnit { target, .. }
                if !deleting =>
            {
                Some(target.clone())
            }
            _ => None,
        };
        list.iter()
            .filter_map(|a| Some((self.resolve(&target(a)?).ok()?, a.line)))
            .collect()
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
        let missing = || match names_paragraph_zero(r) {
            true => format!(
                "{} is not in the draft (paragraphs are numbered from 1)",
                describe(r)
            ),
            false => format!("{} is not in the draft", describe(r)),
        };
        let reading = match r {
            Ref::HeadingText(text) => Some(self.readings.headings(text)),
            Ref::Text(text) => Some(self.readings.units(text).to_vec()),
            Ref::NthText(n, text) => {
                let found = self.readings.units(text);
                let nth = (*n as usize).checked_sub(1).and_then(|k| found.get(k));
                Some(nth.into_iter().copied().collect())
            }
            _ => None,
        };
        if let Some(found) = reading {
            return match found.as_slice() {
                [one] => Ok(*one),
                [] => Err(missing()),
                more => Err(format!(
                    "{} stands {} times in the draft; name it by the paragraph after it",
                    describe(r),
                    more.len()
                )),
            };
        }
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

/// Whether a reference names a paragraph numbered 0 (which a draft may
/// have, by mistake).
fn names_paragraph_zero(r: &Ref) -> bool {
    match r {
        Ref::Operative(n)
        | Ref::HeadingBefore(n)
        | Ref::OperativeSub(n, _)
        | Ref::OperativeSubSub(n, ..)
        | Ref::SectionOperative(_, n)
        | Ref::AnnexParagraph(_, n) => n == "0",
        _ => false,
    }
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

#[cfg(test)]
mod tests {
    use super::*;
    use crate::amend::parse;

    fn draft(text: &str) -> Resolution {
        crate::model::parse(text, &Default::default()).unwrap()
    }

    fn amended(text: &str, list: &str) -> Applied {
        apply_exact(&draft(text), &parse(list).unwrap())
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
