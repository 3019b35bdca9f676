//! `redraft parse`: the outline and the JSON model.

use crate::support::*;

#[test]
fn outline_lists_every_unit_with_label() {
    let o = redraft(&["parse", "fixtures/annex-i/after.txt"]);
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    let out = stdout(&o);
    assert!(
        out.starts_with(
            "# language fr; 12 preambular, 40 operative, 0 subparagraphs, 10 headings, 7 footnotes"
        ),
        "{out}"
    );
    for needle in ["TITLE", "CHAPEAU", "PP12", "OP40", "H10", "FN11"] {
        assert!(out.lines().any(|l| l.starts_with(needle)), "{needle}");
    }
    assert!(
        out.contains("OP40                 operative    40. Reconnaissant l’importance"),
        "{out}"
    );
}

#[test]
fn json_model_has_version_and_units() {
    let o = redraft(&[
        "parse",
        "--format",
        "json",
        "fixtures/subparagraphs/new.txt",
    ]);
    assert_eq!(o.status.code(), Some(0));
    let v: serde_json::Value = serde_json::from_str(&stdout(&o)).unwrap();
    assert_eq!(v["version"], 1);
    assert_eq!(v["lang"], "en");
    let labels: Vec<&str> = v["units"]
        .as_array()
        .unwrap()
        .iter()
        .map(|u| u["label"].as_str().unwrap())
        .collect();
    assert!(labels.contains(&"OP1(b)(iii)"));
    let sub = v["units"]
        .as_array()
        .unwrap()
        .iter()
        .find(|u| u["label"] == "OP1(b)(ii)")
        .unwrap();
    assert_eq!(sub["kind"], "subparagraph");
    assert_eq!(sub["marker"], "(ii)");
    let parent = sub["parent"].as_u64().unwrap() as usize;
    assert_eq!(v["units"][parent]["label"], "OP1(b)");
}

#[test]
fn lang_override() {
    let o = redraft(&[
        "parse",
        "--lang",
        "en",
        "--format",
        "json",
        "fixtures/annex-i/after.txt",
    ]);
    let v: serde_json::Value = serde_json::from_str(&stdout(&o)).unwrap();
    assert_eq!(v["lang"], "en");
}

#[test]
fn preambular_paragraph_quoting_a_subparagraph_stays_one_paragraph() {
    let r = load(&fixture("annex-i/after.txt"));
    let pp11 = r.find("PP11").expect("PP11");
    assert!(
        pp11.text
            .contains("[…] : a) Renforcement de la coopération » ; le document Matrix")
    );
    assert!(pp11.text.ends_with("ses groupes de travail,"));
    assert_eq!(
        r.find("PP12").unwrap().kind,
        redraft::model::UnitKind::Preambular
    );
}
