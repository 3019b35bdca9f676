//! How formal amendments are worded in Spanish: the references to units,
//! the sentences and the kinds of new units, written and read back from
//! the same templates (see [`super`]). The words of a Spanish draft itself
//! are in [`crate::lang::es`].

use super::{AmendmentStyle, NewUnit, RefForm, RefKind, Sentence};
use crate::lang::ordinals::OrdinalForm;
use crate::lang::ordinals::es::ORDINALS;

/// How amendments are worded in Spanish.
pub static AMENDMENTS: AmendmentStyle = AmendmentStyle {
    quotes: ("«", "»"),
    refs: &[
        RefForm {
            kind: RefKind::Title,
            bare: "título",
            definite: "el título",
        },
        RefForm {
            kind: RefKind::Chapeau,
            bare: "encabezamiento",
            definite: "el encabezamiento",
        },
        RefForm {
            kind: RefKind::Preambular,
            bare: "{ord} párrafo del preámbulo",
            definite: "el {ord} párrafo del preámbulo",
        },
        RefForm {
            kind: RefKind::Preambular,
            bare: "párrafo {p} del preámbulo",
            definite: "el párrafo {p} del preámbulo",
        },
        RefForm {
            kind: RefKind::Operative,
            bare: "párrafo {n} de la parte dispositiva",
            definite: "el párrafo {n} de la parte dispositiva",
        },
        RefForm {
            kind: RefKind::PreambularSub,
            bare: "apartado {sub}) del {ord} párrafo del preámbulo",
            definite: "el apartado {sub}) del {ord} párrafo del preámbulo",
        },
        RefForm {
            kind: RefKind::PreambularSub,
            bare: "apartado {sub}) del párrafo {p} del preámbulo",
            definite: "el apartado {sub}) del párrafo {p} del preámbulo",
        },
        RefForm {
            kind: RefKind::OperativeSub,
            bare: "apartado {sub}) del párrafo {n} de la parte dispositiva",
            definite: "el apartado {sub}) del párrafo {n} de la parte dispositiva",
        },
        RefForm {
            kind: RefKind::AnnexParagraph,
            bare: "párrafo {n} del anexo {ax}",
            definite: "el párrafo {n} del anexo {ax}",
        },
        RefForm {
            kind: RefKind::AnnexParagraph,
            bare: "párrafo {n} del anexo",
            definite: "el párrafo {n} del anexo",
        },
        RefForm {
            kind: RefKind::SectionOperative,
            bare: "párrafo {n} de la sección {sec}",
            definite: "el párrafo {n} de la sección {sec}",
        },
        RefForm {
            kind: RefKind::OperativeSubSub,
            bare: "inciso {sub2}) del apartado {sub}) del párrafo {n} de la parte dispositiva",
            definite: "el inciso {sub2}) del apartado {sub}) del párrafo {n} de la parte dispositiva",
        },
        RefForm {
            kind: RefKind::Heading,
            bare: "subtítulo que precede al párrafo {n} de la parte dispositiva",
            definite: "el subtítulo que precede al párrafo {n} de la parte dispositiva",
        },
        RefForm {
            kind: RefKind::Heading,
            bare: "el subtítulo que precede al párrafo {n} de la parte dispositiva",
            definite: "el subtítulo anterior al párrafo {n} de la parte dispositiva",
        },
        RefForm {
            kind: RefKind::HeadingText,
            bare: "subtítulo {text}",
            definite: "el subtítulo {text}",
        },
        RefForm {
            kind: RefKind::Text,
            bare: "párrafo que dice {text}",
            definite: "el párrafo que dice {text}",
        },
        RefForm {
            kind: RefKind::NthText,
            bare: "{ord} párrafo que dice {text}",
            definite: "el {ord} párrafo que dice {text}",
        },
        RefForm {
            kind: RefKind::TitleLine,
            bare: "línea {p} del título",
            definite: "la línea {p} del título",
        },
        RefForm {
            kind: RefKind::AnnexHeading,
            bare: "encabezado del anexo {ax}",
            definite: "el encabezado del anexo {ax}",
        },
        RefForm {
            kind: RefKind::AnnexHeading,
            bare: "encabezado del anexo",
            definite: "el encabezado del anexo",
        },
        RefForm {
            kind: RefKind::AnnexTitle,
            bare: "título del anexo {ax}",
            definite: "el título del anexo {ax}",
        },
        RefForm {
            kind: RefKind::AnnexTitle,
            bare: "título del anexo",
            definite: "el título del anexo",
        },
        RefForm {
            kind: RefKind::Footnote,
            bare: "nota {fn}",
            definite: "la nota {fn}",
        },
        RefForm {
            kind: RefKind::Label,
            bare: "unidad {label}",
            definite: "la unidad {label}",
        },
    ],
    sentences: &[
        (Sentence::Replace, "{ref}: sustitúyase {old} por {new}."),
        (
            Sentence::Replace,
            "en {the_ref}, sustitúyase {old} por {new}.",
        ),
        (
            Sentence::ReplaceNth,
            "{ref}: sustitúyase la {occ} mención de {old} por {new}.",
        ),
        (
            Sentence::ReplaceAfter,
            "{ref}: después de {anchor}, sustitúyase {old} por {new}.",
        ),
        (Sentence::Delete, "{ref}: suprímase {old}."),
        (Sentence::Delete, "en {the_ref}, suprímase {old}."),
        (
            Sentence::DeleteNth,
            "{ref}: suprímase la {occ} mención de {old}.",
        ),
        (
            Sentence::DeleteAfter,
            "{ref}: después de {anchor}, suprímase {old}.",
        ),
        (
            Sentence::InsertAfter,
            "{ref}: después de {anchor}, insértese {new}.",
        ),
        (
            Sentence::InsertAfter,
            "en {the_ref}, después de {anchor}, insértese {new}.",
        ),
        (
            Sentence::InsertAfterNth,
            "{ref}: después de la {occ} mención de {anchor}, insértese {new}.",
        ),
        (
            Sentence::InsertBefore,
            "{ref}: antes de {anchor}, insértese {new}.",
        ),
        (
            Sentence::InsertBeforeNth,
            "{ref}: antes de la {occ} mención de {anchor}, insértese {new}.",
        ),
        (
            Sentence::ReplaceUnit,
            "sustitúyase {the_ref} por el texto siguiente: {new}",
        ),
        (
            Sentence::InsertUnitAfter,
            "después de {the_ref}, insértese {kind}: {new}",
        ),
        (
            Sentence::InsertNumberedAfter,
            "después de {the_ref}, insértese el nuevo párrafo {number} siguiente: {new}",
        ),
        (
            Sentence::InsertUnitBefore,
            "antes de {the_ref}, insértese {kind}: {new}",
        ),
        (Sentence::DeleteUnit, "suprímase {the_ref}."),
        (
            Sentence::MoveAfter,
            "trasládese {the_ref} a continuación de {the_ref2}.",
        ),
        (
            Sentence::MoveBefore,
            "trasládese {the_ref} antes de {the_ref2}.",
        ),
        (
            Sentence::InsertFootnote,
            "insértese la nueva nota {fn} siguiente: {new}",
        ),
        // Leídas, nunca escritas: otras formas de las delegaciones.
        (Sentence::Replace, "{ref}, sustitúyase {old} por {new}."),
        (Sentence::Replace, "{ref}: reemplácese {old} por {new}."),
        (
            Sentence::Replace,
            "{ref}: sustitúyase la palabra {old} por {new}.",
        ),
        (
            Sentence::Replace,
            "{ref}: sustitúyanse las palabras {old} por {new}.",
        ),
        (
            Sentence::Replace,
            "en {the_ref}, reemplácese {old} por {new}.",
        ),
        (Sentence::Delete, "{ref}, suprímase {old}."),
        (Sentence::Delete, "{ref}: suprímase la palabra {old}."),
        (Sentence::Delete, "{ref}: suprímanse las palabras {old}."),
        (Sentence::Delete, "{ref}: elimínese {old}."),
        (
            Sentence::InsertAfter,
            "{ref}: insértese {new} después de {anchor}.",
        ),
        (
            Sentence::InsertAfter,
            "en {the_ref}, insértese {new} después de {anchor}.",
        ),
        (
            Sentence::InsertBefore,
            "{ref}: insértese {new} antes de {anchor}.",
        ),
        (
            Sentence::InsertUnitAfter,
            "después de {the_ref}, añádase {kind}: {new}",
        ),
        (Sentence::DeleteUnit, "elimínese {the_ref}."),
        (
            Sentence::DeleteUnit,
            "suprímase {the_ref} y renumérense los párrafos siguientes.",
        ),
    ],
    new_units: &[
        (NewUnit::Operative, "el nuevo párrafo siguiente"),
        // Escrito junto a un párrafo numerado de un anexo, donde «el nuevo
        // párrafo siguiente» sería uno de ellos.
        (
            NewUnit::Operative,
            "el nuevo párrafo de la parte dispositiva siguiente",
        ),
        (
            NewUnit::Preambular,
            "el nuevo párrafo del preámbulo siguiente",
        ),
        (NewUnit::Subparagraph, "el nuevo apartado siguiente"),
        (NewUnit::Heading, "el nuevo subtítulo siguiente"),
        (NewUnit::Paragraph, "el nuevo párrafo sin numerar siguiente"),
        (NewUnit::NumberedParagraph, "el nuevo párrafo siguiente"),
        (
            NewUnit::NumberedParagraph,
            "el nuevo párrafo numerado siguiente",
        ),
        (NewUnit::Title, "la nueva línea de título siguiente"),
        (NewUnit::Chapeau, "el nuevo encabezamiento siguiente"),
        (NewUnit::Annex, "el nuevo título de anexo siguiente"),
    ],
    preambular_ordinals: OrdinalForm {
        ordinals: &ORDINALS,
        form: 0,
    },
    occurrence_ordinals: OrdinalForm {
        ordinals: &ORDINALS,
        form: 2,
    },
    contractions: &[("de el ", "del "), ("a el ", "al ")],
    verbs: &["sustitúyase", "suprímase", "insértese", "trasládese"],
    plural_deletions: &[
        ("suprímanse los párrafos ", "suprímase el párrafo "),
        ("elimínense los párrafos ", "elimínese el párrafo "),
        ("suprímanse las notas ", "suprímase la nota "),
    ],
};
