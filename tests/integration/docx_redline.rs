//! The Word redline written into the new draft's own document.
//!
//! The cooperation pair (`drafts/cooperation-2020.txt`, `-2021.txt`) is made
//! into two Word documents the way a secretariat types them, by
//! `fixtures/docx-redline/make_docx.py` (python-docx): Word's automatic
//! numbering, real footnotes from 5, a header with the symbol and a footer
//! with the page number. The redline must mark exactly the paragraphs and
//! footnotes that changed, accept to the new document's text and reject to
//! the old one's, and keep the new document's styles, header and footer.
//! Without python3 and python-docx these tests are skipped with a notice,
//! except under CI (`CI` set), where that is a failure; the same for
//! `openxml-audit` (PyPI), which must find no error in any Word redline.

use crate::support::{fixture, redraft, root, stderr, temp_dir};
use redraft::ingest::Revisions;
use std::path::{Path, PathBuf};
use std::process::Command;

/// Whether a program runs; skips (or fails under CI) if not.
fn available(what: &str, program: &str, args: &[&str]) -> bool {
    let ok = Command::new(program)
        .args(args)
        .output()
        .is_ok_and(|o| o.status.success());
    if !ok {
        assert!(
            std::env::var_os("CI").is_none(),
            "{what} is required under CI"
        );
        eprintln!("skipped: {what} is not installed");
    }
    ok
}

pub fn python_docx() -> bool {
    available("python-docx", "python3", &["-c", "import docx"])
}

/// A Word document made from a plain-text draft by the fixture script.
fn make_docx(draft: &Path, out: &Path, symbol: &str, lang: &str) {
    let script = fixture("docx-redline/make_docx.py");
    let status = Command::new("python3")
        .arg(script)
        .arg(draft)
        .arg(out)
        .args(["--symbol", symbol, "--lang", lang])
        .status()
        .expect("python3 runs");
    assert!(
        status.success(),
        "make_docx.py failed on {}",
        draft.display()
    );
}

/// `redraft diff OLD NEW -o OUT.docx` and extra arguments; the exit code.
pub fn diff_docx(old: &Path, new: &Path, out: &Path, extra: &[&str]) -> i32 {
    let mut args = vec![
        "diff".to_string(),
        old.display().to_string(),
        new.display().to_string(),
        "-o".to_string(),
        out.display().to_string(),
    ];
    args.extend(extra.iter().map(|a| a.to_string()));
    let args: Vec<&str> = args.iter().map(String::as_str).collect();
    let o = redraft(&args);
    assert!(o.status.code().is_some_and(|c| c < 2), "{}", stderr(&o));
    o.status.code().unwrap_or(2)
}

/// A part of a package.
fn part(docx: &Path, name: &str) -> Vec<u8> {
    let bytes = std::fs::read(docx).expect("written");
    let mut zip = zip::ZipArchive::new(std::io::Cursor::new(bytes)).expect("a zip");
    let mut out = Vec::new();
    std::io::Read::read_to_end(&mut zip.by_name(name).expect(name), &mut out).expect("read");
    out
}

fn part_text(docx: &Path, name: &str) -> String {
    String::from_utf8(part(docx, name)).expect("UTF-8")
}

/// The elements of a name in an XML text (`<w:p>` … `</w:p>`), not nested.
fn elements<'a>(xml: &'a str, name: &str) -> Vec<&'a str> {
    let (open, close) = (format!("<{name}"), format!("</{name}>"));
    let mut out = Vec::new();
    let mut at = 0;
    while let Some(start) = xml[at..].find(&open).map(|s| s + at) {
        let next = xml.as_bytes().get(start + open.len());
        if !matches!(next, Some(b' ' | b'>')) {
            at = start + open.len();
            continue;
        }
        let end = xml[start..]
            .find(&close)
            .map_or(xml.len(), |e| start + e + close.len());
        out.push(&xml[start..end]);
        at = end;
    }
    out
}

