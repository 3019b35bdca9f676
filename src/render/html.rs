//! One self-contained HTML page: inline CSS, no script, no network.
//!
//! A summary comes first (counts, and the renumbering table old → new),
//! then every unit with its new number, its old number where it changed,
//! badges for inserted, deleted, moved, split and merged units, and the
//! text with `<del>` and `<ins>`. The page prints as it shows.

use super::{anchor, badges, for_reading, hug, number_struck, shown_marker};
use crate::lang::Lang;
use crate::model::UnitKind;
use crate::redline::{Entry, Op, Redline, SegmentOp};
use std::io::{self, Write};

const STYLE: &str = r#"
:root { --del: #b3261e; --ins: #0b6b2e; --muted: #5f6368; }
body { font: 16px/1.5 "Times New Roman", Georgia, serif; max-width: 50rem; margin: 2rem auto; padding: 0 1rem; color: #202124; }
h1 { font-size: 1.4rem; margin: 0 0 .25rem; }
.files { color: var(--muted); margin: 0 0 1rem; font-family: system-ui, sans-serif; font-size: .9rem; }
.summary { font-family: system-ui, sans-serif; font-size: .9rem; border: 1px solid #dadce0; border-radius: 6px; padding: .75rem 1rem; margin-bottom: 2rem; }
.summary table { border-collapse: collapse; margin: .5rem 0; }
.summary td, .summary th { padding: .1rem .75rem .1rem 0; text-align: left; }
.unit { margin: 0 0 1rem; padding-left: .5rem; border-left: 3px solid transparent; }
.unit.changed { border-left-color: #fbbc04; }
.unit.inserted { border-left-color: var(--ins); }
.unit.deleted, .unit.moved_away { border-left-color: var(--del); }
.unit.heading p, .unit.title p, .unit.annex p { font-weight: bold; text-align: center; }
.unit.subparagraph { margin-left: 2rem; }
.unit.footnote { font-size: .85rem; }
.num { font-weight: bold; margin-right: .35rem; }
.was { color: var(--muted); font-size: .85rem; margin-right: .35rem; }
.badge { display: inline-block; font: .7rem/1.4 system-ui, sans-serif; text-transform: uppercase; letter-spacing: .03em; border-radius: 3px; padding: 0 .35rem; margin-right: .3rem; background: #e8eaed; color: #3c4043; vertical-align: middle; }
.badge.inserted { background: #e6f4ea; color: var(--ins); }
.badge.deleted, .badge.moved_away { background: #fce8e6; color: var(--del); }
.badge.moved, .badge.split, .badge.merged { background: #e8f0fe; color: #174ea6; }
p { margin: .2rem 0; }
sup.fn a { color: inherit; text-decoration: none; }
del { color: var(--del); text-decoration: line-through; }
ins { color: var(--ins); text-decoration: underline; }
del + ins, ins + del { margin-left: .2em; }
.unit.deleted p { color: var(--del); text-decoration: line-through; }
.unit.inserted p { color: var(--ins); text-decoration: underline; }
@media print { body { margin: 0; max-width: none; } .summary { break-inside: avoid; } .unit { break-inside: avoid; } }
"#;

/// Writes the redline as one HTML page.
pub fn render(redline: &Redline, out: &mut dyn Write) -> io::Result<()> {
    let title = format!("Redline: {} → {}", redline.old.name, redline.new.name);
    writeln!(out, "<!DOCTYPE html>")?;
    writeln!(out, "<html lang=\"{}\">", redline.new.lang)?;
    writeln!(out, "<head><meta charset=\"utf-8\">")?;
    writeln!(
        out,
        "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">"
    )?;
    writeln!(out, "<title>{}</title>", escape(&title))?;
    writeln!(out, "<style>{STYLE}</style></head>")?;
    writeln!(out, "<body>")?;
    writeln!(out, "<header><h1>Redline</h1>")?;
    writeln!(
        out,
        "<p class=\"files\"><span class=\"old-name\">{}</span> → <span class=\"new-name\">{}</span></p>",
        escape(&redline.old.name),
        escape(&redline.new.name)
    )?;
    summary(redline, out)?;
    writeln!(out, "</header>\n<main>")?;
    let mut html = String::with_capacity(redline.entries.len() * 400);
    for entry in for_reading(redline) {
        unit(&entry, redline.new.lang, &mut html);
    }
    out.write_all(html.as_bytes())?;
    writeln!(out, "</main>\n</body>\n</html>")
}

fn summary(redline: &Redline, out: &mut dyn Write) -> io::Result<()> {
    let s = redline.summary();
    writeln!(out, "<section class=\"summary\"><table class=\"counts\">")?;
    for (what, n) in s.counts() {
        let class = what.replace(' ', "-");
        writeln!(
            out,
            "<tr class=\"{class}\"><th>{what}</th><td>{n}</td></tr>"
        )?;
    }
    writeln!(out, "</table>")?;
    if !s.renumbering.is_empty() {
        writeln!(
            out,
            "<details class=\"renumbering\"><summary>Renumbering ({})</summary><table><tr><th>Old</th><th>New</th></tr>",
            s.renumbering.len()
        )?;
        for (old, new) in &s.renumbering {
            writeln!(
                out,
                "<tr><td>{}</td><td>{}</td></tr>",
                escape(old),
                escape(new)
            )?;
        }
        writeln!(out, "</table></details>")?;
    }
    writeln!(out, "</section>")
}

fn unit(entry: &Entry, lang: Lang, html: &mut String) {
    open_unit(entry, html);
    if entry.renumbered()
        && let Some(n) = entry.old.first().and_then(|o| o.number.as_deref())
    {
        html.push_str(&format!(
            "<span class=\"was\">(formerly {})</span>",
            escape(n)
        ));
    }
    for badge in badges(entry) {
        let class = badge.split_whitespace().next().unwrap_or("");
        html.push_str(&format!(
            "<span class=\"badge {class}\">{}</span>",
            escape(&badge)
        ));
    }
    if entry.op != Op::MovedAway {
        html.push_str("<p>");
        body(entry, lang, html);
        html.push_str("</p>");
    }
    html.push_str("</div>\n");
}

/// The text of an entry; a preambular paragraph's opening words in
/// italics, as published resolutions set them.
fn body(entry: &Entry, lang: Lang, html: &mut String) {
    let opening = match (entry.kind, entry.segments.first()) {
        (UnitKind::Preambular, Some(first)) => lang.table().preambular_opening(&first.text),
        _ => 0,
    };
    for (k, s) in entry.segments.iter().enumerate() {
        if k == 0 && opening > 0 && s.text.is_char_boundary(opening) {
            segment(s.op, &s.text[..opening], true, html);
            segment(s.op, &s.text[opening..], false, html);
        } else {
            segment(s.op, &s.text, false, html);
        }
    }
}

fn segment(op: SegmentOp, text: &str, italic: bool, html: &mut String) {
    let (lead, core, trail) = hug(text);
    html.push_str(&escape(lead));
    let mut core = footnote_refs(&escape(core).replace('\n', " ¶ "));
    if italic && !core.is_empty() {
        core = format!("<em>{core}</em>");
    }
    match op {
        SegmentOp::Equal => html.push_str(&core),
        _ if core.is_empty() => {}
        SegmentOp::Delete => html.push_str(&format!("<del>{core}</del>")),
        SegmentOp::Insert => html.push_str(&format!("<ins>{core}</ins>")),
    }
    html.push_str(&escape(trail));
}

/// Footnote references `[^7]` as superscript links to the footnote.
pub fn footnote_refs(html: &str) -> String {
    crate::model::marker::FOOTNOTE_REF
        .replace_all(html, "<sup class=\"fn\"><a href=\"#FN$1\">$1</a></sup>")
        .into_owned()
}

/// Opens a unit's `<div>` (classes for its kind and change, its
/// [`anchor`] as id, its label) and writes its number.
pub fn open_unit(entry: &Entry, html: &mut String) {
    let changed = if entry.is_change() { " changed" } else { "" };
    html.push_str(&format!(
        "<div class=\"unit {} {}{changed}\" id=\"{}\" data-label=\"{}\">",
        entry.kind.name(),
        entry.op.name(),
        escape(&anchor(entry)),
        escape(entry.label())
    ));
    if let Some(m) = shown_marker(entry) {
        html.push_str(&marker(m, number_struck(entry)));
    }
}

/// A unit's number as shown: `<span class="num">12.</span>`, struck
/// through when the unit is no longer there; a footnote's `[^3]:` is shown
/// as a superscript 3, as it is printed.
///
/// ```
/// use redraft::render::html::marker;
/// assert_eq!(marker("[^3]:", false), r#"<span class="num"><sup>3</sup></span>"#);
/// assert_eq!(marker("9 bis.", true), r#"<span class="num"><del>9 bis.</del></span>"#);
/// ```
pub fn marker(m: &str, struck: bool) -> String {
    let shown = match m.strip_prefix("[^").and_then(|n| n.strip_suffix("]:")) {
        Some(n) => format!("<sup>{}</sup>", escape(n)),
        None => escape(m),
    };
    if struck {
        format!("<span class=\"num\"><del>{shown}</del></span>")
    } else {
        format!("<span class=\"num\">{shown}</span>")
    }
}

/// Escapes text for HTML.
pub fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len() + 16);
    let mut rest = text;
    while let Some(pos) = rest.find(['&', '<', '>', '"']) {
        out.push_str(&rest[..pos]);
        out.push_str(match rest.as_bytes()[pos] {
            b'&' => "&amp;",
            b'<' => "&lt;",
            b'>' => "&gt;",
            _ => "&quot;",
        });
        rest = &rest[pos + 1..];
    }
    out.push_str(rest);
    out
}
