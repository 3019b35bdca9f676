//! Compilation on the page, without HTTP: a base draft and delegations'
//! proposals, uploaded → the compilation ([`crate::compile`]) as the page
//! shows it, or one file to save.
//!
//! Each proposal is read as `redraft compile BASE PROPOSAL...` reads its
//! file ([`input::read_bytes`]): an edited draft (text, Word, PDF), a list
//! of amendments applied to the base, or with `by_author` a Word file's
//! tracked changes, one proposal per author. A proposal is named by the
//! delegation typed beside it, else by its file's stem as on the command
//! line (`EU.docx` → `EU`):
//!
//! ```
//! use redraft::serve::compile::{Proposal, compile};
//! use redraft::serve::work::Upload;
//! let base = Upload::new("base.txt", b"The General Assembly,\n\n1. Requests a report.".to_vec());
//! let eu = Proposal::new("", Upload::new("EU.txt", b"The General Assembly,\n\n1. Requests an annual report.".to_vec()));
//! let c = compile(&base, &[eu], false).unwrap();
//! assert_eq!(c.delegations, ["EU"]);
//! assert_eq!(c.base, "base.txt");
//! ```
//!
//! The downloads are the bytes `redraft compile` writes in each format
//! for the same files.

use super::work::{self, Upload};
use crate::compile::render::{self, Format};
use crate::compile::{self as library, Compilation, input};
use crate::error::{Error, Result};
use crate::model::LoadOptions;
use serde::Serialize;
use std::path::{Path, PathBuf};

/// One uploaded proposal and the delegation it is from.
#[derive(Debug, Clone)]
pub struct Proposal {
    /// The delegation's name; empty: the file's stem.
    pub name: String,
    /// The file.
    pub upload: Upload,
}

impl Proposal {
    /// A proposal by `name` (empty or blank: named by the file's stem).
    pub fn new(name: &str, upload: Upload) -> Proposal {
        let name: String = name.chars().filter(|c| !c.is_control()).collect();
        Proposal {
            name: name.trim().to_string(),
            upload,
        }
    }

    /// As the command line reads `NAME=FILE` or `FILE`.
    fn spec(&self) -> input::Spec {
        let path = PathBuf::from(&self.upload.name);
        let name = match path.file_stem() {
            Some(stem) if self.name.is_empty() => stem.to_string_lossy().into_owned(),
            _ => self.name.clone(),
        };
        input::Spec { name, path }
    }
}

/// Compiles the proposals on the base, as `redraft compile` does (with
/// `--by-author` when `by_author`).
pub fn compile(base: &Upload, proposals: &[Proposal], by_author: bool) -> Result<Compilation> {
    if proposals.is_empty() {
        return Err(Error::Usage(
            "add the delegations' proposals: one file or more besides the base".to_string(),
        ));
    }
    let base_draft = work::read(base)?.into_resolution();
    let options = LoadOptions::default();
    let mut read = Vec::new();
    for proposal in proposals {
        let spec = proposal.spec();
        let bytes = &proposal.upload.bytes;
        for (name, draft) in input::read_bytes(&spec, bytes, &base_draft, &options, by_author)? {
            input::check_name(&name, &spec.path, &read)?;
            read.push((name, draft));
        }
    }
    Ok(library::compile(&base.name, &base_draft, &read))
}

/// What the page shows of a compilation.
#[derive(Debug, Clone, Serialize)]
pub struct Compiled {
    /// The HTML page of `redraft compile --format html`.
    pub html: String,
    /// The delegations, in the order of their proposals.
    pub delegations: Vec<String>,
    /// One line of counts (`4 delegations; 9 paragraphs with proposals,
    /// 1 with alternatives`).
    pub summary: String,
}

/// The compilation as the page shows it.
pub fn page(c: &Compilation) -> Result<Compiled> {
    let html = render_as(c, Format::Html)?;
    Ok(Compiled {
        html: String::from_utf8_lossy(&html).into_owned(),
        delegations: c.delegations.clone(),
        summary: summary_line(c),
    })
}

