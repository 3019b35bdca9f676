//! Typographic variants that are the same text.
//!
//! Word, PDF converters and different keyboards write the same words with
//! different characters: a non-breaking hyphen where the drafter typed a
//! hyphen, a narrow no-break space where another draft has a plain one, a
//! typewriter apostrophe for a curly one, `"` for `“`. None of these is a
//! change a negotiator made, so the alignment and the word diff compare
//! texts through [`fold`], which maps each variant to one representative:
//!
//! | class | characters | compares as |
//! |---|---|---|
//! | hyphen | `-` U+002D, `‐` U+2010, `‑` U+2011 (non-breaking) | `-` |
//! | invisible | soft hyphen U+00AD, zero-width space U+200B, word joiner U+2060, U+FEFF | nothing |
//! | space | space, no-break U+00A0, narrow no-break U+202F, figure U+2007, thin U+2009, hair U+200A, en/em and other fixed spaces U+2000–U+2008, U+205F, U+3000, tab | one space |
//! | apostrophe | `'` U+0027, `’` U+2019, `ʼ` U+02BC, `‘` U+2018 | `'` |
//! | quotation mark | `"` U+0022, `“` U+201C, `”` U+201D, `„` U+201E, `‟` U+201F, `«` U+00AB, `»` U+00BB | `"` |
//! | French spacing | a space after `«`, before `»`, before `; : ! ?` | no space |
//! | ligature | `ﬀ` `ﬁ` `ﬂ` `ﬃ` `ﬄ` `ﬅ` `ﬆ` (U+FB00–U+FB06, from PDF text) | `ff` `fi` `fl` `ffi` `ffl` `st` `st` |
//!
//! Dashes (`–` U+2013, `—` U+2014) are not hyphens: a range "2021–2022"
//! and a compound are different text. Folding is only a comparison key:
//! the texts themselves are never rewritten, and a redline shows the new
//! draft's characters (the old ones are kept beside them, so that "reject
//! all" still gives the old draft byte for byte).
//!
//! ```
//! use redraft::model::typography::fold;
//! assert_eq!(fold("non\u{2011}intervention"), "non-intervention");
//! assert_eq!(fold("« l’Assemblée »\u{202f};"), fold("\"l'Assemblée\";"));
//! assert_eq!(fold("Court’s"), fold("Court's"));
//! assert_ne!(fold("2021–2022"), fold("2021-2022"));
//! ```

use std::borrow::Cow;

/// What a character compares as: itself, another character, or nothing.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Folded {
    /// The character is its own representative.
    Same,
    /// The character compares as this one.
    As(char),
    /// The character compares as these letters (a ligature).
    Letters(&'static str),
    /// The character does not count.
    Nothing,
}

/// The class of one character (see the module table).
pub fn fold_char(c: char) -> Folded {
    match c {
        '\u{2010}' | '\u{2011}' => Folded::As('-'),
        '\u{00AD}' | '\u{200B}' | '\u{2060}' | '\u{FEFF}' => Folded::Nothing,
        '\u{00A0}'
        | '\u{202F}'
        | '\u{2000}'..='\u{200A}'
        | '\u{205F}'
        | '\u{3000}'
        | '\t'
        | '\n'
        | '\r' => Folded::As(' '),
        '\u{2019}' | '\u{02BC}' | '\u{2018}' => Folded::As('\''),
        '\u{201C}' | '\u{201D}' | '\u{201E}' | '\u{201F}' | '«' | '»' => Folded::As('"'),
        '\u{FB00}'..='\u{FB06}' => Folded::Letters(ligature(c)),
        _ => Folded::Same,
    }
}

/// The letters of a Latin ligature (U+FB00–U+FB06).
fn ligature(c: char) -> &'static str {
    match c {
        '\u{FB00}' => "ff",
        '\u{FB01}' => "fi",
        '\u{FB02}' => "fl",
        '\u{FB03}' => "ffi",
        '\u{FB04}' => "ffl",
        _ => "st",
    }
}

/// Whether a character is one of the spaces of the space class.
pub fn is_space(c: char) -> bool {
    c == ' ' || fold_char(c) == Folded::As(' ')
}

/// Whether a space next to `c` is French typography, not text: after an
/// opening guillemet, before a closing one and before `; : ! ?`.
fn spacing_before(c: char) -> bool {
    matches!(c, '»' | ';' | ':' | '!' | '?')
}

