//! Output, in one place: every renderer writes to any [`std::io::Write`]
//! and never aligns or diffs.
//!
//! - [`redline`]: a [`Redline`] in each text format (terminal, HTML,
//!   Markdown, wdiff text, JSON), one file a format, for two versions and
//!   for a history's cumulative redline alike; [`docx`]: the Word
//!   document with tracked changes;
//! - [`history`]: a history's page around its redline: rounds, the
//!   lineage table;
//! - [`findings`]: `check`'s findings (human, JSON, GitHub, SARIF);
//! - [`amendments`]: formal amendments, worded;
//! - [`reader`]: what every format says to a reader (names, notes,
//!   counts) in the draft's language; [`escape`]: what a terminal or a
//!   page must not be handed as it is.

pub mod amendments;
pub mod docx;
pub mod escape;
pub mod findings;
pub mod history;
pub mod reader;
pub mod redline;

use crate::redline::{Entry, Op, Redline};
use redline::{html, json, markdown, term, text};
use std::borrow::Cow;
use std::io::{self, Write};

/// An output format of a redline (`redraft diff --format`, and the
/// redline `redraft amend` can write).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
#[non_exhaustive]
#[cfg_attr(feature = "cli", derive(clap::ValueEnum))]
pub enum Format {
    /// Coloured for the terminal; unchanged paragraphs folded.
    Term,
    /// One self-contained page with a summary and the renumbering table.
    Html,
    /// ~~deleted~~ and **inserted**.
    Markdown,
    /// wdiff style: [-deleted-]{+inserted+}.
    Text,
    /// The aligned units and their word segments (documented schema).
    Json,
    /// A Word document whose tracked changes accept to NEW, reject to OLD.
    Docx,
    /// Formal amendments turning OLD into NEW, numbered as in OLD.
    Amendments,
}

/// File extensions and the format each names (the one table of them).
const EXTENSIONS: &[(&str, Format)] = &[
    ("html", Format::Html),
    ("htm", Format::Html),
    ("md", Format::Markdown),
    ("markdown", Format::Markdown),
    ("json", Format::Json),
    ("docx", Format::Docx),
    ("txt", Format::Text),
    ("text", Format::Text),
    ("diff", Format::Text),
];

impl Format {
    /// The format an output file's extension names: `Ok(None)` when the
    /// file has none; an extension no format writes (`.pdf`), or one
    /// outside `accepted` (the formats of the command), is an error naming
    /// the file, rather than text under a wrong name. `accepted` names
    /// what `--format` takes, for that message.
    ///
    /// ```
    /// use redraft::render::Format;
    /// use std::path::Path;
    /// let all = [Format::Html, Format::Text];
    /// assert_eq!(Format::from_path(Path::new("r.HTM"), &all, "html, text").unwrap(), Some(Format::Html));
    /// assert_eq!(Format::from_path(Path::new("r"), &all, "html, text").unwrap(), None);
    /// assert!(Format::from_path(Path::new("r.pdf"), &all, "html, text").is_err());
    /// assert!(Format::from_path(Path::new("r.docx"), &all, "html, text").is_err());
    /// ```
    pub fn from_path(
        path: &std::path::Path,
        accepted: &[Format],
        formats: &str,
    ) -> crate::Result<Option<Format>> {
        let Some(extension) = path
            .extension()
            .and_then(|e| e.to_str())
            .map(str::to_ascii_lowercase)
        else {
            return Ok(None);
        };
        EXTENSIONS
            .iter()
            .find(|(name, f)| *name == extension && accepted.contains(f))
            .map(|(_, f)| Some(*f))
            .ok_or_else(|| {
                crate::Error::Usage(format!(
                    "{}: cannot write .{extension} files; give --format ({formats}) or another extension",
                    path.display()
                ))
            })
    }
}

