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

/// A footnote reference in a draft's text, `[^7]`, its id captured: the one
/// definition of the syntax, used by every stage. The readers below match
/// it by hand ([`footnote_refs`]), with exactly its meaning, so that a run
/// that needs no regular expression compiles none (the regex costs a tenth
/// of a millisecond to build, a whole small comparison costs two).
pub static FOOTNOTE_REF: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"\[\^([^\]\s]{1,12})\]").expect("valid regex"));

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
        // Written by hand: the formatting machinery cost more than the rest
        // of reading a paragraph's number (every numbered paragraph, issue
        // 14).
        let suffix = self.suffix.unwrap_or("");
        let mut out = String::with_capacity(10 + suffix.len());
        push_decimal(&mut out, self.base);
        out.push_str(suffix);
        out
    }
}

/// Appends `n` in decimal digits, as `format!("{n}")` writes it.
///
/// ```
/// use redraft::model::marker::push_decimal;
/// let mut s = String::from("OP");
/// push_decimal(&mut s, 120);
/// assert_eq!(s, "OP120");
/// ```
pub fn push_decimal(out: &mut String, n: u32) {
    let mut digits = [0u8; 10];
    let mut at = digits.len();
    let mut rest = n;
    loop {
        at -= 1;
        digits[at] = b'0' + (rest % 10) as u8;
        rest /= 10;
        if rest == 0 {
            break;
        }
    }
    out.extend(digits[at..].iter().map(|&d| char::from(d)));
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
    // `^(\d{1,5})(?:[ \u{a0}]?(bis|ter|…))?[ \u{a0}]?([.)])(?:[ \u{a0}\t]+|$)`,
    // read by hand; a digit other than 0–9 never gives a number.
    let digits = text.bytes().take(6).take_while(u8::is_ascii_digit).count();
    if digits == 0 || digits > 5 {
        return None;
    }
    let base: u32 = text[..digits].parse().ok()?;
    let suffixed = latin_suffix(text, digits).and_then(|(suffix, end)| {
        let (punct_end, rest) = closing_punctuation(text, end)?;
        Some((Some(suffix), punct_end, rest))
    });
    let (suffix, punct_end, rest) = suffixed.or_else(|| {
        let (punct_end, rest) = closing_punctuation(text, digits)?;
        Some((None, punct_end, rest))
    })?;
    Some(Operative {
        literal: &text[..punct_end],
        base,
        suffix,
        rest,
    })
}

/// `[ \u{a0}]?` at byte `at`: the position after it.
fn one_space(text: &str, at: usize) -> usize {
    let s = &text[at..];
    if s.starts_with(' ') {
        at + 1
    } else if s.starts_with('\u{a0}') {
        at + '\u{a0}'.len_utf8()
    } else {
        at
    }
}

/// `[ \u{a0}\t]*` at byte `at`: the position after it.
fn spaces(text: &str, at: usize) -> usize {
    let s = &text[at..];
    at + s.len() - s.trim_start_matches([' ', '\u{a0}', '\t']).len()
}

/// `(?:[ \u{a0}\t]+|$)` at byte `at`: the text after the spaces.
fn after_marker(text: &str, at: usize) -> Option<&str> {
    let end = spaces(text, at);
    (end > at || at == text.len()).then(|| &text[end..])
}

/// `[ \u{a0}]?(bis|ter|…)` at byte `at`: the suffix and where it ends.
fn latin_suffix(text: &str, at: usize) -> Option<(&str, usize)> {
    let from = one_space(text, at);
    let s = &text[from..];
    let suffix = LATIN_SUFFIXES.iter().find(|x| s.starts_with(*x))?;
    Some((&s[..suffix.len()], from + suffix.len()))
}

