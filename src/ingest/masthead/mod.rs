//! The UN masthead and page furniture of published documents.
//!
//! A UN document as published opens with a masthead and carries furniture
//! on every page; none of it is part of the draft:
//!
//! ```text
//! United Nations                                     S/2020/449      ← symbol block
//! Security Council                  Distr.: General
//!                                   29 May 2020                      ← date
//!                                   Original: English                ← language
//! Seventy-ninth session / Agenda item 38 / <agenda title>            ← session, agenda
//! United States of America: draft resolution                         ← sponsors
//! Resolution adopted by the General Assembly on 30 October 2024      ← adopted form
//! [without reference to a Main Committee (A/79/L.6)]                 ← masthead bracket
//! 20-07231 (E)   020620   *2007231*   Please recycle                 ← job number, bar code
//! 2/3   20-07231     S/2020/449     - 3 -     Page 3                 ← running furniture
//! * Reissued for technical reasons on 5 June 2020.
//! ```
//!
//! This module recognises such lines from their text alone (shared by the
//! PDF reader, which also knows where they stand on the page, and the
//! reader of text other tools extracted), finds where the masthead of the
//! first page ends, and keeps what matters as [`Metadata`]. The words of
//! each language are data in its table ([`crate::lang::MastheadWords`] and
//! the months of [`crate::lang::Adoption`]).

use crate::lang::{Lang, MastheadWords};
use crate::text::metadata::Metadata;
use regex::Regex;
use std::sync::LazyLock;

#[cfg(test)]
mod oracle;
mod tokens;

