//! Recognising a chapeau ("The General Assembly,", "L’Assemblée
//! générale,", "La Asamblea General,"): the parser starts a draft's body
//! there, and the PDF and masthead readers of [`crate::ingest`] find where
//! a draft starts in a published document by it.

use crate::lang::{Lang, Language};

/// Whether a paragraph is a chapeau in any of the languages.
pub fn is_chapeau(text: &str) -> bool {
    Lang::ALL.iter().any(|l| is_chapeau_in(l.table(), text))
}

/// "The General Assembly,", "L’Assemblée générale,", "Le Conseil de
/// sécurité,", "La Asamblea General,": an article, an organ among the first
/// words, at most twelve words, and a final comma.
pub fn is_chapeau_in(table: &Language, text: &str) -> bool {
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn chapeaux_in_every_language() {
        assert!(is_chapeau("The General Assembly,"));
        assert!(is_chapeau("L’Assemblée des États Parties,"));
        assert!(is_chapeau_in(Lang::Es.table(), "La Asamblea General,"));
        assert!(!is_chapeau("The General Assembly"));
    }
}
