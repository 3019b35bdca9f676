//! Splitting a text into blocks: the paragraphs of a plain-text draft.
//!
//! Paragraphs are separated by blank lines; a paragraph hard-wrapped over
//! several lines is one block. Inside a block, outside an open quotation, a
//! line starts a new block when:
//!
//! - it opens with an operative number, a subparagraph letter or a footnote
//!   definition and the line before it ended a sentence part (`, ; : .`);
//! - it is a chapeau ("The General Assembly,"), or the lines before it are
//!   one: a stray blank line elsewhere never glues the chapeau to the title
//!   or to the first preambular paragraph;
//! - it is a numbered or lettered paragraph opening with a capital after a
//!   short heading line ("Financial matters" / "12. Decides …"), or such a
//!   heading line, between a line ending a sentence part and a numbered
//!   paragraph;
//! - it opens with a preambular opener ("Recalling", "Rappelant") after a
//!   preambular paragraph ending with a comma.
//!
//! A text with no blank lines at all (Word's text export writes one
//! paragraph per line) is read one block per line.

use super::marker;
pub use crate::text::blocks::last_char;

/// A paragraph of the source text, before classification.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Block {
    /// The text: lines joined, whitespace collapsed (see [`collapse_space`]).
    pub text: String,
    /// The 1-based line where the block starts.
    pub line: usize,
}

/// Splits `text` into blocks.
///
/// ```
/// use redraft::model::blocks::split;
/// let blocks = split("Title\n\n1. Decides\nto act;\n2. Requests;\n");
/// let texts: Vec<_> = blocks.iter().map(|b| b.text.as_str()).collect();
/// assert_eq!(texts, ["Title", "1. Decides to act;", "2. Requests;"]);
/// ```
pub fn split(text: &str) -> Vec<Block> {
    let lines: Vec<&str> = crate::text::lines::lines(text).collect();
    let line_mode = !has_blank_line_between_content(&lines);
    let mut blocks = Vec::new();
    let mut current: Vec<&str> = Vec::new();
    let mut start = 0;
    for (i, line) in lines.iter().enumerate() {
        let blank = crate::text::lines::is_blank(line);
        let next = lines.get(i + 1).copied().unwrap_or("");
        let starts_new =
            !current.is_empty() && (blank || line_mode || opens_unit(&current, line, next));
        if starts_new {
            push_block(&mut blocks, &current, start);
            current.clear();
        }
        if !blank {
            if current.is_empty() {
                start = i + 1;
            }
            current.push(line);
        }
    }
    push_block(&mut blocks, &current, start);
    blocks
}

fn has_blank_line_between_content(lines: &[&str]) -> bool {
    let first = lines.iter().position(|l| !crate::text::lines::is_blank(l));
    let last = lines.iter().rposition(|l| !crate::text::lines::is_blank(l));
    match (first, last) {
        (Some(f), Some(l)) => lines[f..l].iter().any(|l| crate::text::lines::is_blank(l)),
        _ => false,
    }
}

fn push_block(blocks: &mut Vec<Block>, lines: &[&str], start: usize) {
    if lines.is_empty() {
        return;
    }
    let mut text = String::with_capacity(lines.iter().map(|l| l.len() + 1).sum());
    for line in lines {
        append_collapsed(&mut text, line);
    }
    // Lines were collapsed before the invisible characters went: one that
    // stood between two spaces (`Noting \u{FEFF} report`) leaves two, which
    // reading the text again would make one (fuzz:
    // invisible-between-spaces-a4813a2d); one before a space at the start
    // of a block (`\u{FEFF} General Assembly,`) leaves that space, which
    // reading the text again would trim (fuzz: invisible-before-space-6a5d13f5).
    let before = text.len();
    let mut text = normalise(text);
    let spaced = |t: &str| t.contains("  ") || t.starts_with(' ') || t.ends_with(' ');
    if text.len() != before && spaced(&text) {
        text = text
            .split(' ')
            .filter(|w| !w.is_empty())
            .collect::<Vec<_>>()
            .join(" ");
    }
    blocks.push(Block { text, line: start });
}

