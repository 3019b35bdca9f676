//! Drafts as published: text extracted from a PDF report (the project's
//! seed, `fixtures/pdf-report/report.txt`), whole reports with annexes, and
//! PDF files read through `pdftotext`.

use crate::support::*;
use redraft::model::{Resolution, UnitKind};
use redraft::redline::Op;
use std::path::Path;
use std::process::Command;

fn report() -> Resolution {
    load(&fixture("pdf-report/report.txt"))
}

fn in_part<'a>(r: &'a Resolution, part: Option<&str>) -> Vec<&'a redraft::model::Unit> {
    r.units
        .iter()
        .filter(|u| u.part.as_deref() == part && u.kind != UnitKind::Footnote)
        .collect()
}

fn normalised(s: &str) -> String {
    s.split_whitespace().collect::<Vec<_>>().join(" ")
}

#[test]
fn report_is_recognised_as_pdf_text() {
    let text = std::fs::read_to_string(fixture("pdf-report/report.txt")).unwrap();
    assert!(redraft::ingest::pdf_text::looks_like(&text));
    let draft = std::fs::read_to_string(fixture("annex-i/after.txt")).unwrap();
    assert!(!redraft::ingest::pdf_text::looks_like(&draft));
}

#[test]
fn report_paragraphs_1_to_25_under_chapter_headings() {
    let r = report();
    let main = in_part(&r, None);
    let outline: Vec<String> = main
        .iter()
        .filter(|u| u.kind == UnitKind::Heading || u.number.is_some())
        .map(|u| u.label.clone())
        .collect();
    let mut expected: Vec<String> = Vec::new();
    for n in 1..=25 {
        match n {
            1 => expected.push("H1".into()),
            5 => expected.push("H2".into()),
            16 => expected.push("H3".into()),
            25 => expected.push("H4".into()),
            _ => {}
        }
        expected.push(format!("P{n}"));
    }
    expected.insert(
        expected.iter().position(|l| l == "P21").unwrap() + 1,
        "P21(a)".into(),
    );
    expected.insert(
        expected.iter().position(|l| l == "P21(a)").unwrap() + 1,
        "P21(b)".into(),
    );
    assert_eq!(outline, expected);
    let headings: Vec<&str> = main
        .iter()
        .filter(|u| u.kind == UnitKind::Heading)
        .map(|u| u.text.as_str())
        .collect();
    assert_eq!(headings[0], "I. Contexte");
    assert_eq!(
        headings[2],
        "III. Évaluation des recommandations formulées dans l’Examen par le Groupe d’experts indépendants attribuées à la facilitation sur la coopération"
    );
    let numbered = main.iter().filter(|u| {
        u.number.is_some() && !matches!(u.kind, UnitKind::Subparagraph | UnitKind::Heading)
    });
    assert!(numbered.clone().all(|u| u.kind == UnitKind::Paragraph));
    assert_eq!(numbered.count(), 25);
    let p9 = r.find("P9").unwrap();
    assert!(p9.text.contains("qu’il contient[^1], et"), "{}", p9.text);
    assert!(
        p9.text.contains("Les co-facilitateurs ont décidé"),
        "hyphen kept in a compound: {}",
        p9.text
    );
}

#[test]
fn annex_i_has_the_units_and_labels_of_the_clean_draft() {
    let annex = report().part(Some("ANNEX-I")).expect("Annex I");
    let clean = load(&fixture("annex-i/after.txt"));
    let labels = |r: &Resolution| {
        r.units
            .iter()
            .map(|u| (u.label.clone(), u.kind))
            .collect::<Vec<_>>()
    };
    assert_eq!(labels(&annex), labels(&clean));
    assert_eq!(annex.of_kind(UnitKind::Preambular).count(), 12);
    assert_eq!(annex.of_kind(UnitKind::Operative).count(), 40);
    assert_eq!(annex.of_kind(UnitKind::Heading).count(), 10);
    let notes: Vec<&str> = annex
        .of_kind(UnitKind::Footnote)
        .map(|u| u.label.as_str())
        .collect();
    assert_eq!(notes, ["FN5", "FN6", "FN7", "FN8", "FN9", "FN10", "FN11"]);
    assert!(
        annex
            .of_kind(UnitKind::Footnote)
            .all(|u| !u.text.is_empty())
    );
    assert_eq!(
        annex.find("FN6").unwrap().text,
        "Résolution ICC-ASP/18/Res.7, adoptée à la 9e réunion plénière, le 6 décembre 2019."
    );
}

