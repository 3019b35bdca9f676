//! Parts of a document: the main text and its annexes.
//!
//! A report published as a PDF holds the report itself, then `Annexe I`
//! (a draft resolution), `Annexe II`, ... Each part can be taken out as a
//! resolution of its own, with the labels it would have if it stood alone
//! (`ANNEX-I/OP3` becomes `OP3`) and the footnotes it refers to.

use super::{Resolution, Unit, UnitKind, marker};
use std::collections::{HashMap, HashSet};

/// The name of the main part (the text before any annex).
pub const MAIN: &str = "main";

/// Reads a part's name as a user gives it: `main`, `Annexe II`, `Annex 2`,
/// `ANNEX-II`, `II`. Gives `None` for the main part, the annex label
/// otherwise.
///
/// ```
/// use redraft::model::part::resolve;
/// assert_eq!(resolve("Annexe I"), Some(Some("ANNEX-I".to_string())));
/// assert_eq!(resolve("annex-ii"), Some(Some("ANNEX-II".to_string())));
/// assert_eq!(resolve("III"), Some(Some("ANNEX-III".to_string())));
/// assert_eq!(resolve("main"), Some(None));
/// assert_eq!(resolve("preamble"), None);
/// ```
pub fn resolve(name: &str) -> Option<Option<String>> {
    let trimmed = name.trim();
    if trimmed.eq_ignore_ascii_case(MAIN) {
        return Some(None);
    }
    let upper = trimmed.to_uppercase();
    if upper == "ANNEX" || upper.starts_with("ANNEX-") {
        return Some(Some(upper));
    }
    let words = crate::lang::annex_words();
    if let Some(label) = marker::annex(trimmed, words) {
        return Some(Some(label));
    }
    let id_like = !upper.is_empty()
        && upper
            .chars()
            .all(|c| c.is_ascii_digit() || "IVXLC".contains(c));
    id_like.then(|| Some(format!("ANNEX-{upper}")))
}

impl Resolution {
    /// The parts of the document, in order: `None` for the main text (when
    /// it has units), then each annex label.
    pub fn parts(&self) -> Vec<Option<String>> {
        let mut parts: Vec<Option<String>> = Vec::new();
        for unit in self.units.iter().filter(|u| u.kind != UnitKind::Footnote) {
            if !parts.contains(&unit.part) {
                parts.push(unit.part.clone());
            }
        }
        parts
    }

    /// One part as a resolution of its own, or `None` if there is no such
    /// part.
    pub fn part(&self, label: Option<&str>) -> Option<Resolution> {
        let wanted = |u: &Unit| {
            u.part.as_deref() == label && u.kind != UnitKind::Annex && u.kind != UnitKind::Footnote
        };
        let body: Vec<usize> = (0..self.units.len())
            .filter(|&i| wanted(&self.units[i]))
            .collect();
        if body.is_empty() {
            return None;
        }
        let referenced: HashSet<&str> = body
            .iter()
            .flat_map(|&i| marker::footnote_refs(&self.units[i].text).map(|(_, id)| id))
            .collect();
        let notes = (0..self.units.len()).filter(|&i| {
            let u = &self.units[i];
            u.kind == UnitKind::Footnote
                && u.number.as_deref().is_some_and(|n| referenced.contains(n))
        });
        let kept: Vec<usize> = body.iter().copied().chain(notes).collect();
        let index: HashMap<usize, usize> = kept
            .iter()
            .enumerate()
            .map(|(new, &old)| (old, new))
            .collect();
        let prefix = label.map(|l| format!("{l}/"));
        let units = kept
            .iter()
            .map(|&i| {
                let mut unit = self.units[i].clone();
                if let Some(p) = &prefix {
                    unit.label = unit
                        .label
                        .strip_prefix(p.as_str())
                        .unwrap_or(&unit.label)
                        .to_string();
                }
                unit.parent = unit.parent.and_then(|p| index.get(&p).copied());
                unit.part = None;
                unit
            })
            .collect();
        Some(Resolution {
            version: self.version,
            lang: self.lang,
            units,
            metadata: self.metadata.clone(),
        })
    }
}

/// How a part is named to a user: `main`, or its label.
pub fn display(part: Option<&str>) -> &str {
    part.unwrap_or(MAIN)
}

#[cfg(test)]
mod tests {
    use crate::model::{ParseOptions, parse};

    #[test]
    fn an_annex_stands_alone() {
        let text = "Report\n\nThe General Assembly,\n\n1. Adopts the annex[^1].\n\nAnnex II\n\nProposed text\n\n1. Recalls[^2];\n\n(a) x;\n\n[^1]: A/1.\n[^2]: A/2.";
        let r = parse(text, &ParseOptions::default()).unwrap();
        assert_eq!(r.parts(), [None, Some("ANNEX-II".to_string())]);
        let annex = r.part(Some("ANNEX-II")).unwrap();
        let labels: Vec<&str> = annex.units.iter().map(|u| u.label.as_str()).collect();
        assert_eq!(labels, ["TITLE", "OP1", "OP1(a)", "FN2"]);
        assert_eq!(annex.units[2].parent, Some(1));
        assert!(r.part(Some("ANNEX-IV")).is_none());
    }
}
