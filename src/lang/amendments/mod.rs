//! The shape of a language's amendment phrasing: how formal amendments
//! ("Operative paragraph 2: replace "13" with "12".") are worded.
//!
//! Each language fills one [`AmendmentStyle`] ([`en::AMENDMENTS`],
//! [`fr::AMENDMENTS`], [`es::AMENDMENTS`]), one file per language beside
//! this one, as the ordinals are. The same table
//! serves to write amendments and to read them back: a template such as
//! `"{ref}: replace {old} with {new}."` is filled for writing and matched
//! for reading, so the two never drift apart.
//!
//! Placeholders in templates:
//!
//! | placeholder | meaning |
//! |---|---|
//! | `{ref}` | the amended unit, bare form (`operative paragraph 2`, `Quatrième alinéa du préambule`) |
//! | `{the_ref}`, `{the_ref2}` | a unit with its article (`le paragraphe 15 du dispositif`) |
//! | `{old}`, `{new}`, `{anchor}` | quoted text |
//! | `{occ}` | an occurrence ordinal (`second`, `deuxième`, `segunda`) |
//! | `{kind}` | the kind of a new unit (`a new paragraph`, `le nouveau paragraphe suivant`) |
//! | `{fn}` | a footnote number, in `InsertFootnote` sentences |
//! | `{number}` | the number of a new paragraph (`9 bis`) |
//!
//! and in unit references: `{n}` an operative number (`9 bis`), `{p}` a
//! preambular number, `{ord}` a preambular ordinal word, `{sub}` a
//! subparagraph letter, `{sub2}` the numeral of a subparagraph within it
//! (`iv` in "operative paragraph 7 (c) (iv)"), `{sec}` a section letter,
//! `{ax}` an annex number (`II`),
//! `{fn}` a footnote number, `{text}` a heading's quoted text,
//! `{label}` a unit label.

pub mod en;
pub mod es;
pub mod fr;

/// Which kind of unit a reference names.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum RefKind {
    /// The title (single title line).
    Title,
    /// The chapeau ("The General Assembly,").
    Chapeau,
    /// A preambular paragraph, by number or ordinal.
    Preambular,
    /// An operative paragraph, by number.
    Operative,
    /// A subparagraph of a preambular paragraph.
    PreambularSub,
    /// A subparagraph of an operative paragraph.
    OperativeSub,
    /// A subparagraph within a subparagraph of an operative paragraph
    /// ("operative paragraph 7 (c) (iv)").
    OperativeSubSub,
    /// An operative paragraph of a section that numbers its paragraphs
    /// from 1 ("operative paragraph 3 of section B").
    SectionOperative,
    /// A numbered paragraph of an annex ("paragraph 3 of annex II",
    /// "paragraph 3 of the annex").
    AnnexParagraph,
    /// The heading standing just before an operative paragraph.
    Heading,
    /// A heading by its quoted text ("the heading “Cooperation”").
    HeadingText,
    /// Any unit by its whole quoted text ("the paragraph reading
    /// “Distr.: General”"), when no number names it.
    Text,
    /// The nth unit whose whole text reads so ("the second paragraph
    /// reading “Annex”"), where several do.
    NthText,
    /// A line of a title of several lines ("line 2 of the title").
    TitleLine,
    /// The heading of an annex ("the heading of annex II").
    AnnexHeading,
    /// The title of an annex, under its heading ("the title of the annex").
    AnnexTitle,
    /// A footnote, by number.
    Footnote,
    /// Any unit by its label (`ANNEX-II/OP3`), when no drafting phrase
    /// names it.
    Label,
}

impl RefKind {
    /// Every kind, for completeness checks of the tables.
    pub const ALL: [RefKind; 18] = [
        RefKind::Title,
        RefKind::Chapeau,
        RefKind::Preambular,
        RefKind::Operative,
        RefKind::PreambularSub,
        RefKind::OperativeSub,
        RefKind::OperativeSubSub,
        RefKind::SectionOperative,
        RefKind::AnnexParagraph,
        RefKind::Heading,
        RefKind::HeadingText,
        RefKind::Text,
        RefKind::NthText,
        RefKind::TitleLine,
        RefKind::AnnexHeading,
        RefKind::AnnexTitle,
        RefKind::Footnote,
        RefKind::Label,
    ];
}

/// One way of naming a kind of unit, bare and with its article.
#[derive(Debug)]
pub struct RefForm {
    /// What the form names.
    pub kind: RefKind,
    /// The form opening an amendment: `operative paragraph {n}`.
    pub bare: &'static str,
    /// The form inside a sentence: `le paragraphe {n} du dispositif`.
    pub definite: &'static str,
}

/// The sentences an amendment can be.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Sentence {
    /// Replace words found once.
    Replace,
    /// Replace the nth occurrence of words.
    ReplaceNth,
    /// Replace words standing after an anchor.
    ReplaceAfter,
    /// Delete words found once.
    Delete,
    /// Delete the nth occurrence of words.
    DeleteNth,
    /// Delete words standing after an anchor.
    DeleteAfter,
    /// Insert words after an anchor found once.
    InsertAfter,
    /// Insert words after the nth occurrence of an anchor.
    InsertAfterNth,
    /// Insert words before an anchor found once.
    InsertBefore,
    /// Insert words before the nth occurrence of an anchor.
    InsertBeforeNth,
    /// Replace a whole unit.
    ReplaceUnit,
    /// Insert a new unit after another.
    InsertUnitAfter,
    /// Insert a new operative paragraph with its number (`9 bis`) after
    /// another; the draft is then not renumbered.
    InsertNumberedAfter,
    /// Insert a new unit before another.
    InsertUnitBefore,
    /// Delete a unit.
    DeleteUnit,
    /// Move a unit to follow another.
    MoveAfter,
    /// Move a unit to precede another.
    MoveBefore,
    /// Add a footnote.
    InsertFootnote,
}

