//! The parts beside the main document: footnotes whose text changed
//! rewritten in the package's own footnotes part, new footnotes for deleted
//! references, comments, and the headers and footers compared with the old
//! document's.

use super::super::DocxOptions;
use super::super::body::escape;
use super::super::package::{self, Package};
use super::super::plan::{Para, Piece, Side, Style, note_pieces};
use super::super::source::{Atom, Reader};
use super::super::spans::{self, Span};
use super::Weaver;
use super::markup::{strip, tag_len, text_runs};
use super::writer::HomeWriter;
use crate::model::UnitKind;
use crate::redline::{Entry, Op};

impl Weaver<'_> {
    /// A footnote reference run for a label of one side: the new draft's
    /// own footnote, or a new one holding the old draft's text.
    pub(super) fn reference(&mut self, label: &str, side: Side) -> String {
        let entry = self.redline.entries.iter().find(|e| {
            e.kind == UnitKind::Footnote
                && e.op != Op::MovedAway
                && match side {
                    Side::Old => e.old.iter().any(|o| o.number.as_deref() == Some(label)),
                    _ => e.new.as_ref().and_then(|n| n.number.as_deref()) == Some(label),
                }
        });
        let id = match (side, entry) {
            (Side::Old, Some(e)) => self.add_note(e, Side::Old),
            (_, Some(e)) if self.note_ids.is_empty() => self.add_note(e, side),
            (_, Some(_)) => self
                .note_ids
                .iter()
                .find(|(_, l)| l == label)
                .map(|(id, _)| id.clone()),
            (_, None) => None,
        };
        match id {
            Some(id) => format!(
                r#"<w:r><w:rPr><w:vertAlign w:val="superscript"/></w:rPr><w:footnoteReference w:id="{id}"/></w:r>"#
            ),
            None => {
                let mut runs = String::new();
                text_runs(&format!("[^{label}]"), "", side == Side::Old, &mut runs);
                runs
            }
        }
    }

    /// A new footnote for a reference of one side, its id: for a deleted
    /// reference its text is deleted too, for an inserted one inserted (as
    /// Word marks a deleted or new footnote), for a kept one its edits are
    /// tracked (when the package's own footnotes are not the new draft's).
    pub(super) fn add_note(&mut self, e: &Entry, side: Side) -> Option<String> {
        let (ppr, reference, rpr) = self.note_look.clone()?;
        let id = self.id();
        let pieces = match side {
            Side::Old => vec![Piece::new(Side::Old, format!(" {}", e.old_text()))],
            Side::New => vec![Piece::new(Side::New, format!(" {}", e.new_text()))],
            Side::Both => {
                let mut pieces = vec![Piece::new(Side::Both, " ")];
                pieces.extend(note_pieces(e, Side::Both, true));
                pieces
            }
        };
        let mut runs = String::new();
        for piece in &pieces {
            self.loose_piece(piece, &rpr, false, &mut runs);
        }
        self.added_notes.push(format!(
            r#"<w:footnote w:id="{id}"><w:p>{ppr}{reference}{runs}</w:p></w:footnote>"#
        ));
        Some(id.to_string())
    }

    /// The parts besides the document: footnotes rewritten and added,
    /// comments, their relationships and content types.
    pub(super) fn finish(
        &mut self,
        package: &mut Package,
        notes_name: Option<String>,
        notes_xml: Option<String>,
        rels: &str,
    ) {
        if let (Some(name), Some(xml)) = (notes_name, notes_xml)
            && let Some(text) = self.footnotes(&xml)
        {
            package.set(&name, text);
        }
        if !self.comments.is_empty() {
            add_comments(package, rels, &self.comments, self.options);
        }
        if let Some(old) = self.options.old_docx.as_deref().and_then(Package::open) {
            super::super::furniture::track(package, &old, &mut || self.revision());
        }
    }

    /// The footnotes part with changed footnotes tracked and deleted ones
    /// added.
    pub(super) fn footnotes(&mut self, xml: &str) -> Option<String> {
        let root = spans::parse(xml)?;
        let mut out = xml[..root.open_end].to_string();
        let mut at = root.open_end;
        for note in &root.children {
            out.push_str(&xml[at..note.start]);
            at = note.end;
            let id = note.attr(xml, "w:id").unwrap_or_default();
            match self.note_entry(&id) {
                Some(k) => self.footnote(xml, note, k, &mut out),
                None => out.push_str(note.raw(xml)),
            }
        }
        out.push_str(&xml[at..root.close_start]);
        out.extend(self.added_notes.drain(..));
        out.push_str(&xml[root.close_start..]);
        Some(out)
    }

    /// The footnotes part with only its separators and the footnotes
    /// written for the redline.
    pub(super) fn fresh_footnotes(&mut self, xml: &str) -> Option<String> {
        let root = spans::parse(xml)?;
        let mut out = xml[..root.open_end].to_string();
        for note in &root.children {
            if note.attr(xml, "w:type").is_some() {
                out.push_str(note.raw(xml));
            }
        }
        out.extend(self.added_notes.drain(..));
        out.push_str(&xml[root.close_start..]);
        Some(out)
    }

    /// The changed footnote entry of the new draft's footnote `id`: edited,
    /// or inserted (its text is then inserted, as Word marks a new
    /// footnote).
    pub(super) fn note_entry(&self, id: &str) -> Option<usize> {
        let label = &self.note_ids.iter().find(|(i, _)| i == id)?.1;
        self.redline.entries.iter().position(|e| {
            e.kind == UnitKind::Footnote
                && matches!(e.op, Op::Edited | Op::Inserted)
                && e.new.as_ref().and_then(|n| n.number.as_deref()) == Some(label.as_str())
        })
    }

    /// A footnote of one paragraph with its edits tracked.
    pub(super) fn footnote(&mut self, xml: &str, note: &Span, k: usize, out: &mut String) {
        let ps: Vec<&Span> = note.children.iter().filter(|c| c.name == "w:p").collect();
        let [p] = ps[..] else {
            out.push_str(note.raw(xml));
            return;
        };
        let src = Reader::new(xml, None).paragraph(p);
        let e = &self.redline.entries[k];
        let pieces = note_pieces(e, Side::Both, true);
        let para = Para {
            style: Style::Footnote,
            pieces,
            mark: Side::Both,
            moved: None,
            comment: None,
            markers: 0,
            entry: Some(k),
        };
        let mut writer = HomeWriter::new(&src, &e.new_text());
        out.push_str(&xml[note.start..p.start]);
        let mut body = String::new();
        out.push_str(&xml[p.start..p.start + tag_len(&xml[p.start..])]);
        out.push_str(&src.ppr);
        writer.emit_prefix(&mut body);
        for piece in &para.pieces {
            match piece.side {
                Side::Old => {
                    let rpr = writer.rpr_here().to_string();
                    self.loose_piece(piece, &rpr, false, &mut body);
                }
                side => {
                    let mut runs = String::new();
                    writer.emit(piece.text.chars().count(), &mut runs);
                    self.wrap(side, false, &runs, &mut body);
                }
            }
        }
        writer.emit_rest(&mut body);
        out.push_str(&body);
        out.push_str("</w:p>");
        out.push_str(&xml[p.end..note.end]);
    }
}
/// A footnote paragraph of the package: its properties, the run of its
/// number, and its text's run properties.
pub(super) fn note_look(xml: &str) -> Option<(String, String, String)> {
    let root = spans::parse(xml)?;
    let note = root
        .children
        .iter()
        .find(|n| n.attr(xml, "w:type").is_none() && n.child("w:p").is_some())?;
    let p = note.child("w:p")?;
    let src = Reader::new(xml, None).paragraph(p);
    let reference = src.atoms.iter().find_map(|a| match a {
        Atom::Object { raw, .. } if raw.contains("<w:footnoteRef") => Some(raw.clone()),
        _ => None,
    })?;
    Some((
        strip(&src.ppr, "w:pPrChange"),
        reference,
        src.body_rpr().to_string(),
    ))
}