/// Characters that show nothing and only get in the way of comparing
/// words: zero-width space, word joiner, zero-width no-break space, soft
/// hyphen.
const INVISIBLE: [char; 4] = ['\u{200B}', '\u{2060}', '\u{FEFF}', '\u{00AD}'];

/// The text in Unicode's composed form (NFC: `é` as one character, as
/// Windows and the web write it, not `e` and a combining accent, as macOS
/// may), without invisible characters; so that the same words compare the
/// same whatever machine typed them.
///
/// ```
/// use redraft::model::blocks::normalise;
/// assert_eq!(normalise("re\u{301}solution coope\u{301}\u{200B}ration".to_string()), "résolution coopération");
/// ```
pub fn normalise(text: String) -> String {
    use unicode_normalization::UnicodeNormalization;
    if is_normal(&text) {
        return text;
    }
    text.nfc().filter(|c| !INVISIBLE.contains(c)).collect()
}

/// Whether [`normalise`] leaves `text` as it is. ASCII is composed and a
/// starter, so only the runs of other characters need a look: a run of
/// the characters of [`composed_len`] passes (the accents of nearly every
/// draft), and any other run passes when Unicode's quick check says it is
/// composed and it holds no invisible character.
///
/// The text is read 64 bytes at a time: a block whose characters are all
/// ASCII or [`composed_len`]'s is passed by one test without branching
/// (vector instructions, where a walk from accent to accent, one every
/// twenty bytes or so of French, stops and mispredicts at each); in any
/// other block, each run with a character of another kind is checked
/// whole (the walk it replaces, [`tests::is_normal_by_walk`], is the
/// oracle of the tests).
fn is_normal(text: &str) -> bool {
    let bytes = text.as_bytes();
    let byte = |k: usize| bytes.get(k).copied().unwrap_or(0);
    let is_odd = |k: usize| odd_lead(byte(k), byte(k + 1), byte(k + 2));
    // Runs that end before this have been checked.
    let mut checked = 0;
    let mut from = 0;
    while let Some(at) = odd_block(bytes, from) {
        let end = (at + BLOCK).min(bytes.len());
        for k in at..end {
            if k < checked || !is_odd(k) {
                continue;
            }
            match run_end_if_normal(text, k) {
                Some(run_end) => checked = run_end,
                None => return false,
            }
        }
        from = end;
    }
    true
}

/// The bytes [`is_normal`] tests at once.
const BLOCK: usize = 64;

/// Where the first block of [`BLOCK`] bytes at `from`, `from + 64` …
/// starts that holds a lead byte [`composed_len`] does not pass. With
/// AVX2, where the processor has it (the blocks are read twice as fast as
/// with the SSE2 every x86-64 processor has).
fn odd_block(bytes: &[u8], from: usize) -> Option<usize> {
    #[cfg(target_arch = "x86_64")]
    if std::arch::is_x86_feature_detected!("avx2") {
        // SAFETY: the processor has AVX2, as just checked.
        return unsafe { odd_block_avx2(bytes, from) };
    }
    odd_block_portable(bytes, from)
}

/// [`odd_block`] compiled for AVX2.
#[cfg(target_arch = "x86_64")]
#[target_feature(enable = "avx2")]
fn odd_block_avx2(bytes: &[u8], from: usize) -> Option<usize> {
    odd_block_portable(bytes, from)
}

/// [`odd_block`] for any processor.
#[inline(always)]
fn odd_block_portable(bytes: &[u8], from: usize) -> Option<usize> {
    let mut at = from;
    while at < bytes.len() {
        let odd = match bytes.get(at..at + BLOCK + 2) {
            Some(window) => any_odd_lead(window),
            None => {
                // The last bytes, followed by zeros (which lead nothing).
                let mut last = [0u8; BLOCK + 2];
                last[..bytes.len() - at].copy_from_slice(&bytes[at..]);
                any_odd_lead(&last)
            }
        };
        if odd {
            return Some(at);
        }
        at += BLOCK;
    }
    None
}