fn marked(xml: &str) -> bool {
    [
        "<w:ins ",
        "<w:del ",
        "<w:moveFrom ",
        "<w:moveTo ",
        "<w:rPrChange",
    ]
    .iter()
    .any(|m| xml.contains(m))
}

/// The text of a Word document read by the crate's reader, in the parser's
/// normal form.
fn read_back(docx: &Path, revisions: Revisions) -> String {
    let bytes = std::fs::read(docx).expect("written");
    let text = redraft::ingest::docx::read(&bytes, revisions).expect("readable");
    super::docx::normal(&text)
}

/// The cooperation pair as Word documents, in a temporary folder.
pub fn cooperation(name: &str) -> Option<(PathBuf, PathBuf, PathBuf)> {
    if !python_docx() {
        return None;
    }
    let dir = temp_dir(name);
    let (old, new) = (dir.join("old.docx"), dir.join("new.docx"));
    let drafts = root().join("drafts");
    make_docx(
        &drafts.join("cooperation-2020.txt"),
        &old,
        "ICC-ASP/19/L.3",
        "fr-FR",
    );
    make_docx(
        &drafts.join("cooperation-2021.txt"),
        &new,
        "ICC-ASP/20/L.4",
        "fr-FR",
    );
    Some((old, new, dir))
}

#[test]
fn cooperation_redline_marks_the_ten_changed_paragraphs_and_keeps_the_document() {
    let Some((old, new, dir)) = cooperation("docx-redline-cooperation") else {
        return;
    };
    let red = dir.join("redline.docx");
    assert_eq!(diff_docx(&old, &new, &red, &[]), 1);
    let document = part_text(&red, "word/document.xml");
    let body = &document[document.find("<w:body>").expect("a body")..];
    let changed: Vec<&str> = elements(body, "w:p")
        .into_iter()
        .filter(|p| marked(p))
        .collect();
    assert_eq!(
        changed.len(),
        10,
        "exactly the 10 changed paragraphs are marked"
    );
    // Word numbers the operative paragraphs: no typed number is written.
    assert!(!body.contains(">17.<") && !body.contains(">16.<"));
    let notes = part_text(&red, "word/footnotes.xml");
    let changed_notes: Vec<&str> = elements(&notes, "w:footnote")
        .into_iter()
        .filter(|n| marked(n))
        .collect();
    // The two edited footnotes (8 and 11) and the two new ones (9 and 10,
    // their text inserted as Word marks a new footnote); the others not.
    assert_eq!(changed_notes.len(), 4, "the changed footnotes are marked");
    for (note, text) in changed_notes.iter().zip([
        "ICC-ASP/20/26</w:t>",
        "ICC-ASP/19/Res.7.</w:t>",
        "Plan-FRA.pdf.</w:t>",
        "ICC-ASP/20/25</w:t>",
    ]) {
        assert!(note.contains(text), "{note}");
    }
    assert!(changed_notes[1].contains("<w:ins "));
    assert_eq!(
        read_back(&red, Revisions::Accept),
        read_back(&new, Revisions::Accept)
    );
    assert_eq!(
        read_back(&red, Revisions::Reject),
        read_back(&old, Revisions::Accept)
    );
    for name in [
        "word/styles.xml",
        "word/footer1.xml",
        "word/numbering.xml",
        "word/settings.xml",
    ] {
        assert_eq!(
            part(&red, name),
            part(&new, name),
            "{name} is the new draft's"
        );
    }
    // The header is the new draft's, its changed symbol tracked.
    let header = part_text(&red, "word/header1.xml");
    assert!(header.contains("ICC-ASP/19/L.3</w:delText>"), "{header}");
    assert!(
        header.contains("ICC-ASP/20/L.4</w:t></w:r></w:ins>"),
        "{header}"
    );
    let new_header = part_text(&new, "word/header1.xml");
    let head = &new_header[..new_header.find("<w:r>").expect("a run")];
    assert!(
        header.starts_with(head),
        "the header's properties are copied"
    );
    // A paragraph that did not change is copied byte for byte.
    let new_doc = part_text(&new, "word/document.xml");
    let title = elements(&new_doc, "w:p")[0];
    assert!(document.contains(title));
}