/// Options shared by renderers.
#[derive(Debug, Clone)]
pub struct RenderOptions {
    /// Show every unit, not only the changed ones and their context
    /// (terminal only; the other formats always show every unit).
    pub full: bool,
    /// Unchanged units shown around each change (terminal).
    pub context: usize,
    /// Whether the terminal output is coloured.
    pub color: bool,
    /// The width to wrap terminal paragraphs to (at word boundaries), or
    /// `None` not to wrap: the CLI gives the terminal's width when writing
    /// to a terminal and `None` when piped, so that a pipe gets one line
    /// per paragraph.
    pub width: Option<usize>,
    /// Word output: author, date, summary page.
    pub docx: docx::DocxOptions,
    /// The language formal amendments are worded in (the old draft's when
    /// `None`).
    pub amendment_lang: Option<crate::lang::Lang>,
}

impl Default for RenderOptions {
    fn default() -> Self {
        RenderOptions {
            full: false,
            context: 1,
            color: false,
            width: None,
            docx: docx::DocxOptions::default(),
            amendment_lang: None,
        }
    }
}

/// Renders a redline in a format.
pub fn render(
    redline: &Redline,
    format: Format,
    options: &RenderOptions,
    out: &mut dyn Write,
) -> io::Result<()> {
    match format {
        Format::Term => term::render(redline, options, out),
        Format::Html => html::render_dated(redline, &options.docx.date, out),
        Format::Markdown => markdown::render(redline, out),
        Format::Text => text::render(redline, out),
        Format::Json => json::render(redline, out),
        Format::Docx => docx::render(redline, &options.docx, out),
        Format::Amendments => {
            let lang = options.amendment_lang.unwrap_or(redline.old.lang);
            amendments::render(redline, lang, out)
        }
    }
}

/// Renders a comparison in a format: its redline, or the formal
/// amendments made from the comparison itself
/// ([`crate::amend::from_comparison`]: nothing parsed, aligned or diffed
/// again).
pub fn render_comparison(
    comparison: &crate::diff::Comparison,
    format: Format,
    options: &RenderOptions,
    out: &mut dyn Write,
) -> io::Result<()> {
    match format {
        Format::Amendments => {
            let lang = options.amendment_lang.unwrap_or(comparison.old.lang);
            amendments::render_comparison(comparison, lang, out)
        }
        _ => render(&comparison.redline, format, options, out),
    }
}

// The labels-and-English forms below (`number_note`, `badges`,
// `summary_line`, `annotation`) serve the Word body's comments and the
// history formats; the reader's formats speak through `reader`.

/// How a unit's number reads in a redline heading: `17 (formerly 16)`,
/// `(b)`, `12 (formerly 11 and 12, merged)`. Empty for unnumbered units.
pub fn number_note(entry: &Entry) -> String {
    let new = entry.new.as_ref().and_then(|n| n.number.clone());
    let olds: Vec<String> = entry.old.iter().filter_map(|o| o.number.clone()).collect();
    match (entry.op, new) {
        (Op::Deleted, _) => olds.first().cloned().unwrap_or_default(),
        (Op::MovedAway, _) => olds.first().cloned().unwrap_or_default(),
        (Op::Merged, Some(n)) if !olds.is_empty() => format!("{n} (formerly {})", join_and(&olds)),
        (_, Some(n)) if entry.renumbered() && !olds.is_empty() => {
            format!("{n} (formerly {})", olds[0])
        }
        (_, Some(n)) => n,
        (_, None) => String::new(),
    }
}

fn join_and(items: &[String]) -> String {
    match items {
        [] => String::new(),
        [one] => one.clone(),
        [init @ .., last] => format!("{} and {last}", init.join(", ")),
    }
}