/// `[ \u{a0}]?([.)])(?:[ \u{a0}\t]+|$)` at byte `at`: where the full stop
/// or parenthesis ends, and the text after the spaces.
fn closing_punctuation(text: &str, at: usize) -> Option<(usize, &str)> {
    let punct = one_space(text, at);
    if !text[punct..].starts_with(['.', ')']) {
        return None;
    }
    Some((punct + 1, after_marker(text, punct + 1)?))
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
/// assert!(subparagraph("on. the").is_none());
/// ```
pub fn subparagraph(text: &str) -> Option<Sub<'_>> {
    // `^\((ID)\)(?:[ \u{a0}\t]+|$)`, else `^(ID)([.)])(?:[ \u{a0}\t]+|$)`,
    // ID a letter, a letter doubled or `[ivxlc]{1,6}`, read by hand.
    let parenthesised = text.strip_prefix('(').and_then(|body| {
        let id = sub_id(body)?;
        body[id.len()..].starts_with(')').then_some(())?;
        let literal_end = id.len() + 2;
        let rest = after_marker(text, literal_end)?;
        Some(Sub {
            literal: &text[..literal_end],
            id,
            rest,
        })
    });
    parenthesised.or_else(|| {
        let id = sub_id(text)?;
        text[id.len()..].starts_with(['.', ')']).then_some(())?;
        let literal_end = id.len() + 1;
        Some(Sub {
            literal: &text[..literal_end],
            id,
            rest: after_marker(text, literal_end)?,
        })
    })
}

/// The letters `a`–`z` at the start of `s` when they make a subparagraph
/// id: one letter, a letter doubled (`aa`, after `z`), or a roman numeral
/// of up to six (followed by a character that is not a letter). Two other
/// letters are a word (`on.`, `to)`), not a marker (fuzz:
/// word-read-as-marker-8e99f61e).
fn sub_id(s: &str) -> Option<&str> {
    let n = s.bytes().take_while(u8::is_ascii_lowercase).count();
    let id = &s[..n];
    let roman = n <= 6 && id.bytes().all(|b| b"ivxlc".contains(&b));
    let lettered = n == 1 || (n == 2 && id.as_bytes()[0] == id.as_bytes()[1]);
    (n > 0 && (lettered || roman)).then_some(id)
}

/// Reads a footnote definition `[^7]: text`, giving the id, the marker and
/// the text.
pub fn footnote_definition(text: &str) -> Option<(&str, &str, &str)> {
    // `^\[\^([^\]\s]{1,12})\]:[ \t]*`, read by hand.
    let len = footnote_ref_len(text)?;
    if !text[len..].starts_with(':') {
        return None;
    }
    let marker_end = len + 1;
    let rest = text[marker_end..].trim_start_matches([' ', '\t']);
    Some((&text[2..len - 1], &text[..marker_end], rest))
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
    for (k, (at, c)) in body.char_indices().take(13).enumerate() {
        match c {
            ']' if k > 0 => return Some(at + 3),
            ']' => return None,
            c if c.is_whitespace() => return None,
            _ => {}
        }
    }
    None
}

/// The footnote references `[^N]` in a text: their byte ranges and ids.
/// They are found as [`FOOTNOTE_REF`] finds them, leftmost first and not
/// overlapping, by hand.
pub fn footnote_refs(text: &str) -> impl Iterator<Item = (std::ops::Range<usize>, &str)> {
    let mut from = 0;
    std::iter::from_fn(move || {
        // `[` found by `memchr`, then `^` checked: faster than looking
        // for the two bytes at once, and `[` is rare in a draft.
        while let Some(k) = text[from..].find('[') {
            let start = from + k;
            from = start + 1;
            if text.as_bytes().get(from) != Some(&b'^') {
                continue;
            }
            if let Some(len) = footnote_ref_len(&text[start..]) {
                from = start + len;
                return Some((start..from, &text[start + 2..from - 1]));
            }
        }
        None
    })
}

/// A section heading opening with a capital letter or a roman numeral and a
/// full stop: `A. Cooperation`, `II. Organisation of work`. Gives the letter
/// or numeral and the title.
pub fn section(text: &str) -> Option<(&str, &str)> {
    if text.ends_with([';', ',', ':', '.']) || text.split_whitespace().take(25).count() > 24 {
        return None;
    }
    // `^([A-Z]|[IVXL]{1,6})\.[ \u{a0}\t]+(\S.*)$`, read by hand.
    let n = text.bytes().take_while(u8::is_ascii_uppercase).count();
    let id = &text[..n];
    let roman = n <= 6 && id.bytes().all(|b| b"IVXL".contains(&b));
    if n == 0 || !(n == 1 || roman) || !text[n..].starts_with('.') {
        return None;
    }
    let start = spaces(text, n + 1);
    let title = &text[start..];
    let first = title.chars().next()?;
    (start > n + 1 && !first.is_whitespace() && !title.contains('\n')).then_some((id, title))
}