/// The comparison form of a text: every character replaced by its class
/// representative, invisible characters and French typographic spaces
/// dropped, runs of spaces made one. Borrows when nothing changes.
pub fn fold(text: &str) -> Cow<'_, str> {
    if !needs_folding(text) {
        return Cow::Borrowed(text);
    }
    let mut out = String::with_capacity(text.len());
    let mut pending_space = false;
    let mut after_open = false;
    let mut i = 0;
    while i < text.len() {
        // Runs of plain ASCII (single spaces between words included) are
        // their own fold: copied whole.
        let end = if pending_space {
            i
        } else {
            plain_run_end(text.as_bytes(), i)
        };
        if end > i {
            out.push_str(&text[i..end]);
            after_open = false;
            i = end;
            continue;
        }
        let Some(c) = text[i..].chars().next() else {
            break;
        };
        i += c.len_utf8();
        if is_space(c) {
            pending_space = !after_open;
            continue;
        }
        let folded = fold_char(c);
        if folded == Folded::Nothing {
            continue;
        }
        if pending_space && !spacing_before(c) && !out.is_empty() {
            out.push(' ');
        }
        pending_space = false;
        after_open = c == '«';
        match folded {
            Folded::As(r) => out.push(r),
            Folded::Letters(l) => out.push_str(l),
            _ => out.push(c),
        }
    }
    if pending_space {
        out.push(' ');
    }
    Cow::Owned(out)
}

/// The end of the run of bytes from `start` that [`fold`] copies as they
/// are (when no space is pending): ASCII other than tabs and line ends,
/// and other characters that are their own representative (`é`), with
/// single spaces between two such characters, the second not one that
/// French spacing drops a space before (`; : ! ?`).
fn plain_run_end(bytes: &[u8], start: usize) -> usize {
    // Printable ASCII and controls other than tabs and line ends.
    let plain = |b: u8| b.is_ascii() && !matches!(b, b' ' | b'\t' | b'\n' | b'\r');
    let mut j = start;
    loop {
        while bytes.get(j).is_some_and(|&b| plain(b)) {
            j += 1;
        }
        let step = match bytes.get(j) {
            Some(b' ') => {
                let single = j > start && bytes[j - 1] != b' ';
                let next_plain = match bytes.get(j + 1) {
                    Some(&n) if n.is_ascii() => plain(n) && !matches!(n, b';' | b':' | b'!' | b'?'),
                    Some(_) => same_char_len(&bytes[j + 1..]).is_some(),
                    None => false,
                };
                (single && next_plain).then_some(1)
            }
            Some(&b) if !b.is_ascii() => same_char_len(&bytes[j..]),
            _ => None,
        };
        match step {
            Some(len) => j += len,
            None => return j,
        }
    }
}

/// The length of the non-ASCII character that `bytes` starts with, when
/// it is its own representative and no space (`é`, not `’` or U+00A0).
fn same_char_len(bytes: &[u8]) -> Option<usize> {
    let cont = |k: usize| bytes.get(k).map(|&b| u32::from(b & 0x3F));
    let (len, code) = match *bytes.first()? {
        b @ 0xC0..=0xDF => (2, u32::from(b & 0x1F) << 6 | cont(1)?),
        b @ 0xE0..=0xEF => (3, u32::from(b & 0x0F) << 12 | cont(1)? << 6 | cont(2)?),
        b => (
            4,
            u32::from(b & 0x07) << 18 | cont(1)? << 12 | cont(2)? << 6 | cont(3)?,
        ),
    };
    let c = char::from_u32(code)?;
    (fold_char(c) == Folded::Same).then_some(len)
}

/// Whether [`fold`] would change `text`: a character of another class
/// than its own, a leading space, two spaces, or a space before `; : ! ?`.
/// Most words (accented ones too) need nothing and are not copied.
fn needs_folding(text: &str) -> bool {
    let bytes = text.as_bytes();
    let mut i = 0;
    while let Some(&b) = bytes.get(i) {
        // A space is one byte: the character before is a space when the
        // byte before is.
        let after_space = i > 0 && bytes[i - 1] == b' ';
        if b.is_ascii() {
            let c = char::from(b);
            if fold_char(c) != Folded::Same
                || (b == b' ' && (i == 0 || after_space))
                || (after_space && spacing_before(c))
            {
                return true;
            }
            i += 1;
            continue;
        }
        let Some(c) = text[i..].chars().next() else {
            break;
        };
        if fold_char(c) != Folded::Same || (after_space && spacing_before(c)) {
            return true;
        }
        i += c.len_utf8();
    }
    false
}

/// Whether two texts are the same character for character, each compared
/// by its class, without the spacing rules: `non‑intervention` and
/// `non-intervention`, `l’État` and `l'État` are; `Cour ;` and `Cour;` are
/// not. What a formal amendment may leave as it found it.
///
/// ```
/// use redraft::model::typography::same_characters;
/// assert!(same_characters("non\u{2011}intervention\u{a0};", "non-intervention ;"));
/// assert!(!same_characters("la Cour ;", "la Cour;"));
/// ```
pub fn same_characters(a: &str, b: &str) -> bool {
    fn classes(text: &str) -> impl Iterator<Item = char> + '_ {
        text.chars().flat_map(|c| {
            let (one, letters) = match fold_char(c) {
                Folded::Same => (Some(c), ""),
                Folded::As(r) => (Some(r), ""),
                Folded::Letters(l) => (None, l),
                Folded::Nothing => (None, ""),
            };
            one.into_iter().chain(letters.chars())
        })
    }
    a == b || classes(a).eq(classes(b))
}

