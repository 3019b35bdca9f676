//! Decoding plain-text drafts.

use crate::error::Error;
use std::borrow::Cow;
use std::path::Path;

/// Why bytes could not be decoded, before the file name is known.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum DecodeError {
    /// No content (or only a byte-order mark and whitespace).
    Empty,
    /// A byte that text never contains.
    Binary {
        /// Where it stands.
        offset: usize,
        /// The byte.
        byte: u8,
    },
    /// Invalid UTF-8.
    Encoding {
        /// Where decoding failed.
        offset: usize,
    },
    /// Invalid UTF-16 after a UTF-16 byte-order mark.
    Utf16 {
        /// Where decoding failed.
        offset: usize,
        /// What is wrong.
        reason: &'static str,
    },
}

impl DecodeError {
    /// Attaches the file name.
    pub fn at(self, path: &Path) -> Error {
        let path = path.to_path_buf();
        match self {
            DecodeError::Empty => Error::Empty { path },
            DecodeError::Binary { offset, byte } => Error::Binary { path, offset, byte },
            DecodeError::Encoding { offset } => Error::Encoding { path, offset },
            DecodeError::Utf16 { offset, reason } => Error::Utf16 {
                path,
                offset,
                reason,
            },
        }
    }
}

/// Decodes the bytes of a plain-text draft to UTF-8 text with `\n` line ends.
///
/// ```
/// use redraft::ingest::text::decode;
/// assert_eq!(decode(b"\xEF\xBB\xBFa\r\nb").unwrap(), "a\nb");
/// assert_eq!(decode(b"\xFF\xFEa\x00\r\x00\n\x00b\x00").unwrap(), "a\nb");
/// ```
pub fn decode(bytes: &[u8]) -> Result<String, DecodeError> {
    decode_owned(Cow::Borrowed(bytes))
}

/// [`decode`], taking the bytes when they are owned: UTF-8 without a
/// byte-order mark (the usual draft) becomes the text in place, without a
/// copy.
pub fn decode_owned(bytes: Cow<'_, [u8]>) -> Result<String, DecodeError> {
    let text = if let Some(rest) = bytes.strip_prefix(b"\xEF\xBB\xBF") {
        utf8(Cow::Borrowed(rest), 3)?
    } else if let Some(rest) = bytes.strip_prefix(b"\xFF\xFE") {
        utf16(rest, u16::from_le_bytes)?
    } else if let Some(rest) = bytes.strip_prefix(b"\xFE\xFF") {
        utf16(rest, u16::from_be_bytes)?
    } else {
        utf8(bytes, 0)?
    };
    let text = normalise_line_ends(text);
    if text.trim().is_empty() {
        return Err(DecodeError::Empty);
    }
    Ok(text)
}

/// UTF-8 bytes as text (`skipped`: the bytes of a byte-order mark before
/// them, counted in an error's offset).
pub(super) fn utf8(bytes: Cow<'_, [u8]>, skipped: usize) -> Result<String, DecodeError> {
    if let Some(offset) = first_binary(&bytes) {
        return Err(DecodeError::Binary {
            offset: offset + skipped,
            byte: bytes[offset],
        });
    }
    let invalid = |e: std::str::Utf8Error| DecodeError::Encoding {
        offset: e.valid_up_to() + skipped,
    };
    // The vector check (`simdutf8`) reads accented text several times
    // faster than the standard library's, whose fast path is for ASCII
    // only; where it refuses, the standard library says where the text
    // breaks.
    let checked = simdutf8::basic::from_utf8(&bytes)
        .map(|_| ())
        .or_else(|_| std::str::from_utf8(&bytes).map(|_| ()));
    checked.map_err(invalid)?;
    // SAFETY: the bytes were checked to be UTF-8 just above.
    Ok(match bytes {
        Cow::Owned(bytes) => unsafe { String::from_utf8_unchecked(bytes) },
        Cow::Borrowed(bytes) => unsafe { std::str::from_utf8_unchecked(bytes) }.to_string(),
    })
}