/// The masthead words of one kind, in every language: a published
/// document is read whatever its language.
fn any_words(
    pick: impl Fn(&'static MastheadWords) -> &'static [&'static str],
) -> impl Iterator<Item = &'static str> {
    Lang::ALL
        .iter()
        .flat_map(move |l| pick(&l.table().masthead).iter().copied())
}

macro_rules! regex {
    ($name:ident, $re:expr) => {
        static $name: LazyLock<Regex> = LazyLock::new(|| Regex::new($re).expect("valid regex"));
    };
}

regex!(
    SYMBOL,
    r"^(?:[A-Z]{1,6}(?:[.-][A-Z0-9]+)*)(?:/[A-Za-z0-9][A-Za-z0-9.\-]*)+(?: \(\d{4}\))?\*?$"
);
regex!(
    PAGE_WORD,
    r"^(?:-\s*\d{1,3}\s*-|(?i:page|página)\s+\d{1,3}(?:\s+(?i:of|de|sur)\s+\d{1,3})?)$"
);
regex!(
    DISTRIBUTION,
    r"^(?i:distr\.?)\s*:?\s*(?i:general|limited|restricted|générale|limitée|restreinte|limitada|reservada)\b"
);
regex!(ORIGINAL, r"^(?i:original|orig\.)\s*:\s*\p{L}+");
regex!(SESSION, r"(?i)^\S.*\b(?:session|período de sesiones)$");
regex!(
    AGENDA,
    r"(?i)^(?:agenda items?|points? .*de l.ordre du jour|temas? .*del programa|provisional agenda|item)\b"
);

/// The longest line (in bytes) that may be furniture or a line of a
/// masthead; a longer one is text, and is not looked at further (a
/// paragraph of megabytes costs nothing here).
const LONGEST: usize = 2000;

/// Whether a whole line is a document symbol: `S/2020/449`, `A/RES/79/7`,
/// `A/C.3/79/L.5/Rev.1`, `ICC-ASP/20/Res.5`, `S/RES/2522 (2020)`.
///
/// ```
/// use redraft::ingest::masthead::is_symbol;
/// assert!(is_symbol("A/C.3/79/L.5/Rev.1") && is_symbol("S/2020/449*"));
/// assert!(!is_symbol("and/or") && !is_symbol("2/3"));
/// ```
pub fn is_symbol(t: &str) -> bool {
    // The cheap conditions first: the expression is compiled only for a
    // text that has them.
    t.contains('/') && t.chars().any(|c| c.is_ascii_digit()) && SYMBOL.is_match(t)
}

/// The symbol a line holds, written whole: the masthead prints its first
/// letter larger, which extraction may split off (`S /2020/449`).
///
/// ```
/// use redraft::ingest::masthead::symbol_of;
/// assert_eq!(symbol_of("S /2020/449").as_deref(), Some("S/2020/449"));
/// assert_eq!(symbol_of("S/RES/2522 (2020)").as_deref(), Some("S/RES/2522 (2020)"));
/// assert_eq!(symbol_of("and S /2020/449 too"), None);
/// ```
pub fn symbol_of(t: &str) -> Option<String> {
    let t = t.trim();
    // A symbol has a `/`, and at most three words (`S /2020/449 (2020)`):
    // a line of text is not read further.
    if !t.contains('/') || t.split_whitespace().nth(3).is_some() {
        return None;
    }
    if is_symbol(t) {
        return Some(t.trim_end_matches('*').to_string());
    }
    let mut words = t.split_whitespace();
    let (first, second) = (words.next()?, words.next()?);
    let joined = format!("{first}{second}");
    let year = words.next();
    let whole = match year {
        Some(y) if words.next().is_none() => format!("{joined} {y}"),
        None => joined,
        Some(_) => return None,
    };
    (second.starts_with('/') && is_symbol(&whole)).then(|| whole.trim_end_matches('*').to_string())
}

/// Whether a token of a furniture line is furniture on its own: a page
/// number `2/5`, a job number `20-07231` with its `(E)` and dates
/// `020620`, a bar code `*2007231*`.
fn furniture_token(token: &str) -> bool {
    tokens::page_n_of_n(token)
        || tokens::job(token)
        || tokens::job_lang(token)
        || tokens::job_date(token)
        || tokens::bar_code(token)
}

/// Whether a line (trimmed) is page furniture in any UN form: page numbers
/// (`2/5`, `- 3 -`, `Page 3`), a job number with or without its language
/// and dates, a bar code, "Please recycle", a reissue note, or these
/// together with the document's own symbol (`2/3   20-07231`,
/// `S/2020/449` over a page). `symbol` is the document's symbol when known.
///
/// ```
/// use redraft::ingest::masthead::is_furniture;
/// assert!(is_furniture("20-07231 (E)     020620", None));
/// assert!(is_furniture("2/3        20-07231", None));
/// assert!(is_furniture("S/2020/449", Some("S/2020/449")));
/// assert!(!is_furniture("2. Decides", None) && !is_furniture("1999, 55/20 of", None));
/// ```
pub fn is_furniture(t: &str, symbol: Option<&str>) -> bool {
    let t = crate::text::lines::trimmed(t);
    if t.is_empty() || t.len() > LONGEST {
        return false;
    }
    if page_word(t) || is_note_of_reissue(t) || is_recycle(t) {
        return true;
    }
    if symbol.is_some_and(|s| same_symbol(t, s)) {
        return true;
    }
    if !first_token_may_be_furniture(t) {
        return false;
    }
    // Every token furniture first: a line of text fails at its first word
    // (the tokens are not collected: most lines are long paragraphs).
    t.split_whitespace()
        .all(|k| furniture_token(k) || symbol.is_some_and(|s| same_symbol(k, s)) || is_symbol(k))
        && t.split_whitespace()
            .any(|k| tokens::page_n_of_n(k) || tokens::job(k) || tokens::bar_code(k))
}

/// Whether the first token of a trimmed line may pass the test of every
/// token in [`is_furniture`]: a furniture token holds a `/` (a page
/// number), a `-` (a job number) or only digits (its date), or opens with
/// `(` (its language) or `*` (a bar code), and a symbol, the document's
/// or any, holds a `/`. Read on the token's bytes up to the first ASCII
/// whitespace; one that is not ASCII (another script's digit, a space of
/// Unicode) lets the line through. Most lines of a draft fail here, at
/// their first word, without the tests of each token (every line of every
/// plain-text draft is looked at, issue 14).
///
/// ```text
/// "Recalling its" → false;  "1. Decides" → false;  "2/5" → true;  "020620" → true
/// ```
fn first_token_may_be_furniture(t: &str) -> bool {
    let token = t
        .as_bytes()
        .split(|b| matches!(b, b' ' | b'\t' | b'\n' | 0x0B | 0x0C | b'\r'))
        .next()
        .unwrap_or_default();
    matches!(token.first(), Some(b'(' | b'*'))
        || token.iter().all(u8::is_ascii_digit)
        || token
            .iter()
            .any(|&b| !b.is_ascii() || b == b'/' || b == b'-')
}

/// "Please recycle" in any language ([`MastheadWords::recycle`]): only a
/// line whose first byte may open one of them is compared with them.
fn is_recycle(t: &str) -> bool {
    may_open_as_any(t, &RECYCLE_OPENERS) && starts_with_any(t, any_words(|w| w.recycle))
}

/// The first bytes, in both cases, that may open a text one of the words
/// matches by [`crate::lang::fold::strip_prefix_fold`]; `None` when a
/// word opens with a character that is not ASCII (any text may then).
type Openers = Option<[bool; 128]>;

static RECYCLE_OPENERS: LazyLock<Openers> = LazyLock::new(|| openers(any_words(|w| w.recycle)));

/// The [`Openers`] of some words.
fn openers(words: impl Iterator<Item = &'static str>) -> Openers {
    let mut set = [false; 128];
    for w in words {
        let b = *w.as_bytes().first()?;
        if !b.is_ascii() {
            return None;
        }
        set[usize::from(b.to_ascii_lowercase())] = true;
        set[usize::from(b.to_ascii_uppercase())] = true;
    }
    Some(set)
}

/// Whether `t` may open as one of the words whose [`Openers`] are given:
/// `strip_prefix_fold` refuses an ASCII first byte that differs in every
/// case from an ASCII word's.
fn may_open_as_any(t: &str, openers: &Openers) -> bool {
    match (openers, t.as_bytes().first()) {
        (Some(set), Some(&b)) if b.is_ascii() => set[usize::from(b)],
        _ => true,
    }
}

/// `- 3 -`, `Page 3`, `página 3 de 5` ([`PAGE_WORD`]); the expression is
/// compiled only for a line that opens as one of them can.
fn page_word(t: &str) -> bool {
    let mut chars = t.chars();
    let opens = match chars.next() {
        Some('-') => true,
        Some('p' | 'P') => matches!(chars.next(), Some('a' | 'A' | 'á' | 'Á')),
        _ => false,
    };
    opens && PAGE_WORD.is_match(t)
}

/// Whether `t` may match an expression whose first character is one of
/// `first` (in any case): its first character is one of them or not ASCII
/// (an ASCII character matches only itself in either case). A cheap test
/// before an expression is compiled or run.
fn may_open_with(t: &str, first: &str) -> bool {
    t.chars()
        .next()
        .is_some_and(|c| !c.is_ascii() || first.contains(c))
}

/// Whether `t` may match an expression whose last character is one of
/// `last` (as [`may_open_with`]).
fn may_close_with(t: &str, last: &str) -> bool {
    t.chars()
        .next_back()
        .is_some_and(|c| !c.is_ascii() || last.contains(c))
}

/// Whether `t` has at most `n` words, reading no further than word `n + 1`.
fn at_most_words(t: &str, n: usize) -> bool {
    t.split_whitespace().nth(n).is_none()
}

/// `S/2020/449*` is `S/2020/449`.
fn same_symbol(t: &str, symbol: &str) -> bool {
    symbol_of(t).is_some_and(|s| s == symbol.trim_end_matches('*'))
}

/// `* Reissued for technical reasons on 5 June 2020.`
fn is_note_of_reissue(t: &str) -> bool {
    t.starts_with('*')
        && starts_with_any(t.trim_start_matches(['*', ' ']), any_words(|w| w.reissued))
}

fn starts_with_any(t: &str, mut words: impl Iterator<Item = &'static str>) -> bool {
    words.any(|w| crate::lang::fold::strip_prefix_fold(t, w).is_some())
}

/// A date written out: `29 May 2020`, `1er novembre 2024`, `29 de mayo de 2020`.
pub fn is_date(t: &str) -> bool {
    let t = t.trim().trim_end_matches('.');
    // Three words besides "de" (lower-casing makes no "de" of any other
    // word): a line of text is not lower-cased.
    let words = t
        .split_whitespace()
        .filter(|w| !w.eq_ignore_ascii_case("de"));
    if words.take(4).count() != 3 {
        return false;
    }
    is_lower_date(&t.to_lowercase())
}

/// Whether a lower-cased line is a day, a month and a four-digit year,
/// besides "de".
fn is_lower_date(lower: &str) -> bool {
    let words: Vec<&str> = lower.split_whitespace().filter(|w| *w != "de").collect();
    let [day, month, year] = words.as_slice() else {
        return false;
    };
    let day = day.trim_end_matches("er");
    day.len() <= 2
        && day.chars().all(|c| c.is_ascii_digit())
        && Lang::ALL
            .iter()
            .any(|l| l.table().adoption.month(month).is_some())
        && year.len() == 4
        && year.chars().all(|c| c.is_ascii_digit())
}

/// What a line of the first page's masthead is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Role {
    /// Part of the masthead, and the masthead may go on after it.
    Inside,
    /// The last line of a masthead: a sponsor line, the line of an adopted
    /// resolution, a masthead bracket.
    End,
    /// An agenda item: the lines after it, up to a break, are its title.
    Agenda,
}