#[test]
fn unchanged_units_of_annex_i_read_as_in_the_clean_draft() {
    let annex = report().part(Some("ANNEX-I")).expect("Annex I");
    let before = load(&fixture("annex-i/before.txt"));
    let after = load(&fixture("annex-i/after.txt"));
    let redline = redraft::diff::redline(&before, &after, &Default::default());
    let mut compared = 0;
    for entry in redline.entries.iter().filter(|e| e.op == Op::Unchanged) {
        let label = &entry.new.as_ref().unwrap().label;
        let clean = after.find(label).unwrap();
        let read = annex
            .find(label)
            .unwrap_or_else(|| panic!("{label} missing from the seed's Annex I"));
        assert_eq!(normalised(&read.text), normalised(&clean.text), "{label}");
        compared += 1;
    }
    assert_eq!(compared, 57);
}

#[test]
fn annex_ii_sections_and_footnotes_12_to_15() {
    let r = report();
    for n in 1..=12 {
        let u = r
            .find(&format!("ANNEX-II/A/OP{n}"))
            .unwrap_or_else(|| panic!("A/OP{n}"));
        assert_eq!(u.kind, UnitKind::Operative);
    }
    assert!(r.find("ANNEX-II/A/OP13").is_none());
    let b1 = r.find("ANNEX-II/B/OP1").unwrap();
    assert_eq!(b1.text, "En ce qui concerne la coopération,");
    let subs: Vec<&str> = r
        .units
        .iter()
        .filter(|u| u.kind == UnitKind::Subparagraph && u.label.starts_with("ANNEX-II/B/OP1("))
        .map(|u| u.number.as_deref().unwrap())
        .collect();
    assert_eq!(subs, ["a", "b", "c", "d", "e", "f", "g", "h", "i", "j"]);
    let annex = r.part(Some("ANNEX-II")).unwrap();
    let notes: Vec<&str> = annex
        .of_kind(UnitKind::Footnote)
        .map(|u| u.label.as_str())
        .collect();
    assert_eq!(notes, ["FN12", "FN13", "FN14", "FN15"]);
    assert_eq!(annex.find("FN14").unwrap().text, "ICC-ASP/19/ Res.7.");
    assert!(
        r.find("ANNEX-II/B/OP1(f)")
            .unwrap()
            .text
            .contains("en 2007[^13], en étroite")
    );
}

#[test]
fn annex_iii_is_a_table_not_paragraphs() {
    let r = report();
    let kinds: Vec<UnitKind> = in_part(&r, Some("ANNEX-III"))
        .iter()
        .map(|u| u.kind)
        .collect();
    assert_eq!(kinds, [UnitKind::Annex, UnitKind::Title, UnitKind::Table]);
    let table = r.find("ANNEX-III/TABLE1").unwrap();
    assert!(table.text.starts_with("| Recommandations Contexte"));
    assert!(table.text.contains("| R149. Les responsables |"));
}

#[test]
fn same_reading_without_the_blank_line_after_every_line() {
    let text = std::fs::read_to_string(fixture("pdf-report/report.txt")).unwrap();
    let packed: String = text
        .lines()
        .filter(|l| !l.is_empty())
        .map(|l| format!("{l}\n"))
        .collect();
    let opts = redraft::model::ParseOptions::default();
    let a = redraft::model::parse(&redraft::ingest::pdf_text::to_draft(&text), &opts).unwrap();
    let b = redraft::model::parse(&redraft::ingest::pdf_text::to_draft(&packed), &opts).unwrap();
    assert_eq!(a.to_text(), b.to_text());
}

#[test]
fn quoted_subparagraph_in_a_preambular_paragraph_stays_one_paragraph() {
    let extracted = load(&fixture("pdf-quote-trap/extracted.txt"));
    let expected = load(&fixture("pdf-quote-trap/expected.txt"));
    assert_eq!(extracted.to_text(), expected.to_text());
    assert!(
        extracted
            .find("PP1")
            .unwrap()
            .text
            .contains("[…] : a) Renforcement de la coopération » ; le document")
    );
    assert_eq!(
        extracted.find("OP2(b)").unwrap().text,
        "de faire rapport à sa prochaine session."
    );
}