/// Where the first byte that text never contains is ([`is_binary`]).
/// Every such byte is below 0x20, so a block of 64 bytes whose smallest
/// byte is not needs no other look (the smallest byte is found with
/// vector instructions, a line end being the only control byte of most
/// blocks that have one); only a block with a byte below 0x20 is tested
/// for binary bytes, and one with such a byte searched byte by byte.
fn first_binary(bytes: &[u8]) -> Option<usize> {
    const BLOCK: usize = 64;
    let mut blocks = bytes.chunks_exact(BLOCK);
    let mut at = 0;
    for block in &mut blocks {
        if block.iter().fold(u8::MAX, |m, &b| m.min(b)) < 0x20
            && let Some(k) = first_binary_in(block)
        {
            return Some(at + k);
        }
        at += BLOCK;
    }
    first_binary_in(blocks.remainder()).map(|k| at + k)
}

/// [`first_binary`] in a short block: tested without branching, which
/// the compiler turns into vector instructions, then searched.
fn first_binary_in(block: &[u8]) -> Option<usize> {
    if !block.iter().fold(false, |found, &b| found | is_binary(b)) {
        return None;
    }
    block.iter().position(|&b| is_binary(b))
}

pub(super) fn utf16(bytes: &[u8], unit: fn([u8; 2]) -> u16) -> Result<String, DecodeError> {
    if !bytes.len().is_multiple_of(2) {
        return Err(DecodeError::Utf16 {
            offset: bytes.len() + 1,
            reason: "an odd number of bytes",
        });
    }
    let units: Vec<u16> = bytes.chunks_exact(2).map(|c| unit([c[0], c[1]])).collect();
    let mut text = String::with_capacity(units.len());
    for (k, c) in char::decode_utf16(units.iter().copied()).enumerate() {
        match c {
            Ok(c) => text.push(c),
            Err(_) => {
                return Err(DecodeError::Utf16 {
                    offset: 2 + 2 * k,
                    reason: "a lone surrogate",
                });
            }
        }
    }
    if let Some((offset, c)) = text
        .char_indices()
        .find(|&(_, c)| c.is_ascii() && is_binary(c as u8))
    {
        return Err(DecodeError::Binary {
            offset: offset + 2,
            byte: c as u8,
        });
    }
    Ok(text)
}

/// Control bytes that do not occur in text (NUL and the C0 controls other
/// than tab, line feed, form feed and carriage return).
fn is_binary(b: u8) -> bool {
    b < 0x20 && !matches!(b, b'\t' | b'\n' | b'\r' | 0x0C)
}

/// CRLF and CR become LF. Form feeds stay: they mark the pages of text
/// extracted from a PDF, and count as whitespace everywhere else.
fn normalise_line_ends(text: String) -> String {
    if memchr::memchr(b'\r', text.as_bytes()).is_none() {
        return text;
    }
    text.replace("\r\n", "\n").replace('\r', "\n")
}

/// The bytes of a draft: the file, or standard input when the path is `-`.
pub fn read_bytes(path: &Path) -> Result<Vec<u8>, Error> {
    let read_error = |source| Error::Read {
        path: path.to_path_buf(),
        source,
    };
    if path.as_os_str() == "-" {
        let mut bytes = Vec::new();
        std::io::Read::read_to_end(&mut std::io::stdin(), &mut bytes).map_err(read_error)?;
        return Ok(bytes);
    }
    read_file(path).map_err(read_error)
}

/// The bytes of a file, as `std::fs::read` reads them, into a buffer
/// whose pages are mapped before the file is copied in ([`prefault`]).
fn read_file(path: &Path) -> std::io::Result<Vec<u8>> {
    use std::io::Read;
    let mut file = std::fs::File::open(path)?;
    let size = file.metadata().map_or(0, |m| m.len());
    let Ok(size) = usize::try_from(size) else {
        return std::fs::read(path);
    };
    let mut bytes = Vec::new();
    // One byte more than the file, as `std::fs::read` asks: the read that
    // finds the end then needs no more room.
    if bytes.try_reserve_exact(size.saturating_add(1)).is_err() {
        return std::fs::read(path);
    }
    if size >= PREFAULT_FROM {
        prefault(bytes.spare_capacity_mut());
    }
    file.read_to_end(&mut bytes)?;
    Ok(bytes)
}

/// Files from this size on have their buffer's pages mapped at once.
const PREFAULT_FROM: usize = 256 * 1024;

