//! A history in Markdown: the rounds, the lineage table, the units deleted
//! along the way, and the cumulative redline with `~~deleted~~<sub>round
//! 2</sub>` and `**inserted**<sub>round 1</sub>` (the latest round in bold
//! italics), all in the draft's language and numbering (`<sub>version
//! 2</sub>`, `_(déplacé ; désormais paragraphe 14 ; version 2)_`).

use super::{cumulative_heading, header, lang_of, legend, note, rows};
use crate::history::History;
use crate::lang::Lang;
use crate::redline::{Entry, Op};
use crate::render::redline::markdown::{self, escape, escape_marker};
use crate::render::{number_struck, shown_marker};
use std::io::{self, Write};

/// Writes a history as Markdown.
pub fn render(history: &History, out: &mut dyn Write) -> io::Result<()> {
    let names: Vec<String> = history.versions.iter().map(|v| escape(&v.name)).collect();
    let lang = lang_of(history);
    let words = &lang.reader().history;
    let colon = super::colon(lang);
    writeln!(out, "# {}{colon} {}\n", words.title, names.join(" → "))?;
    for line in legend(history) {
        writeln!(out, "- {}", escape(&line))?;
    }
    writeln!(out, "\n## {}\n", words.lineage)?;
    table(history, out)?;
    let first = names.first().cloned().unwrap_or_default();
    let last = names.last().cloned().unwrap_or_default();
    let heading = cumulative_heading(history, &first, &last);
    writeln!(out, "\n## {heading}\n")?;
    for e in history.cumulative.entries.iter().filter(|e| e.is_change()) {
        writeln!(out, "{}\n", block(e, history.last_round(), lang))?;
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

fn block(e: &Entry, last: usize, lang: Lang) -> String {
    let entry = e;
    let mut parts: Vec<String> = Vec::new();
    if let Some(m) = shown_marker(entry) {
        let m = escape_marker(m);
        parts.push(if number_struck(entry) {
            format!("~~{m}~~")
        } else {
            m
        });
    }
    if let Some(n) = note(e, lang) {
        parts.push(format!("_({})_", escape(&n)));
    }
    if entry.op != Op::MovedAway {
        parts.push(markdown::body(e, Some(markdown::Rounds { last, lang })));
    }
    parts.retain(|p| !p.is_empty());
    parts.join(" ")
}