/// Whether a byte among the first 64 of `window` (66 bytes: the two after
/// them are read as the last ones' followers) leads a character that
/// [`composed_len`] does not pass; without branching.
#[inline(always)]
fn any_odd_lead(window: &[u8]) -> bool {
    let n = window.len().saturating_sub(2);
    let (a, b, c) = (&window[..n], &window[1..=n], &window[2..]);
    a.iter()
        .zip(b)
        .zip(c)
        .fold(false, |odd, ((&a, &b), &c)| odd | odd_lead(a, b, c))
}

/// The run of non-ASCII characters around the character at `at`: where it
/// ends, if Unicode's quick check says it is composed and it holds no
/// invisible character; `None` if it is not normal.
fn run_end_if_normal(text: &str, at: usize) -> Option<usize> {
    use unicode_normalization::{IsNormalized, is_nfc_quick};
    let bytes = text.as_bytes();
    let start = bytes[..at]
        .iter()
        .rposition(u8::is_ascii)
        .map_or(0, |k| k + 1);
    let end = bytes[at..]
        .iter()
        .position(u8::is_ascii)
        .map_or(bytes.len(), |n| at + n);
    let run = &text[start..end];
    (is_nfc_quick(run.chars()) == IsNormalized::Yes && !run.contains(INVISIBLE)).then_some(end)
}

/// Whether `first` leads a character that [`composed_len`] does not
/// pass, `second` and `third` being the bytes after it (a byte that leads
/// nothing, ASCII or a continuation byte, is not odd).
#[inline(always)]
fn odd_lead(first: u8, second: u8, third: u8) -> bool {
    let latin = (first == 0xC3) | ((first == 0xC2) & (second >= 0xA0) & (second != 0xAD));
    let punctuation = (first == 0xE2)
        & (second == 0x80)
        & (third.wrapping_sub(0x82) <= 0xAF - 0x82)
        & (third != 0x8B);
    (first >= 0xC0) & !(latin | punctuation)
}

/// The length of the character at the start of `bytes` if it is one that
/// is composed, combines with nothing before it and shows: Latin-1's
/// letters and signs (U+00A0–U+00FF but the soft hyphen U+00AD) and the
/// general punctuation of U+2002–U+202F (but the zero-width space U+200B;
/// U+2000 and U+2001 are the same spaces as U+2002 and U+2003, NFC writes
/// those): the accents, apostrophes, quotation marks and no-break spaces
/// of nearly every draft, read from their bytes without a table look-up.
///
/// ```text
/// "é" → Some(2);  "’" → Some(3);  "\u{301}" (a combining accent) → None
/// ```
///
/// [`odd_lead`] tells the same without branching; this is its definition,
/// in the tests.
#[cfg(test)]
fn composed_len(bytes: &[u8]) -> Option<usize> {
    let second = bytes.get(1).copied().unwrap_or(0);
    match *bytes.first()? {
        0xC3 => Some(2),
        0xC2 if second >= 0xA0 && second != 0xAD => Some(2),
        0xE2 if second == 0x80
            && bytes
                .get(2)
                .is_some_and(|&b| (0x82..=0xAF).contains(&b) && b != 0x8B) =>
        {
            Some(3)
        }
        _ => None,
    }
}

/// Where the first byte that is not ASCII stands at or after `from`:
/// eight bytes are tested at a time (a paragraph of French has an accent
/// every twenty bytes or so, between long runs of ASCII).
#[cfg(test)]
fn next_non_ascii(bytes: &[u8], from: usize) -> Option<usize> {
    const HIGH: u64 = 0x8080_8080_8080_8080;
    let mut i = from;
    while let Some(word) = bytes.get(i..i + 8) {
        let mut eight = [0u8; 8];
        eight.copy_from_slice(word);
        let high = u64::from_le_bytes(eight) & HIGH;
        if high != 0 {
            return Some(i + high.trailing_zeros() as usize / 8);
        }
        i += 8;
    }
    bytes[i.min(bytes.len())..]
        .iter()
        .position(|b| !b.is_ascii())
        .map(|k| i + k)
}

