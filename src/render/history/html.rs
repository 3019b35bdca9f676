//! A history as one self-contained HTML page (inline CSS, no script): a
//! legend with a colour per round, the latest round emphasised (bold, with
//! a background); the lineage table; and the cumulative redline in which
//! every `<del>` and `<ins>` has its round's colour and a tooltip naming
//! the round.

use super::{cumulative_heading, header, lang_of, legend, note, round_name, rows};
use crate::history::History;
use crate::redline::{Entry, Op};
use crate::render::redline::html::{escape, open_unit};
use std::io::{self, Write};

/// The colours of rounds 1, 2, 3, … (cycling).
const PALETTE: [&str; 8] = [
    "#1a56db", "#b3261e", "#0b7a3e", "#a35200", "#7e22ce", "#00707a", "#b0125b", "#4b5563",
];

const STYLE: &str = r#"
body { font: 16px/1.5 "Times New Roman", Georgia, serif; max-width: 56rem; margin: 2rem auto; padding: 0 1rem; color: #202124; }
h1 { font-size: 1.4rem; margin: 0 0 .25rem; } h2 { font-size: 1.1rem; margin: 2rem 0 .5rem; font-family: system-ui, sans-serif; }
.legend { list-style: none; padding: 0; font: .9rem system-ui, sans-serif; }
.legend li { margin: .2rem 0; } .swatch { display: inline-block; width: .9rem; height: .9rem; border-radius: 2px; vertical-align: middle; margin-right: .4rem; }
.legend .latest { font-weight: bold; }
table.lineage { border-collapse: collapse; font: .85rem system-ui, sans-serif; }
table.lineage th, table.lineage td { border-bottom: 1px solid #e0e0e0; padding: .15rem .6rem; text-align: left; white-space: nowrap; }
table.lineage tr.deleted td { color: #5f6368; font-style: italic; }
.unit { margin: 0 0 1rem; padding-left: .5rem; border-left: 3px solid transparent; }
.unit.changed { border-left-color: #fbbc04; }
.num { font-weight: bold; }
.note { color: #5f6368; font: .8rem system-ui, sans-serif; }
p { margin: .2rem 0; }
del { text-decoration: line-through; } ins { text-decoration: underline; }
.sym { white-space: nowrap; }
del.latest, ins.latest { font-weight: bold; background: #fff4c2; }
@media print { body { margin: 0; max-width: none; } .unit { break-inside: avoid; } }
"#;

fn colour(round: usize) -> &'static str {
    PALETTE[(round.max(1) - 1) % PALETTE.len()]
}

/// Writes a history as one HTML page.
pub fn render(history: &History, out: &mut dyn Write) -> io::Result<()> {
    let names: Vec<String> = history.versions.iter().map(|v| escape(&v.name)).collect();
    let lang = lang_of(history);
    let words = &lang.reader().history;
    let colon = super::colon(lang);
    writeln!(out, "<!DOCTYPE html>\n<html lang=\"{}\">", lang.code())?;
    writeln!(out, "<head><meta charset=\"utf-8\">")?;
    writeln!(
        out,
        "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">"
    )?;
    writeln!(
        out,
        "<title>{}{colon} {}</title>",
        words.title,
        names.join(" → ")
    )?;
    writeln!(out, "<style>{STYLE}{}</style></head>", round_rules(history))?;
    writeln!(out, "<body>\n<header><h1>{}</h1>", words.title)?;
    legend_list(history, out)?;
    writeln!(out, "</header>\n<main>\n<h2>{}</h2>", words.lineage)?;
    table(history, out)?;
    let (first, last) = (
        names.first().cloned().unwrap_or_default(),
        names.last().cloned().unwrap_or_default(),
    );
    // The names are escaped already.
    writeln!(
        out,
        "<h2>{}</h2>",
        cumulative_heading(history, &first, &last)
    )?;
    let mut html = String::new();
    for e in &history.cumulative.entries {
        unit(history, e, &mut html);
    }
    out.write_all(html.as_bytes())?;
    writeln!(out, "</main>\n</body>\n</html>")
}

fn round_rules(history: &History) -> String {
    history
        .rounds
        .iter()
        .map(|r| {
            format!(
                ".r{0} {{ color: {1}; }} .swatch.r{0} {{ background: {1}; }}\n",
                r.round,
                colour(r.round)
            )
        })
        .collect()
}

fn legend_list(history: &History, out: &mut dyn Write) -> io::Result<()> {
    writeln!(out, "<ul class=\"legend\">")?;
    for (r, line) in history.rounds.iter().zip(super::legend(history)) {
        let latest = if r.round == history.last_round() {
            " latest"
        } else {
            ""
        };
        writeln!(
            out,
            "<li class=\"r{0}{latest}\"><span class=\"swatch r{0}\"></span>{1}</li>",
            r.round,
            escape(&line)
        )?;
    }
    writeln!(out, "</ul>")
}

fn table(history: &History, out: &mut dyn Write) -> io::Result<()> {
    writeln!(out, "<table class=\"lineage\"><thead><tr>")?;
    for h in header(history) {
        write!(out, "<th>{}</th>", escape(&h))?;
    }
    writeln!(out, "</tr></thead><tbody>")?;
    for row in rows(history) {
        let class = if row.deleted {
            " class=\"deleted\""
        } else {
            ""
        };
        write!(out, "<tr{class}><td>{}</td>", escape(&row.unit))?;
        for l in &row.labels {
            write!(out, "<td>{}</td>", escape(l))?;
        }
        writeln!(out, "<td>{}</td></tr>", escape(&row.change))?;
    }
    writeln!(out, "</tbody></table>")
}

fn unit(history: &History, e: &Entry, html: &mut String) {
    let entry = e;
    open_unit(entry, html);
    if let Some(n) = note(e, lang_of(history)) {
        let class = e.round.map_or(String::new(), |r| format!(" r{r}"));
        html.push_str(&format!(
            "<span class=\"note{class}\">({})</span> ",
            escape(&n)
        ));
    }
    if entry.op != Op::MovedAway {
        body(history, e, html);
    }
    html.push_str("</p></div>\n");
}

/// The text of a unit of the cumulative redline, drawn as a redline of
/// two versions is ([`crate::render::redline::html::body`]), each change with its
/// round's colour and a tooltip naming the round.
fn body(history: &History, e: &Entry, html: &mut String) {
    let lang = lang_of(history);
    let legend = legend(history);
    let mark = |r: usize| {
        let latest = if r == history.last_round() {
            " latest"
        } else {
            ""
        };
        let title = legend
            .get(r.wrapping_sub(1))
            .cloned()
            .unwrap_or_else(|| round_name(r, lang));
        (format!("r{r}{latest}"), title)
    };
    crate::render::redline::html::body(e, lang, Some(&mark), html);
}
