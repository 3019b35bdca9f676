//! One self-contained HTML page: inline CSS, no script, no network. It
//! reads and prints like a legal redline:
//!
//! - a header naming the two versions (their document symbols when the
//!   drafts carry them, else their files) and the date, repeated at the top
//!   of every printed page;
//! - a compact summary (only the counts that are not zero) and the
//!   renumbering table in the document's own numbering (`paragraphe 16 →
//!   paragraphe 17`), on screen and on paper;
//! - every unit as a paragraph that begins with its number, then its note
//!   in the draft's language (`(ancien 16)`, `déplacé ; auparavant
//!   paragraphe 2`), then its text with `<del>` and `<ins>`. Edited units
//!   carry an amber bar; units only renumbered carry none, their old number
//!   in grey;
//! - what the words do not show, found in Word drafts
//!   ([`Redline::notes`]: formatting, pictures), listed under the unit it
//!   concerns (`paragraphe 3 : gras ajouté à « Décide »`), and headers and
//!   footers in the summary;
//! - a deletion and the insertion replacing it are set apart by a real
//!   space when they replace whole words (`<del>13</del> <ins>12</ins>`),
//!   never by CSS, which cannot tell whether text stands between them;
//! - document symbols never break at their hyphen or slash (a
//!   `<span class="sym">`, `white-space: nowrap`; the copied text is the
//!   text);
//! - paragraphs may break across pages (orphans and widows kept to two
//!   lines); headings stay with what follows.

use crate::lang::Lang;
use crate::lang::reader::ReaderWords;
use crate::model::UnitKind;
use crate::redline::{Entry, Op, Redline, SegmentOp};
use crate::render::reader::{self, lang_of};
use crate::render::redline::term::replaces_whole_words;
use crate::render::{for_reading, hug, number_struck, shown_marker};
use memchr::memmem::Finder;
use std::collections::HashMap;
use std::io::{self, Write};
use std::sync::LazyLock;

