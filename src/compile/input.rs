//! Reading proposals: `NAME=FILE` or `FILE` (the stem is the name); a
//! draft (text, Word, PDF), a Word file whose tracked changes are read one
//! author at a time, or a list of amendments applied to the base.
//!
//! ```text
//! EU.docx                  → "EU": the document as it reads, changes accepted
//! "G77 and China=g77.txt"  → "G77 and China": a draft
//! US=us-amendments.txt     → "US": the base with the amendments applied
//! --by-author combined.docx → one proposal per author of its tracked changes
//! ```

use super::authors;
use crate::amend;
use crate::error::{Error, Result};
use crate::ingest;
use crate::model::{self, LoadOptions, ParseOptions, Resolution};
use std::path::{Path, PathBuf};

/// A proposal as given on the command line.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Spec {
    /// The delegation's name.
    pub name: String,
    /// The file.
    pub path: PathBuf,
}

impl Spec {
    /// Reads `NAME=FILE`, or `FILE` named by its stem (`EU.docx` → `EU`).
    /// A `=` in an existing file's name is read as part of the name of the
    /// file.
    ///
    /// ```
    /// use redraft::compile::input::Spec;
    /// assert_eq!(Spec::parse("EU=eu draft.txt").name, "EU");
    /// assert_eq!(Spec::parse("drafts/G77.docx").name, "G77");
    /// ```
    pub fn parse(arg: &str) -> Spec {
        match arg.split_once('=') {
            Some((name, path)) if !name.trim().is_empty() && !Path::new(arg).exists() => Spec {
                name: name.trim().to_string(),
                path: PathBuf::from(path),
            },
            _ => {
                let path = PathBuf::from(arg);
                let name = path
                    .file_stem()
                    .map_or_else(|| arg.to_string(), |s| s.to_string_lossy().into_owned());
                Spec { name, path }
            }
        }
    }
}

/// Reads one proposal file: one (name, draft), or one per author with
/// `by_author` and a Word file with tracked changes. Drafts are read in
/// the base's language (unless `options` says one) and within the limits
/// of `options`.
pub fn read(
    spec: &Spec,
    base: &Resolution,
    options: &LoadOptions,
    by_author: bool,
) -> Result<Vec<(String, Resolution)>> {
    let bytes = ingest::text::read_bytes(&spec.path)?;
    read_bytes(spec, &bytes, base, options, by_author)
}

/// Reads one proposal from its bytes, as [`read`] reads its file (`spec`
/// names the delegation, and the file in messages): for a file that is
/// not on disk, such as one uploaded to `redraft serve`.
pub fn read_bytes(
    spec: &Spec,
    bytes: &[u8],
    base: &Resolution,
    options: &LoadOptions,
    by_author: bool,
) -> Result<Vec<(String, Resolution)>> {
    let format = |message: String| Error::Format {
        path: spec.path.clone(),
        message,
    };
    let options = LoadOptions {
        lang: options.lang.or(Some(base.lang)),
        ..options.clone()
    };
    if by_author && ingest::docx::looks_like_docx(bytes) {
        let names = authors::authors(bytes).map_err(format)?;
        if !names.is_empty() {
            return names
                .into_iter()
                .map(|name| {
                    let text = authors::read_only(bytes, &|a| a == name).map_err(format)?;
                    // The text is a draft, whatever the file's extension.
                    let file = spec.path.with_extension("txt");
                    let draft = model::load_bytes(&spec.path, &file, text.as_bytes(), &options)?;
                    // Names are listed with commas ("EU, CANZ"): an author
                    // "Smith, J." is "Smith J.".
                    Ok((name.replace(',', ""), draft.into_resolution()))
                })
                .collect();
        }
    }
    let source = ingest::read_bytes(&spec.path, &spec.path, bytes, &options.read)?;
    if let Ok(list) = amend::parse(&source.text) {
        return Ok(vec![(spec.name.clone(), amended(&list, base, &spec.path)?)]);
    }
    Ok(vec![(
        spec.name.clone(),
        load(&spec.path, bytes, &options)?,
    )])
}

/// Refuses a delegation name used twice in `read` or holding a comma
/// (names are listed with commas in attributions and in `--apply`).
pub fn check_name(name: &str, path: &Path, read: &[(String, Resolution)]) -> Result<()> {
    let problem = if name.contains(',') {
        Some(format!(
            "the delegation name '{name}' holds a comma; give the proposal another name (NAME=FILE)"
        ))
    } else if read.iter().any(|(n, _)| n == name) {
        Some(format!(
            "the delegation name '{name}' is given twice; give each proposal its own name (NAME=FILE)"
        ))
    } else {
        None
    };
    match problem {
        Some(message) => Err(Error::Format {
            path: path.to_path_buf(),
            message,
        }),
        None => Ok(()),
    }
}

/// A draft from its bytes, as [`crate::load`] reads a file (limits, part,
/// language).
fn load(path: &Path, bytes: &[u8], options: &LoadOptions) -> Result<Resolution> {
    Ok(model::load_bytes(path, path, bytes, options)?.into_resolution())
}

/// A draft's text parsed in the base's language.
fn parse(text: &str, base: &Resolution, path: &Path) -> Result<Resolution> {
    model::parse(
        text,
        &ParseOptions {
            lang: Some(base.lang),
        },
    )
    .map_err(|_| Error::NoStructure {
        path: path.to_path_buf(),
    })
}

/// The base with a list of amendments applied; any amendment that does not
/// apply is an error naming its line.
fn amended(list: &[amend::Amendment], base: &Resolution, path: &Path) -> Result<Resolution> {
    let applied = amend::apply_exact(base, list);
    if let Some(f) = applied.failures.first() {
        return Err(Error::Amendments {
            path: path.to_path_buf(),
            line: f.line,
            message: format!("does not apply to the base: {}", f.reason),
        });
    }
    parse(&applied.text, base, path)
}
