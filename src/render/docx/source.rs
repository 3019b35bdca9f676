//! The paragraphs of a Word package as the redline rewrites them: each
//! paragraph's properties and its content cut into atoms, text with the
//! formatting of its run, or objects copied as written.
//!
//! `<w:p><w:pPr>…</w:pPr><w:r><w:rPr><w:i/></w:rPr><w:t>Décide</w:t></w:r>
//! <w:r><w:t xml:space="preserve"> que</w:t></w:r><w:r><w:footnoteReference
//! w:id="3"/></w:r></w:p>` → properties `<w:pPr>…</w:pPr>`, atoms
//! `Text("Décide", <w:i/>)`, `Text(" que", none)`, `Object([^5])` (the
//! reference reads as the label Word gives it). The text of the atoms is
//! what the `.docx` reader reads, so that a unit of the draft can be found
//! in its paragraph, character by character.

use super::spans::Span;

/// A piece of a paragraph's content.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Atom {
    /// Text of one run, with the run's properties (`<w:rPr>…</w:rPr>`, or
    /// empty).
    Text {
        /// The run properties as written.
        rpr: String,
        /// The text (tabs as `\t`).
        text: String,
    },
    /// Anything else, copied as written; its text is what the reader reads
    /// in it (a footnote reference's label, a field's result).
    Object {
        /// The XML as written (a run holding only this object, for run
        /// content).
        raw: String,
        /// The text the reader reads in it.
        text: String,
        /// Whether a tracked change may wrap it (`w:ins` holds runs,
        /// bookmarks, content controls, not hyperlinks or simple fields).
        wrappable: bool,
    },
}

impl Atom {
    /// The text the reader reads in the atom.
    pub fn text(&self) -> &str {
        match self {
            Atom::Text { text, .. } | Atom::Object { text, .. } => text,
        }
    }
}

/// A paragraph of the package.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SourcePara {
    /// Where it stands in its part.
    pub start: usize,
    /// Where it ends in its part.
    pub end: usize,
    /// Its properties as written (`<w:pPr>…</w:pPr>`), or empty.
    pub ppr: String,
    /// Its content.
    pub atoms: Vec<Atom>,
}

impl SourcePara {
    /// The paragraph's text as the reader reads it.
    pub fn text(&self) -> String {
        self.atoms.iter().map(Atom::text).collect()
    }

    /// The properties of the paragraph's last text run: the body text's
    /// look, rather than that of emphasised opening words.
    pub fn body_rpr(&self) -> &str {
        self.atoms
            .iter()
            .rev()
            .find_map(|a| match a {
                Atom::Text { rpr, text } if !text.trim().is_empty() => Some(rpr.as_str()),
                _ => None,
            })
            .unwrap_or("")
    }
}

/// Reads paragraphs, labelling footnote references as Word numbers them.
#[derive(Debug)]
pub struct Reader<'x> {
    xml: &'x str,
    /// The start and format of footnote numbers, or `None` inside notes.
    notes: Option<(u32, String)>,
    /// The footnotes referred to: their id and label, in order.
    pub references: Vec<(String, String)>,
}

