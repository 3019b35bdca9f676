//! The `xref-direction` rule: an internal cross-reference whose "above" or
//! "below" points the wrong way ("paragraph 12 above" written in paragraph
//! 5), as happens when paragraphs are moved and the references are not
//! reread.

use super::{Document, Finding, Rule, quote};
use crate::model::UnitKind;
use crate::xref::{self, Reference};

/// Every internal reference with "above" (or "ci-dessus", "supra") whose
/// targets all stand after it, or with "below" whose targets all stand
/// before it. A reference to the paragraph it stands in, or from a
/// footnote (footnotes are kept after the text), is not judged.
pub fn check(doc: &Document) -> Vec<Finding> {
    doc.references()
        .iter()
        .filter(|r| !r.external && doc.units()[r.unit].kind != UnitKind::Footnote)
        .filter_map(|r| finding(doc, r))
        .collect()
}

fn finding(doc: &Document, reference: &Reference) -> Option<Finding> {
    let place = reference.place.as_ref()?;
    let mut targets = Vec::new();
    for target in &reference.targets {
        let (label, exists) = xref::resolve_reference(doc, reference, target);
        let index = doc.index_of(&label).filter(|_| exists)?;
        if index == reference.unit || contains(doc, index, reference.unit) {
            return None;
        }
        if (index > reference.unit) == place.below {
            return None;
        }
        targets.push(label);
    }
    let first = targets.first()?;
    let written = quote(&doc.text[reference.range.clone()]);
    let word = &doc.text[place.range.clone()];
    let side = if place.below { "before" } else { "after" };
    let (units, stand) = if targets.len() == 1 {
        (first.clone(), "stands")
    } else {
        (targets.join(", "), "stand")
    };
    let mut message = format!("“{written}” says “{word}”, but {units} {stand} {side} it");
    let suggestion = place
        .opposite(&doc.table().references, word)
        .map(|opposite| {
            let start = place.range.start - reference.range.start;
            let end = place.range.end - reference.range.start;
            let mut text = doc.text[reference.range.clone()].to_string();
            text.replace_range(start..end, &opposite);
            quote(&text)
        });
    if let Some(s) = &suggestion {
        message.push_str(&format!(": should read “{s}”"));
    }
    let mut finding = doc.finding(
        Rule::XrefDirection,
        reference.unit,
        reference.range.clone(),
        message,
    );
    finding.suggestion = suggestion;
    Some(finding)
}

/// Whether `unit` stands inside `paragraph` (a subparagraph of it).
fn contains(doc: &Document, paragraph: usize, unit: usize) -> bool {
    let units = doc.units();
    let mut at = units[unit].parent;
    while let Some(p) = at {
        if p == paragraph {
            return true;
        }
        at = units[p].parent;
    }
    false
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::ParseOptions;

    fn direction(text: &str) -> Vec<String> {
        let doc = Document::parse("t", text.to_string(), &ParseOptions::default()).unwrap();
        check(&doc).into_iter().map(|f| f.message).collect()
    }

    #[test]
    fn reports_above_and_below_pointing_the_wrong_way() {
        let text = "The General Assembly,\n\n1. Decides to act as set out in paragraph 3 above;\n\n2. Recalls paragraph 1 below and paragraphs 1 and 3 above;\n\n3. Notes subparagraph (b) below:\n\n(a) first;\n\n(b) second, as in subparagraph (a) below.\n";
        assert_eq!(
            direction(text),
            [
                "“paragraph 3 above” says “above”, but OP3 stands after it: should read “paragraph 3 below”",
                "“paragraph 1 below” says “below”, but OP1 stands before it: should read “paragraph 1 above”",
                "“subparagraph (a) below” says “below”, but OP3(a) stands before it: should read “subparagraph (a) above”",
            ]
        );
    }

    #[test]
    fn french_words_keep_their_pairs_and_ci_apres_has_no_opposite() {
        let text = "L’Assemblée générale,\n\n1. Rappelle le paragraphe 2 ci-dessus ;\n\n2. Note le paragraphe 1 ci-après et le paragraphe 1 plus bas.\n";
        let options = ParseOptions {
            lang: Some(crate::lang::Lang::Fr),
        };
        let doc = Document::parse("t", text.to_string(), &options).unwrap();
        let messages: Vec<String> = check(&doc).into_iter().map(|f| f.message).collect();
        assert_eq!(
            messages,
            [
                "“paragraphe 2 ci-dessus” says “ci-dessus”, but OP2 stands after it: should read “paragraphe 2 ci-dessous”",
                "“paragraphe 1 ci-après” says “ci-après”, but OP1 stands before it",
                "“paragraphe 1 plus bas” says “plus bas”, but OP1 stands before it: should read “paragraphe 1 plus haut”",
            ]
        );
    }
}