/// Adds the comments part (or the comments to the package's own).
pub(super) fn add_comments(
    package: &mut Package,
    rels: &str,
    comments: &[(usize, String)],
    options: &DocxOptions,
) {
    let mut xml = String::new();
    for (id, text) in comments {
        xml.push_str(&format!(
            r#"<w:comment w:id="{id}" w:author="{}" w:date="{}" w:initials="rd"><w:p><w:r><w:annotationRef/></w:r><w:r><w:t xml:space="preserve">{}</w:t></w:r></w:p></w:comment>"#,
            escape(&options.author),
            escape(&options.date),
            escape(text)
        ));
    }
    if let Some(name) = package::target(rels, "comments")
        && let Some(own) = package.text(&name)
        && let Some(at) = own.rfind("</w:comments>")
    {
        package.set(&name, format!("{}{xml}{}", &own[..at], &own[at..]));
        return;
    }
    let part = format!(
        r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:comments {}>{xml}</w:comments>"#,
        super::super::parts::W_NS
    );
    package.set("word/comments.xml", part);
    let rel = r#"<Relationship Id="rIdRedraftComments" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/comments" Target="comments.xml"/>"#;
    if let Some(at) = rels.rfind("</Relationships>") {
        package.set(
            "word/_rels/document.xml.rels",
            format!("{}{rel}{}", &rels[..at], &rels[at..]),
        );
    }
    if let Some(types) = package.text("[Content_Types].xml")
        && let Some(at) = types.rfind("</Types>")
    {
        let kind = r#"<Override PartName="/word/comments.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.comments+xml"/>"#;
        package.set(
            "[Content_Types].xml",
            format!("{}{kind}{}", &types[..at], &types[at..]),
        );
    }
}