/// The role of a line in a masthead, if it has one.
fn role(t: &str) -> Option<Role> {
    inside_role(t).or_else(|| end_role(t))
}

/// The role of a line inside a masthead ([`Role::Inside`] or
/// [`Role::Agenda`]), if it has one: what [`printed`] counts.
fn inside_role(t: &str) -> Option<Role> {
    if t.len() > LONGEST {
        return None;
    }
    if is_organ_line(t) {
        return Some(Role::Inside);
    }
    // The cheap conditions before each expression: a line of text (most
    // lines looked at) never compiles nor runs them.
    let distribution = || may_open_with(t, "dD") && DISTRIBUTION.is_match(t);
    let original = || may_open_with(t, "oO") && ORIGINAL.is_match(t);
    if symbol_of(t).is_some() || distribution() || original() || is_date(t) {
        return Some(Role::Inside);
    }
    if at_most_words(t, 6) && may_close_with(t, "nNsS") && SESSION.is_match(t) {
        return Some(Role::Inside);
    }
    if at_most_words(t, 8) && may_open_with(t, "aApPtTiI") && AGENDA.is_match(t) {
        return Some(Role::Agenda);
    }
    is_furniture(t, None).then_some(Role::Inside)
}

/// Whether a line is, lower-cased, an organ or "United Nations" in any
/// language, stars and spaces after it aside. Lower-casing a character
/// gives one byte at least for its four at most: a line more than four
/// times the longest word is none of them, and is not lower-cased (the
/// first lines of a draft are paragraphs of a thousand bytes, issue 14).
fn is_organ_line(t: &str) -> bool {
    static LONGEST_WORD: LazyLock<usize> =
        LazyLock::new(|| organ_words().map(str::len).max().unwrap_or(0));
    if t.trim_end_matches(['*', ' ']).len() > 4 * *LONGEST_WORD {
        return false;
    }
    let lower = t.to_lowercase();
    let lower = lower.trim_end_matches(['*', ' ']);
    organ_words().any(|w| w == lower)
}