#[test]
fn show_old_numbers_comments_renumbered_paragraphs_in_the_draft_language() {
    let Some((old, new, dir)) = cooperation("docx-redline-old-numbers") else {
        return;
    };
    let red = dir.join("redline.docx");
    diff_docx(&old, &new, &red, &["--show-old-numbers"]);
    let comments = part_text(&red, "word/comments.xml");
    assert!(comments.contains("Ancien paragraphe 23"), "{comments}");
    let document = part_text(&red, "word/document.xml");
    let body = &document[document.find("<w:body>").expect("a body")..];
    let changed = elements(body, "w:p")
        .into_iter()
        .filter(|p| marked(p))
        .count();
    assert_eq!(changed, 10, "the comments add no revision");
    assert_eq!(
        read_back(&red, Revisions::Accept),
        read_back(&new, Revisions::Accept)
    );
}

#[test]
fn a_plain_text_new_draft_takes_the_old_documents_look() {
    let Some((old, _, dir)) = cooperation("docx-redline-look") else {
        return;
    };
    let new = root().join("drafts/cooperation-2021.txt");
    let red = dir.join("look.docx");
    assert_eq!(diff_docx(&old, &new, &red, &[]), 1);
    for name in ["word/styles.xml", "word/header1.xml", "word/footer1.xml"] {
        assert_eq!(
            part(&red, name),
            part(&old, name),
            "{name} is the old draft's"
        );
    }
    let text = redraft::ingest::read(&new).expect("draft").text;
    assert_eq!(
        read_back(&red, Revisions::Accept),
        super::docx::normal(&text)
    );
    assert_eq!(
        read_back(&red, Revisions::Reject),
        read_back(&old, Revisions::Accept)
    );
    // Real footnotes from 5, as in the old document.
    let notes = part_text(&red, "word/footnotes.xml");
    assert!(notes.contains("ICC-ASP/20/26"));
    assert!(part_text(&red, "word/document.xml").contains("<w:footnoteReference "));
}

#[test]
fn table_rows_and_pictures_are_kept_and_marked() {
    if !python_docx() {
        return;
    }
    let dir = temp_dir("docx-redline-objects");
    let (old, new, red) = (
        dir.join("old.docx"),
        dir.join("new.docx"),
        dir.join("red.docx"),
    );
    make_docx(&fixture("docx-objects/old.draft"), &old, "A/1", "en-GB");
    make_docx(&fixture("docx-objects/new.draft"), &new, "A/2", "en-GB");
    assert_eq!(diff_docx(&old, &new, &red, &[]), 1);
    let document = part_text(&red, "word/document.xml");
    let rows = elements(&document, "w:tr");
    assert_eq!(rows.len(), 4, "the table is kept");
    assert!(
        rows[3].contains("<w:trPr>") && rows[3].contains("<w:ins "),
        "new row inserted"
    );
    assert!(!rows[2].contains("<w:ins ") && !rows[0].contains("<w:del "));
    assert!(rows[1].contains("12,000</w:delText>") && rows[1].contains("12,500</w:t>"));
    assert!(document.contains("<w:drawing>"), "the picture is kept");
    // The italic removed from "Decides" is a formatting revision.
    let op3 = elements(&document, "w:p")
        .into_iter()
        .find(|p| p.contains("to remain seized"))
        .expect("OP3");
    assert!(
        op3.contains("<w:rPrChange ") && op3.contains("<w:i/></w:rPr></w:rPrChange>"),
        "{op3}"
    );
    assert!(!part(&red, "word/media/image1.png").is_empty());
    assert_eq!(
        read_back(&red, Revisions::Accept),
        read_back(&new, Revisions::Accept)
    );
    assert_eq!(
        read_back(&red, Revisions::Reject),
        read_back(&old, Revisions::Accept)
    );
}

