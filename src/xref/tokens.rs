//! The checker's tokens: words, numbers, punctuation, and three atoms that
//! are never looked inside (document symbols, footnote references, URLs),
//! each with its byte range in the document text and whether it stands
//! inside a quotation.
//!
//! `« paragraphe 4 b) ci-dessus »` →
//! `«` `paragraphe` `4` `b` `)` `ci-dessus` `»` (all but the guillemets
//! quoted); `l’alinéa` → `l` `’` `alinéa`; `9bis` → `9` `bis`.

use std::ops::Range;
use std::sync::LazyLock;

use regex::Regex;

static URL: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"^(?:https?://|www\.)\S*[^\s.,;:)»”]").expect("valid regex"));

/// What a token is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Kind {
    /// Letters, with inner hyphens: `ci-dessus`, `vingt-et-unième`.
    Word,
    /// Digits.
    Number,
    /// One other character.
    Punct,
    /// A document symbol (see [`super::symbol`]).
    Symbol,
    /// A footnote reference `[^7]` or definition marker `[^7]:`.
    Footnote,
    /// A web address.
    Url,
}

/// A token of the document text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Token<'a> {
    /// What it is.
    pub kind: Kind,
    /// Its text.
    pub text: &'a str,
    /// Its byte range in the document text.
    pub range: Range<usize>,
    /// Whether it stands inside « », “ ” or "".
    pub quoted: bool,
}

impl Token<'_> {
    /// Whether the token is a word equal to `word`, ignoring case.
    pub fn is_word(&self, word: &str) -> bool {
        self.kind == Kind::Word && self.text.to_lowercase() == word
    }

    /// Whether the token is the punctuation `c`.
    pub fn is_punct(&self, c: char) -> bool {
        self.kind == Kind::Punct && self.text.starts_with(c)
    }

    /// Whether the token is an apostrophe.
    pub fn is_apostrophe(&self) -> bool {
        self.is_punct('’') || self.is_punct('\'')
    }
}

/// Splits `text[range]` into tokens; `atoms` are the byte ranges (in
/// `text`, sorted) of document symbols, kept whole.
pub fn lex<'a>(text: &'a str, range: Range<usize>, atoms: &[Range<usize>]) -> Vec<Token<'a>> {
    let mut lexer = Lexer {
        text,
        pos: range.start,
        end: range.end.min(text.len()),
        depth: 0,
        straight_open: false,
        tokens: Vec::new(),
    };
    // Atoms are sorted: those of the range are found by bisection, not by
    // looking at every atom of the document for every unit.
    let first = atoms.partition_point(|a| a.start < range.start);
    let mut atoms = atoms[first..]
        .iter()
        .take_while(|a| a.start <= range.end)
        .filter(|a| a.end <= range.end)
        .peekable();
    while lexer.pos < lexer.end {
        while atoms.next_if(|a| a.start < lexer.pos).is_some() {}
        if let Some(atom) = atoms.next_if(|a| a.start == lexer.pos) {
            lexer.push(Kind::Symbol, atom.end);
        } else {
            lexer.step();
        }
    }
    lexer.tokens
}

/// The words of a phrase from a language table, as tokens are compared:
/// `"de la présente résolution"` → `["de", "la", "présente", "résolution"]`.
pub fn phrase_words(phrase: &str) -> Vec<String> {
    phrase
        .split(|c: char| c.is_whitespace() || c == '’' || c == '\'')
        .filter(|w| !w.is_empty())
        .map(str::to_lowercase)
        .collect()
}

