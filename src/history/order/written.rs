//! Dates written out (`12 octobre 2021`, `1er mai 2020`, `3 de mayo de
//! 2021`), read by hand as the expression
//!
//! ```text
//! (?i)\b(\d{1,2})(?:er)?\s+(?:de\s+)?(\p{L}+)\s+(?:de\s+)?(\d{4})\b
//! ```
//!
//! reads them (leftmost first, one match after another): compiling it cost
//! more (0.6 ms, its Unicode classes made case-insensitive) than a whole
//! small comparison's diff, and it ran whenever a draft's title carried a
//! date (speed, issue 14). A test compares the two on random texts.
//! Digits and letters are Unicode's (`\d` is any decimal digit, `\p{L}`
//! any letter, `\b` Unicode's word boundary), as in the expression.

use std::ops::Range;
use std::sync::LazyLock;

/// One written date: byte ranges of the whole, the day, the word read as
/// the month (any word: the caller looks it up) and the year.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Written {
    pub whole: Range<usize>,
    pub day: Range<usize>,
    pub month: Range<usize>,
    pub year: Range<usize>,
}

/// Every written date of `text`, in order, as the expression finds them.
pub fn dates(text: &str) -> impl Iterator<Item = Written> + '_ {
    let mut from = 0;
    std::iter::from_fn(move || {
        let found = (from..text.len())
            .filter(|&p| text.is_char_boundary(p))
            .find_map(|p| at(text, p))?;
        from = found.whole.end;
        Some(found)
    })
}

/// The date the expression matches at byte `p`, if any.
fn at(text: &str, p: usize) -> Option<Written> {
    let before = text[..p].chars().next_back();
    if before.is_some_and(regex_syntax::is_word_character) {
        return None;
    }
    let day = p..p + run(text, p, 2, is_digit);
    if day.is_empty() || text[day.end..].starts_with(is_digit) {
        return None;
    }
    let mut pos = day.end;
    if text
        .get(pos..pos + 2)
        .is_some_and(|s| s.eq_ignore_ascii_case("er"))
    {
        pos += 2;
    }
    let spaces = run(text, pos, usize::MAX, char::is_whitespace);
    if spaces == 0 {
        return None;
    }
    let pos = pos + spaces;
    // `(?:de\s+)?` is tried first with "de", then without, before the
    // month and before the year: the first way that matches wins.
    for month_start in [after_de(text, pos), Some(pos)].into_iter().flatten() {
        let month = month_start..month_start + run(text, month_start, usize::MAX, is_letter);
        let spaces = run(text, month.end, usize::MAX, char::is_whitespace);
        if month.is_empty() || spaces == 0 {
            continue;
        }
        let pos = month.end + spaces;
        for year_start in [after_de(text, pos), Some(pos)].into_iter().flatten() {
            let year = year_start..year_start + run(text, year_start, 4, is_digit);
            let after = text[year.end..].chars().next();
            if text[year.clone()].chars().count() == 4
                && !after.is_some_and(regex_syntax::is_word_character)
            {
                let whole = p..year.end;
                return Some(Written {
                    whole,
                    day,
                    month,
                    year,
                });
            }
        }
    }
    None
}

/// Where the text continues after `de` (any case) and whitespace at
/// `pos`, if it has them there.
fn after_de(text: &str, pos: usize) -> Option<usize> {
    let de = text.get(pos..pos + 2)?;
    if !de.eq_ignore_ascii_case("de") {
        return None;
    }
    let spaces = run(text, pos + 2, usize::MAX, char::is_whitespace);
    (spaces > 0).then_some(pos + 2 + spaces)
}

/// The length in bytes of the run of at most `most` characters at `pos`
/// that `class` accepts.
fn run(text: &str, pos: usize, most: usize, class: fn(char) -> bool) -> usize {
    text[pos..]
        .chars()
        .take(most)
        .take_while(|&c| class(c))
        .map(char::len_utf8)
        .sum()
}

