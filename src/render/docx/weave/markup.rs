//! Small pieces of WordprocessingML written or edited as text: runs,
//! revisions on paragraph marks, property lists.
//!
//! ```text
//! with_mark("<w:pPr><w:pStyle w:val=\"X\"/></w:pPr>", Some("<w:del/>"))
//!   → <w:pPr><w:pStyle w:val="X"/><w:rPr><w:del/></w:rPr></w:pPr>
//! ```

use super::super::body::escape;
use super::super::plan::Side;

/// The tracked-change element for content of one side.
pub(in crate::render::docx) fn change_tag(side: Side, moved: bool) -> Option<&'static str> {
    match (side, moved) {
        (Side::Both, _) => None,
        (Side::Old, false) => Some("del"),
        (Side::New, false) => Some("ins"),
        (Side::Old, true) => Some("moveFrom"),
        (Side::New, true) => Some("moveTo"),
    }
}

/// Text as runs with properties: `w:t` (`w:delText` when deleted), tabs
/// as `w:tab`.
pub(in crate::render::docx) fn text_runs(text: &str, rpr: &str, deleted: bool, out: &mut String) {
    let tag = if deleted { "delText" } else { "t" };
    for (k, part) in text.split('\t').enumerate() {
        if k > 0 {
            out.push_str(&format!("<w:r>{rpr}<w:tab/></w:r>"));
        }
        if !part.is_empty() {
            out.push_str(&format!(
                r#"<w:r>{rpr}<w:{tag} xml:space="preserve">{}</w:{tag}></w:r>"#,
                escape(part)
            ));
        }
    }
}

/// Paragraph properties with a revision on the paragraph mark.
pub(in crate::render::docx) fn with_mark(ppr: &str, mark: Option<&str>) -> String {
    let Some(mark) = mark else {
        return ppr.to_string();
    };
    if ppr.is_empty() {
        return format!("<w:pPr><w:rPr>{mark}</w:rPr></w:pPr>");
    }
    if let Some(at) = ppr.find("<w:rPr>") {
        let at = at + "<w:rPr>".len();
        return format!("{}{mark}{}", &ppr[..at], &ppr[at..]);
    }
    if let Some(at) = ppr.find("<w:rPr/>") {
        return format!("{}<w:rPr>{mark}</w:rPr>{}", &ppr[..at], &ppr[at + 8..]);
    }
    let at = ["<w:sectPr", "<w:pPrChange", "</w:pPr>"]
        .iter()
        .find_map(|t| ppr.find(t))
        .unwrap_or(ppr.len());
    format!("{}<w:rPr>{mark}</w:rPr>{}", &ppr[..at], &ppr[at..])
}

/// Paragraph properties with a `w:pPrChange` (their last element) holding
/// former ones.
pub(super) fn with_ppr_change(ppr: &str, old: &str, revision: &str) -> String {
    let change = format!("<w:pPrChange {revision}><w:pPr>{old}</w:pPr></w:pPrChange>");
    match ppr.rfind("</w:pPr>") {
        Some(at) => format!("{}{change}{}", &ppr[..at], &ppr[at..]),
        None => format!("<w:pPr>{change}</w:pPr>"),
    }
}

/// Run properties with one more (`<w:i/>`), in the schema's order: after
/// the style, fonts and bold.
pub(super) fn add_property(rpr: &str, property: &str) -> String {
    if rpr.is_empty() {
        return format!("<w:rPr>{property}</w:rPr>");
    }
    let Some(open) = rpr.find('>').map(|a| a + 1) else {
        return rpr.to_string();
    };
    let mut at = open;
    for name in ["<w:rStyle", "<w:rFonts", "<w:b/>", "<w:b ", "<w:bCs"] {
        if let Some(found) = rpr.find(name) {
            at = at.max(found + rpr[found..].find('>').map_or(0, |e| e + 1));
        }
    }
    if rpr.ends_with("/>") && !rpr.contains("</w:rPr>") {
        return format!("<w:rPr>{property}</w:rPr>");
    }
    format!("{}{property}{}", &rpr[..at], &rpr[at..])
}

/// XML with the elements of a name taken out (`w:sectPr` from paragraph
/// properties that are copied).
pub(in crate::render::docx) fn strip(xml: &str, name: &str) -> String {
    let mut out = xml.to_string();
    let open = format!("<{name}");
    let close = format!("</{name}>");
    while let Some(start) = out.find(&open) {
        let end = match out[start..].find(&close) {
            Some(e) => start + e + close.len(),
            None => start + out[start..].find("/>").map_or(out.len() - start, |e| e + 2),
        };
        out.replace_range(start..end, "");
    }
    out
}

/// The length of an element's start tag.
pub(super) fn tag_len(xml: &str) -> usize {
    xml.find('>').map_or(xml.len(), |e| e + 1)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn marks_a_paragraph_mark() {
        assert_eq!(
            with_mark("", Some("<w:ins/>")),
            "<w:pPr><w:rPr><w:ins/></w:rPr></w:pPr>"
        );
        assert_eq!(
            with_mark(r#"<w:pPr><w:pStyle w:val="X"/></w:pPr>"#, Some("<w:del/>")),
            r#"<w:pPr><w:pStyle w:val="X"/><w:rPr><w:del/></w:rPr></w:pPr>"#
        );
        assert_eq!(
            with_mark("<w:pPr><w:rPr><w:b/></w:rPr></w:pPr>", Some("<w:ins/>")),
            "<w:pPr><w:rPr><w:ins/><w:b/></w:rPr></w:pPr>"
        );
    }

    #[test]
    fn adds_a_run_property_in_order() {
        assert_eq!(add_property("", "<w:i/>"), "<w:rPr><w:i/></w:rPr>");
        assert_eq!(
            add_property(r#"<w:rPr><w:b/><w:sz w:val="20"/></w:rPr>"#, "<w:i/>"),
            r#"<w:rPr><w:b/><w:i/><w:sz w:val="20"/></w:rPr>"#
        );
    }
}