const STYLE: &str = r#"
:root { --del: #b3261e; --ins: #0b6b2e; --muted: #5f6368; --edit: #f9ab00; }
body { font: 16px/1.5 "Times New Roman", Georgia, serif; max-width: 50rem; margin: 2rem auto; padding: 0 1rem; color: #202124; }
h1 { font-size: 1.4rem; margin: 0 0 .25rem; }
.files { color: var(--muted); margin: 0 0 1rem; font-family: system-ui, sans-serif; font-size: .9rem; }
.summary { font-family: system-ui, sans-serif; font-size: .85rem; border: 1px solid #dadce0; border-radius: 6px; padding: .5rem 1rem; margin-bottom: 1.5rem; }
.counts { margin: 0; }
.counts .count + .count::before { content: " · "; color: var(--muted); }
.renumbering h2 { font-size: .85rem; margin: .5rem 0 .25rem; }
.renumbering table { display: block; }
.renumbering tbody { display: grid; grid-template-columns: repeat(auto-fill, minmax(15rem, 1fr)); column-gap: 1rem; }
.renumbering tr { display: block; }
.renumbering td { display: inline; padding: 0; }
.renumbering td + td::before { content: " → "; color: var(--muted); }
.unit { margin: 0 0 .8rem; padding-left: .6rem; border-left: 3px solid transparent; }
.unit.changed { border-left-color: var(--edit); }
.unit.inserted { border-left-color: var(--ins); }
.unit.deleted, .unit.moved_away { border-left-color: var(--del); }
.unit.heading p, .unit.title p, .unit.annex p { font-weight: bold; text-align: center; break-after: avoid; }
.unit.subparagraph { margin-left: 2rem; }
.unit.footnote { font-size: .85rem; }
p { margin: 0; orphans: 2; widows: 2; }
.num { font-weight: bold; }
.was { color: var(--muted); font-size: .85rem; }
.notes { margin: .2rem 0 0; padding-left: 1.2rem; color: var(--muted); font: .85rem/1.4 system-ui, sans-serif; }
.badge { font: .7rem/1.4 system-ui, sans-serif; text-transform: uppercase; letter-spacing: .03em; border-radius: 3px; padding: 0 .35rem; background: #e8eaed; color: #3c4043; white-space: nowrap; }
.badge.inserted { background: #e6f4ea; color: var(--ins); }
.badge.deleted, .badge.moved_away { background: #fce8e6; color: var(--del); }
.badge.moved, .badge.split, .badge.merged, .badge.was { background: #e8f0fe; color: #174ea6; }
.sym { white-space: nowrap; }
sup.fn a { color: inherit; text-decoration: none; }
del { color: var(--del); text-decoration: line-through; }
ins { color: var(--ins); text-decoration: underline; }
.unit.deleted .text { color: var(--del); text-decoration: line-through; }
.unit.inserted .text { color: var(--ins); text-decoration: underline; }
@media print {
  body { margin: 0; max-width: none; padding: 0; font-size: 11pt; }
  .summary { border-color: #999; }
  a { color: inherit; }
}
"#;

/// Writes the redline as one HTML page dated today (or as
/// `SOURCE_DATE_EPOCH` says).
pub fn render(redline: &Redline, out: &mut dyn Write) -> io::Result<()> {
    let today = crate::render::docx::timestamp(crate::render::docx::now());
    render_dated(redline, &today, out)
}

/// Writes the redline as one HTML page; `date` (ISO 8601, as the Word
/// redline dates its revisions) is shown in the header.
pub fn render_dated(redline: &Redline, date: &str, out: &mut dyn Write) -> io::Result<()> {
    let lang = lang_of(redline);
    head(redline, lang, date, out)?;
    summary(redline, lang, out)?;
    let (notes, others) = notes_by_unit(redline);
    out.write_all(notes_list(&others).as_bytes())?;
    writeln!(out, "</header>\n<main>")?;
    units(redline, lang, &notes, out)?;
    writeln!(out, "</main>\n</body>\n</html>")
}

/// The page up to the summary: its head (title, style) and the header's
/// title line naming both versions and the date.
fn head(redline: &Redline, lang: Lang, date: &str, out: &mut dyn Write) -> io::Result<()> {
    let words = lang.reader();
    let title = format!(
        "{}{}: {} → {}",
        words.redline, words.before_colon, redline.old.name, redline.new.name
    );
    let date = words.date_of(date).unwrap_or_default();
    writeln!(out, "<!DOCTYPE html>")?;
    writeln!(out, "<html lang=\"{}\">", redline.new.lang)?;
    writeln!(out, "<head><meta charset=\"utf-8\">")?;
    writeln!(
        out,
        "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">"
    )?;
    writeln!(out, "<title>{}</title>", escape(&title))?;
    writeln!(
        out,
        "<style>{STYLE}{}</style></head>",
        page_style(redline, &date)
    )?;
    writeln!(out, "<body>")?;
    writeln!(out, "<header><h1>{}</h1>", escape(words.redline))?;
    writeln!(
        out,
        "<p class=\"files\"><span class=\"old-name\">{}</span> → <span class=\"new-name\">{}</span> · <time>{}</time></p>",
        escape(&redline.old.described()),
        escape(&redline.new.described()),
        escape(&date)
    )
}

/// The units, rendered in pieces of [`crate::parallel::MIN_CHUNK`] on
/// every core and written in order as they come
/// ([`super::ordered::render_in_order`]): the page is never whole in
/// memory.
fn units(
    redline: &Redline,
    lang: Lang,
    notes: &HashMap<usize, Vec<&str>>,
    out: &mut dyn Write,
) -> io::Result<()> {
    let entries = for_reading(redline);
    let pieces: Vec<_> = entries.chunks(crate::parallel::MIN_CHUNK).collect();
    let make = |k: usize| {
        let mut html = String::with_capacity(page_size(pieces[k]));
        pieces[k]
            .iter()
            .for_each(|entry| unit(entry, lang, notes, &mut html));
        html
    };
    super::ordered::render_in_order(pieces.len(), make, |html| out.write_all(html.as_bytes()))
}

/// Room for the HTML of some entries: their text, and 400 bytes of
/// markup each (tags, classes, ids, labels). Enough for most pieces of a
/// page, so that the buffer is not grown and copied as it fills: a piece
/// of 64 paragraphs of a thousand bytes outgrew 400 bytes an entry twice
/// (issue 14).
fn page_size(entries: &[std::borrow::Cow<'_, Entry>]) -> usize {
    entries
        .iter()
        .map(|e| 400 + e.segments.iter().map(|s| s.text.len()).sum::<usize>())
        .sum()
}

/// The printed page: A4 margins, and in the top margin of every page the
/// two versions (symbols, else files) and the date; page numbers below.
fn page_style(redline: &Redline, date: &str) -> String {
    let (old, new) = version_names(redline);
    format!(
        "@page {{ size: A4; margin: 2cm 1.8cm; @top-left {{ content: \"{} → {}\"; font: 9pt system-ui, sans-serif; color: #5f6368; }} @top-right {{ content: \"{}\"; font: 9pt system-ui, sans-serif; color: #5f6368; }} @bottom-center {{ content: counter(page) \" / \" counter(pages); font: 9pt system-ui, sans-serif; color: #5f6368; }} }}",
        css_string(&old),
        css_string(&new),
        css_string(date)
    )
}

/// How the printed header names the two versions: the symbol (and date)
/// of a published document's masthead, else the document symbol its title
/// lines carry, else its file name.
pub fn version_names(redline: &Redline) -> (String, String) {
    let from_title = |old: bool| {
        redline
            .entries
            .iter()
            .filter(|e| e.kind == UnitKind::Title || e.kind == UnitKind::Chapeau)
            .map(|e| if old { e.old_text() } else { e.new_text() })
            .find_map(|t| {
                let found = crate::check::symbol::find(&t);
                found.first().map(|s| t[s.range.clone()].to_string())
            })
    };
    let name = |version: &crate::redline::Version, old: bool| {
        let m = &version.metadata;
        let symbol = m.symbol.clone().or_else(|| from_title(old));
        let file = std::path::Path::new(&version.name)
            .file_name()
            .map_or(version.name.clone(), |f| f.to_string_lossy().into_owned());
        match (symbol, &m.date) {
            (Some(s), Some(d)) => format!("{s} ({d})"),
            (Some(s), None) => s,
            (None, _) => file,
        }
    };
    (name(&redline.old, true), name(&redline.new, false))
}

/// A text as the inside of a CSS string.
fn css_string(text: &str) -> String {
    text.chars()
        .map(|c| match c {
            '"' | '\\' => format!("\\{c}"),
            '<' => "\\3c ".to_string(),
            c if c.is_control() => " ".to_string(),
            c => c.to_string(),
        })
        .collect()
}

fn summary(redline: &Redline, lang: Lang, out: &mut dyn Write) -> io::Result<()> {
    writeln!(out, "<section class=\"summary\"><p class=\"counts\">")?;
    for (key, n) in reader::counts(redline).into_iter().filter(|(_, n)| *n > 0) {
        let word = ReaderWords::count(n, reader::count_words(key, lang));
        writeln!(
            out,
            "<span class=\"count {key}\"><b>{n}</b> {}</span>",
            escape(word)
        )?;
    }
    writeln!(out, "</p>")?;
    let rows = reader::renumbering(redline, lang);
    if !rows.is_empty() {
        let words = lang.reader();
        writeln!(
            out,
            "<div class=\"renumbering\"><h2>{} ({})</h2><table><tbody>",
            escape(words.renumbering),
            rows.len(),
        )?;
        for (old, new) in &rows {
            writeln!(
                out,
                "<tr><td>{}</td><td>{}</td></tr>",
                escape(old),
                escape(new)
            )?;
        }
        writeln!(out, "</tbody></table></div>")?;
    }
    writeln!(out, "</section>")
}

/// The notes of the redline by the new unit they concern (its index in the
/// new version), and the others (headers and footers).
fn notes_by_unit(redline: &Redline) -> (HashMap<usize, Vec<&str>>, Vec<&str>) {
    let mut by_unit: HashMap<usize, Vec<&str>> = HashMap::new();
    let mut others = Vec::new();
    for note in &redline.notes {
        let unit = note
            .entry
            .and_then(|k| redline.entries.get(k))
            .filter(|e| e.op != Op::MovedAway)
            .and_then(|e| e.new.as_ref());
        match unit {
            Some(unit) => by_unit.entry(unit.index).or_default().push(&note.text),
            None => others.push(note.text.as_str()),
        }
    }
    (by_unit, others)
}

/// Notes as a list, or nothing.
fn notes_list(notes: &[&str]) -> String {
    if notes.is_empty() {
        return String::new();
    }
    let items: String = notes
        .iter()
        .map(|n| format!("<li>{}</li>", escape(n)))
        .collect();
    format!("<ul class=\"notes\">{items}</ul>\n")
}

fn unit(entry: &Entry, lang: Lang, notes: &HashMap<usize, Vec<&str>>, html: &mut String) {
    open_unit(entry, html);
    if let Some(was) = reader::formerly(entry, lang) {
        html.push_str("<span class=\"was\">(");
        escape_into(&was, html);
        html.push_str(")</span> ");
    }
    let badges = reader::badges(entry, lang);
    for (class, text) in badges.iter().filter(|(class, _)| *class != "edited") {
        html.push_str(&format!(
            "<span class=\"badge {class}\">{}</span> ",
            escape(text)
        ));
    }
    if entry.op != Op::MovedAway {
        html.push_str("<span class=\"text\">");
        body(entry, lang, None, html);
        html.push_str("</span>");
    }
    html.push_str("</p>");
    let own = entry
        .new
        .as_ref()
        .filter(|_| entry.op != Op::MovedAway)
        .and_then(|n| notes.get(&n.index));
    html.push_str(&notes_list(own.map_or(&[], Vec::as_slice)));
    html.push_str("</div>\n");
}

/// How a history marks a change beyond `<del>` and `<ins>`: its round's
/// class (`r2`, `r2 latest`) and a tooltip naming the round.
pub type RoundMark<'a> = &'a dyn Fn(usize) -> (String, String);

/// The text of an entry; a preambular paragraph's opening words in
/// italics, as published resolutions set them. In a history's redline,
/// `rounds` marks each change with its round ([`RoundMark`]).
pub fn body(entry: &Entry, lang: Lang, rounds: Option<RoundMark>, html: &mut String) {
    let opening = match (entry.kind, entry.segments.first()) {
        (UnitKind::Preambular, Some(first)) => lang.table().preambular_opening(&first.text),
        _ => 0,
    };
    for (k, s) in entry.segments.iter().enumerate() {
        let mark = rounds.zip(s.round).map(|(mark, r)| mark(r));
        let mark = mark.as_ref().map(|(c, t)| (c.as_str(), t.as_str()));
        if k == 0 && opening > 0 && s.text.is_char_boundary(opening) {
            segment(s.op, &s.text[..opening], true, mark, html);
            segment(s.op, &s.text[opening..], false, mark, html);
        } else {
            segment(s.op, &s.text, false, mark, html);
        }
        if replaces_whole_words(&entry.segments, k) {
            html.push(' ');
        }
    }
}

/// A run of text: `<del>`, `<ins>` or plain, with `mark`'s class and
/// tooltip (`(class, title)`) on a change.
/// Written straight into `html`, without a copy of the text on the way.
fn segment(op: SegmentOp, text: &str, italic: bool, mark: Option<(&str, &str)>, html: &mut String) {
    let (lead, core, trail) = hug(text);
    escape_into(lead, html);
    if !core.is_empty() {
        let (open, close) = match op {
            SegmentOp::Equal => ("", ""),
            SegmentOp::Delete => ("<del", "</del>"),
            SegmentOp::Insert => ("<ins", "</ins>"),
        };
        if !open.is_empty() {
            html.push_str(open);
            if let Some((class, title)) = mark {
                html.push_str(" class=\"");
                html.push_str(class);
                html.push_str("\" title=\"");
                escape_into(title, html);
                html.push('"');
            }
            html.push('>');
        }
        html.push_str(if italic { "<em>" } else { "" });
        core_into(core, html);
        html.push_str(if italic { "</em>" } else { "" });
        html.push_str(close);
    }
    escape_into(trail, html);
}

/// A segment's text as HTML: escaped, document symbols kept whole, line
/// ends shown as ¶, footnote references as links. Escaping and symbols
/// never make a line end or a `[^`, so a text without them is written
/// straight into `html`.
fn core_into(core: &str, html: &mut String) {
    // Most segments hold none of the bytes that escaping, symbols, line
    // ends or footnote references start with: one scan, then one copy.
    let plain = |b: u8| is_special(b) | (b == b'\n') | (b == b'[') | (b == b'-') | (b == b'/');
    if !any_byte(core.as_bytes(), plain) {
        return html.push_str(core);
    }
    let bytes = core.as_bytes();
    // The searchers are built once (building one cost as much as a
    // search of a paragraph).
    static REFERENCE: LazyLock<Finder<'static>> = LazyLock::new(|| Finder::new("[^"));
    if memchr::memchr(b'\n', bytes).is_some() || REFERENCE.find(bytes).is_some() {
        html.push_str(&footnote_refs(&symbols(core).replace('\n', " ¶ ")));
    } else {
        symbols_into(core, html);
    }
}

/// Escapes a text and keeps its document symbols whole on a line.
///
/// ```
/// use redraft::render::redline::html::symbols;
/// assert_eq!(symbols("la résolution ICC-ASP/18/Res.3 &"),
///     r#"la résolution <span class="sym">ICC-ASP/18/Res.3</span> &amp;"#);
/// ```
pub fn symbols(text: &str) -> String {
    let mut out = String::with_capacity(text.len() + 32);
    symbols_into(text, &mut out);
    out
}

/// [`symbols`], appended to `out`.
fn symbols_into(text: &str, out: &mut String) {
    // Only symbols with a hyphen or a slash are marked, and every symbol
    // has a slash but `ICC-ASP-18…` (a hyphen where a slash belongs, after
    // that head only: `xref::symbol`): a text with neither (most, hyphens
    // being common in words) has none to look for.
    let bytes = text.as_bytes();
    static HYPHENATED: LazyLock<Finder<'static>> = LazyLock::new(|| Finder::new("ICC-ASP"));
    if memchr::memchr(b'/', bytes).is_none() && HYPHENATED.find(bytes).is_none() {
        return escape_into(text, out);
    }
    let mut at = 0;
    for s in crate::check::symbol::find(text) {
        let piece = &text[s.range.clone()];
        if !piece.contains(['-', '/']) || s.range.start < at {
            continue;
        }
        escape_into(&text[at..s.range.start], out);
        out.push_str("<span class=\"sym\">");
        escape_into(piece, out);
        out.push_str("</span>");
        at = s.range.end;
    }
    escape_into(&text[at..], out);
}

/// Footnote references `[^7]` as superscript links to the footnote.
pub fn footnote_refs(html: &str) -> String {
    let mut out = String::with_capacity(html.len());
    let mut at = 0;
    for (range, id) in crate::model::marker::footnote_refs(html) {
        out.push_str(&html[at..range.start]);
        out.push_str("<sup class=\"fn\"><a href=\"#FN");
        out.push_str(id);
        out.push_str("\">");
        out.push_str(id);
        out.push_str("</a></sup>");
        at = range.end;
    }
    out.push_str(&html[at..]);
    out
}

/// Opens a unit's `<div>` (classes for its kind and change, and
/// `changed`, or `renumbered` when its number is its only change; its
/// [`anchor`](crate::render::anchor) as id; its label) and its paragraph, which begins with its
/// number: a resolution's paragraph begins with its number.
pub fn open_unit(entry: &Entry, html: &mut String) {
    let quiet = reader::renumbered_only(entry);
    let changed = match (entry.is_change(), quiet) {
        (_, true) => " renumbered",
        (true, false) => " changed",
        _ => "",
    };
    // Pushed piece by piece: the formatting machinery and its copies cost
    // more than the rest of an unchanged unit's page (issue 14).
    html.push_str("<div class=\"unit ");
    html.push_str(entry.kind.name());
    html.push(' ');
    html.push_str(entry.op.name());
    html.push_str(changed);
    html.push_str("\" id=\"");
    match (entry.op, entry.old.first()) {
        // `anchor`, without its copy.
        (Op::Deleted | Op::MovedAway, Some(old)) => {
            html.push_str("was-");
            escape_into(&old.label, html);
        }
        _ => escape_into(entry.label(), html),
    }
    html.push_str("\" data-label=\"");
    escape_into(entry.label(), html);
    html.push_str("\"><p>");
    if let Some(m) = shown_marker(entry) {
        marker_into(m, number_struck(entry), html);
        html.push(' ');
    }
}

/// A unit's number as shown: `<span class="num">12.</span>`, struck
/// through when the unit is no longer there; a footnote's `[^3]:` is shown
/// as a superscript 3, as it is printed.
///
/// ```
/// use redraft::render::redline::html::marker;
/// assert_eq!(marker("[^3]:", false), r#"<span class="num"><sup>3</sup></span>"#);
/// assert_eq!(marker("9 bis.", true), r#"<span class="num"><del>9 bis.</del></span>"#);
/// ```
pub fn marker(m: &str, struck: bool) -> String {
    let mut out = String::with_capacity(m.len() + 40);
    marker_into(m, struck, &mut out);
    out
}

/// [`marker`], appended to `out`.
fn marker_into(m: &str, struck: bool, out: &mut String) {
    out.push_str(if struck {
        "<span class=\"num\"><del>"
    } else {
        "<span class=\"num\">"
    });
    match m.strip_prefix("[^").and_then(|n| n.strip_suffix("]:")) {
        Some(n) => {
            out.push_str("<sup>");
            escape_into(n, out);
            out.push_str("</sup>");
        }
        None => escape_into(m, out),
    }
    out.push_str(if struck { "</del></span>" } else { "</span>" });
}

/// Escapes text for HTML.
pub fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len() + 16);
    escape_into(text, &mut out);
    out
}

/// [`escape`], appended to `out`.
pub fn escape_into(text: &str, out: &mut String) {
    if !any_byte(text.as_bytes(), is_special) {
        out.push_str(text);
        return;
    }
    let mut from = 0;
    for (i, b) in text.bytes().enumerate() {
        let entity = match b {
            b'&' => "&amp;",
            b'<' => "&lt;",
            b'>' => "&gt;",
            b'"' => "&quot;",
            _ => continue,
        };
        out.push_str(&text[from..i]);
        out.push_str(entity);
        from = i + 1;
    }
    out.push_str(&text[from..]);
}

/// Whether a byte is one that HTML escapes.
fn is_special(b: u8) -> bool {
    (b == b'&') | (b == b'<') | (b == b'>') | (b == b'"')
}

/// Whether any byte of `bytes` is one that `wanted` (written without
/// branches: `|`, not `||`) accepts. The bytes are tested a block of 32 at
/// a time into one byte, without an early exit inside the block, which the
/// compiler turns into vector compares: most texts have no such byte at
/// all. (Folding `bool`s over an iterator of blocks was not vectorised,
/// and ten times slower.)
fn any_byte(bytes: &[u8], wanted: impl Fn(u8) -> bool) -> bool {
    let mut blocks = bytes.chunks_exact(32);
    for block in &mut blocks {
        let mut found = 0u8;
        for &b in block {
            found |= u8::from(wanted(b));
        }
        if found != 0 {
            return true;
        }
    }
    blocks.remainder().iter().any(|&b| wanted(b))
}

#[cfg(test)]
mod tests {
    use super::*;

    /// [`symbols`] as it was, looking for symbols in every text with a
    /// hyphen or a slash.
    fn symbols_everywhere(text: &str) -> String {
        let mut out = String::new();
        let mut at = 0;
        for s in crate::check::symbol::find(text) {
            let piece = &text[s.range.clone()];
            if !piece.contains(['-', '/']) || s.range.start < at {
                continue;
            }
            escape_into(&text[at..s.range.start], &mut out);
            out.push_str("<span class=\"sym\">");
            escape_into(piece, &mut out);
            out.push_str("</span>");
            at = s.range.end;
        }
        escape_into(&text[at..], &mut out);
        out
    }

    proptest::proptest! {
        #[test]
        fn symbols_are_looked_for_only_where_they_can_be(
            text in "(ICC-ASP|ICC-CPI|A/RES|A/HRC|A/C\\.3|RC|Res\\.|[ASEIR]|[-/ ./]|[0-9]|[a-z]|é|&|<|\"){0,24}"
        ) {
            proptest::prop_assert_eq!(symbols(&text), symbols_everywhere(&text));
        }

        #[test]
        fn any_byte_is_any(bytes in proptest::collection::vec(proptest::num::u8::ANY, 0..100)) {
            let wanted = |b: u8| (b == b'&') | (b == 200);
            proptest::prop_assert_eq!(any_byte(&bytes, wanted), bytes.iter().any(|&b| wanted(b)));
        }
    }
}
