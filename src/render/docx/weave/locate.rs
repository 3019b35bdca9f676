//! Where the new draft's units stand in its Word document.
//!
//! Each unit of the redline is looked for, in order, in the paragraphs the
//! reader found ([`find_units`]): by its letters and digits only, so that
//! typed numbers, tabs and footnote references in the paragraph do not
//! matter; then [`align`] maps each character of the unit to its place in
//! the paragraph's text, so that a changed paragraph can be rewritten run
//! by run.

use super::super::notes::REFERENCE;
use super::super::source::SourcePara;
use super::super::spans::{self, Span};
use crate::model::UnitKind;
use crate::redline::{Op, Redline};
use std::collections::HashMap;

/// Footnote numbering: start and format, from the body's last section,
/// else the settings, else 1 in decimal.
pub(in crate::render::docx) fn note_labels(
    xml: &str,
    body: &Span,
    settings: Option<&str>,
) -> (u32, String) {
    let from = |xml: &str, pr: Option<&Span>| {
        let pr = pr?;
        let start = pr
            .child("w:numStart")
            .and_then(|s| s.attr(xml, "w:val"))
            .and_then(|v| v.parse().ok());
        let format = pr.child("w:numFmt").and_then(|s| s.attr(xml, "w:val"));
        Some((start, format))
    };
    let section = from(
        xml,
        body.child("w:sectPr").and_then(|s| s.child("w:footnotePr")),
    );
    let parsed = settings.and_then(|s| Some((s, spans::parse(s)?)));
    let global = parsed
        .as_ref()
        .and_then(|(s, root)| from(s, root.child("w:footnotePr")));
    let start = section
        .as_ref()
        .and_then(|p| p.0)
        .or(global.as_ref().and_then(|p| p.0));
    let format = section
        .as_ref()
        .and_then(|p| p.1.clone())
        .or(global.as_ref().and_then(|p| p.1.clone()))
        .unwrap_or_else(|| "decimal".to_string());
    (start.unwrap_or(1), format)
}

/// Where each entry of the new draft stands: the index of its paragraph.
/// Footnotes are looked for only when they are typed in the body
/// (`word_notes` false), not Word's own. `None` if a unit is not found (the
/// document is not the new draft as the reader read it).
pub(super) fn locate(
    redline: &Redline,
    paras: &[SourcePara],
    word_notes: bool,
) -> Option<HashMap<usize, usize>> {
    let mut units: Vec<(usize, usize, String)> = redline
        .entries
        .iter()
        .enumerate()
        .filter(|(_, e)| e.op != Op::MovedAway && !(word_notes && e.kind == UnitKind::Footnote))
        .filter_map(|(k, e)| Some((e.new.as_ref()?.index, k, e.new_text())))
        .collect();
    units.sort();
    find_units(&units, paras)
}

/// Finds units (their order, id and text) in paragraphs, in order: each in
/// the first paragraph at or after the previous unit's that holds its
/// letters and digits. The ids → paragraph indices; `None` if one is
/// missing.
pub fn find_units(
    units: &[(usize, usize, String)],
    paras: &[SourcePara],
) -> Option<HashMap<usize, usize>> {
    let keys: Vec<String> = paras.iter().map(|p| key(&p.text())).collect();
    let (mut at, mut offset) = (0, 0);
    let mut homes = HashMap::new();
    for (_, id, text) in units {
        let unit = key(text);
        loop {
            let haystack = keys.get(at)?;
            if let Some(found) = haystack.get(offset..).and_then(|h| h.find(&unit)) {
                offset += found + unit.len();
                homes.insert(*id, at);
                break;
            }
            at += 1;
            offset = 0;
        }
    }
    Some(homes)
}

/// Letters and digits only, in lower case, footnote references left out:
/// what must be the same in a unit and its paragraph.
pub(in crate::render::docx) fn key(text: &str) -> String {
    REFERENCE
        .replace_all(text, "")
        .chars()
        .filter(|c| c.is_alphanumeric())
        .flat_map(char::to_lowercase)
        .collect()
}

/// For each character of `unit` (and one past its end), its place in
/// `para`: the unit is the paragraph's text as the parser keeps it (number
/// taken off, spaces trimmed), found character by character.
///
/// ```text
/// unit "Décide que"   para "16.\tDécide  que "   → [4, 5, …, 10, 12, 13, 14, 15]
/// ```
pub(in crate::render::docx) fn align(unit: &[char], para: &[char]) -> Vec<usize> {
    let mut map = Vec::with_capacity(unit.len() + 1);
    let head: Vec<char> = unit
        .iter()
        .take(12)
        .take_while(|c| !c.is_whitespace())
        .copied()
        .collect();
    let mut j = para
        .windows(head.len().max(1))
        .position(|w| w == head.as_slice())
        .unwrap_or_else(|| para.iter().position(|c| !c.is_whitespace()).unwrap_or(0));
    for &c in unit {
        while j < para.len() && para[j] != c && para[j].is_whitespace() && !c.is_whitespace() {
            j += 1;
        }
        if j < para.len()
            && para[j] != c
            && !(para[j].is_whitespace() && c.is_whitespace())
            && let Some(skip) = para[j..].iter().take(4).position(|&p| p == c)
        {
            j += skip;
        }
        map.push(j.min(para.len()));
        j = (j + 1).min(para.len());
    }
    map.push(j.min(para.len()));
    map
}

/// Whether the draft's footnotes are typed in the body as definitions
/// (`[^1]: text` paragraphs) rather than Word's own footnotes: then they
/// are paragraphs of the body like any other.
pub(super) fn typed_notes(paras: &[SourcePara]) -> bool {
    paras
        .iter()
        .any(|p| crate::model::marker::footnote_definition(p.text().trim_start()).is_some())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn aligns_a_unit_in_its_paragraph() {
        let unit: Vec<char> = "Décide que".chars().collect();
        let para: Vec<char> = "16.\tDécide  que ".chars().collect();
        let map = align(&unit, &para);
        assert_eq!(map[0], 4);
        assert_eq!(map[7], 12);
        assert_eq!(*map.last().unwrap(), 15);
    }

    #[test]
    fn key_keeps_letters_and_digits() {
        assert_eq!(key("16. Décide, que[^5] !"), "16décideque");
    }
}