/// Reads an annex heading (`Annex`, `Annex II`, `ANNEXE 3`, `Anexo I: ...`)
/// given the words for "annex"; gives its label, `ANNEX` or `ANNEX-II`.
pub fn annex(text: &str, words: &[&str]) -> Option<String> {
    // A block whose first byte is ASCII and opens none of the words, in
    // either case, is no heading: `eq_fold` would say so at that byte for
    // each word (every block is asked, issue 14).
    let opens = *text.trim_start().as_bytes().first()?;
    let differs = |w: &&str| {
        w.as_bytes()
            .first()
            .is_some_and(|x| x.is_ascii() && !x.eq_ignore_ascii_case(&opens))
    };
    if opens.is_ascii() && words.iter().all(differs) {
        return None;
    }
    let mut parts = text.split_whitespace();
    let first = parts.next()?.trim_end_matches([':', '.']);
    // In any case, without lower-case copies (the first word of every
    // block is looked at).
    if !words.iter().any(|w| crate::lang::fold::eq_fold(w, first)) {
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
    fn decimals_are_formatted_numbers() {
        let mut n = 0u32;
        while n < u32::MAX / 3 {
            let mut s = String::new();
            push_decimal(&mut s, n);
            assert_eq!(s, n.to_string());
            n = n * 3 + 1;
        }
        for n in [0, 9, 10, 99, 100, 4_294_967_295] {
            let mut s = String::new();
            push_decimal(&mut s, n);
            assert_eq!(s, format!("{n}"));
        }
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

    /// The first-byte test changes no answer: against the reader without
    /// it, on headings and other blocks in every case, after whitespace,
    /// with the words of every language and with words that open with a
    /// letter that is not ASCII.
    #[test]
    fn the_first_byte_test_changes_no_answer() {
        fn before(text: &str, words: &[&str]) -> Option<String> {
            let first = text.split_whitespace().next()?.trim_end_matches([':', '.']);
            if !words.iter().any(|w| crate::lang::fold::eq_fold(w, first)) {
                return None;
            }
            // Past the word, the reader is unchanged.
            annex(text, &[first])
        }
        let all = crate::lang::annex_words();
        let odd = ["Éxhibit", "annex", "İlave", ""];
        let texts = [
            "Annex",
            "ANNEXE II",
            "anexo 3:",
            " \u{a0}Annex I",
            "\tannexe — x",
            "Rappelant",
            "1. Décide",
            "...",
            ": Annex",
            "Éxhibit A",
            "éxhibit",
            "İlave 2",
            "ilave",
            "i̇lave",
            "",
            "  ",
            "Annexes",
            "KANNEX",
            "\u{212a}",
            "Ａnnex",
            "a",
        ];
        for words in [all, &odd[..], &[][..]] {
            for text in texts {
                assert_eq!(
                    annex(text, words),
                    before(text, words),
                    "{text:?} {words:?}"
                );
            }
        }
    }

    /// The regular expressions the readers replaced: the oracle they are
    /// checked against, on strings made of the characters that matter.
    mod oracle {
        use regex::Regex;
        use std::sync::LazyLock;
        static R1: LazyLock<Regex> = LazyLock::new(|| {
            Regex::new(r"^(\d{1,5})(?:[ \u{a0}]?(bis|ter|quater|quinquies|sexies|septies|octies|novies|decies))?[ \u{a0}]?([.)])(?:[ \u{a0}\t]+|$)").unwrap()
        });
        /// One letter, a letter doubled, or a roman numeral.
        fn ids() -> String {
            let doubled: Vec<String> = ('a'..='z').map(|c| format!("{c}{c}")).collect();
            format!("[ivxlc]{{1,6}}|{}|[a-z]", doubled.join("|"))
        }
        static R2: LazyLock<Regex> = LazyLock::new(|| {
            Regex::new(&format!(r"^\(({})\)(?:[ \u{{a0}}\t]+|$)", ids())).unwrap()
        });
        static R3: LazyLock<Regex> = LazyLock::new(|| {
            Regex::new(&format!(r"^({})([.)])(?:[ \u{{a0}}\t]+|$)", ids())).unwrap()
        });
        static R4: LazyLock<Regex> =
            LazyLock::new(|| Regex::new(r"^\[\^([^\]\s]{1,12})\]:[ \t]*").unwrap());
        static R5: LazyLock<Regex> =
            LazyLock::new(|| Regex::new(r"\[\^([^\]\s]{1,12})\]").unwrap());
        static R6: LazyLock<Regex> =
            LazyLock::new(|| Regex::new(r"^([A-Z]|[IVXL]{1,6})\.[ \u{a0}\t]+(\S.*)$").unwrap());

        pub fn operative(t: &str) -> Option<(String, u32, Option<String>, String)> {
            let re = &*R1;
            let c = re.captures(t)?;
            let base = c[1].parse().ok()?;
            let (lit, rest) = (&t[..c.get(3)?.end()], &t[c.get(0)?.end()..]);
            Some((
                lit.into(),
                base,
                c.get(2).map(|m| m.as_str().into()),
                rest.into(),
            ))
        }

        pub fn subparagraph(t: &str) -> Option<(String, String, String)> {
            let paren = &*R2;
            let close = &*R3;
            let (c, end) = match paren.captures(t) {
                Some(c) => {
                    let end = c.get(1)?.end() + 1;
                    (c, end)
                }
                None => {
                    let c = close.captures(t)?;
                    let end = c.get(2)?.end();
                    (c, end)
                }
            };
            let rest = &t[c.get(0)?.end()..];
            Some((t[..end].into(), c[1].into(), rest.into()))
        }

        pub fn definition(t: &str) -> Option<(String, String, String)> {
            let re = &*R4;
            let c = re.captures(t)?;
            let end = c.get(1)?.end() + 2;
            Some((c[1].into(), t[..end].into(), t[c.get(0)?.end()..].into()))
        }

        pub fn refs(t: &str) -> Vec<(std::ops::Range<usize>, String)> {
            let re = &*R5;
            re.captures_iter(t)
                .map(|c| (c.get(0).unwrap().range(), c[1].to_string()))
                .collect()
        }

        pub fn section(t: &str) -> Option<(String, String)> {
            let re = &*R6;
            let c = re.captures(t)?;
            Some((c[1].into(), c[2].into()))
        }
    }

    /// Strings of up to 16 pieces drawn from the characters the markers
    /// turn on, with a fixed seed.
    fn samples() -> Vec<String> {
        const PIECES: [&str; 32] = [
            "1", "9", "0", "١", "12345", " ", "\u{a0}", "\t", "\n", "\u{2003}", ".", ")", "(",
            "[^", "]", ":", "a", "b", "i", "v", "x", "c", "z", "I", "V", "L", "A", "é", "bis",
            "ter", "quater", "Rome",
        ];
        let mut state = 0x2545_f491_4f6c_dd1du64;
        let mut next = move |n: usize| {
            state ^= state << 13;
            state ^= state >> 7;
            state ^= state << 17;
            (state % n as u64) as usize
        };
        (0..60_000)
            .map(|_| (0..next(17)).map(|_| PIECES[next(PIECES.len())]).collect())
            .collect()
    }

    #[test]
    fn the_hand_readers_read_as_the_regular_expressions() {
        for t in samples() {
            let op = operative(&t).map(|m| {
                (
                    m.literal.into(),
                    m.base,
                    m.suffix.map(String::from),
                    m.rest.into(),
                )
            });
            assert_eq!(op, oracle::operative(&t), "operative {t:?}");
            let sub = subparagraph(&t).map(|m| (m.literal.into(), m.id.into(), m.rest.into()));
            assert_eq!(sub, oracle::subparagraph(&t), "subparagraph {t:?}");
            let def = footnote_definition(&t).map(|(a, b, c)| (a.into(), b.into(), c.into()));
            assert_eq!(def, oracle::definition(&t), "definition {t:?}");
            let refs: Vec<_> = footnote_refs(&t)
                .map(|(r, id)| (r, id.to_string()))
                .collect();
            assert_eq!(refs, oracle::refs(&t), "refs {t:?}");
            let short =
                t.split_whitespace().take(25).count() <= 24 && !t.ends_with([';', ',', ':', '.']);
            if short {
                let sec = section(&t).map(|(a, b)| (a.to_string(), b.to_string()));
                assert_eq!(sec, oracle::section(&t), "section {t:?}");
            }
        }
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
