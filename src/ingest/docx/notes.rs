//! Footnotes and endnotes: how Word numbers them, and their definitions.
//!
//! Notes are numbered in the order of their references, from the start
//! value and in the format of the body's last section properties, else of
//! the document settings (`w:footnotePr`, `w:endnotePr`), else from 1 in
//! decimal (footnotes) or lower-case roman numerals (endnotes), as Word
//! does. Each reference gets a `[^N]: text` definition at the end of the
//! draft; when endnotes count like footnotes their labels take an `e`
//! (`[^e1]`), so that no two notes share a label.
//!
//! A note's text is read once, however many references it has, and every
//! definition written is charged to the document's [`Budget`]: a 5 MB
//! note referred to 400 times is refused at the limit, not expanded.

use super::document::{NoteLabels, Walker};
use super::xml::Element;
use crate::ingest::Revisions;
use crate::ingest::limits::Budget;
use std::collections::HashMap;

/// Footnotes or endnotes.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Kind {
    /// `word/footnotes.xml`.
    Foot,
    /// `word/endnotes.xml`.
    End,
}

impl Kind {
    /// The relationship type, and part name, of the notes.
    pub fn part(self) -> &'static str {
        match self {
            Kind::Foot => "footnotes",
            Kind::End => "endnotes",
        }
    }

    fn element(self) -> &'static str {
        match self {
            Kind::Foot => "w:footnote",
            Kind::End => "w:endnote",
        }
    }

    fn properties(self) -> &'static str {
        match self {
            Kind::Foot => "w:footnotePr",
            Kind::End => "w:endnotePr",
        }
    }

    fn default_format(self) -> &'static str {
        match self {
            Kind::Foot => "decimal",
            Kind::End => "lowerRoman",
        }
    }
}

/// The start and format of note numbers: the body's last section
/// properties, else the document settings, else Word's defaults.
pub fn labels(kind: Kind, settings: Option<&Element>, body: &Element) -> NoteLabels {
    let section = body
        .child("w:sectPr")
        .and_then(|s| s.child(kind.properties()));
    let global = settings.and_then(|s| s.child(kind.properties()));
    let value = |name: &str| {
        section
            .and_then(|p| p.child_val(name))
            .or_else(|| global.and_then(|p| p.child_val(name)))
    };
    NoteLabels {
        start: value("w:numStart")
            .and_then(|v| v.parse().ok())
            .unwrap_or(1),
        format: value("w:numFmt")
            .unwrap_or(kind.default_format())
            .to_string(),
        prefix: String::new(),
    }
}

/// `[^N]: text` for each note referred to, in order. A reference to a
/// note the document does not have gets no definition, so that
/// `redraft check` reports it.
pub fn definitions(
    references: &[(String, String)],
    notes: Option<&Element>,
    kind: Kind,
    revisions: Revisions,
    budget: &mut Budget,
) -> Result<Vec<String>, String> {
    let by_id: HashMap<&str, &Element> = notes
        .map(|f| {
            f.elements()
                .filter(|e| e.name == kind.element())
                .filter_map(|e| Some((e.attr("w:id")?, e)))
                .collect()
        })
        .unwrap_or_default();
    let mut texts: HashMap<&str, String> = HashMap::new();
    let mut out = Vec::new();
    for (id, label) in references {
        let Some(note) = by_id.get(id.as_str()) else {
            continue;
        };
        let text = texts
            .entry(id.as_str())
            .or_insert_with(|| note_text(note, revisions));
        budget.block(text)?;
        out.push(format!("[^{label}]: {text}"));
    }
    Ok(out)
}

/// A note's paragraphs as one line.
fn note_text(note: &Element, revisions: Revisions) -> String {
    let paragraphs = Walker::new(revisions, None).paragraphs(note);
    let texts: Vec<String> = paragraphs.iter().map(|p| super::clean(&p.text)).collect();
    texts.join(" ").trim().to_string()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::ingest::docx::xml::parse;
    use crate::ingest::limits::Limits;

    const W: &str = r#"xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main""#;

    #[test]
    fn endnotes_count_in_roman_numerals_unless_the_settings_say() {
        let body = parse(&format!("<w:body {W}/>")).unwrap();
        let settings = parse(&format!(
            r#"<w:settings {W}><w:endnotePr><w:numFmt w:val="decimal"/><w:numStart w:val="3"/></w:endnotePr></w:settings>"#
        ))
        .unwrap();
        assert_eq!(labels(Kind::End, None, &body).label(1), "ii");
        assert_eq!(labels(Kind::End, Some(&settings), &body).label(0), "3");
        assert_eq!(labels(Kind::Foot, Some(&settings), &body).label(0), "1");
    }

    #[test]
    fn a_note_referred_to_again_and_again_is_refused_at_the_limit() {
        let long = "x".repeat(1000);
        let notes = parse(&format!(
            r#"<w:endnotes {W}><w:endnote w:id="5"><w:p><w:r><w:t>{long}</w:t></w:r></w:p></w:endnote></w:endnotes>"#
        ))
        .unwrap();
        let refs: Vec<(String, String)> = (0..50).map(|i| ("5".into(), i.to_string())).collect();
        let mut budget = Budget::new(Limits {
            max_chars: 10_000,
            max_units: 100,
        });
        let read = definitions(
            &refs[..5],
            Some(&notes),
            Kind::End,
            Revisions::Accept,
            &mut budget,
        );
        assert_eq!(read.unwrap().len(), 5);
        let err = definitions(
            &refs,
            Some(&notes),
            Kind::End,
            Revisions::Accept,
            &mut budget,
        );
        assert!(err.unwrap_err().contains("more than 10000 characters"));
    }
}