/// Whether `line` (followed by `next`) opens a new unit inside the block
/// made of `previous`.
fn opens_unit(previous: &[&str], line: &str, next: &str) -> bool {
    let trimmed = line.trim_start();
    if marker::footnote_definition(trimmed).is_some() {
        return true;
    }
    if marker::footnote_definition(previous[0].trim_start()).is_some() {
        // A footnote continues on an indented line, as in Markdown, or on a
        // line that carries on its unfinished sentence (a wrapped text);
        // anything else is new.
        let unfinished = !last_char(previous[previous.len() - 1])
            .is_some_and(|c| matches!(c, '.' | ';' | ':' | '!' | '?' | ')' | ']'));
        let lower = trimmed.starts_with(char::is_lowercase);
        return !(line.starts_with([' ', '\t']) || unfinished || lower);
    }
    if quote_open(previous) {
        return false;
    }
    let ends_clause =
        last_char(previous[previous.len() - 1]).is_some_and(|c| matches!(c, ',' | ';' | ':' | '.'));
    (ends_clause
        && (marker::operative(trimmed).is_some() || marker::subparagraph(trimmed).is_some()))
        || super::parse::is_chapeau(trimmed)
        || (previous.len() <= 2 && super::parse::is_chapeau(&joined(previous)))
        || numbered_after_heading(previous, trimmed)
        || (ends_clause && heading_before_numbered(trimmed, next.trim()))
        || next_preambular(previous, trimmed)
}

/// The lines of a block joined by spaces.
fn joined(lines: &[&str]) -> String {
    lines.iter().map(|l| l.trim()).collect::<Vec<_>>().join(" ")
}

/// A numbered line opening with a capital right after a short heading
/// line ("Financial matters" / "12. Decides …"): the paragraph is not part
/// of the heading. "as in paragraph" / "12. of the report" stays one text.
fn numbered_after_heading(previous: &[&str], line: &str) -> bool {
    previous.len() == 1 && heading_before_numbered(previous[0].trim(), line)
}

/// Whether `heading` reads as a short heading line and `line` as a
/// numbered paragraph opening with a capital.
fn heading_before_numbered(heading: &str, line: &str) -> bool {
    // A lettered paragraph too ("Mandats … intersessions" / "a) En ce qui
    // concerne …"): wrapping must not glue it to an annex title.
    let rest = marker::operative(line)
        .map(|op| op.rest)
        .or_else(|| marker::subparagraph(line).map(|sub| sub.rest));
    let Some(rest) = rest else {
        return false;
    };
    rest.starts_with(char::is_uppercase)
        && marker::operative(heading).is_none()
        && heading.starts_with(|c: char| c.is_uppercase() || c.is_ascii_digit())
        && heading.split_whitespace().take(13).count() <= 12
        && !heading.ends_with([',', ';', ':', '.'])
}

/// A line opening with a preambular opener ("Recalling", "Rappelant",
/// "Recordando") after a preambular paragraph that ended with a comma:
/// the next preambular paragraph of a text with a paragraph per line.
fn next_preambular(previous: &[&str], line: &str) -> bool {
    let ends_comma = last_char(previous[previous.len() - 1]) == Some(',');
    if !ends_comma || !line.starts_with(char::is_uppercase) {
        return false;
    }
    let tables = || crate::lang::Lang::ALL.iter().map(|l| l.table());
    // The listed openers only: a participle guessed from its ending
    // ("Beijing") may well be a name carried over from the line before.
    let opener = tables().any(|t| {
        t.preambular_openers
            .iter()
            .any(|o| crate::lang::fold::starts_with_word_fold(line, o))
    });
    opener && tables().any(|t| t.opens_preambular(previous[0].trim_start()))
}

/// Whether a quotation opened in `lines` is still open at their end.
fn quote_open(lines: &[&str]) -> bool {
    let mut depth: i32 = 0;
    for c in lines.iter().flat_map(|l| l.chars()) {
        match c {
            '«' | '“' => depth += 1,
            '»' | '”' => depth -= 1,
            _ => {}
        }
    }
    depth > 0
}

