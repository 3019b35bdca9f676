//! Renderers of a [`History`]: the rounds, the lineage table (one row per
//! unit of the latest version: its names through the versions and the
//! round of its last change, then the units deleted along the way), and
//! the cumulative redline of the first version against the latest, each
//! change tagged with its round. One file per format.
//!
//! The reader's formats (terminal, Markdown, HTML) speak the latest
//! version's language with the document's own numbering, never the tool's
//! labels; a French history reads
//!
//! ```text
//! version 2 : after.txt → adoption.txt (dernière version)
//! paragraphe 14  paragraphe 13  paragraphe 13  paragraphe 14  version 2 (déplacé)
//! —  paragraphe 37  paragraphe 39  —  supprimé dans la version 2
//! 2. Exprime … qui concerne [version 1-13-] {version 2+11+} personnes …
//! ```
//!
//! The JSON format keeps the labels: it is for programs.

pub mod html;
pub mod json;
pub mod markdown;
pub mod term;

use crate::history::{History, Lineage, Step};
use crate::lang::Lang;
use crate::lang::reader::ReaderWords;
use crate::redline::{Entry, Op};
use crate::render::Format;
use crate::render::reader::{self, name_of_label};
use std::io::{self, Write};
use std::path::Path;

/// An output format of `redraft history`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
#[non_exhaustive]
#[cfg_attr(feature = "cli", derive(clap::ValueEnum))]
pub enum HistoryFormat {
    /// The terminal (coloured or not).
    Term,
    /// One self-contained HTML page, a colour per round.
    Html,
    /// Markdown.
    Markdown,
    /// Plain text: the terminal's layout without colour, changes as
    /// `[round 1-deleted-]` and `{round 2+inserted+}`.
    Text,
    /// The history as JSON.
    Json,
}

impl HistoryFormat {
    /// The format an output file's extension names, by the one table of
    /// extensions ([`Format::from_path`]): `.txt` text, `.md` Markdown,
    /// `.html` HTML, `.json` JSON; `Ok(None)` without an extension; an
    /// error naming the file for any other (`.docx`, `.pdf`).
    ///
    /// ```
    /// use redraft::render::history::HistoryFormat;
    /// use std::path::Path;
    /// let of = |p: &str| HistoryFormat::from_path(Path::new(p));
    /// assert_eq!(of("h.txt").unwrap(), Some(HistoryFormat::Text));
    /// assert_eq!(of("h.md").unwrap(), Some(HistoryFormat::Markdown));
    /// assert_eq!(of("h").unwrap(), None);
    /// assert!(of("h.docx").is_err());
    /// ```
    pub fn from_path(path: &Path) -> crate::Result<Option<HistoryFormat>> {
        let accepted = [Format::Html, Format::Json, Format::Markdown, Format::Text];
        let format = Format::from_path(path, &accepted, "term, text, html, markdown, json")?;
        Ok(format.map(|f| match f {
            Format::Html => HistoryFormat::Html,
            Format::Json => HistoryFormat::Json,
            Format::Markdown => HistoryFormat::Markdown,
            _ => HistoryFormat::Text,
        }))
    }
}

/// Renders a history in a format; `color` concerns the terminal, `full`
/// the terminal and the text.
pub fn render(
    history: &History,
    format: HistoryFormat,
    color: bool,
    full: bool,
    out: &mut dyn Write,
) -> io::Result<()> {
    match format {
        HistoryFormat::Term => term::render(history, color, full, out),
        HistoryFormat::Html => html::render(history, out),
        HistoryFormat::Markdown => markdown::render(history, out),
        HistoryFormat::Text => term::render(history, false, full, out),
        HistoryFormat::Json => json::render(history, out),
    }
}

/// The language a history speaks to its reader: the latest version's.
pub fn lang_of(history: &History) -> Lang {
    history.versions.last().map_or(Lang::En, |v| v.lang)
}

/// A round as its reader calls it: `round 2`, `version 2`, `versión 2`.
pub fn round_name(round: usize, lang: Lang) -> String {
    ReaderWords::fill(lang.reader().history.round, &[("n", &round.to_string())])
}

/// One row of the lineage table, in the document's numbering.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Row {
    /// The unit's name in the latest version (`—` for deleted units).
    pub unit: String,
    /// Its name(s) in each version, `—` where it was not.
    pub labels: Vec<String>,
    /// `round 2 (edited)`, `round 1 (inserted)`, `deleted in round 2`, or
    /// `—`.
    pub change: String,
    /// Whether the unit was deleted along the way.
    pub deleted: bool,
}

/// What a round did, in words: `edited`, `inserted`, `moved`, `edited,
/// moved` (`modifié, déplacé`).
pub fn step_words(step: &Step, lang: Lang) -> String {
    let c = &lang.reader().counts;
    let what = match step.op {
        Op::Inserted => Some(c.inserted.0),
        Op::Edited => Some(c.edited.0),
        Op::Split => Some(c.split.0),
        Op::Merged => Some(c.merged.0),
        _ => None,
    };
    let mut words: Vec<&str> = what.into_iter().collect();
    if step.moved {
        words.push(c.moved.0);
    }
    words.join(", ")
}