impl Sentence {
    /// Every sentence, for completeness checks of the tables.
    pub const ALL: [Sentence; 18] = [
        Sentence::Replace,
        Sentence::ReplaceNth,
        Sentence::ReplaceAfter,
        Sentence::Delete,
        Sentence::DeleteNth,
        Sentence::DeleteAfter,
        Sentence::InsertAfter,
        Sentence::InsertAfterNth,
        Sentence::InsertBefore,
        Sentence::InsertBeforeNth,
        Sentence::ReplaceUnit,
        Sentence::InsertUnitAfter,
        Sentence::InsertNumberedAfter,
        Sentence::InsertUnitBefore,
        Sentence::DeleteUnit,
        Sentence::MoveAfter,
        Sentence::MoveBefore,
        Sentence::InsertFootnote,
    ];
}

/// The kind of a unit an amendment inserts.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum NewUnit {
    /// A numbered operative paragraph (numbered when the draft is
    /// renumbered).
    Operative,
    /// A preambular paragraph.
    Preambular,
    /// A subparagraph (lettered when the draft is renumbered).
    Subparagraph,
    /// A heading.
    Heading,
    /// An unnumbered paragraph.
    Paragraph,
    /// A numbered paragraph of a part whose numbered paragraphs are not
    /// operative ones (annexed guidelines, a declaration): numbered when
    /// the draft is renumbered.
    NumberedParagraph,
    /// A title line.
    Title,
    /// A chapeau.
    Chapeau,
    /// An annex heading.
    Annex,
}

/// How a language words formal amendments.
#[derive(Debug)]
pub struct AmendmentStyle {
    /// Quotation marks written around quoted text, with their inner
    /// spacing: `("\"", "\"")`, `("« ", " »")`.
    pub quotes: (&'static str, &'static str),
    /// Ways of naming units; for a kind, the first form that can be filled
    /// is written, every form is read.
    pub refs: &'static [RefForm],
    /// Sentence templates; for a sentence, the first is written, every one
    /// is read.
    pub sentences: &'static [(Sentence, &'static str)],
    /// How a new unit of each kind is announced (`{kind}`).
    pub new_units: &'static [(NewUnit, &'static str)],
    /// Preambular ordinals, from 1 (`premier`, `deuxième`, ...), for `{ord}`:
    /// the language's one ordinals table ([`super::ordinals`]), in the form
    /// that agrees with its word for a preambular paragraph.
    pub preambular_ordinals: super::ordinals::OrdinalForm,
    /// Occurrence ordinals, from 1 (`first`, `second`, ...), for `{occ}`.
    pub occurrence_ordinals: super::ordinals::OrdinalForm,
    /// Contractions applied to the words of a filled template (`de el` →
    /// `del`), outside quotations.
    pub contractions: &'static [(&'static str, &'static str)],
    /// The verbs an amendment opens with, named in error messages.
    pub verbs: &'static [&'static str],
    /// Openings that delete several paragraphs at once, each with the
    /// singular opening it stands for: "Delete operative paragraphs 2 and
    /// 3." reads as "Delete operative paragraph 2." and "Delete operative
    /// paragraph 3.". The numbers are joined by commas and the language's
    /// [`super::vocab::References::and`] and `to` words.
    pub plural_deletions: &'static [(&'static str, &'static str)],
}

impl AmendmentStyle {
    /// The templates of a sentence, the written one first.
    pub fn templates(&self, sentence: Sentence) -> impl Iterator<Item = &'static str> + '_ {
        self.sentences
            .iter()
            .filter(move |(s, _)| *s == sentence)
            .map(|(_, t)| *t)
    }

    /// The phrase announcing a new unit of a kind.
    pub fn new_unit(&self, kind: NewUnit) -> Option<&'static str> {
        self.new_units
            .iter()
            .find(|(k, _)| *k == kind)
            .map(|(_, p)| *p)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::lang::Lang;

    #[test]
    fn every_language_words_every_sentence_and_kind() {
        for lang in Lang::ALL {
            let style = lang.amendments();
            for s in Sentence::ALL {
                assert!(style.templates(s).next().is_some(), "{lang}: {s:?}");
            }
            for kind in RefKind::ALL {
                assert!(
                    style.refs.iter().any(|r| r.kind == kind),
                    "{lang}: {kind:?}"
                );
            }
            for kind in [
                NewUnit::Operative,
                NewUnit::Preambular,
                NewUnit::Subparagraph,
                NewUnit::Heading,
                NewUnit::Paragraph,
                NewUnit::NumberedParagraph,
                NewUnit::Title,
                NewUnit::Chapeau,
                NewUnit::Annex,
            ] {
                assert!(style.new_unit(kind).is_some(), "{lang}: {kind:?}");
            }
        }
    }
}
