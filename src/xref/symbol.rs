//! Document symbols (`ICC-ASP/19/Res.2`, `A/RES/75/1`, `S/RES/2334`,
//! `A/C.3/75/L.1`, `RC/Dec.2`), and what is wrong with the malformed ones
//! (the `symbol` rule of [`crate::check`] reports them):
//!
//! | written | problem | should be |
//! |---|---|---|
//! | `ICC-ASP-18/Res.3` | a hyphen where a slash belongs | `ICC-ASP/18/Res.3` |
//! | `ICC-ASP/19/ Res.7` | a stray space | `ICC-ASP/19/Res.7` |
//! | `A/RES/75 /1` | a stray space | `A/RES/75/1` |
//! | `A/Res/75/1` | the wrong case | `A/RES/75/1` |
//! | `ICC-ASP/19/Res7` | a missing full stop | `ICC-ASP/19/Res.7` |
//!
//! Symbols are found by their family's head (the organ), then segments
//! separated by slashes; a placeholder such as `Res.[…]` is left to the
//! `brackets` rule.

use crate::text::classes::{digits_len, is_word};
use std::ops::Range;

/// The families the checker knows, by the head of their symbols: the
/// Assembly of States Parties, the Court, resolutions of the General
/// Assembly, Security Council, Economic and Social Council and Human Rights
/// Council, Main Committees, conferences, the Review Conference, and
/// documents of the three principal organs (`A/75/…`, `S/2021/…`,
/// `E/2021/…`). Longer heads first. Read by hand ([`head`]) as the
/// expression
/// `\b(?:ICC-ASP|ICC-CPI|A/HRC/RES|A/HRC|[ASE]/(?i:res)|A/C\.[1-6]|A/CONF\.\d+|RC|[ASE])\b`
/// reads: this runs on every segment of every redline.
const HEADS: [&str; 4] = ["ICC-ASP", "ICC-CPI", "A/HRC/RES", "A/HRC"];

/// Segments that may follow a slash written with spaces around it; any
/// other word there is prose, not the rest of a symbol.
const KNOWN_SEGMENTS: [&str; 10] = [
    "res", "dec", "l", "add", "inf", "rev", "crp", "corr", "pv", "sr",
];

/// What is wrong with a symbol.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum Problem {
    /// `ICC-ASP-18/…`: a hyphen where a slash belongs.
    Hyphen,
    /// `ICC-ASP/19/ Res.7`: a space (or line break) inside the symbol.
    Space,
    /// `A/Res/75/1`, `ICC-ASP/19/RES.7`: the wrong case.
    Case,
    /// `ICC-ASP/19/Res7`: no full stop before the number.
    MissingDot,
}

impl Problem {
    /// How the problem reads in a message.
    pub fn describe(self) -> &'static str {
        match self {
            Problem::Hyphen => "a hyphen where a slash belongs",
            Problem::Space => "a stray space",
            Problem::Case => "the wrong case",
            Problem::MissingDot => "no full stop before the number",
        }
    }
}

/// A document symbol found in a text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Symbol {
    /// Its byte range in the text.
    pub range: Range<usize>,
    /// The symbol as it should be written.
    pub canonical: String,
    /// What is wrong with it as written; empty when well-formed.
    pub problems: Vec<Problem>,
}

/// Every document symbol of `text`, in order.
///
/// ```
/// use redraft::xref::symbol::{find, Problem};
/// let s = find("résolutions ICC-ASP/17/Res.3, ICC-ASP-18/Res.3 et A/RES/75 /1");
/// assert_eq!(s.len(), 3);
/// assert!(s[0].problems.is_empty());
/// assert_eq!((s[1].canonical.as_str(), s[1].problems.as_slice()), ("ICC-ASP/18/Res.3", &[Problem::Hyphen][..]));
/// assert_eq!(s[2].canonical, "A/RES/75/1");
/// ```
pub fn find(text: &str) -> Vec<Symbol> {
    let mut out = Vec::new();
    let mut from = 0;
    while let Some(head) = head(text, from) {
        from = head.end;
        if let Some(symbol) = read(text, head) {
            from = symbol.range.end;
            out.push(symbol);
        }
    }
    out
}

