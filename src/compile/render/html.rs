//! The compilation as one self-contained HTML page (inline CSS, a few
//! lines of inline script, no network), in the look of the redline page
//! ([`crate::render::redline::html`]):
//!
//! - a header naming the base and the delegations, a table of counts per
//!   delegation (edited, inserted, deleted) with a box to tick for each,
//!   and the most contested paragraphs (how many delegations, how many
//!   alternatives), linked to them;
//! - every unit with its number, its text with each change attributed
//!   (`<del>a</del><ins>an annual</ins> (EU, US)`), alternatives side by
//!   side in brackets, new paragraphs underlined with their proposers,
//!   paragraphs proposed for deletion with theirs, and a badge counting
//!   the delegations on it;
//! - the filter: unticking a delegation hides its proposals (its
//!   insertions, alternatives, new paragraphs and deletion notes; the base
//!   words it would change read plain again). Every element that belongs
//!   to delegations carries `data-d="0 2"` (their indices); an element is
//!   hidden when none of them is ticked. Without script, or printed,
//!   everything shows; the boxes do not print.

use super::super::{Alternative, Compilation, Item, Part};
use super::{names, shown_number};
use crate::lang::compile::CompileWords;
use std::io::{self, Write};

const STYLE: &str = r#"
:root { --del: #b3261e; --ins: #0b6b2e; --muted: #5f6368; --edit: #f9ab00; }
body { font: 16px/1.5 "Times New Roman", Georgia, serif; max-width: 50rem; margin: 2rem auto; padding: 0 1rem; color: #202124; }
h1 { font-size: 1.4rem; margin: 0 0 .25rem; }
h2 { font: bold .85rem system-ui, sans-serif; margin: .5rem 0 .25rem; }
.files { color: var(--muted); margin: 0 0 1rem; font-family: system-ui, sans-serif; font-size: .9rem; }
.summary { font-family: system-ui, sans-serif; font-size: .85rem; border: 1px solid #dadce0; border-radius: 6px; padding: .5rem 1rem; margin-bottom: 1.5rem; }
.summary table { border-collapse: collapse; }
.summary td, .summary th { padding: 0 .75rem 0 0; text-align: left; }
.summary td.n { text-align: right; }
.hot { columns: 2; margin: 0; padding-left: 1.2rem; }
.unit { margin: 0 0 .8rem; padding-left: .6rem; border-left: 3px solid transparent; }
.unit.touched { border-left-color: var(--edit); }
.unit.new { border-left-color: var(--ins); }
.unit.heading p, .unit.title p, .unit.annex p { font-weight: bold; text-align: center; break-after: avoid; }
.unit.subparagraph { margin-left: 2rem; }
.unit.footnote { font-size: .85rem; }
p { margin: 0; orphans: 2; widows: 2; }
.num { font-weight: bold; }
.by { font: .75rem system-ui, sans-serif; color: #174ea6; white-space: nowrap; }
.badge { font: .7rem/1.4 system-ui, sans-serif; border-radius: 3px; padding: 0 .35rem; background: #e8eaed; color: #3c4043; white-space: nowrap; }
.alts { background: #fef7e0; }
del { color: var(--del); text-decoration: line-through; }
ins { color: var(--ins); text-decoration: underline; }
.unit.new .text { color: var(--ins); text-decoration: underline; }
.off { display: none; }
.plain del { color: inherit; text-decoration: none; }
@media print {
  body { margin: 0; max-width: none; padding: 0; font-size: 11pt; }
  .filter { display: none; }
  .off { display: inline; }
  div.off { display: block; }
}
"#;

const SCRIPT: &str = r#"
function filter() {
  const on = new Set([...document.querySelectorAll('input[data-i]')].filter(b => b.checked).map(b => b.dataset.i));
  for (const e of document.querySelectorAll('[data-d]')) {
    const shown = e.dataset.d.split(' ').some(i => on.has(i));
    e.classList.toggle(e.classList.contains('change') ? 'plain' : 'off', !shown);
  }
}
document.addEventListener('change', filter);
"#;

/// Writes the compilation as one HTML page.
pub fn render(c: &Compilation, out: &mut dyn Write) -> io::Result<()> {
    let w = CompileWords::of(c.lang);
    let title = format!("{} {}", w.title, c.base);
    writeln!(out, "<!DOCTYPE html>\n<html lang=\"{}\">", c.lang)?;
    writeln!(out, "<head><meta charset=\"utf-8\">")?;
    writeln!(
        out,
        "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">"
    )?;
    writeln!(
        out,
        "<title>{}</title>\n<style>{STYLE}</style>\n<script>{SCRIPT}</script></head>",
        escape(&title)
    )?;
    writeln!(out, "<body>\n<header><h1>{}</h1>", escape(&title))?;
    writeln!(
        out,
        "<p class=\"files\">{} {}</p>",
        w.colon(w.delegations),
        escape(&c.delegations.join(", "))
    )?;
    summary(c, w, out)?;
    writeln!(out, "</header>\n<main>")?;
    let mut html = String::new();
    for item in &c.items {
        unit(c, item, w, &mut html);
    }
    out.write_all(html.as_bytes())?;
    writeln!(out, "</main>\n</body>\n</html>")
}

/// Counts per delegation with the filter's boxes, and the hot paragraphs.
fn summary(c: &Compilation, w: &CompileWords, out: &mut dyn Write) -> io::Result<()> {
    let s = c.summary();
    writeln!(
        out,
        "<section class=\"summary\"><h2>{}</h2>",
        w.by_delegation
    )?;
    let [edited, inserted, deleted] = w.counts;
    let show = w.show;
    writeln!(
        out,
        "<table><thead><tr><th class=\"filter\">{show}</th><th></th><th>{edited}</th><th>{inserted}</th><th>{deleted}</th></tr></thead><tbody>"
    )?;
    for (i, d) in s.delegations.iter().enumerate() {
        let name = escape(&d.name);
        let (e, n, x) = (d.edited, d.inserted, d.deleted);
        writeln!(
            out,
            "<tr><td class=\"filter\"><input type=\"checkbox\" checked data-i=\"{i}\" aria-label=\"{name}\"></td><td>{name}</td><td class=\"n\">{e}</td><td class=\"n\">{n}</td><td class=\"n\">{x}</td></tr>"
        )?;
    }
    writeln!(out, "</tbody></table>\n<h2>{}</h2>", w.contested)?;
    if s.hot.is_empty() {
        return writeln!(out, "<p>{}</p>\n</section>", w.none);
    }
    writeln!(out, "<ol class=\"hot\">")?;
    for u in &s.hot {
        let alts = match u.alternatives {
            0 => String::new(),
            n => format!(", {n} {}", w.alternatives),
        };
        let id = escape(&u.label);
        writeln!(
            out,
            "<li><a href=\"#{id}\">{id}</a>{}: {}{alts}</li>",
            w.before_colon,
            w.delegations_count(u.delegations)
        )?;
    }
    writeln!(out, "</ol>\n</section>")
}

/// One unit.
fn unit(c: &Compilation, item: &Item, w: &CompileWords, html: &mut String) {
    let mut class = format!("unit {}", item.kind.name());
    if !item.in_base {
        class.push_str(" new");
    } else if item.is_touched() {
        class.push_str(" touched");
    }
    let data = if item.in_base {
        String::new()
    } else {
        format!(" data-d=\"{}\"", indices(c, &item.proposed_by))
    };
    html.push_str(&format!(
        "<div class=\"{class}\" id=\"{}\"{data}><p>",
        escape(&item.label)
    ));
    match &item.marker {
        Some(m) => html.push_str(&format!("<span class=\"num\">{}</span> ", escape(m))),
        None if !item.in_base => html.push_str(&format!(
            "<span class=\"num\">[{}]</span> ",
            escape(&shown_number(item))
        )),
        None => {}
    }
    html.push_str("<span class=\"text\">");
    for part in &item.parts {
        part_html(c, part, w, html);
    }
    html.push_str("</span>");
    attribution(c, item, w, html);
    let n = item.delegations().len();
    if n > 0 {
        html.push_str(&format!(
            " <span class=\"badge\">{}</span>",
            w.delegations_count(n)
        ));
    }
    html.push_str("</p></div>\n");
}

/// Who proposes a new unit, who deletes a base one.
fn attribution(c: &Compilation, item: &Item, w: &CompileWords, html: &mut String) {
    if !item.in_base {
        let from = match item.from.as_slice() {
            [] => String::new(),
            labels => format!("; {} {}", w.from, labels.join(", ")),
        };
        let by = escape(&names(&item.proposed_by));
        html.push_str(&format!(
            " <span class=\"by\">({by}{})</span>",
            escape(&from)
        ));
    } else if !item.deleted_by.is_empty() {
        let d = indices(c, &item.deleted_by);
        let by = escape(&names(&item.deleted_by));
        html.push_str(&format!(
            " <span class=\"by\" data-d=\"{d}\">({by}{}: {})</span>",
            w.before_colon, w.delete
        ));
    }
}

/// One part of a unit's text.
fn part_html(c: &Compilation, part: &Part, w: &CompileWords, html: &mut String) {
    match part {
        Part::Text { text } => html.push_str(&escape(text)),
        Part::Change { base, alternatives } if alternatives.len() == 1 => {
            let a = &alternatives[0];
            html.push_str(&format!(
                "<span class=\"change\" data-d=\"{}\">",
                indices(c, &a.by)
            ));
            if !base.is_empty() {
                html.push_str(&format!("<del>{}</del>", escape(base)));
                // A real space sets the words apart (CSS cannot tell
                // whether text stands between them).
                if !a.text.is_empty() {
                    html.push(' ');
                }
            }
            insertion(a, w, html);
            html.push_str("</span>");
        }
        Part::Change { base, alternatives } => {
            html.push_str(&format!(
                "<span class=\"alts\">[<span class=\"base\">{}</span>",
                escape(base)
            ));
            for (k, a) in alternatives.iter().enumerate() {
                html.push_str(&format!(
                    "<span class=\"alt\" data-d=\"{}\"> / {} {}{}: ",
                    indices(c, &a.by),
                    w.alt,
                    k + 1,
                    w.before_colon
                ));
                insertion(a, w, html);
                html.push_str("</span>");
            }
            html.push_str("]</span>");
        }
    }
}

/// An alternative's words (or "delete") and its proposers.
fn insertion(a: &Alternative, w: &CompileWords, html: &mut String) {
    if a.text.is_empty() {
        html.push_str(&format!("<i>{}</i>", w.delete));
    } else {
        html.push_str(&format!("<ins>{}</ins>", escape(&a.text)));
    }
    html.push_str(&format!(
        " <span class=\"by\">({})</span>",
        escape(&names(&a.by))
    ));
}

/// The delegations' indices, for the filter.
fn indices(c: &Compilation, by: &[String]) -> String {
    let found: Vec<String> = by
        .iter()
        .filter_map(|n| c.delegations.iter().position(|d| d == n))
        .map(|i| i.to_string())
        .collect();
    found.join(" ")
}

/// Text for HTML content and attributes.
fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for ch in text.chars() {
        match ch {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            ch => out.push(ch),
        }
    }
    out
}
