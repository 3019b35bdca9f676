//! The library's error type: one variant per way an input can be unusable.

use std::path::PathBuf;

/// Everything that can go wrong while reading, parsing or writing a draft.
///
/// Each message names the file and says what is wrong with it in one line;
/// the binary prints it once, prefixed with `redraft:`, and exits with 2.
#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum Error {
    /// The file could not be opened or read.
    #[error("{path}: cannot read: {source}")]
    Read {
        /// The file.
        path: PathBuf,
        /// The operating-system error.
        source: std::io::Error,
    },
    /// The file has no content.
    #[error("{path}: the file is empty")]
    Empty {
        /// The file.
        path: PathBuf,
    },
    /// The file holds binary data, not text.
    #[error("{path}: binary data, not a text draft (byte {offset} is {byte:#04x})")]
    Binary {
        /// The file.
        path: PathBuf,
        /// Where the first binary byte stands.
        offset: usize,
        /// The byte.
        byte: u8,
    },
    /// The file is not valid UTF-8 (nor UTF-16 with a byte-order mark).
    #[error(
        "{path}: not valid UTF-8 at byte {offset} (save the draft as UTF-8, or as UTF-16 with a byte-order mark)"
    )]
    Encoding {
        /// The file.
        path: PathBuf,
        /// Where decoding failed.
        offset: usize,
    },
    /// The file says it is UTF-16 (a byte-order mark) but is not.
    #[error("{path}: broken UTF-16 after its byte-order mark ({reason} at byte {offset})")]
    Utf16 {
        /// The file.
        path: PathBuf,
        /// Where decoding failed.
        offset: usize,
        /// What is wrong: "an odd number of bytes", "a lone surrogate".
        reason: &'static str,
    },
    /// The text has no paragraph at all (a text without resolution
    /// structure is read as plain paragraphs: see [`crate::model::plain`]).
    #[error("{path}: nothing to read: no paragraphs found")]
    NoStructure {
        /// The file.
        path: PathBuf,
    },
    /// The file is not in a format this command can read.
    #[error("{path}: {message}")]
    Format {
        /// The file.
        path: PathBuf,
        /// What is wrong.
        message: String,
    },
    /// An output file would overwrite one of the inputs.
    #[error("{path}: refusing to overwrite an input file with the output")]
    OutputIsInput {
        /// The file.
        path: PathBuf,
    },
    /// Writing the output failed.
    #[error("{path}: cannot write: {source}")]
    Write {
        /// The file.
        path: PathBuf,
        /// The operating-system error.
        source: std::io::Error,
    },
    /// Some files of a batch could not be compared; every other redline
    /// was written.
    #[error("{} of {total} documents not compared (the others were written): {}", failed.len(), failed.join("; "))]
    Batch {
        /// How many pairs the batch held.
        total: usize,
        /// One message a failed file, naming it.
        failed: Vec<String>,
    },
    /// The file changed between being checked and being fixed.
    #[error("{path}: the file changed while it was being checked; nothing written")]
    Changed {
        /// The file.
        path: PathBuf,
    },
    /// A list of amendments cannot be read.
    #[error("{path}:{line}: {message}")]
    Amendments {
        /// The list.
        path: PathBuf,
        /// The line (1-based) of the amendment that cannot be read.
        line: usize,
        /// What is wrong.
        message: String,
    },
    /// Reading a file's history from git failed.
    #[error("{path}: git: {message}")]
    Git {
        /// The file whose history was asked for.
        path: PathBuf,
        /// What went wrong.
        message: String,
    },
    /// A history was asked of fewer than two versions.
    #[error("a history needs at least two versions ({given} given)")]
    TooFewVersions {
        /// How many versions were given.
        given: usize,
    },
    /// The document has more units than the budget allows.
    #[error(
        "{path}: {units} units (paragraphs, headings, footnotes) exceed the budget of {budget} per document; give --max-units {units} if the document is genuinely this large"
    )]
    TooManyUnits {
        /// The file.
        path: PathBuf,
        /// How many units it has.
        units: usize,
        /// The budget (`--max-units`).
        budget: usize,
    },
    /// The command line asks for something impossible.
    #[error("{0}")]
    Usage(String),
}

/// Shorthand for results of this crate.
pub type Result<T> = std::result::Result<T, Error>;