/// The organs and "United Nations", in every language.
fn organ_words() -> impl Iterator<Item = &'static str> {
    any_words(|w| w.organs).chain(any_words(|w| w.united_nations))
}

/// The role of a line that ends a masthead ([`Role::End`]), if it has one.
fn end_role(t: &str) -> Option<Role> {
    if t.len() > LONGEST {
        return None;
    }
    let lower = t.to_lowercase();
    let lower = lower.trim_end_matches(['*', ' ']);
    let sponsors = any_words(|w| w.draft_resolution).any(|d| {
        lower.ends_with(&format!(": {d}")) || lower.ends_with(&format!(" : {d}")) || lower == d
    });
    let adopted = starts_with_any(t, any_words(|w| w.adopted));
    let bracket = t.starts_with('[') && t.ends_with(']');
    (sponsors || adopted || bracket).then_some(Role::End)
}

/// Whether the head of a document carries what only a printed UN document
/// carries (two or more of: "United Nations", the organ, the symbol block,
/// "Distr.", a date line, "Original:", a session or agenda item line, a job
/// number): a draft as circulated may open with "Resolution adopted by …"
/// and its bracket, but not with these.
pub fn printed(lines: &[Option<&str>]) -> bool {
    let head = &lines[..lines.len().min(HEAD_LINES)];
    let inside = head
        .iter()
        .flatten()
        .filter(|t| inside_role(t).is_some())
        .count();
    inside >= 2
}

