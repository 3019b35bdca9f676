//! Documents made in the UN layout by the tests: each draft of
//! `fixtures/pdf-un-layout/` (English, French, Spanish) is written as an
//! OpenDocument file with the UN masthead on page 1 (organ, symbol,
//! distribution, date, "Original:", session, agenda item, sponsors), the
//! symbol as running header from page 2, "n/N" page numbers, the job number
//! and bar code at the foot of page 1, real footnotes, first-line indents
//! and spacing between paragraphs; LibreOffice prints it to PDF. The PDF
//! and its `pdftotext -layout` text must parse exactly as the draft, its
//! plain `pdftotext` text to the same units with the same words (see
//! [`words`] for what that text loses), and the tests check that the layout
//! really cut a paragraph, a list of subparagraphs and a footnote across
//! pages.

use crate::support::*;
use redraft::model::{Resolution, UnitKind};
use std::fmt::Write as _;
use std::path::{Path, PathBuf};
use std::process::Command;

/// The masthead of a made document, in its language.
struct Masthead {
    lang: &'static str,
    organ: &'static str,
    united_nations: &'static str,
    distribution: &'static str,
    date: &'static str,
    original: &'static str,
    session: &'static str,
    committee: &'static str,
    agenda: &'static str,
    agenda_title: &'static str,
    sponsors: &'static str,
}

const SYMBOL: &str = "A/C.3/80/L.99";

const MASTHEADS: [Masthead; 3] = [
    Masthead {
        lang: "en",
        organ: "General Assembly",
        united_nations: "United Nations",
        distribution: "Distr.: Limited",
        date: "4 October 2025",
        original: "Original: English",
        session: "Eightieth session",
        committee: "Third Committee",
        agenda: "Agenda item 68",
        agenda_title: "Promotion and protection of human rights",
        sponsors: "Chile, Greece and Mexico: draft resolution",
    },
    Masthead {
        lang: "fr",
        organ: "Assemblée générale",
        united_nations: "Nations Unies",
        distribution: "Distr. limitée",
        date: "4 octobre 2025",
        original: "Original : anglais",
        session: "Quatre-vingtième session",
        committee: "Troisième Commission",
        agenda: "Point 68 de l’ordre du jour",
        agenda_title: "Promotion et protection des droits humains",
        sponsors: "Chili, Grèce et Mexique : projet de résolution",
    },
    Masthead {
        lang: "es",
        organ: "Asamblea General",
        united_nations: "Naciones Unidas",
        distribution: "Distr. limitada",
        date: "4 de octubre de 2025",
        original: "Original: inglés",
        session: "Octogésimo período de sesiones",
        committee: "Tercera Comisión",
        agenda: "Tema 68 del programa",
        agenda_title: "Promoción y protección de los derechos humanos",
        sponsors: "Chile, Grecia y México: proyecto de resolución",
    },
];

const JOB: &str = "25-16107";

fn escape(text: &str) -> String {
    text.replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
}