/// Maps the whole pages of a fresh buffer at once (Linux's
/// `MADV_POPULATE_WRITE`), before the kernel copies a file into it: a
/// draft of 4 MB otherwise takes a page fault for each of its thousand
/// pages, a third of the time it takes to read it (issue 14). Nothing is
/// written; on a kernel without it (before 5.14), nothing happens and the
/// pages are mapped as they are first written, as before.
#[cfg(all(
    target_os = "linux",
    any(target_arch = "x86_64", target_arch = "aarch64")
))]
fn prefault(buffer: &mut [std::mem::MaybeUninit<u8>]) {
    const PAGE: usize = 4096;
    const MADV_POPULATE_WRITE: std::ffi::c_int = 23;
    unsafe extern "C" {
        fn madvise(
            addr: *mut std::ffi::c_void,
            len: usize,
            advice: std::ffi::c_int,
        ) -> std::ffi::c_int;
    }
    let start = buffer.as_mut_ptr() as usize;
    let first = start.next_multiple_of(PAGE);
    let end = (start + buffer.len()) / PAGE * PAGE;
    if end > first {
        // SAFETY: the pages from `first` to `end` lie inside `buffer`,
        // which this function borrows mutably; the advice maps them and
        // changes no byte, and its failure is harmless.
        unsafe {
            madvise(
                first as *mut std::ffi::c_void,
                end - first,
                MADV_POPULATE_WRITE,
            );
        }
    }
}

/// Elsewhere the pages are mapped as they are first written.
#[cfg(not(all(
    target_os = "linux",
    any(target_arch = "x86_64", target_arch = "aarch64")
)))]
fn prefault(_buffer: &mut [std::mem::MaybeUninit<u8>]) {}

/// Why a file is not a draft the tool reads, when that can be told from
/// its name or first bytes: an old Word `.doc` (or another Office binary
/// file), an OpenDocument text (`.odt`), an RTF file, or Markdown (by its
/// `.md` name or its markup: a README has numbered lists that would parse
/// as operative paragraphs).
/// The message says what to do.
///
/// ```
/// use redraft::ingest::text::foreign;
/// use std::path::Path;
/// assert!(foreign(Path::new("a.rtf"), b"{\\rtf1\\ansi ...").unwrap().contains("save it as .docx"));
/// assert!(foreign(Path::new("README.md"), b"# redraft\n").unwrap().contains("Markdown, not a draft"));
/// assert_eq!(foreign(Path::new("draft.txt"), b"1. Decides;"), None);
/// ```
pub fn foreign(path: &Path, bytes: &[u8]) -> Option<String> {
    let ext = path
        .extension()
        .and_then(|e| e.to_str())
        .map(str::to_ascii_lowercase)
        .unwrap_or_default();
    let save = "save it as .docx (Word: File › Save As › Word Document) or as plain text";
    if path.as_os_str() == "-" && bytes.starts_with(b"%PDF") {
        return Some("a PDF on standard input; give its file name instead".to_string());
    }
    if bytes.starts_with(b"{\\rtf") {
        return Some(format!(
            "an RTF document, not a draft redraft reads; {save}"
        ));
    }
    if bytes.starts_with(&[0xD0, 0xCF, 0x11, 0xE0]) {
        return Some(format!(
            "an old Word document (.doc) or another Office binary file; {save}"
        ));
    }
    if bytes.starts_with(b"PK") && is_opendocument(bytes) || ext == "odt" {
        return Some(format!(
            "an OpenDocument text (.odt); {save}, or convert it: soffice --headless --convert-to docx {}",
            path.display()
        ));
    }
    if ["md", "markdown"].contains(&ext.as_str()) || looks_like_markdown(bytes) {
        return Some(
            "Markdown, not a draft: the text carries Markdown markup (# headings, code, links, **strong** or ~~struck~~ words); give the draft itself (plain text, Word or PDF), or --input text to read it anyway".to_string(),
        );
    }
    None
}

/// Markdown by its markup ([`super::markdown::reads_as_markdown`]: two
/// lines with headings, code fences, links, `**strong**` or `~~struck~~`
/// words), on the first 200 KB of a UTF-8 file.
fn looks_like_markdown(bytes: &[u8]) -> bool {
    let head = &bytes[..bytes.len().min(200_000)];
    // The vector check first (see `utf8`); where it refuses, the standard
    // library says where the text breaks.
    let text = match simdutf8::basic::from_utf8(head) {
        Ok(text) => text,
        Err(_) => match std::str::from_utf8(head) {
            Ok(text) => text,
            Err(e) => std::str::from_utf8(&head[..e.valid_up_to()]).unwrap_or(""),
        },
    };
    super::markdown::reads_as_markdown(text)
}

