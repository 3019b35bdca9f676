//! The `symbol` rule: every malformed document symbol, with what it should
//! be (`ICC-ASP-18/Res.3` → "should be “ICC-ASP/18/Res.3”"). The symbols
//! and their problems are found by [`crate::xref::symbol`].

use super::{Document, Finding, Rule};

pub use crate::xref::symbol::{Problem, Symbol, find};

/// The `symbol` rule: every malformed symbol, with what it should be.
pub fn check(doc: &Document) -> Vec<Finding> {
    doc.symbols()
        .iter()
        .filter(|s| !s.problems.is_empty())
        .filter_map(|s| {
            let unit = unit_at(doc, s.range.start)?;
            let problems: Vec<&str> = s.problems.iter().map(|p| p.describe()).collect();
            let written = super::quote(&doc.text[s.range.clone()]);
            let message = format!(
                "malformed document symbol “{written}” ({}); should be “{}”",
                problems.join(", "),
                s.canonical
            );
            let mut finding = doc.finding(Rule::Symbol, unit, s.range.clone(), message);
            finding.suggestion = Some(s.canonical.clone());
            Some(finding)
        })
        .collect()
}

/// The unit whose span holds a byte offset.
pub fn unit_at(doc: &Document, offset: usize) -> Option<usize> {
    (0..doc.units().len()).find(|&i| doc.span(i).contains(&offset))
}
