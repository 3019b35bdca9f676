//! What a cross-reference is once read: the [`Reference`] with its
//! [`Target`]s, each number or letter a [`Piece`] with the byte range it is
//! written at, and the [`Place`] word ("above") that may follow.
//!
//! `paragraphs 3 (a) and 4 above` → one reference, two targets (`OP3(a)`,
//! `OP4`), place "above".

use crate::lang::References;
use std::ops::Range;

/// A number or letter of a reference, where it is written.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Piece {
    /// Its byte range in the document text.
    pub range: Range<usize>,
    /// Its canonical value: `12`, `9bis`, `b`, `ii`; for an ordinal word,
    /// the number it stands for.
    pub value: String,
}

/// What kind of unit a reference points at.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum TargetKind {
    /// An operative paragraph (or one of its subparagraphs).
    Operative,
    /// A preambular paragraph (or one of its subparagraphs).
    Preambular,
    /// A subparagraph of the paragraph the reference stands in.
    Sibling,
}

/// One unit a reference points at.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Target {
    /// Operative, preambular or sibling.
    pub kind: TargetKind,
    /// The paragraph number; none for a sibling subparagraph.
    pub number: Option<Piece>,
    /// When the number is an ordinal word, which of its forms
    /// ("première" is form 1 of the first ordinal).
    pub ordinal: Option<usize>,
    /// The subparagraph path: `b`, then `ii`.
    pub subs: Vec<Piece>,
}

impl Target {
    /// Its number as a label writes it (`9bis`, or empty for a sibling)
    /// and its subparagraph path (`(b)(ii)`).
    pub(crate) fn number_and_subs(&self) -> (&str, String) {
        let number = self.number.as_ref().map_or("", |n| n.value.as_str());
        let subs = self.subs.iter().map(|s| format!("({})", s.value)).collect();
        (number, subs)
    }

    /// A key for comparing targets across versions: `OP9bis(b)`, `PP2`,
    /// `(a)`.
    pub fn form(&self) -> String {
        let prefix = match self.kind {
            TargetKind::Operative => "OP",
            TargetKind::Preambular => "PP",
            TargetKind::Sibling => "",
        };
        let (number, subs) = self.number_and_subs();
        format!("{prefix}{number}{subs}")
    }
}

/// A cross-reference found in a draft.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Reference {
    /// The unit it stands in.
    pub unit: usize,
    /// Its byte range in the document text, from the noun (or ordinal) to
    /// the last word that belongs to it ("above", "du dispositif").
    pub range: Range<usize>,
    /// Whether it points into another text (not resolved).
    pub external: bool,
    /// What it points at: one target per number or letter.
    pub targets: Vec<Target>,
    /// The word that places its targets above or below ("above",
    /// "ci-dessous"), if it has one.
    pub place: Option<Place>,
    /// Whether it names the present resolution ("paragraph 6 of the present
    /// resolution"): from an annex, it then points into the main text.
    pub of_present: bool,
    /// For "paragraph 3 of section B above", the section's letter (`B`):
    /// its targets are numbered within that section.
    pub section: Option<String>,
    /// For "paragraph 3 of the annex to the present resolution", the label
    /// of the annex (`ANNEX`, `ANNEX-II`). Such a reference is external to
    /// the main text, so that renumbering there never touches it, but
    /// [`resolve_reference`] looks for its targets in the annex.
    pub annex: Option<String>,
}

/// "above" or "below" after a reference, as written.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Place {
    /// The word's byte range in the document text.
    pub range: Range<usize>,
    /// Whether it places the targets after the reference ("below").
    pub below: bool,
    /// Where the word stands in its list ([`References::above`] or
    /// [`References::below`]); the word at this place in the other list is
    /// its opposite.
    pub index: usize,
}

impl Place {
    /// The word that says the opposite ("below" for "above"), in the case
    /// of the word written; `None` when the language has none.
    pub fn opposite(&self, words: &References, written: &str) -> Option<String> {
        let other = if self.below { words.above } else { words.below };
        let word = other.get(self.index)?;
        let upper = written.chars().next().is_some_and(char::is_uppercase);
        let mut chars = word.chars();
        Some(match chars.next() {
            Some(first) if upper => first.to_uppercase().chain(chars).collect(),
            _ => (*word).to_string(),
        })
    }
}
