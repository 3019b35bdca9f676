//! The new side of a pair cut into tokens with the old side's tokens
//! reused where the two texts share their beginning or their end.
//!
//! An edited paragraph keeps most of its text: a word or three change in
//! three hundred tokens. The tokens of the common beginning and end need
//! not be found again; they are the old side's, moved onto the new text.
//! Two facts make this exact:
//!
//! - the scanner never looks behind: from a position where it starts a
//!   token, the tokens of the rest of a text depend on the rest alone
//!   ([`super::tokenize::next_token`]);
//! - no token's reading goes past the first whitespace character after
//!   its start, and a whitespace token reads one character past its run
//!   (see [`reusable_prefix`]). So the old tokens before an old whitespace
//!   token that starts at least four bytes before the end of the common
//!   beginning are the new text's first tokens, byte for byte.
//!
//! At the end, once the scanner of the new text starts a token in the
//! common end at the place where the old text's scanner started one, every
//! token after it is the old side's. A test compares the result with
//! cutting the new text whole, on random edits.

use super::tokenize::{Token, TokenKind, next_token};
use crate::lang::Language;

/// Which tokens of the new side are the old side's: the first `prefix`
/// (same indices), and, when `suffix` is `Some((old_from, new_from))`, the
/// new tokens from `new_from` on, the old ones from `old_from` on.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Shared {
    /// How many first tokens are shared.
    pub prefix: usize,
    /// Where the shared last tokens start: old index, new index.
    pub suffix: Option<(usize, usize)>,
}

impl Shared {
    /// The old token a new token is a copy of, if it is one.
    pub fn old_of(&self, new: usize) -> Option<usize> {
        match self.suffix {
            _ if new < self.prefix => Some(new),
            Some((old_from, new_from)) if new >= new_from => Some(old_from + new - new_from),
            _ => None,
        }
    }
}

/// Cuts `new` into tokens appended to `out` (empty), reusing `old_tokens`,
/// the tokens of `old` (see the module documentation).
pub fn tokenize_like<'a>(
    (old, old_tokens): (&'a str, &[Token<'a>]),
    new: &'a str,
    table: &Language,
    out: &mut Vec<Token<'a>>,
) -> Shared {
    let start = |t: &Token<'_>| t.text.as_ptr() as usize - old.as_ptr() as usize;
    let prefix = reusable_prefix(old, old_tokens, common_prefix(old, new));
    out.extend(old_tokens[..prefix].iter().map(|t| moved(t, start(t), new)));
    let mut pos = old_tokens.get(prefix).map_or(0, start);
    let suffix_from = new.len() - common_suffix(old, new);
    let mut j = prefix;
    while pos < new.len() {
        if pos >= suffix_from {
            let at = pos + old.len() - new.len();
            while old_tokens.get(j).is_some_and(|t| start(t) < at) {
                j += 1;
            }
            if old_tokens.get(j).is_some_and(|t| start(t) == at) && starts_scan(old_tokens, j) {
                let new_from = out.len();
                out.extend(
                    old_tokens[j..]
                        .iter()
                        .map(|t| moved(t, start(t) - at + pos, new)),
                );
                return Shared {
                    prefix,
                    suffix: Some((j, new_from)),
                };
            }
        }
        pos += next_token(&new[pos..], table, out);
    }
    Shared {
        prefix,
        suffix: None,
    }
}

/// An old token as the same bytes of the new text, at `at`.
fn moved<'a>(t: &Token<'_>, at: usize, new: &'a str) -> Token<'a> {
    Token {
        kind: t.kind,
        text: new.get(at..at + t.text.len()).unwrap_or_default(),
    }
}

