//! Random edits (shared with `tests/properties.rs`: word edits,
//! insertions, deletions, moves, splits, merges of real paragraphs): the
//! Word redline, read back with its revisions accepted, gives the new draft
//! and, rejected, the old one. Drafts refer to footnote 1 from a
//! preambular paragraph, and edits may add references to it, so both ways
//! of writing footnotes are exercised: Word's own footnotes, and the drafts'
//! references written as text when Word could not number them so.

use super::*;
use proptest::prelude::*;

#[path = "../../common/edits.rs"]
mod edits;
use edits::{apply, draft, edit, pool};

proptest! {
    #![proptest_config(ProptestConfig::with_cases(128))]

    #[test]
    fn word_redline_accepts_to_new_and_rejects_to_old(
        picks in prop::collection::vec(any::<usize>(), 2..12),
        preamble_picks in prop::collection::vec(any::<usize>(), 0..3),
        edits in prop::collection::vec(edit(), 1..8),
    ) {
        let pool = pool();
        let old_paras: Vec<String> = picks.iter().map(|&k| pool[k % pool.len()].clone()).collect();
        let preamble: Vec<String> = preamble_picks.iter().map(|&k| pool[k % pool.len()].trim_end_matches([';', '.']).to_string()).collect();
        let mut new_paras = old_paras.clone();
        for e in &edits {
            apply(&mut new_paras, e, &pool);
        }
        let old = draft(&preamble, &old_paras);
        let new = draft(&preamble, &new_paras);
        let docx = write_redline(&old, &new, false);
        prop_assert_eq!(normal(&read_docx(&docx, Revisions::Accept)), normal(&new));
        prop_assert_eq!(normal(&read_docx(&docx, Revisions::Reject)), normal(&old));
    }
}