/// The masthead found at the head of a document.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Masthead {
    /// How many of the lines given are masthead (they come first).
    pub lines: usize,
    /// What it says.
    pub metadata: Metadata,
}

/// Finds the masthead among the first lines of a document (`lines`, with
/// `None` for a break: a blank line or a vertical gap). The masthead is
/// every line up to its last end line (sponsors, adopted, bracket) met
/// before the chapeau, or, without one, the run of masthead lines at the
/// head and the title of an agenda item among them. Gives zero lines when
/// the document has no masthead (a draft as circulated).
pub fn find(lines: &[Option<&str>]) -> Masthead {
    let limit = lines
        .iter()
        .position(|l| l.is_some_and(crate::text::chapeau::is_chapeau))
        .map_or(lines.len(), |chapeau| chapeau)
        .min(HEAD_LINES);
    let head = &lines[..limit.min(lines.len())];
    let roles: Vec<Option<Role>> = head.iter().map(|l| l.and_then(role)).collect();
    let recognised = roles.iter().filter(|r| r.is_some()).count();
    if recognised < 2 {
        return Masthead::default();
    }
    let mut end = 0;
    let mut in_agenda = false;
    let mut last_end = None;
    for (i, (line, role)) in head.iter().zip(&roles).enumerate() {
        match (line, role) {
            (None, _) => in_agenda = false,
            (Some(_), Some(Role::End)) => {
                last_end = Some(i);
                end = i + 1;
                in_agenda = false;
            }
            (Some(_), Some(Role::Agenda)) => {
                in_agenda = true;
                end = i + 1;
            }
            (Some(_), Some(Role::Inside)) => end = i + 1,
            (Some(t), None) if in_agenda || continues_end(t, last_end, i) => end = i + 1,
            (Some(_), None) if last_end.is_none() && !in_agenda => {
                // Text before any end line: a sponsor list wrapping over
                // several lines is read when its end comes.
                continue;
            }
            _ => {}
        }
    }
    if let Some(last) = last_end {
        end = end.max(last + 1);
        if let Some(Some(next)) = head.get(last + 1)
            && continues_end(next, Some(last), last + 1)
        {
            end = end.max(last + 2);
        }
    }
    Masthead {
        lines: end,
        metadata: metadata(&head[..end]),
    }
}

/// How far into a document a masthead may reach (a long list of sponsors
/// takes a dozen lines).
pub const HEAD_LINES: usize = 60;

/// `on 30 October 2024` after "Resolution adopted by the General Assembly".
fn continues_end(t: &str, last_end: Option<usize>, i: usize) -> bool {
    let lower = t.to_lowercase();
    let date = ["on ", "le ", "el "]
        .iter()
        .find_map(|p| lower.strip_prefix(p))
        .is_some_and(is_date);
    last_end.is_some_and(|e| e + 1 == i) && date
}

