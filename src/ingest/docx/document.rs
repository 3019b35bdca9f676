//! The text of a Word document's paragraphs, as Word shows them with every
//! tracked change accepted (or rejected).
//!
//! Footnote and endnote references become `[^N]`, numbered as met.
//!
//! Text is gathered from runs however formatting split them, and from the
//! containers that hold runs: fields (the displayed result; the field code
//! is skipped), hyperlinks, smart tags, content controls (`w:sdt`) and
//! custom XML. Tabs, breaks, non-breaking hyphens (`U+2011`) and symbols
//! (`w:sym`) become characters; hidden text, drawings and comment marks
//! give none.
//!
//! Tracked changes: insertions (`w:ins`, `w:moveTo`) are kept and deletions
//! (`w:del`, `w:moveFrom`) dropped when changes are accepted, and the other
//! way round when they are rejected. A paragraph whose mark is dropped (an
//! inserted mark when rejecting, a deleted one when accepting) runs into
//! the next paragraph, which keeps its own properties, as in Word. When
//! rejecting, a paragraph's former properties (`w:pPrChange`) apply, and
//! numbering inserted as a revision (`w:numPr/w:ins`) is removed.

use super::numbering::NumProps;
use super::xml::Element;
use crate::ingest::Revisions;

/// Paragraphs in this style are skipped: redraft's summary page.
pub const SUMMARY_STYLE: &str = "RedraftSummary";

/// A paragraph as read: style, numbering and text.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Paragraph {
    /// The paragraph style's id.
    pub style: Option<String>,
    /// Its own numbering properties.
    pub num: NumProps,
    /// The text, footnote references as `[^N]`.
    pub text: String,
}

/// Reads paragraphs, numbering footnote and endnote references as they
/// are met.
#[derive(Debug)]
pub struct Walker {
    revisions: Revisions,
    /// How to label the n-th footnote reference (from 0), or `None` inside
    /// notes, where references are not counted.
    notes: Option<NoteLabels>,
    /// How to label the n-th endnote reference, if endnotes are read.
    end_notes: Option<NoteLabels>,
    /// The ids of the footnotes referred to, with their labels, in order.
    pub footnotes: Vec<(String, String)>,
    /// The ids of the endnotes referred to, with their labels, in order.
    pub endnotes: Vec<(String, String)>,
}

/// How Word numbers footnotes (or endnotes): a start value, a format, and
/// a prefix that keeps endnote labels apart from footnote labels when
/// both count alike (`e1`).
#[derive(Debug, Clone)]
pub struct NoteLabels {
    /// `w:numStart`.
    pub start: u32,
    /// `w:numFmt`.
    pub format: String,
    /// Written before each label: empty for footnotes.
    pub prefix: String,
}

impl NoteLabels {
    /// The label of the n-th reference (from 0).
    pub fn label(&self, n: usize) -> String {
        let n = self
            .start
            .saturating_add(u32::try_from(n).unwrap_or(u32::MAX));
        let number = super::numbering::format_number(n, &self.format);
        format!("{}{number}", self.prefix)
    }
}

/// A paragraph before merging: whether its mark survives.
struct Raw {
    paragraph: Paragraph,
    mark_kept: bool,
}

impl Walker {
    /// A walker for one version of the document; `notes` is `None` for
    /// reading footnotes' own text.
    pub fn new(revisions: Revisions, notes: Option<NoteLabels>) -> Walker {
        Walker {
            revisions,
            notes,
            end_notes: None,
            footnotes: Vec::new(),
            endnotes: Vec::new(),
        }
    }

    /// The walker also reads endnote references, labelled so.
    pub fn with_endnotes(mut self, labels: NoteLabels) -> Walker {
        self.end_notes = Some(labels);
        self
    }

    /// The paragraphs of a block container (`w:body`, `w:footnote`, a
    /// table cell), paragraphs whose mark is dropped run into the next.
    pub fn paragraphs(&mut self, container: &Element) -> Vec<Paragraph> {
        let mut raw = Vec::new();
        self.blocks(container, &mut raw);
        merge(raw)
    }

    fn blocks(&mut self, container: &Element, out: &mut Vec<Raw>) {
        for e in container.elements() {
            match e.name.as_str() {
                "w:p" => out.extend(self.paragraph(e)),
                "w:tbl" => self.table(e, out),
                "w:sdt" => {
                    if let Some(content) = e.child("w:sdtContent") {
                        self.blocks(content, out);
                    }
                }
                "w:customXml" | "w:sdtContent" => self.blocks(e, out),
                _ => {}
            }
        }
    }

    fn table(&mut self, table: &Element, out: &mut Vec<Raw>) {
        for row in table.elements().filter(|r| r.name == "w:tr") {
            let props = row.child("w:trPr");
            if props.is_some_and(|p| !self.keeps_marked(p)) {
                continue;
            }
            for cell in row.elements().filter(|c| c.name == "w:tc") {
                self.blocks(cell, out);
            }
        }
    }

