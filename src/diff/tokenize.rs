//! Tokens for the word diff.
//!
//! A text is cut into words, numbers, punctuation and whitespace, so that
//! concatenating the tokens gives the text back exactly:
//!
//! - a word is a run of letters, digits and combining marks, with inner
//!   hyphens and apostrophes (`co-facilitateurs`, `vingt-et-unième`,
//!   `Court's`); a French elision is a token of its own (`l’` + `impunité`,
//!   `qu’` + `elle`), by the language table's list of elided words;
//! - a document symbol is one token: `ICC-ASP/19/Res.2` (with a hyphen or
//!   a non-breaking one), `A/RES/75/1`, `A/C.3/75/L.1`, `RC/Dec.2` (a final
//!   full stop stays punctuation);
//! - a URL is one token, a footnote reference `[^9]` is one token;
//! - a run of whitespace is one token; non-breaking (U+00A0) and narrow
//!   non-breaking (U+202F) spaces are whitespace too, so « and » quotes stand
//!   apart from the words they enclose;
//! - French typographic spacing goes with its punctuation: `«` and the
//!   spaces after it, the spaces before `»`, `;`, `:`, `!` or `?` and that
//!   mark are one punctuation token (`« `, ` ;`), so that a draft without
//!   those spaces differs only in a token that compares the same;
//! - any other character is one punctuation token.
//!
//! Tokens are compared by [`comparison_key`], which folds the typographic
//! variants of [`crate::model::typography`] (hyphen and non-breaking
//! hyphen, the kinds of spaces, apostrophes, quotation marks, French
//! spacing): `non‑intervention` and `non-intervention` are the same word,
//! `« ` and `“` the same mark. The tokens keep their own text, so a
//! redline shows the new draft's characters.
//!
//! ```
//! use redraft::diff::tokenize::tokenize;
//! use redraft::lang::Lang;
//! let t: Vec<_> = tokenize("l’impunité (ICC-ASP/19/Res.2).", Lang::Fr).into_iter().map(|t| t.text).collect();
//! assert_eq!(t, ["l’", "impunité", " ", "(", "ICC-ASP/19/Res.2", ")", "."]);
//! ```

use crate::lang::{Lang, Language};
use crate::model::typography;
use std::borrow::Cow;

/// What a token is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum TokenKind {
    /// A word (or number).
    Word,
    /// A document symbol such as `A/RES/75/1`.
    Symbol,
    /// A URL.
    Url,
    /// A footnote reference `[^9]`.
    FootnoteRef,
    /// A run of whitespace.
    Space,
    /// One punctuation character.
    Punct,
    /// The boundary between two paragraphs compared as one (U+2029), used
    /// for splits and merges.
    Break,
}

/// One token: its kind and its text.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Token<'a> {
    /// What it is.
    pub kind: TokenKind,
    /// Its text, exactly as in the source.
    pub text: &'a str,
}

/// Cuts `text` into tokens (see the module documentation).
///
/// A hand-written scanner: it runs once over the characters, with no
/// backtracking, and is checked against a regular-expression oracle in the
/// tests.
pub fn tokenize(text: &str, lang: Lang) -> Vec<Token<'_>> {
    let mut out = Vec::with_capacity(text.len() / 3);
    tokenize_into(text, lang, &mut out);
    out
}

/// [`tokenize`], appended to `out`: a caller that diffs many texts keeps
/// one vector for all of them.
pub fn tokenize_into<'a>(text: &'a str, lang: Lang, out: &mut Vec<Token<'a>>) {
    let table = lang.table();
    let mut pos = 0;
    while let Some(c) = text[pos..].chars().next() {
        let rest = &text[pos..];
        let (kind, len) = if let Some(len) = crate::model::marker::footnote_ref_len(rest) {
            (TokenKind::FootnoteRef, len)
        } else if let Some(len) = url(rest) {
            (TokenKind::Url, len)
        } else if let Some(len) = symbol(rest) {
            (TokenKind::Symbol, len)
        } else if is_word_char(c) {
            let len = word(rest);
            push_word(out, &rest[..len], table);
            pos += len;
            continue;
        } else if c == '\u{2029}' {
            (TokenKind::Break, c.len_utf8())
        } else if c == '«' {
            (
                TokenKind::Punct,
                c.len_utf8() + whitespace(&rest[c.len_utf8()..]),
            )
        } else if c.is_whitespace() {
            spaced_punctuation(rest)
        } else {
            (TokenKind::Punct, c.len_utf8())
        };
        out.push(Token {
            kind,
            text: &rest[..len],
        });
        pos += len;
    }
}

