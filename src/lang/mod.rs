//! Language knowledge, as data: one table per language.
//!
//! Everything the parser, the checker and the renderers need to know about
//! English, French or Spanish drafting lives in a [`Language`] table
//! ([`en::TABLE`], [`fr::TABLE`], [`es::TABLE`]); code elsewhere never spells
//! out a word of a given language.
//!
//! Layout: `en.rs`, `fr.rs`, `es.rs` hold the words a draft is read with
//! and the words a redline says to its reader; topics that are tables of
//! their own have a folder with one file per language (`amendments/`: how
//! formal amendments are worded; `ordinals/`: ordinal words, read and
//! written from one list).

pub mod amendments;
pub mod compile;
pub mod en;
pub mod es;
pub mod fold;
pub mod fr;
pub mod ordinals;
pub mod reader;
mod stopwords;
pub mod vocab;
pub mod word;

use serde::{Deserialize, Serialize};
use std::fmt;
use std::str::FromStr;

pub use vocab::{Adoption, Hygiene, MastheadWords, References};

/// A language a draft can be written in.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Lang {
    /// English.
    En,
    /// French.
    Fr,
    /// Spanish.
    Es,
}

impl Lang {
    /// Every supported language, in the order detection breaks ties.
    pub const ALL: [Lang; 3] = [Lang::En, Lang::Fr, Lang::Es];

    /// The table of drafting knowledge for this language.
    pub fn table(self) -> &'static Language {
        match self {
            Lang::En => &en::TABLE,
            Lang::Fr => &fr::TABLE,
            Lang::Es => &es::TABLE,
        }
    }

    /// The ISO 639-1 code: `en`, `fr` or `es`.
    pub fn code(self) -> &'static str {
        self.table().code
    }

    /// What a redline says to its reader in this language: notes, badges,
    /// counts, names of units.
    pub fn reader(self) -> &'static reader::ReaderWords {
        match self {
            Lang::En => &en::READER,
            Lang::Fr => &fr::READER,
            Lang::Es => &es::READER,
        }
    }

    /// How formal amendments are worded in this language.
    pub fn amendments(self) -> &'static amendments::AmendmentStyle {
        match self {
            Lang::En => &amendments::en::AMENDMENTS,
            Lang::Fr => &amendments::fr::AMENDMENTS,
            Lang::Es => &amendments::es::AMENDMENTS,
        }
    }
}

impl fmt::Display for Lang {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.code())
    }
}

impl FromStr for Lang {
    type Err = String;

    fn from_str(s: &str) -> Result<Self, Self::Err> {
        Lang::ALL
            .into_iter()
            .find(|l| l.code().eq_ignore_ascii_case(s))
            .ok_or_else(|| format!("unknown language '{s}' (expected en, fr or es)"))
    }
}

/// What the tool knows of one language's drafting conventions.
///
/// Word lists are compared case-insensitively and, for openers, against the
/// start of a paragraph.
#[derive(Debug)]
pub struct Language {
    /// ISO 639-1 code.
    pub code: &'static str,
    /// Frequent short words, used to detect the language of a draft.
    pub stopwords: &'static [&'static str],
    /// Nouns naming the deciding body in a chapeau ("Assembly" in
    /// "The General Assembly,").
    pub organs: &'static [&'static str],
    /// Articles a chapeau opens with ("The", "L’", "La").
    pub chapeau_articles: &'static [&'static str],
    /// Words and phrases that open preambular paragraphs.
    pub preambular_openers: &'static [&'static str],
    /// Word endings of participles that open preambular paragraphs
    /// ("-ing" in "Recalling", "-ant" in "Rappelant").
    pub preambular_suffixes: &'static [&'static str],
    /// Verbs that open operative paragraphs (third person: "Decides").
    pub operative_verbs: &'static [&'static str],
    /// Words that head an annex ("Annex", "Annexe", "Anexo").
    pub annex_words: &'static [&'static str],
    /// Elided forms that end in an apostrophe and stand before a word
    /// ("l" in "l’impunité"), without the apostrophe.
    pub elisions: &'static [&'static str],
    /// Word for "paragraph" (singular, plural).
    pub paragraph_words: (&'static str, &'static str),
    /// Typographic: whether a (narrow) non-breaking space is expected before
    /// `; : ? !` and inside guillemets.
    pub spaced_punctuation: bool,
    /// How a first subparagraph is marked when the draft shows no model:
    /// `(a)` in English, `a)` in French and Spanish.
    pub subparagraph_marker: &'static str,
    /// How adoption is recorded: closing meeting line, masthead brackets.
    pub adoption: Adoption,
    /// The masthead and page furniture of a published document.
    pub masthead: MastheadWords,
    /// How cross-references are written (`redraft check`).
    pub references: References,
    /// Placeholders and other drafting hygiene (`redraft check`).
    pub hygiene: Hygiene,
}

