//! The `numbering` rule.
//!
//! - Operative paragraphs run 1, 2, 3 … in each scope (the main text, an
//!   annex, or a section of an annex where numbering restarts), with no
//!   duplicate and no gap; `9 bis` comes after 9, `9 ter` after `9 bis`.
//! - Subparagraphs of one paragraph run (a), (b), (c) … or (i), (ii),
//!   (iii) ….
//! - Footnotes are defined in consecutive order from the first (an annex
//!   may continue a report's numbering, so the first need not be 1), first
//!   referred to in that order, every reference defined and every
//!   definition referred to.

use super::{Document, Finding, Rule};
use crate::model::marker::{LATIN_SUFFIXES, footnote_refs, letter_value, roman_value, to_roman};
use crate::model::{Unit, UnitKind};
use std::collections::{BTreeMap, HashMap};
use std::ops::Range;

/// Every numbering problem of a draft.
pub fn check(doc: &Document) -> Vec<Finding> {
    let mut out = operative(doc);
    out.extend(subparagraphs(doc));
    out.extend(footnotes(doc));
    out
}

/// An operative number: base and Latin suffix rank (0 none, 1 bis, 2 ter).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
struct Number {
    base: u32,
    suffix: usize,
}

impl Number {
    /// `9bis` → 9, 1.
    fn parse(s: &str) -> Option<Number> {
        let digits = s.find(|c: char| !c.is_ascii_digit()).unwrap_or(s.len());
        let base = s[..digits].parse().ok()?;
        let suffix = match &s[digits..] {
            "" => 0,
            latin => LATIN_SUFFIXES.iter().position(|l| *l == latin)? + 1,
        };
        Some(Number { base, suffix })
    }

    /// What may follow: the next Latin suffix of the same number, or the
    /// next number.
    fn follows(self, prev: Number) -> bool {
        self == Number {
            base: prev.base,
            suffix: prev.suffix + 1,
        } || self
            == Number {
                base: prev.base + 1,
                suffix: 0,
            }
    }
}

impl std::fmt::Display for Number {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self
            .suffix
            .checked_sub(1)
            .and_then(|s| LATIN_SUFFIXES.get(s))
        {
            Some(latin) => write!(f, "{} {latin}", self.base),
            None => write!(f, "{}", self.base),
        }
    }
}

/// The byte range of a unit's marker (or its span's start).
fn marker_range(doc: &Document, unit: usize) -> Range<usize> {
    let span = doc.span(unit);
    let text = &doc.text[span.clone()];
    match doc.units()[unit]
        .marker
        .as_deref()
        .and_then(|m| text.find(m).map(|p| (p, m)))
    {
        Some((p, m)) => span.start + p..span.start + p + m.len(),
        None => span.start..span.start + text.chars().next().map_or(0, char::len_utf8),
    }
}

/// Operative paragraphs by scope: the label up to its last `/`.
fn operative(doc: &Document) -> Vec<Finding> {
    let mut scopes: BTreeMap<String, Vec<(usize, Number)>> = BTreeMap::new();
    for (i, unit) in doc.units().iter().enumerate() {
        // Operative paragraphs, and the numbered paragraphs of a report or
        // of an annex that is not a resolution (terms of reference).
        let numbered = unit.kind == UnitKind::Operative
            || (unit.kind == UnitKind::Paragraph && unit.number.is_some());
        if !numbered {
            continue;
        }
        let Some(number) = unit.number.as_deref().and_then(Number::parse) else {
            continue;
        };
        let scope = unit.label.rsplit_once('/').map_or("", |(s, _)| s);
        scopes
            .entry(scope.to_string())
            .or_default()
            .push((i, number));
    }
    scopes
        .values()
        .flat_map(|units| operative_scope(doc, units))
        .collect()
}

fn operative_scope(doc: &Document, units: &[(usize, Number)]) -> Vec<Finding> {
    let mut out = Vec::new();
    let mut seen: HashMap<(u32, usize), usize> = HashMap::new();
    let mut prev: Option<Number> = None;
    for &(i, n) in units {
        let noun = match doc.units()[i].kind {
            UnitKind::Operative => "operative paragraph",
            _ => "paragraph",
        };
        let message = if let Some(&first) = seen.get(&(n.base, n.suffix)) {
            Some(format!(
                "{noun} {n} is numbered like the one at line {}",
                doc.units()[first].line
            ))
        } else {
            match prev {
                None if n != (Number { base: 1, suffix: 0 }) => {
                    Some(format!("operative numbering starts at {n}; expected 1"))
                }
                Some(p) if !n.follows(p) => Some(format!(
                    "{noun} {n} follows {p}; expected {}",
                    expected_after(p, n)
                )),
                _ => None,
            }
        };
        if let Some(message) = message {
            out.push(doc.finding(Rule::Numbering, i, marker_range(doc, i), message));
        }
        seen.entry((n.base, n.suffix)).or_insert(i);
        prev = Some(n);
    }
    out
}

