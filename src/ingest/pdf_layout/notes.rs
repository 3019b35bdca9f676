//! Footnotes of an official PDF: the footnote area lifted off the bottom of
//! each page, and the markers in the body that refer to it.
//!
//! A footnote area is the run of lines smaller than the body at the end of
//! a page that opens with a footnote number (`1 United Nations, …`, or
//! `1United Nations, …` as LibreOffice prints a superscript number); a
//! page whose small lines do not open with a number goes on with the last
//! footnote, cut by the page break. A marker is a word of digits raised
//! above the line or smaller than it, naming a footnote there is:
//!
//! ```text
//!  Protocols  ¹  ,   →  "Protocols[^1],"
//!  20-07231 (E)      →  unchanged (not raised, no footnote 20)
//! ```

use super::bbox::Line;
use super::small;
use crate::ingest::pdf_text::hyphen::{self, Compounds};

/// The footnotes of the document, lifted page by page.
#[derive(Debug, Default)]
pub(super) struct Notes {
    /// Number and text of each footnote, in order.
    pub(super) list: Vec<(u32, String)>,
}

impl Notes {
    /// Takes the footnote area off the bottom of a page: the run of small
    /// lines at its end that opens with a footnote number (or goes on with
    /// the last footnote, cut by the page break).
    pub(super) fn lift(&self, page: &mut Vec<Line>, body: f64) -> Vec<Line> {
        let start = page
            .iter()
            .rposition(|l| !small(l, body))
            .map_or(0, |i| i + 1);
        let area = &page[start..];
        let opens = area.first().is_some_and(|l| note_number(l).is_some());
        if area.is_empty() || (!opens && self.list.is_empty()) {
            return Vec::new();
        }
        page.split_off(start)
    }

    /// Reads the lines of a footnote area.
    pub(super) fn take(&mut self, area: Vec<Line>, left: f64) {
        let _ = left;
        for line in area {
            let expected = self.list.last().map_or(1, |n| n.0 + 1);
            match note_start(&line).filter(|(n, _)| *n == expected || self.list.is_empty()) {
                Some(note) => self.list.push(note),
                None => {
                    if let Some(last) = self.list.last_mut() {
                        hyphen::join(&mut last.1, &line.text(), &Compounds::default());
                    }
                }
            }
        }
    }
}

/// The number opening a footnote line and the text after it: a first word
/// of one to three digits followed by text (`1 United Nations, …`), or
/// the digits glued to the first word (`1United Nations, …`, as
/// LibreOffice prints a superscript number).
fn note_start(line: &Line) -> Option<(u32, String)> {
    let first = line.words.first()?;
    let digits = first.text.chars().take_while(char::is_ascii_digit).count();
    if digits == 0 || digits > 3 {
        return None;
    }
    let glued = &first.text[digits..];
    let rest = line.words[1..].iter().map(|w| w.text.as_str());
    let text: Vec<&str> = std::iter::once(glued)
        .filter(|g| !g.is_empty())
        .chain(rest)
        .collect();
    let opens_text = text
        .first()
        .is_some_and(|t| t.starts_with(|c: char| c.is_alphabetic() || "“\"«(".contains(c)));
    if glued.is_empty() && text.is_empty() || !glued.is_empty() && !opens_text {
        return None;
    }
    Some((first.text[..digits].parse().ok()?, text.join(" ")))
}

fn note_number(line: &Line) -> Option<u32> {
    note_start(line).map(|(n, _)| n)
}

/// A line's text with its footnote markers written `[^N]`: a word of
/// digits that is raised or smaller than the line, naming a footnote
/// there is, glued to the word before it.
pub(super) fn text_with_markers(line: &Line, notes: &[u32], body: f64) -> String {
    let mut out = String::new();
    let base = line.y1();
    let mut after_marker: Option<f64> = None;
    for (i, w) in line.words.iter().enumerate() {
        let number: Option<u32> = w
            .text
            .chars()
            .all(|c| c.is_ascii_digit())
            .then(|| w.text.parse().ok())
            .flatten();
        let raised = w.y1 < base - body * 0.15 || w.height() < body * 0.8;
        if let Some(n) = number.filter(|n| i > 0 && raised && notes.contains(n)) {
            out.push_str(&format!("[^{n}]"));
            after_marker = Some(w.x1);
            continue;
        }
        // Punctuation set right after a marker (`Protocoles¹,`) is glued
        // to it, as it is printed.
        let glued = after_marker
            .take()
            .is_some_and(|x1| w.x0 - x1 < body * 0.15)
            && w.text.starts_with([',', '.', ';', ':', ')']);
        if !out.is_empty() && !glued {
            out.push(' ');
        }
        out.push_str(&w.text);
    }
    out
}
