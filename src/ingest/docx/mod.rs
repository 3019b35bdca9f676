//! Reading Word documents (`.docx`): the draft as plain text in the
//! project's draft format, as Word shows it with tracked changes accepted
//! or rejected.
//!
//! - [`container`]: the zip archive, read with a cap on inflated size.
//! - [`xml`]: a small element tree over `quick-xml`; DTDs refused.
//! - [`document`]: paragraph text, fields, hyperlinks, content controls,
//!   tracked changes.
//! - [`numbering`]: the numbers Word computes for list paragraphs.
//! - [`notes`]: footnotes and endnotes, numbered as Word numbers them and
//!   written as `[^N]` references and `[^N]: text` definitions at the end.
//!
//! What the reader produces is bounded as well as what it inflates: every
//! paragraph, number and note definition is charged to a
//! [`Budget`](crate::ingest::limits::Budget) as it is made, so that list
//! numbers or notes repeated without end are refused at the limit.
//! Noncharacters U+FFFE and U+FFFF, which XML cannot hold and Word never
//! writes, are read as U+FFFD (�), visible where they stood.

pub mod container;
pub mod document;
pub mod notes;
pub mod numbering;
pub mod xml;

use crate::ingest::Revisions;
use crate::ingest::limits::{Budget, Limits};
use container::Package;
use document::{Paragraph, Walker};
use notes::Kind;
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
/// accepted or rejected, within the default [`Limits`]. The error is one
/// line, without the file name.
pub fn read(bytes: &[u8], revisions: Revisions) -> Result<String, String> {
    read_limited(bytes, revisions, Limits::default())
}

/// Reads a Word document as [`read`] does, within `limits`.
pub fn read_limited(bytes: &[u8], revisions: Revisions, limits: Limits) -> Result<String, String> {
    let mut package = Package::open(bytes)?;
    let parts = Parts::read(&mut package)?;
    let body = parts
        .document
        .child("w:body")
        .ok_or_else(|| format!("{} has no w:body", container::DOCUMENT))?;
    let settings = parts.settings.as_ref();
    let foot = notes::labels(Kind::Foot, settings, body);
    let mut end = notes::labels(Kind::End, settings, body);
    if end.format == foot.format {
        end.prefix = "e".to_string();
    }
    let mut walker = Walker::new(revisions, Some(foot)).with_endnotes(end);
    let paragraphs = walker.paragraphs(body);
    let numbering = Numbering::read(parts.numbering.as_ref(), parts.styles.as_ref());
    let mut budget = Budget::new(limits);
    let mut blocks = numbered_blocks(&paragraphs, &numbering, &mut budget)?;
    for (kind, references, part) in [
        (Kind::Foot, &walker.footnotes, &parts.footnotes),
        (Kind::End, &walker.endnotes, &parts.endnotes),
    ] {
        let defined = notes::definitions(references, part.as_ref(), kind, revisions, &mut budget)?;
        blocks.extend(defined);
    }
    if blocks.is_empty() {
        return Err("the Word document has no text".to_string());
    }
    Ok(crate::text::blocks::join_blocks(blocks))
}

/// The parsed parts a draft needs.
struct Parts {
    document: Element,
    numbering: Option<Element>,
    styles: Option<Element>,
    footnotes: Option<Element>,
    endnotes: Option<Element>,
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
        let endnotes = optional("endnotes")?;
        let settings = optional("settings")?;
        let document = parse_part(package, container::DOCUMENT)?
            .ok_or_else(|| format!("no {}", container::DOCUMENT))?;
        Ok(Parts {
            document,
            numbering,
            styles,
            footnotes,
            endnotes,
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

/// Paragraph blocks with the numbers Word shows before list paragraphs,
/// each charged to the budget.
fn numbered_blocks(
    paragraphs: &[Paragraph],
    numbering: &Numbering,
    budget: &mut Budget,
) -> Result<Vec<String>, String> {
    let mut counters = Counters::new(numbering);
    let mut blocks = Vec::new();
    for p in paragraphs {
        let marker = numbering
            .resolve(p.style.as_deref(), &p.num)
            .and_then(|(id, level)| counters.next(&id, level));
        if let Some(m) = &marker {
            budget.text(m)?;
        }
        let marker = marker.map(|m| clean(&m));
        for (k, part) in note_definitions(&p.text).into_iter().enumerate() {
            let marker = marker.as_deref().filter(|_| k == 0);
            let text = clean(part);
            if marker.is_none() && text.is_empty() {
                continue;
            }
            budget.block(&text)?;
            blocks.push(crate::text::blocks::block(marker, &text));
        }
    }
    Ok(blocks)
}

/// A paragraph's text cut before each line (after a line break) that opens
/// a footnote definition: footnotes typed one a line with line breaks
/// between them are separate notes, as they are one a paragraph.
///
/// ```text
/// "[^1]: First.⏎[^2]: Second.⏎more" → ["[^1]: First.", "[^2]: Second.⏎more"]
/// ```
fn note_definitions(text: &str) -> Vec<&str> {
    let mut parts = Vec::new();
    let mut start = 0;
    for (at, _) in text.match_indices('\n') {
        let next = text[at + 1..].trim_start_matches([' ', '\t', '\r']);
        if crate::text::marker::footnote_definition(next).is_some() {
            parts.push(&text[start..at]);
            start = at + 1;
        }
    }
    parts.push(&text[start..]);
    parts
}

/// A paragraph's text as one block: trimmed, no line ends, the
/// noncharacters U+FFFE and U+FFFF shown as U+FFFD.
fn clean(text: &str) -> String {
    // U+FFFE and U+FFFF are EF BF BE and EF BF BF in UTF-8.
    let plain = !text.bytes().any(|b| matches!(b, b'\n' | b'\r' | 0xEF));
    if plain {
        return text.trim().to_string();
    }
    let mapped: String = text
        .chars()
        .map(|c| match c {
            '\n' | '\r' => ' ',
            '\u{FFFE}' | '\u{FFFF}' => '\u{FFFD}',
            c => c,
        })
        .collect();
    mapped.trim().to_string()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn footnote_definitions_after_line_breaks_are_separate() {
        let text = "[^1]: First.\n[^2]: Second,\ngoing on.\n \n[^3]: Third.";
        assert_eq!(
            note_definitions(text),
            [
                "[^1]: First.",
                "[^2]: Second,\ngoing on.\n ",
                "[^3]: Third."
            ]
        );
        assert_eq!(note_definitions("Decides\nto act."), ["Decides\nto act."]);
    }
}
