//! Renderers of a [`History`]: the rounds, the lineage table (one row per
//! unit of the latest version: its labels through the versions and the
//! round of its last change, then the units deleted along the way), and
//! the cumulative redline of the first version against the latest, each
//! change tagged with its round. One file per format.

pub mod html;
pub mod json;
pub mod markdown;
pub mod term;

use crate::history::{History, Lineage, Step};
use crate::redline::Op;
use std::io::{self, Write};

/// An output format of `redraft history`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
#[non_exhaustive]
pub enum HistoryFormat {
    /// The terminal (coloured or not).
    Term,
    /// One self-contained HTML page, a colour per round.
    Html,
    /// Markdown.
    Markdown,
    /// The history as JSON.
    Json,
}

/// Renders a history in a format; `color` and `full` concern the terminal.
pub fn render(
    history: &History,
    format: HistoryFormat,
    color: bool,
    full: bool,
    out: &mut dyn Write,
) -> io::Result<()> {
    match format {
        HistoryFormat::Term => term::render(history, color, full, out),
        HistoryFormat::Html => html::render(history, out),
        HistoryFormat::Markdown => markdown::render(history, out),
        HistoryFormat::Json => json::render(history, out),
    }
}

/// A round's short name: `R2`.
pub fn round_tag(round: usize) -> String {
    format!("R{round}")
}

/// One row of the lineage table.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Row {
    /// The unit's label in the latest version (`—` for deleted units).
    pub unit: String,
    /// Its label(s) in each version, `—` where it was not.
    pub labels: Vec<String>,
    /// `R2 (edited)`, `R1 (inserted)`, `deleted in R2`, or `—`.
    pub change: String,
}

/// What a round did, in words: `edited`, `inserted`, `moved`, `edited,
/// moved`.
pub fn step_words(step: &Step) -> String {
    let what = match step.op {
        Op::Inserted => Some("inserted"),
        Op::Edited => Some("edited"),
        Op::Split => Some("split"),
        Op::Merged => Some("merged"),
        _ => None,
    };
    let mut words: Vec<&str> = what.into_iter().collect();
    if step.moved {
        words.push("moved");
    }
    words.join(", ")
}

fn labels_cell(labels: &[String]) -> String {
    if labels.is_empty() {
        "—".to_string()
    } else {
        labels.join("+")
    }
}

/// The row of a unit of the latest version.
pub fn lineage_row(l: &Lineage) -> Row {
    let change = l
        .last_change
        .and_then(|r| l.steps.iter().find(|s| s.round == r))
        .map_or("—".to_string(), |s| {
            format!("{} ({})", round_tag(s.round), step_words(s))
        });
    Row {
        unit: l.label.clone(),
        labels: l.labels.iter().map(|v| labels_cell(v)).collect(),
        change,
    }
}

/// Every row: the units of the latest version, then those deleted along
/// the way.
pub fn rows(history: &History) -> Vec<Row> {
    let mut out: Vec<Row> = history.lineage.iter().map(lineage_row).collect();
    out.extend(history.deleted.iter().map(|d| Row {
        unit: "—".to_string(),
        labels: d.labels.iter().map(|v| labels_cell(v)).collect(),
        change: format!("deleted in {}", round_tag(d.round)),
    }));
    out
}

/// The heading of the lineage table: `unit`, the version names, `last
/// change`.
pub fn header(history: &History) -> Vec<String> {
    let mut h = vec!["unit".to_string()];
    h.extend(history.versions.iter().map(|v| v.name.clone()));
    h.push("last change".into());
    h
}

/// The legend of the rounds: `R1: before.txt → after.txt`.
pub fn legend(history: &History) -> Vec<String> {
    history
        .rounds
        .iter()
        .map(|r| format!("{}: {} → {}", round_tag(r.round), r.from, r.to))
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn steps_in_words() {
        let s = |op, moved| Step {
            round: 1,
            op,
            moved,
            renumbered: false,
        };
        assert_eq!(step_words(&s(Op::Edited, true)), "edited, moved");
        assert_eq!(step_words(&s(Op::Unchanged, true)), "moved");
        assert_eq!(step_words(&s(Op::Inserted, false)), "inserted");
    }
}
