//! Random edits (the idea of `tests/properties.rs`, copied: word edits,
//! insertions, deletions, moves, splits, merges of real paragraphs): the
//! Word redline, read back with its revisions accepted, gives the new draft
//! and, rejected, the old one. Drafts refer to footnote 1 from a
//! preambular paragraph, and edits may add references to it, so both ways
//! of writing footnotes are exercised: Word's own footnotes, and the drafts'
//! references written as text when Word could not number them so.

use super::*;
use proptest::prelude::*;

fn pool() -> Vec<String> {
    let mut out = Vec::new();
    for file in [
        "fixtures/annex-i/after.txt",
        "fixtures/renumber-insert/new.txt",
        "fixtures/spanish/new.txt",
    ] {
        let text = std::fs::read_to_string(crate::support::root().join(file)).expect("fixture");
        for block in text.split("\n\n") {
            if let Some(m) = redraft::model::marker::operative(block) {
                out.push(m.rest.trim().to_string());
            }
        }
    }
    out
}

#[derive(Debug, Clone)]
enum Edit {
    Word {
        para: usize,
        word: usize,
        new: String,
    },
    InsertWord {
        para: usize,
        word: usize,
        new: String,
    },
    DeleteWord {
        para: usize,
        word: usize,
    },
    Insert {
        at: usize,
        from_pool: usize,
    },
    Delete {
        para: usize,
    },
    Move {
        from: usize,
        to: usize,
    },
    Split {
        para: usize,
        word: usize,
    },
    Merge {
        para: usize,
    },
}

fn edit() -> impl Strategy<Value = Edit> {
    let word = prop::sample::select(vec![
        "Decides",
        "urgently",
        "coopération",
        "États",
        "2022",
        "ICC-ASP/20/Res.1",
        "l’Assemblée",
        "(b)",
        ";",
        "de",
        "la",
        "report[^1]",
        "\u{a0};",
        "vingt-et-unième",
    ])
    .prop_map(str::to_string);
    prop_oneof![
        (any::<usize>(), any::<usize>(), word.clone()).prop_map(|(para, word, new)| Edit::Word {
            para,
            word,
            new
        }),
        (any::<usize>(), any::<usize>(), word).prop_map(|(para, word, new)| Edit::InsertWord {
            para,
            word,
            new
        }),
        (any::<usize>(), any::<usize>()).prop_map(|(para, word)| Edit::DeleteWord { para, word }),
        (any::<usize>(), any::<usize>()).prop_map(|(at, from_pool)| Edit::Insert { at, from_pool }),
        any::<usize>().prop_map(|para| Edit::Delete { para }),
        (any::<usize>(), any::<usize>()).prop_map(|(from, to)| Edit::Move { from, to }),
        (any::<usize>(), any::<usize>()).prop_map(|(para, word)| Edit::Split { para, word }),
        any::<usize>().prop_map(|para| Edit::Merge { para }),
    ]
}

fn words(p: &str) -> Vec<String> {
    p.split(' ').map(str::to_string).collect()
}

fn apply(paras: &mut Vec<String>, edit: &Edit, pool: &[String]) {
    let n = paras.len();
    if n == 0 {
        return;
    }
    match edit {
        Edit::Word { para, word, new } => {
            let mut w = words(&paras[para % n]);
            let k = word % w.len();
            w[k] = new.clone();
            paras[para % n] = w.join(" ");
        }
        Edit::InsertWord { para, word, new } => {
            let mut w = words(&paras[para % n]);
            w.insert(word % (w.len() + 1), new.clone());
            paras[para % n] = w.join(" ");
        }
        Edit::DeleteWord { para, word } => {
            let mut w = words(&paras[para % n]);
            if w.len() > 1 {
                w.remove(word % w.len());
                paras[para % n] = w.join(" ");
            }
        }
        Edit::Insert { at, from_pool } => {
            paras.insert(at % (n + 1), pool[from_pool % pool.len()].clone())
        }
        Edit::Delete { para } => {
            if n > 1 {
                paras.remove(para % n);
            }
        }
        Edit::Move { from, to } => {
            let p = paras.remove(from % n);
            paras.insert(to % n, p);
        }
        Edit::Split { para, word } => {
            let w = words(&paras[para % n]);
            if w.len() > 2 {
                let k = 1 + word % (w.len() - 1);
                paras[para % n] = w[..k].join(" ");
                paras.insert(para % n + 1, w[k..].join(" "));
            }
        }
        Edit::Merge { para } => {
            if n > 1 {
                let k = para % (n - 1);
                let next = paras.remove(k + 1);
                paras[k] = format!("{} {next}", paras[k]);
            }
        }
    }
}

fn draft(preamble: &[String], paras: &[String]) -> String {
    let mut out = String::from(
        "Draft resolution\n\nThe General Assembly,\n\nRecalling its resolution 75/1[^1],\n",
    );
    for p in preamble {
        out.push_str(&format!("\nRecalling {p},\n"));
    }
    for (i, p) in paras.iter().enumerate() {
        out.push_str(&format!("\n{}. {p}\n", i + 1));
    }
    out.push_str("\n[^1]: A/RES/75/1.\n");
    out
}

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