/// A unit's name(s) in one version, shortened to the number alone where
/// only the number tells it from the unit's name now (`paragraphe 17` in
/// the first column, `16` in a version's).
fn names_cell(labels: &[String], now: &str, lang: Lang) -> String {
    match labels {
        [] => "—".to_string(),
        [one] => {
            let name = name_of_label(one, lang);
            short_name(&name, now).unwrap_or(name)
        }
        _ => {
            let names: Vec<String> = labels.iter().map(|l| name_of_label(l, lang)).collect();
            names.join(" + ")
        }
    }
}

/// The number alone of `name` when it is `now` but for that number.
///
/// `("paragraph 16", "paragraph 17")` → `16`; `("paragraph 3",
/// "preambular paragraph 3")` → none.
fn short_name(name: &str, now: &str) -> Option<String> {
    let (a, b): (Vec<&str>, Vec<&str>) = (name.split(' ').collect(), now.split(' ').collect());
    if a.len() != b.len() {
        return None;
    }
    let numeric = |w: &str| !w.is_empty() && w.chars().all(|c| c.is_ascii_digit());
    let differing: Vec<usize> = (0..a.len()).filter(|&i| a[i] != b[i]).collect();
    let word = match differing[..] {
        [] => *a.iter().find(|w| numeric(w))?,
        [i] => a[i],
        _ => return None,
    };
    numeric(word).then(|| word.to_string())
}

/// The row of a unit of the latest version.
pub fn lineage_row(l: &Lineage, lang: Lang) -> Row {
    let change = l
        .last_change
        .and_then(|r| l.steps.iter().find(|s| s.round == r))
        .map_or("—".to_string(), |s| {
            format!("{} ({})", round_name(s.round, lang), step_words(s, lang))
        });
    let now = name_of_label(&l.label, lang);
    Row {
        labels: l.labels.iter().map(|v| names_cell(v, &now, lang)).collect(),
        unit: now,
        change,
        deleted: false,
    }
}

/// Every row: the units of the latest version, then those deleted along
/// the way.
pub fn rows(history: &History) -> Vec<Row> {
    let lang = lang_of(history);
    let words = &lang.reader().history;
    let mut out: Vec<Row> = history
        .lineage
        .iter()
        .map(|l| lineage_row(l, lang))
        .collect();
    out.extend(history.deleted.iter().map(|d| Row {
        unit: "—".to_string(),
        labels: d.labels.iter().map(|v| names_cell(v, "", lang)).collect(),
        change: ReaderWords::fill(words.deleted_in, &[("n", &d.round.to_string())]),
        deleted: true,
    }));
    out
}

/// The heading of the lineage table: the unit, the version names, the
/// last change.
pub fn header(history: &History) -> Vec<String> {
    let words = &lang_of(history).reader().history;
    let mut h = vec![words.unit.to_string()];
    h.extend(history.versions.iter().map(|v| v.name.clone()));
    h.push(words.last_change.into());
    h
}

/// A colon as the language writes it (`:`, French ` :`).
pub fn colon(lang: Lang) -> String {
    format!("{}:", lang.reader().before_colon)
}

/// The legend of the rounds: `round 1: before.txt → after.txt`, the
/// latest marked.
pub fn legend(history: &History) -> Vec<String> {
    let lang = lang_of(history);
    let words = &lang.reader().history;
    history
        .rounds
        .iter()
        .map(|r| {
            let latest = if r.round == history.last_round() {
                format!(" ({})", words.latest)
            } else {
                String::new()
            };
            format!(
                "{}{} {} → {}{latest}",
                round_name(r.round, lang),
                colon(lang),
                r.from,
                r.to
            )
        })
        .collect()
}

/// The heading of the cumulative redline: `Cumulative redline: a → c`.
pub fn cumulative_heading(history: &History, first: &str, last: &str) -> String {
    let lang = lang_of(history);
    let words = &lang.reader().history;
    format!("{}{} {first} → {last}", words.cumulative, colon(lang))
}

/// The note after a unit's number in the cumulative redline: what
/// happened to it ([`reader::note`]) and the round that did it, in the
/// draft's language (`moved to paragraph 14; round 2`).
pub fn note(e: &Entry, lang: Lang) -> Option<String> {
    let mut notes: Vec<String> = reader::note(e, lang).into_iter().collect();
    notes.extend(e.round.map(|r| round_name(r, lang)));
    let sep = format!("{}; ", lang.reader().before_colon);
    (!notes.is_empty()).then(|| notes.join(&sep))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn steps_in_words() {
        let s = |op, moved| Step {
            round: 1,
            op,
            moved,
            renumbered: false,
        };
        assert_eq!(step_words(&s(Op::Edited, true), Lang::En), "edited, moved");
        assert_eq!(step_words(&s(Op::Unchanged, true), Lang::Fr), "déplacé");
        assert_eq!(step_words(&s(Op::Inserted, false), Lang::Es), "insertado");
        assert_eq!(round_name(2, Lang::Fr), "version 2");
    }

    #[test]
    fn a_cell_says_the_number_alone_when_it_is_enough() {
        assert_eq!(
            short_name("paragraph 16", "paragraph 17").as_deref(),
            Some("16")
        );
        assert_eq!(
            short_name("paragraph 17", "paragraph 17").as_deref(),
            Some("17")
        );
        assert_eq!(
            short_name("alinéa 4 du préambule", "alinéa 3 du préambule").as_deref(),
            Some("4")
        );
        assert_eq!(short_name("paragraph 3", "preambular paragraph 3"), None);
        assert_eq!(short_name("title", "title"), None);
        assert_eq!(short_name("paragraph 3 (b)", "paragraph 4 (c)"), None);
    }
}
