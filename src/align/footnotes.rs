//! Footnotes follow their references.
//!
//! When a matched paragraph refers to footnote 9 in the old version and to
//! footnote 11 at the same place in the new one (after the same words),
//! old footnote 9 is new footnote 11, whatever their texts: renumbering is
//! not an edit, and two footnotes with the same text ("ICC-ASP/19/33.") are
//! told apart by where they are called. Footnotes no reference decides are
//! matched by identical text, then by similar text.

use super::Match;
use super::features::{self, Counts, Index};
use crate::model::{Unit, UnitKind, marker};
use std::collections::HashMap;

/// How similar two footnotes' texts must be to match without a reference.
const SIMILAR: f64 = 0.5;

/// Adds footnote matches to `matches`.
pub fn align(old: &[Unit], new: &[Unit], matches: &mut Vec<Match>) {
    let old_ids = footnote_ids(old);
    let new_ids = footnote_ids(new);
    let mut old_done = vec![false; old.len()];
    let mut new_done = vec![false; new.len()];
    let mut found = Vec::new();
    for ((o, n), _) in votes(old, new, matches) {
        let (Some(&i), Some(&j)) = (old_ids.get(o.as_str()), new_ids.get(n.as_str())) else {
            continue;
        };
        if !old_done[i] && !new_done[j] {
            old_done[i] = true;
            new_done[j] = true;
            found.push((i, j));
        }
    }
    by_text(old, new, &mut old_done, &mut new_done, &mut found);
    matches.extend(found.into_iter().map(|(i, j)| Match {
        old: vec![i],
        new: vec![j],
        exact: old[i].text == new[j].text,
        moved: false,
    }));
}

fn footnote_ids(units: &[Unit]) -> HashMap<&str, usize> {
    units
        .iter()
        .enumerate()
        .filter(|(_, u)| u.kind == UnitKind::Footnote)
        .filter_map(|(i, u)| Some((u.number.as_deref()?, i)))
        .collect()
}

/// Pairs of (old id, new id) that matched paragraphs vote for, the most
/// voted first.
fn votes(old: &[Unit], new: &[Unit], matches: &[Match]) -> Vec<((String, String), usize)> {
    let mut votes: HashMap<(String, String), usize> = HashMap::new();
    for m in matches {
        let old_refs: Vec<_> = m.old.iter().flat_map(|&i| refs(&old[i].text)).collect();
        let new_refs: Vec<_> = m.new.iter().flat_map(|&j| refs(&new[j].text)).collect();
        for pair in pair_refs(old_refs, new_refs) {
            *votes.entry(pair).or_insert(0) += 1;
        }
    }
    let mut votes: Vec<_> = votes.into_iter().collect();
    votes.sort_by(|a, b| b.1.cmp(&a.1).then(a.0.cmp(&b.0)));
    votes
}

/// The references of a text, each with the two words before it.
fn refs(text: &str) -> Vec<(String, String)> {
    marker::footnote_refs(text)
        .map(|(range, id)| {
            let before: Vec<String> = text[..range.start]
                .split(|c: char| !c.is_alphanumeric())
                .filter(|w| !w.is_empty())
                .rev()
                .take(2)
                .map(str::to_lowercase)
                .collect();
            (before.join(" "), id.to_string())
        })
        .collect()
}

/// Pairs references standing after the same words; if one reference is
/// left on each side, pairs those too.
fn pair_refs(
    mut old: Vec<(String, String)>,
    mut new: Vec<(String, String)>,
) -> Vec<(String, String)> {
    let mut pairs = Vec::new();
    old.retain(
        |(context, id)| match new.iter().position(|(c, _)| c == context) {
            Some(p) => {
                pairs.push((id.clone(), new.remove(p).1));
                false
            }
            None => true,
        },
    );
    if let ([(_, o)], [(_, n)]) = (old.as_slice(), new.as_slice()) {
        pairs.push((o.clone(), n.clone()));
    }
    pairs
}

/// Matches the remaining footnotes by identical, then similar, text.
fn by_text(
    old: &[Unit],
    new: &[Unit],
    old_done: &mut [bool],
    new_done: &mut [bool],
    found: &mut Vec<(usize, usize)>,
) {
    let open_old: Vec<usize> = (0..old.len())
        .filter(|&i| old[i].kind == UnitKind::Footnote && !old_done[i])
        .collect();
    let mut by_exact: HashMap<&str, Vec<usize>> = HashMap::new();
    for &i in &open_old {
        by_exact.entry(old[i].text.as_str()).or_default().push(i);
    }
    let mut index = Index::default();
    let old_features: HashMap<usize, Vec<u64>> = open_old
        .iter()
        .map(|&i| (i, features::features(&old[i].text)))
        .collect();
    for (&i, f) in &old_features {
        index.insert(i, f);
    }
    let mut counts = Counts::default();
    for j in 0..new.len() {
        if new[j].kind != UnitKind::Footnote || new_done[j] {
            continue;
        }
        let exact = by_exact
            .get(new[j].text.as_str())
            .and_then(|c| c.iter().copied().find(|&i| !old_done[i]));
        let f = features::features(&new[j].text);
        let similar = || {
            index
                .candidates(&f, 4, usize::MAX, &mut counts)
                .into_iter()
                .filter(|&i| !old_done[i])
                .map(|i| (features::dice(&old_features[&i], &f), i))
                .filter(|&(s, _)| s >= SIMILAR)
                .max_by(|a, b| a.0.total_cmp(&b.0))
                .map(|(_, i)| i)
        };
        if let Some(i) = exact.or_else(similar) {
            old_done[i] = true;
            new_done[j] = true;
            found.push((i, j));
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn references_pair_by_context() {
        let pairs = pair_refs(
            refs("the report[^9], and the plan[^10]"),
            refs("the plan[^12], the report[^11]"),
        );
        assert_eq!(
            pairs,
            [
                ("9".to_string(), "11".to_string()),
                ("10".to_string(), "12".to_string())
            ]
        );
    }

    #[test]
    fn lone_references_pair() {
        let pairs = pair_refs(refs("the first report[^9]"), refs("the second study[^11]"));
        assert_eq!(pairs, [("9".to_string(), "11".to_string())]);
    }
}
