//! What the page asks for, without HTTP: uploads in memory → the redline
//! page and its findings, a download in one format, or a history.
//!
//! Each function takes the uploaded bytes and returns what the browser
//! shows or saves; nothing is kept once it returns and nothing is written
//! to disk. Drafts are read by the CLI's readers ([`crate::ingest`]: text,
//! Word, PDF through `pdftotext` on a pipe), and a draft that cannot be
//! read is an [`Error`] naming the uploaded file, which the page shows in
//! one line, as the CLI prints it:
//!
//! ```
//! use redraft::serve::work::{Upload, compare};
//! let old = Upload::new("old.txt", b"The General Assembly,\n\n1. Decides to act.".to_vec());
//! let png = Upload::new("logo.png", vec![0x89, b'P', b'N', b'G', 0, 0, 0, 0]);
//! let message = compare(&old, &png).unwrap_err().to_string();
//! assert!(message.starts_with("logo.png: "), "{message}");
//! ```

use crate::LoadOptions;
use crate::check::{self, Document, Inputs};
use crate::diff::{self, Comparison};
use crate::error::{Error, Result};
use crate::history::{History, Version};
use crate::ingest;
use crate::lang::Lang;
use crate::model::Resolution;
use crate::render::docx::{DocxOptions, olddoc};
use crate::render::{self, Format, RenderOptions};
use serde::Serialize;
use std::path::Path;

/// One uploaded file: the name the browser gave it and its bytes.
#[derive(Debug, Clone)]
pub struct Upload {
    /// The file's name on the user's machine (no directory), used in
    /// messages and in the redline's header.
    pub name: String,
    /// Its bytes, as uploaded.
    pub bytes: Vec<u8>,
}

impl Upload {
    /// An upload named `name`.
    pub fn new(name: impl Into<String>, bytes: Vec<u8>) -> Upload {
        Upload {
            name: name.into(),
            bytes,
        }
    }

    fn is_word(&self) -> bool {
        ingest::docx::looks_like_docx(&self.bytes)
    }
}

/// A draft read from an upload: the parsed draft, and what the checker
/// needs of its text.
struct Loaded {
    resolution: Resolution,
    document: Document,
    warning: Option<String>,
}

/// Reads and parses an upload as the CLI reads a file
/// ([`crate::load_bytes`]; a PDF goes to `pdftotext` through a pipe).
pub(super) fn read(upload: &Upload) -> Result<crate::Draft> {
    let path = Path::new(&upload.name);
    crate::load_bytes(path, path, &upload.bytes, &LoadOptions::default())
}

/// Reads an upload for a comparison and for `check`.
fn load(upload: &Upload) -> Result<Loaded> {
    let draft = read(upload)?;
    let warning = (!draft.structured).then(|| {
        format!(
            "{}: no resolution structure found (no chapeau, preambular or numbered paragraphs); read as plain paragraphs",
            upload.name
        )
    });
    let document = Document::with_boundaries(
        upload.name.clone(),
        draft.text.clone(),
        draft.resolution.clone(),
        &draft.boundaries,
    )
    .with_origin(draft.origin.clone());
    Ok(Loaded {
        resolution: draft.into_resolution(),
        document,
        warning,
    })
}

/// Compares two uploads as `redraft diff OLD NEW` does
/// ([`diff::compare`]): the versions named after the uploads, and, when
/// both are Word documents, the changes their text cannot carry
/// (formatting, paragraph properties, pictures, headers and footers) as
/// the redline's notes.
fn comparison_of(old: &Upload, new: &Upload, drafts: (Resolution, Resolution)) -> Comparison {
    let mut comparison = diff::compare(drafts.0, drafts.1, &diff::Options::default());
    comparison.redline.old.name = old.name.clone();
    comparison.redline.new.name = new.name.clone();
    if old.is_word() && new.is_word() {
        let notes = olddoc::changes(&comparison.redline, &old.bytes, &new.bytes, true);
        comparison.redline.notes = notes;
    }
    comparison
}

