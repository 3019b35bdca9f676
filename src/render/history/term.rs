//! A history for the terminal: the rounds, the lineage table, then the
//! cumulative redline of the changed units, unchanged ones folded unless
//! `full`. The redline is drawn by the terminal redline's own loop
//! ([`crate::render::redline::term`]): with colour, each round has its own
//! (deletions struck through, insertions underlined, the latest round in
//! bold); without, changes read `[round 1-deleted-]` and
//! `{round 2+inserted+}` (`{version 2+…+}` in French), their spaces
//! outside the markers. Everything is in the draft's language and
//! numbering.

use super::{cumulative_heading, header, lang_of, legend, note, rows};
use crate::history::History;
use crate::redline::Entry;
use crate::render::escape;
use crate::render::redline::Rounds;
use crate::render::redline::term::{Styles, fold, unit};
use std::io::{self, Write};

/// Writes a history for a terminal.
pub fn render(history: &History, color: bool, full: bool, out: &mut dyn Write) -> io::Result<()> {
    let lang = lang_of(history);
    let rounds = Rounds {
        last: history.last_round(),
        lang,
    };
    let styles = Styles::with_rounds(color, rounds);
    let names: Vec<String> = history
        .versions
        .iter()
        .map(|v| escape::controls(&v.name).into_owned())
        .collect();
    let words = &lang.reader().history;
    let colon = super::colon(lang);
    writeln!(out, "{}{colon} {}", words.title, names.join(" → "))?;
    for (k, line) in legend(history).into_iter().enumerate() {
        let line = escape::controls(&line);
        writeln!(out, "  {}", styles.round(k + 1).apply_to(line))?;
    }
    writeln!(out)?;
    table(history, out)?;
    writeln!(out)?;
    let (first, last) = (
        names.first().map_or("", String::as_str),
        names.last().map_or("", String::as_str),
    );
    let heading = cumulative_heading(history, first, last);
    writeln!(out, "{}", styles.note.apply_to(heading))?;
    let cumulative = escape::redline(&history.cumulative, !color);
    let mut folded: Vec<&Entry> = Vec::new();
    for e in &cumulative.entries {
        if !full && !e.is_change() {
            folded.push(e);
            continue;
        }
        fold(&mut folded, &styles, lang, None, out)?;
        writeln!(out)?;
        writeln!(out, "{}", unit(e, note(e, lang), &styles, None))?;
    }
    fold(&mut folded, &styles, lang, None, out)
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
    let lines: Vec<Vec<String>> = lines
        .into_iter()
        .map(|l| l.iter().map(|c| escape::controls(c).into_owned()).collect())
        .collect();
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