/// Whether the old scanner started token `j` (rather than cut it from a
/// word with an elision, `l’` + `ICC-ASP`: a word is never followed by a
/// word but for that).
fn starts_scan(tokens: &[Token<'_>], j: usize) -> bool {
    !(tokens[j].kind == TokenKind::Word
        && j > 0
        && tokens.get(j - 1).is_some_and(|t| t.kind == TokenKind::Word))
}

/// How many first old tokens are the new text's too, when the texts share
/// their first `common` bytes: those before the last whitespace token
/// that starts at least four bytes (a character) before `common`. Every
/// token before such a token `w` was read up to `w`'s first character at
/// most: a word, symbol, URL or footnote reference stops at the first
/// whitespace (or earlier), a run of whitespace at the next character.
fn reusable_prefix(old: &str, tokens: &[Token<'_>], common: usize) -> usize {
    let start = |t: &Token<'_>| t.text.as_ptr() as usize - old.as_ptr() as usize;
    let before = tokens.partition_point(|t| start(t) + 4 <= common);
    tokens[..before]
        .iter()
        .rposition(|t| t.kind == TokenKind::Space)
        .unwrap_or(0)
}

/// The length of the common beginning of two texts, in bytes.
fn common_prefix(a: &str, b: &str) -> usize {
    let (a, b) = (a.as_bytes(), b.as_bytes());
    let chunks = a.chunks_exact(16).zip(b.chunks_exact(16));
    let whole = chunks.take_while(|(x, y)| x == y).count() * 16;
    whole
        + a[whole..]
            .iter()
            .zip(&b[whole..])
            .take_while(|(x, y)| x == y)
            .count()
}

/// The length of the common end of two texts, in bytes.
fn common_suffix(a: &str, b: &str) -> usize {
    let (a, b) = (a.as_bytes(), b.as_bytes());
    let chunks = a.rchunks_exact(16).zip(b.rchunks_exact(16));
    let whole = chunks.take_while(|(x, y)| x == y).count() * 16;
    whole
        + a[..a.len() - whole]
            .iter()
            .rev()
            .zip(b[..b.len() - whole].iter().rev())
            .take_while(|(x, y)| x == y)
            .count()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::diff::tokenize::tokenize;
    use crate::lang::Lang;
    use proptest::prelude::*;

    fn check(old: &str, new: &str, lang: Lang) -> Result<(), TestCaseError> {
        let old_tokens = tokenize(old, lang);
        let mut out = Vec::new();
        let shared = tokenize_like((old, &old_tokens), new, lang.table(), &mut out);
        prop_assert_eq!(&out, &tokenize(new, lang), "{:?} -> {:?}", old, new);
        // The tokens said to be copies are the old ones' texts.
        for (i, t) in out.iter().enumerate() {
            if let Some(j) = shared.old_of(i) {
                prop_assert_eq!(t.text, old_tokens[j].text);
                prop_assert_eq!(t.kind, old_tokens[j].kind);
            }
        }
        Ok(())
    }

    const PIECE: &str = "([a-zé0-9 ./()\\-’'\\[\\]^:;,!?«»\u{a0}\u{202f}\u{2029}]|https://x.org/|www\\.|ICC-ASP/|A/RES/|l’|qu’|L’ICC-ASP/19|Res|\\[\\^1\\]|  | ;| :|:)";

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(3000))]

        #[test]
        fn reused_tokens_are_those_of_the_whole_text(
            head in proptest::collection::vec(PIECE, 0..12),
            old_mid in proptest::collection::vec(PIECE, 0..4),
            new_mid in proptest::collection::vec(PIECE, 0..4),
            tail in proptest::collection::vec(PIECE, 0..12),
        ) {
            let (head, tail) = (head.concat(), tail.concat());
            let old = format!("{head}{}{tail}", old_mid.concat());
            let new = format!("{head}{}{tail}", new_mid.concat());
            for lang in [Lang::Fr, Lang::En] {
                check(&old, &new, lang)?;
                check(&new, &old, lang)?;
            }
        }
    }

    #[test]
    fn a_word_edit_reuses_both_ends() {
        let old =
            "Rappelant sa résolution ICC-ASP/19/Res.2 du 16 décembre 2020 sur la coopération,";
        let new =
            "Rappelant sa résolution ICC-ASP/20/Res.2 du 16 décembre 2020 sur la coopération,";
        let old_tokens = tokenize(old, Lang::Fr);
        let mut out = Vec::new();
        let shared = tokenize_like((old, &old_tokens), new, Lang::Fr.table(), &mut out);
        assert_eq!(out, tokenize(new, Lang::Fr));
        assert_eq!(shared.prefix, 5);
        assert_eq!(shared.suffix, Some((7, 7)));
    }

    #[test]
    fn common_ends_are_counted_in_bytes() {
        let a = "abcdefghijklmnopqrstuvwxyz0123456789 same end of text";
        let b = "abcdefghijklmnopqrstuvwxyz0123X56789 same end of text";
        assert_eq!(common_prefix(a, b), 30);
        assert_eq!(common_suffix(a, b), a.len() - 31);
        assert_eq!(common_prefix(a, a), a.len());
        assert_eq!(common_suffix("", a), 0);
    }
}
