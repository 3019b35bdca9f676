//! The words of a compilation of proposals (`redraft compile`), per
//! language: headings, counts, the attribution of deletions, the
//! alternatives' label. The negotiating convention is the same in the
//! three languages: `[base / Alt 1: … (EU) / Alt 2: … (G77)]`, names in
//! brackets after the words they propose.

use super::Lang;

/// The words of one language.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct CompileWords {
    /// The document's heading, before the base's name.
    pub title: &'static str,
    /// "Delegations".
    pub delegations: &'static str,
    /// The heading of the counts per delegation.
    pub by_delegation: &'static str,
    /// Edited, inserted, deleted: the names of the counts, each before
    /// its number (`edited 2, inserted 1, deleted 0`), which spares
    /// agreeing them with the number.
    pub counts: [&'static str; 3],
    /// The heading of the most contested paragraphs.
    pub contested: &'static str,
    /// "delegation", "delegations".
    pub delegation: [&'static str; 2],
    /// "alternatives" (two or more).
    pub alternatives: &'static str,
    /// "no proposals".
    pub none: &'static str,
    /// The heading of the text.
    pub text: &'static str,
    /// The alternative's label: `Alt 1`.
    pub alt: &'static str,
    /// What a delegation proposes for words it would delete, and for a
    /// paragraph: "delete".
    pub delete: &'static str,
    /// Before the base units a new one comes from: "from".
    pub from: &'static str,
    /// The word "Show" over the filter's boxes.
    pub show: &'static str,
    /// What stands before a colon: nothing in English and Spanish, a
    /// no-break space in French (`Délégations : UE`).
    pub before_colon: &'static str,
}

const EN: CompileWords = CompileWords {
    title: "Compilation of proposals on",
    delegations: "Delegations",
    by_delegation: "Proposals by delegation",
    counts: ["edited", "inserted", "deleted"],
    contested: "Most contested",
    delegation: ["delegation", "delegations"],
    alternatives: "alternatives",
    none: "no proposals",
    text: "Text",
    alt: "Alt",
    delete: "delete",
    from: "from",
    show: "Show",
    before_colon: "",
};

const FR: CompileWords = CompileWords {
    title: "Compilation des propositions sur",
    delegations: "Délégations",
    by_delegation: "Propositions par délégation",
    counts: ["modifiés", "insérés", "supprimés"],
    contested: "Paragraphes les plus discutés",
    delegation: ["délégation", "délégations"],
    alternatives: "variantes",
    none: "aucune proposition",
    text: "Texte",
    alt: "Var.",
    delete: "supprimer",
    from: "issu de",
    show: "Afficher",
    before_colon: "\u{a0}",
};

const ES: CompileWords = CompileWords {
    title: "Compilación de las propuestas sobre",
    delegations: "Delegaciones",
    by_delegation: "Propuestas por delegación",
    counts: ["modificados", "insertados", "suprimidos"],
    contested: "Párrafos más debatidos",
    delegation: ["delegación", "delegaciones"],
    alternatives: "variantes",
    none: "ninguna propuesta",
    text: "Texto",
    alt: "Var.",
    delete: "suprimir",
    from: "procedente de",
    show: "Mostrar",
    before_colon: "",
};

impl CompileWords {
    /// The words of a language.
    pub fn of(lang: Lang) -> &'static CompileWords {
        match lang {
            Lang::En => &EN,
            Lang::Fr => &FR,
            Lang::Es => &ES,
        }
    }

    /// A label and its colon: `Délégations :`.
    pub fn colon(&self, label: &str) -> String {
        format!("{label}{}:", self.before_colon)
    }

    /// "1 delegation", "3 delegations".
    pub fn delegations_count(&self, n: usize) -> String {
        format!("{n} {}", self.delegation[usize::from(n != 1)])
    }
}
