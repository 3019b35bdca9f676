//! Rewriting references in the file as stored (`check --fix`, `amend`).
//!
//! Edits are found in the decoded text (`\n` line ends, no byte-order
//! mark); they are carried over line by line and column by column to the
//! text as stored ([`crate::ingest::raw`]), applied there, and the result is
//! encoded back the way the file was. Every byte outside the edited
//! numbers stays the same: line ends (CRLF or LF), byte-order mark,
//! UTF-16, wrapping, non-breaking spaces.

use crate::ingest::raw::{self, Raw};
use crate::ingest::text::DecodeError;
use std::ops::Range;

/// One rewrite: a byte range of the decoded text and what replaces it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Edit {
    /// The bytes replaced, in the decoded text.
    pub range: Range<usize>,
    /// The replacement.
    pub replacement: String,
}

/// Why edits could not be applied.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum FixError {
    /// The stored bytes no longer decode.
    Decode(DecodeError),
    /// The stored text does not correspond to the decoded text the edits
    /// were found in (the file changed meanwhile).
    Mismatch,
    /// The file is not plain text but a Word document or a PDF, which
    /// `--fix` does not rewrite: "a Word document", "a PDF".
    NotText(&'static str),
}

/// The error `--fix` reports for `file`, in one line.
pub fn error(file: &std::path::Path, e: FixError) -> crate::error::Error {
    use crate::error::Error;
    let path = file.to_path_buf();
    match e {
        FixError::Decode(e) => e.at(file),
        FixError::Mismatch => Error::Changed { path },
        FixError::NotText(what) => Error::Format {
            path,
            message: format!(
                "--fix rewrites plain-text drafts and this is {what}; save it as text (for Word: redraft split-revisions) and fix that"
            ),
        },
    }
}

/// What `bytes` are when they are not a text draft.
fn container(bytes: &[u8]) -> Option<&'static str> {
    if bytes.starts_with(b"%PDF") {
        Some("a PDF")
    } else if bytes.starts_with(b"PK\x03\x04") || crate::ingest::docx::looks_like_docx(bytes) {
        Some("a Word document")
    } else {
        None
    }
}

/// Applies `edits`, found in `decoded` (the decoded form of `bytes`), to
/// the stored `bytes`.
///
/// ```
/// use redraft::xref::rewrite::{apply, Edit};
/// let bytes = b"see paragraph\r\n 2 above\r\n";
/// let decoded = "see paragraph\n 2 above\n";
/// let edit = Edit { range: 15..16, replacement: "3".into() };
/// assert_eq!(apply(bytes, decoded, &[edit]).unwrap(), b"see paragraph\r\n 3 above\r\n");
/// ```
pub fn apply(bytes: &[u8], decoded: &str, edits: &[Edit]) -> Result<Vec<u8>, FixError> {
    if let Some(what) = container(bytes) {
        return Err(FixError::NotText(what));
    }
    let mut stored = raw::decode(bytes).map_err(FixError::Decode)?;
    let map = OffsetMap::new(decoded, &stored.text);
    let mut sorted: Vec<&Edit> = edits.iter().collect();
    sorted.sort_by_key(|e| std::cmp::Reverse(e.range.start));
    for edit in sorted {
        let start = map.stored(edit.range.start).ok_or(FixError::Mismatch)?;
        let end = map.stored(edit.range.end).ok_or(FixError::Mismatch)?;
        let same = stored.text.get(start..end) == decoded.get(edit.range.clone());
        if !same {
            return Err(FixError::Mismatch);
        }
        stored.text.replace_range(start..end, &edit.replacement);
    }
    Ok(raw::encode(&Raw { ..stored }))
}

/// Carries offsets of the decoded text over to the stored text: same line,
/// same column.
struct OffsetMap {
    decoded: Vec<usize>,
    stored: Vec<usize>,
}

impl OffsetMap {
    fn new(decoded: &str, stored: &str) -> OffsetMap {
        let decoded_starts = std::iter::once(0)
            .chain(decoded.match_indices('\n').map(|(i, _)| i + 1))
            .collect();
        OffsetMap {
            decoded: decoded_starts,
            stored: raw::line_starts(stored),
        }
    }

    fn stored(&self, offset: usize) -> Option<usize> {
        let line = self
            .decoded
            .partition_point(|&s| s <= offset)
            .checked_sub(1)?;
        let column = offset - self.decoded[line];
        Some(self.stored.get(line)? + column)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn keeps_bom_and_utf16() {
        let text = "paragraph 2 above\n";
        let edit = Edit {
            range: 10..11,
            replacement: "12".into(),
        };
        let bom = b"\xEF\xBB\xBFparagraph 2 above\n";
        assert_eq!(
            apply(bom, text, std::slice::from_ref(&edit)).unwrap(),
            b"\xEF\xBB\xBFparagraph 12 above\n"
        );
        let utf16: Vec<u8> = [0xFF, 0xFE]
            .into_iter()
            .chain(
                "paragraph 2 above\r\n"
                    .encode_utf16()
                    .flat_map(u16::to_le_bytes),
            )
            .collect();
        let expected: Vec<u8> = [0xFF, 0xFE]
            .into_iter()
            .chain(
                "paragraph 12 above\r\n"
                    .encode_utf16()
                    .flat_map(u16::to_le_bytes),
            )
            .collect();
        assert_eq!(apply(&utf16, text, &[edit]).unwrap(), expected);
    }

    /// A form feed is a character of its line in the decoded text, so an
    /// edit after one on the same line lands on the same bytes (fuzz
    /// input fix/edits-mismatch-*: `--fix` failed with `Mismatch`).
    #[test]
    fn a_form_feed_is_no_line_end() {
        let bytes = b"\xEF\xBB\xBFa\x0cb, see paragraph 2 above\r\nparagraph 2\r\n";
        let decoded = "a\u{c}b, see paragraph 2 above\nparagraph 2\n";
        let at = decoded.find('2').unwrap();
        let edit = Edit {
            range: at..at + 1,
            replacement: "3".into(),
        };
        assert_eq!(
            apply(bytes, decoded, &[edit]).unwrap(),
            b"\xEF\xBB\xBFa\x0cb, see paragraph 3 above\r\nparagraph 2\r\n"
        );
    }

    #[test]
    fn refuses_a_changed_file() {
        let edit = Edit {
            range: 0..1,
            replacement: "x".into(),
        };
        assert_eq!(apply(b"b", "a", &[edit]), Err(FixError::Mismatch));
    }
}