/// `4 delegations; 9 paragraphs with proposals, 1 with alternatives`.
fn summary_line(c: &Compilation) -> String {
    let s = c.summary();
    let contested = s.hot.iter().filter(|u| u.alternatives > 0).count();
    let plural =
        |n: usize, one: &str, many: &str| format!("{n} {}", if n == 1 { one } else { many });
    format!(
        "{}; {}, {contested} with alternatives",
        plural(c.delegations.len(), "delegation", "delegations"),
        plural(
            s.hot.len(),
            "paragraph with proposals",
            "paragraphs with proposals"
        ),
    )
}

/// A compilation file the page offers to save.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Download(Format);

impl Download {
    /// The download a button names: `docx`, `html`, `json`, `markdown`,
    /// `text`.
    pub fn parse(name: &str) -> Option<Download> {
        Some(Download(match name {
            "docx" => Format::Docx,
            "html" => Format::Html,
            "json" => Format::Json,
            "markdown" => Format::Markdown,
            "text" => Format::Text,
            _ => return None,
        }))
    }

    /// The file's MIME type.
    pub fn mime(self) -> &'static str {
        match self.0 {
            Format::Docx => {
                "application/vnd.openxmlformats-officedocument.wordprocessingml.document"
            }
            Format::Html => "text/html; charset=utf-8",
            Format::Json => "application/json",
            Format::Markdown => "text/markdown; charset=utf-8",
            _ => "text/plain; charset=utf-8",
        }
    }

    /// The file name offered: `compilation.docx`.
    pub fn file_name(self) -> &'static str {
        match self.0 {
            Format::Docx => "compilation.docx",
            Format::Html => "compilation.html",
            Format::Json => "compilation.json",
            Format::Markdown => "compilation.md",
            _ => "compilation.txt",
        }
    }

    /// The file: what `redraft compile --format F` writes.
    pub fn render(self, c: &Compilation) -> Result<Vec<u8>> {
        render_as(c, self.0)
    }
}

fn render_as(c: &Compilation, format: Format) -> Result<Vec<u8>> {
    let mut out = Vec::new();
    render::render(c, format, &mut out).map_err(|source| Error::Write {
        path: Path::new(&c.base).to_path_buf(),
        source,
    })?;
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn file(name: &str, path: &str) -> Upload {
        let root = Path::new(env!("CARGO_MANIFEST_DIR"));
        Upload::new(name, std::fs::read(root.join(path)).unwrap())
    }

    const BASE: &str = "drafts/cooperation-2020.txt";
    const UE: &str = "fixtures/compile-french/proposals/UE.txt";

    #[test]
    fn proposals_are_named_as_typed_or_by_their_stem() {
        let base = file("base.txt", BASE);
        let typed = Proposal::new(" Union européenne\n", file("ue.txt", UE));
        let stem = Proposal::new(
            "",
            file("Suisse.txt", "fixtures/compile-french/proposals/Suisse.txt"),
        );
        let c = compile(&base, &[typed, stem], false).unwrap();
        assert_eq!(c.delegations, ["Union européenne", "Suisse"]);
        let shown = page(&c).unwrap();
        assert!(shown.html.contains("Union européenne"), "not in the page");
        assert!(
            shown.summary.starts_with("2 delegations; "),
            "{}",
            shown.summary
        );
    }

    #[test]
    fn a_name_given_twice_or_with_a_comma_is_refused_naming_the_file() {
        let base = file("base.txt", BASE);
        let twice = [
            Proposal::new("EU", file("a.txt", UE)),
            Proposal::new("EU", file("b.txt", UE)),
        ];
        let message = compile(&base, &twice, false).unwrap_err().to_string();
        assert!(message.starts_with("b.txt: "), "{message}");
        let comma = [Proposal::new("EU, US", file("a.txt", UE))];
        assert!(compile(&base, &comma, false).is_err());
        assert!(compile(&base, &[], false).is_err(), "no proposals");
    }

    #[test]
    fn downloads_are_named_by_the_buttons() {
        assert_eq!(
            Download::parse("docx").map(Download::file_name),
            Some("compilation.docx")
        );
        assert_eq!(
            Download::parse("markdown").map(Download::file_name),
            Some("compilation.md")
        );
        assert_eq!(Download::parse("pdf"), None);
    }
}