impl Language {
    /// Whether `word` (any case) is one of `list`.
    pub fn contains(list: &[&str], word: &str) -> bool {
        list.iter().any(|w| fold::eq_fold(w, word))
    }

    /// Whether a paragraph opening with `first_words` reads like a preambular
    /// paragraph ("Recalling ...", "Deeply concerned ...", "Rappelant ...").
    pub fn opens_preambular(&self, first_words: &str) -> bool {
        if self
            .preambular_openers
            .iter()
            .any(|o| fold::starts_with_word_fold(first_words, o))
        {
            return true;
        }
        self.participle_at(first_words).is_some()
    }

    /// The length of the first word of `text` when it is a participle
    /// ("Rappelant", "Recordando": more than four letters, a listed
    /// ending).
    fn participle_at(&self, text: &str) -> Option<usize> {
        let end = text
            .char_indices()
            .find(|(_, c)| !c.is_alphabetic())
            .map_or(text.len(), |(i, _)| i);
        let word = &text[..end];
        (word.chars().count() > 4
            && self
                .preambular_suffixes
                .iter()
                .any(|s| fold::ends_with_fold(word, s)))
        .then_some(end)
    }

    /// How many bytes of a preambular paragraph its opening words take: the
    /// words published resolutions set in italics. Openers and participles
    /// are taken one after another, so adverbs and "also" come along.
    ///
    /// ```
    /// use redraft::lang::Lang;
    /// let t = Lang::En.table();
    /// assert_eq!(t.preambular_opening("Deeply concerned by the"), "Deeply concerned".len());
    /// assert_eq!(t.preambular_opening("Recalling also its"), "Recalling also".len());
    /// assert_eq!(t.preambular_opening("The Court"), 0);
    /// ```
    pub fn preambular_opening(&self, text: &str) -> usize {
        let mut end = 0;
        for _ in 0..6 {
            let rest = &text[end..];
            let start = end + (rest.len() - rest.trim_start().len());
            match self.opener_at(&text[start..]) {
                Some(len) => end = start + len,
                None => break,
            }
        }
        end
    }

    /// The length of the opener or participle `text` starts with.
    fn opener_at(&self, text: &str) -> Option<usize> {
        // An opener can only match if its initial is the text's: compared
        // first, with the openers' initials found once (speed, issue 14;
        // `opening_first_letter_test_changes_nothing`).
        let initial = initial(text);
        let own;
        let openers = match Lang::ALL.iter().position(|l| std::ptr::eq(l.table(), self)) {
            Some(i) => &OPENER_INITIALS[i],
            None => {
                own = with_initials(self.preambular_openers);
                &own
            }
        };
        let phrase = openers
            .iter()
            .filter(|(i, _)| *i == initial)
            // `starts_with_word_fold`, folding once.
            .filter_map(|(_, o)| fold::strip_prefix_fold(text, o))
            .filter(|rest| rest.chars().next().is_none_or(|c| !c.is_alphanumeric()))
            .map(|rest| text.len() - rest.len())
            .max();
        phrase.max(self.participle_at(text))
    }

    /// Whether a paragraph opening with `first_words` starts with an operative
    /// verb ("Decides", "Prie", "Exhorta").
    pub fn opens_operative(&self, first_words: &str) -> bool {
        self.operative_verbs
            .iter()
            .any(|v| fold::starts_with_word_fold(first_words, v))
    }
}

