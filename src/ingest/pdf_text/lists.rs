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

use crate::text::marker::{self, Sub};
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
    /// The lines each marker opens, in order (searched by bisection: a
    /// hostile text of 100,000 `(a)` lines stays linear).
    openings: HashMap<String, Vec<usize>>,
    /// For each line, the next line opening with a paragraph number.
    next_numbered: Vec<usize>,
    /// The marker of the last subparagraph opened so far.
    last_opened: Option<String>,
}

impl Lists {
    /// Notes the markers opening `lines` (trimmed texts, in order).
    pub fn new(lines: &[&str]) -> Self {
        let mut openings: HashMap<String, Vec<usize>> = HashMap::new();
        let mut next_numbered = vec![lines.len(); lines.len()];
        for (i, line) in lines.iter().enumerate() {
            if let Some(sub) = marker::subparagraph(line) {
                openings.entry(sub.literal.to_string()).or_default().push(i);
            }
        }
        for i in (0..lines.len().saturating_sub(1)).rev() {
            let numbered = marker::operative(lines[i + 1]).is_some();
            next_numbered[i] = if numbered {
                i + 1
            } else {
                next_numbered[i + 1]
            };
        }
        Lists {
            openings,
            next_numbered,
            last_opened: None,
        }
    }

    /// Whether the marker opening line `i` (text `t`) continues a list
    /// after a paragraph so far `before`: the one after the last
    /// subparagraph opened, or the first of a list (none of its numbering
    /// open) whose second opens a line after it, before the next numbered
    /// paragraph. Never after a number (`paragraph 2` / `(a) of
    /// resolution 79/1`: a reference cut by the line end).
    pub fn continues(&self, i: usize, t: &str, before: &str) -> bool {
        let Some(sub) = marker::subparagraph(t) else {
            return false;
        };
        if before.ends_with(|c: char| c.is_ascii_digit()) {
            return false;
        }
        let last = self
            .last_opened
            .as_deref()
            .and_then(|l| marker::subparagraph(l).map(|s| successors(&s)));
        let after_last = last
            .as_ref()
            .is_some_and(|n| n.iter().any(|n| n == sub.literal));
        let same_numbering_open = self.last_opened.as_deref().is_some_and(|l| {
            marker::subparagraph(l).is_some_and(|s| numbering(&s) == numbering(&sub))
        });
        let end = self.next_numbered.get(i).copied().unwrap_or(i);
        let second_follows = successors(&sub).iter().any(|n| {
            self.openings.get(n).is_some_and(|at| {
                at.get(at.partition_point(|&k| k <= i))
                    .is_some_and(|&k| k < end)
            })
        });
        after_last || (is_first(&sub) && !same_numbering_open && second_follows)
    }

    /// Notes that line `t` opened a paragraph.
    pub fn opened(&mut self, t: &str) {
        if let Some(sub) = marker::subparagraph(t) {
            self.last_opened = Some(format!("{} x", sub.literal));
        } else if marker::operative(t).is_some() {
            self.last_opened = None;
        }
    }
}

/// Whether a marker counts in roman numerals (`(i)`, `ii)`) or in letters,
/// and how it is written around them: `(i)` → `(r)`, `b)` → `l)`.
fn numbering(sub: &Sub<'_>) -> String {
    let roman = matches!(
        sub.id,
        "i" | "ii" | "iii" | "iv" | "v" | "vi" | "vii" | "viii" | "ix"
    );
    let kind = if roman { "r" } else { "l" };
    sub.literal.replacen(sub.id, kind, 1)
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
        assert!(lists.continues(1, lines[1], "shall"), "(a) heads a list");
        lists.opened(lines[1]);
        assert!(lists.continues(2, lines[2], "and"), "(b) after (a)");
        lists.opened(lines[2]);
        assert!(lists.continues(3, lines[3], "assist"), "(i) heads a list");
        lists.opened(lines[3]);
        assert!(lists.continues(4, lines[4], "Government"), "(ii) after (i)");
    }

    #[test]
    fn a_line_opening_with_a_lone_marker_is_text() {
        let lines = [
            "as set out in the",
            "(a) report of the Panel;",
            "2. Decides",
        ];
        let lists = Lists::new(&lines);
        assert!(!lists.continues(1, lines[1], "the"), "no (b) follows");
        // A reference cut at the line end, before a list whose (b) follows.
        let lines = [
            "3. Requests a report on paragraph 2",
            "(a) of this resolution, including on:",
            "(a) the mandate;",
            "(b) the return of refugees.",
        ];
        let mut lists = Lists::new(&lines);
        assert!(
            !lists.continues(1, lines[1], "paragraph 2"),
            "after a number"
        );
        assert!(lists.continues(2, lines[2], "on:"));
        lists.opened(lines[2]);
        let nested = "(a) of resolution 1 and";
        assert!(!lists.continues(3, nested, "set out in"), "(a) within (a)");
    }
}