/// A finding of `check`, as the page shows it beside its paragraph.
#[derive(Debug, Clone, Serialize)]
pub struct FindingView {
    /// The unit's label in the new draft (`OP12(b)`): the id of its
    /// paragraph in the redline page.
    pub label: String,
    /// `error`, `warning` or `note`.
    pub severity: &'static str,
    /// The rule's id (`xref-stale`).
    pub rule: &'static str,
    /// The message with the unit and line.
    pub message: String,
}

/// What the page shows for two drafts.
#[derive(Debug, Clone, Serialize)]
pub struct Compared {
    /// The HTML redline (the page of `redraft diff --format html`).
    pub html: String,
    /// One line of counts (`3 changed, 2 inserted …`).
    pub summary: String,
    /// Whether anything changed.
    pub changed: bool,
    /// `check` of the new draft against the old one.
    pub findings: Vec<FindingView>,
    /// Drafts read without resolution structure. (The Word changes the
    /// text cannot carry, formatting and pictures, are notes in `html`,
    /// under their paragraphs, as in `redraft diff --format html`.)
    pub notes: Vec<String>,
}

/// Compares two uploads: the HTML redline, its summary, and the findings
/// of `check` on the new draft against the old.
pub fn compare(old: &Upload, new: &Upload) -> Result<Compared> {
    let (old_draft, new_draft) = (load(old)?, load(new)?);
    let drafts = (old_draft.resolution, new_draft.resolution);
    let comparison = comparison_of(old, new, drafts);
    let redline = &comparison.redline;
    let mut html = Vec::new();
    render::render(redline, Format::Html, &RenderOptions::default(), &mut html)
        .map_err(|e| written(&new.name, e))?;
    let findings = check::check(
        &new_draft.document,
        &Inputs {
            against: Some(&old_draft.document),
            parallel: None,
        },
        &check::Options::default(),
    );
    let notes = [old_draft.warning, new_draft.warning]
        .into_iter()
        .flatten()
        .collect();
    Ok(Compared {
        html: String::from_utf8_lossy(&html).into_owned(),
        summary: render::summary_line(redline),
        changed: redline.has_changes(),
        findings: findings.iter().map(view).collect(),
        notes,
    })
}

fn view(f: &check::Finding) -> FindingView {
    FindingView {
        label: f.label.clone(),
        severity: f.severity.name(),
        rule: f.rule.id(),
        message: f.full_message(),
    }
}

/// A file the page offers to save.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
#[non_exhaustive]
pub enum Download {
    /// The Word redline with tracked changes and a summary page.
    Word,
    /// The HTML redline page.
    Html,
    /// The redline in Markdown.
    Markdown,
    /// The redline as JSON.
    Json,
    /// Formal amendments in a language.
    Amendments(Lang),
}

impl Download {
    /// The download a page's button names: `docx`, `html`, `markdown`,
    /// `json`, `amendments-en`, `amendments-fr`, `amendments-es`.
    pub fn parse(name: &str) -> Option<Download> {
        Some(match name {
            "docx" => Download::Word,
            "html" => Download::Html,
            "markdown" => Download::Markdown,
            "json" => Download::Json,
            _ => Download::Amendments(name.strip_prefix("amendments-")?.parse().ok()?),
        })
    }

    /// The file's MIME type.
    pub fn mime(self) -> &'static str {
        match self {
            Download::Word => {
                "application/vnd.openxmlformats-officedocument.wordprocessingml.document"
            }
            Download::Html => "text/html; charset=utf-8",
            Download::Markdown => "text/markdown; charset=utf-8",
            Download::Json => "application/json",
            Download::Amendments(_) => "text/plain; charset=utf-8",
        }
    }

    /// The file name offered: `redline.docx`, `amendments-fr.txt`.
    pub fn file_name(self) -> String {
        match self {
            Download::Word => "redline.docx".to_string(),
            Download::Html => "redline.html".to_string(),
            Download::Markdown => "redline.md".to_string(),
            Download::Json => "redline.json".to_string(),
            Download::Amendments(lang) => format!("amendments-{lang}.txt"),
        }
    }
}

