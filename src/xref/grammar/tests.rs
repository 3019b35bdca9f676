//! The grammar's shapes in English, French and Spanish, and what makes a
//! reference external.

use super::*;
use crate::lang::Lang;
use crate::model::ParseOptions;

fn refs(body: &str) -> Vec<(String, bool, Vec<String>)> {
    let (chapeau, lang) = if body.contains("Prie") {
        ("L’Assemblée des États Parties,", Lang::Fr)
    } else if body.contains("Pide") {
        ("La Asamblea de los Estados Partes,", Lang::Es)
    } else {
        ("The General Assembly,", Lang::En)
    };
    let text = format!("{chapeau}\n\n{body}\n");
    let options = ParseOptions { lang: Some(lang) };
    let doc = Document::parse("t", text, &options).unwrap();
    doc.references()
        .iter()
        .map(|r| {
            let forms = r.targets.iter().map(Target::form).collect();
            (
                doc.text[r.range.clone()]
                    .split_whitespace()
                    .collect::<Vec<_>>()
                    .join(" "),
                r.external,
                forms,
            )
        })
        .collect()
}

fn one(body: &str) -> (String, bool, Vec<String>) {
    let mut r = refs(body);
    assert_eq!(r.len(), 1, "{r:?}");
    r.remove(0)
}

#[test]
fn english_shapes() {
    assert_eq!(one("1. Recalls paragraph 12;").2, ["OP12"]);
    assert_eq!(one("1. Recalls paragraphs 3 to 5;").2, ["OP3", "OP5"]);
    assert_eq!(one("1. Recalls paragraphs 3 and 4;").2, ["OP3", "OP4"]);
    assert_eq!(
        one("1. Recalls paragraphs 3, 4, and 7;").2,
        ["OP3", "OP4", "OP7"]
    );
    assert_eq!(one("1. Recalls paragraph 3 (b);").2, ["OP3(b)"]);
    assert_eq!(
        one("1. Recalls paragraph 3 (a) and (b);").2,
        ["OP3(a)", "OP3(b)"]
    );
    assert_eq!(one("1. Recalls paragraph 9 bis;").2, ["OP9bis"]);
    assert_eq!(
        one("1. Recalls subparagraph (a) of paragraph 4;").2,
        ["OP4(a)"]
    );
    assert_eq!(one("1. Recalls operative paragraph 5;").2, ["OP5"]);
    assert_eq!(one("1. Recalls preambular paragraph 2;").2, ["PP2"]);
    assert_eq!(
        one("1. Recalls the second preambular paragraph;").2,
        ["PP2"]
    );
    let (text, external, forms) = one("1. Acts under paragraph 7 above;");
    assert_eq!(
        (text.as_str(), external, forms),
        ("paragraph 7 above", false, vec!["OP7".to_string()])
    );
    assert_eq!(one("1. As in subparagraph (a) above;").2, ["(a)"]);
}

#[test]
fn french_shapes() {
    assert_eq!(
        one("1. Prie, comme au paragraphe 12 ci-dessus ;").2,
        ["OP12"]
    );
    assert_eq!(
        one("1. Prie le Bureau, aux paragraphes 3 à 5 ;").2,
        ["OP3", "OP5"]
    );
    assert_eq!(
        one("1. Prie le Bureau, à l’alinéa b) du paragraphe 4 ;").2,
        ["OP4(b)"]
    );
    assert_eq!(one("1. Prie le Bureau, au paragraphe 4 b) ;").2, ["OP4(b)"]);
    assert_eq!(
        one("1. Prie le Bureau, vu le deuxième alinéa du préambule ;").2,
        ["PP2"]
    );
    assert_eq!(
        one("1. Prie le Bureau, vu l’alinéa 3 du préambule ;").2,
        ["PP3"]
    );
    assert_eq!(
        one("1. Prie le Bureau, vu le paragraphe 5 du dispositif ;").2,
        ["OP5"]
    );
    let (_, external, _) =
        one("1. Prie le Bureau, selon le paragraphe 5 de la présente résolution ;");
    assert!(!external);
}

#[test]
fn spanish_shapes() {
    assert_eq!(
        one("1. Pide a la Mesa, conforme al párrafo 4 a) supra;").2,
        ["OP4(a)"]
    );
    assert_eq!(
        one("1. Pide a la Mesa, según el apartado a) del párrafo 4;").2,
        ["OP4(a)"]
    );
    assert_eq!(
        one("1. Pide a la Mesa, según los párrafos 3 a 5;").2,
        ["OP3", "OP5"]
    );
    assert_eq!(
        one("1. Pide a la Mesa, según el párrafo 2 del preámbulo;").2,
        ["PP2"]
    );
    assert_eq!(
        one("1. Pide a la Mesa, según el segundo párrafo del preámbulo;").2,
        ["PP2"]
    );
    assert!(one("1. Pide a la Mesa, según el párrafo 30 de la resolución ICC-ASP/17/Res.3;").1);
}

#[test]
fn external_references() {
    for body in [
        "1. Recalls paragraph 30 of resolution ICC-ASP/17/Res.3;",
        "1. Recalls article 36, paragraph 8, of the Statute;",
        "1. Recalls its resolution 75/1, in particular paragraph 5;",
        "1. Recalls paragraph 5 thereof;",
        "1. Recalls paragraph 5 of the report of the Bureau;",
        "1. Recalls “as requested in paragraph 5 above”;",
        "1. Prie le Bureau, conformément au paragraphe 37 de la résolution ICC-ASP/19/Res.2 ;",
        "1. Prie le Bureau, conformément au paragraphe 30 du dispositif de la résolution ICC-ASP/17/Res.3 ;",
    ] {
        assert!(one(body).1, "{body}");
    }
}

#[test]
fn not_references() {
    assert!(
        refs("1. Notes the paragraph on the annex, the report and article 93 of the Statute;")
            .is_empty()
    );
    assert!(refs("1. Recalls paragraph 2020 of nothing;").is_empty());
}

#[test]
fn wrapped_reference() {
    let (text, _, forms) = one("1. Acts as in paragraph\n   12 above;");
    assert_eq!(
        (text.as_str(), forms),
        ("paragraph 12 above", vec!["OP12".to_string()])
    );
}

/// Every ordinal the language table writes, 1 to 99, is read back as the
/// preambular paragraph it names, in the form a preambular reference uses.
#[test]
fn ordinal_references_1_to_99() {
    let cases = [
        ("1. Recalls the {} preambular paragraph;", Lang::En),
        (
            "1. Prie le Bureau, vu le {} alinéa du préambule ;",
            Lang::Fr,
        ),
        (
            "1. Pide a la Mesa, según el {} párrafo del preámbulo;",
            Lang::Es,
        ),
    ];
    for (template, lang) in cases {
        for n in 1..=99 {
            let word = lang.table().references.ordinals.word(n, 0).unwrap();
            let body = template.replace("{}", word);
            assert_eq!(one(&body).2, [format!("PP{n}")], "{body}");
        }
    }
}

#[test]
fn compound_ordinals_are_not_read_as_their_last_word() {
    assert_eq!(
        one("1. Recalls the twenty fifth preambular paragraph;").2,
        ["PP25"]
    );
    assert_eq!(
        one("1. Pide a la Mesa, según el vigésimo quinto párrafo del preámbulo;").2,
        ["PP25"]
    );
    assert_eq!(
        one("1. Prie le Bureau, vu le soixante et onzième alinéa du préambule ;").2,
        ["PP71"]
    );
}