/// The styles: Letter pages with UN margins, a first page with the job
/// number and bar code at its foot, then pages with the symbol above and
/// "n/N" and the job number below; body text 12 pt, justified, first-line
/// indents, 6 pt between paragraphs; footnotes 10 pt.
const STYLES: &str = r#"<office:font-face-decls><style:font-face style:name="Liberation Serif" svg:font-family="'Liberation Serif'"/></office:font-face-decls>
<office:styles>
<style:default-style style:family="paragraph"><style:paragraph-properties fo:hyphenation-ladder-count="no-limit"/><style:text-properties style:font-name="Liberation Serif" fo:font-size="12pt" fo:hyphenate="false" fo:language="en" fo:country="US"/></style:default-style>
<style:style style:name="Standard" style:family="paragraph"/>
<style:style style:name="Body" style:family="paragraph"><style:paragraph-properties fo:text-align="justify" fo:text-indent="0.5in" fo:margin-bottom="6pt" fo:orphans="2" fo:widows="2"/></style:style>
<style:style style:name="Sub" style:family="paragraph" style:parent-style-name="Body"/>
<style:style style:name="Hang" style:family="paragraph"><style:paragraph-properties fo:text-align="justify" fo:text-indent="0.33in" fo:margin-bottom="6pt" fo:orphans="2" fo:widows="2"><style:tab-stops><style:tab-stop style:position="0.66in"/></style:tab-stops></style:paragraph-properties></style:style>
<style:style style:name="Nested" style:family="paragraph"><style:paragraph-properties fo:text-align="justify" fo:margin-left="0.33in" fo:margin-bottom="6pt" fo:orphans="2" fo:widows="2"/></style:style>
<style:style style:name="Title" style:family="paragraph"><style:paragraph-properties fo:margin-bottom="12pt" fo:margin-top="12pt"/><style:text-properties fo:font-size="13pt" fo:font-weight="bold"/></style:style>
<style:style style:name="Mast" style:family="paragraph"><style:paragraph-properties><style:tab-stops><style:tab-stop style:position="3.5in"/></style:tab-stops></style:paragraph-properties></style:style>
<style:style style:name="MastBig" style:family="paragraph" style:parent-style-name="Mast"><style:text-properties fo:font-size="16pt"/></style:style>
<style:style style:name="Sponsors" style:family="paragraph"><style:paragraph-properties fo:margin-top="36pt" fo:margin-bottom="6pt"/><style:text-properties fo:font-weight="bold"/></style:style>
<style:style style:name="Footnote" style:family="paragraph"><style:paragraph-properties fo:text-align="justify"/><style:text-properties fo:font-size="10pt"/></style:style>
<style:style style:name="Furniture" style:family="paragraph"><style:paragraph-properties><style:tab-stops><style:tab-stop style:position="6.0in" style:type="right"/></style:tab-stops></style:paragraph-properties><style:text-properties fo:font-size="9pt"/></style:style>
<style:style style:name="HeaderRight" style:family="paragraph"><style:paragraph-properties fo:text-align="end"/><style:text-properties fo:font-size="9pt" fo:font-weight="bold"/></style:style>
<text:notes-configuration text:note-class="footnote" style:num-format="1" text:start-value="0" text:footnotes-position="page" text:start-numbering-at="document"/>
</office:styles>
<office:automatic-styles>
<style:page-layout style:name="Page"><style:page-layout-properties fo:page-width="8.5in" fo:page-height="11in" fo:margin-top="0.6in" fo:margin-bottom="0.6in" fo:margin-left="1.25in" fo:margin-right="1.25in"/><style:header-style><style:header-footer-properties fo:margin-bottom="0.2in"/></style:header-style><style:footer-style><style:header-footer-properties fo:margin-top="0.2in"/></style:footer-style></style:page-layout>
<style:style style:name="First" style:family="paragraph" style:parent-style-name="MastBig" style:master-page-name="FirstPage"/>
</office:automatic-styles>"#;

/// The master pages: the first with the job number and bar code, the
/// others with the symbol and "n/N".
fn master_pages() -> String {
    format!(
        r#"<office:master-styles>
<style:master-page style:name="FirstPage" style:page-layout-name="Page" style:next-style-name="Standard"><style:header><text:p text:style-name="Furniture"> </text:p></style:header><style:footer><text:p text:style-name="Furniture">{JOB} (E)    061025</text:p><text:p text:style-name="Furniture">*2516107*</text:p></style:footer></style:master-page>
<style:master-page style:name="Standard" style:page-layout-name="Page"><style:header><text:p text:style-name="HeaderRight">{SYMBOL}</text:p></style:header><style:footer><text:p text:style-name="Furniture"><text:page-number text:select-page="current">2</text:page-number>/<text:page-count>3</text:page-count><text:tab/>{JOB}</text:p></style:footer></style:master-page>
</office:master-styles>"#
    )
}

