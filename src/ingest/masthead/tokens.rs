//! The tokens of a furniture line, read by hand: page numbers `2/5`, job
//! numbers `20-07231` with their `(E)` and dates `020620`, bar codes
//! `*2007231*`. Each reader answers exactly as the expression in its doc
//! comment would (`\d` being any script's decimal digit, as the `regex`
//! crate reads it: [`crate::text::classes::is_digit`]), without compiling
//! it: every line of every plain-text draft is looked at for furniture,
//! and compiling the five expressions cost more than reading a large draft
//! (a unit test compares each reader with its expression).
//!
//! ```text
//! "2/5" → page_n_of_n;  "20-07231" → job;  "(E)" → job_lang;
//! "020620" → job_date;  "*2007231*" → bar_code;  "2." → none of them
//! ```

use crate::text::classes::is_digit;

/// Whether `s` is `min..=max` `\d` digits.
fn digits(s: &str, min: usize, max: usize) -> bool {
    let mut n = 0;
    for c in s.chars() {
        if !is_digit(c) {
            return false;
        }
        n += 1;
    }
    (min..=max).contains(&n)
}

/// `^\d{1,3}/\d{1,3}$`: a page number `2/5`.
pub(super) fn page_n_of_n(t: &str) -> bool {
    t.split_once('/')
        .is_some_and(|(a, b)| digits(a, 1, 3) && digits(b, 1, 3))
}

/// `^\d{2}-\d{4,6}$`: a job number `20-07231`.
pub(super) fn job(t: &str) -> bool {
    t.split_once('-')
        .is_some_and(|(a, b)| digits(a, 2, 2) && digits(b, 4, 6))
}

/// `^\([A-Z]\)$`: the language of a job number, `(E)`.
pub(super) fn job_lang(t: &str) -> bool {
    matches!(t.as_bytes(), [b'(', b'A'..=b'Z', b')'])
}

/// `^\d{6}$`: the date of a job number, `020620`.
pub(super) fn job_date(t: &str) -> bool {
    digits(t, 6, 6)
}

/// `^\*\d{6,9}\*$`: a bar code, `*2007231*`.
pub(super) fn bar_code(t: &str) -> bool {
    t.strip_prefix('*')
        .and_then(|t| t.strip_suffix('*'))
        .is_some_and(|inner| digits(inner, 6, 9))
}

#[cfg(test)]
mod tests {
    use super::*;
    use regex::Regex;

    /// Every reader against its expression, on random tokens made of the
    /// characters that matter (ASCII and other scripts' digits, the
    /// separators, letters).
    #[test]
    fn the_readers_are_their_expressions() {
        type Reader = fn(&str) -> bool;
        let oracles: [(&str, Reader); 5] = [
            (r"^\d{1,3}/\d{1,3}$", page_n_of_n),
            (r"^\d{2}-\d{4,6}$", job),
            (r"^\([A-Z]\)$", job_lang),
            (r"^\d{6}$", job_date),
            (r"^\*\d{6,9}\*$", bar_code),
        ];
        // Runs of digits of every length (ASCII and other scripts') between
        // the characters that matter, so that most shapes are met.
        let digits = ["0", "7", "9", "٣", "৫"];
        let others = ["½", "/", "-", "*", "(", ")", "E", "é", "É", "x", ".", " "];
        let mut seed = 11u64;
        let mut next = || {
            seed = seed
                .wrapping_mul(6_364_136_223_846_793_005)
                .wrapping_add(1_442_695_040_888_963_407);
            (seed >> 33) as usize
        };
        for (pattern, reader) in oracles {
            let re = Regex::new(pattern).expect("valid");
            for _ in 0..20_000 {
                let mut token = String::new();
                for _ in 0..1 + next() % 4 {
                    if next() % 2 == 0 {
                        let run = next() % 10;
                        (0..run).for_each(|_| token.push_str(digits[next() % digits.len()]));
                    } else {
                        token.push_str(others[next() % others.len()]);
                    }
                }
                assert_eq!(
                    reader(&token),
                    re.is_match(&token),
                    "{pattern} on {token:?}"
                );
            }
            for token in [
                "2/5",
                "20-07231",
                "(E)",
                "020620",
                "*2007231*",
                "٣/٣",
                "",
                "2.",
            ] {
                assert_eq!(reader(token), re.is_match(token), "{pattern} on {token:?}");
            }
        }
    }
}