/// Appends `line` to `text` with whitespace collapsed, a space between.
/// A line without runs of spaces (the common case) is copied whole.
fn append_collapsed(text: &mut String, line: &str) {
    let trimmed = line.trim_ascii();
    if trimmed.is_empty() {
        return;
    }
    if !text.is_empty() {
        text.push(' ');
    }
    if !needs_collapsing(trimmed.as_bytes()) {
        text.push_str(trimmed);
        return;
    }
    for (i, word) in trimmed.split_ascii_whitespace().enumerate() {
        if i > 0 {
            text.push(' ');
        }
        text.push_str(word);
    }
}

/// Whether a trimmed line has whitespace to collapse: two spaces in a
/// row, a tab, a carriage return or a form feed. The bytes are tested a
/// block at a time without branching (vector instructions); most lines
/// have none.
fn needs_collapsing(bytes: &[u8]) -> bool {
    static DOUBLE_SPACE: std::sync::LazyLock<memchr::memmem::Finder<'static>> =
        std::sync::LazyLock::new(|| memchr::memmem::Finder::new("  "));
    // The `memchr` crate's vector searches (a paragraph is a line of a
    // kilobyte in most drafts: issue 14).
    memchr::memchr3(b'\t', b'\r', 0x0C, bytes).is_some() || DOUBLE_SPACE.find(bytes).is_some()
}

/// [`needs_collapsing`] as it was written first, a block at a time: the
/// oracle of the tests.
#[cfg(test)]
fn needs_collapsing_by_blocks(bytes: &[u8]) -> bool {
    const BLOCK: usize = 64;
    let odd = |c: u8| matches!(c, b'\t' | b'\r' | 0x0C);
    let mut at = 0;
    while at < bytes.len() {
        let end = (at + BLOCK).min(bytes.len());
        let block = &bytes[at..end];
        let next = &bytes[at + 1..(end + 1).min(bytes.len())];
        let found = block.iter().fold(false, |f, &c| f | odd(c))
            | block
                .iter()
                .zip(next)
                .fold(false, |f, (&a, &b)| f | ((a == b' ') & (b == b' ')));
        if found {
            return true;
        }
        at = end;
    }
    false
}

/// Collapses runs of ASCII whitespace (spaces, tabs, line ends) to one
/// space and trims both ends. Non-breaking spaces (U+00A0, U+202F) are kept:
/// they are part of the text.
///
/// ```
/// use redraft::model::blocks::collapse_space;
/// assert_eq!(collapse_space("  a \t b\n c\u{a0}; "), "a b c\u{a0};");
/// ```
pub fn collapse_space(s: &str) -> String {
    words_joined(s.split_ascii_whitespace(), s.len())
}