    /// Whether content whose properties `props` may mark as inserted or
    /// deleted is there in the version being read.
    fn keeps_marked(&self, props: &Element) -> bool {
        let inserted = props.child("w:ins").or(props.child("w:moveTo")).is_some();
        let deleted = props.child("w:del").or(props.child("w:moveFrom")).is_some();
        match self.revisions {
            Revisions::Accept => !deleted,
            Revisions::Reject => !inserted,
        }
    }

    fn paragraph(&mut self, p: &Element) -> Option<Raw> {
        let ppr = p.child("w:pPr");
        let props = match (self.revisions, ppr) {
            (Revisions::Reject, Some(ppr)) => Some(
                ppr.child("w:pPrChange")
                    .and_then(|c| c.child("w:pPr"))
                    .unwrap_or(ppr),
            ),
            (_, ppr) => ppr,
        };
        let paragraph_style = props
            .and_then(|p| p.child_val("w:pStyle"))
            .map(str::to_string);
        if paragraph_style.as_deref() == Some(SUMMARY_STYLE) {
            return None;
        }
        let mark_kept = ppr
            .and_then(|ppr| ppr.child("w:rPr"))
            .is_none_or(|rpr| self.keeps_marked(rpr));
        let mut text = String::new();
        self.inline(p, &mut text);
        Some(Raw {
            paragraph: Paragraph {
                style: paragraph_style,
                num: props
                    .map(|p| NumProps::of_version(p, self.revisions == Revisions::Reject))
                    .unwrap_or_default(),
                text,
            },
            mark_kept,
        })
    }

    /// Text of inline content: runs and the containers that hold them.
    fn inline(&mut self, parent: &Element, text: &mut String) {
        for e in parent.elements() {
            match e.name.as_str() {
                "w:r" => self.run(e, text),
                "w:ins" | "w:moveTo" if self.revisions == Revisions::Accept => self.inline(e, text),
                "w:del" | "w:moveFrom" if self.revisions == Revisions::Reject => {
                    self.inline(e, text)
                }
                "w:hyperlink" | "w:smartTag" | "w:customXml" | "w:fldSimple" | "w:dir"
                | "w:bdo" | "w:sdtContent" => self.inline(e, text),
                "w:sdt" => {
                    if let Some(content) = e.child("w:sdtContent") {
                        self.inline(content, text);
                    }
                }
                _ => {}
            }
        }
    }

    fn run(&mut self, r: &Element, text: &mut String) {
        if r.child("w:rPr").is_some_and(|p| p.flag("w:vanish")) {
            return;
        }
        for e in r.elements() {
            match e.name.as_str() {
                "w:t" | "w:delText" => text.push_str(&e.text()),
                "w:tab" | "w:ptab" => text.push('\t'),
                "w:br" | "w:cr" => text.push('\n'),
                "w:noBreakHyphen" => text.push('\u{2011}'),
                "w:sym" => text.extend(symbol(e)),
                "w:footnoteReference" => self.footnote(e, text),
                "w:endnoteReference" => self.endnote(e, text),
                _ => {}
            }
        }
    }

    fn footnote(&mut self, e: &Element, text: &mut String) {
        if let (Some(labels), Some(id)) = (&self.notes, e.attr("w:id")) {
            reference(labels, id, &mut self.footnotes, text);
        }
    }

    fn endnote(&mut self, e: &Element, text: &mut String) {
        if let (Some(labels), Some(id)) = (&self.end_notes, e.attr("w:id")) {
            reference(labels, id, &mut self.endnotes, text);
        }
    }
}

/// Writes `[^label]` for the next reference and records it.
fn reference(
    labels: &NoteLabels,
    id: &str,
    references: &mut Vec<(String, String)>,
    text: &mut String,
) {
    let label = labels.label(references.len());
    text.push_str(&format!("[^{label}]"));
    references.push((id.to_string(), label));
}

/// The character of `<w:sym w:char="F0B7"/>`: symbol fonts map their
/// glyphs to `U+F0xx`, which stands for the byte `xx`.
fn symbol(e: &Element) -> Option<char> {
    let code = u32::from_str_radix(e.attr("w:char")?, 16).ok()?;
    let code = if (0xF000..=0xF0FF).contains(&code) {
        code - 0xF000
    } else {
        code
    };
    char::from_u32(code).filter(|c| !c.is_control())
}

/// Joins each paragraph whose mark is dropped to the next one, which keeps
/// its properties.
fn merge(raw: Vec<Raw>) -> Vec<Paragraph> {
    let mut out = Vec::new();
    let mut pending = String::new();
    let mut last = None;
    for r in raw {
        if r.mark_kept {
            let mut p = r.paragraph;
            p.text = std::mem::take(&mut pending) + &p.text;
            out.push(p);
        } else {
            pending.push_str(&r.paragraph.text);
            last = Some(r.paragraph);
        }
    }
    if let Some(mut p) = last.filter(|_| !pending.is_empty()) {
        p.text = pending;
        out.push(p);
    }
    out
}
