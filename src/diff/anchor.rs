//! Content first: the word diff is anchored on the words that carry
//! meaning.
//!
//! A minimal diff has ties. Between `75/1 and 76/2` and `75/1, 76/2 and
//! 77/3` it may keep "and" or keep "76/2"; keeping "and" strikes the
//! symbol and inserts it again, as if it had changed. So the *content*
//! tokens (words that are not stopwords, figures, symbols, footnote
//! references) are matched first, by patience diff (unique words anchor
//! first, so a repeated "en" is not matched far from its place), and only
//! the gaps between those anchors are diffed token by token (Myers).

use super::cleanup::{self, Run};
use super::patience::Patience;
use super::tokenize::{Token, TokenKind};
use crate::lang::Language;
use similar::{Algorithm, DiffOp, capture_diff_slices};
use std::collections::HashMap;
use std::hash::Hash;

/// The runs of equal and changed tokens between two token sequences,
/// compared by `old_keys` and `new_keys`, anchored on content tokens.
pub fn runs<K: Hash + Eq>(
    (old_tokens, old_keys): (&[Token<'_>], &[K]),
    (new_tokens, new_keys): (&[Token<'_>], &[K]),
    table: &Language,
) -> Vec<Run> {
    let old_content = content(old_tokens, table);
    let new_content = content(new_tokens, table);
    let mut numbers = HashMap::new();
    let old_numbers = number(&mut numbers, old_keys);
    let new_numbers = number(&mut numbers, new_keys);
    Scratch::default().anchored((&old_numbers, &old_content), (&new_numbers, &new_content))
}

/// Keys as small numbers: equal keys, equal numbers.
fn number<'k, K: Hash + Eq>(numbers: &mut HashMap<&'k K, u32>, keys: &'k [K]) -> Vec<u32> {
    keys.iter()
        .map(|k| {
            // Cannot overflow: a number per token, and tokens fit in memory.
            let next = numbers.len() as u32;
            *numbers.entry(k).or_insert(next)
        })
        .collect()
}

/// What [`Scratch::anchored`] reuses from pair to pair: the content
/// tokens' keys, the anchors and the patience diff's counts.
#[derive(Default)]
pub struct Scratch {
    patience: Patience,
    old: Vec<u32>,
    new: Vec<u32>,
    anchors: Vec<(usize, usize)>,
}

impl Scratch {
    /// [`runs`], with the tokens' keys as small numbers (equal keys, equal
    /// numbers) and the indices of the content tokens of each side given
    /// (as [`content`] finds them).
    pub fn anchored(
        &mut self,
        (old_keys, old_content): (&[u32], &[usize]),
        (new_keys, new_content): (&[u32], &[usize]),
    ) -> Vec<Run> {
        self.old.clear();
        self.old.extend(old_content.iter().map(|&i| old_keys[i]));
        self.new.clear();
        self.new.extend(new_content.iter().map(|&i| new_keys[i]));
        self.anchors.clear();
        for op in self.patience.diff(&self.old, &self.new) {
            if let DiffOp::Equal {
                old_index,
                new_index,
                len,
            } = op
            {
                self.anchors.extend(
                    (0..len).map(|k| (old_content[old_index + k], new_content[new_index + k])),
                );
            }
        }
        around_anchors(&self.anchors, old_keys, new_keys)
    }
}

/// The runs of a pair given its anchors (pairs of equal token indices, in
/// order): each anchor an equal run, each stretch between two anchors
/// diffed by [`gap`].
fn around_anchors(anchors: &[(usize, usize)], old_keys: &[u32], new_keys: &[u32]) -> Vec<Run> {
    let mut out = Vec::with_capacity(2 * anchors.len() + 1);
    let (mut o, mut n) = (0, 0);
    for &(ai, bi) in anchors {
        gap(&mut out, (o, &old_keys[o..ai]), (n, &new_keys[n..bi]));
        push(
            &mut out,
            Run::Equal {
                old: ai..ai + 1,
                new: bi..bi + 1,
            },
        );
        (o, n) = (ai + 1, bi + 1);
    }
    gap(&mut out, (o, &old_keys[o..]), (n, &new_keys[n..]));
    out
}

/// [`Scratch::anchored`] as it was before `super::patience`: `similar`'s
/// own patience diff over the content tokens' keys. The oracle of the
/// word diff's tests.
#[cfg(test)]
pub(crate) fn anchored_by_similar(
    (old_keys, old_content): (&[u32], &[usize]),
    (new_keys, new_content): (&[u32], &[usize]),
) -> Vec<Run> {
    let a: Vec<&u32> = old_content.iter().map(|&i| &old_keys[i]).collect();
    let b: Vec<&u32> = new_content.iter().map(|&i| &new_keys[i]).collect();
    let mut anchors = Vec::new();
    for op in capture_diff_slices(Algorithm::Patience, &a, &b) {
        if let DiffOp::Equal {
            old_index,
            new_index,
            len,
        } = op
        {
            anchors
                .extend((0..len).map(|k| (old_content[old_index + k], new_content[new_index + k])));
        }
    }
    around_anchors(&anchors, old_keys, new_keys)
}

/// The indices of the content tokens: symbols, URLs, footnote references
/// and words that are not stopwords.
pub fn content(tokens: &[Token<'_>], table: &Language) -> Vec<usize> {
    tokens
        .iter()
        .enumerate()
        .filter(|(_, t)| match t.kind {
            TokenKind::Symbol | TokenKind::Url | TokenKind::FootnoteRef => true,
            TokenKind::Word => !is_stopword(t.text, table),
            _ => false,
        })
        .map(|(i, _)| i)
        .collect()
}

/// Whether a word is one of the language's stopwords, in any case
/// (`word.to_lowercase()` equal to the stopword), without lower-case
/// copies.
pub fn is_stopword(word: &str, table: &Language) -> bool {
    table.stopwords.iter().any(|s| {
        s.len() == word.len()
            && (s.eq_ignore_ascii_case(word) || (!word.is_ascii() && lowercase_is(word, s)))
    })
}

/// Whether `word.to_lowercase() == lower`, without the copy. A capital
/// sigma, whose lower case depends on its place in the word, takes the
/// copy.
fn lowercase_is(word: &str, lower: &str) -> bool {
    if word.contains('Σ') {
        return word.to_lowercase() == lower;
    }
    word.chars().flat_map(char::to_lowercase).eq(lower.chars())
}

/// Diffs a gap between anchors token by token, offsets added. Most gaps
/// between anchors are the same on both sides (the spaces and stopwords
/// between two kept words), or empty on one: those are one run, as Myers
/// makes them, without running it.
fn gap<K: Hash + Eq>(out: &mut Vec<Run>, (o, old): (usize, &[K]), (n, new): (usize, &[K])) {
    let whole = (o..o + old.len(), n..n + new.len());
    if old.is_empty() && new.is_empty() {
        return;
    }
    if old == new {
        return push(
            out,
            Run::Equal {
                old: whole.0,
                new: whole.1,
            },
        );
    }
    if old.is_empty() || new.is_empty() {
        return push(
            out,
            Run::Change {
                old: whole.0,
                new: whole.1,
            },
        );
    }
    let ops = capture_diff_slices(Algorithm::Myers, old, new);
    for run in cleanup::runs(&ops, (o, n)) {
        push(out, run);
    }
}

/// Appends a run, joining it to the last one when both are equal.
fn push(out: &mut Vec<Run>, run: Run) {
    if let (Some(Run::Equal { old, new }), Run::Equal { old: o, new: n }) = (out.last_mut(), &run)
        && old.end == o.start
        && new.end == n.start
    {
        old.end = o.end;
        new.end = n.end;
        return;
    }
    out.push(run);
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::diff::tokenize::tokenize;
    use crate::lang::Lang;

    fn text(old: &str, new: &str) -> String {
        let (o, n) = (tokenize(old, Lang::En), tokenize(new, Lang::En));
        let ok: Vec<&str> = o.iter().map(|t| t.text).collect();
        let nk: Vec<&str> = n.iter().map(|t| t.text).collect();
        let mut out = String::new();
        for run in runs((&o, &ok), (&n, &nk), Lang::En.table()) {
            match run {
                Run::Equal { old, .. } => out.push_str(&ok[old].concat()),
                Run::Change { old, new } => {
                    if !old.is_empty() {
                        out.push_str(&format!("[-{}-]", ok[old].concat()));
                    }
                    if !new.is_empty() {
                        out.push_str(&format!("{{+{}+}}", nk[new].concat()));
                    }
                }
            }
        }
        out
    }

    /// A gap as Myers diffs it, without the shortcuts.
    fn gap_by_myers(old: &[u8], new: &[u8]) -> Vec<Run> {
        let mut out = Vec::new();
        for run in cleanup::runs(&capture_diff_slices(Algorithm::Myers, old, new), (2, 5)) {
            push(&mut out, run);
        }
        out
    }

    proptest::proptest! {
        #[test]
        fn gaps_are_runs_as_myers_makes_them(
            old in proptest::collection::vec(0u8..3, 0..6),
            new in proptest::collection::vec(0u8..3, 0..6),
            same in proptest::bool::ANY,
        ) {
            let new = if same { old.clone() } else { new };
            let mut out = Vec::new();
            gap(&mut out, (2, &old), (5, &new));
            proptest::prop_assert_eq!(out, gap_by_myers(&old, &new));
        }
    }

    #[test]
    fn stopwords_match_in_any_case() {
        let fr = Lang::Fr.table();
        for word in ["de", "DE", "De", "à", "À", "où", "OÙ"] {
            assert_eq!(
                is_stopword(word, fr),
                fr.stopwords.contains(&word.to_lowercase().as_str()),
                "{word}"
            );
        }
        assert!(!is_stopword("coopération", fr));
        assert!(lowercase_is("ΣΟΦΟΣ", &"ΣΟΦΟΣ".to_lowercase()));
    }

    #[test]
    fn a_symbol_is_kept_rather_than_a_stopword() {
        assert_eq!(
            text(
                "resolutions ICC-ASP/21/Res.2 and ICC-ASP/22/Res.3, as well",
                "resolutions ICC-ASP/21/Res.2, ICC-ASP/22/Res.3 and ICC-ASP/22/Res.5, as well"
            ),
            "resolutions ICC-ASP/21/Res.2[- and-]{+,+} ICC-ASP/22/Res.3{+ and ICC-ASP/22/Res.5+}, as well"
        );
    }

    #[test]
    fn every_token_is_in_a_run_once() {
        let (old, new) = ("a b the c d and e", "x the c and d e f");
        let (o, n) = (tokenize(old, Lang::En), tokenize(new, Lang::En));
        let ok: Vec<&str> = o.iter().map(|t| t.text).collect();
        let nk: Vec<&str> = n.iter().map(|t| t.text).collect();
        let all = runs((&o, &ok), (&n, &nk), Lang::En.table());
        let (mut oi, mut ni) = (0, 0);
        for run in &all {
            let (Run::Equal { old, new } | Run::Change { old, new }) = run;
            assert_eq!((old.start, new.start), (oi, ni));
            (oi, ni) = (old.end, new.end);
        }
        assert_eq!((oi, ni), (o.len(), n.len()));
    }
}
