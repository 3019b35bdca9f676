//! How formal amendments are worded in English: the references to units,
//! the sentences and the kinds of new units, written and read back from
//! the same templates (see [`super`]). The words of a English draft itself
//! are in [`crate::lang::en`].

use super::{AmendmentStyle, NewUnit, RefForm, RefKind, Sentence};
use crate::lang::ordinals::OrdinalForm;
use crate::lang::ordinals::en::ORDINALS;

/// How amendments are worded in English.
pub static AMENDMENTS: AmendmentStyle = AmendmentStyle {
    quotes: ("\"", "\""),
    refs: &[
        RefForm {
            kind: RefKind::Title,
            bare: "title",
            definite: "the title",
        },
        RefForm {
            kind: RefKind::Chapeau,
            bare: "chapeau",
            definite: "the chapeau",
        },
        RefForm {
            kind: RefKind::Preambular,
            bare: "preambular paragraph {p}",
            definite: "preambular paragraph {p}",
        },
        RefForm {
            kind: RefKind::Preambular,
            bare: "{ord} preambular paragraph",
            definite: "the {ord} preambular paragraph",
        },
        RefForm {
            kind: RefKind::Operative,
            bare: "operative paragraph {n}",
            definite: "operative paragraph {n}",
        },
        RefForm {
            kind: RefKind::PreambularSub,
            bare: "preambular paragraph {p} ({sub})",
            definite: "preambular paragraph {p} ({sub})",
        },
        RefForm {
            kind: RefKind::OperativeSub,
            bare: "operative paragraph {n} ({sub})",
            definite: "operative paragraph {n} ({sub})",
        },
        RefForm {
            kind: RefKind::OperativeSub,
            bare: "subparagraph ({sub}) of operative paragraph {n}",
            definite: "subparagraph ({sub}) of operative paragraph {n}",
        },
        RefForm {
            kind: RefKind::OperativeSubSub,
            bare: "operative paragraph {n} ({sub}) ({sub2})",
            definite: "operative paragraph {n} ({sub}) ({sub2})",
        },
        RefForm {
            kind: RefKind::OperativeSubSub,
            bare: "subparagraph ({sub2}) of subparagraph ({sub}) of operative paragraph {n}",
            definite: "subparagraph ({sub2}) of subparagraph ({sub}) of operative paragraph {n}",
        },
        RefForm {
            kind: RefKind::AnnexParagraph,
            bare: "paragraph {n} of annex {ax}",
            definite: "paragraph {n} of annex {ax}",
        },
        RefForm {
            kind: RefKind::AnnexParagraph,
            bare: "paragraph {n} of the annex",
            definite: "paragraph {n} of the annex",
        },
        RefForm {
            kind: RefKind::SectionOperative,
            bare: "operative paragraph {n} of section {sec}",
            definite: "operative paragraph {n} of section {sec}",
        },
        RefForm {
            kind: RefKind::SectionOperative,
            bare: "paragraph {n} of section {sec}",
            definite: "paragraph {n} of section {sec}",
        },
        RefForm {
            kind: RefKind::Heading,
            bare: "heading before operative paragraph {n}",
            definite: "the heading before operative paragraph {n}",
        },
        RefForm {
            kind: RefKind::Heading,
            bare: "the heading before operative paragraph {n}",
            definite: "the heading preceding operative paragraph {n}",
        },
        RefForm {
            kind: RefKind::HeadingText,
            bare: "heading {text}",
            definite: "the heading {text}",
        },
        RefForm {
            kind: RefKind::Text,
            bare: "paragraph reading {text}",
            definite: "the paragraph reading {text}",
        },
        RefForm {
            kind: RefKind::NthText,
            bare: "{ord} paragraph reading {text}",
            definite: "the {ord} paragraph reading {text}",
        },
        RefForm {
            kind: RefKind::TitleLine,
            bare: "line {p} of the title",
            definite: "line {p} of the title",
        },
        RefForm {
            kind: RefKind::AnnexHeading,
            bare: "heading of annex {ax}",
            definite: "the heading of annex {ax}",
        },
        RefForm {
            kind: RefKind::AnnexHeading,
            bare: "heading of the annex",
            definite: "the heading of the annex",
        },
        RefForm {
            kind: RefKind::AnnexTitle,
            bare: "title of annex {ax}",
            definite: "the title of annex {ax}",
        },
        RefForm {
            kind: RefKind::AnnexTitle,
            bare: "title of the annex",
            definite: "the title of the annex",
        },
        RefForm {
            kind: RefKind::Footnote,
            bare: "footnote {fn}",
            definite: "footnote {fn}",
        },
        RefForm {
            kind: RefKind::Label,
            bare: "unit {label}",
            definite: "unit {label}",
        },
        // Read, never written: the negotiators' shorthand.
        RefForm {
            kind: RefKind::Operative,
            bare: "OP{n}",
            definite: "OP{n}",
        },
        RefForm {
            kind: RefKind::Preambular,
            bare: "PP{p}",
            definite: "PP{p}",
        },
        RefForm {
            kind: RefKind::Operative,
            bare: "OP {n}",
            definite: "OP {n}",
        },
        RefForm {
            kind: RefKind::Preambular,
            bare: "PP {p}",
            definite: "PP {p}",
        },
    ],
    sentences: &[
        (Sentence::Replace, "{ref}: replace {old} with {new}."),
        (Sentence::Replace, "in {the_ref}, replace {old} with {new}."),
        (
            Sentence::ReplaceNth,
            "{ref}: replace the {occ} occurrence of {old} with {new}.",
        ),
        (
            Sentence::ReplaceAfter,
            "{ref}: after {anchor}, replace {old} with {new}.",
        ),
        (Sentence::Delete, "{ref}: delete {old}."),
        (Sentence::Delete, "in {the_ref}, delete {old}."),
        (
            Sentence::DeleteNth,
            "{ref}: delete the {occ} occurrence of {old}.",
        ),
        (
            Sentence::DeleteAfter,
            "{ref}: after {anchor}, delete {old}.",
        ),
        (
            Sentence::InsertAfter,
            "{ref}: after {anchor}, insert {new}.",
        ),
        (
            Sentence::InsertAfter,
            "in {the_ref}, after {anchor}, insert {new}.",
        ),
        (
            Sentence::InsertAfterNth,
            "{ref}: after the {occ} occurrence of {anchor}, insert {new}.",
        ),
        (
            Sentence::InsertBefore,
            "{ref}: before {anchor}, insert {new}.",
        ),
        (
            Sentence::InsertBeforeNth,
            "{ref}: before the {occ} occurrence of {anchor}, insert {new}.",
        ),
        (
            Sentence::ReplaceUnit,
            "replace {the_ref} with the following: {new}",
        ),
        (
            Sentence::InsertUnitAfter,
            "after {the_ref}, insert {kind} reading: {new}",
        ),
        (
            Sentence::InsertNumberedAfter,
            "after {the_ref}, insert a new paragraph {number} reading: {new}",
        ),
        (
            Sentence::InsertUnitBefore,
            "before {the_ref}, insert {kind} reading: {new}",
        ),
        (Sentence::DeleteUnit, "delete {the_ref}."),
        (Sentence::MoveAfter, "move {the_ref} to follow {the_ref2}."),
        (
            Sentence::MoveBefore,
            "move {the_ref} to precede {the_ref2}.",
        ),
        (
            Sentence::InsertFootnote,
            "insert a new footnote {fn} reading: {new}",
        ),
        // Read, never written: how delegations also put it.
        (Sentence::Replace, "{ref}, replace {old} with {new}."),
        (Sentence::Replace, "{ref}: replace {old} by {new}."),
        (Sentence::Replace, "{ref}, replace {old} by {new}."),
        (
            Sentence::Replace,
            "{ref}: replace the word {old} with {new}.",
        ),
        (
            Sentence::Replace,
            "{ref}: replace the words {old} with {new}.",
        ),
        (Sentence::Replace, "{ref}: replace the word {old} by {new}."),
        (
            Sentence::Replace,
            "{ref}: replace the words {old} by {new}.",
        ),
        (Sentence::Replace, "in {the_ref}, replace {old} by {new}."),
        (
            Sentence::Replace,
            "in {the_ref}, replace the word {old} with {new}.",
        ),
        (
            Sentence::Replace,
            "in {the_ref}, replace the words {old} with {new}.",
        ),
        (Sentence::Delete, "{ref}, delete {old}."),
        (Sentence::Delete, "{ref}: delete the word {old}."),
        (Sentence::Delete, "{ref}: delete the words {old}."),
        (Sentence::Delete, "in {the_ref}, delete the word {old}."),
        (Sentence::Delete, "in {the_ref}, delete the words {old}."),
        (Sentence::InsertAfter, "{ref}: insert {new} after {anchor}."),
        (Sentence::InsertAfter, "{ref}, insert {new} after {anchor}."),
        (
            Sentence::InsertAfter,
            "in {the_ref}, insert {new} after {anchor}.",
        ),
        (
            Sentence::InsertAfter,
            "{ref}, after {anchor}, insert {new}.",
        ),
        (
            Sentence::InsertBefore,
            "{ref}: insert {new} before {anchor}.",
        ),
        (
            Sentence::InsertBefore,
            "in {the_ref}, insert {new} before {anchor}.",
        ),
        (
            Sentence::InsertUnitAfter,
            "after {the_ref}, add {kind} reading: {new}",
        ),
        (
            Sentence::InsertUnitAfter,
            "after {the_ref}, insert {kind} which reads: {new}",
        ),
        (
            Sentence::InsertUnitBefore,
            "before {the_ref}, add {kind} reading: {new}",
        ),
        (Sentence::ReplaceUnit, "replace {the_ref} with: {new}"),
        (Sentence::ReplaceUnit, "replace {the_ref} to read: {new}"),
        (
            Sentence::DeleteUnit,
            "delete {the_ref} and renumber the subsequent paragraphs accordingly.",
        ),
        (
            Sentence::DeleteUnit,
            "delete {the_ref} and renumber subsequent paragraphs accordingly.",
        ),
        (Sentence::DeleteUnit, "delete {the_ref} in its entirety."),
    ],
    new_units: &[
        (NewUnit::Operative, "a new operative paragraph"),
        // "A new paragraph" is read as the kind of paragraph it stands
        // beside: preambular next to the preamble, operative elsewhere.
        (NewUnit::Operative, "a new paragraph"),
        (NewUnit::Preambular, "a new preambular paragraph"),
        (NewUnit::Preambular, "a new paragraph"),
        (NewUnit::Subparagraph, "a new subparagraph"),
        (NewUnit::Heading, "a new heading"),
        (NewUnit::Paragraph, "a new unnumbered paragraph"),
        (NewUnit::NumberedParagraph, "a new paragraph"),
        (NewUnit::NumberedParagraph, "a new numbered paragraph"),
        (NewUnit::Title, "a new title line"),
        (NewUnit::Chapeau, "a new chapeau"),
        (NewUnit::Annex, "a new annex heading"),
    ],
    preambular_ordinals: OrdinalForm {
        ordinals: &ORDINALS,
        form: 0,
    },
    occurrence_ordinals: OrdinalForm {
        ordinals: &ORDINALS,
        form: 0,
    },
    contractions: &[],
    verbs: &["replace", "delete", "insert", "move"],
    plural_deletions: &[
        (
            "delete operative paragraphs ",
            "delete operative paragraph ",
        ),
        (
            "delete preambular paragraphs ",
            "delete preambular paragraph ",
        ),
        ("delete footnotes ", "delete footnote "),
    ],
};