/// The masthead paragraphs of page 1.
fn masthead(m: &Masthead) -> String {
    let p = |style: &str, text: &str| {
        format!(
            "<text:p text:style-name=\"{style}\">{}</text:p>\n",
            escape(text)
        )
    };
    let mut out = format!(
        "<text:p text:style-name=\"First\">{}<text:tab/>{SYMBOL}</text:p>\n",
        escape(m.united_nations)
    );
    out += &format!(
        "<text:p text:style-name=\"MastBig\">{}<text:tab/><text:span>{}</text:span></text:p>\n",
        escape(m.organ),
        escape(m.distribution)
    );
    out += &format!(
        "<text:p text:style-name=\"Mast\"><text:tab/>{}</text:p>\n",
        escape(m.date)
    );
    out += &format!(
        "<text:p text:style-name=\"Mast\"><text:tab/>{}</text:p>\n",
        escape(m.original)
    );
    for line in [m.session, m.committee, m.agenda, m.agenda_title] {
        out += &p("Mast", line);
    }
    out += &p("Sponsors", m.sponsors);
    out
}

/// A unit's text with its `[^N]` references as real footnotes.
fn with_notes(text: &str, notes: &Resolution) -> String {
    let mut out = String::new();
    let mut rest = text;
    while let Some(start) = rest.find("[^") {
        out += &escape(&rest[..start]);
        let end = start + rest[start..].find(']').unwrap();
        let id = &rest[start + 2..end];
        let body = notes
            .of_kind(UnitKind::Footnote)
            .find(|u| u.number.as_deref() == Some(id))
            .map_or(String::new(), |u| u.text.clone());
        let _ = write!(
            out,
            "<text:note text:note-class=\"footnote\"><text:note-citation>{id}</text:note-citation><text:note-body><text:p text:style-name=\"Footnote\">{}</text:p></text:note-body></text:note>",
            escape(&body)
        );
        rest = &rest[end + 1..];
    }
    out + &escape(rest)
}

/// How the paragraphs of a made document are set.
#[derive(Clone, Copy, PartialEq)]
enum Layout {
    /// General Assembly: a first-line indent of half an inch, the marker
    /// and a tab.
    Indented,
    /// Security Council: the marker a third of an inch in and a tab stop
    /// to the text, later lines back at the margin (hanging); nested
    /// subparagraphs (`(i)`) a third of an inch in as a block, the marker
    /// and a space.
    Hanging,
}

/// The paragraph style of a unit in a layout, and what follows its marker.
fn style_of(unit: &redraft::model::Unit, layout: Layout) -> Option<(&'static str, &'static str)> {
    let nested = unit.label.matches('(').count() >= 2;
    Some(match (unit.kind, layout) {
        (UnitKind::Footnote, _) => return None,
        (UnitKind::Title, _) => ("Title", "<text:tab/>"),
        (UnitKind::Subparagraph, Layout::Indented) => ("Sub", "<text:tab/>"),
        (_, Layout::Indented) => ("Body", "<text:tab/>"),
        (UnitKind::Subparagraph, Layout::Hanging) if nested => ("Nested", " "),
        (_, Layout::Hanging) => ("Hang", "<text:tab/>"),
    })
}

/// The draft as a flat OpenDocument text in the UN layout.
fn fodt(draft: &Resolution, m: &Masthead, layout: Layout) -> String {
    let mut body = masthead(m);
    for unit in &draft.units {
        let Some((style, after_marker)) = style_of(unit, layout) else {
            continue;
        };
        let marker = unit
            .marker
            .as_deref()
            .map(|mk| format!("{}{after_marker}", escape(mk)))
            .unwrap_or_default();
        let _ = writeln!(
            body,
            "<text:p text:style-name=\"{style}\">{marker}{}</text:p>",
            with_notes(&unit.text, draft)
        );
    }
    format!(
        r#"<?xml version="1.0" encoding="UTF-8"?>
<office:document xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" xmlns:style="urn:oasis:names:tc:opendocument:xmlns:style:1.0" xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0" xmlns:fo="urn:oasis:names:tc:opendocument:xmlns:xsl-fo-compatible:1.0" xmlns:svg="urn:oasis:names:tc:opendocument:xmlns:svg-compatible:1.0" office:version="1.3" office:mimetype="application/vnd.oasis.opendocument.text">
{STYLES}
{}
<office:body><office:text>
{body}</office:text></office:body></office:document>
"#,
        master_pages()
    )
}

