//! Amendments from a redline alone (its JSON form, say): its two drafts
//! rebuilt ("reject all", "accept all"), parsed again and its alignment
//! read from its entries. With the drafts at hand, use
//! [`super::from_comparison`], which does none of this.

use super::generate;
use crate::align::{Alignment, Match};
use crate::amend::Amendment;
use crate::lang::Lang;
use crate::model::{self, ParseOptions};
use crate::redline::{Op, Redline};
use std::collections::HashMap;

/// The amendments behind a redline: its two drafts rebuilt ("reject all",
/// "accept all") and its alignment read from its entries, worded in `lang`
/// (by default the old draft's language).
pub fn from_redline(redline: &Redline, lang: Option<Lang>) -> Vec<Amendment> {
    let parse = |text: &str, l| model::parse(text, &ParseOptions { lang: Some(l) });
    let (Ok(old), Ok(new)) = (
        parse(&redline.reject_all(), redline.old.lang),
        parse(&redline.accept_all(), redline.new.lang),
    ) else {
        return Vec::new();
    };
    let alignment = alignment_of(redline, old.units.len(), new.units.len())
        .unwrap_or_else(|| crate::align::align(&old, &new));
    generate(&old, &new, &alignment, lang.unwrap_or(redline.old.lang))
}

/// The alignment a redline records, if its indices fit the rebuilt drafts.
fn alignment_of(redline: &Redline, old_len: usize, new_len: usize) -> Option<Alignment> {
    let mut matches: Vec<Match> = Vec::new();
    let mut split_of: HashMap<usize, usize> = HashMap::new();
    for e in &redline.entries {
        let Some(n) = &e.new else { continue };
        let olds: Vec<usize> = e.old.iter().map(|s| s.index).collect();
        match e.op {
            Op::Unchanged | Op::Edited | Op::Merged => matches.push(Match {
                old: olds,
                new: vec![n.index],
                exact: e.op == Op::Unchanged,
                moved: e.moved,
            }),
            Op::Split => match split_of.get(olds.first()?) {
                Some(&k) => matches[k].new.push(n.index),
                None => {
                    split_of.insert(*olds.first()?, matches.len());
                    matches.push(Match {
                        old: olds,
                        new: vec![n.index],
                        exact: false,
                        moved: e.moved,
                    });
                }
            },
            _ => {}
        }
    }
    let mut old_match = vec![None; old_len];
    let mut new_match = vec![None; new_len];
    for (k, m) in matches.iter().enumerate() {
        for &i in &m.old {
            *old_match.get_mut(i)? = Some(k);
        }
        for &j in &m.new {
            *new_match.get_mut(j)? = Some(k);
        }
    }
    Some(Alignment {
        matches,
        old_match,
        new_match,
    })
}
