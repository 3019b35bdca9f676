//! The round-trip property: random base, 2 to 8 delegations each making
//! random edits (word edits, insertions, deletions, moves, splits, merges,
//! and the renumbering they cause). Applying only delegation X's proposals
//! gives X's proposal (its units, kinds and texts, in order: the
//! compilation keeps the base's numbers and numbers new paragraphs
//! `5 bis`), for every X, from the JSON read back and from the Word file
//! read back by python-docx and by redraft's reader; applying none gives
//! the base exactly.

use super::*;
use proptest::prelude::*;

// The random edits shared with `tests/properties.rs` and the Word redline's
// property test (which includes the same file in this binary).
#[allow(clippy::duplicate_mod)]
#[path = "../../common/edits.rs"]
mod edits;
use edits::{Edit, apply, draft as text_of, edit, pool};

/// A random base and proposals: (base text, proposals' texts).
fn drafts(picks: &[usize], preamble: &[usize], edits: &[Vec<Edit>]) -> (String, Vec<String>) {
    let pool = pool();
    let paras: Vec<String> = picks
        .iter()
        .map(|&k| pool[k % pool.len()].clone())
        .collect();
    let preamble: Vec<String> = preamble
        .iter()
        .map(|&k| {
            pool[k % pool.len()]
                .trim_end_matches([';', '.'])
                .to_string()
        })
        .collect();
    let proposals = edits
        .iter()
        .map(|list| {
            let mut mine = paras.clone();
            list.iter().for_each(|e| apply(&mut mine, e, &pool));
            text_of(&preamble, &mine)
        })
        .collect();
    (text_of(&preamble, &paras), proposals)
}

fn names(n: usize) -> Vec<String> {
    (0..n).map(|k| format!("D{k}")).collect()
}

fn delegations() -> impl Strategy<Value = Vec<Vec<Edit>>> {
    prop::collection::vec(prop::collection::vec(edit(), 0..6), 2..=8)
}

fn compile_all(base: &str, proposals: &[String]) -> (Resolution, Vec<Resolution>, Compilation) {
    let base = super::draft(base);
    let drafts: Vec<Resolution> = proposals.iter().map(|t| super::draft(t)).collect();
    let names = names(drafts.len());
    let named: Vec<(&str, &Resolution)> = names.iter().map(String::as_str).zip(&drafts).collect();
    let c = compiled(&base, &named);
    (base, drafts, c)
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(96))]

    #[test]
    fn applying_one_delegation_gives_its_proposal_in_json(
        picks in prop::collection::vec(any::<usize>(), 2..12),
        preamble in prop::collection::vec(any::<usize>(), 0..3),
        edits in delegations(),
    ) {
        let (base_text, proposals) = drafts(&picks, &preamble, &edits);
        let (base, drafts, c) = compile_all(&base_text, &proposals);
        let json = serde_json::to_string(&c).expect("serialised");
        let back: Compilation = serde_json::from_str(&json).expect("read back");
        prop_assert_eq!(back.apply(&[]).text, base.to_text());
        for (name, proposal) in names(drafts.len()).iter().zip(&drafts) {
            let applied = back.apply(&[name.as_str()]);
            prop_assert!(applied.conflicts.is_empty());
            prop_assert_eq!(units(&applied.text, base.lang), units(&proposal.to_text(), base.lang), "{}", name);
        }
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(24))]

    #[test]
    fn accepting_one_delegation_in_word_gives_its_proposal(
        picks in prop::collection::vec(any::<usize>(), 2..10),
        preamble in prop::collection::vec(any::<usize>(), 0..3),
        edits in delegations(),
    ) {
        let (base_text, proposals) = drafts(&picks, &preamble, &edits);
        let (base, drafts, c) = compile_all(&base_text, &proposals);
        let bytes = word(&c);
        let names = names(drafts.len());
        // redraft's own reader, each author's changes accepted alone.
        for (name, proposal) in names.iter().zip(&drafts) {
            let text = redraft::compile::authors::read_only(&bytes, &|a| redraft::compile::authors::names_any(a, &[name])).expect("reads");
            prop_assert_eq!(units(&text, base.lang), units(&proposal.to_text(), base.lang), "{}", name);
        }
        if !python_docx() {
            return Ok(());
        }
        let dir = crate::support::temp_dir("compile-round-trip");
        let path = dir.join("c.docx");
        std::fs::write(&path, &bytes).expect("written");
        let mut lists = vec![String::new()];
        lists.extend(names.iter().cloned());
        let texts = accepted_by_python(&path, &lists);
        prop_assert_eq!(units(&texts[0], base.lang), units(&base.to_text(), base.lang));
        for ((name, proposal), text) in names.iter().zip(&drafts).zip(&texts[1..]) {
            prop_assert_eq!(units(text, base.lang), units(&proposal.to_text(), base.lang), "{}", name);
        }
    }
}