#[test]
fn a_formatting_only_change_is_a_difference_marked_in_word_and_noted_elsewhere() {
    if !python_docx() {
        return;
    }
    let dir = temp_dir("docx-redline-formatting");
    let draft = std::fs::read_to_string(fixture("docx-objects/new.draft")).expect("fixture");
    let bold = draft.replace("3. Decides", "3. **Decides**");
    assert_ne!(bold, draft);
    std::fs::write(dir.join("bold.draft"), bold).expect("written");
    let (old, new, red) = (
        dir.join("old.docx"),
        dir.join("new.docx"),
        dir.join("red.docx"),
    );
    make_docx(&fixture("docx-objects/new.draft"), &old, "A/2", "en-GB");
    make_docx(&dir.join("bold.draft"), &new, "A/2", "en-GB");
    let o = redraft(&[
        "diff",
        &old.display().to_string(),
        &new.display().to_string(),
        "--format",
        "text",
    ]);
    assert_eq!(
        o.status.code(),
        Some(1),
        "a formatting-only change is a difference"
    );
    assert!(crate::support::stdout(&o).contains("paragraph 3: bold added to ‘Decides’"));
    let o = redraft(&[
        "diff",
        &old.display().to_string(),
        &new.display().to_string(),
        "--format",
        "text",
        "--ignore-formatting",
    ]);
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    assert_eq!(diff_docx(&old, &new, &red, &[]), 1);
    let document = part_text(&red, "word/document.xml");
    let changed: Vec<&str> = elements(&document, "w:p")
        .into_iter()
        .filter(|p| marked(p))
        .collect();
    assert_eq!(changed.len(), 1);
    assert!(changed[0].contains("<w:b/><w:rPrChange "), "{}", changed[0]);
    assert!(changed[0].contains(
        "<w:rPr></w:rPr></w:rPrChange></w:rPr><w:t xml:space=\"preserve\">Decides</w:t>"
    ));
    assert_eq!(diff_docx(&old, &new, &red, &["--ignore-formatting"]), 0);
    let document = part_text(&red, "word/document.xml");
    assert!(!document.contains("rPrChange"));
}

#[test]
fn openxml_audit_finds_no_error_in_any_word_redline() {
    if !available("openxml-audit", "openxml-audit", &["--help"]) {
        return;
    }
    let dir = temp_dir("docx-redline-audit");
    let mut written = Vec::new();
    let pairs = std::fs::read_dir(root().join("fixtures")).expect("fixtures");
    for entry in pairs.flatten() {
        let (old, new) = (entry.path().join("old.txt"), entry.path().join("new.txt"));
        if old.exists() && new.exists() {
            let name = entry.file_name().to_string_lossy().into_owned();
            let out = dir.join(format!("{name}.docx"));
            diff_docx(&old, &new, &out, &["--summary"]);
            written.push(out);
        }
    }
    let drafts = root().join("drafts");
    let out = dir.join("cooperation-house.docx");
    diff_docx(
        &drafts.join("cooperation-2020.txt"),
        &drafts.join("cooperation-2021.txt"),
        &out,
        &[],
    );
    written.push(out);
    if let Some((old, new, cdir)) = cooperation("docx-redline-audit-word") {
        let out = cdir.join("cooperation-word.docx");
        diff_docx(&old, &new, &out, &["--show-old-numbers"]);
        written.push(out);
        let out = cdir.join("cooperation-look.docx");
        diff_docx(&old, &root().join("drafts/cooperation-2021.txt"), &out, &[]);
        written.push(out);
        let out = cdir.join("cooperation-reversed.docx");
        diff_docx(&new, &old, &out, &[]);
        written.push(out);
        let objects = cdir.join("objects");
        std::fs::create_dir_all(&objects).expect("a folder");
        let (o, n) = (objects.join("old.docx"), objects.join("new.docx"));
        make_docx(&fixture("docx-objects/old.draft"), &o, "A/1", "en-GB");
        make_docx(&fixture("docx-objects/new.draft"), &n, "A/2", "en-GB");
        for (a, b, name) in [(&o, &n, "objects.docx"), (&n, &o, "objects-reversed.docx")] {
            let out = objects.join(name);
            diff_docx(a, b, &out, &[]);
            written.push(out);
        }
        let (few, many) = picture_pair(&objects);
        let draft = std::fs::read_to_string(fixture("docx-objects/new.draft")).expect("fixture");
        std::fs::write(objects.join("none.draft"), draft.replace("![image]", "")).expect("written");
        let none = objects.join("none.docx");
        make_docx(&objects.join("none.draft"), &none, "A/2", "en-GB");
        for (a, b, name) in [
            (&few, &many, "pictures-inserted.docx"),
            (&many, &few, "pictures-deleted.docx"),
            (&many, &none, "pictures-all-deleted.docx"),
        ] {
            let out = objects.join(name);
            diff_docx(a, b, &out, &[]);
            if name == "pictures-all-deleted.docx" {
                assert_eq!(pictures(&out, false), 3, "the images are copied");
                assert!(!part(&out, "word/media/redraft-deleted-1.png").is_empty());
            }
            written.push(out);
        }
    }
    assert!(written.len() > 10);
    // One run per file: in a recursive run (`-r`) openxml-audit mixes up
    // the parts of different files (ids of one file's comments are looked
    // for in another's).
    for docx in &written {
        audit(docx);
    }
}

