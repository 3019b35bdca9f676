//! Formal amendments: generating them from two drafts, reading them, and
//! applying them to a draft.
//!
//! An amendment is tabled against the text under consideration, so every
//! paragraph it names carries its number in that text (the old draft):
//!
//! ```text
//! Preambular paragraph 4: replace "36" with "37".
//! Operative paragraph 2: replace "d’un suspect" with "de deux suspects".
//! After operative paragraph 15, insert a new operative paragraph reading: "..."
//! Delete operative paragraph 7.
//! Move operative paragraph 9 to follow operative paragraph 12.
//! Replace operative paragraph 32 with the following: "..."
//! ```
//!
//! The wording of each language is data ([`crate::lang::amendments`]); the
//! same templates write ([`phrase`]) and read ([`parse()`]) amendments.
//!
//! - [`generate()`] turns two drafts into the list of amendments that makes
//!   the second from the first, quoting as little as is unambiguous;
//! - [`parse()`] reads a list (English, French or Spanish), with line
//!   numbers;
//! - [`apply()`] applies a list to a draft, renumbers it, updates the
//!   draft's cross-references to the units renumbered and reports the
//!   amendments that do not apply: what amending a draft means;
//! - [`apply_exact()`] does the same but leaves cross-references as the
//!   list leaves them: the exact inverse of [`generate()`].
//!
//! `apply_exact(old, generate(old, new)) == new` in the normal form of
//! [`crate::model::Resolution::to_text`] (for drafts numbered in order).

pub mod apply;
mod faithful;
pub mod generate;
mod readings;
pub mod wording;

pub use apply::{Applied, Failure, apply, apply_exact, locate};
pub use generate::{from_comparison, from_redline, generate};
pub use wording::{ParseError, parse, phrase};

use crate::lang::amendments::{NewUnit, RefKind};

/// A unit an amendment names, as it is numbered in the draft amended.
///
/// Beside it, [`RefKind`] is the same list without values: the language
/// tables (`lang`, a layer below `amend`) name a wording by the kind of
/// unit it names, so the kind is a plain tag there, while `Ref` is the
/// typed value built and matched throughout `amend`. The two meet in
/// [`Ref::kind`], the values in the slot table (`wording::slot`), and a
/// test reads every kind back in every sentence and language.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub enum Ref {
    /// The title.
    Title,
    /// The chapeau.
    Chapeau,
    /// Preambular paragraph n.
    Preambular(u32),
    /// Operative paragraph n (`12`, `9bis`).
    Operative(String),
    /// Subparagraph (letter) of preambular paragraph n.
    PreambularSub(u32, String),
    /// Subparagraph (letter) of operative paragraph n.
    OperativeSub(String, String),
    /// Subparagraph (numeral) of a subparagraph (letter) of operative
    /// paragraph n: `7`, `c`, `iv`.
    OperativeSubSub(String, String, String),
    /// Operative paragraph n of section s, which numbers its paragraphs
    /// from 1: `B`, `3`.
    SectionOperative(String, String),
    /// Paragraph n of an annex (`""` for the only annex, or `II`): its
    /// operative paragraph n, or its numbered paragraph n when it has no
    /// operative ones.
    AnnexParagraph(String, String),
    /// The heading just before operative paragraph n.
    HeadingBefore(String),
    /// A heading by its text ("the heading “Cooperation”"), where no
    /// number names it: before a paragraph whose number the draft gives
    /// twice, or before no operative paragraph.
    HeadingText(String),
    /// Any other unit no number names (a second title line, an annex
    /// heading, an unnumbered paragraph), by its whole text quoted ("the
    /// paragraph reading “Distr.: General”"), where no other unit reads
    /// so.
    Text(String),
    /// The nth unit (from 1) whose whole text reads so ("the second
    /// paragraph reading “Annex”"), where several do and no number names
    /// it: a draft holding a paragraph, a heading or a footnote twice.
    NthText(u32, String),
    /// Line n of a title of several lines (`TITLE`, `TITLE-2`).
    TitleLine(u32),
    /// The heading of an annex ("Annex II"; `""` for the only annex).
    AnnexHeading(String),
    /// The title line of an annex, under its heading.
    AnnexTitle(String),
    /// Footnote n.
    Footnote(String),
    /// Any unit by its label (`ANNEX-II/OP3`).
    Label(String),
}

impl Ref {
    /// The kind of reference, to choose its wording.
    pub fn kind(&self) -> RefKind {
        match self {
            Ref::Title => RefKind::Title,
            Ref::Chapeau => RefKind::Chapeau,
            Ref::Preambular(_) => RefKind::Preambular,
            Ref::Operative(_) => RefKind::Operative,
            Ref::PreambularSub(..) => RefKind::PreambularSub,
            Ref::OperativeSub(..) => RefKind::OperativeSub,
            Ref::OperativeSubSub(..) => RefKind::OperativeSubSub,
            Ref::SectionOperative(..) => RefKind::SectionOperative,
            Ref::AnnexParagraph(..) => RefKind::AnnexParagraph,
            Ref::HeadingBefore(_) => RefKind::Heading,
            Ref::HeadingText(_) => RefKind::HeadingText,
            Ref::Text(_) => RefKind::Text,
            Ref::NthText(..) => RefKind::NthText,
            Ref::TitleLine(_) => RefKind::TitleLine,
            Ref::AnnexHeading(_) => RefKind::AnnexHeading,
            Ref::AnnexTitle(_) => RefKind::AnnexTitle,
            Ref::Footnote(_) => RefKind::Footnote,
            Ref::Label(_) => RefKind::Label,
        }
    }