#[test]
fn parse_shows_the_parts_and_takes_one() {
    let o = redraft(&["parse", "fixtures/pdf-report/report.txt"]);
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    assert!(stdout(&o).contains(
        "# parts: main (25 numbered paragraphs); ANNEX-I (resolution: 12 preambular, 40 operative); ANNEX-II (13 operative paragraphs); ANNEX-III (1 table)"
    ));
    let o = redraft(&[
        "parse",
        "fixtures/pdf-report/report.txt",
        "--part",
        "Annexe I",
    ]);
    let out = stdout(&o);
    assert!(
        out.starts_with(
            "# language fr; 12 preambular, 40 operative, 0 subparagraphs, 10 headings, 7 footnotes"
        ),
        "{out}"
    );
    assert!(out.contains("\nOP40 "));
}

#[test]
fn diff_compares_a_part_with_a_file() {
    let o = redraft(&[
        "diff",
        "fixtures/pdf-report/report.txt",
        "fixtures/annex-i/after.txt",
        "--old-part",
        "Annexe I",
        "--format",
        "json",
    ]);
    assert_eq!(o.status.code(), Some(1), "{}", stderr(&o));
    let v: serde_json::Value = serde_json::from_str(&stdout(&o)).unwrap();
    let s = &v["summary"];
    assert_eq!(
        (
            s["inserted"].as_u64(),
            s["deleted"].as_u64(),
            s["moved"].as_u64()
        ),
        (Some(0), Some(0), Some(0))
    );
    // The published redline kept its struck-through words: "123 personnes"
    // is 13 deleted and 12 inserted; the comparison shows the 13 as deleted.
    let op2 = v["entries"]
        .as_array()
        .unwrap()
        .iter()
        .find(|e| e["new"]["label"] == "OP2")
        .unwrap();
    assert_eq!(op2["segments"][1]["op"], "delete");
}

#[test]
fn unknown_part_is_trouble() {
    let o = redraft(&[
        "parse",
        "fixtures/pdf-report/report.txt",
        "--part",
        "Annexe IV",
    ]);
    assert_eq!(o.status.code(), Some(2));
    let err = stderr(&o);
    assert!(
        err.contains("no part 'Annexe IV' (parts: main, ANNEX-I, ANNEX-II, ANNEX-III)"),
        "{err}"
    );
}

/// Runs a tool if installed; under CI its absence is a failure.
fn tool(name: &str) -> bool {
    let found = Command::new(name)
        .arg("--version")
        .output()
        .is_ok_and(|o| o.status.success() || !o.stderr.is_empty());
    assert!(
        found || std::env::var_os("CI").is_none(),
        "{name} is required under CI"
    );
    if !found {
        eprintln!("skipped: no {name} on this machine");
    }
    found
}

fn soffice_pdf(draft: &Path, dir: &Path) -> std::path::PathBuf {
    let status = Command::new("soffice")
        .args(["--headless", "--convert-to", "pdf", "--outdir"])
        .arg(dir)
        .arg(draft)
        .env("HOME", dir)
        .output()
        .expect("run soffice");
    assert!(
        status.status.success(),
        "{}",
        String::from_utf8_lossy(&status.stderr)
    );
    dir.join(draft.file_stem().unwrap()).with_extension("pdf")
}

#[test]
fn pdf_made_by_libreoffice_parses_like_its_draft() {
    if !tool("soffice") || !tool("pdftotext") {
        return;
    }
    let dir = temp_dir("pdf-roundtrip");
    for rel in [
        "annex-i/after.txt",
        "annex-i/before.txt",
        "subparagraphs/new.txt",
    ] {
        let draft = dir.join(rel.replace('/', "-"));
        std::fs::copy(fixture(rel), &draft).unwrap();
        let pdf = soffice_pdf(&draft, &dir);
        assert!(std::fs::read(&pdf).unwrap().starts_with(b"%PDF"));
        assert_eq!(load(&pdf).to_text(), load(&draft).to_text(), "{rel}");
        let o = redraft(&["diff", draft.to_str().unwrap(), pdf.to_str().unwrap()]);
        assert_eq!(o.status.code(), Some(0), "{rel}: {}", stdout(&o));
    }
}

