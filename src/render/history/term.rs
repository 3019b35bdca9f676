//! A history for the terminal: the rounds, the lineage table, then the
//! cumulative redline of the changed units, unchanged ones folded unless
//! `full`. With colour, each round has its own (deletions struck through,
//! insertions underlined, the latest round in bold); without, changes read
//! `[round 1-deleted-]` and `{round 2+inserted+}` (`{version 2+…+}` in
//! French). Everything is in the draft's language and numbering.

use super::{cumulative_heading, fold_line, header, lang_of, legend, note, round_name, rows};
use crate::history::History;
use crate::lang::Lang;
use crate::redline::{Entry, Op, SegmentOp};
use crate::render::{number_struck, shown_marker};
use console::Style;
use std::io::{self, Write};

struct Paint {
    color: bool,
    lang: Lang,
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
        let tag = round_name(r, self.lang);
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
        lang: lang_of(history),
        last: history.last_round(),
        note: Style::new().dim().force_styling(color),
    };
    let names: Vec<&str> = history.versions.iter().map(|v| v.name.as_str()).collect();
    let words = &paint.lang.reader().history;
    let colon = super::colon(paint.lang);
    writeln!(out, "{}{colon} {}", words.title, names.join(" → "))?;
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
            .apply_to(cumulative_heading(history, first, last))
    )?;
    let mut folded: Vec<&Entry> = Vec::new();
    for e in &history.cumulative.entries {
        if !full && !e.is_change() {
            folded.push(e);
            continue;
        }
        fold(&paint, &mut folded, out)?;
        writeln!(out)?;
        writeln!(out, "{}", block(&paint, e))?;
    }
    fold(&paint, &mut folded, out)
}

fn fold(paint: &Paint, folded: &mut Vec<&Entry>, out: &mut dyn Write) -> io::Result<()> {
    if let Some(line) = fold_line(folded, paint.lang) {
        writeln!(out)?;
        writeln!(out, "{}", paint.note.apply_to(format!("⋯ {line} ⋯")))?;
    }
    folded.clear();
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

fn block(paint: &Paint, e: &Entry) -> String {
    let entry = e;
    let mut parts: Vec<String> = Vec::new();
    parts.extend(shown_marker(entry).map(|m| {
        if number_struck(entry) {
            paint.change(SegmentOp::Delete, m, e.round)
        } else {
            m.to_string()
        }
    }));
    if let Some(n) = note(e, paint.lang) {
        parts.push(paint.note.apply_to(format!("[{n}]")).to_string());
    }
    if entry.op != Op::MovedAway {
        let body: String = entry
            .segments
            .iter()
            .map(|s| paint.change(s.op, &s.text.replace('\n', " ¶ "), s.round))
            .collect();
        parts.push(body);
    }
    parts.retain(|p| !p.is_empty());
    parts.join(" ")
}