/// How many tokens from `at` a phrase covers (apostrophes after elided
/// words included), if they spell it.
pub fn match_phrase(tokens: &[Token<'_>], at: usize, phrase: &str) -> Option<usize> {
    let mut k = at;
    for word in phrase_words(phrase) {
        if !tokens.get(k)?.is_word(&word) {
            return None;
        }
        k += 1;
        if tokens.get(k).is_some_and(Token::is_apostrophe) {
            k += 1;
        }
    }
    Some(k - at)
}

/// The first phrase of `phrases` spelled from `at`, and its length in
/// tokens.
pub fn match_any(tokens: &[Token<'_>], at: usize, phrases: &[&str]) -> Option<usize> {
    phrases.iter().find_map(|p| match_phrase(tokens, at, p))
}

struct Lexer<'a> {
    text: &'a str,
    pos: usize,
    end: usize,
    depth: u32,
    straight_open: bool,
    tokens: Vec<Token<'a>>,
}

impl<'a> Lexer<'a> {
    fn rest(&self) -> &'a str {
        &self.text[self.pos..self.end]
    }

    fn push(&mut self, kind: Kind, end: usize) {
        self.tokens.push(Token {
            kind,
            text: &self.text[self.pos..end],
            range: self.pos..end,
            quoted: self.depth > 0 || self.straight_open,
        });
        self.pos = end;
    }

    fn step(&mut self) {
        let rest = self.rest();
        let Some(c) = rest.chars().next() else {
            self.pos = self.end;
            return;
        };
        if let Some(len) = crate::model::marker::footnote_ref_len(rest) {
            // A definition's marker `[^7]:` takes its colon along.
            let len = len + usize::from(rest[len..].starts_with(':'));
            return self.push(Kind::Footnote, self.pos + len);
        }
        if let Some(m) = URL.find(rest) {
            return self.push(Kind::Url, self.pos + m.end());
        }
        // Zero-width spaces and joiners, pasted in from web pages, separate
        // nothing a reader sees.
        if c.is_whitespace() || matches!(c, '\u{200B}' | '\u{2060}' | '\u{FEFF}') {
            self.pos += c.len_utf8();
        } else if c.is_ascii_digit() {
            let len = rest
                .find(|c: char| !c.is_ascii_digit())
                .unwrap_or(rest.len());
            self.push(Kind::Number, self.pos + len);
        } else if c.is_alphabetic() {
            let len = word_len(rest);
            self.push(Kind::Word, self.pos + len);
        } else {
            self.quote(c);
        }
    }

    /// Punctuation, tracking quotations: the marks themselves count as
    /// outside.
    fn quote(&mut self, c: char) {
        let end = self.pos + c.len_utf8();
        match c {
            '«' | '“' => {
                self.push(Kind::Punct, end);
                self.depth += 1;
            }
            '»' | '”' => {
                self.depth = self.depth.saturating_sub(1);
                self.push(Kind::Punct, end);
            }
            '"' if self.straight_open => {
                self.straight_open = false;
                self.push(Kind::Punct, end);
            }
            '"' => {
                self.push(Kind::Punct, end);
                self.straight_open = true;
            }
            _ => self.push(Kind::Punct, end),
        }
    }
}

/// The length of the word at the start of `s`: letters, with hyphens
/// between letters.
fn word_len(s: &str) -> usize {
    let mut len = 0;
    let mut chars = s.char_indices().peekable();
    while let Some((i, c)) = chars.next() {
        if c.is_alphabetic() {
            len = i + c.len_utf8();
        } else if matches!(c, '-' | '‑') && chars.peek().is_some_and(|&(_, n)| n.is_alphabetic())
        {
            continue;
        } else {
            break;
        }
    }
    len
}

#[cfg(test)]
mod tests {
    use super::*;

    fn texts(s: &str) -> Vec<&str> {
        lex(s, 0..s.len(), &[])
            .into_iter()
            .map(|t| t.text)
            .collect()
    }

    #[test]
    fn splits_words_numbers_and_marks() {
        assert_eq!(
            texts("l’alinéa b) du paragraphe 9bis ci-dessus"),
            [
                "l",
                "’",
                "alinéa",
                "b",
                ")",
                "du",
                "paragraphe",
                "9",
                "bis",
                "ci-dessus"
            ]
        );
        assert_eq!(texts("report[^5], see"), ["report", "[^5]", ",", "see"]);
        assert_eq!(
            texts("at https://asp.icc-cpi.int/x.pdf."),
            ["at", "https://asp.icc-cpi.int/x.pdf", "."]
        );
    }

    #[test]
    fn marks_quotations() {
        let s = "a « b c » d";
        let quoted: Vec<bool> = lex(s, 0..s.len(), &[]).iter().map(|t| t.quoted).collect();
        assert_eq!(quoted, [false, false, true, true, false, false]);
    }

    #[test]
    fn keeps_atoms_whole() {
        let s = "see ICC-ASP/19/Res.2 now";
        let atoms = vec![Range { start: 4, end: 20 }];
        let t = lex(s, 0..s.len(), &atoms);
        assert_eq!(t[1].kind, Kind::Symbol);
        assert_eq!(t[1].text, "ICC-ASP/19/Res.2");
        assert_eq!(t[2].text, "now");
    }

    #[test]
    fn matches_phrases() {
        let s = "de la présente résolution";
        let t = lex(s, 0..s.len(), &[]);
        assert_eq!(match_phrase(&t, 0, "de la présente résolution"), Some(4));
        assert_eq!(match_phrase(&t, 1, "de la"), None);
        let s = "de l’annexe";
        let t = lex(s, 0..s.len(), &[]);
        assert_eq!(match_phrase(&t, 0, "de l’annexe"), Some(4));
    }
}