/// A letter, digit or combining mark.
fn is_word_char(c: char) -> bool {
    c.is_alphanumeric() || is_mark(c)
}

/// Combining marks (the blocks of combining diacritics).
fn is_mark(c: char) -> bool {
    matches!(c, '\u{0300}'..='\u{036F}' | '\u{1AB0}'..='\u{1AFF}' | '\u{1DC0}'..='\u{1DFF}' | '\u{20D0}'..='\u{20FF}' | '\u{FE20}'..='\u{FE2F}')
}

/// Characters that end a URL.
fn ends_url(c: char) -> bool {
    c.is_whitespace() || matches!(c, '<' | '>' | '«' | '»' | '“' | '”')
}

/// `http://`, `https://` or `www.` and what follows up to a space, without
/// trailing punctuation.
fn url(s: &str) -> Option<usize> {
    let prefix = ["https://", "http://", "www."]
        .into_iter()
        .find(|p| s.starts_with(p))?;
    let run = s.find(ends_url).unwrap_or(s.len());
    let body = s[prefix.len()..run].trim_end_matches(['.', ',', ';', ':', '!', '?', ')', ']']);
    (!body.is_empty()).then_some(prefix.len() + body.len())
}

/// A document symbol: a capital, letters, digits and dots, hyphenated parts,
/// then one or more `/part` (a part ends with a letter or digit), then
/// perhaps a year in brackets: `A/RES/2334(2016)`.
fn symbol(s: &str) -> Option<usize> {
    let b = s.as_bytes();
    if !b.first()?.is_ascii_uppercase() {
        return None;
    }
    let head = |c: u8| c.is_ascii_alphanumeric() || c == b'.';
    let mut i = 1 + b[1..].iter().take_while(|&&c| head(c)).count();
    while let Some(h) = hyphen_len(&s[i..])
        && b.get(i + h).is_some_and(|&c| head(c))
    {
        i += h + b[i + h..].iter().take_while(|&&c| head(c)).count();
    }
    let before_parts = i;
    while b.get(i) == Some(&b'/') {
        let run = b[i + 1..]
            .iter()
            .take_while(|&&c| c.is_ascii_alphanumeric() || c == b'.' || c == b'-')
            .count();
        let part = &b[i + 1..i + 1 + run];
        let kept = part.len()
            - part
                .iter()
                .rev()
                .take_while(|&&c| c == b'.' || c == b'-')
                .count();
        if kept == 0 {
            break;
        }
        i += 1 + kept;
    }
    if i == before_parts {
        return None;
    }
    if b.get(i) == Some(&b'(')
        && b.get(i + 5) == Some(&b')')
        && b[i + 1..i + 5].iter().all(u8::is_ascii_digit)
    {
        i += 6;
    }
    Some(i)
}

/// The length of a hyphen at the start of `s`: `-`, or the hyphen and
/// non-breaking hyphen (U+2010, U+2011) Word puts in symbols
/// (`ICC‑ASP/19/Res.2`).
fn hyphen_len(s: &str) -> Option<usize> {
    match s.chars().next()? {
        c @ ('-' | '\u{2010}' | '\u{2011}') => Some(c.len_utf8()),
        _ => None,
    }
}