/// Renders the comparison of two uploads as one file to save: the bytes
/// `redraft diff OLD NEW --format F` writes (with `--summary` for Word,
/// `--amendment-lang L` for amendments), Word notes included.
pub fn download(old: &Upload, new: &Upload, what: Download) -> Result<Vec<u8>> {
    let drafts = (read(old)?.into_resolution(), read(new)?.into_resolution());
    let comparison = comparison_of(old, new, drafts);
    let (format, amendment_lang) = match what {
        Download::Word => (Format::Docx, None),
        Download::Html => (Format::Html, None),
        Download::Markdown => (Format::Markdown, None),
        Download::Json => (Format::Json, None),
        Download::Amendments(lang) => (Format::Amendments, Some(lang)),
    };
    let word = format == Format::Docx;
    let options = RenderOptions {
        docx: DocxOptions {
            summary: true,
            new_docx: (word && new.is_word()).then(|| new.bytes.clone()),
            old_docx: (word && old.is_word()).then(|| old.bytes.clone()),
            ..DocxOptions::default()
        },
        amendment_lang,
        ..RenderOptions::default()
    };
    let mut out = Vec::new();
    render::render_comparison(&comparison, format, &options, &mut out)
        .and_then(|()| olddoc::write_notes(&comparison.redline.notes, format, &mut out))
        .map_err(|e| written(&new.name, e))?;
    Ok(out)
}

/// The history of three or more uploads, oldest first, as an HTML page.
pub fn history(versions: &[Upload]) -> Result<String> {
    let drafts = versions
        .iter()
        .map(|v| {
            Ok(Version {
                name: v.name.clone(),
                resolution: read(v)?.into_resolution(),
            })
        })
        .collect::<Result<Vec<_>>>()?;
    let history = History::new(drafts)?;
    let mut out = Vec::new();
    render::history::html::render(&history, &mut out).map_err(|e| written(&versions[0].name, e))?;
    Ok(String::from_utf8_lossy(&out).into_owned())
}

/// An output that could not be made in memory (only a renderer's own
/// failure: writing to a `Vec` does not fail).
fn written(name: &str, source: std::io::Error) -> Error {
    Error::Write {
        path: name.into(),
        source,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn draft(name: &str, path: &str) -> Upload {
        let root = Path::new(env!("CARGO_MANIFEST_DIR"));
        Upload::new(name, std::fs::read(root.join(path)).unwrap())
    }

    #[test]
    fn the_shipped_drafts_compare_with_findings_beside_labels() {
        let old = draft("cooperation-2020.txt", "drafts/cooperation-2020.txt");
        let new = draft("cooperation-2021.txt", "drafts/cooperation-2021.txt");
        let compared = compare(&old, &new).unwrap();
        assert!(compared.changed);
        assert!(compared.html.contains("id=\"OP16\""), "no OP16 in the page");
        assert!(compared.findings.iter().all(|f| !f.label.is_empty()));
    }

    #[test]
    fn downloads_are_named_by_the_buttons() {
        assert_eq!(Download::parse("docx"), Some(Download::Word));
        assert_eq!(
            Download::parse("amendments-fr").map(Download::file_name),
            Some("amendments-fr.txt".to_string())
        );
        assert_eq!(Download::parse("amendments-xx"), None);
        assert_eq!(Download::parse("exe"), None);
    }

    #[test]
    fn a_binary_upload_is_one_message_naming_it() {
        let old = draft("old.txt", "drafts/cooperation-2020.txt");
        let binary = Upload::new(
            "photo.jpg",
            vec![0xff, 0xd8, 0xff, 0xe0, 0, 0x10, 0, 0, 1, 2],
        );
        let message = compare(&old, &binary).unwrap_err().to_string();
        assert!(message.starts_with("photo.jpg: "), "{message}");
        assert!(!message.contains('\n'));
    }

    #[test]
    fn history_needs_drafts_and_names_them() {
        let v: Vec<Upload> = ["2020", "2021", "2020"]
            .iter()
            .map(|y| draft(&format!("{y}.txt"), &format!("drafts/cooperation-{y}.txt")))
            .collect();
        let page = history(&v).unwrap();
        assert!(page.contains("<html"), "not a page");
    }
}