/// What should have followed `prev`, given that `got` did.
fn expected_after(prev: Number, got: Number) -> String {
    let next = Number {
        base: prev.base + 1,
        suffix: 0,
    };
    if got.base == prev.base && got.suffix > prev.suffix + 1 {
        let latin = Number {
            base: prev.base,
            suffix: prev.suffix + 1,
        };
        return format!("{latin} or {next}");
    }
    next.to_string()
}

/// Subparagraphs of each parent, in order.
fn subparagraphs(doc: &Document) -> Vec<Finding> {
    let mut children: BTreeMap<usize, Vec<usize>> = BTreeMap::new();
    for (i, unit) in doc.units().iter().enumerate() {
        if unit.kind == UnitKind::Subparagraph
            && let Some(p) = unit.parent
        {
            children.entry(p).or_default().push(i);
        }
    }
    children
        .iter()
        .flat_map(|(&parent, kids)| sub_list(doc, parent, kids))
        .collect()
}

fn sub_list(doc: &Document, parent: usize, kids: &[usize]) -> Vec<Finding> {
    let units = doc.units();
    let ids: Vec<&str> = kids.iter().map(|&k| id(&units[k])).collect();
    let roman = is_roman_list(&ids);
    let value = |s: &str| {
        if roman {
            roman_value(s)
        } else {
            letter_value(s)
        }
    };
    let show = |v: u32| {
        if roman {
            format!("({})", to_roman(v))
        } else {
            letter(v)
        }
    };
    let mut out = Vec::new();
    let first = ids.first().and_then(|s| value(s));
    let mut prev = first_expected(doc, parent, roman, first);
    for (&k, &sub) in kids.iter().zip(&ids) {
        let Some(v) = value(sub) else { continue };
        if v != prev.0 + 1 {
            let message = match prev.1 {
                Some(before) => format!(
                    "subparagraph ({sub}) follows {before}; expected {}",
                    show(prev.0 + 1)
                ),
                None => format!("subparagraphs start at ({sub}); expected {}", show(1)),
            };
            out.push(doc.finding(Rule::Numbering, k, marker_range(doc, k), message));
        }
        prev = (v, Some(format!("({sub})")));
    }
    out
}

/// Where a list of subparagraphs starts: at 0, or, for letters nested
/// under a lettered subparagraph that do not start at (a) (the parser nests
/// `(d)` under `(b)` when `(c)` is missing), after that letter.
fn first_expected(
    doc: &Document,
    parent: usize,
    roman: bool,
    first: Option<u32>,
) -> (u32, Option<String>) {
    let unit = &doc.units()[parent];
    let parent_id = id(unit);
    let lettered_parent = unit.kind == UnitKind::Subparagraph
        && !is_roman_list(&[parent_id])
        && letter_value(parent_id).is_some();
    if lettered_parent && !roman && first != Some(1) {
        let value = letter_value(parent_id).unwrap_or(0);
        (value, Some(format!("({parent_id})")))
    } else {
        (0, None)
    }
}

fn id(unit: &Unit) -> &str {
    unit.number.as_deref().unwrap_or("")
}

/// A list is of roman numerals when it opens with (i), alone or followed
/// by (ii), or with a numeral that is no letter (`iv`).
fn is_roman_list(ids: &[&str]) -> bool {
    match ids {
        ["i"] | ["i", "ii", ..] => true,
        [first, ..] => letter_value(first).is_none() && roman_value(first).is_some(),
        [] => false,
    }
}

fn letter(v: u32) -> String {
    format!("({})", crate::model::marker::to_letter(v))
}