/// Fails unless openxml-audit (strict) finds no error in a package.
fn audit(docx: &Path) {
    let o = Command::new("openxml-audit")
        .arg(docx)
        .output()
        .expect("openxml-audit runs");
    let report = String::from_utf8_lossy(&o.stdout);
    assert!(
        o.status.success() && report.contains("Errors: 0"),
        "{}: {report}",
        docx.display()
    );
}

/// Regression: a paragraph Word numbers that had no number (Word's own
/// test file, numbering added as a revision) was copied unmarked, so that
/// rejecting kept the number.
#[test]
fn numbering_added_to_a_paragraph_is_a_paragraph_property_revision() {
    let word = root().join("../shared/realworld/word");
    let old = word.join("RP021-Inserted-Numbering-Properties-Rejected.docx");
    let new = word.join("RP021-Inserted-Numbering-Properties-Accepted.docx");
    let dir = temp_dir("docx-redline-numbering-added");
    let red = dir.join("red.docx");
    assert_eq!(diff_docx(&old, &new, &red, &[]), 1);
    assert!(part_text(&red, "word/document.xml").contains("<w:pPrChange "));
    assert_eq!(
        read_back(&red, Revisions::Accept),
        read_back(&new, Revisions::Accept)
    );
    assert_eq!(
        read_back(&red, Revisions::Reject),
        read_back(&old, Revisions::Accept)
    );
}

/// The pictures (`w:drawing`) a Word document shows with every change
/// accepted (`accept`) or rejected: those not inside a deletion, or not
/// inside an insertion.
fn pictures(docx: &Path, accept: bool) -> usize {
    fn count(span: &redraft::render::docx::spans::Span, skip: &[&str]) -> usize {
        if skip.contains(&span.name.as_str()) {
            return 0;
        }
        let own = usize::from(span.name == "w:drawing");
        own + span.children.iter().map(|c| count(c, skip)).sum::<usize>()
    }
    let xml = part_text(docx, "word/document.xml");
    let root = redraft::render::docx::spans::parse(&xml).expect("XML");
    let skip: &[&str] = if accept {
        &["w:del", "w:moveFrom"]
    } else {
        &["w:ins", "w:moveTo"]
    };
    count(&root, skip)
}

/// The objects fixture's new draft with a picture paragraph and a picture
/// in OP2's line added, as Word documents: (without, with).
fn picture_pair(dir: &Path) -> (PathBuf, PathBuf) {
    let draft = std::fs::read_to_string(fixture("docx-objects/new.draft")).expect("fixture");
    let more = draft
        .replace(
            "Recalling its earlier resolutions on the budget,\n",
            "Recalling its earlier resolutions on the budget,\n\n![image]\n",
        )
        .replace("figures above;", "figures above;![image]");
    assert_ne!(more, draft);
    std::fs::write(dir.join("more.draft"), more).expect("written");
    let (few, many) = (dir.join("few.docx"), dir.join("many.docx"));
    make_docx(&fixture("docx-objects/new.draft"), &few, "A/2", "en-GB");
    make_docx(&dir.join("more.draft"), &many, "A/2", "en-GB");
    (few, many)
}

