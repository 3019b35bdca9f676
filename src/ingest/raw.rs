//! A plain-text draft exactly as stored: its encoding (UTF-8 with or
//! without byte-order mark, UTF-16 LE or BE) and its text with the line
//! ends it has. Rewriting a draft in place (`redraft check --fix`) goes
//! through this form, so that every byte it does not mean to change comes
//! back the same.

use super::text::{DecodeError, utf8, utf16};
use std::borrow::Cow;

/// How a text file is encoded.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Encoding {
    /// UTF-8, with or without a byte-order mark.
    Utf8 {
        /// Whether the file starts with `EF BB BF`.
        bom: bool,
    },
    /// UTF-16 little-endian with its byte-order mark.
    Utf16Le,
    /// UTF-16 big-endian with its byte-order mark.
    Utf16Be,
}

/// A decoded file whose line ends are kept as they are.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Raw {
    /// The encoding to write it back in.
    pub encoding: Encoding,
    /// The text, byte-order mark removed, line ends untouched.
    pub text: String,
}

/// Decodes a file without normalising its line ends.
///
/// ```
/// use redraft::ingest::raw::{decode, encode, Encoding};
/// let raw = decode(b"\xEF\xBB\xBFa\r\nb").unwrap();
/// assert_eq!((raw.encoding, raw.text.as_str()), (Encoding::Utf8 { bom: true }, "a\r\nb"));
/// assert_eq!(encode(&raw), b"\xEF\xBB\xBFa\r\nb");
/// ```
pub fn decode(bytes: &[u8]) -> Result<Raw, DecodeError> {
    let (encoding, text) = if let Some(rest) = bytes.strip_prefix(b"\xEF\xBB\xBF") {
        (Encoding::Utf8 { bom: true }, utf8(Cow::Borrowed(rest), 3)?)
    } else if let Some(rest) = bytes.strip_prefix(b"\xFF\xFE") {
        (Encoding::Utf16Le, utf16(rest, u16::from_le_bytes)?)
    } else if let Some(rest) = bytes.strip_prefix(b"\xFE\xFF") {
        (Encoding::Utf16Be, utf16(rest, u16::from_be_bytes)?)
    } else {
        (
            Encoding::Utf8 { bom: false },
            utf8(Cow::Borrowed(bytes), 0)?,
        )
    };
    Ok(Raw { encoding, text })
}

/// Encodes a text back as it was stored.
pub fn encode(raw: &Raw) -> Vec<u8> {
    match raw.encoding {
        Encoding::Utf8 { bom } => {
            let mut out = Vec::with_capacity(raw.text.len() + 3);
            if bom {
                out.extend_from_slice(b"\xEF\xBB\xBF");
            }
            out.extend_from_slice(raw.text.as_bytes());
            out
        }
        Encoding::Utf16Le => utf16_bytes(&raw.text, [0xFF, 0xFE], u16::to_le_bytes),
        Encoding::Utf16Be => utf16_bytes(&raw.text, [0xFE, 0xFF], u16::to_be_bytes),
    }
}

fn utf16_bytes(text: &str, bom: [u8; 2], bytes: fn(u16) -> [u8; 2]) -> Vec<u8> {
    let mut out = bom.to_vec();
    for unit in text.encode_utf16() {
        out.extend_from_slice(&bytes(unit));
    }
    out
}

/// The byte offsets where lines start, counting `\r\n`, `\n` and `\r`
/// each as one line end, as decoding does (a form feed is a character of
/// its line there, so it is here).
pub fn line_starts(text: &str) -> Vec<usize> {
    let bytes = text.as_bytes();
    let mut starts = vec![0];
    let mut i = 0;
    while i < bytes.len() {
        match bytes[i] {
            b'\r' if bytes.get(i + 1) == Some(&b'\n') => {
                i += 2;
                starts.push(i);
            }
            b'\n' | b'\r' => {
                i += 1;
                starts.push(i);
            }
            _ => i += 1,
        }
    }
    starts
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn utf16_round_trips() {
        let bytes = b"\xFF\xFEa\x00\r\x00\n\x00b\x00";
        let raw = decode(bytes).unwrap();
        assert_eq!(raw.text, "a\r\nb");
        assert_eq!(encode(&raw), bytes);
        let be = b"\xFE\xFF\x00a\x00\n";
        assert_eq!(encode(&decode(be).unwrap()), be);
    }

    #[test]
    fn counts_every_kind_of_line_end() {
        assert_eq!(line_starts("a\r\nb\nc\rd"), [0, 3, 5, 7]);
    }
}
