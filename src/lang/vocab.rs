//! The words `redraft check` reads drafts with: how each language writes a
//! cross-reference ("paragraph 3 (b) above", "alinéa b) du paragraphe 4",
//! "le deuxième alinéa du préambule") and the drafting hygiene it looks for
//! (placeholders, words that may legitimately repeat).
//!
//! Every entry is lower case; phrases are matched word by word, case
//! insensitively, with `’` and `'` read alike.

/// How a language writes internal cross-references.
///
/// ```text
/// paragraph 3 (b) above        paragraphe 4 b) ci-dessus     párrafo 4 a) supra
/// operative paragraph 5        paragraphe 5 du dispositif    párrafo 5 de la parte dispositiva
/// preambular paragraph 2       paragraphe 2 du préambule     párrafo 2 del preámbulo
/// the second preambular para.  le deuxième alinéa du préambule  el segundo párrafo del preámbulo
/// subparagraph (a) of par. 4   alinéa a) du paragraphe 4     apartado a) del párrafo 4
/// paragraphs 3 to 5            aux paragraphes 3 à 5         párrafos 3 a 5
/// ```
#[derive(Debug)]
pub struct References {
    /// Nouns for a paragraph, singular and plural (and abbreviations,
    /// without their full stop).
    pub paragraph: &'static [&'static str],
    /// Nouns for a subparagraph.
    pub subparagraph: &'static [&'static str],
    /// Adjectives (single words) before the noun that make it preambular
    /// ("preambular").
    pub preambular_before: &'static [&'static str],
    /// Phrases after the number that make it preambular ("du préambule").
    pub preambular_after: &'static [&'static str],
    /// Adjectives (single words) before the noun that make it operative
    /// ("operative").
    pub operative_before: &'static [&'static str],
    /// Phrases after the number that make it operative ("du dispositif").
    pub operative_after: &'static [&'static str],
    /// Words that join the items of a list ("paragraphs 3 and 4").
    pub and: &'static [&'static str],
    /// Words that make a range ("paragraphs 3 to 5").
    pub to: &'static [&'static str],
    /// Words that link a reference to the text it belongs to: "of" in
    /// "subparagraph (a) of paragraph 4" and in "paragraph 30 of resolution
    /// ICC-ASP/17/Res.3".
    pub of: &'static [&'static str],
    /// Words after a reference that place its target earlier in the
    /// present text ("above", "ci-dessus", "supra").
    pub above: &'static [&'static str],
    /// Words after a reference that place its target later in the present
    /// text ("below", "ci-dessous", "infra"). The word at the same place in
    /// [`References::above`] is its opposite ("above" and "below"); a word
    /// past the end of the other list has none ("ci-après").
    pub below: &'static [&'static str],
    /// Phrases after [`References::of`] that name the present text ("the
    /// present resolution"); any other text named there makes the reference
    /// external.
    pub present: &'static [&'static str],
    /// Words after a reference that make it external ("thereof").
    pub external_after: &'static [&'static str],
    /// How the present text's annex is named after [`References::of`]
    /// ("the annex", "l’annexe", "el anexo"), before its number, if any, and
    /// [`References::annex_link`].
    pub annex: &'static [&'static str],
    /// Words joining an annex to [`References::present`]: "to" in "the
    /// annex to the present resolution", "à", "de".
    pub annex_link: &'static [&'static str],
    /// How a section of the present text is named after
    /// [`References::of`], before its letter: "section" in "paragraph 3
    /// of section B above", "la section", "la sección".
    pub section: &'static [&'static str],
    /// Nouns that, followed by a number, name another text or provision
    /// ("article 93", "resolution 75/1"): a reference in the same clause
    /// after one of them belongs to that text.
    pub external_nouns: &'static [&'static str],
    /// Ordinal words, 1 to 100, in every form ("premier", "première"):
    /// the one table the grammar reads and `--fix` and the amendments write.
    pub ordinals: &'static super::ordinals::Ordinals,
}

/// What the hygiene rules of `redraft check` need to know of a language.
#[derive(Debug)]
pub struct Hygiene {
    /// Words that open a placeholder in brackets: "[Reserved for ...]",
    /// "[Réservé au texte ...]".
    pub placeholders: &'static [&'static str],
    /// Words that may legitimately stand twice in a row ("had had",
    /// "nous nous").
    pub repeatable: &'static [&'static str],
    /// Words that may follow the semicolon ending a subparagraph ("; and").
    pub list_joiners: &'static [&'static str],
}

