//! The closing line of an adopted resolution.
//!
//! A General Assembly resolution ends with the meeting that adopted it and
//! the date, set apart under the last paragraph:
//!
//! ```text
//! 80th plenary meeting          80e séance plénière      80ª sesión plenaria
//! 30 October 2024               30 octobre 2024          30 de octubre de 2024
//! ```
//!
//! The parser makes these lines one closing unit ([`super::UnitKind::Closing`],
//! label `CLOSING`), never a heading; when the two lines stand in blocks of
//! their own (a text with one paragraph per line) the date joins the
//! meeting, and so does a standard note in brackets after it ("[Adopted
//! without a vote.]", [`is_adoption_note`]). The words are data in each
//! language's [`Adoption`] table. A closing unit compares by its kind of
//! meeting and its note only ([`meeting_kind`]): the same resolution
//! adopted a year later at another meeting is not edited.
//!
//! ```
//! use redraft::model::closing::{is_closing, is_date};
//! assert!(is_closing("30th plenary meeting 30 October 2024"));
//! assert!(is_closing("22e séance plénière"));
//! assert!(is_closing("30ª sesión plenaria 30 de octubre de 2024"));
//! assert!(is_date("1er novembre 2024"));
//! assert!(!is_closing("30. Decides to remain seized of the matter."));
//! ```

use crate::lang::{Adoption, Lang};

/// The parts of a closing line in one language: the meeting words (lower
/// case) and whether a date follows.
struct Closing {
    meeting: &'static str,
    dated: bool,
}

/// Whether a block is a closing line: an ordinal meeting number, the
/// meeting words, perhaps the date, and nothing else.
pub fn is_closing(text: &str) -> bool {
    read(text).is_some()
}

/// Whether a closing line already carries its date.
pub fn is_dated(text: &str) -> bool {
    read(text).is_some_and(|c| c.dated)
}

/// Whether a block is a date alone: "30 October 2024", "1er novembre
/// 2024", "30 de octubre de 2024".
pub fn is_date(text: &str) -> bool {
    let words = words(text);
    Lang::ALL
        .iter()
        .any(|l| date_len(&words, &l.table().adoption) == Some(words.len()))
}

/// What a closing line is compared by: its meeting words ("plenary
/// meeting") and its adoption note, if any, without the meeting's number
/// and the date.
///
/// ```
/// use redraft::model::closing::meeting_kind;
/// assert_eq!(
///     meeting_kind("30th plenary meeting 30 October 2024"),
///     meeting_kind("22nd plenary meeting\n29 October 2025")
/// );
/// assert_ne!(
///     meeting_kind("57th meeting 12 October 2023 [Adopted without a vote.]"),
///     meeting_kind("41st meeting 5 October 2022 [Adopted by a recorded vote of 29 to 13.]")
/// );
/// ```
pub fn meeting_kind(text: &str) -> Option<String> {
    let closing = read(text)?;
    let note = split_note(text).1.trim();
    Some(
        format!("{} {}", closing.meeting, super::typography::fold(note))
            .trim_end()
            .to_string(),
    )
}

/// Whether bracketed text (without its brackets) opens with one of the
/// standard phrases of a masthead or adoption record, in any language:
/// "without reference to a Main Committee", "on the report of the",
/// "sans renvoi à une grande commission", "Adopted without a vote".
pub fn opens_standard_bracket(content: &str) -> bool {
    let lower = content.trim().to_lowercase().replace('\'', "’");
    Lang::ALL.iter().any(|l| {
        l.table()
            .adoption
            .masthead_brackets
            .iter()
            .any(|p| lower.starts_with(p))
    })
}

/// Whether a block is a standard note in brackets alone: "[Adopted
/// without a vote.]", which follows the closing line of some resolutions.
pub fn is_adoption_note(text: &str) -> bool {
    let t = text.trim().trim_end_matches('.');
    t.starts_with('[')
        && t.ends_with(']')
        && t[1..].find(['[', ']']) == Some(t.len() - 2)
        && opens_standard_bracket(&t[1..t.len() - 1])
}

/// The closing line and the adoption note after it, if any.
fn split_note(text: &str) -> (&str, &str) {
    // The `memchr` crate's vector search: the standard library's reads a
    // word at a time, and every numbered paragraph is searched (issue 14).
    match memchr::memchr(b'[', text.as_bytes()) {
        Some(at) if is_adoption_note(&text[at..]) => text.split_at(at),
        _ => (text, ""),
    }
}

fn read(text: &str) -> Option<Closing> {
    // What `words` would refuse, refused before the note is looked for in
    // a long paragraph (the note's text follows the line's start).
    if !text.trim_start().starts_with(|c: char| c.is_ascii_digit()) {
        return None;
    }
    let words = words(split_note(text).0);
    Lang::ALL
        .iter()
        .find_map(|l| read_in(&words, &l.table().adoption))
}

