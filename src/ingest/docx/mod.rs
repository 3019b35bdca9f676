//! Reading Word documents (`.docx`): the draft as plain text in the
//! project's draft format, as Word shows it with tracked changes accepted
//! or rejected.
//!
//! - [`container`]: the zip archive, read with a cap on inflated size.
//! - [`xml`]: a small element tree over `quick-xml`; DTDs refused.
//! - [`document`]: paragraph text, fields, hyperlinks, content controls,
//!   tracked changes.
//! - [`numbering`]: the numbers Word computes for list paragraphs.
//!
//! Footnotes come from `word/footnotes.xml`, numbered in the order of their
//! references from the document's `w:numStart`, and are written as `[^N]`
//! references and `[^N]: text` definitions at the end.

pub mod container;
pub mod document;
pub mod numbering;
pub mod xml;

use crate::ingest::Revisions;
use container::Package;
use document::{NoteLabels, Paragraph, Walker};
use numbering::{Counters, Numbering};
use std::collections::HashMap;
use xml::Element;

pub use document::SUMMARY_STYLE;

/// Whether `bytes` are a Word document: a zip archive that opens and
/// holds `word/document.xml`.
pub fn looks_like_docx(bytes: &[u8]) -> bool {
    Package::open(bytes).is_ok()
}

/// Reads a Word document as a plain-text draft, with tracked changes
/// accepted or rejected. The error is one line, without the file name.
pub fn read(bytes: &[u8], revisions: Revisions) -> Result<String, String> {
    let mut package = Package::open(bytes)?;
    let parts = Parts::read(&mut package)?;
    let body = parts
        .document
        .child("w:body")
        .ok_or_else(|| format!("{} has no w:body", container::DOCUMENT))?;
    let labels = note_labels(parts.settings.as_ref(), body);
    let mut walker = Walker::new(revisions, Some(labels));
    let paragraphs = walker.paragraphs(body);
    let numbering = Numbering::read(parts.numbering.as_ref(), parts.styles.as_ref());
    let mut blocks = numbered_blocks(&paragraphs, &numbering);
    blocks.extend(footnote_blocks(
        &walker.footnotes,
        parts.footnotes.as_ref(),
        revisions,
    ));
    if blocks.is_empty() {
        return Err("the Word document has no text".to_string());
    }
    Ok(crate::model::join_blocks(blocks))
}

/// The parsed parts a draft needs.
struct Parts {
    document: Element,
    numbering: Option<Element>,
    styles: Option<Element>,
    footnotes: Option<Element>,
    settings: Option<Element>,
}

impl Parts {
    fn read(package: &mut Package<'_>) -> Result<Parts, String> {
        let targets = relationship_targets(package)?;
        let mut optional = |kind: &str| -> Result<Option<Element>, String> {
            let name = targets
                .get(kind)
                .cloned()
                .unwrap_or_else(|| format!("word/{kind}.xml"));
            parse_part(package, &name)
        };
        let numbering = optional("numbering")?;
        let styles = optional("styles")?;
        let footnotes = optional("footnotes")?;
        let settings = optional("settings")?;
        let document = parse_part(package, container::DOCUMENT)?
            .ok_or_else(|| format!("no {}", container::DOCUMENT))?;
        Ok(Parts {
            document,
            numbering,
            styles,
            footnotes,
            settings,
        })
    }
}

fn parse_part(package: &mut Package<'_>, name: &str) -> Result<Option<Element>, String> {
    let Some(text) = package.part(name)? else {
        return Ok(None);
    };
    xml::parse(&text)
        .map(Some)
        .map_err(|e| format!("malformed XML in {name}: {e}"))
}

/// Where the document's relationships say its parts are, by kind
/// (`numbering`, `styles`, …): `word/numbering.xml`.
fn relationship_targets(package: &mut Package<'_>) -> Result<HashMap<String, String>, String> {
    let mut out = HashMap::new();
    let Some(rels) = parse_part(package, "word/_rels/document.xml.rels")? else {
        return Ok(out);
    };
    for rel in rels.elements() {
        let (Some(kind), Some(target)) = (rel.attr("Type"), rel.attr("Target")) else {
            continue;
        };
        let kind = kind.rsplit('/').next().unwrap_or(kind);
        let target = match target.strip_prefix('/') {
            Some(absolute) => absolute.to_string(),
            None => format!("word/{target}"),
        };
        out.insert(kind.to_string(), target);
    }
    Ok(out)
}

/// The start and format of footnote numbers: the body's last section
/// properties, else the document settings, else 1 in decimal.
fn note_labels(settings: Option<&Element>, body: &Element) -> NoteLabels {
    let section = body.child("w:sectPr").and_then(|s| s.child("w:footnotePr"));
    let global = settings.and_then(|s| s.child("w:footnotePr"));
    let value = |name: &str| {
        section
            .and_then(|p| p.child_val(name))
            .or_else(|| global.and_then(|p| p.child_val(name)))
    };
    NoteLabels {
        start: value("w:numStart")
            .and_then(|v| v.parse().ok())
            .unwrap_or(1),
        format: value("w:numFmt").unwrap_or("decimal").to_string(),
    }
}

/// Paragraph blocks with the numbers Word shows before list paragraphs.
fn numbered_blocks(paragraphs: &[Paragraph], numbering: &Numbering) -> Vec<String> {
    let mut counters = Counters::new(numbering);
    let mut blocks = Vec::new();
    for p in paragraphs {
        let marker = numbering
            .resolve(p.style.as_deref(), &p.num)
            .and_then(|(id, level)| counters.next(&id, level));
        let text = clean(&p.text);
        match marker {
            Some(m) => blocks.push(crate::model::block(Some(&m), &text)),
            None if !text.is_empty() => blocks.push(text),
            None => {}
        }
    }
    blocks
}

/// `[^N]: text` for each footnote referred to, in order. A reference to a
/// footnote the document does not have gets no definition, so that
/// `redraft check` reports it.
fn footnote_blocks(
    references: &[(String, String)],
    footnotes: Option<&Element>,
    revisions: Revisions,
) -> Vec<String> {
    let by_id: HashMap<&str, &Element> = footnotes
        .map(|f| {
            f.elements()
                .filter(|e| e.name == "w:footnote")
                .filter_map(|e| Some((e.attr("w:id")?, e)))
                .collect()
        })
        .unwrap_or_default();
    references
        .iter()
        .filter_map(|(id, label)| {
            let note = by_id.get(id.as_str())?;
            let paragraphs = Walker::new(revisions, None).paragraphs(note);
            let texts: Vec<String> = paragraphs.iter().map(|p| clean(&p.text)).collect();
            Some(format!("[^{label}]: {}", texts.join(" ").trim()))
        })
        .collect()
}

/// A paragraph's text as one block: trimmed, no line ends.
fn clean(text: &str) -> String {
    text.replace(['\n', '\r'], " ").trim().to_string()
}