/// How adopted resolutions record their adoption: the closing line of a
/// General Assembly resolution (`80th plenary meeting` / `30 October
/// 2024`) and the standard brackets of the masthead (`[without reference
/// to a Main Committee (A/79/L.5)]`). Both are metadata of the draft, not
/// negotiated text.
///
/// ```text
/// 80th plenary meeting 30 October 2024
/// 80e séance plénière 30 octobre 2024
/// 80ª sesión plenaria 30 de octubre de 2024
/// ```
#[derive(Debug)]
pub struct Adoption {
    /// Words after the ordinal number of the meeting, longest first
    /// ("plenary meeting", "meeting").
    pub meeting: &'static [&'static str],
    /// Endings of that ordinal number ("th" in "80th", "e" in "80e", "ª" in
    /// "80ª").
    pub ordinal_endings: &'static [&'static str],
    /// The months, January first, as running text writes them
    /// ("January", "janvier"): compare them case-insensitively.
    pub months: &'static [&'static str],
    /// Words that may stand between day, month and year ("de" in "30 de
    /// octubre de 2024").
    pub date_links: &'static [&'static str],
    /// How the standard brackets under a resolution's masthead open
    /// ("without reference to a main committee", "on the report of").
    pub masthead_brackets: &'static [&'static str],
}

/// The words of the masthead and page furniture of a published UN
/// document (see [`crate::ingest::masthead`]), lower case, matched against
/// a whole line or its start:
///
/// ```text
/// United Nations                       A/C.3/79/L.5      ← united_nations
/// General Assembly                     Distr.: Limited   ← organs
/// Argentina and Chile: draft resolution                  ← draft_resolution
/// Resolution adopted by the General Assembly on …        ← adopted
/// * Reissued for technical reasons on 5 June 2020.       ← reissued
/// 24-18293 (E)   *2418293*   Please recycle              ← recycle
/// ```
#[derive(Debug)]
pub struct MastheadWords {
    /// The organs named under "United Nations" ("general assembly").
    pub organs: &'static [&'static str],
    /// "United Nations".
    pub united_nations: &'static [&'static str],
    /// What ends a line of sponsors: "draft resolution".
    pub draft_resolution: &'static [&'static str],
    /// What opens the line of an adopted resolution: "resolution adopted by".
    pub adopted: &'static [&'static str],
    /// What opens a note of reissue: "reissued for technical reasons".
    pub reissued: &'static [&'static str],
    /// "Please recycle".
    pub recycle: &'static [&'static str],
}

impl Adoption {
    /// The number (1 to 12) of the month `word` names, in any case.
    ///
    /// ```
    /// use redraft::lang::Lang;
    /// let en = &Lang::En.table().adoption;
    /// assert_eq!(en.month("october"), Some(10));
    /// assert_eq!(en.month("May"), Some(5));
    /// assert_eq!(Lang::Fr.table().adoption.month("Août"), Some(8));
    /// assert_eq!(en.month("octobre"), None);
    /// ```
    pub fn month(&self, word: &str) -> Option<usize> {
        let word = word.to_lowercase();
        let i = self.months.iter().position(|m| m.to_lowercase() == word)?;
        Some(i + 1)
    }
}

impl References {
    /// The ordinal a spelling stands for (1-based) and which of its forms
    /// it is: `"deuxième"` → `(2, 0)`, `"première"` → `(1, 1)`,
    /// `"vingt et unième"` → `(21, 0)`.
    pub fn ordinal(&self, word: &str) -> Option<(u32, usize)> {
        self.ordinals.read(word)
    }

    /// The ordinal word for `n` (1-based), in the given form when the
    /// language has it.
    pub fn ordinal_word(&self, n: u32, form: usize) -> Option<&'static str> {
        self.ordinals.word(n, form)
    }
}

#[cfg(test)]
mod tests {
    use crate::lang::Lang;

    #[test]
    fn ordinals_round_trip() {
        let fr = &Lang::Fr.table().references;
        assert_eq!(fr.ordinal("Deuxième"), Some((2, 0)));
        assert_eq!(fr.ordinal("première"), Some((1, 1)));
        assert_eq!(fr.ordinal_word(3, 0), Some("troisième"));
        assert_eq!(fr.ordinal_word(1, 1), Some("première"));
        assert_eq!(fr.ordinal_word(0, 0), None);
        let en = &Lang::En.table().references;
        assert_eq!(en.ordinal("third"), Some((3, 0)));
    }
}
