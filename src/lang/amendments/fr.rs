//! How formal amendments are worded in French: the references to units,
//! the sentences and the kinds of new units, written and read back from
//! the same templates (see [`super`]). The words of a French draft itself
//! are in [`crate::lang::fr`].

use super::{AmendmentStyle, NewUnit, RefForm, RefKind, Sentence};
use crate::lang::ordinals::OrdinalForm;
use crate::lang::ordinals::fr::ORDINALS;

/// How amendments are worded in French.
pub static AMENDMENTS: AmendmentStyle = AmendmentStyle {
    quotes: ("« ", " »"),
    refs: &[
        RefForm {
            kind: RefKind::Title,
            bare: "titre",
            definite: "le titre",
        },
        RefForm {
            kind: RefKind::Chapeau,
            bare: "chapeau",
            definite: "le chapeau",
        },
        RefForm {
            kind: RefKind::Preambular,
            bare: "{ord} alinéa du préambule",
            definite: "le {ord} alinéa du préambule",
        },
        RefForm {
            kind: RefKind::Preambular,
            bare: "alinéa {p} du préambule",
            definite: "l’alinéa {p} du préambule",
        },
        RefForm {
            kind: RefKind::Operative,
            bare: "paragraphe {n} du dispositif",
            definite: "le paragraphe {n} du dispositif",
        },
        RefForm {
            kind: RefKind::PreambularSub,
            bare: "alinéa {sub}) du {ord} alinéa du préambule",
            definite: "l’alinéa {sub}) du {ord} alinéa du préambule",
        },
        RefForm {
            kind: RefKind::PreambularSub,
            bare: "alinéa {sub}) de l’alinéa {p} du préambule",
            definite: "l’alinéa {sub}) de l’alinéa {p} du préambule",
        },
        RefForm {
            kind: RefKind::OperativeSub,
            bare: "alinéa {sub}) du paragraphe {n} du dispositif",
            definite: "l’alinéa {sub}) du paragraphe {n} du dispositif",
        },
        RefForm {
            kind: RefKind::AnnexParagraph,
            bare: "paragraphe {n} de l’annexe {ax}",
            definite: "le paragraphe {n} de l’annexe {ax}",
        },
        RefForm {
            kind: RefKind::AnnexParagraph,
            bare: "paragraphe {n} de l’annexe",
            definite: "le paragraphe {n} de l’annexe",
        },
        RefForm {
            kind: RefKind::SectionOperative,
            bare: "paragraphe {n} de la section {sec}",
            definite: "le paragraphe {n} de la section {sec}",
        },
        RefForm {
            kind: RefKind::OperativeSubSub,
            bare: "sous-alinéa {sub2}) de l’alinéa {sub}) du paragraphe {n} du dispositif",
            definite: "le sous-alinéa {sub2}) de l’alinéa {sub}) du paragraphe {n} du dispositif",
        },
        RefForm {
            kind: RefKind::Heading,
            bare: "intertitre précédant le paragraphe {n} du dispositif",
            definite: "l’intertitre précédant le paragraphe {n} du dispositif",
        },
        RefForm {
            kind: RefKind::Heading,
            bare: "l’intertitre précédant le paragraphe {n} du dispositif",
            definite: "l’intertitre qui précède le paragraphe {n} du dispositif",
        },
        RefForm {
            kind: RefKind::HeadingText,
            bare: "intertitre {text}",
            definite: "l’intertitre {text}",
        },
        RefForm {
            kind: RefKind::Text,
            bare: "paragraphe libellé {text}",
            definite: "le paragraphe libellé {text}",
        },
        RefForm {
            kind: RefKind::NthText,
            bare: "{ord} paragraphe libellé {text}",
            definite: "le {ord} paragraphe libellé {text}",
        },
        RefForm {
            kind: RefKind::TitleLine,
            bare: "ligne {p} du titre",
            definite: "la ligne {p} du titre",
        },
        RefForm {
            kind: RefKind::AnnexHeading,
            bare: "intitulé de l’annexe {ax}",
            definite: "l’intitulé de l’annexe {ax}",
        },
        RefForm {
            kind: RefKind::AnnexHeading,
            bare: "intitulé de l’annexe",
            definite: "l’intitulé de l’annexe",
        },
        RefForm {
            kind: RefKind::AnnexTitle,
            bare: "titre de l’annexe {ax}",
            definite: "le titre de l’annexe {ax}",
        },
        RefForm {
            kind: RefKind::AnnexTitle,
            bare: "titre de l’annexe",
            definite: "le titre de l’annexe",
        },
        RefForm {
            kind: RefKind::Footnote,
            bare: "note de bas de page {fn}",
            definite: "la note de bas de page {fn}",
        },
        RefForm {
            kind: RefKind::Label,
            bare: "unité {label}",
            definite: "l’unité {label}",
        },
    ],
    sentences: &[
        (Sentence::Replace, "{ref} : remplacer {old} par {new}."),
        (Sentence::Replace, "à {the_ref}, remplacer {old} par {new}."),
        (
            Sentence::ReplaceNth,
            "{ref} : remplacer la {occ} occurrence de {old} par {new}.",
        ),
        (
            Sentence::ReplaceAfter,
            "{ref} : après {anchor}, remplacer {old} par {new}.",
        ),
        (Sentence::Delete, "{ref} : supprimer {old}."),
        (Sentence::Delete, "à {the_ref}, supprimer {old}."),
        (
            Sentence::DeleteNth,
            "{ref} : supprimer la {occ} occurrence de {old}.",
        ),
        (
            Sentence::DeleteAfter,
            "{ref} : après {anchor}, supprimer {old}.",
        ),
        (
            Sentence::InsertAfter,
            "{ref} : après {anchor}, insérer {new}.",
        ),
        (
            Sentence::InsertAfter,
            "à {the_ref}, après {anchor}, insérer {new}.",
        ),
        (
            Sentence::InsertAfterNth,
            "{ref} : après la {occ} occurrence de {anchor}, insérer {new}.",
        ),
        (
            Sentence::InsertBefore,
            "{ref} : avant {anchor}, insérer {new}.",
        ),
        (
            Sentence::InsertBeforeNth,
            "{ref} : avant la {occ} occurrence de {anchor}, insérer {new}.",
        ),
        (
            Sentence::ReplaceUnit,
            "remplacer {the_ref} par le texte suivant : {new}",
        ),
        (
            Sentence::InsertUnitAfter,
            "après {the_ref}, insérer {kind} : {new}",
        ),
        (
            Sentence::InsertNumberedAfter,
            "après {the_ref}, insérer le nouveau paragraphe {number} suivant : {new}",
        ),
        (
            Sentence::InsertUnitBefore,
            "avant {the_ref}, insérer {kind} : {new}",
        ),
        (Sentence::DeleteUnit, "supprimer {the_ref}."),
        (Sentence::MoveAfter, "déplacer {the_ref} après {the_ref2}."),
        (Sentence::MoveBefore, "déplacer {the_ref} avant {the_ref2}."),
        (
            Sentence::InsertFootnote,
            "insérer la nouvelle note de bas de page {fn} suivante : {new}",
        ),
        // Lus, jamais écrits : d'autres tournures des délégations.
        (Sentence::Replace, "{ref}, remplacer {old} par {new}."),
        (
            Sentence::Replace,
            "{ref} : remplacer le mot {old} par {new}.",
        ),
        (
            Sentence::Replace,
            "{ref} : remplacer les mots {old} par {new}.",
        ),
        (
            Sentence::Replace,
            "à {the_ref}, remplacer le mot {old} par {new}.",
        ),
        (
            Sentence::Replace,
            "à {the_ref}, remplacer les mots {old} par {new}.",
        ),
        (Sentence::Delete, "{ref}, supprimer {old}."),
        (Sentence::Delete, "{ref} : supprimer le mot {old}."),
        (Sentence::Delete, "{ref} : supprimer les mots {old}."),
        (
            Sentence::InsertAfter,
            "{ref} : insérer {new} après {anchor}.",
        ),
        (
            Sentence::InsertAfter,
            "à {the_ref}, insérer {new} après {anchor}.",
        ),
        (
            Sentence::InsertBefore,
            "{ref} : insérer {new} avant {anchor}.",
        ),
        (
            Sentence::InsertBefore,
            "à {the_ref}, insérer {new} avant {anchor}.",
        ),
        (
            Sentence::InsertUnitAfter,
            "après {the_ref}, ajouter {kind} : {new}",
        ),
        (
            Sentence::InsertUnitBefore,
            "avant {the_ref}, ajouter {kind} : {new}",
        ),
        (
            Sentence::ReplaceUnit,
            "remplacer {the_ref} par le texte ci-après : {new}",
        ),
        (
            Sentence::DeleteUnit,
            "supprimer {the_ref} et renuméroter les paragraphes suivants en conséquence.",
        ),
        (
            Sentence::DeleteUnit,
            "supprimer {the_ref} dans son intégralité.",
        ),
    ],
    new_units: &[
        (NewUnit::Operative, "le nouveau paragraphe suivant"),
        // Écrit à côté d'un paragraphe numéroté d'une annexe, où « le
        // nouveau paragraphe suivant » serait l'un d'eux.
        (
            NewUnit::Operative,
            "le nouveau paragraphe du dispositif suivant",
        ),
        // « Alinéa » seul se lit selon son voisin (un alinéa du préambule à
        // côté du préambule, un alinéa d'un paragraphe ailleurs) : il
        // n'est écrit que là où les deux reviennent au même.
        (NewUnit::Preambular, "le nouvel alinéa suivant"),
        (NewUnit::Preambular, "le nouvel alinéa du préambule suivant"),
        (NewUnit::Subparagraph, "le nouvel alinéa suivant"),
        (NewUnit::Heading, "le nouvel intertitre suivant"),
        (
            NewUnit::Paragraph,
            "le nouveau paragraphe non numéroté suivant",
        ),
        (NewUnit::NumberedParagraph, "le nouveau paragraphe suivant"),
        (
            NewUnit::NumberedParagraph,
            "le nouveau paragraphe numéroté suivant",
        ),
        (NewUnit::Title, "la nouvelle ligne de titre suivante"),
        (NewUnit::Chapeau, "le nouveau chapeau suivant"),
        (NewUnit::Annex, "le nouvel intitulé d’annexe suivant"),
    ],
    preambular_ordinals: OrdinalForm {
        ordinals: &ORDINALS,
        form: 0,
    },
    occurrence_ordinals: OrdinalForm {
        ordinals: &ORDINALS,
        form: 1,
    },
    contractions: &[("à le ", "au "), ("de le ", "du ")],
    verbs: &["remplacer", "supprimer", "insérer", "déplacer"],
    plural_deletions: &[
        ("supprimer les paragraphes ", "supprimer le paragraphe "),
        ("supprimer les alinéas ", "supprimer l’alinéa "),
        (
            "supprimer les notes de bas de page ",
            "supprimer la note de bas de page ",
        ),
    ],
};