/// Words joined by one space (`capacity`: the bytes they came from).
pub(crate) fn words_joined<'a>(words: impl Iterator<Item = &'a str>, capacity: usize) -> String {
    let mut out = String::with_capacity(capacity);
    for word in words {
        if !out.is_empty() {
            out.push(' ');
        }
        out.push_str(word);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn texts(s: &str) -> Vec<String> {
        split(s).into_iter().map(|b| b.text).collect()
    }

    /// Whether a run is made of [`composed_len`]'s characters alone.
    fn composed_letters(run: &[u8]) -> bool {
        let mut i = 0;
        while i < run.len() {
            match composed_len(&run[i..]) {
                Some(n) => i += n,
                None => return false,
            }
        }
        true
    }

    #[test]
    fn composed_letters_are_those_the_quick_check_passes() {
        use unicode_normalization::{IsNormalized, is_nfc_quick};
        for c in ('\u{80}'..='\u{7FF}').chain('\u{800}'..='\u{3000}') {
            let s = c.to_string();
            if composed_letters(s.as_bytes()) {
                assert_eq!(is_nfc_quick(s.chars()), IsNormalized::Yes, "{c:?}");
                assert!(!INVISIBLE.contains(&c), "{c:?}");
            }
        }
        assert!(composed_letters("é’«\u{a0}»\u{202f}ÿ".as_bytes()));
        for no in [
            "\u{301}",
            "\u{ad}",
            "\u{200b}",
            "\u{2000}",
            "\u{2001}",
            "\u{2060}",
            "ā",
            "\u{2030}",
            "é\u{301}",
        ] {
            assert!(!composed_letters(no.as_bytes()), "{no:?}");
        }
    }

    #[test]
    fn the_next_non_ascii_byte_is_found_eight_at_a_time() {
        let text = "Rappelant l’Assemblée générale des États, coopération œuvre";
        let bytes = text.as_bytes();
        for from in 0..=bytes.len() {
            let expected = bytes[from..]
                .iter()
                .position(|b| !b.is_ascii())
                .map(|k| from + k);
            assert_eq!(next_non_ascii(bytes, from), expected, "{from}");
        }
        assert_eq!(next_non_ascii(b"", 0), None);
    }

    /// The walk from character to character that [`is_normal`] was first:
    /// its oracle.
    pub(super) fn is_normal_by_walk(text: &str) -> bool {
        use unicode_normalization::{IsNormalized, is_nfc_quick};
        let bytes = text.as_bytes();
        let mut i = 0;
        while let Some(at) = next_non_ascii(bytes, i) {
            if let Some(n) = composed_len(&bytes[at..]) {
                i = at + n;
                continue;
            }
            let start = bytes[..at]
                .iter()
                .rposition(u8::is_ascii)
                .map_or(0, |k| k + 1);
            let end = bytes[at..]
                .iter()
                .position(u8::is_ascii)
                .map_or(bytes.len(), |n| at + n);
            let run = &text[start..end];
            if is_nfc_quick(run.chars()) != IsNormalized::Yes || run.contains(INVISIBLE) {
                return false;
            }
            i = end;
        }
        true
    }

    /// An invisible character at a block's edge, beside a space, leaves no
    /// space there: the text reads back the same from its normal form
    /// (fuzz: invisible-before-space-6a5d13f5).
    #[test]
    fn an_invisible_at_a_block_edge_leaves_no_space() {
        let blocks = split("Title\n\n\u{feff} General Assembly,\n\nRecalling x \u{200b}\n");
        let texts: Vec<&str> = blocks.iter().map(|b| b.text.as_str()).collect();
        assert_eq!(texts, ["Title", "General Assembly,", "Recalling x"]);
    }

    /// The block test gives the walk's answer on texts long enough for
    /// several blocks, whatever block boundary a character or a run
    /// straddles: composed letters, other composed characters (œ, €,
    /// emoji), combining accents, invisible characters.
    #[test]
    fn is_normal_is_the_walk() {
        let pieces = [
            "abcdefghij ",
            "é",
            "’",
            "\u{a0}",
            "\u{202f}",
            "«",
            "œ",
            "\u{ad}",
            "\u{200b}",
            "\u{feff}",
            "e\u{301}",
            "\u{301}",
            "ā",
            "ﬁ",
            "€",
            "😀",
            "\u{2030}",
            "\u{1100}\u{1161}",
        ];
        let mut seed = 3u64;
        for round in 0..4000 {
            let mut text = String::new();
            while text.len() < round % 300 {
                seed = seed.wrapping_mul(6_364_136_223_846_793_005).wrapping_add(1);
                let k = (seed >> 33) as usize % pieces.len();
                // Odd characters seldom, so that most texts pass.
                if k < 7 || seed.is_multiple_of(16) {
                    text.push_str(pieces[k]);
                }
            }
            assert_eq!(is_normal(&text), is_normal_by_walk(&text), "{text:?}");
        }
    }

    /// The portable block search finds the blocks the AVX2 one does.
    #[test]
    fn odd_blocks_are_found_alike_on_every_processor() {
        let pieces = ["abcdefghij ", "é", "’", "œ", "e\u{301}", "\u{ad}"];
        let mut seed = 23u64;
        for round in 0..2000 {
            let mut text = String::new();
            while text.len() < round % 400 {
                seed = seed.wrapping_mul(6_364_136_223_846_793_005).wrapping_add(1);
                let k = (seed >> 33) as usize % pieces.len();
                if k < 3 || seed.is_multiple_of(32) {
                    text.push_str(pieces[k]);
                }
            }
            let bytes = text.as_bytes();
            let mut from = 0;
            loop {
                let found = odd_block(bytes, from);
                assert_eq!(found, odd_block_portable(bytes, from), "{text:?} {from}");
                match found {
                    Some(at) => from = at + BLOCK,
                    None => break,
                }
            }
        }
    }

    /// [`odd_lead`] is [`composed_len`] refusing, on every character.
    #[test]
    fn odd_leads_are_the_characters_composed_len_refuses() {
        for c in ('\u{80}'..='\u{D7FF}').chain('\u{E000}'..='\u{10FFFF}') {
            let mut bytes = [0u8; 4];
            let s = c.encode_utf8(&mut bytes).as_bytes();
            let byte = |k: usize| s.get(k).copied().unwrap_or(0);
            assert_eq!(
                odd_lead(byte(0), byte(1), byte(2)),
                composed_len(s).is_none(),
                "{c:?}"
            );
        }
    }

    /// The vector searches find whitespace to collapse exactly where the
    /// block-by-block test does.
    #[test]
    fn collapsing_is_needed_where_the_block_test_says() {
        let pieces = ["word ", "é", " ", "\t", "\r", "\u{0C}", "\u{a0}", "x"];
        let mut seed = 5u64;
        for round in 0..3000 {
            let mut text = String::new();
            while text.len() < round % 200 {
                seed = seed.wrapping_mul(6_364_136_223_846_793_005).wrapping_add(1);
                let k = (seed >> 33) as usize % pieces.len();
                if !matches!(k, 2..=5) || seed.is_multiple_of(8) {
                    text.push_str(pieces[k]);
                }
            }
            let bytes = text.as_bytes();
            assert_eq!(
                needs_collapsing(bytes),
                needs_collapsing_by_blocks(bytes),
                "{text:?}"
            );
        }
    }

    #[test]
    fn collapsing_is_needed_for_double_spaces_and_odd_whitespace() {
        let long = "a b ".repeat(40);
        assert!(!needs_collapsing(long.as_bytes()));
        for k in [0, 63, 64, 65, 150] {
            let mut doubled = long.clone();
            doubled.insert(k, ' ');
            assert_eq!(
                needs_collapsing(doubled.as_bytes()),
                doubled.contains("  "),
                "{k}"
            );
            for odd in ['\t', '\r', '\u{0C}'] {
                let mut with = long.clone();
                with.insert(k, odd);
                assert!(needs_collapsing(with.as_bytes()), "{k} {odd:?}");
            }
        }
        assert!(!needs_collapsing(b"") && !needs_collapsing(b" a"));
    }

    #[test]
    fn normalise_is_nfc_without_invisibles_whatever_the_runs() {
        use unicode_normalization::UnicodeNormalization;
        let pieces = [
            "a",
            " ",
            "e\u{301}",
            "é",
            "\u{301}",
            "\u{200B}",
            "’",
            "\u{ad}",
            "Å",
            "A\u{30a}",
            "\u{327}\u{301}",
            "\u{301}\u{327}",
            "ﬁ",
            "한",
            "\u{1100}\u{1161}",
        ];
        let mut seed = 7u64;
        for _ in 0..5000 {
            let mut text = String::new();
            // Some texts long enough for the vector test's blocks.
            let long = if seed.is_multiple_of(5) { 90 } else { 0 };
            for _ in 0..(seed % 8 + long) {
                seed = seed.wrapping_mul(6_364_136_223_846_793_005).wrapping_add(1);
                text.push_str(pieces[(seed >> 33) as usize % pieces.len()]);
            }
            seed = seed.wrapping_mul(6_364_136_223_846_793_005).wrapping_add(7);
            let expected: String = text.nfc().filter(|c| !INVISIBLE.contains(c)).collect();
            assert_eq!(normalise(text.clone()), expected, "{text:?}");
        }
    }

    #[test]
    fn joins_hard_wrapped_lines() {
        assert_eq!(texts("a\nb\n\nc"), ["a b", "c"]);
    }

    #[test]
    fn records_start_lines() {
        let b = split("\n\nTitle\n\nThe General Assembly,\n");
        assert_eq!((b[0].line, b[1].line), (3, 5));
    }

    #[test]
    fn one_paragraph_per_line_without_blank_lines() {
        assert_eq!(
            texts("T\nRecalling x,\n1. Decides;"),
            ["T", "Recalling x,", "1. Decides;"]
        );
    }

    #[test]
    fn subparagraph_at_line_start_after_colon() {
        assert_eq!(
            texts("1. Decides:\n(a) To act;\n(b) To see;\n\nx"),
            ["1. Decides:", "(a) To act;", "(b) To see;", "x"]
        );
    }

    #[test]
    fn marker_inside_open_quote_stays() {
        assert_eq!(
            texts("Noting « priorities :\na) Cooperation » ;\n\nx"),
            ["Noting « priorities : a) Cooperation » ;", "x"]
        );
    }

    #[test]
    fn a_reference_after_the_comma_still_ends_a_clause() {
        assert_eq!(last_char("Recalling the Statute,[^1]"), Some(','));
        assert_eq!(last_char("a [b]"), Some(']'));
        assert_eq!(
            texts("1. Decides,[^1]\n2. Requests;\n\nx"),
            ["1. Decides,[^1]", "2. Requests;", "x"]
        );
    }

    #[test]
    fn wrapped_number_mid_sentence_stays() {
        assert_eq!(
            texts("as in paragraph\n12. of the report\n\nx"),
            ["as in paragraph 12. of the report", "x"]
        );
    }

    #[test]
    fn a_chapeau_line_stands_alone_whatever_the_blank_lines() {
        assert_eq!(
            texts("Draft\nThe General Assembly,\n\nRecalling x,"),
            ["Draft", "The General Assembly,", "Recalling x,"]
        );
        assert_eq!(
            texts("Draft\n\nLe Conseil de sécurité,\nRappelant x,\n\n1. Décide."),
            [
                "Draft",
                "Le Conseil de sécurité,",
                "Rappelant x,",
                "1. Décide."
            ]
        );
    }

    #[test]
    fn a_listed_opener_after_a_comma_opens_the_next_preambular_paragraph() {
        assert_eq!(
            texts("Recalling x,\nNoting y,\n\nz"),
            ["Recalling x,", "Noting y,", "z"]
        );
        // A name carried over from the line before is no opener.
        assert_eq!(
            texts("Recalling the conferences of Rome, Paris,\nBeijing and Nairobi,\n\nz"),
            [
                "Recalling the conferences of Rome, Paris, Beijing and Nairobi,",
                "z"
            ]
        );
    }

    #[test]
    fn a_numbered_line_after_a_short_heading_opens_a_paragraph() {
        assert_eq!(
            texts("Financial matters\n12. Decides to act;\n\nx"),
            ["Financial matters", "12. Decides to act;", "x"]
        );
        assert_eq!(
            texts("As in paragraph\n12. of the report\n\nx"),
            ["As in paragraph 12. of the report", "x"]
        );
        // The heading after a paragraph ending with a semicolon is a
        // block of its own too.
        assert_eq!(
            texts("11. Invites States;\nFinancial matters\n12. Decides to act;\n\nx"),
            [
                "11. Invites States;",
                "Financial matters",
                "12. Decides to act;",
                "x"
            ]
        );
    }

    #[test]
    fn footnotes_one_per_line() {
        assert_eq!(
            texts("x\n\n[^1]: One.\n[^2]: Two\n  continued."),
            ["x", "[^1]: One.", "[^2]: Two continued."]
        );
    }

    #[test]
    fn a_wrapped_footnote_keeps_its_unindented_continuation() {
        assert_eq!(
            texts(
                "x\n\n[^1]: See the report on the safety of journalists\nand the danger of impunity (A/78/246).\n[^2]: See\nA/79/100.\n[^3]: Done.\nAnnex"
            ),
            [
                "x",
                "[^1]: See the report on the safety of journalists and the danger of impunity (A/78/246).",
                "[^2]: See A/79/100.",
                "[^3]: Done.",
                "Annex"
            ]
        );
    }
}
