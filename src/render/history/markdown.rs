//! A history in Markdown: the rounds, the lineage table, the units deleted
//! along the way, and the cumulative redline with `~~deleted~~<sub>R2</sub>`
//! and `**inserted**<sub>R1</sub>` (the latest round in bold italics).

use super::{header, legend, round_tag, rows};
use crate::history::{CumulativeEntry, History};
use crate::redline::{Op, SegmentOp};
use crate::render::markdown::{escape, escape_marker};
use crate::render::{annotation, hug, number_struck, shown_marker};
use std::io::{self, Write};

/// Writes a history as Markdown.
pub fn render(history: &History, out: &mut dyn Write) -> io::Result<()> {
    let names: Vec<String> = history.versions.iter().map(|v| escape(&v.name)).collect();
    writeln!(out, "# History: {}\n", names.join(" → "))?;
    for line in legend(history) {
        writeln!(out, "- {}", escape(&line))?;
    }
    writeln!(out, "\n## Lineage\n")?;
    table(history, out)?;
    let first = names.first().cloned().unwrap_or_default();
    let last = names.last().cloned().unwrap_or_default();
    writeln!(out, "\n## Cumulative redline: {first} → {last}\n")?;
    for e in history.cumulative.iter().filter(|e| e.entry.is_change()) {
        writeln!(out, "{}\n", block(e, history.last_round()))?;
    }
    Ok(())
}

fn table(history: &History, out: &mut dyn Write) -> io::Result<()> {
    let head = header(history);
    writeln!(
        out,
        "| {} |",
        head.iter()
            .map(|h| escape(h))
            .collect::<Vec<_>>()
            .join(" | ")
    )?;
    writeln!(out, "|{}", "---|".repeat(head.len()))?;
    for row in rows(history) {
        let mut cells = vec![escape(&row.unit)];
        cells.extend(row.labels.iter().map(|l| escape(l)));
        cells.push(escape(&row.change));
        writeln!(out, "| {} |", cells.join(" | "))?;
    }
    Ok(())
}

fn block(e: &CumulativeEntry, last: usize) -> String {
    let entry = &e.entry;
    let mut parts: Vec<String> = Vec::new();
    if let Some(m) = shown_marker(entry) {
        let m = escape_marker(m);
        parts.push(if number_struck(entry) {
            format!("~~{m}~~")
        } else {
            m
        });
    }
    let mut notes: Vec<String> = annotation(entry).into_iter().collect();
    if let Some(r) = e.round {
        notes.push(round_tag(r));
    }
    if !notes.is_empty() {
        parts.push(format!("_({})_", escape(&notes.join("; "))));
    }
    if entry.op != Op::MovedAway {
        parts.push(body(e, last));
    }
    parts.retain(|p| !p.is_empty());
    parts.join(" ")
}

fn body(e: &CumulativeEntry, last: usize) -> String {
    let mut out = String::new();
    for (s, round) in e.entry.segments.iter().zip(&e.rounds) {
        let (lead, core, trail) = hug(&s.text);
        let core = escape(&core.replace('\n', " ¶ "));
        out.push_str(lead);
        let tag = round.map_or(String::new(), |r| format!("<sub>{}</sub>", round_tag(r)));
        let strong = if *round == Some(last) { "***" } else { "**" };
        match s.op {
            SegmentOp::Equal => out.push_str(&core),
            _ if core.is_empty() => {}
            SegmentOp::Delete => out.push_str(&format!("~~{core}~~{tag}")),
            SegmentOp::Insert => out.push_str(&format!("{strong}{core}{strong}{tag}")),
        }
        out.push_str(trail);
    }
    out
}
