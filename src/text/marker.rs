//! Recognising the markers that open units: operative numbers (`12.`,
//! `9 bis.`, `3)`), subparagraph letters and numerals (`(a)`, `b)`, `c.`,
//! `(ii)`), footnote definitions (`[^7]:`), lettered and roman section
//! headings (`A. Cooperation`, `II. Context`) and annex headings.

use regex::Regex;
use std::sync::LazyLock;

/// Latin ordinal suffixes of negotiation numbers, in order: `9 bis` comes
/// after 9, `9 ter` after `9 bis`.
pub const LATIN_SUFFIXES: [&str; 9] = [
    "bis",
    "ter",
    "quater",
    "quinquies",
    "sexies",
    "septies",
    "octies",
    "novies",
    "decies",
];

static OPERATIVE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"^(\d{1,5})(?:[ \u{a0}]?(bis|ter|quater|quinquies|sexies|septies|octies|novies|decies))?[ \u{a0}]?([.)])(?:[ \u{a0}\t]+|$)")
        .expect("valid regex")
});
static SUB_PAREN: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"^\(([a-z]{1,2}|[ivxlc]{1,6})\)(?:[ \u{a0}\t]+|$)").expect("valid regex")
});
static SUB_CLOSE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"^([a-z]{1,2}|[ivxlc]{1,6})([.)])(?:[ \u{a0}\t]+|$)").expect("valid regex")
});
static FOOTNOTE_DEF: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"^\[\^([^\]\s]{1,12})\]:[ \t]*").expect("valid regex"));
/// A footnote reference in a draft's text, `[^7]`, its id captured: the one
/// definition of the syntax, used by every stage.
pub static FOOTNOTE_REF: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"\[\^([^\]\s]{1,12})\]").expect("valid regex"));
static SECTION: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"^([A-Z]|[IVXL]{1,6})\.[ \u{a0}\t]+(\S.*)$").expect("valid regex")
});

/// An operative paragraph's number.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Operative<'a> {
    /// The marker as written, trimmed: `12.`, `9 bis.`, `3)`.
    pub literal: &'a str,
    /// The base number: 9 in `9 bis.`.
    pub base: u32,
    /// The Latin suffix, if any: `bis`.
    pub suffix: Option<&'a str>,
    /// The text after the marker.
    pub rest: &'a str,
}

impl Operative<'_> {
    /// The canonical number: `9bis`.
    pub fn number(&self) -> String {
        format!("{}{}", self.base, self.suffix.unwrap_or(""))
    }
}

/// Reads an operative number at the start of `text`.
///
/// ```
/// use redraft::model::marker::operative;
/// let m = operative("9 bis. Decides").unwrap();
/// assert_eq!((m.literal, m.number(), m.rest), ("9 bis.", "9bis".to_string(), "Decides"));
/// assert!(operative("2020 was").is_none());
/// ```
pub fn operative(text: &str) -> Option<Operative<'_>> {
    let caps = OPERATIVE.captures(text)?;
    let whole = caps.get(0)?;
    let base: u32 = caps[1].parse().ok()?;
    let punct = caps.get(3)?;
    Some(Operative {
        literal: &text[..punct.end()],
        base,
        suffix: caps.get(2).map(|m| m.as_str()),
        rest: &text[whole.end()..],
    })
}

/// A subparagraph's letter or numeral.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Sub<'a> {
    /// The marker as written: `(a)`, `b)`, `c.`.
    pub literal: &'a str,
    /// The letter or numeral: `a`, `ii`.
    pub id: &'a str,
    /// The text after the marker.
    pub rest: &'a str,
}

/// Reads a subparagraph marker at the start of `text`.
///
/// ```
/// use redraft::model::marker::subparagraph;
/// assert_eq!(subparagraph("(ii) to act").unwrap().id, "ii");
/// assert_eq!(subparagraph("b) invite").unwrap().literal, "b)");
/// assert!(subparagraph("a la").is_none());
/// ```
pub fn subparagraph(text: &str) -> Option<Sub<'_>> {
    let (caps, literal_end) = if let Some(c) = SUB_PAREN.captures(text) {
        let end = c.get(1)?.end() + 1;
        (c, end)
    } else {
        let c = SUB_CLOSE.captures(text)?;
        let end = c.get(2)?.end();
        (c, end)
    };
    let whole = caps.get(0)?;
    Some(Sub {
        literal: &text[..literal_end],
        id: caps.get(1)?.as_str(),
        rest: &text[whole.end()..],
    })
}