/// Unicode's decimal digits (`\d`) and letters (`\p{L}`, closed under
/// case folding as `(?i)` makes it: U+0345 folds to ι), read from the
/// expression syntax's own tables when a character is not ASCII.
static CLASSES: LazyLock<[Vec<(char, char)>; 2]> =
    LazyLock::new(|| [ranges(r"\d"), ranges(r"(?i)\p{L}")]);

fn ranges(class: &str) -> Vec<(char, char)> {
    use regex_syntax::hir::{Class, HirKind};
    let hir = regex_syntax::parse(class).expect("valid class");
    match hir.kind() {
        HirKind::Class(Class::Unicode(c)) => {
            c.ranges().iter().map(|r| (r.start(), r.end())).collect()
        }
        _ => Vec::new(),
    }
}

fn in_ranges(ranges: &[(char, char)], c: char) -> bool {
    ranges
        .binary_search_by(|&(start, end)| {
            if end < c {
                std::cmp::Ordering::Less
            } else if start > c {
                std::cmp::Ordering::Greater
            } else {
                std::cmp::Ordering::Equal
            }
        })
        .is_ok()
}

/// `\d`: the tables are read only for a non-ASCII numeric character.
fn is_digit(c: char) -> bool {
    match c {
        '\0'..='\x7f' => c.is_ascii_digit(),
        _ => c.is_numeric() && in_ranges(&CLASSES[0], c),
    }
}

/// `(?i)\p{L}`: ASCII and Latin-1 letters (U+00C0 to U+00FF but × and ÷)
/// without the tables; every letter is alphabetic.
fn is_letter(c: char) -> bool {
    match c {
        '\0'..='\x7f' => c.is_ascii_alphabetic(),
        '\u{c0}'..='\u{ff}' => c != '×' && c != '÷',
        _ => c.is_alphabetic() && in_ranges(&CLASSES[1], c),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use regex::Regex;

    /// The expression these dates were read with.
    fn by_expression(text: &str) -> Vec<Written> {
        static RE: LazyLock<Regex> = LazyLock::new(|| {
            Regex::new(r"(?i)\b(\d{1,2})(?:er)?\s+(?:de\s+)?(\p{L}+)\s+(?:de\s+)?(\d{4})\b")
                .expect("valid regex")
        });
        RE.captures_iter(text)
            .map(|c| Written {
                whole: c.get(0).expect("match").range(),
                day: c.get(1).expect("day").range(),
                month: c.get(2).expect("month").range(),
                year: c.get(3).expect("year").range(),
            })
            .collect()
    }

    #[test]
    fn classes_are_the_expressions() {
        let digit = Regex::new(r"^\d$").expect("valid");
        let letter = Regex::new(r"^(?i)\p{L}$").expect("valid");
        for c in ('\0'..='\u{3000}').chain(['\u{1d7ce}', '\u{10400}', '\u{1f600}']) {
            let s = c.to_string();
            assert_eq!(is_digit(c), digit.is_match(&s), "{c:?}");
            assert_eq!(is_letter(c), letter.is_match(&s), "{c:?}");
        }
    }

    #[test]
    fn dates_as_drafts_write_them() {
        for text in [
            "Distr. : Générale 12 octobre 2021",
            "1er mai 2020 et 3 de mayo de 2021",
            "le 12 décembre 20211, 4 June 2020",
            "12 de 2021",
            "٣ مايو ٢٠٢١ and 7 ΜΑΐΟΥ 2022, 2 ͅab 2020, 5 ab 2٠21",
        ] {
            assert_eq!(
                dates(text).collect::<Vec<_>>(),
                by_expression(text),
                "{text}"
            );
        }
    }

    proptest::proptest! {
        #[test]
        fn read_as_the_expression_reads(
            text in "([0-9]|٣|١|[a-z]|[A-Z]|é|É|_|er|ER|de|De|dE| |\u{a0}|\n|,|\\.|-|octobre|mai|2021|12|1er){0,24}"
        ) {
            proptest::prop_assert_eq!(dates(&text).collect::<Vec<_>>(), by_expression(&text));
        }
    }
}
