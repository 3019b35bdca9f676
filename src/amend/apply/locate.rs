//! Finding quoted words in a paragraph and changing them.
//!
//! Quoted words are found whole (`"de"` is not found inside `"demande"`),
//! with any kind of space matching any other and `'` matching `’`.
//! Occurrences are counted left to right without overlap. An insertion
//! gets one space on the side of its anchor unless punctuation says
//! otherwise (no space before `,` or `;`, none after `(` or `l’`); a deletion
//! takes one neighbouring space with it.
//!
//! ```
//! use redraft::amend::{locate, Locator, Side, WordEdit};
//! let text = "Invites the Court to report to the Assembly;";
//! let edit = WordEdit::Replace { old: "the".into(), new: "its".into(), at: Locator::After("report to".into()) };
//! assert_eq!(locate::edit_text(text, &edit).unwrap(), "Invites the Court to report to its Assembly;");
//! let edit = WordEdit::Insert { new: "annually".into(), side: Side::After, anchor: "report".into(), nth: None };
//! assert_eq!(locate::edit_text(text, &edit).unwrap(), "Invites the Court to report annually to the Assembly;");
//! ```

use crate::amend::{Locator, Side, WordEdit};
use std::ops::Range;

/// A change of a text: replace `range` (in the original) with `with`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Splice {
    /// The bytes replaced.
    pub range: Range<usize>,
    /// What takes their place.
    pub with: String,
}

/// Every whole-word occurrence of `needle` in `text`, left to right,
/// without overlap.
pub fn find_all(text: &str, needle: &str) -> Vec<Range<usize>> {
    let needle: Vec<char> = needle.chars().collect();
    let Some(&first) = needle.first() else {
        return Vec::new();
    };
    // An occurrence opens with the needle's first character itself, unless
    // that is a space or an apostrophe (which match others): skip to it.
    let exact_first = !first.is_whitespace() && !apostrophe(first);
    let mut out = Vec::new();
    let mut start = 0;
    while start < text.len() {
        if exact_first {
            match text[start..].find(first) {
                Some(k) => start += k,
                None => break,
            }
        }
        match match_at(text, start, &needle) {
            Some(end) if bounded(text, start, end, &needle) => {
                out.push(start..end);
                start = end;
            }
            _ => start += text[start..].chars().next().map_or(1, char::len_utf8),
        }
    }
    out
}

/// Matches `needle` at `start`: any run of spaces matches any run.
fn match_at(text: &str, start: usize, needle: &[char]) -> Option<usize> {
    let mut pos = start;
    let mut k = 0;
    while k < needle.len() {
        let c = needle[k];
        if c.is_whitespace() {
            let after = skip_space(text, pos);
            if after == pos {
                return None;
            }
            pos = after;
            while k < needle.len() && needle[k].is_whitespace() {
                k += 1;
            }
            continue;
        }
        let d = text[pos..].chars().next()?;
        if !same(c, d) {
            return None;
        }
        pos += d.len_utf8();
        k += 1;
    }
    Some(pos)
}

fn same(a: char, b: char) -> bool {
    a == b || (apostrophe(a) && apostrophe(b))
}

/// The apostrophes, any of which matches any other.
fn apostrophe(c: char) -> bool {
    matches!(c, '\'' | '’' | 'ʼ')
}

fn skip_space(text: &str, mut pos: usize) -> usize {
    while let Some(c) = text[pos..].chars().next().filter(|c| c.is_whitespace()) {
        pos += c.len_utf8();
    }
    pos
}

fn is_word(c: char) -> bool {
    c.is_alphanumeric()
}

/// Whether an occurrence stands as whole words.
fn bounded(text: &str, start: usize, end: usize, needle: &[char]) -> bool {
    let before = text[..start].chars().next_back();
    let after = text[end..].chars().next();
    let first = needle.first().copied().is_some_and(is_word);
    let last = needle.last().copied().is_some_and(is_word);
    let glued_before = first && before.is_some_and(is_word);
    let glued_after = last && after.is_some_and(is_word);
    !glued_before && !glued_after
}

/// Where words quoted with a locator stand in a text.
pub fn locate(text: &str, old: &str, at: &Locator) -> Result<Range<usize>, String> {
    let all = find_all(text, old);
    let found = match at {
        Locator::Only => all.clone(),
        Locator::Nth(n) => {
            return all
                .get(n.wrapping_sub(1))
                .cloned()
                .ok_or_else(|| format!("“{old}” occurs {} time(s), not {n}", all.len()));
        }
        Locator::After(anchor) => {
            let ends: Vec<usize> = find_all(text, anchor).iter().map(|r| r.end).collect();
            all.iter()
                .filter(|r| {
                    ends.iter()
                        .any(|&e| e <= r.start && blank(&text[e..r.start]))
                })
                .cloned()
                .collect()
        }
    };
    match found.as_slice() {
        [one] => Ok(one.clone()),
        [] if all.is_empty() => Err(format!("“{old}” is not in the paragraph")),
        [] => Err(format!("“{old}” does not follow the words given")),
        more => Err(format!(
            "“{old}” occurs {} times; say which (after which words, or which occurrence)",
            more.len()
        )),
    }
}

fn blank(s: &str) -> bool {
    s.chars().all(char::is_whitespace)
}

/// Where an insertion goes: next to the anchor.
fn insertion_point(
    text: &str,
    anchor: &str,
    nth: Option<usize>,
    side: Side,
) -> Result<usize, String> {
    let at = match nth {
        Some(n) => Locator::Nth(n),
        None => Locator::Only,
    };
    let range = locate(text, anchor, &at)?;
    Ok(match side {
        Side::After => range.end,
        Side::Before => range.start,
    })
}

