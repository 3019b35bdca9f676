//! Documents without resolution structure, read as plain paragraphs.
//!
//! Not every file a user compares is a resolution: a Word file written
//! from a template, a note verbale, a list of comments. When the parser
//! finds no chapeau, no preambular paragraph and no numbered paragraph, the
//! document is still read, as what it is: a sequence of paragraphs (and its
//! tables, annexes and footnotes). What the parser took for title lines
//! and headings become paragraphs, labelled `TEXT1`, `TEXT2`, … in order, so
//! that `parse`, `diff`, `split-revisions` and `--revisions` work on any
//! document; the command line says so with a warning.
//!
//! Only a text with nothing in it at all is refused. (Markdown and the
//! other files that are not drafts are refused before parsing, by their
//! name or first bytes: see [`crate::ingest::text::foreign`].)
//!
//! ```
//! use redraft::model::{parse, ParseOptions, UnitKind};
//! let r = parse("Dear colleagues,\n\nPlease find the minutes attached.", &ParseOptions::default()).unwrap();
//! assert!(!r.has_structure());
//! let labels: Vec<_> = r.units.iter().map(|u| (u.label.as_str(), u.kind)).collect();
//! assert_eq!(labels, [("TEXT1", UnitKind::Paragraph), ("TEXT2", UnitKind::Paragraph)]);
//! assert!(parse(" \n\n", &ParseOptions::default()).is_err());
//! ```

use super::label::Labeller;
use super::parse::NoStructure;
use super::{MODEL_VERSION, Resolution, Unit, UnitKind};
use crate::lang::Lang;

/// Whether units hold the structure of a resolution: a chapeau, a
/// preambular or operative paragraph, or a numbered paragraph.
pub fn is_structured(units: &[Unit]) -> bool {
    units.iter().any(|u| {
        matches!(
            u.kind,
            UnitKind::Chapeau | UnitKind::Preambular | UnitKind::Operative
        ) || (u.kind == UnitKind::Paragraph && u.number.is_some())
    })
}

impl Resolution {
    /// Whether the draft was read with the structure of a resolution, or
    /// (`false`) as plain paragraphs.
    pub fn has_structure(&self) -> bool {
        is_structured(&self.units)
    }
}

/// The units of a text without resolution structure, read as paragraphs;
/// refused if there are none.
pub fn paragraphs(lang: Lang, units: Vec<Unit>) -> Result<Resolution, NoStructure> {
    if units.is_empty() {
        return Err(NoStructure);
    }
    let mut units: Vec<Unit> = units.into_iter().map(as_paragraph).collect();
    Labeller::label(&mut units);
    Ok(Resolution {
        version: MODEL_VERSION,
        lang,
        units,
        metadata: Default::default(),
    })
}

/// A title line or heading becomes a paragraph; tables, annex headings
/// and footnotes stay what they are.
fn as_paragraph(mut unit: Unit) -> Unit {
    if matches!(unit.kind, UnitKind::Title | UnitKind::Heading) {
        unit.kind = UnitKind::Paragraph;
        unit.marker = None;
        unit.number = None;
        unit.parent = None;
    }
    unit
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{ParseOptions, parse};

    fn read(text: &str) -> Resolution {
        parse(text, &ParseOptions::default()).expect("read as paragraphs")
    }

    #[test]
    fn titles_and_headings_become_paragraphs() {
        let r = read("Minutes\n\nAttendance\n\nThe meeting opened at ten.\n\n[^1]: A note.");
        let got: Vec<_> = r.units.iter().map(|u| (u.label.as_str(), u.kind)).collect();
        assert_eq!(
            got,
            [
                ("TEXT1", UnitKind::Paragraph),
                ("TEXT2", UnitKind::Paragraph),
                ("TEXT3", UnitKind::Paragraph),
                ("FN1", UnitKind::Footnote)
            ]
        );
        assert!(!r.has_structure());
    }

    #[test]
    fn the_normal_form_reads_back_the_same() {
        let r = read("Item one\n\nII. A part\n\nA closing line.");
        assert_eq!(read(&r.to_text()), r);
    }

    #[test]
    fn a_resolution_is_not_touched() {
        let r = read("The General Assembly,\n\nRecalling x,\n\n1. Decides y.");
        assert!(r.has_structure());
        assert_eq!(r.units[0].kind, UnitKind::Chapeau);
    }

    #[test]
    fn nothing_is_refused() {
        assert_eq!(parse("\n \n", &ParseOptions::default()), Err(NoStructure));
    }
}