/// An OpenDocument package names its type in its first entry, stored
/// uncompressed: `mimetypeapplication/vnd.oasis.opendocument.text`.
fn is_opendocument(bytes: &[u8]) -> bool {
    let needle = b"application/vnd.oasis.opendocument";
    let head = &bytes[..bytes.len().min(200)];
    head.windows(needle.len()).any(|w| w == needle)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn utf16_be() {
        assert_eq!(decode(b"\xFE\xFF\x00a\x00\n\x00b").unwrap(), "a\nb");
    }

    #[test]
    fn rejects_binary() {
        assert_eq!(
            decode(b"PK\x03\x04"),
            Err(DecodeError::Binary { offset: 2, byte: 3 })
        );
    }

    #[test]
    fn rejects_invalid_utf8() {
        assert_eq!(
            decode(b"caf\xE9 noir"),
            Err(DecodeError::Encoding { offset: 3 })
        );
    }

    /// The vector check and the standard library's agree on what is
    /// UTF-8 and where it breaks, over random runs of valid and broken
    /// sequences longer than a vector.
    #[test]
    fn the_utf8_check_is_the_standard_librarys() {
        let pieces: [&[u8]; 11] = [
            b"a",
            b"abcdefgh ",
            "é".as_bytes(),
            "€".as_bytes(),
            "😀".as_bytes(),
            &[0xC3],
            &[0xA9],
            &[0xE2, 0x82],
            &[0xFF],
            &[0xED, 0xA0, 0x80],
            &[0xC0, 0x80],
        ];
        let mut seed = 5u64;
        for round in 0..4000 {
            let mut bytes = Vec::new();
            while bytes.len() < round % 300 {
                seed = seed.wrapping_mul(6_364_136_223_846_793_005).wrapping_add(1);
                let k = (seed >> 33) as usize % pieces.len();
                // Broken pieces seldom, so that most texts are long.
                if k < 5 || seed.is_multiple_of(16) {
                    bytes.extend_from_slice(pieces[k]);
                }
            }
            let expected = std::str::from_utf8(&bytes)
                .map(str::to_string)
                .map_err(|e| DecodeError::Encoding {
                    offset: e.valid_up_to() + 3,
                });
            assert_eq!(utf8(Cow::Borrowed(&bytes), 3), expected, "{bytes:?}");
            assert_eq!(utf8(Cow::Owned(bytes.clone()), 3), expected, "{bytes:?}");
        }
    }

    /// The search for binary bytes finds the first one, as a plain
    /// search does, wherever it stands in a block and whatever control
    /// bytes (line ends, tabs) stand around it.
    #[test]
    fn the_first_binary_byte_is_the_plain_searchs() {
        let pieces: [&[u8]; 9] = [
            b"abcdefgh ",
            b"\n",
            b"\t",
            b"\r\n",
            b"\x0c",
            "é’".as_bytes(),
            b"\x00",
            b"\x1f",
            b"\x7f \x20",
        ];
        let mut seed = 11u64;
        for round in 0..4000 {
            let mut bytes = Vec::new();
            while bytes.len() < round % 400 {
                seed = seed.wrapping_mul(6_364_136_223_846_793_005).wrapping_add(1);
                let k = (seed >> 33) as usize % pieces.len();
                // Binary bytes seldom, so that most are found late or not.
                if !matches!(k, 6 | 7) || seed.is_multiple_of(8) {
                    bytes.extend_from_slice(pieces[k]);
                }
            }
            let expected = bytes.iter().position(|&b| is_binary(b));
            assert_eq!(first_binary(&bytes), expected, "{bytes:?}");
        }
    }

    #[test]
    fn rejects_empty() {
        assert_eq!(decode(b""), Err(DecodeError::Empty));
        assert_eq!(decode(b"\xEF\xBB\xBF \n\n"), Err(DecodeError::Empty));
    }

    #[test]
    fn broken_utf16_says_so() {
        assert_eq!(
            decode(b"\xFF\xFEa"),
            Err(DecodeError::Utf16 {
                offset: 2,
                reason: "an odd number of bytes"
            })
        );
        assert_eq!(
            decode(b"\xFF\xFEa\x00\x00\xD8b\x00"),
            Err(DecodeError::Utf16 {
                offset: 4,
                reason: "a lone surrogate"
            })
        );
    }
}