/// The first character of a text, lower-cased (its first lower-case
/// character): two texts whose initials differ never match in any case
/// (`fold::strip_prefix_fold` compares these first).
fn initial(text: &str) -> Option<char> {
    text.chars().next().and_then(|c| c.to_lowercase().next())
}

/// Openers, each with its [`initial`], in their order.
type Initialled = Vec<(Option<char>, &'static str)>;

/// Openers with their [`initial`]s, in their order.
fn with_initials(openers: &'static [&'static str]) -> Initialled {
    openers.iter().map(|o| (initial(o), *o)).collect()
}

/// The preambular openers of each language of [`Lang::ALL`], with their
/// initials.
static OPENER_INITIALS: std::sync::LazyLock<[Initialled; 3]> =
    std::sync::LazyLock::new(|| Lang::ALL.map(|l| with_initials(l.table().preambular_openers)));

/// The words that head an annex in every language ("Annex", "Annexe",
/// "Anexo", …): an annex is recognised whatever the draft's language.
pub fn annex_words() -> &'static [&'static str] {
    static WORDS: std::sync::LazyLock<Vec<&'static str>> = std::sync::LazyLock::new(|| {
        Lang::ALL
            .iter()
            .flat_map(|l| l.table().annex_words.iter().copied())
            .collect()
    });
    &WORDS
}

/// Guesses the language of a text from its most frequent short words.
///
/// ```
/// use redraft::lang::{detect, Lang};
/// assert_eq!(detect("Rappelant les dispositions du Statut de Rome et la"), Lang::Fr);
/// assert_eq!(detect("Recalling the provisions of the Rome Statute and the"), Lang::En);
/// ```
pub fn detect(text: &str) -> Lang {
    let mut scores = [0usize; 3];
    for word in words(text).take(20_000) {
        let languages = stopwords::languages_of(word);
        for (i, score) in scores.iter_mut().enumerate() {
            *score += usize::from(languages >> i & 1);
        }
    }
    let best = (0..3).max_by_key(|&i| (scores[i], 3 - i)).unwrap_or(0);
    Lang::ALL[best]
}

/// The words of a text: its runs of letters ([`is_letter`]), as
/// `text.split(|c| !is_letter(c)).filter(|w| !w.is_empty())` gives them,
/// read a byte at a time where the text is ASCII (the standard library's
/// split decodes every character through its searcher: most of what
/// telling the language of a draft cost, issue 14).
///
/// ```text
/// "l’État, 2020 et" → ["l", "État", "et"]
/// ```
fn words(text: &str) -> impl Iterator<Item = &str> {
    let mut at = 0;
    std::iter::from_fn(move || {
        let start = run_end(text, at, false);
        at = run_end(text, start, true);
        (at > start).then(|| &text[start..at])
    })
}

/// Where the run of letters (`letters`) or of other characters that
/// starts at byte `at` of `text` ends: ASCII bytes in a tight loop over
/// [`ASCII_CLASS`], a character that is not ASCII decoded and asked
/// ([`is_letter`]).
#[inline(always)]
fn run_end(text: &str, mut at: usize, letters: bool) -> usize {
    let bytes = text.as_bytes();
    let wanted = u8::from(letters);
    loop {
        while let Some(&b) = bytes.get(at)
            && ASCII_CLASS[usize::from(b)] == wanted
        {
            at += 1;
        }
        let Some(c) = bytes
            .get(at)
            .filter(|b| !b.is_ascii())
            .and_then(|_| text.get(at..)?.chars().next())
        else {
            return at;
        };
        if is_letter(c) != letters {
            return at;
        }
        at += c.len_utf8();
    }
}

/// For each byte: 1 for an ASCII letter, 0 for another ASCII character, 2
/// for a byte of a character that is not ASCII (decoded to be asked).
static ASCII_CLASS: [u8; 256] = {
    let mut class = [2u8; 256];
    let mut b = 0;
    while b < 128 {
        class[b] = (b as u8).is_ascii_alphabetic() as u8;
        b += 1;
    }
    class
};

