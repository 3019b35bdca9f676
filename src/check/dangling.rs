//! The `xref-dangling` rule: an internal cross-reference to a unit the
//! draft does not have ("paragraph 41 above" in a draft of 40 paragraphs).
//! External references ("paragraph 30 of resolution ICC-ASP/17/Res.3") are
//! not resolved; see [`super::xref`].

use super::{Document, Finding, Rule, quote};
use crate::xref::{self, Target, TargetKind};

/// Every target of an internal reference that names no unit of the draft.
pub fn check(doc: &Document) -> Vec<Finding> {
    let mut out = Vec::new();
    for reference in doc
        .references()
        .iter()
        .filter(|r| !r.external || r.annex.is_some())
    {
        for target in &reference.targets {
            let (label, exists) = xref::resolve_reference(doc, reference, target);
            if exists || label.is_empty() {
                continue;
            }
            let written = quote(&doc.text[reference.range.clone()]);
            let message = format!(
                "“{written}” refers to {}, which this draft does not have",
                describe(target, &label)
            );
            out.push(doc.finding(
                Rule::XrefDangling,
                reference.unit,
                reference.range.clone(),
                message,
            ));
        }
    }
    out
}

/// How a target reads in a message: `OP41`, `OP4(c)`, `PP13`, `subparagraph
/// (d) of OP3 (OP3(d))`.
fn describe(target: &Target, label: &str) -> String {
    match target.kind {
        TargetKind::Sibling => format!("subparagraph {label}"),
        _ => label.to_string(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::ParseOptions;

    fn dangling(text: &str) -> Vec<String> {
        let doc = Document::parse("t", text.to_string(), &ParseOptions::default()).unwrap();
        check(&doc).into_iter().map(|f| f.message).collect()
    }

    #[test]
    fn reports_missing_paragraphs_and_subparagraphs() {
        let text = "The General Assembly,\n\nRecalling x,\n\n1. Decides:\n\n(a) as in subparagraph (c) below;\n\n(b) y;\n\n2. Recalls paragraphs 1 (b) and 3, preambular paragraph 2 and paragraph 1 of resolution 75/1.\n";
        assert_eq!(
            dangling(text),
            [
                "“subparagraph (c) below” refers to subparagraph OP1(c), which this draft does not have",
                "“paragraphs 1 (b) and 3” refers to OP3, which this draft does not have",
                "“preambular paragraph 2” refers to PP2, which this draft does not have",
            ]
        );
    }

    #[test]
    fn a_part_without_operative_paragraphs_resolves_above_and_below_to_its_own() {
        let text = "The General Assembly,\n\n1. Adopts the guidelines annexed;\n\n2. Decides to remain seized of the matter.\n\nAnnex\n\nGuidelines\n\n1. States should cooperate, as set out in paragraph 3 below;\n\n2. States should report, as set out in paragraph 4 below and in paragraph 7 of resolution 75/1;\n\n3. States should share information.\n";
        assert_eq!(
            dangling(text),
            ["“paragraph 4 below” refers to ANNEX/P4, which this draft does not have"]
        );
    }

    #[test]
    fn references_into_the_present_annexes_are_resolved_there() {
        let text = "L’Assemblée générale,\n\nRappelant ses résolutions,\n\n1. Prie les États d’appliquer le paragraphe 3 de l’annexe II à la présente résolution, le paragraphe 5 de l’annexe I de la présente résolution et le paragraphe 4 de l’annexe à la résolution 75/1 ;\n\n2. Décide de rester saisie de la question.\n\nAnnexe I\n\nDéclaration\n\n1. Les États coopèrent ;\n\n2. Les États font rapport.\n\nAnnexe II\n\nProgramme\n\n1. Décide de coopérer ;\n\n2. Décide de faire rapport ;\n\n3. Décide d’échanger des informations.\n";
        assert_eq!(
            dangling(text),
            [
                "“paragraphe 5 de l’annexe I de la présente résolution” refers to ANNEX-I/P5, which this draft does not have"
            ]
        );
        let english = "The General Assembly,\n\n1. Adopts the guidelines;\n\n2. Requests States to apply paragraph 2 of the annex to the present resolution and paragraph 9 of the annex to this resolution.\n\nAnnex\n\n1. States should cooperate;\n\n2. States should report.\n";
        assert_eq!(
            dangling(english),
            [
                "“paragraph 9 of the annex to this resolution” refers to ANNEX/P9, which this draft does not have"
            ]
        );
    }

    #[test]
    fn from_an_annex_the_present_resolution_is_the_main_text() {
        let text = "The General Assembly,\n\n1. Adopts the programme annexed;\n\n2. Decides to remain seized of the matter.\n\nAnnex\n\n1. States implement paragraph 2 of the present resolution;\n\n2. States implement paragraph 16 of the present resolution.\n";
        assert_eq!(
            dangling(text),
            [
                "“paragraph 16 of the present resolution” refers to OP16, which this draft does not have"
            ]
        );
    }

    #[test]
    fn a_reference_to_a_section_is_resolved_in_that_section() {
        let text = "L’Assemblée des États Parties,\n\nA. Universalité\n\n1. Invite les États à adhérer ;\n\n2. Se félicite des adhésions ;\n\nB. Victimes\n\n1. Rappelle le paragraphe 2 de la section A ci-dessus et le paragraphe 5 de la section A ci-dessus ;\n\n2. Décide de rester saisie de la question.\n";
        let options = ParseOptions {
            lang: Some(crate::lang::Lang::Fr),
        };
        let doc = Document::parse("t", text.to_string(), &options).unwrap();
        let messages: Vec<String> = check(&doc).into_iter().map(|f| f.message).collect();
        assert_eq!(
            messages,
            [
                "“paragraphe 5 de la section A ci-dessus” refers to A/OP5, which this draft does not have"
            ]
        );
    }
}
