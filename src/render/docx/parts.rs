//! The fixed parts of the package: content types, relationships, styles,
//! settings, and the wrappers of the document, footnotes and comments.

use super::body::escape;

/// The WordprocessingML namespace declaration every part uses.
pub const W_NS: &str = r#"xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships""#;

const DECL: &str = r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>"#;

/// Which optional parts the package has.
#[derive(Debug, Clone, Copy)]
pub struct Optional {
    /// `word/footnotes.xml`.
    pub footnotes: bool,
    /// `word/comments.xml`.
    pub comments: bool,
}

/// `[Content_Types].xml`.
pub fn content_types(optional: Optional) -> String {
    let main = "application/vnd.openxmlformats-officedocument.wordprocessingml";
    let mut overrides = vec![
        ("/word/document.xml", format!("{main}.document.main+xml")),
        ("/word/styles.xml", format!("{main}.styles+xml")),
        ("/word/settings.xml", format!("{main}.settings+xml")),
        ("/word/fontTable.xml", format!("{main}.fontTable+xml")),
        (
            "/word/theme/theme1.xml",
            "application/vnd.openxmlformats-officedocument.theme+xml".to_string(),
        ),
        (
            "/docProps/core.xml",
            "application/vnd.openxmlformats-package.core-properties+xml".to_string(),
        ),
    ];
    if optional.footnotes {
        overrides.push(("/word/footnotes.xml", format!("{main}.footnotes+xml")));
    }
    if optional.comments {
        overrides.push(("/word/comments.xml", format!("{main}.comments+xml")));
    }
    let overrides: String = overrides
        .iter()
        .map(|(part, kind)| format!(r#"<Override PartName="{part}" ContentType="{kind}"/>"#))
        .collect();
    format!(
        r#"{DECL}<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/>{overrides}</Types>"#
    )
}

/// `_rels/.rels`.
pub fn package_rels() -> String {
    format!(
        r#"{DECL}<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/><Relationship Id="rId2" Type="http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties" Target="docProps/core.xml"/></Relationships>"#
    )
}

/// `word/_rels/document.xml.rels`.
pub fn document_rels(optional: Optional) -> String {
    let base = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";
    let mut rels = vec![
        ("styles", "styles.xml"),
        ("settings", "settings.xml"),
        ("fontTable", "fontTable.xml"),
        ("theme", "theme/theme1.xml"),
    ];
    if optional.footnotes {
        rels.push(("footnotes", "footnotes.xml"));
    }
    if optional.comments {
        rels.push(("comments", "comments.xml"));
    }
    let rels: String = rels
        .iter()
        .enumerate()
        .map(|(k, (kind, target))| {
            format!(
                r#"<Relationship Id="rId{}" Type="{base}/{kind}" Target="{target}"/>"#,
                k + 1
            )
        })
        .collect();
    format!(
        r#"{DECL}<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">{rels}</Relationships>"#
    )
}

/// `docProps/core.xml`.
pub fn core(title: &str, author: &str, date: &str) -> String {
    format!(
        r#"{DECL}<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:dcterms="http://purl.org/dc/terms/" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"><dc:title>{}</dc:title><dc:creator>{}</dc:creator><dcterms:created xsi:type="dcterms:W3CDTF">{}</dcterms:created></cp:coreProperties>"#,
        escape(title),
        escape(author),
        escape(date)
    )
}

/// The footnote numbering properties: Word's count starts at `start`.
fn footnote_props(start: u32) -> String {
    format!(r#"<w:footnotePr><w:numStart w:val="{start}"/></w:footnotePr>"#)
}

/// `word/document.xml` around the paragraphs.
pub fn document(body: &str, note_start: u32) -> String {
    format!(
        r#"{DECL}<w:document {W_NS}><w:body>{body}<w:sectPr>{}<w:pgSz w:w="11906" w:h="16838"/><w:pgMar w:top="1418" w:right="1418" w:bottom="1418" w:left="1418" w:header="709" w:footer="709" w:gutter="0"/></w:sectPr></w:body></w:document>"#,
        footnote_props(note_start)
    )
}

/// `word/settings.xml`: further edits are tracked; footnotes count from
/// `note_start`.
pub fn settings(note_start: u32, footnotes: bool) -> String {
    let separators = if footnotes {
        r#"<w:footnote w:id="0"/><w:footnote w:id="1"/>"#
    } else {
        ""
    };
    format!(
        r#"{DECL}<w:settings {W_NS}><w:trackRevisions/><w:defaultTabStop w:val="567"/><w:footnotePr><w:numStart w:val="{note_start}"/>{separators}</w:footnotePr><w:compat><w:compatSetting w:name="compatibilityMode" w:uri="http://schemas.microsoft.com/office/word" w:val="15"/></w:compat></w:settings>"#
    )
}

/// `word/footnotes.xml`: the separators, then each footnote.
pub fn footnotes(notes: &[(usize, String)]) -> String {
    let mut out = format!(
        r#"{DECL}<w:footnotes {W_NS}><w:footnote w:type="separator" w:id="0"><w:p><w:pPr><w:spacing w:after="0" w:line="240" w:lineRule="auto"/></w:pPr><w:r><w:separator/></w:r></w:p></w:footnote><w:footnote w:type="continuationSeparator" w:id="1"><w:p><w:pPr><w:spacing w:after="0" w:line="240" w:lineRule="auto"/></w:pPr><w:r><w:continuationSeparator/></w:r></w:p></w:footnote>"#
    );
    for (id, runs) in notes {
        out.push_str(&format!(
            r#"<w:footnote w:id="{id}"><w:p><w:pPr><w:pStyle w:val="FootnoteText"/></w:pPr><w:r><w:rPr><w:rStyle w:val="FootnoteReference"/></w:rPr><w:footnoteRef/></w:r><w:r><w:t xml:space="preserve"> </w:t></w:r>{runs}</w:p></w:footnote>"#
        ));
    }
    out.push_str("</w:footnotes>");
    out
}

/// `word/comments.xml`.
pub fn comments(comments: &[(usize, String)], author: &str, date: &str) -> String {
    let mut out = format!("{DECL}<w:comments {W_NS}>");
    for (id, text) in comments {
        out.push_str(&format!(
            r#"<w:comment w:id="{id}" w:author="{}" w:date="{}" w:initials="rd"><w:p><w:pPr><w:pStyle w:val="CommentText"/></w:pPr><w:r><w:rPr><w:rStyle w:val="CommentReference"/></w:rPr><w:annotationRef/></w:r><w:r><w:t xml:space="preserve">{}</w:t></w:r></w:p></w:comment>"#,
            escape(author),
            escape(date),
            escape(text)
        ));
    }
    out.push_str("</w:comments>");
    out
}

/// A paragraph style: id, name, properties of the paragraph and its runs.
fn paragraph_style(id: &str, name: &str, ppr: &str, rpr: &str) -> String {
    let based = if id == "Normal" {
        r#"<w:qFormat/>"#.to_string()
    } else {
        r#"<w:basedOn w:val="Normal"/><w:next w:val="Normal"/><w:qFormat/>"#.to_string()
    };
    let default = if id == "Normal" {
        r#" w:default="1""#
    } else {
        ""
    };
    format!(
        r#"<w:style w:type="paragraph"{default} w:styleId="{id}"><w:name w:val="{name}"/>{based}<w:pPr>{ppr}</w:pPr><w:rPr>{rpr}</w:rPr></w:style>"#
    )
}

/// The paragraph styles of a published resolution: id, name, paragraph
/// properties, run properties.
const PARAGRAPH_STYLES: [(&str, &str, &str, &str); 11] = [
    (
        "Normal",
        "Normal",
        r#"<w:spacing w:after="120"/><w:jc w:val="both"/>"#,
        "",
    ),
    (
        "DraftTitle",
        "Draft Title",
        r#"<w:keepNext/><w:spacing w:after="240"/><w:jc w:val="center"/>"#,
        "<w:b/>",
    ),
    ("Chapeau", "Chapeau", r#"<w:ind w:firstLine="567"/>"#, ""),
    (
        "Preambular",
        "Preambular Paragraph",
        r#"<w:ind w:firstLine="567"/>"#,
        "",
    ),
    (
        "Operative",
        "Operative Paragraph",
        r#"<w:tabs><w:tab w:val="left" w:pos="1134"/></w:tabs><w:ind w:firstLine="567"/>"#,
        "",
    ),
    (
        "Subparagraph",
        "Subparagraph",
        r#"<w:tabs><w:tab w:val="left" w:pos="1701"/></w:tabs><w:ind w:left="567" w:firstLine="567"/>"#,
        "",
    ),
    (
        "Heading1",
        "heading 1",
        r#"<w:keepNext/><w:spacing w:before="240" w:after="240"/><w:jc w:val="center"/><w:outlineLvl w:val="0"/>"#,
        r#"<w:b/><w:sz w:val="28"/>"#,
    ),
    (
        "Heading2",
        "heading 2",
        r#"<w:keepNext/><w:spacing w:before="240" w:after="120"/><w:jc w:val="center"/><w:outlineLvl w:val="1"/>"#,
        "<w:b/>",
    ),
    (
        "FootnoteText",
        "footnote text",
        r#"<w:spacing w:after="0"/>"#,
        r#"<w:sz w:val="20"/>"#,
    ),
    (
        "CommentText",
        "annotation text",
        "",
        r#"<w:sz w:val="20"/>"#,
    ),
    (
        super::SUMMARY_STYLE,
        "Redraft Summary",
        r#"<w:spacing w:after="60"/><w:jc w:val="left"/>"#,
        r#"<w:rFonts w:ascii="Arial" w:hAnsi="Arial"/><w:sz w:val="20"/>"#,
    ),
];

/// The character and table styles Word expects beside them: the default
/// font, footnote and comment references, the normal table.
const OTHER_STYLES: [&str; 4] = [
    r#"<w:style w:type="character" w:default="1" w:styleId="DefaultParagraphFont"><w:name w:val="Default Paragraph Font"/><w:uiPriority w:val="1"/><w:semiHidden/></w:style>"#,
    r#"<w:style w:type="character" w:styleId="FootnoteReference"><w:name w:val="footnote reference"/><w:basedOn w:val="DefaultParagraphFont"/><w:rPr><w:vertAlign w:val="superscript"/></w:rPr></w:style>"#,
    r#"<w:style w:type="character" w:styleId="CommentReference"><w:name w:val="annotation reference"/><w:basedOn w:val="DefaultParagraphFont"/><w:rPr><w:sz w:val="16"/></w:rPr></w:style>"#,
    r#"<w:style w:type="table" w:default="1" w:styleId="TableNormal"><w:name w:val="Normal Table"/><w:tblPr><w:tblInd w:w="0" w:type="dxa"/><w:tblCellMar><w:top w:w="0" w:type="dxa"/><w:left w:w="108" w:type="dxa"/><w:bottom w:w="0" w:type="dxa"/><w:right w:w="108" w:type="dxa"/></w:tblCellMar></w:tblPr></w:style>"#,
];

/// `word/styles.xml`: the styles of a published resolution, text tagged
/// with the draft's language (`fr-FR`).
pub fn styles(lang: &str) -> String {
    let mut out = format!(
        r#"{DECL}<w:styles {W_NS}><w:docDefaults><w:rPrDefault><w:rPr><w:rFonts w:ascii="Times New Roman" w:hAnsi="Times New Roman" w:eastAsia="Times New Roman" w:cs="Times New Roman"/><w:sz w:val="24"/><w:szCs w:val="24"/><w:lang w:val="{lang}"/></w:rPr></w:rPrDefault><w:pPrDefault/></w:docDefaults>"#
    );
    for (id, name, ppr, rpr) in PARAGRAPH_STYLES {
        out.push_str(&paragraph_style(id, name, ppr, rpr));
    }
    out.extend(OTHER_STYLES);
    out.push_str("</w:styles>");
    out
}

/// What a document in redraft's own style is made of: the body and what
/// goes beside it.
pub struct House<'a> {
    /// `docProps/core.xml`'s title.
    pub title: &'a str,
    /// The author of the revisions and comments.
    pub author: &'a str,
    /// Their date, ISO 8601.
    pub date: &'a str,
    /// The language tag of the default style (`fr-FR`).
    pub lang_tag: &'a str,
    /// The body's paragraphs (`w:p` elements).
    pub body: &'a str,
    /// The number of the first footnote.
    pub note_start: u32,
    /// Footnotes: id and paragraphs.
    pub footnotes: &'a [(usize, String)],
    /// Comments: id and text.
    pub comments: &'a [(usize, String)],
}

/// The parts of a document in redraft's own style, name and text, zipped
/// into a package by the caller: the optional ones only when they hold
/// something.
pub fn house(h: &House) -> Vec<(&'static str, String)> {
    let optional = Optional {
        footnotes: !h.footnotes.is_empty(),
        comments: !h.comments.is_empty(),
    };
    let mut files = vec![
        ("[Content_Types].xml", content_types(optional)),
        ("_rels/.rels", package_rels()),
        ("docProps/core.xml", core(h.title, h.author, h.date)),
        ("word/_rels/document.xml.rels", document_rels(optional)),
        ("word/document.xml", document(h.body, h.note_start)),
        ("word/styles.xml", styles(h.lang_tag)),
        ("word/fontTable.xml", super::theme::font_table()),
        ("word/theme/theme1.xml", super::theme::theme()),
        (
            "word/settings.xml",
            settings(h.note_start, optional.footnotes),
        ),
    ];
    if optional.footnotes {
        files.push(("word/footnotes.xml", footnotes(h.footnotes)));
    }
    if optional.comments {
        files.push(("word/comments.xml", comments(h.comments, h.author, h.date)));
    }
    files
}