impl<'x> Reader<'x> {
    /// A reader of one part; `notes` numbers footnote references.
    pub fn new(xml: &'x str, notes: Option<(u32, String)>) -> Reader<'x> {
        Reader {
            xml,
            notes,
            references: Vec::new(),
        }
    }

    /// The paragraphs of a block container (the body, a table cell, a
    /// footnote), in reading order, tables and content controls included.
    pub fn paragraphs(&mut self, container: &Span) -> Vec<SourcePara> {
        let mut out = Vec::new();
        self.blocks(container, &mut out);
        out
    }

    fn blocks(&mut self, container: &Span, out: &mut Vec<SourcePara>) {
        for e in &container.children {
            match e.name.as_str() {
                "w:p" => out.push(self.paragraph(e)),
                "w:tbl" | "w:tr" | "w:tc" | "w:customXml" | "w:sdtContent" => self.blocks(e, out),
                "w:sdt" => {
                    if let Some(c) = e.child("w:sdtContent") {
                        self.blocks(c, out);
                    }
                }
                _ => {}
            }
        }
    }

    /// One paragraph.
    pub fn paragraph(&mut self, p: &Span) -> SourcePara {
        let ppr = p.child("w:pPr").map_or("", |s| s.raw(self.xml)).to_string();
        let mut atoms = Vec::new();
        for e in p.children.iter().filter(|e| e.name != "w:pPr") {
            self.inline(e, &mut atoms);
        }
        SourcePara {
            start: p.start,
            end: p.end,
            ppr,
            atoms,
        }
    }

    fn inline(&mut self, e: &Span, atoms: &mut Vec<Atom>) {
        match e.name.as_str() {
            "w:r" => self.run(e, atoms),
            "w:ins" | "w:moveTo" => {
                for c in &e.children {
                    self.inline(c, atoms);
                }
            }
            "w:hyperlink" | "w:fldSimple" | "w:smartTag" | "w:customXml" | "w:sdt" | "w:dir"
            | "w:bdo" => {
                let mut inner = Vec::new();
                let content = match e.name.as_str() {
                    "w:sdt" => e.child("w:sdtContent"),
                    _ => Some(e),
                };
                for c in content.map_or(&[][..], |c| &c.children[..]) {
                    self.inline(c, &mut inner);
                }
                atoms.push(Atom::Object {
                    raw: e.raw(self.xml).to_string(),
                    text: inner.iter().map(Atom::text).collect(),
                    wrappable: !matches!(e.name.as_str(), "w:hyperlink" | "w:fldSimple"),
                });
            }
            _ => atoms.push(Atom::Object {
                raw: e.raw(self.xml).to_string(),
                text: String::new(),
                wrappable: true,
            }),
        }
    }

    fn run(&mut self, r: &Span, atoms: &mut Vec<Atom>) {
        let xml = self.xml;
        let rpr_span = r.child("w:rPr");
        let rpr = rpr_span.map_or("", |s| s.raw(xml)).to_string();
        if rpr_span.is_some_and(|s| hidden(xml, s)) {
            atoms.push(object(r.raw(xml), ""));
            return;
        }
        for c in r.children.iter().filter(|c| c.name != "w:rPr") {
            let text = match c.name.as_str() {
                "w:t" => {
                    push_text(atoms, &rpr, &c.text(xml));
                    continue;
                }
                "w:tab" | "w:ptab" => {
                    push_text(atoms, &rpr, "\t");
                    continue;
                }
                "w:br" | "w:cr" => " ".to_string(),
                "w:noBreakHyphen" => "\u{2011}".to_string(),
                "w:sym" => symbol(c, xml).map(String::from).unwrap_or_default(),
                "w:footnoteReference" => self.reference(c),
                _ => String::new(),
            };
            let raw = format!("<w:r>{rpr}{}</w:r>", c.raw(xml));
            atoms.push(object(&raw, &text));
        }
    }

    fn reference(&mut self, e: &Span) -> String {
        let (Some((start, format)), Some(id)) = (&self.notes, e.attr(self.xml, "w:id")) else {
            return String::new();
        };
        let n = start + self.references.len() as u32;
        let label = crate::ingest::docx::numbering::format_number(n, format);
        self.references.push((id, label.clone()));
        format!("[^{label}]")
    }
}

/// For each paragraph the reader finds in `container` (in its order), the
/// start of the innermost table cell holding it: which paragraphs share a
/// cell.
pub fn cells_of(container: &Span) -> Vec<Option<usize>> {
    fn walk(span: &Span, cell: Option<usize>, out: &mut Vec<Option<usize>>) {
        for e in &span.children {
            match e.name.as_str() {
                "w:p" => out.push(cell),
                "w:tc" => walk(e, Some(e.start), out),
                "w:tbl" | "w:tr" | "w:customXml" | "w:sdtContent" => walk(e, cell, out),
                "w:sdt" => {
                    if let Some(c) = e.child("w:sdtContent") {
                        walk(c, cell, out);
                    }
                }
                _ => {}
            }
        }
    }
    let mut out = Vec::new();
    walk(container, None, &mut out);
    out
}

fn object(raw: &str, text: &str) -> Atom {
    Atom::Object {
        raw: raw.to_string(),
        text: text.to_string(),
        wrappable: true,
    }
}

/// Adds text, joined to the previous atom when it has the same properties.
fn push_text(atoms: &mut Vec<Atom>, rpr: &str, text: &str) {
    if let Some(Atom::Text { rpr: last, text: t }) = atoms.last_mut()
        && last == rpr
    {
        t.push_str(text);
        return;
    }
    atoms.push(Atom::Text {
        rpr: rpr.to_string(),
        text: text.to_string(),
    });
}

/// Whether run properties hide the run (`w:vanish` on).
fn hidden(xml: &str, rpr: &Span) -> bool {
    rpr.child("w:vanish")
        .is_some_and(|v| !matches!(v.attr(xml, "w:val").as_deref(), Some("0" | "false" | "off")))
}

/// The character of a `w:sym` (symbol fonts map glyphs to `U+F0xx`).
fn symbol(e: &Span, xml: &str) -> Option<char> {
    let code = u32::from_str_radix(&e.attr(xml, "w:char")?, 16).ok()?;
    let code = if (0xF000..=0xF0FF).contains(&code) {
        code - 0xF000
    } else {
        code
    };
    char::from_u32(code).filter(|c| !c.is_control())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn atoms_of_a_paragraph() {
        let xml = r#"<w:p><w:pPr><w:jc w:val="both"/></w:pPr><w:r><w:rPr><w:i/></w:rPr><w:t>Décide</w:t></w:r><w:r><w:t xml:space="preserve"> que</w:t><w:tab/></w:r><w:bookmarkStart w:id="0" w:name="x"/><w:r><w:footnoteReference w:id="3"/></w:r></w:p>"#;
        let span = super::super::spans::parse(xml).unwrap();
        let mut reader = Reader::new(xml, Some((5, "decimal".to_string())));
        let p = reader.paragraph(&span);
        assert_eq!(p.ppr, r#"<w:pPr><w:jc w:val="both"/></w:pPr>"#);
        assert_eq!(p.text(), "Décide que\t[^5]");
        assert_eq!(p.body_rpr(), "");
        assert_eq!(reader.references, [("3".to_string(), "5".to_string())]);
        assert_eq!(p.atoms.len(), 4);
    }
}
