//! The Word fixture of `fixtures/docx-numbered/`: a draft with automatic
//! numbering (operative paragraphs 1–4, subparagraphs (a)–(c)), two
//! footnotes, one tracked change, and text spread over split runs, a smart
//! tag, a hyperlink, a field, a content control, a tab and a non-breaking
//! hyphen. `draft.docx` is built here; the test checks that the committed
//! file is what this code builds (`UPDATE_GOLDEN=1` rewrites it).

use super::wordgen::*;

/// The fixture as a Word document.
pub fn numbered_draft() -> WordDoc {
    let bold =
        |t: &str| format!(r#"<w:r><w:rPr><w:b/></w:rPr><w:t xml:space="preserve">{t}</w:t></w:r>"#);
    let field = concat!(
        r#"<w:r><w:fldChar w:fldCharType="begin"/></w:r>"#,
        r#"<w:r><w:instrText xml:space="preserve"> DOCPROPERTY Action \* MERGEFORMAT </w:instrText></w:r>"#,
        r#"<w:r><w:fldChar w:fldCharType="separate"/></w:r>"#,
        r#"<w:r><w:t>strengthen</w:t></w:r>"#,
        r#"<w:r><w:fldChar w:fldCharType="end"/></w:r>"#
    );
    let body = [
        p("", &format!("{}{}{}", r("Draft resolution "), bold("on coop"), r("eration"))),
        p("", &r("The General Assembly,")),
        p(
            "",
            &format!(
                r#"{}<w:smartTag w:uri="urn:schemas-microsoft-com:office:smarttags" w:element="number">{}</w:smartTag>{}{}"#,
                r("Recalling its resolution "),
                r("75/1"),
                note_ref(1),
                r(",")
            ),
        ),
        p(
            "",
            &format!(
                r#"{}<w:hyperlink r:id="rId99" w:history="1"><w:r><w:t xml:space="preserve">report of the Secretary</w:t><w:noBreakHyphen/><w:t>General</w:t></w:r></w:hyperlink>{}{}"#,
                r("Noting with appreciation the "),
                note_ref(2),
                r(",")
            ),
        ),
        p(&num(1, 0), &format!("{}{field}{}", r("Decides to "), r(" cooperation;"))),
        p(&num(1, 0), &r("Requests the Secretary-General:")),
        p(&num(1, 1), &r("to report annually;")),
        p(
            &num(1, 1),
            r#"<w:sdt><w:sdtPr><w:alias w:val="Consultation"/></w:sdtPr><w:sdtContent><w:r><w:t>to consult States;</w:t></w:r></w:sdtContent></w:sdt>"#,
        ),
        p(&num(1, 1), r#"<w:r><w:t>to publish</w:t><w:tab/><w:t>the report;</w:t></w:r>"#),
        p(
            &num(2, 0),
            &format!("{}{}{}{}", r("Calls upon "), del("all "), ins(&r("the ")), r("States to cooperate fully;")),
        ),
        p("", &r("Follow-up")),
        p(&num(1, 0), &r("Decides to remain seized of the matter.")),
    ]
    .concat();
    WordDoc {
        body,
        numbering: Some(resolution_numbering()),
        footnotes: Some(footnote(1, &r("A/RES/75/1.")) + &footnote(2, &r("A/76/100."))),
        styles: None,
    }
}
