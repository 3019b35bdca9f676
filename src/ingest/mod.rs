//! Ingest: from bytes on disk to the text of a draft.
//!
//! Plain-text drafts may be UTF-8 (with or without a byte-order mark) or
//! UTF-16 LE/BE with a byte-order mark (Word's "Unicode text" export), with
//! LF or CRLF line ends. Everything downstream sees `\n`-separated UTF-8.

pub mod text;

use crate::error::{Error, Result};
use std::path::Path;

/// A draft read from disk: its name (for messages) and its text.
#[derive(Debug, Clone)]
pub struct Source {
    /// How to call the draft in messages and headers (usually its path).
    pub name: String,
    /// The decoded text, with `\n` line ends.
    pub text: String,
}

/// Reads a draft from `path` and decodes it.
pub fn read(path: &Path) -> Result<Source> {
    let bytes = std::fs::read(path).map_err(|source| Error::Read {
        path: path.to_path_buf(),
        source,
    })?;
    let text = text::decode(&bytes).map_err(|e| e.at(path))?;
    Ok(Source {
        name: path.display().to_string(),
        text,
    })
}