/// Prints a file to PDF with LibreOffice.
fn print(file: &Path, dir: &Path) -> PathBuf {
    let o = Command::new("soffice")
        .args(["--headless", "--convert-to", "pdf", "--outdir"])
        .arg(dir)
        .arg(file)
        .env("HOME", dir)
        .output()
        .expect("run soffice");
    assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
    dir.join(file.file_stem().unwrap()).with_extension("pdf")
}

fn tools() -> bool {
    let found = |name: &str| Command::new(name).arg("--version").output().is_ok();
    let all = found("soffice") && found("pdftotext");
    assert!(
        all || std::env::var_os("CI").is_none(),
        "soffice and pdftotext are required under CI"
    );
    all
}

/// The text of a PDF as `pdftotext` prints it, with `-layout` or without.
fn extract(pdf: &Path, layout: bool) -> String {
    let mut cmd = Command::new("pdftotext");
    if layout {
        cmd.arg("-layout");
    }
    let o = cmd
        .args(["-enc", "UTF-8"])
        .arg(pdf)
        .arg("-")
        .output()
        .expect("run pdftotext");
    assert!(o.status.success(), "pdftotext failed on {}", pdf.display());
    String::from_utf8_lossy(&o.stdout).into_owned()
}

/// The pages of a PDF as `pdftotext -layout` prints them.
fn pages(pdf: &Path) -> Vec<String> {
    extract(pdf, true)
        .split('\u{c}')
        .map(str::to_string)
        .filter(|p| !p.trim().is_empty())
        .collect()
}

/// Where the layout cut the text: a page that opens in the middle of a
/// paragraph, one that opens in a list of subparagraphs, and a footnote
/// whose first words and last words stand on different pages.
fn cuts(pdf: &Path, draft: &Resolution) -> (bool, bool, bool) {
    let pages = pages(pdf);
    let body_start = |page: &str| -> String {
        page.lines()
            .map(str::trim)
            .find(|l| !l.is_empty() && *l != SYMBOL)
            .unwrap_or("")
            .to_string()
    };
    let in_paragraph = pages[1..]
        .iter()
        .any(|p| body_start(p).starts_with(char::is_lowercase));
    let in_list = pages[1..].iter().zip(&pages).any(|(p, before)| {
        let first = body_start(p);
        let opens_sub = redraft::model::marker::subparagraph(&first).is_some();
        let sub_before = before
            .lines()
            .any(|l| redraft::model::marker::subparagraph(l.trim()).is_some());
        (opens_sub || first.starts_with(char::is_lowercase)) && sub_before
    });
    let page_of = |words: &str| {
        pages.iter().position(|p| {
            p.split_whitespace()
                .collect::<Vec<_>>()
                .join(" ")
                .contains(words)
        })
    };
    let in_footnote = draft.of_kind(UnitKind::Footnote).any(|n| {
        let words: Vec<&str> = n.text.split_whitespace().collect();
        words.len() > 12
            && page_of(&words[..4].join(" ")) != page_of(&words[words.len() - 4..].join(" "))
    });
    (in_paragraph, in_list, in_footnote)
}

/// Each unit's label and kind, and its words in sorted order without
/// hyphens: what `pdftotext` without `-layout` keeps of a draft. That text
/// is lossy: it moves the middle words of a line stretched by justification
/// after the line's end, and it takes out the hyphen of a compound cut at a
/// line end (`eighty-` / `first` comes out `eightyfirst`).
fn words(draft: &Resolution) -> Vec<(String, UnitKind, Vec<String>)> {
    draft
        .units
        .iter()
        .map(|u| {
            let mut w: Vec<String> = u
                .text
                .split_whitespace()
                .map(|w| w.replace('-', ""))
                .collect();
            w.sort();
            (u.label.clone(), u.kind, w)
        })
        .collect()
}

