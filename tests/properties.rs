//! Property tests: random edits of real paragraphs (word edits, insertions,
//! deletions, moves, splits, merges, and the renumbering they cause).
//! "Accept all" of the redline gives back the new draft and "reject all"
//! the old one, exactly, in the parser's normal form — so no word is ever
//! silently dropped, whatever the aligner decided.

use proptest::prelude::*;
use redraft::diff::{self, Granularity, Options};
use redraft::lang::Lang;
use redraft::model::{ParseOptions, Resolution, parse};
use redraft::redline::Redline;

/// `amend(old, amendments(old, new))` in the normal form, through the
/// written list: generated, worded in `lang`, read back and applied.
fn round_trip(redline: &Redline, old: &Resolution, lang: Lang) -> String {
    let list = redraft::amend::from_redline(redline, Some(lang));
    let mut text = Vec::new();
    redraft::render::amendments::write_list(&list, lang, &mut text).expect("written");
    let text = String::from_utf8(text).expect("UTF-8");
    if list.is_empty() {
        return old.to_text();
    }
    let read = redraft::amend::parse(&text).unwrap_or_else(|e| panic!("{text}\n{e:?}"));
    let applied = redraft::amend::apply(old, &read);
    assert!(
        applied.failures.is_empty(),
        "{text}\n{:?}",
        applied.failures
    );
    let opts = ParseOptions {
        lang: Some(old.lang),
    };
    parse(&applied.text, &opts)
        .expect("amended parses")
        .to_text()
}

/// Real operative paragraphs (without numbers) from the shipped drafts.
fn pool() -> Vec<String> {
    let mut out = Vec::new();
    for file in [
        "fixtures/annex-i/after.txt",
        "fixtures/renumber-insert/new.txt",
        "fixtures/spanish/new.txt",
    ] {
        let text = std::fs::read_to_string(file).expect("fixture");
        for block in text.split("\n\n") {
            if let Some(m) = redraft::model::marker::operative(block) {
                out.push(m.rest.trim().to_string());
            }
        }
    }
    out
}

/// One random edit of the list of operative paragraphs.
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

fn apply(paras: &mut Vec<String>, edit: &Edit, pool: &[String]) {
    if paras.is_empty() {
        return;
    }
    let n = paras.len();
    let words = |p: &String| p.split(' ').map(str::to_string).collect::<Vec<_>>();
    match edit {
        Edit::Word { para, word, new } => {
            let mut w = words(&paras[para % n]);
            let k = word % w.len();
            w[k] = new.clone();
            paras[para % n] = w.join(" ");
        }
        Edit::InsertWord { para, word, new } => {
            let mut w = words(&paras[para % n]);
            let k = word % (w.len() + 1);
            w.insert(k, new.clone());
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
    let mut out = String::from("Draft resolution\n\nThe General Assembly,\n");
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
    fn amendments_turn_old_into_new_in_every_language(
        picks in prop::collection::vec(any::<usize>(), 2..14),
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
        let opts = ParseOptions::default();
        let old = parse(&draft(&preamble, &old_paras), &opts).expect("old parses");
        let new = parse(&draft(&preamble, &new_paras), &opts).expect("new parses");
        let redline = diff::redline(&old, &new, &Options::default());
        for lang in Lang::ALL {
            let amended = round_trip(&redline, &old, lang);
            prop_assert_eq!(&amended, &new.to_text(), "in {}", lang);
        }
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

/// The round trip on the Annex I pair, in every language of the generator.
#[test]
fn annex_i_amendments_turn_before_into_after() {
    let read = |f: &str| {
        let text = std::fs::read_to_string(f).expect("fixture");
        parse(&text, &ParseOptions::default()).expect("parses")
    };
    let old = read("fixtures/annex-i/before.txt");
    let new = read("fixtures/annex-i/after.txt");
    let redline = diff::redline(&old, &new, &Options::default());
    for lang in Lang::ALL {
        assert_eq!(round_trip(&redline, &old, lang), new.to_text(), "in {lang}");
    }
}