/// Reads the segments after a head; `None` when they do not make a symbol.
fn read(text: &str, head: Range<usize>) -> Option<Symbol> {
    let head_text = &text[head.clone()];
    let mut symbol = Symbol {
        range: head.clone(),
        canonical: canonical_head(head_text),
        problems: Vec::new(),
    };
    if symbol.canonical != head_text {
        symbol.problems.push(Problem::Case);
    }
    let mut pos = head.end;
    let mut segments = 0;
    while let Some((sep, seg)) = next_segment(text, pos) {
        let sep_text = &text[pos..sep];
        let spaced = sep_text.len() > 1;
        let seg_text = &text[sep..seg];
        if !accept(head_text, segments, sep_text, seg_text) {
            break;
        }
        if sep_text.contains('-') {
            symbol.problems.push(Problem::Hyphen);
        }
        if spaced || seg_text.contains([' ', '\u{a0}']) {
            symbol.problems.push(Problem::Space);
        }
        symbol.canonical.push('/');
        push_canonical_segment(seg_text, &mut symbol.canonical);
        pos = seg;
        segments += 1;
    }
    if segments == 0 {
        return None;
    }
    pos = missing_dot(text, pos, &mut symbol);
    symbol.range.end = pos;
    // ICC resolutions are `Res.n`; United Nations resolutions `RES`.
    if head_text.starts_with("ICC-") && symbol.canonical.contains("/RES.") {
        symbol.canonical = symbol.canonical.replace("/RES.", "/Res.");
        symbol.problems.push(Problem::Case);
    }
    symbol.problems.sort_unstable();
    symbol.problems.dedup();
    Some(symbol)
}

/// The first head at or after byte `from` (a char boundary), leftmost
/// first; the word boundary before it looks at the text before `from`.
fn head(text: &str, from: usize) -> Option<Range<usize>> {
    let bytes = text.as_bytes();
    let mut at = from;
    loop {
        at = next_initial(bytes, at)?;
        let boundary = !text[..at].chars().next_back().is_some_and(is_word);
        if let Some(len) = boundary.then(|| head_len(&text[at..])).flatten() {
            return Some(at..at + len);
        }
        at += 1;
    }
}

/// Whether a byte may open a head: `A`, `E`, `I` (`ICC-`), `R` (`RC`) or
/// `S`. Written without branches (`|`), so that a block of them is
/// tested with vector compares.
fn is_initial(b: u8) -> bool {
    (b == b'A') | (b == b'E') | (b == b'I') | (b == b'R') | (b == b'S')
}

/// The first byte at or after `from` that may open a head
/// ([`is_initial`]), as a plain search finds it. Blocks of 32 bytes are
/// tested whole first, without an early exit inside a block (vector
/// compares): in a paragraph most blocks hold none of these capitals, and
/// a byte at a time cost a third of an HTML page with symbols (issue 14).
fn next_initial(bytes: &[u8], from: usize) -> Option<usize> {
    const BLOCK: usize = 32;
    let mut at = from;
    while let Some(block) = bytes.get(at..at + BLOCK) {
        let mut found = 0u8;
        for &b in block {
            found |= u8::from(is_initial(b));
        }
        if found != 0 {
            break;
        }
        at += BLOCK;
    }
    let k = bytes.get(at..)?.iter().position(|&b| is_initial(b))?;
    Some(at + k)
}

/// The length of the first alternative of the head's expression that
/// matches at the start of `s` and ends at a word boundary.
fn head_len(s: &str) -> Option<usize> {
    let ends_word = |len: usize| !s[len..].chars().next().is_some_and(is_word);
    let b = s.as_bytes();
    let organ = matches!(b.first(), Some(b'A' | b'S' | b'E'));
    let literal = HEADS.iter().map(|h| s.starts_with(h).then_some(h.len()));
    let res = (organ && s[1..].starts_with('/')).then(|| {
        let mut chars = s[2..].chars();
        let res = [chars.next(), chars.next(), chars.next()];
        let folds = |c: Option<char>, l: char| c.is_some_and(|c| c.to_ascii_lowercase() == l);
        let s_or_long_s = |c: Option<char>| folds(c, 's') || c == Some('ſ');
        (folds(res[0], 'r') && folds(res[1], 'e') && s_or_long_s(res[2]))
            .then(|| s.len() - chars.as_str().len())
    });
    let committee = s.starts_with("A/C.") && matches!(b.get(4), Some(b'1'..=b'6'));
    let conference = s.strip_prefix("A/CONF.").map(digits_len).filter(|&n| n > 0);
    literal
        .chain([
            res.flatten(),
            committee.then_some(5),
            conference.map(|n| "A/CONF.".len() + n),
            s.starts_with("RC").then_some(2),
            organ.then_some(1),
        ])
        .flatten()
        .find(|&len| ends_word(len))
}

