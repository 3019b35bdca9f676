//! The Unicode classes of the regular-expression syntax, for the readers
//! that match a pattern by hand instead of compiling it: `\d` (a decimal
//! digit of any script, `٣` as well as `3`) and `\w` (a word character,
//! as `\b` sees it). They answer exactly as the `regex` crate does, from
//! the same tables (`regex-syntax`), so a hand reader and the expression
//! it replaces agree on every text:
//!
//! ```
//! use redraft::text::classes::{is_digit, is_word};
//! assert!(is_digit('7') && is_digit('٣') && !is_digit('½'));
//! assert!(is_word('é') && is_word('_') && !is_word('’'));
//! ```
//!
//! Compiling a regular expression with Unicode classes costs a few hundred
//! microseconds; a whole comparison of two small drafts costs two
//! milliseconds, so the hot patterns are read by hand.

use regex_syntax::hir::{Class, HirKind};
use std::sync::LazyLock;

/// The ranges of `\d` beyond ASCII, read from the regular-expression
/// syntax's own tables the first time a non-ASCII character is tested.
static DIGITS: LazyLock<Vec<(char, char)>> = LazyLock::new(|| {
    let ranges = regex_syntax::parse(r"\d")
        .ok()
        .and_then(|hir| match hir.kind() {
            HirKind::Class(Class::Unicode(class)) => Some(
                class
                    .ranges()
                    .iter()
                    .map(|r| (r.start(), r.end()))
                    .collect(),
            ),
            _ => None,
        });
    ranges.unwrap_or_else(|| vec![('0', '9')])
});

/// Whether `c` is a decimal digit, as `\d` reads it (Unicode `Nd`).
pub fn is_digit(c: char) -> bool {
    if c.is_ascii() {
        return c.is_ascii_digit();
    }
    c.is_numeric()
        && DIGITS
            .binary_search_by(|&(lo, hi)| {
                if hi < c {
                    std::cmp::Ordering::Less
                } else if lo > c {
                    std::cmp::Ordering::Greater
                } else {
                    std::cmp::Ordering::Equal
                }
            })
            .is_ok()
}

/// Whether `c` is a word character, as `\w` and `\b` read it.
pub fn is_word(c: char) -> bool {
    regex_syntax::is_word_character(c)
}

/// The length in bytes of the run of `\d` digits at the start of `s`.
pub fn digits_len(s: &str) -> usize {
    s.find(|c: char| !is_digit(c)).unwrap_or(s.len())
}

/// Whether `s` has `n` `\d` digits in a row: a cheap test that tells when
/// an expression needing them (`\d{4}`) cannot match.
pub fn has_digit_run(s: &str, n: usize) -> bool {
    let mut run = 0;
    for c in s.chars() {
        run = if c.is_numeric() && is_digit(c) {
            run + 1
        } else {
            0
        };
        if run == n {
            return true;
        }
    }
    false
}

#[cfg(test)]
mod tests {
    use super::*;
    use regex::Regex;

    #[test]
    fn the_classes_are_the_regex_crates() {
        let (d, w) = (Regex::new(r"^\d$").unwrap(), Regex::new(r"^\w$").unwrap());
        let mut buf = [0u8; 4];
        for c in (0..0x3_0000).filter_map(char::from_u32) {
            let s = c.encode_utf8(&mut buf);
            assert_eq!(is_digit(c), d.is_match(s), "{c:?} as \\d");
            assert_eq!(is_word(c), w.is_match(s), "{c:?} as \\w");
        }
    }

    #[test]
    fn digit_runs() {
        assert_eq!(digits_len("2021-05"), 4);
        assert_eq!(digits_len("١٢ x"), 4);
        assert_eq!(digits_len("x1"), 0);
        assert!(has_digit_run("le 3 mai 2021", 4) && !has_digit_run("12 3456", 5));
    }
}