/// `char::is_alphabetic`, with Latin-1's letters (the accents of French
/// and Spanish) answered without the Unicode table.
fn is_letter(c: char) -> bool {
    match c {
        'a'..='z' | 'A'..='Z' => true,
        '\u{C0}'..='\u{FF}' => c != '×' && c != '÷',
        // General punctuation (the typographic apostrophe of French, the
        // dashes, quotes and spaces) holds no letter.
        '\u{2000}'..='\u{206F}' => false,
        c => !c.is_ascii() && c.is_alphabetic(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// `opener_at` without the first-letter test: openers, upper-cased,
    /// title-cased, glued to a word or not, and other words, in every
    /// language, give the same length.
    #[test]
    fn opening_first_letter_test_changes_nothing() {
        fn slow(t: &Language, text: &str) -> Option<usize> {
            let phrase = t
                .preambular_openers
                .iter()
                .filter(|o| fold::starts_with_word_fold(text, o))
                .filter_map(|o| fold::strip_prefix_fold(text, o))
                .map(|rest| text.len() - rest.len())
                .max();
            phrase.max(t.participle_at(text))
        }
        for lang in Lang::ALL {
            let t = lang.table();
            for o in t.preambular_openers.iter().chain(t.operative_verbs) {
                let title: String = o.chars().take(1).flat_map(char::to_uppercase).collect();
                let title = title + &o.chars().skip(1).collect::<String>();
                for v in [
                    o.to_string(),
                    o.to_uppercase(),
                    title,
                    format!("É{o}"),
                    format!("{o}s"),
                ] {
                    for text in [v.clone(), format!("{v} également la"), format!("{v}, ")] {
                        assert_eq!(t.opener_at(&text), slow(t, &text), "{text}");
                    }
                }
            }
            for text in ["", " ", "Équipe", "ΣΟΦΟΣ", "İstanbul", "ǅemal", "1. Décide"] {
                assert_eq!(t.opener_at(text), slow(t, text), "{text}");
            }
        }
    }

    /// The words read a byte at a time are the standard library's split,
    /// on random texts of ASCII, Latin-1, other scripts and separators.
    #[test]
    fn words_are_the_split_of_letters() {
        let pieces = [
            "a", "Bc", " ", "’", "l'", "é", "É", "×", "2020", "ΣΟΦ", "一", "\u{2028}", ",", "ǅ",
        ];
        let mut seed = 17u64;
        for _ in 0..5000 {
            let mut text = String::new();
            for _ in 0..seed % 14 {
                seed = seed.wrapping_mul(6_364_136_223_846_793_005).wrapping_add(1);
                text.push_str(pieces[(seed >> 33) as usize % pieces.len()]);
            }
            seed = seed.wrapping_mul(6_364_136_223_846_793_005).wrapping_add(7);
            let expected: Vec<&str> = text
                .split(|c: char| !is_letter(c))
                .filter(|w| !w.is_empty())
                .collect();
            assert_eq!(words(&text).collect::<Vec<_>>(), expected, "{text:?}");
        }
    }

    #[test]
    fn letters_are_the_alphabetic_characters() {
        for c in (0..0x3_0000).filter_map(char::from_u32) {
            assert_eq!(is_letter(c), c.is_alphabetic(), "{c:?}");
        }
    }

    #[test]
    fn detects_spanish() {
        assert_eq!(
            detect("Recordando las disposiciones del Estatuto de Roma y los"),
            Lang::Es
        );
    }

    #[test]
    fn preambular_openers() {
        assert!(Lang::En.table().opens_preambular("Deeply concerned by"));
        assert!(
            Lang::En
                .table()
                .opens_preambular("Recalling its resolution")
        );
        assert!(
            Lang::Fr
                .table()
                .opens_preambular("Rappelant les dispositions")
        );
        assert!(Lang::Fr.table().opens_preambular("Déterminée à mettre"));
        assert!(Lang::Es.table().opens_preambular("Reconociendo que"));
        assert!(!Lang::En.table().opens_preambular("Decides to"));
    }

    #[test]
    fn operative_verbs() {
        assert!(Lang::En.table().opens_operative("Calls upon States"));
        assert!(Lang::Fr.table().opens_operative("Prie le Bureau"));
        assert!(!Lang::Fr.table().opens_operative("Priez"));
    }

    #[test]
    fn parses_codes() {
        assert_eq!("FR".parse::<Lang>(), Ok(Lang::Fr));
        assert!("de".parse::<Lang>().is_err());
    }
}