#[test]
fn made_un_documents_parse_as_their_drafts() {
    if !tools() {
        return;
    }
    let dir = temp_dir("made-un-layout");
    for m in &MASTHEADS {
        let draft_path = fixture(&format!("pdf-un-layout/{}.txt", m.lang));
        let draft = load(&draft_path);
        let file = dir.join(format!("{}.fodt", m.lang));
        std::fs::write(&file, fodt(&draft, m, Layout::Indented)).unwrap();
        let pdf = print(&file, &dir);
        let (in_paragraph, in_list, in_footnote) = cuts(&pdf, &draft);
        assert!(in_paragraph, "{}: no page break inside a paragraph", m.lang);
        assert!(
            in_list,
            "{}: no page break inside a list of subparagraphs",
            m.lang
        );
        assert!(in_footnote, "{}: no page break inside a footnote", m.lang);
        assert_eq!(load(&pdf).to_text(), draft.to_text(), "{}", m.lang);
        let layout = dir.join(format!("{}-layout.txt", m.lang));
        std::fs::write(&layout, extract(&pdf, true)).unwrap();
        assert_eq!(
            load(&layout).to_text(),
            draft.to_text(),
            "{}: pdftotext -layout",
            m.lang
        );
        let plain = dir.join(format!("{}-plain.txt", m.lang));
        std::fs::write(&plain, extract(&pdf, false)).unwrap();
        assert_eq!(words(&load(&plain)), words(&draft), "{}: pdftotext", m.lang);
        let o = redraft(&["parse", pdf.to_str().unwrap(), "--format", "json"]);
        let json: serde_json::Value = serde_json::from_str(&stdout(&o)).unwrap();
        assert_eq!(json["metadata"]["symbol"], SYMBOL, "{}", m.lang);
        assert_eq!(json["metadata"]["date"], m.date, "{}", m.lang);
        let o = redraft(&["diff", draft_path.to_str().unwrap(), pdf.to_str().unwrap()]);
        assert_eq!(o.status.code(), Some(0), "{}: {}", m.lang, stdout(&o));
    }
}

/// Lists of subparagraphs in the Security Council's hanging layout
/// (`fixtures/pdf-subparagraph-lists/`, English and French): a lead-in
/// without a colon (`shall` / `(a) prioritize …`), items ending in `; and`,
/// `; or` and in no punctuation at all, a short item ending in `:` whose
/// marker Poppler's plain mode sets apart from its text, a nested list, a
/// reference `paragraph 2 (a)` in the text, and a page break inside the
/// list. The PDF, its `pdftotext -layout` text and its plain `pdftotext`
/// text (labels and kinds exact, words as [`words`] compares them) parse
/// as the draft.
#[test]
fn made_lists_of_subparagraphs_parse_as_their_drafts() {
    if !tools() {
        return;
    }
    let dir = temp_dir("made-sc-lists");
    for m in MASTHEADS.iter().filter(|m| m.lang != "es") {
        let draft = load(&fixture(&format!("pdf-subparagraph-lists/{}.txt", m.lang)));
        let file = dir.join(format!("{}.fodt", m.lang));
        std::fs::write(&file, fodt(&draft, m, Layout::Hanging)).unwrap();
        let pdf = print(&file, &dir);
        let (_, in_list, _) = cuts(&pdf, &draft);
        assert!(in_list, "{}: no page break inside a list", m.lang);
        assert_eq!(load(&pdf).to_text(), draft.to_text(), "{}: PDF", m.lang);
        for layout in [true, false] {
            let text = dir.join(format!("{}-{layout}.txt", m.lang));
            std::fs::write(&text, extract(&pdf, layout)).unwrap();
            let got = load(&text);
            let what = format!("{}: pdftotext layout={layout}", m.lang);
            match layout {
                true => assert_eq!(got.to_text(), draft.to_text(), "{what}"),
                false => assert_eq!(words(&got), words(&draft), "{what}"),
            }
        }
    }
}
