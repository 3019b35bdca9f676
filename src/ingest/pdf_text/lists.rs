//! Lists of subparagraphs in printed lines: which lettered or numbered
//! line starts a subparagraph even though the line before it did not end a
//! clause.
//!
//! A subparagraph usually follows `;`, `:` or `,`, and [`super::segment`]
//! opens one there. Drafts also write lists whose lead-in or items end in a
//! word, and the printed lines then give no punctuation to go by:
//!
//! ```text
//! (S/2020/448), shall                ← lead-in without a colon
//! (a) prioritize the provision …     ← first of its list: (b) opens a line further on
//! … reconciliation; and              ← item ending in "and"
//! (b) further advise, support …      ← the item after (a)
//! ```
//!
//! So a marker also opens a subparagraph when it is the one after the last
//! subparagraph opened (`(b)` after `(a)`, `(ii)` after `(i)`, in the same
//! form of marker), or when it is the first of a list (`(a)`, `(i)`, `a)`)
//! and the one after it opens a line later in the text. A line of running
//! text that happens to start with `(a)` has no `(b)` starting a line after
//! it, and stays in its paragraph.

use crate::model::marker::{self, Sub};
use std::collections::HashMap;

/// The literal of the subparagraph marker after `sub` in each numbering it
/// may belong to: `(a)` → `(b)`; `(i)` → `(ii)` (roman) and `(j)`
/// (letters); `c.` → `d.`. Subparagraph ids are lower case
/// ([`marker::subparagraph`]).
///
/// ```text
/// "(h)" → ["(i)"]     "(i)" → ["(ii)", "(j)"]     "iv)" → ["v)"]
/// ```
pub fn successors(sub: &Sub<'_>) -> Vec<String> {
    let (head, tail) = sub.literal.split_once(sub.id).unwrap_or(("", ""));
    let roman = marker::roman_value(sub.id).map(|n| marker::to_roman(n + 1));
    let letter = marker::letter_value(sub.id).map(|n| marker::to_letter(n + 1));
    roman
        .into_iter()
        .chain(letter)
        .map(|id| format!("{head}{id}{tail}"))
        .collect()
}

/// Whether `sub` is the first of a list: `a` or `i`.
fn is_first(sub: &Sub<'_>) -> bool {
    matches!(sub.id, "a" | "i")
}

/// The subparagraph markers that open lines, and where.
#[derive(Debug, Default)]
pub struct Lists {
    /// The last line each marker opens.
    last_opening: HashMap<String, usize>,
    /// The marker of the last subparagraph opened so far.
    last_opened: Option<String>,
}

impl Lists {
    /// Notes the markers opening `lines` (trimmed texts, in order).
    pub fn new(lines: &[&str]) -> Self {
        let mut last_opening = HashMap::new();
        for (i, line) in lines.iter().enumerate() {
            if let Some(sub) = marker::subparagraph(line) {
                last_opening.insert(sub.literal.to_string(), i);
            }
        }
        Lists {
            last_opening,
            last_opened: None,
        }
    }

    /// Whether the marker opening line `i` (text `t`) continues a list: the
    /// one after the last subparagraph opened, or the first of a list whose
    /// second opens a line after it.
    pub fn continues(&self, i: usize, t: &str) -> bool {
        let Some(sub) = marker::subparagraph(t) else {
            return false;
        };
        let after_last = self.last_opened.as_deref().is_some_and(|last| {
            marker::subparagraph(&format!("{last} x"))
                .is_some_and(|s| successors(&s).iter().any(|n| n == sub.literal))
        });
        let heads_a_list = is_first(&sub)
            && successors(&sub)
                .iter()
                .any(|n| self.last_opening.get(n).is_some_and(|&at| at > i));
        after_last || heads_a_list
    }

    /// Notes that line `t` opened a paragraph.
    pub fn opened(&mut self, t: &str) {
        if let Some(sub) = marker::subparagraph(t) {
            self.last_opened = Some(sub.literal.to_string());
        } else if marker::operative(t).is_some() {
            self.last_opened = None;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn next(literal: &str) -> Vec<String> {
        successors(&marker::subparagraph(&format!("{literal} x")).unwrap())
    }

    #[test]
    fn successors_in_each_numbering() {
        assert_eq!(next("(a)"), ["(b)"]);
        assert_eq!(next("(i)"), ["(ii)", "(j)"]);
        assert_eq!(next("iv)"), ["v)"]);
        assert_eq!(next("(z)"), ["(aa)"]);
    }

    #[test]
    fn a_list_is_continued_or_headed() {
        let lines = [
            "shall",
            "(a) prioritize the provision of advice; and",
            "(b) further advise:",
            "(i) the Government",
            "(ii) the Council",
        ];
        let mut lists = Lists::new(&lines);
        assert!(lists.continues(1, lines[1]), "(a) heads a list");
        lists.opened(lines[1]);
        assert!(lists.continues(2, lines[2]), "(b) after (a)");
        lists.opened(lines[2]);
        assert!(lists.continues(3, lines[3]), "(i) heads a list");
        lists.opened(lines[3]);
        assert!(lists.continues(4, lines[4]), "(ii) after (i)");
    }

    #[test]
    fn a_line_opening_with_a_lone_marker_is_text() {
        let lines = ["as set out in paragraph 3", "(a) of resolution 2379 (2017);"];
        let lists = Lists::new(&lines);
        assert!(!lists.continues(1, lines[1]));
    }
}
