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
use crate::lang::{Lang, Language};

/// Whether a paragraph is a chapeau in any of the languages.
pub fn is_chapeau(text: &str) -> bool {
    Lang::ALL.iter().any(|l| is_chapeau_in(l.table(), text))
}

/// "The General Assembly,", "L’Assemblée générale,", "Le Conseil de
/// sécurité,", "La Asamblea General,": an article, an organ among the first
/// words, at most twelve words, and a final comma.
pub(crate) fn is_chapeau_in(table: &Language, text: &str) -> bool {
    // Twelve words: a longer text is a paragraph, not split into words.
    let Some(body) = text.strip_suffix(',').filter(|b| b.len() <= 240) else {
        return false;
    };
    let words: Vec<&str> = body
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .collect();
    if words.len() < 2 || words.len() > 12 {
        return false;
    }
    let first = body.split_whitespace().next().unwrap_or("");
    let opens = table
        .chapeau_articles
        .iter()
        .any(|a| first == *a || (a.ends_with(['’', '\'']) && first.starts_with(a)));
    // The organ comes early: "The General Assembly", "Le Conseil de
    // sécurité", "L’Assemblée des États Parties".
    let organ = words.iter().take(4).any(|w| table.organs.contains(w));
    opens && organ
}

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
    let words = text.split_whitespace().count();
    let trimmed = text.trim_end();
    words <= 15 && !trimmed.ends_with([',', ';', ':']) && (!trimmed.ends_with('.') || words <= 6)
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