fn fails_with(path: &Path, expected: &str) {
    let o = redraft(&["parse", path.to_str().unwrap()]);
    let err = stderr(&o);
    assert_eq!(o.status.code(), Some(2), "{err}");
    assert_eq!(err.lines().count(), 1, "{err}");
    assert!(
        err.contains(path.file_name().unwrap().to_str().unwrap()) && err.contains(expected),
        "{err}"
    );
}

/// A valid PDF whose one page has no text, as a scan without OCR reads.
fn pdf_without_text() -> Vec<u8> {
    let objects = [
        "<< /Type /Catalog /Pages 2 0 R >>",
        "<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] >>",
    ];
    pdf_of(&objects)
}

/// A PDF 1.4 file of `objects` (object 1 the catalogue), numbered from 1,
/// with its cross-reference table and trailer.
fn pdf_of(objects: &[impl AsRef<str>]) -> Vec<u8> {
    let mut pdf = b"%PDF-1.4\n".to_vec();
    let mut offsets = Vec::new();
    for (i, body) in objects.iter().enumerate() {
        offsets.push(pdf.len());
        let body = body.as_ref();
        pdf.extend_from_slice(format!("{} 0 obj\n{body}\nendobj\n", i + 1).as_bytes());
    }
    let xref = pdf.len();
    pdf.extend_from_slice(
        format!("xref\n0 {}\n0000000000 65535 f \n", objects.len() + 1).as_bytes(),
    );
    for o in offsets {
        pdf.extend_from_slice(format!("{o:010} 00000 n \n").as_bytes());
    }
    pdf.extend_from_slice(
        format!(
            "trailer\n<< /Size {} /Root 1 0 R >>\nstartxref\n{xref}\n%%EOF\n",
            objects.len() + 1
        )
        .as_bytes(),
    );
    pdf
}

#[test]
fn bad_pdfs_are_one_clear_line() {
    if !tool("pdftotext") {
        return;
    }
    let dir = temp_dir("bad-pdf");
    let corrupt = dir.join("corrupt.pdf");
    std::fs::write(
        &corrupt,
        b"%PDF-1.7\n1 0 obj << /Type /Catalog /Pages 2 0 R >>\nthis is not a PDF body\n",
    )
    .unwrap();
    fails_with(&corrupt, "not a readable PDF");
    let truncated = dir.join("truncated.pdf");
    std::fs::write(&truncated, &pdf_without_text()[..40]).unwrap();
    fails_with(&truncated, "not a readable PDF");
    // Read as a PDF on request, a text file says it is none.
    let renamed = dir.join("renamed.txt");
    std::fs::write(&renamed, b"The General Assembly,\n\n1. Decides.\n").unwrap();
    let o = redraft(&["parse", "--input", "pdf", renamed.to_str().unwrap()]);
    assert_eq!(o.status.code(), Some(2));
    assert!(
        stderr(&o).contains("renamed.txt: not a PDF (it does not begin with %PDF)"),
        "{}",
        stderr(&o)
    );
    let scanned = dir.join("scanned.pdf");
    std::fs::write(&scanned, pdf_without_text()).unwrap();
    fails_with(
        &scanned,
        "the PDF has no text (scanned pages? run OCR on it first)",
    );
    if tool("qpdf") {
        let encrypted = dir.join("encrypted.pdf");
        let o = Command::new("qpdf")
            .args(["--encrypt", "user-secret", "owner-secret", "256", "--"])
            .arg(&scanned)
            .arg(&encrypted)
            .output()
            .unwrap();
        assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
        fails_with(&encrypted, "the PDF is encrypted");
    }
}

