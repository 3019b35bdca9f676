//! The `parallel` rule (`--parallel OTHER`): two language versions of one
//! draft must have the same structure and the same language-independent
//! content.
//!
//! Units are paired without reading their words: operative paragraphs,
//! annexes and footnotes by label; subparagraphs by their paragraph's pair
//! and their letter; preambular paragraphs, headings and unnumbered
//! paragraphs in order, or, when one version has more of them, by the best
//! in-order pairing of their figures, symbols and lengths. A unit without a
//! counterpart is reported once. Each pair must then have the same
//! cross-reference targets, document symbols, footnote references and
//! figures (numbers, years, dates; `1,000`, `1 000` and `1.000` are one
//! figure, `2.5` and `2,5` another).

mod pairing;

use super::{Document, Finding, Rule};
use crate::model::marker::footnote_refs;
use crate::model::{Unit, UnitKind};
use crate::xref;
use crate::xref::tokens::{self, Kind, Token};
use pairing::pair;
use std::collections::{BTreeMap, HashMap, HashSet};
use std::ops::Range;

/// Every structural difference between `doc` and `other`, reported on
/// `doc`.
pub fn check(doc: &Document, other: &Document) -> Vec<Finding> {
    let pairs = pair(doc, other);
    let sides = Sides::new(doc, other);
    let mut out = Vec::new();
    let paired_other: HashSet<usize> = pairs.values().copied().collect();
    for (i, unit) in doc.units().iter().enumerate() {
        if unit.kind == UnitKind::Title {
            continue;
        }
        match pairs.get(&i) {
            Some(&j) => out.extend(compare(&sides, i, j)),
            None => out.push(missing_in_other(&sides, &pairs, i)),
        }
    }
    for (j, unit) in other.units().iter().enumerate() {
        if unit.kind != UnitKind::Title && !paired_other.contains(&j) {
            out.push(missing_in_doc(&sides, &pairs, j));
        }
    }
    out
}

/// The two versions and how to name them in messages.
struct Sides<'a> {
    doc: &'a Document,
    other: &'a Document,
    name: String,
    other_name: String,
    /// How many units of each kind, part and (for subparagraphs) parent
    /// each side has: counted once, for the messages.
    tallies: [Tally<'a>; 2],
}

/// Unit counts by kind, part and parent (subparagraphs only).
type Tally<'a> = HashMap<(UnitKind, Option<&'a str>, Option<usize>), usize>;

fn tallies(doc: &Document) -> Tally<'_> {
    let mut out = Tally::new();
    for u in doc.units() {
        let parent = (u.kind == UnitKind::Subparagraph)
            .then_some(u.parent)
            .flatten();
        *out.entry((u.kind, u.part.as_deref(), parent)).or_default() += 1;
    }
    out
}

impl<'a> Sides<'a> {
    fn new(doc: &'a Document, other: &'a Document) -> Self {
        let (a, b) = (doc.resolution.lang, other.resolution.lang);
        let (name, other_name) = if a == b {
            (doc.name.clone(), other.name.clone())
        } else {
            (a.code().to_string(), b.code().to_string())
        };
        Sides {
            doc,
            other,
            name,
            other_name,
            tallies: [tallies(doc), tallies(other)],
        }
    }
}

/// What two versions of a unit must share.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
struct Signature {
    targets: Vec<String>,
    symbols: Vec<String>,
    footnotes: Vec<String>,
    figures: Vec<String>,
    length: usize,
}

impl Signature {
    /// How alike two units look without reading them: shared figures,
    /// symbols and references, and lengths.
    fn likeness(&self, other: &Signature) -> f64 {
        let mine = self.items();
        let theirs = other.items();
        let shared = mine.iter().filter(|x| theirs.contains(x)).count();
        let total = mine.len().max(theirs.len());
        let content = if total == 0 {
            0.5
        } else {
            shared as f64 / total as f64
        };
        let (a, b) = (self.length.max(1) as f64, other.length.max(1) as f64);
        0.1 + content + a.min(b) / a.max(b)
    }

    fn items(&self) -> Vec<&String> {
        self.targets
            .iter()
            .chain(&self.symbols)
            .chain(&self.footnotes)
            .chain(&self.figures)
            .collect()
    }
}

