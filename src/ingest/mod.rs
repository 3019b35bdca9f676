//! Ingest: from bytes on disk to the text of a draft.
//!
//! Every reader produces the same thing: the draft as plain text in the
//! project's draft format (one paragraph per block, numbers written before
//! the text, `[^N]` footnote references and `[^N]: text` definitions), which
//! the [`crate::model`] parser reads. Plain-text drafts may be UTF-8 (with
//! or without a byte-order mark) or UTF-16 LE/BE with a byte-order mark
//! (Word's "Unicode text" export), with LF or CRLF line ends. Word
//! documents (`.docx`, recognised by their zip signature) are read by
//! [`docx`], with tracked changes accepted or rejected.
//!
//! A draft comes from a file ([`read_with`]), or as bytes from elsewhere
//! ([`read_bytes`]: a version from [`git`], a page uploaded to a server):
//! both go through the same detection, so a Word document or a PDF is read
//! as one wherever its bytes come from.

pub mod docx;
pub mod git;
pub mod limits;
pub mod markdown;
pub mod masthead;
pub mod origin;
pub mod pdf;
pub mod pdf_layout;
pub mod pdf_text;
pub mod raw;
pub mod text;

use crate::error::{Error, Result};
use crate::text::metadata::Metadata;
use std::borrow::Cow;
use std::path::Path;

/// A draft read from disk: its name (for messages) and its text.
#[derive(Debug, Clone)]
pub struct Source {
    /// How to call the draft in messages and headers (usually its path).
    pub name: String,
    /// The decoded text, with `\n` line ends.
    pub text: String,
    /// For drafts rebuilt from text extracted from a PDF, where their lines
    /// came from in the file.
    pub origin: Option<origin::Origin>,
    /// What the masthead of a published document said (symbol, date,
    /// language), set aside by the PDF readers.
    pub metadata: crate::text::metadata::Metadata,
}

/// What kind of file a draft is.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
#[non_exhaustive]
#[cfg_attr(feature = "cli", derive(clap::ValueEnum))]
pub enum InputKind {
    /// Decide from the file's first bytes and content.
    #[default]
    Auto,
    /// A plain-text draft.
    Text,
    /// Text extracted from a PDF (one line per printed line, footnotes in
    /// the flow): see [`pdf_text`].
    PdfText,
    /// A PDF file, read through `pdftotext`: see [`pdf`].
    Pdf,
    /// A Word document (`.docx`): see [`docx`].
    Docx,
}

/// Which version of a document with tracked changes to read.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
#[cfg_attr(feature = "cli", derive(clap::ValueEnum))]
pub enum Revisions {
    /// As if every tracked change were accepted.
    #[default]
    Accept,
    /// As if every tracked change were rejected.
    Reject,
}

/// How to read a draft.
#[derive(Debug, Clone, Default)]
pub struct ReadOptions {
    /// The kind of file, or [`InputKind::Auto`].
    pub input: InputKind,
    /// For documents with tracked changes: accepted or rejected.
    pub revisions: Revisions,
    /// What one document may produce once read (Word documents).
    pub limits: limits::Limits,
}

/// Reads a draft from `path` as plain text.
pub fn read(path: &Path) -> Result<Source> {
    read_with(path, &ReadOptions::default())
}

/// Reads a draft from `path` with options, choosing the reader.
pub fn read_with(path: &Path, options: &ReadOptions) -> Result<Source> {
    let bytes = text::read_bytes(path)?;
    let named = Named {
        name: path,
        file: path,
    };
    read_named(named, Cow::Owned(bytes), options, || pdf::read(path))
}

/// The bytes of the file at `path` if it may be a Word document: the file
/// is read whole only when it starts as a zip archive does (a Word
/// document always does, see [`docx::looks_like_docx`]), so that a
/// plain-text draft is not read a second time.
pub fn zip_file_bytes(path: &Path) -> Option<Vec<u8>> {
    use std::io::Read;
    let mut file = std::fs::File::open(path).ok()?;
    let mut head = [0u8; 4];
    file.read_exact(&mut head).ok()?;
    if head != docx::container::ZIP_MAGIC {
        return None;
    }
    std::fs::read(path).ok()
}

/// Reads a draft from bytes that came from elsewhere than a file on disk
/// (a version of a file in git): `name` is how messages call it
/// (`cooperation.docx (2021-03-04 a1b2c3d)`), `file` the file name it was
/// stored under, whose extension counts as a file's does. A PDF is handed
/// to `pdftotext` through a pipe: nothing is written to disk (an upload to
/// `redraft serve` is confidential).
pub fn read_bytes(name: &Path, file: &Path, bytes: &[u8], options: &ReadOptions) -> Result<Source> {
    let named = Named { name, file };
    read_named(named, Cow::Borrowed(bytes), options, || {
        pdf::read_bytes(bytes)
    })
}

/// What a draft is called in messages, and the file name whose extension
/// tells its kind (the same for a file on disk).
#[derive(Clone, Copy)]
struct Named<'a> {
    name: &'a Path,
    file: &'a Path,
}

/// Decides what the bytes are and reads them; `pdf` reads them as a PDF.
/// Owned bytes of a plain-text draft become its text without a copy.
fn read_named(
    named: Named,
    bytes: Cow<'_, [u8]>,
    options: &ReadOptions,
    pdf: impl FnOnce() -> std::result::Result<pdf_layout::Published, String>,
) -> Result<Source> {
    let path = named.name;
    let format_error = |message: String| Error::Format {
        path: path.to_path_buf(),
        message,
    };
    if options.input == InputKind::Auto
        && let Some(message) = text::foreign(named.file, &bytes)
    {
        return Err(format_error(message));
    }
    let decode = |bytes: Cow<'_, [u8]>| text::decode_owned(bytes).map_err(|e| e.at(path));
    let plain = |text: String| (text, None, Metadata::default());
    let (text, origin, metadata) = match kind(named.file, &bytes, options.input) {
        InputKind::Docx => plain(
            docx::read_limited(&bytes, options.revisions, options.limits).map_err(format_error)?,
        ),
        InputKind::Pdf => {
            let published = pdf().map_err(format_error)?;
            (published.text, None, published.metadata)
        }
        InputKind::PdfText => converted(&decode(bytes)?),
        InputKind::Text | InputKind::Auto => {
            let text = decode(bytes)?;
            if options.input == InputKind::Auto && pdf_text::looks_like(&text) {
                converted(&text)
            } else {
                plain(text)
            }
        }
    };
    Ok(Source {
        name: path.display().to_string(),
        text,
        origin,
        metadata,
    })
}

/// The kind of file the bytes are: as given, or, for
/// [`InputKind::Auto`], a Word document by its zip signature or its
/// extension, a PDF by `%PDF` (else decided once the text is decoded).
fn kind(file: &Path, bytes: &[u8], input: InputKind) -> InputKind {
    match input {
        InputKind::Auto if docx::looks_like_docx(bytes) || has_docx_extension(file) => {
            InputKind::Docx
        }
        InputKind::Auto if bytes.starts_with(b"%PDF") => InputKind::Pdf,
        kind => kind,
    }
}

/// PDF-extracted text as a draft, with the map back to its lines and its
/// masthead's metadata.
fn converted(text: &str) -> (String, Option<origin::Origin>, Metadata) {
    let (draft, origin, metadata) = pdf_text::convert_published(text);
    (draft, Some(origin), metadata)
}

/// Whether a file is named like a Word document.
fn has_docx_extension(path: &Path) -> bool {
    path.extension()
        .and_then(|e| e.to_str())
        .is_some_and(|e| e.eq_ignore_ascii_case("docx"))
}
