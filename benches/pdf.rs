//! PDF reading benchmark: `cargo bench --bench pdf`.
//!
//! Writes a draft of about 40 pages in the UN layout (masthead, running
//! header with the symbol, "n/N" page numbers, job number, footnotes,
//! paragraphs cut by page breaks) as an OpenDocument file, prints it to PDF
//! with LibreOffice (`soffice --headless`), then measures the wall time of
//! the whole `target/release/redraft parse DOC.pdf --format json` process,
//! Poppler's `pdftotext -bbox-layout` included, pinned to one core with
//! `taskset -c 0` when it is installed (best of `PDF_RUNS`, default 5). It
//! also times `pdftotext -bbox-layout` alone, so that the share of Poppler
//! shows. It prints one Markdown line for the README and fails if reading
//! takes 0.5 s or more.

#[path = "common/release.rs"]
mod release;

use release::build_redraft;
use std::fmt::Write as _;
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

/// Paragraphs of the generated draft: about 40 pages.
const PARAGRAPHS: usize = 125;
/// The bound the README promises.
const BOUND: Duration = Duration::from_millis(500);

fn main() {
    if std::env::args().any(|a| a == "--list") {
        return;
    }
    let manifest = PathBuf::from(env!("CARGO_MANIFEST_DIR"));
    let dir = std::env::temp_dir().join(format!("redraft-bench-pdf-{}", std::process::id()));
    std::fs::create_dir_all(&dir).expect("temp dir");
    let fodt = dir.join("long.fodt");
    std::fs::write(&fodt, document()).expect("write document");
    let status = Command::new("soffice")
        .args(["--headless", "--convert-to", "pdf", "--outdir"])
        .arg(&dir)
        .arg(&fodt)
        .env("HOME", &dir)
        .stdout(Stdio::null())
        .status()
        .expect("soffice (libreoffice-writer) is needed");
    assert!(status.success(), "soffice failed");
    let pdf = dir.join("long.pdf");
    let redraft = build_redraft(&manifest);
    let runs: usize = std::env::var("PDF_RUNS")
        .ok()
        .and_then(|r| r.parse().ok())
        .unwrap_or(5);
    let pages = page_count(&pdf);
    let poppler = best_of(runs, "pdftotext", &["-bbox-layout", "--", path(&pdf), "-"]);
    let parse = best_of(
        runs,
        redraft.to_str().expect("path"),
        &["parse", path(&pdf), "--format", "json"],
    );
    println!(
        "| {pages}-page PDF ({PARAGRAPHS} paragraphs, UN layout, footnotes) | `redraft parse` {} ms, one core, of which `pdftotext -bbox-layout` {} ms |",
        parse.as_millis(),
        poppler.as_millis()
    );
    let counts = kinds(&redraft, &pdf);
    let _ = std::fs::remove_dir_all(&dir);
    assert!(pages >= 40, "the document has {pages} pages, not 40");
    let notes = PARAGRAPHS.div_ceil(6);
    assert_eq!(
        counts,
        (30, PARAGRAPHS - 30, notes),
        "(preambular, operative, footnotes) read"
    );
    assert!(parse < BOUND, "reading took {parse:?}");
}

fn path(p: &Path) -> &str {
    p.to_str().expect("UTF-8 path")
}

/// The best wall time of `runs` runs of a program, on one core when
/// `taskset` is there, output discarded.
fn best_of(runs: usize, program: &str, args: &[&str]) -> Duration {
    let pinned = Command::new("taskset").arg("-V").output().is_ok();
    (0..runs)
        .map(|_| {
            let mut command = if pinned {
                let mut c = Command::new("taskset");
                c.args(["-c", "0", program]);
                c
            } else {
                Command::new(program)
            };
            let started = Instant::now();
            let status = command
                .args(args)
                .stdout(Stdio::null())
                .status()
                .expect("run");
            assert!(status.success(), "{program} failed");
            started.elapsed()
        })
        .min()
        .unwrap_or_default()
}

/// How many preambular, operative paragraphs and footnotes `redraft`
/// reads in the PDF: the benchmark times a correct reading.
fn kinds(redraft: &Path, pdf: &Path) -> (usize, usize, usize) {
    let o = Command::new(redraft)
        .args(["parse", path(pdf), "--format", "json"])
        .output()
        .expect("redraft");
    let text = String::from_utf8_lossy(&o.stdout);
    let count = |kind: &str| text.matches(&format!("\"kind\": \"{kind}\"")).count();
    (count("preambular"), count("operative"), count("footnote"))
}

/// How many pages `pdftotext` finds (form feeds end pages).
fn page_count(pdf: &Path) -> usize {
    let o = Command::new("pdftotext")
        .args(["-layout", "--", path(pdf), "-"])
        .output()
        .expect("pdftotext");
    String::from_utf8_lossy(&o.stdout).matches('\u{c}').count()
}