fn signature(doc: &Document, unit: usize) -> Signature {
    let span = doc.span(unit);
    let atoms: Vec<Range<usize>> = doc
        .symbols_in(&span)
        .iter()
        .map(|s| s.range.clone())
        .collect();
    let internal: Vec<Range<usize>> = doc
        .references_in(unit)
        .iter()
        .filter(|r| !r.external)
        .map(|r| r.range.clone())
        .collect();
    let mut targets: Vec<String> = doc
        .references_in(unit)
        .iter()
        .filter(|r| !r.external)
        .flat_map(|r| {
            r.targets
                .iter()
                .map(|t| xref::resolve_reference(doc, r, t).0)
        })
        .collect();
    let mut symbols: Vec<String> = doc
        .symbols_in(&span)
        .iter()
        .map(|s| s.canonical.clone())
        .collect();
    let mut footnotes: Vec<String> = match doc.units()[unit].kind {
        UnitKind::Footnote => Vec::new(),
        _ => footnote_refs(&doc.text[span.clone()])
            .map(|(_, id)| id.to_string())
            .collect(),
    };
    let toks = tokens::lex(&doc.text, span.clone(), &atoms);
    let body = body_start(doc, unit, &toks);
    let mut figures = figures(&doc.text, &toks[body..], &internal);
    for list in [&mut targets, &mut symbols, &mut footnotes, &mut figures] {
        list.sort();
    }
    Signature {
        targets,
        symbols,
        footnotes,
        figures,
        length: doc.units()[unit].text.chars().count(),
    }
}

