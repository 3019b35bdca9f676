//! Ordinals ("the twenty-first preambular paragraph", "le vingt et unième
//! alinéa", "el vigésimo primer párrafo"): `check` reads them up to 100 in
//! English, French and Spanish, `--fix` rewrites them, and the amendments
//! written with them are read back, 1 to 99 (issue 11).

use crate::support::*;
use std::fs;
use std::path::Path;

/// `(rule, label, quoted text)` of each finding, as the terminal lists them.
fn findings(args: &[&str]) -> Vec<(String, String, String)> {
    let mut all = vec!["check", "--format", "json"];
    all.extend_from_slice(args);
    let o = redraft(&all);
    let json: serde_json::Value = serde_json::from_str(&stdout(&o))
        .unwrap_or_else(|e| panic!("{e}: {} {}", stdout(&o), stderr(&o)));
    let list = json["files"][0]["findings"]
        .as_array()
        .cloned()
        .unwrap_or_default();
    list.iter()
        .map(|f| {
            let s = |k: &str| f[k].as_str().unwrap_or_default().to_string();
            (s("rule"), s("label"), s("text"))
        })
        .collect()
}

/// A draft of 22 preambular paragraphs refers to its 21st (there), its
/// 25th and its 23rd (not there). "Twenty fifth" and "vigésimo quinto"
/// were read as "fifth" (PP5, which exists), and the 21st not at all.
#[test]
fn twenty_first_preambular_paragraph_in_en_fr_es() {
    let expected = [
        (
            "en",
            "twenty fifth preambular paragraph",
            "twenty-third preambular paragraph",
        ),
        (
            "fr",
            "vingt-cinquième alinéa du préambule",
            "vingt-troisième alinéa du préambule",
        ),
        (
            "es",
            "vigésimo quinto párrafo del preámbulo",
            "vigésimo tercer párrafo del preámbulo",
        ),
    ];
    for (lang, op2, op3) in expected {
        let file = format!("fixtures/check-ordinals/{lang}.txt");
        let found = findings(&[&file]);
        let dangling = |label: &str, text: &str| {
            (
                "xref-dangling".to_string(),
                label.to_string(),
                text.to_string(),
            )
        };
        assert_eq!(
            found,
            [dangling("OP2", op2), dangling("OP3", op3)],
            "{lang}"
        );
    }
}

/// A preambular paragraph inserted at the top: the unchanged reference to
/// the 21st is stale and `--fix` makes it the 22nd, in each language.
#[test]
fn stale_ordinals_are_rewritten_past_twenty() {
    let dir = temp_dir("ordinals-stale");
    let cases = [
        (
            "en",
            "Recalling the Charter,",
            "the twenty-first preambular",
            "the twenty-second preambular",
        ),
        (
            "fr",
            "Rappelant la Charte,",
            "le vingt et unième alinéa",
            "le vingt-deuxième alinéa",
        ),
        (
            "es",
            "Recordando la Carta,",
            "el vigésimo primer párrafo",
            "el vigésimo segundo párrafo",
        ),
    ];
    for (lang, inserted, before, after) in cases {
        let old_text = fs::read_to_string(fixture(&format!("check-ordinals/{lang}.txt"))).unwrap();
        let (chapeau, rest) = old_text.split_once("\n\n").unwrap();
        let new_text = format!("{chapeau}\n\n{inserted}\n\n{rest}");
        let (old, new) = (
            dir.join(format!("{lang}.old.txt")),
            dir.join(format!("{lang}.txt")),
        );
        fs::write(&old, &old_text).unwrap();
        fs::write(&new, &new_text).unwrap();
        let args = [
            "check",
            "--against",
            path(&old),
            "--fix",
            "--in-place",
            path(&new),
        ];
        let o = redraft(&args);
        let fixed = fs::read_to_string(&new).unwrap();
        assert!(
            fixed.contains(after),
            "{lang}: {}{}\n{fixed}",
            stdout(&o),
            stderr(&o)
        );
        assert!(!fixed.contains(before), "{lang}: {fixed}");
    }
}

fn path(p: &Path) -> &str {
    p.to_str().unwrap()
}

/// Every preambular paragraph of a 99-paragraph preamble edited: the
/// amendments name each by its ordinal (French, Spanish) or number
/// (English), and applying them to the old draft gives the new one. The
/// Spanish list once wrote "Decimotercer párrafo del preámbulo" from one
/// table and read from another.
#[test]
fn amendments_round_trip_ordinals_1_to_99() {
    let dir = temp_dir("ordinals-round-trip");
    let cases = [
        ("en", "The General Assembly,", "Recalling"),
        ("fr", "L’Assemblée des États Parties,", "Rappelant"),
        ("es", "La Asamblea de los Estados Partes,", "Recordando"),
    ];
    for (lang, chapeau, opener) in cases {
        let draft = |edited: bool| {
            let mut text = format!("{chapeau}\n\n");
            for n in 1..=99 {
                let extra = if edited { " 2024" } else { "" };
                text.push_str(&format!(
                    "{opener} document {n} of topic {}{extra},\n\n",
                    n * 7
                ));
            }
            text + "1. Acts.\n"
        };
        let (old, new) = (
            dir.join(format!("{lang}.old.txt")),
            dir.join(format!("{lang}.new.txt")),
        );
        fs::write(&old, draft(false)).unwrap();
        fs::write(&new, draft(true)).unwrap();
        let o = redraft(&[
            "diff",
            path(&old),
            path(&new),
            "--format",
            "amendments",
            "--lang",
            lang,
        ]);
        let list = stdout(&o);
        assert_eq!(list.matches("2024").count(), 99, "{lang}: {list}");
        if lang == "es" {
            assert!(
                list.contains("Decimotercer párrafo del preámbulo"),
                "{list}"
            );
            assert!(
                list.contains("Nonagésimo noveno párrafo del preámbulo"),
                "{list}"
            );
        }
        let amendments = dir.join(format!("{lang}.amendments.txt"));
        fs::write(&amendments, &list).unwrap();
        let applied = redraft(&["amend", path(&old), path(&amendments)]);
        assert_eq!(
            stdout(&applied),
            draft(true),
            "{lang}: {}",
            stderr(&applied)
        );
    }
}
