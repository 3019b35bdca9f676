//! The random edits of the property tests, shared by `tests/properties.rs`
//! (redline accept/reject) and `tests/integration/docx/properties.rs` (the
//! Word redline): real operative paragraphs from the fixtures, edited word
//! by word, inserted, deleted, moved, split and merged; the drafts refer to
//! footnote 1 from a preambular paragraph, and edits may add references to
//! it.

#![allow(dead_code)] // Each test binary uses its own share of these helpers.

use proptest::prelude::*;

/// Real operative paragraphs (without numbers) from the fixtures.
pub fn pool() -> Vec<String> {
    let mut out = Vec::new();
    for file in [
        "fixtures/annex-i/after.txt",
        "fixtures/renumber-insert/new.txt",
        "fixtures/spanish/new.txt",
    ] {
        let text =
            std::fs::read_to_string(std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join(file))
                .expect("fixture");
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
pub enum Edit {
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

/// A random edit.
pub fn edit() -> impl Strategy<Value = Edit> {
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

/// The words of a paragraph.
pub fn words(p: &str) -> Vec<String> {
    p.split(' ').map(str::to_string).collect()
}

/// Applies an edit (a no-op where it cannot apply).
pub fn apply(paras: &mut Vec<String>, edit: &Edit, pool: &[String]) {
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

/// A draft with a title, a chapeau, preambular and numbered paragraphs.
pub fn draft(preamble: &[String], paras: &[String]) -> String {
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

/// An edit of the classes the hostile-input probe found breaking the
/// amendment round trip.
#[derive(Debug, Clone)]
pub enum Hostile {
    /// The paragraph left empty: a placeholder "3.".
    Empty { para: usize },
    /// The paragraph made longer than 20,000 bytes.
    Long { para: usize },
    /// The paragraph's text opens with a marker of its own ("3. 3. …",
    /// "(a) …"): a doubled marker.
    Marker { para: usize, which: usize },
    /// A line break inside the paragraph (hard wrapping), which the
    /// reader may take for two blocks or one.
    Wrapped { para: usize, word: usize },
    /// The same text becomes a preambular paragraph: same text, other kind.
    ToPreamble { para: usize },
}

/// A random hostile edit.
pub fn hostile_edit() -> impl Strategy<Value = Hostile> {
    prop_oneof![
        any::<usize>().prop_map(|para| Hostile::Empty { para }),
        any::<usize>().prop_map(|para| Hostile::Long { para }),
        (any::<usize>(), any::<usize>()).prop_map(|(para, which)| Hostile::Marker { para, which }),
        (any::<usize>(), any::<usize>()).prop_map(|(para, word)| Hostile::Wrapped { para, word }),
        any::<usize>().prop_map(|para| Hostile::ToPreamble { para }),
    ]
}

/// Applies a hostile edit to the operative paragraphs (and, for
/// [`Hostile::ToPreamble`], the preambular ones).
pub fn apply_hostile(paras: &mut Vec<String>, preamble: &mut Vec<String>, edit: &Hostile) {
    let n = paras.len();
    if n == 0 {
        return;
    }
    match edit {
        Hostile::Empty { para } => paras[para % n].clear(),
        Hostile::Long { para } => {
            let p = &paras[para % n];
            if !p.is_empty() {
                let times = 20_000 / p.len() + 2;
                paras[para % n] = vec![p.trim_end_matches([';', '.']); times].join(", ") + ";";
            }
        }
        Hostile::Marker { para, which } => {
            let marker = ["1.", "(a)", "a)", "(i)", "[-", "{+"][which % 6];
            paras[para % n] = format!("{marker} {}", paras[para % n]);
        }
        Hostile::Wrapped { para, word } => {
            let mut w = words(&paras[para % n]);
            if w.len() > 2 {
                let k = 1 + word % (w.len() - 1);
                w[k] = format!("\n{}", w[k]);
                paras[para % n] = w.join(" ").replace(" \n", "\n");
            }
        }
        Hostile::ToPreamble { para } => {
            if n > 1 {
                let p = paras.remove(para % n);
                preamble.push(p.trim_end_matches([';', '.']).to_string());
            }
        }
    }
}