/// The badges of an entry, in words: `inserted`, `moved`, `split 1/2`.
pub fn badges(entry: &Entry) -> Vec<String> {
    let mut out = Vec::new();
    match entry.op {
        Op::Unchanged => {}
        Op::Split => {
            let from = entry.old.first().map_or("", |o| o.label.as_str());
            match entry.piece {
                Some(p) => out.push(format!("split {}/{} of {from}", p.index, p.of)),
                None => out.push(format!("split of {from}")),
            }
        }
        Op::Merged => {
            let labels: Vec<String> = entry.old.iter().map(|o| o.label.clone()).collect();
            out.push(format!("merged from {}", join_and(&labels)));
        }
        Op::MovedAway => {
            let to = entry.new.as_ref().map_or("", |n| n.label.as_str());
            out.push(format!("moved to {to}"));
        }
        op => out.push(op.name().to_string()),
    }
    if entry.moved && entry.op != Op::MovedAway {
        let from = entry.old.first().map_or("", |o| o.label.as_str());
        out.push(format!("moved from {from}"));
    } else if let (Some(old), Some(new)) = (entry.old.first(), &entry.new)
        && old.kind != new.kind
        && entry.op != Op::MovedAway
    {
        out.push(format!("was {}", old.label));
    }
    out
}

/// The one-line summary: `40 units: 6 edited, 2 inserted, ...`.
pub fn summary_line(redline: &Redline) -> String {
    let counts = redline.summary().counts();
    let parts: Vec<String> = counts
        .iter()
        .filter(|(_, n)| *n > 0)
        .map(|(what, n)| format!("{n} {what}"))
        .collect();
    parts.join(", ")
}

/// The note shown after a unit's number: `formerly 16`, `inserted`,
/// `moved from OP7`, `split 1/2 of OP12`, `merged from OP2 and OP3`;
/// several joined by `; `. A moved unit says where it came from instead of
/// its former number.
pub fn annotation(entry: &Entry) -> Option<String> {
    let mut notes = Vec::new();
    if entry.renumbered()
        && !entry.moved
        && let Some(n) = entry.old.first().and_then(|o| o.number.clone())
    {
        notes.push(format!("formerly {n}"));
    }
    notes.extend(badges(entry).into_iter().filter(|b| b != "edited"));
    (!notes.is_empty()).then(|| notes.join("; "))
}

/// The id of a unit in an HTML page: its label, or for a unit that is no
/// longer there (deleted, or the place a moved unit left) `was-` and its
/// old label, so that `#OP4` always leads to the new paragraph 4.
pub fn anchor(entry: &Entry) -> String {
    match (entry.op, entry.old.first()) {
        (Op::Deleted | Op::MovedAway, Some(old)) => format!("was-{}", old.label),
        _ => entry.label().to_string(),
    }
}

/// Whether a unit's number is shown struck through: it is no longer
/// there (deleted, or the place a moved unit left).
pub fn number_struck(entry: &Entry) -> bool {
    matches!(entry.op, Op::Deleted | Op::MovedAway)
}

/// The entries as a reader's format shows them: a subparagraph that only
/// travelled with its paragraph ([`Redline::carried`]) is shown in its new
/// place without a move of its own, and the place it left says nothing.
pub fn for_reading(redline: &Redline) -> Vec<Cow<'_, Entry>> {
    let carried = redline.carried();
    redline
        .entries
        .iter()
        .zip(carried)
        .filter(|(e, carried)| !(*carried && e.op == Op::MovedAway))
        .map(|(e, carried)| {
            if carried {
                Cow::Owned(Entry {
                    moved: false,
                    ..e.clone()
                })
            } else {
                Cow::Borrowed(e)
            }
        })
        .collect()
}

/// The marker a unit is shown with: the new one, or the old one for units
/// that are no longer there.
pub fn shown_marker(entry: &Entry) -> Option<&str> {
    match entry.op {
        Op::Deleted | Op::MovedAway => entry.old.first().and_then(|o| o.marker.as_deref()),
        _ => entry.new.as_ref().and_then(|n| n.marker.as_deref()),
    }
}

/// Splits a text into leading whitespace, core and trailing whitespace, so
/// that markup (`~~`, `**`, `<del>`) can hug the words.
///
/// ```
/// assert_eq!(redraft::render::hug(" a b "), (" ", "a b", " "));
/// ```
pub fn hug(text: &str) -> (&str, &str, &str) {
    let core = crate::text::lines::trimmed(text);
    if core.is_empty() {
        return (text, "", "");
    }
    let start = text.len() - text.trim_start().len();
    let end = start + core.len();
    (&text[..start], core, &text[end..])
}
