//! Combining the word edits of several delegations on one base unit.
//!
//! Hunks are sorted by where they start; hunks that touch the same base
//! words, or stand next to each other with nothing but spaces between, are
//! taken together into one cluster, transitively. Each delegation in a cluster has its version of
//! the cluster's base words (its own hunks applied); delegations with the
//! same version share an [`Alternative`]. Between clusters the base text
//! is left as it is.
//!
//! ```text
//! base: "Requests a report annually."
//! EU:   a → an annual        US: a → an annual      G77: annually → every year
//! → "Requests " [a → "an annual" (EU, US)] " report " [annually → "every year" (G77)] "."
//! ```

use super::proposal::Hunk;
use super::{Alternative, Part};

/// The base text of one unit cut into text nobody changes and proposed
/// changes; `hunks` are (delegation index, hunk), `names` the delegations.
pub fn parts(base: &str, hunks: &[(usize, &Hunk)], names: &[String]) -> Vec<Part> {
    let mut sorted: Vec<(usize, &Hunk)> = hunks.to_vec();
    sorted.sort_by_key(|(d, h)| (h.start, h.end, *d));
    let mut out = Vec::new();
    let mut at = 0;
    for cluster in clusters(base, &sorted) {
        let (start, end) = span(cluster);
        if start > at {
            out.push(Part::Text {
                text: base[at..start].to_string(),
            });
        }
        out.push(Part::Change {
            base: base[start..end].to_string(),
            alternatives: alternatives(base, cluster, start, end, names),
        });
        at = end;
    }
    if at < base.len() || out.is_empty() {
        out.push(Part::Text {
            text: base[at..].to_string(),
        });
    }
    out
}

/// Runs of sorted hunks that touch one another.
fn clusters<'a, 'h>(base: &str, sorted: &'a [(usize, &'h Hunk)]) -> Vec<&'a [(usize, &'h Hunk)]> {
    let mut out = Vec::new();
    let mut first = 0;
    for k in 1..=sorted.len() {
        let ends = k == sorted.len() || !touches(base, span(&sorted[first..k]), sorted[k].1);
        if ends {
            out.push(&sorted[first..k]);
            first = k;
        }
    }
    out.retain(|c: &&[(usize, &Hunk)]| !c.is_empty());
    out
}

/// The base words a cluster covers.
fn span(cluster: &[(usize, &Hunk)]) -> (usize, usize) {
    let start = cluster.iter().map(|(_, h)| h.start).min().unwrap_or(0);
    let end = cluster.iter().map(|(_, h)| h.end).max().unwrap_or(0);
    (start, end)
}

/// Whether a hunk (starting at or after `start`) touches the words
/// `start..end`: shares some of them, or starts where they end or after
/// nothing but spaces. "a report" → "an annual report" (a → an annual) and
/// → "a detailed report" (insert "detailed " after "a ") are thus two
/// proposals for the same words, not two changes to combine.
fn touches(base: &str, (_, end): (usize, usize), h: &Hunk) -> bool {
    h.start <= end
        || base
            .get(end..h.start)
            .is_some_and(|gap| gap.trim().is_empty())
}

/// Each delegation's version of `base[start..end]`, grouped by text.
fn alternatives(
    base: &str,
    cluster: &[(usize, &Hunk)],
    start: usize,
    end: usize,
    names: &[String],
) -> Vec<Alternative> {
    let mut delegations: Vec<usize> = cluster.iter().map(|(d, _)| *d).collect();
    delegations.sort_unstable();
    delegations.dedup();
    let mut out: Vec<Alternative> = Vec::new();
    for d in delegations {
        let text = version(base, cluster, d, start, end);
        let name = names.get(d).cloned().unwrap_or_default();
        match out.iter_mut().find(|a| a.text == text) {
            Some(a) => a.by.push(name),
            None => out.push(Alternative {
                text,
                by: vec![name],
            }),
        }
    }
    out
}

/// `base[start..end]` with delegation `d`'s hunks applied.
fn version(base: &str, cluster: &[(usize, &Hunk)], d: usize, start: usize, end: usize) -> String {
    let mut text = String::new();
    let mut at = start;
    for (_, h) in cluster.iter().filter(|(e, _)| *e == d) {
        text.push_str(&base[at..h.start.max(at)]);
        text.push_str(&h.text);
        at = at.max(h.end);
    }
    text.push_str(&base[at..end]);
    text
}

#[cfg(test)]
mod tests {
    use super::*;

    fn h(start: usize, end: usize, text: &str) -> Hunk {
        Hunk {
            start,
            end,
            text: text.into(),
        }
    }

    #[test]
    fn same_words_replaced_differently_are_alternatives() {
        let names = vec!["EU".to_string(), "G77".to_string()];
        let (a, b) = (h(9, 10, "an annual"), h(9, 10, "a detailed"));
        let parts = parts("Requests a report.", &[(0, &a), (1, &b)], &names);
        let Part::Change { base, alternatives } = &parts[1] else {
            panic!("{parts:?}")
        };
        assert_eq!(base, "a");
        assert_eq!(alternatives.len(), 2);
        assert_eq!(alternatives[1].by, ["G77"]);
    }

    #[test]
    fn identical_edits_share_one_alternative() {
        let names = vec!["A".to_string(), "B".to_string(), "C".to_string()];
        let x = h(0, 1, "Y");
        let parts = parts("X z", &[(0, &x), (1, &x), (2, &x)], &names);
        let Part::Change { alternatives, .. } = &parts[0] else {
            panic!("{parts:?}")
        };
        assert_eq!(alternatives.len(), 1);
        assert_eq!(alternatives[0].by, ["A", "B", "C"]);
    }

    #[test]
    fn separate_edits_stay_separate() {
        let names = vec!["A".to_string(), "B".to_string()];
        let (a, b) = (h(0, 1, "x"), h(4, 5, "y"));
        let parts = parts("a b c", &[(1, &b), (0, &a)], &names);
        assert_eq!(parts.iter().filter(|p| p.is_change()).count(), 2);
        assert_eq!(parts.len(), 3);
    }

    #[test]
    fn edits_next_to_each_other_are_alternatives() {
        let names = vec!["A".to_string(), "B".to_string()];
        let (a, b) = (h(9, 10, "an annual"), h(11, 11, "detailed "));
        let parts = parts("Requests a report.", &[(0, &a), (1, &b)], &names);
        let Part::Change { base, alternatives } = &parts[1] else {
            panic!("{parts:?}")
        };
        assert_eq!(base, "a ");
        assert_eq!(alternatives[0].text, "an annual ");
        assert_eq!(alternatives[1].text, "a detailed ");
    }
}
