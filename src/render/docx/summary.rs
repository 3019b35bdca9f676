//! The summary page (`--summary`): counts and the renumbering table, in
//! paragraphs of redraft's summary style, which the `.docx` reader skips,
//! so that a redline with a summary still reads back as its two drafts.
//! In the draft's language and numbering ([`crate::render::reader`]): only
//! the counts that are not zero, and the table `paragraphe 16 →
//! paragraphe 17`.

use super::SUMMARY_STYLE;
use super::body::escape;
use crate::lang::reader::ReaderWords;
use crate::redline::Redline;
use crate::render::reader;

/// The XML of the summary page, ending with a page break.
pub fn summary(redline: &Redline) -> String {
    let lang = reader::lang_of(redline);
    let words = lang.reader();
    let mut out = para("<w:b/>", words.summary);
    out.push_str(&para(
        "",
        &format!("{} → {}", redline.old.described(), redline.new.described()),
    ));
    for (key, n) in reader::counts(redline).into_iter().filter(|(_, n)| *n > 0) {
        let word = ReaderWords::count(n, reader::count_words(key, lang));
        out.push_str(&para("", &format!("{n} {word}")));
    }
    let rows = reader::renumbering(redline, lang);
    if !rows.is_empty() {
        out.push_str(&para(
            "<w:b/>",
            &format!("{} ({})", words.renumbering, rows.len()),
        ));
        out.push_str(&table(&rows, words.old_new));
    }
    out.push_str(&format!(
        r#"<w:p><w:pPr><w:pStyle w:val="{SUMMARY_STYLE}"/></w:pPr><w:r><w:br w:type="page"/></w:r></w:p>"#
    ));
    out
}

fn para(rpr: &str, text: &str) -> String {
    format!(
        r#"<w:p><w:pPr><w:pStyle w:val="{SUMMARY_STYLE}"/></w:pPr><w:r><w:rPr>{rpr}</w:rPr><w:t xml:space="preserve">{}</w:t></w:r></w:p>"#,
        escape(text)
    )
}

fn table(rows: &[(String, String)], (old, new): (&str, &str)) -> String {
    let cell = |rpr: &str, text: &str| {
        format!(
            r#"<w:tc><w:tcPr><w:tcW w:w="3402" w:type="dxa"/></w:tcPr>{}</w:tc>"#,
            para(rpr, text)
        )
    };
    let border = r#"<w:tblBorders><w:top w:val="single" w:sz="4" w:space="0" w:color="auto"/><w:left w:val="single" w:sz="4" w:space="0" w:color="auto"/><w:bottom w:val="single" w:sz="4" w:space="0" w:color="auto"/><w:right w:val="single" w:sz="4" w:space="0" w:color="auto"/><w:insideH w:val="single" w:sz="4" w:space="0" w:color="auto"/><w:insideV w:val="single" w:sz="4" w:space="0" w:color="auto"/></w:tblBorders>"#;
    let mut out = format!(
        r#"<w:tbl><w:tblPr><w:tblW w:w="0" w:type="auto"/>{border}</w:tblPr><w:tblGrid><w:gridCol w:w="3402"/><w:gridCol w:w="3402"/></w:tblGrid>"#
    );
    out.push_str(&format!(
        "<w:tr>{}{}</w:tr>",
        cell("<w:b/>", old),
        cell("<w:b/>", new)
    ));
    for (old, new) in rows {
        out.push_str(&format!("<w:tr>{}{}</w:tr>", cell("", old), cell("", new)));
    }
    out.push_str("</w:tbl>");
    out
}
