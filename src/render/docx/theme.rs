//! The font table and theme of the house-style package: Word requires
//! both relationships from the main document (the strict validator
//! `openxml-audit` reports their absence), so the package has a font table
//! naming the fonts its styles use and a small Office theme whose fonts
//! are those of a published resolution.

const DECL: &str = r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>"#;

/// `word/fontTable.xml`: the fonts the styles name.
pub fn font_table() -> String {
    let font = |name: &str, family: &str, pitch: &str| {
        format!(
            r#"<w:font w:name="{name}"><w:charset w:val="00"/><w:family w:val="{family}"/><w:pitch w:val="{pitch}"/></w:font>"#
        )
    };
    format!(
        r#"{DECL}<w:fonts {}>{}{}</w:fonts>"#,
        super::parts::W_NS,
        font("Times New Roman", "roman", "variable"),
        font("Arial", "swiss", "variable")
    )
}

/// `word/theme/theme1.xml`: twelve colours, the resolution's fonts, and
/// the three-of-each format scheme DrawingML requires.
pub fn theme() -> String {
    let colours = [
        ("dk1", r#"<a:sysClr val="windowText" lastClr="000000"/>"#),
        ("lt1", r#"<a:sysClr val="window" lastClr="FFFFFF"/>"#),
        ("dk2", r#"<a:srgbClr val="1F497D"/>"#),
        ("lt2", r#"<a:srgbClr val="EEECE1"/>"#),
        ("accent1", r#"<a:srgbClr val="4F81BD"/>"#),
        ("accent2", r#"<a:srgbClr val="C0504D"/>"#),
        ("accent3", r#"<a:srgbClr val="9BBB59"/>"#),
        ("accent4", r#"<a:srgbClr val="8064A2"/>"#),
        ("accent5", r#"<a:srgbClr val="4BACC6"/>"#),
        ("accent6", r#"<a:srgbClr val="F79646"/>"#),
        ("hlink", r#"<a:srgbClr val="0000FF"/>"#),
        ("folHlink", r#"<a:srgbClr val="800080"/>"#),
    ];
    let colours: String = colours
        .iter()
        .map(|(name, colour)| format!("<a:{name}>{colour}</a:{name}>"))
        .collect();
    let fonts = r#"<a:latin typeface="Times New Roman"/><a:ea typeface=""/><a:cs typeface=""/>"#;
    let fill = r#"<a:solidFill><a:schemeClr val="phClr"/></a:solidFill>"#;
    let line = format!(r#"<a:ln w="9525">{fill}</a:ln>"#);
    let effect = "<a:effectStyle><a:effectLst/></a:effectStyle>";
    format!(
        r#"{DECL}<a:theme xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main" name="Redraft"><a:themeElements><a:clrScheme name="Redraft">{colours}</a:clrScheme><a:fontScheme name="Redraft"><a:majorFont>{fonts}</a:majorFont><a:minorFont>{fonts}</a:minorFont></a:fontScheme><a:fmtScheme name="Redraft"><a:fillStyleLst>{fill}{fill}{fill}</a:fillStyleLst><a:lnStyleLst>{line}{line}{line}</a:lnStyleLst><a:effectStyleLst>{effect}{effect}{effect}</a:effectStyleLst><a:bgFillStyleLst>{fill}{fill}{fill}</a:bgFillStyleLst></a:fmtScheme></a:themeElements></a:theme>"#
    )
}