/// Reads a footnote definition `[^7]: text`, giving the id, the marker and
/// the text.
pub fn footnote_definition(text: &str) -> Option<(&str, &str, &str)> {
    let caps = FOOTNOTE_DEF.captures(text)?;
    let whole = caps.get(0)?;
    let marker_end = caps.get(1)?.end() + 2;
    Some((
        caps.get(1)?.as_str(),
        &text[..marker_end],
        &text[whole.end()..],
    ))
}

/// The length of a footnote reference `[^id]` at the start of `s` (an id of
/// 1 to 12 characters, no `]` nor space), as [`FOOTNOTE_REF`] reads it.
///
/// ```
/// use redraft::model::marker::footnote_ref_len;
/// assert_eq!(footnote_ref_len("[^12], and"), Some(5));
/// assert_eq!(footnote_ref_len("[^ 1]"), None);
/// ```
pub fn footnote_ref_len(s: &str) -> Option<usize> {
    let body = s.strip_prefix("[^")?;
    let end = body.find(']')?;
    let id = &body[..end];
    let ok = (1..=12).contains(&id.chars().count()) && !id.chars().any(char::is_whitespace);
    ok.then_some(end + 3)
}

/// The footnote references `[^N]` in a text: their byte ranges and ids.
pub fn footnote_refs(text: &str) -> impl Iterator<Item = (std::ops::Range<usize>, &str)> {
    FOOTNOTE_REF
        .captures_iter(text)
        .filter_map(|c| Some((c.get(0)?.range(), c.get(1)?.as_str())))
}

/// A section heading opening with a capital letter or a roman numeral and a
/// full stop: `A. Cooperation`, `II. Organisation of work`. Gives the letter
/// or numeral and the title.
pub fn section(text: &str) -> Option<(&str, &str)> {
    if text.ends_with([';', ',', ':', '.']) || text.split_whitespace().take(25).count() > 24 {
        return None;
    }
    let caps = SECTION.captures(text)?;
    Some((caps.get(1)?.as_str(), caps.get(2)?.as_str()))
}

/// Reads an annex heading (`Annex`, `Annex II`, `ANNEXE 3`, `Anexo I: ...`)
/// given the words for "annex"; gives its label, `ANNEX` or `ANNEX-II`.
pub fn annex(text: &str, words: &[&str]) -> Option<String> {
    let mut parts = text.split_whitespace();
    let first = parts.next()?.trim_end_matches([':', '.']);
    if !words
        .iter()
        .any(|w| w.to_lowercase() == first.to_lowercase())
    {
        return None;
    }
    let rest: Vec<&str> = parts.collect();
    let id = rest
        .first()
        .map(|s| s.trim_end_matches([':', '.', '—', '–']));
    let id_ends_heading = rest
        .first()
        .is_some_and(|s| s.ends_with([':', '.', '—', '–']));
    match id {
        None => Some("ANNEX".to_string()),
        Some(id)
            if is_annex_id(id) && (rest.len() == 1 || id_ends_heading || is_separator(rest[1])) =>
        {
            Some(format!("ANNEX-{}", id.to_uppercase()))
        }
        Some(id) if is_separator(id) || id.is_empty() => Some("ANNEX".to_string()),
        _ => None,
    }
}

fn is_annex_id(s: &str) -> bool {
    !s.is_empty()
        && (s.chars().all(|c| c.is_ascii_digit())
            || s.chars().all(|c| "IVXLC".contains(c))
            || (s.len() == 1 && s.chars().all(|c| c.is_ascii_uppercase())))
}

fn is_separator(s: &str) -> bool {
    matches!(s, "—" | "–" | "-" | ":")
}

/// The value of a lower-case roman numeral: `iv` → 4.
pub fn roman_value(s: &str) -> Option<u32> {
    let mut total = 0u32;
    let mut prev = 0u32;
    for c in s.chars().rev() {
        let v = match c.to_ascii_lowercase() {
            'i' => 1,
            'v' => 5,
            'x' => 10,
            'l' => 50,
            'c' => 100,
            _ => return None,
        };
        if v < prev {
            total = total.checked_sub(v)?;
        } else {
            total += v;
            prev = v;
        }
    }
    (total > 0 && to_roman(total) == s.to_ascii_lowercase()).then_some(total)
}