fn read_in(words: &[String], table: &Adoption) -> Option<Closing> {
    let (first, rest) = words.split_first()?;
    if !is_ordinal(first, table) {
        return None;
    }
    let meeting = table.meeting.iter().find(|m| {
        let phrase: Vec<&str> = m.split(' ').collect();
        rest.len() >= phrase.len() && rest.iter().zip(&phrase).all(|(w, p)| w == p)
    })?;
    let after = &rest[meeting.split(' ').count()..];
    if after.is_empty() {
        return Some(Closing {
            meeting,
            dated: false,
        });
    }
    (date_len(after, table) == Some(after.len())).then_some(Closing {
        meeting,
        dated: true,
    })
}

/// `80th`, `80e`, `80ª`: digits and an ordinal ending.
fn is_ordinal(word: &str, table: &Adoption) -> bool {
    let digits = word.chars().take_while(char::is_ascii_digit).count();
    digits > 0 && digits <= 5 && table.ordinal_endings.contains(&&word[digits..])
}

/// How many words a date takes at the start of `words`: day (perhaps
/// with an ordinal ending, "1er"), month, year, with the language's links
/// between them.
fn date_len(words: &[String], table: &Adoption) -> Option<usize> {
    let mut k = 0;
    let day = words.get(k)?;
    let digits = day.chars().take_while(char::is_ascii_digit).count();
    let ending = &day[digits..];
    if digits == 0 || digits > 2 || !(ending.is_empty() || table.ordinal_endings.contains(&ending))
    {
        return None;
    }
    k += 1;
    k += skip_links(&words[k..], table);
    table.month(words.get(k)?)?;
    k += 1;
    k += skip_links(&words[k..], table);
    let year = words.get(k)?;
    (year.len() == 4 && year.chars().all(|c| c.is_ascii_digit())).then_some(k + 1)
}

fn skip_links(words: &[String], table: &Adoption) -> usize {
    words
        .iter()
        .take_while(|w| table.date_links.contains(&w.as_str()))
        .count()
}

/// Longest line read as a closing line or a date, in bytes: anything
/// longer is a paragraph, and is not split into words.
const MAX_LEN: usize = 160;

/// The words of a line, lower case, without a final full stop; none for a
/// line that cannot be a closing line or a date (one that does not open
/// with a figure, or a long one).
fn words(text: &str) -> Vec<String> {
    let text = text.trim();
    if text.len() > MAX_LEN || !text.starts_with(|c: char| c.is_ascii_digit()) {
        return Vec::new();
    }
    text.trim_end_matches('.')
        .split(|c: char| c.is_whitespace() || c == ',')
        .filter(|w| !w.is_empty())
        .map(str::to_lowercase)
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn closing_lines_in_three_languages() {
        assert!(is_dated("30th plenary meeting 30 October 2024"));
        assert!(is_dated("1st plenary meeting\n1 September 2025"));
        assert!(is_dated("57th meeting 12 October 2023"));
        assert!(is_dated("80e séance plénière 30 octobre 2024"));
        assert!(is_dated("3ᵉ séance plénière 1er novembre 2024"));
        assert!(is_dated("80ª sesión plenaria 30 de octubre de 2024"));
        assert!(!is_dated("30th plenary meeting"));
        assert!(is_closing("30th plenary meeting"));
    }

    #[test]
    fn other_lines_are_not_closing_lines() {
        assert!(!is_closing("Financial matters"));
        assert!(!is_closing(
            "30th plenary meeting of the Assembly on the question"
        ));
        assert!(!is_closing("30 October 2024"));
        assert!(!is_closing("2nd meeting 30 Octember 2024"));
        assert!(!is_date("30 October"));
        assert!(!is_date("Decides 30 October 2024"));
    }

    #[test]
    fn the_meeting_kind_ignores_number_and_date() {
        assert_eq!(
            meeting_kind("30th plenary meeting 30 October 2024").as_deref(),
            Some("plenary meeting")
        );
        assert_eq!(
            meeting_kind("57th meeting 12 October 2023").as_deref(),
            Some("meeting")
        );
        assert_eq!(meeting_kind("Annex"), None);
    }

    #[test]
    fn an_adoption_note_goes_with_the_closing_line() {
        assert!(is_dated(
            "57th meeting 12 October 2023 [Adopted without a vote.]"
        ));
        assert!(is_adoption_note("[Adopted without a vote.]"));
        assert!(is_adoption_note("[Aprobada sin votación.]"));
        assert!(!is_adoption_note("[and regional organizations]"));
        assert!(!is_adoption_note("[Adopted without a vote] and [more]"));
        assert!(!is_closing("30th plenary meeting [and regional]"));
    }
}
