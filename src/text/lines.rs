//! The lines of a text, as `str::lines` gives them (split at `\n`, a `\r`
//! before it dropped, no empty line after a final `\n`), found with the
//! `memchr` crate's vector search: a draft of four megabytes is split into
//! lines several times while it is read and parsed (is it text extracted
//! from a PDF? how many blocks? which paragraphs?), and the standard
//! library's search reads a word at a time.
//!
//! ```
//! use redraft::text::lines::lines;
//! let text = "Title\r\n\n1. Decides.\n";
//! assert_eq!(lines(text).collect::<Vec<_>>(), ["Title", "", "1. Decides."]);
//! ```

/// The lines of `text`, exactly as [`str::lines`] gives them.
pub fn lines(text: &str) -> Lines<'_> {
    Lines { rest: text }
}

/// The iterator of [`lines`].
#[derive(Debug, Clone)]
pub struct Lines<'a> {
    rest: &'a str,
}

impl<'a> Iterator for Lines<'a> {
    type Item = &'a str;

    fn next(&mut self) -> Option<&'a str> {
        if self.rest.is_empty() {
            return None;
        }
        let (line, rest) = match memchr::memchr(b'\n', self.rest.as_bytes()) {
            Some(k) => {
                let line = &self.rest[..k];
                (line.strip_suffix('\r').unwrap_or(line), &self.rest[k + 1..])
            }
            None => (self.rest, ""),
        };
        self.rest = rest;
        Some(line)
    }
}

/// A line without the whitespace around it, as [`str::trim`] gives it,
/// answered at its first and last bytes when both are ASCII other than
/// whitespace (most lines of a draft): the standard library decodes a
/// character at each end and asks Unicode, and a draft's lines are
/// trimmed several times while it is read (issue 14).
///
/// ```
/// use redraft::text::lines::trimmed;
/// assert_eq!(trimmed("  Décide; \u{a0}"), "Décide;");
/// assert_eq!(trimmed("Recalling,"), "Recalling,");
/// ```
pub fn trimmed(line: &str) -> &str {
    let plain =
        |b: Option<&u8>| b.is_some_and(|b| b.is_ascii() && !b.is_ascii_whitespace() && *b != 0x0B);
    let bytes = line.as_bytes();
    if plain(bytes.first()) && plain(bytes.last()) {
        return line;
    }
    line.trim()
}

/// Whether a line is blank (only whitespace), as `line.trim().is_empty()`
/// says, answered at its first byte when it is ASCII other than
/// whitespace.
pub fn is_blank(line: &str) -> bool {
    trimmed(line).is_empty()
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The trim answered at the ends is the standard library's, on random
    /// lines of ASCII, whitespace of every kind and other characters.
    #[test]
    fn trimmed_is_str_trim() {
        let pieces = [
            "a", "É", " ", "\t", "\u{b}", "\u{c}", "\r", "\u{a0}", "\u{2003}", "\u{85}", ";",
            "x y", "\u{1f}",
        ];
        let mut seed = 5u64;
        for _ in 0..20_000 {
            let mut line = String::new();
            for _ in 0..(seed % 7) {
                seed = seed.wrapping_mul(6_364_136_223_846_793_005).wrapping_add(1);
                line.push_str(pieces[(seed >> 33) as usize % pieces.len()]);
            }
            seed = seed.wrapping_mul(6_364_136_223_846_793_005).wrapping_add(3);
            assert_eq!(trimmed(&line), line.trim(), "{line:?}");
            assert_eq!(is_blank(&line), line.trim().is_empty(), "{line:?}");
        }
    }

    #[test]
    fn the_lines_are_str_lines() {
        let pieces = ["a", "bc d", "\n", "\r", "\r\n", "é", " ", "\n\n"];
        let mut seed = 9u64;
        for _ in 0..5000 {
            let mut text = String::new();
            for _ in 0..(seed % 12) {
                seed = seed.wrapping_mul(6_364_136_223_846_793_005).wrapping_add(1);
                text.push_str(pieces[(seed >> 33) as usize % pieces.len()]);
            }
            seed = seed.wrapping_mul(6_364_136_223_846_793_005).wrapping_add(3);
            assert_eq!(
                lines(&text).collect::<Vec<_>>(),
                text.lines().collect::<Vec<_>>(),
                "{text:?}"
            );
        }
    }
}