/// A word: word characters, with inner hyphens, soft hyphens and
/// apostrophes.
fn word(s: &str) -> usize {
    let mut len = 0;
    let mut chars = s.char_indices().peekable();
    while let Some((i, c)) = chars.next() {
        if is_word_char(c) {
            len = i + c.len_utf8();
        } else if matches!(c, '-' | '‐' | '‑' | '\'' | '’' | '\u{ad}')
            && chars.peek().is_some_and(|&(_, n)| is_word_char(n))
        {
            continue;
        } else {
            break;
        }
    }
    len
}

/// A run of whitespace, paragraph separators excepted.
fn whitespace(s: &str) -> usize {
    s.find(|c: char| !c.is_whitespace() || c == '\u{2029}')
        .unwrap_or(s.len())
}

/// A run of whitespace, with the mark that follows it when the space is
/// French typography before `»`, `;`, `:`, `!` or `?` (one punctuation
/// token `\u{202f};`).
fn spaced_punctuation(s: &str) -> (TokenKind, usize) {
    let len = whitespace(s);
    match s[len..].chars().next() {
        Some(m @ ('»' | ';' | ':' | '!' | '?')) => (TokenKind::Punct, len + m.len_utf8()),
        _ => (TokenKind::Space, len),
    }
}

/// What a token is compared by: its text with typographic variants folded
/// ([`typography::fold`]). `non‑intervention` (with U+2011) and
/// `non-intervention` have the same key, as have `l’` and `l'`, `« ` and `“`,
/// ` ;` and `;`.
///
/// ```
/// use redraft::diff::tokenize::comparison_key;
/// assert_eq!(comparison_key("non\u{2011}intervention"), "non-intervention");
/// assert_eq!(comparison_key("«\u{a0}"), comparison_key("“"));
/// assert_eq!(comparison_key("\u{202f};"), ";");
/// ```
pub fn comparison_key(text: &str) -> Cow<'_, str> {
    typography::fold(text)
}

