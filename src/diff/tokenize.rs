//! Tokens for the word diff.
//!
//! A text is cut into words, numbers, punctuation and whitespace, so that
//! concatenating the tokens gives the text back exactly:
//!
//! - a word is a run of letters, digits and combining marks, with inner
//!   hyphens and apostrophes (`co-facilitateurs`, `vingt-et-unième`,
//!   `Court's`); a French elision is a token of its own (`l’` + `impunité`,
//!   `qu’` + `elle`), by the language table's list of elided words;
//! - a document symbol is one token: `ICC-ASP/19/Res.2`, `A/RES/75/1`,
//!   `A/C.3/75/L.1`, `RC/Dec.2` (a final full stop stays punctuation);
//! - a URL is one token, a footnote reference `[^9]` is one token;
//! - a run of whitespace is one token; non-breaking (U+00A0) and narrow
//!   non-breaking (U+202F) spaces are whitespace too, so « and » quotes stand
//!   apart from the words they enclose;
//! - any other character is one punctuation token.
//!
//! ```
//! use redraft::diff::tokenize::tokenize;
//! use redraft::lang::Lang;
//! let t: Vec<_> = tokenize("l’impunité (ICC-ASP/19/Res.2).", Lang::Fr).into_iter().map(|t| t.text).collect();
//! assert_eq!(t, ["l’", "impunité", " ", "(", "ICC-ASP/19/Res.2", ")", "."]);
//! ```

use crate::lang::{Lang, Language};
use regex::Regex;
use std::sync::LazyLock;

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

static TOKEN: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(concat!(
        r"(?P<fn>\[\^[^\]\s]{1,12}\])",
        r"|(?P<url>(?:https?://|www\.)[^\s<>«»“”]*[^\s<>«»“”.,;:!?)\]])",
        r"|(?P<sym>[A-Z][A-Za-z0-9.]*(?:-[A-Za-z0-9.]+)*(?:/[A-Za-z0-9.\-]*[A-Za-z0-9])+(?:\(\d{4}\))?)",
        r"|(?P<word>[\p{L}\p{M}\p{N}]+(?:[-‐‑'’][\p{L}\p{M}\p{N}]+)*)",
        r"|(?P<brk>\u{2029})",
        r"|(?P<space>[\s&&[^\u{2029}]]+)",
        r"|(?P<punct>.)",
    ))
    .expect("valid regex")
});

/// Cuts `text` into tokens (see the module documentation).
pub fn tokenize(text: &str, lang: Lang) -> Vec<Token<'_>> {
    let table = lang.table();
    let mut out = Vec::with_capacity(text.len() / 4);
    for caps in TOKEN.captures_iter(text) {
        let (kind, m) = if let Some(m) = caps.name("fn") {
            (TokenKind::FootnoteRef, m)
        } else if let Some(m) = caps.name("url") {
            (TokenKind::Url, m)
        } else if let Some(m) = caps.name("sym") {
            (TokenKind::Symbol, m)
        } else if let Some(m) = caps.name("word") {
            push_word(&mut out, m.as_str(), table);
            continue;
        } else if let Some(m) = caps.name("brk") {
            (TokenKind::Break, m)
        } else if let Some(m) = caps.name("space") {
            (TokenKind::Space, m)
        } else if let Some(m) = caps.get(0) {
            (TokenKind::Punct, m)
        } else {
            continue;
        };
        out.push(Token {
            kind,
            text: m.as_str(),
        });
    }
    out
}

/// Pushes a word, splitting off a leading elision (`l’`, `qu’`).
fn push_word<'a>(out: &mut Vec<Token<'a>>, word: &'a str, table: &Language) {
    if let Some(pos) = word.find(['’', '\'']) {
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
        let t = tokenize("a\u{202f};", Lang::Fr);
        assert_eq!(t[1].kind, TokenKind::Space);
    }

    #[test]
    fn urls_keep_their_trailing_full_stop_apart() {
        assert_eq!(
            texts("see https://x.org/a.pdf.", Lang::En)[2],
            "https://x.org/a.pdf"
        );
    }
}
