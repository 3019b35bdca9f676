//! A minimal Word document generator for the tests: the parts of a
//! package written from XML strings and zipped with the `zip` crate.

use std::io::{Cursor, Write};

/// The namespace declarations of WordprocessingML parts.
pub const NS: &str = r#"xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships""#;

const CONTENT_TYPES: &str = r#"<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/><Override PartName="/word/numbering.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.numbering+xml"/><Override PartName="/word/footnotes.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.footnotes+xml"/><Override PartName="/word/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.styles+xml"/></Types>"#;

const RELS: &str = r#"<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/></Relationships>"#;

/// A Word document: the body's XML and optional parts.
#[derive(Debug, Default, Clone)]
pub struct WordDoc {
    /// The XML inside `w:body`.
    pub body: String,
    /// The XML inside `w:numbering`.
    pub numbering: Option<String>,
    /// The XML inside `w:footnotes` (after the separators).
    pub footnotes: Option<String>,
    /// The XML inside `w:styles`.
    pub styles: Option<String>,
}

impl WordDoc {
    /// A document with a body.
    pub fn body(body: &str) -> WordDoc {
        WordDoc {
            body: body.to_string(),
            ..WordDoc::default()
        }
    }

    /// The `.docx` bytes.
    pub fn bytes(&self) -> Vec<u8> {
        let mut rels = Vec::new();
        let mut parts: Vec<(String, String)> = vec![
            ("[Content_Types].xml".into(), CONTENT_TYPES.into()),
            ("_rels/.rels".into(), RELS.into()),
            (
                "word/document.xml".into(),
                format!(
                    r#"<?xml version="1.0" encoding="UTF-8"?><w:document {NS}><w:body>{}</w:body></w:document>"#,
                    self.body
                ),
            ),
        ];
        if let Some(n) = &self.numbering {
            rels.push(("numbering", "numbering.xml"));
            parts.push((
                "word/numbering.xml".into(),
                format!("<w:numbering {NS}>{n}</w:numbering>"),
            ));
        }
        if let Some(f) = &self.footnotes {
            rels.push(("footnotes", "footnotes.xml"));
            parts.push((
                "word/footnotes.xml".into(),
                format!(r#"<w:footnotes {NS}><w:footnote w:type="separator" w:id="-1"><w:p><w:r><w:separator/></w:r></w:p></w:footnote><w:footnote w:type="continuationSeparator" w:id="0"><w:p><w:r><w:continuationSeparator/></w:r></w:p></w:footnote>{f}</w:footnotes>"#),
            ));
        }
        if let Some(s) = &self.styles {
            rels.push(("styles", "styles.xml"));
            parts.push((
                "word/styles.xml".into(),
                format!("<w:styles {NS}>{s}</w:styles>"),
            ));
        }
        let rels: String = rels
            .iter()
            .enumerate()
            .map(|(k, (kind, target))| format!(r#"<Relationship Id="rId{}" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/{kind}" Target="{target}"/>"#, k + 1))
            .collect();
        parts.push((
            "word/_rels/document.xml.rels".into(),
            format!(r#"<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">{rels}</Relationships>"#),
        ));
        let parts: Vec<(&str, &[u8])> = parts
            .iter()
            .map(|(n, t)| (n.as_str(), t.as_bytes()))
            .collect();
        zip_parts(&parts)
    }
}

/// A zip archive of named parts, deflated.
pub fn zip_parts(parts: &[(&str, &[u8])]) -> Vec<u8> {
    let mut zip = zip::ZipWriter::new(Cursor::new(Vec::new()));
    let options = zip::write::SimpleFileOptions::default()
        .compression_method(zip::CompressionMethod::Deflated);
    for (name, bytes) in parts {
        zip.start_file(*name, options).expect("zip entry");
        zip.write_all(bytes).expect("zip write");
    }
    zip.finish().expect("zip").into_inner()
}

/// A paragraph: optional properties XML, then content XML.
pub fn p(ppr: &str, content: &str) -> String {
    format!("<w:p><w:pPr>{ppr}</w:pPr>{content}</w:p>")
}

/// A plain run.
pub fn r(text: &str) -> String {
    format!(r#"<w:r><w:t xml:space="preserve">{text}</w:t></w:r>"#)
}

/// A list paragraph's numbering properties.
pub fn num(id: u32, level: u32) -> String {
    format!(r#"<w:numPr><w:ilvl w:val="{level}"/><w:numId w:val="{id}"/></w:numPr>"#)
}

/// A tracked insertion.
pub fn ins(content: &str) -> String {
    format!(r#"<w:ins w:id="901" w:author="A" w:date="2024-01-01T00:00:00Z">{content}</w:ins>"#)
}

/// A tracked deletion of text.
pub fn del(text: &str) -> String {
    format!(
        r#"<w:del w:id="902" w:author="A" w:date="2024-01-01T00:00:00Z"><w:r><w:delText xml:space="preserve">{text}</w:delText></w:r></w:del>"#
    )
}

/// A paragraph mark marked as deleted (`w:del`) or inserted (`w:ins`).
pub fn mark(tag: &str) -> String {
    format!(r#"<w:rPr><w:{tag} w:id="903" w:author="A" w:date="2024-01-01T00:00:00Z"/></w:rPr>"#)
}

/// A footnote reference run.
pub fn note_ref(id: u32) -> String {
    format!(
        r#"<w:r><w:rPr><w:rStyle w:val="FootnoteReference"/></w:rPr><w:footnoteReference w:id="{id}"/></w:r>"#
    )
}

/// A footnote with one paragraph.
pub fn footnote(id: u32, content: &str) -> String {
    format!(
        r#"<w:footnote w:id="{id}"><w:p><w:r><w:footnoteRef/></w:r>{}{content}</w:p></w:footnote>"#,
        r(" ")
    )
}

/// The numbering of a resolution: `1.` and `(a)` below it; numbering
/// instances 1 and 2 share it.
pub fn resolution_numbering() -> String {
    r#"<w:abstractNum w:abstractNumId="4"><w:multiLevelType w:val="multilevel"/>
      <w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="decimal"/><w:lvlText w:val="%1."/><w:lvlJc w:val="left"/></w:lvl>
      <w:lvl w:ilvl="1"><w:start w:val="1"/><w:numFmt w:val="lowerLetter"/><w:lvlText w:val="(%2)"/><w:lvlJc w:val="left"/></w:lvl>
      <w:lvl w:ilvl="2"><w:start w:val="1"/><w:numFmt w:val="lowerRoman"/><w:lvlText w:val="(%3)"/><w:lvlJc w:val="left"/></w:lvl>
    </w:abstractNum>
    <w:num w:numId="1"><w:abstractNumId w:val="4"/></w:num>
    <w:num w:numId="2"><w:abstractNumId w:val="4"/></w:num>"#
        .to_string()
}