    /// The labels the unit named may carry, most likely first: one, but
    /// two for a paragraph of an annex (`ANNEX-II/OP3` or `ANNEX-II/P3`).
    pub fn labels(&self) -> Vec<String> {
        match self {
            Ref::AnnexParagraph(annex, n) => {
                let part = annex_part(annex);
                vec![format!("{part}/OP{n}"), format!("{part}/P{n}")]
            }
            _ => vec![self.label()],
        }
    }

    /// The label of the unit named (for headings, of the paragraph after
    /// it): `OP12(b)`, `PP4`, `FN7`; a heading named by its text has none
    /// (its quoted text stands in, which no label is).
    pub fn label(&self) -> String {
        match self {
            Ref::Title => "TITLE".into(),
            Ref::Chapeau => "CHAPEAU".into(),
            Ref::Preambular(n) => format!("PP{n}"),
            Ref::Operative(n) | Ref::HeadingBefore(n) => format!("OP{n}"),
            Ref::PreambularSub(n, s) => format!("PP{n}({s})"),
            Ref::OperativeSub(n, s) => format!("OP{n}({s})"),
            Ref::OperativeSubSub(n, s, t) => format!("OP{n}({s})({t})"),
            Ref::SectionOperative(s, n) => format!("{s}/OP{n}"),
            Ref::AnnexParagraph(..) => self.labels()[0].clone(),
            Ref::Footnote(n) => format!("FN{n}"),
            Ref::TitleLine(1) => "TITLE".into(),
            Ref::TitleLine(n) => format!("TITLE-{n}"),
            Ref::AnnexHeading(a) => annex_part(a),
            Ref::AnnexTitle(a) => format!("{}/TITLE", annex_part(a)),
            Ref::HeadingText(t) | Ref::Text(t) => format!("“{t}”"),
            Ref::NthText(n, t) => format!("“{t}”#{n}"),
            Ref::Label(l) => l.clone(),
        }
    }
}

/// The label of an annex's part: `ANNEX` for the only annex (`""`),
/// `ANNEX-II`.
fn annex_part(annex: &str) -> String {
    if annex.is_empty() {
        "ANNEX".to_string()
    } else {
        format!("ANNEX-{annex}")
    }
}

/// Where a new or moved unit goes.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Place {
    /// After a unit (and its subparagraphs, and what was put after it
    /// before).
    After(Ref),
    /// Just before a unit.
    Before(Ref),
}

/// Which occurrence of quoted words an amendment means.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Locator {
    /// The words occur once in the unit.
    Only,
    /// The nth occurrence (1-based).
    Nth(usize),
    /// The occurrence standing right after these words.
    After(String),
}

/// On which side of its anchor an insertion goes.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Side {
    /// After the anchor.
    After,
    /// Before the anchor.
    Before,
}

/// A change of words inside one unit.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum WordEdit {
    /// Replace `old` with `new`.
    Replace {
        /// The words replaced.
        old: String,
        /// The words put in their place.
        new: String,
        /// Which occurrence.
        at: Locator,
    },
    /// Delete words.
    Delete {
        /// The words deleted.
        old: String,
        /// Which occurrence.
        at: Locator,
    },
    /// Insert words next to an anchor.
    Insert {
        /// The words inserted.
        new: String,
        /// After or before the anchor.
        side: Side,
        /// The words next to which they go.
        anchor: String,
        /// Which occurrence of the anchor, when it occurs more than once.
        nth: Option<usize>,
    },
}

/// What an amendment does.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Action {
    /// Change words inside a unit.
    Words {
        /// The unit.
        target: Ref,
        /// The change.
        edit: WordEdit,
    },
    /// Replace the whole text of a unit.
    ReplaceUnit {
        /// The unit.
        target: Ref,
        /// Its new text (without its number).
        text: String,
    },
    /// Insert a new unit.
    InsertUnit {
        /// Where.
        place: Place,
        /// What kind of unit it is; when the wording fits several kinds
        /// (French "alinéa"), every candidate, the one like the unit it
        /// follows being chosen.
        kinds: Vec<NewUnit>,
        /// Its text (without its number).
        text: String,
        /// The number it is given (`9bis`), for an operative paragraph
        /// inserted without renumbering the others; `None` to number it on
        /// renumbering.
        number: Option<String>,
    },
    /// Delete a unit (and its subparagraphs).
    DeleteUnit {
        /// The unit.
        target: Ref,
    },
    /// Move a unit (with its subparagraphs).
    MoveUnit {
        /// The unit.
        target: Ref,
        /// Where it goes.
        place: Place,
    },
    /// Add a footnote; references `[^id]` to it stand in the quoted texts
    /// of other amendments.
    InsertFootnote {
        /// Its number in the amendments (footnotes are renumbered in order
        /// of reference in the amended draft).
        id: String,
        /// Its text.
        text: String,
    },
}

/// One amendment of a list.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Amendment {
    /// The line of the list where it starts (1-based; 0 when generated).
    pub line: usize,
    /// What it does.
    pub action: Action,
}

impl Amendment {
    /// A generated amendment (no line).
    pub fn new(action: Action) -> Self {
        Amendment { line: 0, action }
    }
}