/// Whether two texts are the same up to typographic variants.
pub fn same_text(a: &str, b: &str) -> bool {
    a == b || fold(a) == fold(b)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// [`fold`] a character at a time, without the ASCII runs.
    fn fold_slowly(text: &str) -> String {
        let mut out = String::new();
        let (mut pending_space, mut after_open) = (false, false);
        for c in text.chars() {
            if is_space(c) {
                pending_space = !after_open;
                continue;
            }
            let folded = fold_char(c);
            if folded == Folded::Nothing {
                continue;
            }
            if pending_space && !spacing_before(c) && !out.is_empty() {
                out.push(' ');
            }
            pending_space = false;
            after_open = c == '«';
            match folded {
                Folded::As(r) => out.push(r),
                Folded::Letters(l) => out.push_str(l),
                _ => out.push(c),
            }
        }
        if pending_space {
            out.push(' ');
        }
        out
    }

    /// [`needs_folding`] a character at a time.
    fn needs_folding_slowly(text: &str) -> bool {
        let mut previous: Option<char> = None;
        for c in text.chars() {
            let space_before = previous.is_none_or(|p| p == ' ');
            if fold_char(c) != Folded::Same
                || (c == ' ' && space_before)
                || (previous == Some(' ') && spacing_before(c))
            {
                return true;
            }
            previous = Some(c);
        }
        false
    }

    #[test]
    fn ascii_runs_fold_as_characters_do() {
        let pieces = [
            " ", "  ", "a", "Cour", ";", " ;", "«", "» ", "\u{a0}", "\t", "\n", "’", "x y", "!",
            "?", "\u{ad}", "\u{fb01}", ":", ". ", "é", "Œ", "\u{2029}", "b c", " «", "\r", "a b;",
            "\u{200b}", "x ?",
        ];
        let mut seed = 1u64;
        for _ in 0..40_000 {
            let mut text = String::new();
            for _ in 0..(seed % 12) {
                seed = seed.wrapping_mul(6_364_136_223_846_793_005).wrapping_add(1);
                text.push_str(pieces[(seed >> 33) as usize % pieces.len()]);
            }
            seed = seed.wrapping_mul(6_364_136_223_846_793_005).wrapping_add(7);
            assert_eq!(fold(&text), fold_slowly(&text), "{text:?}");
            assert_eq!(
                needs_folding(&text),
                needs_folding_slowly(&text),
                "{text:?}"
            );
        }
    }

    #[test]
    fn hyphens_compare_alike_but_not_dashes() {
        assert!(same_text("non-intervention", "non\u{2011}intervention"));
        assert!(same_text(
            "non\u{2010}intervention",
            "non\u{2011}intervention"
        ));
        assert!(same_text("coop\u{ad}ération", "coopération"));
        assert!(!same_text("2021\u{2013}2022", "2021-2022"));
    }

    #[test]
    fn ligatures_compare_as_their_letters() {
        assert!(same_text(
            "\u{fb01}nancial e\u{fb00}orts",
            "financial efforts"
        ));
    }

    #[test]
    fn spaces_compare_alike() {
        for space in [
            '\u{a0}', '\u{202f}', '\u{2007}', '\u{2009}', '\u{200a}', '\u{3000}',
        ] {
            assert!(same_text(
                "10 000 personnes",
                &format!("10{space}000 personnes")
            ));
        }
        assert!(!same_text("10 000", "10000"));
    }

    #[test]
    fn apostrophes_and_quotation_marks_compare_alike() {
        assert!(same_text("l’Assemblée", "l'Assemblée"));
        assert!(same_text("lʼAssemblée", "l'Assemblée"));
        assert!(same_text("“the Act”", "\"the Act\""));
        assert!(same_text("« la Cour »", "“la Cour”"));
        assert!(same_text("«\u{a0}la Cour\u{a0}»", "«la Cour»"));
    }

    #[test]
    fn french_spacing_before_punctuation_is_not_text() {
        assert!(same_text("la Cour ;", "la Cour;"));
        assert!(same_text("la Cour\u{202f}:", "la Cour :"));
        assert!(!same_text("la Cour ;", "la Cour,"));
        assert!(!same_text("la Cour", "la  Cour;"));
    }

    #[test]
    fn plain_text_is_borrowed() {
        assert!(matches!(fold("Decides to act;"), Cow::Borrowed(_)));
        assert!(matches!(fold("coopération"), Cow::Borrowed(_)));
        assert!(matches!(fold("Decides ;"), Cow::Owned(_)));
    }
}