/// Footnote definitions and references.
fn footnotes(doc: &Document) -> Vec<Finding> {
    let units = doc.units();
    let defs: Vec<usize> = (0..units.len())
        .filter(|&i| units[i].kind == UnitKind::Footnote)
        .collect();
    let refs = references(doc);
    let mut out = definition_order(doc, &defs);
    let defined: Vec<&str> = defs.iter().map(|&d| id(&units[d])).collect();
    for (unit, range, fid) in &refs {
        if !defined.contains(&fid.as_str()) {
            let message = format!("footnote reference [^{fid}] has no definition");
            out.push(doc.finding(Rule::Numbering, *unit, range.clone(), message));
        }
    }
    for &d in &defs {
        let fid = id(&units[d]);
        if !refs.iter().any(|(_, _, r)| r == fid) {
            let message = format!("footnote {fid} is defined but never referred to");
            out.push(doc.finding(Rule::Numbering, d, marker_range(doc, d), message));
        }
    }
    out.extend(reference_order(doc, &refs));
    out
}

/// Every footnote reference outside footnotes: unit, range, id.
fn references(doc: &Document) -> Vec<(usize, Range<usize>, String)> {
    let mut out = Vec::new();
    for (i, unit) in doc.units().iter().enumerate() {
        if unit.kind == UnitKind::Footnote {
            continue;
        }
        let span = doc.span(i);
        for (range, fid) in footnote_refs(&doc.text[span.clone()]) {
            let range = span.start + range.start..span.start + range.end;
            out.push((i, range, fid.to_string()));
        }
    }
    out
}

fn definition_order(doc: &Document, defs: &[usize]) -> Vec<Finding> {
    let mut out = Vec::new();
    let mut prev: Option<u32> = None;
    for &d in defs {
        let Ok(n) = id(&doc.units()[d]).parse::<u32>() else {
            continue;
        };
        if let Some(p) = prev
            && n != p + 1
        {
            let message = format!("footnote {n} follows footnote {p}; expected {}", p + 1);
            out.push(doc.finding(Rule::Numbering, d, marker_range(doc, d), message));
        }
        prev = Some(n);
    }
    out
}

/// Footnotes are first referred to in their order.
fn reference_order(doc: &Document, refs: &[(usize, Range<usize>, String)]) -> Vec<Finding> {
    let mut out = Vec::new();
    let mut highest: Option<u32> = None;
    let mut seen: Vec<&str> = Vec::new();
    for (unit, range, fid) in refs {
        if seen.contains(&fid.as_str()) {
            continue;
        }
        seen.push(fid);
        let Ok(n) = fid.parse::<u32>() else { continue };
        match highest {
            Some(h) if n < h => {
                let message = format!("footnote [^{n}] is first referred to after footnote [^{h}]");
                out.push(doc.finding(Rule::Numbering, *unit, range.clone(), message));
            }
            _ => highest = Some(n),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::ParseOptions;

    fn messages(text: &str) -> Vec<String> {
        let doc = Document::parse("t", text.to_string(), &ParseOptions::default()).unwrap();
        check(&doc)
            .into_iter()
            .map(|f| format!("{}: {}", f.label, f.message))
            .collect()
    }

    #[test]
    fn consecutive_numbering_is_clean() {
        let text = "The General Assembly,\n\n1. Decides[^1]:\n\n(a) x;\n\n(b) y:\n\n(i) z;\n\n(ii) w;\n\n1 bis. Notes;\n\n1 ter. Notes;\n\n2. Requests[^2].\n\n[^1]: One.\n[^2]: Two.";
        assert!(messages(text).is_empty(), "{:?}", messages(text));
    }

    #[test]
    fn gaps_duplicates_and_latin_order() {
        let text = "The General Assembly,\n\n1. Decides;\n\n3. Requests;\n\n3. Notes;\n\n3 ter. Urges;\n\n4. Ends.";
        assert_eq!(
            messages(text),
            [
                "OP3: operative paragraph 3 follows 1; expected 2",
                "OP3#2: operative paragraph 3 is numbered like the one at line 5",
                "OP3ter: operative paragraph 3 ter follows 3; expected 3 bis or 4",
            ]
        );
    }

    #[test]
    fn subparagraph_gap() {
        let text = "The General Assembly,\n\n1. Decides:\n\n(a) x;\n\n(b) y;\n\n(d) z.";
        assert_eq!(
            messages(text),
            ["OP1(d): subparagraph (d) follows (b); expected (c)"]
        );
    }

    #[test]
    fn footnote_problems() {
        let text = "The General Assembly,\n\n1. Decides[^6] and[^5][^9].\n\n[^5]: Five.\n[^6]: Six.\n[^8]: Eight.";
        assert_eq!(
            messages(text),
            [
                "FN8: footnote 8 follows footnote 6; expected 7",
                "OP1: footnote reference [^9] has no definition",
                "FN8: footnote 8 is defined but never referred to",
                "OP1: footnote [^5] is first referred to after footnote [^6]",
            ]
        );
    }
}
