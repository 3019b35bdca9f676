//! Resolving a reference's targets to unit labels, seen from the unit the
//! reference is written in: `paragraph 3 (b)` in an annex with sections →
//! `ANNEX/B/OP3(b)`; `subparagraph (a) above` → the `(a)` beside it.

use super::Document;
use super::reference::{Reference, Target, TargetKind};
use crate::model::{Unit, UnitKind};

/// The label a target names, seen from the unit it is written in, and
/// whether the draft has that unit.
///
/// A sibling subparagraph is looked for beside the unit, then under its
/// paragraph.
pub fn resolve(doc: &Document, from: usize, target: &Target) -> (String, bool) {
    if target.kind == TargetKind::Operative && !has_operative_paragraphs(doc.units(), from) {
        // A report part: "paragraphs 29 to 31 of the operative part" there
        // speaks of the resolutions the report discusses, not of itself.
        return Default::default();
    }
    let candidates = candidates(doc, from, target);
    candidates
        .iter()
        .find(|c| doc.index_of(c).is_some())
        .map(|c| (c.clone(), true))
        .or_else(|| candidates.first().map(|c| (c.clone(), false)))
        .unwrap_or_default()
}

/// Like [`resolve`], for a target of `reference`: in a part without
/// operative paragraphs (a report, guidelines in an annex), "paragraph 12
/// above" or "below" names the part's own numbered paragraph 12 (`P12`);
/// without "above" or "below" such a reference is not resolved, as
/// [`resolve`] says.
pub fn resolve_reference(doc: &Document, reference: &Reference, target: &Target) -> (String, bool) {
    if let Some(annex) = &reference.annex {
        return in_annex(doc, annex, target);
    }
    let from = reference.unit;
    if let Some(section) = &reference.section {
        return in_section(doc, from, section, target);
    }
    let in_annex_part = doc.units().get(from).is_some_and(|u| u.part.is_some());
    if reference.of_present && in_annex_part {
        return in_main_text(doc, target);
    }
    let own_paragraphs = reference.place.is_some()
        && target.kind == TargetKind::Operative
        && !has_operative_paragraphs(doc.units(), from);
    if !own_paragraphs {
        return resolve(doc, from, target);
    }
    let (number, subs) = target.number_and_subs();
    let label = format!("{}P{number}{subs}", part_scope(doc.units(), from));
    let exists = doc.index_of(&label).is_some();
    (label, exists)
}

/// A target of "paragraph 3 of section B": operative paragraph 3 of
/// section B, when the section numbers its paragraphs from 1 (`B/OP3`);
/// not resolved when the draft has no such section.
fn in_section(doc: &Document, from: usize, section: &str, target: &Target) -> (String, bool) {
    if target.kind != TargetKind::Operative {
        return Default::default();
    }
    let prefix = format!("{}{section}/", part_scope(doc.units(), from));
    if !doc.units().iter().any(|u| u.label.starts_with(&prefix)) {
        return Default::default();
    }
    let (number, subs) = target.number_and_subs();
    let label = format!("{prefix}OP{number}{subs}");
    let exists = doc.index_of(&label).is_some();
    (label, exists)
}

/// A target of "paragraph 6 of the present resolution" written in an
/// annex: the main text's paragraph 6.
fn in_main_text(doc: &Document, target: &Target) -> (String, bool) {
    let (number, subs) = target.number_and_subs();
    let label = match target.kind {
        TargetKind::Operative => format!("OP{number}{subs}"),
        TargetKind::Preambular => format!("PP{number}{subs}"),
        TargetKind::Sibling => return Default::default(),
    };
    let exists = doc.index_of(&label).is_some();
    (label, exists)
}

/// A target of "paragraph 3 of the annex to the present resolution": the
/// annex's operative paragraph 3 or, when the annex has none (guidelines,
/// a declaration), its numbered paragraph 3. Not resolved when the draft
/// has no such annex, or when the annex restarts its numbering in sections.
fn in_annex(doc: &Document, annex: &str, target: &Target) -> (String, bool) {
    let units = doc.units();
    let Some(start) = units.iter().position(|u| u.label == annex) else {
        return Default::default();
    };
    if target.kind != TargetKind::Operative {
        return Default::default();
    }
    let (number, subs) = target.number_and_subs();
    let kind = if has_operative_paragraphs(units, start) {
        "OP"
    } else {
        "P"
    };
    let label = format!("{annex}/{kind}{number}{subs}");
    let sections = units
        .iter()
        .any(|u| u.label.starts_with(&format!("{annex}/")) && u.label.matches('/').count() > 1);
    if sections && doc.index_of(&label).is_none() {
        return Default::default();
    }
    let exists = doc.index_of(&label).is_some();
    (label, exists)
}

fn candidates(doc: &Document, from: usize, target: &Target) -> Vec<String> {
    let units = doc.units();
    let (number, subs) = target.number_and_subs();
    match target.kind {
        TargetKind::Operative => vec![format!("{}OP{number}{subs}", op_scope(units, from))],
        TargetKind::Preambular => vec![format!("{}PP{number}{subs}", part_scope(units, from))],
        TargetKind::Sibling => {
            let parent = units.get(from).and_then(|u| match u.kind {
                UnitKind::Subparagraph => u.parent,
                _ => Some(from),
            });
            [parent, Some(top(units, from))]
                .into_iter()
                .flatten()
                .filter_map(|p| units.get(p))
                .map(|p| format!("{}{subs}", bare(&p.label)))
                .collect()
        }
    }
}

/// Whether the part of unit `from` has operative paragraphs.
fn has_operative_paragraphs(units: &[Unit], from: usize) -> bool {
    let part = units.get(from).and_then(|u| u.part.as_deref());
    units
        .iter()
        .any(|u| u.part.as_deref() == part && u.kind == UnitKind::Operative)
}

/// The paragraph a unit belongs to (itself unless it is a subparagraph).
pub fn top(units: &[Unit], mut i: usize) -> usize {
    while let Some(p) = units.get(i).and_then(|u| u.parent) {
        i = p;
    }
    i
}

/// A label without its `#2` duplicate mark.
fn bare(label: &str) -> &str {
    label.split('#').next().unwrap_or(label)
}

/// Where operative labels seen from a unit start: `ANNEX-II/A/` in a
/// section where numbering restarts, else the part.
fn op_scope(units: &[Unit], from: usize) -> String {
    let label = units.get(top(units, from)).map_or("", |u| bare(&u.label));
    match label.rsplit_once('/') {
        Some((prefix, last)) if last.starts_with("OP") => format!("{prefix}/"),
        _ => part_scope(units, from),
    }
}

fn part_scope(units: &[Unit], from: usize) -> String {
    units
        .get(from)
        .and_then(|u| u.part.as_ref())
        .map_or_else(String::new, |p| format!("{p}/"))
}
