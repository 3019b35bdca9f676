//! What a paragraph of a draft is, read from its text alone: a chapeau,
//! a table, a heading, or a part that is a report rather than a resolution.
//!
//! ```
//! use redraft::model::classify::is_chapeau;
//! assert!(is_chapeau("L’Assemblée générale,"));
//! assert!(!is_chapeau("Recalling its resolution 75/1,"));
//! ```

use super::blocks::Block;
use super::marker;
use crate::lang::Lang;

/// The chapeau is recognised below the model, where the PDF readers of
/// [`crate::ingest`] need it too: see [`crate::text::chapeau`].
pub use crate::text::chapeau::is_chapeau;
pub(crate) use crate::text::chapeau::is_chapeau_in;

/// A table block: lines opening with `|`.
pub(crate) fn is_table(text: &str) -> bool {
    text.starts_with('|')
}

/// Whether the numbered paragraphs of a part are mostly not operative: a
/// report's paragraphs ("1. Par la résolution ...") rather than a
/// resolution's ("1. Prie ...").
pub(crate) fn is_report(blocks: &[Block]) -> bool {
    let numbered: Vec<&str> = blocks
        .iter()
        .filter_map(|b| marker::operative(&b.text).map(|m| m.rest))
        .collect();
    let operative = numbered
        .iter()
        .filter(|rest| Lang::ALL.iter().any(|l| l.table().opens_operative(rest)))
        .count();
    !numbered.is_empty() && operative * 2 < numbered.len()
}

/// A short line without the punctuation that ends a paragraph:
/// "Cooperation with the United Nations".
pub(crate) fn is_heading(text: &str) -> bool {
    // The ending first: most paragraphs end with a comma or a semicolon,
    // and are not split into words at all. Counted up to 16: a paragraph
    // of 150 words is not read to its end.
    let trimmed = text.trim_end();
    if trimmed.ends_with([',', ';', ':']) {
        return false;
    }
    let words = text.split_whitespace().take(16).count();
    words <= 15 && (!trimmed.ends_with('.') || words <= 6)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn chapeaux_in_three_languages() {
        let t = Lang::En.table();
        assert!(is_chapeau_in(t, "The General Assembly,"));
        assert!(is_chapeau_in(t, "The Assembly of States Parties,"));
        assert!(is_chapeau_in(
            Lang::Fr.table(),
            "L’Assemblée des États Parties,"
        ));
        assert!(is_chapeau_in(Lang::Es.table(), "La Asamblea General,"));
        assert!(is_chapeau_in(Lang::Fr.table(), "L’Assemblée générale,"));
        assert!(is_chapeau_in(Lang::Fr.table(), "Le Conseil de sécurité,"));
        assert!(is_chapeau_in(Lang::Es.table(), "El Consejo de Seguridad,"));
        assert!(is_chapeau_in(t, "The Security Council,"));
        assert!(!is_chapeau_in(
            t,
            "The report of the Secretary-General on the work of the Organization,"
        ));
    }
}