/// The separator (`[ \t\n\u{a0}]*[/-][ \t\n\u{a0}]*`) and the segment
/// (`\d+|[A-Za-z]+(?:\.[ \u{a0}]?\d+)?`) after byte `pos`: where the
/// segment starts and ends.
fn next_segment(text: &str, pos: usize) -> Option<(usize, usize)> {
    const BLANK: [char; 4] = [' ', '\t', '\n', '\u{a0}'];
    let after = &text[pos..];
    let slash = after.trim_start_matches(BLANK);
    let rest = slash.strip_prefix(['/', '-'])?;
    let seg = rest.trim_start_matches(BLANK);
    let seg_start = text.len() - seg.len();
    let digits = digits_len(seg);
    if digits > 0 {
        return Some((seg_start, seg_start + digits));
    }
    let letters = seg.bytes().take_while(u8::is_ascii_alphabetic).count();
    if letters == 0 {
        return None;
    }
    let number = seg[letters..].strip_prefix('.').map(|n| {
        let spaced = n.strip_prefix([' ', '\u{a0}']).unwrap_or(n);
        (n.len() - spaced.len(), digits_len(spaced))
    });
    let len = match number {
        Some((space, digits)) if digits > 0 => letters + 1 + space + digits,
        _ => letters,
    };
    Some((seg_start, seg_start + len))
}

/// Whether a separator and segment continue the symbol: a hyphen only
/// right after `ICC-ASP` (a common slip), a single-letter head only before
/// a number, a spaced slash only before a number or a known segment.
fn accept(head: &str, segments: usize, sep: &str, seg: &str) -> bool {
    let trimmed = sep.trim();
    if trimmed == "-" {
        return segments == 0 && head == "ICC-ASP" && seg.starts_with(|c: char| c.is_ascii_digit());
    }
    let digits = seg.starts_with(|c: char| c.is_ascii_digit());
    if head.len() == 1 && segments == 0 && (sep != "/" || !digits) {
        return false;
    }
    if sep.len() > 1 && !digits {
        let word: String = seg.chars().take_while(char::is_ascii_alphabetic).collect();
        return KNOWN_SEGMENTS.contains(&word.to_ascii_lowercase().as_str());
    }
    true
}

/// `Res7` right after a symbol: the number without its full stop.
fn missing_dot(text: &str, pos: usize, symbol: &mut Symbol) -> usize {
    let last = symbol.canonical.rsplit('/').next().unwrap_or("");
    let word = last.chars().all(|c| c.is_ascii_alphabetic());
    let digits = text[pos..]
        .find(|c: char| !c.is_ascii_digit())
        .unwrap_or(text.len() - pos);
    if word && digits > 0 && KNOWN_SEGMENTS.contains(&last.to_ascii_lowercase().as_str()) {
        symbol.canonical.push('.');
        symbol.canonical.push_str(&text[pos..pos + digits]);
        symbol.problems.push(Problem::MissingDot);
        return pos + digits;
    }
    pos
}

fn canonical_head(head: &str) -> String {
    match head.split_once('/') {
        Some((organ, res)) if res.eq_ignore_ascii_case("res") => format!("{organ}/RES"),
        _ => head.to_string(),
    }
}

/// A segment as it should be written (without its spaces), appended to
/// the symbol being built.
fn push_canonical_segment(seg: &str, canonical: &mut String) {
    canonical.extend(seg.chars().filter(|c| !matches!(c, ' ' | '\u{a0}')));
}

#[cfg(test)]
mod tests {
    use super::*;

    fn one(text: &str) -> Symbol {
        let found = find(text);
        assert_eq!(found.len(), 1, "{found:?}");
        found.into_iter().next().unwrap()
    }

    #[test]
    fn well_formed_families() {
        for s in [
            "ICC-ASP/19/Res.2",
            "ICC-ASP/20/25",
            "A/RES/75/1",
            "S/RES/2334",
            "E/RES/2021/1",
            "A/C.3/75/L.1",
            "RC/Dec.2",
            "A/75/L.1",
            "A/HRC/RES/46/1",
        ] {
            let sym = one(&format!("see {s}, then"));
            assert_eq!(sym.canonical, s);
            assert!(sym.problems.is_empty(), "{s}: {:?}", sym.problems);
        }
    }