/// Lower-case roman numeral of `n` (1–3999; larger values repeat `m`, at
/// most 64 characters).
pub fn to_roman(mut n: u32) -> String {
    const TABLE: [(u32, &str); 13] = [
        (1000, "m"),
        (900, "cm"),
        (500, "d"),
        (400, "cd"),
        (100, "c"),
        (90, "xc"),
        (50, "l"),
        (40, "xl"),
        (10, "x"),
        (9, "ix"),
        (5, "v"),
        (4, "iv"),
        (1, "i"),
    ];
    let mut out = String::new();
    for (v, s) in TABLE {
        while n >= v && out.len() < 64 {
            out.push_str(s);
            n -= v;
        }
    }
    out
}

/// The subparagraph letter at a position: 1 → `a`, 26 → `z`, 27 → `aa`,
/// 28 → `bb`, 53 → `aaa` (the letter repeated, as drafters and Word count
/// past z); 0 → empty.
///
/// ```
/// use redraft::model::marker::to_letter;
/// assert_eq!((to_letter(2), to_letter(27), to_letter(53)), ("b".to_string(), "aa".to_string(), "aaa".to_string()));
/// ```
pub fn to_letter(n: u32) -> String {
    let Some(k) = n.checked_sub(1) else {
        return String::new();
    };
    let letter = char::from(b'a' + (k % 26) as u8);
    std::iter::repeat_n(letter, (k / 26 + 1).min(50) as usize).collect()
}

/// The position of a subparagraph letter: `a` → 1, `z` → 26, `aa` → 27.
pub fn letter_value(s: &str) -> Option<u32> {
    let bytes = s.as_bytes();
    match bytes {
        [c] if c.is_ascii_lowercase() => Some(u32::from(c - b'a') + 1),
        [a, b] if a == b && a.is_ascii_lowercase() => Some(u32::from(a - b'a') + 27),
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn operative_forms() {
        assert_eq!(operative("12. Stresses").unwrap().number(), "12");
        assert_eq!(operative("9bis. Stresses").unwrap().number(), "9bis");
        assert_eq!(operative("3) Stresses").unwrap().literal, "3)");
        assert_eq!(operative("9 ter. x").unwrap().suffix, Some("ter"));
        assert!(operative("12.5 million").is_none());
        assert_eq!(operative("12345. x").unwrap().number(), "12345");
        assert!(operative("123456. x").is_none());
    }

    #[test]
    fn footnotes() {
        assert_eq!(
            footnote_definition("[^10]: https://x"),
            Some(("10", "[^10]:", "https://x"))
        );
        let refs: Vec<_> = footnote_refs("a[^5] b[^6],").map(|(_, id)| id).collect();
        assert_eq!(refs, ["5", "6"]);
    }

    #[test]
    fn sections() {
        assert_eq!(section("A. Coopération"), Some(("A", "Coopération")));
        assert_eq!(
            section("II. Organisation des travaux"),
            Some(("II", "Organisation des travaux"))
        );
        assert!(section("A. Stresses that the Court;").is_none());
    }

    #[test]
    fn annexes() {
        let w = ["Annex", "Annexe", "Anexo"];
        assert_eq!(annex("Annexe I", &w).as_deref(), Some("ANNEX-I"));
        assert_eq!(annex("ANNEX", &w).as_deref(), Some("ANNEX"));
        assert_eq!(annex("Anexo 2", &w).as_deref(), Some("ANNEX-2"));
        assert_eq!(
            annex("Annex II: Proposed language", &w).as_deref(),
            Some("ANNEX-II")
        );
        assert!(annex("Annex to the letter dated", &w).is_none());
    }

    #[test]
    fn numerals() {
        assert_eq!(roman_value("iv"), Some(4));
        assert_eq!(roman_value("xix"), Some(19));
        assert_eq!(roman_value("iiii"), None);
        assert_eq!(letter_value("c"), Some(3));
        assert_eq!(letter_value("bb"), Some(28));
    }
}