/// A picture paragraph added and a picture added in a paragraph's line:
/// inserted revisions; the other way round, deleted ones that keep their
/// image, so that "Reject all" shows it again.
#[test]
fn pictures_inserted_or_deleted_alone_are_tracked() {
    if !python_docx() {
        return;
    }
    let dir = temp_dir("docx-redline-pictures");
    let (few, many) = picture_pair(&dir);
    assert_eq!((pictures(&few, true), pictures(&many, true)), (1, 3));
    let o = redraft(&[
        "diff",
        &few.display().to_string(),
        &many.display().to_string(),
        "--format",
        "text",
    ]);
    assert_eq!(o.status.code(), Some(1), "a picture is a difference");
    let out = crate::support::stdout(&o);
    assert!(
        out.contains("* picture inserted after preambular paragraph 1"),
        "{out}"
    );
    assert!(out.contains("* paragraph 2: picture inserted"), "{out}");
    for (old, new, name) in [
        (&few, &many, "inserted.docx"),
        (&many, &few, "deleted.docx"),
    ] {
        let red = dir.join(name);
        assert_eq!(diff_docx(old, new, &red, &[]), 1);
        assert_eq!(
            pictures(&red, true),
            pictures(new, true),
            "{name}: accept all"
        );
        assert_eq!(
            pictures(&red, false),
            pictures(old, true),
            "{name}: reject all"
        );
        let document = part_text(&red, "word/document.xml");
        let marked: Vec<&str> = elements(&document, "w:p")
            .into_iter()
            .filter(|p| p.contains("<w:drawing>") && marked(p))
            .collect();
        assert_eq!(marked.len(), 2, "{name}: {marked:?}");
        let tag = if name == "inserted.docx" {
            "w:ins"
        } else {
            "w:del"
        };
        assert!(
            marked[0].contains(&format!("<w:rPr><{tag} ")),
            "{name}: the picture paragraph's mark is a revision: {}",
            marked[0]
        );
        assert!(marked.iter().all(|p| p.contains(&format!("<{tag} "))));
        assert_eq!(
            read_back(&red, Revisions::Accept),
            read_back(new, Revisions::Accept)
        );
        assert_eq!(
            read_back(&red, Revisions::Reject),
            read_back(old, Revisions::Accept)
        );
    }
}