#[test]
fn findings_name_the_lines_of_the_extracted_file() {
    let o = redraft(&[
        "check",
        "fixtures/pdf-report/report.txt",
        "--part",
        "Annexe I",
        "--format",
        "json",
    ]);
    assert_eq!(o.status.code(), Some(1), "{}", stderr(&o));
    let v: serde_json::Value = serde_json::from_str(&stdout(&o)).unwrap();
    let findings = v["files"][0]["findings"].as_array().unwrap();
    let located: Vec<(String, u64, u64)> = findings
        .iter()
        .map(|f| {
            (
                f["label"].as_str().unwrap().to_string(),
                f["line"].as_u64().unwrap(),
                f["column"].as_u64().unwrap(),
            )
        })
        .collect();
    // Line 379 of the file reads "ICC-ASP/15/Res.3, ICC-ASP/16/Res.2,
    // ICC-ASP/17/Res.3, ICC-ASP-18/Res.3,": the symbol at column 55.
    assert_eq!(located[0], ("PP1".to_string(), 379, 55));
    assert_eq!(located.len(), 4, "{located:?}");
    let text = std::fs::read_to_string(fixture("pdf-report/report.txt")).unwrap();
    let line = text.lines().nth(378).unwrap();
    assert_eq!(
        line.chars().skip(54).take(16).collect::<String>(),
        "ICC-ASP-18/Res.3"
    );
}

#[test]
fn units_name_the_lines_of_the_extracted_file() {
    let o = redraft(&[
        "parse",
        "fixtures/pdf-report/report.txt",
        "--part",
        "Annexe I",
        "--format",
        "json",
    ]);
    let v: serde_json::Value = serde_json::from_str(&stdout(&o)).unwrap();
    let op40 = v["units"]
        .as_array()
        .unwrap()
        .iter()
        .find(|u| u["label"] == "OP40")
        .unwrap();
    let text = std::fs::read_to_string(fixture("pdf-report/report.txt")).unwrap();
    let line = op40["line"].as_u64().unwrap() as usize;
    assert!(
        text.lines()
            .nth(line - 1)
            .unwrap()
            .starts_with("40. Reconnaissant")
    );
}

#[test]
fn fix_refuses_a_rebuilt_draft() {
    let dir = temp_dir("fix-rebuilt");
    let out = dir.join("fixed.txt");
    let o = redraft(&[
        "check",
        "fixtures/pdf-report/report.txt",
        "--against",
        "fixtures/pdf-report/report.txt",
        "--fix",
        "-o",
        out.to_str().unwrap(),
    ]);
    assert_eq!(o.status.code(), Some(2), "{}", stderr(&o));
    assert!(
        stderr(&o).contains("--fix rewrites plain-text drafts"),
        "{}",
        stderr(&o)
    );
    assert!(!out.exists());
}

/// A draft with English footnote markers (after the punctuation), written
/// as a Word document with real footnotes, printed to PDF by LibreOffice:
/// the PDF, and the text `pdftotext -layout` extracts from it, parse like
/// the draft.
#[test]
fn pdf_of_a_word_document_with_footnotes_parses_like_its_draft() {
    if !tool("soffice") || !tool("pdftotext") {
        return;
    }
    let dir = temp_dir("pdf-word-footnotes");
    let draft = fixture("pdf-word-footnotes/draft.txt");
    let docx = dir.join("draft.docx");
    let o = redraft(&[
        "diff",
        draft.to_str().unwrap(),
        draft.to_str().unwrap(),
        "-o",
        docx.to_str().unwrap(),
    ]);
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    let pdf = soffice_pdf(&docx, &dir);
    let expected = load(&draft);
    assert_eq!(expected.of_kind(UnitKind::Footnote).count(), 4);
    assert_eq!(load(&pdf).to_text(), expected.to_text());
    let layout = Command::new("pdftotext")
        .args(["-layout", "-enc", "UTF-8"])
        .arg(&pdf)
        .arg("-")
        .output()
        .unwrap();
    let extracted = dir.join("extracted.txt");
    std::fs::write(&extracted, &layout.stdout).unwrap();
    assert_eq!(load(&extracted).to_text(), expected.to_text());
}