    #[test]
    fn malformed() {
        assert_eq!(one("ICC-ASP/19/ Res.7.").problems, [Problem::Space]);
        assert_eq!(one("ICC-ASP/19/ Res.7.").canonical, "ICC-ASP/19/Res.7");
        assert_eq!(one("ICC-ASP/19/\nRes.7.").problems, [Problem::Space]);
        assert_eq!(one("A/RES/75 /1").canonical, "A/RES/75/1");
        assert_eq!(one("A/Res/75/1").problems, [Problem::Case]);
        assert_eq!(one("A/Res/75/1").canonical, "A/RES/75/1");
        assert_eq!(one("ICC-ASP/19/Res7 x").canonical, "ICC-ASP/19/Res.7");
        assert_eq!(one("ICC-ASP/19/RES.7").canonical, "ICC-ASP/19/Res.7");
        assert_eq!(one("RC/Dec. 2").problems, [Problem::Space]);
    }

    #[test]
    fn prose_is_not_a_symbol() {
        assert!(find("un point focal et/ou une autorité").is_empty());
        assert!(find("Plan A / B and section E of it").is_empty());
        let s = one("ICC-ASP/19/Res.2 / Court and the rest");
        assert_eq!(s.canonical, "ICC-ASP/19/Res.2");
        assert!(s.problems.is_empty());
    }

    #[test]
    fn placeholder_is_left_to_brackets() {
        let s = one("sa résolution ICC-ASP/20/Res.[…] sur");
        assert!(s.problems.is_empty());
    }

    /// Strings of up to 12 pieces drawn from what heads and segments turn
    /// on, with a fixed seed.
    fn samples() -> Vec<String> {
        const PIECES: [&str; 34] = [
            "ICC-ASP", "ICC-CPI", "A/HRC", "/RES", "A", "S", "E", "R", "C", "/", "-", "res", "Res",
            "ReS", "reſ", ".", "A/C.", "A/CONF.", "3", "19", "٣", "7", " ", "\n", "\u{a0}", "\t",
            "é", "’", "_", "x", "Dec", "L", "RC", "Rev",
        ];
        let mut state = 0x9e37_79b9_7f4a_7c15u64;
        let mut next = move |n: usize| {
            state ^= state << 13;
            state ^= state >> 7;
            state ^= state << 17;
            (state % n as u64) as usize
        };
        (0..30_000)
            .map(|_| (0..next(13)).map(|_| PIECES[next(PIECES.len())]).collect())
            .collect()
    }

    /// The search by blocks finds what a search byte by byte finds, from
    /// every start, in texts of every length around the block's.
    #[test]
    fn the_initials_are_found_as_a_plain_search_finds_them() {
        let pieces = ["abcdefgh ", "é’", "A", "E", "I", "R", "S", "s", "Z", "\n"];
        let mut seed = 3u64;
        for round in 0..3000 {
            let mut text = String::new();
            while text.len() < round % 150 {
                seed = seed.wrapping_mul(6_364_136_223_846_793_005).wrapping_add(1);
                let k = (seed >> 33) as usize % pieces.len();
                // Capitals seldom, so that most are found late or not.
                if !(2..7).contains(&k) || seed.is_multiple_of(8) {
                    text.push_str(pieces[k]);
                }
            }
            let bytes = text.as_bytes();
            for from in 0..=bytes.len() {
                let expected = bytes[from..]
                    .iter()
                    .position(|b| matches!(b, b'A' | b'E' | b'I' | b'R' | b'S'))
                    .map(|k| from + k);
                assert_eq!(next_initial(bytes, from), expected, "{text:?} from {from}");
            }
        }
    }

    #[test]
    fn the_hand_reader_reads_as_the_regular_expressions() {
        use regex::Regex;
        let head_re = Regex::new(
            r"\b(?:ICC-ASP|ICC-CPI|A/HRC/RES|A/HRC|[ASE]/(?i:res)|A/C\.[1-6]|A/CONF\.\d+|RC|[ASE])\b",
        )
        .unwrap();
        let sep_re = Regex::new(r"^[ \t\n\u{a0}]*[/-][ \t\n\u{a0}]*").unwrap();
        let seg_re = Regex::new(r"^(?:\d+|[A-Za-z]+(?:\.[ \u{a0}]?\d+)?)").unwrap();
        for t in samples() {
            for (from, _) in t.char_indices() {
                let expected = head_re.find_at(&t, from).map(|m| m.range());
                assert_eq!(head(&t, from), expected, "head of {t:?} from {from}");
                let expected = sep_re.find(&t[from..]).and_then(|sep| {
                    let start = from + sep.end();
                    let seg = seg_re.find(&t[start..])?;
                    Some((start, start + seg.end()))
                });
                assert_eq!(
                    next_segment(&t, from),
                    expected,
                    "segment of {t:?} at {from}"
                );
            }
        }
    }
}
