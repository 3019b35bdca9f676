//! A history for the terminal: the rounds, the lineage table, then the
//! cumulative redline of the changed units, unchanged ones folded unless
//! `full`. With colour, each round has its own (deletions struck through,
//! insertions underlined, the latest round in bold); without, changes read
//! `[R1-deleted-]` and `{R2+inserted+}`.

use super::{header, legend, round_tag, rows};
use crate::history::{CumulativeEntry, History};
use crate::redline::{Op, SegmentOp};
use crate::render::{annotation, number_struck, shown_marker};
use console::Style;
use std::io::{self, Write};

struct Paint {
    color: bool,
    last: usize,
    note: Style,
}

impl Paint {
    fn round_style(&self, round: usize) -> Style {
        let base = match round % 6 {
            1 => Style::new().blue(),
            2 => Style::new().magenta(),
            3 => Style::new().cyan(),
            4 => Style::new().yellow(),
            5 => Style::new().green(),
            _ => Style::new().red(),
        };
        let base = if round == self.last {
            base.bold()
        } else {
            base
        };
        base.force_styling(self.color)
    }

    fn change(&self, op: SegmentOp, text: &str, round: Option<usize>) -> String {
        let r = round.unwrap_or(0);
        let tag = round_tag(r);
        match (op, self.color) {
            (SegmentOp::Equal, _) => text.to_string(),
            (SegmentOp::Delete, false) => format!("[{tag}-{text}-]"),
            (SegmentOp::Insert, false) => format!("{{{tag}+{text}+}}"),
            (SegmentOp::Delete, true) => self
                .round_style(r)
                .strikethrough()
                .apply_to(text)
                .to_string(),
            (SegmentOp::Insert, true) => {
                self.round_style(r).underlined().apply_to(text).to_string()
            }
        }
    }
}

/// Writes a history for a terminal.
pub fn render(history: &History, color: bool, full: bool, out: &mut dyn Write) -> io::Result<()> {
    let paint = Paint {
        color,
        last: history.last_round(),
        note: Style::new().dim().force_styling(color),
    };
    let names: Vec<&str> = history.versions.iter().map(|v| v.name.as_str()).collect();
    writeln!(out, "History: {}", names.join(" → "))?;
    for (k, line) in legend(history).into_iter().enumerate() {
        writeln!(out, "  {}", paint.round_style(k + 1).apply_to(line))?;
    }
    writeln!(out)?;
    table(history, out)?;
    writeln!(out)?;
    let (first, last) = (
        names.first().copied().unwrap_or(""),
        names.last().copied().unwrap_or(""),
    );
    writeln!(
        out,
        "{}",
        paint
            .note
            .apply_to(format!("Cumulative redline: {first} → {last}"))
    )?;
    let mut folded = 0;
    for e in &history.cumulative {
        if !full && !e.entry.is_change() {
            folded += 1;
            continue;
        }
        fold(&paint, &mut folded, out)?;
        writeln!(out)?;
        writeln!(out, "{}", block(&paint, e))?;
    }
    fold(&paint, &mut folded, out)
}

fn fold(paint: &Paint, folded: &mut usize, out: &mut dyn Write) -> io::Result<()> {
    if *folded > 0 {
        writeln!(out)?;
        let s = if *folded == 1 { "" } else { "s" };
        writeln!(
            out,
            "{}",
            paint
                .note
                .apply_to(format!("⋯ {folded} unchanged unit{s} ⋯"))
        )?;
        *folded = 0;
    }
    Ok(())
}

/// The lineage table, columns padded.
fn table(history: &History, out: &mut dyn Write) -> io::Result<()> {
    let mut lines: Vec<Vec<String>> = vec![header(history)];
    for row in rows(history) {
        let mut cells = vec![row.unit];
        cells.extend(row.labels);
        cells.push(row.change);
        lines.push(cells);
    }
    let widths: Vec<usize> = (0..lines[0].len())
        .map(|c| {
            lines
                .iter()
                .map(|l| l[c].chars().count())
                .max()
                .unwrap_or(0)
        })
        .collect();
    for line in lines {
        let cells: Vec<String> = line
            .iter()
            .zip(&widths)
            .map(|(cell, w)| format!("{cell:<w$}"))
            .collect();
        writeln!(out, "{}", cells.join("  ").trim_end())?;
    }
    Ok(())
}

fn block(paint: &Paint, e: &CumulativeEntry) -> String {
    let entry = &e.entry;
    let mut parts: Vec<String> = Vec::new();
    parts.extend(shown_marker(entry).map(|m| {
        if number_struck(entry) {
            paint.change(SegmentOp::Delete, m, e.round)
        } else {
            m.to_string()
        }
    }));
    let mut notes: Vec<String> = annotation(entry).into_iter().collect();
    if let Some(r) = e.round {
        notes.push(round_tag(r));
    }
    if !notes.is_empty() {
        parts.push(
            paint
                .note
                .apply_to(format!("[{}]", notes.join("; ")))
                .to_string(),
        );
    }
    if entry.op != Op::MovedAway {
        let body: String = entry
            .segments
            .iter()
            .zip(&e.rounds)
            .map(|(s, r)| paint.change(s.op, &s.text.replace('\n', " ¶ "), *r))
            .collect();
        parts.push(body);
    }
    parts.retain(|p| !p.is_empty());
    parts.join(" ")
}
