//! The index page of a batch (`index.html` in the output folder): one row
//! a document, linking its redline, with its old and new files and the
//! counts of its redline (edited, inserted, deleted, moved, renumbered …);
//! a document that could not be compared shows its error instead, and the
//! files without a counterpart are listed last. Self-contained: inline
//! CSS, no script.
//!
//! ```
//! use redraft::batch::{index, Pairing};
//! let mut page = Vec::new();
//! index::write(&Pairing::default(), &[], "old", "new", &mut page).unwrap();
//! assert!(String::from_utf8(page).unwrap().contains("<h1>Redlines: old → new</h1>"));
//! ```

use super::{Outcome, Pairing, file_name};
use crate::redline::Summary;
use crate::render::redline::html::escape;
use std::io::{self, Write};
use std::path::PathBuf;

const STYLE: &str = "body { font: 15px/1.45 system-ui, sans-serif; margin: 2rem; color: #202124; }
table { border-collapse: collapse; } th, td { padding: .3rem .6rem; border-bottom: 1px solid #dadce0; text-align: left; }
td.n { text-align: right; font-variant-numeric: tabular-nums; } .error { color: #b3261e; } .muted { color: #5f6368; }";

/// The counts shown, in their columns' order.
const COLUMNS: [&str; 6] = [
    "edited",
    "inserted",
    "deleted",
    "moved",
    "renumbered",
    "unchanged",
];

/// Writes the index of a batch: `outcomes` in the pairs' order.
pub fn write(
    pairing: &Pairing,
    outcomes: &[Outcome],
    old_dir: &str,
    new_dir: &str,
    out: &mut dyn Write,
) -> io::Result<()> {
    let title = format!("Redlines: {old_dir} → {new_dir}");
    writeln!(
        out,
        "<!DOCTYPE html>\n<html lang=\"en\">\n<head><meta charset=\"utf-8\">"
    )?;
    writeln!(
        out,
        "<title>{}</title>\n<style>{STYLE}</style></head>\n<body>",
        escape(&title)
    )?;
    writeln!(out, "<h1>{}</h1>", escape(&title))?;
    let failed = outcomes.iter().filter(|o| o.result.is_err()).count();
    writeln!(
        out,
        "<p class=\"muted\">{} documents compared, {failed} failed; {} only in the old folder, {} only in the new.</p>",
        outcomes.len() - failed,
        pairing.only_old.len(),
        pairing.only_new.len()
    )?;
    write!(
        out,
        "<table>\n<thead><tr><th>document</th><th>old</th><th>new</th>"
    )?;
    for c in COLUMNS {
        write!(out, "<th>{c}</th>")?;
    }
    writeln!(out, "</tr></thead>\n<tbody>")?;
    for outcome in outcomes {
        row(outcome, out)?;
    }
    writeln!(out, "</tbody>\n</table>")?;
    alone("Only in the old folder", &pairing.only_old, out)?;
    alone("Only in the new folder", &pairing.only_new, out)?;
    writeln!(out, "</body>\n</html>")
}

/// One document's row: its link and counts, or its error.
fn row(outcome: &Outcome, out: &mut dyn Write) -> io::Result<()> {
    let pair = &outcome.pair;
    let by = pair
        .symbol
        .as_deref()
        .map(|s| {
            format!(
                " <span class=\"muted\">(paired by symbol {})</span>",
                escape(s)
            )
        })
        .unwrap_or_default();
    let files = format!(
        "<td>{}</td><td>{}</td>",
        escape(&file_name(&pair.old)),
        escape(&file_name(&pair.new))
    );
    match &outcome.result {
        Ok(written) => {
            write!(
                out,
                "<tr><td><a href=\"{}\">{}</a>{by}</td>{files}",
                escape(&link(&written.file)),
                escape(&pair.name)
            )?;
            for n in counts(&written.summary) {
                write!(out, "<td class=\"n\">{n}</td>")?;
            }
            writeln!(out, "</tr>")
        }
        Err(e) => writeln!(
            out,
            "<tr><td>{}{by}</td>{files}<td class=\"error\" colspan=\"{}\">{}</td></tr>",
            escape(&pair.name),
            COLUMNS.len(),
            escape(&e.to_string())
        ),
    }
}

/// The counts of a redline in the columns' order.
fn counts(summary: &Summary) -> [usize; 6] {
    [
        summary.edited,
        summary.inserted,
        summary.deleted,
        summary.moved,
        summary.renumbered,
        summary.unchanged,
    ]
}

/// A file name as a relative link: characters a URL reserves escaped.
fn link(file: &str) -> String {
    let mut out = String::with_capacity(file.len());
    for b in file.bytes() {
        if b.is_ascii_alphanumeric() || b"-._~".contains(&b) {
            out.push(b as char);
        } else {
            out.push_str(&format!("%{b:02X}"));
        }
    }
    out
}

/// A list of files without a counterpart, when there are any.
fn alone(heading: &str, files: &[PathBuf], out: &mut dyn Write) -> io::Result<()> {
    if files.is_empty() {
        return Ok(());
    }
    writeln!(out, "<h2>{heading}</h2>\n<ul>")?;
    for f in files {
        writeln!(out, "<li>{}</li>", escape(&file_name(f)))?;
    }
    writeln!(out, "</ul>")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn links_escape_reserved_characters() {
        assert_eq!(link("A C.3 #1.html"), "A%20C.3%20%231.html");
    }
}