/// A paragraph centred and another given a new style, their words the
/// same: each a paragraph property revision holding the old properties,
/// and a note in the text formats; nothing with `--ignore-formatting`.
#[test]
fn a_paragraph_alignment_or_style_change_is_a_paragraph_property_revision() {
    if !python_docx() {
        return;
    }
    let dir = temp_dir("docx-redline-paragraph-format");
    let (old, new, red) = (
        dir.join("old.docx"),
        dir.join("new.docx"),
        dir.join("red.docx"),
    );
    make_docx(&fixture("docx-objects/new.draft"), &old, "A/2", "en-GB");
    let script = r#"
import sys, docx
d = docx.Document(sys.argv[1])
for p in d.paragraphs:
    if p.text.startswith("Recalling"):
        p.alignment = 1
    if p.text.startswith("The Assembly"):
        p.style = d.styles["Quote"]
d.save(sys.argv[2])
"#;
    let status = Command::new("python3")
        .args(["-c", script])
        .arg(&old)
        .arg(&new)
        .status()
        .expect("python3 runs");
    assert!(status.success());
    let text = |extra: &[&str]| {
        let (o, n) = (old.display().to_string(), new.display().to_string());
        let mut args = vec!["diff", o.as_str(), n.as_str(), "--format", "text"];
        args.extend(extra);
        redraft(&args)
    };
    let o = text(&[]);
    assert_eq!(o.status.code(), Some(1), "{}", stderr(&o));
    let out = crate::support::stdout(&o);
    assert!(
        out.contains("preambular paragraph 1: alignment: left → centred"),
        "{out}"
    );
    assert!(
        out.contains("chapeau: paragraph style: ‘Normal’ → ‘Quote’"),
        "{out}"
    );
    assert_eq!(text(&["--ignore-formatting"]).status.code(), Some(0));
    assert_eq!(diff_docx(&old, &new, &red, &[]), 1);
    let document = part_text(&red, "word/document.xml");
    let changed: Vec<&str> = elements(&document, "w:p")
        .into_iter()
        .filter(|p| p.contains("<w:pPrChange "))
        .collect();
    assert_eq!(changed.len(), 2, "{changed:?}");
    let recalling = changed
        .iter()
        .find(|p| p.contains("Recalling"))
        .expect("the centred paragraph");
    assert!(
        recalling.contains("<w:jc w:val=\"center\"/>"),
        "{recalling}"
    );
    let former = &recalling[recalling.find("<w:pPrChange ").expect("change")..];
    assert!(!former.contains("w:jc"), "the old properties: {former}");
    let chapeau = changed
        .iter()
        .find(|p| p.contains("The Assembly"))
        .expect("the restyled paragraph");
    let former = &chapeau[chapeau.find("<w:pPrChange ").expect("change")..];
    assert!(!former.contains("Quote"), "the old properties: {former}");
    assert!(!changed.iter().any(|p| marked(p)), "words unchanged");
    if available("openxml-audit", "openxml-audit", &["--help"]) {
        audit(&red);
    }
    assert_eq!(diff_docx(&old, &new, &red, &["--ignore-formatting"]), 0);
    assert!(!part_text(&red, "word/document.xml").contains("pPrChange"));
}

/// `fixtures/table-cells/cells.py`: makes a document holding one table
/// (`make`), or reads the tables of one after accepting or rejecting all
/// changes (`read`), each cell its paragraphs joined by "/".
fn cells(args: &[&str]) -> String {
    let o = Command::new("python3")
        .arg(fixture("table-cells/cells.py"))
        .args(args)
        .output()
        .expect("python3 runs");
    assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
    String::from_utf8(o.stdout)
        .expect("UTF-8")
        .trim()
        .to_string()
}

/// The redline of two one-table documents, accepted and rejected.
fn table_redline(dir: &Path, old: &str, new: &str) -> (String, String) {
    let (a, b, red) = (dir.join("a.docx"), dir.join("b.docx"), dir.join("red.docx"));
    cells(&["make", &a.display().to_string(), old]);
    cells(&["make", &b.display().to_string(), new]);
    assert_eq!(diff_docx(&a, &b, &red, &[]), 1);
    let red = red.display().to_string();
    (
        cells(&["read", &red, "accept"]),
        cells(&["read", &red, "reject"]),
    )
}