/// Regression (QA): LibreOffice printed the footnotes of a Word redline
/// empty when comments (on moved paragraphs) had ids 0 and 1, like the
/// footnote separators.
#[test]
fn word_redline_with_comments_keeps_its_footnotes_in_libreoffice() {
    if !tool("soffice") || !tool("pdftotext") {
        return;
    }
    let dir = temp_dir("docx-comments-footnotes");
    let docx = dir.join("redline.docx");
    let o = redraft(&[
        "diff",
        "fixtures/docx-move-with-footnotes/old.txt",
        "fixtures/docx-move-with-footnotes/new.txt",
        "-o",
        docx.to_str().unwrap(),
    ]);
    assert_eq!(o.status.code(), Some(1), "{}", stderr(&o));
    let pdf = soffice_pdf(&docx, &dir);
    let text = Command::new("pdftotext")
        .args(["-layout"])
        .arg(&pdf)
        .arg("-")
        .output()
        .unwrap();
    let text = String::from_utf8_lossy(&text.stdout);
    assert!(
        text.contains("A/75/100.") && text.contains("A/75/200."),
        "{text}"
    );
}

/// A one-page PDF printing `lines` in Helvetica 12 pt, one under the other.
fn pdf_with_lines(lines: &[&str]) -> Vec<u8> {
    let mut content = String::from("BT /F1 12 Tf 14 TL 72 760 Td\n");
    for line in lines {
        content += &format!("({}) Tj T*\n", line.replace('(', "\\(").replace(')', "\\)"));
    }
    content += "ET\n";
    let objects = [
        "<< /Type /Catalog /Pages 2 0 R >>".to_string(),
        "<< /Type /Pages /Kids [3 0 R] /Count 1 >>".to_string(),
        "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R /Resources << /Font << /F1 5 0 R >> >> >>".to_string(),
        format!("<< /Length {} >>\nstream\n{content}endstream", content.len()),
        "<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>".to_string(),
    ];
    pdf_of(&objects)
}

/// Issue 15: a PDF named like an option (`-v`) was passed to `pdftotext`
/// as one, which printed its version instead of reading the file.
#[test]
fn a_pdf_named_like_an_option_is_read_as_a_file() {
    if !tool("pdftotext") {
        return;
    }
    let dir = temp_dir("pdf-named-v");
    let pdf = pdf_with_lines(&[
        "The General Assembly,",
        "",
        "Recalling its resolution 75/1,",
        "",
        "1. Decides to remain seized of the matter.",
    ]);
    std::fs::write(dir.join("-v"), pdf).unwrap();
    let o = Command::new(env!("CARGO_BIN_EXE_redraft"))
        .args(["parse", "--", "-v"])
        .current_dir(&dir)
        .output()
        .unwrap();
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    let out = stdout(&o);
    assert!(out.contains("CHAPEAU") && out.contains("OP1"), "{out}");
}

/// Issue 15: joining PDF-text lines rescanned the trailing hyphenated word
/// at every line (510 KB of hyphen chains: 99 s) and the trailing URL
/// (300 KB of URL chains: 14 s). Both are linear now.
#[test]
fn joining_hyphen_and_url_chains_is_linear() {
    let dir = temp_dir("pdf-text-chains");
    let hyphens = dir.join("hyphens.txt");
    let chain: String = (0..25_000).map(|_| "a-b-\n").collect();
    std::fs::write(
        &hyphens,
        format!("The General Assembly,\n\n1. Decides {chain}end.\n"),
    )
    .unwrap();
    let urls = dir.join("urls.txt");
    let chain: String = (0..30_000)
        .map(|i| format!("%20part{}\n", i % 10))
        .collect();
    std::fs::write(
        &urls,
        format!("The General Assembly,\n\n1. Decides https://example.org/a\n{chain}end.\n"),
    )
    .unwrap();
    for file in [&hyphens, &urls] {
        let started = std::time::Instant::now();
        let o = redraft(&[
            "parse",
            "--input",
            "pdf-text",
            file.to_str().unwrap(),
            "--format",
            "json",
        ]);
        let took = started.elapsed();
        assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
        assert!(took.as_secs() < 30, "{}: {took:?}", file.display());
        let json: serde_json::Value = serde_json::from_str(&stdout(&o)).unwrap();
        let op1 = json["units"]
            .as_array()
            .unwrap()
            .iter()
            .find(|u| u["label"] == "OP1")
            .unwrap();
        assert!(op1["text"].as_str().unwrap().ends_with("end."));
    }
}
