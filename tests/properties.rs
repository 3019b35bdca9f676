//! Property tests: random edits of real paragraphs (word edits, insertions,
//! deletions, moves, splits, merges, and the renumbering they cause).
//! "Accept all" of the redline gives back the new draft and "reject all"
//! the old one, exactly, in the parser's normal form — so no word is ever
//! silently dropped, whatever the aligner decided.

use proptest::prelude::*;

#[path = "common/edits.rs"]
mod edits;
use edits::{apply, draft, edit, pool};
use redraft::diff::{self, Granularity, Options};
use redraft::model::{ParseOptions, parse};

proptest! {
    #![proptest_config(ProptestConfig::with_cases(256))]

    #[test]
    fn accept_gives_new_and_reject_gives_old(
        picks in prop::collection::vec(any::<usize>(), 2..14),
        preamble_picks in prop::collection::vec(any::<usize>(), 0..3),
        edits in prop::collection::vec(edit(), 1..8),
        char_granularity in any::<bool>(),
    ) {
        let pool = pool();
        let old_paras: Vec<String> = picks.iter().map(|&k| pool[k % pool.len()].clone()).collect();
        let preamble: Vec<String> = preamble_picks.iter().map(|&k| pool[k % pool.len()].trim_end_matches([';', '.']).to_string()).collect();
        let mut new_paras = old_paras.clone();
        for e in &edits {
            apply(&mut new_paras, e, &pool);
        }
        let opts = ParseOptions::default();
        let old = parse(&draft(&preamble, &old_paras), &opts).expect("old parses");
        let new = parse(&draft(&preamble, &new_paras), &opts).expect("new parses");
        let granularity = if char_granularity { Granularity::Char } else { Granularity::Word };
        let redline = diff::redline(&old, &new, &Options { granularity });
        prop_assert_eq!(redline.accept_all(), new.to_text());
        prop_assert_eq!(redline.reject_all(), old.to_text());
    }

    #[test]
    fn tokens_give_back_the_text(text in "\\PC{0,200}") {
        let tokens = redraft::diff::tokenize::tokenize(&text, redraft::lang::Lang::Fr);
        let joined: String = tokens.iter().map(|t| t.text).collect();
        prop_assert_eq!(joined, text);
    }

    #[test]
    fn parsing_its_normal_form_is_stable(picks in prop::collection::vec(any::<usize>(), 1..10)) {
        let pool = pool();
        let paras: Vec<String> = picks.iter().map(|&k| pool[k % pool.len()].clone()).collect();
        let r = parse(&draft(&[], &paras), &ParseOptions::default()).expect("parses");
        let again = parse(&r.to_text(), &ParseOptions::default()).expect("parses again");
        prop_assert_eq!(again.to_text(), r.to_text());
        prop_assert_eq!(again.units.len(), r.units.len());
    }
}

/// Fragments that stress the checker: references in three languages,
/// brackets and quotes (balanced or not), malformed symbols, footnotes,
/// line breaks inside references.
const CHECK_FRAGMENTS: [&str; 34] = [
    "paragraph",
    "paragraphs",
    "paragraphe",
    "párrafo",
    "subparagraph",
    "alinéa",
    "12",
    "3 to 5",
    "3 à 5",
    "9 bis",
    "(b)",
    "b)",
    "(ii)",
    "above",
    "ci-dessus",
    "du préambule",
    "du dispositif",
    "deuxième",
    "second preambular",
    "of resolution ICC-ASP/17/Res.3",
    "ICC-ASP-18/Res.3",
    "ICC-ASP/19/ Res.7",
    "A/RES/75 /1",
    "Res.[…]",
    "[Reserved for text]",
    "(",
    ")",
    "[",
    "]",
    "«",
    "»",
    "“",
    "[^3]",
    "\n",
];

fn checked_draft(picks: &[Vec<usize>]) -> String {
    let mut text = String::from("The General Assembly,\n\nRecalling its resolutions,");
    for (i, words) in picks.iter().enumerate() {
        let body: Vec<&str> = words
            .iter()
            .map(|&w| CHECK_FRAGMENTS[w % CHECK_FRAGMENTS.len()])
            .collect();
        text.push_str(&format!("\n\n{}. Decides {};", i + 1, body.join(" ")));
    }
    text.push_str("\n\n[^3]: A/75/1.\n");
    text
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(128))]

    /// Whatever the draft, `check` does not panic, every finding points
    /// inside the file, and `--fix` edits apply to the file's bytes.
    #[test]
    fn check_never_panics_and_points_inside_the_file(
        old in prop::collection::vec(prop::collection::vec(any::<usize>(), 0..12), 1..6),
        new in prop::collection::vec(prop::collection::vec(any::<usize>(), 0..12), 1..6),
    ) {
        use redraft::check::{self, Document, Inputs, Options, fix, stale};
        let (old_text, new_text) = (checked_draft(&old), checked_draft(&new));
        let options = ParseOptions::default();
        let old_doc = Document::parse("old", old_text, &options).expect("structured");
        let new_doc = Document::parse("new", new_text.clone(), &options).expect("structured");
        let inputs = Inputs { against: Some(&old_doc), parallel: Some(&old_doc) };
        let findings = check::check(&new_doc, &inputs, &Options { final_text: true, ..Options::default() });
        let lines = new_text.lines().count();
        for f in &findings {
            prop_assert!(f.line >= 1 && f.line <= lines && f.column >= 1, "{f:?}");
        }
        let edits = stale::check(&old_doc, &new_doc).edits;
        let fixed = fix::apply(new_text.as_bytes(), &new_text, &edits);
        prop_assert!(fixed.is_ok());
    }
}