/// Words the paragraphs are made of, cycled deterministically.
const WORDS: &[&str] = &[
    "the",
    "protection",
    "of",
    "cultural",
    "heritage",
    "in",
    "situations",
    "armed",
    "conflict",
    "Member",
    "States",
    "and",
    "international",
    "cooperation",
    "including",
    "through",
    "the",
    "United",
    "Nations",
    "system",
    "with",
    "full",
    "respect",
    "for",
    "sovereignty",
    "measures",
];

fn words(seed: usize, n: usize) -> String {
    (0..n)
        .map(|k| WORDS[(seed * 7 + k * 3) % WORDS.len()])
        .collect::<Vec<_>>()
        .join(" ")
}

/// The draft as a flat OpenDocument text in the UN layout.
fn document() -> String {
    let body = body();
    format!(
        r#"<?xml version="1.0" encoding="UTF-8"?>
<office:document xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" xmlns:style="urn:oasis:names:tc:opendocument:xmlns:style:1.0" xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0" xmlns:fo="urn:oasis:names:tc:opendocument:xmlns:xsl-fo-compatible:1.0" office:version="1.3" office:mimetype="application/vnd.oasis.opendocument.text">
<office:styles>
<style:default-style style:family="paragraph"><style:text-properties fo:font-size="12pt" fo:hyphenate="false"/></style:default-style>
<style:style style:name="Standard" style:family="paragraph"/>
<style:style style:name="Body" style:family="paragraph"><style:paragraph-properties fo:text-align="justify" fo:text-indent="0.5in" fo:margin-bottom="6pt"/></style:style>
<style:style style:name="Mast" style:family="paragraph"><style:paragraph-properties><style:tab-stops><style:tab-stop style:position="3.5in"/></style:tab-stops></style:paragraph-properties></style:style>
<style:style style:name="Footnote" style:family="paragraph"><style:text-properties fo:font-size="10pt"/></style:style>
<style:style style:name="Furniture" style:family="paragraph"><style:paragraph-properties><style:tab-stops><style:tab-stop style:position="6.0in" style:type="right"/></style:tab-stops></style:paragraph-properties><style:text-properties fo:font-size="9pt"/></style:style>
</office:styles>
<office:automatic-styles>
<style:page-layout style:name="Page"><style:page-layout-properties fo:page-width="8.5in" fo:page-height="11in" fo:margin-top="0.6in" fo:margin-bottom="0.6in" fo:margin-left="1.25in" fo:margin-right="1.25in"/></style:page-layout>
<style:style style:name="First" style:family="paragraph" style:parent-style-name="Mast" style:master-page-name="FirstPage"/>
</office:automatic-styles>
<office:master-styles>
<style:master-page style:name="FirstPage" style:page-layout-name="Page" style:next-style-name="Standard"><style:footer><text:p text:style-name="Furniture">25-16107 (E)    061025</text:p><text:p text:style-name="Furniture">*2516107*</text:p></style:footer></style:master-page>
<style:master-page style:name="Standard" style:page-layout-name="Page"><style:header><text:p text:style-name="Furniture"><text:tab/>A/80/L.77</text:p></style:header><style:footer><text:p text:style-name="Furniture"><text:page-number text:select-page="current">2</text:page-number>/<text:page-count>3</text:page-count><text:tab/>25-16107</text:p></style:footer></style:master-page>
</office:master-styles>
<office:body><office:text>
{body}</office:text></office:body></office:document>
"#
    )
}

/// The masthead, title and chapeau, then the paragraphs: 30 preambular,
/// the rest operative, a footnote on every sixth.
fn body() -> String {
    let mut body = String::from(
        "<text:p text:style-name=\"First\">United Nations<text:tab/>A/80/L.77</text:p>\n\
         <text:p text:style-name=\"Mast\">General Assembly<text:tab/>Distr.: Limited</text:p>\n\
         <text:p text:style-name=\"Mast\"><text:tab/>4 October 2025</text:p>\n\
         <text:p text:style-name=\"Mast\"><text:tab/>Original: English</text:p>\n\
         <text:p text:style-name=\"Mast\">Eightieth session</text:p>\n\
         <text:p text:style-name=\"Mast\">Agenda item 68</text:p>\n\
         <text:p text:style-name=\"Body\">Chile and Mexico: draft resolution</text:p>\n\
         <text:p text:style-name=\"Body\">Protection of cultural heritage</text:p>\n\
         <text:p text:style-name=\"Body\">The General Assembly,</text:p>\n",
    );
    for i in 0..PARAGRAPHS {
        let text = words(i, 90 + (i * 13) % 60);
        let note = if i % 6 == 0 {
            format!(
                "<text:note text:note-class=\"footnote\"><text:note-citation>{}</text:note-citation><text:note-body><text:p text:style-name=\"Footnote\">{}.</text:p></text:note-body></text:note>",
                i / 6 + 1,
                words(i + 3, 25)
            )
        } else {
            String::new()
        };
        if i < 30 {
            let _ = writeln!(
                body,
                "<text:p text:style-name=\"Body\">Recalling {text},{note}</text:p>"
            );
        } else {
            let _ = writeln!(
                body,
                "<text:p text:style-name=\"Body\">{}.<text:tab/>Decides {text};{note}</text:p>",
                i - 29
            );
        }
    }
    body
}
