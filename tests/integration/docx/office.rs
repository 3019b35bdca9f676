//! The Word redline in other programs: LibreOffice (Debian package
//! `libreoffice-writer`) converts it to PDF and to text without error, and
//! python-docx opens it. `.ci/run` installs both; without them these tests
//! are skipped with a notice, except under CI (`CI` set), where a missing
//! program is a failure.
//!
//! What LibreOffice's text export shows: the document as displayed with
//! tracked changes *shown*, deleted and inserted text alike, and without
//! footnote texts (a footnote reference is its number). LibreOffice has no
//! command-line switch to accept or reject changes, and a macro would be
//! our code running inside it, so the check is: a small independent
//! implementation of "accept all" and "reject all" on the XML (Python's
//! standard library, not our reader: unwrap insertions, drop deletions,
//! join paragraphs whose mark is dropped) makes two documents, and the text
//! LibreOffice extracts from them must be the new and the old draft, one
//! paragraph a line, footnote references as their numbers. The raw
//! redline's export is checked to hold both the deleted and the inserted
//! words.

use super::writing::part;
use super::*;
use crate::support::{fixture, temp_dir};
use std::path::Path;
use std::process::Command;

/// Accepts or rejects every tracked change in `word/document.xml`.
const ACCEPT_PY: &str = r#"
import sys, zipfile, xml.etree.ElementTree as ET
W = 'http://schemas.openxmlformats.org/wordprocessingml/2006/main'
ET.register_namespace('w', W)
ET.register_namespace('r', 'http://schemas.openxmlformats.org/officeDocument/2006/relationships')
def q(t): return '{%s}%s' % (W, t)
src, dst, mode = sys.argv[1:4]
ins, dels = {q('ins'), q('moveTo')}, {q('del'), q('moveFrom')}
drop, keep = (dels, ins) if mode == 'accept' else (ins, dels)
ranges = {q(n + e) for n in ('moveFromRange', 'moveToRange') for e in ('Start', 'End')}

def clean(el):
    for c in list(el):
        if c.tag in drop or c.tag in ranges:
            el.remove(c)
            continue
        clean(c)
        if c.tag == q('delText'):
            c.tag = q('t')
        if c.tag in keep:
            if el.tag == q('rPr'):
                el.remove(c)
                continue
            i = list(el).index(c)
            el.remove(c)
            for j, g in enumerate(list(c)):
                el.insert(i + j, g)

def apply(body):
    pending = []
    for p in list(body):
        if p.tag != q('p'):
            continue
        rpr = p.find(q('pPr') + '/' + q('rPr'))
        dropped = rpr is not None and any(c.tag in drop for c in rpr)
        clean(p)
        at = 1 if p.find(q('pPr')) is not None else 0
        for j, c in enumerate(pending):
            p.insert(at + j, c)
        pending = []
        if dropped:
            pending = [c for c in p if c.tag != q('pPr')]
            body.remove(p)

zin = zipfile.ZipFile(src)
root = ET.fromstring(zin.read('word/document.xml'))
apply(root.find(q('body')))
with zipfile.ZipFile(dst, 'w', zipfile.ZIP_DEFLATED) as zout:
    for item in zin.infolist():
        data = zin.read(item.filename)
        if item.filename == 'word/document.xml':
            data = ET.tostring(root, xml_declaration=True, encoding='UTF-8')
        zout.writestr(item, data)
"#;

/// Opens a document in python-docx and prints what it sees.
const PYTHON_DOCX: &str = r#"
import sys, docx
d = docx.Document(sys.argv[1])
print(len(d.paragraphs))
print(d.core_properties.author)
print('|'.join(sorted({p.style.name for p in d.paragraphs})))
"#;

fn runs(program: &str, args: &[&str]) -> bool {
    Command::new(program)
        .args(args)
        .output()
        .is_ok_and(|o| o.status.success())
}

/// Whether a required program is there; skips (or fails under CI) if not.
fn available(found: bool, what: &str) -> bool {
    if !found {
        assert!(
            std::env::var_os("CI").is_none(),
            "{what} is required under CI"
        );
        eprintln!("skipped: {what} is not installed");
    }
    found
}

fn soffice() -> Option<&'static str> {
    ["soffice", "libreoffice"]
        .into_iter()
        .find(|p| runs(p, &["--version"]))
}

/// Converts documents with LibreOffice, headless, with a profile of its
/// own (so that concurrent runs do not collide).
fn convert(soffice: &str, dir: &Path, to: &str, files: &[&Path]) {
    let profile = format!(
        "-env:UserInstallation=file://{}/lo-profile-{}",
        dir.display(),
        to.len()
    );
    let o = Command::new(soffice)
        .args([
            "--headless",
            "--norestore",
            &profile,
            "--convert-to",
            to,
            "--outdir",
        ])
        .arg(dir)
        .args(files)
        .output()
        .expect("run LibreOffice");
    assert!(
        o.status.success(),
        "LibreOffice failed: {}",
        String::from_utf8_lossy(&o.stderr)
    );
}