#[test]
fn an_edited_cell_keeps_its_old_text_in_its_own_cell() {
    if !python_docx() {
        return;
    }
    let dir = temp_dir("docx-redline-table-cells");
    let cases = [
        // One cell edited and a row added: "100" is not put into "France".
        (
            r#"[["State", "Rate"], ["France", "100"]]"#,
            r#"[["State", "Rate"], ["France", "120"], ["Spain", "80"]]"#,
        ),
        // Every cell of two rows edited: each old text in its own cell,
        // and the old rows not taken for inserted ones.
        (
            r#"[["State", "Rate"], ["France", "100"], ["Italy", "50"]]"#,
            r#"[["State", "Rate"], ["Francia", "120"], ["Italia", "55"]]"#,
        ),
        // A middle column edited, a row added.
        (
            r#"[["State", "Rate", "Note"], ["France", "100", "x"]]"#,
            r#"[["State", "Rate", "Note"], ["France", "120", "x"], ["Spain", "80", "y"]]"#,
        ),
        // Old cells of several paragraphs ("/"), their last ones deleted:
        // they stay in their cells.
        (
            r#"[["State", "Rate"], ["France/capital Paris", "100/per year"]]"#,
            r#"[["State", "Rate"], ["France", "120"]]"#,
        ),
        (
            r#"[["State", "Rate"], ["France/capital Paris", "100"]]"#,
            r#"[["State", "Rate"], ["Francia", "100"]]"#,
        ),
        (
            r#"[["A/B", "1/2"], ["C/D", "3/4"]]"#,
            r#"[["A", "1"], ["C", "3"]]"#,
        ),
        (
            r#"[["State", "Rate"], ["France/capital Paris", "100"]]"#,
            r#"[["State", "Rate"], ["France/capital Lyon", "100"]]"#,
        ),
        (
            r#"[["State", "Rate"], ["France/capital Paris/since 1958", "100/per year"], ["Italy", "50"]]"#,
            r#"[["State", "Rate"], ["France/since 1958", "120"], ["Italy", "55"]]"#,
        ),
    ];
    for (old, new) in cases {
        let (accepted, rejected) = table_redline(&dir, old, new);
        // One table, as `cells.py read` prints it.
        assert_eq!(accepted, format!("[{new}]"), "accept all of {old} → {new}");
        assert_eq!(rejected, format!("[{old}]"), "reject all of {old} → {new}");
    }
    // The edited cell is one paragraph: old text deleted, new inserted.
    let (a, b, red) = (dir.join("a.docx"), dir.join("b.docx"), dir.join("red.docx"));
    cells(&["make", &a.display().to_string(), cases[0].0]);
    cells(&["make", &b.display().to_string(), cases[0].1]);
    diff_docx(&a, &b, &red, &[]);
    let document = part_text(&red, "word/document.xml");
    let row = elements(&document, "w:tr")[1];
    let cell = elements(row, "w:tc");
    assert!(!marked(cell[0]) && cell[0].contains(">France<"), "{row}");
    assert_eq!(elements(cell[1], "w:p").len(), 1, "{row}");
    assert!(cell[1].contains("100</w:delText>") && cell[1].contains("120</w:t>"));
}

/// `fixtures/docx-typed-footnotes/make.py`: a Word document from a draft,
/// its footnotes typed in the body (with `--breaks`, one paragraph with a
/// line break between each).
fn typed_notes_docx(draft: &str, out: &Path, breaks: bool) {
    let mut command = Command::new("python3");
    command
        .arg(fixture("docx-typed-footnotes/make.py"))
        .arg(fixture(&format!("docx-typed-footnotes/{draft}")))
        .arg(out);
    if breaks {
        command.arg("--breaks");
    }
    assert!(command.status().expect("python3 runs").success());
}

#[test]
fn typed_footnotes_are_read_one_a_line_and_their_changes_marked() {
    if !python_docx() {
        return;
    }
    let dir = temp_dir("docx-typed-footnotes");
    let (old, broken, new, red) = (
        dir.join("old.docx"),
        dir.join("broken.docx"),
        dir.join("new.docx"),
        dir.join("red.docx"),
    );
    typed_notes_docx("old.draft", &old, false);
    typed_notes_docx("old.draft", &broken, true);
    typed_notes_docx("new.draft", &new, false);
    // Line breaks between typed definitions part them as paragraphs do.
    let draft = std::fs::read_to_string(fixture("docx-typed-footnotes/old.draft")).unwrap();
    let expected = super::docx::normal(&draft);
    assert_eq!(read_back(&broken, Revisions::Accept), expected);
    assert_eq!(read_back(&old, Revisions::Accept), expected);
    // The redline marks the typed footnotes' changes.
    assert_eq!(diff_docx(&old, &new, &red, &[]), 1);
    let document = part_text(&red, "word/document.xml");
    let notes: Vec<&str> = elements(&document, "w:p")
        .into_iter()
        .filter(|p| p.contains("[^"))
        .filter(|p| p.contains("]:"))
        .collect();
    assert_eq!(notes.iter().filter(|p| marked(p)).count(), 2, "{notes:#?}");
    assert_eq!(
        read_back(&red, Revisions::Accept),
        read_back(&new, Revisions::Accept)
    );
    assert_eq!(
        read_back(&red, Revisions::Reject),
        read_back(&old, Revisions::Accept)
    );
}
