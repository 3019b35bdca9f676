//! The draft being amended, as a list of items: each unit of the draft
//! (with its place in the draft) and each unit the amendments add, with
//! what renumbering and writing the amended text need to know of it.

use crate::model::{self, Resolution, UnitKind, marker};

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

/// The marker an item is written with: none for a lettered paragraph whose
/// text carries its letter itself. Out of an annex (its heading deleted),
/// "a) En ce qui concerne …" is read as an unmarked paragraph whose text
/// starts with "a)", and the amendments say so ("before “En”, insert
/// “a) ”"): writing the marker as well would give "a) a) En ce qui …".
pub(crate) fn shown_marker(it: &Item) -> Option<&str> {
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

/// Whether old unit `k` is a subparagraph (at any depth) of old unit
/// `top`.
pub(crate) fn descends(old: &Resolution, k: usize, top: usize) -> bool {
    let mut p = old.units[k].parent;
    while let Some(q) = p {
        if q == top {
            return true;
        }
        p = old.units[q].parent;
    }
    false
}

/// Whether a draft unit is a numbered paragraph that is not operative:
/// `P3` of annexed guidelines, `Pb` of an annex of lettered items.
pub(crate) fn is_numbered_paragraph(u: &model::Unit) -> bool {
    u.kind == UnitKind::Paragraph
        && u.number.as_deref().is_some_and(|n| {
            n.starts_with(|c: char| c.is_ascii_digit()) || model::marker::letter_value(n).is_some()
        })
}

/// A replacement text written with the unit's number in front: the number
/// is dropped (units keep their number until renumbering).
pub(crate) fn strip_marker(unit: &model::Unit, text: &str) -> String {
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
pub(crate) fn strip_new_marker(kind: UnitKind, text: &str) -> String {
    let rest = match kind {
        UnitKind::Operative => marker::operative(text).map(|m| m.rest),
        UnitKind::Subparagraph => marker::subparagraph(text).map(|m| m.rest),
        _ => None,
    };
    rest.filter(|r| !r.is_empty()).unwrap_or(text).to_string()
}