/// A draft as LibreOffice's text export shows it: one paragraph a line,
/// a tab after the number, footnote references as their numbers, no
/// footnote texts; whitespace collapsed for comparison.
fn as_displayed(text: &str) -> Vec<String> {
    let r = parsed(text);
    r.units
        .iter()
        .filter(|u| u.kind != redraft::model::UnitKind::Footnote)
        .map(|u| {
            let block = redraft::model::block(u.marker.as_deref(), &u.text);
            let shown = redraft::render::docx::notes::REFERENCE.replace_all(&block, "$1");
            collapse(&shown)
        })
        .collect()
}

fn exported_lines(path: &Path) -> Vec<String> {
    let text = std::fs::read_to_string(path).expect("LibreOffice text export");
    text.trim_start_matches('\u{feff}')
        .lines()
        .map(collapse)
        .filter(|l| !l.is_empty())
        .collect()
}

fn collapse(text: &str) -> String {
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}

#[test]
fn libreoffice_converts_the_redline_and_shows_each_draft_once_changes_are_applied() {
    let Some(soffice) = soffice() else {
        available(false, "LibreOffice (libreoffice-writer)");
        return;
    };
    let python = available(
        runs("python3", &["-c", "import zipfile, xml.etree.ElementTree"]),
        "python3",
    );
    let dir = temp_dir("libreoffice");
    let old = std::fs::read_to_string(fixture("annex-i/before.txt")).unwrap();
    let new = std::fs::read_to_string(fixture("annex-i/after.txt")).unwrap();
    let redline = dir.join("redline.docx");
    std::fs::write(&redline, write_redline(&old, &new, false)).unwrap();
    let summary = dir.join("summary.docx");
    std::fs::write(&summary, write_redline(&old, &new, true)).unwrap();

    convert(soffice, &dir, "pdf", &[&redline, &summary]);
    for name in ["redline.pdf", "summary.pdf"] {
        let pdf = std::fs::read(dir.join(name)).expect("PDF written");
        assert!(pdf.starts_with(b"%PDF") && pdf.len() > 20_000, "{name}");
    }
    if !python {
        return;
    }
    let accepted = dir.join("accepted.docx");
    let rejected = dir.join("rejected.docx");
    for (out, mode) in [(&accepted, "accept"), (&rejected, "reject")] {
        let o = Command::new("python3")
            .args([
                "-c",
                ACCEPT_PY,
                redline.to_str().unwrap(),
                out.to_str().unwrap(),
                mode,
            ])
            .output()
            .expect("python3");
        assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
    }
    convert(
        soffice,
        &dir,
        "txt:Text (encoded):UTF8",
        &[&redline, &accepted, &rejected],
    );
    assert_eq!(
        exported_lines(&dir.join("accepted.txt")),
        as_displayed(&new),
        "accepted = new draft"
    );
    assert_eq!(
        exported_lines(&dir.join("rejected.txt")),
        as_displayed(&old),
        "rejected = old draft"
    );
    let shown = exported_lines(&dir.join("redline.txt")).join("\n");
    assert!(
        shown.contains("vingtièmevingt-et-unième"),
        "deleted and inserted words both shown"
    );
    assert!(
        shown.contains("16.17.\t") || shown.contains("16.17. "),
        "old and new numbers both shown"
    );
}

#[test]
fn python_docx_opens_the_redline() {
    let found = runs("python3", &["-c", "import docx"]);
    if !available(found, "python-docx (pip install python-docx)") {
        return;
    }
    let dir = temp_dir("python-docx");
    let old = std::fs::read_to_string(fixture("annex-i/before.txt")).unwrap();
    let new = std::fs::read_to_string(fixture("annex-i/after.txt")).unwrap();
    let bytes = write_redline(&old, &new, false);
    let path = dir.join("redline.docx");
    std::fs::write(&path, &bytes).unwrap();
    let o = Command::new("python3")
        .args(["-c", PYTHON_DOCX, path.to_str().unwrap()])
        .output()
        .expect("python3");
    assert!(
        o.status.success(),
        "python-docx: {}",
        String::from_utf8_lossy(&o.stderr)
    );
    let out = String::from_utf8_lossy(&o.stdout).into_owned();
    let lines: Vec<&str> = out.lines().collect();
    let document = part(&bytes, "word/document.xml").unwrap();
    assert_eq!(
        lines[0],
        document.matches("<w:p>").count().to_string(),
        "every paragraph"
    );
    assert_eq!(lines[1], "redraft");
    for style in ["Operative Paragraph", "Preambular Paragraph", "Heading 2"] {
        assert!(
            lines[2].split('|').any(|s| s == style),
            "{style} in {}",
            lines[2]
        );
    }
}