/// Pushes a word, splitting off a leading elision (`l’`, `qu’`).
fn push_word<'a>(out: &mut Vec<Token<'a>>, word: &'a str, table: &Language) {
    if let Some(pos) = word.find(['’', '\'', 'ʼ']) {
        let head = &word[..pos];
        if Language::contains(table.elisions, head) {
            let apostrophe_len = word[pos..].chars().next().map_or(1, char::len_utf8);
            let (elided, rest) = word.split_at(pos + apostrophe_len);
            out.push(Token {
                kind: TokenKind::Word,
                text: elided,
            });
            return push_word(out, rest, table);
        }
    }
    out.push(Token {
        kind: TokenKind::Word,
        text: word,
    });
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;
    use regex::Regex;
    use std::sync::LazyLock;

    /// The tokens as the regular expression of the module documentation
    /// defines them: the oracle the scanner is checked against.
    static ORACLE: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(concat!(
            r"(?P<fn>\[\^[^\]\s]{1,12}\])",
            r"|(?P<url>(?:https?://|www\.)[^\s<>«»“”]*[^\s<>«»“”.,;:!?)\]])",
            r"|(?P<sym>[A-Z][A-Za-z0-9.]*(?:[-‐‑][A-Za-z0-9.]+)*(?:/[A-Za-z0-9.\-]*[A-Za-z0-9])+(?:\(\d{4}\))?)",
            r"|(?P<word>[\p{L}\p{M}\p{N}]+(?:[-‐‑'’\u{ad}][\p{L}\p{M}\p{N}]+)*)",
            r"|(?P<brk>\u{2029})",
            r"|(?P<open>«[\s&&[^\u{2029}]]*)",
            r"|(?P<spaced>[\s&&[^\u{2029}]]+[»;:!?])",
            r"|(?P<space>[\s&&[^\u{2029}]]+)",
            r"|(?P<punct>.)",
        ))
        .expect("valid regex")
    });

    fn oracle(text: &str) -> Vec<&str> {
        ORACLE.find_iter(text).map(|m| m.as_str()).collect()
    }

    fn scanned(text: &str) -> Vec<&str> {
        // Elisions split words further; the oracle sees whole words.
        tokenize(text, Lang::En)
            .into_iter()
            .map(|t| t.text)
            .collect()
    }

    proptest! {
        #[test]
        fn scanner_agrees_with_the_oracle(text in "([A-Za-zé0-9 ./()\\-’'ʼ\\[\\]^:;,!?«»\u{a0}\u{202f}\u{ad}\u{2011}\u{2029}]|https://|www\\.|ICC-ASP/|A/RES/){0,40}") {
            prop_assert_eq!(scanned(&text), oracle(&text));
        }
    }

    fn texts(s: &str, lang: Lang) -> Vec<&str> {
        tokenize(s, lang).into_iter().map(|t| t.text).collect()
    }

    #[test]
    fn round_trips() {
        let s = "« Examen de la Cour » ; d’un suspect, l'État\u{a0}; 7e séminaire[^9] https://asp.icc-cpi.int/x%20y.pdf.";
        assert_eq!(texts(s, Lang::Fr).concat(), s);
    }

    #[test]
    fn symbols_are_one_token() {
        assert_eq!(
            texts("A/RES/75/1 and A/C.3/75/L.1", Lang::En),
            ["A/RES/75/1", " ", "and", " ", "A/C.3/75/L.1"]
        );
        assert_eq!(
            texts("ICC-ASP-18/Res.3,", Lang::Fr),
            ["ICC-ASP-18/Res.3", ","]
        );
        assert_eq!(texts("ICC-ASP/19/33.", Lang::Fr), ["ICC-ASP/19/33", "."]);
        assert_eq!(texts("RC/Dec.2)", Lang::Fr), ["RC/Dec.2", ")"]);
        assert_eq!(
            texts("ICC\u{2011}ASP/19/Res.2,", Lang::En),
            ["ICC\u{2011}ASP/19/Res.2", ","]
        );
    }

    #[test]
    fn elisions_split_in_french_only() {
        assert_eq!(
            texts("qu’elle aujourd’hui", Lang::Fr),
            ["qu’", "elle", " ", "aujourd’hui"]
        );
        assert_eq!(texts("Court's", Lang::En), ["Court's"]);
    }

    #[test]
    fn hyphenated_compounds_are_one_word() {
        assert_eq!(texts("vingt-et-unième", Lang::Fr), ["vingt-et-unième"]);
    }

    #[test]
    fn non_breaking_spaces_are_whitespace() {
        let t = tokenize("a\u{202f}b", Lang::Fr);
        assert_eq!(t[1].kind, TokenKind::Space);
    }

    #[test]
    fn french_spacing_goes_with_its_mark() {
        assert_eq!(
            texts("«\u{a0}la Cour\u{a0}» ;", Lang::Fr),
            ["«\u{a0}", "la", " ", "Cour", "\u{a0}»", " ;"]
        );
        assert_eq!(
            texts("«la Cour»;", Lang::Fr),
            ["«", "la", " ", "Cour", "»", ";"]
        );
    }

    #[test]
    fn typographic_variants_have_one_key() {
        let keys = |s| -> Vec<String> {
            tokenize(s, Lang::Fr)
                .into_iter()
                .map(|t| comparison_key(t.text).into_owned())
                .collect()
        };
        assert_eq!(
            keys("«\u{a0}la non\u{2011}intervention\u{202f}» ; lʼÉtat"),
            keys("“la non-intervention”; l'État")
        );
        assert_ne!(keys("la Cour ;"), keys("la Cour,"));
    }

    #[test]
    fn soft_hyphen_stays_inside_its_word() {
        assert_eq!(texts("coop\u{ad}ération", Lang::Fr), ["coop\u{ad}ération"]);
    }

    #[test]
    fn urls_keep_their_trailing_full_stop_apart() {
        assert_eq!(
            texts("see https://x.org/a.pdf.", Lang::En)[2],
            "https://x.org/a.pdf"
        );
    }
}