/// The splice a word edit makes in a text.
pub fn splice(text: &str, edit: &WordEdit) -> Result<Splice, String> {
    match edit {
        WordEdit::Replace { old, new, at } => Ok(Splice {
            range: locate(text, old, at)?,
            with: new.clone(),
        }),
        WordEdit::Delete { old, at } => Ok(Splice {
            range: widen_deletion(text, locate(text, old, at)?),
            with: String::new(),
        }),
        WordEdit::Insert {
            new,
            side,
            anchor,
            nth,
        } => {
            let p = insertion_point(text, anchor, *nth, *side)?;
            Ok(Splice {
                range: p..p,
                with: spaced_insertion(&text[..p], new, &text[p..], *side),
            })
        }
    }
}

/// A deletion takes a space with it: the one before, or at the start the
/// one after.
fn widen_deletion(text: &str, r: Range<usize>) -> Range<usize> {
    let before = text[..r.start].chars().next_back();
    let after = text[r.end..].chars().next();
    let closes = after.is_none_or(|c| c.is_whitespace() || closing(c));
    match (before, after) {
        (Some(b), _) if b.is_whitespace() && closes => r.start - b.len_utf8()..r.end,
        (None, Some(a)) if a.is_whitespace() => r.start..r.end + a.len_utf8(),
        _ => r,
    }
}

/// Punctuation that hugs the word before it.
fn closing(c: char) -> bool {
    matches!(
        c,
        ',' | ';' | '.' | ':' | ')' | ']' | '}' | '»' | '”' | '!' | '?' | '…' | '%'
    )
}

/// Punctuation (or an elision) that hugs the word after it.
fn opening(c: char) -> bool {
    matches!(c, '(' | '[' | '{' | '«' | '“' | '‘' | '’' | '\'' | '/')
}

/// The inserted text with the space it needs on its anchor's side.
fn spaced_insertion(before: &str, new: &str, after: &str, side: Side) -> String {
    match side {
        Side::After => {
            let hug = before.is_empty()
                || before.ends_with(|c: char| c.is_whitespace() || opening(c))
                || new.starts_with(closing);
            if hug {
                new.to_string()
            } else {
                format!(" {new}")
            }
        }
        Side::Before => {
            let hug = after.is_empty()
                || after.starts_with(|c: char| c.is_whitespace() || closing(c))
                || new.ends_with(opening);
            if hug {
                new.to_string()
            } else {
                format!("{new} ")
            }
        }
    }
}

/// Applies one word edit to a text.
pub fn edit_text(text: &str, edit: &WordEdit) -> Result<String, String> {
    let s = splice(text, edit)?;
    Ok(apply_splices(text, &[s]))
}

/// Applies splices located in the same original text (none overlapping),
/// from the last to the first.
pub fn apply_splices(text: &str, splices: &[Splice]) -> String {
    let mut sorted: Vec<&Splice> = splices.iter().collect();
    sorted.sort_by_key(|s| (s.range.start, s.range.end));
    let mut out = String::with_capacity(text.len());
    let mut last = 0;
    for s in sorted {
        out.push_str(&text[last..s.range.start.max(last)]);
        out.push_str(&s.with);
        last = last.max(s.range.end);
    }
    out.push_str(&text[last..]);
    out
}

/// Whether two splices touch the same words (two insertions at one point
/// do too: their order would be a guess).
pub fn overlap(a: &Splice, b: &Splice) -> bool {
    let (a, b) = (&a.range, &b.range);
    (a.start < b.end && b.start < a.end) || (a.is_empty() && b.is_empty() && a.start == b.start)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn finds_whole_words_only() {
        assert_eq!(find_all("demande de la Cour de", "de"), [8..10, 19..21]);
        assert_eq!(find_all("l’impunité", "impunité"), vec![4..13]);
        assert_eq!(find_all("a  b", "a b"), vec![0..4]);
        assert_eq!(find_all("l'x", "l’x"), vec![0..3]);
    }

    #[test]
    fn anchors_resolve_repeated_words() {
        let t = "la Cour de la Cour";
        assert!(locate(t, "la", &Locator::Only).is_err());
        assert_eq!(locate(t, "la", &Locator::Nth(2)), Ok(11..13));
        assert_eq!(locate(t, "la", &Locator::After("de".into())), Ok(11..13));
    }

    #[test]
    fn deletions_take_one_space() {
        let del = |t: &str, w: &str| {
            edit_text(
                t,
                &WordEdit::Delete {
                    old: w.into(),
                    at: Locator::Only,
                },
            )
            .unwrap()
        };
        assert_eq!(del("a b c", "b"), "a c");
        assert_eq!(del("a b, c", "b"), "a, c");
        assert_eq!(del("a b c", "a"), "b c");
        assert_eq!(del("défis, et", ","), "défis et");
    }

    #[test]
    fn insertions_space_by_punctuation() {
        let ins = |t: &str, new: &str, anchor: &str, side| {
            edit_text(
                t,
                &WordEdit::Insert {
                    new: new.into(),
                    side,
                    anchor: anchor.into(),
                    nth: None,
                },
            )
            .unwrap()
        };
        assert_eq!(
            ins("x Res.3 et", ", Res.4", "Res.3", Side::After),
            "x Res.3, Res.4 et"
        );
        assert_eq!(
            ins("des mesures", "défis,", "mesures", Side::Before),
            "des défis, mesures"
        );
        assert_eq!(ins("a (b)", "c", "b", Side::After), "a (b c)");
        assert_eq!(ins("de l’ordre", "un", "de", Side::After), "de un l’ordre");
    }
}