/// The first token after the unit's marker (`12.`, `(b)`).
fn body_start(doc: &Document, unit: usize, toks: &[Token<'_>]) -> usize {
    let Some(marker) = doc.units()[unit].marker.as_deref() else {
        return 0;
    };
    let Some(first) = toks.first() else {
        return 0;
    };
    let end =
        first.range.start + doc.text[first.range.start..].find(marker).unwrap_or(0) + marker.len();
    toks.iter()
        .position(|t| t.range.start >= end)
        .unwrap_or(toks.len())
}

/// The numbers of a text outside internal references, thousands and
/// decimal separators read alike: `1,000` = `1 000`, `2.5` = `2,5`.
fn figures(text: &str, toks: &[Token<'_>], internal: &[Range<usize>]) -> Vec<String> {
    let mut out: Vec<String> = Vec::new();
    let mut last_end: Option<usize> = None;
    for tok in toks.iter().filter(|t| t.kind == Kind::Number) {
        if internal.iter().any(|r| r.contains(&tok.range.start)) {
            continue;
        }
        let joined = last_end.and_then(|end| {
            let between = &text[end..tok.range.start];
            let separator = matches!(between, "," | "." | " " | "\u{a0}" | "\u{202f}");
            let thousands = separator && tok.text.len() == 3;
            let decimal = matches!(between, "," | ".") && tok.text.len() < 3;
            (thousands || decimal).then_some(decimal)
        });
        match (joined, out.last_mut()) {
            (Some(false), Some(last)) => last.push_str(tok.text),
            (Some(true), Some(last)) => {
                last.push('.');
                last.push_str(tok.text);
            }
            _ => out.push(tok.text.to_string()),
        }
        last_end = Some(tok.range.end);
    }
    out
}

/// The findings for one pair of units.
fn compare(sides: &Sides<'_>, i: usize, j: usize) -> Vec<Finding> {
    let (a, b) = (signature(sides.doc, i), signature(sides.other, j));
    let aspects: [(&str, &Vec<String>, &Vec<String>); 4] = [
        ("cross-reference targets", &a.targets, &b.targets),
        ("document symbols", &a.symbols, &b.symbols),
        ("footnote references", &a.footnotes, &b.footnotes),
        ("figures", &a.figures, &b.figures),
    ];
    aspects
        .into_iter()
        .filter(|(_, x, y)| x != y)
        .map(|(what, x, y)| difference(sides, i, j, what, x, y))
        .collect()
}

fn difference(
    sides: &Sides<'_>,
    i: usize,
    j: usize,
    what: &str,
    mine: &[String],
    theirs: &[String],
) -> Finding {
    let (unit, twin) = (&sides.doc.units()[i], &sides.other.units()[j]);
    let only = |a: &[String], b: &[String]| -> Vec<String> {
        let mut rest = b.to_vec();
        a.iter()
            .filter(|x| match rest.iter().position(|y| y == *x) {
                Some(p) => {
                    rest.remove(p);
                    false
                }
                None => true,
            })
            .cloned()
            .collect()
    };
    let show = |v: Vec<String>| {
        if v.is_empty() {
            "nothing".to_string()
        } else {
            v.join(", ")
        }
    };
    let message = format!(
        "{} ({}) ↔ {} ({}, line {}): {what} differ: {} only in {}, {} only in {}",
        unit.label,
        sides.name,
        twin.label,
        sides.other_name,
        twin.line,
        show(only(mine, theirs)),
        sides.name,
        show(only(theirs, mine)),
        sides.other_name
    );
    sides
        .doc
        .finding(Rule::Parallel, i, first_line(sides.doc, i), message)
}

/// The first line of a unit's span, to quote.
fn first_line(doc: &Document, unit: usize) -> Range<usize> {
    let span = doc.span(unit);
    let text = &doc.text[span.clone()];
    let end = text.find('\n').unwrap_or(text.len());
    let cut = text[..end].char_indices().nth(60).map_or(end, |(p, _)| p);
    span.start..span.start + cut
}

/// How many units like `unit` a version has: subparagraphs of its
/// paragraph, or units of its kind in its part; as "en has 3
/// subparagraphs under OP4".
/// How many units like `unit` (its kind, its part, and for a
/// subparagraph `parent`) a side has.
fn tally(tallies: &Tally<'_>, unit: &Unit, parent: Option<usize>) -> usize {
    let parent = parent.filter(|_| unit.kind == UnitKind::Subparagraph);
    let key = (unit.kind, unit.part.as_deref(), parent);
    tallies.get(&key).copied().unwrap_or(0)
}

/// "(en has 3 subparagraphs under OP4, fr has 2)".
fn counts(
    sides: &Sides<'_>,
    unit: &Unit,
    here: Option<usize>,
    there: Option<usize>,
    mine_first: bool,
) -> String {
    let (mine, theirs) = (
        tally(&sides.tallies[0], unit, here),
        tally(&sides.tallies[1], unit, there),
    );
    let under = match (unit.kind, here.or(there)) {
        (UnitKind::Subparagraph, Some(_)) => {
            let parent = here
                .map(|p| sides.doc.units()[p].label.clone())
                .or_else(|| there.map(|p| sides.other.units()[p].label.clone()))
                .unwrap_or_default();
            format!(" under {parent}")
        }
        _ => String::new(),
    };
    let (a, b) = ((&sides.name, mine), (&sides.other_name, theirs));
    let (first, second) = if mine_first { (a, b) } else { (b, a) };
    format!(
        "{} has {} {}{under}, {} has {}",
        first.0,
        first.1,
        plural(unit.kind),
        second.0,
        second.1
    )
}

fn missing_in_other(sides: &Sides<'_>, pairs: &BTreeMap<usize, usize>, i: usize) -> Finding {
    let unit = &sides.doc.units()[i];
    let there = unit.parent.and_then(|p| pairs.get(&p).copied());
    let message = format!(
        "{} ({}) has no counterpart in {} ({})",
        unit.label,
        sides.name,
        sides.other_name,
        counts(sides, unit, unit.parent, there, true),
    );
    sides
        .doc
        .finding(Rule::Parallel, i, first_line(sides.doc, i), message)
}

/// A unit of the other version without counterpart, reported after the
/// last paired unit before it.
fn missing_in_doc(sides: &Sides<'_>, pairs: &BTreeMap<usize, usize>, j: usize) -> Finding {
    let twin = &sides.other.units()[j];
    let anchor = pairs
        .iter()
        .filter(|&(_, &o)| o < j)
        .max_by_key(|&(_, &o)| o)
        .map_or(0, |(&i, _)| i);
    let here = twin
        .parent
        .and_then(|p| pairs.iter().find(|&(_, &o)| o == p).map(|(&i, _)| i));
    let message = format!(
        "{} ({}, line {}) has no counterpart in {} ({})",
        twin.label,
        sides.other_name,
        twin.line,
        sides.name,
        counts(sides, twin, here, twin.parent, false),
    );
    let mut finding = sides.doc.finding(
        Rule::Parallel,
        anchor,
        first_line(sides.doc, anchor),
        message,
    );
    finding.label = twin.label.clone();
    finding
}

fn plural(kind: UnitKind) -> &'static str {
    match kind {
        UnitKind::Preambular => "preambular paragraphs",
        UnitKind::Operative => "operative paragraphs",
        UnitKind::Subparagraph => "subparagraphs",
        UnitKind::Footnote => "footnotes",
        UnitKind::Heading => "headings",
        UnitKind::Annex => "annexes",
        _ => "units",
    }
}
#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn figures_read_separators_alike() {
        let f = |s: &str| {
            let toks = tokens::lex(s, 0..s.len(), &[]);
            figures(s, &toks, &[])
        };
        assert_eq!(
            f("1,000 people in 2020, 2.5 million"),
            ["1000", "2020", "2.5"]
        );
        assert_eq!(
            f("1 000 personnes en 2020, 2,5 millions"),
            ["1000", "2020", "2.5"]
        );
        assert_eq!(
            f("le 8e séminaire, le 16 décembre 2020"),
            ["8", "16", "2020"]
        );
    }

    #[test]
    fn a_missing_preambular_paragraph_is_reported_once() {
        let parse = |t: &str| Document::parse("t", t.to_string(), &Default::default()).unwrap();
        let en = parse(
            "The Assembly of States Parties,\n\nRecalling its resolution of 2015,\n\nNoting the report of 2019 on the question of the rule of law,\n\nWelcoming the meeting of 2021,\n\n1. Decides to act in 2022.\n",
        );
        let fr = parse(
            "L’Assemblée des États Parties,\n\nRappelant sa résolution de 2015,\n\nSe félicitant de la réunion de 2021,\n\n1. Décide d’agir en 2022.\n",
        );
        let found: Vec<String> = check(&en, &fr).into_iter().map(|f| f.message).collect();
        assert_eq!(
            found,
            ["PP2 (en) has no counterpart in fr (en has 3 preambular paragraphs, fr has 2)"]
        );
    }
}