/// What a masthead says: the first symbol, the first date, the original
/// language.
fn metadata(lines: &[Option<&str>]) -> Metadata {
    let mut m = Metadata::default();
    for t in lines.iter().flatten().map(|t| t.trim()) {
        m.masthead.push(t.to_string());
        if let Some(symbol) = symbol_of(t).filter(|_| m.symbol.is_none()) {
            m.symbol = Some(symbol);
        } else if m.date.is_none() && is_date(t) {
            m.date = Some(t.to_string());
        } else if let Some(lang) = t.split_once(':').filter(|_| ORIGINAL.is_match(t)) {
            m.original = Some(lang.1.trim().to_string());
        } else if m.symbol.is_none() {
            // The symbol block may be printed on the line of "United
            // Nations": `United Nations   S/2020/449`.
            m.symbol = t
                .split_whitespace()
                .find(|w| is_symbol(w))
                .map(str::to_string);
        }
    }
    m
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn furniture_lines() {
        for t in [
            "2/5",
            "- 3 -",
            "Page 3",
            "20-07254 (E)",
            "19-05112 (E) 290319",
            "20-07231 (E)     020620   *2007231*",
            "*1801971*",
            "Please recycle",
            "* Reissued for technical reasons on 5 June 2020.",
            "2/2                  18-01971",
            "20-07231     3/3",
        ] {
            assert!(is_furniture(t, None), "{t}");
        }
        for t in [
            "2020. It also notes",
            "12 March 2019;",
            "(2015), 2299 (2016)",
            "1. Decides",
            "S/2020/449",
        ] {
            assert!(!is_furniture(t, None), "{t}");
        }
    }

    #[test]
    fn dates() {
        assert!(
            is_date("29 May 2020") && is_date("1er novembre 2024") && is_date("29 de mayo de 2020")
        );
        assert!(!is_date("12 March 2019;") && !is_date("in May 2020"));
    }

    fn lines(text: &str) -> Vec<Option<&str>> {
        text.lines()
            .map(|l| Some(l.trim()).filter(|t| !t.is_empty()))
            .collect()
    }

    #[test]
    fn security_council_masthead() {
        let text = "United Nations S/2018/95\nSecurity Council Distr.: General\n8 February 2018\n\nOriginal: English\n\nUnited States of America: draft resolution\n\nThe Security Council,\nRecalling";
        let m = find(&lines(text));
        assert_eq!(m.lines, 7);
        assert_eq!(m.metadata.symbol.as_deref(), Some("S/2018/95"));
        assert_eq!(m.metadata.date.as_deref(), Some("8 February 2018"));
        assert_eq!(m.metadata.original.as_deref(), Some("English"));
    }

    #[test]
    fn general_assembly_masthead() {
        let text = "United Nations\nA/RES/79/7\n\nGeneral Assembly\nDistr.: General\n1 November 2024\n24-20128 (E)\n*2420128*\n\nSeventy-ninth session\nAgenda item 38\nNecessity of ending the\nembargo against Cuba\n\nResolution adopted by the General Assembly\non 30 October 2024\n\n[without reference to a Main Committee (A/79/L.6)]\n\n79/7. Necessity of ending\n\nThe General Assembly,";
        let m = find(&lines(text));
        assert_eq!(m.lines, 18);
        assert_eq!(m.metadata.symbol.as_deref(), Some("A/RES/79/7"));
    }

    #[test]
    fn adoption_lines_alone_are_no_printed_masthead() {
        let draft = "Resolution adopted by the General Assembly on 30 October 2024\n\n[without reference to a Main Committee (A/79/L.6)]\n\n79/7. Title\n\nThe General Assembly,";
        assert!(!printed(&lines(draft)));
        let published = "United Nations\nA/RES/79/7\nGeneral Assembly\nDistr.: General\n\nThe General Assembly,";
        assert!(printed(&lines(published)));
    }

    #[test]
    fn a_draft_without_masthead_has_none() {
        let text = "Draft resolution on cooperation\n\nThe Assembly of States Parties,\nRecalling";
        assert_eq!(find(&lines(text)).lines, 0);
    }

    #[test]
    fn title_after_sponsors_stays() {
        let text = "United Nations A/C.3/79/L.5\nGeneral Assembly Distr.: Limited\n4 October 2024\nOriginal: English\nSeventy-ninth session\nThird Committee\nAgenda item 71 (b)\nPromotion and protection of human rights\n\nArgentina, Brazil and\nChile: draft resolution\n\nThe right to food\n\nThe General Assembly,";
        let m = find(&lines(text));
        assert_eq!(m.lines, 11);
    }
}
